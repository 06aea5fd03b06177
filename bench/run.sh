#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The benchmark of issue 7: builds Release with the benchmarks, generates the million-event timeline
# once, runs every benchmark and the Python and jq comparisons on the same files, and prints the table
# of targets (docs/performance.md explains it).
#
#   bench/run.sh                  build in build/release, data in build/release/bench-data
#   RUNLENS_BENCH_BUILD=DIR       another build directory
#   RUNLENS_BENCH_DATA=DIR        another data directory (generated when it does not hold the data set)
#   RUNLENS_BENCH_REPEAT=N        timed runs of each whole process, the best kept (default 3)
#   RUNLENS_BENCH_10M=1           also the ten-million-event set (3.4 GB, generated once beside the 1M set):
#                                 the report's time against 11x the 1M time, its peak RSS, a one-hour
#                                 --since/--until window against the whole report, the activity strip's quick
#                                 pass, and the window opening it (first view, repaints while loading, RssAnon)
#   RUNLENS_BENCH_FOLLOW=H        also a follow of H simulated hours at 5,000 lines/s, 60 minutes kept
#                                 (bench_follow): private memory (RssAnon) after warm-up and at the end
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${RUNLENS_BENCH_BUILD:-$root/build/release}
data=${RUNLENS_BENCH_DATA:-$build/bench-data}
repeat=${RUNLENS_BENCH_REPEAT:-3}
export RUNLENS_BENCH_DATA=$data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== building Release in $build" >&2
cmake --preset release -B "$build" -DRUNLENS_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" --target runlens-cli bench_load bench_gui bench_waterfall bench_follow >/dev/null
cli=$build/app/runlens-cli

# The data set of the issue; bench_load checks the same marker.
marker="events=1000000 sessions=200 seed=1"
if [ "$(cat "$data/synth.args" 2>/dev/null)" != "$marker" ]; then
    echo "== generating the data set in $data" >&2
    "$cli" synth --events 1000000 --sessions 200 --seed 1 --force -o "$data" >&2
    echo "$marker" >"$data/synth.args"
fi
cat "$data"/events-*.jsonl >/dev/null # every tool reads from the page cache, none from disk

# measure NAME CMD...: runs CMD (stdout to /dev/null) and records "wall_seconds max_rss_kb" in $work/NAME.
measure() {
    local name=$1
    shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v "$@" >/dev/null 2>"$work/$name.time"
        python3 - "$work/$name.time" >"$work/$name" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":")
seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock)))
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)
cpu = sum(float(re.search(rf"{kind} time \(seconds\): (\S+)", text).group(1)) for kind in ("User", "System"))
print(seconds, rss, cpu)
PY
    else
        python3 - "$@" >"$work/$name" <<'PY'
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
sys.exit(os.waitstatus_to_exitcode(status))
PY
    fi
}

# measure records "wall_seconds max_rss_kb cpu_seconds".
# best NAME N CMD...: the fastest of N runs (with its CPU time); the peak RSS is the largest of all runs.
best() {
    local name=$1 n=$2
    shift 2
    : >"$work/$name.all"
    for _ in $(seq "$n"); do
        measure "$name.one" "$@"
        cat "$work/$name.one" >>"$work/$name.all"
    done
    python3 -c '
import sys
rows = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
fastest = min(rows)
print(fastest[0], int(max(r[1] for r in rows)), fastest[2])' "$work/$name.all" >"$work/$name"
}

# How many cores the machine really gives right now: a virtual machine's two cores can be one core's
# worth when its host is busy, and then no parallel code runs faster than serial code.
echo "== effective cores" >&2
python3 - >"$work/cores" <<'PY'
import multiprocessing, time
def spin(n=15_000_000):
    x = 0
    for i in range(n):
        x += i
start = time.perf_counter(); spin(); one = time.perf_counter() - start
workers = [multiprocessing.Process(target=spin) for _ in range(multiprocessing.cpu_count())]
start = time.perf_counter()
for w in workers: w.start()
for w in workers: w.join()
print(len(workers) * one / (time.perf_counter() - start))
PY

