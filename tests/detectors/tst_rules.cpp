// SPDX-License-Identifier: MIT
// One positive, one negative and one why-not row per rule, on fixture runs edited in memory.
#include "engine.h"
#include "runfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Runlens;
using namespace Runlens::Test;

using Edit = std::function<void(RunLines&)>;
Q_DECLARE_METATYPE(Edit)

namespace {

void removeLine(RunLines& lines, const QString& type, const QString& name, int nth = 0)
{
    const int index = lines.find(type, name, nth);
    QVERIFY2(index >= 0, qPrintable(type + u' ' + name));
    lines.objects.removeAt(index);
}

RunExtras storedEmbedStage(const QJsonObject& attrs)
{
    RunExtras extras;
    extras.checkpoints =
        std::vector<Checkpoint> { Checkpoint { QStringLiteral("search.embed"), true, {}, attrs, NAN, NAN } };
    return extras;
}

} // namespace

class tst_Rules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("runId");
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("fires");
        QTest::addColumn<QString>("whyNotContains");

        const Edit none = [](RunLines&) {};
        auto row = [&](const char* name, const QString& file, const QString& run, const Edit& edit, const char* kind,
                       bool fires, const char* whyNot = "") {
            QTest::addRow("%s", name) << file << run << edit << QString::fromLatin1(kind) << fires
                                      << QString::fromLatin1(whyNot);
        };

        // --- upstream's six (spec 9.1)
        const Edit noHydrate = [](RunLines& l) {
            const int from = l.find(QStringLiteral("hydration.start"), QStringLiteral("duckdb"));
            const int to = l.find(QStringLiteral("hydration.end"), QStringLiteral("duckdb"));
            l.objects.erase(l.objects.begin() + from, l.objects.begin() + to + 1);
        };
        row("gap:hydrate fires when fused but never hydrated", kHappyFile, kHappyRun, noHydrate, "gap:hydrate", true);
        row("gap:hydrate silent on a clean run", kHappyFile, kHappyRun, none, "gap:hydrate", false,
            "ops_coverage.hydrate is true");
        row(
            "gap:hydrate counts catalog.hydrate (documented departure)", kHappyFile, kHappyRun,
            [](RunLines& l) {
                removeLine(l, QStringLiteral("step.start"), QStringLiteral("hydrate.duckdb"));
                removeLine(l, QStringLiteral("step.end"), QStringLiteral("hydrate.duckdb"));
            },
            "gap:hydrate", false, "catalog.hydrate completed (test.jsonl:50), which counts as hydration");
        row("gap:hydrate why-not: nothing fused", kErrorFile, kErrorRun, none, "gap:hydrate", false,
            "ops_coverage.fuse is false");

        row("config:sparse-disabled fires on the sparse-disabled run", kSparseFile, kSparseRun, none,
            "config:sparse-disabled", true);
        row("config:sparse-disabled silent when sparse ran", kHappyFile, kHappyRun, none, "config:sparse-disabled",
            false, "ops_coverage.sparse is true");
        row(
            "config:sparse-disabled why-not: rm3 off", kSparseFile, kSparseRun,
            [](RunLines& l) {
                l.setAttr(l.find(QStringLiteral("decision"), QStringLiteral("gate.budget")),
                    QStringLiteral("rm3_enabled"), false);
            },
            "config:sparse-disabled", false, "budgets.rm3_enabled is false");

        row("perf:batch silent on real data (vllm.batch_size is not read)", kHappyFile, kHappyRun, none, "perf:batch",
            false, "has no int batch or batch_size");
        row("perf:mode silent for vllm.mode http", kErrorFile, kErrorRun, none, "perf:mode", false,
            "(vllm.mode is not read)");
        row(
            "degrade:faiss-cpu fires when faiss.gpu is false", kHappyFile, kHappyRun,
            [](RunLines& l) {
                for (int nth = 0; nth < 2; ++nth) {
                    for (const char* type : { "step.start", "step.end" }) {
                        const int i = l.find(QLatin1String(type), QStringLiteral("search.faiss"), nth);
                        if (!l.objects[i]
                                 .value(QLatin1String("attrs"))
                                 .toObject()
                                 .contains(QLatin1String("input_hits")))
                            l.setAttr(i, QStringLiteral("faiss.gpu"), false);
                    }
                }
            },
            "degrade:faiss-cpu", true);
        row("degrade:faiss-cpu silent on GPU", kHappyFile, kHappyRun, none, "degrade:faiss-cpu", false,
            "gpu_ready/faiss.gpu is true");
        row("degrade:faiss-cpu why-not: no FAISS stage", kErrorFile, kErrorRun, none, "degrade:faiss-cpu", false,
            "no search.faiss stage");
        const Edit vague = [](RunLines& l) {
            const int i = l.find(QStringLiteral("decision"), QStringLiteral("gate.budget"));
            l.setAttr(i, QStringLiteral("ambiguity_score"), 0.9);
            l.setAttr(i, QStringLiteral("rrf_k"), 45);
        };
        row("budget:rrf fires on a vague query with rrf_k 45", kHappyFile, kHappyRun, vague, "budget:rrf", true);
        row("budget:rrf silent on a literal query", kHappyFile, kHappyRun, none, "budget:rrf", false, "not above 0.3");
        row(
            "budget:rrf why-not: rrf_k deep enough", kHappyFile, kHappyRun,
            [](RunLines& l) {
                const int i = l.find(QStringLiteral("decision"), QStringLiteral("gate.budget"));
                l.setAttr(i, QStringLiteral("ambiguity_score"), 0.9);
                l.setAttr(i, QStringLiteral("rrf_k"), 90);
            },
            "budget:rrf", false, "rrf_k is 90, not below 50");

        // --- Runlens's own rules
        const Edit cut = [](RunLines& l) { l.objects = l.objects.mid(0, 42); };
        row("run:cut-off fires on the first 42 lines", kHappyFile, kHappyRun, cut, "run:cut-off", true);
        row("run:cut-off silent on a complete run", kHappyFile, kHappyRun, none, "run:cut-off", false,
            "ended with status ok");
        row("run:cut-off why-not: background run", kHappyFile, QStringLiteral("ef5386bff0ae4f13b76a5ce0d6d7097b"), none,
            "run:cut-off", false, "no tool operation");

        row("stage:failed fires on the failed embed", kErrorFile, kErrorRun, none, "stage:failed", true);
        row("stage:failed silent on a clean run", kHappyFile, kHappyRun, none, "stage:failed", false,
            "no stage is Failed");
        const Edit hydrateError = [](RunLines& l) {
            const int i = l.find(QStringLiteral("step.end"), QStringLiteral("catalog.hydrate"));
            l.objects[i].insert(QStringLiteral("status"), QStringLiteral("error"));
            l.objects[i].insert(QStringLiteral("message"), QStringLiteral("IO Error: catalog.duckdb locked"));
        };
        row("stage:failed fires on a failed hydrate that upstream counts as covered", kHappyFile, kHappyRun,
            hydrateError, "stage:failed", true);

        const Edit toolError = [](RunLines& l) {
            const int i = l.find(QStringLiteral("operation.end"), QStringLiteral("mcp.tool:search.semantic_pro"));
            l.objects[i].insert(QStringLiteral("status"), QStringLiteral("error"));
            l.objects[i].insert(QStringLiteral("message"), QStringLiteral("envelope too large"));
        };
        row("run:failed fires when the tool fails outside stages", kHappyFile, kHappyRun, toolError, "run:failed",
            true);
        row("run:failed silent on a clean run", kHappyFile, kHappyRun, none, "run:failed", false, "status is complete");
        row("run:failed why-not: a stage failed", kErrorFile, kErrorRun, none, "run:failed", false,
            "stage:failed reports it");

        row("channel:disabled fires for bm25 disabled", kSparseFile, kSparseRun, none, "channel:disabled", true);
        row("channel:disabled silent when channels ran", kHappyFile, kHappyRun, none, "channel:disabled", false,
            "sparse:bm25=ran");
        row("channel:unavailable fires for splade capability_off", kSparseFile, kSparseRun, none, "channel:unavailable",
            true);
        row("channel:unavailable why-not lists the channels", kHappyFile, kHappyRun, none, "channel:unavailable", false,
            "sparse:splade=ran");
        const Edit providerError = [](RunLines& l) {
            const int i = l.find(QStringLiteral("channel"), QStringLiteral("channel.skip"));
            l.setAttr(i, QStringLiteral("reason"), QStringLiteral("provider_error"));
            l.setAttr(i, QStringLiteral("message"), QStringLiteral("pyserini index missing"));
        };
        row("channel:failed fires for a provider error", kSparseFile, kSparseRun, providerError, "channel:failed",
            true);
        row("channel:failed silent for deliberate skips", kSparseFile, kSparseRun, none, "channel:failed", false,
            "sparse:bm25=skipped(disabled)");

        const Edit slowHydrate = [](RunLines& l) {
            l.setAttr(l.find(QStringLiteral("step.end"), QStringLiteral("hydrate.duckdb")),
                QStringLiteral("duration_ms"), 900);
            l.setAttr(l.find(QStringLiteral("step.end"), QStringLiteral("mcp.tool:search.semantic_pro")),
                QStringLiteral("duration_ms"), 1000);
        };
        row("perf:slow-stage fires for a stage taking 90% of the run", kHappyFile, kHappyRun, slowHydrate,
            "perf:slow-stage", true);
        row("perf:slow-stage silent on a fast run", kHappyFile, kHappyRun, none, "perf:slow-stage", false,
            "the longest stage");
        const Edit overBudget = [](RunLines& l) {
            l.setAttr(l.find(QStringLiteral("step.start"), QStringLiteral("retrieval.search")),
                QStringLiteral("budget.ms"), 5);
        };
        row("perf:over-budget fires when a scope exceeds budget.ms", kHappyFile, kHappyRun, overBudget,
            "perf:over-budget", true);
        row("perf:over-budget why-not: no budget", kHappyFile, kHappyRun, none, "perf:over-budget", false,
            "no scope carries budget.ms");

        row(
            "result:empty fires when fusion returns 0 documents", kHappyFile, kHappyRun,
            [](RunLines& l) {
                l.setAttr(l.find(QStringLiteral("hybrid.fuse.result"), QStringLiteral("fusion")),
                    QStringLiteral("documents"), 0);
            },
            "result:empty", true);
        row("result:empty silent on a clean run", kHappyFile, kHappyRun, none, "result:empty", false,
            "returned results");
        row(
            "result:missing fires when hydration misses rows", kHappyFile, kHappyRun,
            [](RunLines& l) {
                l.setAttr(
                    l.find(QStringLiteral("hydration.end"), QStringLiteral("duckdb")), QStringLiteral("missing"), 3);
            },
            "result:missing", true);
        row("result:missing silent on a clean run", kHappyFile, kHappyRun, none, "result:missing", false,
            "missing > 0");

        row(
            "dense:fallback fires on fallback.reason", kHappyFile, kHappyRun,
            [](RunLines& l) {
                l.setAttr(l.find(QStringLiteral("faiss.search.end"), QStringLiteral("faiss")),
                    QStringLiteral("fallback.reason"), QStringLiteral("gpu_oom"));
            },
            "dense:fallback", true);
        row("dense:fallback silent on a clean run", kHappyFile, kHappyRun, none, "dense:fallback", false,
            "no line carries fallback.reason");
        row(
            "dense:secondary-gated fires when the gate says no", kHappyFile, kHappyRun,
            [](RunLines& l) {
                QJsonObject decision = l.objects[l.find(QStringLiteral("decision"), QStringLiteral("gate.budget"))];
                decision.insert(QStringLiteral("name"), QStringLiteral("retrieval.gating.secondary"));
                decision.insert(QStringLiteral("attrs"),
                    QJsonObject { { QStringLiteral("should_run"), false },
                        { QStringLiteral("reason"), QStringLiteral("high_margin") },
                        { QStringLiteral("candidate_count"), 20 }, { QStringLiteral("elapsed_ms"), 1.5 },
                        { QStringLiteral("margin"), 0.4 } });
                l.objects.insert(10, decision);
            },
            "dense:secondary-gated", true);
        row("dense:secondary-gated why-not: no gate", kHappyFile, kHappyRun, none, "dense:secondary-gated", false,
            "no retrieval.gating.secondary decision");

        row(
            "timeline:lost-lines fires on an orphan end", kHappyFile, kHappyRun,
            [](RunLines& l) { removeLine(l, QStringLiteral("step.start"), QStringLiteral("fusion.rrf")); },
            "timeline:lost-lines", true);
        row("timeline:lost-lines silent on a whole run", kHappyFile, kHappyRun, none, "timeline:lost-lines", false,
            "every end line has its start");
        row(
            "timeline:unclosed fires on a scope without end", kHappyFile, kHappyRun,
            [](RunLines& l) { removeLine(l, QStringLiteral("step.end"), QStringLiteral("sql.exec")); },
            "timeline:unclosed", true);
        row("timeline:unclosed why-not: cut-off run", kHappyFile, kHappyRun, cut, "timeline:unclosed", false,
            "run:cut-off reports it");
        row(
            "timeline:clock-backwards fires on a 5 s jump back", kHappyFile, kHappyRun,
            [](RunLines& l) {
                l.objects[30].insert(QStringLiteral("ts"), l.objects[29].value(QLatin1String("ts")).toDouble() - 5);
            },
            "timeline:clock-backwards", true);
        row("timeline:clock-backwards silent on a monotonic run", kHappyFile, kHappyRun, none,
            "timeline:clock-backwards", false, "never goes back");
    }

    void rule()
    {
        QFETCH(QString, file);
        QFETCH(QString, runId);
        QFETCH(Edit, edit);
        QFETCH(QString, kind);
        QFETCH(bool, fires);
        QFETCH(QString, whyNotContains);

        RunLines lines = RunLines::fromFixture(file, runId);
        QVERIFY(!lines.objects.isEmpty());
        edit(lines);
        const RunPtr run = lines.build();
        QVERIFY(run);
        const Explanation explanation = explain(*run, kind);
        QVERIFY2(explanation.rule, qPrintable(kind));
        QCOMPARE(explanation.fired, fires);
        if (fires) {
            QVERIFY(!explanation.hints.empty());
            for (const Hint& hint : explanation.hints) {
                QCOMPARE(hint.kind, kind);
                QVERIFY(!hint.msg.isEmpty());
                QVERIFY(!hint.why.isEmpty());
                QCOMPARE(hint.runId, runId);
            }
            // The hint shows up in the run's hint list too.
            const Hints all = detectRun(*run);
            QVERIFY(std::any_of(all.begin(), all.end(), [&](const Hint& h) { return h.kind == kind; }));
        } else {
            QVERIFY2(explanation.whyNot.contains(whyNotContains),
                qPrintable(explanation.whyNot + QLatin1String(" !~ ") + whyNotContains));
        }
    }

    void upstreamEmbedRules_data()
    {
        QTest::addColumn<QJsonObject>("attrs");
        QTest::addColumn<QStringList>("kinds");
        QTest::addRow("batch 2 fires perf:batch")
            << QJsonObject { { QStringLiteral("batch"), 2 } } << QStringList { QStringLiteral("perf:batch") };
        QTest::addRow("batch_size 3 fires perf:batch")
            << QJsonObject { { QStringLiteral("batch_size"), 3 } } << QStringList { QStringLiteral("perf:batch") };
        QTest::addRow("batch 4 is not small") << QJsonObject { { QStringLiteral("batch"), 4 } } << QStringList {};
        QTest::addRow("batch 0 is not small") << QJsonObject { { QStringLiteral("batch"), 0 } } << QStringList {};
        QTest::addRow("batch as string is not an int")
            << QJsonObject { { QStringLiteral("batch"), QStringLiteral("2") } } << QStringList {};
        QTest::addRow("mode HTTP fires perf:mode ignoring case")
            << QJsonObject { { QStringLiteral("mode"), QStringLiteral("HTTP") } }
            << QStringList { QStringLiteral("perf:mode") };
        QTest::addRow("mode local is fine")
            << QJsonObject { { QStringLiteral("mode"), QStringLiteral("local") } } << QStringList {};
        QTest::addRow("both") << QJsonObject { { QStringLiteral("mode"), QStringLiteral("http") },
            { QStringLiteral("batch"), 1 } }
                              << QStringList { QStringLiteral("perf:batch"), QStringLiteral("perf:mode") };
    }

    void upstreamEmbedRules()
    {
        QFETCH(QJsonObject, attrs);
        QFETCH(QStringList, kinds);
        const RunPtr run = RunLines::fromFixture(kHappyFile, kHappyRun).build(storedEmbedStage(attrs));
        QStringList fired;
        for (const Hint& hint : detectRun(*run)) {
            if (hint.kind.startsWith(QLatin1String("perf:")))
                fired.append(hint.kind);
        }
        QCOMPARE(fired, kinds);
    }

    void healthyRunsHaveNoWarnings_data()
    {
        QTest::addColumn<QString>("runId");
        QTest::addRow("happy run 1") << kHappyRun;
        QTest::addRow("happy run 2") << QStringLiteral("b631c87847bb46a4a1823ea76d9a9113");
        QTest::addRow("happy run 3") << QStringLiteral("e7bff87e7dc54b15bd34a296c30170d9");
    }

    void healthyRunsHaveNoWarnings()
    {
        QFETCH(QString, runId);
        const RunPtr run = RunLines::fromFixture(kHappyFile, runId).build();
        for (const Hint& hint : detectRun(*run))
            QVERIFY2(hint.severity < Severity::Warning, qPrintable(hint.kind));
    }

    void ownRulesNeverReuseUpstreamKinds()
    {
        QStringList upstream;
        for (const Rule& rule : upstreamRules())
            upstream.append(rule.kind);
        QCOMPARE(upstream,
            (QStringList { QStringLiteral("gap:hydrate"), QStringLiteral("config:sparse-disabled"),
                QStringLiteral("perf:batch"), QStringLiteral("perf:mode"), QStringLiteral("degrade:faiss-cpu"),
                QStringLiteral("budget:rrf") }));
        QStringList seen = upstream;
        for (const Rule& rule : ownRules()) {
            QVERIFY2(!seen.contains(rule.kind), qPrintable(rule.kind));
            QVERIFY(rule.kind.contains(u':'));
            QVERIFY(!rule.condition.isEmpty());
            seen.append(rule.kind);
        }
    }
};

QTEST_GUILESS_MAIN(tst_Rules)
#include "tst_rules.moc"
