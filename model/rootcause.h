// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QString>
#include <QStringList>

namespace Runlens {

/// What broke in a run, where and why, in the words of its own lines: the stage that failed (or was cut off,
/// or ran degraded), the innermost error behind it rather than the adapter's wrapper, the line it came from,
/// and what never ran because of it. The first thing to read about a run.
struct RootCause
{
    enum class Kind
    {
        Healthy, // complete, nothing degraded
        Degraded, // complete, but a stage ran in a fallback mode or a channel failed
        Failed,
        CutOff,
        Running,
        Background // no tool scope
    };
    Kind kind = Kind::Healthy;
    QString stage; // the grid row; empty when the failure is outside every stage
    QString error; // "ConnectionError: vLLM HTTP 503 ...", "interrupted: hydrate.duckdb started at +40 ms ..."
    int event = -1; // the line it came from (index into Run::events); -1 when a stored source said it
    QStringList notReached; // rows that apply to the tool and never ran, in grid order
};

RootCause rootCause(const Run& run);

/// Whether the tool runs the stage at all: search.fetch hydrates only, embed.batch only embeds. A row of a
/// tool that never runs it is "n/a for this tool", not "Not reached". Unknown tools run every stage.
bool stageAppliesTo(const QString& tool, const QString& stage);

} // namespace Runlens
