#!/usr/bin/env bash
# Offline check of the Jib image configuration: builds image tarballs on a `scratch` base (no registry
# needed) and asserts user, entrypoint, labels and layering. Usage: scripts/test-images.sh [services]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
SERVICES="${1:-mcp-llm}"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/build-and-push.sh" --tar --base-image scratch --services "$SERVICES" --tag image-test >/dev/null
SHA="$(git rev-parse --short=12 HEAD)"
IFS=',' read -ra list <<<"$SERVICES"
for s in "${list[@]}"; do
  python3 - "$s/target/jib-image.tar" "$s" "$SHA" <<'PY'
import json, sys, tarfile
path, service, sha = sys.argv[1:]
with tarfile.open(path) as tar:
    manifest = json.load(tar.extractfile("manifest.json"))[0]
    config = json.load(tar.extractfile(manifest["Config"]))["config"]
checks = {
    "non-root user": config.get("User") == "1000:1000",
    "java entrypoint": config["Entrypoint"][0] == "java" and "-XX:MaxRAMPercentage=75" in config["Entrypoint"],
    # the webhook ack is latency-bound: the gateway alone commits its heap up front (docs/benchmarks.md)
    "heap pre-touched, C1 only": ("-XX:+AlwaysPreTouch" in config["Entrypoint"]
                                  and "-XX:TieredStopAtLevel=1" in config["Entrypoint"]) == (service == "whatsapp-gateway"),
    "revision label": config["Labels"].get("org.opencontainers.image.revision") == sha,
    "title label": config["Labels"].get("org.opencontainers.image.title") == service,
    "layered (>= 3 app layers)": len(manifest["Layers"]) >= 3,
    "tagged": manifest["RepoTags"] == [f"local/ai-assistants/{service}:image-test"],
}
failed = [name for name, ok in checks.items() if not ok]
for name, ok in checks.items():
    print(f"{service}: {'ok  ' if ok else 'FAIL'} {name}")
sys.exit(1 if failed else 0)
PY
done
echo "image checks passed for $SERVICES"
