// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Runlens::Fuzz {

/// The fuzz targets by name, as in tests/fuzz/corpus/<target> and tests/data/crashes/<target>.
QStringList targets();

/// Feeds `bytes` to a target's entry points, the same way its libFuzzer binary does, and checks that
/// the result is sensible: a fatal error or diagnostics that say what, where and why, with every
/// position inside the input. Returns an empty string when it is, otherwise what is wrong.
QString run(const QString& target, const QByteArray& bytes);

} // namespace Runlens::Fuzz
