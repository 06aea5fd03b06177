// SPDX-License-Identifier: MIT
#include "runreport.h"
#include "duration.h"
#include "printable.h"

#include "jsontext_p.h"
#include "parallel_p.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Report)
};

// Durations as the report has always written them: rounded to microseconds, integral ones as integers.
void writeDuration(JsonText& json, double ms)
{
    if (std::isnan(ms)) {
        json.null();
        return;
    }
    const double rounded = std::round(ms * 1000.0) / 1000.0;
    if (rounded == std::floor(rounded) && std::abs(rounded) < 1e15)
        json.integer(qint64(rounded));
    else
        json.real(rounded);
}

void writeProblem(JsonText& json, const Diagnostic& d)
{
    json.beginObject();
    json.key("file").string(d.file);
    json.key("line").integer(d.line);
    json.key("offset").integer(d.byteOffset);
    json.key("severity").string(d.severity == Diagnostic::Severity::Error ? "error" : "warning");
    json.key("message").string(d.message);
    json.endObject();
}

void writeRun(JsonText& json, const Run& run, const QJsonArray& hints)
{
    json.beginObject();
    json.key("session_id").string(run.sessionId);
    json.key("run_id").string(run.runId);
    json.key("tool").optionalString(run.tool);
    json.key("status").string(runStatusName(run.status));
    json.key("stop_reason").optionalString(run.stopReason);
    json.key("stopped_after").optionalString(run.stoppedAfter);
    json.key("started_at").real(run.startedAt);
    json.key("finished_at").real(run.finishedAt);
    json.key("duration_ms");
    writeDuration(json, run.durationMs);
    json.key("event_count").unsignedInteger(run.events.size());
    json.key("ops_coverage").beginObject();
    for (size_t k = 0; k < OpsCoverage::keys.size(); ++k)
        json.key(OpsCoverage::keys[k]).boolean(run.opsCoverage.values[k]);
    json.endObject();
    json.key("ops_coverage_source").string(run.opsCoverage.stored ? "stored" : "computed");
    json.key("budgets").value(run.budgets());
    json.key("budgets_source").optionalString(run.budgetsSource);
    json.key("checkpoints").beginArray();
    for (const Checkpoint& cp : run.checkpoints) {
        json.beginObject();
        json.key("name").string(cp.name);
        json.key("ok").boolean(cp.ok);
        json.key("reason").optionalString(cp.reason);
        json.endObject();
    }
    json.endArray();
    json.key("stages").beginArray();
    for (const StageCell& cell : run.stages) {
        json.beginObject();
        json.key("stage").string(cell.stage);
        json.key("status").string(cellStatusName(cell.status));
        json.key("duration_ms");
        writeDuration(json, cell.durationMs);
        json.key("names").beginArray();
        for (const QString& name : decidingNames(run, cell))
            json.string(name);
        json.endArray();
        json.key("reason").optionalString(cell.reason);
        json.key("secondary_reason").optionalString(cell.secondaryReason);
        json.endObject();
    }
    json.endArray();
    json.key("hints").value(hints);
    json.key("stored_hints");
    if (run.hasStoredHints) {
        json.beginArray();
        for (const StoredHint& h : run.storedHints) {
            json.beginObject();
            json.key("kind").string(h.kind);
            json.key("msg").string(h.msg);
            json.key("why").value(h.why);
            json.endObject();
        }
        json.endArray();
    } else {
        json.null();
    }
    json.key("problems").beginArray();
    for (const Diagnostic& d : run.problems)
        writeProblem(json, d);
    json.endArray();
    json.endObject();
}

QString hintLine(const Hint& hint)
{
    return QStringLiteral("[%1] %2: %3").arg(severityName(hint.severity), printable(hint.kind), printable(hint.msg));
}

} // namespace

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
            name = ev.source + QLatin1Char(' ') + ev.text->section(QLatin1Char(' '), 0, 0);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

void writeReportJson(const Source& source, const RunFilter& filter, const HintSettings& hints,
    const std::function<void(const QByteArray&)>& write)
{
    std::string out;
    const auto flush = [&] {
        write(QByteArray::fromRawData(out.data(), qsizetype(out.size())));
        out.clear();
    };
    JsonText json(out);
    json.beginObject();
    json.key("format").string("runlens-report/1"); // the contract: docs/schemas/runlens-report-1.schema.json
    json.key("source").string(source.path);
    json.key("kind").string(sourceKindName(source.kind));
    if (!source.label.isEmpty()) // only for upstream's documents: a pack's or a timeline's report is as it was
        json.key("label").string(source.label);
    json.key("layout").optionalString(layoutName(source.layout));
    json.key("meta");
    if (source.meta.isEmpty())
        json.null();
    else
        json.value(source.meta);
    json.key("event_count").integer(source.eventCount);
    json.key("runs").beginArray();
    std::vector<const Run*> selected;
    for (const RunPtr& run : source.runs) {
        if (filter.matches(*run))
            selected.push_back(run.get());
    }
    // Runs are written on every core in batches, then passed on in order; a batch bounds the memory.
    constexpr size_t kBatch = 128;
    const int depth = json.depth();
    std::vector<std::string> texts;
    for (size_t first = 0; first < selected.size(); first += kBatch) {
        texts.assign(std::min(kBatch, selected.size() - first), std::string());
        parallelFor(qsizetype(texts.size()), [&](qsizetype i) {
            const Run& run = *selected[first + size_t(i)];
            JsonText runJson(texts[size_t(i)], depth);
            writeRun(runJson, run, hintsToJson(findHints(run, hints)));
        });
        for (const std::string& text : texts)
            json.preformatted(text);
        flush();
    }
    json.endArray();
    json.key("problems").beginArray();
    for (const Diagnostic& d : source.problems)
        writeProblem(json, d);
    json.endArray();
    json.endObject();
    out += '\n';
    flush();
}

