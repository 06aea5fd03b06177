// SPDX-License-Identifier: MIT
// runlens-cli on hostile and broken input: an unreadable input is one line on stderr (what, where, why)
// and exit code 2; a readable one lists its problems; never a signal, never a blocked process.
#include "hostileinput.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <sys/stat.h>

namespace Runlens {

namespace {

using namespace Test;

/// Makes the input inside the test's temporary directory; returns its path, empty on failure.
using Maker = std::function<QString(const QDir& dir)>;

constexpr int kBlockedMs = 30000; // generous for ASan; a blocked open() would wait forever
constexpr qint64 kMiB = 1024 * 1024;
const QString kDay = QStringLiteral("events-20261124.jsonl");
const QByteArray kUpstreamMeta = R"({"schema": "codeintel/runpack@v1", "session_id": "s1", "run_id": "r1"})";
const QByteArray kEvents =
    R"({"ts": 1795560000.1, "type": "operation.start", "name": "mcp.tool:search.semantic_pro", "status": "ok", "session_id": "s1", "run_id": "r1"}
{"ts": 1795560000.2, "type": "operation.end", "name": "mcp.tool:search.semantic_pro", "status": "ok", "session_id": "s1", "run_id": "r1"})";

Maker file(const QString& name, const std::function<QByteArray()>& bytes)
{
    return [name, bytes](
               const QDir& dir) { return writeFile(dir.filePath(name), bytes()) ? dir.filePath(name) : QString(); };
}

Maker pack(const RawZipMembers& members)
{
    return file(QStringLiteral("pack.zip"), [members] {
        RawZipMembers all { { "meta.json", kUpstreamMeta }, { "timeline_events.jsonl", kEvents } };
        return rawZip(all + members);
    });
}

/// A good timeline directory whose `.runlens-suppress` is a FIFO.
Maker suppressFifo()
{
    return [](const QDir& dir) {
        return writeFile(dir.filePath(kDay), kEvents + '\n')
                && makeFifo(dir.filePath(QStringLiteral(".runlens-suppress")))
            ? dir.path()
            : QString();
    };
}

void unblockFifos(const QDir& dir)
{
    QDirIterator it(dir.path(), QDir::AllEntries | QDir::System | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString entry = it.next();
        struct stat st = {};
        if (::lstat(QFile::encodeName(entry).constData(), &st) == 0 && S_ISFIFO(st.st_mode))
            unblockFifo(entry);
    }
}

} // namespace

} // namespace Runlens

Q_DECLARE_METATYPE(Runlens::Maker)

namespace Runlens {

class tst_BadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badInput_data();
    void badInput();
};

