// SPDX-License-Identifier: MIT
#include "runloader.h"
#include "jobtracker.h"
#include "source.h"
#include "sourcereader.h"
#include "timelinereader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace Runlens {

namespace {

// The context lupdate files these texts under.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::RunLoader)
};

} // namespace

RunLoader::RunLoader(QObject* parent)
    : QObject(parent)
    , m_jobs(new JobTracker(this))
{
    connect(m_jobs, &JobTracker::progress, this, &RunLoader::progress);
    connect(m_jobs, &JobTracker::canceled, this, &RunLoader::canceled);
}

RunLoader::~RunLoader() = default;

void RunLoader::load(const QString& path, double lastSeconds)
{
    m_lastSeconds = lastSeconds;
    m_jobs->start(
        [this, path, lastSeconds](const Job& job) {
            LoadControl control = job.loadControl();
            // Posted closures run only while this load is current, so `this` is alive when they do.
            control.partial = [this, job](SourcePtr partial) {
                job.post([this, partial = std::move(partial)] { emit partiallyLoaded(partial); });
            };
            std::optional<double> newest;
            if (lastSeconds > 0 && (newest = TimelineReader::newestTs(path)))
                control.window.since = *newest - lastSeconds;
            SourcePtr read = readSource(path, control);
            if (newest && read->label.isEmpty()) {
                auto source = std::make_shared<Source>(*read); // the runs are shared, not copied
                const QString from =
                    QDateTime::fromMSecsSinceEpoch(qint64(control.window.since * 1000), QTimeZone::utc())
                        .toString(Qt::ISODate);
                source->label = Tr::tr("the runs of the last %n minutes before its newest line: from %1 on", nullptr,
                    int(lastSeconds / 60))
                                    .arg(from);
                read = std::move(source);
            }
            return read;
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
