// SPDX-License-Identifier: MIT
#include "jsonline.h"
#include "nonfinite_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <unordered_map>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::JsonLineParser)
};

QString fromView(std::string_view view)
{
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

// `nonFiniteSet`: the placeholder set the text was parsed with (NonFinite), -1 when it parsed as it is.
QJsonValue toQJson(simdjson::dom::element element, int nonFiniteSet)
{
    using Type = simdjson::dom::element_type;
    switch (element.type()) {
    case Type::OBJECT: {
        QJsonObject object;
        for (auto field : simdjson::dom::object(element))
            object.insert(fromView(field.key), toQJson(field.value, nonFiniteSet));
        return object;
    }
    case Type::ARRAY: {
        QJsonArray array;
        for (auto value : simdjson::dom::array(element))
            array.append(toQJson(value, nonFiniteSet));
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
        return NonFinite::restore(double(element), nonFiniteSet);
    case Type::BOOL:
        return bool(element);
    case Type::NULL_VALUE:
        return QJsonValue(QJsonValue::Null);
    }
    return {};
}

// Out of line: the parse of every line, which never warns, inlines more without it.
Q_NEVER_INLINE void warn(Diagnostics* warnings, const QString& message, const char* code = "")
{
    warnings->append({ Diagnostic::Severity::Warning, QString(), 0, -1, message, QLatin1String(code) });
}

bool isSpanContextKey(std::string_view key)
{
    return std::any_of(spanContextKeys.begin(), spanContextKeys.end(),
        [key](const char* name) { return key == std::string_view(name); });
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
    static constexpr uint32_t minimum[] = { 0, 0, 0x80, 0x800, 0x10000 };
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

std::vector<qint32> arrayEntryLines(QByteArrayView document, QLatin1StringView key)
{
    std::vector<qint32> lines;
    qint32 line = 1;
    int depth = 0;
    qsizetype stringStart = -1; // inside a string: where its text begins
    QByteArrayView lastKey; // the last string closed in the top-level object: its key when a colon follows
    bool valueIsWanted = false; // the top-level member being read is `key`
    bool inArray = false;
    bool entryNext = false;
    for (qsizetype i = 0; i < document.size(); ++i) {
        const char c = document[i];
        if (c == '\n') {
            ++line;
            continue;
        }
        if (stringStart >= 0) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                if (depth == 1)
                    lastKey = document.sliced(stringStart, i - stringStart);
                stringStart = -1;
            }
            continue;
        }
        if (inArray && depth == 2 && entryNext && c != ' ' && c != '\t' && c != '\r' && c != ']') {
            lines.push_back(line);
            entryNext = false;
        }
        switch (c) {
        case '"':
            stringStart = i + 1;
            break;
        case ':':
            if (depth == 1)
                valueIsWanted = QLatin1StringView(lastKey.data(), lastKey.size()) == key;
            break;
        case '{':
            ++depth;
            break;
        case '[':
            ++depth;
            inArray = inArray || (depth == 2 && valueIsWanted);
            entryNext = inArray && depth == 2;
            break;
        case '}':
        case ']':
            --depth;
            if (inArray && depth == 1)
                return lines;
            break;
        case ',':
            entryNext = inArray && depth == 2;
            if (depth == 1)
                valueIsWanted = false;
            break;
        default:
            break;
        }
    }
    return {};
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

struct StringViewHash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view> {}(s); }
};

