#!/usr/bin/env bash
# Checks the tool chain downstream of pimsyn: PIMCOMP-NN compiles what pimsyn synthesizes. Builds PIMCOMP-NN with
# Debian's cmake and g++ (installing them, and python3, with apt-get where missing) from a copy of
# ../shared/tools/pimcomp-nn, synthesizes the zoo's AlexNet and ResNet18 with a small search, exports each design
# (pimsyn export --to pimcomp), compiles each export with PIMCOMP-NN (-r=balance -p=batch, unpatched: the export
# merges every activation into its CONV or FC node; a network with an activation it cannot merge is compiled by a
# copy with ../shared/tools/pimcomp-nn-fixes.diff applied), and checks that PIMCOMP completes, writes its
# instruction stream, and maps every weight layer with the crossbars per copy of our design (the designs come from
# a small search: 6 design points of the library at RatioRram 0.3, 4 genes x 3 generations). It then compares
# PIMCOMP's crossbars per layer, which its balance mode duplicates itself, with the design's, and does the same for
# its W0H0 and uniform modes, which it reports without requiring them to complete. A PIMCOMP run that dies of the
# random segmentation fault of its placement stage is tried again (up to 5 times). Every process it starts is
# stopped by its id whatever happens. Exit 0 when the checks pass, 1 otherwise.
#
# Output: target/pimcomp-check/ (designs, exports, PIMCOMP's outputs and logs, and the PIMCOMP-NN builds, which are
# reused while ../shared/tools/pimcomp-nn does not change).
# Environment: PIMSYN_SHARED (default ../shared beside the project), PIMSYN_PIMCOMP_CHECK_REBUILD=1 builds
# PIMCOMP-NN again, PIMSYN_PIMCOMP_TIMEOUT (seconds per PIMCOMP run, default 900).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/synthesis/target/pimsyn.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
shared="${PIMSYN_SHARED:-$root/../shared}"
source_dir="$shared/tools/pimcomp-nn"
fixes="$shared/tools/pimcomp-nn-fixes.diff"
out="$root/target/pimcomp-check"
timeout_s="${PIMSYN_PIMCOMP_TIMEOUT:-900}"
child_pid=""

say() {
    echo "pimcomp-check: $*" >&2
}

fail() {
    say "FAILED: $*"
    exit 1
}

# Stops the child and every process it started: it runs in a session of its own, whose process group id is its id.
stop_child() {
    if [ -n "$child_pid" ] && kill -0 "$child_pid" 2>/dev/null; then
        kill -- "-$child_pid" 2>/dev/null || true
        wait "$child_pid" 2>/dev/null || true
    fi
    child_pid=""
}

stop() {
    stop_child
}
trap stop EXIT
trap 'say "FAILED: line $LINENO: $BASH_COMMAND"' ERR
trap 'exit 130' INT TERM

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        fail "cannot install $*: not root and no sudo; install Debian's cmake, g++, make and python3"
    fi
}

# Runs "$@" in the background as the one child, in a session of its own, with its output in $1, and waits for it up
# to $timeout_s seconds; returns its exit code, or 124 after stopping it (with all it started) on a timeout, or 125
# after stopping it because its resident memory passed $2 kB (0: no limit). stop() ends it on any exit.
run_child() {
    local log="$1" rss_limit="$2" i code rss
    shift 2
    setsid "$@" >"$log" 2>&1 &
    child_pid=$!
    for ((i = 0; i < timeout_s * 5; i++)); do
        kill -0 "$child_pid" 2>/dev/null || break
        if [ "$rss_limit" -gt 0 ]; then
            rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$child_pid/status" 2>/dev/null || true)"
            if [ -n "$rss" ] && [ "$rss" -gt "$rss_limit" ]; then
                stop_child
                return 125
            fi
        fi
        sleep 0.2
    done
    if kill -0 "$child_pid" 2>/dev/null; then
        stop_child
        return 124
    fi
    set +e
    wait "$child_pid"
    code=$?
    set -e
    child_pid=""
    return "$code"
}

