// SPDX-License-Identifier: MIT
#include "diagnostic.h"
#include "hostileinput.h"
#include "run.h"
#include "source.h"
#include "sourcereader.h"
#include "synthdir.h"
#include "testdata.h"
#include "ziparchive.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

namespace Runlens {

namespace {

using Members = QList<QPair<QString, QByteArray>>;

/// What fixtures/README.md says about one run.
struct RunExpect
{
    QString sessionId;
    QString runId;
    QString status;
    QString stopReason;
    QString stoppedAfter;
    QString cells; // every grid row as "row=status"; empty for a background run (no grid)
    QStringList reasons; // "row=text" the cell's reason must contain
    QString rerankSecondary; // a disagreeing source's skip reason
    QString ops; // the true ops_coverage keys, in key order
    bool opsStored = false;
    int rrfK = -1; // -1: the run has no budgets at all
    int rm3 = -1; // 0 or 1; -1: no rm3_enabled key
    QString budgetsSource; // empty: not checked
    int events = 0;
    bool hasStoredHints = false;
    QStringList hints; // stored hint kinds
    int checkpoints = 0;
    bool checkpointsStored = false;
};
using RunExpects = QList<RunExpect>;

/// A diagnostic that must be among a source's problems. Offsets in [offsetMin, offsetMax].
struct ExpectedProblem
{
    QString file; // "$path" stands for the input path
    Diagnostic::Severity severity = Diagnostic::Severity::Warning;
    qint64 line = 0;
    qint64 offsetMin = -1;
    qint64 offsetMax = -1;
    QString keyword;
};
using ExpectedProblems = QList<ExpectedProblem>;

constexpr auto Warning = Diagnostic::Severity::Warning;
constexpr auto Error = Diagnostic::Severity::Error;

const QString kAllRan = QStringLiteral(
    "embed=ran dense=ran sparse:bm25=ran sparse:splade=ran gather=ran fuse=ran hydrate=ran rerank=skipped");
const QString kSparseCells = QStringLiteral("embed=ran dense=ran sparse:bm25=skipped sparse:splade=skipped gather=ran "
                                            "fuse=ran hydrate=ran rerank=skipped");
const QString kEmbedFailed = QStringLiteral(
    "embed=failed dense=not-reached sparse:bm25=not-reached sparse:splade=not-reached gather=not-reached "
    "fuse=not-reached hydrate=not-reached rerank=not-reached");
const QString kEmbedError =
    QStringLiteral("vLLM HTTP 503 Service Unavailable from http://127.0.0.1:8001/v1/embeddings");
const QString kEmbedStop = QStringLiteral("CodeRank embedding failed: ") + kEmbedError;
const QString kEmbedStopWithClass = QStringLiteral("EmbeddingError: ") + kEmbedStop;

RunExpect happyRun(const char* session, const char* runId, bool rm3)
{
    RunExpect r;
    r.sessionId = QString::fromLatin1(session);
    r.runId = QString::fromLatin1(runId);
    r.status = QStringLiteral("complete");
    r.stoppedAfter = QStringLiteral("hydrate");
    r.cells = kAllRan;
    r.reasons = { QStringLiteral("rerank=disabled_config") };
    r.ops = QStringLiteral("embed dense sparse gather fuse hydrate");
    r.rrfK = 30;
    r.rm3 = rm3 ? 1 : 0;
    r.budgetsSource = QStringLiteral("gate.budget");
    r.events = 57;
    r.checkpoints = 9;
    return r;
}

RunExpect sparseRun()
{
    RunExpect r = happyRun("sess-sparse-disabled", "1005703141094392a91da2aac8143ee6", true);
    r.cells = kSparseCells;
    r.reasons = { QStringLiteral("sparse:bm25=disabled"), QStringLiteral("sparse:splade=capability_off"),
        QStringLiteral("sparse:splade=onnxruntime_importable"), QStringLiteral("rerank=disabled_config") };
    // Upstream quirk (spec 6.3): gather is false in ops_coverage, yet the grid says gather Ran.
    r.ops = QStringLiteral("embed dense fuse hydrate");
    r.events = 53;
    r.checkpoints = 7;
    return r;
}

RunExpect errorRun(int events, const QString& stopReason)
{
    RunExpect r;
    r.sessionId = QStringLiteral("sess-embed-error");
    r.runId = QStringLiteral("5ee711da351a4c29a57daa1e8fee8c7e");
    r.status = QStringLiteral("error");
    r.stopReason = stopReason;
    r.cells = kEmbedFailed;
    r.reasons = { QStringLiteral("embed=") + kEmbedError };
    r.ops = QStringLiteral("embed"); // the failed checkpoint counts
    r.events = events;
    r.checkpoints = 1;
    return r;
}

RunExpect startupRun()
{
    RunExpect r;
    r.sessionId = QStringLiteral("startup");
    r.runId = QStringLiteral("ef5386bff0ae4f13b76a5ce0d6d7097b");
    r.status = QStringLiteral("background");
    r.events = 4;
    return r;
}

/// The pack carries a run report (run_report.json or an enriched seed report.json).
RunExpect withReport(RunExpect r, const QStringList& hints, const QString& rerankSecondary)
{
    r.opsStored = true;
    r.hasStoredHints = true;
    r.hints = hints;
    r.checkpointsStored = true;
    r.rerankSecondary = rerankSecondary;
    r.budgetsSource.clear();
    return r;
}

RunExpect withLedger(RunExpect r)
{
    if (r.status == QLatin1String("complete"))
        r.rerankSecondary = QStringLiteral("disabled_option"); // the structured retrieval.rerank record
    return r;
}

using Test::fixture;

QString describe(const Diagnostics& problems)
{
    QStringList text;
    for (const Diagnostic& d : problems)
        text.append((d.severity == Error ? QStringLiteral("[E] ") : QStringLiteral("[W] ")) + d.toString());
    return text.join(QLatin1Char('\n'));
}

QString cellsText(const Run& run)
{
    QStringList cells;
    for (const StageCell& cell : run.stages)
        cells.append(cell.stage + QLatin1Char('=') + cellStatusName(cell.status));
    return cells.join(QLatin1Char(' '));
}

QString opsText(const OpsCoverage& ops)
{
    QStringList keys;
    for (size_t k = 0; k < OpsCoverage::keys.size(); ++k) {
        if (ops.values[k])
            keys.append(QLatin1String(OpsCoverage::keys[k]));
    }
    return keys.join(QLatin1Char(' '));
}

void checkRun(const Run& run, const RunExpect& e)
{
    QCOMPARE(run.sessionId, e.sessionId);
    QCOMPARE(run.runId, e.runId);
    QCOMPARE(runStatusName(run.status), e.status);
    QCOMPARE(run.stopReason, e.stopReason);
    QCOMPARE(run.stoppedAfter, e.stoppedAfter);
    QCOMPARE(int(run.events.size()), e.events);
    QCOMPARE(cellsText(run), e.cells);
    QCOMPARE(run.hasGrid(), !e.cells.isEmpty());
    for (const QString& item : e.reasons) {
        const StageCell* cell = run.stage(item.section(QLatin1Char('='), 0, 0));
        QVERIFY2(cell, qPrintable(item));
        QVERIFY2(cell->reason->contains(item.section(QLatin1Char('='), 1)), qPrintable(cell->reason + u" / " + item));
    }
    if (const StageCell* rerank = run.stage(QStringLiteral("rerank")))
        QCOMPARE(rerank->secondaryReason, e.rerankSecondary);
    QCOMPARE(opsText(run.opsCoverage), e.ops);
    QCOMPARE(run.opsCoverage.stored, e.opsStored);
    if (e.rrfK < 0) {
        QVERIFY2(run.budgets().isEmpty(), qPrintable(run.budgetsSource));
    } else {
        QCOMPARE(run.budgets().value(QLatin1String("rrf_k")), QJsonValue(e.rrfK));
        QCOMPARE(run.budgets().value(QLatin1String("rm3_enabled")),
            e.rm3 < 0 ? QJsonValue(QJsonValue::Undefined) : QJsonValue(e.rm3 == 1));
    }
    if (!e.budgetsSource.isEmpty())
        QCOMPARE(run.budgetsSource, e.budgetsSource);
    QCOMPARE(run.hasStoredHints, e.hasStoredHints);
    QStringList hints;
    for (const StoredHint& hint : run.storedHints)
        hints.append(hint.kind);
    QCOMPARE(hints, e.hints);
    QCOMPARE(int(run.checkpoints.size()), e.checkpoints);
    QCOMPARE(run.checkpointsStored, e.checkpointsStored);
    if (e.status == QLatin1String("background")) {
        QVERIFY(run.tool.isEmpty());
        QVERIFY(run.stages.empty());
        QCOMPARE(run.firstError, -1); // no errors in the warm-up
    } else {
        QCOMPARE(run.tool, QStringLiteral("search.semantic_pro"));
    }
    QVERIFY2(run.problems.isEmpty(), qPrintable(describe(run.problems)));
}

/// Every expected problem matches a different actual one, and there are no others.
void checkProblems(const Diagnostics& actual, const ExpectedProblems& expected, const QString& path)
{
    const QByteArray context = describe(actual).toUtf8();
    QVERIFY2(actual.size() == expected.size(), context.constData());
    QList<bool> used(actual.size(), false);
    for (const ExpectedProblem& e : expected) {
        const QString file = e.file == QLatin1String("$path") ? path : e.file;
        bool found = false;
        for (qsizetype i = 0; i < actual.size() && !found; ++i) {
            const Diagnostic& d = actual[i];
            if (used[i] || d.file != file || d.severity != e.severity || d.line != e.line || d.byteOffset < e.offsetMin
                || d.byteOffset > e.offsetMax || !d.message.contains(e.keyword, Qt::CaseInsensitive))
                continue;
            used[i] = true;
            found = true;
        }
        QVERIFY2(found,
            qPrintable(QStringLiteral("no diagnostic %1 line %2 offset %3..%4 \"%5\" in:\n%6")
                           .arg(file)
                           .arg(e.line)
                           .arg(e.offsetMin)
                           .arg(e.offsetMax)
                           .arg(e.keyword, QString::fromUtf8(context))));
    }
}

QByteArray line(const char* ts, const char* type, const char* name, const char* run = "r1", const char* extra = "")
{
    return QByteArray("{\"ts\": ") + ts + QByteArray(", \"type\": \"") + type + QByteArray("\", \"name\": \"") + name
        + QByteArray(R"(", "status": "ok", "session_id": "s1", "run_id": ")") + run + QByteArray("\"") + extra
        + QByteArray("}");
}

/// A tiny complete tool run, as timeline_events.jsonl writes it (default separators, no final newline).
QByteArray tinyRunEvents(const char* run = "r1")
{
    return line("1795560000.1", "step.start", "mcp.tool:search.semantic_pro", run) + '\n'
        + line("1795560000.2", "operation.start", "mcp.tool:search.semantic_pro", run) + '\n'
        + line(
            "1795560000.3", "operation.end", "mcp.tool:search.semantic_pro", run, R"(, "attrs": {"duration_ms": 100})")
        + '\n' + line("1795560000.4", "step.end", "mcp.tool:search.semantic_pro", run);
}

const QByteArray kUpstreamMeta = R"({
  "schema": "codeintel/runpack@v1",
  "session_id": "s1",
  "run_id": "r1",
  "trace_id": null,
  "reason": null,
  "generated_at": 1795560000
})";

