// SPDX-License-Identifier: MIT
#include "atom.h"
#include "diagnostic.h"
#include "event.h"
#include "jsonline.h"
#include "timelinereader.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace Runlens {

namespace {

/// A diagnostic the reader must produce: where exactly, how bad, and a word its (English) message contains.
struct ExpectedDiagnostic
{
    Diagnostic::Severity severity = Diagnostic::Severity::Error;
    qint64 line = 0;
    qint64 byteOffset = -1;
    QString keyword; // empty: not checked
};
using ExpectedDiagnostics = QList<ExpectedDiagnostic>;

constexpr auto Warning = Diagnostic::Severity::Warning;
constexpr auto Error = Diagnostic::Severity::Error;

/// A compact upstream-shaped line (spec 3.1); `n` makes ts and name unique.
QByteArray eventLine(int n, const char* session = "sess-a", const char* run = "run-1")
{
    return QByteArray("{\"ts\":1795560451.") + QByteArray::number(100 + n)
        + QByteArray(R"(,"type":"step.start","name":"ev)") + QByteArray::number(n)
        + QByteArray(R"(","status":"ok","session_id":")") + session + QByteArray(R"(","run_id":")") + run
        + QByteArray(R"(","attrs":{"k":1}})");
}

/// Joined lines and the byte offset at which each one starts.
struct Input
{
    QByteArray bytes;
    QList<qint64> offsets; // offsets[i] is where line i + 1 starts
};

Input join(const QList<QByteArray>& lines, const QByteArray& eol = QByteArray("\n"), bool finalEol = true,
    const QByteArray& prefix = {})
{
    Input input;
    input.bytes = prefix;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        input.offsets.append(input.bytes.size());
        input.bytes += lines[i];
        if (i + 1 < lines.size() || finalEol)
            input.bytes += eol;
    }
    return input;
}

QString describe(const Diagnostics& problems)
{
    QStringList text;
    for (const Diagnostic& d : problems)
        text.append(QStringLiteral("[%1] ").arg(d.severity == Error ? QStringLiteral("E") : QStringLiteral("W"))
            + d.toString());
    return text.join(QLatin1Char('\n'));
}

void checkDiagnostics(const Diagnostics& actual, const ExpectedDiagnostics& expected, const QString& file)
{
    const QByteArray context = describe(actual).toUtf8();
    QVERIFY2(actual.size() == expected.size(), context.constData());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual[i].file, file);
        QCOMPARE(actual[i].severity, expected[i].severity);
        QCOMPARE(actual[i].line, expected[i].line);
        QCOMPARE(actual[i].byteOffset, expected[i].byteOffset);
        QVERIFY(!actual[i].message.isEmpty());
        if (!expected[i].keyword.isEmpty())
            QVERIFY2(actual[i].message.contains(expected[i].keyword, Qt::CaseInsensitive),
                qPrintable(actual[i].message + QStringLiteral(" lacks ") + expected[i].keyword));
    }
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// "session|run|ts|name": an event, and whose it is in `keys`.
Event makeEvent(const QString& spec, std::vector<RunKey>* keys)
{
    const QStringList parts = spec.split(QLatin1Char('|'));
    keys->push_back({ parts.value(0), parts.value(1) });
    Event e;
    const QString ts = parts.value(2);
    constexpr double infinity = std::numeric_limits<double>::infinity();
    e.ts = ts == QLatin1String("nan") ? std::numeric_limits<double>::quiet_NaN()
        : ts == QLatin1String("inf")  ? infinity
        : ts == QLatin1String("-inf") ? -infinity
                                      : ts.toDouble();
    e.name = parts.value(3);
    e.type = QStringLiteral("step.start");
    e.status = QStringLiteral("ok");
    return e;
}

} // namespace

} // namespace Runlens

Q_DECLARE_METATYPE(Runlens::ExpectedDiagnostics)

namespace Runlens {

class tst_TimelineReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseBuffer_data();
    void parseBuffer();
    void readFile_data() { parseBuffer_data(); }
    void readFile();
    void readFileInChunks_data() { parseBuffer_data(); }
    void readFileInChunks();
    void chunksOfAMixedFile_data();
    void chunksOfAMixedFile();
    void eventFields();
    void idsLeaveWithTheirRuns();
    void tolerantFields_data();
    void tolerantFields();
    void nonFiniteValues();
    void nonFiniteDocument();
    void arrayEntryLines_data();
    void arrayEntryLines();
    void timelineFiles_data();
    void timelineFiles();
    void readDirectoryWriteOrder();
    void readDirectoryMissing();
    void groupByRun_data();
    void groupByRun();
};

