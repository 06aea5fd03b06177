// SPDX-License-Identifier: MIT
#pragma once
// What the benchmarks share: the million-event data set of issue 7 and the process's peak memory.

#include <QString>

namespace Runlens::Bench {

/// RUNLENS_BENCH_DATA, else the build's bench-data directory.
QString dataDirectory();
/// Generates the data set once; a marker file (which bench/run.sh writes the same way) remembers the options.
bool ensureData(const QString& directory, const char* program);

/// A field of /proc/self/status in kB ("VmHWM:", "VmRSS:"); -1 when unreadable.
qint64 procStatusKb(const char* key);
/// Sets the peak resident set (VmHWM) back to the current one, after giving freed memory back.
void resetPeakRss();

} // namespace Runlens::Bench
