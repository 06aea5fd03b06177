// SPDX-License-Identifier: MIT
// JobTracker: the one way Runlens runs background work (issue 16). Superseded and cancelled jobs never
// deliver, results and progress arrive on the tracker's thread, throttled, and the work runs on the
// application's own pool.
#include "jobtracker.h"
#include "workerpool.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace Runlens;

namespace {

constexpr int kTimeoutMs = 10000;

// Waits until every worker is done and what they queued has arrived.
void drainWorkers()
{
    workerPool()->waitForDone();
    QCoreApplication::processEvents();
    QTest::qWait(20);
}

// Where a Probe was freed. Not a QThread*: waitForDone() deletes the pool's threads.
struct Freed
{
    std::atomic<bool> yet { false };
    std::atomic<bool> onWorker { false }; // on a workerPool() thread
};

struct Probe
{
    explicit Probe(std::shared_ptr<Freed> freed)
        : freed(std::move(freed))
    { }
    ~Probe()
    {
        freed->onWorker = workerPool()->contains(QThread::currentThread());
        freed->yet = true;
    }
    std::shared_ptr<Freed> freed;
};

} // namespace

class tst_JobTracker : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { drainWorkers(); }
    void deliversResult();
    void supersedeDropsOlderResult_data();
    void supersedeDropsOlderResult();
    void cancel_data();
    void cancel();
    void progressIsThrottled_data();
    void progressIsThrottled();
    void deliversOnTrackerThread();
    void runsOnOwnPool();
    void destroyedWhileRunning_data();
    void destroyedWhileRunning();
    void releaseOnWorker();
    void nestedEventLoopInDone();
};

