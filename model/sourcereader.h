// SPDX-License-Identifier: MIT
#pragma once

#include "loadcontrol.h"
#include "source.h"

namespace Runlens {

/// Reads a runpack zip, a timeline directory or a .jsonl file. Never throws; problems go into the
/// result, and fatalError is set only when nothing could be read. `control` cancels, reports progress
/// and hands over early views of a big directory while it is read (SourceReader in sourcereader.cpp).
SourcePtr readSource(const QString& path, const LoadControl& control = {});

} // namespace Runlens
