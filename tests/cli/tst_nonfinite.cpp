// SPDX-License-Identifier: MIT
// NaN, Infinity and -Infinity as Python's json.dumps writes them (spec 2.3), in the happy-path run's own lines:
// every such line is kept and read as Python reads it, noted as a problem where it is, leaves a healthy run
// healthy, and comes out of `runlens-cli pack` as Python would write it.
#include "clitest.h"
#include "engine.h"
#include "jsonline.h"
#include "runfixture.h"
#include "source.h"
#include "sourcereader.h"
#include "ziparchive.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace Runlens {

namespace {

/// A change to one of the run's lines: in the nth line of `type` and `name`, `from` becomes `to`. `key`, when
/// set, is an attr that must then read back as `value` (its compactJson() text).
struct Edit
{
    QByteArray type;
    QByteArray name;
    int nth = 0;
    QByteArray from;
    QByteArray to;
    bool noted = true; // the line gets a non-finite-number note
    QString key;
    QByteArray value;
};
using Edits = QList<Edit>;

/// A line that is not the run's, put into the file after the run's line `after`; it must be refused.
struct Insert
{
    int after = 0;
    QByteArray line;
};
using Inserts = QList<Insert>;

const QString kSession = QStringLiteral("sess-happy-01");

QString describe(const Diagnostics& problems)
{
    QStringList lines;
    for (const Diagnostic& problem : problems)
        lines.append(problem.code + u' ' + problem.toString());
    return lines.join(u'\n');
}

/// The line as Python's json.dumps writes it with its default separators ", " and ": " (spec 8.2), from the
/// compact line upstream wrote: what timeline_events.jsonl must hold.
QByteArray pythonSpaced(const QByteArray& compact)
{
    QByteArray out;
    bool inString = false;
    bool escaped = false;
    for (const char c : compact) {
        out += c;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == ',' || c == ':') {
            out += ' ';
        }
    }
    return out;
}

int findLine(const QList<QByteArray>& lines, const QByteArray& type, const QByteArray& name, int nth)
{
    const QByteArray marker = "\"type\":\"" + type + "\",\"name\":\"" + name + '"';
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].contains(marker) && nth-- == 0)
            return i;
    }
    return -1;
}

QByteArray member(const QString& zip, const QString& name)
{
    ZipArchive archive(zip);
    QByteArray bytes;
    if (!archive.open() || !archive.read(name, &bytes))
        qWarning("cannot read %s from %s: %s", qPrintable(name), qPrintable(zip), qPrintable(archive.errorString()));
    return bytes;
}

QList<QByteArray> attrTexts(const Run& run)
{
    QList<QByteArray> texts;
    for (int i = 0; i < int(run.events.size()); ++i)
        texts.append(compactJson(run.attrs(i)));
    return texts;
}

} // namespace

} // namespace Runlens

Q_DECLARE_METATYPE(Runlens::Edits)
Q_DECLARE_METATYPE(Runlens::Inserts)

namespace Runlens {

class tst_NonFinite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLineIsKept_data();
    void everyLineIsKept();
};

