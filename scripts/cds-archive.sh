#!/usr/bin/env bash
# Prepares the ledger for a fast start: unpacks the executable jar into a plain class path and records a
# class data sharing (AppCDS) archive of the classes a start loads, so that later starts map them from
# the archive instead of reading, verifying and linking them again (README, "Start-up").
#
#   bash scripts/cds-archive.sh [jar] [directory]
#     jar        the executable jar (default: api/target/impact-ledger.jar, from ./mvnw package)
#     directory  where to unpack it (default: api/target/app); replaced
#
# Then start with the archive (same JDK, same jar; the JVM ignores a stale archive with a warning):
#   java -XX:SharedArchiveFile=api/target/app/impact-ledger.jsa -jar api/target/app/impact-ledger.jar
#
# The training start runs on a throw-away embedded H2 database in a temporary directory (Flyway
# migrates it, every bean is created) and exits as soon as the context is refreshed
# (spring.context.exit=onRefresh): it touches no real database and serves no request.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${1:-$ROOT/api/target/impact-ledger.jar}"
DIR="${2:-$ROOT/api/target/app}"
[[ -f "$JAR" ]] || { echo "cds-archive: $JAR not found; build it with ./mvnw -B -q -DskipTests package" >&2; exit 2; }

rm -rf "$DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
APP_JAR="$DIR/$(basename "$JAR")"
[[ -f "$APP_JAR" ]] || { echo "cds-archive: extraction did not produce $APP_JAR" >&2; exit 2; }

TRAINING="$(mktemp -d)"
trap 'rm -rf "$TRAINING"' EXIT
# the datasource and port of the environment must not reach the training start
( cd "$TRAINING" && env -u LEDGER_DB_URL -u LEDGER_DB_USER -u LEDGER_DB_PASSWORD -u PORT -u SPRING_PROFILES_ACTIVE \
    java @"$ROOT/scripts/ledger.jvmopts" -XX:ArchiveClassesAtExit="$DIR/impact-ledger.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
      --server.port=0 > "$TRAINING/training.log" 2>&1 ) || {
  echo "cds-archive: the training start failed; its log:" >&2
  tail -40 "$TRAINING/training.log" >&2
  exit 1
}
[[ -s "$DIR/impact-ledger.jsa" ]] || { echo "cds-archive: no archive written" >&2; exit 1; }
echo "cds-archive: $DIR/impact-ledger.jsa ($(du -h "$DIR/impact-ledger.jsa" | cut -f1)); start with:"
echo "  java @$ROOT/scripts/ledger.jvmopts -XX:SharedArchiveFile=$DIR/impact-ledger.jsa -jar $APP_JAR"
