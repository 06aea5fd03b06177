// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Runlens {

/// Runs one runlens-cli command line and returns the process exit code:
/// 0 success, 1 a finding at or above --fail-on (hints), 2 unreadable input or bad usage.
int runCli(const QStringList& arguments);

/// For the command files: a line on stderr, and bytes on stdout (flushed, so that pipes see them at once).
void printErr(const QString& text);
void printOut(const QByteArray& bytes);

} // namespace Runlens
