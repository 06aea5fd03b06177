// SPDX-License-Identifier: MIT
// The trace view: tree and bars stay in step, keys and gestures zoom and pan, double-click zooms
// to a row, the time window is signalled once per change; and in the real window at laptop sizes,
// the failing span of failed, degraded and cut-off runs of every fixture is selected and readable.
#include "mainwindow.h"
#include "palettes.h"
#include "runfixture.h"
#include "sourceview.h"
#include "spantreemodel.h"
#include "tracebars.h"
#include "traceoverview.h"
#include "traceview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QWheelEvent>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

constexpr int kTimeoutMs = 20000;

RunPtr happyRun()
{
    return RunLines::fromFixture(kHappyFile, kHappyRun).build();
}

// Shows the view on a run and lets layout settle, so pixel positions are final.
void showOn(TraceView& view, const RunPtr& run)
{
    view.resize(1000, 480);
    view.setRun(run);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents();
}

QPoint rowCentre(const TraceView& view, int span)
{
    const QModelIndex index = view.spanTreeModel()->indexOfSpan(span);
    return view.spanTree()->visualRect(index).center();
}

QPoint barCentre(const TraceView& view, int span)
{
    return view.bars()->barRect(view.spanTreeModel()->tree().rowOfSpan(span)).center().toPoint();
}

double width(const std::pair<double, double>& range)
{
    return range.second - range.first;
}

} // namespace

class tst_TraceView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { QSettings().clear(); }
    void opensOnTheFailingSpan();
    void selectionFollowsTreeAndBars();
    void keysZoomAndPan_data();
    void keysZoomAndPan();
    void doubleClickZoomsToTheRow_data();
    void doubleClickZoomsToTheRow();
    void rangeIsSignalledOncePerChange();
    void wheelAndOverview();
    void toolTipsNameSpansAndEvents();
    void grabFollowsPalette_data();
    void grabFollowsPalette();
    void failingSpanReadableInWindow_data();
    void failingSpanReadableInWindow();

private:
    QTemporaryDir m_inputs;
};

void tst_TraceView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_inputs.isValid());
}

