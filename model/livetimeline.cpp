// SPDX-License-Identifier: MIT
#include "livetimeline.h"
#include "runbuilder.h"
#include "timelinereader.h"
#include "timelinetailer.h"

#include <algorithm>
#include <cmath>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Runlens {

namespace {

// A batch's buffer as the runs keep it: only the lines the run builder and the rules read (isKeptLine()), the
// others read again from the file when shown (TextBuffer::line checks they are still the same). Without its
// file the buffer stays whole.
TextBuffers keptLinesOnly(const TailBatch& batch)
{
    TextBuffers kept;
    kept.reserve(batch.buffers.size());
    std::vector<std::shared_ptr<TextBuffer>> compact(batch.buffers.size());
    for (size_t b = 0; b < batch.buffers.size(); ++b) {
        if (b >= batch.files.size() || !batch.files[b]) {
            kept.push_back(batch.buffers[b]);
            continue;
        }
        compact[b] = std::make_shared<TextBuffer>();
        compact[b]->name = batch.buffers[b]->name;
        compact[b]->file = batch.files[b];
        kept.push_back(compact[b]);
    }
    for (const Event& event : batch.events) {
        TextBuffer* target = compact[size_t(event.buffer)].get();
        if (!target || !isKeptLine(event))
            continue;
        const TextBuffer& whole = *batch.buffers[size_t(event.buffer)];
        target->keep(event.offset, QByteArrayView(whole.bytes).sliced(event.offset - whole.base, event.length));
    }
    for (const std::shared_ptr<TextBuffer>& buffer : compact) {
        if (buffer)
            buffer->doneKeeping();
    }
    return kept;
}

bool hasOpenScope(const Run& run)
{
    return std::any_of(
        run.spans.begin(), run.spans.end(), [](const Span& span) { return span.startEvent >= 0 && span.endEvent < 0; });
}

} // namespace

bool LiveTimeline::isQuiet(double lastTs, qint64 nowMs) const
{
    // Spec 11.6: in progress only while its last line is recent and the directory is not idle. The
    // viewer's clock tells an idle directory, the server's clock a quiet run among busy ones.
    return isIdle(nowMs) || (m_newestTs - lastTs) * 1000.0 > double(m_idleThresholdMs);
}

void LiveTimeline::rebuild(RunState& state, std::vector<Event> events, TextBuffers buffers, qint64 nowMs)
{
    RunExtras extras;
    extras.live = !events.empty() && !isQuiet(events.back().ts, nowMs); // in progress while recent
    state.run = buildRun(state.sessionId, state.runId, std::move(events), std::move(buffers), extras);
    state.builtLive = extras.live && hasOpenScope(*state.run);
}

std::vector<RunPtr> LiveTimeline::applyBatch(TailBatch batch, qint64 nowMs)
{
    m_problems += batch.problems;
    m_eventCount += qint64(batch.events.size());
    if (batch.bytes > 0) {
        const qint64 written = batch.lastWriteMs > 0 ? std::min(batch.lastWriteMs, nowMs) : nowMs;
        m_lastActivityMs = std::max(m_lastActivityMs, written);
    }

    // The batch's events per run, with their buffer indexes moved from the batch to the run.
    struct Pending
    {
        int run;
        std::vector<Event> events;
        TextBuffers buffers; // batch buffers new to the run, in first-use order
        QHash<qint32, qint32> map; // batch buffer index -> run buffer index
    };
    const TextBuffers buffers = keptLinesOnly(batch);
    std::vector<Pending> pending;
    QHash<int, int> pendingIndex; // m_runs index -> pending index
    for (size_t i = 0; i < batch.events.size(); ++i) {
        Event& event = batch.events[i];
        const RunKey& runKey = batch.keys[i];
        if (std::isfinite(event.ts)) // NaN and infinities are placed below
            m_newestTs = std::max(m_newestTs, event.ts);
        const QString key = runKey.sessionId + QLatin1Char('\n') + runKey.runId;
        auto it = m_runIndex.constFind(key);
        if (it == m_runIndex.constEnd()) {
            auto session = m_sessionRanks.constFind(runKey.sessionId);
            if (session == m_sessionRanks.constEnd())
                session = m_sessionRanks.insert(runKey.sessionId, m_nextSessionRank++);
            m_runs.push_back({ runKey.sessionId, runKey.runId, *session, nullptr, false });
            it = m_runIndex.insert(key, int(m_runs.size()) - 1);
        }
        auto p = pendingIndex.constFind(*it);
        if (p == pendingIndex.constEnd()) {
            p = pendingIndex.insert(*it, int(pending.size()));
            pending.push_back({ *it, {}, {}, {} });
        }
        Pending& target = pending[size_t(*p)];
        auto mapped = target.map.constFind(event.buffer);
        if (mapped == target.map.constEnd()) {
            const RunPtr& run = m_runs[size_t(*it)].run;
            const auto index = qint32((run ? run->buffers.size() : 0) + target.buffers.size());
            mapped = target.map.insert(event.buffer, index);
            target.buffers.push_back(buffers[size_t(event.buffer)]);
        }
        event.buffer = *mapped;
        target.events.push_back(std::move(event));
    }

    std::vector<RunPtr> changed;
    for (Pending& p : pending) {
        RunState& state = m_runs[size_t(p.run)];
        std::vector<Event> events = state.run ? state.run->events : std::vector<Event>();
        TextBuffers buffers = state.run ? state.run->buffers : TextBuffers();
        buffers.insert(buffers.end(), p.buffers.begin(), p.buffers.end());
        // A NaN ts goes after the run's lines so far, as groupByRun() places it; a run's only line without one
        // takes the time of the write.
        placeNonFiniteTs(p.events, events.empty() ? NAN : events.back().ts,
            double(batch.lastWriteMs > 0 ? batch.lastWriteMs : nowMs) / 1000.0);
        // As groupByRun's stable sort by ts: a new line goes after every line with the same ts.
        for (Event& event : p.events) {
            const auto at = std::upper_bound(
                events.begin(), events.end(), event.ts, [](double ts, const Event& other) { return ts < other.ts; });
            events.insert(at, std::move(event));
        }
        rebuild(state, std::move(events), std::move(buffers), nowMs);
        changed.push_back(state.run);
    }
    return changed;
}

