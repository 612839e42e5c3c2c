#!/usr/bin/env bash
# Where command ingest spends the machine (issue 7): one ingest step (or a bulk import), and the CPU of each group of the
# ledger's threads, of PostgreSQL and of the whole machine over a window of it.
#
#   bash bench/ingest-profile.sh [ledger arguments...]
#   e.g. BENCH_RATE=400 BENCH_SCENARIOS=warmup,ingest-fixed-rate bash bench/ingest-profile.sh --ledger.axon.read-models.live-batch-linger=0ms
#
# Creates BENCH_DB afresh, starts the ledger jar already built (api/target; the production JVM options of
# scripts/ledger.jvmopts plus BENCH_JAVA_OPTS) and runs the load generator's scenarios once. While the
# measured step runs it reads /proc: CPU seconds of the ledger's threads grouped by name (request threads,
# each read model's processor, the JIT compiler, ...), of every PostgreSQL process, and of the machine.
# With pg_stat_statements loaded in PostgreSQL it also prints the statements that took most time.
#
#   BENCH_SCENARIOS=warmup,ingest   the generator's scenarios (ingest-fixed-rate: the open loop at BENCH_RATE)
#   BENCH_CLIENTS=8                 client count of the closed loop
#   BENCH_WARMUP=30 BENCH_DURATION=20   seconds of unrecorded warm-up, then of the measured step
#   BENCH_RATE=1000 BENCH_RATE_LANES=50 the open loop's offered rate and lanes
#   BENCH_BULK_ROWS=100000          outcomes in the file of the bulk-import scenario
#   BENCH_WINDOW=15                 seconds of /proc sampling, from BENCH_WINDOW_DELAY=3 s into the measured step
#   BENCH_BLOCK_PROCESSORS=0        1: take every read model's token claim away once the ledger is up, so no
#                                   read model runs (the command side alone)
#   BENCH_DB=ledger_bench_profile BENCH_PORT=18090 BENCH_JAVA_OPTS=
#   BENCH_APP_JAR=api/target/impact-ledger.jar  the ledger jar to run (another build, for an A/B)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
SCENARIOS="${BENCH_SCENARIOS:-warmup,ingest}"
CLIENTS="${BENCH_CLIENTS:-8}"
WARMUP="${BENCH_WARMUP:-30}"
DURATION="${BENCH_DURATION:-20}"
RATE="${BENCH_RATE:-1000}"
LANES="${BENCH_RATE_LANES:-50}"
WINDOW="${BENCH_WINDOW:-15}"
BULK_ROWS="${BENCH_BULK_ROWS:-100000}"
DB="${BENCH_DB:-ledger_bench_profile}"
PORT="${BENCH_PORT:-18090}"
for v in CLIENTS WARMUP DURATION RATE LANES WINDOW BULK_ROWS PORT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "bench: $v must be a whole number, was '${!v}'" >&2; exit 2; }
done
[[ "$DB" =~ ^ledger_bench[a-z0-9_]*$ ]] || { echo "bench: BENCH_DB must start with ledger_bench (it is dropped)" >&2; exit 2; }
[[ "$SCENARIOS" =~ ^[a-z,-]+$ ]] || { echo "bench: BENCH_SCENARIOS: scenario ids separated by commas" >&2; exit 2; }
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bench_preflight java psql curl openssl python3
APP_JAR="${BENCH_APP_JAR:-$ROOT/api/target/impact-ledger.jar}"
BENCH_JAR="$ROOT/bench/target/impact-ledger-bench.jar"
[[ -f "$APP_JAR" && -f "$BENCH_JAR" ]] || { echo "bench: build first: ./mvnw -B -q -Pbench -DskipTests package" >&2; exit 2; }

WORK="$(mktemp -d)"
psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt-private.pem" -pubout -out "$WORK/jwt-public.pem"
export BENCH_JWT_KEY="$WORK/jwt-private.pem"
# shellcheck disable=SC2046,SC2086 # one option per line; BENCH_JAVA_OPTS is a list
( cd "$WORK" && PORT="$PORT" LEDGER_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" LEDGER_DB_USER="$PGUSER" \
    exec java $(grep -v '^#' "$ROOT/scripts/ledger.jvmopts") ${BENCH_JAVA_OPTS:-} -jar "$APP_JAR" \
      --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$WORK/jwt-public.pem" "$@" ) > "$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
