// SPDX-License-Identifier: MIT
#pragma once

#include "triage.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace Runlens {

class StageGridView;

/// The row selected on the triage board at a glance: its input and full ids, the run's stage grid and its
/// hints as a compact list (most severe first), or for an input without a run, why it holds none.
class TriagePreview : public QWidget
{
    Q_OBJECT
public:
    explicit TriagePreview(QWidget* parent = nullptr);
    ~TriagePreview() override;

    /// Shows `row` (copied: the board's rows grow while it loads); null asks for a selection.
    void setRow(const TriageRow* row);
    StageGridView* stageGrid() const { return m_grid; }
    QTreeWidget* hintsList() const { return m_hints; }
    /// The one-line heading: input file, session and run.
    QString title() const;
    /// What is shown instead of a run (no selection, or an input without a run); empty while a run shows.
    QString message() const;

private:
    void fillHints(const Hints& hints);

    QLabel* m_title;
    QStackedWidget* m_pages;
    QLabel* m_message;
    QWidget* m_runPage;
    StageGridView* m_grid;
    QTreeWidget* m_hints;
};

} // namespace Runlens
