// SPDX-License-Identifier: MIT
#include "triageloader.h"
#include "modellogging.h"
#include "workerpool.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

namespace Runlens {

namespace {

// Every input gives rows: its runs, or one row saying why it yields none.
TriageRows loadInput(const QString& path)
{
    return triageRows(readSource(path));
}

} // namespace

/// One load: the expansion of the paths, then the mapped reads; deleted once finished or superseded.
class TriageLoader::Job : public QObject
{
public:
    QFutureWatcher<QStringList> inputs;
    QFutureWatcher<TriageRows> reads;
};

TriageLoader::TriageLoader(QObject* parent)
    : QObject(parent)
{ }

TriageLoader::~TriageLoader()
{
    cancel();
    if (m_job) {
        m_job->reads.waitForFinished();
        m_job->inputs.waitForFinished();
    }
}

void TriageLoader::load(const QStringList& paths)
{
    cancel();
    const quint64 generation = ++m_generation;
    qCDebug(lcModel, "triage load %llu started: %lld paths", generation, static_cast<long long>(paths.size()));
    m_job = new Job;
    m_job->setParent(this);
    m_loading = true;
    Job* job = m_job;
    connect(&job->inputs, &QFutureWatcherBase::finished, this, [this, job, generation] {
        if (generation != m_generation || job->inputs.isCanceled())
            return;
        const QStringList inputs = job->inputs.result();
        emit progress(0, int(inputs.size()));
        connect(&job->reads, &QFutureWatcherBase::resultReadyAt, this, [this, job, generation](int index) {
            if (generation != m_generation)
                return;
            emit rowsReady(job->reads.resultAt(index));
        });
        connect(&job->reads, &QFutureWatcherBase::progressValueChanged, this, [this, job, generation](int done) {
            if (generation == m_generation)
                emit progress(done, job->reads.progressMaximum());
        });
        connect(&job->reads, &QFutureWatcherBase::finished, this, [this, job, generation] {
            if (generation != m_generation)
                return;
            m_loading = false;
            emit finished(job->reads.isCanceled());
        });
        job->reads.setFuture(QtConcurrent::mapped(inputs, loadInput));
    });
    job->inputs.setFuture(QtConcurrent::run(workerPool(), triageInputs, paths));
}

void TriageLoader::cancel()
{
    if (!m_job)
        return;
    Job* job = std::exchange(m_job, nullptr);
    const bool wasLoading = m_loading;
    qCDebug(lcModel, "triage load %llu %s", m_generation, wasLoading ? "canceled" : "done, let go");
    ++m_generation; // whatever the old job still reports is ignored
    m_loading = false;
    job->inputs.cancel();
    job->reads.cancel();
    // Deleted once its reads stop; a watcher must outlive its running future's signals.
    if (job->reads.isRunning() || job->inputs.isRunning()) {
        connect(&job->reads, &QFutureWatcherBase::finished, job, &QObject::deleteLater);
        connect(&job->inputs, &QFutureWatcherBase::finished, job, [job] {
            if (!job->reads.isRunning())
                job->deleteLater();
        });
    } else {
        job->deleteLater();
    }
    if (wasLoading)
        emit finished(true);
}

} // namespace Runlens