void tst_JobTracker::deliversResult()
{
    JobTracker tracker;
    QVERIFY(!tracker.isRunning());
    int result = 0;
    tracker.start([](const Job&) { return 42; }, [&result](int value) { result = value; });
    QVERIFY(tracker.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(result, 42, kTimeoutMs);
    QVERIFY(!tracker.isRunning());

    bool done = false;
    tracker.start([](const Job&) {}, [&done] { done = true; }); // work without a result
    QTRY_VERIFY_WITH_TIMEOUT(done, kTimeoutMs);
}

void tst_JobTracker::supersedeDropsOlderResult_data()
{
    QTest::addColumn<bool>("olderStillWorking"); // else its result is already on its way to this thread

    QTest::addRow("superseded while working") << true;
    QTest::addRow("superseded with its result queued") << false;
}

void tst_JobTracker::supersedeDropsOlderResult()
{
    QFETCH(bool, olderStillWorking);

    JobTracker tracker;
    QSemaphore release;
    QSemaphore returned;
    auto older = std::make_shared<Freed>();
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    QStringList delivered;
    tracker.start(
        [&release, &returned, older, sawCancel](const Job& job) {
            release.acquire();
            sawCancel->store(job.isCanceled());
            returned.release();
            return std::make_shared<Probe>(older);
        },
        [&delivered](const std::shared_ptr<Probe>&) { delivered.append(QStringLiteral("older")); });
    if (!olderStillWorking) {
        release.release();
        QVERIFY(returned.tryAcquire(1, kTimeoutMs));
        QTest::qSleep(50); // posted, not yet delivered: this thread has not run its events
    }
    tracker.start([](const Job&) { return 2; }, [&delivered](int) { delivered.append(QStringLiteral("newer")); });
    if (olderStillWorking) {
        release.release();
        QVERIFY(returned.tryAcquire(1, kTimeoutMs));
        QVERIFY(sawCancel->load());
    }
    QTRY_COMPARE_WITH_TIMEOUT(delivered, QStringList { QStringLiteral("newer") }, kTimeoutMs);
    drainWorkers();
    QCOMPARE(delivered, QStringList { QStringLiteral("newer") });
    // The dropped result was freed on a worker, wherever it was dropped.
    QVERIFY(older->yet);
    QVERIFY(older->onWorker);
}

void tst_JobTracker::cancel_data()
{
    QTest::addColumn<bool>("posting"); // the work posts early results while it runs

    QTest::addRow("plain work") << false;
    QTest::addRow("work posting early results") << true;
}

void tst_JobTracker::cancel()
{
    QFETCH(bool, posting);

    JobTracker tracker;
    QSignalSpy canceled(&tracker, &JobTracker::canceled);
    tracker.cancel();
    QCOMPARE(canceled.count(), 0); // nothing to cancel

    std::atomic<int> rounds { 0 };
    std::atomic<bool> stopped { false };
    int posts = 0;
    bool done = false;
    tracker.start(
        [&rounds, &stopped, posting, &posts](const Job& job) {
            while (!job.isCanceled()) {
                ++rounds;
                if (posting)
                    job.post([&posts] { ++posts; });
                QThread::msleep(1);
            }
            stopped = true;
            return 1;
        },
        [&done](int) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(rounds > 3, kTimeoutMs);
    const int postsAtCancel = posts;
    tracker.cancel();
    QCOMPARE(canceled.count(), 1);
    QVERIFY(!tracker.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(stopped, kTimeoutMs); // the work saw the cancel and returned
    drainWorkers();
    QVERIFY(!done);
    QCOMPARE(posts, postsAtCancel); // what it posted, even before the cancel, never arrives after it
    tracker.cancel();
    QCOMPARE(canceled.count(), 1);
}

void tst_JobTracker::progressIsThrottled_data()
{
    QTest::addColumn<int>("reports");
    QTest::addColumn<int>("durationMs");

    QTest::addRow("burst") << 100000 << 0;
    QTest::addRow("steady, 2 per ms for 600 ms") << 1200 << 600;
    QTest::addRow("slow, every 250 ms") << 3 << 750;
}

void tst_JobTracker::progressIsThrottled()
{
    QFETCH(int, reports);
    QFETCH(int, durationMs);

    JobTracker tracker;
    QSignalSpy progress(&tracker, &JobTracker::progress);
    bool done = false;
    QElapsedTimer clock;
    clock.start();
    tracker.start(
        [reports, durationMs](const Job& job) {
            QElapsedTimer workClock;
            workClock.start();
            for (int i = 1; i <= reports; ++i) {
                job.setProgress(i * 1000 / reports, QStringLiteral("step %1").arg(i));
                const qint64 due = qint64(durationMs) * i / reports;
                if (due > workClock.elapsed())
                    QThread::msleep(quint64(due - workClock.elapsed()));
            }
        },
        [&done] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, kTimeoutMs);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(!progress.isEmpty());
    // At most one report per interval, and the first at once.
    QVERIFY2(progress.count() <= elapsed / JobTracker::kProgressIntervalMs + 2,
        qPrintable(QStringLiteral("%1 reports in %2 ms").arg(progress.count()).arg(elapsed)));
    // Each with the values set last when it was sent: a permille and the text set with it.
    int previousStep = 0;
    for (const QList<QVariant>& report : std::as_const(progress)) {
        const int step = report.at(1).toString().section(u' ', 1).toInt();
        QVERIFY2(step > previousStep && step <= reports, qPrintable(report.at(1).toString()));
        QCOMPARE(report.at(0).toInt(), step * 1000 / reports);
        previousStep = step;
    }
}

void tst_JobTracker::deliversOnTrackerThread()
{
    QThread* const gui = QThread::currentThread();
    JobTracker tracker;
    QThread* workThread = nullptr;
    QThread* postThread = nullptr;
    QThread* progressThread = nullptr;
    QThread* doneThread = nullptr;
    connect(&tracker, &JobTracker::progress, this, [&progressThread] { progressThread = QThread::currentThread(); });
    tracker.start(
        [&workThread, &postThread](const Job& job) {
            workThread = QThread::currentThread();
            job.setProgress(500, QStringLiteral("half"));
            job.post([&postThread] { postThread = QThread::currentThread(); });
            return 1;
        },
        [&doneThread](int) { doneThread = QThread::currentThread(); });
    QTRY_VERIFY_WITH_TIMEOUT(doneThread, kTimeoutMs);
    QVERIFY(workThread && workThread != gui);
    QCOMPARE(postThread, gui);
    QCOMPARE(progressThread, gui);
    QCOMPARE(doneThread, gui);
}

void tst_JobTracker::runsOnOwnPool()
{
    JobTracker tracker;
    bool ownPool = false;
    bool globalPool = true;
    bool done = false;
    tracker.start(
        [&ownPool, &globalPool](const Job&) {
            ownPool = workerPool()->contains(QThread::currentThread());
            globalPool = QThreadPool::globalInstance()->contains(QThread::currentThread());
        },
        [&done] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, kTimeoutMs);
    QVERIFY(ownPool);
    QVERIFY(!globalPool);
}

void tst_JobTracker::destroyedWhileRunning_data()
{
    QTest::addColumn<bool>("resultQueued"); // the result was posted before the tracker went

    QTest::addRow("work still running") << false;
    QTest::addRow("result on its way") << true;
}

void tst_JobTracker::destroyedWhileRunning()
{
    QFETCH(bool, resultQueued);

    auto tracker = std::make_unique<JobTracker>();
    QSemaphore release;
    QSemaphore returned;
    auto sawCancel = std::make_shared<std::atomic<bool>>(false);
    auto delivered = std::make_shared<int>(0);
    tracker->start(
        [&release, &returned, sawCancel](const Job& job) {
            job.post([] {});
            release.acquire();
            job.setProgress(10, QStringLiteral("late"));
            sawCancel->store(job.isCanceled());
            returned.release();
            return QStringLiteral("result");
        },
        [delivered](const QString&) { ++*delivered; });
    connect(tracker.get(), &JobTracker::progress, this, [delivered] { ++*delivered; });
    if (resultQueued) {
        release.release();
        QVERIFY(returned.tryAcquire(1, kTimeoutMs));
    }
    tracker.reset();
    if (!resultQueued) {
        release.release();
        QVERIFY(returned.tryAcquire(1, kTimeoutMs));
        QVERIFY(sawCancel->load());
    }
    drainWorkers();
    QCOMPARE(*delivered, 0);
}

void tst_JobTracker::releaseOnWorker()
{
    auto freed = std::make_shared<Freed>();
    auto probe = std::make_shared<const Probe>(freed);
    auto other = probe;
    Runlens::releaseOnWorker(std::move(probe));
    QVERIFY(!probe);
    drainWorkers();
    QVERIFY(!freed->yet); // another reference is left: nothing freed
    Runlens::releaseOnWorker(std::move(other));
    drainWorkers();
    QVERIFY(freed->yet);
    QVERIFY(freed->onWorker);
}

// A `done` that runs an event loop (a dialog) while the next job's result arrives, and then ends the tracker:
// the relay outlives the emptying of its mailbox that is still under way (ASan catches a relay deleted inside it).
void tst_JobTracker::nestedEventLoopInDone()
{
    auto* tracker = new JobTracker;
    int second = 0;
    bool firstDone = false;
    tracker->start([](const Job&) { return 1; },
        [&](int) {
            tracker->start([](const Job&) { return 2; }, [&second](int value) { second = value; });
            QTRY_COMPARE_WITH_TIMEOUT(second, 2, kTimeoutMs); // its own event loop: the mailbox is emptied inside
            delete tracker; // the last reference to the relay, while the outer emptying is under way
            tracker = nullptr;
            firstDone = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(firstDone, kTimeoutMs);
    QCOMPARE(second, 2);
}

QTEST_GUILESS_MAIN(tst_JobTracker)
#include "tst_jobtracker.moc"
