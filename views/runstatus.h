// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QColor>
#include <QIcon>
#include <QString>

#include <array>

namespace Runlens {

/// Every run status, in the order filters and legends list them.
inline constexpr std::array<RunStatus, 5> allRunStatuses = { RunStatus::Complete, RunStatus::Error, RunStatus::CutOff,
    RunStatus::Running, RunStatus::Background };

/// Higher is worse: a session shows the worst status of its runs.
int runStatusSeverity(RunStatus status);
/// The colour behind the status glyph; always shown together with runStatusLabel(), never alone.
QColor runStatusColor(RunStatus status);
/// A coloured disc with a white glyph of its own per status (check, cross, half disc, play, dot),
/// drawn as vectors so it stays sharp at every size and device pixel ratio.
QIcon runStatusIcon(RunStatus status);

} // namespace Runlens
