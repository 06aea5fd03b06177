// SPDX-License-Identifier: MIT
#include "runbuilder.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <unordered_map>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::RunBuilder)
};

const QString kEmbed = QStringLiteral("embed");
const QString kDense = QStringLiteral("dense");
const QString kBm25 = QStringLiteral("sparse:bm25");
const QString kSplade = QStringLiteral("sparse:splade");
const QString kGather = QStringLiteral("gather");
const QString kFuse = QStringLiteral("fuse");
const QString kHydrate = QStringLiteral("hydrate");
const QString kRerank = QStringLiteral("rerank");

bool is(const QString& value, const char* literal)
{
    return value == QLatin1String(literal);
}

QString channelRow(const QString& channel)
{
    if (is(channel, "bm25"))
        return kBm25;
    if (is(channel, "splade"))
        return kSplade;
    return QStringLiteral("channel:") + channel;
}

// The checkpoint a scope records when it exits (spec 6.2), for timeline-only runs.
QString checkpointForScope(const QString& name)
{
    static const QHash<QString, QString> map = {
        { QStringLiteral("vllm.embed_batch"), QStringLiteral("search.embed") },
        { QStringLiteral("search.embed"), QStringLiteral("search.embed") },
        { QStringLiteral("search.faiss"), QStringLiteral("search.faiss") },
        { QStringLiteral("search.bm25"), QStringLiteral("search.bm25") },
        { QStringLiteral("search.splade"), QStringLiteral("search.splade") },
        { QStringLiteral("retrieval.gather_channels"), QStringLiteral("retrieval.gather") },
        { QStringLiteral("search.rrf_fuse"), QStringLiteral("search.rrf_fuse") },
        { QStringLiteral("retrieval.fuse"), QStringLiteral("retrieval.fuse") },
        { QStringLiteral("catalog.hydrate"), QStringLiteral("catalog.hydrate") },
        { QStringLiteral("hydrate.duckdb"), QStringLiteral("hydrate.duckdb") },
        { QStringLiteral("retrieval.coderank_llm"), QStringLiteral("coderank_llm") },
        { QStringLiteral("retrieval.rerank_exact"), QStringLiteral("rerank.exact") },
        { QStringLiteral("git.blame"), QStringLiteral("git.blame") },
        { QStringLiteral("git.file_history"), QStringLiteral("git.file_history") },
    };
    return map.value(name);
}

QString rowForCell(const QString& cell)
{
    if (is(cell, "coderank-faiss"))
        return kDense;
    if (is(cell, "hybrid-engine"))
        return kGather;
    if (is(cell, "xtr-index"))
        return kRerank;
    if (is(cell, "inprocess-vllm"))
        return kEmbed;
    return {};
}

QString rowForStructuredKind(const QString& kind)
{
    if (is(kind, "vllm.embed_batch"))
        return kEmbed;
    if (is(kind, "faiss.search"))
        return kDense;
    if (is(kind, "bm25.search"))
        return kBm25;
    if (is(kind, "splade.search"))
        return kSplade;
    if (is(kind, "retrieval.gather_channels"))
        return kGather;
    if (is(kind, "retrieval.fuse"))
        return kFuse;
    if (kind.startsWith(QLatin1String("duckdb.")))
        return kHydrate;
    if (is(kind, "retrieval.rerank"))
        return kRerank;
    return {};
}

QString formatTs(double ts)
{
    // Epoch seconds to the microsecond; a wild value (1e300 from a broken writer) in exponent form, not
    // as three hundred digits.
    return std::abs(ts) < 1e12 ? QString::number(ts, 'f', 6) : QString::number(ts, 'g', 17);
}

// The evidence text of events of one (type, name, status).
struct EvidenceKey
{
    Atom type, name, status;
    bool operator==(const EvidenceKey& other) const
    {
        return type == other.type && name == other.name && status == other.status;
    }
};

struct EvidenceKeyHash
{
    size_t operator()(const EvidenceKey& key) const { return qHashMulti(0, key.type, key.name, key.status); }
};

struct Builder
{
    Run& run;
    const RunExtras& extras;
    QStringList rowOrder;
    QHash<QString, int> rowIndex;
    std::vector<int> spanRow; // row index per span, -1 when unmapped
    std::vector<int> startOf, endOf; // span index per event, -1 when none
    std::vector<int> openAtEnd; // spans still open after the last line, outermost first
    struct RunFailure
    {
        double ts;
        int event;
        QString message;
    };
    std::vector<RunFailure> runFailures;

