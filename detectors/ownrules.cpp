// SPDX-License-Identifier: MIT
// Runlens's own rules: what upstream's six rules are blind to (spec 9.3, 11.7). One small unit each.
#include "ruleutil_p.h"

#include "duration.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Runlens {

using namespace RuleUtil;

namespace {

// Whether event `i` may carry one of these attrs keys: the reader notes them while parsing; for events
// made another way, the raw line is searched.
bool lineMayHave(const Run& run, int i, int keys, std::initializer_list<const char*> names)
{
    const quint16 noted = run.events[size_t(i)].attrKeys;
    if (noted & Event::KeysNoted)
        return noted & keys;
    const QByteArray raw = run.lineBytes(i, nullptr);
    return std::any_of(names.begin(), names.end(), [&](const char* name) { return raw.contains(name); });
}

Rule cutOff()
{
    Rule rule { QStringLiteral("run:cut-off"), Severity::Error,
        Tr::tr("The run was cut off: its tool operation never ended."),
        Tr::tr("the tool's operation.start mcp.tool:* has no matching operation.end"), false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds&) {
        if (run.toolSpan < 0)
            return notFired(Tr::tr("the run has no tool operation"));
        if (run.status != RunStatus::CutOff)
            return notFired(
                Tr::tr("the tool operation ended with status %1").arg(run.spans[size_t(run.toolSpan)].status));
        const Span& tool = run.spans[size_t(run.toolSpan)];
        const QString last = run.stoppedAfter.isEmpty() ? Tr::tr("before the first stage") : run.stoppedAfter;
        QJsonObject why { { QStringLiteral("tool"), run.tool },
            { QStringLiteral("last_stage"), run.stoppedAfter.isEmpty() ? QJsonValue() : QJsonValue(run.stoppedAfter) },
            { QStringLiteral("started_at"), tool.startTs }, { QStringLiteral("last_event_ts"), run.events.back().ts } };
        std::vector<HintEvidence> evidence { evidenceForEvent(run, tool.startEvent),
            evidenceForEvent(run, int(run.events.size()) - 1, Tr::tr("last line")) };
        return fired(makeHint(rule, run,
            Tr::tr("The run was cut off after %1: its tool operation never ended.").arg(last), why, evidence));
    };
    return rule;
}

// The first Failed cell by time of its deciding evidence.
const StageCell* firstFailedStage(const Run& run)
{
    const StageCell* first = nullptr;
    double firstTs = INFINITY;
    for (const StageCell& cell : run.stages) {
        if (cell.status != CellStatus::Failed)
            continue;
        for (const Evidence& ev : cell.evidence) {
            const double ts = std::isnan(ev.ts) ? 1e300 + ev.position : ev.ts;
            if (ev.kind == Evidence::Kind::Failed && ts < firstTs) {
                firstTs = ts;
                first = &cell;
            }
        }
    }
    return first;
}

Rule stageFailed()
{
    Rule rule { QStringLiteral("stage:failed"), Severity::Error, Tr::tr("Stage %1 failed: %2"),
        Tr::tr("a stage cell is Failed; the earliest one is reported with its error"), false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds&) {
        const StageCell* cell = firstFailedStage(run);
        if (!cell)
            return notFired(Tr::tr("no stage is Failed"));
        QJsonObject why { { QStringLiteral("stage"), cell->stage.toString() },
            { QStringLiteral("reason"), cell->reason.toString() } };
        std::vector<HintEvidence> evidence;
        for (const Evidence& ev : cell->evidence) {
            if (ev.kind == Evidence::Kind::Failed)
                evidence.push_back(ev.event >= 0 ? evidenceForEvent(run, ev.event) : evidenceFor(run, ev));
        }
        return fired(makeHint(rule, run, rule.message.arg(cell->stage, cell->reason), why, evidence));
    };
    return rule;
}

Rule runFailed()
{
    Rule rule { QStringLiteral("run:failed"), Severity::Error, Tr::tr("The tool failed outside any stage: %1"),
        Tr::tr("the tool operation ended in error and no stage is Failed"), false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds&) {
        if (run.status != RunStatus::Error)
            return notFired(Tr::tr("the run status is %1").arg(runStatusName(run.status)));
        if (firstFailedStage(run))
            return notFired(Tr::tr("a stage failed; stage:failed reports it"));
        std::vector<HintEvidence> evidence;
        if (run.firstError >= 0)
            evidence.push_back(evidenceForEvent(run, run.firstError));
        return fired(makeHint(rule, run, rule.message.arg(run.stopReason),
            { { QStringLiteral("stop_reason"), run.stopReason } }, evidence));
    };
    return rule;
}

// Channel rows decided by a channel.skip (Skipped) or a channel failure (Degraded).
Rule channelRule(const char* kind, Severity severity, const QString& message, const QString& condition,
    std::function<bool(const StageCell&)> matches)
{
    Rule rule { QLatin1String(kind), severity, message, condition, false, {} };
    rule.evaluate = [rule, matches = std::move(matches)](const Run& run, const Thresholds&) {
        RuleOutcome outcome;
        QStringList seen;
        for (const StageCell& cell : run.stages) {
            const bool channel =
                cell.stage->startsWith(QLatin1String("sparse:")) || cell.stage->startsWith(QLatin1String("channel:"));
            if (!channel)
                continue;
            seen.append(cell.stage + u'=' + cellStatusName(cell.status)
                + (cell.reason.isEmpty() ? QString() : u'(' + cell.reason + u')'));
            if (!matches(cell))
                continue;
            const QString name = cell.stage->section(u':', 1);
            outcome.hints.push_back(makeHint(rule, run, rule.message.arg(name, cell.reason.toString()),
                { { QStringLiteral("channel"), name }, { QStringLiteral("reason"), cell.reason.toString() } },
                stageEvidence(run, cell.stage)));
        }
        if (outcome.hints.empty())
            outcome.whyNot =
                seen.isEmpty() ? Tr::tr("the run has no channel rows") : Tr::tr("channels: %1").arg(seen.join(u", "));
        return outcome;
    };
    return rule;
}

Rule slowStage()
{
    Rule rule { QStringLiteral("perf:slow-stage"), Severity::Warning, Tr::tr("Stage %1 took %2, %3% of the run."),
        Tr::tr(
            "a stage takes at least slowStageShare (60%) of the run's duration and at least slowStageMinMs (250 ms)"),
        false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds& t) {
        if (std::isnan(run.durationMs) || run.durationMs <= 0)
            return notFired(Tr::tr("the run has no duration"));
        RuleOutcome outcome;
        const StageCell* longest = nullptr;
        for (const StageCell& cell : run.stages) {
            if (std::isnan(cell.durationMs))
                continue;
            if (!longest || cell.durationMs > longest->durationMs)
                longest = &cell;
            const double share = cell.durationMs / run.durationMs;
            if (share < t.slowStageShare || cell.durationMs < t.slowStageMinMs)
                continue;
            outcome.hints.push_back(makeHint(rule, run,
                rule.message.arg(cell.stage.toString(), formatDuration(cell.durationMs)).arg(qRound(share * 100)),
                { { QStringLiteral("stage"), cell.stage.toString() },
                    { QStringLiteral("duration_ms"), cell.durationMs },
                    { QStringLiteral("run_duration_ms"), run.durationMs }, { QStringLiteral("share"), share } },
                stageEvidence(run, cell.stage)));
        }
        if (outcome.hints.empty())
            outcome.whyNot = longest
                ? Tr::tr("the longest stage, %1, took %2 of %3")
                      .arg(longest->stage, formatDuration(longest->durationMs), formatDuration(run.durationMs))
                : Tr::tr("no stage has a duration");
        return outcome;
    };
    return rule;
}

Rule overBudget()
{
    Rule rule { QStringLiteral("perf:over-budget"), Severity::Warning,
        Tr::tr("Scope %1 took %2, over its budget of %3."),
        Tr::tr("a scope whose start line carries budget.ms ended after more than budget.ms"), false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds& t) {
        RuleOutcome outcome;
        int budgeted = 0;
        for (int s = 0; s < int(run.spans.size()); ++s) {
            const Span& span = run.spans[size_t(s)];
            if (!span.isClosed())
                continue;
            if (!lineMayHave(run, span.startEvent, Event::BudgetMs, { "budget.ms" }))
                continue; // cheap pre-filter before parsing attrs
            const QJsonValue budget = run.attr(span.startEvent, QLatin1StringView("budget.ms"));
            if (!budget.isDouble())
                continue;
            ++budgeted;
            if (!(span.durationMs > budget.toDouble() * t.budgetGraceFactor))
                continue; // a NaN budget is never exceeded, as Python compares
            HintEvidence evidence = evidenceForEvent(run, span.endEvent);
            evidence.span = s;
            outcome.hints.push_back(makeHint(rule, run,
                rule.message.arg(
                    span.name.toString(), formatDuration(span.durationMs), formatDuration(budget.toDouble())),
                { { QStringLiteral("scope"), span.name.toString() }, { QStringLiteral("duration_ms"), span.durationMs },
                    { QStringLiteral("budget.ms"), budget } },
                { evidence }));
        }
        if (outcome.hints.empty())
            outcome.whyNot = budgeted == 0 ? Tr::tr("no scope carries budget.ms")
                                           : Tr::tr("%1 budgeted scopes, all within budget").arg(budgeted);
        return outcome;
    };
    return rule;
}

Rule emptyResults()
{
    Rule rule { QStringLiteral("result:empty"), Severity::Warning, Tr::tr("The search returned nothing: %1."),
        Tr::tr("hybrid.fuse.result documents is 0, or hydration.end / duckdb.hydrate.end returned 0 rows"), false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds&) {
        std::vector<HintEvidence> evidence;
        QStringList what;
        QJsonObject why;
        for (int i : eventsOfType(run, "hybrid.fuse.result")) {
            const QJsonValue documents = run.attr(i, QLatin1StringView("documents"));
            if (isInt(documents) && documents.toInteger() == 0) {
                evidence.push_back(evidenceForEvent(run, i));
                why.insert(QStringLiteral("documents"), 0);
                what.append(Tr::tr("fusion produced 0 documents"));
                break;
            }
        }
        for (const char* type : { "hydration.end", "duckdb.hydrate.end" }) {
            for (int i : eventsOfType(run, type)) {
                const QJsonValue returned = run.attr(i, QLatin1StringView("returned"));
                if (isInt(returned) && returned.toInteger() == 0 && !run.events[size_t(i)].isError()) {
                    evidence.push_back(evidenceForEvent(run, i));
                    why.insert(QStringLiteral("returned"), 0);
                    what.append(Tr::tr("hydration returned 0 rows"));
                    break;
                }
            }
            if (why.contains(QLatin1String("returned")))
                break;
        }
        if (evidence.empty())
            return notFired(Tr::tr("fusion and hydration returned results (or did not run)"));
        return fired(makeHint(rule, run, rule.message.arg(what.join(u"; ")), why, evidence));
    };
    return rule;
}

Rule missingRows()
{
    Rule rule { QStringLiteral("result:missing"), Severity::Warning,
        Tr::tr("Hydration could not find %1 of the requested documents in the catalog."),
        Tr::tr("hydration.end or duckdb.hydrate.end reports missing > 0"), false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds&) {
        for (const char* type : { "hydration.end", "duckdb.hydrate.end" }) {
            for (int i : eventsOfType(run, type)) {
                const QJsonValue missing = run.attr(i, QLatin1StringView("missing"));
                if (isInt(missing) && missing.toInteger() > 0)
                    return fired(makeHint(rule, run, rule.message.arg(missing.toInteger()),
                        { { QStringLiteral("missing"), missing },
                            { QStringLiteral("returned"), run.attr(i, QLatin1StringView("returned")) } },
                        { evidenceForEvent(run, i) }));
            }
        }
        return notFired(Tr::tr("no hydration end reports missing > 0"));
    };
    return rule;
}

Rule faissFallback()
{
    Rule rule { QStringLiteral("dense:fallback"), Severity::Warning, Tr::tr("A fallback was taken: %1."),
        Tr::tr("a line carries fallback.reason, or warn.degraded true"), false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds&) {
        for (int i = 0; i < int(run.events.size()); ++i) {
            if (!lineMayHave(
                    run, i, Event::FallbackReason | Event::WarnDegraded, { "fallback.reason", "warn.degraded" }))
                continue; // cheap pre-filter before parsing attrs
            const QJsonObject a = run.attrs(i);
            const QJsonValue reason = a.value(QLatin1String("fallback.reason"));
            if (!reason.isUndefined() || a.value(QLatin1String("warn.degraded")) == QJsonValue(true)) {
                const QString text = reason.isString() ? reason.toString() : run.events[size_t(i)].name.toString();
                return fired(makeHint(rule, run, rule.message.arg(text),
                    { { QStringLiteral("fallback.reason"), reason.isUndefined() ? QJsonValue() : reason },
                        { QStringLiteral("fallback.target"), a.value(QLatin1String("fallback.target")) } },
                    { evidenceForEvent(run, i) }));
            }
        }
        return notFired(Tr::tr("no line carries fallback.reason or warn.degraded"));
    };
    return rule;
}

Rule secondaryGated()
{
    Rule rule { QStringLiteral("dense:secondary-gated"), Severity::Note,
        Tr::tr("The secondary FAISS index was not searched: %1."),
        Tr::tr("a decision retrieval.gating.secondary says should_run false"), false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds&) {
        const std::vector<int> decisions = eventsOfType(run, "decision", "retrieval.gating.secondary");
        for (int i : decisions) {
            const QJsonObject a = run.attrs(i);
            if (a.value(QLatin1String("should_run")) == QJsonValue(false)) {
                QJsonObject why;
                for (const char* key : { "should_run", "reason", "candidate_count", "elapsed_ms", "margin" })
                    why.insert(QLatin1String(key), a.value(QLatin1String(key)));
                return fired(makeHint(rule, run, rule.message.arg(a.value(QLatin1String("reason")).toString()), why,
                    { evidenceForEvent(run, i) }));
            }
        }
        return notFired(decisions.empty() ? Tr::tr("no retrieval.gating.secondary decision")
                                          : Tr::tr("the secondary index gate said should_run true"));
    };
    return rule;
}

Rule lostLines()
{
    Rule rule { QStringLiteral("timeline:lost-lines"), Severity::Warning,
        Tr::tr("Scope end lines without a start: %1. Timeline lines were lost (rotation collision?)."),
        Tr::tr("the run has scope end lines without a matching start (orphan ends)"), false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds&) {
        std::vector<HintEvidence> evidence;
        for (int s = 0; s < int(run.spans.size()); ++s) {
            if (run.spans[size_t(s)].isOrphanEnd()) {
                HintEvidence e = evidenceForEvent(run, run.spans[size_t(s)].endEvent);
                e.span = s;
                evidence.push_back(e);
            }
        }
        if (evidence.empty())
            return notFired(Tr::tr("every end line has its start"));
        const qsizetype count = qsizetype(evidence.size());
        return fired(
            makeHint(rule, run, rule.message.arg(count), { { QStringLiteral("orphan_ends"), count } }, evidence));
    };
    return rule;
}

Rule unclosedScopes()
{
    Rule rule { QStringLiteral("timeline:unclosed"), Severity::Note,
        Tr::tr("Scopes that never ended inside a run that did: %1."),
        Tr::tr("a scope other than the tool operation has no end line, while the run is not cut off"), false, {} };
    rule.evaluate = [rule](const Run& run, const Thresholds&) {
        if (run.status == RunStatus::CutOff)
            return notFired(Tr::tr("the run is cut off; run:cut-off reports it"));
        std::vector<HintEvidence> evidence;
        for (int s = 0; s < int(run.spans.size()); ++s) {
            const Span& span = run.spans[size_t(s)];
            if (span.endEvent < 0 && span.startEvent >= 0) {
                HintEvidence e = evidenceForEvent(run, span.startEvent);
                e.span = s;
                evidence.push_back(e);
            }
        }
        if (evidence.empty())
            return notFired(Tr::tr("every scope has its end line"));
        const qsizetype count = qsizetype(evidence.size());
        return fired(makeHint(rule, run, rule.message.arg(count), { { QStringLiteral("unclosed"), count } }, evidence));
    };
    return rule;
}

Rule clockBackwards()
{
    Rule rule { QStringLiteral("timeline:clock-backwards"), Severity::Warning,
        Tr::tr("Backward clock jumps inside this run's lines: %1."),
        Tr::tr("in one file, a line of the run has a ts more than 1 s earlier than the line written before it"), false,
        {} };
    rule.evaluate = [rule](const Run& run, const Thresholds&) {
        std::vector<HintEvidence> evidence;
        for (const Diagnostic& d : run.problems) {
            if (d.code == QLatin1String("clock-backwards"))
                evidence.push_back({ d.file, d.line, -1, -1, d.message });
        }
        if (evidence.empty())
            return notFired(Tr::tr("ts never goes back by more than 1 s in file order"));
        const qsizetype count = qsizetype(evidence.size());
        return fired(makeHint(rule, run, rule.message.arg(count), { { QStringLiteral("jumps"), count } }, evidence));
    };
    return rule;
}

} // namespace

