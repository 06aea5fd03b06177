// SPDX-License-Identifier: MIT
#include "rundiff.h"
#include "sourcereader.h"

#include "duration.h"
#include "engine.h"
#include "formatutil_p.h"
#include "hintreport.h"
#include "jsonline.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Runlens {

namespace {

using namespace FormatUtil;

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::RunDiff)
};

// The rows of A in order, each row only B has inserted after the row B has before it.
QStringList mergedRows(const Run& a, const Run& b)
{
    QStringList rows;
    for (const StageCell& cell : a.stages)
        rows.append(cell.stage);
    qsizetype insertAt = 0;
    for (const StageCell& cell : b.stages) {
        const qsizetype at = rows.indexOf(cell.stage);
        if (at >= 0)
            insertAt = at + 1;
        else
            rows.insert(insertAt++, cell.stage);
    }
    return rows;
}

Hints activeOnlyIn(const Hints& hints, const Hints& other)
{
    Hints only;
    for (const Hint& hint : hints) {
        if (!hint.isActive())
            continue;
        const bool shared = std::any_of(other.begin(), other.end(),
            [&](const Hint& h) { return h.isActive() && h.kind == hint.kind && h.msg == hint.msg; });
        if (!shared)
            only.push_back(hint);
    }
    return only;
}

bool isNonEmptyObject(const QJsonValue& value)
{
    return value.isObject() && !value.toObject().isEmpty();
}

// Objects on both sides (or an object against nothing) are walked into; anything else is a leaf.
void diffValues(const QString& path, const QJsonValue& a, const QJsonValue& b, std::vector<SettingDiff>* out)
{
    const bool walkA = a.isObject() || a.isUndefined();
    const bool walkB = b.isObject() || b.isUndefined();
    if (walkA && walkB && (isNonEmptyObject(a) || isNonEmptyObject(b))) {
        const QJsonObject objectA = a.toObject();
        const QJsonObject objectB = b.toObject();
        QStringList keys = objectA.keys() + objectB.keys();
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const QString& key : std::as_const(keys))
            diffValues(path.isEmpty() ? key : path + u'.' + key, objectA.value(key), objectB.value(key), out);
        return;
    }
    if (a != b)
        out->push_back({ path, a, b });
}

// A setting's value for people: compact JSON, or "(absent)".
QString valueText(const QJsonValue& value)
{
    if (value.isUndefined())
        return Tr::tr("(absent)");
    return QString::fromUtf8(compactJson(value));
}

QString mdValue(const QJsonValue& value)
{
    return value.isUndefined() ? mdCell(valueText(value)) : u'`' + mdCell(valueText(value)) + u'`';
}

// "+18 ms", "-1.25 s"; empty unless both sides have a duration.
QString deltaText(const StageDiff& stage)
{
    const double delta = stage.deltaMs();
    if (std::isnan(delta))
        return {};
    return (delta < 0 ? QStringLiteral("-") : QStringLiteral("+")) + formatDuration(std::abs(delta));
}

QString cellText(CellStatus status, double ms)
{
    const QString duration = formatDuration(ms);
    return duration.isEmpty() ? cellStatusLabel(status) : cellStatusLabel(status) + u' ' + duration;
}

QString runLine(const Run& run)
{
    QStringList facts = { run.tool.isEmpty() ? Tr::tr("no tool") : printable(run.tool), runStatusName(run.status) };
    if (!std::isnan(run.durationMs))
        facts.append(formatDuration(run.durationMs));
    if (!run.stopReason.isEmpty())
        facts.append(Tr::tr("stop reason: %1").arg(printable(run.stopReason)));
    return facts.join(QLatin1String(", "));
}

QString hintLine(const Hint& hint)
{
    return QStringLiteral("[%1] %2: %3").arg(severityName(hint.severity), printable(hint.kind), printable(hint.msg));
}

struct SettingsSection
{
    QString title;
    const std::vector<SettingDiff>* diffs;
};

std::vector<SettingsSection> settingsSections(const RunDiff& diff)
{
    return { { QStringLiteral("budgets.json"), &diff.budgets }, { QStringLiteral("context.json"), &diff.context } };
}

struct HintsSection
{
    QString title;
    const Hints* hints;
};

std::vector<HintsSection> hintsSections(const RunDiff& diff)
{
    return { { Tr::tr("Hints only in A"), &diff.onlyA }, { Tr::tr("Hints only in B"), &diff.onlyB } };
}

QString verdict(const RunDiff& diff)
{
    return diff.sameStagesAndHints() ? Tr::tr("Same stages and hints.") : Tr::tr("Stages or hints differ.");
}

QJsonArray settingsJson(const std::vector<SettingDiff>& diffs)
{
    QJsonArray array;
    for (const SettingDiff& setting : diffs) {
        QJsonObject object { { QStringLiteral("path"), setting.path } };
        // A side that lacks the setting has no key: null would be a value.
        if (!setting.a.isUndefined())
            object.insert(QStringLiteral("a"), setting.a);
        if (!setting.b.isUndefined())
            object.insert(QStringLiteral("b"), setting.b);
        array.append(object);
    }
    return array;
}

