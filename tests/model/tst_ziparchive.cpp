// SPDX-License-Identifier: MIT
#include "diagnostic.h"
#include "hostileinput.h"
#include "ziparchive.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace Runlens {

namespace {

using Members = QList<QPair<QString, QByteArray>>;
using Rejections = QList<QPair<QString, QString>>; // name, a word the reason must contain

/// A member for archives built by hand, bypassing ZipArchive's refusals (and QuaZip, which the test does not
/// link: runlens_model keeps it private).
struct RawMember
{
    QString name;
    QByteArray data;
    const char* password = nullptr; // traditional PKWARE encryption when set
    int method = 8; // 0 stored, 8 deflate
};
using RawMembers = QList<RawMember>;

/// Builds a zip byte by byte: any name, duplicates, encryption. DOS date 1980-01-01, no data descriptors.
QByteArray rawZip(const RawMembers& members)
{
    Test::RawZipMembers raw;
    for (const RawMember& member : members) {
        Test::RawZipMember rawMember;
        rawMember.name = member.name.toUtf8();
        rawMember.data = member.data;
        rawMember.method = member.method;
        rawMember.password = member.password;
        raw.append(rawMember);
    }
    return Test::rawZip(raw);
}

quint16 le16(const QByteArray& bytes, qsizetype at)
{
    return quint16(quint8(bytes.at(at)) | (quint8(bytes.at(at + 1)) << 8));
}

quint32 le32(const QByteArray& bytes, qsizetype at)
{
    quint32 value = 0;
    for (int i = 3; i >= 0; --i)
        value = (value << 8) | quint8(bytes.at(at + i));
    return value;
}

void setLe16(QByteArray* bytes, qsizetype at, quint16 value)
{
    (*bytes)[at] = char(value & 0xff);
    (*bytes)[at + 1] = char(value >> 8);
}

void setLe32(QByteArray* bytes, qsizetype at, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        (*bytes)[at + i] = char((value >> (8 * i)) & 0xff);
}

/// Offset of the first central-directory header, from the end record (the archives built here have no comment).
qsizetype centralDirectoryOffset(const QByteArray& zip)
{
    const qsizetype end = zip.size() - 22;
    if (end < 0 || le32(zip, end) != 0x06054b50)
        return -1;
    return qsizetype(le32(zip, end + 16));
}

/// What to damage in the first member, in both its local header and its central-directory header.
enum class Damage
{
    Crc,
    SizeSmaller,
    SizeLarger,
    Data,
    Method
};

bool damageFirstMember(QByteArray* zip, Damage damage)
{
    const qsizetype central = centralDirectoryOffset(*zip);
    if (central < 0 || le32(*zip, 0) != 0x04034b50 || le32(*zip, central) != 0x02014b50)
        return false;
    switch (damage) {
    case Damage::Crc:
        setLe32(zip, 14, le32(*zip, 14) ^ 0x5a5a5a5a);
        setLe32(zip, central + 16, le32(*zip, central + 16) ^ 0x5a5a5a5a);
        return true;
    case Damage::SizeSmaller:
    case Damage::SizeLarger: {
        const quint32 size = le32(*zip, central + 24);
        const quint32 lie = damage == Damage::SizeSmaller ? size / 2 : size * 2;
        setLe32(zip, 22, lie);
        setLe32(zip, central + 24, lie);
        return true;
    }
    case Damage::Data: {
        const qsizetype data =
            30 + ((*zip)[26] & 0xff) + (((*zip)[27] & 0xff) << 8) + ((*zip)[28] & 0xff) + (((*zip)[29] & 0xff) << 8);
        const quint32 compressed = le32(*zip, central + 20);
        for (qsizetype i = data + compressed / 4; i < data + compressed * 3 / 4; ++i)
            (*zip)[i] = char(0xff - i % 7);
        return true;
    }
    case Damage::Method:
        setLe16(zip, 8, 14); // LZMA
        setLe16(zip, central + 10, 14);
        return true;
    }
    return false;
}

/// About 2 MB of log-like text: compressible, but far below the zip-bomb ratio.
QByteArray compressibleText(qsizetype size)
{
    QByteArray text;
    text.reserve(size + 100);
    quint32 state = 12345;
    qint64 line = 0;
    while (text.size() < size) {
        state = state * 1103515245u + 12345u;
        text += "2026-11-24T10:00:00Z step=" + QByteArray::number(++line)
            + " value=" + QByteArray::number(state % 99991) + " status=ok\n";
    }
    text.truncate(size);
    return text;
}

QByteArray allBytes()
{
    QByteArray bytes;
    for (int round = 0; round < 4; ++round) {
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i ^ (round * 37)));
    }
    return bytes;
}

QByteArray pseudoRandom(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        seed = seed * 1664525u + 1013904223u;
        bytes[i] = char(seed >> 24);
    }
    return bytes;
}

QStringList namesOf(const QList<ZipArchive::Entry>& entries)
{
    QStringList names;
    for (const auto& entry : entries)
        names.append(entry.name);
    return names;
}

