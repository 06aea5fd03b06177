// SPDX-License-Identifier: MIT
#include "activity.h"
#include "runloader.h"
#include "source.h"
#include "sourcereader.h"
#include "synthdir.h"
#include "testdata.h"
#include "timelinereader.h"
#include "workerpool.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Runlens;

class tst_RunLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void loads_data();
    void loads();
    void supersededLoadIsDropped();
    void cancel();
    void cancelWhenIdleDoesNothing();
    void reportsProgress();
    void earlyViewsBeforeTheWhole();
    void lastSecondsOnly();

private:
    // A timeline big enough for the reader to report progress and check for cancellation.
    QString bigTimeline();

    QTemporaryDir m_dir;
};

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

// Waits until no worker is left, so that a dropped result would have had every chance to arrive.
void drainWorkers()
{
    workerPool()->waitForDone();
    QTest::qWait(50);
}

} // namespace

void tst_RunLoader::initTestCase()
{
    QVERIFY(QFileInfo(happyDirectory()).isDir());
    QVERIFY(QFileInfo(errorPack()).isFile());
    QVERIFY(m_dir.isValid());
}

void tst_RunLoader::cleanup()
{
    drainWorkers();
}

QString tst_RunLoader::bigTimeline()
{
    QString path = m_dir.filePath(QStringLiteral("big.jsonl")); // not const: returned, so moved
    if (QFileInfo::exists(path))
        return path;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray bytes;
    constexpr int kLines = 100000; // the reader reports progress every 16384 lines
    for (int i = 0; i < kLines; ++i) {
        bytes += R"({"ts":)" + QByteArray::number(1795560451.0 + i * 0.001, 'f', 3)
            + R"(,"type":"log","name":"work","status":"ok","session_id":"s)" + QByteArray::number(i % 7)
            + R"(","run_id":"r)" + QByteArray::number(i % 7) + R"(","attrs":{"i":)" + QByteArray::number(i) + "}}\n";
    }
    file.write(bytes);
    return path;
}

void tst_RunLoader::loads_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("runs");

    QTest::addRow("timeline directory") << happyDirectory() << true << 4;
    QTest::addRow("runpack") << errorPack() << true << 1;
    QTest::addRow("missing path") << Test::fixture() + QStringLiteral("/no/such/file.zip") << false << 0;
}

void tst_RunLoader::loads()
{
    QFETCH(QString, path);
    QFETCH(bool, ok);
    QFETCH(int, runs);

    RunLoader loader;
    QSignalSpy loaded(&loader, &RunLoader::loaded);
    QSignalSpy canceled(&loader, &RunLoader::canceled);
    loader.load(path);
    QVERIFY(loader.isLoading());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
    QVERIFY(!loader.isLoading());
    const SourcePtr source = loaded.at(0).at(0).value<SourcePtr>();
    QVERIFY(source);
    QCOMPARE(source->path, path);
    QCOMPARE(source->ok(), ok);
    QCOMPARE(int(source->runs.size()), runs);
    QCOMPARE(canceled.count(), 0);
}

// File > Open Directory's "last hour": only the runs that start within that span before the newest line, as a
// --since window from the newest line would give, labelled so; a reload keeps the span.
void tst_RunLoader::lastSecondsOnly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SynthStats stats;
    QVERIFY(Test::writeRotatedTimeline(dir.path(), 20'000, 8, 4, &stats));
    const SourcePtr whole = readSource(dir.path());
    double newest = 0;
    for (const RunPtr& run : whole->runs)
        newest = std::max(newest, run->events.back().ts);
    QCOMPARE(TimelineReader::newestTs(dir.path()).value_or(0), newest);
    constexpr double kSpan = 120;
    QStringList expected;
    for (const RunPtr& run : whole->runs) {
        if (run->startedAt >= newest - kSpan)
            expected.append(run->sessionId + u'/' + run->runId);
    }
    QVERIFY(!expected.isEmpty() && expected.size() < int(whole->runs.size()) / 2);

    RunLoader loader;
    QSignalSpy loaded(&loader, &RunLoader::loaded);
    QSignalSpy scanned(&loader, &RunLoader::activityScanned);
    loader.load(dir.path(), LoadRange { kSpan, {} });
    QCOMPARE(loader.range().lastSeconds, kSpan);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
    const SourcePtr source = loaded.at(0).at(0).value<SourcePtr>();
    QStringList got;
    for (const RunPtr& run : source->runs)
        got.append(run->sessionId + u'/' + run->runId);
    got.sort();
    expected.sort();
    QCOMPARE(got, expected);
    QVERIFY2(source->label.startsWith(QLatin1String("the runs of the last 2 minutes before its newest line: from ")),
        qPrintable(source->label));
    QCOMPARE(source->window.since, newest - kSpan);

    // Beside the read of the span, the whole directory's runs over time; another span of it is not scanned again.
    QTRY_COMPARE_WITH_TIMEOUT(scanned.count(), 1, 10000);
    const auto activity = scanned.at(0).at(0).value<std::shared_ptr<const Activity>>();
    QCOMPARE(activity->total(0, int(activity->bins.size()) - 1).runs, quint32(whole->runs.size()));
    loader.load(dir.path(), LoadRange { 0, { newest - 2 * kSpan, newest - kSpan } });
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 10000);
    const SourcePtr earlier = loaded.at(1).at(0).value<SourcePtr>();
    QVERIFY2(earlier->label.startsWith(QLatin1String("the runs that start from ")), qPrintable(earlier->label));
    for (const RunPtr& run : earlier->runs)
        QVERIFY(run->startedAt >= newest - 2 * kSpan && run->startedAt < newest - kSpan);
    QVERIFY(!earlier->runs.empty());
    drainWorkers();
    QCOMPARE(scanned.count(), 1);
    // A reload scans again: the directory may have grown.
    loader.reload();
    QTRY_COMPARE_WITH_TIMEOUT(scanned.count(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, 10000);
    QCOMPARE(loaded.at(2).at(0).value<SourcePtr>()->label, earlier->label);
}

void tst_RunLoader::supersededLoadIsDropped()
{
    RunLoader loader;
    QSignalSpy loaded(&loader, &RunLoader::loaded);
    loader.load(bigTimeline());
    loader.load(errorPack());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
    drainWorkers();
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).value<SourcePtr>()->path, errorPack());
}

