#!/usr/bin/env bash
# The CDK "app" command (infra/cdk.json): compiles the infra module (and common, which it uses) and runs InfraApp with a JDK 25.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
find_jdk25
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
cd "$REPO_ROOT"
mvn_cmd -B -q -pl infra -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/cdk.classpath -Dmdep.includeScope=runtime >&2
cd infra
exec java -cp "target/classes:$(cat target/cdk.classpath)" com.aiassistants.infra.InfraApp
