// SPDX-License-Identifier: MIT
#pragma once

// The run builder's parts, shared by its three files: scope pairing (runbuilder_pairing.cpp), the stage
// grid (runbuilder_grid.cpp) and the outcome (runbuilder_outcome.cpp); buildRun() in runbuilder.cpp runs
// them in order. Private to model/.

#include "runbuilder.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <unordered_map>

namespace Runlens::RunBuild {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::RunBuilder)
};

inline const QString kEmbed = QStringLiteral("embed");
inline const QString kDense = QStringLiteral("dense");
inline const QString kBm25 = QStringLiteral("sparse:bm25");
inline const QString kSplade = QStringLiteral("sparse:splade");
inline const QString kGather = QStringLiteral("gather");
inline const QString kFuse = QStringLiteral("fuse");
inline const QString kHydrate = QStringLiteral("hydrate");
inline const QString kRerank = QStringLiteral("rerank");

inline bool is(const QString& value, const char* literal)
{
    return value == QLatin1String(literal);
}

inline QString channelRow(const QString& channel)
{
    if (is(channel, "bm25"))
        return kBm25;
    if (is(channel, "splade"))
        return kSplade;
    return QStringLiteral("channel:") + channel;
}

// The checkpoint a scope records when it exits (spec 6.2), for timeline-only runs.
inline QString checkpointForScope(const QString& name)
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

inline QString rowForCell(const QString& cell)
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

inline QString rowForStructuredKind(const QString& kind)
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

inline QString formatTs(double ts)
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

// One run being built: what the parts share while they fill in the run.
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
    void pairScopes();

    qint64 unlistedProblems = 0;

    void addProblem(Diagnostic problem)
    {
        if (run.problems.size() < kMaxListedProblems)
            run.problems.append(std::move(problem));
        else
            ++unlistedProblems;
    }

    void countUnlistedProblems();

    void reportUnclosed(int spanIndex);

    QString bufferName(int event) const
    {
        const Event& e = run.events[size_t(event)];
        if (e.buffer < 0 || size_t(e.buffer) >= run.buffers.size())
            return {};
        return run.buffers[size_t(e.buffer)]->name;
    }

    // --- 11.3: which row a scope belongs to
    QString rowForScope(int spanIndex, bool insideHydrate);

    // attrEvent: the line whose attrs tell variants apart (search.faiss, plugin channels); -1 for none.
    QString rowForScopeName(const QString& kind, const QString& name, int attrEvent, bool insideHydrate);

    void mapSpans();

    // --- 11.4: timeline evidence
    void collectTimelineEvidence(bool cutOff);

    void attributeError(int event, int innermost);

    void pointEvidence(int i, const Event& e, int innermost);

    // --- 11.4: stored evidence (checkpoints, seed stages, structured records, hints, seed context)
    void collectStoredEvidence();

    static bool isSeedName(const QString& name)
    {
        static const QStringList seed = { QStringLiteral("vllm.embed"), QStringLiteral("faiss.search"),
            QStringLiteral("bm25.search"), QStringLiteral("splade.search"), QStringLiteral("gather.channels"),
            QStringLiteral("fuse.rrf"), QStringLiteral("hydrate.catalog") };
        return seed.contains(name);
    }

    // --- 11.5: evidence to cells
    void decideCells();

    // --- 11.2, live mode only: a row whose scope is still open is running, unless it already failed
    void markRunningCells();

    // --- 11.6: first failure, stopped after, status, stop reason
    void decideOutcome(bool cutOff, bool running);

    QString structuredErrorClass() const;

    void findTool();

    void deriveCheckpoints();

    void computeCoverage();

    void chooseBudgets();

    void setTimes();

    void checkClock();
};

} // namespace Runlens::RunBuild
