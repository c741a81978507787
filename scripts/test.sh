#!/usr/bin/env bash
# Runs every test of the project against real PostgreSQL and Redis.
#   TEST_DATABASE_URL  a PostgreSQL where tests may create databases (else Testcontainers, else embedded PostgreSQL)
#   TEST_REDIS_URL     a Redis for tests (else Testcontainers; tests needing Redis are skipped with the reason)
# Extra arguments go to Maven, e.g. scripts/test.sh -pl mcp-calendar -am
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/java25.sh
exec ./mvnw -B -ntp verify "$@"
