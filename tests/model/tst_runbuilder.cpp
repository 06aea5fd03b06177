// SPDX-License-Identifier: MIT
#include "derivedinputs.h"
#include "diagnostic.h"
#include "run.h"
#include "runbuilder.h"
#include "timelinereader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace Runlens {

namespace {

using Test::kHappyRun;
const QString kBufferName = QStringLiteral("events.jsonl");

struct ExpectedDiagnostic
{
    Diagnostic::Severity severity = Diagnostic::Severity::Error;
    qint64 line = 0;
    qint64 byteOffset = -1;
    QString keyword; // a word the English message contains; empty: not checked
};
using ExpectedDiagnostics = QList<ExpectedDiagnostic>;

constexpr auto Warning = Diagnostic::Severity::Warning;
constexpr auto Error = Diagnostic::Severity::Error;

/// Joined lines and where each one starts.
struct Input
{
    QByteArray bytes;
    QList<qint64> offsets;
};

Input join(const QList<QByteArray>& lines, bool finalEol = true)
{
    Input input;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        input.offsets.append(input.bytes.size());
        input.bytes += lines[i];
        if (i + 1 < lines.size() || finalEol)
            input.bytes += '\n';
    }
    return input;
}

/// Sets a line's top-level status to error and adds a message (the keys upstream writes for a failed scope).
QByteArray withError(QByteArray line, const QByteArray& message)
{
    const QByteArray ok("\"status\":\"ok\",");
    const qsizetype at = line.indexOf(ok);
    if (at < 0 || line.indexOf("\"attrs\"") < at)
        return {};
    line.replace(at, ok.size(), QByteArray(QByteArray("\"status\":\"error\",\"message\":\"") + message + "\","));
    return line;
}

QByteArray replaced(QByteArray line, const QByteArray& from, const QByteArray& to)
{
    if (!line.contains(from))
        return {};
    return line.replace(from, to);
}

/// Lines from a small script: "type name [status [message...]]" with optional "|{attrs}".
QList<QByteArray> scriptLines(const QStringList& script)
{
    QList<QByteArray> lines;
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QString& item = script[i];
        const qsizetype bar = item.indexOf(QLatin1Char('|'));
        const QStringList words = item.left(bar).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QByteArray line = QByteArray("{\"ts\":") + QByteArray::number(1795560000.0 + double(i) * 0.001, 'f', 3)
            + QByteArray(",\"type\":\"") + words.value(0).toUtf8() + QByteArray("\",\"name\":\"")
            + words.value(1).toUtf8() + QByteArray("\",\"status\":\"")
            + (words.size() > 2 ? words[2].toUtf8() : QByteArray("ok"))
            + QByteArray("\",\"session_id\":\"s\",\"run_id\":\"r\"");
        if (words.size() > 3)
            line += QByteArray(",\"message\":\"") + words.mid(3).join(QLatin1Char(' ')).toUtf8() + '"';
        if (bar >= 0)
            line += QByteArray(",\"attrs\":") + item.mid(bar + 1).toUtf8();
        line += '}';
        lines.append(line);
    }
    return lines;
}

struct Built
{
    RunPtr run;
    Diagnostics readerProblems;
    int groups = 0;
};

Built build(const QByteArray& bytes, const RunExtras& extras = {})
{
    Built built;
    auto buffer = TextBuffer::inMemory(kBufferName, bytes);
    TimelineData data;
    data.buffers.push_back(buffer);
    TimelineReader::parseBuffer(*buffer, 0, &data);
    built.readerProblems = data.problems;
    std::vector<RunGroup> groups = groupByRun(std::move(data.events), data.keys);
    built.groups = int(groups.size());
    if (groups.size() == 1)
        built.run = buildRun(groups[0].sessionId, groups[0].runId, std::move(groups[0].events), data.buffers, extras);
    return built;
}

QString describe(const Diagnostics& problems)
{
    QStringList text;
    for (const Diagnostic& d : problems)
        text.append(d.toString());
    return text.join(QLatin1Char('\n'));
}

void checkDiagnostics(const Diagnostics& actual, const ExpectedDiagnostics& expected)
{
    const QByteArray context = describe(actual).toUtf8();
    QVERIFY2(actual.size() == expected.size(), context.constData());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual[i].file, kBufferName);
        QCOMPARE(actual[i].severity, expected[i].severity);
        QCOMPARE(actual[i].line, expected[i].line);
        QCOMPARE(actual[i].byteOffset, expected[i].byteOffset);
        if (!expected[i].keyword.isEmpty())
            QVERIFY2(actual[i].message.contains(expected[i].keyword, Qt::CaseInsensitive),
                qPrintable(actual[i].message + QStringLiteral(" lacks ") + expected[i].keyword));
    }
}

QString spanText(const Span& span)
{
    auto index = [](int i) { return i < 0 ? QStringLiteral("-") : QString::number(i); };
    return span.kind + QLatin1Char(' ') + span.name + QLatin1Char(' ') + index(span.startEvent) + QLatin1Char('-')
        + index(span.endEvent) + QStringLiteral(" p") + index(span.parent) + QStringLiteral(" d")
        + QString::number(span.depth) + QLatin1Char(' ') + span.status;
}

/// "row=status row=status ..." for every row of the grid, in display order.
QString cellsText(const Run& run)
{
    QStringList cells;
    for (const StageCell& cell : run.stages)
        cells.append(cell.stage + QLatin1Char('=') + cellStatusName(cell.status));
    return cells.join(QLatin1Char(' '));
}

