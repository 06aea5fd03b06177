// SPDX-License-Identifier: MIT
#include "runloader.h"
#include "jobtracker.h"
#include "sourcereader.h"

namespace Runlens {

RunLoader::RunLoader(QObject* parent)
    : QObject(parent)
    , m_jobs(new JobTracker(this))
{
    connect(m_jobs, &JobTracker::progress, this, &RunLoader::progress);
    connect(m_jobs, &JobTracker::canceled, this, &RunLoader::canceled);
}

RunLoader::~RunLoader() = default;

void RunLoader::load(const QString& path)
{
    m_jobs->start(
        [this, path](const Job& job) {
            LoadControl control = job.loadControl();
            // Posted closures run only while this load is current, so `this` is alive when they do.
            control.partial = [this, job](SourcePtr partial) {
                job.post([this, partial = std::move(partial)] { emit partiallyLoaded(partial); });
            };
            return readSource(path, control);
        },
        [this](SourcePtr source) { emit loaded(std::move(source)); });
}

void RunLoader::cancel()
{
    m_jobs->cancel();
}

bool RunLoader::isLoading() const
{
    return m_jobs->isRunning();
}

} // namespace Runlens