QJsonObject sideJson(const Run& run, const QString& label)
{
    QJsonObject object = runJson(run);
    object.insert(QStringLiteral("label"), label);
    object.insert(QStringLiteral("stopped_after"), jsonText(run.stoppedAfter));
    return object;
}

} // namespace

bool RunDiff::sameStagesAndHints() const
{
    return onlyA.empty() && onlyB.empty()
        && std::none_of(stages.begin(), stages.end(), [](const StageDiff& s) { return s.statusChanged(); });
}

RunDiff diffRuns(
    RunPtr a, const Hints& hintsA, const QString& labelA, RunPtr b, const Hints& hintsB, const QString& labelB)
{
    RunDiff diff;
    for (const QString& row : mergedRows(*a, *b)) {
        StageDiff stage;
        stage.stage = row;
        if (const StageCell* cell = a->stage(row)) {
            stage.a = cell->status;
            stage.msA = cell->durationMs;
            stage.reasonA = cell->reason;
        }
        if (const StageCell* cell = b->stage(row)) {
            stage.b = cell->status;
            stage.msB = cell->durationMs;
            stage.reasonB = cell->reason;
        }
        diff.stages.push_back(stage);
    }
    diff.onlyA = activeOnlyIn(hintsA, hintsB);
    diff.onlyB = activeOnlyIn(hintsB, hintsA);
    diff.budgets = diffSettings(a->budgets(), b->budgets());
    diff.context = diffSettings(a->context, b->context);
    diff.a = std::move(a);
    diff.b = std::move(b);
    diff.labelA = labelA;
    diff.labelB = labelB;
    return diff;
}

QString runLabel(const QString& path, const Run& run)
{
    return QStringLiteral("%1: %2/%3").arg(QFileInfo(path).fileName(), run.sessionId, run.runId);
}

RunPtr pickRunToCompare(const Source& source, const QString& spec)
{
    for (const RunPtr& run : source.runs) {
        if (run->toolSpan < 0)
            continue;
        if (spec.isEmpty() || run->runId == spec || run->sessionId + u'/' + run->runId == spec)
            return run;
    }
    return nullptr;
}

std::optional<RunDiff> compareInputs(
    const QString& pathA, const QString& specA, const QString& pathB, const QString& specB, QString* error)
{
    const auto pick = [error](const QString& path, const QString& spec) -> RunPtr {
        const SourcePtr source = readSource(path);
        if (!source->ok()) {
            *error = Tr::tr("cannot read %1: %2").arg(path, source->fatalError);
            return nullptr;
        }
        RunPtr run = pickRunToCompare(*source, spec);
        if (!run) {
            *error = spec.isEmpty() ? Tr::tr("no run with a tool scope in %1").arg(path)
                                    : Tr::tr("no run %1 with a tool scope in %2").arg(spec, path);
        }
        return run;
    };
    const RunPtr a = pick(pathA, specA);
    const RunPtr b = a ? pick(pathB, specB) : nullptr;
    if (!a || !b)
        return std::nullopt;
    return diffRuns(a, detectRun(*a), runLabel(pathA, *a), b, detectRun(*b), runLabel(pathB, *b));
}

std::vector<SettingDiff> diffSettings(const QJsonObject& a, const QJsonObject& b)
{
    std::vector<SettingDiff> diffs;
    diffValues(QString(), a, b, &diffs);
    return diffs;
}

QString sharedPathTail(const SettingDiff& setting)
{
    if (!setting.a.isString() || !setting.b.isString())
        return {};
    const QString a = setting.a.toString();
    const QString b = setting.b.toString();
    qsizetype common = 0;
    while (common < a.size() && common < b.size() && a[a.size() - 1 - common] == b[b.size() - 1 - common])
        ++common;
    if (common == a.size() || common == b.size())
        return {}; // one value is the other's tail (or the same): not a moved root
    // The shared suffix may begin inside a component ("/ci/old/data" and "/ci/bold/data" share "old/data"):
    // the tail starts at its first separator, so that only whole components count as shared.
    const qsizetype separator = a.indexOf(u'/', a.size() - common);
    if (separator < 0 || separator >= a.size() - 1)
        return {}; // no separator in the shared part, or only a trailing one
    return a.mid(separator);
}

