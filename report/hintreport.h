// SPDX-License-Identifier: MIT
#pragma once

#include "engine.h"
#include "runfilter.h"
#include "source.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Runlens {

class Suppressions;

struct RunHints
{
    RunPtr run;
    Hints hints; // active, suppressed and disputed alike; Hint::isActive tells them apart
};

/// The hints of every selected run of a source, ready for the hints CLI and exports.
struct HintReport
{
    QString source;
    Source::Kind sourceKind = Source::Kind::TimelineDirectory; // how evidence file names are relative
    std::vector<RunHints> runs;
    Hints sourceHints; // about the input as a whole (malformed lines)

    /// Active (neither suppressed nor disputed) hints at or above `severity`.
    int countAtOrAbove(Severity severity) const;
    int suppressedCount() const;
    int disputedCount() const; // disputed and not also suppressed
};

/// How a run's hints are found: every rule with these thresholds, then the user's suppressions.
struct HintSettings
{
    HintSettings() = default;
    HintSettings(const Suppressions* suppressions, const Thresholds& thresholds = {})
        : suppressions(suppressions)
        , thresholds(thresholds)
    { }

    const Suppressions* suppressions = nullptr;
    Thresholds thresholds;
};

/// Every rule's hints for `run`, the suppressed ones marked.
Hints findHints(const Run& run, const HintSettings& settings = {});

/// `previous`, when given, lends the hints of the runs it holds by the same RunPtr (a followed
/// directory rebuilds only the runs new lines touched), so that only changed runs are detected again.
HintReport buildHintReport(const Source& source, const RunFilter& filter, const HintSettings& settings = {},
    const HintReport* previous = nullptr);

/// {kind, severity, msg, why, origin, evidence[], suppressed_by?}: the JSON shape of one hint.
QJsonObject hintToJson(const Hint& hint);
QJsonArray hintsToJson(const Hints& hints);
/// Upstream's six kinds only, as {kind, msg, why}: what a regenerated pack stores in run_report.json
/// "hints", so that a reader shows them as stored hints.
QJsonArray upstreamHintsJson(const Run& run);

QByteArray hintsText(const HintReport& report);
QByteArray hintsMarkdown(const HintReport& report);
QByteArray hintsJson(const HintReport& report);
QByteArray hintsCsv(const HintReport& report); // RFC 4180
QByteArray hintsSarif(const HintReport& report); // SARIF 2.1.0, one rule per kind
QByteArray hintsJunit(const HintReport& report, Severity failOn); // a test case per run and rule

} // namespace Runlens
