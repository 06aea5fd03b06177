// SPDX-License-Identifier: MIT
#pragma once

#include "triage.h"

#include <QObject>
#include <QStringList>

namespace Runlens {

class JobTracker;

/// Reads many inputs for a triage on the worker pool (a JobTracker), both cores, and reports each input
/// as it finishes, so that the board fills while the rest loads. A new load() cancels the old one.
class TriageLoader : public QObject
{
    Q_OBJECT
public:
    explicit TriageLoader(QObject* parent = nullptr);
    ~TriageLoader() override; // the reads stop before their next input, unwaited for

    /// Expands PATHs (Inputs::find()) and reads every input.
    void load(const QStringList& paths);
    void cancel();
    bool isLoading() const;

signals:
    /// The rows of one input: its runs, or one row without a run that says why it has none.
    void rowsReady(const Runlens::TriageRows& rows);
    void progress(int done, int total);
    void finished(bool canceled);

private:
    JobTracker* m_jobs;
    int m_done = 0; // inputs delivered of m_total
    int m_total = 0;
};

} // namespace Runlens
