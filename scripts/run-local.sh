#!/usr/bin/env bash
# Starts the whole ai-assistants stack on this machine, on embedded defaults:
#  - PostgreSQL: $DATABASE_URL if set, else an embedded PostgreSQL with its data kept in .local/pgdata
#  - Redis: $REDIS_URL if set, else 127.0.0.1:6379 if it answers, else in-process fallbacks
#  - WhatsApp: the simulator provider; LLM: the offline provider; demo clinic data loaded
# Ctrl-C stops every process it started. Logs (JSON) go to .local/logs/<service>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/lib/java25.sh

LOCAL="$ROOT/.local"
LOGS="$LOCAL/logs"
mkdir -p "$LOGS"
PIDS=()
PG_PID=""

stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping services…"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$PG_PID" ]; then
    kill -TERM "$PG_PID" 2>/dev/null || true
    wait "$PG_PID" 2>/dev/null || true
  fi
  echo "Stopped."
  exit 0
}
trap stop_all INT TERM EXIT

# ---- build (skipped when the runnable jars are newer than every source file) ----
needs_build() {
  for module in mcp-professionals mcp-calendar mcp-booking-log mcp-llm backend-api whatsapp-gateway; do
    jar=$(ls "$module"/target/*-exec.jar 2>/dev/null | head -1 || true)
    [ -n "$jar" ] || return 0
    [ -z "$(find common "$module" pom.xml -path '*/target' -prune -o -newer "$jar" -type f -print -quit)" ] || return 0
  done
  [ -f "$LOCAL/common.classpath" ] || return 0
  return 1
}
if needs_build; then
  echo "Building (first run downloads dependencies; later runs are incremental)…"
  ./mvnw -B -q -ntp -DskipTests package
  ./mvnw -B -q -ntp -pl common dependency:build-classpath -Dmdep.outputFile="$LOCAL/common.classpath" >/dev/null
fi

# ---- PostgreSQL ----
if [ -z "${DATABASE_URL:-}" ]; then
  PG_PORT="${LOCAL_PG_PORT:-54329}"
  echo "Starting embedded PostgreSQL on 127.0.0.1:$PG_PORT (data in .local/pgdata)…"
  java -cp "common/target/classes:$(cat "$LOCAL/common.classpath")" com.aiassistants.common.local.LocalPostgres \
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
JAVA_OPTS="${JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

declare -A PORTS=([mcp-professionals]=8091 [mcp-calendar]=8092 [mcp-booking-log]=8093 [mcp-llm]=8094 [backend-api]=8080 [whatsapp-gateway]=8081)
ORDER=(mcp-professionals mcp-booking-log mcp-llm mcp-calendar backend-api whatsapp-gateway)
for module in "${ORDER[@]}"; do
  port=${PORTS[$module]}
  if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
    echo "Port $port ($module) is already in use; stop what runs there first." >&2
    exit 1
  fi
done
for module in "${ORDER[@]}"; do
  jar=$(ls "$module"/target/*-exec.jar | head -1)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$jar" --logging.file.name="$LOGS/$module.log" >"$LOGS/$module.out" 2>&1 &
  PIDS+=($!)
done

echo "Waiting for the services to be healthy…"
deadline=$((SECONDS + 180))
for module in "${ORDER[@]}"; do
  port=${PORTS[$module]}
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    if [ $SECONDS -ge $deadline ]; then
      echo "$module did not become healthy; last lines of $LOGS/$module.out:" >&2
      tail -20 "$LOGS/$module.out" >&2
      exit 1
    fi
    sleep 1
  done
  printf '  %-18s http://localhost:%s  healthy\n' "$module" "$port"
done

cat <<MSG

ai-assistants is running.
  API            http://localhost:8080        (Swagger UI: http://localhost:8080/swagger-ui.html)
  Demo API key   ${AI_ASSISTANTS_BACKEND_DEMO_API_KEY:-demo-local-key-change-me}   (project "demo", Clínica Demo)
  Console login  admin@demo.local / ${AI_ASSISTANTS_BACKEND_DEMO_ADMIN_PASSWORD:-demo1234}
  WhatsApp sim   http://localhost:8081/simulator
  MCP servers    http://localhost:8091/mcp … 8094/mcp  (Authorization: Bearer $AI_ASSISTANTS_MCP_TOKEN)
  Logs           $LOGS

Try:  curl -s -X POST localhost:8080/v1/conversations/web-1/messages -H 'X-API-Key: ${AI_ASSISTANTS_BACKEND_DEMO_API_KEY:-demo-local-key-change-me}' \\
        -H 'X-Customer-Id: +5491122334455' -H 'Content-Type: application/json' -d '{"text":"hola, quiero un turno"}'
Press Ctrl-C to stop everything.
MSG
# keep running until Ctrl-C; a service that dies is reported, the others stay up
declare -A REPORTED=()
while :; do
  for i in "${!PIDS[@]}"; do
    if [ -z "${REPORTED[$i]:-}" ] && ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      REPORTED[$i]=1
      echo "!!! ${ORDER[$i]} exited; see $LOGS/${ORDER[$i]}.out — the other services keep running (restart the stack to bring it back)" >&2
    fi
  done
  sleep 2
done
