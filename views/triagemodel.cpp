// SPDX-License-Identifier: MIT
#include "triagemodel.h"

#include "duration.h"
#include "runstatus.h"
#include "severitybadge.h"
#include "stagegridmodel.h"
#include "workerpool.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <optional>

namespace Runlens {

namespace {

// Run rows carry their group's row + 1 as internal id (0 when not grouped); group rows carry 0.
constexpr quintptr kTopLevel = 0;

// "Warning: config:sparse-disabled, channel:unavailable · Note: channel:disabled", most severe first.
QString hintSummary(const Hints& hints)
{
    QStringList groups;
    for (int severity = int(Severity::Error); severity >= int(Severity::Note); --severity) {
        QStringList kinds;
        for (const Hint& hint : hints) {
            if (hint.isActive() && int(hint.severity) == severity && !kinds.contains(hint.kind))
                kinds.append(hint.kind);
        }
        if (!kinds.isEmpty())
            groups.append(TriageModel::tr("%1: %2").arg(
                SeverityBadge::label(Severity(severity)), kinds.join(QLatin1String(", "))));
    }
    QStringList disputed;
    for (const Hint& hint : hints) {
        if (hint.isDisputed() && !hint.isSuppressed() && !disputed.contains(hint.kind))
            disputed.append(hint.kind);
    }
    if (!disputed.isEmpty())
        groups.append(TriageModel::tr("Disputed: %1").arg(disputed.join(QLatin1String(", "))));
    return groups.join(QStringLiteral(" · "));
}

// The status of the row's failing stage: Failed or Degraded, as the stage grid says it.
std::optional<CellStatus> failingStatus(const TriageRow& row)
{
    if (row.failingStage.isEmpty() || !row.run)
        return std::nullopt;
    const StageCell* cell = row.run->stage(row.failingStage);
    return cell ? std::optional<CellStatus>(cell->status) : std::nullopt;
}

const Hint* worstHint(const Hints& hints)
{
    const Hint* worst = nullptr;
    for (const Hint& hint : hints) {
        if (hint.isActive() && (!worst || hint.severity > worst->severity))
            worst = &hint;
    }
    return worst;
}

} // namespace

TriageModel::TriageModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

TriageModel::~TriageModel() = default;

void TriageModel::clear()
{
    beginResetModel();
    // A thousand inputs' sources: freed on a worker.
    releaseOnWorker(std::make_shared<const TriageRows>(std::exchange(m_rows, {})));
    m_groups.clear();
    endResetModel();
}

void TriageModel::append(TriageRows rows)
{
    if (rows.empty())
        return;
    if (m_grouping == TriageGrouping::None) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(rows.size()) - 1);
        for (TriageRow& row : rows)
            m_rows.push_back(std::move(row));
        endInsertRows();
        return;
    }
    beginResetModel();
    for (TriageRow& row : rows)
        m_rows.push_back(std::move(row));
    m_groups = groupTriageRows(m_rows, m_grouping);
    endResetModel();
}

void TriageModel::setGrouping(TriageGrouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    m_groups = grouping == TriageGrouping::None ? std::vector<TriageGroup>() : groupTriageRows(m_rows, grouping);
    endResetModel();
}

int TriageModel::rowIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    if (m_grouping == TriageGrouping::None)
        return index.row();
    if (index.internalId() == kTopLevel)
        return -1;
    return m_groups[size_t(index.internalId() - 1)].rows[size_t(index.row())];
}

QModelIndex TriageModel::indexOfRow(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return {};
    if (m_grouping == TriageGrouping::None)
        return index(row, 0);
    for (size_t group = 0; group < m_groups.size(); ++group) {
        const std::vector<int>& rows = m_groups[group].rows;
        const auto it = std::find(rows.begin(), rows.end(), row);
        if (it != rows.end())
            return index(int(it - rows.begin()), 0, index(int(group), 0));
    }
    return {};
}

QModelIndex TriageModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : kTopLevel);
}

QModelIndex TriageModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int TriageModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return m_grouping == TriageGrouping::None ? int(m_rows.size()) : int(m_groups.size());
    if (m_grouping == TriageGrouping::None || parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return int(m_groups[size_t(parent.row())].rows.size());
}

int TriageModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant TriageModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index));
    if (m_grouping != TriageGrouping::None && index.internalId() == kTopLevel)
        return groupData(m_groups[size_t(index.row())], index.column(), role);
    const int row = rowIndex(index);
    if (role == RowRole)
        return row;
    return runData(m_rows[size_t(row)], index.column(), role);
}

QVariant TriageModel::groupData(const TriageGroup& group, int column, int role) const
{
    if (role == RowRole)
        return -1;
    if (column != 0)
        return {};
    if (role == Qt::DisplayRole)
        return tr("%1 (%L2)").arg(group.key).arg(group.rows.size());
    if (role == SortRole)
        return qlonglong(group.rows.size());
    if (role == Qt::ToolTipRole)
        return tr("%L1 runs").arg(group.rows.size());
    return {};
}