QByteArray reportJson(const Source& source, const RunFilter& filter, const HintSettings& hints)
{
    QByteArray all;
    writeReportJson(source, filter, hints, [&all](const QByteArray& text) { all += text; });
    return all;
}

QString reportTextHeader(const Source& source)
{
    QString out =
        Tr::tr("Source: %1 (%2%3)\n")
            .arg(printable(source.path), sourceKindName(source.kind),
                source.layout == Source::Layout::None ? QString() : QLatin1String(", ") + layoutName(source.layout));
    if (!source.label.isEmpty())
        out += Tr::tr("Opened as: %1\n").arg(printable(source.label));
    return out;
}

QString runReportText(const Run& run, const HintSettings& hints)
{
    QString out = Tr::tr("Run %1 / %2  %3  %4  %5\n")
                      .arg(printable(run.sessionId), printable(run.runId),
                          run.tool.isEmpty() ? Tr::tr("(no tool)") : printable(run.tool), runStatusLabel(run.status),
                          formatDuration(run.durationMs));
    if (!run.stopReason.isEmpty())
        out += Tr::tr("  stop reason: %1\n").arg(printable(run.stopReason));
    for (const StageCell& cell : run.stages) {
        out += QStringLiteral("  %1 %2 %3%4\n")
                   .arg(printable(cell.stage), -14)
                   .arg(cellStatusLabel(cell.status), -12)
                   .arg(formatDuration(cell.durationMs), -9)
                   .arg(cell.reason.isEmpty() ? QString() : QLatin1String("  ") + printable(cell.reason));
    }
    for (const Hint& hint : findHints(run, hints))
        out += QLatin1String("  ") + hintLine(hint) + QLatin1Char('\n');
    return out;
}

QByteArray reportText(const Source& source, const RunFilter& filter, const HintSettings& hints)
{
    QString out = reportTextHeader(source);
    for (const RunPtr& run : source.runs) {
        if (filter.matches(*run))
            out += QLatin1Char('\n') + runReportText(*run, hints);
    }
    if (!source.problems.isEmpty()) {
        out += QLatin1Char('\n') + Tr::tr("Problems (%1):\n").arg(source.problems.size());
        for (const Diagnostic& d : source.problems)
            out += QLatin1String("  ") + d.toString() + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray reportMarkdown(const Source& source, const RunFilter& filter, const HintSettings& hints)
{
    QString out = Tr::tr("# Runlens report: `%1`\n").arg(printable(source.path));
    if (!source.label.isEmpty())
        out += Tr::tr("\nOpened as: %1\n").arg(printable(source.label));
    for (const RunPtr& run : source.runs) {
        if (!filter.matches(*run))
            continue;
        out += QStringLiteral("\n## %1 / %2\n\n").arg(printable(run->sessionId), printable(run->runId));
        out += Tr::tr("- Tool: %1\n- Status: %2\n- Duration: %3\n")
                   .arg(run->tool.isEmpty() ? Tr::tr("(none)") : QStringLiteral("`%1`").arg(printable(run->tool)),
                       runStatusLabel(run->status), formatDuration(run->durationMs));
        if (!run->stopReason.isEmpty())
            out += Tr::tr("- Stop reason: %1\n").arg(printable(run->stopReason));
        if (!run->stages.empty()) {
            out += Tr::tr("\n| Stage | Status | Duration | Reason |\n|---|---|---|---|\n");
            for (const StageCell& cell : run->stages)
                out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                           .arg(printable(cell.stage).replace(QLatin1Char('|'), QLatin1String("\\|")),
                               cellStatusLabel(cell.status), formatDuration(cell.durationMs),
                               printable(cell.reason).replace(QLatin1Char('|'), QLatin1String("\\|")));
        }
        const Hints list = findHints(*run, hints);
        if (!list.empty()) {
            out += Tr::tr("\n**Hints**\n\n");
            for (const Hint& hint : list)
                out += QLatin1String("- ") + hintLine(hint) + QLatin1Char('\n');
        }
    }
    if (!source.problems.isEmpty()) {
        out += Tr::tr("\n## Problems\n\n");
        for (const Diagnostic& d : source.problems)
            out += QLatin1String("- `") + d.toString() + QLatin1String("`\n");
    }
    return out.toUtf8();
}

QByteArray runReportJson(const Run& run, const Hints& hints)
{
    std::string out;
    JsonText json(out);
    writeRun(json, run, hintsToJson(hints));
    return QByteArray(out.data(), qsizetype(out.size()));
}

QByteArray runsListText(const Source& source, const RunFilter& filter)
{
    QString out;
    for (const RunPtr& run : source.runs) {
        if (!filter.matches(*run))
            continue;
        out += QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                   .arg(printable(run->sessionId), printable(run->runId), runStatusName(run->status),
                       run->tool.isEmpty() ? QStringLiteral("-") : printable(run->tool))
                   .arg(run->events.size());
    }
    return out.toUtf8();
}

} // namespace Runlens
