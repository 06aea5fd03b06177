// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QPalette>

#include <array>

namespace Runlens {

/// The derived stage grid of one run (spec 11): one row per StageCell, in Run::stages order.
class StageGridModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        StageColumn,
        StatusColumn,
        DurationColumn,
        ReasonColumn,
        EvidenceColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole, // display order, status severity, duration in ms, deciding evidence count
        StageRole, // QString: the row name (embed, sparse:bm25, ...)
        StatusRole, // int: the CellStatus
        SpansRole, // QList<int>: StageCell::spans, indexes into Run::spans
        EventsRole, // QList<int>: evidence events, deciding ones first, then Info
    };

    explicit StageGridModel(QObject* parent = nullptr);
    ~StageGridModel() override;

    void setRun(RunPtr run);
    const RunPtr& run() const { return m_run; }
    /// The palette the status tints blend with; views pass their own so that dark themes stay readable.
    void setPalette(const QPalette& palette);
    /// The row of a stage, -1 when the run has no such row.
    int rowOf(const QString& stage) const;

    /// The colour of a status; always shown together with its label or icon, never alone.
    static QColor statusColor(CellStatus status);
    /// A shape of its own per status: check disc, hollow skip arrow, octagon cross, warning triangle,
    /// hollow dotted circle, play disc.
    static QIcon statusIcon(CellStatus status);
    /// A soft background: the colour blended into the palette's base, readable in light and dark themes.
    static QColor tint(const QColor& color, const QPalette& palette);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QVariant displayData(const StageCell& cell, int column) const;
    QVariant sortData(const StageCell& cell, int row, int column) const;
    QString toolTip(const StageCell& cell) const;
    QString evidenceLine(const Evidence& evidence) const;

    RunPtr m_run;
    QPalette m_palette;
    std::array<QIcon, 6> m_icons; // indexed by CellStatus
};

} // namespace Runlens