echo "== bench_load (Google Benchmark)" >&2
"$build/bench/bench_load" --benchmark_out="$work/load.json" --benchmark_out_format=json >&2
echo "== bench_gui (Google Benchmark, offscreen)" >&2
QT_QPA_PLATFORM=offscreen "$build/bench/bench_gui" --benchmark_out="$work/gui.json" --benchmark_out_format=json >&2
echo "== bench_waterfall (Google Benchmark, offscreen)" >&2
QT_QPA_PLATFORM=offscreen "$build/bench/bench_waterfall" --benchmark_filter="^repaint/1000000" \
    --benchmark_out="$work/waterfall.json" --benchmark_out_format=json >&2

echo "== runlens-cli report DIR --format json, $repeat runs" >&2
best report "$repeat" "$cli" report "$data" --format json
# Issue 17's memory targets are on private memory: the peak of RssAnon, sampled (bench/peak_rss_anon.py).
anon() {
    local name=$1
    shift
    python3 "$root/bench/peak_rss_anon.py" "$@" >"$work/$name.anon"
}
anon report "$cli" report "$data" --format json

# The 10M set: 100 sessions over about eight hours, rotated like upstream (about 360 files).
if [ "${RUNLENS_BENCH_10M:-}" = 1 ]; then
    big=$data-10m
    marker10m="events=10000000 sessions=100 seed=1"
    if [ "$(cat "$big/synth.args" 2>/dev/null)" != "$marker10m" ]; then
        echo "== generating the 10M data set in $big" >&2
        "$cli" synth --events 10000000 --sessions 100 --seed 1 --force -o "$big" >&2
        echo "$marker10m" >"$big/synth.args"
    fi
    echo "== runlens-cli report DIR10M --format json" >&2
    best report10m 1 "$cli" report "$big" --format json
    anon report10m "$cli" report "$big" --format json
    echo "== runlens-cli report DIR10M --since 01:00Z --until 02:00Z (one hour)" >&2
    best window10m 1 "$cli" report "$big" --format json --since 2026-11-25T01:00:00Z --until 2026-11-25T02:00:00Z
    du -sb "$big" | cut -f1 >"$work/big.bytes"
    echo "== bench_gui: the window opening the 10M set" >&2
    RUNLENS_BENCH_DATA10M=$big QT_QPA_PLATFORM=offscreen "$build/bench/bench_gui" \
        --benchmark_filter=openTenMillionEvents --benchmark_out="$work/gui10m.json" --benchmark_out_format=json >&2
    echo "== bench_load: the activity strip's quick pass over the 10M set" >&2
    RUNLENS_BENCH_DATA10M=$big "$build/bench/bench_load" --benchmark_filter=scanActivityOfTenMillionEvents \
        --benchmark_out="$work/scan10m.json" --benchmark_out_format=json >&2
fi

if [ -n "${RUNLENS_BENCH_FOLLOW:-}" ]; then
    echo "== bench_follow: $RUNLENS_BENCH_FOLLOW simulated hours at 5,000 lines/s, 60 minutes kept" >&2
    "$build/bench/bench_follow" --hours "$RUNLENS_BENCH_FOLLOW" --keep-minutes 60 --every 30 | tee "$work/follow" >&2
fi

session=$(head -n 1 "$(ls "$data"/events-*.jsonl | head -n 1)" | python3 -c 'import json, sys; print(json.loads(sys.stdin.readline())["session_id"])')
echo "== python3 bench/python_reader.py DIR" >&2
best python 1 python3 "$root/bench/python_reader.py" "$data"
if command -v jq >/dev/null; then
    echo "== jq -c 'select(.session_id == \"$session\")' over the same files" >&2
    best jq 1 jq -c "select(.session_id == \"$session\")" "$data"/events-*.jsonl
else
    echo "0 0 0" >"$work/jq"
fi

python3 - "$work" "$data" <<'PY'
import glob, json, os, platform, sys

work, data = sys.argv[1], sys.argv[2]

def whole(name):
    wall, rss, cpu = open(os.path.join(work, name)).read().split()
    return float(wall), int(float(rss)) * 1024, float(cpu)

def medians(path):
    result = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("aggregate_name") == "median" or (b.get("run_type") == "iteration" and b["run_name"] not in result):
            result[b["run_name"]] = b
    return result