void tst_NonFinite::everyLineIsKept_data()
{
    QTest::addColumn<Edits>("edits");
    QTest::addColumn<Inserts>("inserts");
    QTest::addColumn<QByteArray>("inRunReport"); // text the regenerated run_report.json must hold
    QTest::addColumn<int>("hintsExit"); // of `hints --fail-on warning`: 1 only for the refused lines

    const QByteArray tool = "mcp.tool:search.semantic_pro";
    QTest::addRow("no edit: the run as upstream wrote it") << Edits {} << Inserts {} << QByteArray() << 0;
    QTest::addRow("NaN attr on the tool's operation.end") << Edits { { "operation.end", tool, 0, "\"query_chars\":42",
        "\"query_chars\":NaN", true, QStringLiteral("query_chars"), "NaN" } }
                                                          << Inserts {} << QByteArray() << 0;
    QTest::addRow("Infinity attr on the tool's operation.start") << Edits {
        { "operation.start", tool, 0, "\"limit\":10", "\"limit\":Infinity", true, QStringLiteral("limit"), "Infinity" }
    } << Inserts {} << QByteArray() << 0;
    QTest::addRow("-Infinity attr on an inner operation.start") << Edits { { "operation.start", "hybrid.search", 0,
        "\"limit\":20", "\"limit\":-Infinity", true, QStringLiteral("limit"), "-Infinity" } }
                                                                << Inserts {} << QByteArray() << 0;
    QTest::addRow("NaN duration_ms on a step.end") << Edits { { "step.end", "embed.vllm", 0, "\"duration_ms\":12",
        "\"duration_ms\":NaN", true, QStringLiteral("duration_ms"), "NaN" } }
                                                   << Inserts {} << QByteArray() << 0;
    QTest::addRow("Infinity duration_ms on the tool's operation.end") << Edits { { "operation.end", tool, 0,
        "\"duration_ms\":44", "\"duration_ms\":Infinity", true, QStringLiteral("duration_ms"), "Infinity" } }
                                                                      << Inserts {} << QByteArray() << 0;
    QTest::addRow("NaN attr on a checkpoint scope") << Edits { { "step.end", "search.faiss", 0, "\"faiss.k\":20",
        "\"faiss.k\":NaN", true, QStringLiteral("faiss.k"), "NaN" } }
                                                    << Inserts {} << QByteArray("\"faiss.k\": NaN") << 0;
    QTest::addRow("nested arrays and objects") << Edits { { "hybrid.debug_bundle", "debug", 0,
        "{\"bundle\":", "{\"scores\":[1.5,NaN,[Infinity,{\"x\":-Infinity,\"y\":[NaN]}],{}],\"bundle\":", true,
        QStringLiteral("scores"), "[1.5,NaN,[Infinity,{\"x\":-Infinity,\"y\":[NaN]}],{}]" } }
                                               << Inserts {} << QByteArray() << 0;
    QTest::addRow("tokens inside strings stay strings") << Edits { { "rerank.decision", "rerank", 0,
        "\"reason\":\"disabled_config\"", "\"reason\":\"NaN, Infinity and -Infinity: \\\"NaN\\\"\"", false,
        QStringLiteral("reason"), "\"NaN, Infinity and -Infinity: \\\"NaN\\\"\"" } }
                                                        << Inserts {} << QByteArray() << 0;
    QTest::addRow("tokens inside strings beside a bare one")
        << Edits { { "step.start", "embed.vllm", 0, "\"mode\":\"inprocess\",\"batch\":1",
                       "\"mode\":\"NaN\",\"batch\":NaN", true, QStringLiteral("mode"), "\"NaN\"" },
               { "step.end", "embed.vllm", 0, "\"mode\":\"inprocess\"", "\"mode\":\"-Infinity\",\"k\":-Infinity", true,
                   QStringLiteral("mode"), "\"-Infinity\"" } }
        << Inserts {} << QByteArray() << 0;
    QTest::addRow("NaN ts in the middle of the run") << Edits {
        { "step.start", "search.bm25", 1, "\"ts\":1795560451.848317", "\"ts\":NaN", true, QString(), QByteArray() }
    } << Inserts {} << QByteArray() << 0;
    QTest::addRow("NaN ts on the run's first line")
        << Edits { { "step.start", tool, 0, "\"ts\":1795560451.826363", "\"ts\":NaN", true, QString(), QByteArray() } }
        << Inserts {} << QByteArray() << 0;
    QTest::addRow("Infinity ts on the tool's operation.end") << Edits {
        { "operation.end", tool, 0, "\"ts\":1795560451.8712125", "\"ts\":Infinity", true, QString(), QByteArray() }
    } << Inserts {} << QByteArray() << 0;
    QTest::addRow("-Infinity ts on the run's last line") << Edits {
        { "http.request", "/mcp", 0, "\"ts\":1795560451.872849", "\"ts\":-Infinity", true, QString(), QByteArray() }
    } << Inserts {} << QByteArray() << 0;
    QTest::addRow("NaN ambiguity in the budget decision") << Edits { { "decision", "gate.budget", 0,
        "\"ambiguity_score\":0.0", "\"ambiguity_score\":NaN", true, QStringLiteral("ambiguity_score"), "NaN" } }
                                                          << Inserts {} << QByteArray("\"ambiguity_score\": NaN") << 0;

    // Python refuses these, and so does Runlens: malformed lines, not runs' lines.
    const QByteArray ids = R"("status":"ok","session_id":"sess-happy-01","run_id":"f7fe85bab97843aab788eef0bcbc1465")";
    const auto point = [&](const QByteArray& attrs) -> QByteArray {
        return R"({"ts":1795560451.85,"type":"decision","name":"x",)" + ids + R"(,"attrs":)" + attrs + '}';
    };
    QTest::addRow("mixed with other errors")
        << Edits { { "operation.end", tool, 0, "\"query_chars\":42", "\"query_chars\":NaN", true,
                       QStringLiteral("query_chars"), "NaN" },
               { "step.start", "sql.exec", 0, "\"duckdb.sql_bytes\":196", "\"duckdb.sql_bytes\":Infinity", true,
                   QStringLiteral("duckdb.sql_bytes"), "Infinity" } }
        << Inserts { { 3, R"({"ts":NaN,"type":"step.start","name":"cut off mid-line)" }, { 10, point(R"({"a":-NaN})") },
               { 20, point(R"({"a":NaNa})") }, { 30, point(R"({"a":1NaN})") }, { 40, point(R"({"a":nan})") },
               { 50, point(R"({"a":[Infinity,]})") } }
        << QByteArray() << 1;
}

