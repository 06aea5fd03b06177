// SPDX-License-Identifier: MIT
#pragma once
// A generated timeline directory of many small rotated files, for tests of loading in pieces.

#include "synth.h"

#include <QTest>

namespace Runlens::Test {

/// Writes EVENTS lines of SESSIONS sessions into FILES files of DIRECTORY; false (with the reason
/// logged) when it cannot.
inline bool writeRotatedTimeline(const QString& directory, qint64 events, int sessions, int files, SynthStats* stats)
{
    SynthOptions options;
    options.events = events;
    options.sessions = sessions;
    options.files = files;
    QString error;
    if (synthesizeTimeline(directory, options, stats, &error))
        return true;
    qWarning("cannot write a timeline into %s: %s", qPrintable(directory), qPrintable(error));
    return false;
}

} // namespace Runlens::Test