load = medians(os.path.join(work, "load.json"))
waterfall = medians(os.path.join(work, "waterfall.json"))
gui = medians(os.path.join(work, "gui.json"))
files = sorted(glob.glob(os.path.join(data, "events-*.jsonl")))
input_bytes = sum(os.path.getsize(f) for f in files)

def ms(bench):
    factor = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[bench["time_unit"]]
    return bench["real_time"] * factor

report_wall, report_rss, report_cpu = whole("report")
python_wall, python_rss, python_cpu = whole("python")
jq_wall, jq_rss, jq_cpu = whole("jq")
cores = float(open(os.path.join(work, "cores")).read())
load_and_detect = next(b for n, b in load.items() if n.startswith("loadAndDetect/"))
load_wall = ms(load_and_detect) / 1e3
load_rss = load_and_detect["peak_rss_mb"] * 1024 * 1024

def ratio(reference, value):
    return f"{reference / value:.1f}x" if reference > 0 and value > 0 else "-"

rows = []
def row(target, measured, goal, holds, vs_python="", vs_jq=""):
    rows.append((target, measured, goal, vs_python, vs_jq, "yes" if holds else "NO"))

row("load, index, group, pair, model, detectors (bench_load)", f"{load_wall:.3f} s", "<= 1.0 s", load_wall <= 1.0,
    ratio(python_wall, load_wall), ratio(jq_wall, load_wall))
row("runlens-cli report DIR --format json (whole process)", f"{report_wall:.2f} s", "<= 1.5 s", report_wall <= 1.5,
    ratio(python_wall, report_wall), ratio(jq_wall, report_wall))
row("peak RSS, report process / input", f"{report_rss / 2**20:.0f} MiB = {report_rss / input_bytes:.2f}x",
    "<= 1.5x", report_rss <= 1.5 * input_bytes)
def anon(name):
    return int(open(os.path.join(work, name + ".anon")).read()) * 1024

report_anon = anon("report")
row("peak RssAnon (private), report process / input", f"{report_anon / 2**20:.0f} MiB = {report_anon / input_bytes:.2f}x",
    "<= 0.5x", report_anon <= 0.5 * input_bytes)
row("peak RSS, load + detectors / input", f"{load_rss / 2**20:.0f} MiB = {load_rss / input_bytes:.2f}x",
    "<= 1.5x", load_rss <= 1.5 * input_bytes)
row("faster than the Python reader (report process)", ratio(python_wall, report_wall), ">= 10x",
    python_wall >= 10 * report_wall)
row("faster than jq select (report process)", ratio(jq_wall, report_wall), "> 1x", jq_wall > report_wall)
opened = next((b for n, b in gui.items() if n.startswith("openMillionEvents")), None)
if opened:
    row("window: runs list shown while loading (bench_gui)",
        f"{opened['first_view_ms']:.0f} ms (whole at {opened['loaded_ms']:.0f} ms)", "before the whole",
        opened["first_view_ms"] < opened["loaded_ms"])
    row("window: peak RSS with hints shown / input", f"{opened['peak_rss_mb']:.0f} MiB = {opened['peak_rss_ratio']:.2f}x",
        "<= 2x", opened["peak_rss_ratio"] <= 2.0)
scan = next((b for n, b in load.items() if n.startswith("scanActivityOfDataSet")), None)
if scan:
    row("activity strip's quick pass over the directory / report", f"{ms(scan):.0f} ms = {ms(scan) / 1e3 / report_wall:.2f}x",
        "a fraction", ms(scan) / 1e3 < 0.5 * report_wall)
painted = next((b for n, b in gui.items() if n.startswith("firstPaintOf10kLineRun")), None)
if painted:
    row("first paint of a 10,000-line run after it is read", f"{ms(painted):.1f} ms", "< 100 ms", ms(painted) < 100)
for name, label in (("repaint/1000000/1000", "full view"), ("repaint/1000000/10", "zoomed to 1%")):
    bench = next((b for n, b in waterfall.items() if n == name or n.startswith(name + "/")), None)
    if bench:
        row(f"trace view repaint, 1M spans, {label}", f"{ms(bench):.1f} ms", "< 16 ms", ms(bench) < 16)

