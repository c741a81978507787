#!/usr/bin/env bash
# The sample orders and claims hook (scripts/SampleOrderHook.java) on a JDK 25 found like every other script here.
# Usage: scripts/sample-order-hook.sh   (ORDER_HOOK_PORT, default 8099; ORDER_HOOK_SECRET, default demo-order-hook-secret-0001)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/java25.sh
exec java scripts/SampleOrderHook.java
