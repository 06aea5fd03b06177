// SPDX-License-Identifier: MIT
#pragma once

#include "loadcontrol.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace Runlens {

class JobTracker;

namespace JobDetail {
class Relay;
struct State;
} // namespace JobDetail

/// What a job's work sees of its JobTracker: whether to stop, and how to report progress and hand over
/// results before the end. JobTracker::start() passes one to the work; copies speak for the same job and
/// may be used from any thread.
class Job
{
public:
    /// True once the job was superseded by a newer one, cancelled, or its tracker destroyed. The work
    /// should then return soon, with anything: its result is dropped.
    bool isCanceled() const;
    /// How far the work is (0-1000) and what it does. Throttled: a report reaches JobTracker::progress()
    /// only when the one before is at least JobTracker::kProgressIntervalMs old, with the values set last;
    /// the reports in between are skipped, not queued.
    void setProgress(int permille, const QString& text) const;
    /// Runs `deliver` on the tracker's thread if this job is still the tracker's current one by then; else
    /// it is destroyed on a worker (see releaseOnWorker()) without being called. For results that come
    /// before the end: an early view, one input's rows.
    void post(std::function<void()> deliver) const;
    /// isCanceled() and setProgress() for the readers that take a LoadControl.
    LoadControl loadControl() const;

private:
    friend class JobTracker;
    explicit Job(std::shared_ptr<JobDetail::State> state);
    /// Delivers the result: like post(), and the tracker stops running first.
    void finish(std::function<void()> deliver) const;
    void send(std::function<void(JobTracker&)> deliver, bool last) const;

    std::shared_ptr<JobDetail::State> m_state;
};

/// Runs one owner's background work, one current job at a time, in the manner of KDAB Hotspot's JobTracker:
///
/// - the work runs on workerPool(), never on Qt's global pool, which the raster engine needs for repaints;
/// - start() supersedes the job before it: that job's Job::isCanceled() turns true, and its result and
///   whatever it posted that has not arrived yet are dropped, never delivered;
/// - the result reaches the `done` callback on the thread the tracker lives on (queued), so `done` may
///   touch widgets; a result dropped there is freed on a worker;
/// - progress reaches progress() at most ten times a second, so a fast reader cannot flood the GUI;
/// - destroying the tracker cancels its job without waiting for it, and no callback runs after that, so
///   callbacks may use the tracker's parent.
///
/// The work runs on another thread: it must own what it uses (capture by value) and leave the tracker and
/// its owner alone. A superseded job keeps its thread until it returns, so long work polls isCanceled().
/// Independent jobs that must all deliver (two writes in a row) take a tracker each.
class JobTracker : public QObject
{
    Q_OBJECT
public:
    static constexpr int kProgressIntervalMs = 100;

    explicit JobTracker(QObject* parent = nullptr);
    ~JobTracker() override; // cancels the job, never waits for it

    /// Starts `work(const Job&)` on workerPool(), superseding the running job (without canceled()). Unless
    /// superseded or cancelled before it ends, `done(result)` then runs on this tracker's thread (`done()`
    /// when the work returns void). Both are copied, the result moved.
    template <typename Work, typename Done> void start(Work work, Done done);
    /// Drops the running job's result and emits canceled(); nothing when no job runs.
    void cancel();
    /// From start() until the result is delivered or the job cancelled.
    bool isRunning() const { return m_running; }

signals:
    /// The current job's progress, throttled (see Job::setProgress()).
    void progress(int permille, const QString& text);
    /// cancel() stopped a job.
    void canceled();

private:
    friend class Job;
    friend class JobDetail::Relay; // delivers the result
    Job begin();
    static void run(std::function<void()> task);

    std::shared_ptr<JobDetail::Relay> m_relay;
    bool m_running = false;
};

template <typename Work, typename Done> void JobTracker::start(Work work, Done done)
{
    using Result = std::invoke_result_t<Work&, const Job&>;
    const Job job = begin();
    run([job, work = std::move(work), done = std::move(done)]() mutable {
        if constexpr (std::is_void_v<Result>) {
            work(job);
            job.finish(std::move(done));
        } else {
            job.finish([result = work(job), done = std::move(done)]() mutable { done(std::move(result)); });
        }
    });
}

} // namespace Runlens
