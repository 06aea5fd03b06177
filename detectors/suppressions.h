// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "hint.h"

#include <QString>
#include <QStringList>

namespace Runlens {

/// Suppression rules from a plain-text file: one `kind [session-or-run-glob]` per line, `#` comments.
/// `kind` may itself be a glob (`perf:*`). The second field matches the session id, the run id or
/// "session/run". Suppressed hints are kept and marked, never dropped.
class Suppressions
{
public:
    /// The file looked for next to an input: in the directory itself, or beside a file.
    static QString defaultFileFor(const QString& inputPath);
    static QString fileName() { return QStringLiteral(".runlens-suppress"); }

    [[nodiscard]] bool load(const QString& path);
    void parse(const QByteArray& text, const QString& fileNameForProblems);
    QString errorString() const { return m_error; }
    Diagnostics problems() const { return m_problems; }
    bool isEmpty() const { return m_entries.isEmpty(); }

    /// Marks every matching hint with the line that matched; returns how many were suppressed.
    int apply(Hints& hints) const;

private:
    struct Entry
    {
        QString kindPattern;
        QString scopePattern; // empty: every run
        QString text; // "file:line: kind scope", kept for display
    };
    QList<Entry> m_entries;
    Diagnostics m_problems;
    QString m_error;
};

} // namespace Runlens
