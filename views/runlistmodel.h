// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <array>
#include <vector>

namespace Runlens {

/// The runs of one source as a tree: sessions in first-seen order, their runs below them.
class RunListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        ToolColumn,
        DurationColumn,
        EventsColumn,
        ProblemsColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole, // the raw number or text behind the displayed one
        RunRole, // RunPtr on run rows, nothing on session rows
    };

    explicit RunListModel(QObject* parent = nullptr);
    ~RunListModel() override;

    void setSource(SourcePtr source);
    SourcePtr source() const { return m_source; }
    /// The run at a run row, null on session rows and invalid indexes.
    RunPtr run(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Session
    {
        QString id;
        std::vector<RunPtr> runs;
        RunStatus worst = RunStatus::Background;
        double durationMs = NAN; // sum over the runs that have one; NaN when none has
        qint64 eventCount = 0;
        qint64 problemCount = 0;
    };

    QVariant sessionData(const Session& session, int column, int role) const;
    QVariant runData(const Run& run, int column, int role) const;
    QIcon statusIcon(RunStatus status) const;

    SourcePtr m_source;
    std::vector<Session> m_sessions;
    std::array<QIcon, 5> m_icons; // indexed by RunStatus
};

} // namespace Runlens
