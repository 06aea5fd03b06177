// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"

#include <QObject>
#include <QString>

class QThread;

namespace Runlens {

class LiveFollowerWorker;

/// Follows a timeline directory on a worker thread (TimelineTailer + LiveTimeline) and hands the
/// GUI a fresh Source at most every snapshotIntervalMs() while lines arrive. A file watcher wakes
/// it at once; a short poll covers file systems whose watchers miss changes.
class LiveFollower : public QObject
{
    Q_OBJECT
public:
    explicit LiveFollower(QObject* parent = nullptr);
    ~LiveFollower() override; // stops following and joins the worker

    /// Starts following `directory` (which may not exist yet), from the start of its files or
    /// only what is appended from now on. Restarts when already following.
    void start(const QString& directory, bool sinceStart = true);
    void stop();
    bool isFollowing() const { return m_worker != nullptr; }

    static constexpr int kPollMs = 100;
    static constexpr int kSnapshotMs = 250;

signals:
    /// The runs so far, rebuilt where new lines arrived; `linesPerSecond` over the last second.
    void snapshot(Runlens::SourcePtr source, double linesPerSecond);

private:
    QThread* m_thread = nullptr;
    LiveFollowerWorker* m_worker = nullptr;
};

} // namespace Runlens
