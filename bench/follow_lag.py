#!/usr/bin/env python3
"""Lag from write to hint for `runlens-cli follow` (issue 6): writes upstream runs into a timeline
directory at a fixed line rate and measures, for every run, the time from writing its last line to
reading its first hint on the follower's stdout.

    bench/follow_lag.py --cli build/release/app/runlens-cli [--rate 5000] [--seconds 10]

The runs are the fixtures' failing and sparse-disabled runs (both have hints), each copy with a
fresh run id and timestamps of now, cycled until the time is up.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "data", "fixtures", "upstream")
RUNS = [
    ("error-embed/data/diagnostics/events-20261124.jsonl", "5ee711da351a4c29a57daa1e8fee8c7e"),
    ("sparse-disabled/data/diagnostics/events-20261124.jsonl", "1005703141094392a91da2aac8143ee6"),
]


def template_runs():
    runs = []
    for path, run_id in RUNS:
        with open(os.path.join(FIXTURES, path), encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
        lines = [line for line in lines if line.get("run_id") == run_id]
        start = lines[0]["ts"]
        runs.append([(line["ts"] - start, line) for line in lines])
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--rate", type=int, default=5000, help="lines per second")
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()

    templates = template_runs()
    directory = tempfile.mkdtemp(prefix="runlens-lag-")
    path = os.path.join(directory, "events-20261124.jsonl")
    open(path, "w").close()
    follower = subprocess.Popen([args.cli, "follow", directory, "--format", "jsonl"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    follower.stderr.readline()  # "following ..." once the first poll is done

    last_line_written = {}  # run id -> time its last line was written
    first_hint_read = {}
    lock = threading.Lock()

    def read_hints():
        for line in follower.stdout:
            now = time.monotonic()
            record = json.loads(line)
            if record.get("type") == "hint":
                with lock:
                    first_hint_read.setdefault(record["run_id"], now)

    reader = threading.Thread(target=read_hints, daemon=True)
    reader.start()

    tick = 0.01
    per_tick = max(1, round(args.rate * tick))
    pending = []  # (run id, is last line, text)
    written = 0
    began = time.monotonic()
    with open(path, "a", encoding="utf-8") as out:
        while time.monotonic() - began < args.seconds:
            while len(pending) < per_tick:
                template = templates[written % len(templates)]
                run_id = uuid.uuid4().hex
                base = time.time()
                for i, (offset, line) in enumerate(template):
                    copy = dict(line, run_id=run_id, ts=base + offset)
                    pending.append((run_id, i == len(template) - 1, json.dumps(copy) + "\n"))
                written += 1
            batch, pending = pending[:per_tick], pending[per_tick:]
            out.write("".join(text for _, _, text in batch))
            out.flush()
            now = time.monotonic()
            for run_id, last, _ in batch:
                if last:
                    last_line_written[run_id] = now
            time.sleep(max(0.0, tick - (time.monotonic() - now)))
        elapsed = time.monotonic() - began
    time.sleep(1.5)  # let the last runs settle and print
    follower.terminate()
    follower.wait(10)

    with lock:
        lags = [first_hint_read[r] - t for r, t in last_line_written.items() if r in first_hint_read]
    missing = len(last_line_written) - len(lags)
    if not lags:
        print("no hints read", file=sys.stderr)
        return 1
    lags.sort()
    ms = [1000 * lag for lag in lags]
    print(f"rate: {args.rate} lines/s requested, {len(last_line_written)} runs finished in {elapsed:.1f} s")
    print(f"lag write->hint: p50 {statistics.median(ms):.0f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms, "
          f"max {ms[-1]:.0f} ms over {len(ms)} runs; {missing} runs without a hint")
    print(f"target: under 500 ms -> {'holds' if ms[int(0.95 * (len(ms) - 1))] < 500 else 'MISSED'} (p95)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
