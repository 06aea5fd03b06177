// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "event.h"
#include "loadcontrol.h"

#include <QStringList>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace Runlens {

/// The events of one (session_id, run_id).
struct RunGroup
{
    QString sessionId;
    QString runId;
    std::vector<Event> events;
};

/// Raw events read from timeline files, before grouping into runs.
struct TimelineData
{
    TextBuffers buffers;
    std::vector<Event> events; // in read order: files in write order, lines in file order
    std::vector<RunKey> keys; // beside `events`: whose run each is
    /// With EventLayout::RunsByBuffer, the events of each buffer instead (`events` stays empty), in buffer
    /// order, already grouped by run within the buffer: groupByRun() joins them on every core.
    std::vector<std::vector<RunGroup>> runsByBuffer;
    Diagnostics problems;
    qint64 bytes = 0;
    bool canceled = false;
    QStringList outsideWindow; // files of the directory not read: all their lines are far from LoadControl::window
};

/// Reads timeline JSONL (spec 2-3) from directories, files and in-memory members.
class TimelineReader
{
public:
    /// The timeline files of a directory in write order: per day, rotated segments by epoch, then the
    /// current file; other events-*.jsonl names last.
    static QStringList timelineFiles(const QString& directory);
    /// The same as paths: `directory` joined with each name.
    static QStringList timelinePaths(const QString& directory);

    enum class EventLayout
    {
        Flat,
        RunsByBuffer
    };
    /// Called, from a worker thread, with a copy of what the first files hold as soon as they are parsed,
    /// and again at most every few hundred milliseconds while later ones are (RunsByBuffer only).
    using PrefixCallback = std::function<void(TimelineData prefix)>;
    /// How much of a file one thread reads and parses at a time: a day's timeline may be a single big file.
    static constexpr qsizetype kChunkBytes = 16 * 1024 * 1024;
    /// The longest line read. Upstream scrubs strings over 256 characters, so a real line is a few KB; a longer
    /// one (NUL padding after a crash) is reported with its offset and skipped to its line break.
    static constexpr qsizetype kMaxLineBytes = 16 * 1024 * 1024;
    /// Reads and parses the files on every core, big files in chunks of about `chunkBytes` of whole
    /// lines; the result is the same as reading them one by one, line by line. With a time window in `control`,
    /// the files whose first and last lines say they cannot hold a run that starts in it are left out.
    static TimelineData readDirectory(const QString& directory, const LoadControl& control = {},
        EventLayout layout = EventLayout::Flat, const PrefixCallback& onPrefix = {},
        qsizetype chunkBytes = kChunkBytes);
    static TimelineData readFile(
        const QString& fileName, const LoadControl& control = {}, qsizetype chunkBytes = kChunkBytes);

    /// Parses one buffer's lines into `out`. A last line without '\n' is parsed too (a closed
    /// file or a pack member); when it does not parse it is reported as truncated.
    static void parseBuffer(
        const TextBuffer& buffer, qint32 bufferIndex, TimelineData* out, const LoadControl& control = {});

    /// The ts of a file's first and last complete lines, read from its two ends without reading the rest; empty
    /// when either does not parse (then only reading the whole file tells).
    static std::optional<std::pair<double, double>> endTimes(const QString& path);
    /// The newest ts of a timeline file, or of the files of a timeline directory, from their end times; empty when
    /// none tells.
    static std::optional<double> newestTs(const QString& path);

private:
    /// PATHS in this order, their buffers and problems named by NAMES.
    static TimelineData readFiles(const QStringList& paths, const QStringList& names, const LoadControl& control,
        EventLayout layout, const PrefixCallback& onPrefix, qsizetype chunkBytes);
};

/// Gives each event of one run whose ts is NaN or infinite (spec 2.3) the ts of the event before it in read order,
/// `before` for the first ones (the run's latest ts when appending to it), so that a stable sort by ts keeps the
/// line where it was written; without any finite ts before, the first finite ts after it, else `otherwise`.
void placeNonFiniteTs(std::vector<Event>& events, double before = NAN, double otherwise = 0.0);
/// Groups events by their keys (session_id, run_id) in first-seen order, each group stable-sorted by ts (after
/// placeNonFiniteTs()).
std::vector<RunGroup> groupByRun(std::vector<Event> events, const std::vector<RunKey>& keys);
/// The same for the per-buffer groups of TimelineData::runsByBuffer (buffers in read order).
std::vector<RunGroup> groupByRun(std::vector<std::vector<RunGroup>> runsByBuffer);

} // namespace Runlens
