// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace Runlens {

struct Run;
struct Span;

/// How a span is drawn and listed. The values are ordered from best to worst, so a bar or row that
/// stands for several spans takes the largest one.
enum class SpanStatus : std::uint8_t
{
    Ok,
    Other,
    Unclosed,
    Error
};

SpanStatus spanStatus(const Span& span);

/// The spans of a run as a tree of rows, the way a trace view lists them: rows nested by
/// Span::parent in start order; a step and an operation of the same name, one directly enclosing
/// the other as its only child scope (the tool's `mcp.tool:*` pair), share one row; every point
/// event belongs to the row of the innermost span open when it was written. Built in O(n) once per
/// run; rows are plain indexes, so a million spans cost arrays, not objects.
class SpanTree
{
public:
    SpanTree() = default;
    explicit SpanTree(const Run& run);

    int rowCount() const { return int(m_span.size()); }
    bool isEmpty() const { return m_span.empty(); }

    /// -1 for a top-level row; a parent always comes before its children.
    int parentRow(int row) const { return m_parent[std::size_t(row)]; }
    /// Children of `row` in start order; row -1 lists the top-level rows.
    int childCount(int row) const;
    int child(int row, int position) const;
    /// The position of `row` among its parent's children.
    int position(int row) const { return m_position[std::size_t(row)]; }
    int depth(int row) const { return m_depth[std::size_t(row)]; }

    /// The outer span of the row (the step of the tool's pair), and the inner one merged into it or -1.
    int span(int row) const { return m_span[std::size_t(row)]; }
    int mergedSpan(int row) const { return m_merged[std::size_t(row)]; }
    int rowOfSpan(int span) const;

    /// The time the row covers, in ms from run start; end >= start.
    double startMs(int row) const { return m_startMs[std::size_t(row)]; }
    double endMs(int row) const { return m_endMs[std::size_t(row)]; }
    /// The worst status of the row's spans.
    SpanStatus status(int row) const { return m_status[std::size_t(row)]; }
    /// The index into Run::stages of the stage row that lists the row's span, -1 when none does.
    int stage(int row) const { return m_stage[std::size_t(row)]; }

    /// Point events (indexes into Run::events, in time order) shown on `row`; events outside every
    /// span belong to the top-level row started last before them, or to the first one.
    std::pair<const int*, const int*> events(int row) const;
    /// The row an event is shown on, or the row of the span it starts or ends; -1 when none.
    int rowOfEvent(int event) const;

    /// The chain of rows that decides when the run ends: from the tool's row (else the top-level row
    /// that ends last), repeatedly the child that ends last.
    const std::vector<int>& criticalPath() const { return m_criticalPath; }
    bool isOnCriticalPath(int row) const { return m_critical[std::size_t(row)] != 0; }

    /// The row a reader looks at first: the innermost failed row that ended first, else the
    /// innermost unclosed row of a cut-off run, else the row of the run's first error event, else
    /// the first span of the first failed, then degraded stage. -1 when the run has none of these.
    int failingRow() const { return m_failingRow; }
    /// `row` and its ancestors, outermost first.
    std::vector<int> pathTo(int row) const;

private:
    void buildRows(const Run& run);
    void buildChildren();
    void buildEvents(const Run& run);
    void findCriticalPath(const Run& run);
    void findFailingRow(const Run& run);

    // One entry per row.
    std::vector<int> m_span;
    std::vector<int> m_merged;
    std::vector<int> m_parent;
    std::vector<int> m_position;
    std::vector<int> m_depth;
    std::vector<double> m_startMs;
    std::vector<double> m_endMs;
    std::vector<SpanStatus> m_status;
    std::vector<int> m_stage;
    std::vector<char> m_critical;
    // Children of every row, contiguous: row r's are m_children[m_childBegin[r + 1] ..
    // m_childBegin[r + 2]); entry 0 is for the top-level rows (row -1).
    std::vector<int> m_childBegin;
    std::vector<int> m_children;
    // Point events of every row, contiguous in the same way (entry r for row r).
    std::vector<int> m_eventBegin;
    std::vector<int> m_events;
    std::vector<int> m_spanRow; // span -> row
    std::vector<int> m_eventRow; // event -> row
    std::vector<int> m_criticalPath;
    int m_failingRow = -1;
};

} // namespace Runlens
