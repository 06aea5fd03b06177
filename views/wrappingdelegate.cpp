// SPDX-License-Identifier: MIT
#include "wrappingdelegate.h"

#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

namespace Runlens {

WrappingDelegate::WrappingDelegate(QTreeView* view)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_relayout(new QTimer(this))
{
    m_relayout->setSingleShot(true);
    m_relayout->setInterval(0);
    connect(m_relayout, &QTimer::timeout, view, &QTreeView::doItemsLayout);
    connect(view->header(), &QHeaderView::sectionResized, m_relayout, qOverload<>(&QTimer::start));
}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // Without a valid rectangle the style measures the text on one line: the width column fitting wants.
    QStyleOptionViewItem natural = option;
    natural.rect = QRect();
    QSize hint = QStyledItemDelegate::sizeHint(natural, index);
    const int width = m_view->columnWidth(index.column());
    if (m_view->wordWrap() && width > 0 && hint.width() > width && !m_singleLine.contains(index.column())) {
        QStyleOptionViewItem wrapped = option;
        wrapped.rect = QRect(0, 0, width, std::max(1, option.rect.height()));
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

} // namespace Runlens
