// SPDX-License-Identifier: MIT
#include "eventsfilterproxy.h"

#include <algorithm>

namespace Runlens {

EventsFilterProxy::EventsFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(EventsModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void EventsFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    m_events = qobject_cast<const EventsModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void EventsFilterProxy::setQuickFilter(const QString& text)
{
    if (text == m_quickText)
        return;
    m_quickText = text;
    m_quickWords.clear();
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& word : words)
        m_quickWords.emplace_back(word, Qt::CaseInsensitive);
    invalidateRows();
}

void EventsFilterProxy::setColumnFilter(int column, const QString& text)
{
    if (column < 0 || column >= EventsModel::ColumnCount || m_columnFilters[size_t(column)] == text)
        return;
    m_columnFilters[size_t(column)] = text;
    invalidateRows();
}

QString EventsFilterProxy::columnFilter(int column) const
{
    return column >= 0 && column < EventsModel::ColumnCount ? m_columnFilters[size_t(column)] : QString();
}

void EventsFilterProxy::clearColumnFilters()
{
    if (std::all_of(m_columnFilters.begin(), m_columnFilters.end(), [](const QString& t) { return t.isEmpty(); }))
        return;
    m_columnFilters.fill(QString());
    invalidateRows();
}

void EventsFilterProxy::setEventSubset(QList<int> events)
{
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
    events.erase(events.begin(), std::lower_bound(events.begin(), events.end(), 0));
    if (events == m_subset)
        return;
    m_subset = std::move(events);
    m_inSubset.assign(m_subset.isEmpty() ? 0 : size_t(m_subset.last()) + 1, false);
    for (int event : std::as_const(m_subset))
        m_inSubset[size_t(event)] = true;
    invalidateRows();
}

void EventsFilterProxy::invalidateRows()
{
    // invalidateFilter() updates the mapping range by range, which turns quadratic when a million
    // rows come and go in scattered runs; invalidate() rebuilds it in one linear pass.
    invalidate();
}

bool EventsFilterProxy::matchesQuickFilter(const Event& event) const
{
    for (const QStringMatcher& word : m_quickWords) {
        if (word.indexIn(event.type) < 0 && word.indexIn(event.name) < 0 && word.indexIn(event.status) < 0
            && word.indexIn(event.message) < 0)
            return false;
    }
    return true;
}

bool EventsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_events || !m_events->run())
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    // Cheapest test first: this runs once per event, a million times for a large run.
    if (!m_subset.isEmpty() && (size_t(sourceRow) >= m_inSubset.size() || !m_inSubset[size_t(sourceRow)]))
        return false;
    if (!m_quickWords.empty() && !matchesQuickFilter(m_events->run()->events[size_t(sourceRow)]))
        return false;
    for (int column = 0; column < EventsModel::ColumnCount; ++column) {
        const QString& text = m_columnFilters[size_t(column)];
        if (!text.isEmpty() && !m_events->displayText(sourceRow, column).contains(text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool EventsFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // Same order as SortRole, read from the structs so that sorting a million rows stays quick.
    if (m_events && m_events->run() && sortRole() == EventsModel::SortRole) {
        const std::vector<Event>& events = m_events->run()->events;
        const Event& a = events[size_t(left.row())];
        const Event& b = events[size_t(right.row())];
        switch (left.column()) {
        case EventsModel::TimeColumn:
        case EventsModel::OffsetColumn:
            return a.ts < b.ts;
        case EventsModel::DurationColumn:
            // Events without a duration sort first, like their SortRole of -1.
            return (a.hasDuration() ? a.durationMs : -1.0) < (b.hasDuration() ? b.durationMs : -1.0);
        default:
            break;
        }
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Runlens
