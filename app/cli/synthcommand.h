// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

class QCommandLineParser;

namespace Runlens {

/// runlens-cli synth --events N --sessions S [--seed K] [--files F] [--force] -o DIR: writes a realistic
/// upstream timeline directory for benchmarks and tests (exit code 0; 2 for bad usage or a write error).
int synthCommand(QCommandLineParser& parser, const QStringList& arguments);

} // namespace Runlens
