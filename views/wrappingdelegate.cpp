// SPDX-License-Identifier: MIT
#include "wrappingdelegate.h"

#include <QEvent>
#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

namespace Runlens {

WrappingDelegate::WrappingDelegate(QTreeView* view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
    view->setItemDelegate(this);
    view->setWordWrap(true);
    view->setUniformRowHeights(false);
    connect(view->header(), &QHeaderView::sectionResized, this, &WrappingDelegate::relayoutSoon);
    view->viewport()->installEventFilter(this);
}

int WrappingDelegate::textWidth(const QModelIndex& index) const
{
    int width = m_view->header()->sectionSize(index.column());
    if (index.column() == m_view->treePosition() || (m_view->treePosition() < 0 && index.column() == 0)) {
        int depth = m_view->rootIsDecorated() ? 1 : 0;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            ++depth;
        width -= depth * m_view->indentation();
    }
    return width;
}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // Without a valid rectangle the style measures the text on one line: the width column fitting wants.
    QStyleOptionViewItem natural = option;
    natural.rect = QRect();
    QSize hint = QStyledItemDelegate::sizeHint(natural, index);
    const int width = textWidth(index);
    if (m_view->wordWrap() && width > 0 && hint.width() > width && !m_singleLine.contains(index.column())) {
        QStyleOptionViewItem wrapped = option;
        wrapped.rect = QRect(0, 0, width, 1); // the style wraps at the width of a valid rect
        hint.setHeight(std::max(hint.height(), QStyledItemDelegate::sizeHint(wrapped, index).height()));
    }
    return hint;
}

void WrappingDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_singleLine.contains(index.column()))
        option->features &= ~QStyleOptionViewItem::WrapText;
}

bool WrappingDelegate::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize)
        relayoutSoon(); // a stretched column follows the viewport without a sectionResized of its own
    return QStyledItemDelegate::eventFilter(watched, event);
}

void WrappingDelegate::relayoutSoon()
{
    if (m_relayoutPending)
        return;
    m_relayoutPending = true;
    // Once the header has settled: a drag or a window resize moves sections many times in a row.
    QTimer::singleShot(0, this, [this] {
        m_relayoutPending = false;
        m_view->doItemsLayout();
    });
}

} // namespace Runlens
