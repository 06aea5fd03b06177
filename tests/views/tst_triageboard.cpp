// SPDX-License-Identifier: MIT
// The triage board and the compare view, driven through the window: drop many packs, group,
// filter, open a run, compare two.
#include "compareview.h"
#include "derivedinputs.h"
#include "mainwindow.h"
#include "runfixture.h"
#include "sourceview.h"
#include "stagegridmodel.h"
#include "stagegridview.h"
#include "traceview.h"
#include "triagemodel.h"
#include "triagepreview.h"
#include "triageview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>

using namespace Runlens;

namespace {

constexpr int kTimeoutMs = 20000;

// The six runpack zips of the fixtures: three upstream scenarios (happy has two packs) and two seed packs.
QStringList fixturePacks()
{
    QStringList packs;
    for (const QString& scenario :
        { QStringLiteral("error-embed"), QStringLiteral("happy-path"), QStringLiteral("sparse-disabled") }) {
        QDir runpacks(
            Test::fixture() + QStringLiteral("/upstream/") + scenario + QStringLiteral("/data/diagnostics/runpacks"));
        for (const QString& session : runpacks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            for (const QString& zip : QDir(runpacks.filePath(session)).entryList({ QStringLiteral("*.zip") }))
                packs.append(runpacks.filePath(session + QLatin1Char('/') + zip));
        }
    }
    for (const QString& zip :
        QDir(Test::fixture() + QStringLiteral("/seed-layout")).entryList({ QStringLiteral("*.zip") }))
        packs.append(Test::fixture() + QStringLiteral("/seed-layout/") + zip);
    return packs;
}

void drop(MainWindow& window, const QStringList& paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    const QPoint center = window.rect().center();
    QDragEnterEvent enter(center, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent event(QPointF(center), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &event);
    QVERIFY(event.isAccepted());
}

// The inputs of tests that need rows without a run: a pack of a background run only, and a zip that holds
// no runpack, written to DIR.
QStringList inputsWithoutRuns(const QTemporaryDir& dir)
{
    const QString lost = dir.filePath(QStringLiteral("lost-tool-lines.zip"));
    const QString notPack = dir.filePath(QStringLiteral("not-a-runpack.zip"));
    if (!Test::writeFile(lost, Test::lostToolLinesPack()) || !Test::writeFile(notPack, Test::notARunpackZip()))
        return {};
    return { lost, notPack };
}

// Whether a cell's text shows whole: inside the viewport, and wrapped at its column's width it fits the
// row's height with no word wider than the column.
bool shownWhole(const QTreeView* tree, const QModelIndex& index)
{
    const QRect rect = tree->visualRect(index);
    if (rect.isEmpty() || rect.right() > tree->viewport()->width())
        return false;
    const int margin = tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 1;
    int width = rect.width() - 2 * margin;
    if (!index.data(Qt::DecorationRole).isNull())
        width -= tree->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, tree) + 2 * margin;
    const QRect needed =
        tree->fontMetrics().boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, index.data().toString());
    return needed.width() <= width && needed.height() <= rect.height();
}

// Opens a triage of PATHS in WINDOW and waits for it.
TriageView* openBoard(MainWindow& window, const QStringList& paths)
{
    TriageView* board = window.openTriage(paths);
    QSignalSpy finished(board, &TriageView::loadFinished);
    return finished.wait(kTimeoutMs) ? board : nullptr;
}

// Compares the first tool runs of A and B in WINDOW, through the window as the GUI does.
CompareView* compare(MainWindow& window, const QString& a, const QString& b)
{
    QSignalSpy ready(&window, &MainWindow::compareReady);
    window.compareInputs(a, b);
    if (!ready.wait(kTimeoutMs))
        return nullptr;
    return qobject_cast<CompareView*>(window.tabs()->currentWidget());
}

