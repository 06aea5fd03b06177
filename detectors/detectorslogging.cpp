// SPDX-License-Identifier: MIT
#include "detectorslogging.h"

namespace Runlens {

// QtInfoMsg: info and above are shown, debug only when QT_LOGGING_RULES enables it.
Q_LOGGING_CATEGORY(lcDetectors, "runlens.detectors", QtInfoMsg)

} // namespace Runlens