std::vector<Rule> ownRules()
{
    return { cutOff(), stageFailed(), runFailed(),
        channelRule("channel:disabled", Severity::Note, Tr::tr("Channel %1 is switched off by configuration (%2)."),
            Tr::tr("a channel row is Skipped with reason disabled"),
            [](const StageCell& c) {
                return c.status == CellStatus::Skipped && c.reason->startsWith(QLatin1String("disabled"));
            }),
        channelRule("channel:unavailable", Severity::Warning, Tr::tr("Channel %1 was skipped: %2."),
            Tr::tr("a channel row is Skipped for a missing capability (capability_off, with the missing list)"),
            [](const StageCell& c) {
                return c.status == CellStatus::Skipped && c.reason->startsWith(QLatin1String("capability_off"));
            }),
        channelRule("channel:failed", Severity::Warning,
            Tr::tr("Channel %1 failed and the pipeline went on without it: %2."),
            Tr::tr("a channel row is Degraded (a channel.skip with an error reason, or a failure the run survived)"),
            [](const StageCell& c) { return c.status == CellStatus::Degraded; }),
        slowStage(), overBudget(), emptyResults(), missingRows(), faissFallback(), secondaryGated(), lostLines(),
        unclosedScopes(), clockBackwards() };
}

} // namespace Runlens
