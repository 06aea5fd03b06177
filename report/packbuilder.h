// SPDX-License-Identifier: MIT
#pragma once

#include "timewindow.h"

#include "source.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Runlens {

/// What `runlens-cli pack` and File > Regenerate Pack build.
struct PackOptions
{
    enum class Layout
    {
        Upstream,
        Seed
    };
    QString sessionId; // required
    QString runId; // empty: every run of the session ("latest" in the file name)
    QString reason; // meta.json reason; empty gives null
    Layout layout = Layout::Upstream;
    bool redact = false;
    TimeWindow window; // only the session's runs that start in it
};

using PackMembers = QList<QPair<QString, QByteArray>>;

/// Builds the members of a runpack from a read source, deterministically (same input, same bytes).
/// run_report.json "hints" holds upstream's six kinds only (so that a reader shows them as stored),
/// "runlens_hints" every hint. Returns false with `error` set when the selection matches no run.
[[nodiscard]] bool buildPack(const Source& source, const PackOptions& options, PackMembers* members, QString* error);

/// The file name upstream would give the pack: runpack_<session>_<run or latest>_<epoch>.zip.
QString packFileName(const Source& source, const PackOptions& options);

} // namespace Runlens
