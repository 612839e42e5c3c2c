#!/usr/bin/env bash
# Impact Ledger benchmark harness (issue 7): one command, one table of figures.
#
#   bash bench/run.sh
#
# In one run, on this machine only (loopback addresses):
#   1. builds the ledger and the load generator (./mvnw -Pbench; not part of ./mvnw verify);
#   2. creates a fresh PostgreSQL database (ledger_bench) and measures the baseline: pgbench appending
#      one event-sized row per durable transaction (bench/pgbench-append.sql) at each client count;
#   3. times process start until /actuator/health is UP: BENCH_STARTS starts, each on an empty database that Flyway
#      migrates (the last one on the run's database, whose ledger then takes the load); the median is the figure;
#   4. runs the load generator (bench/src/main/java): a warm-up, command ingest over HTTP at each client
#      count (closed loop), then ingest at a fixed offered rate (open loop), then a bulk outcome import
#      (one CSV file of BENCH_BULK_ROWS outcomes streamed to the import endpoint, then the same file again);
#   5. reads the ledger's resident memory (VmRSS, /proc/<pid>/status) and the number of stored events;
#   6. stops the ledger and prints the table; writes it as Markdown to bench/results/<timestamp>.md.
#
# Settings (environment variables, all optional):
#   BENCH_DURATION=15          seconds per measured step (each client count, the fixed-rate run)
#   BENCH_PGBENCH_DURATION=    seconds per pgbench client count (default: BENCH_DURATION)
#   BENCH_WARMUP=60            seconds of unrecorded warm-up before the ingest runs (0: none); the JIT compiler is still
#                              compiling some 2,000 methods per 10 s a minute into the load (bench/RESULTS.md, eleventh session)
#   BENCH_CLIENTS="1 8 32"     client counts, for pgbench and for ingest
#   BENCH_RATE=1000            offered rate of the fixed-rate run, commands/s
#   BENCH_RATE_LANES=50        lanes (clients with their own fund and contract) sharing that rate
#   BENCH_IDEMPOTENCY_KEYS=true  send an Idempotency-Key with every command, as a careful client does
#   BENCH_BULK_ROWS=100000     outcomes in the bulk import file
#   BENCH_SCENARIOS=warmup,ingest,ingest-fixed-rate,bulk-import  the load generator's scenarios, in order
#   BENCH_STARTS=3             starts timed (1..9): the host's speed varies by a third from one start to the next, so one
#                              start is a weak figure; the table gives their median and range
#   BENCH_PORT=18080           the ledger's HTTP port
#   BENCH_DB=ledger_bench      database to drop and create (must start with ledger_bench)
#   BENCH_BUILD=1              0 to reuse the jars already built
#   BENCH_CDS=1                start the ledger as the README's production command does: unpacked, with the class data
#                              sharing archive of scripts/cds-archive.sh (made here, not timed); 0: plain java -jar
#   BENCH_JAVA_OPTS=           JVM options for the ledger (default: scripts/ledger.jvmopts, the README's production options)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
#   BENCH_SCENARIOS=million    the 1M-event scenarios instead (rebuild, report queries, audit verification,
#                              memory at 1M events): runs bench/run-million.sh, whose header lists its settings
set -euo pipefail
if [[ "${BENCH_SCENARIOS:-}" == million ]]; then
  exec bash "$(dirname "${BASH_SOURCE[0]}")/run-million.sh"
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OVERRIDES="$(env | grep -E '^(BENCH_[A-Z_]+|PGHOST|PGPORT|PGUSER)=' | sort | tr '\n' ' ' || true)"

BENCH_DURATION="${BENCH_DURATION:-15}"
BENCH_PGBENCH_DURATION="${BENCH_PGBENCH_DURATION:-$BENCH_DURATION}"
BENCH_WARMUP="${BENCH_WARMUP:-60}"
BENCH_CLIENTS="${BENCH_CLIENTS:-1 8 32}"
BENCH_RATE="${BENCH_RATE:-1000}"
BENCH_RATE_LANES="${BENCH_RATE_LANES:-50}"
BENCH_IDEMPOTENCY_KEYS="${BENCH_IDEMPOTENCY_KEYS:-true}"
BENCH_BULK_ROWS="${BENCH_BULK_ROWS:-100000}"
BENCH_SCENARIOS="${BENCH_SCENARIOS:-warmup,ingest,ingest-fixed-rate,bulk-import}"
BENCH_PORT="${BENCH_PORT:-18080}"
BENCH_DB="${BENCH_DB:-ledger_bench}"
BENCH_BUILD="${BENCH_BUILD:-1}"
BENCH_CDS="${BENCH_CDS:-1}"
BENCH_STARTS="${BENCH_STARTS:-3}"
STARTUP_TIMEOUT_S=120
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

