// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "event.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <memory>
#include <vector>

namespace Runlens {

// NaN, Infinity and -Infinity (spec 2.3: Python's json.dumps writes them bare) are read wherever a value
// may stand, as Python's json.loads reads them, but only after the strict parse of a text failed. In a
// QJsonValue they are a Double holding the NaN or infinity itself: Qt keeps that in memory, only
// QJsonDocument writes it as null, so text for people goes through compactJson() or nonFiniteToken().

/// Parses single timeline lines (spec 3.1) quickly, and JSON text leniently.
class JsonLineParser
{
public:
    JsonLineParser();
    ~JsonLineParser();
    JsonLineParser(const JsonLineParser&) = delete;
    JsonLineParser& operator=(const JsonLineParser&) = delete;

    enum class Result
    {
        Ok,
        Invalid
    };
    /// Fills the hot fields of `event` and its session and run ids in `key`. On Invalid, `error` says why. `warnings`
    /// collects tolerated oddities (a number where a string belongs, invalid UTF-8 replaced, NaN or an infinity),
    /// each with its message and code; the caller says where. A `ts` that is NaN or infinite is left so in
    /// `event`, for groupByRun() to place; a `duration_ms` that is not finite is no duration.
    Result parse(QByteArrayView line, Event* event, RunKey* key, QString* error, Diagnostics* warnings);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// The attrs object of a raw timeline line; empty when it has none or does not parse.
QJsonObject parseAttrs(QByteArrayView line);

/// Members of the attrs of raw timeline lines, one at a time, without building the whole object:
/// the cheap way for a rule that needs one or two keys. The last line parsed is kept, so several
/// members of one line cost one parse. Not thread-safe; use one per thread.
class AttrLookup
{
public:
    AttrLookup();
    ~AttrLookup();
    AttrLookup(const AttrLookup&) = delete;
    AttrLookup& operator=(const AttrLookup&) = delete;

    /// attrs[key]; undefined when the line has no such member or does not parse.
    QJsonValue value(QByteArrayView line, QLatin1StringView key);
    /// The whole attrs object, as parseAttrs().
    QJsonObject object(QByteArrayView line);

private:
    bool load(QByteArrayView line);
    struct Private;
    std::unique_ptr<Private> d;
};

/// Parses a JSON document, NaN and infinities included (`firstNonFinite`, when given, is the offset of the first one,
/// or -1). Invalid UTF-8 is replaced (and `repairedUtf8` set) rather than refused.
/// On failure returns an undefined value and fills `error` and `errorOffset`.
QJsonValue parseJsonDocument(
    const QByteArray& bytes, QString* error, qint64* errorOffset, bool* repairedUtf8, qint64* firstNonFinite = nullptr);

/// Compact JSON text of a value, byte for byte as QJsonDocument writes it, except that NaN and the infinities come
/// out as Python writes them (NaN, Infinity, -Infinity) instead of as null.
QByteArray compactJson(const QJsonValue& value);
/// "NaN", "Infinity" or "-Infinity", as Python writes a non-finite number; empty for a finite one.
QLatin1StringView nonFiniteToken(double value);

/// The 1-based line of `document` on which each entry of the array under the top-level object's `key` begins, in
/// order; empty when there is no such array. A scan of the text, for pointing at an entry in the file as written.
std::vector<qint32> arrayEntryLines(QByteArrayView document, QLatin1StringView key);

/// Replaces every invalid UTF-8 sequence with U+FFFD.
QByteArray repairUtf8(QByteArrayView bytes);
bool isValidUtf8(QByteArrayView bytes);

} // namespace Runlens
