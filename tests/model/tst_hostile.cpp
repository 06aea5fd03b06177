// SPDX-License-Identifier: MIT
// Hostile and broken inputs end to end through readSource(): every limit gives a clear diagnostic or
// fatal error (what, where, why), nothing blocks, nothing crashes. The inputs are made at test time.
// Unit-level cases live beside their reader (tst_ziparchive, tst_timelinereader, tst_sourcereader).
#include "hostileinput.h"
#include "sourcereader.h"

#include "packbuilder.h"
#include "runreport.h"
#include "source.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <mutex>

#include <sys/stat.h>

namespace Runlens {

namespace {

using namespace Test;

/// A diagnostic the input must produce. `offset` kAnyOffset: any; the message must contain `why`.
struct Where
{
    QString file;
    qint64 line = 0;
    qint64 offset = -1;
    QString why;
};
using Wheres = QList<Where>;
constexpr qint64 kAnyOffset = -2;

/// Makes the input inside the test's temporary directory; returns the path to read, empty on failure.
using Maker = std::function<QString(const QDir& dir)>;

/// What happens to a timeline directory in the middle of reading it.
enum class Change
{
    Grows,
    Shrinks,
    NextDeleted,
    NextReplacedByFifo
};

constexpr int kBlockedMs = 5000; // no read of these inputs takes long; a blocked open() would take forever
constexpr qint64 kMiB = 1024 * 1024;

const QByteArray kUpstreamMeta = R"({"schema": "codeintel/runpack@v1", "session_id": "s1", "run_id": "r1"})";
const QString kDay = QStringLiteral("events-20261124.jsonl");

QByteArray lines(int count, int first = 0)
{
    QByteArray bytes;
    for (int i = first; i < first + count; ++i)
        bytes += timelineLine(i) + '\n';
    return bytes;
}

/// A pack with meta.json and the given members, written by hand so that anything goes.
Maker pack(RawZipMembers members, qint64 declaredCount = -1)
{
    return [members = std::move(members), declaredCount](const QDir& dir) {
        RawZipMembers all { { "meta.json", kUpstreamMeta } };
        all += members;
        const QString path = dir.filePath(QStringLiteral("pack.zip"));
        return writeFile(path, rawZip(all, declaredCount)) ? path : QString();
    };
}

Maker rawFile(const QString& name, const QByteArray& bytes)
{
    return [name, bytes](
               const QDir& dir) { return writeFile(dir.filePath(name), bytes) ? dir.filePath(name) : QString(); };
}

/// A timeline directory with three good lines in `kDay`, plus whatever `extra` adds.
Maker timelineDir(const std::function<bool(const QDir& diagnostics)>& extra)
{
    return [extra](const QDir& dir) {
        if (!dir.mkpath(QStringLiteral("data/diagnostics")))
            return QString();
        const QDir diagnostics(dir.filePath(QStringLiteral("data/diagnostics")));
        if (!writeFile(diagnostics.filePath(kDay), lines(3)) || !extra(diagnostics))
            return QString();
        return diagnostics.path();
    };
}

bool symlink(const QString& target, const QString& link)
{
    return QFile::link(target, link);
}

bool unreadable(const QString& path)
{
    return ::chmod(QFile::encodeName(path).constData(), 0) == 0;
}

QString describe(const Diagnostics& problems)
{
    QStringList text;
    for (const Diagnostic& d : problems)
        text.append(d.toString());
    return text.join(u'\n');
}

/// readSource() on a worker, so that a read blocked on a FIFO fails the test instead of hanging it.
SourcePtr readWithoutBlocking(const QString& path, const QDir& dir, const LoadControl& control = {})
{
    QFuture<SourcePtr> future = QtConcurrent::run([path, control] { return readSource(path, control); });
    QDeadlineTimer deadline(kBlockedMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QThread::msleep(5);
    if (future.isFinished())
        return future.result();
    // Blocked: give every FIFO a writer that leaves at once, so that the worker can end.
    QDirIterator it(dir.path(), QDir::AllEntries | QDir::System | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString entry = it.next();
        struct stat st = {};
        if (::lstat(QFile::encodeName(entry).constData(), &st) == 0 && S_ISFIFO(st.st_mode))
            unblockFifo(entry);
    }
    future.waitForFinished();
    return nullptr;
}

/// Every reader result goes on to reports and regeneration in the CLI and the GUI; they must cope too.
void useEverywhere(const Source& source)
{
    QVERIFY(!reportJson(source, {}, {}).isEmpty());
    QVERIFY(!reportText(source, {}, {}).isEmpty());
    for (const RunPtr& run : source.runs) {
        PackOptions options;
        options.sessionId = run->sessionId;
        options.runId = run->runId;
        PackMembers members;
        QString error;
        if (!buildPack(source, options, &members, &error))
            QVERIFY2(!error.isEmpty(), "pack refused without a reason");
    }
}

enum class Downstream
{
    Use,
    Skip
};

void check(const SourcePtr& source, const QString& fatal, const Wheres& problems, int events,
    Downstream downstream = Downstream::Use)
{
    QVERIFY2(source, "readSource() blocked");
    if (!fatal.isEmpty()) {
        QVERIFY2(!source->ok(), qPrintable(QStringLiteral("readable, expected \"%1\"").arg(fatal)));
        QVERIFY2(source->fatalError.contains(fatal, Qt::CaseInsensitive), qPrintable(source->fatalError));
        QVERIFY(source->runs.empty());
        return;
    }
    QVERIFY2(source->ok(), qPrintable(source->fatalError));
    const QString all = describe(source->problems);
    for (const Diagnostic& d : source->problems)
        QVERIFY2(!d.message.trimmed().isEmpty(), qPrintable(all));
    for (const Where& w : problems) {
        const bool found = std::any_of(source->problems.cbegin(), source->problems.cend(), [&](const Diagnostic& d) {
            return d.file == w.file && d.line == w.line && (w.offset == kAnyOffset || d.byteOffset == w.offset)
                && d.message.contains(w.why, Qt::CaseInsensitive);
        });
        QVERIFY2(found,
            qPrintable(QStringLiteral("no diagnostic %1:%2 offset %3 \"%4\" in:\n%5")
                           .arg(w.file)
                           .arg(w.line)
                           .arg(w.offset)
                           .arg(w.why, all)));
    }
    if (events >= 0)
        QCOMPARE(source->eventCount, qint64(events));
    if (downstream == Downstream::Use)
        useEverywhere(*source);
}

void addColumns()
{
    QTest::addColumn<Maker>("maker");
    QTest::addColumn<QString>("fatal"); // a word of the fatal error; empty: the input is readable
    QTest::addColumn<Wheres>("problems");
    QTest::addColumn<int>("events"); // -1: not checked
}

} // namespace

} // namespace Runlens

Q_DECLARE_METATYPE(Runlens::Maker)
Q_DECLARE_METATYPE(Runlens::Wheres)
Q_DECLARE_METATYPE(Runlens::Change)

namespace Runlens {

class tst_Hostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zips_data();
    void zips() { run(); }
    void json_data();
    void json() { run(); }
    void timelineDirectories_data();
    void timelineDirectories() { run(); }
    void filesChangingWhileRead_data();
    void filesChangingWhileRead();

private:
    void run();
};

void tst_Hostile::run()
{
    QFETCH(Maker, maker);
    QFETCH(QString, fatal);
    QFETCH(Wheres, problems);
    QFETCH(int, events);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QDir dir(tmp.path());
    const QString path = maker(dir);
    QVERIFY2(!path.isEmpty(), "could not make the input");
    const QStringList before = QDir(dir).entryList(QDir::AllEntries | QDir::System | QDir::Hidden);

    check(readWithoutBlocking(path, dir), fatal, problems, events);
    // Nothing is ever extracted or written next to the input.
    QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::System | QDir::Hidden), before);
    if (QFileInfo(path).isDir())
        ::chmod(QFile::encodeName(path).constData(), 0700); // a user could not remove a mode-000 directory
}

