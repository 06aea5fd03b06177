// SPDX-License-Identifier: MIT
#include "spantreemodel.h"

#include "duration.h"
#include "spanstyle.h"

#include <QFont>
#include <QGuiApplication>

namespace Runlens {

SpanTreeModel::SpanTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
    setPalette(QGuiApplication::palette());
}

void SpanTreeModel::setRun(RunPtr run)
{
    beginResetModel();
    m_run = std::move(run);
    m_tree = m_run ? SpanTree(*m_run) : SpanTree();
    endResetModel();
}

void SpanTreeModel::setPalette(const QPalette& palette)
{
    for (SpanStatus status : { SpanStatus::Ok, SpanStatus::Other, SpanStatus::Unclosed, SpanStatus::Error })
        m_icons[size_t(status)] = spanStatusIcon(status, palette);
    // One signal for the top level: a view repaints what it shows, and nested rows read the same icons.
    const int rows = rowCount();
    if (rows > 0)
        emit dataChanged(index(0, StatusColumn), index(rows - 1, StatusColumn), { Qt::DecorationRole });
}

QModelIndex SpanTreeModel::indexOfRow(int treeRow, int column) const
{
    if (treeRow < 0 || treeRow >= m_tree.rowCount() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(m_tree.position(treeRow), column, quintptr(treeRow));
}

QModelIndex SpanTreeModel::indexOfSpan(int span, int column) const
{
    return indexOfRow(m_tree.rowOfSpan(span), column);
}

int SpanTreeModel::treeRow(const QModelIndex& index)
{
    return index.isValid() ? int(index.internalId()) : -1;
}

QString SpanTreeModel::rowName(int row) const
{
    const QString& name = m_run->spans[size_t(m_tree.span(row))].name;
    const int stage = m_tree.stage(row);
    if (stage < 0)
        return name;
    return tr("%1  [%2]").arg(name, m_run->stages[size_t(stage)].stage);
}

QString SpanTreeModel::statusText(int row) const
{
    const SpanStatus status = m_tree.status(row);
    if (status != SpanStatus::Other)
        return spanStatusText(status);
    // What the writer said ("noop", "cancelled") reads better than a category.
    for (int span : { m_tree.span(row), m_tree.mergedSpan(row) }) {
        if (span >= 0 && spanStatus(m_run->spans[size_t(span)]) == SpanStatus::Other
            && !m_run->spans[size_t(span)].status.isEmpty())
            return m_run->spans[size_t(span)].status;
    }
    return spanStatusText(status);
}

double SpanTreeModel::durationMs(int row) const
{
    double ms = m_run->spans[size_t(m_tree.span(row))].durationMs;
    if (const int merged = m_tree.mergedSpan(row); merged >= 0)
        ms = std::max(ms, m_run->spans[size_t(merged)].durationMs);
    return ms;
}

QString SpanTreeModel::rowToolTip(int row) const
{
    if (!m_run || row < 0 || row >= m_tree.rowCount())
        return {};
    QStringList extra;
    if (const int merged = m_tree.mergedSpan(row); merged >= 0) {
        const Span& inner = m_run->spans[size_t(merged)];
        extra.append(tr("With the %1 of the same name inside it (%2, %3)")
                         .arg(inner.kind, inner.status, formatDuration(inner.durationMs)));
    }
    if (const int stage = m_tree.stage(row); stage >= 0)
        extra.append(tr("Stage: %1").arg(m_run->stages[size_t(stage)].stage));
    if (m_tree.isOnCriticalPath(row))
        extra.append(tr("On the critical path: it ends last among its siblings"));
    const auto [first, last] = m_tree.events(row);
    if (first != last)
        extra.append(tr("%n point event(s) on this row", nullptr, int(last - first)));
    return spanToolTip(*m_run, m_tree.span(row), extra);
}

QModelIndex SpanTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const int parentRow = treeRow(parent);
    if (row < 0 || row >= m_tree.childCount(parentRow))
        return {};
    return createIndex(row, column, quintptr(m_tree.child(parentRow, row)));
}

QModelIndex SpanTreeModel::parent(const QModelIndex& index) const
{
    const int row = treeRow(index);
    if (row < 0)
        return {};
    const int parentRow = m_tree.parentRow(row);
    return parentRow < 0 ? QModelIndex() : createIndex(m_tree.position(parentRow), 0, quintptr(parentRow));
}

int SpanTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.column() > 0)
        return 0;
    return m_tree.childCount(treeRow(parent));
}

int SpanTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

bool SpanTreeModel::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags SpanTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_tree.childCount(treeRow(index)) == 0)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant SpanTreeModel::data(const QModelIndex& index, int role) const
{
    const int row = treeRow(index);
    if (row < 0 || !m_run)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return rowName(row);
        case DurationColumn:
            return formatDuration(durationMs(row));
        case StatusColumn:
            return statusText(row);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return m_icons[size_t(m_tree.status(row))];
        break;
    case Qt::FontRole:
        if (index.column() == NameColumn && m_tree.isOnCriticalPath(row)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return rowToolTip(row);
    case SpansRole: {
        QList<int> spans = { m_tree.span(row) };
        if (m_tree.mergedSpan(row) >= 0)
            spans.append(m_tree.mergedSpan(row));
        return QVariant::fromValue(spans);
    }
    case TreeRowRole:
        return row;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return QString(m_run->spans[size_t(m_tree.span(row))].name);
        case DurationColumn:
            return durationMs(row);
        case StatusColumn:
            return int(m_tree.status(row));
        }
        break;
    case CriticalPathRole:
        return m_tree.isOnCriticalPath(row);
    case StageRole:
        return m_tree.stage(row) >= 0 ? QString(m_run->stages[size_t(m_tree.stage(row))].stage) : QString();
    case StatusRole:
        return int(m_tree.status(row));
    }
    return {};
}

QVariant SpanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Span");
    case DurationColumn:
        return tr("Duration");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace Runlens
