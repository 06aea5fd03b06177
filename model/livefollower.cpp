// SPDX-License-Identifier: MIT
#include "livefollower.h"

#include "livetimeline.h"
#include "modellogging.h"
#include "timelinetailer.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QThread>
#include <QTimer>

#include <deque>
#include <utility>

namespace Runlens {

/// Lives on the follower's thread; owns the tailer, the live timeline and the watcher.
class LiveFollowerWorker : public QObject
{
    Q_OBJECT
public:
    LiveFollowerWorker(QString directory, bool sinceStart)
        : m_directory(std::move(directory))
        , m_tailer(m_directory)
    {
        if (!sinceStart)
            m_tailer.startAtEnd();
    }

    void begin()
    {
        m_pollTimer = new QTimer(this);
        m_pollTimer->setInterval(LiveFollower::kPollMs);
        connect(m_pollTimer, &QTimer::timeout, this, &LiveFollowerWorker::poll);
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &LiveFollowerWorker::poll);
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &LiveFollowerWorker::poll);
        m_clock.start();
        m_pollTimer->start();
        poll();
    }

signals:
    void snapshot(Runlens::SourcePtr source, double linesPerSecond);

private:
    void poll()
    {
        TailBatch batch = m_tailer.poll();
        const bool more = batch.more;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 lines = qint64(batch.events.size());
        if (!batch.isEmpty()) {
            m_bytes += batch.bytes;
            m_dirty = true;
            m_live.applyBatch(std::move(batch), now);
        }
        if (!m_live.markIdle(now).empty())
            m_dirty = true;
        countLines(lines);
        watchFiles();
        if (m_dirty && (!m_lastSnapshot.isValid() || m_lastSnapshot.elapsed() >= LiveFollower::kSnapshotMs))
            emitSnapshot();
        if (more)
            QTimer::singleShot(0, this, &LiveFollowerWorker::poll); // the read limit stopped this poll
        else if (m_dirty)
            QTimer::singleShot(LiveFollower::kSnapshotMs, this, &LiveFollowerWorker::poll); // the held-back snapshot
    }

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

    void emitSnapshot()
    {
        auto source = std::make_shared<Source>();
        source->path = m_directory;
        source->kind = Source::Kind::TimelineDirectory;
        source->runs = m_live.runs();
        source->problems = m_live.problems();
        for (const RunPtr& run : source->runs)
            source->problems += run->problems; // as the reader lists them
        source->eventCount = m_live.eventCount();
        source->inputBytes = m_bytes;
        m_dirty = false;
        m_lastSnapshot.start();
        emit snapshot(std::move(source), double(m_recentLines));
    }

    // The directory, once it exists, and its timeline files: a change wakes the poll at once.
    void watchFiles()
    {
        const QDir directory(m_directory);
        if (!directory.exists())
            return;
        if (!m_watcher->directories().contains(m_directory))
            m_watcher->addPath(m_directory);
        const QStringList files = directory.entryList({ QStringLiteral("events-*.jsonl") }, QDir::Files);
        for (const QString& name : files) {
            const QString path = directory.filePath(name);
            if (!m_watcher->files().contains(path))
                m_watcher->addPath(path);
        }
    }

    QString m_directory;
    TimelineTailer m_tailer;
    LiveTimeline m_live;
    QTimer* m_pollTimer = nullptr;
    QFileSystemWatcher* m_watcher = nullptr;
    QElapsedTimer m_clock;
    QElapsedTimer m_lastSnapshot;
    std::deque<std::pair<qint64, qint64>> m_recent; // (ms, lines) of the last second's polls
    qint64 m_recentLines = 0;
    qint64 m_bytes = 0;
    bool m_dirty = false;
};

LiveFollower::LiveFollower(QObject* parent)
    : QObject(parent)
{ }

LiveFollower::~LiveFollower()
{
    stop();
}

void LiveFollower::start(const QString& directory, bool sinceStart)
{
    stop();
    qCDebug(lcLive, "following %ls%s", qUtf16Printable(directory), sinceStart ? "" : " (from its end)");
    m_thread = new QThread(this);
    m_worker = new LiveFollowerWorker(QDir(directory).absolutePath(), sinceStart);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &LiveFollowerWorker::begin);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LiveFollowerWorker::snapshot, this, &LiveFollower::snapshot); // queued to our thread
    m_thread->start();
}

void LiveFollower::stop()
{
    if (!m_thread)
        return;
    qCDebug(lcLive, "following stopped");
    m_thread->quit();
    m_thread->wait();
    delete m_thread; // the worker was deleted by deleteLater as the thread finished
    m_thread = nullptr;
    m_worker = nullptr;
}

} // namespace Runlens

#include "livefollower.moc"