QVariant TriageModel::runData(const TriageRow& row, int column, int role) const
{
    if (!row.run)
        return noRunData(row, column, role);
    const Run& run = *row.run;
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (column) {
        case SourceColumn:
            return QFileInfo(row.source->path).fileName();
        case SessionColumn:
            return run.sessionId;
        case RunColumn:
            return run.runId;
        case ToolColumn:
            return run.tool;
        case StatusColumn:
            return role == SortRole ? QVariant(triageUrgency(row)) : QVariant(runStatusLabel(run.status));
        case StopColumn:
            return run.stopReason;
        case DurationColumn:
            if (role == SortRole)
                return std::isnan(run.durationMs) ? -1.0 : run.durationMs;
            return formatDuration(run.durationMs);
        case StageColumn:
            // The grid's words: "embed (Failed)", "dense (Degraded)".
            if (const auto status = failingStatus(row))
                return tr("%1 (%2)").arg(row.failingStage, cellStatusLabel(*status));
            return row.stageReached;
        case HintsColumn: {
            if (role == SortRole) {
                const Hint* worst = worstHint(row.hints);
                return worst ? int(worst->severity) + 1 : 0;
            }
            return hintSummary(row.hints);
        }
        }
    } else if (role == Qt::DecorationRole) {
        if (column == StatusColumn)
            return runStatusIcon(run.status);
        if (column == HintsColumn) {
            if (const Hint* worst = worstHint(row.hints))
                return SeverityBadge::icon(worst->severity);
        }
        if (column == StageColumn) {
            if (const auto status = failingStatus(row))
                return StageGridModel::statusIcon(*status);
        }
    } else if (role == Qt::ToolTipRole) {
        // The full ids: the Session and Run columns are hidden until asked for.
        if (column == SourceColumn || column == SessionColumn || column == RunColumn)
            return tr("%1\nSession: %2\nRun: %3")
                .arg(QDir::toNativeSeparators(row.source->path), run.sessionId, run.runId);
        if (column == HintsColumn) {
            QStringList lines;
            for (const Hint& hint : row.hints) {
                if (hint.isActive())
                    lines.append(tr("%1 %2: %3").arg(SeverityBadge::label(hint.severity), hint.kind, hint.msg));
                else if (hint.isDisputed() && !hint.isSuppressed())
                    lines.append(tr("Disputed %1: %2 (%3)").arg(hint.kind, hint.msg, hint.disputed));
            }
            return lines.join(QLatin1Char('\n'));
        }
        if (column == StopColumn && !run.stopReason.isEmpty())
            return run.stopReason;
    } else if (role == Qt::TextAlignmentRole && column == DurationColumn) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

// The row of an input that yielded no run: its file, "Unreadable" or "No run", and why.
QVariant TriageModel::noRunData(const TriageRow& row, int column, int role) const
{
    const bool readable = row.source->ok();
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (column) {
        case SourceColumn:
            return QFileInfo(row.source->path).fileName();
        case StatusColumn:
            // Sorted with the failed runs: an input that vanished needs a look as much as a failure.
            return role == SortRole ? QVariant(triageUrgency(row))
                                    : QVariant(readable ? tr("No run") : tr("Unreadable"));
        case StopColumn:
            return row.noRun;
        case DurationColumn:
            return role == SortRole ? QVariant(-1.0) : QVariant();
        case HintsColumn:
            return role == SortRole ? QVariant(0) : QVariant();
        default:
            return role == SortRole ? QVariant(QString()) : QVariant();
        }
    } else if (role == Qt::DecorationRole && column == StatusColumn) {
        return runStatusIcon(RunStatus::Error);
    } else if (role == Qt::ToolTipRole && (column == SourceColumn || column == StopColumn)) {
        return QString(QDir::toNativeSeparators(row.source->path) + u'\n' + row.noRun);
    }
    return {};
}

QVariant TriageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SourceColumn:
        return m_grouping == TriageGrouping::None ? tr("Source") : tr("Group / source");
    case SessionColumn:
        return tr("Session");
    case RunColumn:
        return tr("Run");
    case ToolColumn:
        return tr("Tool");
    case StatusColumn:
        return tr("Status");
    case StopColumn:
        return tr("Stop reason");
    case DurationColumn:
        return tr("Duration");
    case StageColumn:
        return tr("Stage reached");
    case HintsColumn:
        return tr("Hints");
    }
    return {};
}

Qt::ItemFlags TriageModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_grouping == TriageGrouping::None || index.internalId() != kTopLevel)
        result |= Qt::ItemNeverHasChildren;
    return result;
}

} // namespace Runlens
