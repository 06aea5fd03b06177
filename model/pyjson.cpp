// SPDX-License-Identifier: MIT
#include "jsonline.h"
#include "nonfinite_p.h"
#include "pyjson_p.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Runlens::PyJson {

namespace {

void appendString(QByteArray& out, const std::string& s, bool asciiOnly)
{
    if (!asciiOnly) {
        out += QByteArray::fromStdString(Json(s).dump(-1, ' ', false, Json::error_handler_t::replace));
        return;
    }
    // ensure_ascii: every non-ASCII code point as \uXXXX, astral ones as a surrogate pair.
    const QString text = QString::fromUtf8(s.data(), qsizetype(s.size()));
    out += '"';
    for (const QChar c : text) {
        const ushort u = c.unicode();
        switch (u) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (u < 0x20 || u > 0x7e)
                out += QByteArrayLiteral("\\u") + QByteArray::number(u, 16).rightJustified(4, '0');
            else
                out += char(u);
        }
    }
    out += '"';
}

void dump(QByteArray& out, const Json& value, int indent, bool asciiOnly, int level)
{
    const bool pretty = indent >= 0;
    auto newline = [&](int depth) {
        out += '\n';
        out += QByteArray(depth * indent, ' ');
    };
    switch (value.type()) {
    case Json::value_t::object: {
        if (value.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (const auto& [key, item] : value.items()) {
            if (!first)
                out += pretty ? "," : ", ";
            first = false;
            if (pretty)
                newline(level + 1);
            appendString(out, key, asciiOnly);
            out += ": ";
            dump(out, item, indent, asciiOnly, level + 1);
        }
        if (pretty)
            newline(level);
        out += '}';
        return;
    }
    case Json::value_t::array: {
        if (value.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        bool first = true;
        for (const Json& item : value) {
            if (!first)
                out += pretty ? "," : ", ";
            first = false;
            if (pretty)
                newline(level + 1);
            dump(out, item, indent, asciiOnly, level + 1);
        }
        if (pretty)
            newline(level);
        out += ']';
        return;
    }
    case Json::value_t::string:
        appendString(out, value.get_ref<const std::string&>(), asciiOnly);
        return;
    case Json::value_t::number_float: {
        const double d = value.get<double>();
        if (std::isnan(d))
            out += "NaN";
        else if (std::isinf(d))
            out += d > 0 ? "Infinity" : "-Infinity";
        else
            out += QByteArray::fromStdString(value.dump()); // shortest round trip, like Python's repr
        return;
    }
    default:
        out += QByteArray::fromStdString(value.dump());
    }
}

// nlohmann parses any depth but copies and dumps recursively, so a member nested 100000 deep would
// overflow the stack; refuse what QJsonDocument and simdjson refuse too.
constexpr int kMaxDepth = 1024;

bool tooDeep(QByteArrayView bytes)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth)
                return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

// `value` with placeholder set `set` turned back into NaN and infinities (NonFinite); `found` counts them.
void restoreNonFinite(Json& value, int set, NonFinite::Counts* found)
{
    if (value.is_structured()) {
        for (Json& item : value)
            restoreNonFinite(item, set, found);
    } else if (value.is_number_float()) {
        const double number = value.get<double>();
        NonFinite::count(number, set, found);
        value = NonFinite::restore(number, set);
    }
}

} // namespace

QByteArray dumps(const Json& value, int indent, bool asciiOnly)
{
    QByteArray out;
    dump(out, value, indent, asciiOnly, 0);
    return out;
}

Json parse(QByteArrayView bytes)
{
    if (tooDeep(bytes))
        return Json(Json::value_t::discarded);
    const QByteArray clean = isValidUtf8(bytes) ? bytes.toByteArray() : repairUtf8(bytes);
    Json json = Json::parse(clean.constData(), clean.constData() + clean.size(), nullptr, false);
    if (!json.is_discarded())
        return json;
    // NaN, Infinity and -Infinity, as Python writes and reads them.
    QByteArray rewritten;
    NonFinite::Counts counts {};
    for (int set = 0; set < NonFinite::kSetCount; ++set) {
        if (!NonFinite::substitute(clean, set, &rewritten, &counts))
            break;
        json = Json::parse(rewritten.constData(), rewritten.constData() + rewritten.size(), nullptr, false);
        if (json.is_discarded())
            break;
        NonFinite::Counts found {};
        restoreNonFinite(json, set, &found);
        if (found == counts)
            return json;
    }
    return Json(Json::value_t::discarded);
}

Json fromQt(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return nullptr;
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        // Qt keeps integers and floats apart internally; the variant type tells which one the text had.
        if (value.toVariant().typeId() == QMetaType::LongLong)
            return value.toInteger();
        return value.toDouble();
    case QJsonValue::String:
        return value.toString().toStdString();
    case QJsonValue::Array: {
        Json array = Json::array();
        for (const QJsonValue& v : value.toArray())
            array.push_back(fromQt(v));
        return array;
    }
    case QJsonValue::Object: {
        Json object = Json::object();
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            object[it.key().toStdString()] = fromQt(it.value());
        return object;
    }
    }
    return nullptr;
}

} // namespace Runlens::PyJson
