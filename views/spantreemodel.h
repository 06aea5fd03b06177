// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"
#include "spantree.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QPalette>

#include <array>

namespace Runlens {

/// The spans of one run as a tree (SpanTree): name with its stage tag, duration, status. Rows and
/// indexes are the tree's arrays; text is made only when a view asks for it.
class SpanTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        DurationColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        SpansRole = Qt::UserRole, // QList<int>: the row's spans (indexes into Run::spans), outer first
        TreeRowRole, // int: the row in SpanTree
        SortRole, // the raw value: name, duration in ms, status rank
        CriticalPathRole, // bool
        StageRole, // QString: the stage row's name, empty when none
        StatusRole // int: SpanStatus
    };

    explicit SpanTreeModel(QObject* parent = nullptr);

    /// Resets the model to the run's spans.
    void setRun(RunPtr run);
    RunPtr run() const { return m_run; }
    const SpanTree& tree() const { return m_tree; }
    /// The status icons follow this palette (the view's), light or dark.
    void setPalette(const QPalette& palette);

    QModelIndex indexOfRow(int treeRow, int column = NameColumn) const;
    QModelIndex indexOfSpan(int span, int column = NameColumn) const;
    /// The SpanTree row of an index of this model, -1 for an invalid one.
    static int treeRow(const QModelIndex& index);
    /// The row's name and, when a stage row lists it, its stage tag: "vllm.embed_batch  [embed]".
    QString rowName(int treeRow) const;
    /// What the tree and the bars show on hover.
    QString rowToolTip(int treeRow) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString statusText(int treeRow) const;
    double durationMs(int treeRow) const;

    RunPtr m_run;
    SpanTree m_tree;
    std::array<QIcon, 4> m_icons; // per SpanStatus
};

} // namespace Runlens