if os.path.exists(os.path.join(work, "report10m")):
    big_wall, big_rss, _ = whole("report10m")
    window_wall, window_rss, _ = whole("window10m")
    big_bytes = int(open(os.path.join(work, "big.bytes")).read())
    row("10M events: report (whole process) / 1M report", f"{big_wall:.2f} s = {big_wall / report_wall:.1f}x",
        "<= 11x", big_wall <= 11 * report_wall)
    row("10M events: peak RSS, report process / input", f"{big_rss / 2**20:.0f} MiB = {big_rss / big_bytes:.2f}x",
        "<= 0.5x", big_rss <= 0.5 * big_bytes)
    big_anon = anon("report10m")
    row("10M events: peak RssAnon (private), report process / input",
        f"{big_anon / 2**20:.0f} MiB = {big_anon / big_bytes:.2f}x", "<= 0.5x", big_anon <= 0.5 * big_bytes)
    row("10M events: one-hour --since/--until report / whole", f"{window_wall:.2f} s = {window_wall / big_wall:.2f}x",
        "<= 0.15x", window_wall <= 0.15 * big_wall)
    scan10m = next(iter(medians(os.path.join(work, "scan10m.json")).values()))
    row("10M events: activity strip's quick pass / report", f"{ms(scan10m) / 1e3:.2f} s = {ms(scan10m) / 1e3 / big_wall:.2f}x",
        "a fraction", ms(scan10m) / 1e3 < 0.5 * big_wall)
    opened10m = next(iter(medians(os.path.join(work, "gui10m.json")).values()))
    row("10M events: window, first runs shown", f"{opened10m['first_view_ms']:.0f} ms (whole at "
        f"{opened10m['loaded_ms'] / 1e3:.1f} s)", "<= ~500 ms", opened10m["first_view_ms"] <= 550)
    slowest = max(opened10m["repaint_max_ms"], opened10m["stall_max_ms"])
    row("10M events: window while loading, longest repaint / longest event-loop turn",
        f"{opened10m['repaint_max_ms']:.0f} / {opened10m['stall_max_ms']:.0f} ms ({opened10m['repaints']:.0f} repaints)",
        "< 50 ms", slowest < 50)
    row("10M events: window, peak RssAnon with hints shown / input",
        f"{opened10m['peak_rss_anon_mb']:.0f} MiB = {opened10m['peak_rss_anon_ratio']:.2f}x", "<= 0.7x",
        opened10m["peak_rss_anon_ratio"] <= 0.7)

if os.path.exists(os.path.join(work, "follow")):
    # simulated_min lines runs_held runs_let_go atoms rss_anon_mib wall_s, every 30 simulated minutes
    follow = [l.split() for l in open(os.path.join(work, "follow")).read().splitlines()[1:] if l.strip()]
    warm = next((r for r in follow if int(r[0]) >= 90), follow[-1])  # 60 minutes kept, then half an hour more
    end = follow[-1]
    growth = (float(end[5]) - float(warm[5])) / max(1, int(end[0]) - int(warm[0])) * 60
    row(f"follow, 5,000 lines/s, 60 min kept: RssAnon at {warm[0]} min -> {end[0]} min",
        f"{warm[5]} -> {end[5]} MiB ({growth:+.0f} MiB/h)", "flat", growth <= 0.02 * float(warm[5]))

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
memory = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
print(f"Machine: {os.cpu_count()} cores, {cpu}, {memory / 2**20:.1f} GiB RAM, {platform.platform()}")
print(f"Input: {len(files)} files, {input_bytes / 2**20:.1f} MiB, {int(load_and_detect['events'])} events, "
      f"{int(load_and_detect['runs'])} runs")
print(f"Effective cores while measuring: {cores:.2f} of {os.cpu_count()}")
print(f"report process: {report_wall:.2f} s wall, {report_cpu:.2f} s CPU (user + system)")
print(f"Python reader: {python_wall:.2f} s, {python_rss / 2**20:.0f} MiB; jq: {jq_wall:.2f} s, {jq_rss / 2**20:.0f} MiB")
print()
header = ("target", "measured", "goal", "vs Python", "vs jq", "holds")
widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
for r in [header, tuple("-" * w for w in widths)] + rows:
    print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")
PY