QString fixture(const char* relative)
{
    return QStringLiteral(RUNLENS_FIXTURES_DIR "/") + QString::fromUtf8(relative);
}

} // namespace

} // namespace Runlens

Q_DECLARE_METATYPE(Runlens::ZipArchive::Limits)
Q_DECLARE_METATYPE(Runlens::RawMembers)
Q_DECLARE_METATYPE(Runlens::Damage)

namespace Runlens {

class TestZipArchive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isSafeName_data();
    void isSafeName();
    void diagnosticToString_data();
    void diagnosticToString();

    void roundTrip_data();
    void roundTrip();
    void deterministic_data();
    void deterministic();
    void writeRefuses_data();
    void writeRefuses();

    void fixtures_data();
    void fixtures();

    void rejectedEntries_data();
    void rejectedEntries();
    void openFails_data();
    void openFails();
    void corruptMember_data();
    void corruptMember();
    void truncatedNeverCrashes();
    void emptyArchives_data();
    void emptyArchives();
    void readRefusesUnknownNames();
    void callerDeviceStaysAsItWas();
    void missingFile();
};

void TestZipArchive::isSafeName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("safe");

    QTest::addRow("plain") << QStringLiteral("meta.json") << true;
    QTest::addRow("nested") << QStringLiteral("logs/a.log") << true;
    QTest::addRow("dots in name") << QStringLiteral("a..b/c...d") << true;
    QTest::addRow("dot component") << QStringLiteral("./a.txt") << true;
    QTest::addRow("unicode") << QStringLiteral(u"données/é.txt") << true;
    QTest::addRow("colon later") << QStringLiteral("ab:c") << true;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("absolute") << QStringLiteral("/abs.txt") << false;
    QTest::addRow("dotdot") << QStringLiteral("..") << false;
    QTest::addRow("dotdot first") << QStringLiteral("../evil.txt") << false;
    QTest::addRow("dotdot middle") << QStringLiteral("a/../../b") << false;
    QTest::addRow("dotdot last") << QStringLiteral("a/..") << false;
    QTest::addRow("backslash") << QStringLiteral("a\\b") << false;
    QTest::addRow("windows traversal") << QStringLiteral("..\\evil") << false;
    QTest::addRow("drive letter") << QStringLiteral("C:\\x") << false;
    QTest::addRow("drive letter slash") << QStringLiteral("c:/x") << false;
    QTest::addRow("drive relative") << QStringLiteral("D:x") << false;
    QTest::addRow("nul") << (QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << false;
    QTest::addRow("escape") << QStringLiteral("a\x1b[2Jb") << false;
}

void TestZipArchive::isSafeName()
{
    QFETCH(QString, name);
    QFETCH(bool, safe);
    QCOMPARE(ZipArchive::isSafeName(name), safe);
}

void TestZipArchive::diagnosticToString_data()
{
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("expected");

    QTest::addRow("line and offset") << qint64(12) << qint64(345) << QStringLiteral("events.jsonl:12: offset 345: bad");
    QTest::addRow("offset only") << qint64(0) << qint64(7) << QStringLiteral("events.jsonl: offset 7: bad");
    QTest::addRow("line only") << qint64(3) << qint64(-1) << QStringLiteral("events.jsonl:3: bad");
    QTest::addRow("neither") << qint64(0) << qint64(-1) << QStringLiteral("events.jsonl: bad");
    QTest::addRow("offset zero") << qint64(1) << qint64(0) << QStringLiteral("events.jsonl:1: offset 0: bad");
}

void TestZipArchive::diagnosticToString()
{
    QFETCH(qint64, line);
    QFETCH(qint64, offset);
    QFETCH(QString, expected);
    Diagnostic diagnostic;
    diagnostic.file = QStringLiteral("events.jsonl");
    diagnostic.line = line;
    diagnostic.byteOffset = offset;
    diagnostic.message = QStringLiteral("bad");
    QCOMPARE(diagnostic.toString(), expected);
}

void TestZipArchive::roundTrip_data()
{
    QTest::addColumn<Members>("members");

    QTest::addRow("typical pack") << Members {
        { QStringLiteral("meta.json"), QByteArrayLiteral("{\"schema\": 1}\n") },
        { QStringLiteral("logs/a.log"), QByteArrayLiteral("line one\nline two\n") },
        { QStringLiteral("empty.txt"), QByteArray() },
        { QStringLiteral("binary.bin"), allBytes() },
        { QStringLiteral("big.txt"), compressibleText(2 * 1024 * 1024) },
    };
    QTest::addRow("order is kept, not sorted") << Members {
        { QStringLiteral("z.txt"), QByteArrayLiteral("z") },
        { QStringLiteral("a.txt"), QByteArrayLiteral("a") },
        { QStringLiteral("m/n.txt"), QByteArrayLiteral("mn") },
    };
    QTest::addRow("unicode names") << Members {
        { QStringLiteral(u"données/résumé.json"), QByteArrayLiteral("[]") },
        { QStringLiteral(u"日本.txt"), QByteArrayLiteral("x") },
    };
    QTest::addRow("incompressible") << Members { { QStringLiteral("random.bin"), pseudoRandom(300 * 1024, 7) } };
    QTest::addRow("only empty") << Members { { QStringLiteral("empty"), QByteArray() } };
    QTest::addRow("no members") << Members {};
    Members many;
    for (int i = 0; i < 200; ++i)
        many.append({ QStringLiteral("m/%1.txt").arg(i), QByteArray::number(i * i) });
    QTest::addRow("many members") << many;
}

