// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace Runlens {

/// The trace id a run's spans are exported under: upstream's own when it wrote a real one, else one derived
/// from the session and run ids, the same on every export. Upstream fills `trace_id` with the run id when it has
/// no trace: that is no trace id.
struct RunTraceId
{
    QString hex; // 32 lowercase hex digits
    bool fromUpstream = false;
};
RunTraceId runTraceId(const Run& run);

/// The runs' spans in Chrome's Trace Event Format (JSON object form), which Perfetto UI and chrome://tracing
/// open: a process per run, complete events for the scopes on nesting lanes (categories by stage, args with the
/// status, message and attrs), instant events for the point events.
QByteArray chromeTrace(const std::vector<RunPtr>& runs);

/// The runs' spans as an OTLP/JSON ExportTraceServiceRequest, which an OpenTelemetry collector, Jaeger or Tempo
/// ingests: one span per scope with hex trace and span ids, parent links, status and attributes, and the point
/// events as span events of the innermost scope open when they were written.
QByteArray otlpTrace(const std::vector<RunPtr>& runs);

} // namespace Runlens
