// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Runlens {

/// `text` with every character that could act on a terminal or break a line-based output made visible:
/// C0 and C1 controls and DEL as escapes ("\n", "\t", "\r", "\x1b", "\x85"), and the bidirectional
/// overrides that reorder what a reader sees as "\u202e". Messages and ids come from the logs of a server
/// that echoes user input; text, TSV, Markdown and HTML outputs pass them through this.
QString printable(const QString& text);

} // namespace Runlens
