// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

class QCommandLineParser;

namespace Runlens {

/// runlens-cli follow DIR: follows a timeline directory while the server writes it and prints a line
/// per finished run and per new hint, until SIGINT or SIGTERM (exit code 0; 2 for bad usage).
int followCommand(QCommandLineParser& parser, const QStringList& arguments);

} // namespace Runlens
