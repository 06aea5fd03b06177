// SPDX-License-Identifier: MIT
#pragma once

#include "spantree.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace Runlens {

struct Run;

/// One rectangle to draw: a single span, or several spans narrower than a pixel merged into one.
struct WaterfallBar
{
    double startMs = 0; // ms from run start
    double endMs = 0;
    int span = -1; // the span, or the first span of a merged bar
    int count = 1;
    SpanStatus status = SpanStatus::Ok;

    bool isMerged() const { return count > 1; }
};

/// One point event on the marker lane, or several that fall into the same pixel column.
struct WaterfallMarker
{
    double ms = 0;
    int event = -1; // index into Run::events (position for a synthetic layout); the first one when merged
    int count = 1;
    SpanStatus status = SpanStatus::Ok;

    bool isMerged() const { return count > 1; }
};

/// The geometry of the trace view's overview, a run's merged-lane waterfall: one row per span depth, each row's spans
/// sorted by start offset, and the run's point events on a separate marker lane. Built once per run; the queries answer
/// what to draw for a time window and scale, so their cost follows what is visible.
class WaterfallLayout
{
public:
    WaterfallLayout() = default;
    explicit WaterfallLayout(const Run& run);
    /// A synthetic layout from plain arrays of equal length, for tests and benchmarks. Span i
    /// covers [startMs[i], endMs[i]] on row depths[i]; eventMs are the marker lane's points.
    WaterfallLayout(const std::vector<double>& startMs, const std::vector<double>& endMs,
        const std::vector<int>& depths, const std::vector<SpanStatus>& statuses,
        const std::vector<double>& eventMs = {});

    int rowCount() const { return int(m_rows.size()); }
    int spanCount() const { return int(m_spanRow.size()); }
    int markerCount() const { return int(m_markerMs.size()); }
    bool isEmpty() const { return m_spanRow.empty() && m_markerMs.empty(); }

    /// The time covered by all spans and markers, run start included, in ms from run start.
    double beginMs() const { return m_beginMs; }
    double endMs() const { return m_endMs; }

    int spanRow(int span) const { return m_spanRow[std::size_t(span)]; }
    double spanStartMs(int span) const;
    double spanEndMs(int span) const;
    SpanStatus spanStatus(int span) const;

    /// The bars of `row` overlapping [fromMs, toMs], in start order. Spans narrower than
    /// `msPerPixel` that start in the same pixel column (counted from fromMs) are merged into one
    /// bar; a msPerPixel of 0 merges nothing.
    std::vector<WaterfallBar> visibleBars(int row, double fromMs, double toMs, double msPerPixel) const;
    /// The span of `row` under `ms`, allowing one pixel either side so narrow bars can be hit;
    /// the nearest, then the shortest, wins. -1 when there is none.
    int hitTest(int row, double ms, double msPerPixel) const;

    /// The markers in [fromMs, toMs]; those in the same pixel column are merged.
    std::vector<WaterfallMarker> visibleMarkers(double fromMs, double toMs, double msPerPixel) const;
    /// The event whose marker is nearest to `ms` within a few pixels, -1 when there is none.
    int hitTestMarker(double ms, double msPerPixel) const;

private:
    // What a run of consecutive positions of a row adds to a merged bar.
    struct Block
    {
        double maxDurationMs;
        double maxEndMs;
        SpanStatus status;
    };

    // Struct of arrays per row: the queries scan contiguous memory, which matters at a million spans.
    struct Row
    {
        std::vector<double> startMs; // sorted
        std::vector<double> endMs;
        std::vector<double> maxEndMs; // running maximum of endMs, to find the first overlapping span
        std::vector<int> span;
        std::vector<SpanStatus> status;
        std::vector<Block> blocks; // one per kBlockSize positions, to merge dense pixel columns in steps
    };

    struct SpanInput
    {
        double startMs;
        double endMs;
        int depth;
        SpanStatus status;
    };

    void build(const std::vector<SpanInput>& spans);
    void updateExtent();
    // [first, last) positions of `row` that may overlap [fromMs, toMs].
    std::pair<std::size_t, std::size_t> candidates(const Row& row, double fromMs, double toMs) const;

    std::vector<Row> m_rows;
    std::vector<int> m_spanRow; // span -> row
    std::vector<int> m_spanPosition; // span -> position within its row
    std::vector<double> m_markerMs; // sorted
    std::vector<int> m_markerEvent;
    std::vector<SpanStatus> m_markerStatus;
    double m_beginMs = 0;
    double m_endMs = 1;
};

} // namespace Runlens
