// SPDX-License-Identifier: MIT
#include "rootcause.h"

#include "runbuilder.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::RootCause)
};

const QString kClass = QStringLiteral("[A-Z][A-Za-z0-9_.]*(?:Error|Exception|Timeout|Interrupt|Exit)");

// "ConnectionError": a structured record's detail that names an exception class.
bool isExceptionClass(const QString& text)
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(kClass));
    return pattern.match(text).hasMatch();
}

// "IOException: Could not set lock": a message that already says its class.
bool startsWithExceptionClass(const QString& message)
{
    static const QRegularExpression pattern(QStringLiteral("^") + kClass + QStringLiteral(": "));
    return pattern.match(message).hasMatch();
}

// The class of the innermost failure, when a step ledger names it: its first failed record's detail (the
// records are written as scopes end, so inner first).
QString innermostExceptionClass(const Run& run)
{
    for (const QJsonValue& value : run.structuredEvents) {
        const QJsonObject record = value.toObject();
        const QString status = record.value(QLatin1String("status")).toString();
        QString detail = record.value(QLatin1String("detail")).toString();
        if ((status == QLatin1String("failed") || status == QLatin1String("timed_out")) && isExceptionClass(detail))
            return detail;
    }
    return {};
}

// The earliest failure line that says what went wrong. Inner scopes end before the scopes around them, so it
// is the innermost error, not the tool's wrapper of it.
int firstErrorLine(const Run& run)
{
    static const Atom errorType(QStringLiteral("error"));
    for (int i = 0; i < int(run.events.size()); ++i) {
        const Event& e = run.events[size_t(i)];
        if ((e.isError() || e.type == errorType) && !e.message.isEmpty())
            return i;
    }
    return -1;
}

// The first cell of this status in time, and the line that decided it: the earliest Failed (or, for Degraded,
// Degraded or survived Failed) evidence on a line; the first such cell in grid order when no line decided any.
const StageCell* firstCell(const Run& run, CellStatus status, const Evidence** decided)
{
    const StageCell* first = nullptr;
    const StageCell* earliest = nullptr;
    *decided = nullptr;
    for (const StageCell& cell : run.stages) {
        if (cell.status != status)
            continue;
        if (!first)
            first = &cell;
        for (const Evidence& ev : cell.evidence) {
            const bool deciding = ev.kind == Evidence::Kind::Failed
                || (status == CellStatus::Degraded && ev.kind == Evidence::Kind::Degraded);
            if (deciding && ev.event >= 0 && (!*decided || ev.ts < (*decided)->ts)) {
                earliest = &cell;
                *decided = &ev;
            }
        }
    }
    return earliest ? earliest : first;
}

} // namespace

bool stageAppliesTo(const QString& tool, const QString& stage)
{
    // The tools that run part of the pipeline only; any other tool may run every stage.
    static const QHash<QString, QStringList> stages = {
        { QStringLiteral("search.fetch"), { QStringLiteral("hydrate") } },
        { QStringLiteral("embed.batch"), { QStringLiteral("embed") } },
    };
    const auto it = stages.constFind(tool);
    return it == stages.constEnd() || it->contains(stage) || !fixedStageRows().contains(stage);
}

RootCause rootCause(const Run& run)
{
    RootCause cause;
    for (const StageCell& cell : run.stages) {
        if (cell.status == CellStatus::NotReached && stageAppliesTo(run.tool, cell.stage))
            cause.notReached.append(cell.stage);
    }
    const int line = firstErrorLine(run);
    switch (run.status) {
    case RunStatus::Background:
        cause.kind = RootCause::Kind::Background;
        if (line >= 0) {
            cause.event = line;
            cause.error = run.events[size_t(line)].message;
        }
        return cause;
    case RunStatus::Running:
        cause.kind = RootCause::Kind::Running;
        for (const StageCell& cell : run.stages) {
            if (cell.status == CellStatus::Running)
                cause.stage = cell.stage;
        }
        return cause;
    case RunStatus::CutOff: {
        cause.kind = RootCause::Kind::CutOff;
        // The innermost stage scope left open, when the run died inside a stage.
        int deepest = -1;
        for (const StageCell& cell : run.stages) {
            for (int s : cell.spans) {
                const Span& span = run.spans[size_t(s)];
                if (!span.isClosed() && !span.isOrphanEnd()
                    && (deepest < 0 || span.depth > run.spans[size_t(deepest)].depth)) {
                    deepest = s;
                    cause.stage = cell.stage;
                }
            }
        }
        if (deepest >= 0) {
            const Span& span = run.spans[size_t(deepest)];
            cause.event = span.startEvent;
            cause.error = Tr::tr("%1 started at +%2 ms and never ended")
                              .arg(span.name.toString())
                              .arg(run.offsetMs(span.startTs), 0, 'f', 1);
        } else {
            cause.event = run.toolSpan >= 0 ? run.spans[size_t(run.toolSpan)].startEvent : -1;
            cause.error = run.stopReason;
        }
        return cause;
    }
    case RunStatus::Error: {
        cause.kind = RootCause::Kind::Failed;
        const Evidence* decided = nullptr;
        const StageCell* failed = firstCell(run, CellStatus::Failed, &decided);
        for (const StageCell& cell : run.stages) {
            if (cell.status != CellStatus::Failed)
                continue;
            for (const Evidence& ev : cell.evidence) {
                if (line >= 0 && ev.event == line)
                    failed = &cell; // the row the innermost error belongs to
            }
        }
        cause.stage = failed ? failed->stage.toString() : QString();
        if (line < 0) { // a stored report said it, no line of this run did
            cause.error = run.stopReason;
            return cause;
        }
        cause.event = line;
        cause.error = run.events[size_t(line)].message;
        const QString exceptionClass = innermostExceptionClass(run);
        if (!exceptionClass.isEmpty() && !startsWithExceptionClass(cause.error))
            cause.error = exceptionClass + QLatin1String(": ") + cause.error;
        return cause;
    }
    case RunStatus::Complete: {
        const Evidence* decided = nullptr;
        if (const StageCell* degraded = firstCell(run, CellStatus::Degraded, &decided)) {
            cause.kind = RootCause::Kind::Degraded;
            cause.stage = degraded->stage;
            cause.error = degraded->reason;
            cause.event = decided ? decided->event : -1;
        }
        return cause;
    }
    }
    return cause;
}

} // namespace Runlens
