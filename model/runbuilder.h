// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Runlens {

/// What a pack or a ledger knows about a run beyond its timeline lines.
struct RunExtras
{
    bool hasReport = false; // a run report (run_report.json or an enriched seed report.json)
    QString reportStatus; // its "status"
    std::optional<QString> reportStopReason;
    std::optional<std::vector<Checkpoint>> checkpoints; // stored checkpoints or seed stages
    std::optional<OpsCoverage> opsCoverage;
    std::optional<QJsonObject> reportBudgets; // run report "budgets" (or "gating")
    std::optional<QJsonObject> settingsBudgets; // run report summary.budgets
    std::optional<QJsonObject> budgetsMember; // budgets.json of the pack
    QJsonArray structuredEvents;
    std::vector<RecordSite> structuredSites; // parallel to structuredEvents (Run::structuredSites)
    QJsonObject capabilities;
    std::optional<std::vector<StoredHint>> hints;
    QJsonObject context;
    std::optional<bool> seedGpuReady; // seed context runtime.faiss.gpu_ready
    // Followed while the server still writes it (spec 11.6): an open tool operation is Running, not
    // cut off, and a scope open at the last line is in progress rather than unclosed.
    bool live = false;
};

/// Turns one run's sorted events (plus what the source stored) into a finished Run: scopes paired
/// by nesting (spec 3.3), checkpoints, ops_coverage, budgets, the stage grid (11) and the status.
RunPtr buildRun(const QString& sessionId, const QString& runId, std::vector<Event> events, TextBuffers buffers,
    const RunExtras& extras);

/// The stage-grid row a checkpoint or seed stage name maps to (spec 11.3); the name itself when unmapped.
QString rowForCheckpoint(const QString& name);

/// The fixed rows, in display order.
const QStringList& fixedStageRows();

} // namespace Runlens