const QByteArray kPlainTimelineReport =
    R"({"session_id": "s1", "run_id": "r1", "summary": {"status": "complete", "events": 4}, "first_error": null, "events": []})";

// The meta.json of the malformed-meta rows: the comma after "s" is missing, so the parser stops at "run_id" (byte 60).
const QByteArray kBrokenMeta =
    "{\n  \"schema\": \"codeintel/runpack@v1\",\n  \"session_id\": \"s\"\n  \"run_id\": \"r\"\n}";

enum class Make
{
    Zip,
    HostileNames,
    RawFile,
    Nothing,
    EmptyDirectory,
    HalfFixtureZip
};

/// Renames members in a written zip by patching the bytes: "xx/" becomes "../" and a leading "x" of "xetc" becomes
/// "/", in the local and the central-directory headers alike (names are not covered by the CRC).
QByteArray hostileNames(QByteArray zip)
{
    zip.replace("xx/evil.json", "../evil.json");
    zip.replace("xetc/passwd", "/etc/passwd");
    return zip;
}

} // namespace

} // namespace Runlens

Q_DECLARE_METATYPE(Runlens::RunExpects)
Q_DECLARE_METATYPE(Runlens::ExpectedProblems)
Q_DECLARE_METATYPE(Runlens::Make)

namespace Runlens {

class tst_SourceReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void brokenInputs_data();
    void brokenInputs();
    void earlyViews_data();
    void earlyViews();
    void upstreamDocuments_data();
    void upstreamDocuments();
};

