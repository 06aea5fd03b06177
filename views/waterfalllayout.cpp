// SPDX-License-Identifier: MIT
#include "waterfalllayout.h"

#include "run.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace Runlens {

namespace {

// Positions per block summary: about the square root of the spans in a pixel column when a
// million spans are zoomed out, where merging costs the most.
constexpr size_t kBlockSize = 16;

// How far from a marker, in pixels, a click or hover still hits it.
constexpr double kMarkerHitPixels = 4;

bool isScopeLine(const QString& type)
{
    return type == QLatin1String("step.start") || type == QLatin1String("step.end")
        || type == QLatin1String("operation.start") || type == QLatin1String("operation.end");
}

SpanStatus statusOf(const Event& event)
{
    // An "error" line counts as failure evidence even when its status says ok.
    if (event.isError() || event.type == QLatin1String("error"))
        return SpanStatus::Error;
    return event.status == QLatin1String("ok") ? SpanStatus::Ok : SpanStatus::Other;
}

double finiteOrZero(double value)
{
    return std::isfinite(value) ? value : 0.0;
}

// The end of the pixel column that `ms` falls in, columns counted from `fromMs`.
double columnEndMs(double ms, double fromMs, double msPerPixel)
{
    return fromMs + (std::floor((ms - fromMs) / msPerPixel) + 1.0) * msPerPixel;
}

} // namespace

WaterfallLayout::WaterfallLayout(const Run& run)
{
    std::vector<SpanInput> spans;
    spans.reserve(run.spans.size());
    for (const Span& span : run.spans) {
        const double startMs = finiteOrZero(run.offsetMs(span.startTs));
        spans.push_back({ startMs, std::max(startMs, finiteOrZero(run.offsetMs(span.endTs))), span.depth,
            Runlens::spanStatus(span) });
    }
    build(spans);

    // Run::events is sorted by ts, so the markers come out sorted.
    for (size_t i = 0; i < run.events.size(); ++i) {
        const Event& event = run.events[i];
        if (isScopeLine(event.type))
            continue;
        m_markerMs.push_back(finiteOrZero(run.offsetMs(event.ts)));
        m_markerEvent.push_back(int(i));
        m_markerStatus.push_back(statusOf(event));
    }
    updateExtent();
}

WaterfallLayout::WaterfallLayout(const std::vector<double>& startMs, const std::vector<double>& endMs,
    const std::vector<int>& depths, const std::vector<SpanStatus>& statuses, const std::vector<double>& eventMs)
{
    const size_t count = std::min({ startMs.size(), endMs.size(), depths.size(), statuses.size() });
    std::vector<SpanInput> spans;
    spans.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        const double start = finiteOrZero(startMs[i]);
        spans.push_back({ start, std::max(start, finiteOrZero(endMs[i])), depths[i], statuses[i] });
    }
    build(spans);

    m_markerMs = eventMs;
    std::sort(m_markerMs.begin(), m_markerMs.end());
    m_markerEvent.resize(m_markerMs.size());
    std::iota(m_markerEvent.begin(), m_markerEvent.end(), 0);
    m_markerStatus.assign(m_markerMs.size(), SpanStatus::Ok);
    updateExtent();
}

