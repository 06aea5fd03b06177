// SPDX-License-Identifier: MIT
#include "modellogging.h"

namespace Runlens {

// QtInfoMsg: info and above are shown, debug only when QT_LOGGING_RULES enables it.
Q_LOGGING_CATEGORY(lcModel, "runlens.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReader, "runlens.reader", QtInfoMsg)
Q_LOGGING_CATEGORY(lcZip, "runlens.zip", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLive, "runlens.live", QtInfoMsg)

} // namespace Runlens
