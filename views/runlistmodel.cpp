// SPDX-License-Identifier: MIT
#include "runlistmodel.h"

#include "duration.h"
#include "runstatus.h"
#include "severitybadge.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace Runlens {

namespace {

// Run rows carry their Session as internal pointer, session rows none.
constexpr int kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;

QVariant durationSortKey(double ms)
{
    return std::isnan(ms) ? QVariant(-1.0) : QVariant(ms); // runs without a duration sort first
}

} // namespace

RunListModel::RunListModel(QObject* parent)
    : QAbstractItemModel(parent)
{
    for (RunStatus status : allRunStatuses)
        m_icons[size_t(status)] = runStatusIcon(status);
}

RunListModel::~RunListModel() = default;

void RunListModel::HintCounts::add(const HintCounts& other)
{
    for (int i = 0; i < 3; ++i)
        counts[i] += other.counts[i];
    suppressed += other.suppressed;
    disputed += other.disputed;
    for (const QString& kind : other.kinds) {
        if (!kinds.contains(kind))
            kinds.append(kind);
    }
    kinds.sort();
}

void RunListModel::Session::summarize()
{
    worst = runs.empty() ? RunStatus::Background : runs.front()->status;
    durationMs = NAN;
    eventCount = 0;
    problemCount = 0;
    for (const RunPtr& run : runs) {
        if (runStatusSeverity(run->status) > runStatusSeverity(worst))
            worst = run->status;
        if (!std::isnan(run->durationMs))
            durationMs = std::isnan(durationMs) ? run->durationMs : durationMs + run->durationMs;
        eventCount += qint64(run->events.size());
        problemCount += run->problems.size();
    }
}

RunStatus RunListModel::worstStatus() const
{
    if (m_sessions.empty())
        return RunStatus::Background;
    RunStatus worst = m_sessions.front()->worst;
    for (const std::unique_ptr<Session>& session : m_sessions) {
        if (runStatusSeverity(session->worst) > runStatusSeverity(worst))
            worst = session->worst;
    }
    return worst;
}

RunListModel::Grouped RunListModel::group(const Source& source)
{
    Grouped sessions;
    QHash<QString, size_t> rowOf;
    for (const RunPtr& run : source.runs) {
        auto it = rowOf.constFind(run->sessionId);
        if (it == rowOf.constEnd()) {
            it = rowOf.insert(run->sessionId, sessions.size());
            sessions.emplace_back(run->sessionId, std::vector<RunPtr>());
        }
        sessions[*it].second.push_back(run);
    }
    return sessions;
}

void RunListModel::setSource(SourcePtr source)
{
    if (!m_source || !source) {
        reset(std::move(source));
        return;
    }
    m_source = std::move(source);
    mergeSessions(group(*m_source));
}

void RunListModel::reset(SourcePtr source)
{
    beginResetModel();
    m_source = std::move(source);
    m_sessions.clear();
    m_hints.reset();
    if (m_source) {
        Grouped sessions = group(*m_source);
        for (auto& [id, runs] : sessions) {
            auto session = std::make_unique<Session>();
            session->id = id;
            session->row = int(m_sessions.size());
            session->runs = std::move(runs);
            session->summarize();
            m_sessions.push_back(std::move(session));
        }
    }
    endResetModel();
}

// Rows of sessions and runs are matched by id. Those gone are removed, the new ones inserted where they
// are, and the rows in between changed; when the ids left came in another order, the rows are replaced
// (removed and inserted again), which a live source never does: it only appends.
void RunListModel::mergeSessions(Grouped fresh)
{
    QHash<QString, int> freshRow;
    for (size_t f = 0; f < fresh.size(); ++f)
        freshRow.insert(fresh[f].first, int(f));
    for (int last = int(m_sessions.size()) - 1; last >= 0; --last) {
        if (freshRow.contains(m_sessions[size_t(last)]->id))
            continue;
        int first = last;
        while (first > 0 && !freshRow.contains(m_sessions[size_t(first - 1)]->id))
            --first;
        removeSessions(first, last);
        last = first;
    }
    for (size_t s = 1; s < m_sessions.size(); ++s) {
        if (freshRow.value(m_sessions[s]->id) < freshRow.value(m_sessions[s - 1]->id)) {
            removeSessions(0, int(m_sessions.size()) - 1);
            break;
        }
    }
    int row = 0;
    for (auto f = fresh.begin(); f != fresh.end();) {
        if (row < int(m_sessions.size()) && m_sessions[size_t(row)]->id == f->first) {
            mergeRuns(*m_sessions[size_t(row)], std::move(f->second));
            ++row;
            ++f;
            continue;
        }
        // New sessions up to the next known one (or the end).
        auto last = f;
        while (last != fresh.end() && (row >= int(m_sessions.size()) || m_sessions[size_t(row)]->id != last->first))
            ++last;
        insertSessions(row, f, last);
        row += int(last - f);
        f = last;
    }
}

