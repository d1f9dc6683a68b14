#!/usr/bin/env bash
# The PIMSYN paper's three ablations at equal settings, beside the paper's figures:
#   annealed weight duplication against the W_O x H_O-proportional one (--duplication proportional),
#   specified macros against unified ones (--macros unified),
#   macro sharing against none (--no-macro-sharing).
# Four synthesis runs of the same network, budget, seed and search settings: the default, and each with one
# option changed. Each comparison is the default's power efficiency (GOPS/W) and throughput (GOPS) over the
# other run's, as the paper reports them (its Section V: +19 % / +27 %, +13 % / +31 %, +8 % / +15 %).
#
# Usage: scripts/ablations.sh MODEL POWER_W [--crossbar-point RATIO_RRAM,RES_RRAM,XB_SIZE,RES_DAC]
#                             [synthesize options...]
#   e.g. scripts/ablations.sh alexnet 49 --genes 8 --generations 5
#        scripts/ablations.sh resnet18 49 --crossbar-point 0.1,4,256,1 --genes 4 --generations 2
# MODEL is a zoo name (pimsyn network --list); the options go to every run (not --out, --model or --power).
# --crossbar-point narrows the library's design space to that one crossbar point (a copy of --config, or of the
# built-in library, written beside the runs), so that a network whose whole design space takes hours compares the
# stage modes where the searches are affordable: every duplication candidate of the point, each ADC resolution.
# Writes each run under target/ablations/MODEL-POWER/ and prints a Markdown table on stdout; needs python3.
# Exit codes: 0 done, 2 bad usage, 1 a run failed (its stderr is in its directory).
set -euo pipefail

say() { printf 'ablations: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

if [[ $# -lt 2 ]]; then
    say "usage: scripts/ablations.sh MODEL POWER_W [synthesize options...]"
    exit 2
fi
model="$1"
power="$2"
shift 2
for option in "$@"; do
    case "$option" in
        --out|--out=*|--model|--model=*|--power|--power=*|--duplication*|--macros*|--macro-sharing|--no-macro-sharing)
            say "option $option is set by the script itself; pass only the search settings"
            exit 2
            ;;
    esac
done
command -v python3 >/dev/null 2>&1 || fail "python3 is needed to read the reports"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/target/ablations/$model-$power"
mkdir -p "$work"

run() {
    local name="$1"
    shift
    local dir="$work/$name"
    rm -rf "$dir"
    mkdir -p "$dir"
    local shown=(synthesize --model "$model" --power "$power" "$@" "${EXTRA[@]}")
    say "$name: pimsyn ${shown[*]}"
    local start=$SECONDS
    local code=0
    "$root/pimsyn" synthesize --model "$model" --power "$power" --out "$dir" "$@" "${EXTRA[@]}" \
            >"$dir/stdout.txt" 2>"$dir/stderr.txt" || code=$?
    # Exit 3: no design fits; the table says so for that run.
    if [[ $code -ne 0 && $code -ne 3 ]]; then
        fail "$name failed: see $dir/stderr.txt"
    fi
    echo "$((SECONDS - start))" >"$dir/seconds.txt"
}

EXTRA=()
point=""
config="$root/configs/hardware/default.json"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --crossbar-point) [[ $# -ge 2 ]] || { say "--crossbar-point needs RATIO_RRAM,RES_RRAM,XB_SIZE,RES_DAC"; exit 2; }
            point="$2"; shift 2 ;;
        --crossbar-point=*) point="${1#*=}"; shift ;;
        --config) [[ $# -ge 2 ]] || { say "--config needs a file"; exit 2; }
            config="$2"; shift 2 ;;
        --config=*) config="${1#*=}"; shift ;;
        *) EXTRA+=("$1"); shift ;;
    esac
done
if [[ -n "$point" ]]; then
    narrowed="$work/library.json"
    python3 - "$config" "$point" "$narrowed" <<'PY' || exit 2
import json, sys
config, point, out = sys.argv[1:4]
try:
    parts = point.split(",")
    if len(parts) != 4:
        raise ValueError
    ratio, res_rram, xb, dac = float(parts[0]), int(parts[1]), int(parts[2]), int(parts[3])
except ValueError:
    sys.exit("ablations: --crossbar-point: \"%s\" is not RATIO_RRAM,RES_RRAM,XB_SIZE,RES_DAC, e.g. 0.1,4,256,1" % point)
with open(config) as f:
    library = json.load(f)
space = library["search"]["designSpace"]
space["ratioRram"], space["resRramBits"], space["xbSizeRows"], space["resDacBits"] = [ratio], [res_rram], [xb], [dac]
space["source"] = "narrowed by scripts/ablations.sh --crossbar-point %s from %s" % (point, config)
with open(out, "w") as f:
    json.dump(library, f, indent=2)
PY
    config="$narrowed"
fi
shown_options="${EXTRA[*]}"
[[ -n "$point" ]] && shown_options="crossbar point $point${shown_options:+, $shown_options}"
EXTRA+=(--config "$config")
run default
run proportional --duplication proportional
run unified --macros unified
run unshared --no-macro-sharing

python3 - "$work" "$model" "$power" "$shown_options" <<'PY'
import json, os, sys

work, model, power, extra = sys.argv[1:5]

def figures(name):
    """GOPS/W, GOPS and seconds of a run; for a run without a design, None for both figures and its message."""
    with open(os.path.join(work, name, "seconds.txt")) as f:
        seconds = int(f.read())
    try:
        with open(os.path.join(work, name, "report.json")) as f:
            report = json.load(f)
    except FileNotFoundError:
        with open(os.path.join(work, name, "stderr.txt")) as f:
            why = f.read().strip().splitlines()[-1].replace("|", "/")
        return None, why, seconds
    perf = report["simulation"]["performance"]
    return perf["gopsPerWatt"], perf["throughputGops"], seconds

default = figures("default")
rows = [
    ("annealed vs proportional duplication", "proportional", "+19 %", "+27 %"),
    ("specified vs unified macros", "unified", "+13 %", "+31 %"),
    ("macro sharing vs none", "unshared", "+8 %", "+15 %"),
]

def gain(a, b):
    return "n/a" if b == 0 else "%+.1f %%" % (100.0 * (a / b - 1))

if default[0] is None:
    print("%s at %s W%s; the default run found no design (%d s): %s" % (
        model, power, (", " + extra) if extra else "", default[2], default[1]))
    sys.exit(0)
print("%s at %s W%s; default run: %.2f GOPS/W, %.1f GOPS (%d s)" % (
    model, power, (", " + extra) if extra else "", default[0], default[1], default[2]))
print()
print("| comparison | paper: efficiency / throughput | ours: efficiency / throughput | other run: GOPS/W, GOPS, s |")
print("|---|---|---|---|")
for title, name, paper_eff, paper_thr in rows:
    other = figures(name)
    if other[0] is None:
        print("| %s | %s / %s | the other run found no design | %s, %d |" % (
            title, paper_eff, paper_thr, other[1], other[2]))
        continue
    print("| %s | %s / %s | %s / %s | %.2f, %.1f, %d |" % (
        title, paper_eff, paper_thr, gain(default[0], other[0]), gain(default[1], other[1]),
        other[0], other[1], other[2]))
PY
