#!/usr/bin/env bash
# The stack's floor for command ingest (issue 7): how near the ingest target (half of pgbench's durable
# append rate at 8 clients) any request-per-command service of the decided stack gets on this machine.
#
#   bash bench/floor.sh
#
# Measures pgbench's append (bench/pgbench-append.sql) at each client count, then starts the floor service
# (bench/floor: Spring Boot's Tomcat and Spring MVC, Spring Security checking a JWT, Jackson, Bean
# Validation, Micrometer's request observation, Hikari and the PostgreSQL driver around one autocommitted
# insert of an event-sized row, and nothing of the ledger) with the ledger's production JVM options, warms it
# up and drives it with the same closed loop at the same client counts (bench FloorLoad). Prints each rate
# and its ratio to pgbench. Build first: ./mvnw -B -q -Pbench -DskipTests package
#
#   BENCH_CLIENTS="1 8 32" BENCH_WARMUP=60 BENCH_DURATION=20 BENCH_PGBENCH_DURATION=  (default: BENCH_DURATION)
#   BENCH_DB=ledger_bench_floor BENCH_PORT=18095 BENCH_JAVA_OPTS=  (added to scripts/ledger.jvmopts)
#   BENCH_FLOOR_ARGS=  arguments for the floor service (e.g. --spring.datasource.hikari.maximum-pool-size=8)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
read -r -a CLIENTS <<< "${BENCH_CLIENTS:-1 8 32}"
WARMUP="${BENCH_WARMUP:-60}"
DURATION="${BENCH_DURATION:-20}"
PGBENCH_DURATION="${BENCH_PGBENCH_DURATION:-$DURATION}"
DB="${BENCH_DB:-ledger_bench_floor}"
BENCH_PORT="${BENCH_PORT:-18095}"
for v in WARMUP DURATION PGBENCH_DURATION BENCH_PORT; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "bench: $v must be a whole number, was '${!v}'" >&2; exit 2; }
done
for c in "${CLIENTS[@]}"; do
  [[ "$c" =~ ^[1-9][0-9]*$ ]] || { echo "bench: BENCH_CLIENTS: whole numbers separated by spaces, was '${BENCH_CLIENTS:-}'" >&2; exit 2; }
done
[[ "$DB" =~ ^ledger_bench[a-z0-9_]*$ ]] || { echo "bench: BENCH_DB must start with ledger_bench (it is dropped)" >&2; exit 2; }
die() { echo "bench: $*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
bench_preflight java psql pgbench curl openssl
FLOOR_JAR="$ROOT/bench/floor/target/impact-ledger-bench-floor.jar"
BENCH_JAR="$ROOT/bench/target/impact-ledger-bench.jar"
[[ -f "$FLOOR_JAR" && -f "$BENCH_JAR" ]] || die "build first: ./mvnw -B -q -Pbench -DskipTests package"

WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT
echo "bench: floor of command ingest, $(date -u +%FT%TZ), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

declare -A PGBENCH
for c in "${CLIENTS[@]}"; do
  psql -q -v ON_ERROR_STOP=1 -d "$DB" -f bench/pgbench-schema.sql
  threads=$(( c < $(nproc) ? c : $(nproc) ))
  echo "bench: pgbench, $c client(s), $PGBENCH_DURATION s" >&2
  PGOPTIONS='-c synchronous_commit=on' pgbench -n -M prepared -D seq=0 -f bench/pgbench-append.sql \
    -c "$c" -j "$threads" -T "$PGBENCH_DURATION" "$DB" > "$WORK/pgbench-$c.out" 2>&1 || { cat "$WORK/pgbench-$c.out" >&2; die "pgbench failed"; }
  PGBENCH[$c]="$(grep -Po 'tps = \K[0-9.]+(?= \(without)' "$WORK/pgbench-$c.out")"
done
psql -q -v ON_ERROR_STOP=1 -d "$DB" -f bench/pgbench-schema.sql

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt-private.pem" -pubout -out "$WORK/jwt-public.pem"
# The floor service is not processed ahead of time: the ledger's -Dspring.aot.enabled=true is left out.
# shellcheck disable=SC2046,SC2086 # one option per line; BENCH_JAVA_OPTS and BENCH_FLOOR_ARGS are lists
PORT="$BENCH_PORT" LEDGER_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" LEDGER_DB_USER="$PGUSER" \
  java $(production_jvm_options | sed 's/-Dspring.aot.enabled=true//') ${BENCH_JAVA_OPTS:-} -jar "$FLOOR_JAR" \
  --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$WORK/jwt-public.pem" ${BENCH_FLOOR_ARGS:-} > "$WORK/floor.log" 2>&1 &
APP_PID=$!
t0="$(date +%s%N)"
until curl -fsS --max-time 2 "http://127.0.0.1:$BENCH_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/floor.log" >&2; die "the floor service exited"; }
  (( ($(date +%s%N) - t0) / 1000000000 < 60 )) || die "the floor service did not start in 60 s"
  sleep 0.1
done
echo "bench: floor service ready after $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2
IFS=,
BENCH_JWT_KEY="$WORK/jwt-private.pem" java -cp "$BENCH_JAR" org.impactledger.bench.FloorLoad --base "http://127.0.0.1:$BENCH_PORT/" \
  --clients "${CLIENTS[*]}" --warmup "$WARMUP" --duration "$DURATION" --app-pid "$APP_PID" --clock-ticks "$(getconf CLK_TCK)" > "$WORK/floor.tsv"
unset IFS
rows="$(psql -Atq -d "$DB" -c "SELECT count(*) FROM bench_append")"

printf '\n| clients | pgbench appends/s | floor service requests/s | × pgbench | p50 ms | p95 ms | p99 ms | service CPU ms per request | service cores | generator cores | machine busy | errors |\n'
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
while IFS=$'\t' read -r _ c rate p50 p95 p99 cpu cores gen busy errors rest; do
  ratio="$(awk -v a="$rate" -v b="${PGBENCH[$c]}" 'BEGIN { if (b > 0) printf "%.2f", a / b }')"
  printf '| %s | %.0f | %.0f | %s× | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$c" "${PGBENCH[$c]}" "$rate" "$ratio" "$p50" "$p95" "$p99" "$cpu" "$cores" "$gen" "$busy" "$errors${rest:+ $rest}"
done < "$WORK/floor.tsv"
echo
echo "rows appended by the floor service (warm-up included): $rows; log: $WORK/floor.log"
