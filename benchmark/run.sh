#!/usr/bin/env bash
# The Flowdesk benchmark (see benchmark/README.md).
#
#   bash benchmark/run.sh --quick     # < 6 min: creates, burst, engine bound, completion on ~1,000 tickets, mail, H2
#   bash benchmark/run.sh --full      # < 20 min with a stored backlog dump (first run seeds 100,000 tickets)
#
# Builds the jar, makes sure MariaDB is up on 127.0.0.1:3306, then runs the driver (io.flowdesk.benchmark.
# BenchmarkDriver, test scope), which drops and recreates the database flowdesk_bench, starts the server JVM from
# the jar (profiles mysql,benchmark, port 18080), waits for /actuator/health UP, drives it, stops it, does the
# same on a fresh embedded H2 database, and writes benchmark/results/<timestamp>.json/.md and latest.md.
# Any further arguments go to the driver (e.g. --no-h2, --create-seconds 30, --backlog 20000, --sla).
#
#   FLOWDESK_BENCH_ALTERNATE_JAR=/work/base-83bdc1d.jar FLOWDESK_BENCH_ALTERNATE_REVISION=83bdc1d \
#     bash benchmark/run.sh --alternate [--rounds 6 --window 15 --backlog 100000] [--side-by-side]
#
# runs that build (A) and this one (B) side by side and measures them in alternating windows
# (io.flowdesk.benchmark.Alternation): the way a change is judged against a budget on a host whose speed drifts.
# --side-by-side measures creates and completions of both at the same time instead (the same seconds of the host).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=--quick
args=()
for a in "$@"; do
  case "$a" in
    --quick|--full|--alternate) mode=$a ;;
    *) args+=("$a") ;;
  esac
done

started=$(date +%s)
log() { printf '\n== %s  [%ds]\n' "$*" "$(( $(date +%s) - started ))"; }

db_ping() { mysqladmin --protocol=tcp -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; }
log "MariaDB on 127.0.0.1:3306"
if ! db_ping; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 60); do db_ping && break; sleep 1; done
fi
db_ping || { echo "MariaDB did not come up on 127.0.0.1:3306" >&2; exit 1; }
mysql --protocol=tcp -h 127.0.0.1 -u root -N -e "select version()"

# what is measured: the commit, and how many of the application's files differ from it (src/main, processes,
# forms; the benchmark's own files don't count)
revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
changed=$(git status --porcelain -- src/main processes forms \
  ':!src/main/java/io/flowdesk/benchmark' ':!src/main/resources/application-benchmark.yml' 2>/dev/null | wc -l)
if [[ $changed -gt 0 ]]; then revision="$revision + $changed uncommitted file(s)"; fi
# Another build's server with this driver, for a comparison back to back on the same host (benchmark/README.md):
# FLOWDESK_BENCH_JAR=/tmp/flowdesk-83bdc1d.jar FLOWDESK_BENCH_REVISION=83bdc1d bash benchmark/run.sh --quick
server_jar=${FLOWDESK_BENCH_JAR:-target/flowdesk-0.1.0-SNAPSHOT.jar}
if [[ -n ${FLOWDESK_BENCH_JAR:-} ]]; then revision="${FLOWDESK_BENCH_REVISION:-$FLOWDESK_BENCH_JAR} (driver of $revision)"; fi

log "Build ($revision): mvn -q -B package -DskipTests"
mvn -q -B package -DskipTests

# Private copies of the jar and the driver: target/ may be rebuilt by someone else while the benchmark runs.
work=$(mktemp -d /tmp/flowdesk-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$server_jar" "$work/flowdesk.jar"
mkdir -p "$work/driver/io/flowdesk/benchmark" "$work/lib"
cp target/test-classes/io/flowdesk/benchmark/*.class "$work/driver/io/flowdesk/benchmark/"
# the driver needs the JDK, the MySQL JDBC driver, taken from the jar under test, and for the e-mail phase GreenMail
# with Jakarta Mail, as the project's tests resolve them (test scope; exactly these artifacts, no logging backend)
unzip -q -j -o "$work/flowdesk.jar" 'BOOT-INF/lib/mysql-connector-j-*.jar' -d "$work/lib"
mvn -q -B dependency:copy-dependencies -DincludeScope=test -DoutputDirectory="$work/lib" \
  -DincludeArtifactIds=greenmail,jakarta.mail-api,jakarta.mail,jakarta.activation-api,angus-activation,slf4j-api

# The server runs as the Docker image runs it (docker/Dockerfile): the jar unpacked, with a class-data-sharing
# archive recorded by a training start (docker/cds-archive.sh, about half a minute).
log "Unpack the jar and record its CDS archive (docker/cds-archive.sh)"
sh docker/cds-archive.sh "$work/flowdesk.jar" "$work/app"

driver_jvm=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms64m -Xmx512m -Xss512k -cp "$work/driver:$work/lib/*")
if [[ $mode == --alternate ]]; then
  : "${FLOWDESK_BENCH_ALTERNATE_JAR:?set it to the jar of the build (A) to alternate with}"
  log "The other build (A): unpack its jar and record its CDS archive"
  cp "$FLOWDESK_BENCH_ALTERNATE_JAR" "$work/other.jar"
  sh docker/cds-archive.sh "$work/other.jar" "$work/other"
  log "Driver (alternation: A = ${FLOWDESK_BENCH_ALTERNATE_REVISION:-other}, B = $revision)"
  "${driver_jvm[@]}" io.flowdesk.benchmark.Alternation \
    --jar-a "$work/other/other.jar" --jvm-option-a "-XX:SharedArchiveFile=$work/other/flowdesk.jsa" \
    --revision-a "${FLOWDESK_BENCH_ALTERNATE_REVISION:-$FLOWDESK_BENCH_ALTERNATE_JAR}" \
    --jar-b "$work/app/flowdesk.jar" --jvm-option-b "-XX:SharedArchiveFile=$work/app/flowdesk.jsa" \
    --revision-b "$revision" --results benchmark/results ${args[@]+"${args[@]}"}
  log "Done in $(( $(date +%s) - started )) s (build included)"
  exit 0
fi

log "Driver ($mode)"
# a small, cheap JVM: serial GC, C1 only; it shares the cores with the server and MariaDB
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms64m -Xmx512m -Xss512k \
  -cp "$work/driver:$work/lib/*" io.flowdesk.benchmark.BenchmarkDriver "$mode" \
  --jar "$work/app/flowdesk.jar" --server-jvm-option "-XX:SharedArchiveFile=$work/app/flowdesk.jsa" --results benchmark/results --revision "$revision" ${args[@]+"${args[@]}"}

log "Done in $(( $(date +%s) - started )) s (build included)"