void tst_TimelineReader::parseBuffer_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<qint64>>("eventLines"); // 1-based line of each loaded event, in order
    QTest::addColumn<QList<qint64>>("eventOffsets"); // byte offset of each loaded event
    QTest::addColumn<ExpectedDiagnostics>("diagnostics");

    const QByteArray l1 = eventLine(1), l2 = eventLine(2), l3 = eventLine(3);

    {
        const Input in = join({ l1, l2, l3 });
        QTest::addRow("valid lines") << in.bytes << QList<qint64> { 1, 2, 3 } << in.offsets << ExpectedDiagnostics {};
    }
    {
        const QByteArray partial = l3.left(37); // cut inside the "type" value
        const Input in = join({ l1, l2, partial }, "\n", false);
        QTest::addRow("truncated last line without newline")
            << in.bytes << QList<qint64> { 1, 2 } << QList<qint64> { in.offsets[0], in.offsets[1] }
            << ExpectedDiagnostics { { Error, 3, in.offsets[2], QStringLiteral("truncated") } };
    }
    {
        const Input in = join({ l1, l2, l3.left(l3.size() - 1) }, "\n", false); // only the closing brace missing
        QTest::addRow("last line missing its closing brace")
            << in.bytes << QList<qint64> { 1, 2 } << QList<qint64> { in.offsets[0], in.offsets[1] }
            << ExpectedDiagnostics { { Error, 3, in.offsets[2], QStringLiteral("truncated") } };
    }
    {
        const Input in = join({ l1, l2, l3 }, "\n", false);
        QTest::addRow("valid last line without newline")
            << in.bytes << QList<qint64> { 1, 2, 3 } << in.offsets << ExpectedDiagnostics {};
    }
    {
        const Input in = join({ l1, l2, l3 }, "\r\n");
        QTest::addRow("CRLF line endings") << in.bytes << QList<qint64> { 1, 2, 3 } << in.offsets
                                           << ExpectedDiagnostics { { Warning, 1, 0, QStringLiteral("CRLF") } };
    }
    {
        const Input in = join({ l1, l2 }, "\r\n", false);
        QTest::addRow("CRLF, valid last line without newline")
            << in.bytes << QList<qint64> { 1, 2 } << in.offsets
            << ExpectedDiagnostics { { Warning, 1, 0, QStringLiteral("CRLF") } };
    }
    {
        const Input in = join({ l1, l2 }, "\n", true, QByteArray("\xEF\xBB\xBF"));
        QCOMPARE(in.offsets[0], qint64(3));
        QTest::addRow("UTF-8 byte order mark")
            << in.bytes << QList<qint64> { 1, 2 } << in.offsets
            << ExpectedDiagnostics { { Warning, 1, 0, QStringLiteral("byte order") } };
    }
    {
        const Input in = join({ l1, QByteArray(), l2, QByteArray("   \t"), l3, QByteArray() });
        QTest::addRow("blank lines") << in.bytes << QList<qint64> { 1, 3, 5 }
                                     << QList<qint64> { in.offsets[0], in.offsets[2], in.offsets[4] }
                                     << ExpectedDiagnostics { { Warning, 2, in.offsets[1], QStringLiteral("blank") },
                                            { Warning, 4, in.offsets[3], QStringLiteral("blank") },
                                            { Warning, 6, in.offsets[5], QStringLiteral("blank") } };
    }
    {
        const Input in = join({ l1, QByteArray("not json"), l2 });
        QTest::addRow("non-JSON line") << in.bytes << QList<qint64> { 1, 3 }
                                       << QList<qint64> { in.offsets[0], in.offsets[2] }
                                       << ExpectedDiagnostics { { Error, 2, in.offsets[1], QStringLiteral("JSON") } };
    }
    {
        const Input in = join({ QByteArray("not json"), QByteArray("[1,2]"), l1 });
        QTest::addRow("garbage first: exact offsets") << in.bytes << QList<qint64> { 3 } << QList<qint64> { 15 }
                                                      << ExpectedDiagnostics { { Error, 1, 0, QStringLiteral("JSON") },
                                                             { Error, 2, 9, QStringLiteral("object") } };
    }
    {
        const Input in = join({ l1, QByteArray("[1,2]"), l2 });
        QTest::addRow("JSON array line") << in.bytes << QList<qint64> { 1, 3 }
                                         << QList<qint64> { in.offsets[0], in.offsets[2] }
                                         << ExpectedDiagnostics { { Error, 2, in.offsets[1],
                                                QStringLiteral("object") } };
    }
    {
        const Input in = join({ l1, QByteArray("42"), QByteArray("\"text\""), QByteArray("null"), l2 });
        QTest::addRow("JSON scalars") << in.bytes << QList<qint64> { 1, 5 }
                                      << QList<qint64> { in.offsets[0], in.offsets[4] }
                                      << ExpectedDiagnostics { { Error, 2, in.offsets[1], QStringLiteral("object") },
                                             { Error, 3, in.offsets[2], QStringLiteral("object") },
                                             { Error, 4, in.offsets[3], QStringLiteral("object") } };
    }
    for (const char* key : { "ts", "type", "session_id", "run_id" }) {
        // Remove `"key":value,` from a valid line.
        QByteArray broken = l2;
        const qsizetype at = broken.indexOf(QByteArray(QByteArray("\"") + key + "\":"));
        QVERIFY(at > 0);
        const qsizetype comma = broken.indexOf(',', at);
        broken.remove(at, comma - at + 1);
        const Input in = join({ l1, broken, l3 });
        QTest::addRow("missing required key %s", key)
            << in.bytes << QList<qint64> { 1, 3 } << QList<qint64> { in.offsets[0], in.offsets[2] }
            << ExpectedDiagnostics { { Error, 2, in.offsets[1], QString::fromLatin1(key) } };
    }
    {
        QByteArray tsString = l2;
        tsString.replace("\"ts\":1795560451.102", "\"ts\":\"1795560451.102\"");
        const Input in = join({ l1, tsString, l3 });
        QTest::addRow("ts as a numeric string")
            << in.bytes << QList<qint64> { 1, 2, 3 } << in.offsets
            << ExpectedDiagnostics { { Warning, 2, in.offsets[1], QStringLiteral("ts") } };
    }
    {
        QByteArray tsText = l2;
        tsText.replace("\"ts\":1795560451.102", "\"ts\":\"yesterday\"");
        const Input in = join({ l1, tsText, l3 });
        QTest::addRow("ts as non-numeric text")
            << in.bytes << QList<qint64> { 1, 3 } << QList<qint64> { in.offsets[0], in.offsets[2] }
            << ExpectedDiagnostics { { Error, 2, in.offsets[1], QStringLiteral("ts") } };
    }
    {
        QByteArray tsObject = l2;
        tsObject.replace("\"ts\":1795560451.102", "\"ts\":{\"s\":1}");
        const Input in = join({ tsObject, l3 });
        QTest::addRow("ts as an object") << in.bytes << QList<qint64> { 2 } << QList<qint64> { in.offsets[1] }
                                         << ExpectedDiagnostics { { Error, 1, 0, QStringLiteral("ts") } };
    }
    {
        QByteArray numericRun = l2;
        numericRun.replace("\"run_id\":\"run-1\"", "\"run_id\":12345");
        const Input in = join({ l1, numericRun });
        QTest::addRow("run_id as a number")
            << in.bytes << QList<qint64> { 1, 2 } << in.offsets
            << ExpectedDiagnostics { { Warning, 2, in.offsets[1], QStringLiteral("run_id") } };
    }
    {
        QByteArray badUtf8 = l2;
        badUtf8.replace("\"name\":\"ev2\"", "\"name\":\"caf\xE9 \xC3\x28\"");
        const Input in = join({ l1, badUtf8, l3 });
        QTest::addRow("invalid UTF-8 inside a string")
            << in.bytes << QList<qint64> { 1, 2, 3 } << in.offsets
            << ExpectedDiagnostics { { Warning, 2, in.offsets[1], QStringLiteral("UTF-8") } };
    }
    {
        QByteArray rawNul = l2;
        rawNul.replace("\"name\":\"ev2\"", QByteArray("\"name\":\"ev\0002\"", 13));
        QCOMPARE(rawNul.count('\0'), qsizetype(1));
        const Input in = join({ l1, rawNul, l3 });
        QTest::addRow("raw NUL byte inside a string")
            << in.bytes << QList<qint64> { 1, 3 } << QList<qint64> { in.offsets[0], in.offsets[2] }
            << ExpectedDiagnostics { { Error, 2, in.offsets[1], {} } };
    }
    {
        const Input in = join({ l1, QByteArray(16, '\0'), l2 });
        QTest::addRow("line of NUL bytes")
            << in.bytes << QList<qint64> { 1, 3 } << QList<qint64> { in.offsets[0], in.offsets[2] }
            << ExpectedDiagnostics { { Error, 2, in.offsets[1], {} } };
    }
    {
        const Input in = join({ l1, l2, QByteArray(4096, '\0') }, "\n", false);
        QTest::addRow("NUL padding after the last newline")
            << in.bytes << QList<qint64> { 1, 2 } << QList<qint64> { in.offsets[0], in.offsets[1] }
            << ExpectedDiagnostics { { Error, 3, in.offsets[2], QStringLiteral("truncated") } };
    }
    {
        QByteArray escapedNul = l2;
        escapedNul.replace("\"name\":\"ev2\"", "\"name\":\"ev\\u00002\"");
        const Input in = join({ l1, escapedNul });
        QTest::addRow("escaped NUL is valid JSON")
            << in.bytes << QList<qint64> { 1, 2 } << in.offsets << ExpectedDiagnostics {};
    }
    {
        QByteArray unknownType = l2;
        unknownType.replace("\"type\":\"step.start\"", "\"type\":\"plugin.flux_capacitor\"");
        unknownType.replace("\"status\":\"ok\"", "\"status\":\"weird\"");
        const Input in = join({ l1, unknownType });
        QTest::addRow("unknown type and status are kept")
            << in.bytes << QList<qint64> { 1, 2 } << in.offsets << ExpectedDiagnostics {};
    }
    {
        const Input in =
            join({ l1, QByteArray("{\"ts\":1795560451.5,"), QByteArray("not json"), l2, QByteArray("[1,2]"), l3,
                     QByteArray("{\"ts\":1795560451.6,\"type\":\"x\",\"session_id\":\"s\"}") },
                "\n", false);
        QTest::addRow("several problems keep their own positions")
            << in.bytes << QList<qint64> { 1, 4, 6 } << QList<qint64> { in.offsets[0], in.offsets[3], in.offsets[5] }
            << ExpectedDiagnostics { { Error, 2, in.offsets[1], QStringLiteral("JSON") },
                   { Error, 3, in.offsets[2], QStringLiteral("JSON") },
                   { Error, 5, in.offsets[4], QStringLiteral("object") },
                   { Error, 7, in.offsets[6], QStringLiteral("run_id") } };
    }
    {
        // Python's json.dumps writes these bare (spec 2.3): kept, with a note each, the ts one saying so.
        QByteArray nanTs = l3;
        nanTs.replace("\"ts\":1795560451.103", "\"ts\":NaN");
        nanTs.replace("\"k\":1", "\"k\":\"NaN\"");
        const Input in =
            join({ QByteArray(l1).replace("\"k\":1", "\"k\":[NaN,{\"i\":Infinity}],\"m\":-Infinity"), l2, nanTs });
        QTest::addRow("NaN and infinities are kept")
            << in.bytes << QList<qint64> { 1, 2, 3 } << in.offsets
            << ExpectedDiagnostics { { Warning, 1, in.offsets[0], QStringLiteral("3 non-finite") },
                   { Warning, 3, in.offsets[2], QStringLiteral("\"ts\" is NaN") } };
        // What Python refuses stays refused: a token glued to other text, or spelt otherwise.
        QList<QByteArray> lines { l1 };
        for (const char* value : { "-NaN", "NaNx", "nan", "1NaN", "NaN5", "Infinity.5", "+Infinity", "inf" })
            lines.append(QByteArray(l2).replace("\"k\":1", QByteArray(QByteArray("\"k\":") + value)));
        lines.append(l3);
        const Input refused = join(lines);
        ExpectedDiagnostics errors;
        for (qsizetype i = 1; i + 1 < lines.size(); ++i)
            errors.append({ Error, i + 1, refused.offsets[i], QStringLiteral("JSON") });
        QTest::addRow("misspelt NaN and infinities are refused")
            << refused.bytes << QList<qint64> { 1, lines.size() }
            << QList<qint64> { refused.offsets.front(), refused.offsets.back() } << errors;
    }
    QTest::addRow("empty input") << QByteArray() << QList<qint64> {} << QList<qint64> {} << ExpectedDiagnostics {};
    QTest::addRow("only a newline") << QByteArray("\n") << QList<qint64> {} << QList<qint64> {}
                                    << ExpectedDiagnostics { { Warning, 1, 0, QStringLiteral("blank") } };
}

