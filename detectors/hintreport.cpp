// SPDX-License-Identifier: MIT
#include "hintreport.h"
#include "formatutil_p.h"
#include "parallel_p.h"
#include "suppressions.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QXmlStreamWriter>

#include <map>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::HintReport)
};

QString originName(Hint::Origin origin)
{
    return origin == Hint::Origin::Stored ? QStringLiteral("stored") : QStringLiteral("computed");
}

using namespace FormatUtil;

// Every (run, hint) pair in report order, source-level hints first.
template <typename F> void forEachHint(const HintReport& report, F f)
{
    for (const Hint& hint : report.sourceHints)
        f(nullptr, hint);
    for (const RunHints& entry : report.runs) {
        for (const Hint& hint : entry.hints)
            f(entry.run.get(), hint);
    }
}

// "session/run" of a hint's run, "(input)" for a hint about the whole input; made printable.
QString where(const Run* run)
{
    return run ? printable(run->sessionId + u'/' + run->runId) : Tr::tr("(input)");
}

QString runStatus(const Run* run)
{
    return run ? runStatusName(run->status) : QString();
}

} // namespace

int HintReport::countAtOrAbove(Severity severity) const
{
    int count = 0;
    forEachHint(*this, [&](const Run*, const Hint& hint) {
        if (hint.isActive() && hint.severity >= severity)
            ++count;
    });
    return count;
}

int HintReport::suppressedCount() const
{
    int count = 0;
    forEachHint(*this, [&](const Run*, const Hint& hint) { count += hint.isSuppressed() ? 1 : 0; });
    return count;
}

int HintReport::disputedCount() const
{
    int count = 0;
    forEachHint(
        *this, [&](const Run*, const Hint& hint) { count += hint.isDisputed() && !hint.isSuppressed() ? 1 : 0; });
    return count;
}

HintReport buildHintReport(const Source& source, const RunFilter& filter, const Suppressions* suppressions,
    const Thresholds& thresholds, const HintReport* previous)
{
    QHash<const Run*, const Hints*> known;
    if (previous) {
        for (const RunHints& runHints : previous->runs)
            known.insert(runHints.run.get(), &runHints.hints);
    }
    HintReport report;
    report.source = source.path;
    report.sourceHints = detectSourceProblems(source);
    if (suppressions)
        suppressions->apply(report.sourceHints);
    std::vector<const RunPtr*> selected;
    for (const RunPtr& run : source.runs) {
        if (filter.matches(*run))
            selected.push_back(&run);
    }
    // Detectors are pure functions of one run: every core takes runs, the report keeps their order.
    std::vector<Hints> computed(selected.size());
    parallelFor(qsizetype(selected.size()), [&](qsizetype i) {
        const Run* run = selected[size_t(i)]->get();
        if (known.contains(run))
            return;
        computed[size_t(i)] = detectRun(*run, thresholds);
        if (suppressions)
            suppressions->apply(computed[size_t(i)]);
    });
    report.runs.reserve(selected.size());
    for (size_t i = 0; i < selected.size(); ++i) {
        // Not `lent ? *lent : std::move(computed[i])`: a conditional with a const lvalue copies either way.
        if (const Hints* lent = known.value(selected[i]->get()))
            report.runs.push_back({ *selected[i], *lent });
        else
            report.runs.push_back({ *selected[i], std::move(computed[i]) });
    }
    return report;
}

QJsonObject hintToJson(const Hint& hint)
{
    QJsonArray evidence;
    for (const HintEvidence& e : hint.evidence) {
        QJsonObject object { { QStringLiteral("file"), e.file }, { QStringLiteral("text"), e.text } };
        object.insert(QStringLiteral("line"), e.line > 0 ? QJsonValue(e.line) : QJsonValue());
        object.insert(QStringLiteral("event"), e.event >= 0 ? QJsonValue(e.event) : QJsonValue());
        object.insert(QStringLiteral("span"), e.span >= 0 ? QJsonValue(e.span) : QJsonValue());
        evidence.append(object);
    }
    QJsonObject object { { QStringLiteral("kind"), hint.kind },
        { QStringLiteral("severity"), severityName(hint.severity) }, { QStringLiteral("msg"), hint.msg },
        { QStringLiteral("why"), hint.why }, { QStringLiteral("origin"), originName(hint.origin) },
        { QStringLiteral("evidence"), evidence } };
    object.insert(QStringLiteral("suppressed_by"), hint.isSuppressed() ? QJsonValue(hint.suppressedBy) : QJsonValue());
    object.insert(QStringLiteral("disputed"), hint.isDisputed() ? QJsonValue(hint.disputed) : QJsonValue());
    return object;
}

