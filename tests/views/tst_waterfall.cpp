// SPDX-License-Identifier: MIT
// The merged-lane geometry of the trace view's overview: a lane per span depth, spans narrower
// than a pixel merged, point events on their own lane.
#include "runfixture.h"
#include "waterfalllayout.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>

Q_DECLARE_METATYPE(Runlens::SpanStatus)

using namespace Runlens;
using namespace Runlens::Test;

namespace {

// `count` spans spread over `rows` rows; each row holds disjoint spans filling 80% of their slot.
// The span at `errorSpan` is an error, every other one ok.
WaterfallLayout slottedLayout(int count, int rows, double totalMs, int errorSpan = -1)
{
    const auto size = static_cast<size_t>(count);
    std::vector<double> starts(size);
    std::vector<double> ends(size);
    std::vector<int> depths(size);
    std::vector<SpanStatus> statuses(size, SpanStatus::Ok);
    const int perRow = (count + rows - 1) / rows;
    const double slotMs = totalMs / perRow;
    for (int i = 0; i < count; ++i) {
        const int slot = i / rows;
        starts[size_t(i)] = slot * slotMs;
        ends[size_t(i)] = slot * slotMs + 0.8 * slotMs;
        depths[size_t(i)] = i % rows;
    }
    if (errorSpan >= 0)
        statuses[size_t(errorSpan)] = SpanStatus::Error;
    return WaterfallLayout(starts, ends, depths, statuses);
}

// Random starts, durations from zero to very long (so spans of a row overlap), depths 0..3.
struct RandomSpans
{
    std::vector<double> starts;
    std::vector<double> ends;
    std::vector<int> depths;
    std::vector<SpanStatus> statuses;
};

RandomSpans randomSpans(int count)
{
    QRandomGenerator random(42);
    RandomSpans spans;
    for (int i = 0; i < count; ++i) {
        const double start = random.bounded(10000.0);
        const int kind = random.bounded(100);
        const double duration = kind == 0 ? random.bounded(5000.0) : kind < 20 ? 0.0 : random.bounded(5.0);
        spans.starts.push_back(start);
        spans.ends.push_back(start + duration);
        spans.depths.push_back(random.bounded(4));
        spans.statuses.push_back(SpanStatus(random.bounded(4)));
    }
    return spans;
}

// The merge rule applied one span at a time to the row's spans in start order, as an oracle.
std::vector<WaterfallBar> referenceBars(
    const RandomSpans& spans, int row, double fromMs, double toMs, double msPerPixel)
{
    std::vector<int> order;
    for (size_t i = 0; i < spans.starts.size(); ++i) {
        if (spans.depths[i] == row && spans.ends[i] >= fromMs && spans.starts[i] <= toMs)
            order.push_back(int(i));
    }
    std::stable_sort(order.begin(), order.end(),
        [&spans](int a, int b) { return spans.starts[size_t(a)] < spans.starts[size_t(b)]; });
    std::vector<WaterfallBar> bars;
    bool merging = false;
    double column = 0;
    for (int i : order) {
        const double start = spans.starts[size_t(i)];
        const double end = spans.ends[size_t(i)];
        const bool narrow = end - start < msPerPixel;
        const double startColumn = std::floor((start - fromMs) / msPerPixel);
        if (narrow && merging && startColumn == column) {
            ++bars.back().count;
            bars.back().endMs = std::max(bars.back().endMs, end);
            bars.back().status = std::max(bars.back().status, spans.statuses[size_t(i)]);
            continue;
        }
        bars.push_back({ start, end, i, 1, spans.statuses[size_t(i)] });
        merging = narrow;
        column = startColumn;
    }
    return bars;
}

} // namespace

class tst_Waterfall : public QObject
{
    Q_OBJECT
private slots:
    void layoutHasEveryScopeOnce_data();
    void layoutHasEveryScopeOnce();
    void hitTestFindsEmbed();
    void markersAreThePointEvents();
    void mergesAMillionSpans();
    void zoomedQueryReturnsOverlappingSpans_data();
    void zoomedQueryReturnsOverlappingSpans();
};

void tst_Waterfall::layoutHasEveryScopeOnce_data()
{
    QTest::addColumn<RunPtr>("run");
    QTest::addColumn<SpanStatus>("worst");
    QTest::addRow("happy path") << RunLines::fromFixture(kHappyFile, kHappyRun).build() << SpanStatus::Ok;
    QTest::addRow("sparse disabled") << RunLines::fromFixture(kSparseFile, kSparseRun).build() << SpanStatus::Ok;
    QTest::addRow("error embed") << RunLines::fromFixture(kErrorFile, kErrorRun).build() << SpanStatus::Error;
    QTest::addRow("cut off") << cutOffRun() << SpanStatus::Unclosed;
}

