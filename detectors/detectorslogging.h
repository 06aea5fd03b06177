// SPDX-License-Identifier: MIT
// The detectors' logging category; off unless QT_LOGGING_RULES="runlens.detectors.debug=true" (docs/hacking.md).
#pragma once

#include <QLoggingCategory>

namespace Runlens {

Q_DECLARE_LOGGING_CATEGORY(lcDetectors) // runlens.detectors: which rules fired on which run

} // namespace Runlens
