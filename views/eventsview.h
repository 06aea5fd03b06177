// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QList>
#include <QWidget>

#include <vector>

class QFrame;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QTableView;
class QToolButton;

namespace Runlens {

class EventDetailsView;
class EventsFilterProxy;
class EventsModel;

/// The events table of one run with a quick filter, optional per-column filters, a bar for a
/// selected subset of events (from a stage cell) and the details of the current event.
class EventsView : public QWidget
{
    Q_OBJECT
public:
    explicit EventsView(QWidget* parent = nullptr);
    ~EventsView() override;

    /// Shows a new run; the text filters stay, an event subset is cleared.
    void setRun(RunPtr run);
    RunPtr run() const;
    /// The current event's index into Run::events, -1 when none.
    int currentEvent() const;

    /// Shows only these events, selects the first of the list and scrolls to it; an empty list
    /// shows all events again.
    void selectEvents(const QList<int>& events);
    /// Shows all events again, then selects and scrolls to this one. Text filters that hide it are
    /// cleared.
    void selectEvent(int event);
    void focusFilter();

signals:
    /// The current row changed to this event (an index into Run::events).
    void eventSelected(int event);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void clearSubset();
    void revealAndSelect(int event);
    void onCurrentChanged(const QModelIndex& current);
    void applyColumnFilters();
    void layoutColumnFilters();
    void updateCount();

    EventsModel* m_model;
    EventsFilterProxy* m_proxy;
    QLineEdit* m_quickFilter;
    QToolButton* m_columnFiltersButton;
    QLabel* m_countLabel;
    QFrame* m_subsetBar;
    QLabel* m_subsetLabel;
    QPushButton* m_showAllButton;
    QWidget* m_tablePane;
    QWidget* m_columnFilterRow;
    std::vector<QLineEdit*> m_columnFilters; // one per EventsModel column
    QTableView* m_table;
    EventDetailsView* m_details;
};

} // namespace Runlens