void tst_TimelineReader::parseBuffer()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<qint64>, eventLines);
    QFETCH(QList<qint64>, eventOffsets);
    QFETCH(ExpectedDiagnostics, diagnostics);

    const TextBuffer buffer { QStringLiteral("member.jsonl"), bytes, {} };
    TimelineData data;
    TimelineReader::parseBuffer(buffer, 7, &data);

    QCOMPARE(qsizetype(data.events.size()), eventLines.size());
    for (qsizetype i = 0; i < eventLines.size(); ++i) {
        const Event& e = data.events[size_t(i)];
        QCOMPARE(e.line, eventLines[i]);
        QCOMPARE(e.offset, eventOffsets[i]);
        QCOMPARE(e.buffer, 7);
        // The event's bytes are exactly one JSON object, without line break or carriage return.
        QVERIFY(e.offset + e.length <= bytes.size());
        const QByteArray raw = bytes.mid(e.offset, e.length);
        QVERIFY2(raw.startsWith('{') && raw.endsWith('}'), raw.constData());
    }
    checkDiagnostics(data.problems, diagnostics, QStringLiteral("member.jsonl"));
    QVERIFY(!data.canceled);
}

// Everything a read gives, as text, so that two reads compare in one QCOMPARE that shows the difference.
// Every event with its line as its buffer gives it back: a file read in pieces has a buffer per piece.
QStringList describe(const TimelineData& data)
{
    QStringList lines;
    for (size_t i = 0; i < data.events.size(); ++i) {
        const Event& e = data.events[i];
        bool reread = false;
        QString error;
        const QByteArray line = data.buffers[size_t(e.buffer)]->line(e.offset, e.length, &reread, &error);
        lines.append(QStringLiteral("event %1:%2+%3 %4 %5 %6 %7 %8 %9 %10 %11 %12")
                         .arg(e.line)
                         .arg(e.offset)
                         .arg(e.length)
                         .arg(QString::fromUtf8(line) + error)
                         .arg(e.ts, 0, 'f', 6)
                         .arg(e.type, e.name, e.status, e.message)
                         .arg(e.durationMs)
                         .arg(e.attrKeys)
                         .arg(data.keys[i].sessionId + u'/' + data.keys[i].runId));
    }
    for (const Diagnostic& problem : data.problems)
        lines.append(QStringLiteral("problem ") + problem.toString() + u' ' + problem.code);
    lines.append(QStringLiteral("bytes %1").arg(data.bytes));
    return lines;
}