/// Checks "row=text" (the cell's reason contains text) or "row=*" (the cell has a reason).
void checkReasons(const Run& run, const QStringList& reasons)
{
    for (const QString& item : reasons) {
        const QString row = item.section(QLatin1Char('='), 0, 0);
        const QString text = item.section(QLatin1Char('='), 1);
        const StageCell* cell = run.stage(row);
        QVERIFY2(cell, qPrintable(row));
        if (text == QLatin1String("*"))
            QVERIFY2(!cell->reason.isEmpty(), qPrintable(row + QStringLiteral(" has no reason")));
        else
            QVERIFY2(cell->reason->contains(text),
                qPrintable(row + QStringLiteral(": \"") + cell->reason + QStringLiteral("\" lacks ") + text));
    }
}

void checkStopReason(const QString& actual, const QString& expected)
{
    if (expected.endsWith(QLatin1Char('*')))
        QVERIFY2(actual.startsWith(expected.chopped(1)), qPrintable(actual));
    else
        QCOMPARE(actual, expected);
}

const QString kAllRan = QStringLiteral(
    "embed=ran dense=ran sparse:bm25=ran sparse:splade=ran gather=ran fuse=ran hydrate=ran rerank=skipped");

} // namespace

} // namespace Runlens

Q_DECLARE_METATYPE(Runlens::ExpectedDiagnostics)

namespace Runlens {

class tst_RunBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pairing_data();
    void pairing();
    void outcome_data();
    void outcome();
    void derived_data();
    void derived();
    void stopReason_data();
    void stopReason();
    void stagedCheckpoints_data();
    void stagedCheckpoints();
    void bigRunIsNoProblem();
    void deepNesting();

private:
    QList<QByteArray> m_happy;
};

void tst_RunBuilder::initTestCase()
{
    m_happy = Test::fixtureRunLines(Test::kHappyFile, kHappyRun);
    // The derived cases depend on the fixture's shape (fixtures/README.md, "Derived cases").
    QCOMPARE(m_happy.size(), qsizetype(57));
    QVERIFY(m_happy[0].contains("\"type\":\"step.start\",\"name\":\"mcp.tool:search.semantic_pro\""));
    QVERIFY(m_happy[41].contains("\"type\":\"step.end\",\"name\":\"retrieval.search\""));
    QVERIFY(m_happy[42].contains("\"type\":\"rerank.decision\""));
    QVERIFY(m_happy[56].contains("\"type\":\"http.request\""));
}

void tst_RunBuilder::pairing_data()
{
    QTest::addColumn<QStringList>("script");
    QTest::addColumn<QStringList>("spans"); // "kind name start-end pParent dDepth status", event indices
    QTest::addColumn<QList<int>>("problemsAt"); // 0-based script lines of the run's diagnostics, in order

    QTest::addRow("same-name nesting") << QStringList { QStringLiteral("step.start search.bm25"),
        QStringLiteral("step.start search.bm25"), QStringLiteral("step.end search.bm25"),
        QStringLiteral("step.end search.bm25") }
                                       << QStringList { QStringLiteral("step search.bm25 0-3 p- d0 ok"),
                                              QStringLiteral("step search.bm25 1-2 p0 d1 ok") }
                                       << QList<int> {};
    QTest::addRow("operation and step of the same name interleave")
        << QStringList { QStringLiteral("step.start mcp.tool:x"), QStringLiteral("operation.start mcp.tool:x"),
               QStringLiteral("step.start retrieval.search"), QStringLiteral("operation.start hybrid.search"),
               QStringLiteral("operation.end hybrid.search"), QStringLiteral("step.end retrieval.search"),
               QStringLiteral("operation.end mcp.tool:x"), QStringLiteral("step.end mcp.tool:x") }
        << QStringList { QStringLiteral("step mcp.tool:x 0-7 p- d0 ok"),
               QStringLiteral("operation mcp.tool:x 1-6 p0 d1 ok"),
               QStringLiteral("step retrieval.search 2-5 p1 d2 ok"),
               QStringLiteral("operation hybrid.search 3-4 p2 d3 ok") }
        << QList<int> {};
    QTest::addRow("end pairs with the nearest open scope of its kind and name")
        << QStringList { QStringLiteral("operation.start x"), QStringLiteral("step.start x"),
               QStringLiteral("step.start x"), QStringLiteral("step.end x"), QStringLiteral("operation.end x"),
               QStringLiteral("step.end x") }
        << QStringList { QStringLiteral("operation x 0-4 p- d0 ok"), QStringLiteral("step x 1-- p0 d1 unclosed"),
               QStringLiteral("step x 2-3 p1 d2 ok"), QStringLiteral("step x --5 p- d0 ok") }
        // the outer step is closed as unclosed by the operation end; the last step end is an orphan
        << QList<int> { 1, 5 };
    QTest::addRow("a scope closed as unclosed is no longer open to a later end")
        << QStringList { QStringLiteral("step.start a"), QStringLiteral("step.start b"), QStringLiteral("step.start a"),
               QStringLiteral("step.end a"), QStringLiteral("step.end a"), QStringLiteral("step.end b") }
        << QStringList { QStringLiteral("step a 0-4 p- d0 ok"), QStringLiteral("step b 1-- p0 d1 unclosed"),
               QStringLiteral("step a 2-3 p1 d2 ok"), QStringLiteral("step b --5 p- d0 ok") }
        << QList<int> { 1, 5 };
    QTest::addRow("orphan end") << QStringList { QStringLiteral("step.end lost error upstream lost its start"),
        QStringLiteral("step.start a"), QStringLiteral("step.end a") }
                                << QStringList { QStringLiteral("step lost --0 p- d0 error"),
                                       QStringLiteral("step a 1-2 p- d0 ok") }
                                << QList<int> { 0 };
    QTest::addRow("orphan end inside an open scope")
        << QStringList { QStringLiteral("step.start a"), QStringLiteral("operation.end b"),
               QStringLiteral("step.end a") }
        << QStringList { QStringLiteral("step a 0-2 p- d0 ok"), QStringLiteral("operation b --1 p0 d1 ok") }
        << QList<int> { 1 };
    QTest::addRow("unclosed scope inside a closed one")
        << QStringList { QStringLiteral("step.start outer"), QStringLiteral("step.start inner"),
               QStringLiteral("step.end outer") }
        << QStringList { QStringLiteral("step outer 0-2 p- d0 ok"), QStringLiteral("step inner 1-- p0 d1 unclosed") }
        << QList<int> { 1 };
    QTest::addRow("unclosed scopes at the end of the data")
        << QStringList { QStringLiteral("operation.start mcp.tool:x"), QStringLiteral("step.start a"),
               QStringLiteral("step.start b"), QStringLiteral("step.end b") }
        << QStringList { QStringLiteral("operation mcp.tool:x 0-- p- d0 unclosed"),
               QStringLiteral("step a 1-- p0 d1 unclosed"), QStringLiteral("step b 2-3 p1 d2 ok") }
        << QList<int> { 0, 1 };
    QTest::addRow("error end keeps status")
        << QStringList { QStringLiteral("step.start a"), QStringLiteral("step.end a error it broke") }
        << QStringList { QStringLiteral("step a 0-1 p- d0 error") } << QList<int> {};
    QTest::addRow("point events ending in .start or .end are not scopes")
        << QStringList { QStringLiteral("faiss.search.start faiss"),
               QStringLiteral("runtime.init.start coderank-faiss"), QStringLiteral("faiss.search.end faiss"),
               QStringLiteral("rerank.end rerank"), QStringLiteral("git.blame.start a.py"),
               QStringLiteral("runtime.init.end coderank-faiss"), QStringLiteral("duckdb.hydrate.end catalog") }
        << QStringList {} << QList<int> {};
    QTest::addRow("sibling scopes of the same name")
        << QStringList { QStringLiteral("step.start sql.exec"), QStringLiteral("step.end sql.exec"),
               QStringLiteral("step.start sql.exec"), QStringLiteral("step.end sql.exec") }
        << QStringList { QStringLiteral("step sql.exec 0-1 p- d0 ok"), QStringLiteral("step sql.exec 2-3 p- d0 ok") }
        << QList<int> {};
}

