// SPDX-License-Identifier: MIT
#include "jsonline.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <simdjson.h>

namespace Runlens {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Runlens::JsonLineParser", text);
}

QString fromView(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

QJsonValue toQJson(simdjson::dom::element element)
{
    using Type = simdjson::dom::element_type;
    switch (element.type()) {
    case Type::OBJECT: {
        QJsonObject object;
        for (auto field : simdjson::dom::object(element))
            object.insert(fromView(field.key), toQJson(field.value));
        return object;
    }
    case Type::ARRAY: {
        QJsonArray array;
        for (auto value : simdjson::dom::array(element))
            array.append(toQJson(value));
        return array;
    }
    case Type::STRING:
        return fromView(std::string_view(element));
    case Type::INT64:
        return qint64(int64_t(element));
    case Type::UINT64: {
        const uint64_t value = uint64_t(element);
        // QJsonValue has no unsigned 64-bit integer; beyond qint64 a double is the best it holds.
        return value <= uint64_t(std::numeric_limits<qint64>::max()) ? QJsonValue(qint64(value))
                                                                     : QJsonValue(double(value));
    }
    case Type::DOUBLE:
        return double(element);
    case Type::BOOL:
        return bool(element);
    case Type::NULL_VALUE:
        return QJsonValue(QJsonValue::Null);
    }
    return {};
}

// Decodes one UTF-8 sequence at `i`; returns its length, or 0 when it is invalid.
int utf8SequenceLength(const unsigned char* s, qsizetype i, qsizetype n)
{
    const unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    int len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > n)
        return 0;
    for (int k = 1; k < len; ++k) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    static constexpr uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

// Maps an offset in repairUtf8(bytes) back to `bytes`: every replaced byte became three.
qint64 offsetBeforeRepair(QByteArrayView bytes, qint64 repairedOffset)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    qint64 original = 0;
    qint64 repaired = 0;
    while (original < bytes.size() && repaired < repairedOffset) {
        const int len = utf8SequenceLength(s, original, bytes.size());
        original += len == 0 ? 1 : len;
        repaired += len == 0 ? 3 : len;
    }
    return original;
}

} // namespace

bool isValidUtf8(QByteArrayView bytes)
{
    return simdjson::validate_utf8(bytes.data(), size_t(bytes.size()));
}

QByteArray repairUtf8(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + 16);
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const int len = utf8SequenceLength(s, i, n);
        if (len == 0) {
            out.append("\xEF\xBF\xBD", 3);
            ++i;
        } else {
            out.append(bytes.data() + i, len);
            i += len;
        }
    }
    return out;
}

struct JsonLineParser::Private
{
    simdjson::dom::parser parser;
};

JsonLineParser::JsonLineParser()
    : d(std::make_unique<Private>())
{
}

JsonLineParser::~JsonLineParser() = default;