void RunListModel::mergeRuns(Session& session, std::vector<RunPtr> fresh)
{
    const QModelIndex parent = index(session.row, NameColumn);
    QHash<QString, int> freshRow;
    for (size_t f = 0; f < fresh.size(); ++f)
        freshRow.insert(fresh[f]->runId, int(f));
    bool changed = false;
    std::vector<RunPtr>& runs = session.runs;
    for (int last = int(runs.size()) - 1; last >= 0; --last) {
        if (freshRow.contains(runs[size_t(last)]->runId))
            continue;
        int first = last;
        while (first > 0 && !freshRow.contains(runs[size_t(first - 1)]->runId))
            --first;
        beginRemoveRows(parent, first, last);
        runs.erase(runs.begin() + first, runs.begin() + last + 1);
        endRemoveRows();
        changed = true;
        last = first;
    }
    for (size_t r = 1; r < runs.size(); ++r) {
        if (freshRow.value(runs[r]->runId) < freshRow.value(runs[r - 1]->runId)) {
            beginRemoveRows(parent, 0, int(runs.size()) - 1);
            runs.clear();
            endRemoveRows();
            break;
        }
    }
    // Now every run left is at its row in `fresh` among the ones before it: walk both.
    int row = 0;
    int changedFirst = -1; // a range of rebuilt runs, told in one dataChanged()
    const auto flushChanged = [&] {
        if (changedFirst >= 0)
            emit dataChanged(index(changedFirst, 0, parent), index(row - 1, ColumnCount - 1, parent));
        changedFirst = -1;
    };
    for (auto f = fresh.begin(); f != fresh.end();) {
        if (row < int(runs.size()) && runs[size_t(row)]->runId == (*f)->runId) {
            if (runs[size_t(row)] != *f) {
                runs[size_t(row)] = *f;
                changed = true;
                if (changedFirst < 0)
                    changedFirst = row;
            } else {
                flushChanged();
            }
            ++row;
            ++f;
            continue;
        }
        flushChanged();
        auto last = f;
        while (last != fresh.end() && (row >= int(runs.size()) || runs[size_t(row)]->runId != (*last)->runId))
            ++last;
        const int count = int(last - f);
        beginInsertRows(parent, row, row + count - 1);
        runs.insert(runs.begin() + row, f, last);
        endInsertRows();
        changed = true;
        row += count;
        f = last;
    }
    flushChanged();
    if (!changed)
        return;
    session.summarize();
    if (m_hints)
        sumHints(session);
    emit dataChanged(index(session.row, 0), index(session.row, ColumnCount - 1));
}