die() { echo "bench: $*" >&2; exit 2; }
is_int() { [[ "$1" =~ ^[0-9]+$ ]]; }

# ---------------------------------------------------------------- checks
for v in BENCH_DURATION BENCH_PGBENCH_DURATION BENCH_WARMUP BENCH_RATE BENCH_RATE_LANES BENCH_BULK_ROWS BENCH_PORT BENCH_STARTS PGPORT; do
  is_int "${!v}" || die "$v must be a whole number, was '${!v}'"
done
(( BENCH_DURATION >= 1 && BENCH_DURATION <= 3600 )) || die "BENCH_DURATION must be 1..3600 seconds"
(( BENCH_PGBENCH_DURATION >= 1 && BENCH_PGBENCH_DURATION <= 3600 )) || die "BENCH_PGBENCH_DURATION must be 1..3600 seconds"
(( BENCH_WARMUP <= 3600 )) || die "BENCH_WARMUP must be 0..3600 seconds"
(( BENCH_STARTS >= 1 && BENCH_STARTS <= 9 )) || die "BENCH_STARTS must be 1..9 starts"
read -r -a CLIENTS <<< "$BENCH_CLIENTS"
(( ${#CLIENTS[@]} >= 1 )) || die "BENCH_CLIENTS is empty"
for c in "${CLIENTS[@]}"; do
  is_int "$c" && (( c >= 1 && c <= 256 )) || die "client counts must be 1..256, got '$c'"
done
[[ "$BENCH_SCENARIOS" =~ ^[a-z,-]+$ ]] || die "BENCH_SCENARIOS must be a comma-separated list of scenario ids, was '$BENCH_SCENARIOS'"
[[ "$BENCH_DB" =~ ^ledger_bench[a-z0-9_]*$ ]] || die "BENCH_DB must start with ledger_bench (it is dropped and created), was '$BENCH_DB'"
case "$PGHOST" in
  127.*|localhost|::1) ;;
  *) die "PGHOST must be a loopback address: the harness measures this machine only (was '$PGHOST')" ;;
esac
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS-$(production_jvm_options)}"
bench_preflight java psql pgbench curl getconf openssl
bench_folders ""

# One line of the results file (see ResultRow.java): scenario clients throughput p50 p95 p99 extras note
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RESULTS"; }
info() { printf '%s: %s\n' "$1" "$2" >> "$MACHINE"; }
log() { printf '\n== %s\n' "$*" >&2; }

# ---------------------------------------------------------------- 1. build
if [[ "$BENCH_BUILD" == 1 ]]; then
  log "building the ledger and the load generator"
  ./mvnw -B -q -Pbench -DskipTests package
fi
APP_JAR="$ROOT/api/target/impact-ledger.jar"
BENCH_JAR="$ROOT/bench/target/impact-ledger-bench.jar"
[[ -f "$APP_JAR" && -f "$BENCH_JAR" ]] || die "jars missing; run with BENCH_BUILD=1"
bench_launch_jar

# ---------------------------------------------------------------- machine and settings
PG_SETTINGS="$(bench_pg_settings)"
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain -- . ':!bench/results' 2>/dev/null)" ]]; then COMMIT="$COMMIT (with uncommitted changes)"; fi
info "date" "$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
info "command" "${OVERRIDES}bash bench/run.sh"
info "settings" "${BENCH_STARTS} timed starts, pgbench ${BENCH_PGBENCH_DURATION} s and ingest ${BENCH_DURATION} s per client count (${CLIENTS[*]}), warm-up ${BENCH_WARMUP} s, fixed rate ${BENCH_RATE}/s over ${BENCH_RATE_LANES} lanes for ${BENCH_DURATION} s, idempotency keys ${BENCH_IDEMPOTENCY_KEYS}, bulk import of ${BENCH_BULK_ROWS} outcomes"
info "cores" "$(nproc)"
info "memory" "$(awk '/^MemTotal:/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
info "cpu" "$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(grep -c '^processor' /proc/cpuinfo) logical CPUs)"
info "kernel" "$(uname -sr)"
info "java" "$(java -version 2>&1 | head -1)"
info "ledger JVM options" "${BENCH_JAVA_OPTS:-(none: JVM defaults)}"
info "ledger start" "$(bench_launch_description)"
info "postgresql" "$(psql -Atq -d postgres -c 'select version()' | cut -d' ' -f1-2) on $PGHOST:$PGPORT; $PG_SETTINGS"
info "ledger commit" "$COMMIT"
info "load average before" "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- 2. pgbench baseline
log "fresh database $BENCH_DB"
psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB"

