#!/usr/bin/env bash
# Impact Ledger benchmark harness, the 1M-event scenarios (issue 7):
#
#   BENCH_SCENARIOS=million bash bench/run.sh        (or: bash bench/run-million.sh)
#
# In one run, on this machine only (loopback addresses):
#   1. builds the ledger, the load generator and the seeder (./mvnw -Pbench);
#   2. fills a fresh database with BENCH_EVENTS events through the ledger's own write side
#      (bench/seed: ledger-core's aggregates and infra's command handling, serializer and JDBC event
#      store, in-process, many commands per unit of work; see bench/RESULTS.md, "How the 1M events
#      are made");
#   3. starts the ledger on it: the ledger builds every read model and the audit chain by itself;
#   4. runs the generator's 1M scenarios: projection-rebuild (the start-up build, then every read
#      model rebuilt through the admin endpoint), report-query (closed loop per report endpoint),
#      audit-verify (GET /api/audit/verify, first call and again, and the offline AuditVerifier over the NDJSON export);
#   5. reads the ledger's resident memory (VmRSS) after all that;
#   6. stops the ledger and prints the table; writes it as Markdown to bench/results/<timestamp>-million.md.
#
# Settings (environment variables, all optional):
#   BENCH_EVENTS=1000000       events to seed (the seeder stops after the fund that reaches it)
#   BENCH_DB=ledger_bench_million  database to drop, create and fill (must start with ledger_bench)
#   BENCH_REUSE_DB=0           1: keep BENCH_DB if it already holds BENCH_EVENTS events (skips seeding;
#                              the start-up rows then appear only for what the ledger still had to build)
#   BENCH_SEED_THREADS=2       funds seeded side by side
#   BENCH_REBUILD=all          all: rebuild every read model at once; each: one after the other; each,all: both;
#                              startup: only the build at start-up (every read model from zero, side by side)
#   BENCH_REBUILD_TIMEOUT=3600 seconds a rebuild, the start-up build or the audit chain build may take
#   BENCH_QUERY_CLIENTS=4      clients of the closed report-query loop
#   BENCH_QUERY_DURATION=20    seconds of queries per endpoint
#   BENCH_QUERY_WARMUP=5       seconds of the same queries before each endpoint's measured seconds, not recorded
#   BENCH_QUERY_ROUND_WARMUP=5 seconds per endpoint of a first round over every endpoint, before any is measured, not
#                              recorded (0: none); the JIT compiler is still busy after the start and the build
#   BENCH_QUERY_ONLY=          comma-separated parts of endpoint names: only those endpoints are measured (unset: all)
#   BENCH_PORT=18080  BENCH_BUILD=1  BENCH_CDS=1  BENCH_JAVA_OPTS=(scripts/ledger.jvmopts)  PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres  (as bench/run.sh)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OVERRIDES="$(env | grep -E '^(BENCH_[A-Z_]+|PGHOST|PGPORT|PGUSER)=' | sort | tr '\n' ' ' || true)"
BENCH_EVENTS="${BENCH_EVENTS:-1000000}"
BENCH_DB="${BENCH_DB:-ledger_bench_million}"
BENCH_REUSE_DB="${BENCH_REUSE_DB:-0}"
BENCH_SEED_THREADS="${BENCH_SEED_THREADS:-2}"
BENCH_PORT="${BENCH_PORT:-18080}"
BENCH_BUILD="${BENCH_BUILD:-1}"
BENCH_CDS="${BENCH_CDS:-1}"
export BENCH_REBUILD="${BENCH_REBUILD:-all}" BENCH_REBUILD_TIMEOUT="${BENCH_REBUILD_TIMEOUT:-3600}"
export BENCH_QUERY_CLIENTS="${BENCH_QUERY_CLIENTS:-4}" BENCH_QUERY_DURATION="${BENCH_QUERY_DURATION:-20}" BENCH_QUERY_WARMUP="${BENCH_QUERY_WARMUP:-5}" \
  BENCH_QUERY_ROUND_WARMUP="${BENCH_QUERY_ROUND_WARMUP:-5}"
STARTUP_TIMEOUT_S=300
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

die() { echo "bench: $*" >&2; exit 2; }
for v in BENCH_EVENTS BENCH_SEED_THREADS BENCH_PORT BENCH_REBUILD_TIMEOUT BENCH_QUERY_CLIENTS BENCH_QUERY_DURATION BENCH_QUERY_WARMUP BENCH_QUERY_ROUND_WARMUP PGPORT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, was '${!v}'"
done
(( BENCH_EVENTS >= 1 && BENCH_EVENTS <= 50000000 )) || die "BENCH_EVENTS must be 1..50000000"
(( BENCH_SEED_THREADS >= 1 && BENCH_SEED_THREADS <= 16 )) || die "BENCH_SEED_THREADS must be 1..16"
[[ "$BENCH_REBUILD" =~ ^(all|each|each,all|all,each|startup)$ ]] || die "BENCH_REBUILD must be all, each, each,all or startup, was '$BENCH_REBUILD'"
[[ "$BENCH_DB" =~ ^ledger_bench[a-z0-9_]*$ ]] || die "BENCH_DB must start with ledger_bench (it is dropped and created), was '$BENCH_DB'"
case "$PGHOST" in
  127.*|localhost|::1) ;;
  *) die "PGHOST must be a loopback address: the harness measures this machine only (was '$PGHOST')" ;;
