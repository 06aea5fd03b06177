// SPDX-License-Identifier: MIT
#pragma once

#include "loadcontrol.h"
#include "source.h"

namespace Runlens {

/// Reads a runpack zip, a timeline directory, a .jsonl file, or one of upstream's JSON documents (a per-run
/// report, a latest report pointer, an MCP error envelope: the last two open what they name). Never throws; problems go
/// into the result, and fatalError is set only when nothing could be read. `control` cancels, reports progress and
/// hands over early views of a big directory while it is read (SourceReader in sourcereader.cpp).
SourcePtr readSource(const QString& path, const LoadControl& control = {});

/// The runpack an MCP error envelope names (`observability.runpack_path` at any depth), from its text; empty
/// when `json` is not a JSON document or names none.
QString runpackNamedByEnvelope(const QByteArray& json);

} // namespace Runlens