void WaterfallLayout::build(const std::vector<SpanInput>& spans)
{
    int maxDepth = -1;
    for (const SpanInput& span : spans)
        maxDepth = std::max(maxDepth, std::max(span.depth, 0));
    m_rows.assign(size_t(maxDepth + 1), Row());

    // Bucket the spans by row in span order, then sort each bucket by start (mostly sorted already).
    std::vector<std::vector<int>> byRow(m_rows.size());
    for (size_t i = 0; i < spans.size(); ++i)
        byRow[size_t(std::max(spans[i].depth, 0))].push_back(int(i));

    m_spanRow.assign(spans.size(), 0);
    m_spanPosition.assign(spans.size(), 0);
    for (size_t r = 0; r < m_rows.size(); ++r) {
        std::vector<int>& order = byRow[r];
        std::stable_sort(order.begin(), order.end(),
            [&spans](int a, int b) { return spans[size_t(a)].startMs < spans[size_t(b)].startMs; });
        Row& row = m_rows[r];
        row.startMs.reserve(order.size());
        row.endMs.reserve(order.size());
        row.maxEndMs.reserve(order.size());
        row.span = order;
        row.status.reserve(order.size());
        double maxEndMs = -std::numeric_limits<double>::infinity();
        for (size_t position = 0; position < order.size(); ++position) {
            const SpanInput& span = spans[size_t(order[position])];
            maxEndMs = std::max(maxEndMs, span.endMs);
            row.startMs.push_back(span.startMs);
            row.endMs.push_back(span.endMs);
            row.maxEndMs.push_back(maxEndMs);
            row.status.push_back(span.status);
            m_spanRow[size_t(order[position])] = int(r);
            m_spanPosition[size_t(order[position])] = int(position);
        }
        for (size_t begin = 0; begin < order.size(); begin += kBlockSize) {
            Block block { 0, -std::numeric_limits<double>::infinity(), SpanStatus::Ok };
            for (size_t p = begin; p < std::min(order.size(), begin + kBlockSize); ++p) {
                block.maxDurationMs = std::max(block.maxDurationMs, row.endMs[p] - row.startMs[p]);
                block.maxEndMs = std::max(block.maxEndMs, row.endMs[p]);
                block.status = std::max(block.status, row.status[p]);
            }
            row.blocks.push_back(block);
        }
    }
}

void WaterfallLayout::updateExtent()
{
    // The run start is always in view, so offsets read from zero.
    double begin = 0;
    double end = 0;
    for (const Row& row : m_rows) {
        if (row.startMs.empty())
            continue;
        begin = std::min(begin, row.startMs.front());
        end = std::max(end, row.maxEndMs.back());
    }
    if (!m_markerMs.empty()) {
        begin = std::min(begin, m_markerMs.front());
        end = std::max(end, m_markerMs.back());
    }
    m_beginMs = begin;
    m_endMs = end > begin ? end : begin + 1.0;
}

double WaterfallLayout::spanStartMs(int span) const
{
    return m_rows[size_t(spanRow(span))].startMs[size_t(m_spanPosition[size_t(span)])];
}

double WaterfallLayout::spanEndMs(int span) const
{
    return m_rows[size_t(spanRow(span))].endMs[size_t(m_spanPosition[size_t(span)])];
}

SpanStatus WaterfallLayout::spanStatus(int span) const
{
    return m_rows[size_t(spanRow(span))].status[size_t(m_spanPosition[size_t(span)])];
}

std::pair<size_t, size_t> WaterfallLayout::candidates(const Row& row, double fromMs, double toMs) const
{
    // Spans before `first` all end before fromMs; spans from `last` on all start after toMs. In a
    // well-nested run the spans of a row do not overlap, so nearly every candidate is visible.
    const auto first = std::lower_bound(row.maxEndMs.begin(), row.maxEndMs.end(), fromMs) - row.maxEndMs.begin();
    const auto last = std::upper_bound(row.startMs.begin(), row.startMs.end(), toMs) - row.startMs.begin();
    return { size_t(first), size_t(std::max(first, last)) };
}

