// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

class QCommandLineParser;

namespace Runlens {

/// runlens-cli triage PATH...: one row per run across every input, and the counts per group. Exit 0;
/// 2 for bad usage or when not one input can be read. Unreadable inputs are listed on stderr.
int triageCommand(QCommandLineParser& parser, const QStringList& arguments);

/// runlens-cli diff A B: two runs side by side. Exit 0 when equal in stage statuses and hints, 1 when
/// not, 2 for bad usage, an unreadable input or no such run.
int diffCommand(QCommandLineParser& parser, const QStringList& arguments);

} // namespace Runlens
