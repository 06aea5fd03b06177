// SPDX-License-Identifier: MIT
#include "hintreport.h"
#include "runfilterproxy.h"
#include "runlistmodel.h"
#include "runstatus.h"
#include "sourcereader.h"
#include "testdata.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Runlens;

namespace {

QString happyDirectory()
{
    return Test::fixture("upstream/happy-path/data/diagnostics");
}

QString errorPack()
{
    return Test::fixture("upstream/error-embed/data/diagnostics/runpacks/sess-embed-error/"
                         "runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip");
}

QString seedPack()
{
    return Test::fixture("seed-layout/runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560553.zip");
}

// "session:runs" for every session row, in row order: "startup:1 sess-happy-01:2".
QString shape(const QAbstractItemModel& model)
{
    QStringList sessions;
    for (int s = 0; s < model.rowCount(); ++s) {
        const QModelIndex session = model.index(s, RunListModel::NameColumn);
        sessions.append(session.data().toString() + QLatin1Char(':') + QString::number(model.rowCount(session)));
    }
    return sessions.join(QLatin1Char(' '));
}

RunPtr makeRun(const QString& session, const QString& id, RunStatus status, const QString& tool, int events)
{
    auto run = std::make_shared<Run>();
    run->sessionId = session;
    run->runId = id;
    run->status = status;
    run->tool = tool;
    run->durationMs = events * 100.0;
    run->events.resize(size_t(events));
    return run;
}

// Two sessions with mixed statuses, built by hand because every fixture run is complete or background.
SourcePtr mixedSource()
{
    auto source = std::make_shared<Source>();
    source->path = QStringLiteral("mixed");
    source->runs = { makeRun(QStringLiteral("alpha"), QStringLiteral("a1"), RunStatus::Complete,
                         QStringLiteral("search.semantic_pro"), 5),
        makeRun(
            QStringLiteral("alpha"), QStringLiteral("a2"), RunStatus::Error, QStringLiteral("search.semantic_pro"), 3),
        makeRun(QStringLiteral("alpha"), QStringLiteral("a3"), RunStatus::CutOff, QStringLiteral("search.lexical"), 2),
        makeRun(QStringLiteral("beta"), QStringLiteral("b1"), RunStatus::Background, QString(), 4),
        makeRun(
            QStringLiteral("beta"), QStringLiteral("b2"), RunStatus::Running, QStringLiteral("search.lexical"), 9) };
    return source;
}

// Where the icon's glyph is: the near-white pixels on the coloured disc, one byte per pixel.
QByteArray glyphMask(RunStatus status)
{
    const QImage image = runStatusIcon(status).pixmap(QSize(32, 32)).toImage().convertToFormat(QImage::Format_ARGB32);
    QByteArray mask;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            mask += pixel.alpha() > 128 && pixel.lightness() > 200 ? '#' : '.';
        }
    }
    return mask;
}

} // namespace

class tst_RunListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void structure_data();
    void structure();
    void runRows();
    void sessionSummary();
    void resetKeepsTestersHappy();
    void filter_data();
    void filter();
    void sortByEvents();
    void statusIcons();
    void hintCountsAndKindFilter();
    void liveSnapshotsUpdateRowsInPlace_data();
    void liveSnapshotsUpdateRowsInPlace();

private:
    QHash<QString, SourcePtr> m_sources;
};

void tst_RunListModel::initTestCase()
{
    for (const QString& path : { happyDirectory(), errorPack(), seedPack() }) {
        const SourcePtr source = readSource(path);
        QVERIFY2(source->ok(), qPrintable(path + QLatin1String(": ") + source->fatalError));
        m_sources.insert(path, source);
    }
    m_sources.insert(QStringLiteral("mixed"), mixedSource());
    m_sources.insert(QStringLiteral("missing"), readSource(Test::fixture() + QStringLiteral("/missing.zip")));
}

