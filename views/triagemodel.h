// SPDX-License-Identifier: MIT
#pragma once

#include "triage.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <array>

namespace Runlens {

/// The runs of a triage as a table, or as groups (hint kind, stop reason, tool, failing stage) with
/// their counts and the runs below them. A run with several hint kinds shows in each kind's group.
class TriageModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        SourceColumn,
        SessionColumn,
        RunColumn,
        ToolColumn,
        StatusColumn,
        StopColumn,
        DurationColumn,
        StageColumn,
        HintsColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole, // on Status: triageUrgency()
        RowRole, // int: index into rows() on run rows, -1 on group rows
    };

    explicit TriageModel(QObject* parent = nullptr);
    ~TriageModel() override;

    const TriageRows& rows() const { return m_rows; }
    /// No rows; their sources are freed on a worker.
    void clear();
    /// Adds runs as their inputs finish loading; grouped views are regrouped.
    void append(TriageRows rows);
    void setGrouping(TriageGrouping grouping);
    TriageGrouping grouping() const { return m_grouping; }
    /// The row index of a run row, -1 for group rows and invalid indexes.
    int rowIndex(const QModelIndex& index) const;
    /// The first index (column 0) showing rows()[row], in its first group when grouped; invalid when none.
    QModelIndex indexOfRow(int row) const;
    /// Groups shown, with their run counts (empty when not grouped).
    const std::vector<TriageGroup>& groups() const { return m_groups; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QVariant runData(const TriageRow& row, int column, int role) const;
    QVariant noRunData(const TriageRow& row, int column, int role) const;
    QVariant groupData(const TriageGroup& group, int column, int role) const;

    TriageRows m_rows;
    TriageGrouping m_grouping = TriageGrouping::None;
    std::vector<TriageGroup> m_groups;
};

} // namespace Runlens
