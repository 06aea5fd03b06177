// SPDX-License-Identifier: MIT
#include "summaryexport.h"

#include "formatutil_p.h"
#include "runbuilder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::SummaryExport)
};

using namespace FormatUtil;

QString statusLabel(RunStatus status)
{
    switch (status) {
    case RunStatus::Complete:
        return Tr::tr("Complete");
    case RunStatus::Error:
        return Tr::tr("Failed");
    case RunStatus::CutOff:
        return Tr::tr("Cut off");
    case RunStatus::Running:
        return Tr::tr("Running");
    case RunStatus::Background:
        return Tr::tr("Background");
    }
    return {};
}

// Escaped for HTML, control characters made visible first: the page may be read in a terminal too.
QString html(const QString& s)
{
    return printable(s).toHtmlEscaped();
}

// " (suppressed)" or " (disputed: why)" for a hint that does not count; empty for an active one.
QString notCountedNote(const Hint& hint)
{
    if (hint.isSuppressed())
        return Tr::tr(" (suppressed)");
    if (hint.isDisputed())
        return Tr::tr(" (disputed: %1)").arg(hint.disputed);
    return {};
}

// Errors first, then warnings, then notes, each in the detectors' order; the suppressed and disputed ones,
// which count for nothing, after all counted ones. A reader of a ticket looks at the top rows.
Hints bySeverity(Hints hints)
{
    std::stable_sort(hints.begin(), hints.end(), [](const Hint& x, const Hint& y) {
        if (x.isActive() != y.isActive())
            return x.isActive();
        return x.severity > y.severity;
    });
    return hints;
}

QByteArray markdown(const HintReport& report)
{
    QString out = Tr::tr("# Runlens summary: `%1`\n\n").arg(printable(report.source));
    out += Tr::tr(
        "| Session | Run | Tool | Status | Severity | Kind | Message | Why |\n|---|---|---|---|---|---|---|---|\n");
    int rows = 0;
    for (const RunHints& entry : report.runs) {
        const Run& run = *entry.run;
        for (const Hint& hint : entry.hints) {
            if (!hint.isActive())
                continue;
            ++rows;
            out += QStringLiteral("| %1 | `%2` | %3 | %4 | %5 | `%6` | %7 | `%8` |\n")
                       .arg(mdCell(run.sessionId), mdCell(run.runId), mdCell(run.tool), statusLabel(run.status),
                           severityName(hint.severity), mdCell(hint.kind), mdCell(hint.msg), mdCell(whyText(hint.why)));
        }
    }
    if (rows == 0)
        out += Tr::tr("| | | | | | | No hints. | |\n");
    QString disputed;
    for (const RunHints& entry : report.runs) {
        for (const Hint& hint : entry.hints) {
            if (hint.isDisputed() && !hint.isSuppressed())
                disputed += QStringLiteral("| %1 | `%2` | `%3` | %4 | %5 |\n")
                                .arg(mdCell(entry.run->sessionId), mdCell(entry.run->runId), mdCell(hint.kind),
                                    mdCell(hint.msg), mdCell(hint.disputed));
        }
    }
    if (!disputed.isEmpty())
        out += Tr::tr("\nDisputed (stored by upstream, contradicted by the run's own lines; not counted):\n\n"
                      "| Session | Run | Kind | Message | Why disputed |\n|---|---|---|---|---|\n")
            + disputed;
    for (const RunHints& entry : report.runs) {
        const Run& run = *entry.run;
        out += QStringLiteral("\n## %1 / `%2`\n\n").arg(mdCell(run.sessionId), mdCell(run.runId));
        out += Tr::tr("%1, %2, %3")
                   .arg(run.tool.isEmpty() ? Tr::tr("no tool") : QStringLiteral("`%1`").arg(run.tool),
                       statusLabel(run.status), formatDuration(run.durationMs));
        if (!run.stopReason.isEmpty())
            out += Tr::tr(", stop reason: %1").arg(mdCell(run.stopReason));
        out += QLatin1String("\n\n");
        if (run.stages.empty()) {
            out += Tr::tr("No stage grid (no tool scope).\n");
            continue;
        }
        out += Tr::tr("| Stage | Status | Duration | Reason |\n|---|---|---|---|\n");
        for (const StageCell& cell : run.stages)
            out += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                       .arg(mdCell(cell.stage), cellStatusLabel(cell.status), formatDuration(cell.durationMs),
                           mdCell(cell.reason));
    }
    return out.toUtf8();
}

