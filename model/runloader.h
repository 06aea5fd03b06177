// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"
#include "sourcereader.h"

#include <QObject>
#include <QString>

namespace Runlens {

class JobTracker;

/// Reads a source with readSource() on the worker pool (a JobTracker); a newer load() or a cancel() drops
/// the result of the one before. While a timeline directory loads, partiallyLoaded() brings early views
/// (the runs of the files read so far); loaded() brings the whole source.
class RunLoader : public QObject
{
    Q_OBJECT
public:
    explicit RunLoader(QObject* parent = nullptr);
    ~RunLoader() override; // the read stops at its next check, unwaited for

    /// Reads `path`; with `lastSeconds`, only the runs that start in that many seconds before the newest line of
    /// a timeline (its files' end times tell, before anything is parsed), labelled so.
    void load(const QString& path, double lastSeconds = 0);
    /// The `lastSeconds` of the last load(), for a reload of the same.
    double lastSeconds() const { return m_lastSeconds; }
    void cancel();
    bool isLoading() const;

signals:
    void progress(int permille, const QString& text);
    void partiallyLoaded(Runlens::SourcePtr partial);
    void loaded(Runlens::SourcePtr source);
    void canceled();

private:
    JobTracker* m_jobs;
    double m_lastSeconds = 0;
};

} // namespace Runlens