void tst_SourceReader::fixtures_data()
{
    QTest::addColumn<QString>("path"); // relative to the fixtures
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("layout");
    QTest::addColumn<qint64>("inputBytes");
    QTest::addColumn<qint64>("eventCount");
    QTest::addColumn<QStringList>("members");
    QTest::addColumn<QJsonObject>("meta"); // keys meta.json must have, with these values
    QTest::addColumn<RunExpects>("runs");

    const QString happyDir = QStringLiteral("upstream/happy-path/data/diagnostics");
    const QString sparseDir = QStringLiteral("upstream/sparse-disabled/data/diagnostics");
    const QString errorDir = QStringLiteral("upstream/error-embed/data/diagnostics");
    const QString timeline = QStringLiteral("/events-20261124.jsonl");
    const RunExpects happyRuns = { startupRun(), happyRun("sess-happy-01", "f7fe85bab97843aab788eef0bcbc1465", true),
        happyRun("sess-happy-01", "b631c87847bb46a4a1823ea76d9a9113", false),
        happyRun("sess-happy-02", "e7bff87e7dc54b15bd34a296c30170d9", true) };
    RunExpects happyRunsWithLedgers;
    for (const RunExpect& r : happyRuns)
        happyRunsWithLedgers.append(withLedger(r));
    const QStringList upstreamInProcess = { QStringLiteral("meta.json"), QStringLiteral("timeline_report.json"),
        QStringLiteral("timeline_events.jsonl"), QStringLiteral("run_report.json"), QStringLiteral("budgets.json"),
        QStringLiteral("context.json"), QStringLiteral("latest_report_pointer.json") };
    auto meta = [](const QJsonValue& reason, qint64 generatedAt) {
        return QJsonObject { { QStringLiteral("reason"), reason }, { QStringLiteral("generated_at"), generatedAt } };
    };

    QTest::addRow("happy-path directory")
        << happyDir << QStringLiteral("timeline-directory") << QString() << qint64(59960) << qint64(175)
        << QStringList {} << QJsonObject {} << happyRunsWithLedgers;
    QTest::addRow("happy-path jsonl file")
        << happyDir + timeline << QStringLiteral("jsonl") << QString() << qint64(59960) << qint64(175) << QStringList {}
        << QJsonObject {} << happyRuns;
    QTest::addRow("sparse-disabled directory")
        << sparseDir << QStringLiteral("timeline-directory") << QString() << qint64(18209) << qint64(53)
        << QStringList {} << QJsonObject {} << RunExpects { withLedger(sparseRun()) };
    QTest::addRow("sparse-disabled jsonl file")
        << sparseDir + timeline << QStringLiteral("jsonl") << QString() << qint64(18209) << qint64(53) << QStringList {}
        << QJsonObject {} << RunExpects { sparseRun() };
    // With the step ledger beside the directory, the exception class comes from its tool.error record.
    QTest::addRow("error-embed directory")
        << errorDir << QStringLiteral("timeline-directory") << QString() << qint64(4129) << qint64(10) << QStringList {}
        << QJsonObject {} << RunExpects { errorRun(10, kEmbedStopWithClass) };
    QTest::addRow("error-embed jsonl file")
        << errorDir + timeline << QStringLiteral("jsonl") << QString() << qint64(4129) << qint64(10) << QStringList {}
        << QJsonObject {} << RunExpects { errorRun(10, kEmbedStop) };

    QTest::addRow("happy-path in-process pack")
        << happyDir
            + QStringLiteral(
                "/runpacks/sess-happy-01/runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560451.zip")
        << QStringLiteral("runpack") << QStringLiteral("upstream") << qint64(104060) << qint64(57) << upstreamInProcess
        << meta(QStringLiteral("inprocess.demo"), 1795560451)
        << RunExpects { withReport(happyRun("sess-happy-01", "f7fe85bab97843aab788eef0bcbc1465", true), {},
               QStringLiteral("disabled_option")) };
    QTest::addRow("happy-path CLI pack")
        << happyDir
            + QStringLiteral(
                "/runpacks/sess-happy-01/runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560452.zip")
        << QStringLiteral("runpack") << QStringLiteral("upstream") << qint64(53071) << qint64(57)
        << QStringList { QStringLiteral("meta.json"), QStringLiteral("timeline_report.json"),
               QStringLiteral("timeline_events.jsonl"), QStringLiteral("budgets.json"), QStringLiteral("context.json") }
        << meta(QJsonValue::Null, 1795560452)
        << RunExpects { happyRun("sess-happy-01", "f7fe85bab97843aab788eef0bcbc1465", true) };
    QTest::addRow("sparse-disabled pack")
        << sparseDir
            + QStringLiteral("/runpacks/sess-sparse-disabled/"
                             "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip")
        << QStringLiteral("runpack") << QStringLiteral("upstream") << qint64(91806) << qint64(53) << upstreamInProcess
        << meta(QStringLiteral("inprocess.demo"), 1795560453)
        << RunExpects { withReport(
               sparseRun(), { QStringLiteral("config:sparse-disabled") }, QStringLiteral("disabled_option")) };
    {
        // The error hook ran before http.request was written: 9 lines. Budgets are the settings snapshot.
        RunExpect r = withReport(errorRun(9, kEmbedStopWithClass), {}, QString());
        r.rrfK = 60;
        r.rm3 = 0;
        QTest::addRow("error-embed pack")
            << errorDir
                + QStringLiteral("/runpacks/sess-embed-error/"
                                 "runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip")
            << QStringLiteral("runpack") << QStringLiteral("upstream") << qint64(25565) << qint64(9)
            << upstreamInProcess << meta(QStringLiteral("search:semantic_pro"), 1795560454) << RunExpects { r };
    }
    QTest::addRow("seed-layout sparse-disabled pack")
        << QStringLiteral("seed-layout/runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560553.zip")
        << QStringLiteral("runpack") << QStringLiteral("seed") << qint64(94806) << qint64(53)
        << QStringList { QStringLiteral("budgets.json"), QStringLiteral("context.json"),
               QStringLiteral("latest_run_report.json"), QStringLiteral("logs/codeintel_rev.log"),
               QStringLiteral("meta.json"), QStringLiteral("report.json") }
        << meta(QJsonValue::Null, 1795560553) << RunExpects { [] {
               RunExpect r = withReport(
                   sparseRun(), { QStringLiteral("config:sparse-disabled") }, QStringLiteral("disabled_option"));
               r.checkpoints = 5; // vllm.embed, faiss.search, gather.channels, fuse.rrf, hydrate.catalog
               return r;
           }() };
    {
        // No budget decision: report.json has no budgets and budgets.json is {}; only the settings snapshot is left.
        RunExpect r = withReport(errorRun(9, kEmbedStopWithClass), {}, QString());
        r.rrfK = 60;
        r.rm3 = 0;
        r.budgetsSource = QStringLiteral("settings snapshot");
        QTest::addRow("seed-layout error-embed pack")
            << QStringLiteral("seed-layout/runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560554.zip")
            << QStringLiteral("runpack") << QStringLiteral("seed") << qint64(26520) << qint64(9)
            << QStringList { QStringLiteral("budgets.json"), QStringLiteral("context.json"),
                   QStringLiteral("latest_run_report.json"), QStringLiteral("logs/codeintel_rev.log"),
                   QStringLiteral("logs/vllm_client.log"), QStringLiteral("meta.json"), QStringLiteral("report.json") }
            << meta(QStringLiteral("search:semantic_pro"), 1795560554) << RunExpects { r };
    }
}

