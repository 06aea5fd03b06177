// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStyledItemDelegate>

class QTreeView;

namespace Runlens {

/// Wraps a tree's long texts at the width of their column instead of eliding them: QTreeView asks a
/// delegate for a row's height without telling it the column's width, so this one looks it up (less
/// the indentation of the row) and lays the rows out again when a column or the view changes width.
/// Column fitting still gets the width of the text on one line. Words longer than a column are elided
/// by the view's elide mode.
class WrappingDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// Sets itself as the delegate of @p view, turns word wrap on and uniform row heights off.
    explicit WrappingDelegate(QTreeView* view);

    /// Columns kept on one line, elided instead (file names: a wrap at their hyphens reads badly).
    void setSingleLineColumns(const QList<int>& columns) { m_singleLine = columns; }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void relayoutSoon();
    int textWidth(const QModelIndex& index) const;

    QTreeView* m_view;
    QList<int> m_singleLine;
    bool m_relayoutPending = false;
};

} // namespace Runlens
