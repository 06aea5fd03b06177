// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStyledItemDelegate>

class QTimer;
class QTreeView;

namespace Runlens {

/// For a word-wrapping tree: a row as tall as its cells' text wrapped at their columns' widths, measured
/// again when a column is resized (QTreeView asks for row heights without a width and keeps them, so a
/// long text would be cut), while column fitting still gets the width of the text on one line. Words
/// longer than a column are elided by the view's elide mode.
class WrappingDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit WrappingDelegate(QTreeView* view);

    /// Columns kept on one line, elided instead (file names: a wrap at their hyphens reads badly).
    void setSingleLineColumns(const QList<int>& columns) { m_singleLine = columns; }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    QTreeView* m_view;
    QList<int> m_singleLine;
    QTimer* m_relayout; // one new layout for a burst of column resizes
};

} // namespace Runlens
