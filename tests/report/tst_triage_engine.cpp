// SPDX-License-Identifier: MIT
// The triage and diff engine on hand-made data: inputs found in folders, rows, groups, settings and stage diffs.
#include "csvreader.h"
#include "derivedinputs.h"
#include "inputs.h"
#include "rundiff.h"
#include "runfixture.h"
#include "sourcereader.h"
#include "triage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

struct HintSpec
{
    QString kind;
    bool suppressed = false;
};

Hint makeHint(const HintSpec& spec, const QString& msg = QStringLiteral("message"))
{
    Hint hint;
    hint.kind = spec.kind;
    hint.msg = msg;
    if (spec.suppressed)
        hint.suppressedBy = QStringLiteral(".runlens-suppress:1: ") + spec.kind;
    return hint;
}

TriageRow makeRow(
    const QString& tool, const QString& stopReason, const QString& failingStage, const QList<HintSpec>& hints)
{
    auto run = std::make_shared<Run>();
    run->tool = tool;
    run->stopReason = stopReason;
    TriageRow row;
    row.run = run;
    row.failingStage = failingStage;
    for (const HintSpec& spec : hints)
        row.hints.push_back(makeHint(spec));
    return row;
}

// Four runs that fall into every kind of group: shared keys, a key per row, suppressed hints left out.
TriageRows groupingRows()
{
    return { makeRow(QStringLiteral("search.a"), {}, {},
                 { { QStringLiteral("gap:x") }, { QStringLiteral("perf:y"), true } }),
        makeRow(QStringLiteral("search.b"), QStringLiteral("Boom"), QStringLiteral("embed"),
            { { QStringLiteral("stage:failed") }, { QStringLiteral("gap:x") }, { QStringLiteral("gap:x") } }),
        makeRow(QStringLiteral("search.a"), QStringLiteral("Boom"), QStringLiteral("embed"), {}),
        makeRow(QStringLiteral("search.a"), {}, QStringLiteral("dense"), { { QStringLiteral("perf:y"), true } }) };
}

// "key=0,1; key=2": every group with its row indexes, in the order groupTriageRows gives.
QString describe(const std::vector<TriageGroup>& groups)
{
    QStringList parts;
    for (const TriageGroup& group : groups) {
        QStringList rows;
        for (int row : group.rows)
            rows.append(QString::number(row));
        parts.append(group.key + u'=' + rows.join(u','));
    }
    return parts.join(QLatin1String("; "));
}

QString valueText(const QJsonValue& value)
{
    if (value.isUndefined())
        return QStringLiteral("-");
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(json).object();
}

StageCell cell(const char* stage, CellStatus status, double ms = NAN, const char* reason = "")
{
    StageCell c;
    c.stage = QLatin1String(stage);
    c.status = status;
    c.durationMs = ms;
    c.reason = QLatin1String(reason);
    return c;
}

void touch(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
}

} // namespace

