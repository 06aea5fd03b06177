// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"
#include "sourcereader.h"
#include "timewindow.h"

#include <memory>

#include <QObject>
#include <QString>

namespace Runlens {

class JobTracker;
struct Activity;

/// Which runs of a timeline to read: all of them, those of the last so many seconds before its newest line, or
/// those that start in a window.
struct LoadRange
{
    double lastSeconds = 0; // > 0: counted back from the newest line, which its files' end times tell
    TimeWindow window; // otherwise

    bool isAll() const { return lastSeconds <= 0 && window.isAll(); }
};

/// Reads a source with readSource() on the worker pool (a JobTracker); a newer load() or a cancel() drops
/// the result of the one before. While a timeline directory loads, partiallyLoaded() brings early views
/// (the runs of the files read so far); loaded() brings the whole source. When only a span of a directory is
/// read, a quick pass over the whole directory (scanActivity()) runs beside the read and brings its runs over
/// time (activityScanned()), to choose another span from.
class RunLoader : public QObject
{
    Q_OBJECT
public:
    explicit RunLoader(QObject* parent = nullptr);
    ~RunLoader() override; // the read stops at its next check, unwaited for

    /// Reads the runs of `range` from `path`, labelled with the span. The activity of a directory is scanned
    /// once, and again after reload().
    void load(const QString& path, const LoadRange& range = {});
    /// The same path and range again, the activity scanned again: the directory may have grown.
    void reload();
    /// The range of the last load().
    const LoadRange& range() const { return m_range; }
    void cancel();
    bool isLoading() const;

signals:
    void progress(int permille, const QString& text);
    void partiallyLoaded(Runlens::SourcePtr partial);
    void loaded(Runlens::SourcePtr source);
    void canceled();
    /// A load of a span of a directory started the scan of the whole directory's runs over time.
    void activityScanStarted();
    /// The whole directory's runs over time, for a load of a span of it.
    void activityScanned(std::shared_ptr<const Runlens::Activity> activity);

private:
    void scanActivity(const QString& directory);

    JobTracker* m_jobs;
    JobTracker* m_activityJobs;
    QString m_path;
    LoadRange m_range;
    QString m_scannedPath; // the directory whose activity was scanned or is being scanned
};

} // namespace Runlens
