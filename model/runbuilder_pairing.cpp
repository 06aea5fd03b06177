// SPDX-License-Identifier: MIT
// The run builder's scope pairing (spec 3.3): starts and ends of operations and steps matched by nesting, one stack per
// run, with the scopes left open and the ends without a start said as problems.
#include "runbuilder_p.h"

namespace Runlens::RunBuild {

// --- 3.3: pair scopes by nesting, one stack per run
void Builder::pairScopes()
{
    struct Open
    {
        Atom kind;
        Atom name;
        int span;
    };
    static const Atom operation(QStringLiteral("operation"));
    static const Atom step(QStringLiteral("step"));
    static const Atom unclosed(QStringLiteral("unclosed"));
    std::vector<Open> stack;
    // Where each (kind, name) is open on the stack, innermost last: an end finds its match in O(1), not by
    // searching the stack, which is quadratic for a run of many nested or orphaned scopes.
    struct KeyHash
    {
        size_t operator()(const std::pair<Atom, Atom>& key) const { return qHashMulti(0, key.first, key.second); }
    };
    std::unordered_map<std::pair<Atom, Atom>, std::vector<int>, KeyHash> openAt;
    const auto pop = [&] {
        std::vector<int>& positions = openAt[{ stack.back().kind, stack.back().name }];
        positions.pop_back();
        stack.pop_back();
    };
    startOf.assign(run.events.size(), -1);
    endOf.assign(run.events.size(), -1);
    const double lastTs = run.events.empty() ? 0 : run.events.back().ts;
    // A span per scope start (plus the rare orphan end): sized once, not grown by doubling.
    run.spans.reserve(size_t(std::count_if(run.events.begin(), run.events.end(), [](const Event& e) {
        return e.type->endsWith(QLatin1String(".start"))
            && (e.type->startsWith(QLatin1String("operation.")) || e.type->startsWith(QLatin1String("step.")));
    })));
    for (int i = 0; i < int(run.events.size()); ++i) {
        const Event& e = run.events[size_t(i)];
        const bool isOperation = e.type->startsWith(QLatin1String("operation."));
        const bool isStep = e.type->startsWith(QLatin1String("step."));
        if (!isOperation && !isStep)
            continue;
        const Atom kind = isOperation ? operation : step;
        const QStringView suffix = QStringView(e.type.toString()).mid(kind->size());
        if (suffix == u".start") {
            Span span;
            span.kind = kind;
            span.name = e.name;
            span.startEvent = i;
            span.startTs = e.ts;
            span.endTs = lastTs;
            span.durationMs = (lastTs - e.ts) * 1000.0;
            span.status = unclosed;
            span.parent = stack.empty() ? -1 : stack.back().span;
            span.depth = int(stack.size());
            run.spans.push_back(span);
            startOf[size_t(i)] = int(run.spans.size() - 1);
            openAt[{ kind, e.name }].push_back(int(stack.size()));
            stack.push_back({ kind, e.name, int(run.spans.size() - 1) });
        } else if (suffix == u".end") {
            const auto open = openAt.find({ kind, e.name });
            const int match = open == openAt.end() || open->second.empty() ? -1 : open->second.back();
            if (match < 0) {
                Span span;
                span.kind = kind;
                span.name = e.name;
                span.endEvent = i;
                span.startTs = e.hasDuration() ? e.ts - e.durationMs / 1000.0 : e.ts;
                span.endTs = e.ts;
                span.durationMs = e.hasDuration() ? e.durationMs : 0;
                span.status = e.status;
                span.message = e.message;
                span.parent = stack.empty() ? -1 : stack.back().span;
                span.depth = int(stack.size());
                run.spans.push_back(span);
                endOf[size_t(i)] = int(run.spans.size() - 1);
                addProblem(
                    { Diagnostic::Severity::Warning, run.location(i).section(QLatin1Char(':'), 0, -2), e.line, e.offset,
                        Tr::tr("%1 \"%2\" has no matching start").arg(e.type, e.name), QStringLiteral("orphan-end") });
                continue;
            }
            for (int k = int(stack.size()) - 1; k > match; --k) {
                reportUnclosed(stack[size_t(k)].span);
                pop();
            }
            Span& span = run.spans[size_t(stack[size_t(match)].span)];
            span.endEvent = i;
            span.endTs = e.ts;
            span.durationMs = e.hasDuration() ? e.durationMs : (e.ts - span.startTs) * 1000.0;
            span.status = e.status;
            span.message = e.message;
            endOf[size_t(i)] = stack[size_t(match)].span;
            pop();
        }
    }
    for (const Open& open : stack) {
        openAtEnd.push_back(open.span);
        // In a file still being written, a scope open at the last line is in progress.
        if (!extras.live)
            reportUnclosed(open.span);
    }
}

void Builder::reportUnclosed(int spanIndex)
{
    const Span& span = run.spans[size_t(spanIndex)];
    const Event& e = run.events[size_t(span.startEvent)];
    addProblem({ Diagnostic::Severity::Warning, bufferName(span.startEvent), e.line, e.offset,
        Tr::tr("%1 scope \"%2\" started at %3 has no end line").arg(span.kind, span.name, formatTs(span.startTs)),
        QStringLiteral("unclosed-scope") });
}

void Builder::countUnlistedProblems()
{
    if (unlistedProblems > 0)
        run.problems.append({ Diagnostic::Severity::Warning, {}, 0, -1,
            Tr::tr("%n further problems of this run not listed", nullptr, int(unlistedProblems)) });
}

} // namespace Runlens::RunBuild