void tst_RunBuilder::pairing()
{
    QFETCH(QStringList, script);
    QFETCH(QStringList, spans);
    QFETCH(QList<int>, problemsAt);

    const Input input = join(scriptLines(script));
    const Built built = build(input.bytes);
    QVERIFY(built.run);
    QCOMPARE(built.readerProblems.size(), qsizetype(0));
    QStringList actual;
    for (const Span& span : built.run->spans)
        actual.append(spanText(span));
    QCOMPARE(actual, spans);

    ExpectedDiagnostics expected;
    for (int at : std::as_const(problemsAt))
        expected.append({ Warning, at + 1, input.offsets[at], {} });
    checkDiagnostics(built.run->problems, expected);
}

void tst_RunBuilder::outcome_data()
{
    QTest::addColumn<QStringList>("script");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("stopReason"); // a trailing '*' means "starts with"
    QTest::addColumn<QString>("stoppedAfter");
    QTest::addColumn<QString>("cells"); // every row of the grid; empty for no grid
    QTest::addColumn<int>("firstError"); // event index, -1 for none

    const QString toolStart = QStringLiteral("step.start mcp.tool:search");
    const QString opStart = QStringLiteral("operation.start mcp.tool:search");
    const QString opEnd = QStringLiteral("operation.end mcp.tool:search");
    const QString toolEnd = QStringLiteral("step.end mcp.tool:search");
    const QString http = QStringLiteral("http.request /mcp");
    const QString embedStart = QStringLiteral("step.start vllm.embed_batch");
    const QString embedEnd = QStringLiteral("step.end vllm.embed_batch");
    const QString embedOnly = QStringLiteral(
        "embed=ran dense=not-reached sparse:bm25=not-reached sparse:splade=not-reached gather=not-reached "
        "fuse=not-reached hydrate=not-reached rerank=not-reached");
    const QString nothing = QStringLiteral(
        "embed=not-reached dense=not-reached sparse:bm25=not-reached sparse:splade=not-reached gather=not-reached "
        "fuse=not-reached hydrate=not-reached rerank=not-reached");

    QTest::addRow("complete") << QStringList { toolStart, opStart, embedStart, embedEnd, opEnd, toolEnd, http }
                              << QStringLiteral("complete") << QString() << QStringLiteral("embed") << embedOnly << -1;
    QTest::addRow("error") << QStringList { toolStart, opStart, embedStart,
        QStringLiteral("step.end vllm.embed_batch error 503 from vLLM"),
        QStringLiteral("operation.end mcp.tool:search error embedding failed: 503 from vLLM"),
        QStringLiteral("step.end mcp.tool:search error embedding failed: 503 from vLLM"), http }
                           << QStringLiteral("error") << QStringLiteral("embedding failed: 503 from vLLM") << QString()
                           << QString(nothing).replace(
                                  QStringLiteral("embed=not-reached"), QStringLiteral("embed=failed"))
                           << 3;
    QTest::addRow("error after a stage ran") << QStringList { toolStart, opStart, embedStart, embedEnd,
        QStringLiteral("operation.end mcp.tool:search error ValueError in envelope"), toolEnd }
                                             << QStringLiteral("error") << QStringLiteral("ValueError in envelope")
                                             << QStringLiteral("embed") << embedOnly << 4;
    QTest::addRow("cut off") << QStringList { toolStart, opStart, embedStart, embedEnd } << QStringLiteral("cut-off")
                             << QStringLiteral("cut off after embed") << QStringLiteral("embed") << embedOnly << -1;
    QTest::addRow("cut off inside a stage")
        << QStringList { toolStart, opStart, embedStart, embedEnd, QStringLiteral("step.start hydrate.duckdb") }
        << QStringLiteral("cut-off") << QStringLiteral("cut off after embed") << QStringLiteral("embed")
        << QString(embedOnly).replace(QStringLiteral("hydrate=not-reached"), QStringLiteral("hydrate=failed")) << 4;
    QTest::addRow("cut off before the first stage") << QStringList { toolStart, opStart } << QStringLiteral("cut-off")
                                                    << QStringLiteral("cut off*") << QString() << nothing << -1;
    QTest::addRow("missing tool step.end and http.request is not a cut-off")
        << QStringList { toolStart, opStart, embedStart, embedEnd, opEnd } << QStringLiteral("complete") << QString()
        << QStringLiteral("embed") << embedOnly << -1;
    QTest::addRow("http.request error does not fail a run")
        << QStringList { toolStart, opStart, embedStart, embedEnd, opEnd, toolEnd,
               QStringLiteral("http.request /mcp error client went away") }
        << QStringLiteral("complete") << QString() << QStringLiteral("embed") << embedOnly << 6;
    QTest::addRow("error-type event with status ok fails its row")
        << QStringList { toolStart, opStart, embedStart, embedEnd, QStringLiteral("error embed.vllm ok vLLM said no"),
               opEnd, toolEnd }
        << QStringLiteral("complete") << QString() << QStringLiteral("embed") // embed's step.end came before the error
        << QString(embedOnly).replace(QStringLiteral("embed=ran"), QStringLiteral("embed=failed")) << 4;
    QTest::addRow("error line attributed to the innermost mapped scope")
        << QStringList { toolStart, opStart, QStringLiteral("step.start hydrate.duckdb"),
               QStringLiteral("step.start sql.exec"), QStringLiteral("duckdb.scope_filter catalog error glob failed"),
               QStringLiteral("step.end sql.exec"), QStringLiteral("step.end hydrate.duckdb"), opEnd }
        << QStringLiteral("complete") << QString() << QString()
        << QString(nothing).replace(QStringLiteral("hydrate=not-reached"), QStringLiteral("hydrate=failed")) << 4;
    QTest::addRow("background run") << QStringList { QStringLiteral("runtime.init.start coderank-faiss"),
        QStringLiteral("runtime.init.end coderank-faiss|{\"duration_ms\":80}") }
                                    << QStringLiteral("background") << QString() << QString() << QString() << -1;
    QTest::addRow("background run with runtime.init.err")
        << QStringList { QStringLiteral("runtime.init.start xtr-index"),
               QStringLiteral("runtime.init.err xtr-index error|{\"error\":\"ImportError\"}") }
        << QStringLiteral("background") << QString() << QString() << QString() << 1;
    QTest::addRow("channel skips and a fallback")
        << QStringList { toolStart, opStart, QStringLiteral("step.start retrieval.gather_channels"),
               QStringLiteral("channel channel.skip|{\"reason\":\"disabled\",\"name\":\"bm25\"}"),
               QStringLiteral("channel channel.skip|{\"reason\":\"capability_off\",\"missing\":"
                              "[\"onnxruntime_importable\"],\"name\":\"splade\"}"),
               QStringLiteral("channel channel.skip|{\"reason\":\"provider_error\",\"name\":\"xtr\","
                              "\"message\":\"timeout\"}"),
               QStringLiteral("step.end retrieval.gather_channels"),
               QStringLiteral("rerank.decision rerank|{\"enabled\":false,\"reason\":\"disabled_config\"}"), opEnd }
        << QStringLiteral("complete") << QString() << QStringLiteral("gather")
        << QStringLiteral("embed=not-reached dense=not-reached sparse:bm25=skipped sparse:splade=skipped gather=ran "
                          "fuse=not-reached hydrate=not-reached rerank=skipped channel:xtr=degraded")
        << -1;
    QTest::addRow("FAISS search end with error")
        << QStringList { toolStart, opStart, QStringLiteral("faiss.search.start faiss|{\"use_gpu\":true}"),
               QStringLiteral("faiss.search.end faiss error index corrupt|{\"use_gpu\":true}"),
               QStringLiteral("operation.end mcp.tool:search error index corrupt") }
        << QStringLiteral("error") << QStringLiteral("index corrupt") << QString()
        << QString(nothing).replace(QStringLiteral("dense=not-reached"), QStringLiteral("dense=failed")) << 3;
}

