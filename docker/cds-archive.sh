#!/bin/sh
# Unpacks the Flowdesk fat jar the way Spring Boot recommends for production and records a class-data-sharing
# (CDS) archive of the classes a start-up loads, so that the JVM maps them instead of reading, verifying and
# parsing some 20,000 classes out of nested jars on every start (about 40 % less start-up time and CPU here).
#
#   sh docker/cds-archive.sh JAR DIR
#
# leaves DIR/<jar name> (a thin jar whose manifest lists DIR/lib/*.jar), DIR/lib/ and DIR/flowdesk.jsa. Run with
#
#   java -XX:SharedArchiveFile=DIR/flowdesk.jsa -jar DIR/<jar name> [--spring.profiles.active=mysql ...]
#
# The archive belongs to this JVM build and to these exact files: make it again after every build, with the
# java that will run the service (docker/Dockerfile and benchmark/run.sh do). If it does not match, the JVM
# says so once and starts without it, as slow as before, never wrong.
#
# The training run starts the application against a throw-away H2 database in a temporary directory and exits
# once the Spring context is refreshed (-Dspring.context.exit=onRefresh: engine built, models deployed, no
# HTTP port opened). POSIX sh: the runtime image need not have bash.
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 JAR DIR" >&2
  exit 2
fi
jar=$1
dir=$2
java=${JAVA:-java}

rm -rf "$dir"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir"
thin="$dir/$(basename "$jar")"
[ -f "$thin" ] || { echo "$0: extract left no $thin" >&2; exit 1; }

train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
# warnings about classes CDS cannot store (pre-Java-6 class files of some libraries) are expected: only the
# exit status counts
if ! "$java" -XX:ArchiveClassesAtExit="$dir/flowdesk.jsa" -Dspring.context.exit=onRefresh \
      -jar "$thin" --spring.profiles.active=default \
      --spring.datasource.url="jdbc:h2:file:$train/training;DB_CLOSE_ON_EXIT=FALSE" \
      > "$train/training.log" 2>&1; then
  tail -n 50 "$train/training.log" >&2
  echo "$0: the training run failed (log above)" >&2
  exit 1
fi
[ -s "$dir/flowdesk.jsa" ] || { echo "$0: no archive written" >&2; exit 1; }
echo "$0: $thin with $(du -h "$dir/flowdesk.jsa" | cut -f1) CDS archive $dir/flowdesk.jsa"
