// SPDX-License-Identifier: MIT
#include "itemtext.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>
#include <QTreeView>

#include <algorithm>
#include <map>

namespace Runlens {

namespace {

// The header whose sections are the view's columns, for their order and visibility.
const QHeaderView* columnHeader(const QAbstractItemView* view)
{
    if (const auto* tree = qobject_cast<const QTreeView*>(view))
        return tree->header();
    if (const auto* table = qobject_cast<const QTableView*>(view))
        return table->horizontalHeader();
    return nullptr;
}

// Where a row stands in the view, top to bottom: its row numbers from the root down.
QList<int> rowPath(QModelIndex index)
{
    QList<int> path;
    for (index = index.siblingAtColumn(0); index.isValid(); index = index.parent())
        path.prepend(index.row());
    return path;
}

} // namespace

QString selectionText(const QAbstractItemView* view)
{
    QModelIndexList indexes = view->selectionModel() ? view->selectionModel()->selectedIndexes() : QModelIndexList();
    const QModelIndex current = view->currentIndex();
    if (indexes.isEmpty() && current.isValid()) {
        if (view->selectionBehavior() == QAbstractItemView::SelectRows) {
            for (int column = 0; column < view->model()->columnCount(current.parent()); ++column)
                indexes.append(current.siblingAtColumn(column));
        } else {
            indexes.append(current);
        }
    }
    const QHeaderView* header = columnHeader(view);
    std::map<QList<int>, std::map<int, QString>> rows; // row path -> visual column -> text
    for (const QModelIndex& index : std::as_const(indexes)) {
        if (header && header->isSectionHidden(index.column()))
            continue;
        const int visual = header ? header->visualIndex(index.column()) : index.column();
        rows[rowPath(index)][visual] = index.data().toString();
    }
    QStringList lines;
    for (const auto& [path, cells] : rows) {
        QStringList texts;
        for (const auto& [column, text] : cells)
            texts.append(text);
        lines.append(texts.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Runlens
