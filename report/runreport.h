// SPDX-License-Identifier: MIT
#pragma once

#include "hintreport.h"
#include "runfilter.h"
#include "source.h"

#include <QByteArray>

#include <functional>

namespace Runlens {

/// The CLI report contract: {"source", "runs": [...], "problems": [...]}; keys are added, never renamed.
/// Each run's hints are found with `hints`, for several runs at once on worker threads.
QByteArray reportJson(const Source& source, const RunFilter& filter, const HintSettings& hints = {});
/// The same text, handed to `write` piece by piece in order, so that a big report is never whole in memory.
void writeReportJson(const Source& source, const RunFilter& filter, const HintSettings& hints,
    const std::function<void(const QByteArray&)>& write);
QByteArray reportMarkdown(const Source& source, const RunFilter& filter, const HintSettings& hints = {});
QByteArray reportText(const Source& source, const RunFilter& filter, const HintSettings& hints = {});
/// The text report's parts: its first lines (the source, what it was opened as), and one run's block (its line, stop
/// reason, stage cells and hints), for a view that shows one run without going through every run of the source.
QString reportTextHeader(const Source& source);
QString runReportText(const Run& run, const HintSettings& hints = {});
/// One run as the report's "runs" lists it, with hints found already (runlens-cli follow --jsonl).
QByteArray runReportJson(const Run& run, const Hints& hints);
/// One line per run: session, run, status, event count.
QByteArray runsListText(const Source& source, const RunFilter& filter);

/// The names of the events that decided a stage cell, in evidence order, without repeats.
QStringList decidingNames(const Run& run, const StageCell& cell);

} // namespace Runlens
