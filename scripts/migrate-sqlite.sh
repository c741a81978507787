#!/usr/bin/env bash
# Moves an old installation (the Python system's SQLite files) into the services' PostgreSQL schemas
# (see `scripts/migrate-sqlite.sh --help` and docs/deployment.md, "Migrating from the old system").
# Progress goes to stderr, the JSON report to stdout; exit codes:
# 0 completed (rejected rows are listed in the report), 1 unexpected failure (rolled back), 2 usage,
# 3 a database cannot be used (nothing written).
#   scripts/migrate-sqlite.sh --sqlite /srv/old/.data --tenant clinica-sur --map-project dev=clinica-sur \
#     --zone America/Argentina/Buenos_Aires --default-professional PROF-1A2B3C4D --prepare-target --dry-run
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/java25.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

# the old directories are read from where the operator stands
ARGS=()
while (($#)); do
  if [[ "$1" == "--sqlite" && $# -ge 2 ]]; then
    if parent="$(cd "$(dirname -- "$2")" 2>/dev/null && pwd)"; then
      ARGS+=("$1" "$parent/$(basename -- "$2")")
    else
      ARGS+=("$1" "$2")
    fi
    shift 2
  else
    ARGS+=("$1"); shift
  fi
done

cd "$REPO_ROOT"
MODULE=infra/migration
CLASSPATH_FILE="$MODULE/target/migrate.classpath"
# the tool reads each service's Flyway migrations from that service's build output (its jar's contents)
if [[ ! -s "$CLASSPATH_FILE" || ! -d "$MODULE/target/classes" || ! -d common/target/classes \
      || -n "$(find "$MODULE/src/main" "$MODULE/pom.xml" common/src/main pom.xml \
                    mcp-professionals/src/main/resources/db mcp-calendar/src/main/resources/db \
                    mcp-booking-log/src/main/resources/db backend-api/src/main/resources/db \
                    -newer "$CLASSPATH_FILE" -print -quit)" ]]; then
  log "building the migration tool ($MODULE, common and the four services it migrates into)"
  mvn_cmd -B -q -pl "$MODULE" -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/migrate.classpath -Dmdep.includeScope=runtime >&2 || die "build failed"
fi
set +e
java --enable-native-access=ALL-UNNAMED -cp "$MODULE/target/classes:$(cat "$CLASSPATH_FILE")" \
  com.aiassistants.infra.migration.MigrateCommand ${ARGS[@]+"${ARGS[@]}"}
status=$?
set -e
exit $status