void tst_TraceView::opensOnTheFailingSpan()
{
    const RunPtr run = RunLines::fromFixture(kErrorFile, kErrorRun).build();
    TraceView view;
    QAbstractItemModelTester tester(view.spanTreeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy clicked(&view, &TraceView::spanClicked);
    showOn(view, run);
    const int embed = spanIndex(*run, QStringLiteral("embed.vllm"));
    const QModelIndex current = view.spanTree()->currentIndex();
    QCOMPARE(SpanTreeModel::treeRow(current), view.spanTreeModel()->tree().rowOfSpan(embed));
    QVERIFY(view.spanTree()->selectionModel()->isRowSelected(current.row(), current.parent()));
    QCOMPARE(view.selectedSpans(), QList<int> { embed });
    QCOMPARE(clicked.count(), 0); // shown, not clicked
    // The whole run is in view.
    const auto [from, to] = view.visibleRangeMs();
    QVERIFY(from <= 0 && view.waterfallLayout().endMs() <= to);
}

void tst_TraceView::selectionFollowsTreeAndBars()
{
    const RunPtr run = happyRun();
    TraceView view;
    showOn(view, run);
    QSignalSpy clicked(&view, &TraceView::spanClicked);
    QSignalSpy events(&view, &TraceView::eventClicked);
    QTreeView* tree = view.spanTree();
    const SpanTree& spans = view.spanTreeModel()->tree();

    // Selected from outside: the row is selected, its parents open and it is in view; nothing is "clicked".
    const int sql = spanIndex(*run, QStringLiteral("sql.exec"));
    tree->collapseAll();
    view.selectSpans({ sql });
    QCOMPARE(view.selectedSpans(), QList<int> { sql });
    QCOMPARE(SpanTreeModel::treeRow(tree->currentIndex()), spans.rowOfSpan(sql));
    QVERIFY(tree->isExpanded(view.spanTreeModel()->indexOfRow(spans.parentRow(spans.rowOfSpan(sql)))));
    QVERIFY(tree->viewport()->rect().contains(tree->visualRect(tree->currentIndex())));
    QCOMPARE(clicked.count(), 0);
    view.selectSpans({});
    QVERIFY(view.selectedSpans().isEmpty());
    QVERIFY(!tree->selectionModel()->hasSelection());

    // A click on a tree row.
    tree->expandAll();
    QCoreApplication::processEvents();
    const int hydrate = spanIndex(*run, QStringLiteral("hydrate.duckdb"));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, rowCentre(view, hydrate));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), hydrate);
    QCOMPARE(view.selectedSpans(), QList<int> { hydrate });

    // A click on a bar selects its row in the tree.
    const int faiss = spanIndex(*run, QStringLiteral("search.faiss"));
    QTest::mouseClick(view.bars(), Qt::LeftButton, Qt::NoModifier, barCentre(view, faiss));
    QCOMPARE(clicked.count(), 2);
    QCOMPARE(clicked.at(1).at(0).toInt(), faiss);
    QCOMPARE(SpanTreeModel::treeRow(tree->currentIndex()), spans.rowOfSpan(faiss));

    // The tool's row stands for its step and operation.
    const int tool = run->toolSpan;
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, rowCentre(view, tool));
    QCOMPARE(view.selectedSpans().size(), 2);
    QVERIFY(view.selectedSpans().contains(tool));

    // A point event's mark on its row.
    const int decision = eventIndex(*run, QStringLiteral("decision"), QStringLiteral("gate.budget"));
    const int row = spans.rowOfEvent(decision);
    const QPoint mark(int(std::lround(view.bars()->xOf(run->offsetMs(run->events[size_t(decision)].ts)))),
        int(view.bars()->barRect(row).center().y()));
    QTest::mouseClick(view.bars(), Qt::LeftButton, Qt::NoModifier, mark);
    QCOMPARE(events.count(), 1);
    QCOMPARE(events.at(0).at(0).toInt(), decision);
    QCOMPARE(clicked.count(), 3);
}

void tst_TraceView::keysZoomAndPan_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<bool>("onTree"); // sent to the tree, which has focus most of the time
    QTest::addColumn<QString>("expect");
    QTest::addRow("W zooms in") << int(Qt::Key_W) << int(Qt::NoModifier) << true << QStringLiteral("in");
    QTest::addRow("W on the view") << int(Qt::Key_W) << int(Qt::NoModifier) << false << QStringLiteral("in");
    QTest::addRow("S zooms out") << int(Qt::Key_S) << int(Qt::NoModifier) << true << QStringLiteral("out");
    QTest::addRow("A pans left") << int(Qt::Key_A) << int(Qt::NoModifier) << true << QStringLiteral("left");
    QTest::addRow("D pans right") << int(Qt::Key_D) << int(Qt::NoModifier) << true << QStringLiteral("right");
    QTest::addRow("Z zooms to the selection") << int(Qt::Key_Z) << int(Qt::NoModifier) << true << QStringLiteral("fit");
    QTest::addRow("F zooms to the selection")
        << int(Qt::Key_F) << int(Qt::NoModifier) << false << QStringLiteral("fit");
    QTest::addRow("R shows the whole run") << int(Qt::Key_R) << int(Qt::NoModifier) << true << QStringLiteral("all");
    QTest::addRow("Ctrl+0 shows the whole run")
        << int(Qt::Key_0) << int(Qt::ControlModifier) << false << QStringLiteral("all");
}