void tst_Hostile::zips_data()
{
    addColumns();
    const QString events = QStringLiteral("timeline_events.jsonl");
    const QByteArray threeLines = lines(3);

    // The central directory promises 1000 bytes: inflating stops there, and the CRC of the rest is wrong.
    QTest::addRow("member inflates past its declared size")
        << pack({ { "timeline_events.jsonl", QByteArray(16 * kMiB, '\n'), 8, 0x0800, 1000 } }) << QString()
        << Wheres { { events, 0, -1, QStringLiteral("CRC mismatch") } } << 0;
    QTest::addRow("member declares more than 256 MiB")
        << pack({ { "timeline_events.jsonl", threeLines, 8, 0x0800, 300 * kMiB, 2 * kMiB } }) << QString()
        << Wheres { { events, 0, -1, QStringLiteral("declared size 314572800 bytes exceeds the limit of 268435456") } }
        << 0;
    QTest::addRow("zip bomb ratio") << pack({ { "timeline_events.jsonl", QByteArray(20 * kMiB, ' ') } }) << QString()
                                    << Wheres { { events, 0, -1, QStringLiteral("possible zip bomb") } } << 0;
    {
        RawZipMembers big;
        for (int i = 0; i < 5; ++i)
            big.append({ "logs/" + QByteArray::number(i) + ".log", "x", 8, 0x0800, 250 * kMiB, 2 * kMiB });
        QTest::addRow("members declare more than 1 GiB in total")
            << pack(big) << QStringLiteral("more than 1073741824 uncompressed bytes in total") << Wheres {} << -1;
    }
    {
        RawZipMembers many;
        for (int i = 0; i < 20000; ++i)
            many.append({ "logs/" + QByteArray::number(i) + ".log", "x", 0 });
        QTest::addRow("tens of thousands of members")
            << pack(many) << QStringLiteral("20001 entries, more than the limit of 10000") << Wheres {} << -1;
        // 70001 members without ZIP64: the end record's 16-bit count says 4465, and as the format says,
        // only those are members; the limit holds either way.
        for (int i = 20000; i < 70000; ++i)
            many.append({ "logs/" + QByteArray::number(i) + ".log", "x", 0 });
        QTest::addRow("member count wraps past 65535") << pack(many) << QString() << Wheres {} << 0;
        QTest::addRow("member count 65535 without ZIP64 records")
            << pack(many, 0xffff) << QStringLiteral("65535 entries, more than the limit of 10000") << Wheres {} << -1;
    }
    QTest::addRow("unsafe member names")
        << pack({ { "timeline_events.jsonl", threeLines }, { "logs/../../evil.log", "x" }, { "..\\evil.log", "x" },
               { "/tmp/evil.log", "x" }, { "C:/evil.log", "x" }, { QByteArray("logs/a\0b.log", 12), "x" },
               { "logs/\x1b[2Jevil.log", "x" } })
        << QString()
        << Wheres { { QStringLiteral("logs/../../evil.log"), 0, -1, QStringLiteral("unsafe member name") },
               { QStringLiteral("..\\evil.log"), 0, -1, QStringLiteral("unsafe member name") },
               { QStringLiteral("/tmp/evil.log"), 0, -1, QStringLiteral("unsafe member name") },
               { QStringLiteral("C:/evil.log"), 0, -1, QStringLiteral("unsafe member name") },
               { QStringLiteral("logs/a") + QChar(0) + QStringLiteral("b.log"), 0, -1,
                   QStringLiteral("unsafe member name") },
               { QStringLiteral("logs/\x1b[2Jevil.log"), 0, -1, QStringLiteral("unsafe member name") } }
        << 3;
    // Overlong UTF-8 for "." must not decode to "..": it becomes U+FFFD and an unknown member.
    QTest::addRow("overlong UTF-8 dots in a member name")
        << pack({ { "timeline_events.jsonl", threeLines }, { "\xC0\xAE\xC0\xAE/evil.json", "{}" } }) << QString()
        << Wheres { { QString(4, QChar(0xFFFD)) + QStringLiteral("/evil.json"), 0, -1,
               QStringLiteral("unknown member") } }
        << 3;
    QTest::addRow("duplicate member: the first one counts")
        << pack({ { "timeline_events.jsonl", threeLines }, { "timeline_events.jsonl", lines(1, 10) } }) << QString()
        << Wheres { { events, 0, -1, QStringLiteral("duplicate member") } } << 3;
    QTest::addRow("encrypted member") << pack({ { "timeline_events.jsonl", threeLines, 0, 0x0801 } }) << QString()
                                      << Wheres { { events, 0, -1, QStringLiteral("encrypted member") } } << 0;
    QTest::addRow("bzip2, LZMA and AES members")
        << pack({ { "timeline_events.jsonl", threeLines, 12 }, { "budgets.json", "{}", 14 },
               { "context.json", "{}", 99 } })
        << QString()
        << Wheres { { events, 0, -1, QStringLiteral("unsupported compression method 12") },
               { QStringLiteral("budgets.json"), 0, -1, QStringLiteral("unsupported compression method 14") },
               { QStringLiteral("context.json"), 0, -1, QStringLiteral("unsupported compression method 99") } }
        << 0;
    {
        const QByteArray whole = rawZip({ { "meta.json", kUpstreamMeta }, { "timeline_events.jsonl", threeLines } });
        const qsizetype central = whole.indexOf("PK\x01\x02");
        QTest::addRow("truncated inside the central directory")
            << rawFile(QStringLiteral("pack.zip"), whole.left(central + 20))
            << QStringLiteral("not a readable zip archive") << Wheres {} << -1;
        QTest::addRow("truncated inside member data")
            << rawFile(QStringLiteral("pack.zip"), whole.left(central / 2))
            << QStringLiteral("not a readable zip archive") << Wheres {} << -1;
    }
    QTest::addRow("empty file named .zip")
        << rawFile(QStringLiteral("pack.zip"), {}) << QStringLiteral("not a readable zip archive") << Wheres {} << -1;
    QTest::addRow("zip signature in a .jsonl") << rawFile(kDay, QByteArray("PK\x03\x04", 4) + QByteArray(100, '\xff'))
                                               << QStringLiteral("not a readable zip archive") << Wheres {} << -1;
}