void TestZipArchive::roundTrip()
{
    QFETCH(Members, members);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("pack.zip"));
    QString error;
    QVERIFY2(ZipArchive::write(path, members, &error), qPrintable(error));
    QVERIFY(QFile::exists(path));

    QStringList expectedNames;
    for (const auto& member : members)
        expectedNames.append(member.first);

    // Once by file name, once through a device holding the same bytes.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    QBuffer buffer(&bytes);
    ZipArchive byName(path);
    ZipArchive byDevice(&buffer);
    for (ZipArchive* archive : { &byName, &byDevice }) {
        QVERIFY2(archive->open(), qPrintable(archive->errorString()));
        QVERIFY(archive->isOpen());
        QVERIFY(archive->rejectedEntries().isEmpty());
        const auto entries = archive->entries();
        QCOMPARE(namesOf(entries), expectedNames);
        for (qsizetype i = 0; i < members.size(); ++i) {
            const auto& [name, data] = members.at(i);
            QCOMPARE(entries.at(i).size, data.size());
            QCOMPARE(entries.at(i).method, 8);
            QVERIFY(!entries.at(i).encrypted);
            QVERIFY(archive->contains(name));
            QByteArray read;
            QVERIFY2(archive->read(name, &read), qPrintable(archive->errorString()));
            QCOMPARE(read.size(), data.size());
            QVERIFY(read == data);
        }
        archive->close();
        QVERIFY(!archive->isOpen());
        QVERIFY(archive->entries().isEmpty());
    }
}

void TestZipArchive::deterministic_data()
{
    roundTrip_data();
}

void TestZipArchive::deterministic()
{
    QFETCH(Members, members);

    QByteArray first;
    QByteArray second;
    QString error;
    QVERIFY2(ZipArchive::writeToBuffer(&first, members, &error), qPrintable(error));
    QVERIFY2(ZipArchive::writeToBuffer(&second, members, &error), qPrintable(error));
    QVERIFY(!first.isEmpty());
    QVERIFY(first == second);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("pack.zip"));
    QVERIFY2(ZipArchive::write(path, members, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll() == first);

    if (members.isEmpty()) {
        QCOMPARE(first, QByteArray("PK\x05\x06", 4) + QByteArray(18, '\0')); // only the end record
        return;
    }
    // Walk the central directory by hand: timestamps, attributes, method, flags, no extra fields,
    // no directories, and local headers that agree.
    const qsizetype endRecord = first.size() - 22;
    QCOMPARE(le32(first, endRecord), 0x06054b50u);
    QCOMPARE(qsizetype(le16(first, endRecord + 10)), members.size());
    qsizetype at = centralDirectoryOffset(first);
    for (qsizetype i = 0; i < members.size(); ++i) {
        QCOMPARE(le32(first, at), 0x02014b50u);
        const QByteArray expectedName = members.at(i).first.toUtf8();
        const quint16 nameLength = le16(first, at + 28);
        QCOMPARE(first.mid(at + 46, nameLength), expectedName);
        QCOMPARE(le16(first, at + 4) >> 8, 3); // made by Unix
        QCOMPARE(le16(first, at + 8), quint16(0x0800)); // UTF-8 names, nothing else: no encryption, no descriptor
        QCOMPARE(le16(first, at + 10), quint16(8)); // deflate
        QCOMPARE(le16(first, at + 12), quint16(0)); // 00:00:00
        QCOMPARE(le16(first, at + 14), quint16(0x0021)); // 1980-01-01
        QCOMPARE(qsizetype(le32(first, at + 24)), members.at(i).second.size());
        QCOMPARE(le32(first, at + 16), Test::zipCrc32(members.at(i).second));
        QCOMPARE(le16(first, at + 30), quint16(0)); // extra field
        QCOMPARE(le16(first, at + 32), quint16(0)); // comment
        QCOMPARE(le32(first, at + 38) >> 16, 0100644u);
        const qsizetype local = le32(first, at + 42);
        QCOMPARE(le32(first, local), 0x04034b50u);
        QCOMPARE(le16(first, local + 10), quint16(0));
        QCOMPARE(le16(first, local + 12), quint16(0x0021));
        QCOMPARE(le32(first, local + 14), le32(first, at + 16)); // CRC and sizes in the local header too
        QCOMPARE(le32(first, local + 18), le32(first, at + 20));
        QCOMPARE(le32(first, local + 22), le32(first, at + 24));
        QCOMPARE(le16(first, local + 28), quint16(0));
        at += 46 + nameLength;
    }
    QCOMPARE(at, endRecord);
}

