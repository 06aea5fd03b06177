// SPDX-License-Identifier: MIT
// The one home of input file access: names that are not UTF-8 survive a round trip, and nothing that is not
// a regular file is ever opened in a way that could block (issue 14).
#include "hostileinput.h"
#include "inputfile.h"
#include "timelinereader.h"
#include "ziparchive.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

#include <sys/stat.h>
#include <unistd.h>

using namespace Runlens;
using namespace Runlens::Test;

using Opener = std::function<bool(const QString& path, QString* reason)>;
Q_DECLARE_METATYPE(Opener)

class tst_InputFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileNameRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("decoded");
        QTest::addRow("ASCII") << QByteArray("events-20261124.jsonl") << QStringLiteral("events-20261124.jsonl");
        QTest::addRow("UTF-8") << QByteArray("caf\xc3\xa9 \xf0\x9f\x94\x8d") << QStringLiteral("café 🔍");
        QTest::addRow("Latin-1 byte") << QByteArray("caf\xe9") << QStringLiteral("caf") + QChar(0xDCE9);
        QTest::addRow("lone continuation byte") << QByteArray("a\x80z") << QStringLiteral("a") + QChar(0xDC80) + u'z';
        QTest::addRow("overlong slash") << QByteArray("\xc0\xaf") << QString(QChar(0xDCC0)) + QChar(0xDCAF);
        QTest::addRow("encoded surrogate")
            << QByteArray("\xed\xa0\x80") << QString(QChar(0xDCED)) + QChar(0xDCA0) + QChar(0xDC80);
        QTest::addRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80")
                                         << QString(QChar(0xDCF4)) + QChar(0xDC90) + QChar(0xDC80) + QChar(0xDC80);
        QTest::addRow("cut sequence at the end")
            << QByteArray("x\xe2\x82") << QStringLiteral("x") + QChar(0xDCE2) + QChar(0xDC82);
        QTest::addRow("0xFF") << QByteArray("\xff") << QString(QChar(0xDCFF));
    }

    void fileNameRoundTrip()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, decoded);
        QCOMPARE(decodeFileName(bytes), decoded);
        QCOMPARE(encodeFileName(decoded), bytes);
    }

    void wildcard_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("matches");
        QTest::addRow("exact") << QStringLiteral("a.jsonl") << QStringLiteral("a.jsonl") << true;
        QTest::addRow("star") << QStringLiteral("events-20261124.jsonl") << QStringLiteral("events-*.jsonl") << true;
        QTest::addRow("star empty") << QStringLiteral("events-.jsonl") << QStringLiteral("events-*.jsonl") << true;
        QTest::addRow("star backtracks") << QStringLiteral("events-a.jsonl.jsonl") << QStringLiteral("events-*.jsonl")
                                         << true;
        QTest::addRow("suffix differs") << QStringLiteral("events-1.jsonl.bak") << QStringLiteral("events-*.jsonl")
                                        << false;
        QTest::addRow("question mark") << QStringLiteral("a1") << QStringLiteral("a?") << true;
        QTest::addRow("escaped byte") << QStringLiteral("events-") + QChar(0xDCFF) + QStringLiteral(".jsonl")
                                      << QStringLiteral("events-*.jsonl") << true;
        QTest::addRow("empty pattern, empty name") << QString() << QString() << true;
    }

    void wildcard()
    {
        QFETCH(QString, name);
        QFETCH(QString, pattern);
        QFETCH(bool, matches);
        QCOMPARE(matchesWildcard(name, pattern), matches);
    }

    // Every way of opening an input, given what is not a regular file: each refuses at once, with a reason.
    // A FIFO would block a plain open() until a writer came; the descriptor is checked, not the name.
    void nothingBlocks_data()
    {
        QTest::addColumn<Opener>("open");
        QTest::addRow("openRegularFile") << Opener([](const QString& path, QString* reason) {
            QFile file;
            return openRegularFile(path, &file, reason);
        });
        QTest::addRow("OpenFile::open") << Opener(
            [](const QString& path, QString* reason) { return OpenFile::open(path, reason) != nullptr; });
        QTest::addRow("TimelineReader::readFile") << Opener([](const QString& path, QString* reason) {
            const TimelineData data = TimelineReader::readFile(path);
            *reason = data.problems.value(0).message;
            return !data.buffers.empty();
        });
        QTest::addRow("ZipArchive::open") << Opener([](const QString& path, QString* reason) {
            ZipArchive zip(path);
            const bool opened = zip.open();
            *reason = zip.errorString();
            return opened;
        });
    }

    void nothingBlocks()
    {
        QFETCH(Opener, open);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString fifo = tmp.filePath(QStringLiteral("fifo"));
        QVERIFY(makeFifo(fifo));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("gone")), tmp.filePath(QStringLiteral("dangling"))));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("loop")), tmp.filePath(QStringLiteral("loop"))));
        const QList<QPair<QString, QString>> cases = { { fifo, QStringLiteral("FIFO") },
            { QStringLiteral("/dev/zero"), QStringLiteral("device") }, { tmp.path(), QStringLiteral("directory") },
            { tmp.filePath(QStringLiteral("dangling")), QStringLiteral("dangling") },
            { tmp.filePath(QStringLiteral("loop")), QStringLiteral("loop") },
            { tmp.filePath(QStringLiteral("missing")), QStringLiteral("no such file") } };
        for (const auto& [path, mention] : cases) {
            QString reason;
            QFuture<bool> opened = QtConcurrent::run([&open, &reason, path = path] { return open(path, &reason); });
            QElapsedTimer timer;
            timer.start();
            while (!opened.isFinished() && timer.elapsed() < 10000)
                QThread::msleep(5);
            if (!opened.isFinished()) {
                unblockFifo(fifo);
                opened.waitForFinished();
                QFAIL(qPrintable(QStringLiteral("blocked on ") + path));
            }
            QVERIFY2(!opened.result(), qPrintable(path));
            QVERIFY2(reason.contains(mention, Qt::CaseInsensitive), qPrintable(path + QStringLiteral(": ") + reason));
        }
    }

    void namesThatAreNotUtf8AreListedAndOpened()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QByteArray dir = encodeFileName(tmp.path()) + "/caf\xe9";
        QVERIFY(::mkdir(dir.constData(), 0755) == 0);
        const QByteArray file = dir + "/events-20261124-\xff.jsonl";
        FILE* out = ::fopen(file.constData(), "wb");
        QVERIFY(out);
        const QByteArray line = timelineLine(1) + '\n';
        QCOMPARE(::fwrite(line.constData(), 1, size_t(line.size()), out), size_t(line.size()));
        ::fclose(out);

        const QString directory = decodeFileName(dir);
        QCOMPARE(fileStatus(directory).type, FileStatus::Type::Directory);
        const QStringList names = directoryEntries(directory, QStringLiteral("events-*.jsonl"));
        QCOMPARE(names, QStringList { decodeFileName("events-20261124-\xff.jsonl") });
        QCOMPARE(TimelineReader::timelineFiles(directory), names);
        QFile opened;
        QString reason;
        QVERIFY2(openRegularFile(childPath(directory, names.first()), &opened, &reason), qPrintable(reason));
        QCOMPARE(opened.readAll(), line);
    }
};

QTEST_GUILESS_MAIN(tst_InputFile)
#include "tst_inputfile.moc"
