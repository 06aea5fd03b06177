// SPDX-License-Identifier: MIT
// The GUI targets of issue 7, offscreen: opening the million-event directory in the window (time to the
// first useful view while the rest still loads, to the whole source, to its hints, and the window's peak
// memory), and the first paint of a run of 10,000 lines once its file is read.
#include "benchdata.h"
#include "mainwindow.h"
#include "source.h"
#include "sourcereader.h"
#include "sourceview.h"
#include "workerpool.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QTreeView>

#include <benchmark/benchmark.h>

#include <functional>

using namespace Runlens;
using namespace Runlens::Bench;

namespace {

// Opens a directory as a user would, in a 1600x1000 window, and notes when each part arrives. While it loads,
// the window is repainted (grabbed) every 100 ms and the longest repaint kept, with the longest time the GUI
// thread spent on one turn of its event loop (what a user feels as a stall), and private memory (RssAnon) is
// sampled until the hints are shown.
void openDirectory(benchmark::State& state, const QString& directory)
{
    qint64 firstView = 0, whole = 0, hints = 0, painted = 0, peakKb = 0, peakAnonKb = 0;
    double repaintMaxMs = 0, stallMaxMs = 0;
    int repaints = 0;
    qint64 inputBytes = 0;
    for (auto _ : state) {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QCoreApplication::processEvents();
        resetPeakRss();
        QElapsedTimer timer;
        timer.start();
        QElapsedTimer sinceRepaint;
        sinceRepaint.start();
        // Runs the event loop until `done` holds, timing each turn; false after ten minutes.
        const auto waitWhileLoading = [&](const std::function<bool()>& done, bool repaint) {
            while (!done()) {
                if (timer.elapsed() > 600'000)
                    return false;
                QElapsedTimer turn;
                turn.start();
                QCoreApplication::processEvents();
                stallMaxMs = std::max(stallMaxMs, double(turn.nsecsElapsed()) / 1e6);
                if (repaint && sinceRepaint.elapsed() >= 100) {
                    turn.restart();
                    benchmark::DoNotOptimize(window.grab());
                    repaintMaxMs = std::max(repaintMaxMs, double(turn.nsecsElapsed()) / 1e6);
                    ++repaints;
                    sinceRepaint.restart();
                }
                peakAnonKb = std::max(peakAnonKb, procStatusKb("RssAnon:"));
                QThread::usleep(500);
            }
            return true;
        };
        SourceView* view = window.openPath(directory, MainWindow::RecentFiles::Skip);
        auto* tree = view->findChild<QTreeView*>();
        if (!waitWhileLoading([tree] { return tree->model()->rowCount() > 0; }, false)) {
            state.SkipWithError("no runs shown");
            return;
        }
        firstView = timer.elapsed();
        // To look at the early view: RUNLENS_BENCH_SCREENSHOT=out.png keeps the window as it is now.
        if (const QString shot = qEnvironmentVariable("RUNLENS_BENCH_SCREENSHOT"); !shot.isEmpty()) {
            QCoreApplication::sendPostedEvents(); // the layout the new texts asked for
            window.grab().save(shot);
        }
        if (!waitWhileLoading([view] { return view->state() == SourceView::State::Loaded; }, true)) {
            state.SkipWithError("not loaded");
            return;
        }
        whole = timer.elapsed();
        if (!waitWhileLoading([view] { return bool(view->hintReport()); }, true)) {
            state.SkipWithError("no hints");
            return;
        }
        hints = timer.elapsed();
        benchmark::DoNotOptimize(window.grab());
        painted = timer.elapsed();
        state.SetIterationTime(double(painted) / 1000.0);
        peakKb = procStatusKb("VmHWM:");
        peakAnonKb = std::max(peakAnonKb, procStatusKb("RssAnon:"));
        inputBytes = view->source()->inputBytes;
    }
    const double inputMb = double(inputBytes) / (1024.0 * 1024.0);
    state.counters["first_view_ms"] = double(firstView);
    state.counters["loaded_ms"] = double(whole);
    state.counters["hints_ms"] = double(hints);
    state.counters["painted_ms"] = double(painted);
    state.counters["repaint_max_ms"] = repaintMaxMs;
    state.counters["repaints"] = repaints;
    state.counters["stall_max_ms"] = stallMaxMs;
    state.counters["input_mb"] = inputMb;
    state.counters["peak_rss_mb"] = double(peakKb) / 1024.0;
    state.counters["peak_rss_ratio"] = inputMb > 0 ? double(peakKb) / 1024.0 / inputMb : 0;
    state.counters["peak_rss_anon_mb"] = double(peakAnonKb) / 1024.0;
    state.counters["peak_rss_anon_ratio"] = inputMb > 0 ? double(peakAnonKb) / 1024.0 / inputMb : 0;
}

void openMillionEvents(benchmark::State& state)
{
    openDirectory(state, dataDirectory());
}

// One search run of `lines` timeline lines in upstream's shape: the tool's step and operation around
// nested channel steps with their attrs.
QByteArray longRun(int lines)
{
    QByteArray text;
    double ts = 1795560451.0;
    const QByteArray ids = R"("session_id":"sess-bench","run_id":"0123456789abcdef0123456789abcdef")";
    auto line = [&](const char* type, const QByteArray& name, const QByteArray& attrs) {
        ts += 0.0004;
        text += R"({"ts":)" + QByteArray::number(ts, 'f', 6) + R"(,"type":")" + type + R"(","name":")" + name
            + R"(","status":"ok",)" + ids + R"(,"attrs":)" + attrs + "}\n";
    };
    const QByteArray tool = "mcp.tool:search.semantic_pro";
    line("step.start", tool, R"({"mcp.tool":"search.semantic_pro","query_chars":42,"limit":10})");
    line("operation.start", tool, R"({"query_chars":42,"limit":10})");
    const QByteArray names[] = { "embed.vllm", "search.faiss", "search.bm25", "search.splade", "hydrate.duckdb" };
    for (int i = 0; text.count('\n') + 6 <= lines; ++i) {
        const QByteArray& outer = names[i % 5];
        line("step.start", outer, R"({"k":200,"nprobe":64,"query":"fonction de hachage sûre"})");
        line("step.start", "sql.exec", R"({"rows":50})");
        line("step.end", "sql.exec", R"({"rows":50,"duration_ms":0.3})");
        line("step.end", outer, R"({"k":200,"hits":187,"duration_ms":0.7})");
    }
    while (text.count('\n') + 2 < lines)
        line("io", "cache.read", R"({"bytes":4096})");
    line("operation.end", tool, R"({"duration_ms":4000.0})");
    line("step.end", tool, R"({"duration_ms":4000.2})");
    return text;
}