const QString kHappyPack =
    Test::fixture(QStringLiteral("upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                                 "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560451.zip"));

int groupSize(const TriageModel* model, const QString& key)
{
    for (const TriageGroup& group : model->groups()) {
        if (group.key == key)
            return int(group.rows.size());
    }
    return -1;
}

} // namespace

class tst_TriageBoard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QCOMPARE(fixturePacks().size(), 6);
    }

    void dropManyPacksOpensBoard()
    {
        MainWindow window;
        window.show();
        drop(window, fixturePacks());
        QCOMPARE(window.tabs()->count(), 1);
        auto* board = qobject_cast<TriageView*>(window.tabs()->currentWidget());
        QVERIFY(board);
        QAbstractItemModelTester tester(board->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            board->tree()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(board, &TriageView::loadFinished);
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(board->model()->rows().size(), size_t(6));
        for (const TriageRow& row : board->model()->rows())
            QVERIFY2(row.run, qPrintable(row.noRun));

        // Grouped by hint kind: the failed embed of both error packs, the sparse warning of both sparse packs.
        board->setGrouping(TriageGrouping::Kind);
        QCOMPARE(groupSize(board->model(), QStringLiteral("stage:failed")), 2);
        QCOMPARE(groupSize(board->model(), QStringLiteral("config:sparse-disabled")), 2);
        QCOMPARE(board->tree()->model()->rowCount(), int(board->model()->groups().size()));
        board->setGrouping(TriageGrouping::Tool);
        QCOMPARE(board->model()->groups().size(), size_t(1));
        QCOMPARE(groupSize(board->model(), QStringLiteral("search.semantic_pro")), 6);

        // The filter keeps a group while one of its runs matches.
        board->setFilterText(QStringLiteral("sess-happy-01"));
        QCOMPARE(board->tree()->model()->rowCount(), 1);
        QCOMPARE(board->tree()->model()->rowCount(board->tree()->model()->index(0, 0)), 2);
        board->setFilterText({});
        board->setGrouping(TriageGrouping::None);
        QCOMPARE(board->tree()->model()->rowCount(), 6);
    }

    // Every dropped pack has a row: a background run, and a zip without any run saying why (issue 13).
    void everyInputHasARow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString lost = dir.filePath(QStringLiteral("lost-tool-lines.zip"));
        const QString notPack = dir.filePath(QStringLiteral("not-a-runpack.zip"));
        QVERIFY(Test::writeFile(lost, Test::lostToolLinesPack()));
        QVERIFY(Test::writeFile(notPack, Test::notARunpackZip()));
        MainWindow window;
        window.show();
        drop(window, fixturePacks() + QStringList { lost, notPack });
        auto* board = qobject_cast<TriageView*>(window.tabs()->currentWidget());
        QVERIFY(board);
        QAbstractItemModelTester tester(board->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(board, &TriageView::loadFinished);
        QVERIFY(finished.wait(kTimeoutMs));
        const TriageModel* model = board->model();
        QCOMPARE(model->rows().size(), size_t(8));
        QStringList statuses;
        for (int row = 0; row < model->rowCount(); ++row)
            statuses.append(model->index(row, TriageModel::StatusColumn).data().toString());
        QCOMPARE(statuses.count(QStringLiteral("Background")), 1);
        QCOMPARE(statuses.count(QStringLiteral("No run")), 1);
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, TriageModel::StatusColumn).data().toString() == QLatin1String("No run")) {
                QCOMPARE(model->index(row, TriageModel::SourceColumn).data().toString(),
                    QStringLiteral("not-a-runpack.zip"));
                QVERIFY(
                    model->index(row, TriageModel::StopColumn).data().toString().startsWith(QLatin1String("no run")));
            }
        }
        // A row without a run cannot be compared.
        board->tree()->selectAll();
        QCOMPARE(board->selectedRows().size(), 7);
    }

    void mostUrgentFirst_data()
    {
        QTest::addColumn<bool>("withoutRuns"); // add a background-only pack and a zip without a runpack
        QTest::addColumn<QStringList>("statuses"); // the Status column, top to bottom
        const QString failed = QStringLiteral("Failed");
        const QString complete = QStringLiteral("Complete");
        QTest::addRow("fixture packs") << false
                                       << QStringList { failed, failed, complete, complete, complete, complete };
        QTest::addRow("with inputs without a run") << true
                                                   << QStringList { failed, failed, QStringLiteral("No run"), complete,
                                                          complete, complete, complete, QStringLiteral("Background") };
    }

    // Failed, cut-off and unreadable first, then runs with a bad stage, complete, background; by start.
    void mostUrgentFirst()
    {
        QFETCH(bool, withoutRuns);
        QFETCH(QStringList, statuses);
        QTemporaryDir dir;
        QStringList inputs = fixturePacks();
        if (withoutRuns)
            inputs += inputsWithoutRuns(dir);
        MainWindow window;
        window.show();
        TriageView* board = openBoard(window, inputs);
        QVERIFY(board);
        QAbstractItemModel* proxy = board->tree()->model();
        QAbstractItemModelTester tester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList shown;
        for (int row = 0; row < proxy->rowCount(); ++row)
            shown.append(proxy->index(row, TriageModel::StatusColumn).data().toString());
        QCOMPARE(shown, statuses);
        // Between runs of one urgency, the earlier start first.
        const auto startOf = [&](int row) {
            return board->model()
                ->rows()[size_t(proxy->index(row, 0).data(TriageModel::RowRole).toInt())]
                .run->startedAt;
        };
        QVERIFY(startOf(0) <= startOf(1));
        // The most urgent run is selected and previewed.
        QCOMPARE(board->tree()->currentIndex().row(), 0);
        QVERIFY(board->preview()->stageGrid()->run());
        // The header reverses the order.
        board->tree()->sortByColumn(TriageModel::StatusColumn, Qt::DescendingOrder);
        QCOMPARE(proxy->index(0, TriageModel::StatusColumn).data().toString(), statuses.constLast());
    }

    // At 1366x768 the stop reason and the hints of every fixture row show whole; the ids wait in a tooltip.
    void readableAt1366()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTemporaryDir dir;
        TriageView* board = openBoard(window, fixturePacks() + inputsWithoutRuns(dir));
        QVERIFY(board);
        QTreeView* tree = board->tree();
        QVERIFY(tree->isColumnHidden(TriageModel::SessionColumn));
        QVERIFY(tree->isColumnHidden(TriageModel::RunColumn));
        const QAbstractItemModel* proxy = tree->model();
        int checked = 0;
        for (int row = 0; row < proxy->rowCount(); ++row) {
            for (const int column : { int(TriageModel::StatusColumn), int(TriageModel::StopColumn),
                     int(TriageModel::StageColumn), int(TriageModel::HintsColumn) }) {
                const QModelIndex index = proxy->index(row, column);
                if (index.data().toString().isEmpty())
                    continue;
                QVERIFY2(shownWhole(tree, index), qPrintable(index.data().toString()));
                ++checked;
            }
            // The source is there, its middle elided at most; the full ids are in its tooltip.
            const QModelIndex source = proxy->index(row, TriageModel::SourceColumn);
            QVERIFY(tree->visualRect(source).width() > 0);
            const int model = source.data(TriageModel::RowRole).toInt();
            if (const RunPtr run = board->model()->rows()[size_t(model)].run)
                QVERIFY(source.data(Qt::ToolTipRole).toString().contains(run->runId));
        }
        QVERIFY(checked >= 20);
        // The header menu shows the ids.
        auto* showRun = tree->header()->findChild<QAction*>(QStringLiteral("showColumn%1").arg(TriageModel::RunColumn));
        QVERIFY(showRun);
        showRun->trigger();
        QVERIFY(!tree->isColumnHidden(TriageModel::RunColumn));
        QVERIFY(tree->columnWidth(TriageModel::RunColumn) > 0);
        QVERIFY(tree->grab().save(QCoreApplication::applicationDirPath() + QLatin1String("/tst_triageboard.png")));
    }

    void preview_data()
    {
        QTest::addColumn<QString>("status"); // the row to select, by its Status cell
        QTest::addColumn<QString>("source"); // and its file name ("" for any)
        QTest::addColumn<QString>("firstHint"); // the preview's first hint row, "" for an input without a run
        QTest::addColumn<QString>("message"); // what shows instead of a run
        QTest::addRow("failed run") << QStringLiteral("Failed") << QString() << QStringLiteral("stage:failed")
                                    << QString();
        QTest::addRow("warnings before notes")
            << QStringLiteral("Complete") << QFileInfo(Test::kSparsePackPath).fileName()
            << QStringLiteral("config:sparse-disabled") << QString();
        QTest::addRow("no hints") << QStringLiteral("Complete") << QStringLiteral("diagnostics")
                                  << QStringLiteral("No hints.") << QString();
        QTest::addRow("input without a run") << QStringLiteral("No run") << QStringLiteral("not-a-runpack.zip")
                                             << QString() << QStringLiteral("holds no run");
    }

    void preview()
    {
        QFETCH(QString, status);
        QFETCH(QString, source);
        QFETCH(QString, firstHint);
        QFETCH(QString, message);
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        TriageView* board = openBoard(window,
            QStringList { Test::kErrorPackPath, Test::kSparsePackPath, Test::kHappyDirectoryPath }
                + inputsWithoutRuns(dir));
        QVERIFY(board);
        const TriageModel* model = board->model();
        int wanted = -1;
        for (int row = 0; row < int(model->rows().size()) && wanted < 0; ++row) {
            const QModelIndex index = model->index(row, 0);
            if (model->index(row, TriageModel::StatusColumn).data().toString() == status
                && (source.isEmpty() || index.data().toString() == source))
                wanted = row;
        }
        QVERIFY(wanted >= 0);
        QVERIFY(board->selectRow(wanted));
        const TriageRow& row = model->rows()[size_t(wanted)];
        TriagePreview* preview = board->preview();
        if (!row.run) {
            QVERIFY2(preview->message().contains(message), qPrintable(preview->message()));
            QVERIFY(preview->message().contains(row.noRun));
            QVERIFY(!preview->stageGrid()->run());
            return;
        }
        QVERIFY(preview->message().isEmpty());
        QCOMPARE(preview->stageGrid()->run(), row.run);
        QVERIFY(preview->title().contains(row.run->runId));
        QVERIFY(preview->hintsList()->topLevelItemCount() > 0);
        QVERIFY(preview->hintsList()->topLevelItem(0)->text(0).startsWith(firstHint));
    }

    // Grouped and scrolled, the group of the rows at the top stays named above them.
    void groupStaysNamed()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QTemporaryDir dir;
        TriageView* board = openBoard(window, fixturePacks() + inputsWithoutRuns(dir));
        QVERIFY(board);
        QCOMPARE(board->currentGroupText(), QString());
        board->setGrouping(TriageGrouping::Kind);
        QTreeView* tree = board->tree();
        QTRY_VERIFY(tree->verticalScrollBar()->maximum() > 0 || tree->model()->rowCount() > 0);
        QVERIFY(board->currentGroupText().contains(tree->model()->index(0, 0).data().toString()));
        const QModelIndex lastGroup = tree->model()->index(tree->model()->rowCount() - 1, 0);
        const QModelIndex lastRun = tree->model()->index(tree->model()->rowCount(lastGroup) - 1, 0, lastGroup);
        tree->scrollTo(lastRun, QAbstractItemView::PositionAtTop);
        const QModelIndex top = tree->indexAt(QPoint(1, 1));
        QVERIFY(top.isValid());
        const QModelIndex group = top.parent().isValid() ? top.parent() : top;
        QTRY_COMPARE(board->currentGroupText(), QStringLiteral("Group: %1").arg(group.data().toString()));
        QVERIFY(
            window.grab().save(QCoreApplication::applicationDirPath() + QLatin1String("/tst_triageboard_grouped.png")));
        board->setGrouping(TriageGrouping::None);
        QCOMPARE(board->currentGroupText(), QString());
    }

    void stageColumnSpeaksLikeTheGrid_data()
    {
        QTest::addColumn<int>("status"); // the CellStatus of the failing stage, -1 for none
        QTest::addColumn<QString>("expected");
        QTest::addRow("failed") << int(CellStatus::Failed) << QStringLiteral("embed (Failed)");
        QTest::addRow("degraded") << int(CellStatus::Degraded) << QStringLiteral("embed (Degraded)");
        QTest::addRow("none: the stage reached") << -1 << QStringLiteral("hydrate");
    }

    void stageColumnSpeaksLikeTheGrid()
    {
        QFETCH(int, status);
        QFETCH(QString, expected);
        auto source = std::make_shared<Source>();
        source->path = QStringLiteral("/packs/a.zip");
        auto run = std::make_shared<Run>();
        run->status = RunStatus::Complete;
        StageCell cell;
        cell.stage = QStringLiteral("embed");
        cell.status = status < 0 ? CellStatus::Ran : CellStatus(status);
        run->stages.push_back(cell);
        TriageRow row { source, run, {}, QStringLiteral("hydrate"), status < 0 ? QString() : QStringLiteral("embed"),
            {} };
        TriageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append({ row });
        QCOMPARE(model.index(0, TriageModel::StageColumn).data().toString(), expected);
        QCOMPARE(model.index(0, TriageModel::StageColumn).data(Qt::DecorationRole).isNull(), status < 0);
    }

    void dropFewPacksOpensTabs()
    {
        MainWindow window;
        window.show();
        drop(window, { Test::kErrorPackPath, Test::kSparsePackPath });
        QCOMPARE(window.tabs()->count(), 2);
        QVERIFY(qobject_cast<SourceView*>(window.tabs()->widget(0)));
    }

    void doubleClickOpensTheRun()
    {
        MainWindow window;
        window.show();
        TriageView* board = window.openTriage({ Test::fixture() + QStringLiteral("/seed-layout") });
        QSignalSpy finished(board, &TriageView::loadFinished);
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(board->model()->rows().size(), size_t(2));
        const QModelIndex first = board->tree()->model()->index(0, 0);
        const TriageRow& row = board->model()->rows()[size_t(first.data(TriageModel::RowRole).toInt())];
        emit board->tree()->activated(first);
        QCOMPARE(window.tabs()->count(), 2);
        auto* view = qobject_cast<SourceView*>(window.tabs()->currentWidget());
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->state() == SourceView::State::Loaded, kTimeoutMs);
        QVERIFY(view->currentRun());
        QCOMPARE(view->currentRun()->runId, row.run->runId);
        QCOMPARE(view->path(), row.source->path);
    }

    void compareTwoSelectedRuns()
    {
        MainWindow window;
        window.show();
        TriageView* board = window.openTriage({ Test::kErrorPackPath, Test::kSparsePackPath });
        QSignalSpy finished(board, &TriageView::loadFinished);
        QVERIFY(finished.wait(kTimeoutMs));
        auto* compareButton = board->findChild<QPushButton*>(QStringLiteral("compareButton"));
        QVERIFY(!compareButton->isEnabled());
        board->tree()->selectAll();
        QCOMPARE(board->selectedRows().size(), 2);
        QVERIFY(compareButton->isEnabled());
        QSignalSpy ready(&window, &MainWindow::compareReady);
        QTest::mouseClick(compareButton, Qt::LeftButton);
        QVERIFY(ready.wait(kTimeoutMs)); // compared on a worker
        auto* compare = qobject_cast<CompareView*>(window.tabs()->currentWidget());
        QVERIFY(compare);
        QVERIFY(!compare->diff().sameStagesAndHints());
        auto* stages = compare->findChild<QTableWidget*>(QStringLiteral("compareStages"));
        // embed failed on one side and ran on the other: the row is marked in text, not only colour.
        QVERIFY(stages->item(0, 0)->text().startsWith(QStringLiteral("≠")));
        QVERIFY(compare->verdict().startsWith(QLatin1String("Differs")));

        // One time axis: zooming A moves B.
        compare->waterfallA()->setVisibleRangeMs(5, 15);
        const auto [from, to] = compare->waterfallB()->visibleRangeMs();
        QCOMPARE(from, 5.0);
        QCOMPARE(to, 15.0);
    }

    void compareChangedStagesFirst_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QStringList>("stages"); // the Stage column, top to bottom
        QTest::addRow("two sparse stages changed")
            << kHappyPack << Test::kSparsePackPath
            << QStringList { QStringLiteral("≠ sparse:bm25"), QStringLiteral("≠ sparse:splade"),
                   QStringLiteral("embed"), QStringLiteral("dense"), QStringLiteral("gather"), QStringLiteral("fuse"),
                   QStringLiteral("hydrate"), QStringLiteral("rerank") };
        QTest::addRow("all changed: grid order")
            << Test::kErrorPackPath << Test::kSparsePackPath
            << QStringList { QStringLiteral("≠ embed"), QStringLiteral("≠ dense"), QStringLiteral("≠ sparse:bm25"),
                   QStringLiteral("≠ sparse:splade"), QStringLiteral("≠ gather"), QStringLiteral("≠ fuse"),
                   QStringLiteral("≠ hydrate"), QStringLiteral("≠ rerank") };
        QTest::addRow("none changed: grid order")
            << Test::kSparsePackPath << Test::kSparsePackPath
            << QStringList { QStringLiteral("embed"), QStringLiteral("dense"), QStringLiteral("sparse:bm25"),
                   QStringLiteral("sparse:splade"), QStringLiteral("gather"), QStringLiteral("fuse"),
                   QStringLiteral("hydrate"), QStringLiteral("rerank") };
    }

    // Changed stages first; A and B cells in the grid's words, icons and tints; the delta labelled B−A.
    void compareChangedStagesFirst()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QStringList, stages);
        MainWindow window;
        CompareView* view = compare(window, a, b);
        QVERIFY(view);
        auto* table = view->findChild<QTableWidget*>(QStringLiteral("compareStages"));
        QStringList shown;
        for (int row = 0; row < table->rowCount(); ++row)
            shown.append(table->item(row, 0)->text());
        QCOMPARE(shown, stages);
        QCOMPARE(table->horizontalHeaderItem(5)->text(), QStringLiteral("Δ (B−A)"));
        for (int row = 0; row < table->rowCount(); ++row) {
            for (const int column : { 1, 3 }) {
                const QTableWidgetItem* cell = table->item(row, column);
                const auto status = CellStatus(cell->data(Qt::UserRole).toInt());
                QCOMPARE(cell->text(), cellStatusLabel(status)); // the colour never alone
                QVERIFY(!cell->icon().isNull());
                QCOMPARE(cell->background().color(),
                    StageGridModel::tint(StageGridModel::statusColor(status), view->palette()));
            }
        }
    }

    // Settings that differ only in a path prefix fold into one row that opens on a click.
    void compareFoldsMovedPaths()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CompareView* view = compare(window, kHappyPack, Test::kSparsePackPath);
        QVERIFY(view);
        QStringList moved;
        for (const auto* settings : { &view->diff().budgets, &view->diff().context }) {
            for (const SettingDiff& setting : *settings) {
                if (!sharedPathTail(setting).isEmpty())
                    moved.append(setting.path);
            }
        }
        QVERIFY(moved.size() >= 10);
        auto* table = view->findChild<QTableWidget*>(QStringLiteral("compareSettings"));
        QCOMPARE(table->rowCount(), int(view->diff().budgets.size() + view->diff().context.size()) + 1);
        int summary = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 1)->text() == QStringLiteral("%1 paths differ only in their prefix").arg(moved.size()))
                summary = row;
        }
        QVERIFY(summary >= 0);
        QCOMPARE(table->item(summary, 2)->text(), QStringLiteral("/tmp/ci/01-happy-path"));
        QCOMPARE(table->item(summary, 3)->text(), QStringLiteral("/tmp/ci/04-sparse-disabled"));
        for (const QString& path : std::as_const(moved))
            QVERIFY(table->item(summary, 1)->toolTip().contains(path));
        const int visible = [table] {
            int count = 0;
            for (int row = 0; row < table->rowCount(); ++row)
                count += table->isRowHidden(row) ? 0 : 1;
            return count;
        }();
        QCOMPARE(visible, table->rowCount() - int(moved.size()));
        // A click opens the folded rows, another closes them.
        emit table->cellClicked(summary, 1);
        for (int row = summary + 1; row < table->rowCount(); ++row)
            QVERIFY(!table->isRowHidden(row));
        QVERIFY(table->item(summary + 1, 1)->text().trimmed() == moved.constFirst());
        emit table->cellClicked(summary, 1);
        QVERIFY(table->isRowHidden(summary + 1));

        // Both waterfalls get room: more than half of the height below the header, at 1366x768.
        const QList<int> sizes = view->findChild<QSplitter*>(QStringLiteral("compareSplitter"))->sizes();
        QCOMPARE(sizes.size(), 2);
        QVERIFY2(sizes[1] > sizes[0],
            qPrintable(QStringLiteral("%1 above, %2 for the waterfalls").arg(sizes[0]).arg(sizes[1])));
        QVERIFY(view->waterfallA()->height() >= 150);
        QVERIFY(window.grab().save(QCoreApplication::applicationDirPath() + QLatin1String("/tst_compare.png")));
    }

    void compareInputsOfTheSameRun()
    {
        MainWindow window;
        QSignalSpy ready(&window, &MainWindow::compareReady);
        window.compareInputs(Test::kSparsePackPath, Test::kSparsePackPath);
        QVERIFY(ready.wait(kTimeoutMs));
        auto* compare = qobject_cast<CompareView*>(window.tabs()->currentWidget());
        QVERIFY(compare);
        QVERIFY(compare->diff().sameStagesAndHints());
        QCOMPARE(compare->verdict(), QStringLiteral("Same stages, hints and settings."));
    }
};

QTEST_MAIN(tst_TriageBoard)
#include "tst_triageboard.moc"
