// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace Runlens {

/// One problem found while reading an input: what, where (file, line, byte offset) and why.
struct Diagnostic
{
    enum class Severity { Warning, Error };
    Severity severity = Severity::Error;
    QString file;           // member inside the pack, or file in the timeline directory
    qint64 line = 0;        // 1-based; 0 when the file is not line-oriented
    qint64 byteOffset = -1; // from the start of the file; -1 when unknown
    QString message;        // translated, for people; tests check the fields above

    QString toString() const; // "file:line: offset N: message", the CLI's one-line form
};

using Diagnostics = QList<Diagnostic>;

} // namespace Runlens
