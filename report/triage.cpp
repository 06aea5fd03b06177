// SPDX-License-Identifier: MIT
#include "triage.h"

#include "duration.h"
#include "engine.h"
#include "formatutil_p.h"
#include "hintreport.h"
#include "suppressionfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace Runlens {

namespace {

using namespace FormatUtil;

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Triage)
};

// The strongest severity first, then by kind; one entry per kind.
std::vector<const Hint*> activeKinds(const TriageRow& row)
{
    std::vector<const Hint*> kinds;
    for (const Hint& hint : row.hints) {
        if (!hint.isActive())
            continue;
        const auto same = std::find_if(kinds.begin(), kinds.end(), [&](const Hint* h) { return h->kind == hint.kind; });
        if (same == kinds.end())
            kinds.push_back(&hint);
        else if ((*same)->severity < hint.severity)
            *same = &hint;
    }
    std::sort(kinds.begin(), kinds.end(), [](const Hint* x, const Hint* y) {
        return x->severity != y->severity ? x->severity > y->severity : x->kind < y->kind;
    });
    return kinds;
}

// "stage:failed (error), config:sparse-disabled (warning), gap:hydrate (disputed)"
QString hintsSummary(const TriageRow& row)
{
    QStringList parts;
    for (const Hint* hint : activeKinds(row))
        parts.append(QStringLiteral("%1 (%2)").arg(hint->kind, severityName(hint->severity)));
    for (const Hint& hint : row.hints) {
        if (hint.isDisputed() && !hint.isSuppressed())
            parts.append(QStringLiteral("%1 (disputed)").arg(hint.kind));
    }
    return parts.join(QLatin1String(", "));
}

int suppressedCount(const TriageRow& row)
{
    return int(std::count_if(row.hints.begin(), row.hints.end(), [](const Hint& h) { return h.isSuppressed(); }));
}

int disputedCount(const TriageRow& row)
{
    return int(std::count_if(
        row.hints.begin(), row.hints.end(), [](const Hint& h) { return h.isDisputed() && !h.isSuppressed(); }));
}

// The sources shown relative to the folder they share, so that a folder of packs reads as its file names.
QHash<const Source*, QString> displayPaths(const TriageRows& rows)
{
    QString common;
    bool first = true;
    for (const TriageRow& row : rows) {
        const QString dir = QFileInfo(QFileInfo(row.source->path).absoluteFilePath()).absolutePath();
        if (first) {
            common = dir;
            first = false;
        }
        while (common != dir && !dir.startsWith(common.endsWith(u'/') ? common : common + u'/'))
            common = QFileInfo(common).absolutePath();
    }
    const QDir base(common);
    QHash<const Source*, QString> paths;
    for (const TriageRow& row : rows)
        paths.insert(row.source.get(), base.relativeFilePath(QFileInfo(row.source->path).absoluteFilePath()));
    return paths;
}

// The table cells of a row for people (text and Markdown).
QStringList displayCells(const TriageRow& row, const QString& displayPath)
{
    const QString stop = printable(row.stopReason());
    if (!row.run)
        return { printable(displayPath), {}, {}, {}, row.statusName(), stop, {}, {}, {} };
    const Run& run = *row.run;
    return { printable(displayPath), printable(run.sessionId), printable(run.runId), printable(run.tool),
        row.statusName(), stop, formatDuration(run.durationMs), printable(row.stageReached),
        printable(hintsSummary(row)) };
}

