#!/usr/bin/env bash
# Runs every test of the project against real PostgreSQL and Redis.
#   TEST_DATABASE_URL  a PostgreSQL where tests may create databases (else Testcontainers, else embedded PostgreSQL)
#   TEST_REDIS_URL     a Redis for tests (else Testcontainers; tests needing Redis are skipped with the reason)
# Extra arguments go to Maven, e.g. scripts/test.sh -pl mcp-calendar -am
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/java25.sh
# the benchmarks under bench/ are single-file programs outside the reactor: compile them so they cannot rot
bench_classes="$(mktemp -d)"
"$JAVA_HOME/bin/javac" -d "$bench_classes" bench/*.java
rm -rf "$bench_classes"
exec ./mvnw -B -ntp verify "$@"
