#!/usr/bin/env bash
# Starts the whole ai-assistants stack on this machine, on embedded defaults:
#  - PostgreSQL: $DATABASE_URL if set, else an embedded PostgreSQL with its data kept in .local/pgdata
#  - Redis: $REDIS_URL if set, else 127.0.0.1:6379 if it answers, else in-process fallbacks
#  - WhatsApp: the simulator provider; LLM: the offline provider; demo clinic data loaded
#  - the console (admin-frontend) built and served by backend-api on the API's origin
# Ctrl-C stops every process it started. Logs (JSON) go to .local/logs/<service>.log.
#
# Side by side with another stack (the console's end-to-end tests do this):
#   AI_ASSISTANTS_PORT_OFFSET  added to every port (8080, 8081, 8091-8094; the embedded database moves from
#                              54329 to 8095 + offset); default 0
#   AI_ASSISTANTS_LOCAL_DIR    where logs and the embedded database live; default .local
#   AI_ASSISTANTS_CONSOLE      0 to skip building and serving the console; default 1
#   AI_ASSISTANTS_START_TIMEOUT  seconds to wait for every /health (default 300; a busy 2-core machine needs it)
#   AI_ASSISTANTS_MAX_RESTARTS how many times a service that exits is started again (default 5; the pause
#                              before each doubles from 1 s up to 30 s)
#   AI_ASSISTANTS_FAKE_GOOGLE  1 to start a local fake of Google (scripts/fake-google.sh, port 8096 + offset or
#                              AI_ASSISTANTS_FAKE_GOOGLE_PORT) and turn the Google Calendar integration on against it
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/lib/java25.sh

LOCAL="${AI_ASSISTANTS_LOCAL_DIR:-$ROOT/.local}"
OFFSET="${AI_ASSISTANTS_PORT_OFFSET:-0}"
LOGS="$LOCAL/logs"
mkdir -p "$LOGS"
PIDS=()
# the running process of each service (a restart replaces it), by module
declare -A SERVICE_PID=()
PG_PID=""

stop_all() {
  local status="$1"
  trap - INT TERM EXIT
  echo
  echo "Stopping services…"
  for pid in "${PIDS[@]}" "${SERVICE_PID[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}" "${SERVICE_PID[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$PG_PID" ]; then
    kill -TERM "$PG_PID" 2>/dev/null || true
    wait "$PG_PID" 2>/dev/null || true
  fi
  echo "Stopped."
  exit "$status"
}
# Ctrl-C is a normal stop; a failure (a build, a service that never got healthy) keeps its exit status
trap 'stop_all 0' INT TERM
trap 'stop_all $?' EXIT

