// SPDX-License-Identifier: MIT
// The run builder's stage grid (spec 11.3 to 11.5, 11.2 live): scopes mapped to rows, timeline and stored evidence
// collected, each cell decided.
#include "runbuilder_p.h"

namespace Runlens::RunBuild {

// --- 11.3: which row a scope belongs to
QString Builder::rowForScope(int spanIndex, bool insideHydrate)
{
    const Span& span = run.spans[size_t(spanIndex)];
    return rowForScopeName(span.kind, span.name, span.startEvent >= 0 ? span.startEvent : span.endEvent, insideHydrate);
}

// attrEvent: the line whose attrs tell variants apart (search.faiss, plugin channels); -1 for none.
QString Builder::rowForScopeName(const QString& kind, const QString& name, int attrEvent, bool insideHydrate)
{
    if (kind == QLatin1String("operation") && name.startsWith(QLatin1String("mcp.tool:")))
        return {};
    if (is(name, "vllm.embed_batch") || is(name, "embed.vllm") || is(name, "search.embed"))
        return kEmbed;
    if (is(name, "search.faiss"))
        return attrEvent >= 0 && noted(attrEvent, Event::InputHits, "input_hits", false) ? kGather : kDense;
    if (is(name, "faiss.search") || name.startsWith(QLatin1String("faiss.search.")))
        return kDense;
    if (is(name, "search.bm25"))
        return kBm25;
    if (is(name, "search.splade"))
        return kSplade;
    if (is(name, "retrieval.gather_channels"))
        return kGather;
    if (is(name, "retrieval.fuse") || is(name, "fusion.rrf") || is(name, "fusion.pool") || is(name, "search.rrf_fuse"))
        return kFuse;
    if (is(name, "hydrate.duckdb") || is(name, "catalog.hydrate") || name.startsWith(QLatin1String("hydrate."))
        || is(name, "duckdb.query_by_uri") || is(name, "duckdb.get_embeddings_by_ids"))
        return kHydrate;
    if (is(name, "retrieval.coderank_llm") || is(name, "retrieval.rerank_exact"))
        return kRerank;
    if (is(name, "git.blame") || is(name, "git.file_history"))
        return name;
    if (is(name, "sql.exec") && insideHydrate)
        return kHydrate;
    if (name.startsWith(QLatin1String("search.")) && kind == QLatin1String("step") && attrEvent >= 0) {
        const QJsonValue channel = attr(attrEvent, "channel");
        if (channel.isString())
            return channelRow(channel.toString());
    }
    return {};
}

void Builder::mapSpans()
{
    spanRow.assign(run.spans.size(), -1);
    // Parents come before children in run.spans, so whether a span is inside a hydrate scope follows from
    // its parent's answer: one step per span, not a walk up every ancestor.
    std::vector<char> insideHydrate(run.spans.size(), 0);
    for (int s = 0; s < int(run.spans.size()); ++s) {
        const int parent = run.spans[size_t(s)].parent;
        if (parent >= 0)
            insideHydrate[size_t(s)] = insideHydrate[size_t(parent)]
                || (spanRow[size_t(parent)] >= 0 && rowOrder[spanRow[size_t(parent)]] == kHydrate);
        const QString name = rowForScope(s, insideHydrate[size_t(s)]);
        if (!name.isEmpty()) {
            spanRow[size_t(s)] = row(name);
            run.stages[size_t(spanRow[size_t(s)])].spans.push_back(s);
        }
    }
}

// --- 11.4: timeline evidence
void Builder::collectTimelineEvidence(bool cutOff)
{
    // Spans open at the current event, innermost last, each with the innermost mapped row at its depth, so
    // that neither a lookup nor an end walks the whole stack.
    struct Open
    {
        int span;
        int innermostRow;
    };
    std::vector<Open> open;
    std::vector<int> openPosition(run.spans.size(), -1); // index into `open`; -1 when not open (orphan ends)
    auto innermostRow = [&]() { return open.empty() ? -1 : open.back().innermostRow; };
    for (int i = 0; i < int(run.events.size()); ++i) {
        const Event& e = run.events[size_t(i)];
        if (startOf[size_t(i)] >= 0) {
            const int s = startOf[size_t(i)];
            openPosition[size_t(s)] = int(open.size());
            open.push_back({ s, spanRow[size_t(s)] >= 0 ? spanRow[size_t(s)] : innermostRow() });
            if (spanRow[size_t(s)] >= 0 && rowOrder[spanRow[size_t(s)]] == kDense
                && noted(i, Event::FaissGpuFalse, "faiss.gpu", true))
                addEvidence(spanRow[size_t(s)],
                    timelineEvidence(Evidence::Kind::Degraded, i, Tr::tr("FAISS ran on CPU (faiss.gpu false)")));
            continue;
        }
        if (endOf[size_t(i)] >= 0) {
            const int s = endOf[size_t(i)];
            // The span ending and the scopes left unclosed inside it close; each is removed once.
            if (const int position = openPosition[size_t(s)]; position >= 0) {
                while (int(open.size()) > position) {
                    openPosition[size_t(open.back().span)] = -1;
                    open.pop_back();
                }
            }
            const int r = spanRow[size_t(s)];
            if (r >= 0) {
                Evidence ev = timelineEvidence(
                    e.isError() ? Evidence::Kind::Failed : Evidence::Kind::Ran, i, e.isError() ? e.message : Atom());
                ev.span = s;
                addEvidence(r, ev);
                continue;
            }
            if (e.isError())
                attributeError(i, innermostRow());
            continue;
        }
        pointEvidence(i, e, innermostRow());
    }
    if (!cutOff)
        return;
    for (int s = 0; s < int(run.spans.size()); ++s) {
        const Span& span = run.spans[size_t(s)];
        if (span.endEvent >= 0 || spanRow[size_t(s)] < 0)
            continue;
        Evidence ev = timelineEvidence(Evidence::Kind::Failed, span.startEvent,
            Tr::tr("interrupted: started at %1, no end line").arg(formatTs(span.startTs)));
        ev.span = s;
        addEvidence(spanRow[size_t(s)], ev);
    }
}

void Builder::attributeError(int event, int innermost)
{
    const Event& e = run.events[size_t(event)];
    const Atom reason = e.message.isEmpty() ? Atom(e.type + QLatin1Char(' ') + e.name) : e.message;
    if (innermost >= 0)
        addEvidence(innermost, timelineEvidence(Evidence::Kind::Failed, event, reason));
    else
        runFailures.push_back({ e.ts, event, reason });
}

void Builder::pointEvidence(int i, const Event& e, int innermost)
{
    const QString& type = e.type;
    if (is(type, "channel")) {
        const QString channel = attr(i, "name").toString();
        if (channel.isEmpty())
            return;
        const int r = row(channelRow(channel));
        if (is(e.name, "channel.run")) {
            addEvidence(r, timelineEvidence(Evidence::Kind::Ran, i));
        } else if (is(e.name, "channel.skip")) {
            const QString why = attr(i, "reason").toString();
            QString reason = why;
            const QJsonArray missing = attr(i, "missing").toArray();
            if (!missing.isEmpty()) {
                QStringList names;
                for (const QJsonValue& m : missing)
                    names.append(m.toString());
                reason += QLatin1String(" (missing ") + names.join(QLatin1String(", ")) + QLatin1Char(')');
            }
            const QString message = attr(i, "message").toString();
            if (!message.isEmpty())
                reason += QLatin1String(": ") + message;
            const bool deliberate = is(why, "disabled") || is(why, "capability_off");
            addEvidence(
                r, timelineEvidence(deliberate ? Evidence::Kind::Skipped : Evidence::Kind::Degraded, i, reason));
        }
        return;
    }
    if (is(type, "faiss.search.start") || is(type, "faiss.search.end")) {
        const int r = row(kDense);
        if (noted(i, Event::UseGpuFalse, "use_gpu", true))
            addEvidence(r, timelineEvidence(Evidence::Kind::Degraded, i, Tr::tr("FAISS ran on CPU (use_gpu false)")));
        if (is(type, "faiss.search.end"))
            addEvidence(r, timelineEvidence(e.isError() ? Evidence::Kind::Failed : Evidence::Kind::Ran, i, e.message));
        else
            addEvidence(r, timelineEvidence(Evidence::Kind::Info, i));
        return;
    }
    if (is(type, "hybrid.channels.collected")) {
        addEvidence(row(kGather), timelineEvidence(Evidence::Kind::Ran, i));
        return;
    }
    if (is(type, "hybrid.semantic.run")) {
        addEvidence(row(kGather), timelineEvidence(Evidence::Kind::Info, i));
        return;
    }
    if (is(type, "hybrid.fuse.result")) {
        addEvidence(row(kFuse), timelineEvidence(Evidence::Kind::Ran, i));
        return;
    }
    if (is(type, "hybrid.fuse.start") || is(type, "hybrid.fuse.rrf") || is(type, "hybrid.fuse.pool")
        || is(type, "hybrid.debug_bundle")) {
        addEvidence(row(kFuse), timelineEvidence(Evidence::Kind::Info, i));
        return;
    }
    if (is(type, "duckdb.hydrate.end") || is(type, "hydration.end")) {
        addEvidence(
            row(kHydrate), timelineEvidence(e.isError() ? Evidence::Kind::Failed : Evidence::Kind::Ran, i, e.message));
        return;
    }
    if (is(type, "duckdb.hydrate.start") || is(type, "hydration.start")) {
        addEvidence(row(kHydrate), timelineEvidence(Evidence::Kind::Info, i));
        return;
    }
    if (is(type, "rerank.end")) {
        addEvidence(row(kRerank), timelineEvidence(Evidence::Kind::Ran, i));
        return;
    }
    if (is(type, "rerank.decision")) {
        if (noted(i, Event::EnabledFalse, "enabled", true))
            addEvidence(row(kRerank), timelineEvidence(Evidence::Kind::Skipped, i, attr(i, "reason").toString()));
        else
            addEvidence(row(kRerank), timelineEvidence(Evidence::Kind::Info, i));
        return;
    }
    if (is(type, "rerank.start")) {
        addEvidence(row(kRerank), timelineEvidence(Evidence::Kind::Info, i));
        return;
    }
    if (is(type, "error")) {
        // An error event names the scope that failed (embed.vllm -> embed).
        const QString r = rowForScopeName(QStringLiteral("step"), e.name, -1, false);
        const QString reason = e.message.isEmpty() ? e.name : e.message;
        if (!r.isEmpty())
            addEvidence(row(r), timelineEvidence(Evidence::Kind::Failed, i, reason));
        else
            attributeError(i, innermost);
        return;
    }
    if (is(type, "runtime.init.err")) {
        const QString r = rowForCell(e.name);
        const QString errorClass = attr(i, "error").toString();
        const QString reason = Tr::tr("runtime cell %1 failed to initialise%2")
                                   .arg(e.name, errorClass.isEmpty() ? QString() : QLatin1String(": ") + errorClass);
        if (!r.isEmpty() && run.toolSpan >= 0)
            addEvidence(row(r), timelineEvidence(Evidence::Kind::Failed, i, reason));
        else
            runFailures.push_back({ e.ts, i, reason });
        return;
    }
    if (innermost >= 0 && rowOrder[innermost] == kHydrate
        && (is(type, "io") || is(type, "duckdb.scope_filter") || is(type, "duckdb.query.limit")
            || is(type, "duckdb.embeddings"))) {
        addEvidence(
            innermost, timelineEvidence(e.isError() ? Evidence::Kind::Failed : Evidence::Kind::Info, i, e.message));
        return;
    }
    if (e.isError())
        attributeError(i, innermost);
}

// --- 11.4: stored evidence (checkpoints, seed stages, structured records, hints, seed context)
void Builder::collectStoredEvidence()
{
    if (run.checkpointsStored) {
        for (int p = 0; p < int(run.checkpoints.size()); ++p) {
            const Checkpoint& cp = run.checkpoints[size_t(p)];
            const int r = row(rowForCheckpoint(cp.name));
            Evidence ev;
            ev.source = std::isnan(cp.latencyS) && !extras.seedGpuReady.has_value() && !isSeedName(cp.name)
                ? QStringLiteral("checkpoint")
                : QStringLiteral("seed stage");
            ev.position = p;
            ev.kind = cp.ok ? Evidence::Kind::Ran : Evidence::Kind::Failed;
            ev.text = cp.name + (cp.ok ? QLatin1String(" ok") : QLatin1String(" not ok"));
            ev.reason = cp.reason;
            addEvidence(r, ev);
            const QJsonValue gpu = cp.attrs.contains(QLatin1String("gpu_ready"))
                ? cp.attrs.value(QLatin1String("gpu_ready"))
                : cp.attrs.value(QLatin1String("faiss.gpu"));
            if (rowOrder[r] == kDense && gpu == QJsonValue(false)) {
                ev.kind = Evidence::Kind::Degraded;
                ev.reason = Tr::tr("FAISS GPU not ready; ran on CPU");
                addEvidence(r, ev);
            }
        }
    }
    for (int p = 0; p < int(extras.structuredEvents.size()); ++p) {
        const QJsonObject record = extras.structuredEvents.at(p).toObject();
        const QString r = rowForStructuredKind(record.value(QLatin1String("kind")).toString());
        if (r.isEmpty())
            continue;
        const QString status = record.value(QLatin1String("status")).toString();
        Evidence ev;
        ev.source = QStringLiteral("structured");
        ev.position = p;
        ev.text = record.value(QLatin1String("kind")).toString() + QLatin1Char(' ') + status;
        ev.reason = record.value(QLatin1String("detail")).toString();
        if (is(status, "completed"))
            ev.kind = Evidence::Kind::Ran;
        else if (is(status, "failed") || is(status, "timed_out"))
            ev.kind = Evidence::Kind::Failed;
        else if (is(status, "skipped"))
            ev.kind = Evidence::Kind::Skipped;
        else if (is(status, "degraded"))
            ev.kind = Evidence::Kind::Degraded;
        else
            continue;
        addEvidence(row(r), ev);
    }
    if (extras.hints) {
        for (const StoredHint& hint : *extras.hints) {
            if (!hint.kind.startsWith(QLatin1String("degrade:")))
                continue;
            Evidence ev;
            ev.kind = Evidence::Kind::Degraded;
            ev.source = QStringLiteral("hint");
            ev.text = hint.kind;
            ev.reason = hint.msg;
            addEvidence(row(is(hint.kind, "degrade:faiss-cpu") ? kDense : hint.kind.mid(8)), ev);
        }
    }
}

// --- 11.5: evidence to cells
void Builder::decideCells()
{
    // Background runs have no grid: their rows were cleared, and rowIndex would point past the end.
    const int gather = run.stages.empty() ? -1 : rowIndex.value(kGather, -1);
    const bool gatherRan = gather >= 0
        && std::any_of(run.stages[size_t(gather)].evidence.begin(), run.stages[size_t(gather)].evidence.end(),
            [](const Evidence& ev) { return ev.kind == Evidence::Kind::Ran; });
    for (StageCell& cell : run.stages) {
        auto first = [&cell](Evidence::Kind kind) -> const Evidence* {
            // Timeline evidence first (it has time), then stored sources in list order.
            const Evidence* best = nullptr;
            for (const Evidence& ev : cell.evidence) {
                if (ev.kind != kind)
                    continue;
                if (!best || (ev.source == QLatin1String("timeline") && best->source != QLatin1String("timeline"))
                    || (ev.source == best->source && ev.ts < best->ts))
                    best = &ev;
            }
            return best;
        };
        const bool channelRowName =
            cell.stage->startsWith(QLatin1String("sparse:")) || cell.stage->startsWith(QLatin1String("channel:"));
        if (const Evidence* f = first(Evidence::Kind::Failed)) {
            cell.status = channelRowName && gatherRan ? CellStatus::Degraded : CellStatus::Failed;
            cell.reason = f->reason;
        } else if (const Evidence* d = first(Evidence::Kind::Degraded)) {
            cell.status = CellStatus::Degraded;
            cell.reason = d->reason;
        } else if (first(Evidence::Kind::Ran)) {
            cell.status = CellStatus::Ran;
        } else if (const Evidence* s = first(Evidence::Kind::Skipped)) {
            cell.status = CellStatus::Skipped;
            cell.reason = s->reason;
            for (const Evidence& ev : cell.evidence) {
                if (ev.kind == Evidence::Kind::Skipped && ev.source != s->source && ev.reason != s->reason) {
                    cell.secondaryReason = ev.reason;
                    break;
                }
            }
        }
        for (int s : cell.spans) {
            const Span& span = run.spans[size_t(s)];
            if (span.isClosed() && (std::isnan(cell.durationMs) || span.durationMs > cell.durationMs))
                cell.durationMs = span.durationMs;
        }
        if (std::isnan(cell.durationMs)) {
            for (const Checkpoint& cp : run.checkpoints) {
                if (!std::isnan(cp.latencyS) && rowForCheckpoint(cp.name) == cell.stage) {
                    cell.durationMs = cp.latencyS * 1000.0;
                    break;
                }
            }
        }
    }
}

// --- 11.2, live mode only: a row whose scope is still open is running, unless it already failed
void Builder::markRunningCells()
{
    for (int s : openAtEnd) {
        const int r = spanRow[size_t(s)];
        if (r < 0 || run.stages.empty() || run.stages[size_t(r)].status == CellStatus::Failed)
            continue;
        const Span& span = run.spans[size_t(s)];
        StageCell& cell = run.stages[size_t(r)];
        cell.status = CellStatus::Running;
        Evidence ev = timelineEvidence(Evidence::Kind::Info, span.startEvent,
            Tr::tr("running: started at %1, no end line yet").arg(formatTs(span.startTs)));
        ev.span = s;
        cell.evidence.push_back(ev);
    }
}

} // namespace Runlens::RunBuild