QByteArray csv(const HintReport& report)
{
    QStringList header = { QStringLiteral("session_id"), QStringLiteral("run_id"), QStringLiteral("tool"),
        QStringLiteral("status"), QStringLiteral("kind"), QStringLiteral("severity"), QStringLiteral("origin"),
        QStringLiteral("suppressed"), QStringLiteral("message"), QStringLiteral("why"), QStringLiteral("disputed") };
    for (const QString& row : fixedStageRows())
        header.append(QStringLiteral("stage:") + row);
    QString out = header.join(u',') + QLatin1String("\r\n");
    for (const RunHints& entry : report.runs) {
        const Run& run = *entry.run;
        QStringList grid;
        for (const QString& row : fixedStageRows()) {
            const StageCell* cell = run.stage(row);
            grid.append(cell ? cellStatusName(cell->status) : QString());
        }
        auto line = [&](const Hint* hint) {
            QStringList fields = { run.sessionId, run.runId, run.tool, runStatusName(run.status) };
            if (hint)
                fields << hint->kind << severityName(hint->severity)
                       << (hint->origin == Hint::Origin::Stored ? QStringLiteral("stored") : QStringLiteral("computed"))
                       << (hint->isSuppressed() ? QStringLiteral("yes") : QStringLiteral("no")) << hint->msg
                       << whyText(hint->why) << hint->disputed;
            else
                fields << QString() << QString() << QString() << QString() << QString() << QString() << QString();
            fields += grid;
            out += csvRecord(fields);
        };
        if (entry.hints.empty())
            line(nullptr); // every run appears, with its grid, even without hints
        for (const Hint& hint : entry.hints)
            line(&hint);
    }
    return out.toUtf8();
}

QJsonArray stagesJson(const Run& run)
{
    QJsonArray stages;
    for (const StageCell& cell : run.stages) {
        stages.append(QJsonObject { { QStringLiteral("stage"), cell.stage.toString() },
            { QStringLiteral("status"), cellStatusName(cell.status) },
            { QStringLiteral("duration_ms"), jsonNumber(cell.durationMs) },
            { QStringLiteral("reason"), jsonText(cell.reason) } });
    }
    return stages;
}

