// SPDX-License-Identifier: MIT
#pragma once

#include "triage.h"

#include <QObject>
#include <QStringList>

namespace Runlens {

/// Reads many inputs for a triage on the thread pool, both cores, and reports each input as it
/// finishes, so that the board fills while the rest loads. A new load() supersedes the old one.
class TriageLoader : public QObject
{
    Q_OBJECT
public:
    explicit TriageLoader(QObject* parent = nullptr);
    ~TriageLoader() override; // cancels and waits for the running load

    /// Expands PATHs (triageInputs()) and reads every input.
    void load(const QStringList& paths);
    void cancel();
    bool isLoading() const { return m_loading; }

signals:
    /// The rows of one input: its runs, or one row without a run that says why it has none.
    void rowsReady(const Runlens::TriageRows& rows);
    void progress(int done, int total);
    void finished(bool canceled);

private:
    class Job;
    Job* m_job = nullptr;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace Runlens
