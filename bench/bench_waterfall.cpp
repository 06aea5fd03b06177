// SPDX-License-Identifier: MIT
// Frame cost of the trace view (overview, span tree and bars) on synthetic runs of 10k to 1M spans,
// whole run and a 1% window.
#include "spantree.h"
#include "tracebars.h"
#include "traceoverview.h"
#include "traceview.h"

#include <QApplication>
#include <QPixmap>
#include <QTreeView>

#include <benchmark/benchmark.h>

#include <map>
#include <memory>

using namespace Runlens;

namespace {

constexpr int kRows = 8;
constexpr double kRunMs = 60'000;
const QSize kViewSize(1200, 480);

// A run of `count` closed spans over a minute: each of kRows depths holds disjoint spans filling
// 80% of their slot, each nested in the one a depth above it, every 97th span an error, plus one
// point event per hundred spans.
RunPtr syntheticRun(int count)
{
    auto run = std::make_shared<Run>();
    run->startedAt = 0;
    const QString kind = QStringLiteral("step");
    const QString name = QStringLiteral("search.faiss");
    const QString ok = QStringLiteral("ok");
    const QString error = QStringLiteral("error");
    run->events.resize(size_t(count / 100 + 1));
    for (size_t i = 0; i < run->events.size(); ++i) {
        Event& event = run->events[i];
        event.ts = double(i) / double(run->events.size()) * kRunMs / 1000.0;
        event.type = QStringLiteral("channel");
        event.status = ok;
    }
    const int perRow = (count + kRows - 1) / kRows;
    const double slotMs = kRunMs / perRow;
    run->spans.resize(size_t(count));
    for (int i = 0; i < count; ++i) {
        Span& span = run->spans[size_t(i)];
        span.kind = kind;
        span.name = name;
        span.depth = i % kRows;
        span.parent = span.depth > 0 ? i - 1 : -1;
        span.startEvent = 0; // closed scopes; their attrs are those of the first event
        span.endEvent = 0;
        const int slot = i / kRows; // whole slots
        span.startTs = double(slot) * slotMs / 1000.0;
        span.durationMs = 0.8 * slotMs;
        span.endTs = span.startTs + span.durationMs / 1000.0;
        span.status = i % 97 == 0 ? error : ok;
    }
    return run;
}

std::map<int, std::unique_ptr<TraceView>>& views()
{
    static std::map<int, std::unique_ptr<TraceView>> cache;
    return cache;
}

// One shown view per run size, built once: building a million-span run is not what is measured.
TraceView& viewFor(int count)
{
    std::unique_ptr<TraceView>& view = views()[count];
    if (!view) {
        view = std::make_unique<TraceView>();
        view->resize(kViewSize);
        view->setRun(syntheticRun(count));
        view->show();
        QCoreApplication::processEvents();
    }
    return *view;
}

// Shows `permille` of the run, centred.
void zoom(TraceView& view, int permille)
{
    const WaterfallLayout& layout = view.waterfallLayout();
    const double width = (layout.endMs() - layout.beginMs()) * permille / 1000.0;
    const double from = (layout.beginMs() + layout.endMs() - width) / 2;
    view.setVisibleRangeMs(from, from + width);
    QCoreApplication::processEvents();
}

// The whole view painted: overview, legend, the tree's rows in view and their bars.
void repaint(benchmark::State& state)
{
    TraceView& view = viewFor(int(state.range(0)));
    zoom(view, int(state.range(1)));
    for (auto _ : state) {
        QPixmap frame = view.toPixmap();
        benchmark::DoNotOptimize(frame);
    }
    // How many rows a frame drew, for the record.
    int rows = 0;
    for (QModelIndex index = view.spanTree()->indexAt(QPoint(0, 0));
         index.isValid() && view.spanTree()->visualRect(index).top() < view.spanTree()->viewport()->height();
         index = view.spanTree()->indexBelow(index))
        ++rows;
    state.counters[QStringLiteral("rows").toStdString()] = double(rows);
}

// One zoom step as the screen sees it: the window moves on the overview and the bars are painted again.
void zoomStep(benchmark::State& state)
{
    TraceView& view = viewFor(int(state.range(0)));
    zoom(view, int(state.range(1)));
    const auto [from, to] = view.visibleRangeMs();
    bool in = true;
    for (auto _ : state) {
        const double quarter = (to - from) / 4;
        view.setVisibleRangeMs(in ? from + quarter : from, in ? to - quarter : to);
        in = !in;
        QPixmap overview = view.overview()->grab();
        QPixmap bars = view.bars()->grab();
        benchmark::DoNotOptimize(overview);
        benchmark::DoNotOptimize(bars);
    }
}

void buildLayout(benchmark::State& state)
{
    const RunPtr run = syntheticRun(int(state.range(0)));
    for (auto _ : state) {
        WaterfallLayout layout(*run);
        benchmark::DoNotOptimize(layout);
    }
}

void buildSpanTree(benchmark::State& state)
{
    const RunPtr run = syntheticRun(int(state.range(0)));
    for (auto _ : state) {
        SpanTree tree(*run);
        benchmark::DoNotOptimize(tree);
    }
}

// A new run shown: layouts, the tree model, the tree's first rows.
void showRun(benchmark::State& state)
{
    const RunPtr run = syntheticRun(int(state.range(0)));
    TraceView view;
    view.resize(kViewSize);
    view.show();
    for (auto _ : state) {
        view.setRun(run);
        QPixmap frame = view.toPixmap();
        benchmark::DoNotOptimize(frame);
    }
}

void visibleBars(benchmark::State& state)
{
    TraceView& view = viewFor(int(state.range(0)));
    zoom(view, int(state.range(1)));
    const auto [from, to] = view.visibleRangeMs();
    const double msPerPixel = (to - from) / kViewSize.width();
    for (auto _ : state) {
        for (int row = 0; row < view.waterfallLayout().rowCount(); ++row)
            benchmark::DoNotOptimize(view.waterfallLayout().visibleBars(row, from, to, msPerPixel));
    }
}

} // namespace

// Second argument: the visible share of the run in permille (1000 = whole run, 10 = 1%).
BENCHMARK(repaint)->ArgsProduct({ { 10'000, 100'000, 1'000'000 }, { 1000, 10 } })->Unit(benchmark::kMillisecond);
BENCHMARK(zoomStep)->ArgsProduct({ { 10'000, 100'000, 1'000'000 }, { 1000, 10 } })->Unit(benchmark::kMillisecond);
BENCHMARK(visibleBars)->ArgsProduct({ { 10'000, 100'000, 1'000'000 }, { 1000, 10 } })->Unit(benchmark::kMillisecond);
BENCHMARK(buildLayout)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(buildSpanTree)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(showRun)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    views().clear(); // widgets go before the application object
    return 0;
}
