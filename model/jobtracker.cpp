// SPDX-License-Identifier: MIT
#include "jobtracker.h"

#include "modellogging.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QThread>

#include <atomic>
#include <mutex>
#include <utility>
#include <vector>

namespace Runlens {

namespace JobDetail {

/// One thing a job hands to its tracker's thread: a result, an early view, a progress report.
struct Delivery
{
    quint64 generation; // the job's: dropped unless it is still the tracker's current one
    bool last; // the result: the tracker stops running before `deliver` runs
    std::function<void(JobTracker&)> deliver;
};

/// Lives on the tracker's thread and outlives the tracker as long as a job holds it, so that a job can always
/// hand it deliveries; the generation tells them whether they are still wanted.
///
/// Jobs put deliveries in its mailbox under a std::mutex and post it one bare event to empty it, rather than
/// queue each as a lambda with QMetaObject::invokeMethod(): the mutex is then what hands a result from the
/// worker to the GUI thread, and ThreadSanitizer sees it (Qt's event queue, in Debian's uninstrumented Qt, it
/// does not). The mailbox holds no reference to a job, so nothing keeps the relay alive but the jobs and the
/// tracker themselves.
class Relay : public QObject
{
public:
    std::atomic<quint64> generation { 0 }; // bumped by every start(), cancel() and the tracker's end
    JobTracker* tracker = nullptr; // read and written on the relay's thread only
    // On the relay's thread only: a delivery may drop the last reference to it, and one that runs a dialog's
    // event loop may empty the mailbox again inside the outer emptying (hence a depth, not a flag).
    int draining = 0;

    ~Relay() override
    {
        for (Delivery& delivery : m_mail)
            dropOnWorker(std::move(delivery.deliver));
    }

    /// From any thread: `delivery` runs on the relay's thread, in the order posted.
    void post(Delivery delivery)
    {
        const std::lock_guard lock(m_mutex);
        m_mail.push_back(std::move(delivery));
        if (!std::exchange(m_drainPosted, true))
            QCoreApplication::postEvent(this, new QEvent(QEvent::User));
    }

protected:
    void customEvent(QEvent* /*event*/) override
    {
        std::vector<Delivery> mail;
        {
            const std::lock_guard lock(m_mutex);
            mail.swap(m_mail);
            m_drainPosted = false;
        }
        ++draining;
        for (Delivery& delivery : mail) {
            JobTracker* current = generation.load() == delivery.generation ? tracker : nullptr;
            if (!current) {
                // Superseded while on its way: what it carries may be big, so it is freed on a worker.
                dropOnWorker(std::move(delivery.deliver));
                continue;
            }
            if (delivery.last)
                current->m_running = false; // so that `done` may start the next job
            delivery.deliver(*current);
        }
        --draining;
    }

private:
    static void dropOnWorker(std::function<void(JobTracker&)>&& deliver)
    {
        releaseOnWorker(std::make_shared<const std::function<void(JobTracker&)>>(std::move(deliver)));
    }

    std::mutex m_mutex; // guards the mailbox
    std::vector<Delivery> m_mail;
    bool m_drainPosted = false;
};

// Deleted on its own thread, where an event to empty its mailbox may still wait for it.
struct RelayDeleter
{
    void operator()(Relay* relay) const
    {
        if (!QCoreApplication::instance() || (relay->thread() == QThread::currentThread() && relay->draining == 0))
            delete relay; // no event loop will ever run a deleteLater() once the application is gone
        else
            relay->deleteLater();
    }
};

/// The progress a job reported last, for the report on its way to the tracker to pick up when it arrives.
struct Progress
{
    std::mutex mutex;
    int permille = 0;
    QString text;
    bool queued = false;
    QElapsedTimer lastReport;
};

struct State
{
    State(std::shared_ptr<Relay> relay, quint64 generation)
        : relay(std::move(relay))
        , generation(generation)
    { }

    const std::shared_ptr<Relay> relay;
    const quint64 generation;
    const std::shared_ptr<Progress> progress = std::make_shared<Progress>();
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
    Progress& progress = *m_state->progress;
    {
        const std::lock_guard lock(progress.mutex);
        progress.permille = permille;
        progress.text = text;
        const bool recent =
            progress.lastReport.isValid() && !progress.lastReport.hasExpired(JobTracker::kProgressIntervalMs);
        if (progress.queued || recent)
            return; // the queued report brings these values; else the next report after the interval does
        progress.queued = true;
        progress.lastReport.start();
    }
    send(
        [progress = m_state->progress](JobTracker& tracker) {
            int permille = 0;
            QString text;
            {
                const std::lock_guard lock(progress->mutex);
                permille = progress->permille;
                text = progress->text;
                progress->queued = false;
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
    m_state->relay->post({ m_state->generation, last, std::move(deliver) });
}

LoadControl Job::loadControl() const
{
    return { [job = *this] { return job.isCanceled(); },
        [job = *this](int permille, const QString& text) { job.setProgress(permille, text); }, {}, {} };
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
    runOnWorker(std::move(task));
}

} // namespace Runlens
