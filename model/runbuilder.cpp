// SPDX-License-Identifier: MIT
#include "runbuilder.h"
#include "runbuilder_p.h"

namespace Runlens {

using namespace RunBuild;

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
    run->structuredSites = extras.structuredSites;
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