// Cut into chunks of whole lines and parsed on every core, a file reads as it does in one piece.
void tst_TimelineReader::readFileInChunks()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("events-20261124.jsonl"));
    QVERIFY(writeFile(path, bytes));
    const QStringList whole = describe(TimelineReader::readFile(path));
    for (const qsizetype chunkBytes : { qsizetype(1), qsizetype(7), qsizetype(64), qsizetype(1000) })
        QCOMPARE(describe(TimelineReader::readFile(path, {}, chunkBytes)), whole);
}

void tst_TimelineReader::chunksOfAMixedFile_data()
{
    QTest::addColumn<int>("badLines");
    QTest::addColumn<bool>("crlfLate");
    QTest::newRow("a few problems") << 5 << false;
    QTest::newRow("CRLF only in the second half") << 5 << true;
    QTest::newRow("more problems than are listed") << 450 << true;
}

// A file of many lines with blank, broken and CRLF lines spread over many chunks, in a directory beside
// another: every chunk size gives the same events, keys, line numbers and problems, in the same order.
void tst_TimelineReader::chunksOfAMixedFile()
{
    QFETCH(int, badLines);
    QFETCH(bool, crlfLate);
    QByteArray bytes = "\xEF\xBB\xBF";
    constexpr int kLines = 3000;
    qint64 line = 0;
    qint64 firstCrlfLine = 0;
    int problems = 3; // the byte order mark, CRLF, the last line cut short
    for (int i = 0; i < kLines; ++i) {
        if (i % (kLines / badLines) == kLines / badLines / 2) {
            bytes += i % 2 ? QByteArray("{\"ts\": broken\n") : QByteArray("   \n");
            ++line;
            ++problems;
        }
        const bool crlf = crlfLate ? i > kLines / 2 && i % 97 == 0 : i % 97 == 0;
        bytes += eventLine(i, i % 3 ? "sess-a" : "sess-b", i % 5 ? "run-1" : "run-2") + (crlf ? "\r\n" : "\n");
        ++line;
        if (crlf && firstCrlfLine == 0)
            firstCrlfLine = line;
    }
    bytes += R"({"ts":1,"type":"step.start","sess)"; // a last line cut short
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("events-20261124-100.jsonl")), eventLine(1) + "\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("events-20261124.jsonl")), bytes));
    const TimelineData one =
        TimelineReader::readDirectory(dir.path(), {}, TimelineReader::EventLayout::Flat, {}, qsizetype(1) << 40);
    QCOMPARE(one.events.size(), size_t(kLines + 1));
    // As one parse line by line reports them: in line order, CRLF once at its first line, at most 200
    // listed and a count of the rest.
    qint64 previousLine = 0;
    int crlfWarnings = 0;
    int listed = 0;
    for (const Diagnostic& problem : one.problems) {
        if (problem.line == 0) { // the count of the rest
            QCOMPARE(
                problem.message, QStringLiteral("%1 further problems in this file not listed").arg(problems - 200));
            continue;
        }
        ++listed;
        QVERIFY2(problem.line >= previousLine, qPrintable(problem.toString()));
        previousLine = problem.line;
        if (problem.message == QLatin1String("CRLF line endings")) {
            ++crlfWarnings;
            QCOMPARE(problem.line, firstCrlfLine);
        }
    }
    QCOMPARE(listed, std::min(problems, 200));
    const bool crlfListed = listed < 200 || firstCrlfLine <= previousLine; // else it is among the rest
    QCOMPARE(crlfWarnings, crlfListed ? 1 : 0);
    // 17 bytes: every line spans several pieces (the 1-byte pieces of readFileInChunks are too many here).
    for (const qsizetype chunkBytes : { qsizetype(17), qsizetype(100), qsizetype(4096), qsizetype(65536) }) {
        const TimelineData chunked =
            TimelineReader::readDirectory(dir.path(), {}, TimelineReader::EventLayout::Flat, {}, chunkBytes);
        QCOMPARE(describe(chunked), describe(one));
        // Grouped per chunk and joined, the runs are those of the flat read.
        const TimelineData byChunk =
            TimelineReader::readDirectory(dir.path(), {}, TimelineReader::EventLayout::RunsByBuffer, {}, chunkBytes);
        const std::vector<RunGroup> joined = Runlens::groupByRun(byChunk.runsByBuffer);
        const std::vector<RunGroup> flat = Runlens::groupByRun(one.events, one.keys);
        QCOMPARE(joined.size(), flat.size());
        for (size_t g = 0; g < flat.size(); ++g) {
            QCOMPARE(joined[g].sessionId, flat[g].sessionId);
            QCOMPARE(joined[g].runId, flat[g].runId);
            QCOMPARE(joined[g].events.size(), flat[g].events.size());
            for (size_t e = 0; e < flat[g].events.size(); ++e)
                QCOMPARE(joined[g].events[e].line, flat[g].events[e].line);
        }
    }
}

void tst_TimelineReader::readFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<qint64>, eventLines);
    QFETCH(QList<qint64>, eventOffsets);
    QFETCH(ExpectedDiagnostics, diagnostics);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("events-20261124.jsonl"));
    QVERIFY(writeFile(path, bytes));

    const TimelineData data = TimelineReader::readFile(path);
    QCOMPARE(data.bytes, qint64(bytes.size()));
    QCOMPARE(qsizetype(data.events.size()), eventLines.size());
    QCOMPARE(data.buffers.size(), size_t(1));
    for (qsizetype i = 0; i < eventLines.size(); ++i) {
        const Event& e = data.events[size_t(i)];
        QCOMPARE(e.line, eventLines[i]);
        QCOMPARE(e.offset, eventOffsets[i]);
        QCOMPARE(e.buffer, 0);
        bool reread = false;
        QString error;
        QCOMPARE(data.buffers[0]->line(e.offset, e.length, &reread, &error), bytes.mid(e.offset, e.length));
    }
    // Diagnostics name the file relative to the input, not the absolute temporary path.
    checkDiagnostics(data.problems, diagnostics, QStringLiteral("events-20261124.jsonl"));
}