    // One member of an event's attrs; Run::attr keeps the last line parsed, so several members of one
    // line cost one parse, and no QJsonObject is built for the whole attrs.
    QJsonValue attr(int event, const char* key) const { return run.attr(event, QLatin1StringView(key)); }
    // A fact the reader noted while parsing the line (Event::attrKeys); parsed again only for events made
    // another way. `isFalse`: the member is exactly false; otherwise: the member is there.
    bool noted(int event, Event::AttrKey fact, const char* key, bool isFalse) const
    {
        const quint16 keys = run.events[size_t(event)].attrKeys;
        if (keys & Event::KeysNoted)
            return keys & fact;
        const QJsonValue value = attr(event, key);
        return isFalse ? value == QJsonValue(false) : !value.isUndefined();
    }

    bool isStagedSpan(int event) const
    {
        const quint16 keys = run.events[size_t(event)].attrKeys;
        if (keys & Event::KeysNoted)
            return keys & Event::SpanContext;
        return std::any_of(spanContextKeys.begin(), spanContextKeys.end(),
            [&](const char* key) { return !attr(event, key).isUndefined(); });
    }

    int row(const QString& name)
    {
        auto it = rowIndex.constFind(name);
        if (it != rowIndex.constEnd())
            return *it;
        rowOrder.append(name);
        run.stages.push_back(StageCell { name, CellStatus::NotReached, {}, {}, NAN, {}, {} });
        rowIndex.insert(name, int(rowOrder.size() - 1));
        return int(rowOrder.size() - 1);
    }

    void addEvidence(int rowIdx, Evidence evidence)
    {
        run.stages[size_t(rowIdx)].evidence.push_back(std::move(evidence));
    }

    Evidence timelineEvidence(Evidence::Kind kind, int event, Atom reason = {})
    {
        static const Atom timeline(QStringLiteral("timeline"));
        const Event& e = run.events[size_t(event)];
        Evidence ev;
        ev.kind = kind;
        ev.source = timeline;
        ev.event = event;
        ev.ts = e.ts;
        ev.text = evidenceText(e);
        ev.reason = reason;
        return ev;
    }

    // "type name (status)". The same few texts recur in every run: interned once per thread instead of
    // built for each evidence (a million-line timeline has over half a million).
    static Atom evidenceText(const Event& e)
    {
        thread_local std::unordered_map<EvidenceKey, Atom, EvidenceKeyHash> texts;
        const EvidenceKey key { e.type, e.name, e.status };
        const auto it = texts.find(key);
        if (it != texts.end())
            return it->second;
        if (texts.size() >= 4096)
            texts.clear();
        return texts
            .emplace(key, Atom(e.type + QLatin1Char(' ') + e.name + QLatin1String(" (") + e.status + QLatin1Char(')')))
            .first->second;
    }

    // --- 3.3: pair scopes by nesting, one stack per run
    void pairScopes()
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
                    addProblem({ Diagnostic::Severity::Warning, run.location(i).section(QLatin1Char(':'), 0, -2),
                        e.line, e.offset, Tr::tr("%1 \"%2\" has no matching start").arg(e.type, e.name),
                        QStringLiteral("orphan-end") });
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

    qint64 unlistedProblems = 0;

    void addProblem(Diagnostic problem)
    {
        if (run.problems.size() < kMaxListedProblems)
            run.problems.append(std::move(problem));
        else
            ++unlistedProblems;
    }

    void countUnlistedProblems()
    {
        if (unlistedProblems > 0)
            run.problems.append({ Diagnostic::Severity::Warning, {}, 0, -1,
                Tr::tr("%n further problems of this run not listed", nullptr, int(unlistedProblems)) });
    }

    void reportUnclosed(int spanIndex)
    {
        const Span& span = run.spans[size_t(spanIndex)];
        const Event& e = run.events[size_t(span.startEvent)];
        addProblem({ Diagnostic::Severity::Warning, bufferName(span.startEvent), e.line, e.offset,
            Tr::tr("%1 scope \"%2\" started at %3 has no end line").arg(span.kind, span.name, formatTs(span.startTs)),
            QStringLiteral("unclosed-scope") });
    }

    QString bufferName(int event) const
    {
        const Event& e = run.events[size_t(event)];
        if (e.buffer < 0 || size_t(e.buffer) >= run.buffers.size())
            return {};
        return run.buffers[size_t(e.buffer)]->name;
    }

