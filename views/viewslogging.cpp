// SPDX-License-Identifier: MIT
#include "viewslogging.h"

namespace Runlens {

// QtInfoMsg: info and above are shown, debug only when QT_LOGGING_RULES enables it.
Q_LOGGING_CATEGORY(lcViews, "runlens.views", QtInfoMsg)

} // namespace Runlens