void tst_RunListModel::structure_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    QTest::addRow("happy-path timeline") << happyDirectory()
                                         << QStringLiteral("startup:1 sess-happy-01:2 sess-happy-02:1");
    QTest::addRow("error-embed runpack") << errorPack() << QStringLiteral("sess-embed-error:1");
    QTest::addRow("seed-layout runpack") << seedPack() << QStringLiteral("sess-sparse-disabled:1");
    QTest::addRow("hand-made mixed statuses") << QStringLiteral("mixed") << QStringLiteral("alpha:3 beta:2");
    QTest::addRow("unreadable source") << QStringLiteral("missing") << QString();
}

void tst_RunListModel::structure()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);

    RunListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(m_sources.value(source));
    QCOMPARE(shape(model), expected);
    QCOMPARE(model.columnCount(), int(RunListModel::ColumnCount));
    QCOMPARE(model.source(), m_sources.value(source));
}

void tst_RunListModel::runRows()
{
    RunListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const SourcePtr source = m_sources.value(happyDirectory());
    model.setSource(source);

    const QModelIndex session = model.index(1, RunListModel::NameColumn);
    QVERIFY(!session.data(RunListModel::RunRole).isValid());
    QVERIFY(!model.run(session));
    const QModelIndex first = model.index(0, RunListModel::NameColumn, session);
    const RunPtr run = first.data(RunListModel::RunRole).value<RunPtr>();
    QVERIFY(run);
    QCOMPARE(run, source->runs.at(1));
    QCOMPARE(model.run(first), run);
    QCOMPARE(first.data().toString(), QStringLiteral("f7fe85bab97843aab788eef0bcbc1465"));

    const auto cell = [&](int column, int role = Qt::DisplayRole) { return first.siblingAtColumn(column).data(role); };
    QCOMPARE(cell(RunListModel::StatusColumn).toString(), runStatusLabel(RunStatus::Complete));
    QVERIFY(!cell(RunListModel::StatusColumn, Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(cell(RunListModel::ToolColumn).toString(), QStringLiteral("search.semantic_pro"));
    QCOMPARE(cell(RunListModel::EventsColumn, RunListModel::SortRole).toLongLong(), qint64(run->events.size()));
    QCOMPARE(cell(RunListModel::EventsColumn, RunListModel::SortRole).toLongLong(), 57);
    QCOMPARE(cell(RunListModel::DurationColumn, RunListModel::SortRole).toDouble(), run->durationMs);
    QVERIFY(!cell(RunListModel::DurationColumn).toString().isEmpty());
    QCOMPARE(cell(RunListModel::ProblemsColumn, RunListModel::SortRole).toLongLong(), qint64(run->problems.size()));
    QVERIFY(model.flags(first).testFlag(Qt::ItemNeverHasChildren));

    const QModelIndex background = model.index(0, RunListModel::StatusColumn, model.index(0, 0));
    QCOMPARE(background.data().toString(), runStatusLabel(RunStatus::Background));
    QVERIFY(background.siblingAtColumn(RunListModel::ToolColumn).data().toString().isEmpty());
}

void tst_RunListModel::sessionSummary()
{
    RunListModel model;
    model.setSource(m_sources.value(QStringLiteral("mixed")));
    const QModelIndex alpha = model.index(0, RunListModel::NameColumn);
    const QModelIndex beta = model.index(1, RunListModel::NameColumn);
    QCOMPARE(alpha.data().toString(), QStringLiteral("alpha"));

    // The worst status wins, and its label and icon come along.
    QCOMPARE(alpha.siblingAtColumn(RunListModel::StatusColumn).data().toString(), runStatusLabel(RunStatus::Error));
    QCOMPARE(beta.siblingAtColumn(RunListModel::StatusColumn).data().toString(), runStatusLabel(RunStatus::Running));
    QVERIFY(!alpha.siblingAtColumn(RunListModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(alpha.siblingAtColumn(RunListModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(runStatusLabel(RunStatus::CutOff)));

    QCOMPARE(alpha.siblingAtColumn(RunListModel::ToolColumn).data(RunListModel::SortRole).toInt(), 3);
    QVERIFY(alpha.siblingAtColumn(RunListModel::ToolColumn).data().toString().contains(QLatin1Char('3')));
    QCOMPARE(alpha.siblingAtColumn(RunListModel::EventsColumn).data(RunListModel::SortRole).toLongLong(), 10);
    QCOMPARE(beta.siblingAtColumn(RunListModel::EventsColumn).data(RunListModel::SortRole).toLongLong(), 13);
    // The sum of the runs' durations: 400 ms + 900 ms.
    QCOMPARE(beta.siblingAtColumn(RunListModel::DurationColumn).data(RunListModel::SortRole).toDouble(), 1300.0);
}

void tst_RunListModel::resetKeepsTestersHappy()
{
    RunListModel model;
    RunFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setSource(m_sources.value(happyDirectory()));
    QCOMPARE(shape(proxy), QStringLiteral("startup:1 sess-happy-01:2 sess-happy-02:1"));
    proxy.setFilterText(QStringLiteral("happy"));
    QCOMPARE(shape(proxy), QStringLiteral("sess-happy-01:2 sess-happy-02:1"));

    model.setSource(m_sources.value(QStringLiteral("mixed")));
    QCOMPARE(shape(proxy), QString()); // the filter outlives the reset
    proxy.setFilterText(QString());
    QCOMPARE(shape(proxy), QStringLiteral("alpha:3 beta:2"));
    proxy.setStatusFilter(RunStatus::Error);
    QCOMPARE(shape(proxy), QStringLiteral("alpha:1"));
    proxy.sort(RunListModel::EventsColumn, Qt::DescendingOrder);
    proxy.setStatusFilter(std::nullopt);
    QCOMPARE(shape(proxy), QStringLiteral("beta:2 alpha:3"));

    model.setSource(nullptr);
    QCOMPARE(proxy.rowCount(), 0);
    model.setSource(m_sources.value(errorPack()));
    QCOMPARE(shape(proxy), QStringLiteral("sess-embed-error:1"));
}

void tst_RunListModel::filter_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("status"); // -1 for no status filter
    QTest::addColumn<QString>("expected");

    const QString happy = happyDirectory();
    const QString mixed = QStringLiteral("mixed");
    QTest::addRow("no filter") << happy << QString() << -1
                               << QStringLiteral("startup:1 sess-happy-01:2 sess-happy-02:1");
    QTest::addRow("blank text") << happy << QStringLiteral("  ") << -1
                                << QStringLiteral("startup:1 sess-happy-01:2 sess-happy-02:1");
    QTest::addRow("session id keeps all its runs")
        << happy << QStringLiteral("happy-01") << -1 << QStringLiteral("sess-happy-01:2");
    QTest::addRow("run id, any case") << happy << QStringLiteral("B631C878") << -1 << QStringLiteral("sess-happy-01:1");
    QTest::addRow("tool") << happy << QStringLiteral("semantic_pro") << -1
                          << QStringLiteral("sess-happy-01:2 sess-happy-02:1");
    QTest::addRow("every word must match")
        << happy << QStringLiteral("happy e7bff8") << -1 << QStringLiteral("sess-happy-02:1");
    QTest::addRow("no match") << happy << QStringLiteral("nothing-like-this") << -1 << QString();
    QTest::addRow("status background") << happy << QString() << int(RunStatus::Background)
                                       << QStringLiteral("startup:1");
    QTest::addRow("status without runs") << happy << QString() << int(RunStatus::Error) << QString();
    QTest::addRow("status failed") << mixed << QString() << int(RunStatus::Error) << QStringLiteral("alpha:1");
    QTest::addRow("status and text") << mixed << QStringLiteral("lexical") << int(RunStatus::Running)
                                     << QStringLiteral("beta:1");
    QTest::addRow("text across sessions")
        << mixed << QStringLiteral("lexical") << -1 << QStringLiteral("alpha:1 beta:1");
}

void tst_RunListModel::filter()
{
    QFETCH(QString, source);
    QFETCH(QString, text);
    QFETCH(int, status);
    QFETCH(QString, expected);

    RunListModel model;
    RunFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(m_sources.value(source));
    proxy.setFilterText(text);
    proxy.setStatusFilter(status < 0 ? std::nullopt : std::optional<RunStatus>(RunStatus(status)));
    QCOMPARE(proxy.filterText(), text);
    QCOMPARE(shape(proxy), expected);
}

void tst_RunListModel::sortByEvents()
{
    RunListModel model;
    RunFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.setSource(m_sources.value(QStringLiteral("mixed")));
    proxy.sort(RunListModel::EventsColumn, Qt::AscendingOrder);
    const QModelIndex alpha = proxy.index(0, RunListModel::NameColumn); // 10 events, beta has 13
    QCOMPARE(alpha.data().toString(), QStringLiteral("alpha"));
    QStringList runs;
    for (int r = 0; r < proxy.rowCount(alpha); ++r)
        runs.append(proxy.index(r, RunListModel::NameColumn, alpha).data().toString());
    QCOMPARE(runs, QStringList({ QStringLiteral("a3"), QStringLiteral("a2"), QStringLiteral("a1") }));
    proxy.sort(-1); // back to file order
    QCOMPARE(shape(proxy), QStringLiteral("alpha:3 beta:2"));
}

void tst_RunListModel::statusIcons()
{
    // Colour is never the only cue: the glyphs alone tell every status apart.
    for (RunStatus a : allRunStatuses) {
        QVERIFY(!runStatusLabel(a).isEmpty());
        QVERIFY(glyphMask(a).contains('#'));
        for (RunStatus b : allRunStatuses) {
            if (a != b)
                QVERIFY2(glyphMask(a) != glyphMask(b),
                    qPrintable(runStatusLabel(a) + QLatin1String(" vs ") + runStatusLabel(b)));
        }
    }
}

void tst_RunListModel::hintCountsAndKindFilter()
{
    // Seed pack (one sparse-disabled run) and the error pack's run side by side in one source.
    auto source = std::make_shared<Source>(*m_sources.value(happyDirectory()));
    source->runs.push_back(m_sources.value(seedPack())->runs.front());
    source->runs.push_back(m_sources.value(errorPack())->runs.front());
    RunListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(source);
    const auto hintsCell = [&](const QString& runId, int role = Qt::DisplayRole) {
        for (int s = 0; s < model.rowCount(); ++s) {
            const QModelIndex session = model.index(s, 0);
            for (int r = 0; r < model.rowCount(session); ++r) {
                if (model.run(model.index(r, 0, session))->runId == runId)
                    return model.index(r, RunListModel::HintsColumn, session).data(role);
            }
        }
        return QVariant();
    };
    const QString sparseRun = QStringLiteral("1005703141094392a91da2aac8143ee6");
    const QString errorRun = QStringLiteral("5ee711da351a4c29a57daa1e8fee8c7e");
    QCOMPARE(hintsCell(sparseRun).toString(), QStringLiteral("…")); // detectors not run yet

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const auto report = std::make_shared<const HintReport>(buildHintReport(*source, {}));
    model.setHints(report);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().column(), int(RunListModel::HintsColumn));
    QCOMPARE(hintsCell(errorRun).toString(), QStringLiteral("1E"));
    QCOMPARE(hintsCell(errorRun, RunListModel::HintKindsRole).toStringList(),
        QStringList { QStringLiteral("stage:failed") });
    QVERIFY(!hintsCell(errorRun, Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(hintsCell(sparseRun).toString().contains(QLatin1Char('W')));
    QVERIFY(hintsCell(sparseRun, RunListModel::HintKindsRole)
                .toStringList()
                .contains(QStringLiteral("config:sparse-disabled")));
    QCOMPARE(hintsCell(QStringLiteral("f7fe85bab97843aab788eef0bcbc1465")).toString(), QStringLiteral("–"));
    // Errors outweigh any number of warnings when sorting.
    QVERIFY(hintsCell(errorRun, RunListModel::SortRole).toInt() > hintsCell(sparseRun, RunListModel::SortRole).toInt());
    // The kinds filter's counts, summed on the detectors' worker: runs with an active hint of each kind.
    QMap<QString, int> runsPerKind;
    for (int s = 0; s < model.rowCount(); ++s) {
        const QModelIndex session = model.index(s, 0);
        for (int r = 0; r < model.rowCount(session); ++r) {
            const QModelIndex cell = model.index(r, RunListModel::HintsColumn, session);
            for (const QString& kind : cell.data(RunListModel::HintKindsRole).toStringList())
                ++runsPerKind[kind];
        }
    }
    QVERIFY(runsPerKind.value(QStringLiteral("stage:failed")) >= 1);
    QCOMPARE(model.hintSummary()->runsPerKind, runsPerKind);
    QCOMPARE(model.hintSummary()->report, report);
    int hints = 0;
    for (const RunHints& run : report->runs)
        hints += int(run.hints.size());
    const RunListModel::HintCounts& total = model.hintSummary()->total;
    QCOMPARE(total.counts[0] + total.counts[1] + total.counts[2] + total.suppressed + total.disputed, hints);
    QVERIFY(total.counts[int(Severity::Error)] >= 1);
    QCOMPARE(model.worstStatus(), RunStatus::Error); // the error pack's run, whatever the sessions' order

    proxy.setHintKindFilter(QStringLiteral("stage:failed"));
    QCOMPARE(shape(proxy), QStringLiteral("sess-embed-error:1"));
    proxy.setHintKindFilter(QStringLiteral("no:such-kind"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setHintKindFilter({});
    QCOMPARE(proxy.rowCount(), model.rowCount());

    model.setHints(std::shared_ptr<const HintReport>()); // cleared
    QCOMPARE(hintsCell(errorRun).toString(), QStringLiteral("…"));
}

void tst_RunListModel::liveSnapshotsUpdateRowsInPlace_data()
{
    QTest::addColumn<int>("sortColumn"); // -1: file order
    QTest::addColumn<int>("order");

    QTest::addRow("file order") << -1 << int(Qt::AscendingOrder);
    QTest::addRow("by events, descending") << int(RunListModel::EventsColumn) << int(Qt::DescendingOrder);
    QTest::addRow("by status") << int(RunListModel::StatusColumn) << int(Qt::AscendingOrder);
}

void tst_RunListModel::liveSnapshotsUpdateRowsInPlace()
{
    QFETCH(int, sortColumn);
    QFETCH(int, order);

    // Snapshots of a followed directory, as LiveFollower hands them over: a run rebuilt where lines
    // arrived (a new RunPtr), the others shared, new sessions and runs appended.
    const auto snapshot = [](std::vector<RunPtr> runs) {
        auto source = std::make_shared<Source>();
        source->path = QStringLiteral("live");
        source->kind = Source::Kind::TimelineDirectory;
        source->runs = std::move(runs);
        return SourcePtr(source);
    };
    const QString search = QStringLiteral("search.semantic_pro");
    const RunPtr a1 = makeRun(QStringLiteral("alpha"), QStringLiteral("a1"), RunStatus::Running, search, 2);
    const RunPtr b1 = makeRun(QStringLiteral("beta"), QStringLiteral("b1"), RunStatus::Complete, search, 4);

    RunListModel model;
    RunFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTreeView tree;
    tree.setModel(&proxy);
    tree.setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree.setSelectionBehavior(QAbstractItemView::SelectRows);
    proxy.sort(sortColumn, Qt::SortOrder(order));
    model.setSource(snapshot({ a1, b1 })); // the first fill may reset
    tree.expandAll();

    const auto proxyIndex = [&](const QString& session, const QString& run = QString()) {
        for (int s = 0; s < proxy.rowCount(); ++s) {
            const QModelIndex sessionIndex = proxy.index(s, 0);
            if (sessionIndex.data().toString() != session)
                continue;
            if (run.isEmpty())
                return sessionIndex;
            for (int r = 0; r < proxy.rowCount(sessionIndex); ++r) {
                if (proxy.index(r, 0, sessionIndex).data().toString() == run)
                    return proxy.index(r, 0, sessionIndex);
            }
        }
        return QModelIndex();
    };
    tree.collapse(proxyIndex(QStringLiteral("beta")));
    tree.selectionModel()->setCurrentIndex(proxyIndex(QStringLiteral("alpha"), QStringLiteral("a1")),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // Ctrl+click of a second run, as for Compare Selected Runs.
    tree.selectionModel()->select(proxyIndex(QStringLiteral("beta"), QStringLiteral("b1")),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);

    QSignalSpy modelResets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy proxyResets(&proxy, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const auto selectedRuns = [&] {
        QStringList runs;
        for (const QModelIndex& index : tree.selectionModel()->selectedRows())
            runs.append(index.data().toString());
        runs.sort();
        return runs;
    };

    // a1 grows, a new run in alpha, a new session.
    const RunPtr a1b = makeRun(QStringLiteral("alpha"), QStringLiteral("a1"), RunStatus::Running, search, 6);
    const RunPtr a2 = makeRun(QStringLiteral("alpha"), QStringLiteral("a2"), RunStatus::Running, search, 1);
    const RunPtr g1 = makeRun(QStringLiteral("gamma"), QStringLiteral("g1"), RunStatus::Running, search, 1);
    model.setSource(snapshot({ a1b, a2, b1, g1 }));
    QCOMPARE(inserted.count(), 2);
    QVERIFY(changed.count() >= 2); // a1's row and alpha's totals
    QCOMPARE(model.run(proxy.mapToSource(proxyIndex(QStringLiteral("alpha"), QStringLiteral("a1")))), a1b);
    QCOMPARE(
        proxyIndex(QStringLiteral("alpha")).siblingAtColumn(RunListModel::EventsColumn).data(RunListModel::SortRole),
        QVariant(qint64(7)));

    // a1 completes, g1 grows; nothing new.
    const RunPtr a1c = makeRun(QStringLiteral("alpha"), QStringLiteral("a1"), RunStatus::Complete, search, 9);
    const RunPtr g1b = makeRun(QStringLiteral("gamma"), QStringLiteral("g1"), RunStatus::Running, search, 3);
    model.setSource(snapshot({ a1c, a2, b1, g1b }));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(
        proxyIndex(QStringLiteral("alpha"), QStringLiteral("a1")).siblingAtColumn(RunListModel::StatusColumn).data(),
        QVariant(runStatusLabel(RunStatus::Complete)));

    QCOMPARE(modelResets.count(), 0);
    QCOMPARE(proxyResets.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(tree.isExpanded(proxyIndex(QStringLiteral("alpha"))));
    QVERIFY(!tree.isExpanded(proxyIndex(QStringLiteral("beta")))); // collapsed by the user, still so
    QCOMPARE(tree.currentIndex(), proxyIndex(QStringLiteral("alpha"), QStringLiteral("a1")));
    QCOMPARE(selectedRuns(), QStringList({ QStringLiteral("a1"), QStringLiteral("b1") }));

    // A run vanishes (a restart read less so far), and with it its session: rows removed, the rest kept.
    model.setSource(snapshot({ a1c, g1b }));
    QCOMPARE(modelResets.count(), 0);
    QCOMPARE(removed.count(), 2); // a2, and beta with b1
    QCOMPARE(shape(model), QStringLiteral("alpha:1 gamma:1"));
    QCOMPARE(tree.currentIndex(), proxyIndex(QStringLiteral("alpha"), QStringLiteral("a1")));
    QCOMPARE(selectedRuns(), QStringList({ QStringLiteral("a1") }));

    // Going back to nothing is a reset.
    model.setSource(nullptr);
    QCOMPARE(modelResets.count(), 1);
}

QTEST_MAIN(tst_RunListModel)
#include "tst_runlistmodel.moc"
