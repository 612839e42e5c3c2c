#!/usr/bin/env bash
# The floor of a projection rebuild (issue 7): the least PostgreSQL work any rebuild of the ten read models
# does on this machine, whatever the ledger's code. A rebuild must in the end hold the read models' rows with
# their keys and indexes; here those rows, taken from a database the ledger has already built, are written
# into empty copies of their tables (same columns, keys, indexes and constraints) by one INSERT ... SELECT per
# table: no round trip per row, no update of a row written before, no read of the event store, no JVM. The
# time is printed per table and in all, and as events per second of the store the rows came from. Then the
# same rows once more into the tables emptied and stripped of their keys and indexes, which are built after
# the rows (what a rebuild that drops them first would pay): that total is printed too.
#
#   bash bench/rebuild-floor.sh <built database> [parallel sessions, default: the cores]
#   e.g. after BENCH_REUSE_DB=1 BENCH_REBUILD=startup BENCH_SCENARIOS=million bash bench/run.sh:
#        bash bench/rebuild-floor.sh ledger_bench_million
#
# The copies are made in a scratch database (ledger_bench_rebuild_floor, dropped at the end), so the
# built database is only read. The tables are those the read models' resets empty (ReadModelTables.empty);
# the audit chain is timed on its own line, as the start-up build writes it beside them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
SOURCE="${1:?usage: bash bench/rebuild-floor.sh <built database> [parallel sessions]}"
SESSIONS="${2:-$(nproc)}"
[[ "$SOURCE" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "bench: not a database name: $SOURCE" >&2; exit 2; }
[[ "$SESSIONS" =~ ^[1-9][0-9]?$ ]] || { echo "bench: parallel sessions: 1 to 99, was $SESSIONS" >&2; exit 2; }
SCRATCH=ledger_bench_rebuild_floor
WORK="$(mktemp -d)"
trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

# the read models' tables: every name their resets pass to ReadModelTables.empty
mapfile -t TABLES < <(grep -rh -A3 'ReadModelTables.empty(' --include=*.java "$ROOT/projections/src/main" | grep -o '"[a-z_]*"' | tr -d '"' | sort -u)
(( ${#TABLES[@]} > 0 )) || { echo "bench: found no read-model tables in projections/src/main" >&2; exit 1; }
events="$(psql -Atq -d "$SOURCE" -c "SELECT count(*) FROM domain_event_entry")"
heads="$(psql -Atq -d "$SOURCE" -c "SELECT count(*) FROM token_entry WHERE token IS NOT NULL")"
echo "bench: rebuild floor from $SOURCE ($events events, $heads processor tokens), ${#TABLES[@]} read-model tables, $SESSIONS session(s), $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

psql -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH" -c "CREATE DATABASE $SCRATCH"
# the scratch database gets the tables' definitions (no rows) and the rows as files PostgreSQL reads itself
pg_dump -d "$SOURCE" --schema-only $(printf -- '-t public.%s ' "${TABLES[@]}" audit_chain) | psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH" >/dev/null
for t in "${TABLES[@]}" audit_chain; do
  psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH" -c "CREATE UNLOGGED TABLE src_$t AS SELECT * FROM $t WITH NO DATA" >/dev/null
  psql -q -v ON_ERROR_STOP=1 -d "$SOURCE" -c "\\copy $t TO '$WORK/$t.copy'"
  psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH" -c "\\copy src_$t FROM '$WORK/$t.copy'"
  rm -f "$WORK/$t.copy"
done
psql -q -d "$SCRATCH" -c "VACUUM ANALYZE" >/dev/null
psql -q -d "$SCRATCH" -c "CHECKPOINT" >/dev/null

# largest first, each to the session with the least rows so far; a table with a foreign key goes to its
# parent's session, after the parent (the rebuild checks those keys too)
declare -A PARENT SESSION_OF
while IFS='|' read -r child parent; do [[ -n "$child" ]] && PARENT[$child]="$parent"; done \
  < <(psql -Atq -d "$SCRATCH" -c "SELECT conrelid::regclass, confrelid::regclass FROM pg_constraint WHERE contype = 'f'")
mapfile -t ORDERED < <(for t in "${TABLES[@]}"; do echo "$(psql -Atq -d "$SCRATCH" -c "SELECT count(*) FROM src_$t") $t"; done | sort -rn)
declare -a LOAD
for ((s = 0; s < SESSIONS; s++)); do LOAD[s]=0; echo '\timing on' > "$WORK/session-$s.sql"; done
step() { # table rows session
  LOAD[$3]=$(( LOAD[$3] + $2 ))
  SESSION_OF[$1]=$3
  printf '\\echo %s %s\nINSERT INTO %s SELECT * FROM src_%s;\n' "$2" "$1" "$1" "$1" >> "$WORK/session-$3.sql"
}
for line in "${ORDERED[@]}"; do
  read -r rows t <<< "$line"
  [[ -n "${PARENT[$t]:-}" ]] && continue
  best=0
  for ((s = 1; s < SESSIONS; s++)); do (( LOAD[s] < LOAD[best] )) && best=$s; done
  step "$t" "$rows" "$best"
done
for line in "${ORDERED[@]}"; do
  read -r rows t <<< "$line"
  [[ -n "${PARENT[$t]:-}" ]] && step "$t" "$rows" "${SESSION_OF[${PARENT[$t]}]}"
done
t0="$(date +%s%N)"
PIDS=()
for ((s = 0; s < SESSIONS; s++)); do
  PGOPTIONS='-c synchronous_commit=on' psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH" -f "$WORK/session-$s.sql" > "$WORK/out-$s.txt" &
  PIDS+=($!)
done
for pid in "${PIDS[@]}"; do wait "$pid" || { echo "bench: a session failed" >&2; exit 1; }; done
t1="$(date +%s%N)"
a0="$(date +%s%N)"
psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH" -c "INSERT INTO audit_chain SELECT * FROM src_audit_chain" >/dev/null
a1="$(date +%s%N)"
audit_rows="$(psql -Atq -d "$SCRATCH" -c "SELECT count(*) FROM audit_chain")"

echo
echo "| table | rows | ms |"
echo "| --- | ---: | ---: |"
# each session printed "<rows> <table>", then "INSERT 0 <rows>" and "Time: <ms> ms" for it
cat "$WORK"/out-*.txt | awk '/^[0-9]+ [a-z_]+$/ { rows = $1; t = $2 } /^Time: / { print rows, t, $2 }' > "$WORK/tables.txt"
sort -k3 -rn "$WORK/tables.txt" | awk '{ printf "| %s | %d | %.0f |\n", $2, $1, $3 }'
total_s="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
audit_s="$(awk -v a="$a0" -v b="$a1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
rows_all="$(awk '{ s += $1 } END { print s }' "$WORK/tables.txt")"
echo
echo "read-model rows written: $rows_all in $total_s s over $SESSIONS session(s): $(awk -v e="$events" -v s="$total_s" 'BEGIN { printf "%.0f", e / s }') events/s of the store"
echo "audit chain: $audit_rows rows in $audit_s s alone"
echo "both: $(awk -v e="$events" -v s="$total_s" -v a="$audit_s" 'BEGIN { printf "%.0f", e / (s + a) }') events/s if the chain is written after the read models, on this machine; the target is 50,000"

# The same rows again, written before their tables' keys and indexes, which are then built from them (a
# rebuild could drop them at its start and build them at its end): the least this machine needs with that
# method. Foreign keys are added after their tables' keys, in the child's session.
ddl() { psql -Atq -v ON_ERROR_STOP=1 -d "$SCRATCH" -c "$1"; }
for t in "${TABLES[@]}" audit_chain; do
  ddl "SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s;', '$t', conname, pg_get_constraintdef(oid)) FROM pg_constraint
       WHERE conrelid = '$t'::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname" > "$WORK/keys-$t.sql"
  ddl "SELECT pg_get_indexdef(indexrelid) || ';' FROM pg_index WHERE indrelid = '$t'::regclass
       AND indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE conrelid = '$t'::regclass AND contype IN ('p', 'u', 'x'))
       ORDER BY indexrelid" >> "$WORK/keys-$t.sql"
  ddl "SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s;', '$t', conname, pg_get_constraintdef(oid)) FROM pg_constraint
       WHERE conrelid = '$t'::regclass AND contype = 'f' ORDER BY conname" > "$WORK/foreign-$t.sql"
done
psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH" -c "TRUNCATE $(IFS=,; echo "${TABLES[*]}"), audit_chain" >/dev/null
for t in "${TABLES[@]}" audit_chain; do
  ddl "SELECT format('ALTER TABLE %I DROP CONSTRAINT %I;', '$t', conname) FROM pg_constraint WHERE conrelid = '$t'::regclass AND contype = 'f'"
done | psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH" >/dev/null
for t in "${TABLES[@]}" audit_chain; do
  ddl "SELECT format('DROP INDEX %s;', indexrelid::regclass) FROM pg_index WHERE indrelid = '$t'::regclass
       AND indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE conrelid = '$t'::regclass AND contype IN ('p', 'u', 'x'))"
  ddl "SELECT format('ALTER TABLE %I DROP CONSTRAINT %I;', '$t', conname) FROM pg_constraint WHERE conrelid = '$t'::regclass AND contype IN ('p', 'u', 'x')"
done | psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH" >/dev/null
psql -q -d "$SCRATCH" -c "CHECKPOINT" >/dev/null
for ((s = 0; s < SESSIONS; s++)); do : > "$WORK/late-$s.sql"; : > "$WORK/late-foreign-$s.sql"; done
for t in "${TABLES[@]}"; do
  s="${SESSION_OF[$t]}"
  { echo "INSERT INTO $t SELECT * FROM src_$t;"; cat "$WORK/keys-$t.sql"; } >> "$WORK/late-$s.sql"
  cat "$WORK/foreign-$t.sql" >> "$WORK/late-foreign-$s.sql"
done
l0="$(date +%s%N)"
PIDS=()
for ((s = 0; s < SESSIONS; s++)); do
  cat "$WORK/late-foreign-$s.sql" >> "$WORK/late-$s.sql"
  PGOPTIONS='-c synchronous_commit=on' psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH" -f "$WORK/late-$s.sql" > /dev/null &
  PIDS+=($!)
done
for pid in "${PIDS[@]}"; do wait "$pid" || { echo "bench: a session failed (indexes after the rows)" >&2; exit 1; }; done
l1="$(date +%s%N)"
{ echo "INSERT INTO audit_chain SELECT * FROM src_audit_chain;"; cat "$WORK/keys-audit_chain.sql"; } | psql -q -v ON_ERROR_STOP=1 -d "$SCRATCH" >/dev/null
l2="$(date +%s%N)"
late_s="$(awk -v a="$l0" -v b="$l1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
late_audit_s="$(awk -v a="$l1" -v b="$l2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
echo
built="$(cat "$WORK"/keys-*.sql "$WORK"/foreign-*.sql | grep -c .)"
echo "rows first, then their $built keys, indexes and foreign keys: read-model tables $late_s s, audit chain $late_audit_s s:" \
  "$(awk -v e="$events" -v s="$late_s" -v a="$late_audit_s" 'BEGIN { printf "%.0f", e / (s + a) }') events/s for both, on this machine"