void tst_Hostile::json_data()
{
    addColumns();
    const QByteArray first = timelineLine(1) + '\n';
    const auto withLine = [&](const QByteArray& middle) {
        return rawFile(kDay, first + middle + '\n' + timelineLine(3) + '\n');
    };
    const auto secondLine = [&](const QString& why) { return Wheres { { kDay, 2, first.size(), why } }; };

    QTest::addRow("line nested 100000 deep")
        << withLine(timelineLine(2, ",\"attrs\":{\"a\":" + deeplyNested(100000) + "}")) << QString()
        << secondLine(QStringLiteral("too deep")) << 2;
    // With a run to regenerate: the pack writer parses members again, with a parser that has no depth limit.
    QTest::addRow("member nested 100000 deep")
        << pack({ { "timeline_events.jsonl", lines(1) }, { "context.json", "{\"a\":" + deeplyNested(100000) + "}" } })
        << QString()
        << Wheres { { QStringLiteral("context.json"), 0, kAnyOffset, QStringLiteral("too deeply nested") } } << 1;
    // Written in pieces when the row runs: the test holds no 100 MB buffer of its own.
    QTest::addRow("single 100 MB line") << Maker([first](const QDir& dir) {
        QFile file(dir.filePath(kDay));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        QByteArray huge = timelineLine(2, ",\"message\":\"");
        huge.chop(1); // the closing brace comes after the message
        file.write(first + huge);
        const QByteArray piece(kMiB, 'x');
        for (int i = 0; i < 100; ++i)
            file.write(piece);
        file.write("\"}\n" + timelineLine(3) + '\n');
        return file.error() == QFile::NoError ? file.fileName() : QString();
    }) << QString() << secondLine(QStringLiteral("longer than the limit of 16777216 bytes"))
                                        << 2;
    QTest::addRow("number out of range in a line")
        << withLine(R"({"ts":1e400,"type":"x","name":"n","status":"ok","session_id":"s1","run_id":"r1"})") << QString()
        << secondLine(QStringLiteral("number")) << 2;
    // Finite but extreme: a run lasting 1e300 seconds must still make a report and a pack.
    QTest::addRow("extreme numbers in a line") << rawFile(kDay,
        R"({"ts":-1e300,"type":"operation.start","name":"mcp.tool:x","status":"ok","session_id":"s1","run_id":"r1"})"
        "\n"
        R"({"ts":1e300,"type":"operation.end","name":"mcp.tool:x","status":"ok","session_id":"s1","run_id":"r1","attrs":{"duration_ms":1.7e308,"n":-9223372036854775808,"u":18446744073709551615}})"
        "\n") << QString() << Wheres {} << 2;
    // Python writes integers of any size; past 64 bits the line is skipped, saying so.
    QTest::addRow("integer beyond 64 bits in a line")
        << withLine(timelineLine(2, R"(,"attrs":{"n":18446744073709551616})")) << QString()
        << secondLine(QStringLiteral("number")) << 2;
    QTest::addRow("number out of range in a member")
        << pack({ { "run_report.json", R"({"session_id": "s1", "run_id": "r1", "started_at": 1e400})" } }) << QString()
        << Wheres { { QStringLiteral("run_report.json"), 0, kAnyOffset, QStringLiteral("not valid JSON") } } << 0;
    QTest::addRow("invalid UTF-8 in a line and a member")
        << pack({ { "timeline_events.jsonl", timelineLine(1, ",\"message\":\"\xff\xfe\"") },
               { "budgets.json", "{\"k\": \"\xc0\x80\"}" } })
        << QString()
        << Wheres { { QStringLiteral("timeline_events.jsonl"), 1, 0, QStringLiteral("invalid UTF-8") },
               { QStringLiteral("budgets.json"), 0, -1, QStringLiteral("invalid UTF-8") } }
        << 1;
    // A raw NUL inside a string is tolerated (Qt reads it); NUL padding after the document, as a power
    // cut leaves it, is not JSON.
    QTest::addRow("NUL bytes inside and after a member")
        << pack({ { "budgets.json", QByteArray("{\"k\": \"a\0b\"}", 12) },
               { "context.json", QByteArray("{}") + QByteArray(4096, '\0') } })
        << QString() << Wheres { { QStringLiteral("context.json"), 0, 2, QStringLiteral("garbage at the end") } } << 0;
    QTest::addRow("file of NUL bytes") << rawFile(kDay, QByteArray(64 * 1024, '\0')) << QStringLiteral("not a timeline")
                                       << Wheres {} << -1;
}

