// SPDX-License-Identifier: MIT
// JSON text exactly as Python's json.dumps writes it, so regenerated packs follow upstream's conventions.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>

#include <nlohmann/json.hpp>

namespace Runlens::PyJson {

using Json = nlohmann::ordered_json;

/// json.dumps(value, indent=indent, ensure_ascii=asciiOnly); indent < 0 means one line with the
/// default separators ", " and ": ".
QByteArray dumps(const Json& value, int indent, bool asciiOnly);

/// Parses JSON keeping key order, NaN and infinities read as Python reads them (spec 2.3); invalid UTF-8 is
/// replaced first. Returns a discarded value on error and
/// for documents nested more than 1024 deep.
Json parse(QByteArrayView bytes);

Json fromQt(const QJsonValue& value);

} // namespace Runlens::PyJson
