// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Runlens {

/// What a command reads, so that nothing it writes can destroy it.
struct OutputRules
{
    QStringList readFiles; // every file the command reads: Source::inputFiles, suppression files
    bool force = false; // replace an existing regular file (and nothing else)
};

/// The one place every output file is checked before it is written. Returns why `target` must not be
/// written, or an empty string when it may. The target is resolved first, symbolic links included. Refused:
/// a device, FIFO, socket or directory; any file the command reads; any name of a timeline file
/// (events-*.jsonl: Runlens writes no timelines there, and a directory reader would take it for one); an
/// existing file unless `rules.force`. "-" is standard output and never refused.
QString outputRefusal(const QString& target, const OutputRules& rules);

/// Writes `bytes` to `target` when outputRefusal() allows it, through QSaveFile, so that a crash or a kill
/// leaves either the old file or the new one. On failure returns false and says why in `error`.
[[nodiscard]] bool writeOutputFile(
    const QString& target, const QByteArray& bytes, const OutputRules& rules, QString* error);

} // namespace Runlens
