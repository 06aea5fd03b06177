// SPDX-License-Identifier: MIT
// Runs a hostile writer could produce (issue 14): N nested scopes of one name, and N unclosed starts followed
// by N orphan ends of another name. Pairing, the stage grid and every detector must stay linear in N (the
// pairing used to search the open stack for each end line: 12.8 s for 100,000).
#include "engine.h"
#include "runbuilder.h"
#include "timelinereader.h"

#include <benchmark/benchmark.h>

using namespace Runlens;

namespace {

QByteArray line(double ts, const char* type, const char* name)
{
    return QByteArray(R"({"ts":)") + QByteArray::number(ts, 'f', 6) + R"(,"type":")" + type + R"(","name":")" + name
        + R"(","status":"ok","session_id":"s","run_id":"r"})" + '\n';
}

// A tool scope around N starts of `open` followed by N ends of `close`.
QByteArray run(int n, const char* open, const char* close)
{
    QByteArray bytes;
    double ts = 1795560000.0;
    bytes += line(ts, "operation.start", "mcp.tool:search.semantic_pro");
    for (int i = 0; i < n; ++i)
        bytes += line(ts += 1e-6, "step.start", open);
    for (int i = 0; i < n; ++i)
        bytes += line(ts += 1e-6, "step.end", close);
    bytes += line(ts += 1e-6, "operation.end", "mcp.tool:search.semantic_pro");
    return bytes;
}

void buildAndDetect(benchmark::State& state, const char* open, const char* close)
{
    const auto buffer = TextBuffer::inMemory(QStringLiteral("x.jsonl"), run(int(state.range(0)), open, close));
    TimelineData data;
    data.buffers.push_back(buffer);
    TimelineReader::parseBuffer(*buffer, 0, &data);
    const std::vector<RunGroup> groups = groupByRun(data.events, data.keys);
    for (auto _ : state) {
        const RunPtr built = buildRun(QStringLiteral("s"), QStringLiteral("r"), groups[0].events, data.buffers, {});
        benchmark::DoNotOptimize(detectRun(*built).size());
    }
    state.SetComplexityN(state.range(0));
}

void nestedSameName(benchmark::State& state)
{
    buildAndDetect(state, "search.bm25", "search.bm25");
}

void orphanEnds(benchmark::State& state)
{
    buildAndDetect(state, "a", "b");
}

} // namespace

BENCHMARK(nestedSameName)->RangeMultiplier(10)->Range(1000, 100000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(orphanEnds)->RangeMultiplier(10)->Range(1000, 100000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK_MAIN();