started=$SECONDS
[ -d "$source_dir" ] || fail "$source_dir is absent; put ../shared beside the project or set PIMSYN_SHARED"
[ -f "$fixes" ] || fail "$fixes is absent"

missing=()
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v patch >/dev/null 2>&1 || missing+=(patch)
command -v setsid >/dev/null 2>&1 || fail "setsid (util-linux) is missing"
mkdir -p "$out"
if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || fail "${missing[*]} missing and no apt-get to install them"
    say "installing ${missing[*]} with apt-get..."
    as_root apt-get update -q >"$out/apt.log" 2>&1 || { cat "$out/apt.log" >&2; fail "apt-get update failed"; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >>"$out/apt.log" 2>&1 \
        || { tail -n 30 "$out/apt.log" >&2; fail "apt-get install ${missing[*]} failed; its log is above"; }
fi
say "$(cmake --version | head -n 1), $(g++ --version | head -n 1)"

# The jar, built when missing or older than the sources (mvn -Ppimcomp-check verify has just built it).
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/simulator" "$root/synthesis" "$root/configs" \
        -newer "$jar" -type f -not -path '*/target/*' -not -path '*/src/test/*' -print -quit)" ]; then
    say "building $jar..."
    (cd "$root" && mvn -B -q -DskipTests -pl synthesis -am package) >"$out/build.log" 2>&1 \
        || { cat "$out/build.log" >&2; fail "the build failed; its log is above"; }
fi

# PIMCOMP-NN from a copy of the shared source: as it is, and with the fixes; each build is kept while the source
# (and the fixes) stay the same.
source_sum="$( (cd "$source_dir" && find . -type f -not -path './output/*' -print0 | sort -z | xargs -0 cat; cat "$fixes") \
    | sha256sum | cut -c1-16)"
build_pimcomp() {
    local name="$1" patched="$2" dir="$out/$1"
    if [ "${PIMSYN_PIMCOMP_CHECK_REBUILD:-0}" != 1 ] && [ -x "$dir/build/PIMCOMP-NN" ] \
            && [ "$(cat "$dir/.source-sum" 2>/dev/null)" = "$source_sum" ]; then
        say "reusing $dir/build/PIMCOMP-NN"
        return 0
    fi
    rm -rf "$dir"
    cp -r "$source_dir" "$dir"
    if [ "$patched" = 1 ]; then
        (cd "$dir" && patch -p1 <"$fixes") >"$out/$name.patch.log" 2>&1 \
            || { cat "$out/$name.patch.log" >&2; fail "pimcomp-nn-fixes.diff does not apply"; }
    fi
    mkdir -p "$dir/build"
    say "building $name (cmake, make -j1)..."
    local began=$SECONDS
    run_child "$out/$name.build.log" 0 bash -c 'cd "$1" && cmake .. -DCMAKE_BUILD_TYPE=Release && make -j1' build \
        "$dir/build" || { tail -n 40 "$out/$name.build.log" >&2; fail "building $name failed; the end of its log is above"; }
    [ -x "$dir/build/PIMCOMP-NN" ] || fail "$name: the build made no PIMCOMP-NN"
    echo "$source_sum" >"$dir/.source-sum"
    say "built $name in $((SECONDS - began)) s"
}
build_pimcomp pimcomp-nn 0

# Synthesizes $1 into $out/$1 with a small search: the library at RatioRram 0.3, ResRram 2, XbSize 256, ResDAC 1
# and 2, three duplication candidates per point (6 design points), 4 genes x 3 generations, physical limits checked
# and listed, not enforced.
sed -e 's/"ratioRram": \[[^]]*\]/"ratioRram": [0.3]/' \
    -e 's/"resRramBits": \[[^]]*\]/"resRramBits": [2]/' \
    -e 's/"xbSizeRows": \[[^]]*\]/"xbSizeRows": [256]/' \
    -e 's/"resDacBits": \[[^]]*\]/"resDacBits": [1, 2]/' \
    -e 's/"candidatesKept": [0-9]*/"candidatesKept": 3/' \
    "$root/configs/hardware/default.json" >"$out/library.json"
