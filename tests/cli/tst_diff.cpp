// SPDX-License-Identifier: MIT
// runlens-cli diff end to end: a run against itself, a failed run against a good one, the seed-layout pack against
// the upstream pack of the same run, run selection, formats and exit codes.
#include "clitest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <cstring>

using namespace Runlens::Test;

namespace {

const QString kHappyTimeline = fixture("upstream/happy-path/data/diagnostics");

QJsonObject diffJson(const QStringList& arguments, int expectedExit)
{
    const Result result =
        cli(QStringList { QStringLiteral("diff"), QStringLiteral("--format"), QStringLiteral("json") } + arguments);
    if (result.exitCode != expectedExit)
        qWarning("diff exited with %d: %s", result.exitCode, result.err.constData());
    return result.exitCode == expectedExit ? QJsonDocument::fromJson(result.out).object() : QJsonObject();
}

// "stage a>b" for every changed stage row.
QStringList changedStages(const QJsonObject& root)
{
    QStringList changed;
    for (const QJsonValue& value : root.value(QLatin1String("stages")).toArray()) {
        const QJsonObject stage = value.toObject();
        if (stage.value(QLatin1String("changed")).toBool())
            changed.append(
                QStringLiteral("%1 %2>%3")
                    .arg(stage.value(QLatin1String("stage")).toString(), stage.value(QLatin1String("a")).toString(),
                        stage.value(QLatin1String("b")).toString()));
    }
    return changed;
}

QStringList kinds(const QJsonArray& hints)
{
    QStringList list;
    for (const QJsonValue& hint : hints)
        list.append(hint.toObject().value(QLatin1String("kind")).toString());
    list.sort();
    return list;
}

QStringList paths(const QJsonArray& settings)
{
    QStringList list;
    for (const QJsonValue& setting : settings)
        list.append(setting.toObject().value(QLatin1String("path")).toString());
    return list;
}

QJsonObject setting(const QJsonArray& settings, const QString& path)
{
    for (const QJsonValue& value : settings) {
        if (value.toObject().value(QLatin1String("path")).toString() == path)
            return value.toObject();
    }
    return {};
}

} // namespace

