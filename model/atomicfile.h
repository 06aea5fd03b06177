// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Runlens {

/// Writes `bytes` to `fileName` through QSaveFile, so that a crash or kill leaves either the old
/// file or the new one. Refuses to write over `inputPath`, the file the bytes were made from.
bool writeFileAtomically(const QString& fileName, const QByteArray& bytes, const QString& inputPath, QString* error);

} // namespace Runlens
