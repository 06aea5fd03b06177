// SPDX-License-Identifier: MIT
// The six upstream detectors (spec 9.1): same conditions, same literal messages, same `why` keys.
#include "ruleutil_p.h"

#include <QJsonObject>

#include <optional>

namespace Runlens {

using namespace RuleUtil;

namespace {

// Upstream reads `stages` with upstream names; seed-plan stages are renamed so that a seed pack and
// an upstream pack of the same run give the same hints.
QString upstreamStageName(const QString& name)
{
    if (name == QLatin1String("vllm.embed"))
        return QStringLiteral("search.embed");
    if (name == QLatin1String("faiss.search"))
        return QStringLiteral("search.faiss");
    return name;
}

const Checkpoint* firstStage(const Run& run, std::initializer_list<const char*> prefixes)
{
    for (const Checkpoint& cp : run.checkpoints) {
        const QString name = upstreamStageName(cp.name);
        for (const char* prefix : prefixes) {
            if (name.startsWith(QLatin1String(prefix)))
                return &cp;
        }
    }
    return nullptr;
}

bool isCatalogHydrate(const QString& name)
{
    return name == QLatin1String("catalog.hydrate") || name == QLatin1String("hydrate.catalog");
}

// Where catalog.hydrate shows that it completed, when it did: its ok checkpoint, located at its scope's end
// line when the run has its timeline.
std::optional<HintEvidence> catalogHydrateRan(const Run& run)
{
    for (size_t p = 0; p < run.checkpoints.size(); ++p) {
        const Checkpoint& cp = run.checkpoints[p];
        if (!isCatalogHydrate(cp.name) || !cp.ok)
            continue;
        for (const Span& span : run.spans) {
            if (span.isClosed() && isCatalogHydrate(span.name) && span.status == QLatin1String("ok"))
                return evidenceForEvent(run, span.endEvent);
        }
        return HintEvidence { {}, 0, -1, -1,
            Tr::tr("checkpoint %1 ok (#%2 of %3)").arg(cp.name).arg(p + 1).arg(run.checkpoints.size()) };
    }
    return std::nullopt;
}

std::vector<HintEvidence> budgetEvidence(const Run& run)
{
    std::vector<HintEvidence> evidence;
    for (int i : eventsOfType(run, "decision", "gate.budget"))
        evidence.push_back(evidenceForEvent(run, i));
    if (evidence.empty() && !run.budgetsSource.isEmpty())
        evidence.push_back({ {}, 0, -1, -1, Tr::tr("budgets from %1").arg(run.budgetsSource) });
    return evidence;
}

} // namespace

std::vector<Rule> upstreamRules()
{
    std::vector<Rule> rules;

    Rule gap { QStringLiteral("gap:hydrate"), Severity::Warning,
        QStringLiteral("Results were fused but never hydrated: check DuckDB/catalog availability."),
        Tr::tr("ops_coverage.fuse is true and nothing hydrated (ops_coverage.hydrate false and no catalog.hydrate "
               "checkpoint that completed)"),
        true, {} };
    gap.evaluate = [rule = gap](const Run& run, const Thresholds&) {
        if (!run.opsCoverage.value("fuse"))
            return notFired(Tr::tr("ops_coverage.fuse is false"));
        if (run.opsCoverage.value("hydrate"))
            return notFired(Tr::tr("ops_coverage.hydrate is true"));
        // Runlens's documented departure: a completed catalog.hydrate counts as hydration (spec 11.7 item 2).
        // Then upstream's hint is false, and this is what disputes a stored one. A failed one hydrated
        // nothing: the hint stands.
        if (std::optional<HintEvidence> proof = catalogHydrateRan(run)) {
            const QString where = proof->line > 0 ? proof->file + u':' + QString::number(proof->line) : proof->text;
            RuleOutcome outcome =
                notFired(Tr::tr("catalog.hydrate completed (%1), which counts as hydration").arg(where));
            outcome.disproof =
                Tr::tr("catalog.hydrate ran (%1); upstream's ops_coverage ignores catalog.hydrate").arg(where);
            outcome.counterEvidence.push_back(std::move(*proof));
            return outcome;
        }
        return fired(makeHint(rule, run, rule.message, { { QStringLiteral("ops_coverage"), run.opsCoverage.toJson() } },
            stageEvidence(run, QStringLiteral("fuse"))));
    };
    rules.push_back(gap);

    Rule sparse { QStringLiteral("config:sparse-disabled"), Severity::Warning,
        QStringLiteral("RM3 enabled but sparse channels skipped; ensure BM25/SPLADE assets are healthy."),
        Tr::tr("budgets.rm3_enabled is truthy and ops_coverage.sparse is false"), true, {} };
    sparse.evaluate = [rule = sparse](const Run& run, const Thresholds&) {
        const QJsonValue rm3 = run.budget(QLatin1String("rm3_enabled"));
        if (!truthy(rm3))
            return notFired(Tr::tr("budgets.rm3_enabled is %1").arg(describe(rm3)));
        if (run.opsCoverage.value("sparse"))
            return notFired(Tr::tr("ops_coverage.sparse is true"));
        std::vector<HintEvidence> evidence = budgetEvidence(run);
        for (const char* row : { "sparse:bm25", "sparse:splade" }) {
            for (HintEvidence& e : stageEvidence(run, QLatin1String(row)))
                evidence.push_back(std::move(e));
        }
        return fired(makeHint(rule, run, rule.message,
            { { QStringLiteral("budgets"), run.budgets() },
                { QStringLiteral("ops_coverage"), run.opsCoverage.toJson() } },
            evidence));
    };
    rules.push_back(sparse);

    Rule batch { QStringLiteral("perf:batch"), Severity::Note,
        QStringLiteral("Embedding batches are very small; consider increasing batch size."),
        Tr::tr("the first search.embed/coderank.embed stage has an int attr batch (or batch_size) between 1 and 3; "
               "real checkpoints carry vllm.batch_size instead, so this rule is silent on real data"),
        true, {} };
    batch.evaluate = [rule = batch](const Run& run, const Thresholds&) {
        const Checkpoint* stage = firstStage(run, { "search.embed", "coderank.embed" });
        if (!stage)
            return notFired(Tr::tr("no search.embed or coderank.embed stage"));
        QJsonValue value = run.checkpointAttr(*stage, QLatin1StringView("batch"));
        if (!truthy(value))
            value = run.checkpointAttr(*stage, QLatin1StringView("batch_size"));
        if (!isInt(value))
            return notFired(
                Tr::tr("stage %1 has no int batch or batch_size (batch is %2)").arg(stage->name, describe(value)));
        const qint64 size = value.toInteger();
        if (size <= 0 || size >= 4)
            return notFired(Tr::tr("batch is %1, not between 1 and 3").arg(size));
        return fired(makeHint(rule, run, rule.message, { { QStringLiteral("batch"), value } },
            stageEvidence(run, QStringLiteral("embed"))));
    };
    rules.push_back(batch);

    Rule mode { QStringLiteral("perf:mode"), Severity::Note,
        QStringLiteral("vLLM running over HTTP; in-process mode reduces latency."),
        Tr::tr("the first search.embed/coderank.embed stage has attr mode equal to \"http\", ignoring case"), true,
        {} };
    mode.evaluate = [rule = mode](const Run& run, const Thresholds&) {
        const Checkpoint* stage = firstStage(run, { "search.embed", "coderank.embed" });
        if (!stage)
            return notFired(Tr::tr("no search.embed or coderank.embed stage"));
        const QJsonValue value = run.checkpointAttr(*stage, QLatin1StringView("mode"));
        if (!value.isString() || value.toString().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0)
            return notFired(Tr::tr("stage %1 has mode %2 (vllm.mode is not read)").arg(stage->name, describe(value)));
        return fired(makeHint(rule, run, rule.message, { { QStringLiteral("mode"), value } },
            stageEvidence(run, QStringLiteral("embed"))));
    };
    rules.push_back(mode);

    Rule faiss { QStringLiteral("degrade:faiss-cpu"), Severity::Warning,
        QStringLiteral("FAISS GPU path unavailable; queries are running on CPU."),
        Tr::tr("the first search.faiss stage has gpu_ready (or faiss.gpu when gpu_ready is absent) exactly false"),
        true, {} };
    faiss.evaluate = [rule = faiss](const Run& run, const Thresholds&) {
        const Checkpoint* stage = firstStage(run, { "search.faiss" });
        if (!stage)
            return notFired(Tr::tr("no search.faiss stage"));
        const QJsonValue gpuReady = run.checkpointAttr(*stage, QLatin1StringView("gpu_ready"));
        const QJsonValue value =
            gpuReady.isUndefined() ? run.checkpointAttr(*stage, QLatin1StringView("faiss.gpu")) : gpuReady;
        if (value != QJsonValue(false))
            return notFired(Tr::tr("gpu_ready/faiss.gpu is %1").arg(describe(value)));
        return fired(makeHint(rule, run, rule.message, { { QStringLiteral("gpu_ready"), value } },
            stageEvidence(run, QStringLiteral("dense"))));
    };
    rules.push_back(faiss);

    Rule rrf { QStringLiteral("budget:rrf"), Severity::Note,
        QStringLiteral("Vague query with shallow RRF budget; consider increasing rrf_k."),
        Tr::tr("budgets.ambiguity_score (or ambiguity) > 0.3 and budgets.rrf_k < 50, both numbers"), true, {} };
    rrf.evaluate = [rule = rrf](const Run& run, const Thresholds&) {
        QJsonValue ambiguity = run.budget(QLatin1String("ambiguity_score"));
        if (!truthy(ambiguity))
            ambiguity = run.budget(QLatin1String("ambiguity"));
        const QJsonValue rrfK = run.budget(QLatin1String("rrf_k"));
        // Written as Python compares: NaN is neither above nor below anything.
        if (!ambiguity.isDouble() || !(ambiguity.toDouble() > 0.3))
            return notFired(Tr::tr("ambiguity is %1, not above 0.3").arg(describe(ambiguity)));
        if (!rrfK.isDouble() || !(rrfK.toDouble() < 50))
            return notFired(Tr::tr("rrf_k is %1, not below 50").arg(describe(rrfK)));
        return fired(makeHint(rule, run, rule.message,
            { { QStringLiteral("ambiguity"), ambiguity }, { QStringLiteral("rrf_k"), rrfK } }, budgetEvidence(run)));
    };
    rules.push_back(rrf);

    return rules;
}

} // namespace Runlens
