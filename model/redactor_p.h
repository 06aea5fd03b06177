// SPDX-License-Identifier: MIT
#pragma once

#include "pyjson_p.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace Runlens {

/// Replaces secrets, query texts, absolute paths, host names, IP and e-mail addresses with stable
/// placeholders ("<redacted:path:2>"), found by their structure: URLs and DSNs, key=value pairs and
/// JSON members whose key names a secret, address and path syntax (docs/reliability.md, "Redaction").
/// The same original always gets the same placeholder within one pack. It remembers where each
/// placeholder was used, never the original values it replaced.
class Redactor
{
public:
    /// Remembers the absolute paths that are whole strings (values or keys) of `value`, so that free
    /// text naming one of them loses all of it, spaces included. Call for every member before redact().
    void learn(const PyJson::Json& value);
    /// learn() for the JSON lines of a log member.
    void learnLog(const QByteArray& bytes);
    /// Redacts every string and key of `value` in place; `member` is recorded as a place of use.
    void redact(PyJson::Json& value, const QString& member);
    /// Redacts free text (a log line, a message).
    QString redactText(const QString& text, const QString& member);
    /// Redacts a log member line by line: JSON object lines as JSON, other lines as free text.
    QByteArray redactLog(const QByteArray& bytes, const QString& member);
    /// The redactions.json member: [{placeholder, category, members}] in first-use order.
    PyJson::Json manifest() const;

private:
    QString placeholder(const QString& category, const QString& original, const QString& member);
    QString redactString(const QString& text, const QString& member);
    void walk(PyJson::Json& value, const QString& key, const QString& member);
    void learnWalk(const PyJson::Json& value);

    struct Entry
    {
        QString placeholder;
        QString category;
        QStringList members;
    };
    std::vector<Entry> m_entries;
    QHash<QString, int> m_byOriginal; // category + original -> entry; lives only while the pack is built
    QHash<QString, int> m_counters;
    std::vector<QString> m_knownPaths; // longest first; lives only while the pack is built
    QSet<QString> m_unchanged; // texts no rule changes, so that repeated names and keys are checked once
};

} // namespace Runlens