class tst_TriageEngine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("plain-semantic.zip")), plainSemanticPack()));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("lost-tool-lines.zip")), lostToolLinesPack()));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("not-a-runpack.zip")), notARunpackZip()));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("events-20261124.jsonl")), QByteArray()));
    }

    void groupingNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        for (const char* name : { "none", "kind", "stop", "tool", "stage" })
            QTest::addRow("%s", name) << QString::fromLatin1(name) << true;
        QTest::addRow("capitalised") << QStringLiteral("Kind") << false;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("unknown") << QStringLiteral("severity") << false;
    }

    void groupingNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        TriageGrouping grouping = TriageGrouping::Tool;
        QCOMPARE(parseTriageGrouping(name, &grouping), valid);
        if (valid)
            QCOMPARE(triageGroupingName(grouping), name);
        else
            QCOMPARE(grouping, TriageGrouping::Tool); // untouched
    }

    void groups_data()
    {
        QTest::addColumn<QString>("grouping");
        QTest::addColumn<QString>("expected");
        // Descending count, then key; a run with two hints of one kind counts once in that kind.
        QTest::addRow("kind") << QStringLiteral("kind") << QStringLiteral("(no hints)=2,3; gap:x=0,1; stage:failed=1");
        QTest::addRow("stop") << QStringLiteral("stop") << QStringLiteral("(none)=0,3; Boom=1,2");
        QTest::addRow("tool") << QStringLiteral("tool") << QStringLiteral("search.a=0,2,3; search.b=1");
        QTest::addRow("stage") << QStringLiteral("stage") << QStringLiteral("embed=1,2; (none)=0; dense=3");
        QTest::addRow("none") << QStringLiteral("none") << QStringLiteral("=0,1,2,3");
    }

    void groups()
    {
        QFETCH(QString, grouping);
        QFETCH(QString, expected);
        TriageGrouping g;
        QVERIFY(parseTriageGrouping(grouping, &g));
        QCOMPARE(describe(groupTriageRows(groupingRows(), g)), expected);
        QVERIFY(groupTriageRows({}, g).empty());
    }

    void groupKeys()
    {
        const TriageRows rows = groupingRows();
        QCOMPARE(triageGroupKeys(rows[1], TriageGrouping::Kind),
            (QStringList { QStringLiteral("stage:failed"), QStringLiteral("gap:x") }));
        QCOMPARE(triageGroupKeys(rows[3], TriageGrouping::Kind), QStringList { QStringLiteral("(no hints)") });
        QCOMPARE(triageGroupKeys(rows[0], TriageGrouping::None), QStringList { QString() });
    }

    void urgency_data()
    {
        QTest::addColumn<int>("status"); // a RunStatus, -1 for a row without a run
        QTest::addColumn<QString>("failingStage");
        QTest::addColumn<int>("expected");
        QTest::addRow("failed") << int(RunStatus::Error) << QStringLiteral("embed") << 6;
        QTest::addRow("cut off") << int(RunStatus::CutOff) << QString() << 5;
        QTest::addRow("no run") << -1 << QString() << 4;
        QTest::addRow("complete, degraded stage") << int(RunStatus::Complete) << QStringLiteral("dense") << 3;
        QTest::addRow("running, degraded stage") << int(RunStatus::Running) << QStringLiteral("dense") << 3;
        QTest::addRow("running") << int(RunStatus::Running) << QString() << 2;
        QTest::addRow("complete") << int(RunStatus::Complete) << QString() << 1;
        QTest::addRow("background") << int(RunStatus::Background) << QString() << 0;
    }

    void urgency()
    {
        QFETCH(int, status);
        QFETCH(QString, failingStage);
        QFETCH(int, expected);
        TriageRow row = makeRow(QStringLiteral("search.a"), {}, failingStage, {});
        if (status < 0)
            row.run = nullptr;
        else
            std::const_pointer_cast<Run>(row.run)->status = RunStatus(status);
        QCOMPARE(triageUrgency(row), expected);
    }

    // Most urgent first, then by start time (unknown last), then by input path.
    void defaultOrder()
    {
        const auto row = [](const char* path, RunStatus status, double startedAt, const char* failingStage = "") {
            TriageRow r = makeRow(QStringLiteral("search.a"), {}, QLatin1String(failingStage), {});
            auto run = std::const_pointer_cast<Run>(r.run);
            run->status = status;
            run->startedAt = startedAt;
            auto source = std::make_shared<Source>();
            source->path = QLatin1String(path);
            r.source = source;
            return r;
        };
        TriageRows rows = { row("complete-late", RunStatus::Complete, 20), row("background", RunStatus::Background, 1),
            row("degraded", RunStatus::Complete, 30, "dense"), row("failed-late", RunStatus::Error, 9),
            row("complete-early", RunStatus::Complete, 10), row("failed-unknown-start", RunStatus::Error, NAN),
            row("cut-off", RunStatus::CutOff, 50), row("failed-early", RunStatus::Error, 5),
            row("b-no-run", RunStatus::Complete, NAN), row("a-no-run", RunStatus::Complete, NAN) };
        rows[8].run = nullptr;
        rows[9].run = nullptr;
        std::sort(rows.begin(), rows.end(), triageRowBefore);
        QStringList order;
        for (const TriageRow& r : rows)
            order.append(r.source->path);
        QCOMPARE(order.join(u' '),
            QStringLiteral("failed-early failed-late failed-unknown-start cut-off a-no-run b-no-run degraded "
                           "complete-early complete-late background"));
    }

    void sharedPathTail_data()
    {
        QTest::addColumn<QJsonObject>("values"); // {"a": ..., "b": ...}; a missing key is an absent side
        QTest::addColumn<QString>("expected");
        QTest::addRow("moved root") << object(R"({"a": "/home/a/x/faiss.index", "b": "/srv/b/x/faiss.index"})")
                                    << QStringLiteral("/x/faiss.index");
        QTest::addRow("checkout renamed")
            << object(R"({"a": "/tmp/ci/05-error-embed/data", "b": "/tmp/ci/04-sparse-disabled/data"})")
            << QStringLiteral("/data");
        QTest::addRow("shared suffix inside a component")
            << object(R"({"a": "/ci/old/data/x", "b": "/ci/bold/data/x"})") << QStringLiteral("/data/x");
        QTest::addRow("last component differs")
            << object(R"({"a": "/tmp/ci/05-error-embed", "b": "/tmp/ci/04-sparse-disabled"})") << QString();
        QTest::addRow("file name differs") << object(R"({"a": "/d/a.index", "b": "/d/b.index"})") << QString();
        QTest::addRow("one is the other's tail")
            << object(R"({"a": "x/faiss.index", "b": "/srv/x/faiss.index"})") << QString();
        QTest::addRow("trailing separator only") << object(R"({"a": "/a/", "b": "/b/"})") << QString();
        QTest::addRow("not paths") << object(R"({"a": "http", "b": "inprocess"})") << QString();
        QTest::addRow("numbers") << object(R"({"a": 1, "b": 2})") << QString();
        QTest::addRow("absent side") << object(R"({"a": "/home/a/x/faiss.index"})") << QString();
    }

    void sharedPathTail()
    {
        QFETCH(QJsonObject, values);
        QFETCH(QString, expected);
        const SettingDiff setting { QStringLiteral("paths.x"), values.value(QLatin1String("a")),
            values.value(QLatin1String("b")) };
        QCOMPARE(Runlens::sharedPathTail(setting), expected);
        const SettingDiff swapped { setting.path, setting.b, setting.a };
        QCOMPARE(Runlens::sharedPathTail(swapped), expected);
    }

    void diffSettings_data()
    {
        QTest::addColumn<QJsonObject>("a");
        QTest::addColumn<QJsonObject>("b");
        QTest::addColumn<QStringList>("expected"); // "path: a -> b", "-" for absent

        QTest::addRow("equal") << object(R"({"rrf_k": 30, "x": {"y": [1, 2]}})")
                               << object(R"({"x": {"y": [1, 2]}, "rrf_k": 30})") << QStringList();
        QTest::addRow("both empty") << QJsonObject() << QJsonObject() << QStringList();
        QTest::addRow("integer and double alike")
            << object(R"({"rrf_k": 30})") << object(R"({"rrf_k": 30.0})") << QStringList();
        QTest::addRow("scalar changed") << object(R"({"rrf_k": 30})") << object(R"({"rrf_k": 60})")
                                        << QStringList { QStringLiteral("rrf_k: 30 -> 60") };
        QTest::addRow("only in a") << object(R"({"rm3": true, "k": 1})") << object(R"({"k": 1})")
                                   << QStringList { QStringLiteral("rm3: true -> -") };
        QTest::addRow("only in b, null is a value")
            << object(R"({})") << object(R"({"gpu": null})") << QStringList { QStringLiteral("gpu: - -> null") };
        QTest::addRow("nested, sorted by path")
            << object(R"({"d": {"splade": 120, "bm25": 300, "semantic": 200}, "a": 1})")
            << object(R"({"d": {"splade": 200, "bm25": 200, "semantic": 200}, "a": 1})")
            << QStringList { QStringLiteral("d.bm25: 300 -> 200"), QStringLiteral("d.splade: 120 -> 200") };
        QTest::addRow("object against absent: its leaves")
            << object(R"({"runtime": {"faiss": {"ntotal": 4096, "gpu": true}}})") << QJsonObject()
            << QStringList { QStringLiteral("runtime.faiss.gpu: true -> -"),
                   QStringLiteral("runtime.faiss.ntotal: 4096 -> -") };
        QTest::addRow("object against scalar: one leaf")
            << object(R"({"vllm": {"mode": "http"}})") << object(R"j({"vllm": "VLLMConfig(mode='http')"})j")
            << QStringList { QStringLiteral("vllm: {\"mode\":\"http\"} -> \"VLLMConfig(mode='http')\"") };
        QTest::addRow("empty object against absent")
            << object(R"({"hints": {}})") << QJsonObject() << QStringList { QStringLiteral("hints: {} -> -") };
        QTest::addRow("arrays whole") << object(R"({"w": ["a", "b"]})") << object(R"({"w": ["b", "a"]})")
                                      << QStringList { QStringLiteral("w: [\"a\",\"b\"] -> [\"b\",\"a\"]") };
        QTest::addRow("type change") << object(R"({"k": "30"})") << object(R"({"k": 30})")
                                     << QStringList { QStringLiteral("k: \"30\" -> 30") };
    }

    void diffSettings()
    {
        QFETCH(QJsonObject, a);
        QFETCH(QJsonObject, b);
        QFETCH(QStringList, expected);
        QStringList actual;
        for (const SettingDiff& d : Runlens::diffSettings(a, b))
            actual.append(QStringLiteral("%1: %2 -> %3").arg(d.path, valueText(d.a), valueText(d.b)));
        QCOMPARE(actual, expected);
        // The same differences the other way round.
        QCOMPARE(Runlens::diffSettings(b, a).size(), size_t(expected.size()));
    }

    void diffRuns()
    {
        auto a = std::make_shared<Run>();
        a->stages = { cell("embed", CellStatus::Ran, 12), cell("dense", CellStatus::Ran, 4),
            cell("hydrate", CellStatus::Ran, 3), cell("extra:a", CellStatus::Skipped, NAN, "off") };
        a->storedBudgets = object(R"({"rrf_k": 30})");
        auto b = std::make_shared<Run>();
        b->stages = { cell("embed", CellStatus::Failed, 30, "HTTP 503"), cell("extra:b", CellStatus::Ran, 1),
            cell("hydrate", CellStatus::NotReached) };
        b->storedBudgets = object(R"({"rrf_k": 60})");
        b->context = object(R"({"settings": {"bm25": {"enabled": false}}})");
        const Hints hintsA = { makeHint({ QStringLiteral("config:sparse-disabled") }),
            makeHint({ QStringLiteral("gap:x") }, QStringLiteral("one")),
            makeHint({ QStringLiteral("perf:y"), true }) };
        const Hints hintsB = { makeHint({ QStringLiteral("gap:x") }, QStringLiteral("other")),
            makeHint({ QStringLiteral("config:sparse-disabled") }),
            makeHint({ QStringLiteral("stage:failed"), true }) };

        const RunDiff diff =
            Runlens::diffRuns(a, hintsA, QStringLiteral("a.zip: s/r"), b, hintsB, QStringLiteral("b.zip: s/r"));
        // Rows of both, in grid order: B's extra row after the B row before it.
        QStringList rows;
        for (const StageDiff& stage : diff.stages)
            rows.append(QStringLiteral("%1 %2>%3 %4")
                            .arg(stage.stage, cellStatusName(stage.a), cellStatusName(stage.b))
                            .arg(stage.deltaMs()));
        QCOMPARE(rows,
            (QStringList { QStringLiteral("embed ran>failed 18"), QStringLiteral("extra:b not-reached>ran nan"),
                QStringLiteral("dense ran>not-reached nan"), QStringLiteral("hydrate ran>not-reached nan"),
                QStringLiteral("extra:a skipped>not-reached nan") }));
        QCOMPARE(diff.stages[0].reasonB, QStringLiteral("HTTP 503"));
        // Same kind and message on both sides is shared; a different message is not; suppressed ones never count.
        QCOMPARE(diff.onlyA.size(), size_t(1));
        QCOMPARE(diff.onlyA[0].msg, QStringLiteral("one"));
        QCOMPARE(diff.onlyB.size(), size_t(1));
        QCOMPARE(diff.onlyB[0].msg, QStringLiteral("other"));
        QCOMPARE(diff.budgets.size(), size_t(1));
        QCOMPARE(diff.context.size(), size_t(1));
        QCOMPARE(diff.context[0].path, QStringLiteral("settings.bm25.enabled"));
        QVERIFY(!diff.sameStagesAndHints());

        const RunDiff self = Runlens::diffRuns(a, hintsA, {}, a, hintsA, {});
        QVERIFY(self.sameStagesAndHints());
        QVERIFY(self.budgets.empty() && self.context.empty());
        QCOMPARE(self.stages.size(), a->stages.size());
        QCOMPARE(self.stages[0].deltaMs(), 0.0);
    }

    void compareInputs_data()
    {
        QTest::addColumn<QString>("pathA");
        QTest::addColumn<QString>("specA");
        QTest::addColumn<QString>("pathB");
        QTest::addColumn<QString>("specB");
        QTest::addColumn<QString>("labelA"); // empty: no diff, `error` says why
        QTest::addColumn<QString>("labelB");
        QTest::addColumn<QString>("error");
        const QString happy = kHappyDirectoryPath;
        QTest::newRow("failed pack against healthy pack")
            << kErrorPackPath << QString() << kSparsePackPath << QString()
            << QStringLiteral("%1: sess-embed-error/%2").arg(QFileInfo(kErrorPackPath).fileName(), kErrorRun)
            << QStringLiteral("%1: sess-sparse-disabled/%2").arg(QFileInfo(kSparsePackPath).fileName(), kSparseRun)
            << QString();
        // The startup session's background run comes first in the directory: it is never taken.
        QTest::newRow("first run with a tool scope")
            << happy << QString() << happy << QStringLiteral("sess-happy-02/e7bff87e7dc54b15bd34a296c30170d9")
            << QStringLiteral("diagnostics: sess-happy-01/%1").arg(kHappyRun)
            << QStringLiteral("diagnostics: sess-happy-02/e7bff87e7dc54b15bd34a296c30170d9") << QString();
        QTest::newRow("run id alone") << happy << QStringLiteral("b631c87847bb46a4a1823ea76d9a9113") << happy
                                      << QString()
                                      << QStringLiteral("diagnostics: sess-happy-01/b631c87847bb46a4a1823ea76d9a9113")
                                      << QStringLiteral("diagnostics: sess-happy-01/%1").arg(kHappyRun) << QString();
        QTest::newRow("background run refused")
            << happy << QStringLiteral("ef5386bff0ae4f13b76a5ce0d6d7097b") << happy << QString() << QString()
            << QString()
            << QStringLiteral("no run ef5386bff0ae4f13b76a5ce0d6d7097b with a tool scope in %1").arg(happy);
        QTest::newRow("unreadable B") << happy << QString() << QStringLiteral("/nonexistent/pack.zip") << QString()
                                      << QString() << QString()
                                      << QStringLiteral("cannot read /nonexistent/pack.zip: ");
    }

    // The window's compare of two inputs: both read, a run picked from each, detected and compared.
    void compareInputs()
    {
        QFETCH(QString, pathA);
        QFETCH(QString, specA);
        QFETCH(QString, pathB);
        QFETCH(QString, specB);
        QFETCH(QString, labelA);
        QFETCH(QString, labelB);
        QFETCH(QString, error);
        QString why;
        const std::optional<RunDiff> diff = Runlens::compareInputs(pathA, specA, pathB, specB, &why);
        QCOMPARE(diff.has_value(), !labelA.isEmpty());
        if (!diff) {
            QVERIFY2(why.startsWith(error), qPrintable(why));
            return;
        }
        QVERIFY(why.isEmpty());
        QCOMPARE(diff->labelA, labelA);
        QCOMPARE(diff->labelB, labelB);
        QCOMPARE(diff->stages.size(), diff->a->stages.size());
        // The hints are detected: a failed embed against a healthy run differs in them.
        if (pathA == kErrorPackPath)
            QVERIFY(!diff->onlyA.empty() && !diff->sameStagesAndHints());
    }

    void sameStagesDifferentSettings()
    {
        auto a = std::make_shared<Run>();
        a->stages = { cell("embed", CellStatus::Ran, 12) };
        auto b = std::make_shared<Run>(*a);
        b->stages[0].durationMs = 40;
        b->storedBudgets = object(R"({"rrf_k": 60})");
        // Durations and settings are shown, but only statuses and hints decide "equal".
        const RunDiff diff = Runlens::diffRuns(a, {}, {}, b, {}, {});
        QVERIFY(diff.sameStagesAndHints());
        QCOMPARE(diff.stages[0].deltaMs(), 28.0);
        QCOMPARE(diff.budgets.size(), size_t(1));
    }

    void inputs_data()
    {
        QTest::addColumn<QStringList>("paths"); // relative to the tree below
        QTest::addColumn<QStringList>("expected");
        const QStringList everything = { QStringLiteral("a.zip"), QStringLiteral("deep/er/b.ZIP"),
            QStringLiteral("timeline"), QStringLiteral("timeline/other.jsonl"),
            QStringLiteral("timeline/runpacks/c.zip"), QStringLiteral("x.jsonl") };
        QTest::addRow("folder searched") << QStringList { QStringLiteral(".") } << everything;
        QTest::addRow("timeline directory as is")
            << QStringList { QStringLiteral("timeline") } << QStringList { QStringLiteral("timeline") };
        QTest::addRow("each once, sorted")
            << QStringList { QStringLiteral("x.jsonl"), QStringLiteral("."), QStringLiteral("./a.zip") } << everything;
        QTest::addRow("files as they are")
            << QStringList { QStringLiteral("notes.txt"), QStringLiteral("missing.zip") }
            << QStringList { QStringLiteral("missing.zip"), QStringLiteral("notes.txt") };
        QTest::addRow("empty folder") << QStringList { QStringLiteral("empty") } << QStringList();
    }

    void inputs()
    {
        QFETCH(QStringList, paths);
        QFETCH(QStringList, expected);
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QDir root(temp.path());
        for (const char* file :
            { "a.zip", "deep/er/b.ZIP", "timeline/events-20261124.jsonl", "timeline/events-20261124-1795560000.jsonl",
                "timeline/other.jsonl", "timeline/runpacks/c.zip", "x.jsonl", "notes.txt", ".hidden/d.zip" })
            touch(root.filePath(QLatin1String(file)));
        QVERIFY(root.mkpath(QStringLiteral("empty")));
        // Links are not followed: neither a loop back up nor a second name of a pack.
        QVERIFY(QFile::link(root.path(), root.filePath(QStringLiteral("deep/loop"))));
        QVERIFY(QFile::link(root.filePath(QStringLiteral("a.zip")), root.filePath(QStringLiteral("alias.zip"))));

        QStringList absolute;
        for (const QString& path : std::as_const(paths))
            absolute.append(QDir::cleanPath(root.filePath(path)));
        QStringList expectedAbsolute;
        for (const QString& path : std::as_const(expected))
            expectedAbsolute.append(root.filePath(path));
        QCOMPARE(Inputs::find(absolute), expectedAbsolute);
    }

    void rows_data()
    {
        QTest::addColumn<QString>("path"); // a fixture, or an input written by initTestCase
        // A row each: "run status stage-reached failing-stage hints-summary", "-" for empty; for a row without
        // a run, "- status" and the start of why.
        QTest::addColumn<QStringList>("rows");
        // Every run is a row, the background startup warm-up of the happy timeline too (issue 13).
        QTest::addRow("happy timeline")
            << fixture(QStringLiteral("upstream/happy-path/data/diagnostics"))
            << QStringList { QStringLiteral("ef5386bff0ae4f13b76a5ce0d6d7097b background - - -"),
                   kHappyRun + QStringLiteral(" complete hydrate - -"),
                   QStringLiteral("b631c87847bb46a4a1823ea76d9a9113 complete hydrate - -"),
                   QStringLiteral("e7bff87e7dc54b15bd34a296c30170d9 complete hydrate - -") };
        QTest::addRow("error timeline") << fixture(QStringLiteral("upstream/error-embed/data/diagnostics"))
                                        << QStringList { kErrorRun
                                               + QStringLiteral(" error - embed stage:failed (error)") };
        QTest::addRow("sparse timeline")
            << fixture(QStringLiteral("upstream/sparse-disabled/data/diagnostics"))
            << QStringList { kSparseRun
                   + QStringLiteral(" complete hydrate - channel:unavailable (warning), config:sparse-disabled "
                                    "(warning), channel:disabled (note)") };
        // The stored gap:hydrate of the plain semantic adapter is listed, as disputed (issue 13).
        QTest::addRow("plain semantic pack: stored hint disputed")
            << m_dir.filePath(QStringLiteral("plain-semantic.zip"))
            << QStringList { kHappyRun + QStringLiteral(" complete hydrate - gap:hydrate (disputed)") };
        // A pack whose run lost its tool lines to a rotation collision: a background run (its staged spans
        // still give it a grid), still a row.
        QTest::addRow("pack without tool lines")
            << m_dir.filePath(QStringLiteral("lost-tool-lines.zip"))
            << QStringList { kHappyRun + QStringLiteral(" background hydrate - timeline:lost-lines (warning)") };
        QTest::addRow("zip that is not a runpack")
            << m_dir.filePath(QStringLiteral("not-a-runpack.zip")) << QStringList { QStringLiteral("- no-run no run") };
        QTest::addRow("empty timeline file") << m_dir.filePath(QStringLiteral("events-20261124.jsonl"))
                                             << QStringList { QStringLiteral("- no-run no run") };
        QTest::addRow("missing file") << QStringLiteral("/nonexistent/pack.zip")
                                      << QStringList { QStringLiteral("- unreadable ") };
    }

    void rows()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, rows);
        const SourcePtr source = readSource(path);
        const TriageRows actual = triageRows(source);
        QCOMPARE(actual.size(), size_t(rows.size()));
        auto orDash = [](const QString& text) { return text.isEmpty() ? QStringLiteral("-") : text; };
        for (size_t i = 0; i < actual.size(); ++i) {
            const TriageRow& row = actual[i];
            QCOMPARE(row.source, source);
            if (!row.run) {
                const QString text = QStringLiteral("- ") + row.statusName() + u' ' + row.noRun;
                QVERIFY2(text.startsWith(rows[qsizetype(i)]), qPrintable(text));
                QVERIFY(!row.noRun.isEmpty());
                continue;
            }
            const QStringList cells = Test::parseCsv(QString::fromUtf8(triageCsv({ row }, TriageGrouping::None)))[1];
            const QString text = QStringList { row.run->runId, row.statusName(), orDash(row.stageReached),
                orDash(row.failingStage), orDash(cells[9]) }
                                     .join(u' ');
            QCOMPARE(text, rows[qsizetype(i)]);
        }
    }

    void suppressionNextToInput()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString pack = temp.filePath(QStringLiteral("sparse.zip"));
        QVERIFY(QFile::copy(
            fixture(QLatin1String("upstream/sparse-disabled/data/diagnostics/runpacks/sess-sparse-disabled/"
                                  "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip")),
            pack));
        QFile suppress(temp.filePath(QStringLiteral(".runlens-suppress")));
        QVERIFY(suppress.open(QIODevice::WriteOnly));
        suppress.write("channel:*\n");
        suppress.close();
        const TriageRows rows = triageRows(readSource(pack));
        QCOMPARE(rows.size(), size_t(1));
        QCOMPARE(rows[0].hints.size(), size_t(3)); // kept, two of them marked
        QCOMPARE(
            triageGroupKeys(rows[0], TriageGrouping::Kind), QStringList { QStringLiteral("config:sparse-disabled") });
    }

    void noSourceNoRows() { QVERIFY(triageRows(nullptr).empty()); }
};

QTEST_GUILESS_MAIN(tst_TriageEngine)
#include "tst_triage_engine.moc"
