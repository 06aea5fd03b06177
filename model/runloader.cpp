// SPDX-License-Identifier: MIT
#include "runloader.h"
#include "activity.h"
#include "jobtracker.h"
#include "source.h"
#include "sourcereader.h"
#include "timelinereader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QTimeZone>

#include <cmath>
#include <optional>

namespace Runlens {

namespace {

// The context lupdate files these texts under.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::RunLoader)
};

QString isoTime(double ts)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(ts * 1000), QTimeZone::utc()).toString(Qt::ISODate);
}

QString lastMinutesLabel(double lastSeconds, double since)
{
    return Tr::tr("the runs of the last %n minutes before its newest line: from %1 on", nullptr, int(lastSeconds / 60))
        .arg(isoTime(since));
}

QString windowLabel(const TimeWindow& window)
{
    if (std::isinf(window.until))
        return Tr::tr("the runs that start from %1 on").arg(isoTime(window.since));
    if (std::isinf(window.since))
        return Tr::tr("the runs that start before %1").arg(isoTime(window.until));
    return Tr::tr("the runs that start from %1 to %2").arg(isoTime(window.since), isoTime(window.until));
}

} // namespace

RunLoader::RunLoader(QObject* parent)
    : QObject(parent)
    , m_jobs(new JobTracker(this))
    , m_activityJobs(new JobTracker(this))
{
    connect(m_jobs, &JobTracker::progress, this, &RunLoader::progress);
    connect(m_jobs, &JobTracker::canceled, this, &RunLoader::canceled);
}

RunLoader::~RunLoader() = default;

void RunLoader::load(const QString& path, const LoadRange& range)
{
    m_path = path;
    m_range = range;
    m_jobs->start(
        [this, path, range](const Job& job) {
            LoadControl control = job.loadControl();
            // Posted closures run only while this load is current, so `this` is alive when they do.
            control.partial = [this, job](SourcePtr partial) {
                job.post([this, partial = std::move(partial)] { emit partiallyLoaded(partial); });
            };
            control.window = range.window;
            std::optional<double> newest;
            if (range.lastSeconds > 0 && (newest = TimelineReader::newestTs(path)))
                control.window = { *newest - range.lastSeconds, control.window.until };
            SourcePtr read = readSource(path, control);
            if (!control.window.isAll() && read->label.isEmpty()) {
                auto source = std::make_shared<Source>(*read); // the runs are shared, not copied
                source->label =
                    newest ? lastMinutesLabel(range.lastSeconds, control.window.since) : windowLabel(control.window);
                read = std::move(source);
            }
            return read;
        },
        [this](SourcePtr source) { emit loaded(std::move(source)); });
    if (!range.isAll() && QFileInfo(path).isDir() && m_scannedPath != path)
        scanActivity(path);
}

void RunLoader::reload()
{
    m_scannedPath.clear();
    load(m_path, m_range);
}

void RunLoader::scanActivity(const QString& directory)
{
    m_scannedPath = directory;
    emit activityScanStarted();
    m_activityJobs->start(
        [directory](const Job& job) {
            return std::make_shared<const Activity>(Runlens::scanActivity(directory, job.loadControl()));
        },
        [this](std::shared_ptr<const Activity> activity) {
            if (activity->canceled)
                m_scannedPath.clear();
            else
                emit activityScanned(std::move(activity));
        });
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
