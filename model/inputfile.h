// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Runlens {

/// Why `path` is not a regular file Runlens may open, or an empty string when it is one. Opening a FIFO
/// blocks until a writer comes, and a device may never end, so readers ask this before they open.
QString notRegularFileReason(const QString& path);

} // namespace Runlens