void tst_RunBuilder::outcome()
{
    QFETCH(QStringList, script);
    QFETCH(QString, status);
    QFETCH(QString, stopReason);
    QFETCH(QString, stoppedAfter);
    QFETCH(QString, cells);
    QFETCH(int, firstError);

    const Built built = build(join(scriptLines(script)).bytes);
    QVERIFY(built.run);
    const Run& run = *built.run;
    QCOMPARE(runStatusName(run.status), status);
    checkStopReason(run.stopReason, stopReason);
    QCOMPARE(run.stoppedAfter, stoppedAfter);
    QCOMPARE(cellsText(run), cells);
    QCOMPARE(run.hasGrid(), !cells.isEmpty());
    QCOMPARE(run.firstError, firstError);
    QCOMPARE(run.tool.isEmpty(), status == QLatin1String("background"));
}

void tst_RunBuilder::derived_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("events");
    QTest::addColumn<ExpectedDiagnostics>("readerProblems");
    QTest::addColumn<ExpectedDiagnostics>("runProblems");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("stopReason");
    QTest::addColumn<QString>("stoppedAfter");
    QTest::addColumn<QString>("cells");
    QTest::addColumn<QStringList>("reasons"); // "row=text in its reason", "row=*" for any reason
    QTest::addColumn<QStringList>("checkpoints"); // derived from scopes; "!" marks a failed one

    const QList<QByteArray>& happy = m_happy;
    const QStringList allCheckpoints = { QStringLiteral("search.embed"), QStringLiteral("search.faiss"),
        QStringLiteral("search.bm25"), QStringLiteral("search.splade"), QStringLiteral("retrieval.gather"),
        QStringLiteral("search.rrf_fuse"), QStringLiteral("retrieval.fuse"), QStringLiteral("catalog.hydrate"),
        QStringLiteral("hydrate.duckdb") };
    const QStringList upToFuse = allCheckpoints.mid(0, 7);
    const QString cutOffCells = QStringLiteral("embed=ran dense=ran sparse:bm25=ran sparse:splade=ran gather=ran "
                                               "fuse=ran hydrate=not-reached rerank=not-reached");
    const QStringList rerankSkip = { QStringLiteral("rerank=disabled_config") };

    {
        const Input in = join(happy);
        QTest::addRow("happy path, 57 lines")
            << in.bytes << 57 << ExpectedDiagnostics {} << ExpectedDiagnostics {} << QStringLiteral("complete")
            << QString() << QStringLiteral("hydrate") << kAllRan << rerankSkip << allCheckpoints;
    }
    {
        const Input in = join(happy.mid(0, 42));
        QTest::addRow("cut off: first 42 lines")
            << in.bytes << 42 << ExpectedDiagnostics {}
            << ExpectedDiagnostics { { Warning, 1, in.offsets[0], {} }, { Warning, 2, in.offsets[1], {} } }
            << QStringLiteral("cut-off") << QStringLiteral("cut off after fuse") << QStringLiteral("fuse")
            << cutOffCells << QStringList {} << upToFuse;
    }
    {
        QList<QByteArray> lines = happy.mid(0, 42);
        lines.append(happy[42].left(60));
        const Input in = join(lines, false);
        QTest::addRow("truncated: 42 lines and 60 bytes of line 43")
            << in.bytes << 42 << ExpectedDiagnostics { { Error, 43, in.offsets[42], QStringLiteral("truncated") } }
            << ExpectedDiagnostics { { Warning, 1, in.offsets[0], {} }, { Warning, 2, in.offsets[1], {} } }
            << QStringLiteral("cut-off") << QStringLiteral("cut off after fuse") << QStringLiteral("fuse")
            << cutOffCells << QStringList {} << upToFuse;
    }
    {
        const Input in = join(QList<QByteArray> { QByteArray("not json"), QByteArray("[1,2]") } + happy.mid(0, 42));
        QCOMPARE(in.offsets[2], qint64(15));
        QTest::addRow("garbage: not json and [1,2] prepended")
            << in.bytes << 42
            << ExpectedDiagnostics { { Error, 1, 0, QStringLiteral("JSON") },
                   { Error, 2, 9, QStringLiteral("object") } }
            << ExpectedDiagnostics { { Warning, 3, in.offsets[2], {} }, { Warning, 4, in.offsets[3], {} } }
            << QStringLiteral("cut-off") << QStringLiteral("cut off after fuse") << QStringLiteral("fuse")
            << cutOffCells << QStringList {} << upToFuse;
    }
    {
        QList<QByteArray> lines = happy.mid(0, 50); // ends inside catalog.hydrate, after sql.exec and io
        const Input in = join(lines);
        QTest::addRow("cut off inside hydrate")
            << in.bytes << 50 << ExpectedDiagnostics {}
            << ExpectedDiagnostics { { Warning, 1, in.offsets[0], {} }, { Warning, 2, in.offsets[1], {} },
                   { Warning, 45, in.offsets[44], {} }, { Warning, 47, in.offsets[46], {} } }
            << QStringLiteral("cut-off") << QStringLiteral("cut off after fuse") << QStringLiteral("fuse")
            << QStringLiteral("embed=ran dense=ran sparse:bm25=ran sparse:splade=ran gather=ran fuse=ran "
                              "hydrate=failed rerank=skipped")
            << QStringList { QStringLiteral("hydrate=interrupted"), QStringLiteral("rerank=disabled_config") }
            << upToFuse;
    }
    {
        QList<QByteArray> lines = happy;
        lines[6] = replaced(lines[6], "\"use_gpu\":true", "\"use_gpu\":false"); // faiss.search.start
        lines[9] = replaced(lines[9], "\"use_gpu\":true", "\"use_gpu\":false"); // faiss.search.end
        QVERIFY(!lines[6].isEmpty() && !lines[9].isEmpty());
        QTest::addRow("dense degraded: faiss.search use_gpu false")
            << join(lines).bytes << 57 << ExpectedDiagnostics {} << ExpectedDiagnostics {} << QStringLiteral("complete")
            << QString() << QStringLiteral("hydrate")
            << QString(kAllRan).replace(QStringLiteral("dense=ran"), QStringLiteral("dense=degraded"))
            << QStringList { QStringLiteral("dense=*"), QStringLiteral("rerank=disabled_config") } << allCheckpoints;
    }
    {
        QList<QByteArray> lines = happy;
        lines[7] = replaced(lines[7], "\"faiss.gpu\":true", "\"faiss.gpu\":false"); // step.start search.faiss
        lines[8] = replaced(lines[8], "\"faiss.gpu\":true", "\"faiss.gpu\":false"); // step.end search.faiss
        QVERIFY(!lines[7].isEmpty() && !lines[8].isEmpty());
        QTest::addRow("dense degraded: search.faiss faiss.gpu false")
            << join(lines).bytes << 57 << ExpectedDiagnostics {} << ExpectedDiagnostics {} << QStringLiteral("complete")
            << QString() << QStringLiteral("hydrate")
            << QString(kAllRan).replace(QStringLiteral("dense=ran"), QStringLiteral("dense=degraded"))
            << QStringList { QStringLiteral("dense=*") } << allCheckpoints;
    }
    {
        // hydrate.duckdb raises before reaching the catalog: lines 46-52 are never written, the scope, the
        // hydration event and the tool scopes end in error, and the middleware still writes http.request.
        QList<QByteArray> lines = happy.mid(0, 45);
        lines.append(withError(happy[52], "IOException: Could not set lock on file catalog.duckdb"));
        lines.append(withError(happy[53], "IOException: Could not set lock on file catalog.duckdb"));
        lines.append(withError(happy[54], "hydration failed: IOException: Could not set lock on file catalog.duckdb"));
        lines.append(withError(happy[55], "hydration failed: IOException: Could not set lock on file catalog.duckdb"));
        lines.append(happy[56]);
        for (const QByteArray& line : std::as_const(lines))
            QVERIFY(!line.isEmpty());
        QTest::addRow("hydrate failed")
            << join(lines).bytes << 50 << ExpectedDiagnostics {} << ExpectedDiagnostics {} << QStringLiteral("error")
            << QStringLiteral("hydration failed: IOException: Could not set lock on file catalog.duckdb")
            << QStringLiteral("fuse")
            << QString(kAllRan).replace(QStringLiteral("hydrate=ran"), QStringLiteral("hydrate=failed"))
            << QStringList { QStringLiteral("hydrate=Could not set lock"), QStringLiteral("rerank=disabled_config") }
            << QStringList(upToFuse) + QStringList { QStringLiteral("hydrate.duckdb!") };
    }
    {
        // The SPLADE channel raises inside gathering; the pipeline goes on with the other channels.
        QList<QByteArray> lines = happy;
        lines[25] = withError(lines[25], "SPLADE encoder crashed");
        lines[26] = withError(lines[26], "SPLADE encoder crashed");
        lines.removeAt(27); // no channel.run for splade
        for (const QByteArray& line : std::as_const(lines))
            QVERIFY(!line.isEmpty());
        QStringList checkpoints = allCheckpoints;
        checkpoints[3] = QStringLiteral("search.splade!");
        QTest::addRow("splade failed, gather went on")
            << join(lines).bytes << 56 << ExpectedDiagnostics {} << ExpectedDiagnostics {} << QStringLiteral("complete")
            << QString() << QStringLiteral("hydrate")
            << QString(kAllRan).replace(QStringLiteral("sparse:splade=ran"), QStringLiteral("sparse:splade=degraded"))
            << QStringList { QStringLiteral("sparse:splade=SPLADE encoder crashed") } << checkpoints;
    }
    {
        // BM25 assets missing: a channel.skip with an error reason instead of the two search.bm25 scopes.
        QList<QByteArray> lines = happy;
        const QByteArray skip = QByteArray(R"({"ts":1795560451.848244,"type":"channel","name":"channel.skip",)")
            + QByteArray(R"("status":"ok","session_id":"sess-happy-01","run_id":")") + kHappyRun.toLatin1()
            + QByteArray(R"(","attrs":{"reason":"missing_assets","name":"bm25","message":"bm25 index missing"}})");
        lines.remove(18, 5); // lines 19-23: search.bm25 x2 and its channel.run
        lines.insert(18, skip);
        QStringList checkpoints = allCheckpoints;
        checkpoints.removeAt(2);
        QTest::addRow("bm25 assets missing: channel fell back")
            << join(lines).bytes << 53 << ExpectedDiagnostics {} << ExpectedDiagnostics {} << QStringLiteral("complete")
            << QString() << QStringLiteral("hydrate")
            << QString(kAllRan).replace(QStringLiteral("sparse:bm25=ran"), QStringLiteral("sparse:bm25=degraded"))
            << QStringList { QStringLiteral("sparse:bm25=missing_assets") } << checkpoints;
    }
}