void tst_SourceReader::fixtures()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    QFETCH(QString, layout);
    QFETCH(qint64, inputBytes);
    QFETCH(qint64, eventCount);
    QFETCH(QStringList, members);
    QFETCH(QJsonObject, meta);
    QFETCH(RunExpects, runs);

    const QString fullPath = fixture(path);
    QVERIFY2(QFileInfo::exists(fullPath), qPrintable(fullPath)); // a missing fixture fails, never skips
    const SourcePtr source = readSource(fullPath);
    QVERIFY(source);
    QVERIFY2(source->ok(), qPrintable(source->fatalError));
    QCOMPARE(source->path, fullPath);
    QCOMPARE(sourceKindName(source->kind), kind);
    QCOMPARE(layoutName(source->layout), layout);
    QCOMPARE(source->inputBytes, inputBytes);
    QCOMPARE(source->eventCount, eventCount);
    QStringList memberNames;
    for (const PackMember& member : source->members)
        memberNames.append(member.name);
    QCOMPARE(memberNames, members);
    for (auto it = meta.constBegin(); it != meta.constEnd(); ++it)
        QCOMPARE(source->meta.value(it.key()), it.value());
    // The fixtures are clean: nothing to report.
    QVERIFY2(source->problems.isEmpty(), qPrintable(describe(source->problems)));

    QCOMPARE(qsizetype(source->runs.size()), runs.size());
    for (qsizetype i = 0; i < runs.size(); ++i) {
        checkRun(*source->runs[size_t(i)], runs[i]);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("in run ") + runs[i].runId));
        QVERIFY(source->findRun(runs[i].sessionId, runs[i].runId) == source->runs[size_t(i)]);
    }
}

