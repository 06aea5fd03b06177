// SPDX-License-Identifier: MIT
#pragma once

#include "triage.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTimer;
class QTreeView;

namespace Runlens {

class TriageLoader;
class TriageModel;
class TriagePreview;
class TriageSortProxy;

/// The triage board (issue 9): one row per run across many runpacks and timelines, loading in the
/// background, most urgent first, sortable, filterable and grouped on demand with counts (the group of
/// the rows at the top stays named above them); the selected run previewed below; double-click opens a
/// run, two selected runs can be compared.
class TriageView : public QWidget
{
    Q_OBJECT
public:
    explicit TriageView(QWidget* parent = nullptr);
    ~TriageView() override;

    void load(const QStringList& paths);
    QStringList paths() const { return m_paths; }
    bool isLoading() const;
    TriageModel* model() const { return m_model; }
    QTreeView* tree() const { return m_tree; }
    void setGrouping(TriageGrouping grouping);
    void setFilterText(const QString& text);
    void focusFilter();
    /// The rows (indexes into model()->rows()) of the selected run rows.
    QList<int> selectedRows() const;
    /// Makes rows()[row] the current row (its first group's, when grouped); false when it is filtered out.
    bool selectRow(int row);
    TriagePreview* preview() const { return m_preview; }
    /// The group named above the tree for the rows at its top; empty when not grouped.
    QString currentGroupText() const;

signals:
    void openRunRequested(const QString& path, const QString& sessionId, const QString& runId);
    void compareRequested(int rowA, int rowB);
    void loadFinished();

private:
    void flushPending();
    void activate(const QModelIndex& index);
    void updateSummary();
    void updateCompareButton();
    void updatePreview();
    void updateGroupLabel();
    void spanGroupRows();
    /// Column widths for the first screenful: stop reason and hints get the room, long file names are
    /// elided in the middle, and the ids (hidden at first) are in the Source tooltip.
    void fitColumns();
    int currentRow() const;

    QStringList m_paths;
    TriageRows m_pending; // arrived since the last flush
    TriageLoader* m_loader;
    TriageModel* m_model;
    TriageSortProxy* m_proxy;
    QTimer* m_flushTimer;
    QLineEdit* m_filter;
    QComboBox* m_grouping;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_compare;
    QLabel* m_groupLabel;
    QTreeView* m_tree;
    TriagePreview* m_preview;
    QSplitter* m_splitter; // table above, preview below
};

} // namespace Runlens