until curl -fsS --max-time 2 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log" >&2; exit 1; }
  sleep 0.2
done
if [[ "${BENCH_BLOCK_PROCESSORS:-0}" == 1 ]]; then
  sleep 3 # every processor has claimed its token by now
  psql -q -d "$DB" -c "UPDATE token_entry SET owner = 'bench-blocker', timestamp = '2099-01-01T00:00:00Z'"
fi
STATEMENTS=0
if psql -q -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT pg_stat_statements_reset()" >/dev/null 2>&1; then
  STATEMENTS=1
fi

# the sampler starts BENCH_WINDOW_DELAY s after the generator logs that the step it measures begins
# ("measuring" after the step's first line: the warm-up has its own)
GENERATOR_LOG="$WORK/generator.log"
: > "$GENERATOR_LOG"
python3 - "$APP_PID" "${BENCH_WINDOW_DELAY:-3}" "$WINDOW" "$GENERATOR_LOG" > "$WORK/cpu.txt" <<'EOF' &
import collections, os, re, sys, time
pid, delay, window, log = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
tick = os.sysconf('SC_CLK_TCK')

def ticks(path):
    text = open(path).read()
    fields = text[text.rindex(')') + 2:].split()
    return text[text.index('(') + 1:text.rindex(')')], int(fields[11]) + int(fields[12])

def threads():
    seen = {}
    for task in os.listdir(f'/proc/{pid}/task'):
        try:
            seen[task] = ticks(f'/proc/{pid}/task/{task}/stat')
        except OSError:
            pass
    return seen

def postgres():
    total = 0
    for p in filter(str.isdigit, os.listdir('/proc')):
        try:
            name, used = ticks(f'/proc/{p}/stat')
            total += used if name == 'postgres' else 0
        except OSError:
            pass
    return total

def machine():
    v = list(map(int, open('/proc/stat').readline().split()[1:]))
    return sum(v) - v[3] - v[4]

def measured_step_began():
    started = False
    for line in open(log, errors='replace'):
        if re.match(r'(ingest: |ingest at a fixed rate|bulk import:)', line):
            started = True
        elif started and line.strip() == 'measuring':
            return True
    return False

while not measured_step_began():
    time.sleep(0.2)
time.sleep(delay)
t0, p0, m0 = threads(), postgres(), machine()
time.sleep(window)
t1, p1, m1 = threads(), postgres(), machine()
groups = collections.Counter()
for task, (name, used) in t1.items():
    groups[re.sub(r'\d+', '#', name)] += used - t0.get(task, (name, 0))[1]
cores = lambda t: t / tick / window
print(f"machine busy {cores(m1 - m0):.2f} cores of {os.cpu_count()}; PostgreSQL {cores(p1 - p0):.2f} cores; "
      f"ledger {cores(sum(groups.values())):.2f} cores, by thread:")
for name, used in groups.most_common(12):
    if used:
        print(f"  {cores(used):6.3f} cores  {name}")
EOF
SAMPLER=$!
java -Xms64m -Xmx1g -jar "$BENCH_JAR" run --base "http://127.0.0.1:$PORT/" --out "$WORK/results.tsv" \
  --duration "$DURATION" --warmup "$WARMUP" --clients "$CLIENTS" --rate "$RATE" --lanes "$LANES" --idempotency-keys true \
  --bulk-rows "$BULK_ROWS" --scenarios "$SCENARIOS" --app-pid "$APP_PID" --clock-ticks "$(getconf CLK_TCK)" --run-token "p$(date +%s)" \
  > "$GENERATOR_LOG" 2>&1 || { tail -20 "$GENERATOR_LOG" >&2; kill "$SAMPLER" 2>/dev/null; exit 1; }
wait "$SAMPLER" || true
grep -E '^(ingest|ingest-fixed-rate|bulk-import)[[:space:]]' "$WORK/results.tsv" | cut -f1-7 | sed 's/^/step: /' || true
cat "$WORK/cpu.txt"
if [[ "$STATEMENTS" == 1 ]]; then
  echo "statements by total time (whole run, warm-up included):"
  psql -d "$DB" -c "SELECT calls, round(total_exec_time::numeric) AS ms, round(mean_exec_time::numeric, 3) AS mean_ms,
      left(regexp_replace(query, '\s+', ' ', 'g'), 100) AS statement FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15"
fi
echo "logs: $WORK"