void tst_BadInput::badInput_data()
{
    QTest::addColumn<Maker>("maker");
    QTest::addColumn<QStringList>("arguments"); // @PATH@: the input, @DIR@: the temporary directory
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("mention"); // in stderr for exit code 2, else in stdout

    const QStringList report { QStringLiteral("report"), QStringLiteral("@PATH@") };
    const QStringList hints { QStringLiteral("hints"), QStringLiteral("@PATH@") };

    QTest::addRow("FIFO") << Maker([](const QDir& dir) {
        return makeFifo(dir.filePath(kDay)) ? dir.filePath(kDay) : QString();
    }) << report << 2 << QByteArray("FIFO");
    QTest::addRow("symbolic link loop") << Maker([](const QDir& dir) {
        return QFile::link(dir.filePath(kDay), dir.filePath(kDay)) ? dir.filePath(kDay) : QString();
    }) << report << 2 << QByteArray("symbolic link loop");
    QTest::addRow("dangling symbolic link") << Maker([](const QDir& dir) {
        return QFile::link(dir.filePath(QStringLiteral("gone.zip")), dir.filePath(QStringLiteral("pack.zip")))
            ? dir.filePath(QStringLiteral("pack.zip"))
            : QString();
    }) << report << 2 << QByteArray("dangling symbolic link");
    QTest::addRow("link to a device") << Maker([](const QDir& dir) {
        return QFile::link(QStringLiteral("/dev/zero"), dir.filePath(kDay)) ? dir.filePath(kDay) : QString();
    }) << report << 2 << QByteArray("device");
    if (::geteuid() != 0) // root reads mode 000 all the same
        QTest::addRow("unreadable file") << Maker([](const QDir& dir) {
            return writeFile(dir.filePath(kDay), kEvents)
                    && ::chmod(QFile::encodeName(dir.filePath(kDay)).constData(), 0) == 0
                ? dir.filePath(kDay)
                : QString();
        }) << report << 2 << QByteArray("permission denied");

    QTest::addRow("empty .zip") << file(QStringLiteral("pack.zip"), []() -> QByteArray { return QByteArray(); })
                                << report << 2 << QByteArray("not a readable zip archive");
    QTest::addRow("truncated pack") << file(QStringLiteral("pack.zip"), []() -> QByteArray {
        const QByteArray whole = rawZip({ { "meta.json", kUpstreamMeta }, { "timeline_events.jsonl", kEvents } });
        return whole.left(whole.indexOf("PK\x01\x02") + 30);
    }) << report << 2 << QByteArray("not a readable zip archive");
    QTest::addRow("tens of thousands of members") << file(QStringLiteral("pack.zip"), []() -> QByteArray {
        RawZipMembers many;
        for (int i = 0; i < 20000; ++i)
            many.append({ "logs/" + QByteArray::number(i) + ".log", "x", 0 });
        return rawZip(many);
    }) << hints << 2 << QByteArray("more than the limit of 10000");
    QTest::addRow("members declare more than 1 GiB") << file(QStringLiteral("pack.zip"), []() -> QByteArray {
        RawZipMembers big;
        for (int i = 0; i < 5; ++i)
            big.append({ "logs/" + QByteArray::number(i) + ".log", "x", 8, 0x0800, 250 * kMiB, 2 * kMiB });
        return rawZip(big);
    }) << report << 2 << QByteArray("in total");
    QTest::addRow("file of NUL bytes") << file(kDay, []() -> QByteArray { return QByteArray(4096, '\0'); }) << report
                                       << 2 << QByteArray("not a timeline");
    QTest::addRow("single 20 MB line") << file(kDay, []() -> QByteArray {
        return timelineLine(1, ",\"message\":\"" + QByteArray(20 * kMiB, 'x') + "\"") + '\n';
    }) << report << 2 << QByteArray("longer than the limit");
    QTest::addRow("line nested 100000 deep") << file(kDay, []() -> QByteArray {
        return timelineLine(1, ",\"attrs\":{\"a\":" + deeplyNested(100000) + "}") + '\n';
    }) << report << 2 << QByteArray("too deep");
    QTest::addRow("--suppress FIFO") << Maker([](const QDir& dir) {
        return writeFile(dir.filePath(kDay), kEvents + '\n') && makeFifo(dir.filePath(QStringLiteral("s.fifo")))
            ? dir.filePath(kDay)
            : QString();
    })
                                     << QStringList { QStringLiteral("hints"), QStringLiteral("--suppress"),
                                            QStringLiteral("@DIR@/s.fifo"), QStringLiteral("@PATH@") }
                                     << 2 << QByteArray("FIFO");
    QTest::addRow(".runlens-suppress FIFO next to the input") << suppressFifo() << hints << 2 << QByteArray("FIFO");

    // Readable inputs with hostile parts: the problems are in the output, the exit code says nothing broke.
    QTest::addRow("zip bomb member") << pack({ { "context.json", QByteArray(20 * kMiB, ' ') } }) << report << 0
                                     << QByteArray("possible zip bomb");
    QTest::addRow("unsafe member names") << pack({ { "../../evil.json", "{}" }, { "/etc/passwd", "x" } }) << report << 0
                                         << QByteArray("unsafe member name");
    QTest::addRow("member nested 100000 deep") << pack({ { "context.json", "{\"a\":" + deeplyNested(100000) + "}" } })
                                               << report << 0 << QByteArray("too deeply nested");
    // Regeneration reads members again with its own JSON parser; a deep one must not overflow the stack.
    QTest::addRow("pack from a pack with a deep member")
        << pack({ { "budgets.json", "{\"a\":" + deeplyNested(100000) + "}" },
               { "context.json", "{\"a\":" + deeplyNested(100000) + "}" } })
        << QStringList { QStringLiteral("pack"), QStringLiteral("@PATH@"), QStringLiteral("--session"),
               QStringLiteral("s1"), QStringLiteral("-o"), QStringLiteral("@DIR@/out.zip") }
        << 0 << QByteArray();
}

void tst_BadInput::badInput()
{
    QFETCH(Maker, maker);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, mention);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QDir dir(tmp.path());
    const QString path = maker(dir);
    QVERIFY2(!path.isEmpty(), "could not make the input");
    arguments.replaceInStrings(QStringLiteral("@PATH@"), path);
    arguments.replaceInStrings(QStringLiteral("@DIR@"), dir.path());

    QProcess process;
    process.start(QStringLiteral(RUNLENS_CLI), arguments);
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    if (!process.waitForFinished(kBlockedMs)) {
        unblockFifos(dir);
        if (!process.waitForFinished(5000))
            process.kill();
        process.waitForFinished();
        QFAIL("runlens-cli blocked");
    }
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit, err.constData()); // never a signal
    QVERIFY2(process.exitCode() == exitCode,
        qPrintable(QStringLiteral("exit code %1: %2").arg(process.exitCode()).arg(QString::fromUtf8(err))));
    if (exitCode == 2) {
        // One line: what (the input or the suppression file), where and why.
        QVERIFY2(err.count('\n') == 1 && err.endsWith('\n'), err.constData());
        const QByteArray what = "runlens-cli: cannot read " + dir.path().toUtf8();
        QVERIFY2(err.startsWith(what), err.constData());
        QVERIFY2(err.contains(mention), err.constData());
        QVERIFY(out.isEmpty());
    } else {
        QVERIFY2(err.isEmpty(), err.constData());
        QVERIFY2(out.contains(mention), out.left(2000).constData());
    }
}

} // namespace Runlens

QTEST_GUILESS_MAIN(Runlens::tst_BadInput)
#include "tst_badinput.moc"
