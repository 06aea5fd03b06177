// SPDX-License-Identifier: MIT
#pragma once

#include "hintreport.h"
#include "source.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QMap>

#include <array>
#include <memory>
#include <utility>
#include <vector>

namespace Runlens {

/// The runs of one source as a tree: sessions in first-seen order, their runs below them.
///
/// A newer source of the same input (a live snapshot, the whole after an early view) updates the rows in
/// place: rows are inserted for new sessions and runs, changed for rebuilt runs and removed for runs that
/// vanished, so that views keep their expansion, selection and scroll position. Only the first source and
/// the step back to none reset the model.
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

    /// Shows `source`, updating the rows of the one shown before (see above). Runs are matched by session
    /// and run id; a run rebuilt since (another RunPtr) shows no hints until the next setHints().
    void setSource(SourcePtr source);
    SourcePtr source() const { return m_source; }
    struct HintCounts
    {
        int counts[3] = {}; // indexed by Severity; active hints only
        int suppressed = 0;
        int disputed = 0;
        QStringList kinds; // active kinds, sorted, each once

        void add(const HintCounts& other);
    };
    /// What the runs list shows of a hint report, counted once per report: on a worker, since a day of timeline
    /// has a hundred thousand runs and the window must stay responsive meanwhile.
    struct HintSummary
    {
        std::shared_ptr<const HintReport> report; // keeps its runs alive, so their addresses stay theirs
        QHash<const Run*, HintCounts> runs;
        QMap<QString, int> runsPerKind; // runs with an active hint of each kind, by kind
        HintCounts total; // of every run, without the kinds
    };
    static std::shared_ptr<const HintSummary> summarizeHints(std::shared_ptr<const HintReport> report);
    /// Hint counts and kinds per run, from the detectors run after loading; null clears them
    /// (the column then reads "…" while hints are still being computed).
    void setHints(std::shared_ptr<const HintSummary> summary);
    void setHints(std::shared_ptr<const HintReport> report) { setHints(summarizeHints(std::move(report))); }
    std::shared_ptr<const HintSummary> hintSummary() const { return m_hints; }
    /// The worst status of the runs shown (RunStatus::Background when none), from the sessions' summaries.
    RunStatus worstStatus() const;
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
        int row = 0; // kept current as sessions come and go: run rows point at their Session
        std::vector<RunPtr> runs;
        RunStatus worst = RunStatus::Background;
        double durationMs = NAN; // sum over the runs that have one; NaN when none has
        qint64 eventCount = 0;
        qint64 problemCount = 0;
        HintCounts hints; // active while the model has hints

        void summarize();
    };
    using Grouped = std::vector<std::pair<QString, std::vector<RunPtr>>>; // runs by session, in order

    static Grouped group(const Source& source);
    void reset(SourcePtr source);
    void mergeSessions(Grouped fresh);
    void mergeRuns(Session& session, std::vector<RunPtr> fresh);
    void insertSessions(int row, Grouped::iterator first, Grouped::iterator last);
    void removeSessions(int first, int last);
    void renumberSessions();
    void sumHints(Session& session) const;
    const Session* sessionOf(const QModelIndex& runIndex) const;
    QVariant sessionData(const Session& session, int column, int role) const;
    QVariant hintData(const HintCounts* counts, int role) const;
    QVariant runData(const Run& run, int column, int role) const;
    QIcon statusIcon(RunStatus status) const;

    SourcePtr m_source;
    std::vector<std::unique_ptr<Session>> m_sessions; // stable addresses: run rows' internal pointers
    std::shared_ptr<const HintSummary> m_hints;
    std::array<QIcon, 5> m_icons; // indexed by RunStatus
};

} // namespace Runlens