percentiles() { # file of latencies (µs), one a line -> "p50 p95 p99" in ms, nearest rank
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "  "; exit }
    split("50 95 99", q, " ")
    for (i = 1; i <= 3; i++) { r = int(q[i] / 100 * NR); if (r < q[i] / 100 * NR) r++; if (r < 1) r = 1; printf "%.3f ", v[r] / 1000 }
    print "" }'
}

for c in "${CLIENTS[@]}"; do
  log "pgbench baseline: $c client(s), ${BENCH_PGBENCH_DURATION} s"
  psql -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -f bench/pgbench-schema.sql
  threads=$(( c < $(nproc) ? c : $(nproc) ))
  prefix="$WORK/pgbench-log-$c"
  if PGOPTIONS='-c synchronous_commit=on' pgbench -n -M prepared -D seq=0 -f bench/pgbench-append.sql \
       -c "$c" -j "$threads" -T "$BENCH_PGBENCH_DURATION" -l --log-prefix="$prefix" "$BENCH_DB" > "$WORK/pgbench-$c.out" 2>&1; then
    tps="$(grep -Po 'tps = \K[0-9.]+(?= \(without)' "$WORK/pgbench-$c.out" || true)"
    tx="$(grep -Po 'number of transactions actually processed: \K[0-9]+' "$WORK/pgbench-$c.out" || echo 0)"
    failed="$(grep -Po 'number of failed transactions: \K[0-9]+' "$WORK/pgbench-$c.out" || echo 0)"
    cat "$prefix".* | awk '{ print $3 }' > "$WORK/pgbench-latency-$c.txt"
    read -r p50 p95 p99 <<< "$(percentiles "$WORK/pgbench-latency-$c.txt")"
    rowbytes="$(psql -Atq -d "$BENCH_DB" -c "select round(avg(pg_column_size(t.*))) from bench_append t")"
    row "pgbench-append" "$c" "$tps" "$p50" "$p95" "$p99" "tx=$tx;failed_tx=$failed;row_bytes=$rowbytes" ""
    echo "  $tps appends/s, p50 $p50 p95 $p95 p99 $p99 ms, rows of $rowbytes bytes" >&2
  else
    cat "$WORK/pgbench-$c.out" >&2
    row "pgbench-append" "$c" "" "" "" "" "failed=true" "pgbench failed: $(tail -1 "$WORK/pgbench-$c.out")"
  fi
  rm -f "$prefix".*
done
psql -q -d "$BENCH_DB" -c "DROP TABLE IF EXISTS bench_append"
# PostgreSQL writes pgbench's rows out in the background until its next checkpoint; that is pgbench's cost, not the
# ledger's start-up, so a checkpoint is taken before each start (below).

# ---------------------------------------------------------------- 3. start-up
APP_LOG="$WORK/app.log"
# the ledger checks bearer tokens (JWT) against a key made for this run; the generator signs with its private half.
# Made before the clock starts: generating an RSA key took 0.14-0.47 s here, which is not the ledger's start-up.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt-private.pem" -pubout -out "$WORK/jwt-public.pem"
export BENCH_JWT_KEY="$WORK/jwt-private.pem"

# start_ledger DB: starts the ledger against DB (logging to APP_LOG), sets t0 to the moment and APP_PID, waits for it
# to be ready (bench_wait_ready sets ready, or "" when it did not come up).
start_ledger() {
  t0="$(date +%s%N)"
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
  ( cd "$WORK" && PORT="$BENCH_PORT" LEDGER_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1" LEDGER_DB_USER="$PGUSER" \
      exec java $LAUNCH_OPTS $BENCH_JAVA_OPTS -jar "$LAUNCH_JAR" \
        --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$WORK/jwt-public.pem" ) > "$APP_LOG" 2>&1 &
  APP_PID=$!
  bench_wait_ready
}