void tst_SourceReader::brokenInputs_data()
{
    QTest::addColumn<Make>("make");
    QTest::addColumn<QString>("name");
    QTest::addColumn<Members>("members"); // zip members, or one raw file's bytes
    QTest::addColumn<bool>("fatal");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QStringList>("runs"); // "session/run status"
    QTest::addColumn<ExpectedProblems>("problems");

    const QString zip = QStringLiteral("pack.zip");
    const QString runpack = QStringLiteral("runpack");
    const ExpectedProblems missingMeta = { { QStringLiteral("meta.json"), Warning, 0, -1, -1,
                                               QStringLiteral("meta.json") },
        { QString(), Warning, 0, -1, -1, QStringLiteral("seed") } };

    QTest::addRow("empty zip") << Make::Zip << zip << Members {} << false << runpack << QStringLiteral("unknown")
                               << QStringList {} << missingMeta;
    QTest::addRow("zip with only unknown members")
        << Make::Zip << zip
        << Members { { QStringLiteral("foo.bin"), QByteArray("\x01\x02\x03") },
               { QStringLiteral("notes/readme.txt"), QByteArray("hello") } }
        << false << runpack << QStringLiteral("unknown") << QStringList {}
        << ExpectedProblems { { QStringLiteral("foo.bin"), Warning, 0, -1, -1, QStringLiteral("unknown") },
               { QStringLiteral("notes/readme.txt"), Warning, 0, -1, -1, QStringLiteral("unknown") } }
            + missingMeta;
    QTest::addRow("malformed meta.json") << Make::Zip << zip
                                         << Members { { QStringLiteral("meta.json"), kBrokenMeta },
                                                { QStringLiteral("timeline_report.json"), kPlainTimelineReport },
                                                { QStringLiteral("timeline_events.jsonl"), tinyRunEvents() } }
                                         << false << runpack << QStringLiteral("upstream")
                                         << QStringList { QStringLiteral("s1/r1 complete") }
                                         << ExpectedProblems { { QStringLiteral("meta.json"), Error, 0, 60, 61,
                                                QStringLiteral("JSON") } };
    QTest::addRow("malformed meta.json after a byte order mark")
        << Make::Zip << zip
        << Members { { QStringLiteral("meta.json"), QByteArray("\xEF\xBB\xBF") + kBrokenMeta },
               { QStringLiteral("timeline_report.json"), kPlainTimelineReport },
               { QStringLiteral("timeline_events.jsonl"), tinyRunEvents() } }
        << false << runpack << QStringLiteral("upstream")
        << QStringList { QStringLiteral("s1/r1 complete") }
        // offsets count from the start of the member, byte order mark included
        << ExpectedProblems { { QStringLiteral("meta.json"), Error, 0, 63, 64, QStringLiteral("JSON") } };
    QTest::addRow("meta.json is an array")
        << Make::Zip << zip
        << Members { { QStringLiteral("meta.json"), QByteArray("[1, 2]") },
               { QStringLiteral("timeline_report.json"), kPlainTimelineReport },
               { QStringLiteral("timeline_events.jsonl"), tinyRunEvents() } }
        << false << runpack << QStringLiteral("upstream") << QStringList { QStringLiteral("s1/r1 complete") }
        << ExpectedProblems { { QStringLiteral("meta.json"), Error, 0, 0, 0, QStringLiteral("object") } };
    QTest::addRow("timeline_unavailable report")
        << Make::Zip << zip
        << Members { { QStringLiteral("meta.json"), kUpstreamMeta },
               { QStringLiteral("timeline_report.json"),
                   QByteArray(R"({"session_id": "s1", "run_id": "r1", "error": "timeline_unavailable"})") },
               { QStringLiteral("context.json"), QByteArray("{}") } }
        << false << runpack << QStringLiteral("upstream") << QStringList {}
        << ExpectedProblems { { QStringLiteral("timeline_report.json"), Warning, 0, -1, -1,
               QStringLiteral("timeline_unavailable") } };
    {
        const QByteArray events = tinyRunEvents();
        const qsizetype lastLine = events.lastIndexOf('\n') + 1;
        // The last line is cut in half: the tool step end is lost and the operation end is intact.
        QTest::addRow("timeline_events.jsonl with a truncated last line")
            << Make::Zip << zip
            << Members { { QStringLiteral("meta.json"), kUpstreamMeta },
                   { QStringLiteral("timeline_report.json"), kPlainTimelineReport },
                   { QStringLiteral("timeline_events.jsonl"), events.left(lastLine + 40) } }
            << false << runpack << QStringLiteral("upstream") << QStringList { QStringLiteral("s1/r1 complete") }
            << ExpectedProblems { { QStringLiteral("timeline_events.jsonl"), Error, 4, lastLine, lastLine,
                                      QStringLiteral("truncated") },
                   { QStringLiteral("timeline_events.jsonl"), Warning, 1, 0, 0, QStringLiteral("no end") } };
    }
    {
        const QByteArray events = tinyRunEvents();
        const qsizetype third = events.indexOf('\n', events.indexOf('\n') + 1) + 1;
        QTest::addRow("cut-off run in a pack")
            << Make::Zip << zip
            << Members { { QStringLiteral("meta.json"), kUpstreamMeta },
                   { QStringLiteral("timeline_report.json"), kPlainTimelineReport },
                   { QStringLiteral("timeline_events.jsonl"), events.left(third - 1) } }
            << false << runpack << QStringLiteral("upstream")
            << QStringList { QStringLiteral("s1/r1 cut-off") }
            // both tool scopes are reported as unclosed, at their start lines
            << ExpectedProblems { { QStringLiteral("timeline_events.jsonl"), Warning, 1, 0, 0,
                                      QStringLiteral("no end") },
                   { QStringLiteral("timeline_events.jsonl"), Warning, 2, events.indexOf('\n') + 1,
                       events.indexOf('\n') + 1, QStringLiteral("no end") } };
    }
    QTest::addRow("latest pack with two runs")
        << Make::Zip << zip
        << Members { { QStringLiteral("meta.json"),
                         QByteArray(kUpstreamMeta).replace("\"run_id\": \"r1\"", "\"run_id\": null") },
               { QStringLiteral("timeline_report.json"), kPlainTimelineReport },
               { QStringLiteral("timeline_events.jsonl"), tinyRunEvents("r1") + '\n' + tinyRunEvents("r2") } }
        << false << runpack << QStringLiteral("upstream")
        << QStringList { QStringLiteral("s1/r1 complete"), QStringLiteral("s1/r2 complete") } << ExpectedProblems {};
    {
        QByteArray report = kPlainTimelineReport;
        report.replace(
            "\"events\": []", QByteArray(QByteArray("\"events\": [") + tinyRunEvents().replace('\n', ',') + ']'));
        QTest::addRow("events only in timeline_report.json")
            << Make::Zip << zip
            << Members { { QStringLiteral("meta.json"), kUpstreamMeta },
                   { QStringLiteral("timeline_report.json"), report } }
            << false << runpack << QStringLiteral("upstream") << QStringList { QStringLiteral("s1/r1 complete") }
            << ExpectedProblems {};
        QTest::addRow("seed pack with a plain timeline report")
            << Make::Zip << zip
            << Members { { QStringLiteral("meta.json"),
                             QByteArray(R"({"session_id": "s1", "run_id": "r1", "reason": null})") },
                   { QStringLiteral("report.json"), report }, { QStringLiteral("budgets.json"), QByteArray("{}") },
                   { QStringLiteral("context.json"), QByteArray("{}") } }
            << false << runpack << QStringLiteral("seed") << QStringList { QStringLiteral("s1/r1 complete") }
            << ExpectedProblems {};
    }
    {
        // The enriched seed report may carry only the projected timeline (spec 6.1, 8.4): its entries have no
        // session_id or run_id, so they belong to the report's run.
        QByteArray timeline = tinyRunEvents();
        timeline.replace(R"(, "session_id": "s1", "run_id": "r1")", "");
        timeline.replace('\n', ',');
        const QByteArray report = QByteArray(R"({"session_id": "s1", "run_id": "r1", "status": "complete", )")
            + QByteArray(R"("stop_reason": null, "warnings": [], "stages": [], "hints": [], "timeline": [)") + timeline
            + QByteArray("]}");
        QTest::addRow("seed report with only the projected timeline")
            << Make::Zip << zip
            << Members { { QStringLiteral("meta.json"),
                             QByteArray(R"({"session_id": "s1", "run_id": "r1", "reason": null})") },
                   { QStringLiteral("report.json"), report }, { QStringLiteral("budgets.json"), QByteArray("{}") } }
            << false << runpack << QStringLiteral("seed") << QStringList { QStringLiteral("s1/r1 complete") }
            << ExpectedProblems {};
    }
    {
        QByteArray report = kPlainTimelineReport;
        report.replace(
            "\"events\": []", QByteArray(QByteArray("\"events\": [") + tinyRunEvents().replace('\n', ',') + ']'));
        // Neither layout (spec 8.4): a schema Runlens does not know. Open what is there and say so.
        QTest::addRow("unknown schema with a report.json")
            << Make::Zip << zip
            << Members { { QStringLiteral("meta.json"),
                             QByteArray(R"({"schema": "codeintel/runpack@v9", "session_id": "s1", "run_id": "r1"})") },
                   { QStringLiteral("report.json"), report } }
            << false << runpack << QStringLiteral("unknown") << QStringList { QStringLiteral("s1/r1 complete") }
            << ExpectedProblems { { QString(), Warning, 0, -1, -1, QStringLiteral("seed") } };
    }
    {
        const QByteArray context = "{\"paths\": {\"repo_root\": \"/srv/caf\xE9\xE9\xE9\"}, \"x\": 1 \"y\": 2}";
        const qint64 at = context.indexOf("\"y\"");
        QTest::addRow("malformed context.json after invalid UTF-8")
            << Make::Zip << zip
            << Members { { QStringLiteral("meta.json"), kUpstreamMeta },
                   { QStringLiteral("timeline_report.json"), kPlainTimelineReport },
                   { QStringLiteral("timeline_events.jsonl"), tinyRunEvents() },
                   { QStringLiteral("context.json"), context } }
            << false << runpack << QStringLiteral("upstream")
            << QStringList { QStringLiteral("s1/r1 complete") }
            // the offset is in the member's own bytes, not in the repaired text
            << ExpectedProblems { { QStringLiteral("context.json"), Warning, 0, -1, -1, QStringLiteral("UTF-8") },
                   { QStringLiteral("context.json"), Error, 0, at, at + 1, QStringLiteral("JSON") } };
    }
    QTest::addRow("hostile entry names") << Make::HostileNames << zip
                                         << Members { { QStringLiteral("meta.json"), kUpstreamMeta },
                                                { QStringLiteral("timeline_report.json"), kPlainTimelineReport },
                                                { QStringLiteral("timeline_events.jsonl"), tinyRunEvents() },
                                                { QStringLiteral("xx/evil.json"),
                                                    QByteArray("{}") }, // becomes ../evil.json
                                                { QStringLiteral("xetc/passwd"), QByteArray("root") } }
                                         // becomes /etc/passwd
                                         << false << runpack << QStringLiteral("upstream")
                                         << QStringList { QStringLiteral("s1/r1 complete") }
                                         << ExpectedProblems { { QStringLiteral("../evil.json"), Error, 0, -1, -1, {} },
                                                { QStringLiteral("/etc/passwd"), Error, 0, -1, -1, {} } };
    QTest::addRow("invalid UTF-8 in context.json")
        << Make::Zip << zip
        << Members { { QStringLiteral("meta.json"), kUpstreamMeta },
               { QStringLiteral("timeline_report.json"), kPlainTimelineReport },
               { QStringLiteral("timeline_events.jsonl"), tinyRunEvents() },
               { QStringLiteral("context.json"), QByteArray("{\"paths\": {\"repo_root\": \"/srv/caf\xE9\"}}") } }
        << false << runpack << QStringLiteral("upstream") << QStringList { QStringLiteral("s1/r1 complete") }
        << ExpectedProblems { { QStringLiteral("context.json"), Warning, 0, -1, -1, QStringLiteral("UTF-8") } };
    QTest::addRow("not a zip, named x.zip")
        << Make::RawFile << QStringLiteral("x.zip") << Members { { QString(), QByteArray("this is not a zip\n") } }
        << true << runpack << QString() << QStringList {} << ExpectedProblems {};
    QTest::addRow("first half of a real pack") << Make::HalfFixtureZip << QStringLiteral("half.zip") << Members {}
                                               << true << runpack << QString() << QStringList {} << ExpectedProblems {};
    QTest::addRow("nonexistent path") << Make::Nothing << QStringLiteral("missing.zip") << Members {} << true
                                      << QStringLiteral("jsonl") << QString() << QStringList {} << ExpectedProblems {};
    QTest::addRow("empty directory") << Make::EmptyDirectory << QStringLiteral("diagnostics") << Members {} << false
                                     << QStringLiteral("timeline-directory") << QString() << QStringList {}
                                     << ExpectedProblems { { QStringLiteral("$path"), Warning, 0, -1, -1,
                                            QStringLiteral("events-") } };
    QTest::addRow("empty jsonl file") << Make::RawFile << QStringLiteral("events-20261124.jsonl")
                                      << Members { { QString(), QByteArray() } } << false << QStringLiteral("jsonl")
                                      << QString() << QStringList {} << ExpectedProblems {};
    // A file in which not one line is a timeline event is not a timeline: unreadable, not an empty source.
    QTest::addRow("binary file named .jsonl")
        << Make::RawFile << QStringLiteral("events-20261124.jsonl")
        << Members { { QString(),
               QByteArray("\x7f"
                          "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
                   16) } }
        << true << QStringLiteral("jsonl") << QString() << QStringList {} << ExpectedProblems {};
}

