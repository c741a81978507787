#!/usr/bin/env bash
# Where the whole stack's CPU goes per booking turn. Runs bench/BookingDialogueBench.java against the stack of
# scripts/run-local.sh (already running) and, between the end of the warm-up and the end of the measured run:
#  - reads the CPU time (user + system, from /proc) of every service JVM, of the embedded PostgreSQL (the
#    postmaster and its backends) and of Redis, and prints it per measured turn;
#  - reads the load generator's own CPU too (it shares the cores), printed apart from the sum;
#  - splits each JVM's CPU into its threads' roles: request work, JIT compiler, GC, the rest of the VM;
#  - with PROFILE_JFR=1, records a JFR profile of every JVM (settings=profile) into bench/out/ and prints
#    bench/JfrBreakdown.java's split of it by library;
#  - counts the work done per measured turn, which does not depend on the machine's speed: Redis commands (all of
#    that Redis's clients) and PostgreSQL transactions and table scans (the embedded database of run-local.sh, its
#    background work included), when redis-cli and psql are installed.
#
# usage: bench/stack-profile.sh <conversations> <think-ms> [warm-up dialogues] [dialogues per conversation]
#        bench/stack-profile.sh idle [seconds]   (default 30: what each process costs per second with no load at all,
#                                                 and the Redis commands and PostgreSQL transactions per second)
# env:   BENCH_BACKEND (default http://localhost:8080), PROFILE_JFR (0 or 1, default 0), BENCH_MESSAGE_IDS (0 or 1,
#        default 0: 1 sends a message id with every message, as the WhatsApp gateway does),
#        BENCH_START_SPREAD_MS (default: one dialogue's think times; the load generator starts the conversations
#        within it), BENCH_SLOW_MS (lists the turns slower than that by the second they started in),
#        REDIS_URL (default redis://127.0.0.1:6379), LOCAL_PG_PORT (default 54329; the same variable run-local.sh
#        reads for its embedded PostgreSQL)
set -eEuo pipefail
# a step that fails says where; the load generator never outlives this script (a run left going would load the next)
trap 'echo "bench/stack-profile.sh: line $LINENO failed: $BASH_COMMAND" >&2' ERR
GENERATOR=""
trap '[ -z "$GENERATOR" ] || { pkill -P "$GENERATOR" 2>/dev/null; kill "$GENERATOR" 2>/dev/null; } || true' EXIT
trap 'exit 143' TERM INT
cd "$(dirname "$0")/.."
source scripts/lib/java25.sh
CONVERSATIONS="${1:?conversations}"
IDLE_SECONDS=30
if [ "$CONVERSATIONS" = idle ]; then IDLE_SECONDS="${2:-30}"; THINK=0; else THINK="${2:?think-ms}"; fi
WARMUP="${3:-300}"
ROUNDS="${4:-1}"
BASE="${BENCH_BACKEND:-http://localhost:8080}"
OUT=bench/out
mkdir -p "$OUT"
HZ=$(getconf CLK_TCK)
MODULES="backend-api whatsapp-gateway mcp-calendar mcp-professionals mcp-booking-log mcp-llm"

