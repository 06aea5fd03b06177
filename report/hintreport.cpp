// SPDX-License-Identifier: MIT
#include "hintreport.h"
#include "formatutil_p.h"
#include "parallel_p.h"
#include "suppressions.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QUrl>
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

// XML 1.0 cannot hold most C0 controls at all (QXmlStreamWriter would write an invalid document): those
// become visible escapes, as in the text output; tabs and line breaks stay.
QString xmlText(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x20 && c != u'\t' && c != u'\n')
            out += printable(QString(c));
        else
            out += c;
    }
    return out;
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

HintReport buildHintReport(
    const Source& source, const RunFilter& filter, const HintSettings& settings, const HintReport* previous)
{
    QHash<const Run*, const Hints*> known;
    if (previous) {
        for (const RunHints& runHints : previous->runs)
            known.insert(runHints.run.get(), &runHints.hints);
    }
    HintReport report;
    report.source = source.path;
    report.sourceKind = source.kind;
    report.sourceHints = detectSourceProblems(source);
    if (settings.suppressions)
        settings.suppressions->apply(report.sourceHints);
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
        computed[size_t(i)] = findHints(*run, settings);
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

Hints findHints(const Run& run, const HintSettings& settings)
{
    Hints hints = detectRun(run, settings.thresholds);
    if (settings.suppressions)
        settings.suppressions->apply(hints);
    return hints;
}

QJsonArray hintsToJson(const Hints& hints)
{
    QJsonArray array;
    for (const Hint& hint : hints)
        array.append(hintToJson(hint));
    return array;
}

QJsonArray upstreamHintsJson(const Run& run)
{
    QJsonArray array;
    for (const Hint& hint : detectRun(run)) {
        const Rule* rule = findRule(hint.kind);
        if (rule && rule->upstream)
            array.append(QJsonObject { { QStringLiteral("kind"), hint.kind }, { QStringLiteral("msg"), hint.msg },
                { QStringLiteral("why"), hint.why } });
    }
    return array;
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
                QString at;
                if (!e.file.isEmpty())
                    at = e.line > 0 ? QStringLiteral("%1:%2 ").arg(printable(e.file)).arg(e.line)
                                    : printable(e.file) + u' ';
                lines.append(QStringLiteral("      at: ") + at + printable(e.text));
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
    // The contract: docs/schemas/runlens-hints-1.schema.json.
    const QJsonObject root { { QStringLiteral("format"), QStringLiteral("runlens-hints/1") },
        { QStringLiteral("source"), report.source }, { QStringLiteral("runs"), runs },
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

namespace {

// The base every SARIF location is relative to (docs/ci.md, SARIF): the directory of a runpack zip or a
// .jsonl file, or the timeline directory itself. A pack member is named as a member of the zip: its uri is
// "<pack>.zip/<member>", relative to the pack's directory.
const char* const kInputBase = "INPUT";

QString sarifBaseDirectory(const HintReport& report)
{
    const QFileInfo info(report.source);
    return report.sourceKind == Source::Kind::TimelineDirectory ? info.absoluteFilePath() : info.absolutePath();
}

// The uri of an evidence file relative to the base, or empty when the evidence names no file.
QString sarifUri(const HintReport& report, const QString& file)
{
    if (file.isEmpty())
        return {};
    const QFileInfo input(report.source);
    QString relative;
    if (report.sourceKind == Source::Kind::Runpack)
        relative = file.startsWith(u'/') ? QDir(sarifBaseDirectory(report)).relativeFilePath(file)
                                         : input.fileName() + u'/' + file;
    else
        relative = QDir(sarifBaseDirectory(report)).relativeFilePath(file);
    return QString::fromLatin1(QUrl::toPercentEncoding(relative, "/"));
}

// Where evidence stands in the file as written. Lines re-serialised from a JSON document ("report.json#events",
// numbered by entry) stand on the line of the document their entry begins on; none when that is not known.
std::pair<QString, qint64> writtenPlace(const Run* run, const HintEvidence& e)
{
    const qsizetype hash = e.file.indexOf(u'#');
    if (hash < 0)
        return { e.file, e.line };
    if (!run || e.event < 0 || size_t(e.event) >= run->events.size())
        return {};
    const Event& event = run->events[size_t(e.event)];
    if (event.buffer < 0 || size_t(event.buffer) >= run->buffers.size())
        return {};
    const std::vector<qint32>& lines = run->buffers[size_t(event.buffer)]->documentLines;
    if (event.line < 1 || size_t(event.line) > lines.size())
        return {};
    return { e.file.left(hash), lines[size_t(event.line) - 1] };
}

QJsonObject sarifLocation(const QString& uri, qint64 line, const HintEvidence& e, int id)
{
    QJsonObject location { { QStringLiteral("physicalLocation"),
        QJsonObject { { QStringLiteral("artifactLocation"),
                          QJsonObject { { QStringLiteral("uri"), uri },
                              { QStringLiteral("uriBaseId"), QLatin1String(kInputBase) } } },
            { QStringLiteral("region"), QJsonObject { { QStringLiteral("startLine"), line } } } } } };
    if (!e.text.isEmpty())
        location.insert(QStringLiteral("message"), QJsonObject { { QStringLiteral("text"), e.text } });
    if (id >= 0)
        location.insert(QStringLiteral("id"), id);
    return location;
}

QJsonObject sarifRule(const QString& kind, Severity severity, const Rule* rule, const QString& storedMessage)
{
    const QString origin = !rule ? QStringLiteral("upstream (a stored hint of a kind Runlens does not know)")
        : rule->upstream         ? QStringLiteral("upstream")
                                 : QStringLiteral("runlens");
    const QString condition = rule ? rule->condition : QStringLiteral("upstream stored this hint in the runpack");
    const QString message = rule ? rule->message : storedMessage;
    const QString text = QStringLiteral("%1 (%2, %3). Fires when %4. Message: %5 "
                                        "Rules and their conditions: docs/detectors.md; why a rule did or did not "
                                        "fire on a run: runlens-cli explain PATH --rule %1.")
                             .arg(kind, severityName(severity), origin, condition, message);
    const QString markdown = QStringLiteral("**`%1`** (%2, %3)\n\n**Fires when:** %4\n\n**Message:** %5\n\n"
                                            "The rules and their conditions are in `docs/detectors.md`; "
                                            "`runlens-cli explain PATH --rule %1` says why the rule did or did "
                                            "not fire on each run.")
                                 .arg(kind, severityName(severity), origin, condition, message);
    return QJsonObject { { QStringLiteral("id"), kind }, { QStringLiteral("name"), kind },
        { QStringLiteral("shortDescription"), QJsonObject { { QStringLiteral("text"), message } } },
        { QStringLiteral("fullDescription"), QJsonObject { { QStringLiteral("text"), condition } } },
        { QStringLiteral("help"),
            QJsonObject { { QStringLiteral("text"), text }, { QStringLiteral("markdown"), markdown } } },
        { QStringLiteral("defaultConfiguration"), QJsonObject { { QStringLiteral("level"), severityName(severity) } } },
        { QStringLiteral("properties"), QJsonObject { { QStringLiteral("origin"), origin } } } };
}

} // namespace

QByteArray hintsSarif(const HintReport& report)
{
    // One rule per kind that the engine knows, plus any stored kind it does not.
    QJsonArray rules;
    QHash<QString, int> ruleIndex;
    auto addRule = [&](const QString& kind, Severity severity, const Rule* rule, const QString& storedMessage) {
        if (ruleIndex.contains(kind))
            return;
        ruleIndex.insert(kind, int(rules.size()));
        rules.append(sarifRule(kind, severity, rule, storedMessage));
    };
    for (const Rule& rule : allRules())
        addRule(rule.kind, rule.severity, &rule, rule.message);
    QJsonArray results;
    forEachHint(report, [&](const Run* run, const Hint& hint) {
        addRule(hint.kind, hint.severity, nullptr, hint.msg);
        // The first evidence that names a file and a line is the location; the others are related. Evidence
        // without a file (a checkpoint, a budget taken from a report) gets none: a location is never made up.
        QJsonArray locations;
        QJsonArray related;
        QString firstLocation;
        for (const HintEvidence& e : hint.evidence) {
            const auto [file, line] = writtenPlace(run, e);
            const QString uri = sarifUri(report, file);
            if (uri.isEmpty() || line <= 0)
                continue;
            if (locations.isEmpty()) {
                locations.append(sarifLocation(uri, line, e, -1));
                firstLocation = uri + u':' + QString::number(line);
            } else if (related.size() < 10) {
                related.append(sarifLocation(uri, line, e, int(related.size()) + 1));
            }
        }
        // The same finding in the same place hashes the same on every run of the job.
        const QByteArray identity = QStringList { hint.kind, run ? run->sessionId : QString(),
            run ? run->runId : QString(), hint.msg, firstLocation }
                                        .join(u'\n')
                                        .toUtf8();
        QJsonObject result { { QStringLiteral("ruleId"), hint.kind },
            { QStringLiteral("ruleIndex"), ruleIndex.value(hint.kind) },
            { QStringLiteral("level"), severityName(hint.severity) },
            { QStringLiteral("message"), QJsonObject { { QStringLiteral("text"), hint.msg } } },
            { QStringLiteral("partialFingerprints"),
                QJsonObject { { QStringLiteral("runlensFinding/v1"),
                    QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex()) } } },
            { QStringLiteral("properties"),
                QJsonObject { { QStringLiteral("session_id"), run ? run->sessionId : QString() },
                    { QStringLiteral("run_id"), run ? run->runId : QString() },
                    { QStringLiteral("origin"), originName(hint.origin) }, { QStringLiteral("why"), hint.why } } } };
        if (!locations.isEmpty())
            result.insert(QStringLiteral("locations"), locations);
        if (!related.isEmpty())
            result.insert(QStringLiteral("relatedLocations"), related);
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
    const QString base = QUrl::fromLocalFile(sarifBaseDirectory(report)).toString(QUrl::FullyEncoded);
    const QJsonObject originalUriBaseIds { { QLatin1String(kInputBase),
        QJsonObject { { QStringLiteral("uri"), base.endsWith(u'/') ? base : base + u'/' },
            { QStringLiteral("description"),
                QJsonObject { { QStringLiteral("text"),
                    report.sourceKind == Source::Kind::TimelineDirectory
                        ? QStringLiteral("The timeline directory read")
                        : QStringLiteral(
                            "The directory of the input read; a pack member is <pack>.zip/<member>") } } } } } };
    const QJsonObject root { { QStringLiteral("$schema"),
                                 QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json") },
        { QStringLiteral("version"), QStringLiteral("2.1.0") },
        { QStringLiteral("runs"),
            QJsonArray { QJsonObject { { QStringLiteral("tool"), QJsonObject { { QStringLiteral("driver"), driver } } },
                { QStringLiteral("originalUriBaseIds"), originalUriBaseIds },
                { QStringLiteral("results"), results } } } } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray hintsJunit(const HintReport& report, Severity failOn)
{
    // Valid against the Jenkins xunit junit-10.xsd: every suite counts tests, failures, errors (always 0: a
    // run that could not be read fails the command, not a test) and skipped; the root holds the totals.
    struct SuiteCounts
    {
        int failures = 0;
        int skipped = 0;
    };
    std::vector<SuiteCounts> counts(report.runs.size());
    int totalFailures = 0;
    for (size_t i = 0; i < report.runs.size(); ++i) {
        for (const Rule& rule : allRules()) {
            bool failing = false;
            bool skipped = false;
            for (const Hint& hint : report.runs[i].hints) {
                if (hint.kind != rule.kind)
                    continue;
                failing = failing || (hint.isActive() && hint.severity >= failOn);
                skipped = skipped || !hint.isActive();
            }
            counts[i].failures += failing ? 1 : 0;
            counts[i].skipped += !failing && skipped ? 1 : 0;
        }
        totalFailures += counts[i].failures;
    }
    // Hints about the input as a whole (malformed lines) in a suite of their own, a test case each.
    int inputFailures = 0;
    int inputSkipped = 0;
    for (const Hint& hint : report.sourceHints) {
        inputFailures += hint.isActive() && hint.severity >= failOn ? 1 : 0;
        inputSkipped += hint.isActive() ? 0 : 1;
    }
    totalFailures += inputFailures;
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("runlens"));
    xml.writeAttribute(
        QStringLiteral("tests"), QString::number(report.runs.size() * allRules().size() + report.sourceHints.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(totalFailures));
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    // One hint inside its testcase: a failure when it counts at --fail-on, else its text as output; a hint
    // that does not count at all (suppressed, disputed) is a skipped one too, with the reason.
    const auto writeOutcome = [&xml, failOn](const Hint& hint) {
        if (!hint.isActive()) {
            xml.writeStartElement(QStringLiteral("skipped"));
            xml.writeAttribute(QStringLiteral("message"),
                hint.isSuppressed() ? Tr::tr("suppressed by %1").arg(xmlText(hint.suppressedBy))
                                    : Tr::tr("disputed: %1").arg(xmlText(hint.disputed)));
            xml.writeEndElement();
        }
        const bool failing = hint.isActive() && hint.severity >= failOn;
        xml.writeStartElement(failing ? QStringLiteral("failure") : QStringLiteral("system-out"));
        if (failing) {
            xml.writeAttribute(QStringLiteral("message"), xmlText(hint.msg));
            xml.writeAttribute(QStringLiteral("type"), severityName(hint.severity));
        }
        xml.writeCharacters(xmlText(hint.msg) + u'\n' + whyText(hint.why));
        xml.writeEndElement();
    };
    for (size_t i = 0; i < report.runs.size(); ++i) {
        const RunHints& entry = report.runs[i];
        const QString suite = entry.run->sessionId + u'/' + entry.run->runId;
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), suite);
        xml.writeAttribute(QStringLiteral("tests"), QString::number(allRules().size()));
        xml.writeAttribute(QStringLiteral("failures"), QString::number(counts[i].failures));
        xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("skipped"), QString::number(counts[i].skipped));
        for (const Rule& rule : allRules()) {
            xml.writeStartElement(QStringLiteral("testcase"));
            xml.writeAttribute(QStringLiteral("classname"), suite);
            xml.writeAttribute(QStringLiteral("name"), rule.kind);
            for (const Hint& hint : entry.hints) {
                if (hint.kind == rule.kind)
                    writeOutcome(hint);
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    if (!report.sourceHints.empty()) {
        const QString suite = QStringLiteral("(input)");
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), suite);
        xml.writeAttribute(QStringLiteral("tests"), QString::number(report.sourceHints.size()));
        xml.writeAttribute(QStringLiteral("failures"), QString::number(inputFailures));
        xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("skipped"), QString::number(inputSkipped));
        for (const Hint& hint : report.sourceHints) {
            xml.writeStartElement(QStringLiteral("testcase"));
            xml.writeAttribute(QStringLiteral("classname"), suite);
            xml.writeAttribute(QStringLiteral("name"), hint.kind);
            writeOutcome(hint);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace Runlens
