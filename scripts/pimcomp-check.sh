#!/usr/bin/env bash
# Checks the tool chain downstream of pimsyn: PIMCOMP-NN compiles what pimsyn synthesizes. Builds PIMCOMP-NN with
# Debian's cmake and g++ (installing them, and python3, with apt-get where missing) from a copy of
# ../shared/tools/pimcomp-nn, synthesizes the zoo's AlexNet and ResNet18 with a small search, exports each design
# (pimsyn export --to pimcomp), compiles each export with PIMCOMP-NN (-r=balance -p=batch, unpatched: the export
# merges every activation into its CONV or FC node; a network with an activation it cannot merge is compiled by a
# copy with ../shared/tools/pimcomp-nn-fixes.diff applied), and checks that PIMCOMP completes, writes its
# instruction stream, and maps every weight layer with the crossbars per copy of our design. It then compares
# PIMCOMP's crossbars per layer, which its balance mode duplicates itself, with the design's, and does the same for
# its W0H0 and uniform modes, which it reports without requiring them to complete. Every process it starts is
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

stop() {
    if [ -n "$child_pid" ] && kill -0 "$child_pid" 2>/dev/null; then
        kill "$child_pid" 2>/dev/null || true
        wait "$child_pid" 2>/dev/null || true
    fi
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

# Runs "$@" in the background as the one child, waits for it up to $timeout_s seconds and returns its exit code;
# the child is stopped by its id on a timeout (and by stop() on any exit).
run_child() {
    local log="$1" i code
    shift
    "$@" >"$log" 2>&1 &
    child_pid=$!
    for ((i = 0; i < timeout_s * 5; i++)); do
        kill -0 "$child_pid" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$child_pid" 2>/dev/null; then
        kill "$child_pid" 2>/dev/null || true
        wait "$child_pid" 2>/dev/null || true
        child_pid=""
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
    (cd "$dir/build" && cmake .. -DCMAKE_BUILD_TYPE=Release && make -j1) >"$out/$name.build.log" 2>&1 \
        || { tail -n 40 "$out/$name.build.log" >&2; fail "building $name failed; the end of its log is above"; }
    [ -x "$dir/build/PIMCOMP-NN" ] || fail "$name: the build made no PIMCOMP-NN"
    echo "$source_sum" >"$dir/.source-sum"
    say "built $name in $((SECONDS - began)) s"
}
build_pimcomp pimcomp-nn 0

# Synthesizes $1 into $out/$1 with a small search: the library's design space at RatioRram 0.3 and 0.4, ResRram 2,
# XbSize 256, five duplication candidates per point, 6 genes x 4 generations, physical limits checked, not enforced.
sed -e 's/"ratioRram": \[[^]]*\]/"ratioRram": [0.3, 0.4]/' \
    -e 's/"resRramBits": \[[^]]*\]/"resRramBits": [2]/' \
    -e 's/"xbSizeRows": \[[^]]*\]/"xbSizeRows": [256]/' \
    -e 's/"candidatesKept": [0-9]*/"candidatesKept": 5/' \
    "$root/configs/hardware/default.json" >"$out/library.json"
grep -q '"ratioRram": \[0.3, 0.4\]' "$out/library.json" && grep -q '"candidatesKept": 5' "$out/library.json" \
    || fail "configs/hardware/default.json no longer has the layout this script edits"
synthesize() {
    local model="$1" began=$SECONDS
    rm -rf "$out/$model"
    say "synthesizing $model under 49 W (reduced design space, 6 genes x 4 generations)..."
    run_child "$out/$model.synthesize.log" "$java" -jar "$jar" synthesize --model "$model" --power 49 \
        --config "$out/library.json" --genes 6 --generations 4 --physical-limits check --seed 1 --threads 2 \
        --out "$out/$model" \
        || { tail -n 30 "$out/$model.synthesize.log" >&2; fail "synthesizing $model failed; its log is above"; }
    say "synthesized $model in $((SECONDS - began)) s"
}

# Runs PIMCOMP-NN ($2, the build directory of a copy) on the export in $1 with replication mode $3; its outputs go
# to $1/output and are kept in $1/output-$3. Returns PIMCOMP's exit code.
compile() {
    local export_dir="$1" build="$2" mode="$3" model
    model="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["model"])' "$export_dir/mapping.json")"
    rm -rf "$export_dir/output" "$export_dir/output-$mode"
    mkdir -p "$export_dir/output" "$export_dir/build"
    local began=$SECONDS code=0
    # A run is capped at 8 GB of address space: the loop PIMCOMP-NN's unfixed copy falls into grows without end.
    run_child "$export_dir/pimcomp-$mode.log" bash -c 'ulimit -v 8388608; cd "$1" && exec "$2" "-m=$3" "-r=$4" \
        -p=batch -o=YES -s=YES' pimcomp "$export_dir/build" "$build/PIMCOMP-NN" "$model" "$mode" || code=$?
    cp -r "$export_dir/output" "$export_dir/output-$mode"
    echo "$((SECONDS - began))" >"$export_dir/output-$mode/seconds"
    return "$code"
}

# Compares PIMCOMP's MappingResult.txt with mapping.json; $3 = strict: the per-copy crossbars must agree.
compare() {
    python3 - "$1/mapping.json" "$1/output-$2/MappingResult.txt" "$2" "$3" <<'PY'
import json, re, sys
mapping = json.load(open(sys.argv[1]))
mode, strict = sys.argv[3], sys.argv[4] == "strict"
# MappingResult.txt (HierarchyMapping::SaveMappingResult): per core "core_N", then per array group a row
# "node r_index index_r | AG_index xbar_num input_cycle".
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
print("  %-22s %7s %7s %9s %9s %8s %8s" % ("layer", "dup", "PIMCOMP", "crossbars", "PIMCOMP", "per copy", "PIMCOMP"))
ours_total = theirs_total = diff = 0
for l in layers:
    n = nodes.get(l["pimcompNode"], {"reps": set(), "xbars": 0, "copy0": 0})
    reps, xbars = len(n["reps"]), n["xbars"]
    ours_total += l["logicalCrossbars"]
    theirs_total += xbars
    diff += abs(xbars - l["logicalCrossbars"])
    print("  %-22s %7d %7d %9d %9d %8d %8d" % (l["name"], l["duplication"], reps, l["logicalCrossbars"], xbars,
          l["logicalCrossbarsPerCopy"], n["copy0"]))
    if n["copy0"] != l["pimcompCrossbarsPerCopy"]:
        problems.append("%s: PIMCOMP maps a copy on %d crossbars, its matrix needs %d"
                        % (l["name"], n["copy0"], l["pimcompCrossbarsPerCopy"]))
    if l["groups"] == 1 and l["pimcompCrossbarsPerCopy"] != l["logicalCrossbarsPerCopy"]:
        problems.append("%s: a copy is %d logical crossbars in PIMCOMP, %d in the design"
                        % (l["name"], l["pimcompCrossbarsPerCopy"], l["logicalCrossbarsPerCopy"]))
if theirs_total > mapping["pimcompCapacity"]:
    problems.append("PIMCOMP used %d crossbars of %d" % (theirs_total, mapping["pimcompCapacity"]))
print("  %s: %d logical crossbars against the design's %d (capacity %d); sum of |difference| per layer %d = %.0f %% "
      "of the design's" % (mode, theirs_total, ours_total, mapping["pimcompCapacity"], diff,
                            100.0 * diff / ours_total))
with open(sys.argv[2].rsplit("/", 1)[0] + "/distance", "w") as f:
    f.write("%.6f\n" % (diff / ours_total))
for p in problems:
    print("  PROBLEM: " + p)
sys.exit(1 if problems and strict else 0)
PY
}

check_network() {
    local model="$1" export_dir="$out/$1/pimcomp" build="$out/pimcomp-nn/build" mode
    "$java" -jar "$jar" export --design "$out/$model/design.json" --to pimcomp --out "$export_dir" \
        >"$out/$model.export.log" 2>&1 || { cat "$out/$model.export.log" >&2; fail "exporting $model failed"; }
    sed -n '1,/^$/p' "$out/$model.export.log" >&2
    if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["unmergedActivations"] else 1)' \
            "$export_dir/mapping.json"; then
        say "$model has activations the export could not merge: compiling with pimcomp-nn-fixes.diff applied"
        build_pimcomp pimcomp-nn-fixed 1
        build="$out/pimcomp-nn-fixed/build"
    fi
    for mode in balance W0H0 uniform; do
        local code=0
        compile "$export_dir" "$build" "$mode" || code=$?
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
    local best
    best="$(cd "$export_dir" && for m in balance W0H0 uniform; do [ -f "output-$m/distance" ] \
        && echo "$(cat "output-$m/distance") $m"; done | sort -g | head -n 1)"
    say "$model: nearest to the design's crossbars per layer: -r=${best#* } (sum of differences ${best%% *} of them)"
}

for model in alexnet resnet18; do
    synthesize "$model"
    check_network "$model"
done
say "passed in $((SECONDS - started)) s; outputs in $out"