std::vector<RunPtr> LiveTimeline::markIdle(qint64 nowMs)
{
    std::vector<RunPtr> changed;
    for (RunState& state : m_runs) {
        if (!state.builtLive || !isQuiet(state.run->events.back().ts, nowMs))
            continue;
        rebuild(state, state.run->events, state.run->buffers, nowMs);
        changed.push_back(state.run);
    }
    return changed;
}

void LiveTimeline::setRetentionSeconds(double seconds)
{
    if (seconds == m_retentionS)
        return;
    m_retentionS = seconds;
    m_nextEvictionTs = 0; // a new retention applies at the next call
}

std::vector<RunPtr> LiveTimeline::evictSettled()
{
    std::vector<RunPtr> evicted;
    // Every twentieth of the retention, not every poll: each time costs a pass over the runs kept.
    if (m_retentionS <= 0 || m_newestTs < m_nextEvictionTs)
        return evicted;
    m_nextEvictionTs = m_newestTs + std::max(1.0, m_retentionS / 20);
    const double cutoff = m_newestTs - m_retentionS;
    const auto isOld = [cutoff](const RunState& state) {
        return state.run && !state.builtLive && !state.run->events.empty() && state.run->events.back().ts < cutoff;
    };
    if (std::none_of(m_runs.begin(), m_runs.end(), isOld))
        return evicted;
    std::vector<RunState> kept;
    kept.reserve(m_runs.size());
    for (RunState& state : m_runs) {
        if (isOld(state))
            evicted.push_back(std::move(state.run));
        else
            kept.push_back(std::move(state));
    }
    m_runs = std::move(kept);
    m_runIndex = {}; // a fresh table: a cleared one keeps its capacity
    m_runIndex.reserve(qsizetype(m_runs.size()));
    QHash<QString, int> sessionRanks;
    for (size_t i = 0; i < m_runs.size(); ++i) {
        m_runIndex.insert(m_runs[i].sessionId + QLatin1Char('\n') + m_runs[i].runId, int(i));
        sessionRanks.insert(m_runs[i].sessionId, m_runs[i].sessionRank);
    }
    m_sessionRanks = std::move(sessionRanks); // a session whose runs all left starts anew if it comes back
    m_evictedCount += qint64(evicted.size());
    return evicted;
}

bool LiveTimeline::isInProgress(const Run& run) const
{
    const auto it = m_runIndex.constFind(run.sessionId + QLatin1Char('\n') + run.runId);
    return it != m_runIndex.constEnd() && m_runs[size_t(*it)].builtLive;
}

std::vector<RunPtr> LiveTimeline::runs() const
{
    std::vector<const RunState*> order;
    order.reserve(m_runs.size());
    for (const RunState& state : m_runs)
        order.push_back(&state);
    std::stable_sort(order.begin(), order.end(),
        [](const RunState* a, const RunState* b) { return a->sessionRank < b->sessionRank; });
    std::vector<RunPtr> result;
    result.reserve(order.size());
    for (const RunState* state : order)
        result.push_back(state->run);
    return result;
}

void returnFreedMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

} // namespace Runlens
