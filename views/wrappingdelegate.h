// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace Runlens {

/// Wraps a tree's long texts at the width of their column instead of eliding them: QTreeView asks a
/// delegate for a row's height without telling it the column's width, so this one looks it up (less
/// the indentation of the row) and lays the rows out again when a column or the view changes width.
class WrappingDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// Sets itself as the delegate of @p view, turns word wrap on and uniform row heights off.
    explicit WrappingDelegate(QTreeView* view);

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void relayoutSoon();

    QTreeView* m_view;
    bool m_relayoutPending = false;
};

} // namespace Runlens
