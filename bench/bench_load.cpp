// SPDX-License-Identifier: MIT
// Cost of opening a million-event timeline directory: readSource (read, parse, index, group, pair
// scopes, build the run model), the detectors over every run, both together, the JSON report, and the quick pass
// of the activity strip.
// Wall time per iteration, plus the input size and the peak resident memory of the iteration.
#include "activity.h"
#include "benchdata.h"
#include "hintreport.h"
#include "runfilter.h"
#include "runreport.h"
#include "source.h"
#include "sourcereader.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

using namespace Runlens;
using namespace Runlens::Bench;

namespace {

void setCounters(benchmark::State& state, const Source& source, qint64 peakKb)
{
    const double inputMb = double(source.inputBytes) / (1024.0 * 1024.0);
    state.counters["events"] = double(source.eventCount);
    state.counters["runs"] = double(source.runs.size());
    state.counters["input_mb"] = inputMb;
    state.counters["peak_rss_mb"] = double(peakKb) / 1024.0;
    state.counters["peak_rss_ratio"] = inputMb > 0 ? double(peakKb) / 1024.0 / inputMb : 0;
    state.counters["bytes_per_second"] =
        benchmark::Counter(double(source.inputBytes), benchmark::Counter::kIsIterationInvariantRate);
}

// Every detector over every run, as the window and `runlens-cli hints` run them (on every core).
size_t detectAll(const Source& source)
{
    const HintReport report = buildHintReport(source, RunFilter {});
    size_t hints = report.sourceHints.size();
    for (const RunHints& run : report.runs)
        hints += run.hints.size();
    return hints;
}

void readSourceOnly(benchmark::State& state)
{
    SourcePtr source;
    qint64 peakKb = 0;
    for (auto _ : state) {
        resetPeakRss(); // one iteration per repetition: the previous source is gone
        source = readSource(dataDirectory());
        benchmark::DoNotOptimize(source.get());
        peakKb = std::max(peakKb, procStatusKb("VmHWM:"));
    }
    setCounters(state, *source, peakKb);
}

// The target of issue 7: read, index, group, pair, model and every detector in at most 1.0 s.
void loadAndDetect(benchmark::State& state)
{
    SourcePtr source;
    qint64 peakKb = 0;
    size_t hints = 0;
    for (auto _ : state) {
        resetPeakRss();
        source = readSource(dataDirectory());
        hints = detectAll(*source);
        peakKb = std::max(peakKb, procStatusKb("VmHWM:"));
    }
    setCounters(state, *source, peakKb);
    state.counters["hints"] = double(hints);
}

const Source& loadedSource()
{
    static const SourcePtr source = readSource(dataDirectory());
    return *source;
}

void detectors(benchmark::State& state)
{
    const Source& source = loadedSource();
    size_t hints = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(hints = detectAll(source));
    state.counters["hints"] = double(hints);
    state.counters["runs"] = double(source.runs.size());
}

// What `runlens-cli report --format json` does after loading: detectors plus the JSON text.
void reportJsonText(benchmark::State& state)
{
    const Source& source = loadedSource();
    qsizetype bytes = 0;
    for (auto _ : state) {
        const QByteArray json = reportJson(source, RunFilter {});
        bytes = json.size();
        benchmark::DoNotOptimize(json.constData());
    }
    state.counters["output_mb"] = double(bytes) / (1024.0 * 1024.0);
}

// The quick pass behind the activity strip (issue 17): a directory's runs per minute without parsing its lines.
void scanActivityOf(benchmark::State& state, const QString& directory)
{
    Activity activity;
    for (auto _ : state) {
        activity = scanActivity(directory);
        benchmark::DoNotOptimize(activity.bins.data());
    }
    state.counters["lines"] = double(activity.lines);
    state.counters["runs"] = double(activity.total(0, int(activity.bins.size()) - 1).runs);
    state.counters["input_mb"] = double(activity.bytes) / (1024.0 * 1024.0);
}

void scanActivityOfDataSet(benchmark::State& state)
{
    scanActivityOf(state, dataDirectory());
}

} // namespace

// One iteration is a whole load (about a second); repetitions give the spread.
BENCHMARK(loadAndDetect)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(5);
BENCHMARK(readSourceOnly)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(5);
BENCHMARK(detectors)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(5);
BENCHMARK(reportJsonText)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(3);
BENCHMARK(scanActivityOfDataSet)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1)->Repetitions(5);

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // The ten-million-event set of issue 17, when bench/run.sh names it (RUNLENS_BENCH_10M=1).
    if (const QString big = qEnvironmentVariable("RUNLENS_BENCH_DATA10M"); !big.isEmpty()) {
        benchmark::RegisterBenchmark(
            "scanActivityOfTenMillionEvents", [big](benchmark::State& state) { scanActivityOf(state, big); })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->Iterations(1)
            ->Repetitions(3);
    }
    return runOnDataSet(argc, argv, "bench_load");
}
