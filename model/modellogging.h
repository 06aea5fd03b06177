// SPDX-License-Identifier: MIT
// The model's logging categories. Debug output is off unless QT_LOGGING_RULES turns it on, e.g.
// QT_LOGGING_RULES="runlens.reader.debug=true" or "runlens.*.debug=true" (docs/hacking.md).
#pragma once

#include <QLoggingCategory>

namespace Runlens {

Q_DECLARE_LOGGING_CATEGORY(lcModel) // runlens.model: background loads started, superseded, canceled
Q_DECLARE_LOGGING_CATEGORY(lcReader) // runlens.reader: files read (path, bytes, lines), lines skipped and why
Q_DECLARE_LOGGING_CATEGORY(lcZip) // runlens.zip: runpack members read or refused
Q_DECLARE_LOGGING_CATEGORY(lcLive) // runlens.live: files followed, truncated, rotated, copied, deleted

} // namespace Runlens