esac
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS-$(production_jvm_options)}"
bench_preflight java psql curl openssl
bench_folders "-million"

row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RESULTS"; }
info() { printf '%s: %s\n' "$1" "$2" >> "$MACHINE"; }
log() { printf '\n== %s\n' "$*" >&2; }
events_in() { psql -Atq -d "$1" -c 'select count(*) from domain_event_entry' 2>/dev/null || echo 0; }

# ---------------------------------------------------------------- 1. build
if [[ "$BENCH_BUILD" == 1 ]]; then
  log "building the ledger, the load generator and the seeder"
  ./mvnw -B -q -Pbench -DskipTests package
fi
APP_JAR="$ROOT/api/target/impact-ledger.jar"
BENCH_JAR="$ROOT/bench/target/impact-ledger-bench.jar"
SEED_JAR="$ROOT/bench/seed/target/impact-ledger-bench-seed.jar"
[[ -f "$APP_JAR" && -f "$BENCH_JAR" && -f "$SEED_JAR" ]] || die "jars missing; run with BENCH_BUILD=1"
bench_launch_jar

COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain -- . ':!bench/results' 2>/dev/null)" ]]; then COMMIT="$COMMIT (with uncommitted changes)"; fi
info "date" "$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
if [[ "$OVERRIDES" == *BENCH_SCENARIOS=million* ]]; then
  info "command" "${OVERRIDES}bash bench/run.sh"
else
  info "command" "${OVERRIDES}bash bench/run-million.sh"
fi
info "settings" "${BENCH_EVENTS} events; rebuild ${BENCH_REBUILD}; report queries ${BENCH_QUERY_DURATION} s per endpoint after ${BENCH_QUERY_WARMUP} s not recorded (and a first round of ${BENCH_QUERY_ROUND_WARMUP} s per endpoint), with ${BENCH_QUERY_CLIENTS} clients${BENCH_QUERY_ONLY:+; only the endpoints named with $BENCH_QUERY_ONLY}"
info "cores" "$(nproc)"
info "memory" "$(awk '/^MemTotal:/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
info "cpu" "$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(grep -c '^processor' /proc/cpuinfo) logical CPUs)"
info "kernel" "$(uname -sr)"
info "java" "$(java -version 2>&1 | head -1)"
info "ledger JVM options" "${BENCH_JAVA_OPTS:-(none: JVM defaults)}"
info "ledger start" "$(bench_launch_description)"
info "postgresql" "$(psql -Atq -d postgres -c 'select version()' | cut -d' ' -f1-2) on $PGHOST:$PGPORT; $(bench_pg_settings)"
info "ledger commit" "$COMMIT"
info "load average before" "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- 2. seed
existing=0
if [[ "$BENCH_REUSE_DB" == 1 ]] && psql -Atq -d postgres -c "select 1 from pg_database where datname = '$BENCH_DB'" | grep -q 1; then
  existing="$(events_in "$BENCH_DB")"
fi
if [[ "$BENCH_REUSE_DB" == 1 ]] && (( existing >= BENCH_EVENTS )); then
  log "reusing $BENCH_DB ($existing events)"
  info "events" "$existing, database reused from an earlier run (BENCH_REUSE_DB=1)"
  export BENCH_DB_REUSED=1
else
  log "fresh database $BENCH_DB, seeding $BENCH_EVENTS events"
  psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB"
  LEDGER_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" LEDGER_DB_USER="$PGUSER" \
    java -jar "$SEED_JAR" --seed.events="$BENCH_EVENTS" --seed.threads="$BENCH_SEED_THREADS" > "$WORK/seed.log" 2>&1 \
    || { tail -40 "$WORK/seed.log" >&2; die "seeding failed (see $WORK/seed.log)"; }
  seeded="$(grep -m1 '^seeded ' "$WORK/seed.log" || true)"
  echo "  $seeded" >&2
  info "seed" "$seeded (bench/seed, in-process through the ledger's command handling)"
fi
info "PostgreSQL autovacuum" "$(psql -Atq -d postgres -c 'show autovacuum') (when off, the run vacuums and analyzes the database after the read-model build, as autovacuum would)"
info "stored events" "$(psql -Atq -d "$BENCH_DB" -c "select count(*) || ' events, ' || pg_size_pretty(pg_total_relation_size('domain_event_entry')) || ' event table, ' || round(avg(octet_length(payload))) || ' B payload, ' || round(avg(octet_length(meta_data))) || ' B metadata on average' from domain_event_entry")"

