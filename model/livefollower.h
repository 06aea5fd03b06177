// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"

#include <QObject>
#include <QString>

#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace Runlens {

class JobTracker;

/// Follows a timeline directory (TimelineTailer + LiveTimeline) and hands the GUI a fresh Source at most
/// every kSnapshotMs while lines arrive. Each poll reads and rebuilds on the worker pool, one poll at a
/// time; a file watcher wakes it at once, and a short poll covers file systems whose watchers miss changes.
class LiveFollower : public QObject
{
    Q_OBJECT
public:
    explicit LiveFollower(QObject* parent = nullptr);
    ~LiveFollower() override; // stops following, never waits for a poll under way

    /// Starts following `directory` (which may not exist yet), from the start of its files or
    /// only what is appended from now on. Restarts when already following.
    void start(const QString& directory, bool sinceStart = true);
    /// Stops following; a poll under way finishes on its worker and its snapshot is dropped.
    void stop();
    bool isFollowing() const { return m_tail != nullptr; }
    /// Settled runs older than this (seconds before the newest line) leave memory; 0 keeps them all. Takes
    /// effect with the next poll.
    void setRetentionSeconds(double seconds);

    static constexpr int kPollMs = 100;
    static constexpr int kSnapshotMs = 250;

signals:
    /// The runs so far, rebuilt where new lines arrived; `linesPerSecond` over the last second.
    void snapshot(Runlens::SourcePtr source, double linesPerSecond);

private:
    class Tail;
    void poll();
    void watch(const QStringList& paths);

    std::shared_ptr<Tail> m_tail; // handed to one poll job at a time
    JobTracker* m_jobs;
    QTimer* m_timer;
    QFileSystemWatcher* m_watcher = nullptr;
    bool m_pollAgain = false; // woken while a poll was under way
    double m_retentionS = 0;
};

} // namespace Runlens