// The statuses, types and names of spec 4, as literals: a copy of a literal QString touches no reference
// count, so the threads building runs do not contend for the counts of the strings every event shares.
const QString kKnownTexts[] = {
    QStringLiteral("ok"),
    QStringLiteral("error"),
    QStringLiteral("noop"),
    QStringLiteral("operation.start"),
    QStringLiteral("operation.end"),
    QStringLiteral("step.start"),
    QStringLiteral("step.end"),
    QStringLiteral("decision"),
    QStringLiteral("channel"),
    QStringLiteral("http.request"),
    QStringLiteral("hybrid.query_profile"),
    QStringLiteral("hybrid.semantic.run"),
    QStringLiteral("hybrid.channels.collected"),
    QStringLiteral("hybrid.fuse.start"),
    QStringLiteral("hybrid.fuse.rrf"),
    QStringLiteral("hybrid.fuse.pool"),
    QStringLiteral("hybrid.debug_bundle"),
    QStringLiteral("hybrid.fuse.result"),
    QStringLiteral("faiss.search.start"),
    QStringLiteral("faiss.search.end"),
    QStringLiteral("duckdb.hydrate.start"),
    QStringLiteral("duckdb.hydrate.end"),
    QStringLiteral("io"),
    QStringLiteral("duckdb.scope_filter"),
    QStringLiteral("duckdb.query.limit"),
    QStringLiteral("duckdb.embeddings"),
    QStringLiteral("hydration.start"),
    QStringLiteral("hydration.end"),
    QStringLiteral("rerank.decision"),
    QStringLiteral("rerank.start"),
    QStringLiteral("rerank.end"),
    QStringLiteral("runtime.init.start"),
    QStringLiteral("runtime.init.end"),
    QStringLiteral("runtime.init.err"),
    QStringLiteral("runtime.close.end"),
    QStringLiteral("git.blame.start"),
    QStringLiteral("git.blame.end"),
    QStringLiteral("git.history.start"),
    QStringLiteral("git.history.end"),
    QStringLiteral("mcp.tool:search.semantic_pro"),
    QStringLiteral("vllm.embed_batch"),
    QStringLiteral("embed.vllm"),
    QStringLiteral("search.embed"),
    QStringLiteral("search.faiss"),
    QStringLiteral("faiss.search"),
    QStringLiteral("retrieval.search"),
    QStringLiteral("hybrid.search"),
    QStringLiteral("retrieval.gather_channels"),
    QStringLiteral("search.bm25"),
    QStringLiteral("search.splade"),
    QStringLiteral("retrieval.fuse"),
    QStringLiteral("fusion.rrf"),
    QStringLiteral("fusion.pool"),
    QStringLiteral("search.rrf_fuse"),
    QStringLiteral("hydrate.duckdb"),
    QStringLiteral("catalog.hydrate"),
    QStringLiteral("sql.exec"),
    QStringLiteral("duckdb.query"),
    QStringLiteral("retrieval.coderank_llm"),
    QStringLiteral("retrieval.rerank_exact"),
    QStringLiteral("faiss"),
    QStringLiteral("gate.budget"),
    QStringLiteral("retrieval.gating.secondary"),
    QStringLiteral("query_profile"),
    QStringLiteral("semantic"),
    QStringLiteral("channel.run"),
    QStringLiteral("channel.skip"),
    QStringLiteral("hybrid"),
    QStringLiteral("fusion"),
    QStringLiteral("debug"),
    QStringLiteral("catalog"),
    QStringLiteral("duckdb"),
    QStringLiteral("rerank"),
    QStringLiteral("/mcp"),
    QStringLiteral("coderank-faiss"),
    QStringLiteral("hybrid-engine"),
    QStringLiteral("xtr-index"),
    QStringLiteral("inprocess-vllm"),
    QStringLiteral("startup"),
    QStringLiteral("cli"),
    QStringLiteral(""),
};

struct JsonLineParser::Private
{
    simdjson::dom::parser parser;
    // Types, names, statuses and ids repeat from line to line: the atoms of texts seen, so that most
    // lines take no lock on the atom table. Bounded, so that a file of unique names cannot grow it without limit.
    std::unordered_map<std::string, Atom, StringViewHash, std::equal_to<>> interned;
    // Session and run ids are not a vocabulary: a busy server writes a new run id every second, so they are
    // not atoms, which would stay for the life of the process, but shared strings that leave with their runs.
    // The ids of the last lines, so that the lines of one run share one string and most take no allocation.
    std::unordered_map<std::string, QString, StringViewHash, std::equal_to<>> ids;

    Private() { seed(); }

    void seed()
    {
        for (const QString& text : kKnownTexts)
            interned.emplace(text.toStdString(), text);
    }

    Atom intern(std::string_view text)
    {
        auto it = interned.find(text);
        if (it != interned.end())
            return it->second;
        if (interned.size() >= 65536) {
            interned.clear();
            seed();
        }
        return interned.emplace(std::string(text), Atom(fromView(text))).first->second;
    }
    void store(std::string_view text, Atom* out) { *out = intern(text); }