void tst_RunLoader::cancel()
{
    RunLoader loader;
    QSignalSpy loaded(&loader, &RunLoader::loaded);
    QSignalSpy canceled(&loader, &RunLoader::canceled);
    loader.load(bigTimeline());
    loader.cancel();
    QCOMPARE(canceled.count(), 1);
    QVERIFY(!loader.isLoading());
    drainWorkers();
    QCOMPARE(loaded.count(), 0);

    // The loader stays usable after a cancel.
    loader.load(errorPack());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
    QCOMPARE(loaded.at(0).at(0).value<SourcePtr>()->path, errorPack());
    QCOMPARE(canceled.count(), 1);
}

void tst_RunLoader::cancelWhenIdleDoesNothing()
{
    RunLoader loader;
    QSignalSpy canceled(&loader, &RunLoader::canceled);
    loader.cancel();
    QCOMPARE(canceled.count(), 0);
}

void tst_RunLoader::reportsProgress()
{
    RunLoader loader;
    QSignalSpy progress(&loader, &RunLoader::progress);
    QSignalSpy loaded(&loader, &RunLoader::loaded);
    loader.load(bigTimeline());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
    QCOMPARE(int(loaded.at(0).at(0).value<SourcePtr>()->runs.size()), 7);
    QVERIFY(!progress.isEmpty());
    int previous = -1;
    for (const QList<QVariant>& arguments : std::as_const(progress)) {
        const int permille = arguments.at(0).toInt();
        QVERIFY2(permille > previous && permille <= 1000, qPrintable(QString::number(permille)));
        previous = permille;
        // A watcher attached to a started future first replays the initial state: 0, no text.
        if (permille > 0)
            QVERIFY2(!arguments.at(1).toString().isEmpty(), qPrintable(QString::number(permille)));
    }
}

void tst_RunLoader::earlyViewsBeforeTheWhole()
{
    const QString directory = m_dir.filePath(QStringLiteral("rotated"));
    SynthStats stats;
    QVERIFY(Test::writeRotatedTimeline(directory, 60000, 20, 40, &stats));

    RunLoader loader;
    QStringList order; // "partial N" and "whole N", N runs
    connect(&loader, &RunLoader::partiallyLoaded, this, [&order](const SourcePtr& partial) {
        order.append(QStringLiteral("%1 %2")
                         .arg(partial->partial ? QStringLiteral("partial") : QStringLiteral("whole?"))
                         .arg(partial->runs.size()));
    });
    QSignalSpy loaded(&loader, &RunLoader::loaded);
    loader.load(directory);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
    const SourcePtr whole = loaded.at(0).at(0).value<SourcePtr>();
    QVERIFY(!whole->partial);
    QCOMPARE(whole->eventCount, stats.events);
    QVERIFY2(!order.isEmpty(), "no early view arrived");
    for (const QString& entry : std::as_const(order)) {
        QVERIFY2(entry.startsWith(QLatin1String("partial ")), qPrintable(entry));
        QVERIFY2(entry.section(u' ', 1).toULongLong() < whole->runs.size(), qPrintable(entry));
    }
    drainWorkers();
    const qsizetype early = order.size();
    QTest::qWait(100);
    QCOMPARE(order.size(), early); // none after the whole
}

QTEST_GUILESS_MAIN(tst_RunLoader)
#include "tst_runloader.moc"
