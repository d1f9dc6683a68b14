#!/usr/bin/env bash
# Checks pimsyn on a real standalone Spark cluster: starts a Spark master and a worker on 127.0.0.1 from the jars
# Maven resolves (no Spark distribution needed), runs a small synthesis through spark-submit with
# spark/target/pimsyn-spark.jar and --executor spark, kills the first executor while it runs a task so that Spark
# must retry its tasks elsewhere, runs the same synthesis locally with the same jar, and checks both wrote the same
# design.json, pimcomp.json and report.json (the report's execution section, threads and wall time, aside). The
# master and the worker are stopped by their process ids whatever happens. Exit 0 when the runs agree, 1 otherwise.
#
# Environment: PIMSYN_SPARK_CHECK_KEEP=1 keeps the working directory (logs, outputs) for inspection.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/spark/target/pimsyn-spark.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="$(mktemp -d "${TMPDIR:-/tmp}/pimsyn-spark-check.XXXXXX")"
master_pid=""
worker_pid=""
submit_pid=""

say() {
    echo "spark-cluster-check: $*" >&2
}

fail() {
    say "FAILED: $*"
    exit 1
}

stop() {
    local pid
    for pid in "$submit_pid" "$worker_pid" "$master_pid"; do
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    if [ "${PIMSYN_SPARK_CHECK_KEEP:-0}" = 1 ]; then
        say "kept $work"
    else
        rm -rf "$work"
    fi
}
trap stop EXIT
trap 'say "FAILED: line $LINENO: $BASH_COMMAND"' ERR
trap 'exit 130' INT TERM

# Waits up to $3 seconds for the file $1 to hold a line matching $2; fails naming $4 if the process $5 ends first.
await_line() {
    local file="$1" pattern="$2" seconds="$3" what="$4" pid="$5" i
    for ((i = 0; i < seconds * 5; i++)); do
        if [ -f "$file" ] && grep -qE "$pattern" "$file"; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 30 "$file" >&2 || true
            fail "the $what ended before it was ready; its log is above"
        fi
        sleep 0.2
    done
    tail -n 30 "$file" >&2 || true
    fail "the $what was not ready within $seconds s; its log is above"
}

started=$SECONDS

# The jar to submit, built when missing or older than the sources (mvn -Pspark-cluster verify has just built it).
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/simulator" "$root/synthesis" "$root/spark" "$root/configs" \
        -newer "$jar" -type f -not -path '*/target/*' -not -path '*/src/test/*' -print -quit)" ]; then
    say "building $jar..."
    (cd "$root" && mvn -B -q -DskipTests -pl spark -am package) >"$work/build.log" 2>&1 \
        || { cat "$work/build.log" >&2; fail "the build failed; its log is above"; }
fi
if "$java" -version 2>&1 | grep -q '"1[0-6]\.'; then
    fail "Spark 4 needs Java 17 or later"
fi
if jar_list="$("${JAVA_HOME:+$JAVA_HOME/bin/}jar" tf "$jar" 2>/dev/null)"; then
    if grep -qE '^(org/apache/spark|scala)/' <<<"$jar_list"; then
        fail "$jar contains Spark or Scala classes; Spark must stay a provided dependency"
    fi
fi