void tst_NonFinite::everyLineIsKept()
{
    QFETCH(Edits, edits);
    QFETCH(Inserts, inserts);
    QFETCH(QByteArray, inRunReport);
    QFETCH(int, hintsExit);

    QList<QByteArray> lines = Test::fixtureRunLines(Test::kHappyFile, Test::kHappyRun);
    QCOMPARE(lines.size(), 57);
    QList<int> editedLines;
    for (const Edit& edit : edits) {
        const int at = findLine(lines, edit.type, edit.name, edit.nth);
        QVERIFY2(at >= 0, edit.type.constData());
        QVERIFY2(lines[at].count(edit.from) == 1, edit.from.constData());
        lines[at].replace(edit.from, edit.to);
        editedLines.append(at);
    }

    // The file: the run's lines with the inserts among them; where each line starts.
    QByteArray file;
    QList<std::pair<qint64, qint64>> runLineAt; // (line number, offset) of each of the run's lines
    QList<std::pair<qint64, qint64>> insertAt;
    qint64 lineNumber = 0;
    for (int i = 0; i < lines.size(); ++i) {
        runLineAt.append({ ++lineNumber, file.size() });
        file += lines[i] + '\n';
        for (const Insert& insert : inserts) {
            if (insert.after == i) {
                insertAt.append({ ++lineNumber, file.size() });
                file += insert.line + '\n';
            }
        }
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = QStringLiteral("events-20261124.jsonl");
    {
        QFile out(dir.filePath(fileName));
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(file), file.size());
    }

    // Every line of the run is kept, in the order it was written, and the run stays healthy.
    const SourcePtr source = readSource(dir.path());
    QVERIFY(source->ok());
    QCOMPARE(source->runs.size(), size_t(1));
    const Run& run = *source->runs.front();
    QCOMPARE(run.runId, Test::kHappyRun);
    QCOMPARE(run.events.size(), size_t(lines.size()));
    for (int i = 0; i < lines.size(); ++i)
        QCOMPARE(run.rawLine(i), lines[i]);
    QCOMPARE(run.status, RunStatus::Complete);
    QVERIFY(std::isfinite(run.startedAt) && std::isfinite(run.finishedAt) && std::isfinite(run.durationMs));
    for (const Event& event : run.events)
        QVERIFY(std::isfinite(event.ts));
    for (const Span& span : run.spans)
        QVERIFY2(span.isClosed() && std::isfinite(span.durationMs), qPrintable(span.name.toString()));
    const Hints hints = detectRun(run);
    for (const Hint& hint : hints) {
        QVERIFY2(hint.kind != QLatin1String("run:cut-off"), qPrintable(hint.msg));
        QVERIFY2(hint.kind != QLatin1String("budget:rrf"), qPrintable(hint.msg)); // NaN is not above 0.3
    }
    for (qsizetype i = 0; i < edits.size(); ++i) {
        if (edits[i].key.isEmpty())
            continue;
        const QByteArray key = edits[i].key.toLatin1();
        QCOMPARE(compactJson(run.attrs(editedLines[i]).value(edits[i].key)), edits[i].value);
        QCOMPARE(compactJson(run.attr(editedLines[i], QLatin1StringView(key))), edits[i].value);
    }

    // One warning for each line with a NaN or an infinity, where it is; the refused lines are errors.
    Diagnostics notes, errors;
    for (const Diagnostic& problem : source->problems) {
        if (problem.code == QLatin1String("non-finite-number"))
            notes.append(problem);
        else if (problem.severity == Diagnostic::Severity::Error)
            errors.append(problem);
    }
    struct Noted
    {
        qint64 line;
        qint64 offset;
        bool ts; // the note is about the ts
        bool operator<(const Noted& other) const { return line < other.line; }
    };
    QList<Noted> noted;
    for (qsizetype i = 0; i < edits.size(); ++i) {
        if (edits[i].noted) {
            const auto [line, offset] = runLineAt[editedLines[i]];
            noted.append({ line, offset, edits[i].from.startsWith("\"ts\"") });
        }
    }
    std::sort(noted.begin(), noted.end());
    QVERIFY2(notes.size() == noted.size(), qPrintable(describe(source->problems)));
    for (qsizetype i = 0; i < notes.size(); ++i) {
        QCOMPARE(notes[i].severity, Diagnostic::Severity::Warning);
        QCOMPARE(notes[i].file, fileName);
        QCOMPARE(notes[i].line, noted[i].line);
        QCOMPARE(notes[i].byteOffset, noted[i].offset);
        QVERIFY2(notes[i].message.contains(QLatin1String("\"ts\"")) == noted[i].ts, qPrintable(notes[i].message));
    }
    QVERIFY2(errors.size() == insertAt.size(), qPrintable(describe(source->problems)));
    for (qsizetype i = 0; i < errors.size(); ++i) {
        QCOMPARE(errors[i].code, QStringLiteral("malformed-line"));
        QCOMPARE(std::pair(errors[i].line, errors[i].byteOffset), insertAt[i]);
    }

    // CI's view: no hint at warning or above, but for the lines that were refused.
    const Test::Result hintsRun = Test::cli({ QStringLiteral("hints"), dir.path(), QStringLiteral("--fail-on"),
        QStringLiteral("warning"), QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(hintsRun.exitCode == hintsExit, QByteArray(hintsRun.out + hintsRun.err).constData());
    const QJsonObject hintReport = QJsonDocument::fromJson(hintsRun.out).object();
    QJsonArray allHints = hintReport.value(QLatin1String("source_hints")).toArray();
    for (const QJsonValue runHints : hintReport.value(QLatin1String("runs")).toArray()) {
        for (const QJsonValue hint : runHints[QLatin1String("hints")].toArray())
            allHints.append(hint);
    }
    QStringList failing;
    for (const QJsonValue hint : std::as_const(allHints)) {
        if (hint[QLatin1String("severity")] != QLatin1String("note"))
            failing.append(hint[QLatin1String("kind")].toString());
    }
    QCOMPARE(failing, hintsExit == 0 ? QStringList() : QStringList { QStringLiteral("timeline:malformed") });

    // Regenerated packs: the lines as Python writes them, and the values read back as they were.
    for (const QString& layout : { QStringLiteral("upstream"), QStringLiteral("seed") }) {
        const QString pack = dir.filePath(layout + QLatin1String(".zip"));
        const Test::Result packRun = Test::cli(
            { QStringLiteral("pack"), dir.path(), QStringLiteral("--session"), kSession, QStringLiteral("--run"),
                Test::kHappyRun, QStringLiteral("--layout"), layout, QStringLiteral("-o"), pack });
        QVERIFY2(packRun.exitCode == 0, packRun.err.constData());
        if (layout == QLatin1String("upstream")) {
            QList<QByteArray> spaced;
            for (const QByteArray& line : std::as_const(lines))
                spaced.append(pythonSpaced(line));
            QCOMPARE(member(pack, QStringLiteral("timeline_events.jsonl")), spaced.join('\n'));
            const QByteArray runReport = member(pack, QStringLiteral("run_report.json"));
            QVERIFY(!runReport.isEmpty());
            if (!inRunReport.isEmpty())
                QVERIFY2(runReport.contains(inRunReport), inRunReport.constData());
        }
        const SourcePtr again = readSource(pack);
        QVERIFY2(again->ok(), qPrintable(again->fatalError));
        QCOMPARE(again->runs.size(), size_t(1));
        QCOMPARE(again->runs.front()->events.size(), run.events.size());
        QCOMPARE(again->runs.front()->status, RunStatus::Complete);
        QCOMPARE(attrTexts(*again->runs.front()), attrTexts(run));
        for (const Diagnostic& problem : again->problems)
            QVERIFY2(problem.severity != Diagnostic::Severity::Error, qPrintable(problem.toString()));
    }
}

} // namespace Runlens

QTEST_GUILESS_MAIN(Runlens::tst_NonFinite)
#include "tst_nonfinite.moc"
