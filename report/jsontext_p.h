// SPDX-License-Identifier: MIT
// Indented JSON text written straight into a buffer, byte for byte what nlohmann::ordered_json::dump(2)
// writes for the same values: the report contract was defined by that output, and building a document
// tree first cost more than reading the input.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVariant>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace Runlens {

class JsonText
{
public:
    /// `level` is the nesting depth of the first value written, for text that goes inside a document.
    /// A std::string, not a QByteArray: its appends are inline, and the writer does little else.
    explicit JsonText(std::string& out, int level = 0)
        : m_out(out)
        , m_level(level)
    { }

    JsonText& beginObject() { return open('{'); }
    JsonText& endObject() { return close('}'); }
    JsonText& beginArray() { return open('['); }
    JsonText& endArray() { return close(']'); }

    JsonText& key(std::string_view name)
    {
        separator();
        appendEscaped(name);
        m_out += ": ";
        m_afterKey = true;
        return *this;
    }

    // Literal keys and texts; without these, a literal would be ambiguous between the two overloads.
    JsonText& key(const char* name) { return key(std::string_view(name)); }
    JsonText& string(const char* utf8) { return string(std::string_view(utf8)); }

    JsonText& null() { return raw("null"); }
    JsonText& boolean(bool value) { return raw(value ? "true" : "false"); }
    JsonText& integer(qint64 value) { return number(value); }
    JsonText& unsignedInteger(quint64 value) { return number(value); }
    JsonText& real(double value)
    {
        if (!std::isfinite(value))
            return raw("null"); // what nlohmann writes for NaN and infinities
        char buffer[64];
        const char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof(buffer), value);
        return raw(std::string_view(buffer, size_t(end - buffer)));
    }
    JsonText& string(std::string_view utf8)
    {
        beforeValue();
        appendEscaped(utf8);
        return *this;
    }
    JsonText& string(const QString& text)
    {
        beforeValue();
        // Most texts are ASCII: escaped from UTF-16 straight into the buffer, without a UTF-8 copy.
        const size_t start = m_out.size();
        m_out.resize(start + 2 + size_t(text.size()) * 6); // the longest escape is six bytes
        char* out = m_out.data() + start;
        *out++ = '"';
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            if (u >= 0x80) { // not ASCII: the general path
                m_out.resize(start);
                const QByteArray utf8 = text.toUtf8();
                appendEscaped(std::string_view(utf8.constData(), size_t(utf8.size())));
                return *this;
            }
            out = escape(out, char(u));
        }
        *out++ = '"';
        m_out.resize(size_t(out - m_out.data()));
        return *this;
    }
    /// Null for an empty text, as the report writes absent reasons.
    JsonText& optionalString(const QString& text) { return text.isEmpty() ? null() : string(text); }

    /// A Qt JSON value as PyJson::fromQt converts it: integers stay integers, undefined is null.
    JsonText& value(const QJsonValue& v)
    {
        switch (v.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            return null();
        case QJsonValue::Bool:
            return boolean(v.toBool());
        case QJsonValue::Double:
            if (v.toVariant().typeId() == QMetaType::LongLong)
                return integer(v.toInteger());
            return real(v.toDouble());
        case QJsonValue::String:
            return string(v.toString());
        case QJsonValue::Array: {
            beginArray();
            for (const QJsonValue& item : v.toArray())
                value(item);
            return endArray();
        }
        case QJsonValue::Object: {
            beginObject();
            const QJsonObject object = v.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                key(it.key());
                value(it.value());
            }
            return endObject();
        }
        }
        return null();
    }

    /// Text another JsonText wrote at depth(), spliced in as the next value.
    JsonText& preformatted(const std::string& text)
    {
        beforeValue();
        m_out += text;
        return *this;
    }
    /// The depth the next array item or member is written at.
    int depth() const { return int(m_counts.size()) + m_level; }

    JsonText& key(const QString& name)
    {
        const QByteArray utf8 = name.toUtf8();
        return key(std::string_view(utf8.constData(), size_t(utf8.size())));
    }

private:
    template <typename Integer> JsonText& number(Integer value)
    {
        char buffer[24];
        const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
        return raw(std::string_view(buffer, size_t(result.ptr - buffer)));
    }

    JsonText& raw(std::string_view text)
    {
        beforeValue();
        m_out.append(text);
        return *this;
    }

    JsonText& open(char bracket)
    {
        beforeValue();
        m_out += bracket;
        m_counts.push_back(0);
        return *this;
    }

    // "{}" and "[]" when empty; otherwise the closing bracket on its own line.
    JsonText& close(char bracket)
    {
        const int count = m_counts.back();
        m_counts.pop_back();
        if (count > 0)
            newline();
        m_out += bracket;
        return *this;
    }

    void beforeValue()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_counts.empty())
            separator(); // an array item
    }

    void separator()
    {
        m_out += m_counts.back()++ > 0 ? ",\n" : "\n";
        m_out.append((m_counts.size() + size_t(m_level)) * 2, ' ');
    }

    void newline()
    {
        m_out += '\n';
        m_out.append((m_counts.size() + size_t(m_level)) * 2, ' ');
    }

    // nlohmann's escaping with ensure_ascii off: the two-character escapes, \u00xx for other control
    // characters, every other byte as is (the texts come from QString, so they are valid UTF-8).
    static bool plain(char c) { return static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\'; }

    static char* escape(char* out, char c)
    {
        if (plain(c)) {
            *out++ = c;
            return out;
        }
        *out++ = '\\';
        switch (c) {
        case '"':
        case '\\':
            *out++ = c;
            return out;
        case '\b':
            *out++ = 'b';
            return out;
        case '\f':
            *out++ = 'f';
            return out;
        case '\n':
            *out++ = 'n';
            return out;
        case '\r':
            *out++ = 'r';
            return out;
        case '\t':
            *out++ = 't';
            return out;
        default: {
            static const char kHex[] = "0123456789abcdef";
            *out++ = 'u';
            *out++ = '0';
            *out++ = '0';
            *out++ = kHex[(c >> 4) & 0xF];
            *out++ = kHex[c & 0xF];
            return out;
        }
        }
    }

    void appendEscaped(std::string_view utf8)
    {
        m_out += '"';
        size_t from = 0;
        for (size_t i = 0; i < utf8.size(); ++i) {
            if (plain(utf8[i]))
                continue;
            m_out.append(utf8.data() + from, i - from);
            char escaped[6];
            m_out.append(escaped, size_t(escape(escaped, utf8[i]) - escaped));
            from = i + 1;
        }
        m_out.append(utf8.data() + from, utf8.size() - from);
        m_out += '"';
    }

    std::string& m_out;
    int m_level;
    std::vector<int> m_counts; // members or items written so far, per open container
    bool m_afterKey = false;
};

} // namespace Runlens