    // --- 11.3: which row a scope belongs to
    QString rowForScope(int spanIndex, bool insideHydrate)
    {
        const Span& span = run.spans[size_t(spanIndex)];
        return rowForScopeName(
            span.kind, span.name, span.startEvent >= 0 ? span.startEvent : span.endEvent, insideHydrate);
    }

    // attrEvent: the line whose attrs tell variants apart (search.faiss, plugin channels); -1 for none.
    QString rowForScopeName(const QString& kind, const QString& name, int attrEvent, bool insideHydrate)
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
        if (is(name, "retrieval.fuse") || is(name, "fusion.rrf") || is(name, "fusion.pool")
            || is(name, "search.rrf_fuse"))
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

    void mapSpans()
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
    void collectTimelineEvidence(bool cutOff)
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
                    Evidence ev = timelineEvidence(e.isError() ? Evidence::Kind::Failed : Evidence::Kind::Ran, i,
                        e.isError() ? e.message : Atom());
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

    void attributeError(int event, int innermost)
    {
        const Event& e = run.events[size_t(event)];
        const Atom reason = e.message.isEmpty() ? Atom(e.type + QLatin1Char(' ') + e.name) : e.message;
        if (innermost >= 0)
            addEvidence(innermost, timelineEvidence(Evidence::Kind::Failed, event, reason));
        else
            runFailures.push_back({ e.ts, event, reason });
    }

    void pointEvidence(int i, const Event& e, int innermost)
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
                addEvidence(
                    r, timelineEvidence(Evidence::Kind::Degraded, i, Tr::tr("FAISS ran on CPU (use_gpu false)")));
            if (is(type, "faiss.search.end"))
                addEvidence(
                    r, timelineEvidence(e.isError() ? Evidence::Kind::Failed : Evidence::Kind::Ran, i, e.message));
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
            addEvidence(row(kHydrate),
                timelineEvidence(e.isError() ? Evidence::Kind::Failed : Evidence::Kind::Ran, i, e.message));
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
            const QString reason =
                Tr::tr("runtime cell %1 failed to initialise%2")
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
    void collectStoredEvidence()
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

    static bool isSeedName(const QString& name)
    {
        static const QStringList seed = { QStringLiteral("vllm.embed"), QStringLiteral("faiss.search"),
            QStringLiteral("bm25.search"), QStringLiteral("splade.search"), QStringLiteral("gather.channels"),
            QStringLiteral("fuse.rrf"), QStringLiteral("hydrate.catalog") };
        return seed.contains(name);
    }

    // --- 11.5: evidence to cells
    void decideCells()
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
    void markRunningCells()
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

