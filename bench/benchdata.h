// SPDX-License-Identifier: MIT
#pragma once
// What the benchmarks share: the million-event data set of issue 7 and the process's peak memory.

#include <QString>

namespace Runlens::Bench {

/// RUNLENS_BENCH_DATA, else the build's bench-data directory.
QString dataDirectory();

/// The main() of a benchmark on the data set, once its application object exists: parses the
/// arguments, generates the data when missing, runs the benchmarks. Returns the exit code.
int runOnDataSet(int argc, char** argv, const char* program);

/// A field of /proc/self/status in kB ("VmHWM:", "VmRSS:"); -1 when unreadable.
qint64 procStatusKb(const char* key);
/// Sets the peak resident set (VmHWM) back to the current one, after giving freed memory back.
void resetPeakRss();

} // namespace Runlens::Bench
