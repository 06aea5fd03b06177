// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace Runlens {

class JsonTreeModel;

/// One event of a run: its attrs as a searchable tree above its raw JSON line, pretty-printed.
class EventDetailsView : public QWidget
{
    Q_OBJECT
public:
    explicit EventDetailsView(QWidget* parent = nullptr);
    ~EventDetailsView() override;

    /// Shows no event until setEvent() picks one of the new run.
    void setRun(RunPtr run);
    /// An index into Run::events; -1 (or any index out of range) shows nothing.
    void setEvent(int event);
    int event() const { return m_event; }

    /// The raw line re-indented with its keys in their original order; the line itself when it is
    /// not valid JSON.
    static QString prettyJson(const QByteArray& line);

private:
    void applySearch(const QString& text);

    RunPtr m_run;
    int m_event = -1;
    JsonTreeModel* m_attrs;
    QSortFilterProxyModel* m_search;
    QLabel* m_title;
    QLabel* m_message;
    QLineEdit* m_searchEdit;
    QTreeView* m_tree;
    QPlainTextEdit* m_raw;
};

} // namespace Runlens
