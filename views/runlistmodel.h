// SPDX-License-Identifier: MIT
#pragma once

#include "hintreport.h"
#include "source.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

#include <array>
#include <memory>
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
        HintsColumn,
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
        HintKindsRole, // QStringList: the kinds of the run's (session's) active hints
    };

    explicit RunListModel(QObject* parent = nullptr);
    ~RunListModel() override;

    void setSource(SourcePtr source);
    SourcePtr source() const { return m_source; }
    /// Hint counts and kinds per run, from the detectors run after loading; null clears them
    /// (the column then reads "…" while hints are still being computed).
    void setHints(std::shared_ptr<const HintReport> report);
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
    struct HintCounts
    {
        int counts[3] = {}; // indexed by Severity; active hints only
        int suppressed = 0;
        int disputed = 0;
        QStringList kinds; // active kinds, sorted, each once

        void add(const HintCounts& other);
    };
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
    QVariant hintData(const HintCounts* counts, int role) const;
    QVariant runData(const Run& run, int column, int role) const;
    QIcon statusIcon(RunStatus status) const;

    SourcePtr m_source;
    std::vector<Session> m_sessions;
    std::shared_ptr<const HintReport> m_hints;
    QHash<const Run*, HintCounts> m_runHints;
    std::vector<HintCounts> m_sessionHints; // parallel to m_sessions; empty until hints arrive
    std::array<QIcon, 5> m_icons; // indexed by RunStatus
};

} // namespace Runlens