void tst_RunBuilder::derived()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, events);
    QFETCH(ExpectedDiagnostics, readerProblems);
    QFETCH(ExpectedDiagnostics, runProblems);
    QFETCH(QString, status);
    QFETCH(QString, stopReason);
    QFETCH(QString, stoppedAfter);
    QFETCH(QString, cells);
    QFETCH(QStringList, reasons);
    QFETCH(QStringList, checkpoints);

    const Built built = build(bytes);
    QCOMPARE(built.groups, 1);
    QVERIFY(built.run);
    const Run& run = *built.run;
    checkDiagnostics(built.readerProblems, readerProblems);
    checkDiagnostics(run.problems, runProblems);
    QCOMPARE(run.sessionId, QStringLiteral("sess-happy-01"));
    QCOMPARE(run.runId, kHappyRun);
    QCOMPARE(int(run.events.size()), events);
    QCOMPARE(run.tool, QStringLiteral("search.semantic_pro"));
    QCOMPARE(runStatusName(run.status), status);
    QCOMPARE(run.stopReason, stopReason);
    QCOMPARE(run.stoppedAfter, stoppedAfter);
    QCOMPARE(cellsText(run), cells);
    checkReasons(run, reasons);

    QStringList derived;
    for (const Checkpoint& cp : run.checkpoints)
        derived.append(cp.name + (cp.ok ? QString() : QStringLiteral("!")));
    QCOMPARE(derived, checkpoints);
    QVERIFY(!run.checkpointsStored);
    QVERIFY(!run.opsCoverage.stored);

    // The budget decision (gate.budget) is in every variant.
    QCOMPARE(run.budgetsSource, QStringLiteral("gate.budget"));
    QCOMPARE(run.budgets().value(QLatin1String("rrf_k")).toInt(), 30);
    QCOMPARE(run.budgets().value(QLatin1String("rm3_enabled")), QJsonValue(true));

    // Run start and duration come from the tool scope (spec 11.7 item 6), not from the last operation start.
    QCOMPARE(run.startedAt, run.events.front().ts);
    QVERIFY(run.toolSpan >= 0);
    if (run.spans[size_t(run.toolSpan)].isClosed()) // the tool scopes' end lines say 44 ms and 45 ms
        QVERIFY2(run.durationMs == 44.0 || run.durationMs == 45.0, qPrintable(QString::number(run.durationMs)));
}

