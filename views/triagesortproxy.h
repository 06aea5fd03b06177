// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace Runlens {

/// Filters a TriageModel by text in any column (a group stays while one of its runs matches) and sorts it;
/// the Status column sorts by urgency: failed, cut off and unreadable inputs first, then runs with a Failed
/// or Degraded stage, complete, background, each by start time (triageRowBefore).
class TriageSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TriageSortProxy(QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace Runlens
