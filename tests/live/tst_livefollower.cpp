// SPDX-License-Identifier: MIT
// LiveFollower without the window: its worker thread follows a directory while the test appends real
// fixture lines in pieces and truncates the file, and the snapshots it hands this thread end up with
// what readSource() reads from the same lines. Built under ThreadSanitizer by the tsan preset.
#include "livefollower.h"
#include "runfixture.h"
#include "source.h"
#include "sourcereader.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Runlens;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kCurrent = QStringLiteral("events-20261124.jsonl");

QByteArray fixtureBytes(const QString& file)
{
    QFile input(Test::fixture(file));
    if (!input.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file));
    return input.readAll();
}

bool write(const QString& path, const QByteArray& bytes, QIODevice::OpenMode mode)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | mode) && file.write(bytes) == bytes.size();
}

QStringList runIds(const Source& source)
{
    QStringList ids;
    for (const RunPtr& run : source.runs)
        ids.append(run->sessionId + QLatin1Char('/') + run->runId);
    return ids;
}

} // namespace

class tst_LiveFollower : public QObject
{
    Q_OBJECT
private slots:
    void followsAppendsInPieces();
    void truncatedFileIsReadAgain();
    void restartAndStopJoinTheWorker();
    void retentionLetsSettledRunsGo();

private:
    // The latest snapshot once it holds `events` events, or nullptr on timeout.
    static SourcePtr waitForEvents(LiveFollower& follower, qint64 events);
};

SourcePtr tst_LiveFollower::waitForEvents(LiveFollower& follower, qint64 events)
{
    SourcePtr latest;
    const QMetaObject::Connection connection = connect(&follower, &LiveFollower::snapshot,
        [&latest](const SourcePtr& source, double /*linesPerSecond*/) { latest = source; });
    const bool reached = QTest::qWaitFor([&] { return latest && latest->eventCount == events; }, kTimeoutMs);
    disconnect(connection);
    return reached ? latest : nullptr;
}

void tst_LiveFollower::followsAppendsInPieces()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(kCurrent);
    const QByteArray bytes = fixtureBytes(Test::kHappyFile);
    const qint64 lines = bytes.count('\n');

    LiveFollower follower;
    follower.start(dir.path()); // the directory is empty: the worker waits for the file
    QVERIFY(follower.isFollowing());
    // Pieces cut inside lines, written while the worker thread polls.
    constexpr int kPieces = 7;
    const qsizetype piece = bytes.size() / kPieces + 1;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        QVERIFY(write(path, bytes.mid(at, piece), QIODevice::Append));
        QTest::qWait(20);
    }
    const SourcePtr live = waitForEvents(follower, lines);
    QVERIFY2(live, "the follower never delivered every line");

    const SourcePtr read = readSource(dir.path());
    QCOMPARE(live->eventCount, read->eventCount);
    QCOMPARE(runIds(*live), runIds(*read));
    QCOMPARE(live->kind, Source::Kind::TimelineDirectory);
}

// With a retention, settled runs older than it (server clock) leave the snapshots, which count them.
void tst_LiveFollower::retentionLetsSettledRunsGo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray bytes = fixtureBytes(Test::kHappyFile);
    const SourcePtr read = readSource(Test::fixture(Test::kHappyFile));
    QVERIFY(read->runs.size() > 2);
    double newest = 0;
    for (const RunPtr& run : read->runs)
        newest = std::max(newest, run->events.back().ts);
    const double retention = 0.005; // the fixture's runs are a few milliseconds apart
    int old = 0; // settled before the newest line by more than the retention
    for (const RunPtr& run : read->runs)
        old += run->events.back().ts < newest - retention ? 1 : 0;
    QVERIFY(old > 0);

    LiveFollower follower;
    follower.setRetentionSeconds(retention);
    follower.start(dir.path());
    QVERIFY(write(dir.filePath(kCurrent), bytes, QIODevice::Append));
    const SourcePtr live = waitForEvents(follower, bytes.count('\n'));
    QVERIFY(live);
    QCOMPARE(live->runsLetGo, qint64(old));
    QCOMPARE(live->runs.size() + size_t(old), read->runs.size());
    for (const QString& id : runIds(*live))
        QVERIFY(runIds(*read).contains(id));
}

void tst_LiveFollower::truncatedFileIsReadAgain()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(kCurrent);
    const QByteArray first = fixtureBytes(Test::kSparseFile);
    const QByteArray second = fixtureBytes(Test::kErrorFile);

    LiveFollower follower;
    QVERIFY(write(path, first, QIODevice::Truncate));
    follower.start(dir.path());
    QVERIFY(waitForEvents(follower, first.count('\n')));

    // Truncated and written again: the new content is read from its start.
    QVERIFY(write(path, second, QIODevice::Truncate));
    const SourcePtr live = waitForEvents(follower, first.count('\n') + second.count('\n'));
    QVERIFY2(live, "the follower never read the truncated file again");
    bool truncation = false;
    for (const Diagnostic& problem : live->problems)
        truncation = truncation || problem.code == QLatin1String("file-truncated");
    QVERIFY(truncation);
}

void tst_LiveFollower::restartAndStopJoinTheWorker()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray bytes = fixtureBytes(Test::kErrorFile);
    QVERIFY(write(dir.filePath(kCurrent), bytes, QIODevice::Truncate));

    LiveFollower follower;
    for (int i = 0; i < 3; ++i) {
        follower.start(dir.path()); // stops and joins the previous worker first
        QVERIFY(waitForEvents(follower, bytes.count('\n')));
    }
    follower.start(dir.path(), /*sinceStart=*/false); // only what is appended from now on
    follower.stop();
    QVERIFY(!follower.isFollowing());
    follower.stop(); // twice is harmless
}

QTEST_GUILESS_MAIN(tst_LiveFollower)
#include "tst_livefollower.moc"