# The starts before the last, each on an empty scratch database dropped afterwards.
STARTS=()
SCRATCH_DB="${BENCH_DB}_start"
for (( i = 1; i < BENCH_STARTS; i++ )); do
  log "start $i of $BENCH_STARTS: the ledger on an empty database ($SCRATCH_DB)"
  psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH_DB" -c "CREATE DATABASE $SCRATCH_DB"
  psql -q -d postgres -c "CHECKPOINT"
  start_ledger "$SCRATCH_DB"
  if [[ -z "$ready" ]]; then
    cp "$APP_LOG" "$WORK/app-start-$i.log"
    stop_app
    break
  fi
  STARTS+=("$(awk -v a="$t0" -v b="$ready" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
  echo "  ready after ${STARTS[-1]} s" >&2
  mv "$APP_LOG" "$WORK/app-start-$i.log"
  stop_app
done
psql -q -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH_DB"

log "start $BENCH_STARTS of $BENCH_STARTS: the ledger on port $BENCH_PORT against $BENCH_DB, which then takes the load"
psql -q -d "$BENCH_DB" -c "CHECKPOINT"
ready=""
(( ${#STARTS[@]} == BENCH_STARTS - 1 )) && start_ledger "$BENCH_DB"
FAILED=0
if [[ -n "$ready" ]]; then
  STARTS+=("$(awk -v a="$t0" -v b="$ready" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
  echo "  ready after ${STARTS[-1]} s" >&2
  spring="$(grep -Po 'Started \S+ in \K[0-9.]+' "$APP_LOG" | head -1 || true)"
  # the median, and every start in the order they ran
  median="$(printf '%s\n' "${STARTS[@]}" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }')"
  row "startup" "" "" "" "" "" "seconds=$median;starts=$(IFS=/; echo "${STARTS[*]}");spring_reported_s=${spring:-}" \
      "process start to health UP on an empty database (Flyway migrates it first); the median of ${#STARTS[@]} starts${spring:+; in the last, Spring Boot reports ${spring} s}"
  echo "  median of ${#STARTS[@]} starts: $median s" >&2
else
  FAILED=1
  row "startup" "" "" "" "" "" "failed=true" "the ledger was not ready within ${STARTUP_TIMEOUT_S} s (see $WORK)"
fi

# ---------------------------------------------------------------- 4. load
if [[ -n "$ready" ]]; then
  log "load generator"
  set +e
  java -Xms64m -Xmx1g -jar "$BENCH_JAR" run --base "http://127.0.0.1:$BENCH_PORT/" --out "$RESULTS" \
    --duration "$BENCH_DURATION" --warmup "$BENCH_WARMUP" --clients "$(IFS=,; echo "${CLIENTS[*]}")" \
    --rate "$BENCH_RATE" --lanes "$BENCH_RATE_LANES" --idempotency-keys "$BENCH_IDEMPOTENCY_KEYS" --bulk-rows "$BENCH_BULK_ROWS" \
    --scenarios "$BENCH_SCENARIOS" \
    --app-pid "$APP_PID" --clock-ticks "$(getconf CLK_TCK)" --run-token "b$(date +%s)" 2>&1 | tee "$WORK/generator.log"
  gen_rc=${PIPESTATUS[0]}
  set -e
  (( gen_rc == 0 )) || FAILED=1

  # ---------------------------------------------------------------- 5. memory
  if kill -0 "$APP_PID" 2>/dev/null; then
    rss_kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")"
    hwm_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$APP_PID/status")"
    events="$(psql -Atq -d "$BENCH_DB" -c 'select count(*) from domain_event_entry')"
    snapshots="$(psql -Atq -d "$BENCH_DB" -c 'select count(*) from snapshot_event_entry')"
    sizes="$(psql -Atq -d "$BENCH_DB" -c "select round(avg(octet_length(payload))) || ' B payload, ' || round(avg(octet_length(meta_data))) || ' B metadata, ' || round(avg(pg_column_size(e.*))) || ' B per row' from domain_event_entry e")"
    row "resident-memory" "" "" "" "" "" \
        "rss_mb=$(( rss_kb / 1024 ));hwm_mb=$(( hwm_kb / 1024 ));events=$events;snapshots=$snapshots" \
        "after the load runs, ${BENCH_JAVA_OPTS:-JVM default heap settings}; stored events average ${sizes}"
  else
    FAILED=1
    row "resident-memory" "" "" "" "" "" "failed=true" "the ledger was no longer running after the load (see $APP_LOG)"
  fi
fi

# ---------------------------------------------------------------- 6. stop, report
stop_app
info "load average after" "$(cut -d' ' -f1-3 /proc/loadavg)"
info "logs" "bench/target/run-$STAMP/ (ledger log, generator log, pgbench output, results.tsv)"
log "figures"
java -jar "$BENCH_JAR" report --results "$RESULTS" --machine "$MACHINE" --markdown "$OUT" \
  --title "Impact Ledger benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
exit "$FAILED"
