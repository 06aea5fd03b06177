// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"
#include "timewindow.h"

#include <QString>

namespace Runlens {

/// Which runs of a source a report, an export or a view covers; empty fields match everything.
struct RunFilter
{
    QString sessionId;
    QString runId;
    TimeWindow window; // runs that start in it

    bool matches(const Run& run) const
    {
        return (sessionId.isEmpty() || run.sessionId == sessionId) && (runId.isEmpty() || run.runId == runId)
            && window.contains(run.startedAt);
    }
};

} // namespace Runlens