QByteArray diffText(const RunDiff& diff)
{
    QString out = QStringLiteral("A: %1  (%2)\nB: %3  (%4)\n\n")
                      .arg(printable(diff.labelA), runLine(*diff.a), printable(diff.labelB), runLine(*diff.b));
    out += Tr::tr("Stages (* changed):") + u'\n';
    for (const StageDiff& stage : diff.stages) {
        QString line = QStringLiteral("%1 %2 %3 %4 %5")
                           .arg(stage.statusChanged() ? QStringLiteral("*") : QStringLiteral(" "))
                           .arg(printable(stage.stage), -14)
                           .arg(cellText(stage.a, stage.msA), -22)
                           .arg(cellText(stage.b, stage.msB), -22)
                           .arg(deltaText(stage));
        while (line.endsWith(u' '))
            line.chop(1); // no padding after the last cell
        out += line + u'\n';
    }
    for (const HintsSection& section : hintsSections(diff)) {
        out += QStringLiteral("\n%1 (%2):\n").arg(section.title).arg(section.hints->size());
        for (const Hint& hint : *section.hints)
            out += QLatin1String("  ") + hintLine(hint) + u'\n';
    }
    for (const SettingsSection& section : settingsSections(diff)) {
        out += u'\n' + Tr::tr("%1, settings that differ: %2").arg(section.title).arg(section.diffs->size()) + u'\n';
        for (const SettingDiff& setting : *section.diffs)
            out += QStringLiteral("  %1: %2 -> %3\n").arg(setting.path, valueText(setting.a), valueText(setting.b));
    }
    return (out + u'\n' + verdict(diff) + u'\n').toUtf8();
}

QByteArray diffJson(const RunDiff& diff)
{
    QJsonArray stages;
    for (const StageDiff& stage : diff.stages)
        stages.append(
            QJsonObject { { QStringLiteral("stage"), stage.stage }, { QStringLiteral("a"), cellStatusName(stage.a) },
                { QStringLiteral("b"), cellStatusName(stage.b) }, { QStringLiteral("changed"), stage.statusChanged() },
                { QStringLiteral("duration_ms_a"), jsonNumber(stage.msA) },
                { QStringLiteral("duration_ms_b"), jsonNumber(stage.msB) },
                { QStringLiteral("delta_ms"), jsonNumber(stage.deltaMs()) },
                { QStringLiteral("reason_a"), jsonText(stage.reasonA) },
                { QStringLiteral("reason_b"), jsonText(stage.reasonB) } });
    const QJsonObject root { { QStringLiteral("format"), QStringLiteral("runlens-diff/1") },
        { QStringLiteral("a"), sideJson(*diff.a, diff.labelA) },
        { QStringLiteral("b"), sideJson(*diff.b, diff.labelB) }, { QStringLiteral("equal"), diff.sameStagesAndHints() },
        { QStringLiteral("stages"), stages }, { QStringLiteral("hints_only_a"), hintsToJson(diff.onlyA) },
        { QStringLiteral("hints_only_b"), hintsToJson(diff.onlyB) },
        { QStringLiteral("budgets"), settingsJson(diff.budgets) },
        { QStringLiteral("context"), settingsJson(diff.context) } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray diffMarkdown(const RunDiff& diff)
{
    QString out = QStringLiteral("# ") + Tr::tr("Compare") + QLatin1String("\n\n");
    out += QStringLiteral("| | A | B |\n|---|---|---|\n");
    out += QStringLiteral("| %1 | %2 | %3 |\n").arg(Tr::tr("Run"), mdCell(diff.labelA), mdCell(diff.labelB));
    out +=
        QStringLiteral("| %1 | %2 | %3 |\n").arg(Tr::tr("Facts"), mdCell(runLine(*diff.a)), mdCell(runLine(*diff.b)));
    out +=
        QStringLiteral("\n## %1\n\n| %2 | A | B | %3 | %4 | %5 |\n|---|---|---|---|---|---|\n")
            .arg(Tr::tr("Stages"), Tr::tr("Stage"), Tr::tr("Duration change"), Tr::tr("A reason"), Tr::tr("B reason"));
    for (const StageDiff& stage : diff.stages) {
        // Changed cells in bold, as the compare view marks them.
        const QString mark = stage.statusChanged() ? QStringLiteral("**") : QString();
        out += QStringLiteral("| %1 | %2%3%2 | %2%4%2 | %5 | %6 | %7 |\n")
                   .arg(mdCell(stage.stage), mark, cellText(stage.a, stage.msA), cellText(stage.b, stage.msB),
                       deltaText(stage), mdCell(stage.reasonA), mdCell(stage.reasonB));
    }
    for (const HintsSection& section : hintsSections(diff)) {
        out += QStringLiteral("\n## %1\n\n").arg(section.title);
        if (section.hints->empty())
            out += Tr::tr("None.") + u'\n';
        for (const Hint& hint : *section.hints)
            out += QStringLiteral("- `%1` (%2): %3\n")
                       .arg(mdCell(hint.kind), severityName(hint.severity), mdCell(hint.msg));
    }
    for (const SettingsSection& section : settingsSections(diff)) {
        out += QStringLiteral("\n## `%1`\n\n").arg(section.title);
        if (section.diffs->empty()) {
            out += Tr::tr("No setting differs.") + u'\n';
            continue;
        }
        out += QStringLiteral("| %1 | A | B |\n|---|---|---|\n").arg(Tr::tr("Setting"));
        for (const SettingDiff& setting : *section.diffs)
            out += QStringLiteral("| `%1` | %2 | %3 |\n")
                       .arg(mdCell(setting.path), mdValue(setting.a), mdValue(setting.b));
    }
    return (out + u'\n' + verdict(diff) + u'\n').toUtf8();
}

} // namespace Runlens
