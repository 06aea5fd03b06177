// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Runlens {

/// A duration for people: "12 ms", "1.25 ms", "1.25 s"; empty for NaN (no duration).
QString formatDuration(double ms);

} // namespace Runlens