void tst_RunBuilder::stopReason_data()
{
    QTest::addColumn<QJsonArray>("structured");
    QTest::addColumn<QString>("reportStopReason"); // empty: no run report
    QTest::addColumn<QString>("expected");

    const QJsonObject begin { { QStringLiteral("kind"), QStringLiteral("tool.begin") },
        { QStringLiteral("status"), QStringLiteral("completed") } };
    const QJsonObject embedFailed { { QStringLiteral("kind"), QStringLiteral("vllm.embed_batch") },
        { QStringLiteral("status"), QStringLiteral("failed") },
        { QStringLiteral("detail"), QStringLiteral("ConnectionError") } };
    const QJsonObject toolError { { QStringLiteral("kind"), QStringLiteral("tool.error") },
        { QStringLiteral("status"), QStringLiteral("failed") },
        { QStringLiteral("detail"), QStringLiteral("EmbeddingError") } };
    const QString message = QStringLiteral("CodeRank embedding failed: vLLM HTTP 503");

    QTest::addRow("tool operation message") << QJsonArray {} << QString() << message;
    QTest::addRow("prefixed with the structured tool.error class")
        << QJsonArray { begin, embedFailed, toolError } << QString() << QStringLiteral("EmbeddingError: ") + message;
    QTest::addRow("run report stop_reason wins")
        << QJsonArray { begin, embedFailed, toolError } << QStringLiteral("EmbeddingError: from the report")
        << QStringLiteral("EmbeddingError: from the report");
}