void tst_SourceReader::brokenInputs()
{
    QFETCH(Make, make);
    QFETCH(QString, name);
    QFETCH(Members, members);
    QFETCH(bool, fatal);
    QFETCH(QString, kind);
    QFETCH(QString, layout);
    QFETCH(QStringList, runs);
    QFETCH(ExpectedProblems, problems);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(name);
    switch (make) {
    case Make::Zip: {
        QString error;
        QVERIFY2(ZipArchive::write(path, members, &error), qPrintable(error));
        break;
    }
    case Make::HostileNames: {
        QByteArray bytes;
        QString error;
        QVERIFY2(ZipArchive::writeToBuffer(&bytes, members, &error), qPrintable(error));
        bytes = hostileNames(bytes);
        QCOMPARE(bytes.count("../evil.json"), qsizetype(2));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), qint64(bytes.size()));
        break;
    }
    case Make::RawFile: {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(members.value(0).second), qint64(members.value(0).second.size()));
        break;
    }
    case Make::HalfFixtureZip: {
        QFile original(
            fixture(QStringLiteral("upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                                   "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560452.zip")));
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray bytes = original.readAll();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(bytes.left(bytes.size() / 2)) > 0);
        break;
    }
    case Make::EmptyDirectory:
        QVERIFY(QDir(dir.path()).mkdir(name));
        break;
    case Make::Nothing:
        break;
    }

    const SourcePtr source = readSource(path);
    QVERIFY(source);
    QCOMPARE(source->path, path);
    QCOMPARE(!source->ok(), fatal);
    QCOMPARE(source->fatalError.isEmpty(), !fatal);
    if (fatal) {
        QVERIFY(source->runs.empty());
        if (make != Make::Nothing) // a path that does not exist has no kind to speak of
            QCOMPARE(sourceKindName(source->kind), kind);
        return;
    }
    QCOMPARE(sourceKindName(source->kind), kind);
    QCOMPARE(layoutName(source->layout), layout);
    QStringList actualRuns;
    for (const RunPtr& run : source->runs)
        actualRuns.append(
            run->sessionId + QLatin1Char('/') + run->runId + QLatin1Char(' ') + runStatusName(run->status));
    QCOMPARE(actualRuns, runs);
    checkProblems(source->problems, problems, path);
}