void tst_Waterfall::layoutHasEveryScopeOnce()
{
    QFETCH(RunPtr, run);
    QFETCH(SpanStatus, worst);
    QVERIFY(run);
    QVERIFY(!run->spans.empty());
    const WaterfallLayout layout(*run);

    int maxDepth = 0;
    for (const Span& span : run->spans)
        maxDepth = std::max(maxDepth, span.depth);
    QCOMPARE(layout.rowCount(), maxDepth + 1);
    QCOMPARE(layout.spanCount(), int(run->spans.size()));

    // Fully zoomed in (no merging) over the whole run, every span shows exactly once, on its depth's row.
    std::vector<int> seen(run->spans.size(), 0);
    SpanStatus worstSeen = SpanStatus::Ok;
    for (int row = 0; row < layout.rowCount(); ++row) {
        double previousStart = -1e300;
        for (const WaterfallBar& bar : layout.visibleBars(row, layout.beginMs(), layout.endMs(), 0)) {
            QCOMPARE(bar.count, 1);
            QCOMPARE(run->spans[size_t(bar.span)].depth, row);
            QVERIFY(bar.startMs >= previousStart); // start order
            previousStart = bar.startMs;
            ++seen[size_t(bar.span)];
            worstSeen = std::max(worstSeen, bar.status);
        }
    }
    for (size_t i = 0; i < seen.size(); ++i)
        QVERIFY2(seen[i] == 1, qPrintable(run->spans[i].name));
    QCOMPARE(worstSeen, worst);

    for (int i = 0; i < layout.spanCount(); ++i) {
        const Span& span = run->spans[size_t(i)];
        QCOMPARE(layout.spanStartMs(i), run->offsetMs(span.startTs));
        QCOMPARE(layout.spanStatus(i) == SpanStatus::Unclosed, !span.isClosed());
    }
}

void tst_Waterfall::hitTestFindsEmbed()
{
    const RunPtr run = RunLines::fromFixture(kHappyFile, kHappyRun).build();
    const WaterfallLayout layout(*run);
    const int embed = spanIndex(*run, QStringLiteral("embed.vllm"));
    QVERIFY(embed >= 0);
    const double msPerPixel = (layout.endMs() - layout.beginMs()) / 1000;
    const double middle = (layout.spanStartMs(embed) + layout.spanEndMs(embed)) / 2;
    const int row = run->spans[size_t(embed)].depth;
    QCOMPARE(layout.spanRow(embed), row);
    QCOMPARE(layout.hitTest(row, middle, msPerPixel), embed);
    QCOMPARE(layout.hitTest(row, layout.endMs() + 100 * msPerPixel, msPerPixel), -1);
    QCOMPARE(layout.hitTest(-1, middle, msPerPixel), -1);
    QCOMPARE(layout.hitTest(layout.rowCount(), middle, msPerPixel), -1);
    // The tool step is the one span of row 0 and covers the run.
    QCOMPARE(
        run->spans[size_t(layout.hitTest(0, middle, msPerPixel))].name, QStringLiteral("mcp.tool:search.semantic_pro"));
}

void tst_Waterfall::markersAreThePointEvents()
{
    const RunPtr run = RunLines::fromFixture(kHappyFile, kHappyRun).build();
    const WaterfallLayout layout(*run);
    QCOMPARE(run->events.size(), size_t(57));
    // Every scope of the happy run is closed: two scope lines per span, the rest are point events.
    QCOMPARE(layout.markerCount(), int(run->events.size() - 2 * run->spans.size()));

    const int decision = eventIndex(*run, QStringLiteral("decision"), QStringLiteral("gate.budget"));
    QVERIFY(decision >= 0);
    const double at = run->offsetMs(run->events[size_t(decision)].ts);
    QCOMPARE(layout.hitTestMarker(at, 0.001), decision);

    int total = 0;
    for (const WaterfallMarker& marker : layout.visibleMarkers(layout.beginMs(), layout.endMs(), 0)) {
        QCOMPARE(marker.count, 1);
        QVERIFY(!run->events[size_t(marker.event)].type->startsWith(QLatin1String("step.")));
        ++total;
    }
    QCOMPARE(total, layout.markerCount());
    int merged = 0;
    const double msPerPixel = (layout.endMs() - layout.beginMs()) / 50;
    for (const WaterfallMarker& marker : layout.visibleMarkers(layout.beginMs(), layout.endMs(), msPerPixel))
        merged += marker.count;
    QCOMPARE(merged, layout.markerCount());
}

