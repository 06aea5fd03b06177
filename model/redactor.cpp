// SPDX-License-Identifier: MIT
#include "redactor_p.h"

#include <QRegularExpression>

namespace Runlens {

namespace {

bool isSecretKey(const QString& key)
{
    static const QRegularExpression re(
        QStringLiteral("token|secret|password|passwd|authorization|api[_-]?key|cookie|credential"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(key).hasMatch();
}

bool isQueryKey(const QString& key)
{
    return key == QLatin1String("retrieval.query_text") || key == QLatin1String("query")
        || key == QLatin1String("query_text") || key == QLatin1String("prompt");
}

} // namespace

QString Redactor::placeholder(const QString& category, const QString& original, const QString& member)
{
    const QString key = category + u'\n' + original;
    auto it = m_byOriginal.constFind(key);
    int index;
    if (it == m_byOriginal.constEnd()) {
        index = int(m_entries.size());
        const int number = ++m_counters[category];
        m_entries.push_back({ QStringLiteral("<redacted:%1:%2>").arg(category).arg(number), category, {} });
        m_byOriginal.insert(key, index);
    } else {
        index = *it;
    }
    Entry& entry = m_entries[size_t(index)];
    if (!entry.members.contains(member))
        entry.members.append(member);
    return entry.placeholder;
}

QString Redactor::redactText(const QString& text, const QString& member)
{
    // URLs: keep the scheme and the path shape, replace the host (and port).
    static const QRegularExpression url(QStringLiteral("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^/\\s:\"']+)(:\\d+)?"));
    // Absolute paths of two or more components (a single "/mcp" is a URL path, not a file path).
    static const QRegularExpression path(
        QStringLiteral("(?<![\\w:/.-])(/[\\w.@+-]+(?:/[\\w.@+-]*)+|[A-Za-z]:\\\\[^\\s\"']+)"));
    static const QRegularExpression bearer(QStringLiteral("\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+"));
    QString out = text;
    QRegularExpressionMatch m;
    qsizetype from = 0;
    while ((m = url.match(out, from)).hasMatch()) {
        const QString host = m.captured(2) + m.captured(3);
        const QString replacement = m.captured(1) + placeholder(QStringLiteral("host"), host, member);
        out.replace(m.capturedStart(), m.capturedLength(), replacement);
        from = m.capturedStart() + replacement.size();
    }
    from = 0;
    while ((m = path.match(out, from)).hasMatch()) {
        const QString replacement = placeholder(QStringLiteral("path"), m.captured(1), member);
        out.replace(m.capturedStart(1), m.capturedLength(1), replacement);
        from = m.capturedStart(1) + replacement.size();
    }
    from = 0;
    while ((m = bearer.match(out, from)).hasMatch()) {
        const QString replacement = m.captured(1) + u' ' + placeholder(QStringLiteral("secret"), m.captured(0), member);
        out.replace(m.capturedStart(), m.capturedLength(), replacement);
        from = m.capturedStart() + replacement.size();
    }
    return out;
}

void Redactor::walk(PyJson::Json& value, const QString& key, const QString& member)
{
    if (value.is_object()) {
        for (auto& [childKey, child] : value.items())
            walk(child, QString::fromStdString(childKey), member);
        return;
    }
    if (value.is_array()) {
        for (auto& child : value)
            walk(child, key, member);
        return;
    }
    if (!value.is_string())
        return;
    const QString text = QString::fromStdString(value.get<std::string>());
    if (text.isEmpty() || text.startsWith(QLatin1String("<redacted:")))
        return;
    QString replaced;
    if (isSecretKey(key))
        replaced = placeholder(QStringLiteral("secret"), text, member);
    else if (isQueryKey(key))
        replaced = placeholder(QStringLiteral("query"), text, member);
    else if (key.compare(QLatin1String("host"), Qt::CaseInsensitive) == 0
        || key.compare(QLatin1String("hostname"), Qt::CaseInsensitive) == 0)
        replaced = placeholder(QStringLiteral("host"), text, member);
    else
        replaced = redactText(text, member);
    if (replaced != text)
        value = replaced.toStdString();
}

void Redactor::redact(PyJson::Json& value, const QString& member)
{
    walk(value, QString(), member);
}

PyJson::Json Redactor::manifest() const
{
    PyJson::Json list = PyJson::Json::array();
    for (const Entry& entry : m_entries) {
        PyJson::Json members = PyJson::Json::array();
        for (const QString& m : entry.members)
            members.push_back(m.toStdString());
        list.push_back({ { "placeholder", entry.placeholder.toStdString() },
            { "category", entry.category.toStdString() }, { "members", members } });
    }
    return list;
}

} // namespace Runlens