// A busy server writes a new run id every second: ids must not go into the atom table, which keeps its texts for
// the life of the process (issue 17: a long follow stays flat, the interning table included).
void tst_TimelineReader::idsLeaveWithTheirRuns()
{
    const auto lines = [](const QByteArray& prefix) {
        QByteArray text;
        for (int i = 0; i < 500; ++i) {
            const QByteArray n = QByteArray::number(i);
            text += R"({"ts":)" + n + R"(,"type":"step.start","name":"embed.vllm","status":"ok","session_id":")"
                + prefix + "-sess-" + QByteArray::number(i / 10) + R"(","run_id":")" + prefix + "-run-" + n + "\"}\n"
                + R"({"ts":)" + n + R"(.5,"type":"step.end","name":"embed.vllm","status":"ok","session_id":")" + prefix
                + "-sess-" + QByteArray::number(i / 10) + R"(","run_id":")" + prefix + "-run-" + n + "\"}\n";
        }
        return TextBuffer { QStringLiteral("x.jsonl"), text, {} };
    };
    TimelineData first;
    TimelineReader::parseBuffer(lines("a"), 0, &first); // the vocabulary: types, names, statuses
    const quint32 atoms = Atom::tableSize();
    TimelineData second;
    TimelineReader::parseBuffer(lines("b"), 0, &second);
    QCOMPARE(second.events.size(), size_t(1000));
    QCOMPARE(second.keys[998].runId, QStringLiteral("b-run-499"));
    QCOMPARE(second.keys[998].sessionId, QStringLiteral("b-sess-49"));
    QCOMPARE(Atom::tableSize(), atoms); // 500 new runs and 50 new sessions, not one new atom
    // The lines of one run share their id's text instead of each holding a copy.
    QCOMPARE(second.keys[998].runId.constData(), second.keys[999].runId.constData());
    QCOMPARE(second.keys[0].sessionId.constData(), second.keys[19].sessionId.constData());
}

void tst_TimelineReader::eventFields()
{
    const QByteArray line = R"({"ts":1795560451.8461432,"type":"faiss.search.end","name":"faiss","status":"ok",)"
                            R"("session_id":"sess-a","run_id":"f7fe85bab97843aab788eef0bcbc1465",)"
                            R"("message":"über 🚀","attrs":{"duration_ms":4,"rows":1,"use_gpu":true}})";
    const TextBuffer buffer { QStringLiteral("x.jsonl"), QByteArray(line).append('\n'), {} };
    TimelineData data;
    TimelineReader::parseBuffer(buffer, 0, &data);
    QCOMPARE(data.problems.size(), qsizetype(0));
    QCOMPARE(data.events.size(), size_t(1));
    const Event& e = data.events.front();
    QCOMPARE(e.ts, 1795560451.8461432);
    QCOMPARE(e.type, QStringLiteral("faiss.search.end"));
    QCOMPARE(e.name, QStringLiteral("faiss"));
    QCOMPARE(e.status, QStringLiteral("ok"));
    QCOMPARE(data.keys.size(), size_t(1));
    QCOMPARE(data.keys.front().sessionId, QStringLiteral("sess-a"));
    QCOMPARE(data.keys.front().runId, QStringLiteral("f7fe85bab97843aab788eef0bcbc1465"));
    QCOMPARE(e.message, QString::fromUtf8("über 🚀"));
    QCOMPARE(e.durationMs, 4.0);
    QCOMPARE(e.length, qint32(line.size()));
    QVERIFY(!e.isError());

    // attrs stay raw until asked for; 64-bit integers above 2^53 survive exactly (spec 12).
    const QByteArray big =
        R"({"ts":1.0,"type":"decision","name":"n","status":"ok","session_id":"s","run_id":"r",)"
        R"("attrs":{"started_at_ns":1795560451123456789,"faiss.k":20,"ratio":0.5,"retrieval.channels_used":"[\"bm25\"]"}})";
    const QJsonObject attrs = parseAttrs(big);
    QCOMPARE(attrs.value(QLatin1String("started_at_ns")).toInteger(), Q_INT64_C(1795560451123456789));
    QCOMPARE(attrs.value(QLatin1String("faiss.k")).toInteger(), Q_INT64_C(20)); // dotted keys are not split
    QCOMPARE(attrs.value(QLatin1String("ratio")).toDouble(), 0.5);
    QCOMPARE(attrs.value(QLatin1String("retrieval.channels_used")).toString(), QStringLiteral("[\"bm25\"]"));
}

void tst_TimelineReader::tolerantFields_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("warning"); // exactly one warning at line 1, offset 0

    const QByteArray base = eventLine(5);
    auto with = [&base](const char* from, const QByteArray& to) -> QByteArray {
        QByteArray line = base;
        line.replace(from, to);
        return line;
    };
    QTest::addRow("plain line") << base << QStringLiteral("name") << QStringLiteral("ev5") << false;
    QTest::addRow("ts as a numeric string") << with("\"ts\":1795560451.105", "\"ts\":\"1795560451.105\"")
                                            << QStringLiteral("ts") << QStringLiteral("1795560451.105") << true;
    QTest::addRow("ts as an integer") << with("\"ts\":1795560451.105", "\"ts\":1795560451") << QStringLiteral("ts")
                                      << QStringLiteral("1795560451") << false;
    QTest::addRow("run_id as a number") << with("\"run_id\":\"run-1\"", "\"run_id\":12345") << QStringLiteral("run_id")
                                        << QStringLiteral("12345") << true;
    QTest::addRow("run_id as a 64-bit number")
        << with("\"run_id\":\"run-1\"", "\"run_id\":1795560451000000001") << QStringLiteral("run_id")
        << QStringLiteral("1795560451000000001") << true;
    QTest::addRow("session_id as a number") << with("\"session_id\":\"sess-a\"", "\"session_id\":7")
                                            << QStringLiteral("session_id") << QStringLiteral("7") << true;
    QTest::addRow("invalid UTF-8 in name") << with("\"name\":\"ev5\"", "\"name\":\"caf\xE9\"") << QStringLiteral("name")
                                           << QString::fromUtf8("caf\xEF\xBF\xBD") << true;
    QTest::addRow("overlong UTF-8 in message")
        << with("\"status\":\"ok\"", "\"status\":\"error\",\"message\":\"a\xC0\xAF\x62\"") << QStringLiteral("message")
        << QString::fromUtf8("a\xEF\xBF\xBD\xEF\xBF\xBD"
                             "b")
        << true;
    QTest::addRow("raw non-ASCII kept") << with("\"name\":\"ev5\"", "\"name\":\"données 🚀\"") << QStringLiteral("name")
                                        << QString::fromUtf8("données 🚀") << false;
    QTest::addRow("escaped NUL in name") << with("\"name\":\"ev5\"", "\"name\":\"a\\u0000b\"") << QStringLiteral("name")
                                         << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << false;
    QTest::addRow("error status") << with("\"status\":\"ok\"", "\"status\":\"error\"") << QStringLiteral("status")
                                  << QStringLiteral("error") << false;
    QTest::addRow("keys in another order")
        << QByteArray(R"({"run_id":"r9","attrs":{},"status":"noop","name":"n","session_id":"s9","type":"t","ts":1.5})")
        << QStringLiteral("run_id") << QStringLiteral("r9") << false;
}