// From a read source to a painted workspace showing its run: setSource, layout and the first paint.
void firstPaintOf10kLineRun(benchmark::State& state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long-run.jsonl"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(longRun(10'000)) < 0) {
        state.SkipWithError("cannot write the run");
        return;
    }
    file.close();
    const SourcePtr source = readSource(path); // "after the file is read"
    if (source->runs.size() != 1) {
        state.SkipWithError("not one run");
        return;
    }
    for (auto _ : state) {
        SourceView view(path);
        view.resize(1600, 1000);
        view.show();
        view.showLoading();
        QCoreApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        view.setSource(source);
        benchmark::DoNotOptimize(view.grab());
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        workerPool()->waitForDone(); // the detectors, outside the timing
    }
    state.counters["lines"] = double(source->runs.front()->events.size());
    state.counters["spans"] = double(source->runs.front()->spans.size());
}

} // namespace

BENCHMARK(openMillionEvents)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1)->Repetitions(3);
BENCHMARK(firstPaintOf10kLineRun)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(5)->Repetitions(3);

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the user's settings and recent files stay as they are
    // The ten-million-event set of issue 17, when bench/run.sh names it (RUNLENS_BENCH_10M=1).
    if (const QString big = qEnvironmentVariable("RUNLENS_BENCH_DATA10M"); !big.isEmpty()) {
        benchmark::RegisterBenchmark(
            "openTenMillionEvents", [big](benchmark::State& state) { openDirectory(state, big); })
            ->Unit(benchmark::kMillisecond)
            ->UseManualTime()
            ->Iterations(1)
            ->Repetitions(1);
    }
    return runOnDataSet(argc, argv, "bench_gui");
}