void tst_Waterfall::mergesAMillionSpans()
{
    constexpr int kSpans = 1'000'000;
    constexpr int kRows = 8;
    constexpr int kErrorSpan = 654'321;
    const WaterfallLayout layout = slottedLayout(kSpans, kRows, 60'000, kErrorSpan);
    QCOMPARE(layout.spanCount(), kSpans);
    QCOMPARE(layout.rowCount(), kRows);

    const double msPerPixel = (layout.endMs() - layout.beginMs()) / 1000;
    qsizetype bars = 0;
    qint64 counted = 0;
    bool errorShown = false;
    for (int row = 0; row < layout.rowCount(); ++row) {
        const std::vector<WaterfallBar> rowBars = layout.visibleBars(row, layout.beginMs(), layout.endMs(), msPerPixel);
        QVERIFY(rowBars.size() <= 1001); // at most one bar per pixel column
        bars += qsizetype(rowBars.size());
        for (const WaterfallBar& bar : rowBars) {
            counted += bar.count;
            if (bar.startMs <= layout.spanStartMs(kErrorSpan) && layout.spanEndMs(kErrorSpan) <= bar.endMs
                && row == layout.spanRow(kErrorSpan)) {
                QCOMPARE(bar.status, SpanStatus::Error); // a merged bar takes the worst status
                errorShown = true;
            }
        }
    }
    QVERIFY2(bars <= 8 * 1001, qPrintable(QString::number(bars)));
    QCOMPARE(counted, qint64(kSpans));
    QVERIFY(errorShown);

    // Zoomed in to a window a few slots wide, nothing merges and only the spans there come back.
    const double from = layout.spanStartMs(kErrorSpan);
    const double to = from + 0.1;
    const std::vector<WaterfallBar> zoomed = layout.visibleBars(layout.spanRow(kErrorSpan), from, to, 0.0001);
    QVERIFY(!zoomed.empty());
    QVERIFY(zoomed.size() < 10);
    QCOMPARE(zoomed.front().span, kErrorSpan);
    for (const WaterfallBar& bar : zoomed) {
        QCOMPARE(bar.count, 1);
        QVERIFY(bar.endMs >= from && bar.startMs <= to);
    }
}

void tst_Waterfall::zoomedQueryReturnsOverlappingSpans_data()
{
    QTest::addColumn<double>("fromMs");
    QTest::addColumn<double>("toMs");
    QTest::addRow("one percent") << 4000.0 << 4100.0;
    QTest::addRow("a tenth of a millisecond") << 7000.0 << 7000.1;
    QTest::addRow("a single instant") << 2500.0 << 2500.0;
    QTest::addRow("before the first span") << -500.0 << -100.0;
    QTest::addRow("past the end") << 20000.0 << 30000.0;
    QTest::addRow("everything") << -1.0 << 20000.0;
}

void tst_Waterfall::zoomedQueryReturnsOverlappingSpans()
{
    QFETCH(double, fromMs);
    QFETCH(double, toMs);
    const RandomSpans spans = randomSpans(20000);
    const WaterfallLayout layout(spans.starts, spans.ends, spans.depths, spans.statuses);
    for (int row = 0; row < layout.rowCount(); ++row) {
        std::set<int> expected;
        for (size_t i = 0; i < spans.starts.size(); ++i) {
            if (spans.depths[i] == row && spans.ends[i] >= fromMs && spans.starts[i] <= toMs)
                expected.insert(int(i));
        }
        std::set<int> found;
        for (const WaterfallBar& bar : layout.visibleBars(row, fromMs, toMs, 0)) {
            QCOMPARE(bar.count, 1);
            QVERIFY(found.insert(bar.span).second);
        }
        QCOMPARE(found, expected);

        // Merged, the bars are those of the plain one-span-at-a-time merge, and the counts add up.
        for (const int pixels : { 2000, 200, 20 }) {
            const double msPerPixel = std::max(toMs - fromMs, 1.0) / pixels;
            const std::vector<WaterfallBar> bars = layout.visibleBars(row, fromMs, toMs, msPerPixel);
            const std::vector<WaterfallBar> reference = referenceBars(spans, row, fromMs, toMs, msPerPixel);
            QCOMPARE(bars.size(), reference.size());
            qsizetype counted = 0;
            for (size_t i = 0; i < bars.size(); ++i) {
                QCOMPARE(bars[i].span, reference[i].span);
                QCOMPARE(bars[i].count, reference[i].count);
                QCOMPARE(bars[i].startMs, reference[i].startMs);
                QCOMPARE(bars[i].endMs, reference[i].endMs);
                QCOMPARE(bars[i].status, reference[i].status);
                counted += bars[i].count;
            }
            QCOMPARE(counted, qsizetype(expected.size()));
        }
    }
}

QTEST_GUILESS_MAIN(tst_Waterfall)
#include "tst_waterfall.moc"
