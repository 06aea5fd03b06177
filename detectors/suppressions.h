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
    /// Reads the rules of a suppression file's text (Inputs::readSuppressionFile reads the file); lines it
    /// cannot use are problems, with `fileNameForProblems`, the line and its offset.
    void parse(const QByteArray& text, const QString& fileNameForProblems);
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
};

} // namespace Runlens