std::vector<WaterfallBar> WaterfallLayout::visibleBars(int row, double fromMs, double toMs, double msPerPixel) const
{
    std::vector<WaterfallBar> bars;
    if (row < 0 || row >= rowCount() || !(fromMs <= toMs))
        return bars;
    const Row& r = m_rows[size_t(row)];
    const auto [first, last] = candidates(r, fromMs, toMs);
    bool merging = false; // the last bar is a group of narrow spans that may grow
    double groupEndMs = 0; // end of the pixel column that group started in
    for (size_t i = first; i < last; ++i) {
        // A whole block of narrow spans starting in the open group's column (and after fromMs, so
        // all visible) joins the group in one step.
        if (merging && i % kBlockSize == 0 && i + kBlockSize <= last) {
            const Block& block = r.blocks[i / kBlockSize];
            if (block.maxDurationMs < msPerPixel && r.startMs[i] >= fromMs
                && r.startMs[i + kBlockSize - 1] < groupEndMs) {
                WaterfallBar& bar = bars.back();
                bar.count += int(kBlockSize);
                bar.endMs = std::max(bar.endMs, block.maxEndMs);
                bar.status = std::max(bar.status, block.status);
                i += kBlockSize - 1;
                continue;
            }
        }
        const double startMs = r.startMs[i];
        const double endMs = r.endMs[i];
        if (endMs < fromMs)
            continue;
        const bool narrow = endMs - startMs < msPerPixel;
        if (narrow && merging && startMs < groupEndMs) {
            WaterfallBar& bar = bars.back();
            ++bar.count;
            bar.endMs = std::max(bar.endMs, endMs);
            bar.status = std::max(bar.status, r.status[i]);
            continue;
        }
        bars.push_back({ startMs, endMs, r.span[i], 1, r.status[i] });
        merging = narrow;
        if (narrow)
            groupEndMs = columnEndMs(startMs, fromMs, msPerPixel);
    }
    return bars;
}

int WaterfallLayout::hitTest(int row, double ms, double msPerPixel) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    const Row& r = m_rows[size_t(row)];
    const double tolerance = std::max(msPerPixel, 0.0);
    const auto [first, last] = candidates(r, ms - tolerance, ms + tolerance);
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    double bestLength = std::numeric_limits<double>::infinity();
    for (size_t i = first; i < last; ++i) {
        const double distance = ms < r.startMs[i] ? r.startMs[i] - ms : std::max(0.0, ms - r.endMs[i]);
        const double length = r.endMs[i] - r.startMs[i];
        if (distance > tolerance)
            continue;
        if (distance < bestDistance || (distance == bestDistance && length < bestLength)) {
            best = r.span[i];
            bestDistance = distance;
            bestLength = length;
        }
    }
    return best;
}

std::vector<WaterfallMarker> WaterfallLayout::visibleMarkers(double fromMs, double toMs, double msPerPixel) const
{
    std::vector<WaterfallMarker> markers;
    if (!(fromMs <= toMs))
        return markers;
    const auto first = std::lower_bound(m_markerMs.begin(), m_markerMs.end(), fromMs) - m_markerMs.begin();
    const auto last = std::upper_bound(m_markerMs.begin(), m_markerMs.end(), toMs) - m_markerMs.begin();
    double groupEndMs = -std::numeric_limits<double>::infinity();
    for (auto i = size_t(first); i < size_t(last); ++i) {
        const double ms = m_markerMs[i];
        if (!markers.empty() && ms < groupEndMs) {
            WaterfallMarker& marker = markers.back();
            ++marker.count;
            marker.status = std::max(marker.status, m_markerStatus[i]);
            continue;
        }
        markers.push_back({ ms, m_markerEvent[i], 1, m_markerStatus[i] });
        groupEndMs = msPerPixel > 0 ? columnEndMs(ms, fromMs, msPerPixel) : ms;
    }
    return markers;
}

int WaterfallLayout::hitTestMarker(double ms, double msPerPixel) const
{
    const double tolerance = kMarkerHitPixels * std::max(msPerPixel, 0.0);
    const auto first = std::lower_bound(m_markerMs.begin(), m_markerMs.end(), ms - tolerance);
    const auto last = std::upper_bound(m_markerMs.begin(), m_markerMs.end(), ms + tolerance);
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (auto it = first; it != last; ++it) {
        const double distance = std::abs(*it - ms);
        if (distance < bestDistance) {
            best = m_markerEvent[size_t(it - m_markerMs.begin())];
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace Runlens
