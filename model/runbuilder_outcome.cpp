// SPDX-License-Identifier: MIT
// The run builder's outcome (spec 11.6) and the run-level facts around it: the tool scope, derived checkpoints, ops
// coverage, budgets, the first failure, stop reason and status, times, the clock.
#include "runbuilder_p.h"

namespace Runlens::RunBuild {

// --- 11.6: first failure, stopped after, status, stop reason
void Builder::decideOutcome(bool cutOff, bool running)
{
    double firstFailureTs = INFINITY;
    int firstFailurePosition = INT_MAX;
    for (const StageCell& cell : run.stages) {
        if (cell.status == CellStatus::Degraded)
            continue; // a channel failure the run survived (11.5) did not stop it
        for (const Evidence& ev : cell.evidence) {
            if (ev.kind != Evidence::Kind::Failed)
                continue;
            if (ev.source == QLatin1String("timeline") && ev.ts < firstFailureTs) {
                firstFailureTs = ev.ts;
                run.firstError = ev.event;
            } else if (ev.source != QLatin1String("timeline") && ev.position < firstFailurePosition) {
                firstFailurePosition = ev.position;
            }
        }
    }
    for (const RunFailure& failure : runFailures) {
        if (failure.ts < firstFailureTs) {
            firstFailureTs = failure.ts;
            run.firstError = failure.event;
        }
    }
    if (run.toolSpan >= 0 && run.spans[size_t(run.toolSpan)].status == QLatin1String("error")) {
        const Span& tool = run.spans[size_t(run.toolSpan)];
        if (tool.endTs < firstFailureTs) {
            firstFailureTs = tool.endTs;
            run.firstError = tool.endEvent;
        }
    }

    bool anyTimelineRan = false;
    double latest = -INFINITY;
    for (int r = 0; r < int(run.stages.size()); ++r) {
        const StageCell& cell = run.stages[size_t(r)];
        if (cell.status == CellStatus::Skipped)
            continue;
        for (const Evidence& ev : cell.evidence) {
            if (ev.kind != Evidence::Kind::Ran || ev.source != QLatin1String("timeline"))
                continue;
            anyTimelineRan = true;
            if (ev.ts < firstFailureTs && ev.ts >= latest) {
                latest = ev.ts;
                run.stoppedAfter = cell.stage;
            }
        }
    }
    if (!anyTimelineRan && run.events.empty()) {
        int latestPosition = -1;
        for (const StageCell& cell : run.stages) {
            if (cell.status == CellStatus::Skipped)
                continue;
            for (const Evidence& ev : cell.evidence) {
                if (ev.kind == Evidence::Kind::Ran && ev.source != QLatin1String("timeline")
                    && ev.position < firstFailurePosition && ev.position > latestPosition) {
                    latestPosition = ev.position;
                    run.stoppedAfter = cell.stage;
                }
            }
        }
    }

    if (run.toolSpan >= 0) {
        const Span& tool = run.spans[size_t(run.toolSpan)];
        if (running)
            run.status = RunStatus::Running;
        else if (cutOff)
            run.status = RunStatus::CutOff;
        else if (tool.status == QLatin1String("error"))
            run.status = RunStatus::Error;
        else
            run.status = RunStatus::Complete;
    } else if (run.events.empty() && extras.hasReport) {
        // A report without timeline lines: its own word is all there is.
        run.status = is(extras.reportStatus, "error") ? RunStatus::Error
            : is(extras.reportStatus, "complete")     ? RunStatus::Complete
                                                      : RunStatus::Background;
    } else {
        run.status = RunStatus::Background;
    }

    if (run.status == RunStatus::Error) {
        if (extras.reportStopReason && !extras.reportStopReason->isEmpty()) {
            run.stopReason = *extras.reportStopReason;
        } else if (run.toolSpan >= 0 && !run.spans[size_t(run.toolSpan)].message.isEmpty()) {
            run.stopReason = run.spans[size_t(run.toolSpan)].message;
            const QString errorClass = structuredErrorClass();
            if (!errorClass.isEmpty())
                run.stopReason = errorClass + QLatin1String(": ") + run.stopReason;
        } else {
            for (const StageCell& cell : run.stages) {
                if (cell.status == CellStatus::Failed && !cell.reason.isEmpty()) {
                    run.stopReason = cell.reason;
                    break;
                }
            }
        }
    } else if (run.status == RunStatus::CutOff) {
        run.stopReason = run.stoppedAfter.isEmpty() ? Tr::tr("cut off before the first stage")
                                                    : Tr::tr("cut off after %1").arg(run.stoppedAfter);
    }
}

QString Builder::structuredErrorClass() const
{
    const QString tool = run.tool;
    for (const QJsonValue& value : extras.structuredEvents) {
        const QJsonObject record = value.toObject();
        const QString kind = record.value(QLatin1String("kind")).toString();
        if ((is(kind, "tool.error") || kind.endsWith(QLatin1String(".error")))
            && record.value(QLatin1String("detail")).isString())
            return record.value(QLatin1String("detail")).toString();
    }
    return {};
}

void Builder::findTool()
{
    for (int s = 0; s < int(run.spans.size()); ++s) {
        const Span& span = run.spans[size_t(s)];
        if (span.kind == QLatin1String("operation") && span.name->startsWith(QLatin1String("mcp.tool:"))
            && span.startEvent >= 0) {
            run.toolSpan = s;
            run.tool = span.name->mid(9);
            return;
        }
    }
}

void Builder::deriveCheckpoints()
{
    if (extras.checkpoints) {
        run.checkpoints = *extras.checkpoints;
        run.checkpointsStored = true;
        return;
    }
    // Upstream records a checkpoint when a staged span exits, so scope ends in end order.
    std::vector<int> ends;
    for (int s = 0; s < int(run.spans.size()); ++s) {
        if (run.spans[size_t(s)].isClosed())
            ends.push_back(s);
    }
    std::sort(ends.begin(), ends.end(),
        [this](int a, int b) { return run.spans[size_t(a)].endEvent < run.spans[size_t(b)].endEvent; });
    for (int s : ends) {
        const Span& span = run.spans[size_t(s)];
        if (span.kind != QLatin1String("step"))
            continue;
        const QString stage = checkpointForScope(span.name);
        if (stage.isEmpty())
            continue;
        // Only a span created with a stage records a checkpoint; a bare step of the same name (the
        // inner twin of search.bm25, the hybrid search.faiss hand-over, the plain semantic adapter's
        // hydrate.duckdb) carries no span-layer keys and records none.
        if (!isStagedSpan(span.endEvent))
            continue;
        const bool ok = run.events[size_t(span.endEvent)].status != QLatin1String("error");
        // The attrs stay in the line until a rule or a regenerated pack asks (Run::checkpointAttrs).
        run.checkpoints.push_back(Checkpoint {
            stage, ok, ok ? QString() : span.message.toString(), {}, NAN, span.durationMs, span.endEvent });
    }
}

void Builder::computeCoverage()
{
    if (extras.opsCoverage) {
        run.opsCoverage = *extras.opsCoverage;
        return;
    }
    static const std::array<QStringList, 6> prefixes = {
        QStringList { QStringLiteral("search.embed"), QStringLiteral("coderank.embed") },
        QStringList { QStringLiteral("search.faiss"), QStringLiteral("coderank.faiss") },
        QStringList { QStringLiteral("search.bm25"), QStringLiteral("search.splade") },
        QStringList {
            QStringLiteral("gather.channels"), QStringLiteral("search.bm25"), QStringLiteral("search.splade") },
        QStringList { QStringLiteral("search.rrf_fuse"), QStringLiteral("fusion.rrf"), QStringLiteral("fusion.pool") },
        QStringList { QStringLiteral("hydrate.") },
    };
    for (size_t k = 0; k < prefixes.size(); ++k) {
        for (const Checkpoint& cp : run.checkpoints) {
            for (const QString& prefix : prefixes[k]) {
                if (cp.name->startsWith(prefix))
                    run.opsCoverage.values[k] = true;
            }
        }
    }
}

void Builder::chooseBudgets()
{
    if (extras.reportBudgets && !extras.reportBudgets->isEmpty()) {
        run.storedBudgets = *extras.reportBudgets;
        run.budgetsSource = QStringLiteral("run report");
        return;
    }
    for (int i = 0; i < int(run.events.size()); ++i) {
        const Event& e = run.events[size_t(i)];
        if (is(e.type, "decision") && (is(e.name, "gate.budget") || is(e.name, "retrieval.budget"))) {
            run.budgetsEvent = i;
            run.budgetsSource = e.name;
            return;
        }
    }
    for (const QJsonValue& value : extras.structuredEvents) {
        const QJsonObject record = value.toObject();
        if (record.value(QLatin1String("kind")) == QLatin1String("retrieval.budget")
            && record.value(QLatin1String("payload")).isObject()) {
            run.storedBudgets = record.value(QLatin1String("payload")).toObject();
            run.budgetsSource = QStringLiteral("retrieval.budget");
            return;
        }
    }
    if (extras.settingsBudgets && !extras.settingsBudgets->isEmpty()) {
        run.storedBudgets = *extras.settingsBudgets;
        run.budgetsSource = QStringLiteral("settings snapshot");
        return;
    }
    if (extras.budgetsMember && !extras.budgetsMember->isEmpty()) {
        run.storedBudgets = *extras.budgetsMember;
        run.budgetsSource = QStringLiteral("budgets.json");
    }
}

void Builder::setTimes()
{
    if (run.events.empty())
        return;
    if (run.toolSpan >= 0) {
        int outer = run.toolSpan;
        const int parent = run.spans[size_t(outer)].parent;
        if (parent >= 0 && run.spans[size_t(parent)].name == run.spans[size_t(outer)].name)
            outer = parent;
        const Span& span = run.spans[size_t(outer)];
        run.startedAt = span.startTs;
        run.finishedAt = span.isClosed() ? span.endTs : run.events.back().ts;
        run.durationMs = span.isClosed() ? span.durationMs : (run.finishedAt - run.startedAt) * 1000.0;
    } else {
        run.startedAt = run.events.front().ts;
        run.finishedAt = run.events.back().ts;
        run.durationMs = (run.finishedAt - run.startedAt) * 1000.0;
    }
}

void Builder::checkClock()
{
    // Events are sorted by ts, so the clock check looks at file order within one buffer.
    std::vector<const Event*> byPosition;
    byPosition.reserve(run.events.size());
    for (const Event& e : run.events)
        byPosition.push_back(&e);
    std::sort(byPosition.begin(), byPosition.end(), [](const Event* a, const Event* b) {
        return a->buffer != b->buffer ? a->buffer < b->buffer : a->offset < b->offset;
    });
    for (size_t k = 1; k < byPosition.size(); ++k) {
        const Event* prev = byPosition[k - 1];
        const Event* cur = byPosition[k];
        if (prev->buffer == cur->buffer && cur->ts + 1.0 < prev->ts) {
            addProblem(
                { Diagnostic::Severity::Warning, cur->buffer >= 0 ? run.buffers[size_t(cur->buffer)]->name : QString(),
                    cur->line, cur->offset, Tr::tr("clock went backwards by %1 s").arg(prev->ts - cur->ts, 0, 'f', 3),
                    QStringLiteral("clock-backwards") });
        }
    }
}

} // namespace Runlens::RunBuild