grep -q '"ratioRram": \[0.3\]' "$out/library.json" && grep -q '"candidatesKept": 3' "$out/library.json" \
    && grep -q '"resDacBits": \[1, 2\]' "$out/library.json" \
    || fail "configs/hardware/default.json no longer has the layout this script edits"
synthesize() {
    local model="$1" began=$SECONDS
    rm -rf "$out/$model"
    say "synthesizing $model under 49 W (6 design points, 4 genes x 3 generations)..."
    run_child "$out/$model.synthesize.log" 0 "$java" -jar "$jar" synthesize --model "$model" --power 49 \
        --config "$out/library.json" --genes 4 --generations 3 --physical-limits check --seed 1 --threads 2 \
        --out "$out/$model" \
        || { tail -n 30 "$out/$model.synthesize.log" >&2; fail "synthesizing $model failed; its log is above"; }
    say "synthesized $model in $((SECONDS - began)) s"
}

# Runs PIMCOMP-NN ($2, the build directory of a copy) on the export in $1 with replication mode $3 and -o and -s
# set to $4; its outputs go to $1/output and are kept in $1/output-$3. Returns PIMCOMP's exit code (see run_child).
compile() {
    local export_dir="$1" build="$2" mode="$3" save="$4" model
    model="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["model"])' "$export_dir/mapping.json")"
    rm -rf "$export_dir/output" "$export_dir/output-$mode"
    mkdir -p "$export_dir/output" "$export_dir/build"
    local began=$SECONDS code=0
    # PIMCOMP-NN reserves 24 GB of address space for its evaluation (ModelEvaluation's cycle flags) and touches
    # little of it: its resident memory is what is limited, to 8 GB, which also stops the endless loop of an
    # unfixed copy (backend/Preparation.cpp line 520) long before the machine runs out.
    run_child "$export_dir/pimcomp-$mode.log" 8388608 bash -c 'cd "$1" && exec "$2" "-m=$3" "-r=$4" -p=batch \
        "-o=$5" "-s=$5"' pimcomp "$export_dir/build" "$build/PIMCOMP-NN" "$model" "$mode" "$save" || code=$?
    mv "$export_dir/output" "$export_dir/output-$mode"
    mkdir -p "$export_dir/output"
    echo "$((SECONDS - began))" >"$export_dir/output-$mode/seconds"
    return "$code"
}