void tst_RunBuilder::stopReason()
{
    QFETCH(QJsonArray, structured);
    QFETCH(QString, reportStopReason);
    QFETCH(QString, expected);

    RunExtras extras;
    extras.structuredEvents = structured;
    if (!reportStopReason.isEmpty()) {
        extras.hasReport = true;
        extras.reportStatus = QStringLiteral("error");
        extras.reportStopReason = reportStopReason;
    }
    const QStringList script = {
        QStringLiteral("step.start mcp.tool:search.semantic_pro"),
        QStringLiteral("operation.start mcp.tool:search.semantic_pro"),
        QStringLiteral("step.start vllm.embed_batch"),
        QStringLiteral("step.end vllm.embed_batch error vLLM HTTP 503"),
        QStringLiteral("error embed.vllm ok vLLM HTTP 503"),
        QStringLiteral("operation.end mcp.tool:search.semantic_pro error CodeRank embedding failed: vLLM HTTP 503"),
    };
    const Built built = build(join(scriptLines(script)).bytes, extras);
    QVERIFY(built.run);
    QCOMPARE(built.run->status, RunStatus::Error);
    QCOMPARE(built.run->stopReason, expected);
    QCOMPARE(built.run->stoppedAfter, QString());
    QCOMPARE(built.run->stage(QStringLiteral("embed"))->status, CellStatus::Failed);
    QCOMPARE(built.run->stage(QStringLiteral("embed"))->reason, QStringLiteral("vLLM HTTP 503"));
}

