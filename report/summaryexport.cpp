// SPDX-License-Identifier: MIT
#include "summaryexport.h"

#include "duration.h"
#include "formatutil_p.h"
#include "runbuilder.h"
#include "spantree.h"
#include "traceexport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::SummaryExport)
};

using namespace FormatUtil;

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
                       .arg(mdCell(run.sessionId), mdCell(run.runId), mdCell(run.tool), runStatusLabel(run.status),
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
                       runStatusLabel(run.status), formatDuration(run.durationMs));
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
svg text { fill:var(--fg); font:11px system-ui, sans-serif; white-space:pre; }
svg.trace { overflow:visible; margin:8px 0 16px; } svg .head { fill:var(--muted); font-weight:600; }
svg .grid { stroke:var(--line); } svg .stripe { fill:var(--line); opacity:.35; }
svg .b-ok { fill:var(--bar); } svg .b-error { fill:var(--failed); } svg .b-other { fill:var(--skipped); }
svg .b-unclosed { fill:var(--degraded); stroke:var(--fg); stroke-dasharray:3 2; }
svg .s-error { fill:var(--failed); font-weight:600; } svg .s-unclosed { fill:var(--degraded); font-weight:600; }
svg .path { fill:var(--fg); } svg .critical text { font-weight:600; } svg text.on { fill:#ffffff; }
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

// What a status is called and which class colours its bar; the word is the colour's text twin.
std::pair<QString, QString> spanStatusWord(const Run& run, const SpanTree& tree, int row)
{
    switch (tree.status(row)) {
    case SpanStatus::Ok:
        return { Tr::tr("ok"), QStringLiteral("ok") };
    case SpanStatus::Error:
        return { Tr::tr("error"), QStringLiteral("error") };
    case SpanStatus::Unclosed:
        return { Tr::tr("unclosed"), QStringLiteral("unclosed") };
    case SpanStatus::Other:
        break;
    }
    const QString& said = run.spans[size_t(tree.span(row))].status;
    return { said.isEmpty() ? Tr::tr("other") : said, QStringLiteral("other") };
}

// The text cut to about `pixels` with an ellipsis; SVG cannot measure text, so widths are estimated
// generously (kCharWidth per character) and the row's <title> always has the whole name.
constexpr double kCharWidth = 6.6;

double textWidth(const QString& text)
{
    return text.size() * kCharWidth;
}

QString elided(const QString& text, double pixels)
{
    if (textWidth(text) <= pixels)
        return text;
    const qsizetype keep = qsizetype(pixels / kCharWidth) - 1;
    return keep < 2 ? QString() : text.left(keep) + QChar(0x2026);
}

QString waterfallSvg(const Run& run)
{
    // One row per row of the trace view's span tree, in its order: names indented on the left with
    // duration and status, a bar per row on a shared time axis on the right, labelled on the bar
    // when the name fits, else beside it. At most kMaxRows rows keep the page light.
    constexpr int kMaxRows = 400;
    constexpr int kWidth = 940, kTreeWidth = 410, kRowHeight = 18, kAxisHeight = 20, kIndent = 10;
    constexpr int kDurationWidth = 56, kStatusWidth = 62, kBarsLeft = kTreeWidth + 8,
                  kBarsWidth = kWidth - kBarsLeft - 4;
    const SpanTree tree(run);
    if (tree.isEmpty())
        return {};
    std::vector<int> rows;
    std::vector<int> stack;
    for (int p = tree.childCount(-1) - 1; p >= 0; --p)
        stack.push_back(tree.child(-1, p));
    while (!stack.empty() && int(rows.size()) < kMaxRows) {
        const int row = stack.back();
        stack.pop_back();
        rows.push_back(row);
        for (int p = tree.childCount(row) - 1; p >= 0; --p)
            stack.push_back(tree.child(row, p));
    }
    double endMs = 1;
    for (int row : rows)
        endMs = std::max(endMs, tree.endMs(row));
    const auto x = [&](double ms) { return kBarsLeft + std::max(0.0, ms) / endMs * kBarsWidth; };
    const int more = tree.rowCount() - int(rows.size());
    const int height = kAxisHeight + int(rows.size()) * kRowHeight + (more > 0 ? kRowHeight : 0) + 4;

    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trace\" width=\"%1\" height=\"%2\" "
                                 "role=\"img\" aria-label=\"%3\">")
                      .arg(kWidth)
                      .arg(height)
                      .arg(html(Tr::tr("Trace: spans by start, time from run start")));
    // The axis: ticks 1, 2 or 5 times a power of ten apart, at least 90 pixels.
    const double raw = endMs * 90 / kBarsWidth;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw <= magnitude ? magnitude
        : raw <= 2 * magnitude           ? 2 * magnitude
        : raw <= 5 * magnitude           ? 5 * magnitude
                                         : 10 * magnitude;
    const int decimals = std::max(0, int(-std::floor(std::log10(step))));
    svg += QStringLiteral("<text x=\"4\" y=\"14\" class=\"head\">%1</text>").arg(html(Tr::tr("Span")));
    for (double tick = 0; tick <= endMs + step / 1000; tick += step) {
        svg += QStringLiteral("<line class=\"grid\" x1=\"%1\" x2=\"%1\" y1=\"%2\" y2=\"%3\"/>"
                              "<text x=\"%4\" y=\"14\">%5</text>")
                   .arg(x(tick), 0, 'f', 1)
                   .arg(kAxisHeight - 4)
                   .arg(height)
                   .arg(x(tick) + 3, 0, 'f', 1)
                   .arg(html(Tr::tr("%1 ms").arg(QString::number(tick, 'f', decimals))));
    }

    for (size_t i = 0; i < rows.size(); ++i) {
        const int row = rows[i];
        const Span& span = run.spans[size_t(tree.span(row))];
        const double top = kAxisHeight + double(i) * kRowHeight;
        const double baseline = top + 13;
        const bool critical = tree.isOnCriticalPath(row);
        const auto [status, statusClass] = spanStatusWord(run, tree, row);
        QString name = span.name;
        if (tree.stage(row) >= 0)
            name = Tr::tr("%1  [%2]").arg(name, run.stages[size_t(tree.stage(row))].stage);
        double durationMs = span.durationMs;
        if (tree.mergedSpan(row) >= 0)
            durationMs = std::max(durationMs, run.spans[size_t(tree.mergedSpan(row))].durationMs);
        QString title = Tr::tr("%1 %2: %3 (%4)").arg(span.kind, name, formatDuration(durationMs), status);
        if (tree.mergedSpan(row) >= 0)
            title += QLatin1Char('\n')
                + Tr::tr("with the %1 of the same name inside it").arg(run.spans[size_t(tree.mergedSpan(row))].kind);
        if (critical)
            title += QLatin1Char('\n') + Tr::tr("on the critical path");

        svg += QStringLiteral("<g class=\"row%1\"><title>%2</title>")
                   .arg(critical ? QStringLiteral(" critical") : QString(), html(title));
        if (i % 2 == 1)
            svg += QStringLiteral("<rect class=\"stripe\" x=\"0\" y=\"%1\" width=\"%2\" height=\"%3\"/>")
                       .arg(top)
                       .arg(kWidth)
                       .arg(kRowHeight);
        // The tree's columns: the indented name (cut with an ellipsis only where it would run into
        // the duration; the title has it whole), the duration, the status word.
        const double nameLeft = 4 + tree.depth(row) * kIndent;
        const double nameRoom = kTreeWidth - kDurationWidth - kStatusWidth - nameLeft - 6;
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>")
                   .arg(nameLeft, 0, 'f', 1)
                   .arg(baseline, 0, 'f', 1)
                   .arg(html(elided(name, nameRoom)));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>"
                              "<text x=\"%4\" y=\"%2\" class=\"s-%5\">%6</text>")
                   .arg(kTreeWidth - kStatusWidth - 6)
                   .arg(baseline, 0, 'f', 1)
                   .arg(html(formatDuration(durationMs)))
                   .arg(kTreeWidth - kStatusWidth)
                   .arg(statusClass, html(elided(status, kStatusWidth)));

        // The bar, underlined on the critical path, dashed when unclosed; its label inside when it
        // fits, else beside it on the side with room, else cut with an ellipsis (the title has it).
        const double left = x(tree.startMs(row));
        const double width = std::max(1.5, x(tree.endMs(row)) - left);
        svg += QStringLiteral("<rect class=\"b-%1\" x=\"%2\" y=\"%3\" width=\"%4\" height=\"%5\" rx=\"2\"/>")
                   .arg(statusClass)
                   .arg(left, 0, 'f', 1)
                   .arg(top + 3, 0, 'f', 1)
                   .arg(width, 0, 'f', 1)
                   .arg(kRowHeight - 6);
        if (critical)
            svg += QStringLiteral("<rect class=\"path\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"1.5\"/>")
                       .arg(left, 0, 'f', 1)
                       .arg(top + kRowHeight - 2, 0, 'f', 1)
                       .arg(width, 0, 'f', 1);
        const QString label = span.name;
        const double inside = width - 8;
        const double right = kWidth - (left + width) - 8;
        const double before = left - kBarsLeft - 8;
        QString placed;
        if (textWidth(label) <= inside)
            placed = QStringLiteral("<text class=\"on\" x=\"%1\" y=\"%2\">%3</text>")
                         .arg(left + 4, 0, 'f', 1)
                         .arg(baseline, 0, 'f', 1)
                         .arg(html(label));
        else if (textWidth(label) <= right || right >= before)
            placed = QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>")
                         .arg(left + width + 4, 0, 'f', 1)
                         .arg(baseline, 0, 'f', 1)
                         .arg(html(elided(label, right)));
        else
            placed = QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\">%3</text>")
                         .arg(left - 4, 0, 'f', 1)
                         .arg(baseline, 0, 'f', 1)
                         .arg(html(elided(label, before)));
        svg += placed + QLatin1String("</g>");
    }
    if (more > 0)
        svg += QStringLiteral("<text x=\"4\" y=\"%1\" class=\"head\">%2</text>")
                   .arg(kAxisHeight + double(rows.size()) * kRowHeight + 13, 0, 'f', 1)
                   .arg(html(Tr::tr("%n more row(s) not shown", nullptr, more)));
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
                   .arg(html(runStatusLabel(run.status)), html(run.tool.isEmpty() ? Tr::tr("no tool") : run.tool),
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
        { QStringLiteral("html"), ExportFormat::Html }, { QStringLiteral("chrome-trace"), ExportFormat::ChromeTrace },
        { QStringLiteral("otlp"), ExportFormat::Otlp } };
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
    case ExportFormat::ChromeTrace:
    case ExportFormat::Otlp: {
        std::vector<RunPtr> runs;
        for (const RunHints& run : report.runs)
            runs.push_back(run.run);
        return format == ExportFormat::ChromeTrace ? chromeTrace(runs) : otlpTrace(runs);
    }
    }
    return {};
}

} // namespace Runlens
