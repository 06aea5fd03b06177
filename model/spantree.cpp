// SPDX-License-Identifier: MIT
#include "spantree.h"

#include "run.h"

#include <algorithm>
#include <cmath>

namespace Runlens {

namespace {

double finiteOrZero(double value)
{
    return std::isfinite(value) ? value : 0.0;
}

} // namespace

SpanStatus spanStatus(const Span& span)
{
    if (span.endEvent < 0)
        return SpanStatus::Unclosed;
    if (span.status == QLatin1String("ok"))
        return SpanStatus::Ok;
    if (span.status == QLatin1String("error"))
        return SpanStatus::Error;
    return SpanStatus::Other;
}

SpanTree::SpanTree(const Run& run)
{
    buildRows(run);
    buildChildren();
    buildEvents(run);
    findCriticalPath(run);
    findFailingRow(run);
}

void SpanTree::buildRows(const Run& run)
{
    static const Atom step(QLatin1String("step"));
    static const Atom operation(QLatin1String("operation"));
    const int count = int(run.spans.size());
    // Parents start before their children and spans are in start order, so a parent has the lower
    // index; any other parent is unknown (a hand-made or damaged run) and its span becomes top-level.
    // That also rules out cycles.
    const auto parentOf = [&run](int s) {
        const int parent = run.spans[size_t(s)].parent;
        return parent >= 0 && parent < s ? parent : -1;
    };
    std::vector<int> childSpans(size_t(count), 0);
    for (int s = 0; s < count; ++s) {
        if (const int parent = parentOf(s); parent >= 0)
            ++childSpans[size_t(parent)];
    }

    std::vector<int> spanStage(size_t(count), -1);
    for (size_t r = 0; r < run.stages.size(); ++r) {
        for (int s : run.stages[r].spans) {
            if (s >= 0 && s < count && spanStage[size_t(s)] < 0)
                spanStage[size_t(s)] = int(r);
        }
    }

    m_spanRow.assign(size_t(count), -1);
    for (int s = 0; s < count; ++s) {
        const Span& span = run.spans[size_t(s)];
        const int parent = parentOf(s);
        const double startMs = finiteOrZero(run.offsetMs(span.startTs));
        const double endMs = std::max(startMs, finiteOrZero(run.offsetMs(span.endTs)));
        if (parent >= 0) {
            // A step and an operation of one name, the one the only scope inside the other, are one
            // thing for a reader: the tool's pair, or a stage span wrapping its operation.
            const Span& outer = run.spans[size_t(parent)];
            const int row = m_spanRow[size_t(parent)];
            const bool pair =
                (span.kind == step && outer.kind == operation) || (span.kind == operation && outer.kind == step);
            if (pair && span.name == outer.name && childSpans[size_t(parent)] == 1 && m_merged[size_t(row)] < 0) {
                m_spanRow[size_t(s)] = row;
                m_merged[size_t(row)] = s;
                m_startMs[size_t(row)] = std::min(m_startMs[size_t(row)], startMs);
                m_endMs[size_t(row)] = std::max(m_endMs[size_t(row)], endMs);
                m_status[size_t(row)] = std::max(m_status[size_t(row)], spanStatus(span));
                if (m_stage[size_t(row)] < 0)
                    m_stage[size_t(row)] = spanStage[size_t(s)];
                continue;
            }
        }
        const int parentRow = parent >= 0 ? m_spanRow[size_t(parent)] : -1;
        m_spanRow[size_t(s)] = int(m_span.size());
        m_span.push_back(s);
        m_merged.push_back(-1);
        m_parent.push_back(parentRow);
        m_depth.push_back(parentRow >= 0 ? m_depth[size_t(parentRow)] + 1 : 0);
        m_startMs.push_back(startMs);
        m_endMs.push_back(endMs);
        m_status.push_back(spanStatus(span));
        m_stage.push_back(spanStage[size_t(s)]);
    }
}

void SpanTree::buildChildren()
{
    // Counting sort by parent: rows are visited in order, so every child list comes out in start order.
    const size_t rows = m_span.size();
    m_childBegin.assign(rows + 2, 0);
    for (int parent : m_parent)
        ++m_childBegin[size_t(parent + 2)];
    for (size_t k = 2; k < m_childBegin.size(); ++k)
        m_childBegin[k] += m_childBegin[k - 1];
    m_children.resize(rows);
    m_position.resize(rows);
    std::vector<int> next(m_childBegin.begin(), m_childBegin.end() - 1);
    for (size_t r = 0; r < rows; ++r) {
        const size_t k = size_t(m_parent[r] + 1);
        m_position[r] = next[k] - m_childBegin[k];
        m_children[size_t(next[k]++)] = int(r);
    }
}

void SpanTree::buildEvents(const Run& run)
{
    const int eventCount = int(run.events.size());
    std::vector<int> startOf(size_t(eventCount), -1);
    std::vector<int> endOf(size_t(eventCount), -1);
    for (int s = 0; s < int(run.spans.size()); ++s) {
        const Span& span = run.spans[size_t(s)];
        if (span.startEvent >= 0 && span.startEvent < eventCount)
            startOf[size_t(span.startEvent)] = s;
        if (span.endEvent >= 0 && span.endEvent < eventCount)
            endOf[size_t(span.endEvent)] = s;
    }

    // Replays the scopes in event order: a point event belongs to the innermost span open at it.
    m_eventRow.assign(size_t(eventCount), -1);
    std::vector<char> isPoint(size_t(eventCount), 0);
    std::vector<int> open;
    std::vector<char> isOpen(run.spans.size(), 0);
    int lastTopLevel = -1;
    for (int i = 0; i < eventCount; ++i) {
        if (const int s = startOf[size_t(i)]; s >= 0) {
            m_eventRow[size_t(i)] = m_spanRow[size_t(s)];
            if (!isOpen[size_t(s)]) {
                open.push_back(s);
                isOpen[size_t(s)] = 1;
            }
            if (m_parent[size_t(m_spanRow[size_t(s)])] < 0)
                lastTopLevel = m_spanRow[size_t(s)];
        }
        if (const int s = endOf[size_t(i)]; s >= 0) {
            m_eventRow[size_t(i)] = m_spanRow[size_t(s)];
            // The spans left unclosed inside it close with it.
            while (isOpen[size_t(s)] && !open.empty()) {
                isOpen[size_t(open.back())] = 0;
                open.pop_back();
            }
        }
        if (startOf[size_t(i)] >= 0 || endOf[size_t(i)] >= 0)
            continue;
        isPoint[size_t(i)] = 1;
        m_eventRow[size_t(i)] = open.empty() ? lastTopLevel : m_spanRow[size_t(open.back())];
    }
    const int firstTopLevel = childCount(-1) > 0 ? child(-1, 0) : -1;
    m_eventBegin.assign(m_span.size() + 1, 0);
    for (int i = 0; i < eventCount; ++i) {
        if (!isPoint[size_t(i)])
            continue;
        if (m_eventRow[size_t(i)] < 0)
            m_eventRow[size_t(i)] = firstTopLevel;
        if (m_eventRow[size_t(i)] >= 0)
            ++m_eventBegin[size_t(m_eventRow[size_t(i)] + 1)];
    }
    for (size_t k = 1; k < m_eventBegin.size(); ++k)
        m_eventBegin[k] += m_eventBegin[k - 1];
    m_events.resize(size_t(m_eventBegin.back()));
    std::vector<int> next(m_eventBegin.begin(), m_eventBegin.end() - 1);
    for (int i = 0; i < eventCount; ++i) {
        if (isPoint[size_t(i)] && m_eventRow[size_t(i)] >= 0)
            m_events[size_t(next[size_t(m_eventRow[size_t(i)])]++)] = i;
    }
}

void SpanTree::findCriticalPath(const Run& run)
{
    m_critical.assign(m_span.size(), 0);
    const auto lastEnding = [this](int parent) {
        int best = -1;
        for (int p = 0; p < childCount(parent); ++p) {
            const int row = child(parent, p);
            if (best < 0 || m_endMs[size_t(row)] > m_endMs[size_t(best)])
                best = row;
        }
        return best;
    };
    int row = run.toolSpan >= 0 ? rowOfSpan(run.toolSpan) : -1;
    if (row < 0)
        row = lastEnding(-1);
    for (; row >= 0; row = lastEnding(row)) {
        m_criticalPath.push_back(row);
        m_critical[size_t(row)] = 1;
    }
}

void SpanTree::findFailingRow(const Run& run)
{
    // The innermost row of a status: one without a descendant of that status. Children come after
    // their parents, so one backwards pass tells every row about its descendants.
    const auto innermost = [this](SpanStatus status, bool last) {
        std::vector<char> below(m_span.size(), 0);
        int found = -1;
        for (int r = rowCount() - 1; r >= 0; --r) {
            const bool has = m_status[size_t(r)] == status;
            if (has && !below[size_t(r)]) {
                // Among failed rows, the one that ended first; among unclosed ones, the latest.
                if (found < 0 || (last ? r > found : m_endMs[size_t(r)] <= m_endMs[size_t(found)]))
                    found = r;
            }
            if ((has || below[size_t(r)]) && m_parent[size_t(r)] >= 0)
                below[size_t(m_parent[size_t(r)])] = 1;
        }
        return found;
    };
    m_failingRow = innermost(SpanStatus::Error, false);
    if (m_failingRow < 0)
        m_failingRow = innermost(SpanStatus::Unclosed, true);
    if (m_failingRow < 0 && run.firstError >= 0)
        m_failingRow = rowOfEvent(run.firstError);
    for (CellStatus status : { CellStatus::Failed, CellStatus::Degraded }) {
        for (const StageCell& cell : run.stages) {
            if (m_failingRow >= 0)
                return;
            if (cell.status == status && !cell.spans.empty())
                m_failingRow = rowOfSpan(cell.spans.front());
        }
    }
}

int SpanTree::childCount(int row) const
{
    if (m_childBegin.empty())
        return 0;
    return m_childBegin[size_t(row + 2)] - m_childBegin[size_t(row + 1)];
}

int SpanTree::child(int row, int position) const
{
    return m_children[size_t(m_childBegin[size_t(row + 1)] + position)];
}

int SpanTree::rowOfSpan(int span) const
{
    return span >= 0 && size_t(span) < m_spanRow.size() ? m_spanRow[size_t(span)] : -1;
}

std::pair<const int*, const int*> SpanTree::events(int row) const
{
    const int* base = m_events.data();
    return { base + m_eventBegin[size_t(row)], base + m_eventBegin[size_t(row + 1)] };
}

int SpanTree::rowOfEvent(int event) const
{
    return event >= 0 && size_t(event) < m_eventRow.size() ? m_eventRow[size_t(event)] : -1;
}

std::vector<int> SpanTree::pathTo(int row) const
{
    std::vector<int> path;
    for (; row >= 0; row = m_parent[size_t(row)])
        path.push_back(row);
    std::reverse(path.begin(), path.end());
    return path;
}

} // namespace Runlens
