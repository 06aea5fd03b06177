// SPDX-License-Identifier: MIT
#include "benchdata.h"
#include "synth.h"

#include <QDir>
#include <QFile>

#include <benchmark/benchmark.h>

#include <cstdio>

#include <malloc.h>

namespace Runlens::Bench {

namespace {

// The data set of the issue: a million events, about 300 MB over several rotated files.
SynthOptions dataOptions()
{
    SynthOptions options;
    options.events = 1'000'000;
    options.sessions = 200;
    options.seed = 1;
    options.force = true;
    return options;
}

// Generates the data set once; a marker file (which bench/run.sh writes the same way) remembers the options.
bool ensureData(const QString& directory, const char* program)
{
    const SynthOptions options = dataOptions();
    const QByteArray marker = "events=" + QByteArray::number(options.events)
        + " sessions=" + QByteArray::number(options.sessions) + " seed=" + QByteArray::number(options.seed) + '\n';
    QFile markerFile(QDir(directory).filePath(QStringLiteral("synth.args")));
    if (markerFile.open(QIODevice::ReadOnly) && markerFile.readAll() == marker)
        return true;
    markerFile.close();
    std::fprintf(
        stderr, "%s: generating %lld events in %s\n", program, qlonglong(options.events), qPrintable(directory));
    SynthStats stats;
    QString error;
    if (!synthesizeTimeline(directory, options, &stats, &error)) {
        std::fprintf(stderr, "%s: %s\n", program, qPrintable(error));
        return false;
    }
    return markerFile.open(QIODevice::WriteOnly) && markerFile.write(marker) == marker.size();
}

} // namespace

QString dataDirectory()
{
    const QString fromEnv = qEnvironmentVariable("RUNLENS_BENCH_DATA");
    return fromEnv.isEmpty() ? QStringLiteral(RUNLENS_BENCH_DATA_DEFAULT) : fromEnv;
}

int runOnDataSet(int argc, char** argv, const char* program)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    if (!ensureData(dataDirectory(), program))
        return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

qint64 procStatusKb(const char* key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Writing 5 to clear_refs resets VmHWM to the current RSS, after malloc_trim has given back what the
// previous iteration freed.
void resetPeakRss()
{
    malloc_trim(0);
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

} // namespace Runlens::Bench
