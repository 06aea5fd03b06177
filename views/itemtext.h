// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QAbstractItemView;

namespace Runlens {

/// The selected cells of a view as text for the clipboard: a line per row, top to bottom (children
/// after their parent), its shown columns in their on-screen order separated by tabs. Without a
/// selection, the current row (or cell, when the view selects cells). Empty when there is neither.
QString selectionText(const QAbstractItemView* view);

} // namespace Runlens
