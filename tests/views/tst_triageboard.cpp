// SPDX-License-Identifier: MIT
// The triage board and the compare view, driven through the window: drop many packs, group,
// filter, open a run, compare two.
#include "compareview.h"
#include "derivedinputs.h"
#include "mainwindow.h"
#include "runfixture.h"
#include "sourceview.h"
#include "triagemodel.h"
#include "triageview.h"
#include "traceview.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using namespace Runlens;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kFixtures = QStringLiteral(RUNLENS_FIXTURES_DIR);

// The six runpack zips of the fixtures: three upstream scenarios (happy has two packs) and two seed packs.
QStringList fixturePacks()
{
    QStringList packs;
    for (const QString& scenario :
        { QStringLiteral("error-embed"), QStringLiteral("happy-path"), QStringLiteral("sparse-disabled") }) {
        QDir runpacks(
            kFixtures + QStringLiteral("/upstream/") + scenario + QStringLiteral("/data/diagnostics/runpacks"));
        for (const QString& session : runpacks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            for (const QString& zip : QDir(runpacks.filePath(session)).entryList({ QStringLiteral("*.zip") }))
                packs.append(runpacks.filePath(session + QLatin1Char('/') + zip));
        }
    }
    for (const QString& zip : QDir(kFixtures + QStringLiteral("/seed-layout")).entryList({ QStringLiteral("*.zip") }))
        packs.append(kFixtures + QStringLiteral("/seed-layout/") + zip);
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
                QVERIFY(model->index(row, TriageModel::StopColumn).data().toString().startsWith(QLatin1String("no run")));
            }
        }
        // A row without a run cannot be compared.
        board->tree()->selectAll();
        QCOMPARE(board->selectedRows().size(), 7);
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
        TriageView* board = window.openTriage({ kFixtures + QStringLiteral("/seed-layout") });
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
        QTest::mouseClick(compareButton, Qt::LeftButton);
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
