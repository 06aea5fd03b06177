// SPDX-License-Identifier: MIT
#include "triageloader.h"
#include "sourcereader.h"

#include "inputs.h"
#include "jobtracker.h"
#include "parallel_p.h"

namespace Runlens {

TriageLoader::TriageLoader(QObject* parent)
    : QObject(parent)
    , m_jobs(new JobTracker(this))
{
    connect(m_jobs, &JobTracker::canceled, this, [this] { emit finished(true); });
}

TriageLoader::~TriageLoader() = default;

void TriageLoader::load(const QStringList& paths)
{
    cancel();
    // Posted closures run only while this load is current, so `this` is alive when they do.
    m_jobs->start(
        [this, paths](const Job& job) {
            const QStringList inputs = Inputs::find(paths);
            job.post([this, total = int(inputs.size())] {
                m_done = 0;
                m_total = total;
                emit progress(0, total);
            });
            // Both cores: this thread and a free pool thread take the inputs one by one.
            parallelFor(inputs.size(), [&](qsizetype i) {
                if (job.isCanceled())
                    return;
                // Every input gives rows: its runs, or one row saying why it yields none.
                TriageRows rows = triageRows(readSource(inputs.at(i)));
                job.post([this, rows = std::move(rows)] {
                    emit rowsReady(rows);
                    emit progress(++m_done, m_total);
                });
            });
        },
        [this] { emit finished(false); });
}

void TriageLoader::cancel()
{
    m_jobs->cancel(); // finished(true) when a load was under way
}

bool TriageLoader::isLoading() const
{
    return m_jobs->isRunning();
}

} // namespace Runlens
