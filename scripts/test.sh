#!/usr/bin/env bash
# Runs every test of the project against real PostgreSQL and Redis.
#   TEST_DATABASE_URL  a PostgreSQL where tests may create databases (else Testcontainers, else embedded PostgreSQL)
#   TEST_REDIS_URL     a Redis for tests (else Testcontainers; tests needing Redis are skipped with the reason)
#   CHROMIUM_PATH      the browser for the console's end-to-end tests (default /usr/bin/chromium)
# With no arguments: every Maven module (verify also builds the services' jars), then the console's tests
# (scripts/test-console.sh: build, component tests, end-to-end journeys against the real services) and the
# delivery pipeline's definitions (scripts/check-workflows.sh: actionlint, the scripts they call, documented settings).
# Extra arguments go to Maven only, e.g. scripts/test.sh -pl mcp-calendar -am (the console is not tested then).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/java25.sh
# the benchmarks under bench/ are single-file programs outside the reactor: compile them so they cannot rot
bench_classes="$(mktemp -d)"
"$JAVA_HOME/bin/javac" -d "$bench_classes" bench/*.java
rm -rf "$bench_classes"
./mvnw -B -ntp verify "$@"
if [ $# -eq 0 ]; then
  scripts/check-workflows.sh
  scripts/test-console.sh
fi
