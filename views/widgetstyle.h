// SPDX-License-Identifier: MIT
// The look the views share: icons drawn as vectors, and compact read-only tables.
#pragma once

#include <QIcon>

#include <functional>

class QHeaderView;
class QPainter;
class QTableView;

namespace Runlens {

/// Renders a 16x16 vector drawing at the usual icon sizes; QIcon derives the disabled look itself.
QIcon drawnIcon(const std::function<void(QPainter&)>& draw);

/// A read-only table of one-line rows: no grid, no row header, rows a line high, whole-row selection,
/// columns sized to their content except `stretchColumn`, which takes the rest.
void setUpCompactTable(QTableView* table, int stretchColumn);

/// The header's context menu shows or hides each column from `firstColumn` on; hide columns before.
void addColumnMenu(QHeaderView* header, int firstColumn = 0);

} // namespace Runlens