void TestZipArchive::writeRefuses_data()
{
    QTest::addColumn<Members>("members");

    const QByteArray data = QByteArrayLiteral("payload");
    QTest::addRow("parent") << Members { { QStringLiteral("ok.txt"), data }, { QStringLiteral("../evil.txt"), data } };
    QTest::addRow("absolute") << Members { { QStringLiteral("/abs.txt"), data } };
    QTest::addRow("nested parent") << Members { { QStringLiteral("a/../../b"), data } };
    QTest::addRow("drive") << Members { { QStringLiteral("C:\\x"), data } };
    QTest::addRow("backslash") << Members { { QStringLiteral("a\\b"), data } };
    QTest::addRow("empty name") << Members { { QString(), data } };
    QTest::addRow("directory name") << Members { { QStringLiteral("logs/"), data } };
    QTest::addRow("duplicate") << Members { { QStringLiteral("a.txt"), data }, { QStringLiteral("a.txt"), data } };
}

void TestZipArchive::writeRefuses()
{
    QFETCH(Members, members);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("existing.zip"));
    const QByteArray original = QByteArrayLiteral("the old file, which must survive");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(original), original.size());
    }

    QString error;
    QVERIFY(!ZipArchive::write(path, members, &error));
    QVERIFY(!error.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);
    file.close();
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("existing.zip") });

    QByteArray out = QByteArrayLiteral("untouched");
    error.clear();
    QVERIFY(!ZipArchive::writeToBuffer(&out, members, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(out, QByteArrayLiteral("untouched"));
}

void TestZipArchive::fixtures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<qint64>>("sizes");

    const QStringList upstreamNames {
        QStringLiteral("meta.json"),
        QStringLiteral("timeline_report.json"),
        QStringLiteral("timeline_events.jsonl"),
        QStringLiteral("run_report.json"),
        QStringLiteral("budgets.json"),
        QStringLiteral("context.json"),
        QStringLiteral("latest_report_pointer.json"),
    };
    QTest::addRow("sparse-disabled") << fixture(
        "upstream/sparse-disabled/data/diagnostics/runpacks/sess-sparse-disabled/"
        "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip")
                                     << upstreamNames << QList<qint64> { 206, 26235, 19465, 43560, 332, 1571, 437 };
    QTest::addRow("error-embed") << fixture("upstream/error-embed/data/diagnostics/runpacks/sess-embed-error/"
                                            "runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip")
                                 << upstreamNames << QList<qint64> { 207, 5825, 4145, 13327, 128, 1513, 420 };
    QTest::addRow("happy-path 1") << fixture("upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                                             "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560451.zip")
                                  << upstreamNames << QList<qint64> { 199, 29829, 21218, 50557, 332, 1505, 420 };
    QTest::addRow("happy-path 2") << fixture("upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                                             "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560452.zip")
                                  << QStringList { QStringLiteral("meta.json"), QStringLiteral("timeline_report.json"),
                                         QStringLiteral("timeline_events.jsonl"), QStringLiteral("budgets.json"),
                                         QStringLiteral("context.json") }
                                  << QList<qint64> { 187, 29829, 21218, 332, 1505 };
    const QStringList seedNames {
        QStringLiteral("budgets.json"),
        QStringLiteral("context.json"),
        QStringLiteral("latest_run_report.json"),
        QStringLiteral("logs/codeintel_rev.log"),
    };
    QTest::addRow("seed-layout embed-error")
        << fixture("seed-layout/runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560554.zip")
        << (seedNames
               + QStringList { QStringLiteral("logs/vllm_client.log"), QStringLiteral("meta.json"),
                   QStringLiteral("report.json") })
        << QList<qint64> { 2, 1842, 5274, 797, 244, 171, 18190 };
    QTest::addRow("seed-layout sparse-disabled")
        << fixture("seed-layout/runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560553.zip")
        << (seedNames + QStringList { QStringLiteral("meta.json"), QStringLiteral("report.json") })
        << QList<qint64> { 332, 1908, 25477, 1569, 158, 65362 };
}

void TestZipArchive::fixtures()
{
    QFETCH(QString, path);
    QFETCH(QStringList, names);
    QFETCH(QList<qint64>, sizes);
    QCOMPARE(names.size(), sizes.size());
    QVERIFY2(QFile::exists(path), qPrintable(path));

    ZipArchive archive(path);
    QVERIFY2(archive.open(), qPrintable(archive.errorString()));
    QVERIFY(archive.rejectedEntries().isEmpty());
    const auto entries = archive.entries();
    QCOMPARE(namesOf(entries), names);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const ZipArchive::Entry& entry = entries.at(i);
        QCOMPARE(entry.size, sizes.at(i));
        QCOMPARE(entry.method, 8);
        QVERIFY(!entry.encrypted);
        QVERIFY(entry.compressedSize > 0);

        QByteArray data;
        QVERIFY2(archive.read(entry.name, &data), qPrintable(archive.errorString()));
        QCOMPARE(data.size(), sizes.at(i));
        // Contents check: every JSON member parses, every JSON Lines member parses line by line.
        if (entry.name.endsWith(QStringLiteral(".json"))) {
            QJsonParseError parseError;
            QJsonDocument::fromJson(data, &parseError);
            QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(entry.name + parseError.errorString()));
        } else if (entry.name.endsWith(QStringLiteral(".jsonl"))) {
            int lines = 0;
            for (const QByteArray& line : data.split('\n')) {
                if (line.trimmed().isEmpty())
                    continue;
                QJsonParseError parseError;
                QVERIFY(QJsonDocument::fromJson(line, &parseError).isObject());
                ++lines;
            }
            QVERIFY(lines > 0);
        }
    }
}

