#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# peak_rss_anon.py CMD...: runs CMD (stdout to /dev/null) and prints the peak of its private resident memory,
# RssAnon of /proc/PID/status, in KiB, sampled every millisecond or so. Issue 17 sets its memory targets on
# RssAnon: unlike the peak RSS of getrusage, it leaves out the program's and libraries' file-backed pages.
import subprocess, sys, time

child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
status = f"/proc/{child.pid}/status"
peak = 0
while child.poll() is None:
    try:
        with open(status) as f:
            for line in f:
                if line.startswith("RssAnon:"):
                    peak = max(peak, int(line.split()[1]))
                    break
    except (FileNotFoundError, ProcessLookupError):
        break
    time.sleep(0.001)
print(peak)
sys.exit(child.returncode)
