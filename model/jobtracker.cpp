// SPDX-License-Identifier: MIT
#include "jobtracker.h"

#include "modellogging.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <mutex>

namespace Runlens {

namespace JobDetail {

/// Lives on the tracker's thread and outlives the tracker as long as a job holds it, so that a job can
/// always queue its deliveries to it; the generation tells them whether they are still wanted.
class Relay : public QObject
{
public:
    std::atomic<quint64> generation { 0 }; // bumped by every start(), cancel() and the tracker's end
    JobTracker* tracker = nullptr; // read and written on the relay's thread only

    /// The tracker, if `job` is still its current job; on the relay's thread only.
    JobTracker* currentTracker(quint64 job) const { return generation.load() == job ? tracker : nullptr; }
};

// Deleted on its own thread, where queued deliveries may still wait for it.
struct RelayDeleter
{
    void operator()(Relay* relay) const
    {
        if (relay->thread() == QThread::currentThread() || !QCoreApplication::instance())
            delete relay; // no event loop will ever run a deleteLater() once the application is gone
        else
            relay->deleteLater();
    }
};

struct State
{
    State(std::shared_ptr<Relay> relay, quint64 generation)
        : relay(std::move(relay))
        , generation(generation)
    { }

    const std::shared_ptr<Relay> relay;
    const quint64 generation;

    std::mutex mutex; // guards the progress below
    int permille = 0;
    QString text;
    bool progressQueued = false;
    QElapsedTimer lastReport;
};

} // namespace JobDetail

using namespace JobDetail;

Job::Job(std::shared_ptr<State> state)
    : m_state(std::move(state))
{ }

bool Job::isCanceled() const
{
    return m_state->relay->generation.load(std::memory_order_relaxed) != m_state->generation;
}

void Job::setProgress(int permille, const QString& text) const
{
    {
        const std::lock_guard lock(m_state->mutex);
        m_state->permille = permille;
        m_state->text = text;
        const bool recent =
            m_state->lastReport.isValid() && !m_state->lastReport.hasExpired(JobTracker::kProgressIntervalMs);
        if (m_state->progressQueued || recent)
            return; // the queued report brings these values; else the next report after the interval does
        m_state->progressQueued = true;
        m_state->lastReport.start();
    }
    send(
        [state = m_state](JobTracker& tracker) {
            int permille = 0;
            QString text;
            {
                const std::lock_guard lock(state->mutex);
                permille = state->permille;
                text = state->text;
                state->progressQueued = false;
            }
            emit tracker.progress(permille, text);
        },
        false);
}

void Job::post(std::function<void()> deliver) const
{
    send([deliver = std::move(deliver)](JobTracker&) { deliver(); }, false);
}

void Job::finish(std::function<void()> deliver) const
{
    send([deliver = std::move(deliver)](JobTracker&) { deliver(); }, true);
}

void Job::send(std::function<void(JobTracker&)> deliver, bool last) const
{
    if (isCanceled())
        return; // dropped right here, on the worker
    QMetaObject::invokeMethod(
        m_state->relay.get(),
        [state = m_state, deliver = std::move(deliver), last]() mutable {
            JobTracker* tracker = state->relay->currentTracker(state->generation);
            if (!tracker) {
                // Superseded while on its way: what it carries may be big, so it is freed on a worker.
                releaseOnWorker(std::make_shared<const std::function<void(JobTracker&)>>(std::move(deliver)));
                return;
            }
            if (last)
                tracker->m_running = false; // so that `done` may start the next job
            deliver(*tracker);
        },
        Qt::QueuedConnection);
}

LoadControl Job::loadControl() const
{
    return { [job = *this] { return job.isCanceled(); },
        [job = *this](int permille, const QString& text) { job.setProgress(permille, text); }, {} };
}

JobTracker::JobTracker(QObject* parent)
    : QObject(parent)
    , m_relay(new Relay, RelayDeleter())
{
    m_relay->tracker = this;
}

// Who runs the job, for the log: the tracker's name, else its owner's class (RunLoader, SourceView, ...).
static QString logName(const QObject* tracker)
{
    if (!tracker->objectName().isEmpty() || !tracker->parent())
        return tracker->objectName();
    return QString::fromLatin1(tracker->parent()->metaObject()->className());
}

JobTracker::~JobTracker()
{
    ++m_relay->generation;
    m_relay->tracker = nullptr;
}

Job JobTracker::begin()
{
    if (m_running)
        qCDebug(lcModel, "%s: job %llu superseded", qPrintable(logName(this)), m_relay->generation.load());
    m_running = true;
    const quint64 generation = ++m_relay->generation;
    qCDebug(lcModel, "%s: job %llu started", qPrintable(logName(this)), generation);
    return Job(std::make_shared<State>(m_relay, generation));
}

void JobTracker::cancel()
{
    if (!m_running)
        return;
    qCDebug(lcModel, "%s: job %llu canceled", qPrintable(logName(this)), m_relay->generation.load());
    ++m_relay->generation;
    m_running = false;
    emit canceled();
}

void JobTracker::run(std::function<void()> task)
{
    workerPool()->start(std::move(task));
}

} // namespace Runlens
