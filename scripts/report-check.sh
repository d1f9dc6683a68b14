#!/usr/bin/env bash
# Checks report.html in a real browser: synthesizes a small case (the zoo's cifar10-vgg under 5 W, 4 genes x 2
# generations) and simulates its design again, opens each report.html in headless Chromium from disk, and checks
# that every chart container holds a canvas of nonzero size and that the page wrote nothing to the console (no
# error, no warning, no uncaught exception). Saves a screenshot of each page (1200x900, the top of the page) and
# one of the whole synthesis page. Installs Debian's chromium where no Chromium or Chrome is found (apt-get, as
# root or through sudo). Every browser it starts runs in a session of its own, stopped by its process group id
# whatever happens. Exit 0 when both pages pass, 1 otherwise.
#
# Output: target/report-check/ (the pages, the screenshots, the DOM after rendering, the browser logs).
# Environment: PIMSYN_REPORT_CHECK_KEEP=1 keeps the working directory (browser profile) as well.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/synthesis/target/pimsyn.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out="$root/target/report-check"
work="$(mktemp -d "${TMPDIR:-/tmp}/pimsyn-report-check.XXXXXX")"
browser_pid=""

say() {
    echo "report-check: $*" >&2
}

fail() {
    say "FAILED: $*"
    exit 1
}

stop() {
    if [ -n "$browser_pid" ] && kill -0 "$browser_pid" 2>/dev/null; then
        kill -- "-$browser_pid" 2>/dev/null || true
        wait "$browser_pid" 2>/dev/null || true
    fi
    if [ "${PIMSYN_REPORT_CHECK_KEEP:-0}" = 1 ]; then
        say "kept $work"
    else
        rm -rf "$work"
    fi
}
trap stop EXIT
trap 'say "FAILED: line $LINENO: $BASH_COMMAND"' ERR
trap 'exit 130' INT TERM

find_browser() {
    local b
    for b in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$b" >/dev/null 2>&1; then
            command -v "$b"
            return 0
        fi
    done
    return 1
}

as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        fail "cannot install $*: not root and no sudo; install Debian's chromium and python3"
    fi
}

started=$SECONDS

if ! browser="$(find_browser)" || ! command -v python3 >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || fail "no Chromium or Chrome found and no apt-get to install chromium"
    say "installing chromium and python3 with apt-get..."
    as_root apt-get update -q >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get update failed"; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium python3 >>"$work/apt.log" 2>&1 \
        || { tail -n 30 "$work/apt.log" >&2; fail "apt-get install chromium failed; its log is above"; }
    browser="$(find_browser)" || fail "chromium was installed but is not on PATH"
fi
say "browser: $("$browser" --version 2>/dev/null | head -n 1)"

# The jar, built when missing or older than the sources (mvn -Preport-check verify has just built it).
if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/simulator" "$root/synthesis" "$root/configs" \
        -newer "$jar" -type f -not -path '*/target/*' -not -path '*/src/test/*' -print -quit)" ]; then
    say "building $jar..."
    (cd "$root" && mvn -B -q -DskipTests -pl synthesis -am package) >"$work/build.log" 2>&1 \
        || { cat "$work/build.log" >&2; fail "the build failed; its log is above"; }
fi

rm -rf "$out"
mkdir -p "$out"
say "synthesizing cifar10-vgg under 5 W (4 genes x 2 generations)..."
"$java" -jar "$jar" synthesize --model cifar10-vgg --power 5 --genes 4 --generations 2 --threads 2 \
    --out "$out/synthesis" >"$out/synthesize.log" 2>&1 \
    || { cat "$out/synthesize.log" >&2; fail "the synthesis failed; its log is above"; }
"$java" -jar "$jar" simulate --design "$out/synthesis/design.json" --out "$out/simulation" \
    >"$out/simulate.log" 2>&1 || { cat "$out/simulate.log" >&2; fail "the simulation failed; its log is above"; }