HintsProvider hintsProvider(const Suppressions* suppressions, const Thresholds& thresholds)
{
    return [suppressions, thresholds](const Run& run) {
        Hints hints = detectRun(run, thresholds);
        if (suppressions)
            suppressions->apply(hints);
        QJsonArray array;
        for (const Hint& hint : hints)
            array.append(hintToJson(hint));
        return array;
    };
}

HintsProvider upstreamHintsProvider()
{
    return [](const Run& run) {
        QJsonArray array;
        for (const Hint& hint : detectRun(run)) {
            const Rule* rule = findRule(hint.kind);
            if (rule && rule->upstream)
                array.append(QJsonObject { { QStringLiteral("kind"), hint.kind }, { QStringLiteral("msg"), hint.msg },
                    { QStringLiteral("why"), hint.why } });
        }
        return array;
    };
}

QByteArray hintsText(const HintReport& report)
{
    QString out;
    for (Severity severity : { Severity::Error, Severity::Warning, Severity::Note }) {
        QStringList lines;
        forEachHint(report, [&](const Run* run, const Hint& hint) {
            if (hint.severity != severity || !hint.isActive())
                return;
            lines.append(
                QStringLiteral("  %1  %2  %3").arg(printable(hint.kind), -26).arg(where(run), printable(hint.msg)));
            if (!hint.why.isEmpty())
                lines.append(QStringLiteral("      why: ") + whyText(hint.why));
            if (!hint.evidence.empty()) {
                const HintEvidence& e = hint.evidence.front();
                lines.append(
                    QStringLiteral("      at: %1:%2 %3").arg(printable(e.file)).arg(e.line).arg(printable(e.text)));
            }
        });
        const int count = int(std::count_if(
            lines.begin(), lines.end(), [](const QString& l) { return !l.startsWith(QLatin1String("      ")); }));
        out += QStringLiteral("%1 (%2)\n").arg(severityName(severity).toUpper()).arg(count);
        for (const QString& line : std::as_const(lines))
            out += line + u'\n';
    }
    // Hints that do not count, each with the reason: suppressed by the user, or disputed by the data.
    QStringList suppressed, disputed;
    forEachHint(report, [&](const Run* run, const Hint& hint) {
        if (hint.isSuppressed())
            suppressed.append(
                QStringLiteral("  %1  %2  (%3)").arg(printable(hint.kind), where(run), printable(hint.suppressedBy)));
        else if (hint.isDisputed())
            disputed.append(QStringLiteral("  %1  %2  %3\n      disputed: %4")
                                .arg(printable(hint.kind), where(run), printable(hint.msg), printable(hint.disputed)));
    });
    out += QStringLiteral("SUPPRESSED (%1)\n").arg(suppressed.size());
    for (const QString& line : std::as_const(suppressed))
        out += line + u'\n';
    if (!disputed.isEmpty()) {
        out += QStringLiteral("DISPUTED (%1)\n").arg(disputed.size());
        for (const QString& line : std::as_const(disputed))
            out += line + u'\n';
    }
    return out.toUtf8();
}