void TestZipArchive::rejectedEntries_data()
{
    QTest::addColumn<RawMembers>("members");
    QTest::addColumn<ZipArchive::Limits>("limits");
    QTest::addColumn<QStringList>("accepted");
    QTest::addColumn<Rejections>("rejected");

    const QByteArray good = QByteArrayLiteral("good contents\n");
    const QByteArray bad = QByteArrayLiteral("must not be read\n");
    const RawMember keep { QStringLiteral("keep.txt"), good };
    const ZipArchive::Limits defaults;

    QTest::addRow("parent") << RawMembers { keep, { QStringLiteral("../evil.txt"), bad } } << defaults
                            << QStringList { keep.name }
                            << Rejections { { QStringLiteral("../evil.txt"), QStringLiteral("unsafe") } };
    QTest::addRow("absolute") << RawMembers { { QStringLiteral("/abs.txt"), bad }, keep } << defaults
                              << QStringList { keep.name }
                              << Rejections { { QStringLiteral("/abs.txt"), QStringLiteral("unsafe") } };
    QTest::addRow("nested parent") << RawMembers { keep, { QStringLiteral("a/../../b"), bad } } << defaults
                                   << QStringList { keep.name }
                                   << Rejections { { QStringLiteral("a/../../b"), QStringLiteral("unsafe") } };
    QTest::addRow("drive letter") << RawMembers { keep, { QStringLiteral("C:\\x"), bad } } << defaults
                                  << QStringList { keep.name }
                                  << Rejections { { QStringLiteral("C:\\x"), QStringLiteral("unsafe") } };
    QTest::addRow("all unsafe at once") << RawMembers { { QStringLiteral("../evil.txt"), bad },
        { QStringLiteral("/abs.txt"), bad }, keep, { QStringLiteral("a/../../b"), bad },
        { QStringLiteral("C:\\x"), bad }, { QStringLiteral("b.txt"), good } }
                                        << defaults << QStringList { keep.name, QStringLiteral("b.txt") }
                                        << Rejections { { QStringLiteral("../evil.txt"), QStringLiteral("unsafe") },
                                               { QStringLiteral("/abs.txt"), QStringLiteral("unsafe") },
                                               { QStringLiteral("a/../../b"), QStringLiteral("unsafe") },
                                               { QStringLiteral("C:\\x"), QStringLiteral("unsafe") } };
    QTest::addRow("directories skipped") << RawMembers { { QStringLiteral("logs/"), QByteArray() },
        { QStringLiteral("logs/a.log"), good } }
                                         << defaults << QStringList { QStringLiteral("logs/a.log") } << Rejections {};

    QTest::addRow("stored and deflated") << RawMembers { { QStringLiteral("stored.bin"), allBytes(), nullptr, 0 }, keep,
        { QStringLiteral("stored-empty"), QByteArray(), nullptr,
            0 } } << defaults << QStringList { QStringLiteral("stored.bin"), keep.name, QStringLiteral("stored-empty") }
                                         << Rejections {};

    RawMember encrypted { QStringLiteral("secret.txt"), bad };
    encrypted.password = "hunter2";
    QTest::addRow("encrypted") << RawMembers { keep, encrypted } << defaults << QStringList { keep.name }
                               << Rejections { { QStringLiteral("secret.txt"), QStringLiteral("encrypted") } };

    ZipArchive::Limits small;
    small.maxEntrySize = 1000;
    QTest::addRow("member over maxEntrySize") << RawMembers { keep,
        { QStringLiteral("big.txt"), QByteArray(2000, 'x') }, { QStringLiteral("fits.txt"), QByteArray(1000, 'y') } }
                                              << small << QStringList { keep.name, QStringLiteral("fits.txt") }
                                              << Rejections { { QStringLiteral("big.txt"), QStringLiteral("2000") } };

    // 20 MB of zeros deflate to about 20 KB: a ratio near 1000.
    QTest::addRow("zip bomb") << RawMembers { keep, { QStringLiteral("bomb.bin"), QByteArray(20 * 1024 * 1024, '\0') } }
                              << defaults << QStringList { keep.name }
                              << Rejections { { QStringLiteral("bomb.bin"), QStringLiteral("ratio") } };
    // Ratio checks only apply above 1 MiB: a small, very compressible member is fine.
    QTest::addRow("small compressible") << RawMembers { { QStringLiteral("zeros.bin"), QByteArray(1024 * 1024, '\0') } }
                                        << defaults << QStringList { QStringLiteral("zeros.bin") } << Rejections {};
    ZipArchive::Limits strictRatio;
    strictRatio.maxRatio = 2;
    QTest::addRow("ratio limit is used") << RawMembers { { QStringLiteral("text.log"),
                                                             compressibleText(2 * 1024 * 1024) },
        keep } << strictRatio << QStringList { keep.name }
                                         << Rejections { { QStringLiteral("text.log"), QStringLiteral("ratio") } };

    QTest::addRow("duplicate") << RawMembers { { QStringLiteral("same.txt"), good }, keep,
        { QStringLiteral("same.txt"), bad } }
                               << defaults << QStringList { QStringLiteral("same.txt"), keep.name }
                               << Rejections { { QStringLiteral("same.txt"), QStringLiteral("duplicate member") } };
    QTest::addRow("duplicate of an unsafe name")
        << RawMembers { { QStringLiteral("../x"), bad }, { QStringLiteral("../x"), bad }, keep } << defaults
        << QStringList { keep.name }
        << Rejections { { QStringLiteral("../x"), QStringLiteral("unsafe") },
               { QStringLiteral("../x"), QStringLiteral("unsafe") } };
    QTest::addRow("duplicate of a refused member")
        << RawMembers { { QStringLiteral("dup.txt"), QByteArray(2000, 'x') }, { QStringLiteral("dup.txt"), good } }
        << small << QStringList {}
        << Rejections { { QStringLiteral("dup.txt"), QStringLiteral("2000") },
               { QStringLiteral("dup.txt"), QStringLiteral("duplicate") } };
}