void tst_Hostile::timelineDirectories_data()
{
    addColumns();
    // Makers run after this function returns: they capture by value.
    const QString next = QStringLiteral("events-20261125.jsonl");
    const QString after = QStringLiteral("events-20261126.jsonl");
    const auto in = [](const QDir& d, const QString& name) { return d.filePath(name); };

    QTest::addRow("FIFO among the timeline files")
        << timelineDir([=](const QDir& d) { return makeFifo(in(d, next)); }) << QString()
        << Wheres { { next, 0, -1, QStringLiteral("FIFO") } } << 3;
    QTest::addRow("FIFO as the input") << Maker(
        [](const QDir& dir) { return makeFifo(dir.filePath(kDay)) ? dir.filePath(kDay) : QString(); })
                                       << QStringLiteral("FIFO") << Wheres {} << -1;
    QTest::addRow("FIFO as a step ledger") << timelineDir([](const QDir& d) {
        return d.mkpath(QStringLiteral("../telemetry/runs/2026-11-24"))
            && makeFifo(d.filePath(QStringLiteral("../telemetry/runs/2026-11-24/r1.jsonl")));
    }) << QString() << Wheres {} << 3;
    QTest::addRow("symbolic link loop among the timeline files")
        << timelineDir(
               [=](const QDir& d) { return symlink(in(d, next), in(d, after)) && symlink(in(d, after), in(d, next)); })
        << QString()
        << Wheres { { next, 0, -1, QStringLiteral("symbolic link loop") },
               { after, 0, -1, QStringLiteral("symbolic link loop") } }
        << 3;
    QTest::addRow("symbolic link loop as the input") << Maker([](const QDir& dir) {
        const QString path = dir.filePath(kDay);
        return symlink(path, path) ? path : QString();
    }) << QStringLiteral("symbolic link loop") << Wheres {}
                                                     << -1;
    QTest::addRow("directory link loop beside the ledgers") << timelineDir([](const QDir& d) {
        return d.mkpath(QStringLiteral("../telemetry/runs"))
            && symlink(d.filePath(QStringLiteral("../telemetry/runs")),
                d.filePath(QStringLiteral("../telemetry/runs/2026-11-24")));
    }) << QString() << Wheres {} << 3;
    QTest::addRow("dangling symbolic link")
        << timelineDir([=](const QDir& d) { return symlink(in(d, QStringLiteral("gone.jsonl")), in(d, next)); })
        << QString() << Wheres { { next, 0, -1, QStringLiteral("dangling symbolic link") } } << 3;
    // A device never ends: reading /dev/zero as a timeline would fill the memory.
    QTest::addRow("link to a device") << timelineDir(
        [=](const QDir& d) { return symlink(QStringLiteral("/dev/zero"), in(d, next)); })
                                      << QString() << Wheres { { next, 0, -1, QStringLiteral("device") } } << 3;
    QTest::addRow("link to a device as the input") << Maker([](const QDir& dir) {
        return symlink(QStringLiteral("/dev/zero"), dir.filePath(kDay)) ? dir.filePath(kDay) : QString();
    }) << QStringLiteral("device") << Wheres {} << -1;

    // Root reads files and directories of mode 000 all the same (the suite runs as root in CI), so
    // there the only thing to check is that they are read; as a user, the error says why.
    const bool root = ::geteuid() == 0;
    QTest::addRow("unreadable file") << timelineDir([=](const QDir& d) {
        return writeFile(in(d, next), lines(3, 3)) && unreadable(in(d, next));
    }) << QString() << (root ? Wheres {} : Wheres { { next, 0, -1, QStringLiteral("permission denied") } })
                                     << (root ? 6 : 3);
    QTest::addRow("unreadable directory") << Maker([](const QDir& dir) {
        const QString diagnostics = dir.filePath(QStringLiteral("diagnostics"));
        return dir.mkdir(QStringLiteral("diagnostics")) && writeFile(diagnostics + u'/' + kDay, lines(3))
                && unreadable(diagnostics)
            ? diagnostics
            : QString();
    }) << (root ? QString() : QStringLiteral("permission denied"))
                                          << Wheres {} << (root ? 3 : -1);
}

