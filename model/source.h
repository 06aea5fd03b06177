// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "run.h"
#include "timewindow.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Runlens {

/// One raw member of a runpack, kept for the contents view and for regeneration.
struct PackMember
{
    QString name;
    QByteArray bytes;
};

/// Everything read from one input path: its runs, its raw members and every problem met on the way.
struct Source
{
    enum class Kind
    {
        Runpack,
        TimelineDirectory,
        JsonlFile,
        RunReport // a per-run report upstream rendered (observability/runs/<run_id>.json)
    };
    enum class Layout
    {
        None,
        Upstream,
        Seed,
        Unknown
    }; // runpack layouts (spec 8.4)

    Source() = default;
    Source(const Source&) = default;
    Source(Source&&) = default;
    Source& operator=(const Source&) = default;
    Source& operator=(Source&&) = default;
    ~Source(); // frees the runs only it holds on every core: a million events take a while to free

    QString path;
    Kind kind = Kind::JsonlFile;
    Layout layout = Layout::None;
    QJsonObject meta;
    std::vector<PackMember> members;
    std::vector<RunPtr> runs; // sessions in first-seen order, runs by start within a session
    QStringList inputFiles; // every file read: the pack, the timeline files, the step ledgers
    /// What the input is when that is not plain from its kind: the per-run report, or the MCP error envelope or
    /// latest report pointer it was opened through, with the run it names. Empty for packs and timelines.
    QString label;
    QStringList filesOutsideWindow; // timeline files left unread, outside LoadControl::window
    TimeWindow window; // a timeline's runs held are those that start in it (LoadControl::window): all unless a span
    Diagnostics problems; // every problem met, each run's own problems included
    QString fatalError; // set when the input could not be read at all
    qint64 inputBytes = 0;
    qint64 eventCount = 0;
    qint64 runsLetGo = 0; // followed: settled runs older than the retention, no longer held (LiveTimeline)
    /// An early view while loading: the runs of the first files only, the last of them perhaps cut short.
    bool partial = false;

    bool ok() const { return fatalError.isEmpty(); }
    const PackMember* member(const QString& name) const;
    RunPtr findRun(const QString& sessionId, const QString& runId) const;
};

using SourcePtr = std::shared_ptr<const Source>;

QString sourceKindName(Source::Kind kind); // "runpack", "timeline-directory", "jsonl"
QString layoutName(Source::Layout layout); // "upstream", "seed", "unknown", ""

} // namespace Runlens

Q_DECLARE_METATYPE(Runlens::SourcePtr)