void TestZipArchive::rejectedEntries()
{
    QFETCH(RawMembers, members);
    QFETCH(ZipArchive::Limits, limits);
    QFETCH(QStringList, accepted);
    QFETCH(Rejections, rejected);

    QByteArray bytes = rawZip(members);
    QVERIFY(!bytes.isEmpty());
    QBuffer buffer(&bytes);
    ZipArchive archive(&buffer);
    archive.setLimits(limits);
    QVERIFY2(archive.open(), qPrintable(archive.errorString()));
    QCOMPARE(namesOf(archive.entries()), accepted);

    const auto actual = archive.rejectedEntries();
    QCOMPARE(actual.size(), rejected.size());
    for (qsizetype i = 0; i < rejected.size(); ++i) {
        QCOMPARE(actual.at(i).first, rejected.at(i).first);
        QVERIFY2(actual.at(i).second.contains(rejected.at(i).second), qPrintable(actual.at(i).second));
    }

    // Accepted members read back as written (the first of duplicates); refused ones cannot be read.
    for (const QString& name : accepted) {
        const auto it =
            std::find_if(members.cbegin(), members.cend(), [&](const RawMember& m) { return m.name == name; });
        QVERIFY(it != members.cend());
        QByteArray data;
        QVERIFY2(archive.read(name, &data), qPrintable(archive.errorString()));
        QVERIFY(data == it->data);
    }
    for (const auto& rejection : rejected) {
        const QString& name = rejection.first;
        if (accepted.contains(name))
            continue;
        QVERIFY(!archive.contains(name));
        QByteArray data = QByteArrayLiteral("stale");
        QVERIFY(!archive.read(name, &data));
        QVERIFY(!archive.errorString().isEmpty());
        QVERIFY(data.isEmpty());
    }
}

void TestZipArchive::openFails_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ZipArchive::Limits>("limits");
    QTest::addColumn<QStringList>("mentions");

    const ZipArchive::Limits defaults;
    const QStringList notAZip { QStringLiteral("not a readable zip archive") };

    RawMembers five;
    for (int i = 0; i < 5; ++i)
        five.append({ QStringLiteral("f%1.txt").arg(i), QByteArray::number(i) });
    ZipArchive::Limits three;
    three.maxEntries = 3;
    QTest::addRow("too many entries") << rawZip(five) << three
                                      << QStringList { QStringLiteral("5"), QStringLiteral("3") };
    RawMembers withDirectories { { QStringLiteral("d1/"), {} }, { QStringLiteral("d2/"), {} },
        { QStringLiteral("d3/"), {} }, { QStringLiteral("a.txt"), QByteArrayLiteral("a") } };
    QTest::addRow("directories count as entries")
        << rawZip(withDirectories) << three << QStringList { QStringLiteral("4") };

    ZipArchive::Limits total;
    total.maxTotalSize = 4000;
    QTest::addRow("total size") << rawZip({ { QStringLiteral("a"), QByteArray(1500, 'a') },
        { QStringLiteral("b"), QByteArray(1500, 'b') }, { QStringLiteral("c"), QByteArray(1500, 'c') } })
                                << total << QStringList { QStringLiteral("4000") };

    QTest::addRow("empty file") << QByteArray() << defaults << notAZip;
    QTest::addRow("random bytes") << pseudoRandom(4096, 99) << defaults << notAZip;
    QTest::addRow("text file") << QByteArrayLiteral("{\"this\": \"is json, not a zip\"}\n") << defaults << notAZip;
    QTest::addRow("local header only") << QByteArrayLiteral("PK\x03\x04 and then nothing useful") << defaults
                                       << notAZip;

    const QByteArray valid = rawZip({ { QStringLiteral("meta.json"), QByteArrayLiteral("{}") },
        { QStringLiteral("report.json"), compressibleText(20000) } });
    QTest::addRow("first half") << valid.left(valid.size() / 2) << defaults << notAZip;
    QTest::addRow("end record cut") << valid.left(valid.size() - 5) << defaults << notAZip;
}