pid_of() { pgrep -f -- "-jar .*/$1-[^/]*-exec\.jar" | head -1 || true; }
# the embedded PostgreSQL of run-local.sh: the postmaster whose data directory is under .local
postmaster_pid() { pgrep -f -- "postgres.*-D .*pgdata" | head -1 || true; }
# CPU ticks of the embedded PostgreSQL: the postmaster's own and those of the backends it has reaped (cutime +
# cstime), plus those of its live children, listed anew at each reading: a backend that ends between two readings
# moves from the second sum to the first, and one that starts is counted from its start
postgres_ticks() {
  local pm child total
  pm=$(postmaster_pid)
  [ -n "$pm" ] && [ -r "/proc/$pm/stat" ] || { echo 0; return; }
  total=$(awk '{sub(/^.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$pm/stat")
  for child in $(pgrep -P "$pm" || true); do
    [ -r "/proc/$child/stat" ] || continue
    total=$((total + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$child/stat")))
  done
  echo "$total"
}
# CPU ticks (utime + stime) of the given processes, summed
ticks() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$pid/stat")))
  done
  echo "$total"
}
# CPU ticks of one JVM's threads by role, as "request jit gc vm" (one awk over every thread's stat; the thread name
# is the parenthesised second field)
roles() {
  awk '{
      lp = index($0, "("); rp = length($0) - index(reverse($0), ")") + 1
      name = substr($0, lp + 1, rp - lp - 1)
      split(substr($0, rp + 2), f, " "); t = f[12] + f[13]
      if (name ~ /Compiler/) jit += t
      else if (name ~ /GC|G1 |ZGC|ZWorker|ZDirector|ZStat|ZUnmapper/) gc += t
      else if (name ~ /VM Thread|VM Periodic|Signal|Service Thread|Monitor Deflation|Common-Cleaner|Finalizer|Reference Handl|Notification|Attach|JFR/) vm += t
      else req += t
    }
    function reverse(s,   r, i) { r = ""; for (i = length(s); i > 0; i--) r = r substr(s, i, 1); return r }
    END { printf "%d %d %d %d\n", req, jit, gc, vm }' /proc/"$1"/task/*/stat 2>/dev/null
}

# "<redis commands> <postgres transactions> <postgres table scans>" so far (0 for what cannot be read); PostgreSQL
# publishes a session's counters within a second of its transaction, so the reading after the run waits one
work() {
  local redis=0 postgres="0 0"
  if command -v redis-cli >/dev/null; then
    redis=$(redis-cli -u "${REDIS_URL:-redis://127.0.0.1:6379}" info stats 2>/dev/null \
      | awk -F: '/^total_commands_processed/ {print $2 + 0}')
  fi
  if command -v psql >/dev/null; then
    postgres=$(psql -h 127.0.0.1 -p "${LOCAL_PG_PORT:-54329}" -U postgres -d ai_assistants -tA -F ' ' -c "
        select (select xact_commit + xact_rollback from pg_stat_database where datname = current_database()),
               (select coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) from pg_stat_user_tables)" 2>/dev/null)
  fi
  echo "${redis:-0} ${postgres:-0 0}"
}

if [ "$CONVERSATIONS" = idle ]; then
  declare -A IDLE_PIDS IDLE_BEFORE
  for m in $MODULES; do IDLE_PIDS[$m]=$(pid_of "$m"); done
  IDLE_PIDS[postgres]=$(postmaster_pid)
  IDLE_PIDS[redis]=$(pgrep -x redis-server | head -1 || true)
  idle_ticks() { if [ "$1" = postgres ]; then postgres_ticks; else ticks ${IDLE_PIDS[$1]}; fi; }
  for m in $MODULES postgres redis; do IDLE_BEFORE[$m]=$(idle_ticks "$m"); done
  work_before=($(work))
  echo "idle: nothing calls the stack for $IDLE_SECONDS s"
  sleep "$IDLE_SECONDS"
  echo "CPU per second with no load (ms of one core):"
  sum=0
  for m in $MODULES postgres redis; do
    [ -n "${IDLE_PIDS[$m]// /}" ] || continue
    ms=$(awk -v a="${IDLE_BEFORE[$m]}" -v b="$(idle_ticks "$m")" -v hz="$HZ" -v s="$IDLE_SECONDS" \
      'BEGIN{printf "%.1f", (b-a)*1000/hz/s}')
    sum=$(awk -v s="$sum" -v x="$ms" 'BEGIN{printf "%.1f", s+x}')
    printf '  %-18s %8s\n' "$m" "$ms"
  done
  printf '  %-18s %8s\n' "sum" "$sum"
  work_after=($(work))
  echo "Work per second with no load:"
  awk -v a="${work_before[0]}" -v b="${work_after[0]}" -v s="$IDLE_SECONDS" 'BEGIN{printf "  %-18s %8.1f\n", "redis commands", (b-a)/s}'
  awk -v a="${work_before[1]}" -v b="${work_after[1]}" -v s="$IDLE_SECONDS" 'BEGIN{printf "  %-18s %8.1f\n", "pg transactions", (b-a)/s}'
  exit 0
fi

declare -A PID BEFORE ROLES_BEFORE
snapshot_start() {
  sleep 1
  WORK_BEFORE=$(work)
  for m in $MODULES; do
    PID[$m]=$(pid_of "$m")
    [ -n "${PID[$m]}" ] || continue
    BEFORE[$m]=$(ticks "${PID[$m]}")
    ROLES_BEFORE[$m]=$(roles "${PID[$m]}")
    if [ "${PROFILE_JFR:-0}" = 1 ]; then
      jcmd "${PID[$m]}" JFR.start name=stack-profile settings=profile "filename=$ROOT_OUT/$m.jfr" >/dev/null
    fi
  done
  BEFORE[postgres]=$(postgres_ticks)
  REDIS_PID=$(pgrep -x redis-server | head -1 || true)
  BEFORE[redis]=$(ticks $REDIS_PID)
  GENERATOR_PID=$(pgrep -f -- "bench/BookingDialogueBench.java" | head -1 || true)
  BEFORE[generator]=$(ticks $GENERATOR_PID)
}

ROOT_OUT=$(cd "$OUT" && pwd)
# the load generator waits after its warm-up until the first snapshot is taken, and before its clean-up until the
# second is, so that neither snapshot overlaps other load
SIGNAL="$ROOT_OUT/.signal-$$"
rm -f "$SIGNAL".*
export BENCH_SIGNAL="$SIGNAL"
echo "bench: $CONVERSATIONS conversations, think $THINK ms, warm-up $WARMUP dialogues, $ROUNDS dialogue(s) each, against $BASE"
TURNS=""
exec {GENERATOR_OUT}< <(java bench/BookingDialogueBench.java "$CONVERSATIONS" "$THINK" "$BASE" "" "$WARMUP" "$ROUNDS")
GENERATOR=$!
while IFS= read -r -u "$GENERATOR_OUT" line; do
  echo "$line"
  case "$line" in
    warm-up:*) snapshot_start; touch "$SIGNAL.go" ;;
    conversations=*) TURNS=$(sed -E 's/.* turns=([0-9]+) .*/\1/' <<<"$line")
      declare -A AFTER ROLES_AFTER
      for m in $MODULES; do
        [ -n "${PID[$m]:-}" ] || continue
        AFTER[$m]=$(ticks "${PID[$m]}")
        ROLES_AFTER[$m]=$(roles "${PID[$m]}")
        if [ "${PROFILE_JFR:-0}" = 1 ]; then jcmd "${PID[$m]}" JFR.stop name=stack-profile >/dev/null; fi
      done
      AFTER[postgres]=$(postgres_ticks)
      AFTER[redis]=$(ticks $REDIS_PID)
      AFTER[generator]=$(ticks $GENERATOR_PID)
      sleep 1
      WORK_AFTER=$(work)
      touch "$SIGNAL.done"
      ;;
  esac
