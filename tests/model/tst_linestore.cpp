// SPDX-License-Identifier: MIT
// A timeline file is never held whole (issue 14): its pieces are parsed and dropped but for the lines rules read,
// and any other line is read from the file again when asked for. What happens to those reads when the file
// changes underneath, and what garbage without line breaks costs.
#include "hostileinput.h"
#include "inputfile.h"
#include "runfixture.h"
#include "source.h"
#include "sourcereader.h"
#include "timelinereader.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <unistd.h>

using namespace Runlens;
using namespace Runlens::Test;

using Change = std::function<bool(const QString& file)>;
Q_DECLARE_METATYPE(Change)

namespace {

const QString kDay = QStringLiteral("events-20261124.jsonl");

QByteArray fixtureBytes()
{
    QFile file(fixture(kHappyFile));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_LineStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every line comes back as it is in the file, kept or read again, and only rule lines are kept.
    void linesComeBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray bytes = fixtureBytes();
        QVERIFY(writeFile(dir.filePath(kDay), bytes));
        const SourcePtr source = readSource(dir.path());
        QVERIFY(source->ok());
        qint64 kept = 0;
        for (const RunPtr& run : source->runs) {
            for (int i = 0; i < int(run->events.size()); ++i) {
                const Event& e = run->events[size_t(i)];
                QString error;
                QCOMPARE(run->rawLine(i, &error), bytes.mid(e.offset, e.length));
                QVERIFY(error.isEmpty());
                kept += isKeptLine(e) ? e.length : 0;
            }
        }
        qint64 held = 0;
        for (const RunPtr& run : source->runs) {
            for (const auto& buffer : run->buffers)
                held = std::max<qint64>(held, buffer->bytes.size());
        }
        QCOMPARE(held, kept); // one piece: it holds exactly the kept lines
        QVERIFY(kept < bytes.size() / 3);
    }

    void fileChangesUnderneath_data()
    {
        QTest::addColumn<Change>("change");
        QTest::addColumn<bool>("stillRead"); // the lines read again are the ones parsed; else an error, no bytes
        QTest::addRow("deleted: the open file still has its bytes")
            << Change([](const QString& file) { return QFile::remove(file); }) << true;
        QTest::addRow("rotated: renamed, a new file under the name") << Change([](const QString& file) {
            return QFile::rename(file, file + QStringLiteral(".1")) && writeFile(file, "{}\n");
        }) << true;
        QTest::addRow("replaced by a rename over it") << Change([](const QString& file) {
            return writeFile(file + QStringLiteral(".new"), QByteArray(40000, 'x'))
                && ::rename(encodeFileName(file + QStringLiteral(".new")).constData(), encodeFileName(file).constData())
                == 0;
        }) << true;
        QTest::addRow("truncated (copytruncate)")
            << Change([](const QString& file) { return ::truncate(encodeFileName(file).constData(), 0) == 0; })
            << false;
        QTest::addRow("truncated and rewritten with other lines") << Change([](const QString& file) {
            QFile f(file);
            if (!f.open(QIODevice::ReadWrite))
                return false;
            QByteArray other = f.readAll();
            // The same length, other events: every type renamed.
            other.replace("\"type\":\"step.", "\"type\":\"STEP.");
            other.replace("\"type\":\"operation.", "\"type\":\"OPERATION.");
            f.seek(0);
            return f.write(other) == other.size();
        }) << false;
    }

    void fileChangesUnderneath()
    {
        QFETCH(Change, change);
        QFETCH(bool, stillRead);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray bytes = fixtureBytes();
        const QString file = dir.filePath(kDay);
        QVERIFY(writeFile(file, bytes));
        const SourcePtr source = readSource(dir.path());
        const RunPtr run = source->findRun({}, kHappyRun);
        QVERIFY(run);
        QVERIFY(change(file));
        int reread = 0;
        int refused = 0;
        for (int i = 0; i < int(run->events.size()); ++i) {
            const Event& e = run->events[size_t(i)];
            QString error;
            const QByteArray line = run->rawLine(i, &error);
            if (isKeptLine(e)) {
                QCOMPARE(line, bytes.mid(e.offset, e.length)); // in memory: whatever the file does
                continue;
            }
            ++reread;
            if (line.isEmpty()) { // never other bytes than were read: the line, or why not
                ++refused;
                QVERIFY2(error.contains(QLatin1String("changed since it was read")), qPrintable(error));
                QVERIFY(run->attrs(i).isEmpty());
            } else {
                QCOMPARE(line, bytes.mid(e.offset, e.length));
            }
        }
        QVERIFY(reread > 10);
        if (stillRead)
            QCOMPARE(refused, 0);
        else
            QVERIFY(refused > 10);
    }

    // A file that grows without a line break (NUL padding after a crash): each piece is read in steps and dropped,
    // the garbage is one problem with its offset, and the lines after it are read.
    void garbageWithoutLineBreaks()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(kDay);
        const QByteArray line = timelineLine(1) + '\n';
        constexpr qint64 kGarbage = 3 * TimelineReader::kMaxLineBytes; // sparse: nothing big is written
        QVERIFY(writeFile(file, line));
        QVERIFY(::truncate(encodeFileName(file).constData(), line.size() + kGarbage) == 0);
        QFile append(file);
        QVERIFY(append.open(QIODevice::Append));
        QVERIFY(append.write("\n" + timelineLine(2) + '\n') > 0);
        append.close();

        const TimelineData data = TimelineReader::readFile(file, {}, 4 * 1024 * 1024); // many pieces in the garbage
        QCOMPARE(data.events.size(), size_t(2));
        QCOMPARE(data.events[0].line, 1);
        QCOMPARE(data.events[1].line, 3);
        QCOMPARE(data.events[1].offset, qint64(line.size()) + kGarbage + 1);
        QCOMPARE(data.problems.size(), qsizetype(1));
        QCOMPARE(data.problems[0].line, 2);
        QCOMPARE(data.problems[0].byteOffset, qint64(line.size()));
        QVERIFY2(data.problems[0].message.contains(QLatin1String("longer than the limit")),
            qPrintable(data.problems[0].message));
        qint64 held = 0;
        for (const auto& buffer : data.buffers)
            held += buffer->bytes.size();
        QVERIFY(held < 4096); // nothing of the garbage is kept
    }
};

QTEST_GUILESS_MAIN(tst_LineStore)
#include "tst_linestore.moc"