# ---------------------------------------------------------------- 3. start-up
log "starting the ledger on port $BENCH_PORT against $BENCH_DB"
APP_LOG="$WORK/app.log"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt-private.pem" -pubout -out "$WORK/jwt-public.pem"
export BENCH_JWT_KEY="$WORK/jwt-private.pem"
# The audit checkpoints are signed with one Ed25519 key per database, kept beside the build output, so
# that a reused database's checkpoints still verify offline (an ephemeral key changes at every start).
AUDIT_KEY="$ROOT/bench/target/audit-signing-key-$BENCH_DB.pem"
if [[ ! -f "$AUDIT_KEY" || "${BENCH_DB_REUSED:-0}" != 1 ]]; then
  openssl genpkey -algorithm ed25519 -out "$AUDIT_KEY" 2>/dev/null
fi
export BENCH_APP_STARTED_MS="$(date +%s%3N)"
t0="$(date +%s%N)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
( cd "$WORK" && PORT="$BENCH_PORT" LEDGER_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" LEDGER_DB_USER="$PGUSER" \
    LEDGER_AUDIT_SIGNING_KEY_FILE="$AUDIT_KEY" exec java $LAUNCH_OPTS $BENCH_JAVA_OPTS -jar "$LAUNCH_JAR" \
      --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$WORK/jwt-public.pem" ) > "$APP_LOG" 2>&1 &
APP_PID=$!
bench_wait_ready
FAILED=0
if [[ -n "$ready" ]]; then
  startup="$(awk -v a="$t0" -v b="$ready" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
  row "startup" "" "" "" "" "" "seconds=$startup" "process start to health UP on the seeded database ($(events_in "$BENCH_DB") events; read models and audit chain then build in the background)"
  echo "  ready after $startup s" >&2

  # ---------------------------------------------------------------- 4. scenarios
  log "load generator: the 1M scenarios"
  set +e
  generator() {
    BENCH_WORK="$WORK" BENCH_AUDIT_VERIFIER="$ROOT/projections/src/main/java/org/impactledger/projections/audit/AuditVerifier.java" \
      java -Xms64m -Xmx1g -jar "$BENCH_JAR" run --base "http://127.0.0.1:$BENCH_PORT/" --out "$RESULTS" \
        --scenarios "$1" --app-pid "$APP_PID" --clock-ticks "$(getconf CLK_TCK)" \
        --request-timeout 600 2>&1 | tee -a "$WORK/generator.log"
    (( PIPESTATUS[0] == 0 )) || FAILED=1
  }
  generator projection-rebuild
  # With autovacuum off (this machine's PostgreSQL, see "PostgreSQL autovacuum" above) the tables the build
  # just filled have no planner statistics, and the tables it updated in place (running totals, the SDG
  # rows per date) keep every dead row version; a server with autovacuum vacuums and analyzes tables
  # that changed this much within a minute or so. The queries are measured as on such a server, after
  # the same VACUUM ANALYZE.
  if [[ "$(psql -Atq -d "$BENCH_DB" -c 'show autovacuum')" == off ]]; then
    log "VACUUM ANALYZE (autovacuum is off on this PostgreSQL)"
    psql -q -d "$BENCH_DB" -c "VACUUM ANALYZE"
  fi
  generator report-query,audit-verify
  set -e

  # ---------------------------------------------------------------- 5. memory
  if kill -0 "$APP_PID" 2>/dev/null; then
    rss_kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")"
    hwm_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$APP_PID/status")"
    events="$(events_in "$BENCH_DB")"
    row "resident-memory" "" "" "" "" "" "rss_mb=$(( rss_kb / 1024 ));hwm_mb=$(( hwm_kb / 1024 ));events=$events" \
        "after the start-up build, the rebuilds, the report queries and the audit verification, ${BENCH_JAVA_OPTS:-JVM default heap settings}"
  else
    FAILED=1
    row "resident-memory" "" "" "" "" "" "failed=true" "the ledger was no longer running after the scenarios (see $APP_LOG)"
  fi
else
  FAILED=1
  row "startup" "" "" "" "" "" "failed=true" "the ledger was not ready within ${STARTUP_TIMEOUT_S} s (see $APP_LOG)"
fi

# ---------------------------------------------------------------- 6. stop, report
stop_app
info "load average after" "$(cut -d' ' -f1-3 /proc/loadavg)"
info "logs" "bench/target/run-$STAMP-million/ (seed log, ledger log, generator log, results.tsv)"
log "figures"
java -jar "$BENCH_JAR" report --results "$RESULTS" --machine "$MACHINE" --markdown "$OUT" \
  --title "Impact Ledger benchmark at ${BENCH_EVENTS} events, $(date -u '+%Y-%m-%d %H:%M UTC')"
exit "$FAILED"