void TestZipArchive::openFails()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ZipArchive::Limits, limits);
    QFETCH(QStringList, mentions);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("input.zip"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }
    QBuffer buffer(&bytes);
    ZipArchive byDevice(&buffer);
    ZipArchive byName(path);
    for (ZipArchive* archive : { &byDevice, &byName }) {
        archive->setLimits(limits);
        QVERIFY(!archive->open());
        QVERIFY(!archive->isOpen());
        QVERIFY(archive->entries().isEmpty());
        const QString error = archive->errorString();
        QVERIFY(!error.isEmpty());
        for (const QString& mention : mentions)
            QVERIFY2(error.contains(mention), qPrintable(error));
        QByteArray data;
        QVERIFY(!archive->read(QStringLiteral("meta.json"), &data));
    }
    QVERIFY(!buffer.isOpen()); // opened for the attempt, closed again
}

void TestZipArchive::corruptMember_data()
{
    QTest::addColumn<Damage>("damage");
    QTest::addColumn<bool>("opens");

    QTest::addRow("crc") << Damage::Crc << true;
    QTest::addRow("declared size smaller than contents") << Damage::SizeSmaller << true;
    QTest::addRow("declared size larger than contents") << Damage::SizeLarger << true;
    QTest::addRow("garbled deflate data") << Damage::Data << true;
    QTest::addRow("unsupported method") << Damage::Method << true;
}

void TestZipArchive::corruptMember()
{
    QFETCH(Damage, damage);
    QFETCH(bool, opens);

    const QByteArray first = compressibleText(50000);
    const QByteArray second = QByteArrayLiteral("{\"second\": true}");
    QByteArray bytes = rawZip({ { QStringLiteral("first.log"), first }, { QStringLiteral("second.json"), second } });
    QVERIFY(damageFirstMember(&bytes, damage));

    QBuffer buffer(&bytes);
    ZipArchive archive(&buffer);
    QCOMPARE(archive.open(), opens);
    if (damage == Damage::Method) {
        QCOMPARE(namesOf(archive.entries()), QStringList { QStringLiteral("second.json") });
        QCOMPARE(archive.rejectedEntries().size(), 1);
        QVERIFY2(archive.rejectedEntries().constFirst().second.contains(QStringLiteral("method")),
            qPrintable(archive.rejectedEntries().constFirst().second));
    } else {
        QCOMPARE(archive.entries().size(), 2);
        QByteArray data;
        QVERIFY(!archive.read(QStringLiteral("first.log"), &data));
        QVERIFY(!archive.errorString().isEmpty());
        QVERIFY(data.isEmpty());
        if (damage == Damage::Crc)
            QVERIFY2(archive.errorString().contains(QStringLiteral("CRC")), qPrintable(archive.errorString()));
    }
    // The archive stays usable after a failed read.
    QByteArray data;
    QVERIFY2(archive.read(QStringLiteral("second.json"), &data), qPrintable(archive.errorString()));
    QCOMPARE(data, second);
}

void TestZipArchive::truncatedNeverCrashes()
{
    // minizip follows damaged offsets past the end of the buffer; QBuffer warns about each such seek.
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& message) {
        if (!message.startsWith(QStringLiteral("QBuffer::seek: Invalid pos")))
            previous(type, context, message);
    });
    const auto restore = qScopeGuard([] { qInstallMessageHandler(previous); });

    const Members members { { QStringLiteral("meta.json"), QByteArrayLiteral("{\"a\": 1}") },
        { QStringLiteral("logs/a.log"), compressibleText(3000) }, { QStringLiteral("bin"), allBytes() } };
    QByteArray valid;
    QString error;
    QVERIFY2(ZipArchive::writeToBuffer(&valid, members, &error), qPrintable(error));

    for (qsizetype cut = 0; cut < valid.size(); cut += 3) {
        QByteArray bytes = valid.left(cut);
        QBuffer buffer(&bytes);
        ZipArchive archive(&buffer);
        if (!archive.open()) {
            QVERIFY(!archive.errorString().isEmpty());
            continue;
        }
        // minizip takes a short read at the end of the file for a zero byte, so a cut inside the end
        // record's last fields may still open; a cut before the record must not.
        QVERIFY2(cut > valid.size() - 22, qPrintable(QString::number(cut)));
        for (const auto& entry : archive.entries()) {
            QByteArray data;
            if (archive.read(entry.name, &data)) {
                const auto it = std::find_if(
                    members.cbegin(), members.cend(), [&](const auto& member) { return member.first == entry.name; });
                QVERIFY(it != members.cend());
                QVERIFY(data == it->second);
            }
        }
    }

    // Now damage the middle instead of the end: the central directory survives, member data does not.
    for (qsizetype start = 0; start + 16 < valid.size(); start += 16) {
        QByteArray bytes = valid;
        for (qsizetype i = start; i < start + 16; ++i)
            bytes[i] = char(~bytes.at(i));
        QBuffer buffer(&bytes);
        ZipArchive archive(&buffer);
        if (!archive.open())
            continue;
        for (const auto& entry : archive.entries()) {
            QByteArray data;
            const bool read = archive.read(entry.name, &data);
            // A damaged name can still point at intact data; a known name must never give wrong bytes.
            const auto it = std::find_if(
                members.cbegin(), members.cend(), [&](const auto& member) { return member.first == entry.name; });
            if (read && it != members.cend())
                QVERIFY2(data == it->second, qPrintable(entry.name));
            if (!read)
                QVERIFY(!archive.errorString().isEmpty());
        }
    }
}

