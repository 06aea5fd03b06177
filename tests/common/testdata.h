// SPDX-License-Identifier: MIT
// Where the tests find their data: as QFINDTESTDATA finds it (beside the test binary first, for a test copied or
// installed with its data; then in the source tree, from this header's place in it), not from paths compiled in.
#pragma once

#include <QDir>
#include <QString>
#include <QTest>

namespace Runlens::Test {

/// A file or directory of the source tree, `relative` to its top (e.g. "docs/schemas"); it must exist.
inline QString sourcePath(const QString& relative)
{
    const QString found = QFINDTESTDATA(QStringLiteral("../../") + relative);
    if (found.isEmpty())
        qFatal("test data missing: %s", qPrintable(relative));
    return QDir::cleanPath(found);
}

/// A fixture copied verbatim from ../shared/fixtures, `relative` to tests/data/fixtures; without an argument, that
/// directory (for a path that must not exist: fixture() + "/no/such/file.zip").
inline QString fixture(const QString& relative = {})
{
    return sourcePath(QStringLiteral("tests/data/fixtures/") + relative);
}

inline QString fixture(const char* relative)
{
    return fixture(QString::fromUtf8(relative));
}

} // namespace Runlens::Test
