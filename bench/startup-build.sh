#!/usr/bin/env bash
# The start-up build of every read model from a seeded event store, for A/B comparisons (issue 7):
#
#   bash bench/startup-build.sh <seeded database> [jar] [ledger arguments...]
#   e.g. BENCH_JAVA_OPTS="-Xlog:gc:file=/tmp/gc.log" bash bench/startup-build.sh ledger_bench_seed
#
# Copies <seeded database> (events only, e.g. kept with CREATE DATABASE ledger_bench_seed TEMPLATE
# ledger_bench_million right after seeding) to ledger_bench_startup_build, starts the ledger on the copy
# with the JVM options of BENCH_JVM_OPTIONS_FILE (default scripts/ledger.jvmopts) plus BENCH_JAVA_OPTS,
# and prints the seconds from process start until every read model's token is at the last event (polled
# every 2 s), the ledger's CPU in that time and its resident memory then. The audit chain builds too, as
# at any start.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 1 ]] || { sed -n '2,12p' "$0" >&2; exit 2; }
SOURCE_DB="$1"; JAR="${2:-$ROOT/api/target/impact-ledger.jar}"; shift $(( $# >= 2 ? 2 : 1 ))
OPTIONS_FILE="${BENCH_JVM_OPTIONS_FILE:-$ROOT/scripts/ledger.jvmopts}"
[[ "$SOURCE_DB" =~ ^ledger_bench[a-z0-9_]*$ ]] || { echo "the database must start with ledger_bench" >&2; exit 2; }
[[ -f "$JAR" && -f "$OPTIONS_FILE" ]] || { echo "no jar $JAR or options file $OPTIONS_FILE" >&2; exit 2; }
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
COPY=ledger_bench_startup_build
psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $COPY" -c "CREATE DATABASE $COPY TEMPLATE $SOURCE_DB"
HEAD="$(psql -Atq -d "$COPY" -c 'SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry')"
MODELS=10 # the read models' processors (application.yml)
WORK="$(mktemp -d)"
openssl genpkey -algorithm ed25519 -out "$WORK/audit.pem" 2>/dev/null
started="$(date +%s%N)"
# shellcheck disable=SC2046,SC2086 # one option per line; BENCH_JAVA_OPTS is a list
( cd "$WORK" && PORT="${BENCH_PORT:-18085}" LEDGER_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$COPY" LEDGER_DB_USER="$PGUSER" \
    LEDGER_AUDIT_SIGNING_KEY_FILE="$WORK/audit.pem" exec java $(grep -v '^#' "$OPTIONS_FILE") ${BENCH_JAVA_OPTS:-} -jar "$JAR" "$@" ) \
  > "$WORK/ledger.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
while true; do
  kill -0 "$PID" 2>/dev/null || { tail -30 "$WORK/ledger.log" >&2; echo "the ledger exited (log: $WORK/ledger.log)" >&2; exit 1; }
  done_models="$(psql -Atq -d "$COPY" -c "SELECT count(*) FROM token_entry
      WHERE substring(convert_from(token, 'UTF8') from '\"currentToken\".*\"index\":([0-9]+)')::bigint >= $HEAD" 2>/dev/null || echo 0)"
  (( done_models >= MODELS )) && break
  sleep 2
done
ended="$(date +%s%N)"
ticks="$(awk '{ print $14 + $15 }' "/proc/$PID/stat")"
awk -v a="$started" -v b="$ended" -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$HEAD" \
  'BEGIN { s = (b - a) / 1e9; printf "all %d read models at event %d after %.1f s from process start (%.0f events/s); ledger CPU %.1f s (%.2f cores)\n", 10, n, s, n / s, t / hz, t / hz / s }'
grep -E '^(VmRSS|VmHWM)' "/proc/$PID/status" | tr -s ' \t' ' ' | paste -sd ';'
echo "log: $WORK/ledger.log"