void RunListModel::insertSessions(int row, Grouped::iterator first, Grouped::iterator last)
{
    beginInsertRows({}, row, row + int(last - first) - 1);
    std::vector<std::unique_ptr<Session>> added;
    for (auto it = first; it != last; ++it) {
        auto session = std::make_unique<Session>();
        session->id = it->first;
        session->runs = std::move(it->second);
        session->summarize();
        if (m_hints)
            sumHints(*session);
        added.push_back(std::move(session));
    }
    m_sessions.insert(
        m_sessions.begin() + row, std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
    renumberSessions();
    endInsertRows();
}

void RunListModel::removeSessions(int first, int last)
{
    beginRemoveRows({}, first, last);
    m_sessions.erase(m_sessions.begin() + first, m_sessions.begin() + last + 1);
    renumberSessions();
    endRemoveRows();
}

void RunListModel::renumberSessions()
{
    for (size_t s = 0; s < m_sessions.size(); ++s)
        m_sessions[s]->row = int(s);
}

void RunListModel::sumHints(Session& session) const
{
    session.hints = {};
    if (!m_hints)
        return;
    for (const RunPtr& run : session.runs)
        session.hints.add(m_hints->runs.value(run.get()));
}

std::shared_ptr<const RunListModel::HintSummary> RunListModel::summarizeHints(std::shared_ptr<const HintReport> report)
{
    if (!report)
        return nullptr;
    auto summary = std::make_shared<HintSummary>();
    for (const RunHints& runHints : report->runs) {
        HintCounts counts;
        for (const Hint& hint : runHints.hints) {
            if (!hint.isActive()) {
                ++(hint.isSuppressed() ? counts.suppressed : counts.disputed);
                continue;
            }
            ++counts.counts[int(hint.severity)];
            if (!counts.kinds.contains(hint.kind))
                counts.kinds.append(hint.kind);
        }
        counts.kinds.sort();
        for (const QString& kind : std::as_const(counts.kinds))
            ++summary->runsPerKind[kind];
        for (int severity = 0; severity < 3; ++severity)
            summary->total.counts[severity] += counts.counts[severity];
        summary->total.suppressed += counts.suppressed;
        summary->total.disputed += counts.disputed;
        summary->runs.insert(runHints.run.get(), counts);
    }
    summary->report = std::move(report);
    return summary;
}

void RunListModel::setHints(std::shared_ptr<const HintSummary> summary)
{
    m_hints = std::move(summary);
    for (const std::unique_ptr<Session>& session : m_sessions)
        sumHints(*session);
    // Every row's hint column, sessions and runs alike.
    const int sessions = int(m_sessions.size());
    if (sessions == 0)
        return;
    emit dataChanged(index(0, HintsColumn), index(sessions - 1, HintsColumn));
    for (int s = 0; s < sessions; ++s) {
        const QModelIndex parent = index(s, NameColumn);
        const int runs = rowCount(parent);
        if (runs > 0)
            emit dataChanged(index(0, HintsColumn, parent), index(runs - 1, HintsColumn, parent));
    }
}

QVariant RunListModel::hintData(const HintCounts* counts, int role) const
{
    static const char* const letters[3] = { QT_TR_NOOP("%1N"), QT_TR_NOOP("%1W"), QT_TR_NOOP("%1E") };
    switch (role) {
    case Qt::DisplayRole: {
        if (!m_hints)
            return QStringLiteral("…");
        QStringList parts;
        for (int severity = 2; severity >= 0; --severity) {
            if (counts && counts->counts[severity] > 0)
                parts.append(tr(letters[severity]).arg(counts->counts[severity]));
        }
        return parts.isEmpty() ? QStringLiteral("–") : parts.join(QLatin1Char(' '));
    }
    case SortRole: // errors weigh most, then warnings, then notes
        return counts ? counts->counts[2] * 1000000 + counts->counts[1] * 1000 + counts->counts[0] : -1;
    case HintKindsRole:
        return counts ? counts->kinds : QStringList();
    case Qt::DecorationRole:
        for (int severity = 2; counts && severity >= 0; --severity) {
            if (counts->counts[severity] > 0)
                return SeverityBadge::icon(Severity(severity));
        }
        return {};
    case Qt::ToolTipRole: {
        if (!m_hints)
            return tr("Detectors still running");
        if (!counts || (counts->kinds.isEmpty() && counts->suppressed == 0 && counts->disputed == 0))
            return tr("No hints");
        QString text = tr("Errors: %1, warnings: %2, notes: %3")
                           .arg(counts->counts[2])
                           .arg(counts->counts[1])
                           .arg(counts->counts[0]);
        if (counts->suppressed > 0)
            text += QLatin1Char('\n') + tr("Suppressed: %1").arg(counts->suppressed);
        if (counts->disputed > 0)
            text += QLatin1Char('\n') + tr("Disputed: %1").arg(counts->disputed);
        if (!counts->kinds.isEmpty())
            text += QLatin1Char('\n') + counts->kinds.join(QLatin1String(", "));
        return text;
    }
    case Qt::TextAlignmentRole:
        return kNumberAlignment;
    }
    return {};
}

const RunListModel::Session* RunListModel::sessionOf(const QModelIndex& runIndex) const
{
    return static_cast<const Session*>(runIndex.constInternalPointer());
}

RunPtr RunListModel::run(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || !sessionOf(index))
        return nullptr;
    return sessionOf(index)->runs[size_t(index.row())];
}

QModelIndex RunListModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column); // a session row: no internal pointer
    return createIndex(row, column, m_sessions[size_t(parent.row())].get());
}

QModelIndex RunListModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || !sessionOf(child))
        return {};
    return createIndex(sessionOf(child)->row, NameColumn);
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_sessions.size());
    if (parent.column() != NameColumn || sessionOf(parent))
        return 0;
    return int(m_sessions[size_t(parent.row())]->runs.size());
}

int RunListModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index));
    const Session* parent = sessionOf(index);
    if (!parent) {
        const Session& session = *m_sessions[size_t(index.row())];
        if (index.column() == HintsColumn || role == HintKindsRole)
            return hintData(m_hints ? &session.hints : nullptr, role);
        return sessionData(session, index.column(), role);
    }
    const RunPtr& run = parent->runs[size_t(index.row())];
    if (role == RunRole)
        return QVariant::fromValue(run);
    if (index.column() == HintsColumn || role == HintKindsRole) {
        const HintCounts* counts = nullptr;
        if (m_hints) {
            const auto it = m_hints->runs.constFind(run.get());
            counts = it != m_hints->runs.constEnd() ? &*it : nullptr;
        }
        return hintData(counts, role);
    }
    return runData(*run, index.column(), role);
}

