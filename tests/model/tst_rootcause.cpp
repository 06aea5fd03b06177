// SPDX-License-Identifier: MIT
// What broke, where and why (issue 15): the failing stage, the innermost error the lines carry (not the
// adapter's wrapper), the line it came from and what never ran, on every fixture and on runs derived from them.
#include "rootcause.h"
#include "runfixture.h"
#include "source.h"
#include "sourcereader.h"

#include <QTest>

#include <functional>

using namespace Runlens;
using namespace Runlens::Test;

Q_DECLARE_METATYPE(RunMaker)
Q_DECLARE_METATYPE(RootCause::Kind)

namespace {

const QString kEmbedError =
    QStringLiteral("vLLM HTTP 503 Service Unavailable from http://127.0.0.1:8001/v1/embeddings");
const QStringList kAfterEmbed = { QStringLiteral("dense"), QStringLiteral("sparse:bm25"),
    QStringLiteral("sparse:splade"), QStringLiteral("gather"), QStringLiteral("fuse"), QStringLiteral("hydrate"),
    QStringLiteral("rerank") };

} // namespace

class tst_RootCause : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rootCause_data()
    {
        QTest::addColumn<RunMaker>("make");
        QTest::addColumn<RootCause::Kind>("kind");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("line"); // "type name" of the line it came from; empty for none
        QTest::addColumn<QStringList>("notReached");

        // The tool says "EmbeddingError: CodeRank embedding failed: vLLM HTTP 503 ..."; the innermost line says the
        // 503, and the step ledger its class.
        const QString embed = QStringLiteral("ConnectionError: ") + kEmbedError;
        QTest::addRow("error-embed timeline")
            << fromSource(QStringLiteral("upstream/error-embed/data/diagnostics"), kErrorRun) << RootCause::Kind::Failed
            << QStringLiteral("embed") << embed << QStringLiteral("step.end embed.vllm") << kAfterEmbed;
        QTest::addRow("error-embed pack")
            << fromSource(QStringLiteral("upstream/error-embed/data/diagnostics/runpacks/"
                                         "sess-embed-error/runpack_sess-embed-error_"
                                         "5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip"),
                   kErrorRun)
            << RootCause::Kind::Failed << QStringLiteral("embed") << embed << QStringLiteral("step.end embed.vllm")
            << kAfterEmbed;
        QTest::addRow("error-embed seed pack") << fromSource(
            QStringLiteral("seed-layout/runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560554.zip"),
            kErrorRun) << RootCause::Kind::Failed
                                               << QStringLiteral("embed") << embed
                                               << QStringLiteral("step.end embed.vllm") << kAfterEmbed;
        QTest::addRow("happy") << fromSource(QStringLiteral("upstream/happy-path/data/diagnostics"), kHappyRun)
                               << RootCause::Kind::Healthy << QString() << QString() << QString() << QStringList();
        QTest::addRow("sparse-disabled: skips are no fault")
            << fromSource(QStringLiteral("upstream/sparse-disabled/data/diagnostics"), kSparseRun)
            << RootCause::Kind::Healthy << QString() << QString() << QString() << QStringList();
        QTest::addRow("background warm-up") << fromSource(
            QStringLiteral("upstream/happy-path/data/diagnostics"), QStringLiteral("ef5386bff0ae4f13b76a5ce0d6d7097b"))
                                            << RootCause::Kind::Background << QString() << QString() << QString()
                                            << QStringList();
        QTest::addRow("cut off after fuse, between stages")
            << fromLines([](RunLines& l) { l.objects = l.objects.mid(0, 42); }) << RootCause::Kind::CutOff << QString()
            << QStringLiteral("cut off after fuse") << QStringLiteral("operation.start mcp.tool:search.semantic_pro")
            << QStringList { QStringLiteral("hydrate"), QStringLiteral("rerank") };
        QTest::addRow("cut off inside hydrate: the innermost open scope")
            << fromLines([](RunLines& l) { l.objects = l.objects.mid(0, 50); }) << RootCause::Kind::CutOff
            << QStringLiteral("hydrate") << QStringLiteral("catalog.hydrate started at +*")
            << QStringLiteral("step.start catalog.hydrate") << QStringList();
        QTest::addRow("hydrate failed: the catalog's error, not the adapter's")
            << fromLines([](RunLines& l) {
                   failHydrate(l, QStringLiteral("IOException: Could not set lock on file catalog.duckdb"));
               })
            << RootCause::Kind::Failed << QStringLiteral("hydrate")
            << QStringLiteral("IOException: Could not set lock on file catalog.duckdb")
            << QStringLiteral("step.end sql.exec") << QStringList();
        QTest::addRow("complete, degraded: a channel failed and gather went on")
            << fromLines([](RunLines& l) {
                   for (int nth : { 0, 1 })
                       setError(l, l.find(QStringLiteral("step.end"), QStringLiteral("search.splade"), nth),
                           QStringLiteral("SPLADE encoder crashed"));
               })
            << RootCause::Kind::Degraded << QStringLiteral("sparse:splade") << QStringLiteral("SPLADE encoder crashed")
            << QStringLiteral("step.end search.splade") << QStringList();
        QTest::addRow("search.fetch: stages it never runs are not missing") << RunMaker([] {
            return RunLines::buildFromBytes(
                R"({"ts":1.0,"type":"operation.start","name":"mcp.tool:search.fetch","status":"ok","session_id":"s","run_id":"r"}
{"ts":1.1,"type":"step.start","name":"hydrate.duckdb","status":"ok","session_id":"s","run_id":"r","attrs":{"request.stage":"hydrate"}}
{"ts":1.2,"type":"step.end","name":"hydrate.duckdb","status":"ok","session_id":"s","run_id":"r","attrs":{"request.stage":"hydrate"}}
{"ts":1.3,"type":"operation.end","name":"mcp.tool:search.fetch","status":"ok","session_id":"s","run_id":"r"}
)");
        }) << RootCause::Kind::Healthy << QString() << QString() << QString()
                                                                            << QStringList();
    }

    void rootCause()
    {
        QFETCH(RunMaker, make);
        QFETCH(RootCause::Kind, kind);
        QFETCH(QString, stage);
        QFETCH(QString, error);
        QFETCH(QString, line);
        QFETCH(QStringList, notReached);
        const RunPtr run = make();
        QVERIFY(run);
        const RootCause cause = Runlens::rootCause(*run);
        QCOMPARE(cause.kind, kind);
        QCOMPARE(cause.stage, stage);
        if (error.endsWith(u'*'))
            QVERIFY2(cause.error.startsWith(error.chopped(1)), qPrintable(cause.error));
        else
            QCOMPARE(cause.error, error);
        if (line.isEmpty()) {
            QCOMPARE(cause.event, -1);
        } else {
            QVERIFY(cause.event >= 0);
            const Event& e = run->events[size_t(cause.event)];
            QCOMPARE(QString(e.type.toString() + u' ' + e.name.toString()), line);
        }
        QCOMPARE(cause.notReached, notReached);
    }

    void applicability_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<bool>("applies");
        QTest::addRow("semantic_pro embeds")
            << QStringLiteral("search.semantic_pro") << QStringLiteral("embed") << true;
        QTest::addRow("fetch does not embed") << QStringLiteral("search.fetch") << QStringLiteral("embed") << false;
        QTest::addRow("fetch hydrates") << QStringLiteral("search.fetch") << QStringLiteral("hydrate") << true;
        QTest::addRow("embed.batch does not fuse") << QStringLiteral("embed.batch") << QStringLiteral("fuse") << false;
        QTest::addRow("an extra row applies") << QStringLiteral("search.fetch") << QStringLiteral("git.blame") << true;
        QTest::addRow("an unknown tool runs everything")
            << QStringLiteral("code.graph") << QStringLiteral("rerank") << true;
    }

    void applicability()
    {
        QFETCH(QString, tool);
        QFETCH(QString, stage);
        QFETCH(bool, applies);
        QCOMPARE(stageAppliesTo(tool, stage), applies);
    }
};

QTEST_GUILESS_MAIN(tst_RootCause)
#include "tst_rootcause.moc"