# Compares PIMCOMP's MappingResult.txt of mode $2 with the export's mapping.json ($1); with $3 = strict, a weight
# layer that PIMCOMP does not map, or maps with other crossbars per copy than its matrix and our design need, fails.
# Writes output-$2/distance: the sum over the layers of |PIMCOMP's crossbars - ours| over the sum of ours, then how far
# apart the convolutions' shares of the crossbars of all convolutions are (half the sum of the differences: the
# total variation distance; PIMCOMP duplicates convolutions only, every FC layer is one copy in all its modes).
compare() {
    python3 - "$1/mapping.json" "$1/output-$2/MappingResult.txt" "$2" "$3" <<'PY'
import json, re, sys
mapping = json.load(open(sys.argv[1]))
mode, strict = sys.argv[3], sys.argv[4] == "strict"
# MappingResult.txt (HierarchyMapping::SaveMappingResult): per core "core_N", then per array group a row
# "node r_index index_r | AG_index xbar_num input_cycle"; xbar_num is the crossbars of the array group.
row = re.compile(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+\|\s+(\d+)\s+(\d+)\s+(\d+)\s*$")
nodes = {}
for line in open(sys.argv[2]):
    m = row.match(line)
    if m:
        node, rep, _, ag, xbars, _ = map(int, m.groups())
        n = nodes.setdefault(node, {"reps": set(), "ags": set(), "xbars": 0, "copy0": 0})
        n["reps"].add(rep)
        if ag not in n["ags"]:
            n["ags"].add(ag)
            n["xbars"] += xbars
            if rep == 0:
                n["copy0"] += xbars
problems = []
layers = mapping["layers"]
if sorted(nodes) != sorted(l["pimcompNode"] for l in layers):
    problems.append("PIMCOMP mapped nodes %s, the weight layers are nodes %s"
                    % (sorted(nodes), [l["pimcompNode"] for l in layers]))
print("  -r=%s, logical crossbars per layer (a copy of a layer and its crossbars per copy):" % mode)
print("  %-22s %11s %7s %10s %9s %8s %8s" % ("layer", "duplication", "PIMCOMP", "crossbars", "PIMCOMP",
                                            "per copy", "PIMCOMP"))
ours = [l["logicalCrossbars"] for l in layers]
theirs = []
for l in layers:
    n = nodes.get(l["pimcompNode"], {"reps": set(), "xbars": 0, "copy0": 0})
    theirs.append(n["xbars"])
    print("  %-22s %11d %7d %10d %9d %8d %8d" % (l["name"], l["duplication"], len(n["reps"]), l["logicalCrossbars"],
          n["xbars"], l["logicalCrossbarsPerCopy"], n["copy0"]))
    # A copy wider than a core is split over cores (CrossbarPartition: AGP), and MappingResult.txt then gives every
    # part the crossbars of the whole width: such a layer's copy cannot be read from it.
    columns = -(-l["width"] // mapping["crossbarSize"])
    if columns > mapping["xbarArrayCount"]:
        print("  (%s: a copy is %d crossbars wide, a core holds %d: PIMCOMP splits it, not compared)"
              % (l["name"], columns, mapping["xbarArrayCount"]))
    elif n["copy0"] != l["pimcompCrossbarsPerCopy"]:
        problems.append("%s: PIMCOMP maps a copy on %d crossbars, its matrix needs %d"
                        % (l["name"], n["copy0"], l["pimcompCrossbarsPerCopy"]))
    if l["groups"] == 1 and l["pimcompCrossbarsPerCopy"] != l["logicalCrossbarsPerCopy"]:
        problems.append("%s: a copy is %d logical crossbars in PIMCOMP, %d in the design"
                        % (l["name"], l["pimcompCrossbarsPerCopy"], l["logicalCrossbarsPerCopy"]))
if sum(theirs) > mapping["pimcompCapacity"]:
    problems.append("PIMCOMP used %d crossbars of %d" % (sum(theirs), mapping["pimcompCapacity"]))
absolute = sum(abs(t - o) for t, o in zip(theirs, ours)) / sum(ours)
conv = [i for i, l in enumerate(layers) if l["operation"] == "OP_CONV"]
conv_theirs = max(1, sum(theirs[i] for i in conv))
conv_ours = max(1, sum(ours[i] for i in conv))
shares = 0.5 * sum(abs(theirs[i] / conv_theirs - ours[i] / conv_ours) for i in conv)
print("  -r=%s: %d logical crossbars, the design %d, capacity %d; per layer |PIMCOMP - design| sums to %.0f %% of "
      "the design's; the convolutions' shares of their crossbars differ by %.0f %% (total variation)"
      % (mode, sum(theirs), sum(ours), mapping["pimcompCapacity"], 100 * absolute, 100 * shares))
with open(sys.argv[2].rsplit("/", 1)[0] + "/distance", "w") as f:
    f.write("%.6f %.6f\n" % (absolute, shares))
for p in problems:
    print("  PROBLEM: " + p)
sys.exit(1 if problems and strict else 0)
PY
}

check_network() {
    local model="$1" export_dir="$out/$1/pimcomp" build="$out/pimcomp-nn/build" mode
    "$java" -jar "$jar" export --design "$out/$model/design.json" --to pimcomp --out "$export_dir" \
        >"$out/$model.export.log" 2>&1 || { cat "$out/$model.export.log" >&2; fail "exporting $model failed"; }
    grep -vE '^(wrote |compile: |$)' "$out/$model.export.log" >&2
    if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["unmergedActivations"] else 1)' \
            "$export_dir/mapping.json"; then
        say "$model has activations the export could not merge: compiling with pimcomp-nn-fixes.diff applied"
        build_pimcomp pimcomp-nn-fixed 1
        build="$out/pimcomp-nn-fixed/build"
    fi
    for mode in balance W0H0 uniform; do
        local code attempt
        # PIMCOMP-NN's ElementPlacement::DetermineCoreMap builds a trial placement (which placement_mode 0 then
        # discards) from rand() seeded with time(NULL), and reads four_neighbours past its end where it finds more
        # free places than unmapped cores (a place holding core 0 counts as free): now and then a run dies of it
        # (SIGSEGV in PLACING; 2 of some 30 ResNet18 runs here), and a run in another second passes. Such a run is
        # tried again, up to 5 times.
        for attempt in 1 2 3 4 5; do
            code=0
            compile "$export_dir" "$build" "$mode" "$([ "$mode" = balance ] && echo YES || echo NO)" || code=$?
            if [ "$code" = 139 ] && [ "$(tail -n 1 "$export_dir/pimcomp-$mode.log")" \
                    = "============================= PLACING =============================" ]; then
                say "$model: PIMCOMP-NN -r=$mode died of a segmentation fault in PLACING (attempt $attempt of 5)"
                cp "$export_dir/pimcomp-$mode.log" "$export_dir/pimcomp-$mode.segfault-$attempt.log"
                sleep 1
                continue
            fi
            break
        done
        local seconds
        seconds="$(cat "$export_dir/output-$mode/seconds")"
        if [ "$code" != 0 ]; then
            if [ "$mode" = balance ]; then
                tail -n 30 "$export_dir/pimcomp-$mode.log" >&2
                fail "$model: PIMCOMP-NN -r=balance exited with $code after $seconds s; the end of its log is above"
            fi
            say "$model: PIMCOMP-NN -r=$mode exited with $code after $seconds s ($(grep -m1 -iE 'illegal|error|fail' \
                "$export_dir/pimcomp-$mode.log" || tail -n 1 "$export_dir/pimcomp-$mode.log")); not required"
            continue
        fi
        if [ "$mode" = balance ]; then
            for line in 'Replication Check Pass!' 'Mapping Check Pass!' 'OVERALL TIME'; do
                grep -q "$line" "$export_dir/pimcomp-$mode.log" \
                    || fail "$model: PIMCOMP-NN's log lacks \"$line\" (see $export_dir/pimcomp-$mode.log)"
            done
            for f in MappingResult.txt EvaluationResult.txt SimulationInfo.gz; do
                [ -s "$export_dir/output-$mode/$f" ] || fail "$model: PIMCOMP-NN wrote no $f"
            done
            gzip -t "$export_dir/output-$mode/SimulationInfo.gz" || fail "$model: SimulationInfo.gz is no gzip file"
        fi
        say "$model: PIMCOMP-NN -r=$mode -p=batch completed in $seconds s; $(grep -m1 'RRAMs needed' \
            "$export_dir/pimcomp-$mode.log")"
        compare "$export_dir" "$mode" "$([ "$mode" = balance ] && echo strict || echo report)" >&2 \
            || fail "$model: PIMCOMP-NN -r=$mode does not map the design's layers as expected (above)"
    done
    local ranked
    ranked="$(cd "$export_dir" && for m in balance W0H0 uniform; do [ -f "output-$m/distance" ] \
        && echo "$m $(cat "output-$m/distance")"; done)"
    say "$model: nearest to the design's crossbars per layer: -r=$(sort -g -k2 <<<"$ranked" | head -n 1 | cut -d' ' -f1)," \
        "to the convolutions' shares: -r=$(sort -g -k3 <<<"$ranked" | head -n 1 | cut -d' ' -f1)"
}

for model in alexnet resnet18; do
    synthesize "$model"
    check_network "$model"
done
say "passed in $((SECONDS - started)) s; outputs in $out"
