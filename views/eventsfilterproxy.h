// SPDX-License-Identifier: MIT
#pragma once

#include "eventsmodel.h"

#include <QList>
#include <QSortFilterProxyModel>
#include <QStringMatcher>

#include <array>
#include <vector>

namespace Runlens {

/// Filters and sorts an EventsModel: a quick filter, one substring filter per column and an
/// optional subset of event indexes; a row shows when it passes all three.
class EventsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventsFilterProxy(QObject* parent = nullptr);

    /// The filters read the Event structs of an EventsModel; any other model is only sorted.
    void setSourceModel(QAbstractItemModel* model) override;

    /// Whitespace-separated words, each of which must occur (case-insensitively) in the event's
    /// type, name, status or message.
    void setQuickFilter(const QString& text);
    QString quickFilter() const { return m_quickText; }
    /// Case-insensitive substring of the column's display text; empty clears that column's filter.
    void setColumnFilter(int column, const QString& text);
    QString columnFilter(int column) const;
    void clearColumnFilters();
    /// Shows only these indexes into Run::events; an empty list shows every event.
    void setEventSubset(QList<int> events);
    QList<int> eventSubset() const { return m_subset; }
    bool hasEventSubset() const { return !m_subset.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    void invalidateRows();
    bool matchesQuickFilter(const Event& event) const;

    const EventsModel* m_events = nullptr;
    QString m_quickText;
    std::vector<QStringMatcher> m_quickWords;
    std::array<QString, EventsModel::ColumnCount> m_columnFilters;
    QList<int> m_subset;
    std::vector<bool> m_inSubset; // indexed by event, sized to the largest index of the subset
};

} // namespace Runlens
