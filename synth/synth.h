// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace Runlens {

/// What `synthesizeTimeline` writes: how many lines, runs and files, and how the runs ended.
struct SynthOptions
{
    qint64 events = 100'000; // exact number of timeline lines written
    int sessions = 50; // concurrent client sessions, each running its searches one after another
    quint64 seed = 1;
    int files = 0; // 0: rotate like upstream at rotateBytes; N: N files of equal line counts
    qint64 rotateBytes = 10'000'000; // upstream's default CODEINTEL_DIAG_MAX_BYTES
    qint64 startEpoch = 1795560451; // the fixtures' clock (2026-11-24, UTC)
    bool force = false; // replace events-*.jsonl files already in the directory
};

struct SynthStats
{
    qint64 events = 0;
    qint64 bytes = 0;
    qint64 runs = 0; // distinct (session_id, run_id) pairs with at least one line
    qint64 toolRuns = 0; // runs with an operation.start of the tool
    qint64 completeRuns = 0; // tool operation ended ok
    qint64 failedRuns = 0; // tool operation ended in error
    qint64 cutOffRuns = 0; // tool operation started and never ended (server restart, end of data)
    qint64 backgroundRuns = 0; // no tool operation: runtime warm-up, or a run cut before its operation
    qint64 restarts = 0; // simulated server restarts; every run in flight is cut off
    QStringList files; // file names in write order
};

/// Writes a realistic upstream timeline directory (spec 2-4): interleaved search.semantic_pro runs of
/// many sessions with the event mix of real runs (long attrs, non-ASCII queries, channel skips,
/// failures, FAISS on CPU, reranks, server restarts), rotated like upstream's writer. The same options
/// give the same bytes. Every file goes through QSaveFile. Returns false and sets `error` on failure.
[[nodiscard]] bool synthesizeTimeline(
    const QString& directory, const SynthOptions& options, SynthStats* stats, QString* error);

} // namespace Runlens