void TestZipArchive::emptyArchives_data()
{
    QTest::addColumn<QByteArray>("bytes");

    const QByteArray end = QByteArray("PK\x05\x06", 4) + QByteArray(18, '\0');
    QTest::addRow("end record only") << end;
    QByteArray commented = end;
    commented[20] = 5;
    QTest::addRow("with a comment") << commented + QByteArrayLiteral("hello");
    QTest::addRow("after a stub") << QByteArrayLiteral("#!/bin/sh stub\n") + end;
}

void TestZipArchive::emptyArchives()
{
    QFETCH(QByteArray, bytes);
    QBuffer buffer(&bytes);
    ZipArchive archive(&buffer);
    QVERIFY2(archive.open(), qPrintable(archive.errorString()));
    QVERIFY(archive.isOpen());
    QVERIFY(archive.entries().isEmpty());
    QVERIFY(archive.rejectedEntries().isEmpty());
    QByteArray data;
    QVERIFY(!archive.read(QStringLiteral("meta.json"), &data));
    QVERIFY(!archive.errorString().isEmpty());
    archive.close();
    QVERIFY(!archive.isOpen());
    QVERIFY(!buffer.isOpen());
}

void TestZipArchive::readRefusesUnknownNames()
{
    QByteArray bytes;
    QString error;
    QVERIFY(ZipArchive::writeToBuffer(&bytes, { { QStringLiteral("a.txt"), QByteArrayLiteral("a") } }, &error));
    QBuffer buffer(&bytes);
    ZipArchive archive(&buffer);

    QByteArray data;
    QVERIFY(!archive.read(QStringLiteral("a.txt"), &data)); // not open yet
    QVERIFY(!archive.errorString().isEmpty());

    QVERIFY2(archive.open(), qPrintable(archive.errorString()));
    QVERIFY(archive.errorString().isEmpty());
    QVERIFY(!archive.contains(QStringLiteral("b.txt")));
    QVERIFY(!archive.read(QStringLiteral("b.txt"), &data));
    QVERIFY(archive.errorString().contains(QStringLiteral("b.txt")));
    QVERIFY(!archive.read(QStringLiteral("A.TXT"), &data)); // names are case-sensitive
    QVERIFY(!archive.read(QStringLiteral("a.txt"), nullptr));
    QVERIFY(archive.read(QStringLiteral("a.txt"), &data));
    QCOMPARE(data, QByteArrayLiteral("a"));

    // Reopening starts over.
    QVERIFY(archive.open());
    QCOMPARE(archive.entries().size(), 1);
}

void TestZipArchive::callerDeviceStaysAsItWas()
{
    QByteArray bytes;
    QString error;
    QVERIFY(ZipArchive::writeToBuffer(&bytes, { { QStringLiteral("a.txt"), QByteArrayLiteral("a") } }, &error));

    QBuffer closedBuffer(&bytes);
    {
        ZipArchive archive(&closedBuffer);
        QVERIFY(archive.open());
        archive.close();
    }
    QVERIFY(!closedBuffer.isOpen());

    QBuffer openBuffer(&bytes);
    QVERIFY(openBuffer.open(QIODevice::ReadOnly));
    {
        ZipArchive archive(&openBuffer);
        QVERIFY(archive.open());
        QByteArray data;
        QVERIFY(archive.read(QStringLiteral("a.txt"), &data));
        QCOMPARE(data, QByteArrayLiteral("a"));
    }
    QVERIFY(openBuffer.isOpen());

    ZipArchive none(static_cast<QIODevice*>(nullptr));
    QVERIFY(!none.open());
    QVERIFY(!none.errorString().isEmpty());
}

void TestZipArchive::missingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ZipArchive archive(dir.filePath(QStringLiteral("does-not-exist.zip")));
    QVERIFY(!archive.open());
    QVERIFY(archive.errorString().contains(QStringLiteral("does-not-exist.zip")));

    ZipArchive directory(dir.path());
    QVERIFY(!directory.open());
    QVERIFY(!directory.errorString().isEmpty());

    QString error;
    QVERIFY(!ZipArchive::write(dir.filePath(QStringLiteral("no/such/dir/pack.zip")),
        { { QStringLiteral("a.txt"), QByteArrayLiteral("a") } }, &error));
    QVERIFY(!error.isEmpty());
}

} // namespace Runlens

QTEST_GUILESS_MAIN(Runlens::TestZipArchive)
#include "tst_ziparchive.moc"
