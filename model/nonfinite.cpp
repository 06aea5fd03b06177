// SPDX-License-Identifier: MIT
#include "jsonline.h"
#include "nonfinite_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <string_view>

namespace Runlens {

namespace NonFinite {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time: the line
// parser's, whose warnings they are.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::JsonLineParser)
};

// Exact in binary (44 and 45 significant bits), so every parser reads back the very same double.
constexpr std::array<std::array<double, KindCount>, kSetCount> kPlaceholders = { {
    { 4398046511103.75, 4398046511103.25, -4398046511103.25 },
    { 8796093022207.75, 8796093022207.25, -8796093022207.25 },
} };
constexpr std::array<std::array<std::string_view, KindCount>, kSetCount> kPlaceholderTexts = { {
    { "4398046511103.75", "4398046511103.25", "-4398046511103.25" },
    { "8796093022207.75", "8796093022207.25", "-8796093022207.25" },
} };
constexpr std::array<std::string_view, KindCount> kTokens = { "NaN", "Infinity", "-Infinity" };

// What may stand before and after a value; anything else glued to a token ("1NaN", "NaN5", "-NaN") must
// stay invalid, as it is for Python, and not become a valid number by the substitution.
bool delimitsBefore(char c)
{
    return c == '[' || c == '{' || c == ',' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool delimitsAfter(char c)
{
    return c == ']' || c == '}' || c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

double placeholder(int set, Kind kind)
{
    return kPlaceholders[size_t(set)][kind];
}

double restorePlaceholder(double number, int set)
{
    if (number == placeholder(set, NaN))
        return std::numeric_limits<double>::quiet_NaN();
    if (number == placeholder(set, PlusInfinity))
        return std::numeric_limits<double>::infinity();
    if (number == placeholder(set, MinusInfinity))
        return -std::numeric_limits<double>::infinity();
    return number;
}

void count(double number, int set, Counts* counts)
{
    for (int kind = 0; kind < KindCount; ++kind) {
        if (number == kPlaceholders[size_t(set)][size_t(kind)])
            ++(*counts)[size_t(kind)];
    }
}

bool substitute(QByteArrayView text, int set, QByteArray* out, Counts* counts, qsizetype* first)
{
    *counts = {};
    out->clear();
    const char* s = text.data();
    const qsizetype n = text.size();
    qsizetype copied = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = s[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        int kind = c == 'N' ? NaN : c == 'I' ? PlusInfinity : c == '-' ? MinusInfinity : KindCount;
        if (kind == KindCount)
            continue;
        const std::string_view token = kTokens[size_t(kind)];
        const auto length = qsizetype(token.size());
        if (n - i < length || std::memcmp(s + i, token.data(), token.size()) != 0
            || (i > 0 && !delimitsBefore(s[i - 1])) || (i + length < n && !delimitsAfter(s[i + length])))
            continue;
        if (copied == 0) {
            out->reserve(n + 32);
            if (first)
                *first = i;
        }
        out->append(s + copied, i - copied);
        const std::string_view replacement = kPlaceholderTexts[size_t(set)][size_t(kind)];
        out->append(replacement.data(), qsizetype(replacement.size()));
        ++(*counts)[size_t(kind)];
        i += length - 1;
        copied = i + 1;
    }
    if (copied == 0)
        return false;
    out->append(s + copied, n - copied);
    return true;
}

namespace {

void countPlaceholders(simdjson::dom::element element, int set, Counts* counts)
{
    using Type = simdjson::dom::element_type;
    switch (element.type()) {
    case Type::OBJECT:
        for (auto field : simdjson::dom::object(element))
            countPlaceholders(field.value, set, counts);
        return;
    case Type::ARRAY:
        for (auto value : simdjson::dom::array(element))
            countPlaceholders(value, set, counts);
        return;
    case Type::DOUBLE:
        count(double(element), set, counts);
        return;
    default:
        return;
    }
}

// `value` with placeholder set `set` turned back into NaN and infinities; `found` counts them.
QJsonValue restoreTree(const QJsonValue& value, int set, Counts* found)
{
    switch (value.type()) {
    case QJsonValue::Double: {
        const double number = value.toDouble();
        count(number, set, found);
        const double restored = restore(number, set);
        return std::isfinite(restored) ? value : QJsonValue(restored); // an integer stays an integer
    }
    case QJsonValue::Array: {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(restoreTree(item, set, found));
        return array;
    }
    case QJsonValue::Object: {
        QJsonObject object;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            object.insert(it.key(), restoreTree(it.value(), set, found));
        return object;
    }
    default:
        return value;
    }
}

} // namespace

int parse(simdjson::dom::parser& parser, QByteArrayView input, simdjson::dom::element* doc, Counts* counts)
{
    QByteArray rewritten;
    for (int set = 0; set < kSetCount; ++set) {
        if (!substitute(input, set, &rewritten, counts))
            return -1;
        if (parser.parse(rewritten.constData(), size_t(rewritten.size())).get(*doc)) // the parser copies
            return -1;
        Counts found {};
        countPlaceholders(*doc, set, &found);
        if (found == *counts)
            return set;
    }
    return -1;
}

QString scalarText(const simdjson::dom::element& value, int set)
{
    if (set >= 0 && value.is_double()) {
        const double number = restore(double(value), set);
        if (!std::isfinite(number))
            return nonFiniteToken(number);
    }
    const std::string minified = simdjson::minify(value);
    return QString::fromUtf8(minified.data(), qsizetype(minified.size()));
}

void note(Diagnostics* warnings, double ts, const Counts& counts)
{
    // One note a line: the ts, which changes where the line goes, or else how many values there were.
    const QString message = !std::isfinite(ts)
        ? Tr::tr("\"ts\" is %1, not a time: the line is kept, placed after the line of its run before it")
              .arg(nonFiniteToken(ts))
        : Tr::tr("%n non-finite numbers (NaN, Infinity, -Infinity) read as Python reads them", nullptr,
            std::accumulate(counts.begin(), counts.end(), 0));
    warnings->append({ Diagnostic::Severity::Warning, QString(), 0, -1, message, QStringLiteral("non-finite-number") });
}

QJsonValue parseDocument(const QByteArray& input, qsizetype* first)
{
    QByteArray rewritten;
    Counts counts {};
    for (int set = 0; set < kSetCount; ++set) {
        if (!substitute(input, set, &rewritten, &counts, first))
            break;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(rewritten, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            break;
        Counts found {};
        QJsonValue value =
            restoreTree(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()), set, &found);
        if (found == counts)
            return value;
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace NonFinite

namespace {

bool hasNonFinite(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Double:
        return !std::isfinite(value.toDouble());
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(), [](const QJsonValue& item) { return hasNonFinite(item); });
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        return std::any_of(object.begin(), object.end(), [](const QJsonValue& item) { return hasNonFinite(item); });
    }
    default:
        return false;
    }
}

// QJsonDocument's compact text of a value that may be a scalar.
QByteArray qtCompactJson(const QJsonValue& value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

void appendCompactJson(QByteArray& out, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        out += '{';
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it != object.begin())
                out += ',';
            out += qtCompactJson(it.key());
            out += ':';
            appendCompactJson(out, it.value());
        }
        out += '}';
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ',';
            appendCompactJson(out, array.at(i));
        }
        out += ']';
        return;
    }
    default:
        if (const QLatin1StringView token = value.isDouble() ? nonFiniteToken(value.toDouble()) : QLatin1StringView();
            !token.isEmpty())
            out.append(token.data(), token.size());
        else
            out += qtCompactJson(value);
        return;
    }
}

} // namespace

QByteArray compactJson(const QJsonValue& value)
{
    if (!hasNonFinite(value))
        return qtCompactJson(value);
    QByteArray out;
    appendCompactJson(out, value);
    return out;
}

QLatin1StringView nonFiniteToken(double value)
{
    if (std::isnan(value))
        return QLatin1StringView("NaN");
    if (std::isinf(value))
        return value > 0 ? QLatin1StringView("Infinity") : QLatin1StringView("-Infinity");
    return {};
}

} // namespace Runlens
