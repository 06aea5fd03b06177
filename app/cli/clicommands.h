// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

class QCommandLineParser;

namespace Runlens {

/// Runs one runlens-cli command line and returns the process exit code:
/// 0 success, 1 a finding at or above --fail-on (hints), 2 unreadable input or bad usage.
int runCli(const QStringList& arguments);

/// For the command files: QCommandLineParser::process(), except that --help names the program and the command
/// ("Usage: runlens-cli report [options] PATH"), not argv[0] as Qt does (an absolute path when run by one).
void processArguments(QCommandLineParser& parser, const QStringList& arguments);

/// For the command files: a line on stderr, and bytes on stdout (flushed, so that pipes see them at once).
void printErr(const QString& text);
void printOut(const QByteArray& bytes);
/// Whether a write to stdout failed: a command that runs until it is stopped (follow) stops then, and
/// runCli() says why and returns 2.
bool stdoutFailed();
/// For a command that may print nothing for hours: stdout being a pipe or socket whose reader has gone
/// counts as a failed write (EPIPE), noticed without writing.
void checkStdoutReader();

} // namespace Runlens
