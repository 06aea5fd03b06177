// SPDX-License-Identifier: MIT
#pragma once

#include "event.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <memory>

namespace Runlens {

/// Parses single timeline lines (spec 3.1) quickly, and JSON text leniently.
class JsonLineParser
{
public:
    JsonLineParser();
    ~JsonLineParser();
    JsonLineParser(const JsonLineParser&) = delete;
    JsonLineParser& operator=(const JsonLineParser&) = delete;

    enum class Result { Ok, Invalid };
    /// Fills the hot fields of `event`. On Invalid, `error` says why. `warnings` collects
    /// tolerated oddities (a number where a string belongs, invalid UTF-8 replaced).
    Result parse(QByteArrayView line, Event* event, QString* error, QStringList* warnings);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// The attrs object of a raw timeline line; empty when it has none or does not parse.
QJsonObject parseAttrs(QByteArrayView line);

/// Parses a JSON document. Invalid UTF-8 is replaced (and `repairedUtf8` set) rather than refused.
/// On failure returns an undefined value and fills `error` and `errorOffset`.
QJsonValue parseJsonDocument(const QByteArray& bytes, QString* error, qint64* errorOffset, bool* repairedUtf8);

/// Replaces every invalid UTF-8 sequence with U+FFFD.
QByteArray repairUtf8(QByteArrayView bytes);
bool isValidUtf8(QByteArrayView bytes);

} // namespace Runlens
