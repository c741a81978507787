#!/usr/bin/env bash
# Smoke test of a deployed environment: GET /health answers 200 with status UP, then one REST turn
# (POST /v1/conversations/<id>/messages with a project API key) answers 200 with a non-empty response_text.
# Retries while the new tasks settle behind the load balancer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/smoke-test.sh --url URL [options]
  --url URL            the API's base URL, e.g. https://api.example.com (default: $SMOKE_BASE_URL)
  --api-key-env NAME   environment variable holding a project API key for the REST turn (default: SMOKE_API_KEY);
                       without the variable the REST turn is skipped with a warning unless --require-turn
  --require-turn       fail when there is no API key (CI)
  --conversation ID    conversation id for the turn (default: smoke-<UTC timestamp>)
  --text TEXT          the message (default: "hola")
  --attempts N         tries per check before giving up (default: 12)
  --interval SECONDS   pause between tries (default: 10)
  --dry-run            print the requests, send nothing
  -h, --help           this text
Exit status: 0 healthy, 1 a check failed, 2 usage.
USAGE
}

URL="${SMOKE_BASE_URL:-}"; KEY_ENV="SMOKE_API_KEY"; REQUIRE_TURN=0
CONVERSATION="smoke-$(date -u +%Y%m%dT%H%M%SZ)"; TEXT="hola"; ATTEMPTS=12; INTERVAL=10; DRY_RUN=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) URL="${2:?--url needs a value}"; shift 2 ;;
    --api-key-env) KEY_ENV="${2:?--api-key-env needs a value}"; shift 2 ;;
    --require-turn) REQUIRE_TURN=1; shift ;;
    --conversation) CONVERSATION="${2:?--conversation needs a value}"; shift 2 ;;
    --text) TEXT="${2:?--text needs a value}"; shift 2 ;;
    --attempts) ATTEMPTS="${2:?--attempts needs a value}"; shift 2 ;;
    --interval) INTERVAL="${2:?--interval needs a value}"; shift 2 ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; log "error: unknown option $1"; exit 2 ;;
  esac
done
[[ -n "$URL" ]] || { usage >&2; log "error: --url (or SMOKE_BASE_URL) is required"; exit 2; }
[[ "$ATTEMPTS" =~ ^[1-9][0-9]*$ && "$INTERVAL" =~ ^[0-9]+$ ]] || { log "error: --attempts/--interval must be numbers"; exit 2; }
[[ "$KEY_ENV" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { log "error: --api-key-env must name a variable"; exit 2; }
[[ "$CONVERSATION" =~ ^[A-Za-z0-9_.:-]{1,128}$ ]] || { log "error: invalid --conversation"; exit 2; }
URL="${URL%/}"
API_KEY="${!KEY_ENV:-}"
BODY="$(jq -cn --arg text "$TEXT" --arg id "$CONVERSATION-1" '{text: $text, message_id: $id}' 2>/dev/null \
  || printf '{"text":"%s","message_id":"%s-1"}' "$TEXT" "$CONVERSATION")"

if [[ $DRY_RUN -eq 1 ]]; then
  log "dry run: no request is sent"
  log "1. GET $URL/health until 200 with \"status\":\"UP\" ($ATTEMPTS tries, ${INTERVAL}s apart)"
  if [[ -n "$API_KEY" ]]; then
    log "2. POST $URL/v1/conversations/$CONVERSATION/messages (X-API-Key from \$$KEY_ENV) $BODY -> 200 with response_text"
  else
    log "2. REST turn $([[ $REQUIRE_TURN -eq 1 ]] && echo "fails: \$$KEY_ENV is not set" || echo "skipped: \$$KEY_ENV is not set")"
  fi
  exit 0
fi
command -v curl >/dev/null || die "curl is required"

try() { # try <description> <command...>: retries the command until it succeeds
  local what="$1" i; shift
  for ((i = 1; i <= ATTEMPTS; i++)); do
    if "$@"; then log "ok: $what"; return 0; fi
    [[ $i -lt $ATTEMPTS ]] && { log "  $what: not yet ($i/$ATTEMPTS)"; sleep "$INTERVAL"; }
  done
  log "FAILED: $what after $ATTEMPTS tries"; return 1
}

health() {
  local body
  body="$(curl -sS --max-time 10 -f "$URL/health" 2>/dev/null)" || return 1
  [[ "$body" == *'"status":"UP"'* || "$body" == *'"status": "UP"'* ]]
}

turn() {
  local body
  body="$(curl -sS --max-time 60 -f -X POST "$URL/v1/conversations/$CONVERSATION/messages" \
    -H "X-API-Key: $API_KEY" -H 'Content-Type: application/json' --data "$BODY" 2>/dev/null)" || return 1
  [[ "$body" =~ \"response_text\"[[:space:]]*:[[:space:]]*\"[^\"]+ ]] || { log "  unexpected answer: ${body:0:200}"; return 1; }
}

try "GET $URL/health" health || exit 1
if [[ -z "$API_KEY" ]]; then
  [[ $REQUIRE_TURN -eq 1 ]] && { log "FAILED: \$$KEY_ENV is not set (the REST turn needs a project API key)"; exit 1; }
  log "warning: REST turn skipped (\$$KEY_ENV is not set)"; exit 0
fi
try "REST turn in conversation $CONVERSATION" turn || exit 1
log "smoke test passed: $URL"
