// SPDX-License-Identifier: MIT
#include "suppressions.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Runlens {

namespace {

// `*` and `?` match any characters, '/' included (Qt 6.4 has no non-path wildcard mode).
bool globMatches(const QString& pattern, const QString& text)
{
    QString re;
    for (const QChar c : pattern) {
        if (c == u'*')
            re += QLatin1String(".*");
        else if (c == u'?')
            re += u'.';
        else
            re += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(re)).match(text).hasMatch();
}

} // namespace

void Suppressions::parse(const QByteArray& text, const QString& fileNameForProblems)
{
    const QList<QByteArray> lines = text.split('\n');
    qint64 offset = 0;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).section(u'#', 0, 0).trimmed();
        const qint64 lineOffset = offset;
        offset += lines[i].size() + 1;
        if (line.isEmpty())
            continue;
        const QStringList fields = line.split(QRegularExpression(QStringLiteral("\\s+")));
        if (fields.size() > 2 || (!fields[0].contains(u':') && !fields[0].contains(u'*'))) {
            m_problems.append({ Diagnostic::Severity::Warning, fileNameForProblems, i + 1, lineOffset,
                QCoreApplication::translate(
                    "Runlens::Suppressions", "expected \"kind [session-or-run-glob]\", line ignored"),
                QStringLiteral("bad-suppression") });
            continue;
        }
        m_entries.append(
            { fields[0], fields.value(1), fileNameForProblems + u':' + QString::number(i + 1) + u' ' + line });
    }
}

int Suppressions::apply(Hints& hints) const
{
    int count = 0;
    for (Hint& hint : hints) {
        for (const Entry& entry : m_entries) {
            if (!globMatches(entry.kindPattern, hint.kind))
                continue;
            if (!entry.scopePattern.isEmpty() && !globMatches(entry.scopePattern, hint.sessionId)
                && !globMatches(entry.scopePattern, hint.runId)
                && !globMatches(entry.scopePattern, hint.sessionId + u'/' + hint.runId))
                continue;
            hint.suppressedBy = entry.text;
            ++count;
            break;
        }
    }
    return count;
}

} // namespace Runlens
