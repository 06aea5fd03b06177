// SPDX-License-Identifier: MIT
#include "report.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include "pyjson_p.h"

namespace Runlens {

namespace {

using Json = nlohmann::ordered_json;

QString tr(const char* text)
{
    return QCoreApplication::translate("Runlens::Report", text);
}

std::string str(const QString& s)
{
    return s.toStdString();
}

Json toJson(const QJsonValue& value)
{
    return PyJson::fromQt(value);
}

Json number(double value)
{
    if (std::isnan(value))
        return nullptr;
    return value;
}

Json optionalString(const QString& s)
{
    return s.isEmpty() ? Json(nullptr) : Json(str(s));
}

Json durationJson(double ms)
{
    if (std::isnan(ms))
        return nullptr;
    const double rounded = std::round(ms * 1000.0) / 1000.0;
    if (rounded == std::floor(rounded) && std::abs(rounded) < 1e15)
        return qint64(rounded);
    return rounded;
}

Json problemJson(const Diagnostic& d)
{
    return Json{{"file", str(d.file)},
                {"line", d.line},
                {"offset", d.byteOffset},
                {"severity", d.severity == Diagnostic::Severity::Error ? "error" : "warning"},
                {"message", str(d.message)}};
}

Json runJson(const Run& run, const HintsProvider& hints)
{
    Json stages = Json::array();
    for (const StageCell& cell : run.stages) {
        Json names = Json::array();
        for (const QString& name : decidingNames(run, cell))
            names.push_back(str(name));
        stages.push_back(Json{{"stage", str(cell.stage)},
                              {"status", str(cellStatusName(cell.status))},
                              {"duration_ms", durationJson(cell.durationMs)},
                              {"names", names},
                              {"reason", optionalString(cell.reason)},
                              {"secondary_reason", optionalString(cell.secondaryReason)}});
    }
    Json problems = Json::array();
    for (const Diagnostic& d : run.problems)
        problems.push_back(problemJson(d));
    Json storedHints = Json::array();
    for (const StoredHint& h : run.storedHints)
        storedHints.push_back(Json{{"kind", str(h.kind)}, {"msg", str(h.msg)}, {"why", toJson(h.why)}});
    return Json{
        {"session_id", str(run.sessionId)},
        {"run_id", str(run.runId)},
        {"tool", optionalString(run.tool)},
        {"status", str(runStatusName(run.status))},
        {"stop_reason", optionalString(run.stopReason)},
        {"stopped_after", optionalString(run.stoppedAfter)},
        {"started_at", number(run.startedAt)},
        {"finished_at", number(run.finishedAt)},
        {"duration_ms", durationJson(run.durationMs)},
        {"event_count", run.events.size()},
        {"ops_coverage", [&] {
             Json coverage = Json::object();
             for (size_t k = 0; k < OpsCoverage::keys.size(); ++k)
                 coverage[OpsCoverage::keys[k]] = run.opsCoverage.values[k];
             return coverage;
         }()},
        {"ops_coverage_source", run.opsCoverage.stored ? "stored" : "computed"},
        {"budgets", toJson(run.budgets)},
        {"budgets_source", optionalString(run.budgetsSource)},
        {"checkpoints", [&] {
             Json list = Json::array();
             for (const Checkpoint& cp : run.checkpoints)
                 list.push_back(Json{{"name", str(cp.name)}, {"ok", cp.ok}, {"reason", optionalString(cp.reason)}});
             return list;
         }()},
        {"stages", stages},
        {"hints", hints ? toJson(hints(run)) : Json::array()},
        {"stored_hints", run.hasStoredHints ? storedHints : Json(nullptr)},
        {"problems", problems},
    };
}

QString statusLabel(const Run& run)
{
    switch (run.status) {
    case RunStatus::Complete:
        return tr("Complete");
    case RunStatus::Error:
        return tr("Failed");
    case RunStatus::CutOff:
        return tr("Cut off");
    case RunStatus::Running:
        return tr("Running");
    case RunStatus::Background:
        return tr("Background");
    }
    return {};
}

QString hintLine(const QJsonObject& hint)
{
    return QStringLiteral("[%1] %2: %3")
        .arg(hint.value(QLatin1String("severity")).toString(), hint.value(QLatin1String("kind")).toString(),
             hint.value(QLatin1String("msg")).toString());
}

} // namespace

bool RunFilter::matches(const Run& run) const
{
    return (sessionId.isEmpty() || run.sessionId == sessionId) && (runId.isEmpty() || run.runId == runId);
}

QString formatDuration(double ms)
{
    if (std::isnan(ms))
        return QString();
    if (ms < 1000.0)
        return tr("%1 ms").arg(QString::number(ms, 'f', ms == std::floor(ms) ? 0 : 2));
    return tr("%1 s").arg(QString::number(ms / 1000.0, 'f', 2));
}

QStringList decidingNames(const Run& run, const StageCell& cell)
{
    QStringList names;
    for (const Evidence& ev : cell.evidence) {
        if (ev.kind == Evidence::Kind::Info)
            continue;
        QString name;
        if (ev.event >= 0)
            name = run.events[size_t(ev.event)].type + QLatin1Char(' ') + run.events[size_t(ev.event)].name;
        else
            name = ev.source + QLatin1Char(' ') + ev.text.section(QLatin1Char(' '), 0, 0);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

QByteArray reportJson(const Source& source, const RunFilter& filter, const HintsProvider& hints)
{
    Json runs = Json::array();
    for (const RunPtr& run : source.runs) {
        if (filter.matches(*run))
            runs.push_back(runJson(*run, hints));
    }
    Json problems = Json::array();
    for (const Diagnostic& d : source.problems)
        problems.push_back(problemJson(d));
    Json meta = source.meta.isEmpty() ? Json(nullptr) : toJson(source.meta);
    const Json report{{"source", str(source.path)},
                      {"kind", str(sourceKindName(source.kind))},
                      {"layout", optionalString(layoutName(source.layout))},
                      {"meta", meta},
                      {"event_count", source.eventCount},
                      {"runs", runs},
                      {"problems", problems}};
    return QByteArray::fromStdString(report.dump(2, ' ', false, Json::error_handler_t::replace)) + '\n';
}

QByteArray reportText(const Source& source, const RunFilter& filter, const HintsProvider& hints)
{
    QString out;
    out += tr("Source: %1 (%2%3)\n")
               .arg(source.path, sourceKindName(source.kind),
                    source.layout == Source::Layout::None ? QString() : QLatin1String(", ") + layoutName(source.layout));
    for (const RunPtr& run : source.runs) {
        if (!filter.matches(*run))
            continue;
        out += QLatin1Char('\n');
        out += tr("Run %1 / %2  %3  %4  %5\n")
                   .arg(run->sessionId, run->runId, run->tool.isEmpty() ? tr("(no tool)") : run->tool,
                        statusLabel(*run), formatDuration(run->durationMs));
        if (!run->stopReason.isEmpty())
            out += tr("  stop reason: %1\n").arg(run->stopReason);
        for (const StageCell& cell : run->stages) {
            out += QStringLiteral("  %1 %2 %3%4\n")
                       .arg(cell.stage, -14)
                       .arg(cellStatusLabel(cell.status), -12)
                       .arg(formatDuration(cell.durationMs), -9)
                       .arg(cell.reason.isEmpty() ? QString() : QLatin1String("  ") + cell.reason);
        }
        if (hints) {
            for (const QJsonValue& hint : hints(*run))
                out += QLatin1String("  ") + hintLine(hint.toObject()) + QLatin1Char('\n');
        }
    }
    if (!source.problems.isEmpty()) {
        out += QLatin1Char('\n') + tr("Problems (%1):\n").arg(source.problems.size());
        for (const Diagnostic& d : source.problems)
            out += QLatin1String("  ") + d.toString() + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray reportMarkdown(const Source& source, const RunFilter& filter, const HintsProvider& hints)
{
    QString out = tr("# Runlens report: `%1`\n").arg(source.path);
    for (const RunPtr& run : source.runs) {
        if (!filter.matches(*run))
            continue;
        out += QStringLiteral("\n## %1 / %2\n\n").arg(run->sessionId, run->runId);
        out += tr("- Tool: %1\n- Status: %2\n- Duration: %3\n")
                   .arg(run->tool.isEmpty() ? tr("(none)") : QStringLiteral("`%1`").arg(run->tool), statusLabel(*run),
                        formatDuration(run->durationMs));
        if (!run->stopReason.isEmpty())
            out += tr("- Stop reason: %1\n").arg(run->stopReason);
        if (!run->stages.empty()) {
            out += tr("\n| Stage | Status | Duration | Reason |\n|---|---|---|---|\n");
            for (const StageCell& cell : run->stages)
                out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                           .arg(cell.stage, cellStatusLabel(cell.status), formatDuration(cell.durationMs),
                                QString(cell.reason).replace(QLatin1Char('|'), QLatin1String("\\|")));
        }
        if (hints) {
            const QJsonArray list = hints(*run);
            if (!list.isEmpty()) {
                out += tr("\n**Hints**\n\n");
                for (const QJsonValue& hint : list)
                    out += QLatin1String("- ") + hintLine(hint.toObject()) + QLatin1Char('\n');
            }
        }
    }
    if (!source.problems.isEmpty()) {
        out += tr("\n## Problems\n\n");
        for (const Diagnostic& d : source.problems)
            out += QLatin1String("- `") + d.toString() + QLatin1String("`\n");
    }
    return out.toUtf8();
}

QByteArray runsListText(const Source& source, const RunFilter& filter)
{
    QString out;
    for (const RunPtr& run : source.runs) {
        if (!filter.matches(*run))
            continue;
        out += QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                   .arg(run->sessionId, run->runId, runStatusName(run->status),
                        run->tool.isEmpty() ? QStringLiteral("-") : run->tool)
                   .arg(run->events.size());
    }
    return out.toUtf8();
}

} // namespace Runlens
