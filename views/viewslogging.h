// SPDX-License-Identifier: MIT
// The views' logging category; off unless QT_LOGGING_RULES="runlens.views.debug=true" (docs/hacking.md).
#pragma once

#include <QLoggingCategory>

namespace Runlens {

Q_DECLARE_LOGGING_CATEGORY(lcViews) // runlens.views: background jobs of the views superseded or dropped

} // namespace Runlens
