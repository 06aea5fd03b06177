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

// Run rows carry their session's row + 1 as internal id; session rows carry 0.
constexpr quintptr kSessionRowId = 0;
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

void RunListModel::setSource(SourcePtr source)
{
    beginResetModel();
    m_source = std::move(source);
    m_sessions.clear();
    m_hints.reset();
    m_runHints.clear();
    m_sessionHints.clear();
    if (m_source) {
        QHash<QString, size_t> rowOf;
        for (const RunPtr& run : m_source->runs) {
            auto it = rowOf.constFind(run->sessionId);
            if (it == rowOf.constEnd()) {
                it = rowOf.insert(run->sessionId, m_sessions.size());
                m_sessions.push_back({ run->sessionId, {}, run->status, NAN, 0, 0 });
            }
            Session& session = m_sessions[*it];
            session.runs.push_back(run);
            if (runStatusSeverity(run->status) > runStatusSeverity(session.worst))
                session.worst = run->status;
            if (!std::isnan(run->durationMs))
                session.durationMs =
                    std::isnan(session.durationMs) ? run->durationMs : session.durationMs + run->durationMs;
            session.eventCount += qint64(run->events.size());
            session.problemCount += run->problems.size();
        }
    }
    endResetModel();
}

void RunListModel::setHints(std::shared_ptr<const HintReport> report)
{
    m_hints = std::move(report);
    m_runHints.clear();
    m_sessionHints.assign(m_hints ? m_sessions.size() : 0, {});
    if (m_hints) {
        for (const RunHints& runHints : m_hints->runs) {
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
            m_runHints.insert(runHints.run.get(), counts);
        }
        for (size_t s = 0; s < m_sessions.size(); ++s) {
            for (const RunPtr& run : m_sessions[s].runs)
                m_sessionHints[s].add(m_runHints.value(run.get()));
        }
    }
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

RunPtr RunListModel::run(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kSessionRowId)
        return nullptr;
    const Session& session = m_sessions[size_t(index.internalId() - 1)];
    return session.runs[size_t(index.row())];
}

QModelIndex RunListModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kSessionRowId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex RunListModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kSessionRowId)
        return {};
    return createIndex(int(child.internalId() - 1), NameColumn, kSessionRowId);
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_sessions.size());
    if (parent.column() != NameColumn || parent.internalId() != kSessionRowId)
        return 0;
    return int(m_sessions[size_t(parent.row())].runs.size());
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
    if (index.internalId() == kSessionRowId) {
        if (index.column() == HintsColumn || role == HintKindsRole) {
            const size_t row = size_t(index.row());
            return hintData(row < m_sessionHints.size() ? &m_sessionHints[row] : nullptr, role);
        }
        return sessionData(m_sessions[size_t(index.row())], index.column(), role);
    }
    const RunPtr& run = m_sessions[size_t(index.internalId() - 1)].runs[size_t(index.row())];
    if (role == RunRole)
        return QVariant::fromValue(run);
    if (index.column() == HintsColumn || role == HintKindsRole) {
        const auto it = m_runHints.constFind(run.get());
        return hintData(it == m_runHints.constEnd() ? nullptr : &*it, role);
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
    if (index.internalId() != kSessionRowId)
        result |= Qt::ItemNeverHasChildren;
    return result;
}

QIcon RunListModel::statusIcon(RunStatus status) const
{
    return m_icons[size_t(status)];
}

} // namespace Runlens