JsonLineParser::Result JsonLineParser::parse(QByteArrayView line, Event* event, QString* error,
                                             QStringList* warnings)
{
    simdjson::dom::element doc;
    auto code = d->parser.parse(line.data(), size_t(line.size())).get(doc);
    QByteArray repaired;
    if (code == simdjson::UTF8_ERROR) {
        repaired = repairUtf8(line);
        warnings->append(tr("invalid UTF-8 replaced with U+FFFD"));
        code = d->parser.parse(repaired.constData(), size_t(repaired.size())).get(doc);
    }
    if (code) {
        *error = tr("not valid JSON (%1)").arg(QString::fromUtf8(simdjson::error_message(code)));
        return Result::Invalid;
    }
    simdjson::dom::object object;
    if (doc.get_object().get(object)) {
        *error = tr("not a JSON object");
        return Result::Invalid;
    }

    // ts: a number; a numeric string is tolerated with a warning.
    simdjson::dom::element ts;
    if (object.at_key("ts").get(ts)) {
        *error = tr("missing required key \"ts\"");
        return Result::Invalid;
    }
    if (ts.is_number()) {
        event->ts = ts.get_double().value_unsafe();
    } else if (ts.is_string()) {
        bool ok = false;
        event->ts = fromView(std::string_view(ts)).toDouble(&ok);
        if (!ok) {
            *error = tr("\"ts\" is not a number");
            return Result::Invalid;
        }
        warnings->append(tr("\"ts\" is a string, read as a number"));
    } else {
        *error = tr("\"ts\" is not a number");
        return Result::Invalid;
    }

    // Text fields: a number or bool is tolerated and turned into its text.
    auto text = [&](const char* key, QString* out, bool required, const char* fallback) {
        simdjson::dom::element value;
        if (object.at_key(key).get(value)) {
            if (required) {
                *error = tr("missing required key \"%1\"").arg(QLatin1String(key));
                return false;
            }
            *out = QLatin1String(fallback);
            if (fallback[0] != '\0' || std::string_view(key) == "name")
                warnings->append(tr("missing key \"%1\", taken as \"%2\"").arg(QLatin1String(key), *out));
            return true;
        }
        if (value.is_string()) {
            *out = fromView(std::string_view(value));
            return true;
        }
        if (value.is_null()) {
            *out = QLatin1String(fallback);
            return true;
        }
        if (value.is_object() || value.is_array()) {
            *error = tr("\"%1\" is not a string").arg(QLatin1String(key));
            return false;
        }
        *out = fromView(simdjson::minify(value));
        warnings->append(tr("\"%1\" is not a string, read as \"%2\"").arg(QLatin1String(key), *out));
        return true;
    };
    if (!text("type", &event->type, true, "") || !text("session_id", &event->sessionId, true, "")
        || !text("run_id", &event->runId, true, "") || !text("name", &event->name, false, "")
        || !text("status", &event->status, false, "ok"))
        return Result::Invalid;
    event->message.clear();
    simdjson::dom::element message;
    if (!object.at_key("message").get(message)) {
        if (message.is_string())
            event->message = fromView(std::string_view(message));
        else if (!message.is_null())
            event->message = fromView(simdjson::minify(message));
    }
    event->durationMs = NAN;
    simdjson::dom::element duration;
    if (!object.at_pointer("/attrs/duration_ms").get(duration) && duration.is_number())
        event->durationMs = duration.get_double().value_unsafe();
    return Result::Ok;
}

QJsonObject parseAttrs(QByteArrayView line)
{
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element doc;
    auto code = parser.parse(line.data(), size_t(line.size())).get(doc);
    QByteArray repaired;
    if (code == simdjson::UTF8_ERROR) {
        repaired = repairUtf8(line);
        code = parser.parse(repaired.constData(), size_t(repaired.size())).get(doc);
    }
    simdjson::dom::element attrs;
    if (code || doc.at_key("attrs").get(attrs) || !attrs.is_object())
        return {};
    return toQJson(attrs).toObject();
}

QJsonValue parseJsonDocument(const QByteArray& bytes, QString* error, qint64* errorOffset, bool* repairedUtf8)
{
    *repairedUtf8 = false;
    QByteArray input = bytes;
    qint64 skipped = 0; // offsets count from the start of `bytes`, byte order mark included
    if (input.startsWith("\xEF\xBB\xBF")) {
        input.remove(0, 3);
        skipped = 3;
    }
    const QByteArray unrepaired = input;
    if (!isValidUtf8(input)) {
        input = repairUtf8(input);
        *repairedUtf8 = true;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(input, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseError.errorString();
        const qint64 offset = *repairedUtf8 ? offsetBeforeRepair(unrepaired, parseError.offset) : parseError.offset;
        *errorOffset = skipped + offset;
        return QJsonValue(QJsonValue::Undefined);
    }
    if (doc.isObject())
        return doc.object();
    return doc.array();
}

} // namespace Runlens
