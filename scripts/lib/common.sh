# Shared helpers for the ai-assistants scripts (sourced, not executed).

log() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Exports JAVA_HOME pointing at a JDK 25: $JAVA_HOME if it is 25, else /usr/lib/jvm/*25*.
find_jdk25() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25*; do
    [[ -n "$candidate" && -x "$candidate/bin/java" ]] || continue
    version="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
    if [[ "$version" == "25" ]]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  die "no JDK 25 found: set JAVA_HOME to a JDK 25 (looked at \$JAVA_HOME and /usr/lib/jvm/*25*)"
}

# Maven through the wrapper when the repository has one.
mvn_cmd() {
  if [[ -x "$REPO_ROOT/mvnw" ]]; then
    "$REPO_ROOT/mvnw" "$@"
  else
    command -v mvn >/dev/null || die "neither ./mvnw nor mvn is available"
    mvn "$@"
  fi
}

ALL_SERVICES="mcp-professionals,mcp-booking-log,mcp-calendar,mcp-llm,backend-api,whatsapp-gateway"

# Validates a comma-separated service list against ALL_SERVICES.
check_services() {
  local s
  IFS=',' read -ra _list <<<"$1"
  for s in "${_list[@]}"; do
    [[ ",$ALL_SERVICES," == *",$s,"* ]] || die "unknown service '$s' (known: $ALL_SERVICES)"
  done
}
