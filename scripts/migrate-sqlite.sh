#!/usr/bin/env bash
# Imports the old system's SQLite database into the services' PostgreSQL schemas
# (see `scripts/migrate-sqlite.sh --help` and docs/deployment.md, "Migrating from the old system").
# Progress goes to stderr, the JSON report to stdout; exit codes:
# 0 completed (rejected rows are listed in the report), 1 unexpected failure (rolled back), 2 usage,
# 3 a database cannot be used (nothing written).
#   scripts/migrate-sqlite.sh --sqlite old.sqlite3 --tenant clinica-sur --zone America/Argentina/Buenos_Aires --dry-run
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/java25.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

cd "$REPO_ROOT"
CLASSPATH_FILE="infra/target/migrate.classpath"
if [[ ! -s "$CLASSPATH_FILE" || ! -d infra/target/classes || ! -d common/target/classes \
      || -n "$(find infra/src/main common/src/main infra/pom.xml pom.xml -newer "$CLASSPATH_FILE" -print -quit)" ]]; then
  log "building the migration tool (infra module and common)"
  mvn_cmd -B -q -pl infra -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/migrate.classpath -Dmdep.includeScope=runtime >&2 || die "build failed"
fi
set +e
java --enable-native-access=ALL-UNNAMED -cp "infra/target/classes:$(cat "$CLASSPATH_FILE")" \
  com.aiassistants.infra.migration.MigrateCommand "$@"
status=$?
set -e
exit $status