# ---- build (skipped when the runnable jars are newer than every source file) ----
needs_build() {
  for module in mcp-professionals mcp-calendar mcp-booking-log mcp-llm backend-api whatsapp-gateway; do
    jar=$(ls "$module"/target/*-exec.jar 2>/dev/null | head -1 || true)
    [ -n "$jar" ] || return 0
    [ -z "$(find common "$module" pom.xml -path '*/target' -prune -o -newer "$jar" -type f -print -quit)" ] || return 0
  done
  # the embedded PostgreSQL runs from common's classpath
  [ -n "${DATABASE_URL:-}" ] || [ -f "$ROOT/.local/common.classpath" ] || return 0
  return 1
}
if needs_build; then
  echo "Building (first run downloads dependencies; later runs are incremental)…"
  ./mvnw -B -q -ntp -DskipTests package
  mkdir -p "$ROOT/.local"
  ./mvnw -B -q -ntp -pl common dependency:build-classpath -Dmdep.outputFile="$ROOT/.local/common.classpath" >/dev/null
fi

# ---- the console (admin-frontend): npm ci when the lockfile changed, build when a source changed ----
CONSOLE_DIST=""
if [ "${AI_ASSISTANTS_CONSOLE:-1}" != "0" ]; then
  if command -v npm >/dev/null 2>&1; then
    (
      cd admin-frontend
      if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        echo "Installing the console's packages (npm ci)…"
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
      fi
      if [ ! -f dist/index.html ] || [ -n "$(find src public openapi index.html package.json vite.config.ts tsconfig.json \
            -newer dist/index.html -type f -print -quit 2>/dev/null)" ]; then
        echo "Building the console…"
        npm run --silent build >/dev/null
      fi
      # one build serves every environment: the sign-in mode comes from config.json beside the files
      printf '{ "auth": { "mode": "local" } }\n' >dist/config.json
    )
    CONSOLE_DIST="$ROOT/admin-frontend/dist"
    export AI_ASSISTANTS_CONSOLE_DIR="$CONSOLE_DIST"
  else
    echo "!!! npm not found: the console is not built or served (install Node 20+) !!!"
  fi
fi

# ---- PostgreSQL ----
if [ -z "${DATABASE_URL:-}" ]; then
  # with an offset the database sits next to the services (8095 + offset), inside the valid port range
  if [ "$OFFSET" = 0 ]; then PG_PORT="${LOCAL_PG_PORT:-54329}"; else PG_PORT="${LOCAL_PG_PORT:-$((8095 + OFFSET))}"; fi
  echo "Starting embedded PostgreSQL on 127.0.0.1:$PG_PORT (data in $LOCAL/pgdata)…"
  java -cp "common/target/classes:$(cat "$ROOT/.local/common.classpath")" com.aiassistants.common.local.LocalPostgres \
    "$LOCAL/pgdata" "$PG_PORT" >"$LOGS/postgres.log" 2>&1 &
  PG_PID=$!
  for _ in $(seq 1 120); do
    grep -q "LocalPostgres ready" "$LOGS/postgres.log" 2>/dev/null && break
    kill -0 "$PG_PID" 2>/dev/null || { echo "embedded PostgreSQL failed; see $LOGS/postgres.log" >&2; exit 1; }
    sleep 0.5
  done
  export DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/ai_assistants"
else
  echo "Using PostgreSQL from DATABASE_URL"
fi

# ---- Redis ----
if [ -z "${REDIS_URL:-}" ]; then
  if (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
    export REDIS_URL="redis://127.0.0.1:6379"
    echo "Using Redis at $REDIS_URL"
  else
    echo "!!! No Redis reachable: services use in-process rate limits and pub/sub (single instance only) !!!"
  fi
else
  echo "Using Redis from REDIS_URL"
fi

# ---- shared local settings ----
export AI_ASSISTANTS_MCP_TOKEN="${AI_ASSISTANTS_MCP_TOKEN:-local-dev-mcp-token-0123456789}"
export AI_ASSISTANTS_GATEWAY_ADMIN_TOKEN="${AI_ASSISTANTS_GATEWAY_ADMIN_TOKEN:-local-dev-gateway-admin-token}"
export AI_ASSISTANTS_PROFESSIONALS_DEMO_TENANT="${AI_ASSISTANTS_PROFESSIONALS_DEMO_TENANT:-demo}"
export AI_ASSISTANTS_BACKEND_DEMO_ENABLED="${AI_ASSISTANTS_BACKEND_DEMO_ENABLED:-true}"
# the gateway forwards the simulator's users to the demo project with its key and webhook secret
export AI_ASSISTANTS_API_KEY="${AI_ASSISTANTS_API_KEY:-demo-local-key-change-me}"
export AI_ASSISTANTS_WEBHOOK_SECRET="${AI_ASSISTANTS_WEBHOOK_SECRET:-demo-local-webhook-secret}"
export AI_ASSISTANTS_GATEWAY_PROVIDER="${AI_ASSISTANTS_GATEWAY_PROVIDER:-simulator}"
# the console's Phone page: the gateway serves the demo project as its "default" tenant (a map key
# cannot come from an environment variable under the dashed "ai-assistants" prefix, hence an argument)
declare -A ARGS=([backend-api]="--ai-assistants.backend.simulator.gateway-tenants.demo=default")
JAVA_OPTS="${JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

declare -A PORTS=([mcp-professionals]=$((8091 + OFFSET)) [mcp-calendar]=$((8092 + OFFSET)) [mcp-booking-log]=$((8093 + OFFSET))
  [mcp-llm]=$((8094 + OFFSET)) [backend-api]=$((8080 + OFFSET)) [whatsapp-gateway]=$((8081 + OFFSET)))
# every service finds the others through these (defaults are the unshifted ports)
export AI_ASSISTANTS_MCP_PROFESSIONALS_URL="http://localhost:${PORTS[mcp-professionals]}"
export AI_ASSISTANTS_MCP_CALENDAR_URL="http://localhost:${PORTS[mcp-calendar]}"
export AI_ASSISTANTS_MCP_BOOKING_LOG_URL="http://localhost:${PORTS[mcp-booking-log]}"
export AI_ASSISTANTS_MCP_LLM_URL="http://localhost:${PORTS[mcp-llm]}"
export AI_ASSISTANTS_GATEWAY_URL="http://127.0.0.1:${PORTS[whatsapp-gateway]}"
export AI_ASSISTANTS_BACKEND_URL="http://localhost:${PORTS[backend-api]}"
API="http://localhost:${PORTS[backend-api]}"
# optional: a local fake of Google's OAuth and Calendar endpoints, so a professional can "connect" a Google
# Calendar without a Google account (mcp-calendar README, "Google Calendar"; every request it got is listed at
# $FAKE_GOOGLE/__admin/requests). Without it the integration is simply off.
FAKE_GOOGLE=""
if [ "${AI_ASSISTANTS_FAKE_GOOGLE:-0}" = 1 ]; then
  GOOGLE_PORT="${AI_ASSISTANTS_FAKE_GOOGLE_PORT:-$((8096 + OFFSET))}"
  FAKE_GOOGLE="http://localhost:$GOOGLE_PORT"
  scripts/fake-google.sh "$GOOGLE_PORT" >"$LOGS/fake-google.log" 2>&1 &
  PIDS+=($!)
  export AI_ASSISTANTS_GOOGLE_CLIENT_ID="local-fake-client.apps.googleusercontent.com"
  export AI_ASSISTANTS_GOOGLE_CLIENT_SECRET="local-fake-secret"
  # 32 bytes, base64; a local-only key (in AWS it comes from Secrets Manager)
  export AI_ASSISTANTS_GOOGLE_TOKEN_KEY="${AI_ASSISTANTS_GOOGLE_TOKEN_KEY:-bG9jYWwtZmFrZS1nb29nbGUta2V5LW5vdC1zZWNyZXQ=}"
  export AI_ASSISTANTS_GOOGLE_REDIRECT_URI="$API/v1/google/oauth/callback"
  export AI_ASSISTANTS_GOOGLE_AUTH_URI="$FAKE_GOOGLE/o/oauth2/v2/auth"
  export AI_ASSISTANTS_GOOGLE_TOKEN_URI="$FAKE_GOOGLE/token"
  export AI_ASSISTANTS_GOOGLE_REVOKE_URI="$FAKE_GOOGLE/revoke"
  export AI_ASSISTANTS_GOOGLE_API_URL="$FAKE_GOOGLE/calendar/v3"
  export AI_ASSISTANTS_GOOGLE_SYNC_INTERVAL="${AI_ASSISTANTS_GOOGLE_SYNC_INTERVAL:-30s}"
fi
ORDER=(mcp-professionals mcp-booking-log mcp-llm mcp-calendar backend-api whatsapp-gateway)
for module in "${ORDER[@]}"; do
  port=${PORTS[$module]}
  if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
    echo "Port $port ($module) is already in use; stop what runs there first." >&2
    exit 1
  fi
done
# starts one service in the background; its console output goes to $LOGS/<module>.out (appended on a restart, so the
# crash's last lines stay above the new start)
start_service() {
  local module="$1" append="${2:-}" jar
  jar=$(ls "$module"/target/*-exec.jar | head -1)
  if [ -z "$append" ]; then : >"$LOGS/$module.out"; fi
  # shellcheck disable=SC2086
  PORT="${PORTS[$module]}" java $JAVA_OPTS -jar "$jar" --spring.profiles.active=local \
    --logging.file.name="$LOGS/$module.log" ${ARGS[$module]:-} >>"$LOGS/$module.out" 2>&1 &
  SERVICE_PID[$module]=$!
}
for module in "${ORDER[@]}"; do
  start_service "$module"
done

echo "Waiting for the services to be healthy…"
deadline=$((SECONDS + ${AI_ASSISTANTS_START_TIMEOUT:-300}))
for module in "${ORDER[@]}"; do
  port=${PORTS[$module]}
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    failure=""
    kill -0 "${SERVICE_PID[$module]}" 2>/dev/null || failure="exited while starting"
    [ $SECONDS -lt $deadline ] || failure="did not become healthy"
    if [ -n "$failure" ]; then
      echo "$module $failure; last lines of $LOGS/$module.out:" >&2
      tail -20 "$LOGS/$module.out" >&2
      exit 1
    fi
    sleep 1
  done
  printf '  %-18s http://localhost:%s  healthy\n' "$module" "$port"
done

# a demo staff user (receptionist) beside the demo owner, to see the console as staff see it
DEMO_PASSWORD="${AI_ASSISTANTS_BACKEND_DEMO_ADMIN_PASSWORD:-demo1234}"
STAFF_EMAIL="${AI_ASSISTANTS_DEMO_STAFF_EMAIL:-staff@demo.local}"
if [ "$AI_ASSISTANTS_BACKEND_DEMO_ENABLED" = "true" ] && ! curl -fs -o /dev/null -X POST "$API/v1/admin/login" \
     -H 'Content-Type: application/json' -d "{\"email\":\"$STAFF_EMAIL\",\"password\":\"$DEMO_PASSWORD\"}"; then
  echo "Creating the demo staff user $STAFF_EMAIL…"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$(ls backend-api/target/*-exec.jar | head -1)" --spring.profiles.active=manage,local \
    --create-admin="$STAFF_EMAIL" --password="$DEMO_PASSWORD" --role=staff --project=demo >"$LOGS/manage.out" 2>&1 \
    || echo "!!! could not create $STAFF_EMAIL; see $LOGS/manage.out" >&2
fi

if [ -n "$CONSOLE_DIST" ]; then
  CONSOLE_LINES="  Console        $API/   (owner: admin@demo.local / $DEMO_PASSWORD · staff: $STAFF_EMAIL / $DEMO_PASSWORD)
  Phone          $API/phone   (play a patient on WhatsApp; the simulator runs the demo clinic)"
else
  CONSOLE_LINES="  Console        not built (npm missing or AI_ASSISTANTS_CONSOLE=0); API logins: admin@demo.local / $DEMO_PASSWORD"
fi
cat <<MSG

ai-assistants is running.
$CONSOLE_LINES
  API            $API        (Swagger UI: $API/swagger-ui.html)
  Demo API key   ${AI_ASSISTANTS_BACKEND_DEMO_API_KEY:-demo-local-key-change-me}   (project "demo", Clínica Demo)
  MCP servers    http://localhost:${PORTS[mcp-professionals]}/mcp … ${PORTS[mcp-llm]}/mcp  (Authorization: Bearer $AI_ASSISTANTS_MCP_TOKEN)
  Logs           $LOGS
${FAKE_GOOGLE:+  Fake Google    $FAKE_GOOGLE   (Google Calendar per professional on the Clinic page; requests: $FAKE_GOOGLE/__admin/requests)
}
Try:  curl -s -X POST $API/v1/conversations/web-1/messages -H 'X-API-Key: ${AI_ASSISTANTS_BACKEND_DEMO_API_KEY:-demo-local-key-change-me}' \\
        -H 'X-Customer-Id: +5491122334455' -H 'Content-Type: application/json' -d '{"text":"hola, quiero un turno"}'
Press Ctrl-C to stop everything.
MSG
# keep running until Ctrl-C. A service that exits is restarted after a pause that doubles each time (1 s, 2 s, 4 s …
# up to 30 s), at most AI_ASSISTANTS_MAX_RESTARTS times (default 5) per service, as ECS replaces a stopped task; the
# others stay up meanwhile.
MAX_RESTARTS="${AI_ASSISTANTS_MAX_RESTARTS:-5}"
declare -A RESTARTS=() RESTART_AT=()
PG_REPORTED=""
while :; do
  for module in "${ORDER[@]}"; do
    kill -0 "${SERVICE_PID[$module]}" 2>/dev/null && continue
    if [ -z "${RESTART_AT[$module]:-}" ]; then
      count=$(( ${RESTARTS[$module]:-0} + 1 ))
      RESTARTS[$module]=$count
      if [ "$count" -gt "$MAX_RESTARTS" ]; then
        RESTART_AT[$module]=never
        echo "!!! $module exited again; not restarting it after $MAX_RESTARTS restarts (see $LOGS/$module.out)" >&2
        continue
      fi
      pause=$(( 1 << (count - 1) )); [ "$pause" -gt 30 ] && pause=30
      RESTART_AT[$module]=$(( SECONDS + pause ))
      echo "!!! $module exited (see $LOGS/$module.out); restarting it in ${pause} s ($count of $MAX_RESTARTS)" >&2
    elif [ "${RESTART_AT[$module]}" != never ] && [ "$SECONDS" -ge "${RESTART_AT[$module]}" ]; then
      start_service "$module" append
      unset 'RESTART_AT[$module]'
      echo "    $module started again (pid ${SERVICE_PID[$module]}); it is ready when http://127.0.0.1:${PORTS[$module]}/health answers" >&2
    fi
  done
  if [ -n "$PG_PID" ] && [ -z "$PG_REPORTED" ] && ! kill -0 "$PG_PID" 2>/dev/null; then
    PG_REPORTED=1
    echo "!!! the embedded PostgreSQL exited (see $LOGS/postgres.log); restart the stack to bring it back" >&2
  fi
  sleep 1
done
