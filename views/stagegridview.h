// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QList>
#include <QWidget>

#include <array>

class QLabel;
class QModelIndex;
class QTableView;

namespace Runlens {

class OpsCoverageChip;
class RootCauseBanner;
class StageGridModel;
class StageGridTable;

/// The stage grid of one run: its root cause (what broke, where, why), upstream's ops_coverage flags as a
/// strip of chips (marked as upstream's claim where the grid says otherwise), and one row per stage below
/// them, every row shown whole: reasons wrap, and the grid asks for the height of all its rows.
class StageGridView : public QWidget
{
    Q_OBJECT
public:
    explicit StageGridView(QWidget* parent = nullptr);
    ~StageGridView() override;

    void setRun(RunPtr run);
    RunPtr run() const;

    /// Selects the row of a stage (no signal); false when the run has no such row.
    bool selectStage(const QString& stage);
    /// The selected row's stage name, empty when none.
    QString currentStage() const;
    /// Selects the next (previous) Failed or Degraded row after the current one, wrapping around;
    /// false when the grid has none.
    bool selectNextFailed();
    bool selectPreviousFailed();
    /// Emits cellActivated() for the selected row, as a click on it would.
    void activateCurrent();
    /// The text drawn in place of the grid when it has no rows, empty otherwise.
    QString emptyText() const;
    RootCauseBanner* banner() const { return m_banner; }
    QSize sizeHint() const override;
    /// How many pixels of rows are behind the scroll bar at the present size: 0 when every row shows.
    int hiddenRowsHeight() const;

signals:
    /// A row was clicked or Enter was pressed on it: its stage, mapped scopes and evidence events
    /// (indexes into Run::spans and Run::events; deciding evidence first).
    void cellActivated(const QString& stage, const QList<int>& spans, const QList<int>& events);
    /// The root cause's line link was followed: an index into Run::events.
    void lineActivated(int event);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void activate(const QModelIndex& index);
    bool selectFailed(int step);
    void updateOpsCoverage();
    void updateTrace();
    void fitRows();

    StageGridModel* m_model;
    RootCauseBanner* m_banner;
    QWidget* m_opsStrip;
    QLabel* m_opsOrigin;
    QLabel* m_trace;
    std::array<OpsCoverageChip*, 6> m_opsChips {}; // in OpsCoverage::keys order
    StageGridTable* m_table;
};

} // namespace Runlens