# Spark's class path and the JVM options it needs on Java 17, as the build declares them.
say "resolving Spark with Maven..."
(cd "$root/scripts/spark-classpath" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/spark.classpath" \
    help:evaluate -Dexpression=spark.java.options -Doutput="$work/spark.options") >"$work/maven.log" 2>&1 \
    || { cat "$work/maven.log" >&2; fail "Maven could not resolve Spark; its log is above"; }
spark_cp="$(cat "$work/spark.classpath")"
read -r -a spark_opts <"$work/spark.options" || [ "${#spark_opts[@]}" -gt 0 ]

# The worker starts executors with the jars of $SPARK_HOME/jars; a directory of links to Maven's jars stands in
# for a Spark distribution.
mkdir -p "$work/spark-home/jars" "$work/worker"
IFS=: read -r -a spark_jars <<<"$spark_cp"
for j in "${spark_jars[@]}"; do
    ln -s "$j" "$work/spark-home/jars/"
done
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1

say "starting a standalone master and a worker on 127.0.0.1..."
"$java" -Xmx512m "${spark_opts[@]}" -cp "$spark_cp" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port 0 --webui-port 0 >"$work/master.log" 2>&1 &
master_pid=$!
await_line "$work/master.log" 'Starting Spark master at spark://' 60 "master" "$master_pid"
master_url="$(grep -oE 'spark://127\.0\.0\.1:[0-9]+' "$work/master.log" | head -n 1)"
[ -n "$master_url" ] || fail "the master log names no spark://127.0.0.1 URL"

"$java" -Xmx512m "${spark_opts[@]}" -cp "$spark_cp" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --port 0 --webui-port 0 --cores 2 --memory 2g --work-dir "$work/worker" \
    "$master_url" >"$work/worker.log" 2>&1 &
worker_pid=$!
await_line "$work/worker.log" 'Successfully registered with master' 60 "worker" "$worker_pid"
say "master $master_url (pid $master_pid), worker pid $worker_pid"

# A small case: the zoo's CIFAR-10 VGG under 5 W, one crossbar point per RatioRram 0.2 and 0.3 (ResRram 2,
# XbSize 256), ResDAC 1 and 2, five duplication candidates each: 20 design points.
sed -e 's/"ratioRram": \[[^]]*\]/"ratioRram": [0.2, 0.3]/' \
    -e 's/"resRramBits": \[[^]]*\]/"resRramBits": [2]/' \
    -e 's/"xbSizeRows": \[[^]]*\]/"xbSizeRows": [256]/' \
    -e 's/"resDacBits": \[[^]]*\]/"resDacBits": [1, 2]/' \
    -e 's/"candidatesKept": [0-9]*/"candidatesKept": 5/' \
    -e 's/"iterationsPerTemperature": [0-9]*/"iterationsPerTemperature": 20/' \
    "$root/configs/hardware/default.json" >"$work/library.json"
grep -q '"ratioRram": \[0.2, 0.3\]' "$work/library.json" && grep -q '"candidatesKept": 5' "$work/library.json" \
    || fail "configs/hardware/default.json no longer has the layout this script edits"
synthesis=(synthesize --model cifar10-vgg --config "$work/library.json" --power 5 --genes 4 --generations 3
    --seed 11 --threads 2)

say "synthesizing on the cluster..."
spark_began=$SECONDS
"$java" -Xmx1g "${spark_opts[@]}" -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
    --master "$master_url" --deploy-mode client --class org.pimsyn.synth.cli.Main \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false --conf spark.executor.memory=1g --conf spark.task.maxFailures=4 \
    "$jar" "${synthesis[@]}" --executor spark --out "$work/spark" >"$work/submit.out" 2>"$work/submit.log" &
submit_pid=$!

# The first executor is killed while it runs a task: its tasks must be retried on the executor that the master
# starts in its place.
for ((i = 0; i < 600; i++)); do
    executor_log="$(ls "$work"/worker/app-*/0/stderr 2>/dev/null | head -n 1 || true)"
    if [ -n "$executor_log" ] && grep -q 'Running task' "$executor_log"; then
        break
    fi
    kill -0 "$submit_pid" 2>/dev/null || break
    sleep 0.1
done
executor_pid=""
for child in $(pgrep -P "$worker_pid" || true); do
    if grep -qa 'CoarseGrainedExecutorBackend' "/proc/$child/cmdline" 2>/dev/null; then
        executor_pid="$child"
    fi
done
[ -n "$executor_pid" ] || { tail -n 30 "$work/submit.log" >&2; fail "no executor was running a task to kill"; }
kill -9 "$executor_pid"
say "killed executor 0 (pid $executor_pid) while it ran a task"

set +e
wait "$submit_pid"
submit_code=$?
set -e
submit_pid=""
spark_seconds=$((SECONDS - spark_began))
if [ "$submit_code" -ne 0 ]; then
    tail -n 40 "$work/submit.log" >&2
    cat "$work/submit.out" >&2
    fail "spark-submit exited with $submit_code; the end of its log is above"
fi
grep -qE 'Lost (task|executor)' "$work/submit.log" \
    || fail "the driver never lost a task or an executor, so no retry was exercised"
grep -q 'and Spark (master spark://127.0.0.1:' "$work/submit.out" \
    || fail "the Spark run does not say it searched on the cluster: $(tail -n 2 "$work/submit.out")"

say "synthesizing locally..."
local_began=$SECONDS
"$java" -jar "$jar" "${synthesis[@]}" --executor local --out "$work/local" >"$work/local.out" 2>"$work/local.log" \
    || { cat "$work/local.log" >&2; fail "the local run failed"; }
local_seconds=$((SECONDS - local_began))

for f in design.json pimcomp.json; do
    cmp -s "$work/local/$f" "$work/spark/$f" || fail "$f differs between the local and the Spark run"
done
# The execution section closes the report; everything before it is the same for the same inputs and seed.
strip_execution() {
    sed '/^  "execution" : {/,$d' "$1"
}
grep -q '^  "execution" : {' "$work/local/report.json" || fail "report.json has no execution section to set aside"
[ "$(strip_execution "$work/local/report.json")" = "$(strip_execution "$work/spark/report.json")" ] \
    || fail "report.json differs between the local and the Spark run (execution section aside)"

grep '^Design point' "$work/submit.out" >&2 || true
say "OK: the run on $master_url, with an executor killed mid-task, wrote the files of the local run" \
    "(Spark run ${spark_seconds} s, local run ${local_seconds} s, $((SECONDS - started)) s in all)"
