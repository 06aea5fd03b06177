// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QString>

namespace Runlens {

/// Which runs of a source a report, an export or a view covers; empty fields match everything.
struct RunFilter
{
    QString sessionId;
    QString runId;

    bool matches(const Run& run) const
    {
        return (sessionId.isEmpty() || run.sessionId == sessionId) && (runId.isEmpty() || run.runId == runId);
    }
};

} // namespace Runlens