class tst_Diff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void self_data()
    {
        QTest::addColumn<QString>("path");
        for (const char* pack : { kHappyPack, kHappyCliPack, kSparsePack, kErrorPack, kSeedSparse, kSeedError })
            QTest::addRow("%s", strrchr(pack, '/') + 1) << fixture(pack);
        QTest::addRow("happy timeline") << kHappyTimeline;
    }

    void self()
    {
        QFETCH(QString, path);
        const QJsonObject root = diffJson({ path, path }, 0);
        QCOMPARE(root.value(QLatin1String("format")).toString(), QStringLiteral("runlens-diff/1"));
        QVERIFY(root.value(QLatin1String("equal")).toBool());
        QCOMPARE(root.value(QLatin1String("stages")).toArray().size(), 8);
        QVERIFY(changedStages(root).isEmpty());
        for (const char* key : { "hints_only_a", "hints_only_b", "budgets", "context" })
            QVERIFY2(root.value(QLatin1String(key)).toArray().isEmpty(), key);
        for (const QJsonValue& stage : root.value(QLatin1String("stages")).toArray()) {
            const QJsonValue delta = stage.toObject().value(QLatin1String("delta_ms"));
            QVERIFY(delta.isNull() || delta.toDouble() == 0);
        }
        QCOMPARE(root.value(QLatin1String("a")).toObject(), root.value(QLatin1String("b")).toObject());
    }

    void errorAgainstSparse()
    {
        const QJsonObject root = diffJson({ fixture(kErrorPack), fixture(kSparsePack) }, 1);
        QVERIFY(!root.value(QLatin1String("equal")).toBool());
        // Every row changed: embed failed where it ran, the rest not reached where they ran or were skipped.
        QCOMPARE(changedStages(root),
            (QStringList { QStringLiteral("embed failed>ran"), QStringLiteral("dense not-reached>ran"),
                QStringLiteral("sparse:bm25 not-reached>skipped"), QStringLiteral("sparse:splade not-reached>skipped"),
                QStringLiteral("gather not-reached>ran"), QStringLiteral("fuse not-reached>ran"),
                QStringLiteral("hydrate not-reached>ran"), QStringLiteral("rerank not-reached>skipped") }));
        const QJsonObject embed = root.value(QLatin1String("stages")).toArray().first().toObject();
        QCOMPARE(embed.value(QLatin1String("duration_ms_a")).toDouble(), 30.0);
        QCOMPARE(embed.value(QLatin1String("duration_ms_b")).toDouble(), 12.0);
        QCOMPARE(embed.value(QLatin1String("delta_ms")).toDouble(), -18.0);
        QCOMPARE(embed.value(QLatin1String("reason_a")).toString(),
            QStringLiteral("vLLM HTTP 503 Service Unavailable from http://127.0.0.1:8001/v1/embeddings"));
        QVERIFY(embed.value(QLatin1String("reason_b")).isNull());

        QCOMPARE(
            kinds(root.value(QLatin1String("hints_only_a")).toArray()), QStringList { QStringLiteral("stage:failed") });
        QCOMPARE(kinds(root.value(QLatin1String("hints_only_b")).toArray()),
            (QStringList { QStringLiteral("channel:disabled"), QStringLiteral("channel:unavailable"),
                QStringLiteral("config:sparse-disabled") }));

        // The error pack's budgets are the settings snapshot; the sparse run's come from its budget decision.
        const QJsonArray budgets = root.value(QLatin1String("budgets")).toArray();
        QCOMPARE(budgets.size(), 13);
        QCOMPARE(setting(budgets, QStringLiteral("rrf_k")),
            (QJsonObject { { QStringLiteral("path"), QStringLiteral("rrf_k") }, { QStringLiteral("a"), 60 },
                { QStringLiteral("b"), 30 } }));
        QCOMPARE(setting(budgets, QStringLiteral("rm3_enabled")).value(QLatin1String("b")), QJsonValue(true));
        QCOMPARE(
            setting(budgets, QStringLiteral("per_channel_depths.bm25")).value(QLatin1String("a")), QJsonValue(200));
        QCOMPARE(
            setting(budgets, QStringLiteral("per_channel_depths.splade")).value(QLatin1String("b")), QJsonValue(120));
        const QJsonObject onlyB = setting(budgets, QStringLiteral("looks_literal"));
        QVERIFY(!onlyB.contains(QLatin1String("a"))); // absent on A: no key, not null
        QCOMPARE(onlyB.value(QLatin1String("b")), QJsonValue(true));

        const QJsonArray context = root.value(QLatin1String("context")).toArray();
        QCOMPARE(context.size(), 15);
        QCOMPARE(
            setting(context, QStringLiteral("settings.bm25.enabled")).value(QLatin1String("b")), QJsonValue(false));
        QCOMPARE(setting(context, QStringLiteral("runtime.vllm.mode")).value(QLatin1String("a")),
            QJsonValue(QStringLiteral("http")));
        QCOMPARE(paths(context).filter(QLatin1String("paths.")).size(), 11); // the fixtures' working directories differ
    }

    // The seed-layout packs hold the same runs as the upstream packs: the same stages and hints, the same
    // budgets, and a context.json of another shape (the seed plan's), so only context differs.
    void seedAgainstUpstream_data()
    {
        QTest::addColumn<QString>("upstream");
        QTest::addColumn<QString>("seed");
        QTest::addColumn<int>("contextDiffs");
        QTest::addColumn<QStringList>("onlyInSeed");
        QTest::addRow("sparse-disabled") << fixture(kSparsePack) << fixture(kSeedSparse) << 51
                                         << QStringList { QStringLiteral("settings.vllm"),
                                                QStringLiteral("runtime.faiss.index_kind"),
                                                QStringLiteral("capabilities.onnxruntime_importable") };
        QTest::addRow("error-embed") << fixture(kErrorPack) << fixture(kSeedError) << 50
                                     << QStringList { QStringLiteral("settings.vllm"),
                                            QStringLiteral("runtime.faiss.ntotal") };
    }

    void seedAgainstUpstream()
    {
        QFETCH(QString, upstream);
        QFETCH(QString, seed);
        QFETCH(int, contextDiffs);
        QFETCH(QStringList, onlyInSeed);
        const QJsonObject root = diffJson({ upstream, seed }, 0);
        QVERIFY(root.value(QLatin1String("equal")).toBool());
        QVERIFY(changedStages(root).isEmpty());
        QVERIFY(root.value(QLatin1String("budgets")).toArray().isEmpty());
        const QJsonArray context = root.value(QLatin1String("context")).toArray();
        QCOMPARE(context.size(), contextDiffs);
        for (const QString& path : onlyInSeed) {
            const QJsonObject entry = setting(context, path);
            QVERIFY2(!entry.isEmpty() && !entry.contains(QLatin1String("a")) && entry.contains(QLatin1String("b")),
                qPrintable(path));
        }
        QCOMPARE(root.value(QLatin1String("a")).toObject().value(QLatin1String("run_id")),
            root.value(QLatin1String("b")).toObject().value(QLatin1String("run_id")));
    }

    void selection_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("runA");
        QTest::addColumn<QString>("runB");
        QTest::addColumn<QString>("stderrText");
        const QString first = QStringLiteral("f7fe85bab97843aab788eef0bcbc1465");
        const QString second = QStringLiteral("b631c87847bb46a4a1823ea76d9a9113");
        const QString third = QStringLiteral("e7bff87e7dc54b15bd34a296c30170d9");
        const QString runA = QStringLiteral("--run-a");
        const QString runB = QStringLiteral("--run-b");
        QTest::addRow("default: first tool run of each")
            << QStringList { kHappyTimeline, kHappyTimeline } << 0 << first << first << QString();
        QTest::addRow("session/run and run id") << QStringList { kHappyTimeline, kHappyTimeline, runA,
            QStringLiteral("sess-happy-01/") + second, runB, third }
                                                << 0 << second << third << QString();
        QTest::addRow("timeline run against its pack")
            << QStringList { kHappyTimeline, fixture(kHappyPack), runA, first } << 0 << first << first << QString();
        QTest::addRow("no such run") << QStringList { kHappyTimeline, kHappyTimeline, runB, QStringLiteral("nosuch") }
                                     << 2 << QString() << QString()
                                     << QStringLiteral("no run nosuch with a tool scope in ");
        QTest::addRow("wrong session") << QStringList { kHappyTimeline, kHappyTimeline, runA,
            QStringLiteral("sess-happy-02/") + first }
                                       << 2 << QString() << QString() << QStringLiteral("no run sess-happy-02/");
        QTest::addRow("background run") << QStringList { kHappyTimeline, kHappyTimeline, runA,
            QStringLiteral("startup/ef5386bff0ae4f13b76a5ce0d6d7097b") }
                                        << 2 << QString() << QString() << QStringLiteral("with a tool scope");
        QTest::addRow("unreadable A") << QStringList { QStringLiteral("/nonexistent/a.zip"), kHappyTimeline } << 2
                                      << QString() << QString() << QStringLiteral("cannot read /nonexistent/a.zip: ");
        QTest::addRow("B is no timeline")
            << QStringList { kHappyTimeline, fixture("upstream/happy-path/data/ledger/execution_ledger.jsonl") } << 2
            << QString() << QString() << QStringLiteral("cannot read ");
        QTest::addRow("one input") << QStringList { kHappyTimeline } << 2 << QString() << QString()
                                   << QStringLiteral("diff takes A, B");
        QTest::addRow("csv is no diff format")
            << QStringList { kHappyTimeline, kHappyTimeline, QStringLiteral("--format"), QStringLiteral("csv") } << 2
            << QString() << QString() << QStringLiteral("diff takes A, B");
    }

    void selection()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, runA);
        QFETCH(QString, runB);
        QFETCH(QString, stderrText);
        const Result result = cli(QStringList { QStringLiteral("diff") } + arguments
            + (arguments.contains(QLatin1String("--format"))
                    ? QStringList()
                    : QStringList { QStringLiteral("--format"), QStringLiteral("json") }));
        QCOMPARE(result.exitCode, exitCode);
        if (exitCode == 2) {
            QVERIFY(result.out.isEmpty());
            QVERIFY2(QString::fromUtf8(result.err).contains(stderrText), result.err.constData());
            return;
        }
        QVERIFY(result.err.isEmpty());
        const QJsonObject root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(QLatin1String("a")).toObject().value(QLatin1String("run_id")).toString(), runA);
        QCOMPARE(root.value(QLatin1String("b")).toObject().value(QLatin1String("run_id")).toString(), runB);
        QVERIFY(
            root.value(QLatin1String("a")).toObject().value(QLatin1String("label")).toString().endsWith(u'/' + runA));
    }

    // Two happy runs: the same stages and no hints (exit 0), but RM3 was on for one and off for the other.
    void budgetsOnly()
    {
        const QJsonObject root = diffJson({ kHappyTimeline, kHappyTimeline, QStringLiteral("--run-b"),
                                              QStringLiteral("b631c87847bb46a4a1823ea76d9a9113") },
            0);
        QVERIFY(root.value(QLatin1String("equal")).toBool());
        QCOMPARE(paths(root.value(QLatin1String("budgets")).toArray()).contains(QStringLiteral("rm3_enabled")), true);
        QCOMPARE(setting(root.value(QLatin1String("budgets")).toArray(), QStringLiteral("rm3_enabled"))
                     .value(QLatin1String("b")),
            QJsonValue(false));
    }

    void text()
    {
        const Result result = cli({ QStringLiteral("diff"), fixture(kErrorPack), fixture(kSparsePack) });
        QCOMPARE(result.exitCode, 1);
        const QString out = QString::fromUtf8(result.out);
        QVERIFY(out.startsWith(QLatin1String("A: runpack_sess-embed-error_")));
        QVERIFY(
            out.contains(QLatin1String("\n* embed          Failed 30 ms           Ran 12 ms              -18 ms\n")));
        QVERIFY(out.contains(QLatin1String("\nHints only in A (1):\n  [error] stage:failed: Stage embed failed")));
        QVERIFY(out.contains(QLatin1String("\nHints only in B (3):\n")));
        QVERIFY(out.contains(QLatin1String("\nbudgets.json, settings that differ: 13\n")));
        QVERIFY(out.contains(QLatin1String("\n  rrf_k: 60 -> 30\n")));
        QVERIFY(out.contains(QLatin1String("\n  looks_literal: (absent) -> true\n")));
        QVERIFY(out.endsWith(QLatin1String("\nStages or hints differ.\n")));

        const Result same = cli({ QStringLiteral("diff"), fixture(kSparsePack), fixture(kSparsePack) });
        QCOMPARE(same.exitCode, 0);
        QVERIFY(same.out.endsWith("\nSame stages and hints.\n"));
    }

    void markdown()
    {
        const Result result = cli({ QStringLiteral("diff"), QStringLiteral("--format"), QStringLiteral("md"),
            fixture(kErrorPack), fixture(kSparsePack) });
        QCOMPARE(result.exitCode, 1);
        const QStringList lines = QString::fromUtf8(result.out).split(u'\n');
        QCOMPARE(lines[0], QStringLiteral("# Compare"));
        const qsizetype stages = lines.indexOf(QStringLiteral("## Stages"));
        QVERIFY(stages > 0);
        QCOMPARE(lines[stages + 2], QStringLiteral("| Stage | A | B | Duration change | A reason | B reason |"));
        QCOMPARE(lines[stages + 3], QStringLiteral("|---|---|---|---|---|---|"));
        // Eight rows of six cells, each changed status in bold.
        for (qsizetype i = stages + 4; i < stages + 12; ++i) {
            QCOMPARE(lines[i].count(u'|'), 7);
            QCOMPARE(lines[i].count(QLatin1String("**")), 4);
        }
        QVERIFY(lines.contains(QStringLiteral("- `stage:failed` (error): Stage embed failed: vLLM HTTP 503 Service "
                                              "Unavailable from http://127.0.0.1:8001/v1/embeddings")));
        QVERIFY(lines.contains(QStringLiteral("| `rrf_k` | `60` | `30` |")));
        QVERIFY(lines.contains(QStringLiteral("| `looks_literal` | (absent) | `true` |")));
        QVERIFY(lines.contains(QStringLiteral("## `context.json`")));
    }
};

QTEST_GUILESS_MAIN(tst_Diff)
#include "tst_diff.moc"