    // --- 11.6: first failure, stopped after, status, stop reason
    void decideOutcome(bool cutOff, bool running)
    {
        double firstFailureTs = INFINITY;
        int firstFailurePosition = INT_MAX;
        for (const StageCell& cell : run.stages) {
            if (cell.status == CellStatus::Degraded)
                continue; // a channel failure the run survived (11.5) did not stop it
            for (const Evidence& ev : cell.evidence) {
                if (ev.kind != Evidence::Kind::Failed)
                    continue;
                if (ev.source == QLatin1String("timeline") && ev.ts < firstFailureTs) {
                    firstFailureTs = ev.ts;
                    run.firstError = ev.event;
                } else if (ev.source != QLatin1String("timeline") && ev.position < firstFailurePosition) {
                    firstFailurePosition = ev.position;
                }
            }
        }
        for (const RunFailure& failure : runFailures) {
            if (failure.ts < firstFailureTs) {
                firstFailureTs = failure.ts;
                run.firstError = failure.event;
            }
        }
        if (run.toolSpan >= 0 && run.spans[size_t(run.toolSpan)].status == QLatin1String("error")) {
            const Span& tool = run.spans[size_t(run.toolSpan)];
            if (tool.endTs < firstFailureTs) {
                firstFailureTs = tool.endTs;
                run.firstError = tool.endEvent;
            }
        }

        bool anyTimelineRan = false;
        double latest = -INFINITY;
        for (int r = 0; r < int(run.stages.size()); ++r) {
            const StageCell& cell = run.stages[size_t(r)];
            if (cell.status == CellStatus::Skipped)
                continue;
            for (const Evidence& ev : cell.evidence) {
                if (ev.kind != Evidence::Kind::Ran || ev.source != QLatin1String("timeline"))
                    continue;
                anyTimelineRan = true;
                if (ev.ts < firstFailureTs && ev.ts >= latest) {
                    latest = ev.ts;
                    run.stoppedAfter = cell.stage;
                }
            }
        }
        if (!anyTimelineRan && run.events.empty()) {
            int latestPosition = -1;
            for (const StageCell& cell : run.stages) {
                if (cell.status == CellStatus::Skipped)
                    continue;
                for (const Evidence& ev : cell.evidence) {
                    if (ev.kind == Evidence::Kind::Ran && ev.source != QLatin1String("timeline")
                        && ev.position < firstFailurePosition && ev.position > latestPosition) {
                        latestPosition = ev.position;
                        run.stoppedAfter = cell.stage;
                    }
                }
            }
        }

        if (run.toolSpan >= 0) {
            const Span& tool = run.spans[size_t(run.toolSpan)];
            if (running)
                run.status = RunStatus::Running;
            else if (cutOff)
                run.status = RunStatus::CutOff;
            else if (tool.status == QLatin1String("error"))
                run.status = RunStatus::Error;
            else
                run.status = RunStatus::Complete;
        } else if (run.events.empty() && extras.hasReport) {
            // A report without timeline lines: its own word is all there is.
            run.status = is(extras.reportStatus, "error") ? RunStatus::Error
                : is(extras.reportStatus, "complete")     ? RunStatus::Complete
                                                          : RunStatus::Background;
        } else {
            run.status = RunStatus::Background;
        }

        if (run.status == RunStatus::Error) {
            if (extras.reportStopReason && !extras.reportStopReason->isEmpty()) {
                run.stopReason = *extras.reportStopReason;
            } else if (run.toolSpan >= 0 && !run.spans[size_t(run.toolSpan)].message.isEmpty()) {
                run.stopReason = run.spans[size_t(run.toolSpan)].message;
                const QString errorClass = structuredErrorClass();
                if (!errorClass.isEmpty())
                    run.stopReason = errorClass + QLatin1String(": ") + run.stopReason;
            } else {
                for (const StageCell& cell : run.stages) {
                    if (cell.status == CellStatus::Failed && !cell.reason.isEmpty()) {
                        run.stopReason = cell.reason;
                        break;
                    }
                }
            }
        } else if (run.status == RunStatus::CutOff) {
            run.stopReason = run.stoppedAfter.isEmpty() ? Tr::tr("cut off before the first stage")
                                                        : Tr::tr("cut off after %1").arg(run.stoppedAfter);
        }
    }

    QString structuredErrorClass() const
    {
        const QString tool = run.tool;
        for (const QJsonValue& value : extras.structuredEvents) {
            const QJsonObject record = value.toObject();
            const QString kind = record.value(QLatin1String("kind")).toString();
            if ((is(kind, "tool.error") || kind.endsWith(QLatin1String(".error")))
                && record.value(QLatin1String("detail")).isString())
                return record.value(QLatin1String("detail")).toString();
        }
        return {};
    }

    void findTool()
    {
        for (int s = 0; s < int(run.spans.size()); ++s) {
            const Span& span = run.spans[size_t(s)];
            if (span.kind == QLatin1String("operation") && span.name->startsWith(QLatin1String("mcp.tool:"))
                && span.startEvent >= 0) {
                run.toolSpan = s;
                run.tool = span.name->mid(9);
                return;
            }
        }
    }

    void deriveCheckpoints()
    {
        if (extras.checkpoints) {
            run.checkpoints = *extras.checkpoints;
            run.checkpointsStored = true;
            return;
        }
        // Upstream records a checkpoint when a staged span exits, so scope ends in end order.
        std::vector<int> ends;
        for (int s = 0; s < int(run.spans.size()); ++s) {
            if (run.spans[size_t(s)].isClosed())
                ends.push_back(s);
        }
        std::sort(ends.begin(), ends.end(),
            [this](int a, int b) { return run.spans[size_t(a)].endEvent < run.spans[size_t(b)].endEvent; });
        for (int s : ends) {
            const Span& span = run.spans[size_t(s)];
            if (span.kind != QLatin1String("step"))
                continue;
            const QString stage = checkpointForScope(span.name);
            if (stage.isEmpty())
                continue;
            // Only a span created with a stage records a checkpoint; a bare step of the same name (the
            // inner twin of search.bm25, the hybrid search.faiss hand-over, the plain semantic adapter's
            // hydrate.duckdb) carries no span-layer keys and records none.
            if (!isStagedSpan(span.endEvent))
                continue;
            const bool ok = run.events[size_t(span.endEvent)].status != QLatin1String("error");
            // The attrs stay in the line until a rule or a regenerated pack asks (Run::checkpointAttrs).
            run.checkpoints.push_back(Checkpoint {
                stage, ok, ok ? QString() : span.message.toString(), {}, NAN, span.durationMs, span.endEvent });
        }
    }

