// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace Runlens {

/// One problem found while reading an input: what, where (file, line, byte offset) and why.
struct Diagnostic
{
    enum class Severity
    {
        Warning,
        Error
    };

    Diagnostic() = default;
    Diagnostic(Severity severity, QString file, qint64 line, qint64 byteOffset, QString message, QString code = {})
        : severity(severity)
        , file(std::move(file))
        , line(line)
        , byteOffset(byteOffset)
        , message(std::move(message))
        , code(std::move(code))
    { }

    Severity severity = Severity::Error;
    QString file; // member inside the pack, or file in the timeline directory
    qint64 line = 0; // 1-based; 0 when the file is not line-oriented
    qint64 byteOffset = -1; // from the start of the file; -1 when unknown
    QString message; // translated, for people; tests check the fields above
    QString code; // stable id for rules and tests: "malformed-line", "orphan-end", ...

    QString toString() const; // "file:line: offset N: message", the CLI's one-line form
};

using Diagnostics = QList<Diagnostic>;

/// How many problems of one file, or of one run, are listed; the rest are counted in one more line, so that
/// a pathological input (100,000 orphan ends) costs a line, not a hundred megabytes of report.
constexpr int kMaxListedProblems = 200;

} // namespace Runlens