QVariant RunListModel::sessionData(const Session& session, int column, int role) const
{
    const double durationMs = session.durationMs;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn:
            return session.id;
        case StatusColumn:
            return runStatusLabel(session.worst);
        case ToolColumn:
            // Spelled out for one so that English reads right without a translation loaded.
            return session.runs.size() == 1 ? tr("1 run") : tr("%n runs", nullptr, int(session.runs.size()));
        case DurationColumn:
            return formatDuration(durationMs);
        case EventsColumn:
            return QLocale().toString(session.eventCount);
        case ProblemsColumn:
            return QLocale().toString(session.problemCount);
        }
    } else if (role == SortRole) {
        switch (column) {
        case NameColumn:
            return session.id;
        case StatusColumn:
            return runStatusSeverity(session.worst);
        case ToolColumn:
            return qulonglong(session.runs.size());
        case DurationColumn:
            return durationSortKey(durationMs);
        case EventsColumn:
            return session.eventCount;
        case ProblemsColumn:
            return session.problemCount;
        }
    } else if (role == Qt::DecorationRole && column == StatusColumn) {
        return statusIcon(session.worst);
    } else if (role == Qt::ToolTipRole) {
        if (column == StatusColumn) {
            QStringList counts;
            for (RunStatus status : allRunStatuses) {
                const auto n = std::count_if(session.runs.begin(), session.runs.end(),
                    [status](const RunPtr& run) { return run->status == status; });
                if (n > 0)
                    counts.append(tr("%1: %2").arg(runStatusLabel(status)).arg(n));
            }
            return tr("Worst status of the session's runs (%1)").arg(counts.join(QLatin1String(", ")));
        }
        if (column == DurationColumn)
            return tr("Sum of the durations of the session's runs");
        return {};
    } else if (role == Qt::TextAlignmentRole && column >= DurationColumn) {
        return kNumberAlignment;
    }
    return {};
}

QVariant RunListModel::runData(const Run& run, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn:
            return run.runId;
        case StatusColumn:
            return runStatusLabel(run.status);
        case ToolColumn:
            return run.tool;
        case DurationColumn:
            return formatDuration(run.durationMs);
        case EventsColumn:
            return QLocale().toString(qint64(run.events.size()));
        case ProblemsColumn:
            return QLocale().toString(run.problems.size());
        }
    } else if (role == SortRole) {
        switch (column) {
        case NameColumn:
            return run.runId;
        case StatusColumn:
            return runStatusSeverity(run.status);
        case ToolColumn:
            return run.tool;
        case DurationColumn:
            return durationSortKey(run.durationMs);
        case EventsColumn:
            return qulonglong(run.events.size());
        case ProblemsColumn:
            return qlonglong(run.problems.size());
        }
    } else if (role == Qt::DecorationRole && column == StatusColumn) {
        return statusIcon(run.status);
    } else if (role == Qt::ToolTipRole) {
        switch (column) {
        case NameColumn:
            return tr("Session %1, run %2").arg(run.sessionId, run.runId);
        case StatusColumn:
            return run.stopReason.isEmpty() ? runStatusLabel(run.status)
                                            : tr("%1: %2").arg(runStatusLabel(run.status), run.stopReason);
        case ToolColumn:
            return run.tool.isEmpty() ? tr("No tool scope: a background run") : QVariant();
        default:
            return {};
        }
    } else if (role == Qt::TextAlignmentRole && column >= DurationColumn) {
        return kNumberAlignment;
    }
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case StatusColumn:
            return tr("Status");
        case ToolColumn:
            return tr("Tool");
        case DurationColumn:
            return tr("Duration");
        case HintsColumn:
            return tr("Hints");
        case EventsColumn:
            return tr("Events");
        case ProblemsColumn:
            return tr("Problems");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn:
            return tr("Session id, and the run ids below it");
        case HintsColumn:
            return tr("Active hints by severity: E errors, W warnings, N notes");
        case EventsColumn:
            return tr("Timeline lines of the run");
        case ProblemsColumn:
            return tr("Problems found in the run: orphan ends, unclosed scopes, clock going back");
        default:
            return {};
        }
    } else if (role == Qt::TextAlignmentRole && section >= DurationColumn) {
        return kNumberAlignment;
    }
    return {};
}

Qt::ItemFlags RunListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Q_ASSERT(checkIndex(index));
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (sessionOf(index))
        result |= Qt::ItemNeverHasChildren;
    return result;
}

QIcon RunListModel::statusIcon(RunStatus status) const
{
    return m_icons[size_t(status)];
}

} // namespace Runlens