    void store(std::string_view text, QString* out)
    {
        auto it = ids.find(text);
        if (it == ids.end()) {
            if (ids.size() >= 4096)
                ids.clear();
            it = ids.emplace(std::string(text), fromView(text)).first;
        }
        *out = it->second;
    }
};

JsonLineParser::JsonLineParser()
    : d(std::make_unique<Private>())
{ }

JsonLineParser::~JsonLineParser() = default;

namespace {

/// How parseRaw() read a line.
struct RawParse
{
    int nonFiniteSet = -1; // the placeholder set (NonFinite) it was read with; -1 when it parsed as it is
    NonFinite::Counts nonFinite {};
    bool repaired = false; // invalid UTF-8 replaced with U+FFFD first
};

// Parses a raw line: invalid UTF-8 repaired, NaN and infinities written bare (as Python does) read through a
// placeholder.
simdjson::error_code parseRaw(
    simdjson::dom::parser& parser, QByteArrayView line, simdjson::dom::element* doc, RawParse* how)
{
    auto code = parser.parse(line.data(), size_t(line.size())).get(*doc);
    QByteArray repaired;
    if (code == simdjson::UTF8_ERROR) {
        repaired = repairUtf8(line);
        how->repaired = true;
        code = parser.parse(repaired.constData(), size_t(repaired.size())).get(*doc); // the parser copies
    }
    if (!code)
        return code;
    how->nonFiniteSet = NonFinite::parse(parser, how->repaired ? QByteArrayView(repaired) : line, doc, &how->nonFinite);
    return how->nonFiniteSet >= 0 ? simdjson::SUCCESS : code;
}

// Parses a raw line as JsonLineParser does; returns false when it does not parse, else the placeholder set it
// was read with in `nonFiniteSet`.
bool parseLine(simdjson::dom::parser& parser, QByteArrayView line, simdjson::dom::element* doc, int* nonFiniteSet)
{
    RawParse how;
    const bool ok = !parseRaw(parser, line, doc, &how);
    *nonFiniteSet = how.nonFiniteSet;
    return ok;
}

/// The top-level members an event is read from, found in one walk over the line's object; the first of
/// duplicated keys counts, as with at_key().
class LineFields
{
public:
    enum Field
    {
        Ts,
        Type,
        SessionId,
        RunId,
        Name,
        Status,
        Message,
        Attrs,
        FieldCount
    };

    explicit LineFields(simdjson::dom::object object)
    {
        for (const auto member : object) {
            const Field field = fieldOf(member.key);
            if (field != FieldCount && !m_found[field]) {
                m_found[field] = true;
                m_values[field] = member.value;
            }
        }
    }

    bool has(Field field) const { return m_found[field]; }
    const simdjson::dom::element& operator[](Field field) const { return m_values[field]; }

private:
    static Field fieldOf(std::string_view key)
    {
        switch (key.size()) {
        case 2:
            return key == "ts" ? Ts : FieldCount;
        case 4:
            return key == "type" ? Type : key == "name" ? Name : FieldCount;
        case 5:
            return key == "attrs" ? Attrs : FieldCount;
        case 6:
            return key == "run_id" ? RunId : key == "status" ? Status : FieldCount;
        case 7:
            return key == "message" ? Message : FieldCount;
        case 10:
            return key == "session_id" ? SessionId : FieldCount;
        default:
            return FieldCount;
        }
    }

