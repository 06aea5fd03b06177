// SPDX-License-Identifier: MIT
#pragma once

#include "hint.h"
#include "source.h"

#include <QByteArray>
#include <QStringList>

#include <vector>

namespace Runlens {

/// One run of a triage across many inputs (issue 9): where it came from, what it is, its hints. An input
/// that yields no run at all has one row too, without a run, saying why: a dropped pack never vanishes.
struct TriageRow
{
    SourcePtr source; // keeps the run's buffers alive; source->path is the input file
    RunPtr run; // null for the row of an input that yielded no run
    Hints hints; // active, suppressed and disputed; Hint::isActive tells them apart
    QString stageReached; // run->stoppedAfter, or "" when it stopped before the first stage
    QString failingStage; // the first Failed (else Degraded) row, "" when none
    QString noRun; // without a run: why the input yielded none (it could not be read, or holds no run)

    /// "unreadable" or "no-run" for a row without a run, else the run's status (runStatusName).
    QString statusName() const;
    QString stopReason() const; // the run's stop reason, or why there is no run
};
using TriageRows = std::vector<TriageRow>;

enum class TriageGrouping
{
    None,
    Kind,
    Stop,
    Tool,
    Stage
};

/// "kind", "stop", "tool", "stage" (and "none"); false for any other name.
bool parseTriageGrouping(const QString& name, TriageGrouping* grouping);
QString triageGroupingName(TriageGrouping grouping);

/// One row per run of `source`, background runs included, with the hints detectRun() finds and
/// suppressions from the file next to the input applied; one row without a run when there is none.
TriageRows triageRows(const SourcePtr& source);

/// How soon a row wants a look, higher first: 6 failed, 5 cut off, 4 an input that could not be read or holds
/// no run, 3 a Failed or Degraded stage in a run that did not fail, 2 running, 1 complete, 0 background.
int triageUrgency(const TriageRow& row);
/// The order a triage board lists rows in by default: most urgent first, then by start time (rows without
/// one last), then by input path. A strict weak ordering.
bool triageRowBefore(const TriageRow& x, const TriageRow& y);

/// The groups a row falls in: every active hint kind ("(no hints)" when none, "(no run)" for a row
/// without a run), the stop reason ("(none)"), the tool, the failing stage ("(none)"). Grouping None
/// gives one empty key.
QStringList triageGroupKeys(const TriageRow& row, TriageGrouping grouping);

struct TriageGroup
{
    QString key;
    std::vector<int> rows; // indexes into the TriageRows, in row order
};
/// Groups sorted by descending row count, then key.
std::vector<TriageGroup> groupTriageRows(const TriageRows& rows, TriageGrouping grouping);

/// The table (source file, session, run, tool, status, stop reason, duration, stage reached,
/// hint kinds with severity) and the group counts, as the CLI prints them.
QByteArray triageText(const TriageRows& rows, TriageGrouping grouping);
QByteArray triageCsv(const TriageRows& rows, TriageGrouping grouping); // RFC 4180; group counts left out
QByteArray triageJson(const TriageRows& rows, TriageGrouping grouping); // {"runs": [...], "groups": [...]}
QByteArray triageMarkdown(const TriageRows& rows, TriageGrouping grouping);

} // namespace Runlens
