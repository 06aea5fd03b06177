// SPDX-License-Identifier: MIT
// NaN, Infinity and -Infinity as Python's json module writes them (spec 2.3): bare tokens that strict
// parsers (simdjson, nlohmann, QJsonDocument) refuse. A text that fails the strict parse is parsed again
// with each token replaced by a finite placeholder number, and the placeholders are turned back into the
// values they stand for. Only text that failed the strict parse pays for any of this, and all of it lives
// in nonfinite.cpp: in jsonline.cpp, the compiler inlined less of the parse of every line.
#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>

#include <array>

namespace simdjson::dom {
class parser;
class element;
}

namespace Runlens::NonFinite {

enum Kind
{
    NaN,
    PlusInfinity,
    MinusInfinity,
    KindCount
};
using Counts = std::array<int, KindCount>;

/// Sets of placeholders to try, in order. A placeholder is a plain finite number that a real writer is
/// unlikely to use; a text that holds one of them itself is caught by counting (see substitute()), and
/// the next set is tried.
constexpr int kSetCount = 2;

/// The number that stands for `kind` in placeholder set `set`, and its text.
double placeholder(int set, Kind kind);

double restorePlaceholder(double number, int set);

/// The value a number stands for: NaN or an infinity when it is one of set `set`'s placeholders (`set`
/// >= 0), else the number itself. Inline only for the usual case, a text that parsed as it is (`set` < 0).
inline double restore(double number, int set)
{
    return set < 0 ? number : restorePlaceholder(number, set);
}

/// Counts `number` in `counts` when it is one of set `set`'s placeholders.
void count(double number, int set, Counts* counts);

/// `text` with every NaN, Infinity and -Infinity outside strings replaced by set `set`'s placeholders,
/// and how many of each were replaced; `first`, when given, is where the first one was. False when there is
/// none: the strict parser's error stands. After parsing the result, a caller counts the placeholders it
/// finds: more than `counts` means that the text had one of its own, and the next set must be tried.
bool substitute(QByteArrayView text, int set, QByteArray* out, Counts* counts, qsizetype* first = nullptr);

/// simdjson: parses a line or document that failed the strict parse again, its NaN and infinities replaced
/// (`counts` says how many). Returns the placeholder set used, for restore(), or -1 when it still does not parse.
int parse(simdjson::dom::parser& parser, QByteArrayView input, simdjson::dom::element* doc, Counts* counts);
/// A scalar's text, for a field that wants text: a placeholder as its token ("NaN"), anything else as written.
QString scalarText(const simdjson::dom::element& value, int set);
/// The warning of a line read with NaN or infinities (`counts`), or with a ts that is not finite.
void note(Diagnostics* warnings, double ts, const Counts& counts);

/// QJsonDocument: a document that failed the strict parse, read with its NaN and infinities; undefined when
/// that does not make it parse. `first` is where the first of them is in `input`.
QJsonValue parseDocument(const QByteArray& input, qsizetype* first);

} // namespace Runlens::NonFinite
