// SPDX-License-Identifier: MIT
#pragma once

#include "pyjson_p.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <map>

namespace Runlens {

/// Replaces query texts, absolute paths, host names and secrets with stable placeholders
/// ("<redacted:path:2>"): the same original always gets the same placeholder within one pack.
/// It remembers where each placeholder was used, never the original values it replaced.
class Redactor
{
public:
    /// Redacts every string of `value` in place; `member` is recorded as a place of use.
    void redact(PyJson::Json& value, const QString& member);
    /// The redactions.json member: [{placeholder, category, members}] in first-use order.
    PyJson::Json manifest() const;

private:
    QString placeholder(const QString& category, const QString& original, const QString& member);
    QString redactText(const QString& text, const QString& member);
    void walk(PyJson::Json& value, const QString& key, const QString& member);

    struct Entry
    {
        QString placeholder;
        QString category;
        QStringList members;
    };
    std::vector<Entry> m_entries;
    QHash<QString, int> m_byOriginal; // category + original -> entry; lives only while the pack is built
    QHash<QString, int> m_counters;
};

} // namespace Runlens