void tst_TimelineReader::tolerantFields()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QFETCH(bool, warning);

    const TextBuffer buffer { QStringLiteral("t.jsonl"), QByteArray(line).append('\n'), {} };
    TimelineData data;
    TimelineReader::parseBuffer(buffer, 0, &data);
    QCOMPARE(data.events.size(), size_t(1));
    const Event& e = data.events.front();
    if (field == QLatin1String("ts"))
        QCOMPARE(e.ts, expected.toDouble());
    else if (field == QLatin1String("name"))
        QCOMPARE(e.name, expected);
    else if (field == QLatin1String("run_id"))
        QCOMPARE(data.keys.front().runId, expected);
    else if (field == QLatin1String("session_id"))
        QCOMPARE(data.keys.front().sessionId, expected);
    else if (field == QLatin1String("message"))
        QCOMPARE(e.message, expected);
    else if (field == QLatin1String("status"))
        QCOMPARE(e.status, expected);
    else
        QFAIL("unknown field");
    if (warning)
        checkDiagnostics(data.problems, { { Warning, 1, 0, {} } }, QStringLiteral("t.jsonl"));
    else
        checkDiagnostics(data.problems, {}, QStringLiteral("t.jsonl"));
}

// NaN, Infinity and -Infinity wherever a value may stand, as Python's json.loads reads them; inside strings
// they stay text.
void tst_TimelineReader::nonFiniteValues()
{
    const QByteArray line = R"({"ts":1.5,"type":"step.end","name":NaN,"status":"error","message":-Infinity,)"
                            R"("session_id":"s","run_id":"r","attrs":{"duration_ms":NaN,"k":NaN,"inf":Infinity,)"
                            R"("neg":-Infinity,"s":"NaN, Infinity","nested":{"a":[NaN,1,"-Infinity",[Infinity]]},)"
                            R"("mine":4398046511103.75,"budget.ms":NaN}})";
    const TextBuffer buffer { QStringLiteral("t.jsonl"), QByteArray(line).append('\n'), {} };
    TimelineData data;
    TimelineReader::parseBuffer(buffer, 0, &data);
    QCOMPARE(data.events.size(), size_t(1));
    const Event& e = data.events.front();
    QCOMPARE(e.ts, 1.5);
    QCOMPARE(e.name, QStringLiteral("NaN"));
    QCOMPARE(e.message, QStringLiteral("-Infinity"));
    QVERIFY(!e.hasDuration()); // NaN measures nothing
    QVERIFY(e.attrKeys & Event::BudgetMs);
    checkDiagnostics(data.problems,
        { { Warning, 1, 0, QStringLiteral("\"name\" is not a string, read as \"NaN\"") },
            { Warning, 1, 0, QStringLiteral("9 non-finite") } },
        QStringLiteral("t.jsonl"));
    QCOMPARE(data.problems.back().code, QStringLiteral("non-finite-number"));

    // A line that holds a placeholder number of its own keeps it: the next placeholders are used.
    const QByteArray expected = R"({"budget.ms":NaN,"duration_ms":NaN,"inf":Infinity,"k":NaN,"mine":4398046511103.75,)"
                                R"("natural":null,"neg":-Infinity,"nested":{"a":[NaN,1,"-Infinity",[Infinity]]},)"
                                R"("s":"NaN, Infinity"})";
    QJsonObject attrs = parseAttrs(line);
    QVERIFY(std::isnan(attrs.value(QLatin1String("k")).toDouble()));
    QCOMPARE(attrs.value(QLatin1String("k")).type(), QJsonValue::Double);
    QCOMPARE(attrs.value(QLatin1String("neg")).toDouble(), -std::numeric_limits<double>::infinity());
    attrs.insert(QStringLiteral("natural"), QJsonValue::Null); // compactJson tells NaN and null apart
    QCOMPARE(compactJson(attrs), expected);
    AttrLookup lookup;
    QCOMPARE(lookup.value(line, QLatin1StringView("inf")).toDouble(), std::numeric_limits<double>::infinity());
    QCOMPARE(lookup.value(line, QLatin1StringView("s")), QJsonValue(QStringLiteral("NaN, Infinity")));
    QCOMPARE(lookup.value(line, QLatin1StringView("mine")).toDouble(), 4398046511103.75);
    QCOMPARE(compactJson(lookup.value(line, QLatin1StringView("nested"))),
        QByteArray(R"({"a":[NaN,1,"-Infinity",[Infinity]]})"));
    QVERIFY(lookup.object(line).contains(QLatin1String("budget.ms")));

    // Without any: the strict parse, and compactJson() writes what QJsonDocument writes.
    const QByteArray plain = eventLine(1);
    QCOMPARE(compactJson(parseAttrs(plain)), QByteArray(R"({"k":1})"));
    QCOMPARE(compactJson(QJsonValue(0.5)), QByteArray("0.5"));
    QCOMPARE(compactJson(QJsonValue(QStringLiteral("a\"b"))), QByteArray("\"a\\\"b\""));
    QCOMPARE(nonFiniteToken(2.0), QLatin1StringView());
}