void tst_TraceView::keysZoomAndPan()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(bool, onTree);
    QFETCH(QString, expect);
    const RunPtr run = happyRun();
    TraceView view;
    showOn(view, run);
    QCursor::setPos(view.mapToGlobal(QPoint(-500, -500))); // zoom around the centre, not a stray cursor
    const auto full = view.visibleRangeMs();
    const int embed = spanIndex(*run, QStringLiteral("embed.vllm"));
    view.selectSpans({ embed });
    const QModelIndex current = view.spanTree()->currentIndex();
    view.setVisibleRangeMs(20, 30);

    QWidget* target = onTree ? static_cast<QWidget*>(view.spanTree()) : &view;
    QTest::keyClick(target, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    const auto [from, to] = view.visibleRangeMs();
    if (expect == QLatin1String("in")) {
        QVERIFY(qAbs((to - from) - 10 / 1.3) < 1e-6);
        QVERIFY(qAbs((from + to) / 2 - 25) < 1e-6);
    } else if (expect == QLatin1String("out")) {
        QVERIFY(qAbs((to - from) - 13) < 1e-6);
    } else if (expect == QLatin1String("left")) {
        QVERIFY(qAbs(from - 18.5) < 1e-6 && qAbs(to - 28.5) < 1e-6);
    } else if (expect == QLatin1String("right")) {
        QVERIFY(qAbs(from - 21.5) < 1e-6 && qAbs(to - 31.5) < 1e-6);
    } else if (expect == QLatin1String("fit")) {
        const WaterfallLayout& layout = view.waterfallLayout();
        QVERIFY(from < layout.spanStartMs(embed) && layout.spanEndMs(embed) < to);
        QVERIFY(to - from < (layout.spanEndMs(embed) - layout.spanStartMs(embed)) * 1.2);
    } else {
        QCOMPARE(view.visibleRangeMs(), full);
    }
    QCOMPARE(view.spanTree()->currentIndex(), current); // no type-ahead search in the tree
}

void tst_TraceView::doubleClickZoomsToTheRow_data()
{
    QTest::addColumn<bool>("onTree");
    QTest::addRow("tree row") << true;
    QTest::addRow("bar") << false;
}

void tst_TraceView::doubleClickZoomsToTheRow()
{
    QFETCH(bool, onTree);
    const RunPtr run = happyRun();
    TraceView view;
    showOn(view, run);
    const int faiss = spanIndex(*run, QStringLiteral("search.faiss"));
    // As a window system sends it: a click, then the double-click.
    QWidget* target = onTree ? view.spanTree()->viewport() : static_cast<QWidget*>(view.bars());
    const QPoint pos = onTree ? rowCentre(view, faiss) : barCentre(view, faiss);
    QTest::mouseClick(target, Qt::LeftButton, Qt::NoModifier, pos);
    QTest::mouseDClick(target, Qt::LeftButton, Qt::NoModifier, pos);
    const WaterfallLayout& layout = view.waterfallLayout();
    const auto [from, to] = view.visibleRangeMs();
    const double length = layout.spanEndMs(faiss) - layout.spanStartMs(faiss);
    QVERIFY(from < layout.spanStartMs(faiss) && layout.spanEndMs(faiss) < to);
    QVERIFY2(to - from < length * 1.2, qPrintable(QStringLiteral("%1 %2").arg(from).arg(to)));
    QCOMPARE(view.selectedSpans(), QList<int> { faiss });
    QVERIFY(view.spanTree()->isExpanded(view.spanTreeModel()->index(0, 0))); // not toggled by the double-click
}

void tst_TraceView::rangeIsSignalledOncePerChange()
{
    TraceView view;
    showOn(view, happyRun());
    const auto full = view.visibleRangeMs();
    QSignalSpy ranges(&view, &TraceView::visibleRangeChanged);
    view.setVisibleRangeMs(5, 15);
    QCOMPARE(ranges.count(), 1);
    QCOMPARE(ranges.at(0).at(0).toDouble(), 5.0);
    QCOMPARE(ranges.at(0).at(1).toDouble(), 15.0);
    QCOMPARE(view.visibleRangeMs(), std::make_pair(5.0, 15.0));
    view.setVisibleRangeMs(5, 15);
    QCOMPARE(ranges.count(), 1);

    // Beyond the run: held to it. Narrower than a microsecond: a microsecond.
    view.setVisibleRangeMs(-1000, 1e6);
    QCOMPARE(ranges.count(), 2);
    QCOMPARE(view.visibleRangeMs(), full);
    view.setVisibleRangeMs(3, 3);
    QVERIFY(qAbs(width(view.visibleRangeMs()) - 1e-3) < 1e-9);

    // The reset button.
    view.findChild<QToolButton*>(QStringLiteral("resetZoomButton"))->click();
    QCOMPARE(view.visibleRangeMs(), full);

    // A second run of twice the length, compared: both views reach the longer one.
    view.setMinimumExtentMs(2 * view.waterfallLayout().endMs());
    QVERIFY(view.visibleRangeMs().second > 1.9 * view.waterfallLayout().endMs());
}

