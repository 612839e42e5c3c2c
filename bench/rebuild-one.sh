#!/usr/bin/env bash
# Rebuild of read models from an already built database, for A/B comparisons of one change (issue 7):
#
#   bash bench/rebuild-one.sh <built database> <read model[,read model...]> [jar] [extra ledger arguments...]
#   e.g. bash bench/rebuild-one.sh ledger_bench_built fund-state api/target/impact-ledger.jar --ledger.axon.event-store.batch-size=100
#
# Copies <built database> (a database the ledger has built, e.g. by bench/run-million.sh, kept with
# CREATE DATABASE ledger_bench_built TEMPLATE ledger_bench_million) to ledger_bench_rebuild_one, starts
# the ledger on the copy with --ledger.rebuild=<read models> (the production JVM options of
# scripts/ledger.jvmopts), waits for "Rebuilt [...] in N ms" in its log, prints that line and stops the
# ledger. Nothing else runs: the figure is one read model's rebuild alone, polled every 2 s by the ledger.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 2 ]] || { sed -n '2,12p' "$0" >&2; exit 2; }
SOURCE_DB="$1"; MODELS="$2"; JAR="${3:-$ROOT/api/target/impact-ledger.jar}"; shift $(( $# >= 3 ? 3 : 2 ))
[[ "$SOURCE_DB" =~ ^ledger_bench[a-z0-9_]*$ ]] || { echo "the database must start with ledger_bench" >&2; exit 2; }
[[ "$MODELS" =~ ^[a-z,-]+$ ]] || { echo "read models: names separated by commas" >&2; exit 2; }
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
COPY=ledger_bench_rebuild_one
psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $COPY" -c "CREATE DATABASE $COPY TEMPLATE $SOURCE_DB"
WORK="$(mktemp -d)"
openssl genpkey -algorithm ed25519 -out "$WORK/audit.pem" 2>/dev/null
LOG="$WORK/ledger.log"
# shellcheck disable=SC2046 # the options file holds one option per line
( cd "$WORK" && PORT="${BENCH_PORT:-18081}" LEDGER_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$COPY" LEDGER_DB_USER="$PGUSER" \
    LEDGER_AUDIT_SIGNING_KEY_FILE="$WORK/audit.pem" exec java $(grep -v '^#' "$ROOT/scripts/ledger.jvmopts") -jar "$JAR" \
    --ledger.rebuild="$MODELS" "$@" ) > "$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until grep -q "Rebuilt .* in .* ms" "$LOG"; do
  kill -0 "$PID" 2>/dev/null || { tail -30 "$LOG" >&2; echo "the ledger exited (log: $LOG)" >&2; exit 1; }
  sleep 1
done
grep -o "Rebuilt .* in .* ms" "$LOG"