void tst_TimelineReader::nonFiniteDocument()
{
    QString error;
    qint64 errorOffset = -1;
    bool repaired = false;
    qint64 first = -2;
    const QByteArray member = "\xEF\xBB\xBF{\n  \"s\": \"NaN\",\n  \"a\": [1.5, -Infinity],\n  \"n\": NaN\n}";
    const QJsonValue value = parseJsonDocument(member, &error, &errorOffset, &repaired, &first);
    QVERIFY2(value.isObject(), qPrintable(error));
    QCOMPARE(compactJson(value), QByteArray(R"({"a":[1.5,-Infinity],"n":NaN,"s":"NaN"})"));
    QCOMPARE(first, member.indexOf("-Infinity")); // byte order mark included
    QVERIFY(!repaired);

    QVERIFY(parseJsonDocument(QByteArray(R"({"a": 1})"), &error, &errorOffset, &repaired, &first).isObject());
    QCOMPARE(first, qint64(-1));
    QVERIFY(parseJsonDocument(QByteArray(R"({"a": -NaN})"), &error, &errorOffset, &repaired, &first).isUndefined());
    QVERIFY(!error.isEmpty());
}

void tst_TimelineReader::arrayEntryLines_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QList<qint32>>("lines");

    QTest::addRow("pretty") << QByteArray("{\n  \"events\": [\n    {\n      \"a\": 1\n    },\n    {\n      \"a\": 2\n"
                                          "    }\n  ]\n}\n")
                            << QList<qint32> { 3, 6 };
    QTest::addRow("compact, one line") << QByteArray(R"({"events":[{"a":1},{"a":[2,3]},4]})")
                                       << QList<qint32> { 1, 1, 1 };
    QTest::addRow("empty array") << QByteArray("{\"events\": [\n]}") << QList<qint32> {};
    // Brackets, colons, quotes and the key itself inside strings, and a nested "events", are not the array.
    QTest::addRow("decoys") << QByteArray("{\"x\": \"\\\"events\\\": [\",\n\"run\": {\"events\": [1, 2]},\n"
                                          "\"events\": [\n\"a]\\\"b\",\n{\"events\": [9]}\n]}")
                            << QList<qint32> { 4, 5 };
    QTest::addRow("a value after another key")
        << QByteArray("{\"n\": 8, \"events\": 3,\n\"list\": [1]}") << QList<qint32> {};
    QTest::addRow("no such key") << QByteArray("{\"timeline\": [1, 2]}") << QList<qint32> {};
    QTest::addRow("truncated") << QByteArray("{\"events\": [\n{\"a\": 1},\n{\"a\"") << QList<qint32> {};
}

// Where each entry of a JSON document's array begins, so that a location can name the document's line.
void tst_TimelineReader::arrayEntryLines()
{
    QFETCH(QByteArray, document);
    QFETCH(QList<qint32>, lines);
    const std::vector<qint32> found = Runlens::arrayEntryLines(document, QLatin1StringView("events"));
    QCOMPARE(QList<qint32>(found.begin(), found.end()), lines);
}

void tst_TimelineReader::timelineFiles_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("directories");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("segments, current file, other days and names")
        << QStringList { QStringLiteral("events-20261124-1795560500.jsonl"),
               QStringLiteral("events-20261124-1795560400.jsonl"), QStringLiteral("events-20261124.jsonl"),
               QStringLiteral("events-20261123.jsonl"), QStringLiteral("events-other.jsonl"),
               QStringLiteral("notes.txt") }
        << QStringList { QStringLiteral("runpacks") }
        << QStringList { QStringLiteral("events-20261123.jsonl"), QStringLiteral("events-20261124-1795560400.jsonl"),
               QStringLiteral("events-20261124-1795560500.jsonl"), QStringLiteral("events-20261124.jsonl"),
               QStringLiteral("events-other.jsonl") };
    QTest::addRow("epochs compare as numbers")
        << QStringList { QStringLiteral("events-20261124-1000.jsonl"), QStringLiteral("events-20261124-999.jsonl") }
        << QStringList {}
        << QStringList { QStringLiteral("events-20261124-999.jsonl"), QStringLiteral("events-20261124-1000.jsonl") };
    QTest::addRow("a day's segments come after the previous day's current file")
        << QStringList { QStringLiteral("events-20261125.jsonl"), QStringLiteral("events-20261125-1795600000.jsonl"),
               QStringLiteral("events-20261124.jsonl") }
        << QStringList {}
        << QStringList { QStringLiteral("events-20261124.jsonl"), QStringLiteral("events-20261125-1795600000.jsonl"),
               QStringLiteral("events-20261125.jsonl") };
    QTest::addRow("other extensions and directories are ignored")
        << QStringList { QStringLiteral("events-20261124.jsonl.gz"), QStringLiteral("events-20261124.json"),
               QStringLiteral("events-20261124.jsonl.bak"), QStringLiteral("ledger.jsonl") }
        << QStringList { QStringLiteral("events-20261123.jsonl"), QStringLiteral("runpacks") } << QStringList {};
    QTest::addRow("empty directory") << QStringList {} << QStringList {} << QStringList {};
}

void tst_TimelineReader::timelineFiles()
{
    QFETCH(QStringList, files);
    QFETCH(QStringList, directories);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString& name : std::as_const(files))
        QVERIFY(writeFile(dir.filePath(name), eventLine(1) + '\n'));
    for (const QString& name : std::as_const(directories))
        QVERIFY(QDir(dir.path()).mkdir(name));
    // A timeline file inside runpacks/ must not be picked up either.
    if (directories.contains(QStringLiteral("runpacks")))
        QVERIFY(writeFile(dir.filePath(QStringLiteral("runpacks/events-20261124.jsonl")), eventLine(1) + '\n'));

    QCOMPARE(TimelineReader::timelineFiles(dir.path()), expected);
}

