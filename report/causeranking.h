// SPDX-License-Identifier: MIT
#pragma once

#include "hint.h"
#include "rootcause.h"

#include <vector>

namespace Runlens {

/// A run's hints ranked by cause: the hint that names the run's root cause, and the hints that are only its
/// consequences (nothing hydrated, nothing returned, scopes left open after the stage failed). A reader starts
/// at the cause; its symptoms need no separate investigation.
struct CauseRanking
{
    int root = -1; // index into the hints; -1 when no active hint names the root cause
    std::vector<int> symptoms; // indices into the hints, the most severe first; empty without a root
};

CauseRanking rankByCause(const RootCause& cause, const Hints& hints);

} // namespace Runlens
