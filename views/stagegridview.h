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
class StageGridModel;
class StageGridTable;

/// The stage grid of one run: a one-line summary (status, stop reason, stopped after), upstream's
/// ops_coverage flags as a strip of chips, and one compact row per stage below them.
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

signals:
    /// A row was clicked or Enter was pressed on it: its stage, mapped scopes and evidence events
    /// (indexes into Run::spans and Run::events; deciding evidence first).
    void cellActivated(const QString& stage, const QList<int>& spans, const QList<int>& events);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void activate(const QModelIndex& index);
    bool selectFailed(int step);
    void updateSummary();
    void updateOpsCoverage();

    StageGridModel* m_model;
    QWidget* m_summaryRow;
    QLabel* m_summaryIcon;
    QLabel* m_summary;
    QWidget* m_opsStrip;
    QLabel* m_opsOrigin;
    std::array<OpsCoverageChip*, 6> m_opsChips {}; // in OpsCoverage::keys order
    StageGridTable* m_table;
};

} // namespace Runlens
