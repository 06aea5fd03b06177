// SPDX-License-Identifier: MIT
#pragma once

#include "runfilter.h"
#include "timewindow.h"

#include <QCommandLineOption>
#include <QStringList>

class QCommandLineParser;

namespace Runlens {

/// Runs one runlens-cli command line and returns the process exit code:
/// 0 success, 1 a finding at or above --fail-on (hints), 2 unreadable input or bad usage.
int runCli(const QStringList& arguments);

/// Parses a command's arguments; returns -1 to go on, else the exit code to return at once: 2 for an
/// unknown option or a missing value (a usage error, never 1, which `hints --fail-on` means), 0 after
/// --help or --version. QCommandLineParser::process() would exit 1.
int parseCommandLine(QCommandLineParser& parser, const QStringList& arguments);

/// For the command files: a line on stderr, and bytes on stdout (flushed, so that pipes see them at once).
void printErr(const QString& text);
void printOut(const QByteArray& bytes);
/// Whether a write to stdout failed: a command that runs until it is stopped (follow) stops then, and
/// runCli() says why and returns 2.
bool stdoutFailed();
/// For a command that may print nothing for hours: stdout being a pipe or socket whose reader has gone
/// counts as a failed write (EPIPE), noticed without writing.
void checkStdoutReader();

/// --since and --until, for the commands that select runs: the runs covered are those that start in that time.
class TimeWindowOptions
{
public:
    explicit TimeWindowOptions(QCommandLineParser& parser); // adds the two options
    /// After parsing: false, with a message on stderr, when a time given is not one or the two are out of order.
    bool read(const QCommandLineParser& parser, TimeWindow* window) const;

private:
    QCommandLineOption m_since;
    QCommandLineOption m_until;
};

/// --session, --run, --since and --until, for the commands that report on the runs they select.
class RunSelectionOptions
{
public:
    explicit RunSelectionOptions(QCommandLineParser& parser); // adds the four options
    /// After parsing: false, with a message on stderr, when the time window is not one.
    bool read(const QCommandLineParser& parser, RunFilter* filter) const;

private:
    QCommandLineOption m_session;
    QCommandLineOption m_run;
    TimeWindowOptions m_window;
};

} // namespace Runlens
