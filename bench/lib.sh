# Shared by bench/run.sh and bench/run-million.sh (sourced, not run): the checks before a run, the
# run's folders, and stopping the ledger however the run ends.

# bench_preflight TOOL...: every tool is installed, PostgreSQL answers, BENCH_PORT is free.
bench_preflight() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
  done
  pg_isready -h "$PGHOST" -p "$PGPORT" -q || die "PostgreSQL is not accepting connections on $PGHOST:$PGPORT"
  if (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PORT") 2>/dev/null; then
    die "port $BENCH_PORT is already in use; set BENCH_PORT"
  fi
}

# production_jvm_options: the JVM options of scripts/ledger.jvmopts (the README's production start), on one line.
production_jvm_options() {
  grep -v '^#' "$ROOT/scripts/ledger.jvmopts" | xargs
}

# bench_pg_settings: the PostgreSQL server settings the figures depend on, on one line. Commits (synchronous_commit,
# fsync, wal_sync_method) set the pgbench baseline and the ingest; memory, checkpoints and vacuum (shared_buffers,
# max_wal_size, checkpoint_timeout, autovacuum) shape rebuilds and the tables' growth.
bench_pg_settings() {
  psql -Atq -d postgres -c "select string_agg(name || '=' || current_setting(name), ', ' order by ord)
    from unnest(array['synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'max_wal_size', 'checkpoint_timeout',
                      'autovacuum', 'max_connections']) with ordinality as s(name, ord)"
}

# bench_launch_jar: sets LAUNCH_JAR and LAUNCH_OPTS to start APP_JAR as BENCH_CDS says. With BENCH_CDS=1, as
# the README's production command does: unpacked, with the class data sharing archive of scripts/cds-archive.sh
# (made here when missing or older than the jar, not timed); else the executable jar itself.
bench_launch_jar() {
  LAUNCH_JAR="$APP_JAR"
  LAUNCH_OPTS=""
  if [[ "$BENCH_CDS" == 1 ]]; then
    local cds_dir="$ROOT/api/target/app"
    if [[ "$BENCH_BUILD" == 1 || ! -f "$cds_dir/impact-ledger.jsa" || "$APP_JAR" -nt "$cds_dir/impact-ledger.jsa" ]]; then
      log "class data sharing archive (scripts/cds-archive.sh; a training start on a throw-away H2 database)"
      bash "$ROOT/scripts/cds-archive.sh" "$APP_JAR" "$cds_dir" >&2
    fi
    LAUNCH_JAR="$cds_dir/impact-ledger.jar"
    LAUNCH_OPTS="-XX:SharedArchiveFile=$cds_dir/impact-ledger.jsa"
  fi
}

# bench_launch_description: how bench_launch_jar starts the ledger, for the run's header.
bench_launch_description() {
  [[ "$BENCH_CDS" == 1 ]] && echo "unpacked jar with the class data sharing archive (scripts/cds-archive.sh)" || echo "java -jar on the executable jar"
}

# bench_wait_ready: waits until the ledger (APP_PID, logging to APP_LOG) answers /actuator/health UP on
# BENCH_PORT, at most STARTUP_TIMEOUT_S seconds after t0 (date +%s%N); sets ready to that moment, or to
# "" if it did not come up (and APP_PID to "" if it exited, after printing the end of its log).
bench_wait_ready() {
  ready=""
  while (( ($(date +%s%N) - t0) / 1000000000 < STARTUP_TIMEOUT_S )); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "bench: the ledger exited during start-up; the end of its log ($APP_LOG):" >&2
      tail -40 "$APP_LOG" >&2
      APP_PID=""
      return
    fi
    # 200 only when the aggregate status is UP (DOWN and OUT_OF_SERVICE answer 503, which -f turns into a failure)
    if curl -fsS --max-time 2 "http://127.0.0.1:$BENCH_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      ready="$(date +%s%N)"
      return
    fi
    sleep 0.05
  done
}

# bench_folders SUFFIX: sets STAMP, WORK (logs), RESULTS (rows), MACHINE and OUT (the Markdown table).
bench_folders() {
  STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
  WORK="$ROOT/bench/target/run-$STAMP$1"
  RESULTS="$WORK/results.tsv"
  MACHINE="$WORK/machine.txt"
  OUT="$ROOT/bench/results/$STAMP$1.md"
  mkdir -p "$WORK" "$ROOT/bench/results"
  : > "$RESULTS"
}

# The ledger started by the run (APP_PID), stopped when the run ends, by any path.
APP_PID=""
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    echo "bench: stopping the ledger (pid $APP_PID)" >&2
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$APP_PID" 2>/dev/null; then kill -9 "$APP_PID" 2>/dev/null || true; fi
  fi
  APP_PID=""
}
trap stop_app EXIT
trap 'exit 130' INT TERM