# Runs the browser headless on the page $1 with the further options $3..., logging to $2; in a session of its own
# (setsid) so that stop() can end it with every process it forked. A page that renders takes well under a
# second of virtual time; 120 s of real time is the limit for a slow machine.
run_browser() {
    local page="$1" log="$2" i
    shift 2
    local sandbox=()
    # Chromium's sandbox refuses to run as root.
    if [ "$(id -u)" = 0 ]; then
        sandbox=(--no-sandbox)
    fi
    setsid "$browser" --headless=new "${sandbox[@]}" --disable-gpu --hide-scrollbars --no-first-run \
        --no-default-browser-check --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
        --virtual-time-budget=10000 "$@" "file://$page" 2>"$log" &
    browser_pid=$!
    for ((i = 0; i < 600; i++)); do
        if ! kill -0 "$browser_pid" 2>/dev/null; then
            break
        fi
        sleep 0.2
    done
    if kill -0 "$browser_pid" 2>/dev/null; then
        kill -- "-$browser_pid" 2>/dev/null || true
        wait "$browser_pid" 2>/dev/null || true
        browser_pid=""
        fail "the browser did not finish $page in 120 s"
    fi
    wait "$browser_pid" || { tail -n 20 "$log" >&2; browser_pid=""; fail "the browser failed on $page"; }
    browser_pid=""
}

# Checks the page $1 of the command $2 with the chart ids expected.
check_page() {
    local page="$1" name="$2"
    shift 2
    run_browser "$page" "$out/$name.dom.log" --window-size=1200,900 --dump-dom >"$out/$name.dom.html"
    # Console messages (console.log/warn/error, uncaught exceptions) are the lines of the CONSOLE source; the
    # browser's own complaints about this machine (no D-Bus, no GPU) are not the page's.
    if grep -E ':CONSOLE[:(]' "$out/$name.dom.log" >"$out/$name.console.txt"; then
        cat "$out/$name.console.txt" >&2
        fail "$name: the page wrote to the console (above)"
    fi
    python3 - "$out/$name.dom.html" "$@" <<'PY' || fail "$name: a chart did not render"
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr"}

class Charts(HTMLParser):
    """Per chart container (div.chart), the sizes of the canvases inside it."""
    def __init__(self):
        super().__init__()
        self.stack = []
        self.canvases = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        chart = a.get("id") if tag == "div" and "chart" in (a.get("class") or "").split() else None
        if tag in VOID:
            return
        self.stack.append(chart)
        if chart:
            self.canvases[chart] = []
        if tag in ("canvas", "svg"):
            owner = next((c for c in reversed(self.stack) if c), None)
            if owner:
                self.canvases[owner].append((a.get("width"), a.get("height")))

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

def size(v):
    try:
        return float(str(v).replace("px", ""))
    except ValueError:
        return 0

parser = Charts()
with open(sys.argv[1], encoding="utf-8") as f:
    parser.feed(f.read())
expected = sys.argv[2:]
ok = sorted(parser.canvases) == sorted(expected)
if not ok:
    print("charts found %s, expected %s" % (sorted(parser.canvases), sorted(expected)), file=sys.stderr)
for chart, canvases in sorted(parser.canvases.items()):
    drawn = [c for c in canvases if size(c[0]) > 0 and size(c[1]) > 0]
    print("  %-18s %s" % (chart, ", ".join("%sx%s" % c for c in drawn) or "NOTHING DRAWN"), file=sys.stderr)
    ok &= bool(drawn)
sys.exit(0 if ok else 1)
PY
    run_browser "$page" "$out/$name.shot.log" --window-size=1200,900 --screenshot="$out/$name.png" >/dev/null
    [ -s "$out/$name.png" ] || fail "$name: no screenshot"
    say "$name: every chart rendered, console clean; screenshot $out/$name.png"
}

check_page "$out/synthesis/report.html" synthesize chart-energy chart-power chart-pipeline chart-utilization \
    chart-mesh chart-search chart-points
check_page "$out/simulation/report.html" simulate chart-energy chart-power chart-pipeline chart-utilization \
    chart-mesh
run_browser "$out/synthesis/report.html" "$out/full.shot.log" --window-size=1200,3000 \
    --screenshot="$out/synthesize-full.png" >/dev/null
say "passed in $((SECONDS - started)) s; outputs in $out"
