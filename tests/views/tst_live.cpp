// SPDX-License-Identifier: MIT
// A followed directory in the window: runs show up as their lines arrive, running until their tool
// ends, the newest one selected while following; pausing freezes the view while reading goes on.
#include "mainwindow.h"
#include "runfixture.h"
#include "sourceview.h"
#include "stagegridview.h"
#include "translations.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Runlens;

namespace {

constexpr int kTimeoutMs = 15000;
const QString kCurrent = QStringLiteral("events-20261124.jsonl");

QList<QByteArray> runLines(const QString& file, const QString& runId)
{
    QFile input(Test::fixture(file));
    if (!input.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines;
    for (const QByteArray& line : input.readAll().split('\n')) {
        if (QJsonDocument::fromJson(line).object().value(QLatin1String("run_id")).toString() == runId)
            lines.append(line + '\n');
    }
    return lines;
}

void append(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    QCOMPARE(file.write(bytes), bytes.size());
}

RunPtr findRun(const SourceView* view, const QString& runId)
{
    if (!view->source())
        return nullptr;
    for (const RunPtr& run : view->source()->runs) {
        if (run->runId == runId)
            return run;
    }
    return nullptr;
}

} // namespace

class tst_Live : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        installTranslations(QStringLiteral("en")); // the English plural forms, as the application loads them
    }

    void runsAppearAndComplete()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString file = directory.filePath(kCurrent);
        MainWindow window;
        window.show();
        SourceView* view = window.followDirectory(directory.path());
        QVERIFY(view->isLive());
        auto* label = view->findChild<QLabel*>(QStringLiteral("liveLabel"));
        QVERIFY(label->text().contains(QLatin1String("waiting")));

        // Half a run: it shows, running, and is selected.
        const QList<QByteArray> happy = runLines(Test::kHappyFile, Test::kHappyRun);
        QCOMPARE(happy.size(), 57);
        append(file, happy.mid(0, 30).join());
        QTRY_VERIFY_WITH_TIMEOUT(findRun(view, Test::kHappyRun), kTimeoutMs);
        QCOMPARE(findRun(view, Test::kHappyRun)->status, RunStatus::Running);
        QCOMPARE(view->state(), SourceView::State::Loaded);
        QTRY_COMPARE_WITH_TIMEOUT(view->currentRun(), findRun(view, Test::kHappyRun), kTimeoutMs);
        QCOMPARE(view->stageGrid()->run(), view->currentRun());
        // From now on the runs list is updated row by row, never reset.
        auto* tree = view->findChild<QTreeView*>(QStringLiteral("runTree"));
        QSignalSpy resets(tree->model(), &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy inserted(tree->model(), &QAbstractItemModel::rowsInserted);

        // The rest: the same run completes, still selected, its grid and hints brought up to date.
        append(file, happy.mid(30).join());
        QTRY_VERIFY_WITH_TIMEOUT(findRun(view, Test::kHappyRun)->status == RunStatus::Complete, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(view->currentRun()->events.size(), size_t(57), kTimeoutMs);
        QCOMPARE(view->stageGrid()->run(), view->currentRun());
        QTRY_VERIFY_WITH_TIMEOUT(view->hintReport() && view->hintReport()->runs.size() == 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QLatin1String("57 lines")), kTimeoutMs);

        // A second run: following the newest selects it.
        const QList<QByteArray> sparse = runLines(Test::kSparseFile, Test::kSparseRun);
        append(file, sparse.join());
        QTRY_VERIFY_WITH_TIMEOUT(findRun(view, Test::kSparseRun), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(view->currentRun()->runId, Test::kSparseRun, kTimeoutMs);
        QCOMPARE(resets.count(), 0);
        QVERIFY(!inserted.isEmpty());
        QVERIFY(tree->isExpanded(tree->currentIndex().parent()));
    }

    void pauseFreezesTheView()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString file = directory.filePath(kCurrent);
        const QList<QByteArray> happy = runLines(Test::kHappyFile, Test::kHappyRun);
        append(file, happy.join());

        MainWindow window;
        window.show();
        SourceView* view = window.followDirectory(directory.path());
        QTRY_VERIFY_WITH_TIMEOUT(findRun(view, Test::kHappyRun), kTimeoutMs);
        view->setFollowNewest(false);
        const RunPtr selected = view->currentRun();
        QVERIFY(selected);

        view->setPaused(true);
        QVERIFY(view->isPaused());
        append(file, runLines(Test::kSparseFile, Test::kSparseRun).join());
        auto* label = view->findChild<QLabel*>(QStringLiteral("liveLabel"));
        // Reading goes on: the label counts what was read, the view keeps what it showed.
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QLatin1String("Paused"))
                && !label->text().endsWith(QStringLiteral("%1 read").arg(QLocale().toString(happy.size()))),
            kTimeoutMs);
        QVERIFY(!findRun(view, Test::kSparseRun));
        QCOMPARE(view->currentRun(), selected);

        // Resume: the held snapshot arrives; without "follow newest" the selection stays.
        view->setPaused(false);
        QVERIFY(findRun(view, Test::kSparseRun));
        QCOMPARE(view->currentRun()->runId, Test::kHappyRun);
    }

    // "Keep" bounds a long follow: a settled run older than it, on the server's clock, leaves the view.
    void keepLetsOldRunsGo()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString file = directory.filePath(kCurrent);
        MainWindow window;
        window.show();
        SourceView* view = window.followDirectory(directory.path());
        auto* keep = view->findChild<QSpinBox*>(QStringLiteral("keepMinutes"));
        QVERIFY(keep && keep->isVisibleTo(view));
        QCOMPARE(keep->value(), 60); // the default
        view->setRetentionMinutes(1);
        QCOMPARE(view->retentionSeconds(), 60.0);
        QCOMPARE(QSettings().value(QStringLiteral("live/keepMinutes")).toInt(), 1); // the next follow's too

        append(file, runLines(Test::kHappyFile, Test::kHappyRun).join());
        QTRY_VERIFY_WITH_TIMEOUT(findRun(view, Test::kHappyRun), kTimeoutMs);
        // Another run two minutes later on the server's clock.
        Test::RunLines later = Test::RunLines::fromFixture(Test::kSparseFile, Test::kSparseRun);
        for (QJsonObject& line : later.objects)
            line.insert(QStringLiteral("ts"), line.value(QLatin1String("ts")).toDouble() + 120);
        append(file, later.toJsonl());
        QTRY_VERIFY_WITH_TIMEOUT(findRun(view, Test::kSparseRun), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!findRun(view, Test::kHappyRun), kTimeoutMs);
        QCOMPARE(view->source()->runsLetGo, qint64(1));
        auto* label = view->findChild<QLabel*>(QStringLiteral("liveLabel"));
        QVERIFY2(label->text().endsWith(QStringLiteral(" · 1 older run let go")), qPrintable(label->text()));
        QSettings().remove(QStringLiteral("live/keepMinutes"));
    }

    void closingTheTabStopsFollowing()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        MainWindow window;
        window.followDirectory(directory.path());
        QCOMPARE(window.tabs()->count(), 1);
        window.tabs()->tabCloseRequested(0);
        QCOMPARE(window.tabs()->count(), 0);
        // The follower thread was joined with its tab; writing now reaches nobody.
        append(directory.filePath(kCurrent), runLines(Test::kHappyFile, Test::kHappyRun).join());
        QTest::qWait(300);
    }
};

QTEST_MAIN(tst_Live)
#include "tst_live.moc"