QByteArray hintsMarkdown(const HintReport& report)
{
    QString out = Tr::tr("# Hints: `%1`\n\n").arg(printable(report.source));
    out += Tr::tr("| Severity | Kind | Session | Run | Tool | Status | Message |\n|---|---|---|---|---|---|---|\n");
    forEachHint(report, [&](const Run* run, const Hint& hint) {
        if (!hint.isActive())
            return;
        out += QStringLiteral("| %1 | `%2` | %3 | %4 | %5 | %6 | %7 |\n")
                   .arg(severityName(hint.severity), mdCell(hint.kind), mdCell(run ? run->sessionId : QString()),
                       mdCell(run ? run->runId : QString()), mdCell(run ? run->tool : QString()), runStatus(run),
                       mdCell(hint.msg));
    });
    const int suppressed = report.suppressedCount();
    if (suppressed > 0)
        out += Tr::tr("\n%n hints suppressed.\n", nullptr, suppressed);
    if (report.disputedCount() > 0) {
        out += Tr::tr("\n## Disputed\n\nStored by upstream, contradicted by the run's own lines; not counted.\n\n"
                      "| Kind | Session | Run | Message | Why disputed |\n|---|---|---|---|---|\n");
        forEachHint(report, [&](const Run* run, const Hint& hint) {
            if (hint.isDisputed() && !hint.isSuppressed())
                out += QStringLiteral("| `%1` | %2 | %3 | %4 | %5 |\n")
                           .arg(mdCell(hint.kind), mdCell(run ? run->sessionId : QString()),
                               mdCell(run ? run->runId : QString()), mdCell(hint.msg), mdCell(hint.disputed));
        });
    }
    return out.toUtf8();
}

