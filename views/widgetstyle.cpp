// SPDX-License-Identifier: MIT
#include "widgetstyle.h"

#include <QAction>
#include <QHeaderView>
#include <QPainter>
#include <QPixmap>
#include <QTableView>

namespace Runlens {

QIcon drawnIcon(const std::function<void(QPainter&)>& draw)
{
    QIcon icon;
    for (int side : { 16, 20, 24, 32, 48, 64 }) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(side / 16.0, side / 16.0);
        draw(painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void setUpCompactTable(QTableView* table, int stretchColumn)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->setIconSize(QSize(14, 14));
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setMinimumSectionSize(1);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 4);
    QHeaderView* header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
}

void addColumnMenu(QHeaderView* header, int firstColumn)
{
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = firstColumn; column < header->count(); ++column) {
        auto* toggle = new QAction(header->model()->headerData(column, header->orientation()).toString(), header);
        toggle->setObjectName(QStringLiteral("showColumn%1").arg(column));
        toggle->setCheckable(true);
        toggle->setChecked(!header->isSectionHidden(column));
        QObject::connect(toggle, &QAction::toggled, header,
            [header, column](bool shown) { header->setSectionHidden(column, !shown); });
        header->addAction(toggle);
    }
}

} // namespace Runlens