// Why an input that could be read holds no run: its first problem, when it has one.
QString noRunReason(const Source& source)
{
    const auto error = std::find_if(source.problems.begin(), source.problems.end(),
        [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
    if (error != source.problems.end())
        return Tr::tr("no run: %1").arg(error->toString());
    return source.kind == Source::Kind::Runpack ? Tr::tr("no run: the pack holds no timeline events and no run report")
                                                : Tr::tr("no run: no timeline lines");
}

QStringList headerCells()
{
    return { Tr::tr("Source"), Tr::tr("Session"), Tr::tr("Run"), Tr::tr("Tool"), Tr::tr("Status"),
        Tr::tr("Stop reason"), Tr::tr("Duration"), Tr::tr("Stage reached"), Tr::tr("Hints") };
}

// runJson's keys for a row without a run: no ids, the status says why, the reason is the stop reason.
QJsonObject noRunJson(const TriageRow& row)
{
    return QJsonObject { { QStringLiteral("session_id"), QJsonValue() }, { QStringLiteral("run_id"), QJsonValue() },
        { QStringLiteral("tool"), QJsonValue() }, { QStringLiteral("status"), row.statusName() },
        { QStringLiteral("stop_reason"), row.noRun }, { QStringLiteral("duration_ms"), QJsonValue() } };
}

QString groupingTitle(TriageGrouping grouping)
{
    switch (grouping) {
    case TriageGrouping::Kind:
        return Tr::tr("Hint kind");
    case TriageGrouping::Stop:
        return Tr::tr("Stop reason");
    case TriageGrouping::Tool:
        return Tr::tr("Tool");
    case TriageGrouping::Stage:
        return Tr::tr("Failing stage");
    case TriageGrouping::None:
        break;
    }
    return {};
}

} // namespace

bool parseTriageGrouping(const QString& name, TriageGrouping* grouping)
{
    for (TriageGrouping g : { TriageGrouping::None, TriageGrouping::Kind, TriageGrouping::Stop, TriageGrouping::Tool,
             TriageGrouping::Stage }) {
        if (name == triageGroupingName(g)) {
            *grouping = g;
            return true;
        }
    }
    return false;
}

QString triageGroupingName(TriageGrouping grouping)
{
    switch (grouping) {
    case TriageGrouping::None:
        return QStringLiteral("none");
    case TriageGrouping::Kind:
        return QStringLiteral("kind");
    case TriageGrouping::Stop:
        return QStringLiteral("stop");
    case TriageGrouping::Tool:
        return QStringLiteral("tool");
    case TriageGrouping::Stage:
        return QStringLiteral("stage");
    }
    return {};
}

QString TriageRow::statusName() const
{
    if (run)
        return runStatusName(run->status);
    return source && source->ok() ? QStringLiteral("no-run") : QStringLiteral("unreadable");
}

QString TriageRow::stopReason() const
{
    return run ? run->stopReason : noRun;
}

TriageRows triageRows(const SourcePtr& source)
{
    TriageRows rows;
    if (!source)
        return rows;
    if (!source->ok() || source->runs.empty()) {
        rows.push_back({ source, nullptr, {}, {}, {}, source->ok() ? noRunReason(*source) : source->fatalError });
        return rows;
    }
    Suppressions suppressions;
    QString unreadable; // an unreadable suppression file suppresses nothing; `runlens-cli hints` reports why
    const bool suppress = loadSuppressionFile(&suppressions, source->path, {}, &unreadable);
    for (const RunPtr& run : source->runs) {
        TriageRow row { source, run, detectRun(*run), run->stoppedAfter, {}, {} };
        if (suppress)
            suppressions.apply(row.hints);
        for (CellStatus wanted : { CellStatus::Failed, CellStatus::Degraded }) {
            const auto cell = std::find_if(
                run->stages.begin(), run->stages.end(), [&](const StageCell& c) { return c.status == wanted; });
            if (cell != run->stages.end()) {
                row.failingStage = cell->stage;
                break;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

int triageUrgency(const TriageRow& row)
{
    if (!row.run)
        return 4;
    switch (row.run->status) {
    case RunStatus::Error:
        return 6;
    case RunStatus::CutOff:
        return 5;
    case RunStatus::Running:
        return row.failingStage.isEmpty() ? 2 : 3;
    case RunStatus::Complete:
        return row.failingStage.isEmpty() ? 1 : 3;
    case RunStatus::Background:
        break;
    }
    return 0;
}

bool triageRowBefore(const TriageRow& x, const TriageRow& y)
{
    const int urgencyX = triageUrgency(x);
    const int urgencyY = triageUrgency(y);
    if (urgencyX != urgencyY)
        return urgencyX > urgencyY;
    const double startX = x.run ? x.run->startedAt : NAN;
    const double startY = y.run ? y.run->startedAt : NAN;
    if (std::isnan(startX) != std::isnan(startY))
        return std::isnan(startY); // a known start before an unknown one
    if (!std::isnan(startX) && startX != startY)
        return startX < startY;
    return x.source && y.source && x.source->path < y.source->path;
}

QStringList triageGroupKeys(const TriageRow& row, TriageGrouping grouping)
{
    const QString none = Tr::tr("(none)");
    switch (grouping) {
    case TriageGrouping::None:
        return { QString() };
    case TriageGrouping::Kind: {
        if (!row.run)
            return { Tr::tr("(no run)") };
        QStringList kinds;
        for (const Hint& hint : row.hints) {
            if (hint.isActive() && !kinds.contains(hint.kind))
                kinds.append(hint.kind);
        }
        if (kinds.isEmpty())
            kinds.append(Tr::tr("(no hints)"));
        return kinds;
    }
    case TriageGrouping::Stop:
        return { row.stopReason().isEmpty() ? none : row.stopReason() };
    case TriageGrouping::Tool:
        return { row.run ? row.run->tool : QString() };
    case TriageGrouping::Stage:
        return { row.failingStage.isEmpty() ? none : row.failingStage };
    }
    return {};
}

std::vector<TriageGroup> groupTriageRows(const TriageRows& rows, TriageGrouping grouping)
{
    std::map<QString, std::vector<int>> byKey;
    for (int i = 0; i < int(rows.size()); ++i) {
        for (const QString& key : triageGroupKeys(rows[size_t(i)], grouping))
            byKey[key].push_back(i);
    }
    std::vector<TriageGroup> groups;
    groups.reserve(byKey.size());
    for (auto& [key, indexes] : byKey)
        groups.push_back({ key, std::move(indexes) });
    // byKey is already in key order, so a stable sort by size keeps keys ascending within a count.
    std::stable_sort(groups.begin(), groups.end(),
        [](const TriageGroup& x, const TriageGroup& y) { return x.rows.size() > y.rows.size(); });
    return groups;
}

QByteArray triageText(const TriageRows& rows, TriageGrouping grouping)
{
    const QHash<const Source*, QString> paths = displayPaths(rows);
    std::vector<QStringList> table { headerCells() };
    for (const TriageRow& row : rows)
        table.push_back(displayCells(row, paths.value(row.source.get())));
    // Columns as wide as their content. The middle ones are cut at a width so that one long stop reason
    // does not push the rest away; the source and the hints are never cut (CSV and JSON have it all).
    const int columns = int(table.front().size());
    constexpr int maxWidth = 48;
    std::vector<int> widths(size_t(columns), 0);
    for (QStringList& cells : table) {
        for (int c = 1; c + 1 < columns; ++c) {
            if (cells[c].size() > maxWidth)
                cells[c] = cells[c].left(maxWidth - 1) + QChar(0x2026);
        }
        for (int c = 0; c < columns; ++c)
            widths[size_t(c)] = std::max(widths[size_t(c)], int(cells[c].size()));
    }
    QString out;
    for (const QStringList& cells : table) {
        QString line;
        for (int c = 0; c < columns; ++c)
            line += c + 1 < columns ? cells[c].leftJustified(widths[size_t(c)]) + QLatin1String("  ") : cells[c];
        out += line.trimmed() + u'\n';
    }
    out += Tr::tr("Runs: %1").arg(rows.size()) + u'\n';
    if (grouping != TriageGrouping::None) {
        out += u'\n' + Tr::tr("Runs per group: %1").arg(groupingTitle(grouping)) + u'\n';
        for (const TriageGroup& group : groupTriageRows(rows, grouping))
            out += QStringLiteral("%1  %2\n").arg(group.rows.size(), 6).arg(group.key);
    }
    return out.toUtf8();
}

QByteArray triageCsv(const TriageRows& rows, TriageGrouping grouping)
{
    Q_UNUSED(grouping); // the groups do not fit a table of runs; the JSON carries them
    QString out = csvRecord({ QStringLiteral("source"), QStringLiteral("session_id"), QStringLiteral("run_id"),
        QStringLiteral("tool"), QStringLiteral("status"), QStringLiteral("stop_reason"), QStringLiteral("duration_ms"),
        QStringLiteral("stage_reached"), QStringLiteral("failing_stage"), QStringLiteral("hints"),
        QStringLiteral("suppressed"), QStringLiteral("disputed") });
    for (const TriageRow& row : rows) {
        const Run* run = row.run.get();
        const double durationMs = run ? run->durationMs : NAN;
        out += csvRecord({ row.source->path, run ? run->sessionId : QString(), run ? run->runId : QString(),
            run ? run->tool : QString(), row.statusName(), row.stopReason(),
            std::isnan(durationMs) ? QString() : QString::number(durationMs), row.stageReached, row.failingStage,
            hintsSummary(row), QString::number(suppressedCount(row)), QString::number(disputedCount(row)) });
    }
    return out.toUtf8();
}

QByteArray triageJson(const TriageRows& rows, TriageGrouping grouping)
{
    QJsonArray runs;
    for (const TriageRow& row : rows) {
        QJsonObject object = row.run ? runJson(*row.run) : noRunJson(row);
        QJsonArray hints;
        for (const Hint& hint : row.hints)
            hints.append(hintToJson(hint));
        object.insert(QStringLiteral("source"), row.source->path);
        object.insert(QStringLiteral("source_kind"), sourceKindName(row.source->kind));
        object.insert(QStringLiteral("stage_reached"), jsonText(row.stageReached));
        object.insert(QStringLiteral("failing_stage"), jsonText(row.failingStage));
        object.insert(QStringLiteral("started_at"), jsonNumber(row.run ? row.run->startedAt : NAN));
        object.insert(QStringLiteral("hints"), hints);
        object.insert(QStringLiteral("groups"), QJsonArray::fromStringList(triageGroupKeys(row, grouping)));
        runs.append(object);
    }
    QJsonArray groups;
    for (const TriageGroup& group : groupTriageRows(rows, grouping)) {
        QJsonArray indexes;
        for (int index : group.rows)
            indexes.append(index);
        groups.append(QJsonObject { { QStringLiteral("key"), group.key },
            { QStringLiteral("count"), int(group.rows.size()) }, { QStringLiteral("runs"), indexes } });
    }
    const QJsonObject root { { QStringLiteral("format"), QStringLiteral("runlens-triage/1") },
        { QStringLiteral("group_by"), triageGroupingName(grouping) }, { QStringLiteral("runs"), runs },
        { QStringLiteral("groups"), groups } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray triageMarkdown(const TriageRows& rows, TriageGrouping grouping)
{
    const QHash<const Source*, QString> paths = displayPaths(rows);
    QString out = QStringLiteral("# ") + Tr::tr("Triage") + QLatin1String("\n\n") + Tr::tr("Runs: %1").arg(rows.size())
        + QLatin1String("\n\n");
    const QStringList header = headerCells();
    out += QLatin1String("| ") + header.join(QLatin1String(" | ")) + QLatin1String(" |\n|")
        + QStringLiteral("---|").repeated(header.size()) + u'\n';
    for (const TriageRow& row : rows) {
        QStringList cells = displayCells(row, paths.value(row.source.get()));
        for (QString& cell : cells)
            cell = mdCell(cell);
        out += QLatin1String("| ") + cells.join(QLatin1String(" | ")) + QLatin1String(" |\n");
    }
    if (grouping != TriageGrouping::None) {
        out +=
            QLatin1String("\n## ") + Tr::tr("Runs per group: %1").arg(groupingTitle(grouping)) + QLatin1String("\n\n");
        out += QStringLiteral("| %1 | %2 |\n|---|---|\n").arg(mdCell(groupingTitle(grouping)), Tr::tr("Runs"));
        for (const TriageGroup& group : groupTriageRows(rows, grouping))
            out += QStringLiteral("| %1 | %2 |\n").arg(mdCell(group.key)).arg(group.rows.size());
    }
    return out.toUtf8();
}

} // namespace Runlens