void tst_TimelineReader::readDirectoryWriteOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto line = [](const char* ts, const char* name) -> QByteArray {
        return QByteArray("{\"ts\":") + ts + QByteArray(R"(,"type":"step.start","name":")") + name
            + QByteArray(R"(","status":"ok","session_id":"s","run_id":"r"})");
    };
    // Written in this order: segment 400, segment 500, current file, then an odd name.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("events-20261124.jsonl")),
        line("20.0", "current-a") + '\n' + line("15.0", "current-b") + '\n'));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("events-20261124-500.jsonl")), line("20.0", "seg500-a") + '\n'));
    const Input seg400 = join({ line("10.0", "seg400-a"), line("20.0", "seg400-b"), QByteArray("{broken") });
    QVERIFY(writeFile(dir.filePath(QStringLiteral("events-20261124-400.jsonl")), seg400.bytes));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("events-other.jsonl")), line("5.0", "other") + '\n'));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("notes.txt")), line("1.0", "notes") + '\n'));

    const TimelineData data = TimelineReader::readDirectory(dir.path());
    QStringList readOrder;
    for (const Event& e : data.events)
        readOrder.append(e.name);
    QCOMPARE(readOrder,
        (QStringList { QStringLiteral("seg400-a"), QStringLiteral("seg400-b"), QStringLiteral("seg500-a"),
            QStringLiteral("current-a"), QStringLiteral("current-b"), QStringLiteral("other") }));
    QCOMPARE(data.buffers.size(), size_t(4));
    QCOMPARE(data.buffers[size_t(data.events[2].buffer)]->name, QStringLiteral("events-20261124-500.jsonl"));
    checkDiagnostics(data.problems, { { Error, 3, seg400.offsets[2], QStringLiteral("JSON") } },
        QStringLiteral("events-20261124-400.jsonl"));

    // Equal ts keep write order across files: seg400-b, seg500-a, current-a all have ts 20.
    const std::vector<RunGroup> groups = Runlens::groupByRun(data.events, data.keys);
    QCOMPARE(groups.size(), size_t(1));
    QStringList sorted;
    for (const Event& e : groups.front().events)
        sorted.append(e.name);
    QCOMPARE(sorted,
        (QStringList { QStringLiteral("other"), QStringLiteral("seg400-a"), QStringLiteral("current-b"),
            QStringLiteral("seg400-b"), QStringLiteral("seg500-a"), QStringLiteral("current-a") }));
}

void tst_TimelineReader::readDirectoryMissing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TimelineData empty = TimelineReader::readDirectory(dir.path());
    QVERIFY(empty.events.empty());
    QVERIFY(empty.buffers.empty());

    const TimelineData missing = TimelineReader::readFile(dir.filePath(QStringLiteral("nope.jsonl")));
    QVERIFY(missing.events.empty());
    QCOMPARE(missing.problems.size(), qsizetype(1));
    QCOMPARE(missing.problems.front().severity, Error);
}

void tst_TimelineReader::groupByRun_data()
{
    QTest::addColumn<QStringList>("events"); // "session|run|ts|name", in read order
    QTest::addColumn<QStringList>("expected"); // "session|run: names in sorted order"

    QTest::addRow("one run sorted by ts") << QStringList { QStringLiteral("s|r|3|c"), QStringLiteral("s|r|1|a"),
        QStringLiteral("s|r|2|b") } << QStringList { QStringLiteral("s|r: a b c") };
    QTest::addRow("equal ts keep file order")
        << QStringList { QStringLiteral("s|r|5|first"), QStringLiteral("s|r|1|early"), QStringLiteral("s|r|5|second"),
               QStringLiteral("s|r|5|third"), QStringLiteral("s|r|9|late"), QStringLiteral("s|r|5|fourth") }
        << QStringList { QStringLiteral("s|r: early first second third fourth late") };
    QTest::addRow("same run_id in two sessions is two runs")
        << QStringList { QStringLiteral("sess-a|run-1|1|a1"), QStringLiteral("sess-b|run-1|2|b1"),
               QStringLiteral("sess-a|run-1|3|a2"), QStringLiteral("sess-b|run-1|0.5|b0") }
        << QStringList { QStringLiteral("sess-a|run-1: a1 a2"), QStringLiteral("sess-b|run-1: b0 b1") };
    QTest::addRow("interleaved runs in first-seen order")
        << QStringList { QStringLiteral("startup|w|1|w1"), QStringLiteral("s1|r2|4|x1"), QStringLiteral("s1|r1|2|y1"),
               QStringLiteral("startup|w|3|w2"), QStringLiteral("s1|r2|3|x0"), QStringLiteral("s1|r1|5|y2") }
        << QStringList { QStringLiteral("startup|w: w1 w2"), QStringLiteral("s1|r2: x0 x1"),
               QStringLiteral("s1|r1: y1 y2") };
    QTest::addRow("session and run texts are not concatenated") << QStringList { QStringLiteral("ab|c|1|one"),
        QStringLiteral("a|bc|2|two") } << QStringList { QStringLiteral("ab|c: one"), QStringLiteral("a|bc: two") };
    QTest::addRow("no events") << QStringList {} << QStringList {};
    // A ts that is NaN or infinite (spec 2.3) takes the run's ts before it: the line stays where it was written.
    QTest::addRow("a NaN ts follows its run's line before it") << QStringList { QStringLiteral("s|r|1|a"),
        QStringLiteral("s|r|nan|b"), QStringLiteral("s|r|0.5|c"), QStringLiteral("s|r|2|d") }
                                                               << QStringList { QStringLiteral("s|r: c a b d") };
    QTest::addRow("first lines take the first finite ts after them") << QStringList { QStringLiteral("s|r|inf|a"),
        QStringLiteral("s|r|-inf|b"), QStringLiteral("s|r|3|c"), QStringLiteral("s|r|2|d") }
                                                                     << QStringList { QStringLiteral("s|r: d a b c") };
    QTest::addRow("a NaN ts looks at its own run only") << QStringList {
        QStringLiteral("s|r|5|a"), QStringLiteral("t|q|nan|x"), QStringLiteral("t|q|1|y"), QStringLiteral("s|r|nan|b")
    } << QStringList { QStringLiteral("s|r: a b"), QStringLiteral("t|q: x y") };
    QTest::addRow("no finite ts at all keeps read order")
        << QStringList { QStringLiteral("s|r|nan|a"), QStringLiteral("s|r|inf|b"), QStringLiteral("s|r|nan|c") }
        << QStringList { QStringLiteral("s|r: a b c") };
}

void tst_TimelineReader::groupByRun()
{
    QFETCH(QStringList, events);
    QFETCH(QStringList, expected);

    std::vector<Event> input;
    std::vector<RunKey> keys;
    for (const QString& spec : std::as_const(events))
        input.push_back(makeEvent(spec, &keys));
    const std::vector<RunGroup> groups = Runlens::groupByRun(std::move(input), keys);
    QStringList actual;
    for (const RunGroup& group : groups) {
        QStringList names;
        for (const Event& e : group.events) {
            names.append(e.name);
            QVERIFY(std::isfinite(e.ts));
        }
        actual.append(
            group.sessionId + QLatin1Char('|') + group.runId + QStringLiteral(": ") + names.join(QLatin1Char(' ')));
    }
    QCOMPARE(actual, expected);
}

} // namespace Runlens

QTEST_GUILESS_MAIN(Runlens::tst_TimelineReader)
#include "tst_timelinereader.moc"
