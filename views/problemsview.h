// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;

namespace Runlens {

class ProblemsModel;

/// The problems of a source as a sortable, filterable table with a one-line summary
/// ("3 errors, 12 warnings in 2 files").
class ProblemsView : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemsView(QWidget* parent = nullptr);
    ~ProblemsView() override;

    void setSource(SourcePtr source);
    SourcePtr source() const;
    /// The summary line as shown.
    QString summary() const;
    void focusFilter();

signals:
    /// A row was clicked or Enter was pressed on it; line is 0 when the file is not line-oriented.
    void problemActivated(const QString& file, qint64 line);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void activate(const QModelIndex& index);
    void updateSummary();

    ProblemsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QLabel* m_summary;
    QTableView* m_table;
};

} // namespace Runlens
