// SPDX-License-Identifier: MIT
#include "wrappingdelegate.h"

#include <QEvent>
#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

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

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    int width = m_view->header()->sectionSize(index.column());
    if (index.column() == m_view->treePosition() || (m_view->treePosition() < 0 && index.column() == 0)) {
        int depth = m_view->rootIsDecorated() ? 1 : 0;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            ++depth;
        width -= depth * m_view->indentation();
    }
    QStyleOptionViewItem sized = option;
    sized.rect = QRect(0, 0, std::max(width, 1), 1); // the style wraps at the width of a valid rect
    return QStyledItemDelegate::sizeHint(sized, index);
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
