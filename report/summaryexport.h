// SPDX-License-Identifier: MIT
#pragma once

#include "hintreport.h"

#include <QByteArray>

namespace Runlens {

/// Hint summaries to paste into a ticket or open without Runlens: one row per hint with its run's
/// facts, and the stage grid of every run; or the runs' spans for trace tools (docs/export.md describes each
/// format).
enum class ExportFormat
{
    Markdown,
    Csv,
    Json,
    Html,
    ChromeTrace, // Trace Event Format, for Perfetto UI and chrome://tracing
    Otlp // OTLP/JSON, for an OpenTelemetry collector, Jaeger or Tempo
};

bool parseExportFormat(const QString& name, ExportFormat* format);
QByteArray exportSummary(const HintReport& report, ExportFormat format);

} // namespace Runlens
