// SPDX-License-Identifier: MIT
#include "livefollower.h"

#include "inputs.h"
#include "jobtracker.h"
#include "livetimeline.h"
#include "modellogging.h"
#include "timelinetailer.h"
#include "workerpool.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QTimer>

#include <atomic>
#include <deque>
#include <utility>

namespace Runlens {

/// What the polls read and build: the tailer, the runs so far and the line rate. Only one poll job uses it
/// at a time (the next starts once the one before delivered), so it needs no lock.
class LiveFollower::Tail
{
public:
    struct Result
    {
        SourcePtr snapshot; // null when nothing changed, or the last snapshot is younger than kSnapshotMs
        double linesPerSecond = 0;
        QStringList paths; // the directory and its timeline files, once it exists: a change wakes the poll
        bool more = false; // the read limit stopped this poll: poll again at once
    };

    Tail(QString directory, bool sinceStart, double retentionS)
        : m_directory(std::move(directory))
        , m_tailer(m_directory)
        , m_retentionS(retentionS)
    {
        if (!sinceStart)
            m_tailer.startAtEnd();
        m_clock.start();
    }

    /// From the GUI thread, while a poll may run.
    void setRetentionSeconds(double seconds) { m_retentionS.store(seconds); }

    Result poll()
    {
        m_live.setRetentionSeconds(m_retentionS.load());
        TailBatch batch = m_tailer.poll();
        Result result;
        result.more = batch.more;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 lines = qint64(batch.events.size());
        if (!batch.isEmpty()) {
            m_bytes += batch.bytes;
            m_dirty = true;
            m_live.applyBatch(std::move(batch), now);
        }
        if (!m_live.markIdle(now).empty())
            m_dirty = true;
        if (!m_live.evictSettled().empty()) {
            m_dirty = true;
            returnFreedMemory(); // what the snapshots shown still hold goes at a later eviction
        }
        countLines(lines);
        // A snapshot held back now goes out with a later poll: the poll timer keeps coming.
        if (m_dirty && (!m_lastSnapshot.isValid() || m_lastSnapshot.elapsed() >= LiveFollower::kSnapshotMs)) {
            result.snapshot = snapshot();
            result.linesPerSecond = double(m_recentLines);
        }
        result.paths = watchedPaths();
        return result;
    }

private:
    void countLines(qint64 lines)
    {
        const qint64 now = m_clock.elapsed();
        m_recent.emplace_back(now, lines);
        m_recentLines += lines;
        while (!m_recent.empty() && m_recent.front().first < now - 1000) {
            m_recentLines -= m_recent.front().second;
            m_recent.pop_front();
        }
    }

    SourcePtr snapshot()
    {
        auto source = std::make_shared<Source>();
        source->path = m_directory;
        source->kind = Source::Kind::TimelineDirectory;
        source->runs = m_live.runs();
        source->problems = m_live.problems();
        for (const RunPtr& run : source->runs)
            source->problems += run->problems; // as the reader lists them
        source->eventCount = m_live.eventCount();
        source->runsLetGo = m_live.evictedCount();
        source->inputBytes = m_bytes;
        m_dirty = false;
        m_lastSnapshot.start();
        return source;
    }

    QStringList watchedPaths() const
    {
        const QDir directory(m_directory);
        if (!directory.exists())
            return {};
        QStringList paths { m_directory };
        for (const QString& name : directory.entryList({ Inputs::timelinePattern() }, QDir::Files))
            paths.append(directory.filePath(name));
        return paths;
    }

    QString m_directory;
    TimelineTailer m_tailer;
    LiveTimeline m_live;
    QElapsedTimer m_clock;
    QElapsedTimer m_lastSnapshot;
    std::deque<std::pair<qint64, qint64>> m_recent; // (ms, lines) of the last second's polls
    qint64 m_recentLines = 0;
    qint64 m_bytes = 0;
    bool m_dirty = false;
    std::atomic<double> m_retentionS;
};

LiveFollower::LiveFollower(QObject* parent)
    : QObject(parent)
    , m_jobs(new JobTracker(this))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &LiveFollower::poll);
}

LiveFollower::~LiveFollower()
{
    stop();
}

void LiveFollower::start(const QString& directory, bool sinceStart)
{
    stop();
    m_tail = std::make_shared<Tail>(QDir(directory).absolutePath(), sinceStart, m_retentionS);
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &LiveFollower::poll);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &LiveFollower::poll);
    m_timer->start();
    poll();
}

void LiveFollower::setRetentionSeconds(double seconds)
{
    m_retentionS = seconds;
    if (m_tail)
        m_tail->setRetentionSeconds(seconds);
}

void LiveFollower::stop()
{
    m_timer->stop();
    m_jobs->cancel();
    m_pollAgain = false;
    delete m_watcher;
    m_watcher = nullptr;
    releaseOnWorker(std::move(m_tail)); // the runs so far; a poll under way holds it until it returns
}

void LiveFollower::poll()
{
    if (!m_tail)
        return;
    if (m_jobs->isRunning()) {
        m_pollAgain = true; // one poll at a time: the next follows this one
        return;
    }
    m_pollAgain = false;
    m_jobs->start([tail = m_tail](const Job&) { return tail->poll(); },
        [this](Tail::Result result) {
            if (result.snapshot)
                emit snapshot(std::move(result.snapshot), result.linesPerSecond);
            if (!m_tail)
                return; // stopped by whoever took the snapshot
            watch(result.paths);
            if (result.more || m_pollAgain)
                poll();
        });
}

void LiveFollower::watch(const QStringList& paths)
{
    const QStringList watched = m_watcher->directories() + m_watcher->files();
    QStringList added;
    for (const QString& path : paths) {
        if (!watched.contains(path))
            added.append(path);
    }
    if (!added.isEmpty())
        m_watcher->addPaths(added);
}

} // namespace Runlens