QByteArray json(const HintReport& report)
{
    QJsonArray runs;
    for (const RunHints& entry : report.runs) {
        const Run& run = *entry.run;
        QJsonArray hints;
        for (const Hint& hint : entry.hints)
            hints.append(hintToJson(hint));
        QJsonObject object = runJson(run);
        object.insert(QStringLiteral("stages"), stagesJson(run));
        object.insert(QStringLiteral("hints"), hints);
        runs.append(object);
    }
    QJsonArray sourceHints;
    for (const Hint& hint : report.sourceHints)
        sourceHints.append(hintToJson(hint));
    const QJsonObject root { { QStringLiteral("format"), QStringLiteral("runlens-summary/1") },
        { QStringLiteral("source"), report.source },
        { QStringLiteral("generator"), QStringLiteral("runlens " RUNLENS_VERSION) }, { QStringLiteral("runs"), runs },
        { QStringLiteral("source_hints"), sourceHints } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// --- HTML: one self-contained page, no scripts, no network; colours always with text.

const char* kCss = R"(
:root { --bg:#ffffff; --fg:#1d2126; --muted:#5b636d; --line:#d8dde3; --ran:#2e7d32; --skipped:#6b7280;
        --failed:#c62828; --degraded:#e07b00; --notreached:#9aa3ad; --bar:#2f6fb3; }
@media (prefers-color-scheme: dark) {
  :root { --bg:#16191d; --fg:#e6e9ed; --muted:#9aa3ad; --line:#2e343b; --ran:#5cb860; --skipped:#9aa3ad;
          --failed:#ef5350; --degraded:#ffa726; --notreached:#6b7480; --bar:#5a9be0; } }
body { background:var(--bg); color:var(--fg); font:14px/1.45 system-ui, sans-serif; margin:24px; }
h1 { font-size:20px; } h2 { font-size:16px; margin-top:32px; border-top:1px solid var(--line); padding-top:16px; }
code, .mono { font-family: ui-monospace, monospace; font-size:12px; }
td.mono { overflow-wrap:anywhere; max-width:480px; } td code { white-space:nowrap; }
table { border-collapse:collapse; margin:8px 0 16px; }
th, td { border:1px solid var(--line); padding:4px 8px; text-align:left; vertical-align:top; }
th { color:var(--muted); font-weight:600; }
.cell { font-weight:600; white-space:nowrap; }
.ran { color:var(--ran); } .skipped { color:var(--skipped); } .failed { color:var(--failed); }
.degraded { color:var(--degraded); } .not-reached { color:var(--notreached); } .running { color:var(--bar); }
.sev-error { color:var(--failed); font-weight:600; } .sev-warning { color:var(--degraded); font-weight:600; }
.sev-note { color:var(--muted); font-weight:600; }
.meta { color:var(--muted); }
svg text { fill:var(--fg); font:11px system-ui, sans-serif; }
svg .axis { stroke:var(--line); }
)";

QString cellGlyph(CellStatus status)
{
    switch (status) {
    case CellStatus::Ran:
        return QStringLiteral("\u2714");
    case CellStatus::Skipped:
        return QStringLiteral("\u21b7");
    case CellStatus::Failed:
        return QStringLiteral("\u2716");
    case CellStatus::Degraded:
        return QStringLiteral("\u26a0");
    case CellStatus::Running:
        return QStringLiteral("\u25b6");
    case CellStatus::NotReached:
        return QStringLiteral("\u25cb");
    }
    return {};
}

QString waterfallSvg(const Run& run)
{
    // Closed and unclosed spans, one lane per depth; at most 400 spans keep the page light.
    int maxDepth = 0;
    double endMs = 1;
    int shown = 0;
    for (const Span& span : run.spans) {
        if (span.startEvent < 0 || shown++ >= 400)
            continue;
        maxDepth = std::max(maxDepth, span.depth);
        endMs = std::max(endMs, run.offsetMs(span.endTs));
    }
    if (shown == 0)
        return {};
    const int width = 900, label = 0, lane = 18;
    const int height = (maxDepth + 1) * lane + 24;
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" role=\"img\" "
                                 "aria-label=\"%3\">")
                      .arg(width)
                      .arg(height)
                      .arg(html(Tr::tr("Latency waterfall")));
    shown = 0;
    for (const Span& span : run.spans) {
        if (span.startEvent < 0 || shown++ >= 400)
            continue;
        const double x = label + run.offsetMs(span.startTs) / endMs * (width - label - 4);
        const double w = std::max(1.0, span.durationMs / endMs * (width - label - 4));
        const QString colour = span.status == QLatin1String("error") ? QStringLiteral("var(--failed)")
            : span.isClosed()                                        ? QStringLiteral("var(--bar)")
                                                                     : QStringLiteral("var(--degraded)");
        svg += QStringLiteral("<g><title>%1 %2: %3 (%4)</title><rect x=\"%5\" y=\"%6\" width=\"%7\" height=\"%8\" "
                              "rx=\"2\" fill=\"%9\" opacity=\"0.85\"/>")
                   .arg(html(span.kind), html(span.name), html(formatDuration(span.durationMs)), html(span.status))
                   .arg(x, 0, 'f', 1)
                   .arg(span.depth * lane + 2)
                   .arg(w, 0, 'f', 1)
                   .arg(lane - 4)
                   .arg(colour);
        if (w > 7.0 * span.name->size())
            svg += QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>")
                       .arg(x + 3, 0, 'f', 1)
                       .arg(span.depth * lane + 14)
                       .arg(html(span.name));
        svg += QLatin1String("</g>");
    }
    svg += QStringLiteral("<line class=\"axis\" x1=\"0\" x2=\"%1\" y1=\"%2\" y2=\"%2\"/>").arg(width).arg(height - 20);
    svg += QStringLiteral("<text x=\"0\" y=\"%1\">0 ms</text><text x=\"%2\" y=\"%1\" text-anchor=\"end\">%3</text>")
               .arg(height - 6)
               .arg(width - 4)
               .arg(html(formatDuration(endMs)));
    return svg + QLatin1String("</svg>");
}

QByteArray htmlPage(const HintReport& report)
{
    QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                 "<meta name=\"viewport\" content=\"width=device-width\">"
                                 "<title>%1</title><style>%2</style></head><body>\n")
                      .arg(html(Tr::tr("Runlens summary")), QLatin1String(kCss));
    out += QStringLiteral("<h1>%1</h1><p class=\"meta\">%2 <code>%3</code></p>\n")
               .arg(html(Tr::tr("Runlens summary")), html(Tr::tr("Source:")), html(report.source));
    for (const RunHints& entry : report.runs) {
        const Run& run = *entry.run;
        out += QStringLiteral("<section class=\"run\" id=\"run-%1\"><h2>%2 / <code>%1</code></h2>\n")
                   .arg(html(run.runId), html(run.sessionId));
        out += QStringLiteral("<p><b>%1</b> &middot; %2 &middot; %3%4</p>\n")
                   .arg(html(statusLabel(run.status)), html(run.tool.isEmpty() ? Tr::tr("no tool") : run.tool),
                       html(formatDuration(run.durationMs)),
                       run.stopReason.isEmpty() ? QString() : QStringLiteral(" &middot; ") + html(run.stopReason));
        if (!run.stages.empty()) {
            out += QStringLiteral("<table class=\"grid\"><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>\n")
                       .arg(html(Tr::tr("Stage")), html(Tr::tr("Status")), html(Tr::tr("Duration")),
                           html(Tr::tr("Reason")));
            for (const StageCell& cell : run.stages)
                out += QStringLiteral("<tr><td>%1</td><td class=\"cell %2\">%3 %4</td><td>%5</td><td>%6</td></tr>\n")
                           .arg(html(cell.stage), cellStatusName(cell.status), cellGlyph(cell.status),
                               html(cellStatusLabel(cell.status)), html(formatDuration(cell.durationMs)),
                               html(cell.reason));
            out += QLatin1String("</table>\n");
        }
        out += waterfallSvg(run);
        out += QStringLiteral("<table class=\"hints\"><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>\n")
                   .arg(html(Tr::tr("Severity")), html(Tr::tr("Kind")), html(Tr::tr("Message")), html(Tr::tr("Why")));
        if (entry.hints.empty())
            out += QStringLiteral("<tr><td colspan=\"4\">%1</td></tr>\n").arg(html(Tr::tr("No hints.")));
        for (const Hint& hint : bySeverity(entry.hints))
            out += QStringLiteral("<tr class=\"hint\"><td class=\"sev-%1\">%1%2</td><td><code>%3</code></td><td>%4</td>"
                                  "<td class=\"mono\">%5</td></tr>\n")
                       .arg(severityName(hint.severity), html(notCountedNote(hint)), html(hint.kind), html(hint.msg),
                           html(whyText(hint.why)));
        out += QLatin1String("</table></section>\n");
    }
    out += QLatin1String("</body></html>\n");
    return out.toUtf8();
}

} // namespace

bool parseExportFormat(const QString& name, ExportFormat* format)
{
    static const QHash<QString, ExportFormat> formats = { { QStringLiteral("md"), ExportFormat::Markdown },
        { QStringLiteral("csv"), ExportFormat::Csv }, { QStringLiteral("json"), ExportFormat::Json },
        { QStringLiteral("html"), ExportFormat::Html } };
    const auto it = formats.constFind(name);
    if (it == formats.constEnd())
        return false;
    *format = *it;
    return true;
}

QByteArray exportSummary(const HintReport& report, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return markdown(report);
    case ExportFormat::Csv:
        return csv(report);
    case ExportFormat::Json:
        return json(report);
    case ExportFormat::Html:
        return htmlPage(report);
    }
    return {};
}

} // namespace Runlens