void tst_Hostile::filesChangingWhileRead_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<int>("events");
    QTest::addColumn<Wheres>("problems");

    const QString current = kDay;
    // The segment is read as it was when reading began: appended bytes and a cut-off tail wait for the next load.
    QTest::addRow("segment grows") << Change::Grows << 20100 << Wheres {};
    QTest::addRow("segment shrinks") << Change::Shrinks << 20100 << Wheres {};
    QTest::addRow("current file deleted")
        << Change::NextDeleted << 20000 << Wheres { { current, 0, -1, QStringLiteral("No such file") } };
    QTest::addRow("current file replaced by a FIFO")
        << Change::NextReplacedByFifo << 20000 << Wheres { { current, 0, -1, QStringLiteral("FIFO") } };
}

void tst_Hostile::filesChangingWhileRead()
{
    QFETCH(Change, change);
    QFETCH(int, events);
    QFETCH(Wheres, problems);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QDir dir(tmp.path());
    // More lines than one progress step (16384), so that the change lands in the middle of the segment.
    const QString segment = dir.filePath(QStringLiteral("events-20261124-1795560000.jsonl"));
    const QString current = dir.filePath(kDay);
    QVERIFY(writeFile(segment, lines(20000)));
    QVERIFY(writeFile(current, lines(100, 20000)));

    // The change happens once, on the reader's thread (where QVERIFY cannot fail the test: note the
    // outcome). Growing and shrinking hit the segment while it is parsed (progress comes every 16384
    // lines); deleting and replacing hit the current file before it is read, when the reader first asks
    // whether to cancel or, reading files one by one, while it parses the segment.
    std::once_flag once;
    bool changed = false;
    const auto apply = [&] {
        std::call_once(once, [&] {
            const QByteArray more = lines(1000, 30000) + "{\"ts\":17955";
            QFile file(change == Change::Grows || change == Change::Shrinks ? segment : current);
            switch (change) {
            case Change::Grows:
                changed = file.open(QIODevice::Append) && file.write(more) == more.size();
                break;
            case Change::Shrinks:
                changed = file.resize(0);
                break;
            case Change::NextDeleted:
                changed = file.remove();
                break;
            case Change::NextReplacedByFifo:
                changed = file.remove() && makeFifo(current);
                break;
            }
        });
    };
    const bool beforeReading = change == Change::NextDeleted || change == Change::NextReplacedByFifo;
    const LoadControl control { [&] {
                                   if (beforeReading)
                                       apply();
                                   return false;
                               },
        [&](int, const QString&) { apply(); }, {}, {} };
    const SourcePtr source = readWithoutBlocking(dir.path(), dir, control);
    QVERIFY2(changed, "the change did not happen while reading");
    check(source, {}, problems, events, Downstream::Skip); // a pack of 20000 lines takes seconds in a debug build
    // No truncated line or other error beyond the expected ones (a note on the run's size is fine).
    const auto errors = std::count_if(source->problems.cbegin(), source->problems.cend(),
        [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
    QVERIFY2(errors == problems.size(), qPrintable(describe(source->problems)));
}

} // namespace Runlens

QTEST_GUILESS_MAIN(Runlens::tst_Hostile)
#include "tst_hostile.moc"