void tst_RunBuilder::stagedCheckpoints_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QStringList>("checkpoints");
    QTest::addColumn<QString>("coverage"); // the computed ops_coverage keys that are true
    QTest::addColumn<QString>("cells");

    const QStringList all = { QStringLiteral("search.embed"), QStringLiteral("search.faiss"),
        QStringLiteral("search.bm25"), QStringLiteral("search.splade"), QStringLiteral("retrieval.gather"),
        QStringLiteral("search.rrf_fuse"), QStringLiteral("retrieval.fuse"), QStringLiteral("catalog.hydrate"),
        QStringLiteral("hydrate.duckdb") };
    const QString allCovered = QStringLiteral("embed dense sparse gather fuse hydrate");
    QTest::addRow("semantic_pro: every stage span records, bare twins do not")
        << m_happy << all << allCovered << kAllRan;
    // Upstream's report for the plain adapter ends its stages with catalog.hydrate and says hydrate false;
    // the grid still shows hydrate Ran.
    QTest::addRow("plain semantic: bare hydrate.duckdb records nothing")
        << Test::plainSemanticLines() << all.mid(0, 8) << QStringLiteral("embed dense sparse gather fuse") << kAllRan;
    {
        // Without its span-layer keys the outer search.bm25 is a bare step too: no checkpoint.
        QList<QByteArray> lines = m_happy;
        int stripped = 0;
        for (QByteArray& line : lines) {
            if (line.contains(R"("name":"search.bm25")") && line.contains("request_stage")) {
                line = line.left(line.indexOf(",\"attrs\":")) + R"(,"attrs":{"channel":"bm25","limit":300}})";
                ++stripped;
            }
        }
        QCOMPARE(stripped, 2);
        QStringList expected = all;
        expected.removeOne(QStringLiteral("search.bm25"));
        QTest::addRow("search.bm25 without context") << lines << expected << allCovered << kAllRan;
    }
    QTest::addRow("script: staged and bare hydrate.duckdb")
        << scriptLines({ QStringLiteral("step.start mcp.tool:search.semantic"),
               QStringLiteral("operation.start mcp.tool:search.semantic"),
               QStringLiteral("step.start search.rrf_fuse|{\"request_stage\":\"retrieval.fuse\"}"),
               QStringLiteral("step.end search.rrf_fuse|{\"request_stage\":\"retrieval.fuse\"}"),
               QStringLiteral("step.start hydrate.duckdb|{\"requested\":5}"),
               QStringLiteral("step.start catalog.hydrate|{\"component\":\"duckdb\",\"request.stage\":\"hydrate\"}"),
               QStringLiteral("step.end catalog.hydrate|{\"component\":\"duckdb\",\"request.stage\":\"hydrate\"}"),
               QStringLiteral("step.end hydrate.duckdb|{\"requested\":5,\"duration_ms\":1}"),
               QStringLiteral("operation.end mcp.tool:search.semantic") })
        << QStringList { QStringLiteral("search.rrf_fuse"), QStringLiteral("catalog.hydrate") }
        << QStringLiteral("fuse")
        << QStringLiteral("embed=not-reached dense=not-reached sparse:bm25=not-reached sparse:splade=not-reached "
                          "gather=not-reached fuse=ran hydrate=ran rerank=not-reached");
}

void tst_RunBuilder::stagedCheckpoints()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QStringList, checkpoints);
    QFETCH(QString, coverage);
    QFETCH(QString, cells);

    const Built built = build(join(lines).bytes);
    QVERIFY(built.run);
    QStringList derived;
    for (const Checkpoint& cp : built.run->checkpoints)
        derived.append(cp.name);
    QCOMPARE(derived, checkpoints);
    QStringList covered;
    for (size_t k = 0; k < OpsCoverage::keys.size(); ++k) {
        if (built.run->opsCoverage.values[k])
            covered.append(QString::fromLatin1(OpsCoverage::keys[k]));
    }
    QCOMPARE(covered.join(QLatin1Char(' ')), coverage);
    QCOMPARE(cellsText(*built.run), cells);
}

// Problems are things that could not be read as written; a big run is valid input (issue 13): upstream's
// bulk fetch writes 10,505 lines, 1,500 DuckDB lookups of seven lines each.
void tst_RunBuilder::bigRunIsNoProblem()
{
    QStringList script = { QStringLiteral("step.start mcp.tool:search.fetch"),
        QStringLiteral("operation.start mcp.tool:search.fetch") };
    for (int i = 0; i < 1500; ++i)
        script << QStringLiteral("duckdb.hydrate.start catalog") << QStringLiteral("step.start catalog.hydrate")
               << QStringLiteral("step.start sql.exec") << QStringLiteral("step.end sql.exec")
               << QStringLiteral("io duckdb.query") << QStringLiteral("step.end catalog.hydrate")
               << QStringLiteral("duckdb.hydrate.end catalog");
    script << QStringLiteral("operation.end mcp.tool:search.fetch") << QStringLiteral("step.end mcp.tool:search.fetch")
           << QStringLiteral("http.request /mcp");
    const Built built = build(join(scriptLines(script)).bytes);
    QVERIFY(built.run);
    QCOMPARE(int(built.run->events.size()), 10505);
    QCOMPARE(built.run->status, RunStatus::Complete);
    QVERIFY2(built.readerProblems.isEmpty(), qPrintable(describe(built.readerProblems)));
    QVERIFY2(built.run->problems.isEmpty(), qPrintable(describe(built.run->problems)));
}

// 20,000 nested scopes of one name with every 1,000th end lost, then 20,000 orphan ends: paired as a short
// run is (the pairing no longer searches the stack), and the problems are listed up to the cap, then counted.
void tst_RunBuilder::deepNesting()
{
    constexpr int n = 20000;
    QStringList script = { QStringLiteral("operation.start mcp.tool:search.semantic_pro") };
    for (int i = 0; i < n; ++i)
        script << QStringLiteral("step.start search.bm25");
    for (int i = 0; i < n; ++i) {
        if (i % 1000 != 999)
            script << QStringLiteral("step.end search.bm25");
    }
    for (int i = 0; i < n; ++i)
        script << QStringLiteral("step.end lost");
    script << QStringLiteral("operation.end mcp.tool:search.semantic_pro");
    const Built built = build(join(scriptLines(script)).bytes);
    QVERIFY(built.run);
    const Run& run = *built.run;
    QCOMPARE(run.status, RunStatus::Complete);
    QCOMPARE(int(run.spans.size()), 1 + n + n);
    int unclosed = 0;
    for (int s = 1; s <= n; ++s) {
        const Span& span = run.spans[size_t(s)];
        QCOMPARE(span.parent, s - 1);
        QCOMPARE(span.depth, s);
        unclosed += span.isClosed() ? 0 : 1;
    }
    QCOMPARE(unclosed, n / 1000); // each lost end leaves the outermost open one unclosed
    QCOMPARE(int(run.problems.size()), kMaxListedProblems + 1);
    QVERIFY(run.problems.back().message.contains(QString::number(n / 1000 + n - kMaxListedProblems)));
}

} // namespace Runlens

QTEST_GUILESS_MAIN(Runlens::tst_RunBuilder)
#include "tst_runbuilder.moc"
