// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Runlens {

/// Where Runlens finds its inputs and what lies next to them: the one place that knows upstream's file
/// names (timeline files, runpacks) and Runlens's own (the suppression file). Readers, the follower, the
/// window, the CLI and triage ask here.
namespace Inputs {

/// The shell pattern of upstream's timeline files: events-YYYYMMDD.jsonl, rotated events-YYYYMMDD-EPOCH.jsonl.
QString timelinePattern();
bool isTimelineFileName(QStringView fileName);
/// A directory holding at least one timeline file.
bool isTimelineDirectory(const QString& path);

/// PATHs as inputs: files and timeline directories as they are (so that reading them says what is wrong),
/// other folders searched for runpack zips, .jsonl files and timeline directories (symbolic links and
/// hidden entries skipped, so that the walk ends); each input once, sorted.
QStringList find(const QStringList& paths);

/// ".runlens-suppress": suppression rules kept next to an input.
QString suppressionFileName();
/// The suppression file looked for next to an input: in the directory itself, or beside a file.
QString suppressionFileFor(const QString& inputPath);

/// Reads a suppression file whole: never blocking on a FIFO, refusing more than 4 MiB. False with `error`
/// saying why.
[[nodiscard]] bool readSuppressionFile(const QString& path, QByteArray* bytes, QString* error);

} // namespace Inputs

} // namespace Runlens
