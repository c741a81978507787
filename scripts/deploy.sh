#!/usr/bin/env bash
# Rolls an image tag out to the ECS services (see `scripts/deploy.sh --help`).
# Progress goes to stderr, the JSON summary to stdout; exit codes:
# 0 ok, 1 failed and rolled back, 2 usage, 3 preflight failed, 4 rollback failed, 5 AWS error.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

find_jdk25
cd "$REPO_ROOT"
CLASSPATH_FILE="infra/target/deployer.classpath"
if [[ ! -s "$CLASSPATH_FILE" || ! -d infra/target/classes || ! -d common/target/classes \
      || -n "$(find infra/src/main common/src/main infra/pom.xml -newer "$CLASSPATH_FILE" -print -quit)" ]]; then
  log "building the deployer (infra module; -am builds common, which infra uses for DATABASE_URL parsing)"
  mvn_cmd -B -q -pl infra -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/deployer.classpath -Dmdep.includeScope=runtime >&2 || die "deployer build failed"
fi
set +e
java -cp "infra/target/classes:$(cat "$CLASSPATH_FILE")" com.aiassistants.infra.deploy.DeployCommand "$@"
status=$?
set -e
exit $status