    std::array<simdjson::dom::element, FieldCount> m_values;
    std::array<bool, FieldCount> m_found {};
};

// ts: a number; a numeric string is tolerated with a warning.
bool readTs(const LineFields& fields, int nonFiniteSet, double* ts, QString* error, Diagnostics* warnings)
{
    if (!fields.has(LineFields::Ts)) {
        *error = Tr::tr("missing required key \"ts\"");
        return false;
    }
    const simdjson::dom::element& value = fields[LineFields::Ts];
    if (value.is_number()) {
        *ts = NonFinite::restore(value.get_double().value_unsafe(), nonFiniteSet);
        return true;
    }
    if (value.is_string()) {
        bool ok = false;
        *ts = fromView(std::string_view(value)).toDouble(&ok);
        if (ok) {
            warn(warnings, Tr::tr("\"ts\" is a string, read as a number"));
            return true;
        }
    }
    *error = Tr::tr("\"ts\" is not a number");
    return false;
}

// One walk over the attrs: duration_ms, and the facts noted in Event::attrKeys. The first of duplicated keys
// counts, as with at_key().
void readAttrs(simdjson::dom::object attrs, int nonFiniteSet, Event* event)
{
    quint16 seen = 0;
    auto note = [&](quint16 key, bool fact) {
        if (!(seen & key) && fact)
            event->attrKeys |= key;
        seen |= key;
    };
    const auto isFalse = [](simdjson::dom::element value) { return value.is_bool() && !bool(value); };
    bool sawDuration = false;
    for (const auto field : attrs) {
        const std::string_view key = field.key;
        if (key == "duration_ms") {
            if (!sawDuration && field.value.is_number()) {
                const double ms = NonFinite::restore(field.value.get_double().value_unsafe(), nonFiniteSet);
                if (std::isfinite(ms)) // NaN or an infinity measures nothing: the span's ts tell instead
                    event->durationMs = ms;
            }
            sawDuration = true;
        } else if (key == "fallback.reason") {
            note(Event::FallbackReason, true);
        } else if (key == "warn.degraded") {
            note(Event::WarnDegraded, true);
        } else if (key == "budget.ms") {
            note(Event::BudgetMs, true);
        } else if (key == "input_hits") {
            note(Event::InputHits, true);
        } else if (key == "faiss.gpu") {
            note(Event::FaissGpuFalse, isFalse(field.value));
        } else if (key == "use_gpu") {
            note(Event::UseGpuFalse, isFalse(field.value));
        } else if (key == "enabled") {
            note(Event::EnabledFalse, isFalse(field.value));
        } else if (isSpanContextKey(key)) {
            event->attrKeys |= Event::SpanContext;
        }
    }
}

} // namespace

JsonLineParser::Result JsonLineParser::parse(
    QByteArrayView line, Event* event, RunKey* key, QString* error, Diagnostics* warnings)
{
    simdjson::dom::element doc;
    RawParse how;
    const auto code = parseRaw(d->parser, line, &doc, &how);
    if (how.repaired)
        warn(warnings, Tr::tr("invalid UTF-8 replaced with U+FFFD"));
    if (code) {
        *error = Tr::tr("not valid JSON (%1)").arg(QString::fromUtf8(simdjson::error_message(code)));
        return Result::Invalid;
    }
    simdjson::dom::object object;
    if (doc.get_object().get(object)) {
        *error = Tr::tr("not a JSON object");
        return Result::Invalid;
    }
    const LineFields fields(object);
    const int nonFiniteSet = how.nonFiniteSet;
    if (!readTs(fields, nonFiniteSet, &event->ts, error, warnings))
        return Result::Invalid;

    // Text fields: a number or bool is tolerated and turned into its text.
    // `out`: an Atom or, for the ids, a QString.
    auto text = [&](LineFields::Field field, const char* key, auto* out, bool required, const char* fallback) {
        if (!fields.has(field)) {
            if (required) {
                *error = Tr::tr("missing required key \"%1\"").arg(QLatin1String(key));
                return false;
            }
            d->store(fallback, out);
            if (fallback[0] != '\0' || std::string_view(key) == "name")
                warn(warnings, Tr::tr("missing key \"%1\", taken as \"%2\"").arg(QLatin1String(key), QString(*out)));
            return true;
        }
        const simdjson::dom::element& value = fields[field];
        if (value.is_string()) {
            d->store(std::string_view(value), out);
            return true;
        }
        if (value.is_null()) {
            d->store(fallback, out);
            return true;
        }
        if (value.is_object() || value.is_array()) {
            *error = Tr::tr("\"%1\" is not a string").arg(QLatin1String(key));
            return false;
        }
        *out = NonFinite::scalarText(value, nonFiniteSet);
        warn(warnings, Tr::tr("\"%1\" is not a string, read as \"%2\"").arg(QLatin1String(key), QString(*out)));
        return true;
    };
    if (!text(LineFields::Type, "type", &event->type, true, "")
        || !text(LineFields::SessionId, "session_id", &key->sessionId, true, "")
        || !text(LineFields::RunId, "run_id", &key->runId, true, "")
        || !text(LineFields::Name, "name", &event->name, false, "")
        || !text(LineFields::Status, "status", &event->status, false, "ok"))
        return Result::Invalid;
    event->message = Atom();
    if (fields.has(LineFields::Message)) {
        const simdjson::dom::element& message = fields[LineFields::Message];
        if (message.is_string())
            event->message = d->intern(std::string_view(message));
        else if (!message.is_null())
            event->message = NonFinite::scalarText(message, nonFiniteSet);
    }
    event->durationMs = NAN;
    event->attrKeys = Event::KeysNoted;
    simdjson::dom::object attrs;
    if (fields.has(LineFields::Attrs) && !fields[LineFields::Attrs].get_object().get(attrs))
        readAttrs(attrs, nonFiniteSet, event);
    if (nonFiniteSet >= 0 || !std::isfinite(event->ts)) // a ts string may say "nan" too
        NonFinite::note(warnings, event->ts, how.nonFinite);
    return Result::Ok;
}

