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
class QSortFilterProxyModel;
class QTimer;
class QTreeView;

namespace Runlens {

class TriageLoader;
class TriageModel;

/// The triage board (issue 9): one row per run across many runpacks and timelines, loading in the
/// background, sortable, filterable and grouped on demand with counts; double-click opens a run,
/// two selected runs can be compared.
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

signals:
    void openRunRequested(const QString& path, const QString& sessionId, const QString& runId);
    void compareRequested(int rowA, int rowB);
    void loadFinished();

private:
    void flushPending();
    void activate(const QModelIndex& index);
    void updateSummary();
    void updateCompareButton();

    QStringList m_paths;
    TriageRows m_pending; // arrived since the last flush
    TriageLoader* m_loader;
    TriageModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTimer* m_flushTimer;
    QLineEdit* m_filter;
    QComboBox* m_grouping;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_compare;
    QTreeView* m_tree;
};

} // namespace Runlens
