// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "event.h"
#include "run.h"
#include "sourcereader.h"

#include <QHash>
#include <QString>

#include <vector>

namespace Runlens {

struct TailBatch;

/// The runs of a followed timeline directory, grown batch by batch from a TimelineTailer. A batch
/// rebuilds only the runs it touched. A run whose tool operation is still open is Running while it
/// is being written (spec 11.6) and turns cut-off once it goes quiet.
class LiveTimeline
{
public:
    static constexpr qint64 kDefaultIdleThresholdMs = 30 * 1000;

    /// How long without new lines before an open run counts as cut off: the whole directory
    /// without new bytes (wall clock), or the run without lines while others write (event ts).
    void setIdleThresholdMs(qint64 ms) { m_idleThresholdMs = ms; }
    qint64 idleThresholdMs() const { return m_idleThresholdMs; }

    /// Adds one poll's lines and returns the runs they changed, rebuilt, in the order the batch
    /// first touched them. `nowMs` is the wall clock in ms since the epoch.
    std::vector<RunPtr> applyBatch(TailBatch batch, qint64 nowMs);
    /// Rebuilds the runs built as in progress that have gone quiet since, so that they read as a
    /// closed file would; returns them. Cheap when there are none: call it after every poll.
    std::vector<RunPtr> markIdle(qint64 nowMs);

    /// Settled runs whose last line is older than this many seconds before the directory's newest line (server
    /// clock) leave memory at the next evictSettled(); 0, the default, keeps every run.
    void setRetentionSeconds(double seconds);
    double retentionSeconds() const { return m_retentionS; }
    /// Lets go of the settled runs older than the retention (their buffers go with the last run using them); returns
    /// them, so that whoever printed or shows them can forget them too. A run still in progress is never let go.
    std::vector<RunPtr> evictSettled();
    /// How many runs evictSettled() let go of so far.
    qint64 evictedCount() const { return m_evictedCount; }

    /// Every run so far, ordered like readSource(): sessions first-seen, runs first-seen in a session.
    std::vector<RunPtr> runs() const;
    /// Whether the run was last built as in progress: a scope still open while its lines are
    /// recent. Such a run may still change its status, stages and hints.
    bool isInProgress(const Run& run) const;
    const Diagnostics& problems() const { return m_problems; } // the tailer's, accumulated
    qint64 eventCount() const { return m_eventCount; }
    /// When the directory was last written to: the newest file modification time seen with new
    /// bytes, never later than when they were read. 0 before the first line.
    qint64 lastActivityMs() const { return m_lastActivityMs; }
    bool isIdle(qint64 nowMs) const { return nowMs - m_lastActivityMs > m_idleThresholdMs; }

private:
    struct RunState
    {
        QString sessionId;
        QString runId;
        int sessionRank = 0;
        RunPtr run; // null until the first rebuild
        bool builtLive = false; // built as in progress with scopes still open
    };

    bool isQuiet(double lastTs, qint64 nowMs) const;
    void rebuild(RunState& state, std::vector<Event> events, TextBuffers buffers, qint64 nowMs);

    std::vector<RunState> m_runs; // first-seen order
    QHash<QString, int> m_runIndex; // "session\nrun" -> m_runs index
    QHash<QString, int> m_sessionRanks; // first-seen order of the sessions that have runs
    int m_nextSessionRank = 0;
    Diagnostics m_problems;
    qint64 m_eventCount = 0;
    qint64 m_lastActivityMs = 0;
    double m_newestTs = 0; // newest event ts of the directory, on the server's clock
    qint64 m_idleThresholdMs = kDefaultIdleThresholdMs;
    double m_retentionS = 0;
    double m_nextEvictionTs = 0; // on the server's clock
    qint64 m_evictedCount = 0;
};

/// Gives the heap pages freed by runs let go of back to the system (glibc keeps them otherwise, and a long
/// follow's private memory creeps up by the allocator's leftovers). Cheap enough after each eviction.
void returnFreedMemory();

} // namespace Runlens