    void computeCoverage()
    {
        if (extras.opsCoverage) {
            run.opsCoverage = *extras.opsCoverage;
            return;
        }
        static const std::array<QStringList, 6> prefixes = {
            QStringList { QStringLiteral("search.embed"), QStringLiteral("coderank.embed") },
            QStringList { QStringLiteral("search.faiss"), QStringLiteral("coderank.faiss") },
            QStringList { QStringLiteral("search.bm25"), QStringLiteral("search.splade") },
            QStringList {
                QStringLiteral("gather.channels"), QStringLiteral("search.bm25"), QStringLiteral("search.splade") },
            QStringList {
                QStringLiteral("search.rrf_fuse"), QStringLiteral("fusion.rrf"), QStringLiteral("fusion.pool") },
            QStringList { QStringLiteral("hydrate.") },
        };
        for (size_t k = 0; k < prefixes.size(); ++k) {
            for (const Checkpoint& cp : run.checkpoints) {
                for (const QString& prefix : prefixes[k]) {
                    if (cp.name->startsWith(prefix))
                        run.opsCoverage.values[k] = true;
                }
            }
        }
    }

    void chooseBudgets()
    {
        if (extras.reportBudgets && !extras.reportBudgets->isEmpty()) {
            run.storedBudgets = *extras.reportBudgets;
            run.budgetsSource = QStringLiteral("run report");
            return;
        }
        for (int i = 0; i < int(run.events.size()); ++i) {
            const Event& e = run.events[size_t(i)];
            if (is(e.type, "decision") && (is(e.name, "gate.budget") || is(e.name, "retrieval.budget"))) {
                run.budgetsEvent = i;
                run.budgetsSource = e.name;
                return;
            }
        }
        for (const QJsonValue& value : extras.structuredEvents) {
            const QJsonObject record = value.toObject();
            if (record.value(QLatin1String("kind")) == QLatin1String("retrieval.budget")
                && record.value(QLatin1String("payload")).isObject()) {
                run.storedBudgets = record.value(QLatin1String("payload")).toObject();
                run.budgetsSource = QStringLiteral("retrieval.budget");
                return;
            }
        }
        if (extras.settingsBudgets && !extras.settingsBudgets->isEmpty()) {
            run.storedBudgets = *extras.settingsBudgets;
            run.budgetsSource = QStringLiteral("settings snapshot");
            return;
        }
        if (extras.budgetsMember && !extras.budgetsMember->isEmpty()) {
            run.storedBudgets = *extras.budgetsMember;
            run.budgetsSource = QStringLiteral("budgets.json");
        }
    }

    void setTimes()
    {
        if (run.events.empty())
            return;
        if (run.toolSpan >= 0) {
            int outer = run.toolSpan;
            const int parent = run.spans[size_t(outer)].parent;
            if (parent >= 0 && run.spans[size_t(parent)].name == run.spans[size_t(outer)].name)
                outer = parent;
            const Span& span = run.spans[size_t(outer)];
            run.startedAt = span.startTs;
            run.finishedAt = span.isClosed() ? span.endTs : run.events.back().ts;
            run.durationMs = span.isClosed() ? span.durationMs : (run.finishedAt - run.startedAt) * 1000.0;
        } else {
            run.startedAt = run.events.front().ts;
            run.finishedAt = run.events.back().ts;
            run.durationMs = (run.finishedAt - run.startedAt) * 1000.0;
        }
    }