// What a run list shows of a source: ids, status and line count of every run.
QStringList runSummaries(const Source& source)
{
    QStringList lines;
    for (const RunPtr& run : source.runs)
        lines.append(QStringLiteral("%1/%2 %3 %4")
                         .arg(run->sessionId, run->runId, runStatusName(run->status))
                         .arg(run->events.size()));
    return lines;
}

void tst_SourceReader::earlyViews_data()
{
    QTest::addColumn<int>("files");
    QTest::addColumn<int>("events");
    QTest::newRow("40 files") << 40 << 40000;
    QTest::newRow("12 files") << 12 << 24000;
    QTest::newRow("one file: no early view") << 1 << 5000;
}

// An early view is exactly what reading the first files alone gives, and it covers at most half the input.
void tst_SourceReader::earlyViews()
{
    QFETCH(int, files);
    QFETCH(int, events);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SynthStats stats;
    QVERIFY(Test::writeRotatedTimeline(dir.path(), events, 20, files, &stats));

    std::vector<SourcePtr> partials;
    QMutex mutex;
    LoadControl control;
    control.partial = [&](SourcePtr partial) {
        QMutexLocker lock(&mutex);
        partials.push_back(std::move(partial));
    };
    const SourcePtr whole = readSource(dir.path(), control);
    QVERIFY(!whole->partial);
    QCOMPARE(whole->eventCount, stats.events);
    if (files == 1) {
        QVERIFY(partials.empty());
        return;
    }
    QVERIFY(!partials.empty());
    qint64 previousBytes = 0;
    for (const SourcePtr& partial : partials) {
        QVERIFY(partial->partial);
        QVERIFY(partial->ok());
        QVERIFY2(partial->inputBytes > previousBytes, "each early view covers more than the one before");
        QVERIFY(partial->inputBytes <= whole->inputBytes / 2);
        previousBytes = partial->inputBytes;
        // The files it covers, from the byte count: a directory of those alone reads the same.
        QTemporaryDir prefixDir;
        qint64 bytes = 0;
        for (const QString& name : std::as_const(stats.files)) {
            if (bytes == partial->inputBytes)
                break;
            QVERIFY(QFile::copy(dir.filePath(name), prefixDir.filePath(name)));
            bytes += QFileInfo(dir.filePath(name)).size();
        }
        QCOMPARE(bytes, partial->inputBytes);
        const SourcePtr prefix = readSource(prefixDir.path());
        QCOMPARE(runSummaries(*partial), runSummaries(*prefix));
        QStringList partialProblems, prefixProblems;
        for (const Diagnostic& problem : partial->problems)
            partialProblems.append(problem.toString());
        for (const Diagnostic& problem : prefix->problems)
            prefixProblems.append(problem.toString());
        QCOMPARE(partialProblems, prefixProblems);
        QCOMPARE(partial->eventCount, prefix->eventCount);
        QVERIFY(partial->eventCount < whole->eventCount);
    }
}