void tst_TraceView::wheelAndOverview()
{
    TraceView view;
    showOn(view, happyRun());
    TraceBars* bars = view.bars();
    view.setVisibleRangeMs(10, 30);

    // A notch zooms in by 1.5 and keeps the time under the cursor in place.
    const QPoint cursor(int(std::lround(bars->xOf(14))), bars->height() / 2);
    const double under = bars->msAt(cursor.x());
    QWheelEvent wheel(cursor, bars->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(bars, &wheel);
    QVERIFY(qAbs(width(view.visibleRangeMs()) - 20 / 1.5) < 1e-6);
    QVERIFY(qAbs(bars->msAt(cursor.x()) - under) < 1e-6);

    // Shift+wheel pans: the width stays.
    const auto before = view.visibleRangeMs();
    QWheelEvent pan(cursor, bars->mapToGlobal(cursor), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::ShiftModifier,
        Qt::NoScrollPhase, false);
    QApplication::sendEvent(bars, &pan);
    QVERIFY(view.visibleRangeMs().first > before.first);
    QVERIFY(qAbs(width(view.visibleRangeMs()) - width(before)) < 1e-9);

    // Dragging the overview's window moves the time window with it.
    TraceOverview* overview = view.overview();
    view.setVisibleRangeMs(10, 20);
    const QPoint inside(int(std::lround(overview->xOf(15))), overview->height() / 2);
    QTest::mousePress(overview, Qt::LeftButton, Qt::NoModifier, inside);
    QTest::mouseMove(overview, inside + QPoint(20, 0));
    QTest::mouseMove(overview, inside + QPoint(40, 0));
    QTest::mouseRelease(overview, Qt::LeftButton, Qt::NoModifier, inside + QPoint(40, 0));
    const double moved = overview->msAt(inside.x() + 40) - overview->msAt(inside.x());
    QVERIFY2(qAbs(view.visibleRangeMs().first - (10 + moved)) < 1e-6,
        qPrintable(QString::number(view.visibleRangeMs().first)));
    QVERIFY(qAbs(width(view.visibleRangeMs()) - 10) < 1e-6);

    // Dragging elsewhere picks a new window; double-click shows the whole run.
    const QPoint start(int(std::lround(overview->xOf(2))), overview->height() / 2);
    QTest::mousePress(overview, Qt::LeftButton, Qt::NoModifier, start);
    QTest::mouseMove(overview, start + QPoint(10, 0));
    QTest::mouseMove(overview, start + QPoint(30, 0));
    QTest::mouseRelease(overview, Qt::LeftButton, Qt::NoModifier, start + QPoint(30, 0));
    QVERIFY(qAbs(view.visibleRangeMs().first - overview->msAt(start.x())) < 1e-6);
    QTest::mouseDClick(overview, Qt::LeftButton, Qt::NoModifier, start);
    QVERIFY(view.visibleRangeMs().first <= 0 && view.visibleRangeMs().second >= view.waterfallLayout().endMs());
}

void tst_TraceView::toolTipsNameSpansAndEvents()
{
    const RunPtr run = happyRun();
    TraceView view;
    showOn(view, run);
    TraceBars* bars = view.bars();
    const int embed = spanIndex(*run, QStringLiteral("embed.vllm"));
    const QPoint pos = barCentre(view, embed);
    QHelpEvent help(QEvent::ToolTip, pos, bars->mapToGlobal(pos));
    QApplication::sendEvent(bars, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QString text = QToolTip::text();
    QVERIFY2(text.contains(QLatin1String("<b>embed.vllm</b>")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Kind: step")));
    QVERIFY(text.contains(QLatin1String("Status: ok")));
    QVERIFY(text.contains(QLatin1String("Stage: embed")));
    QVERIFY(text.contains(QLatin1String("dim: ")));

    const int decision = eventIndex(*run, QStringLiteral("decision"), QStringLiteral("gate.budget"));
    const int row = view.spanTreeModel()->tree().rowOfEvent(decision);
    const QPoint mark(int(std::lround(bars->xOf(run->offsetMs(run->events[size_t(decision)].ts)))),
        int(bars->barRect(row).center().y()));
    QHelpEvent markHelp(QEvent::ToolTip, mark, bars->mapToGlobal(mark));
    QApplication::sendEvent(bars, &markHelp);
    QTRY_VERIFY(QToolTip::text().contains(QLatin1String("decision gate.budget")));
    QVERIFY(QToolTip::text().contains(QLatin1String("looks_literal: true")));

    // The tree says which rows are on the critical path.
    const QModelIndex tool = view.spanTreeModel()->index(0, 0);
    QVERIFY(tool.data(Qt::ToolTipRole).toString().contains(QLatin1String("critical path")));
}

void tst_TraceView::grabFollowsPalette_data()
{
    QTest::addColumn<QString>("palette");
    QTest::addRow("light") << QStringLiteral("light");
    QTest::addRow("dark widget palette") << QStringLiteral("dark");
    QTest::addRow("application switches to dark while shown") << QStringLiteral("switch");
}

void tst_TraceView::grabFollowsPalette()
{
    QFETCH(QString, palette);
    const QPalette applicationPalette = QApplication::palette();
    const auto restore = qScopeGuard([&applicationPalette] { QApplication::setPalette(applicationPalette); });
    RunLines lines = RunLines::fromFixture(kHappyFile, kHappyRun);
    lines.objects = lines.objects.mid(0, 50); // cut short, so the picture shows unclosed (hatched) scopes too
    const RunPtr run = lines.build();
    TraceView view;
    if (palette == QLatin1String("dark"))
        view.setPalette(darkPalette());
    showOn(view, run);
    if (palette == QLatin1String("switch"))
        QApplication::setPalette(darkPalette());
    QCoreApplication::processEvents();

    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    const QString path =
        QCoreApplication::applicationDirPath() + QStringLiteral("/tst_traceview_") + palette + QStringLiteral(".png");
    QVERIFY(image.save(path));
    const QColor base = view.palette().color(QPalette::Base);
    QCOMPARE(base.lightness() < 128, palette != QLatin1String("light"));
    // The axis strip is the button colour, the bars' rows the base colours.
    TraceBars* bars = view.bars();
    const QImage barsImage = bars->grab().toImage();
    QCOMPARE(barsImage.pixelColor(barsImage.width() - 2, 2), view.palette().color(QPalette::Button));
    QVERIFY(!view.toPixmap(QSize(640, 300)).isNull());
    QCOMPARE(view.size(), QSize(1000, 480)); // back to its own size
}

void tst_TraceView::failingSpanReadableInWindow_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("failing"); // what the tree shows for the failing span
    QTest::addColumn<QSize>("size");

    // Inputs derived from the fixtures (fixtures/README.md, "Derived cases"), each in its own timeline directory.
    const auto write = [this](const QString& name, const RunLines& lines) {
        QString dir = m_inputs.filePath(name); // not const: returned, so moved
        QDir().mkpath(dir);
        QFile file(dir + QStringLiteral("/events-20261124.jsonl"));
        if (!file.open(QIODevice::WriteOnly) || file.write(lines.toJsonl()) < 0)
            qFatal("cannot write %s", qPrintable(file.fileName()));
        return dir;
    };
    const auto cut = [](const QString& file, const QString& run, int lines) {
        RunLines result = RunLines::fromFixture(file, run);
        result.objects = result.objects.mid(0, lines);
        return result;
    };
    const auto cpuFaiss = [](const QString& file, const QString& run) {
        RunLines result = RunLines::fromFixture(file, run);
        result.setAttr(result.find(QStringLiteral("step.start"), QStringLiteral("search.faiss")),
            QStringLiteral("faiss.gpu"), false);
        return result;
    };
    struct Case
    {
        const char* name;
        QString path;
        QString failing;
    };
    const Case cases[] = {
        { "error-embed pack, failed", kErrorPackPath, QStringLiteral("embed.vllm  [embed]") },
        { "error-embed, cut off in embed", write(QStringLiteral("error-cut"), cut(kErrorFile, kErrorRun, 4)),
            QStringLiteral("embed.vllm  [embed]") },
        { "happy path, cut off after fuse", write(QStringLiteral("happy-cut"), cut(kHappyFile, kHappyRun, 42)),
            QStringLiteral("mcp.tool:search.semantic_pro") },
        { "happy path, FAISS degraded to CPU", write(QStringLiteral("happy-cpu"), cpuFaiss(kHappyFile, kHappyRun)),
            QStringLiteral("search.faiss  [dense]") },
        { "sparse disabled, cut off in fuse", write(QStringLiteral("sparse-cut"), cut(kSparseFile, kSparseRun, 30)),
            QStringLiteral("search.rrf_fuse  [fuse]") },
        { "sparse disabled, FAISS degraded to CPU",
            write(QStringLiteral("sparse-cpu"), cpuFaiss(kSparseFile, kSparseRun)),
            QStringLiteral("search.faiss  [dense]") },
    };
    for (const QSize size : { QSize(1280, 800), QSize(1366, 768) }) {
        for (const Case& c : cases)
            QTest::addRow("%s, %dx%d", c.name, size.width(), size.height()) << c.path << c.failing << size;
    }
}

void tst_TraceView::failingSpanReadableInWindow()
{
    QFETCH(QString, path);
    QFETCH(QString, failing);
    QFETCH(QSize, size);
    MainWindow window;
    window.setRemembersLayout(false);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SourceView* view = window.openPath(path, MainWindow::RecentFiles::Skip);
    QVERIFY(QTest::qWaitFor(
        [view] { return view->state() != SourceView::State::Loading && view->hintReport(); }, kTimeoutMs));
    QVERIFY(view->currentRun());
    TraceView* trace = view->waterfall();
    QTreeView* tree = trace->spanTree();
    QCoreApplication::processEvents();

    // Selected, in view, and wide enough for its whole name: the delegate's own measure, so bold,
    // indentation and icon all count.
    QTRY_COMPARE(tree->currentIndex().siblingAtColumn(0).data().toString(), failing);
    const QString tag = QString::fromLatin1(QTest::currentDataTag())
                            .replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
    QVERIFY(window.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/tst_traceview_window_") + tag
        + QStringLiteral(".png")));
    const QModelIndex index = tree->currentIndex().siblingAtColumn(0);
    QVERIFY(tree->selectionModel()->isRowSelected(index.row(), index.parent()));
    QTRY_VERIFY2(tree->viewport()->rect().contains(tree->visualRect(index)),
        qPrintable(QStringLiteral("%1,%2 %3x%4 in %5x%6")
                       .arg(tree->visualRect(index).x())
                       .arg(tree->visualRect(index).y())
                       .arg(tree->visualRect(index).width())
                       .arg(tree->visualRect(index).height())
                       .arg(tree->viewport()->width())
                       .arg(tree->viewport()->height())));
    QStyleOptionViewItem option;
    option.initFrom(tree);
    option.font = tree->font();
    option.fontMetrics = tree->fontMetrics();
    option.decorationSize = tree->iconSize();
    option.features = QStyleOptionViewItem::HasDisplay;
    const int needed = tree->itemDelegateForIndex(index)->sizeHint(option, index).width();
    const QRect rect = tree->visualRect(index);
    QVERIFY2(rect.width() >= needed, qPrintable(QStringLiteral("%1 < %2").arg(rect.width()).arg(needed)));
    QVERIFY(trace->height() >= 150); // room for rows below the overview
}

QTEST_MAIN(tst_TraceView)
#include "tst_traceview.moc"