QJsonObject parseAttrs(QByteArrayView line)
{
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element doc;
    int nonFiniteSet = -1;
    simdjson::dom::element attrs;
    if (!parseLine(parser, line, &doc, &nonFiniteSet) || doc.at_key("attrs").get(attrs) || !attrs.is_object())
        return {};
    return toQJson(attrs, nonFiniteSet).toObject();
}

struct AttrLookup::Private
{
    // A few lines stay parsed: a rule that reads two end lines, then another rule reading the first again,
    // parses each once.
    struct Slot
    {
        simdjson::dom::parser parser;
        QByteArray line; // compared by content: a new buffer can reuse an old address
        bool loaded = false;
        simdjson::dom::element attrs;
        bool hasAttrs = false;
        int nonFiniteSet = -1; // see toQJson()
    };
    std::array<Slot, 4> entries;
    size_t next = 0; // the slot a new line goes to, round robin
    Slot* current = nullptr;
};

AttrLookup::AttrLookup()
    : d(std::make_unique<Private>())
{ }

AttrLookup::~AttrLookup() = default;

bool AttrLookup::load(QByteArrayView line)
{
    for (Private::Slot& slot : d->entries) {
        if (slot.loaded && QByteArrayView(slot.line) == line) {
            d->current = &slot;
            return slot.hasAttrs;
        }
    }
    Private::Slot& slot = d->entries[d->next];
    d->next = (d->next + 1) % d->entries.size();
    d->current = &slot;
    slot.line.resize(line.size()); // keeps its capacity from line to line
    memcpy(slot.line.data(), line.data(), size_t(line.size()));
    slot.loaded = true;
    simdjson::dom::element doc;
    slot.hasAttrs = parseLine(slot.parser, line, &doc, &slot.nonFiniteSet) && !doc.at_key("attrs").get(slot.attrs)
        && slot.attrs.is_object();
    return slot.hasAttrs;
}

QJsonValue AttrLookup::value(QByteArrayView line, QLatin1StringView key)
{
    simdjson::dom::element element;
    if (!load(line) || d->current->attrs.at_key(std::string_view(key.data(), size_t(key.size()))).get(element))
        return QJsonValue(QJsonValue::Undefined);
    return toQJson(element, d->current->nonFiniteSet);
}

QJsonObject AttrLookup::object(QByteArrayView line)
{
    return load(line) ? toQJson(d->current->attrs, d->current->nonFiniteSet).toObject() : QJsonObject();
}

QJsonValue parseJsonDocument(
    const QByteArray& bytes, QString* error, qint64* errorOffset, bool* repairedUtf8, qint64* firstNonFinite)
{
    *repairedUtf8 = false;
    if (firstNonFinite)
        *firstNonFinite = -1;
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
        qsizetype first = -1;
        QJsonValue value = NonFinite::parseDocument(input, &first); // not const: returned, so moved
        if (!value.isUndefined()) {
            if (firstNonFinite)
                *firstNonFinite = skipped + (*repairedUtf8 ? offsetBeforeRepair(unrepaired, first) : first);
            return value;
        }
        *error = parseError.errorString();
        const qint64 offset = *repairedUtf8 ? offsetBeforeRepair(unrepaired, parseError.offset) : parseError.offset;
        // Qt puts an unterminated string's error one byte past the end; keep offsets inside the input.
        *errorOffset = qMin<qint64>(skipped + offset, bytes.size());
        return QJsonValue(QJsonValue::Undefined);
    }
    if (doc.isObject())
        return doc.object();
    return doc.array();
}

} // namespace Runlens