// What upstream writes besides packs and timelines (spec 5.2, 5.3, 8.1): a per-run report opens as its run, a latest
// report pointer as the report it names, an MCP error envelope as the runpack it names; each says what it is.
void tst_SourceReader::upstreamDocuments_data()
{
    QTest::addColumn<QString>("document"); // a fixture, or a file this test writes into a temporary directory
    QTest::addColumn<QString>("kind"); // of what opens; empty: nothing opens
    QTest::addColumn<QString>("run"); // "session/run status events"
    QTest::addColumn<QString>("label"); // a text of Source::label, or of the error
    const QString errorReport = QStringLiteral("upstream/error-embed/data/observability/runs/"
                                               "5ee711da351a4c29a57daa1e8fee8c7e.json");
    QTest::addRow("per-run report, failed")
        << errorReport << QStringLiteral("run-report")
        << QStringLiteral("sess-embed-error/5ee711da351a4c29a57daa1e8fee8c7e error 8")
        << QStringLiteral("per-run report of run 5ee711da351a4c29a57daa1e8fee8c7e");
    QTest::addRow("per-run report, complete")
        << QStringLiteral("upstream/happy-path/data/observability/runs/e7bff87e7dc54b15bd34a296c30170d9.json")
        << QStringLiteral("run-report") << QStringLiteral("sess-happy-02/e7bff87e7dc54b15bd34a296c30170d9 complete 55")
        << QStringLiteral("(session sess-happy-02)");
    QTest::addRow("pointer, report beside it")
        << QStringLiteral("pointer+report") << QStringLiteral("run-report")
        << QStringLiteral("sess-happy-02/e7bff87e7dc54b15bd34a296c30170d9 complete 55")
        << QStringLiteral("latest report pointer");
    QTest::addRow("pointer, report elsewhere")
        << QStringLiteral("pointer") << QString() << QString() << QStringLiteral("is not on this machine");
    QTest::addRow("envelope naming the pack")
        << QStringLiteral("envelope") << QStringLiteral("runpack")
        << QStringLiteral("sess-embed-error/5ee711da351a4c29a57daa1e8fee8c7e error 9")
        << QStringLiteral("MCP error envelope");
    QTest::addRow("envelope, pack copied beside it")
        << QStringLiteral("envelope+pack") << QStringLiteral("runpack")
        << QStringLiteral("sess-embed-error/5ee711da351a4c29a57daa1e8fee8c7e error 9")
        << QStringLiteral("MCP error envelope");
    QTest::addRow("envelope, pack elsewhere")
        << QStringLiteral("envelope-missing") << QString() << QString() << QStringLiteral("is not on this machine");
    QTest::addRow("other JSON document") << QStringLiteral("other") << QString() << QString()
                                         << QStringLiteral("not a timeline");
}

void tst_SourceReader::upstreamDocuments()
{
    QFETCH(QString, document);
    QFETCH(QString, kind);
    QFETCH(QString, run);
    QFETCH(QString, label);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString errorPack =
        fixture(QStringLiteral("upstream/error-embed/data/diagnostics/runpacks/sess-embed-error/"
                               "runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip"));
    const auto write = [&](const QString& name, const QByteArray& bytes) {
        return Test::writeFile(dir.filePath(name), bytes);
    };
    const auto envelope = [](const QString& pack) -> QByteArray {
        // As the MCP adapter returns it: the path deep in the error's data.
        return QByteArrayLiteral(
                   "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32000,\"message\":\"search failed\",\"data\":")
            + QByteArrayLiteral(
                "{\"problem\":{\"type\":\"vector-search-error\"},\"observability\":{\"runpack_path\":\"")
            + pack.toUtf8() + QByteArrayLiteral("\"}}}}");
    };
    QString path;
    if (document.startsWith(QLatin1String("upstream/"))) {
        path = fixture(document);
    } else if (document.startsWith(QLatin1String("pointer"))) {
        // The pointer as a pack stores it: its paths are the server's, not this machine's.
        ZipArchive zip(
            fixture(QStringLiteral("upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                                   "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560451.zip")));
        QByteArray pointer;
        QVERIFY(zip.open() && zip.read(QStringLiteral("latest_report_pointer.json"), &pointer));
        QVERIFY(pointer.contains("/tmp/ci/01-happy-path/"));
        QVERIFY(write(QStringLiteral("latest_report_pointer.json"), pointer));
        if (document == QLatin1String("pointer+report")) {
            QVERIFY(QFile::copy(fixture(QStringLiteral("upstream/happy-path/data/observability/runs/"
                                                       "e7bff87e7dc54b15bd34a296c30170d9.json")),
                dir.filePath(QStringLiteral("e7bff87e7dc54b15bd34a296c30170d9.json"))));
        }
        path = dir.filePath(QStringLiteral("latest_report_pointer.json"));
    } else if (document == QLatin1String("envelope")) {
        QVERIFY(write(QStringLiteral("error.json"), envelope(QFileInfo(errorPack).absoluteFilePath())));
        path = dir.filePath(QStringLiteral("error.json"));
    } else if (document == QLatin1String("envelope+pack") || document == QLatin1String("envelope-missing")) {
        const QString name = QFileInfo(errorPack).fileName();
        QVERIFY(write(QStringLiteral("error.json"), envelope(QStringLiteral("/srv/diagnostics/runpacks/") + name)));
        if (document == QLatin1String("envelope+pack"))
            QVERIFY(QFile::copy(errorPack, dir.filePath(name)));
        path = dir.filePath(QStringLiteral("error.json"));
    } else {
        QVERIFY(write(QStringLiteral("other.json"), "{\"name\": \"not upstream's\"}"));
        path = dir.filePath(QStringLiteral("other.json"));
    }

    const SourcePtr source = readSource(path);
    if (kind.isEmpty()) {
        QVERIFY(!source->ok());
        QVERIFY2(source->fatalError.contains(label), qPrintable(source->fatalError));
        return;
    }
    QVERIFY2(source->ok(), qPrintable(source->fatalError));
    QCOMPARE(sourceKindName(source->kind), kind);
    QVERIFY2(source->label.contains(label), qPrintable(source->label));
    QCOMPARE(source->runs.size(), size_t(1));
    const Run& opened = *source->runs.front();
    QCOMPARE(QStringLiteral("%1/%2 %3 %4")
                 .arg(opened.sessionId, opened.runId, runStatusName(opened.status))
                 .arg(opened.events.size()),
        run);
    QVERIFY(source->inputFiles.contains(path)); // never written over, like any input
}

} // namespace Runlens

QTEST_GUILESS_MAIN(Runlens::tst_SourceReader)
#include "tst_sourcereader.moc"