QByteArray hintsJson(const HintReport& report)
{
    QJsonArray runs;
    for (const RunHints& entry : report.runs) {
        QJsonArray hints;
        for (const Hint& hint : entry.hints)
            hints.append(hintToJson(hint));
        runs.append(QJsonObject { { QStringLiteral("session_id"), entry.run->sessionId },
            { QStringLiteral("run_id"), entry.run->runId }, { QStringLiteral("tool"), entry.run->tool },
            { QStringLiteral("status"), runStatusName(entry.run->status) }, { QStringLiteral("hints"), hints } });
    }
    QJsonArray sourceHints;
    for (const Hint& hint : report.sourceHints)
        sourceHints.append(hintToJson(hint));
    const QJsonObject root { { QStringLiteral("source"), report.source }, { QStringLiteral("runs"), runs },
        { QStringLiteral("source_hints"), sourceHints },
        { QStringLiteral("counts"),
            QJsonObject { { QStringLiteral("error"), report.countAtOrAbove(Severity::Error) },
                { QStringLiteral("warning"),
                    report.countAtOrAbove(Severity::Warning) - report.countAtOrAbove(Severity::Error) },
                { QStringLiteral("note"),
                    report.countAtOrAbove(Severity::Note) - report.countAtOrAbove(Severity::Warning) },
                { QStringLiteral("suppressed"), report.suppressedCount() },
                { QStringLiteral("disputed"), report.disputedCount() } } } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray hintsCsv(const HintReport& report)
{
    QString out =
        QStringLiteral("session_id,run_id,tool,status,kind,severity,origin,suppressed,message,why,disputed\r\n");
    forEachHint(report, [&](const Run* run, const Hint& hint) {
        const QStringList fields = { run ? run->sessionId : QString(), run ? run->runId : QString(),
            run ? run->tool : QString(), runStatus(run), hint.kind, severityName(hint.severity),
            originName(hint.origin), hint.isSuppressed() ? QStringLiteral("yes") : QStringLiteral("no"), hint.msg,
            whyText(hint.why), hint.disputed };
        out += csvRecord(fields);
    });
    return out.toUtf8();
}

QByteArray hintsSarif(const HintReport& report)
{
    // One rule per kind that the engine knows, plus any stored kind it does not.
    QJsonArray rules;
    QHash<QString, int> ruleIndex;
    auto addRule = [&](const QString& kind, Severity severity, const QString& text) {
        if (ruleIndex.contains(kind))
            return;
        ruleIndex.insert(kind, int(rules.size()));
        rules.append(QJsonObject { { QStringLiteral("id"), kind },
            { QStringLiteral("shortDescription"), QJsonObject { { QStringLiteral("text"), text } } },
            { QStringLiteral("defaultConfiguration"),
                QJsonObject { { QStringLiteral("level"), severityName(severity) } } } });
    };
    for (const Rule& rule : allRules())
        addRule(rule.kind, rule.severity, rule.condition);
    QJsonArray results;
    forEachHint(report, [&](const Run* run, const Hint& hint) {
        addRule(hint.kind, hint.severity, hint.msg);
        QJsonArray locations;
        for (const HintEvidence& e : hint.evidence) {
            if (e.file.isEmpty())
                continue;
            QJsonObject physical { { QStringLiteral("artifactLocation"),
                QJsonObject { { QStringLiteral("uri"), e.file } } } };
            if (e.line > 0)
                physical.insert(QStringLiteral("region"), QJsonObject { { QStringLiteral("startLine"), e.line } });
            locations.append(QJsonObject { { QStringLiteral("physicalLocation"), physical } });
            if (locations.size() == 10)
                break;
        }
        if (locations.isEmpty())
            locations.append(QJsonObject { { QStringLiteral("physicalLocation"),
                QJsonObject { { QStringLiteral("artifactLocation"),
                    QJsonObject { { QStringLiteral("uri"), report.source } } } } } });
        QJsonObject result { { QStringLiteral("ruleId"), hint.kind },
            { QStringLiteral("ruleIndex"), ruleIndex.value(hint.kind) },
            { QStringLiteral("level"), severityName(hint.severity) },
            { QStringLiteral("message"), QJsonObject { { QStringLiteral("text"), hint.msg } } },
            { QStringLiteral("locations"), locations },
            { QStringLiteral("properties"),
                QJsonObject { { QStringLiteral("session_id"), run ? run->sessionId : QString() },
                    { QStringLiteral("run_id"), run ? run->runId : QString() },
                    { QStringLiteral("origin"), originName(hint.origin) }, { QStringLiteral("why"), hint.why } } } };
        // A suppression tells code scanning not to count the result: the user's, or the data's dispute.
        QJsonArray suppressions;
        for (const QString& justification : { hint.suppressedBy, hint.disputed }) {
            if (!justification.isEmpty())
                suppressions.append(QJsonObject { { QStringLiteral("kind"), QStringLiteral("external") },
                    { QStringLiteral("justification"), justification } });
        }
        if (!suppressions.isEmpty())
            result.insert(QStringLiteral("suppressions"), suppressions);
        results.append(result);
    });
    const QJsonObject driver { { QStringLiteral("name"), QStringLiteral("runlens") },
        { QStringLiteral("version"), QStringLiteral(RUNLENS_VERSION) }, { QStringLiteral("rules"), rules } };
    const QJsonObject root { { QStringLiteral("$schema"),
                                 QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json") },
        { QStringLiteral("version"), QStringLiteral("2.1.0") },
        { QStringLiteral("runs"),
            QJsonArray { QJsonObject { { QStringLiteral("tool"), QJsonObject { { QStringLiteral("driver"), driver } } },
                { QStringLiteral("results"), results } } } } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray hintsJunit(const HintReport& report, Severity failOn)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("runlens"));
    for (const RunHints& entry : report.runs) {
        const QString suite = entry.run->sessionId + u'/' + entry.run->runId;
        int failures = 0;
        for (const Rule& rule : allRules()) {
            for (const Hint& hint : entry.hints)
                failures += hint.kind == rule.kind && hint.isActive() && hint.severity >= failOn ? 1 : 0;
        }
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), suite);
        xml.writeAttribute(QStringLiteral("tests"), QString::number(allRules().size()));
        xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
        for (const Rule& rule : allRules()) {
            xml.writeStartElement(QStringLiteral("testcase"));
            xml.writeAttribute(QStringLiteral("classname"), suite);
            xml.writeAttribute(QStringLiteral("name"), rule.kind);
            for (const Hint& hint : entry.hints) {
                if (hint.kind != rule.kind)
                    continue;
                const bool failing = hint.isActive() && hint.severity >= failOn;
                if (!hint.isActive()) {
                    // A failure that does not count is a skipped one, with the reason.
                    xml.writeStartElement(QStringLiteral("skipped"));
                    xml.writeAttribute(QStringLiteral("message"),
                        hint.isSuppressed() ? Tr::tr("suppressed by %1").arg(hint.suppressedBy)
                                            : Tr::tr("disputed: %1").arg(hint.disputed));
                    xml.writeEndElement();
                }
                xml.writeStartElement(failing ? QStringLiteral("failure") : QStringLiteral("system-out"));
                if (failing) {
                    xml.writeAttribute(QStringLiteral("message"), hint.msg);
                    xml.writeAttribute(QStringLiteral("type"), severityName(hint.severity));
                }
                xml.writeCharacters(hint.msg + u'\n' + whyText(hint.why));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace Runlens