    void checkClock()
    {
        // Events are sorted by ts, so the clock check looks at file order within one buffer.
        std::vector<const Event*> byPosition;
        byPosition.reserve(run.events.size());
        for (const Event& e : run.events)
            byPosition.push_back(&e);
        std::sort(byPosition.begin(), byPosition.end(), [](const Event* a, const Event* b) {
            return a->buffer != b->buffer ? a->buffer < b->buffer : a->offset < b->offset;
        });
        for (size_t k = 1; k < byPosition.size(); ++k) {
            const Event* prev = byPosition[k - 1];
            const Event* cur = byPosition[k];
            if (prev->buffer == cur->buffer && cur->ts + 1.0 < prev->ts) {
                addProblem({ Diagnostic::Severity::Warning,
                    cur->buffer >= 0 ? run.buffers[size_t(cur->buffer)]->name : QString(), cur->line, cur->offset,
                    Tr::tr("clock went backwards by %1 s").arg(prev->ts - cur->ts, 0, 'f', 3),
                    QStringLiteral("clock-backwards") });
            }
        }
    }
};

} // namespace

const QStringList& fixedStageRows()
{
    static const QStringList rows = { kEmbed, kDense, kBm25, kSplade, kGather, kFuse, kHydrate, kRerank };
    return rows;
}

QString rowForCheckpoint(const QString& name)
{
    if (name.startsWith(QLatin1String("search.embed")) || name.startsWith(QLatin1String("coderank.embed"))
        || is(name, "vllm.embed"))
        return kEmbed;
    if (name.startsWith(QLatin1String("search.faiss")) || name.startsWith(QLatin1String("coderank.faiss"))
        || is(name, "faiss.search"))
        return kDense;
    if (is(name, "search.bm25") || is(name, "bm25.search"))
        return kBm25;
    if (is(name, "search.splade") || is(name, "splade.search"))
        return kSplade;
    if (is(name, "retrieval.gather") || is(name, "gather.channels"))
        return kGather;
    if (is(name, "search.rrf_fuse") || is(name, "retrieval.fuse") || is(name, "fuse.rrf"))
        return kFuse;
    if (name.startsWith(QLatin1String("hydrate.")) || is(name, "catalog.hydrate"))
        return kHydrate;
    if (is(name, "coderank_llm") || is(name, "rerank.exact"))
        return kRerank;
    return name;
}

RunPtr buildRun(const QString& sessionId, const QString& runId, std::vector<Event> events, TextBuffers buffers,
    const RunExtras& extras)
{
    auto run = std::make_shared<Run>();
    run->sessionId = sessionId;
    run->runId = runId;
    run->events = std::move(events);
    run->buffers = std::move(buffers);
    run->context = extras.context;
    run->capabilities = extras.capabilities;
    run->structuredEvents = extras.structuredEvents;
    if (extras.hints) {
        run->storedHints = *extras.hints;
        run->hasStoredHints = true;
    }

    Builder b { *run, extras, {}, {}, {}, {}, {}, {}, {} };
    b.pairScopes();
    b.findTool();
    const bool toolOpen = run->toolSpan >= 0 && !run->spans[size_t(run->toolSpan)].isClosed();
    const bool cutOff = toolOpen && !extras.live;
    b.deriveCheckpoints();
    b.computeCoverage();
    b.chooseBudgets();
    if (run->hasGrid()) {
        for (const QString& name : fixedStageRows())
            b.row(name);
    }
    b.mapSpans();
    b.collectTimelineEvidence(cutOff);
    b.collectStoredEvidence();
    if (extras.seedGpuReady == false) {
        const int dense = b.row(kDense);
        const bool denseRan =
            std::any_of(run->stages[size_t(dense)].evidence.begin(), run->stages[size_t(dense)].evidence.end(),
                [](const Evidence& ev) { return ev.kind == Evidence::Kind::Ran; });
        if (denseRan) {
            Evidence ev;
            ev.kind = Evidence::Kind::Degraded;
            ev.source = QStringLiteral("context");
            ev.text = QStringLiteral("runtime.faiss.gpu_ready false");
            ev.reason = Tr::tr("FAISS GPU not ready; ran on CPU");
            b.addEvidence(dense, ev);
        }
    }
    if (!run->hasGrid())
        run->stages.clear(); // background runs show events, not a grid (spec 11.1)
    b.decideCells();
    if (extras.live)
        b.markRunningCells();
    b.decideOutcome(cutOff, toolOpen && extras.live);
    b.setTimes();
    b.checkClock();
    b.countUnlistedProblems();
    // Vectors grown by doubling hold up to twice what they need: a run lives as long as its tab.
    run->stages.shrink_to_fit();
    for (StageCell& cell : run->stages) {
        cell.evidence.shrink_to_fit();
        cell.spans.shrink_to_fit();
    }
    run->checkpoints.shrink_to_fit();
    return run;
}

} // namespace Runlens
