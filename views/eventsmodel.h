// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QAbstractTableModel>
#include <QIcon>

namespace Runlens {

/// The events of one run as a flat table, one row per Run::events entry (row == event index).
/// Every cell is computed from the Event struct when asked, so a million rows cost nothing extra.
class EventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        OffsetColumn,
        TypeColumn,
        NameColumn,
        StatusColumn,
        DurationColumn,
        MessageColumn,
        LocationColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole, // ts, offset and duration as numbers, the display text elsewhere
        EventIndexRole, // int: the index into Run::events
    };

    explicit EventsModel(QObject* parent = nullptr);
    ~EventsModel() override;

    void setRun(RunPtr run);
    const RunPtr& run() const { return m_run; }
    /// The text a cell shows; the proxy's column filters match against it without a QModelIndex.
    QString displayText(int event, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    /// Local date-time with microseconds: "2026-11-24 10:47:31.826363".
    static QString formatTimestamp(double ts);
    /// Signed milliseconds with three decimals: "+12.345 ms".
    static QString formatOffset(double ms);
    /// True for lines that count as errors: status "error" or type "error".
    static bool isErrorLine(const Event& event);

private:
    QVariant sortKey(int row, int column) const;
    QVariant errorForeground() const;

    RunPtr m_run;
    QIcon m_errorIcon;
    QIcon m_noopIcon;
};

} // namespace Runlens
