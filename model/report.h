// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"

#include <QByteArray>
#include <QJsonArray>

#include <functional>

namespace Runlens {

/// Which runs of a source a report covers; empty fields match everything.
struct RunFilter
{
    QString sessionId;
    QString runId;
    bool matches(const Run& run) const;
};

/// Supplies each run's hints as JSON objects {kind, severity, msg, why, ...}; the model layer does
/// not know the detectors, the caller does.
using HintsProvider = std::function<QJsonArray(const Run&)>;

/// The CLI report contract: {"source", "runs": [...], "problems": [...]}; keys are added, never renamed.
/// `hints` is called for several runs at once, from worker threads.
QByteArray reportJson(const Source& source, const RunFilter& filter, const HintsProvider& hints);
/// The same text, handed to `write` piece by piece in order, so that a big report is never whole in memory.
void writeReportJson(const Source& source, const RunFilter& filter, const HintsProvider& hints,
    const std::function<void(const QByteArray&)>& write);
QByteArray reportMarkdown(const Source& source, const RunFilter& filter, const HintsProvider& hints);
QByteArray reportText(const Source& source, const RunFilter& filter, const HintsProvider& hints);
/// One line per run: session, run, status, event count.
QByteArray runsListText(const Source& source, const RunFilter& filter);

/// The names of the events that decided a stage cell, in evidence order, without repeats.
QStringList decidingNames(const Run& run, const StageCell& cell);
/// A duration for people: "12 ms", "1.25 s".
QString formatDuration(double ms);

} // namespace Runlens
