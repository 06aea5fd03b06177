// SPDX-License-Identifier: MIT
#include "triagesortproxy.h"

#include "triagemodel.h"

namespace Runlens {

TriageSortProxy::TriageSortProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TriageModel::SortRole);
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1); // any column
}

bool TriageSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto* model = qobject_cast<const TriageModel*>(sourceModel());
    if (model && left.column() == TriageModel::StatusColumn) {
        const int x = model->rowIndex(left);
        const int y = model->rowIndex(right);
        if (x >= 0 && y >= 0)
            return triageRowBefore(model->rows()[size_t(x)], model->rows()[size_t(y)]);
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Runlens