done
GENERATOR=""

rm -f "$SIGNAL".*
[ -n "$TURNS" ] && [ "$TURNS" -gt 0 ] || { echo "no measured turns" >&2; exit 1; }
# ms of one core per measured turn between two tick readings: per_turn <before> <after> [printf format]
per_turn() {
  awk -v a="$1" -v b="$2" -v hz="$HZ" -v t="$TURNS" -v format="${3:-%.2f}" 'BEGIN{printf format, (b-a)*1000/hz/t}'
}
echo
echo "CPU per measured turn ($TURNS turns; ms of one core):"
printf '  %-18s %8s   %s\n' process total "requests / JIT / GC / VM"
sum=0
for m in $MODULES postgres redis; do
  [ -n "${BEFORE[$m]:-}" ] || continue
  ms=$(per_turn "${BEFORE[$m]}" "${AFTER[$m]}")
  sum=$(awk -v s="$sum" -v x="$ms" 'BEGIN{printf "%.2f", s+x}')
  split=""
  if [ -n "${ROLES_BEFORE[$m]:-}" ]; then
    read -r -a before <<<"${ROLES_BEFORE[$m]}"
    read -r -a after <<<"${ROLES_AFTER[$m]}"
    split="$(per_turn "${before[0]}" "${after[0]}") / $(per_turn "${before[1]}" "${after[1]}") / $(per_turn \
      "${before[2]}" "${after[2]}") / $(per_turn "${before[3]}" "${after[3]}")"
  fi
  printf '  %-18s %8s   %s\n' "$m" "$ms" "$split"
done
printf '  %-18s %8s\n' "sum" "$sum"
# the load generator runs on the same cores: its share is what the stack could not use
printf '  %-18s %8s   (the load generator, not in the sum)\n' "generator" \
  "$(per_turn "${BEFORE[generator]:-0}" "${AFTER[generator]:-0}")"

read -r -a work_before <<<"$WORK_BEFORE"
read -r -a work_after <<<"$WORK_AFTER"
count_per_turn() { awk -v a="$1" -v b="$2" -v t="$TURNS" 'BEGIN{ if (a == 0 || b == 0) print "n/a"; else printf "%.2f", (b-a)/t}'; }
echo
echo "Work per measured turn (does not depend on the machine's speed):"
printf '  %-18s %8s\n' "redis commands" "$(count_per_turn "${work_before[0]}" "${work_after[0]}")"
printf '  %-18s %8s\n' "pg transactions" "$(count_per_turn "${work_before[1]}" "${work_after[1]}")"
printf '  %-18s %8s\n' "pg table scans" "$(count_per_turn "${work_before[2]}" "${work_after[2]}")"

if [ "${PROFILE_JFR:-0}" = 1 ]; then
  for m in $MODULES; do
    [ -f "$OUT/$m.jfr" ] || continue
    # execution samples are taken in the application's threads only: their share scales the request threads' CPU
    ms=$(per_turn "${ROLES_BEFORE[$m]%% *}" "${ROLES_AFTER[$m]%% *}" "%.3f")
    echo
    java bench/JfrBreakdown.java "$OUT/$m.jfr" "$ms"
  done
fi
