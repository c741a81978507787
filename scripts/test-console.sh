#!/usr/bin/env bash
# The console's tests (run by scripts/test.sh after Maven; needs the services' jars built):
#  1. npm ci when the lockfile changed; type check and production build (API types generated from
#     admin-frontend/openapi/backend-api.json)
#  2. component tests (Vitest + Testing Library + MSW)
#  3. end-to-end journeys (Playwright in /usr/bin/chromium, or $CHROMIUM_PATH) against the real services,
#     started by admin-frontend/e2e/global-setup.ts on free ports with a fresh database
#     (TEST_DATABASE_URL's server when set, else an embedded PostgreSQL) and TEST_REDIS_URL when set.
# Screenshots of every page and the HTML report land in admin-frontend/test-results/.
set -euo pipefail
cd "$(dirname "$0")/../admin-frontend"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build
npm test --silent
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium not found at $chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH" >&2
  exit 1
fi
npx playwright test
