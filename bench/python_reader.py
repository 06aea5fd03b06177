#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The plain reader Runlens is compared with in bench/run.sh: json.loads per line, events grouped by
(session_id, run_id), each run sorted by ts. No stage grid, no pairing, no detectors, no output beyond
one summary line: the least work a script does before it can answer anything about a run."""

import glob
import json
import os
import sys


def main(directory):
    runs = {}
    for path in sorted(glob.glob(os.path.join(directory, "events-*.jsonl"))):
        with open(path, encoding="utf-8", errors="replace") as lines:
            for line in lines:
                event = json.loads(line)
                runs.setdefault((event["session_id"], event["run_id"]), []).append(event)
    for events in runs.values():
        events.sort(key=lambda event: event["ts"])
    print(f"{sum(len(events) for events in runs.values())} events, {len(runs)} runs")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python_reader.py DIR")
    main(sys.argv[1])
