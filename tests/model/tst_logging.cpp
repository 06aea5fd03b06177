// SPDX-License-Identifier: MIT
// The runlens.* logging categories: silent by default, and once a rule enables one, it says which files
// were read (path, bytes, lines), why a line was skipped (file:line: reason), which zip members were read
// and which rules fired on a run.
#include "detectorslogging.h"
#include "engine.h"
#include "modellogging.h"
#include "runfixture.h"
#include "sourcereader.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

using namespace Runlens;

namespace {

struct Captured
{
    QString category;
    QtMsgType type;
    QString message;
};

QMutex capturedMutex;
QList<Captured> captured;
QtMessageHandler previousHandler = nullptr;

void capture(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QString category = QString::fromUtf8(context.category ? context.category : "");
    if (!category.startsWith(QLatin1String("runlens."))) {
        previousHandler(type, context, message);
        return;
    }
    QMutexLocker lock(&capturedMutex);
    captured.append({ category, type, message });
}

// The messages of `category` captured so far.
QStringList messages(const QString& category)
{
    QMutexLocker lock(&capturedMutex);
    QStringList out;
    for (const Captured& c : std::as_const(captured)) {
        if (c.category == category)
            out.append(c.message);
    }
    return out;
}

bool anyContains(const QStringList& list, const QString& text)
{
    return std::any_of(list.begin(), list.end(), [&](const QString& m) { return m.contains(text); });
}

} // namespace

class tst_Logging : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void silentByDefault();
    void readerSaysWhichFilesWereRead();
    void readerSaysWhyALineWasSkipped();
    void zipSaysWhichMembersWereRead();
    void detectorsSayWhichRulesFired();
    void wildcardEnablesEveryCategory();
};

void tst_Logging::initTestCase()
{
    previousHandler = qInstallMessageHandler(capture);
}

void tst_Logging::init()
{
    QMutexLocker lock(&capturedMutex);
    captured.clear();
}

void tst_Logging::cleanup()
{
    QLoggingCategory::setFilterRules(QString());
}

void tst_Logging::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

void tst_Logging::silentByDefault()
{
    for (const QLoggingCategory* category : { &lcModel(), &lcReader(), &lcZip(), &lcLive(), &lcDetectors() }) {
        QVERIFY2(!category->isDebugEnabled(), category->categoryName());
        QVERIFY2(category->isInfoEnabled(), category->categoryName());
    }
    const SourcePtr source = readSource(Test::kHappyDirectoryPath);
    QVERIFY(source->ok());
    readSource(Test::kErrorPackPath);
    QMutexLocker lock(&capturedMutex);
    QVERIFY2(captured.isEmpty(), qPrintable(captured.value(0).message));
}

void tst_Logging::readerSaysWhichFilesWereRead()
{
    QLoggingCategory::setFilterRules(QStringLiteral("runlens.reader.debug=true"));
    QVERIFY(lcReader().isDebugEnabled());
    QVERIFY(!lcZip().isDebugEnabled());

    const SourcePtr source = readSource(Test::kHappyDirectoryPath);
    QVERIFY(source->ok());
    QFile file(Test::fixture(Test::kHappyFile));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QString expected = QStringLiteral("read %1: %2 bytes, %3 lines")
                                 .arg(QFileInfo(file).absoluteFilePath())
                                 .arg(bytes.size())
                                 .arg(bytes.count('\n'));
    const QStringList reader = messages(QStringLiteral("runlens.reader"));
    QVERIFY2(reader.contains(expected), qPrintable(reader.join(QLatin1Char('\n'))));
    QVERIFY2(
        anyContains(reader, QStringLiteral("read as timeline-directory")), qPrintable(reader.join(QLatin1Char('\n'))));
    QVERIFY(messages(QStringLiteral("runlens.zip")).isEmpty());
}

void tst_Logging::readerSaysWhyALineWasSkipped()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<QByteArray> lines = Test::fixtureRunLines(Test::kHappyFile, Test::kHappyRun);
    QVERIFY(lines.size() > 2);
    QFile file(dir.filePath(QStringLiteral("events-20261124.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(lines[0] + "\n{ not json\n" + lines[1] + "\n\n" + lines[2] + "\n");
    file.close();

    QLoggingCategory::setFilterRules(QStringLiteral("runlens.reader.debug=true"));
    const SourcePtr source = readSource(dir.path());
    QVERIFY(source->ok());
    const QStringList reader = messages(QStringLiteral("runlens.reader"));
    const QString all = reader.join(QLatin1Char('\n'));
    QVERIFY2(anyContains(reader, QStringLiteral("events-20261124.jsonl:2: line skipped: ")), qPrintable(all));
    QVERIFY2(reader.contains(QStringLiteral("events-20261124.jsonl:4: blank line skipped")), qPrintable(all));
    QVERIFY2(anyContains(reader, QStringLiteral(" bytes, 5 lines")), qPrintable(all));
}

void tst_Logging::zipSaysWhichMembersWereRead()
{
    QLoggingCategory::setFilterRules(QStringLiteral("runlens.zip.debug=true"));
    const SourcePtr source = readSource(Test::kErrorPackPath);
    QVERIFY(source->ok());
    QVERIFY(!source->members.empty());
    const QStringList zip = messages(QStringLiteral("runlens.zip"));
    for (const PackMember& member : source->members) {
        const QString expected = QStringLiteral("%1: member %2 read, %3 bytes")
                                     .arg(Test::kErrorPackPath, member.name)
                                     .arg(member.bytes.size());
        QVERIFY2(
            zip.contains(expected), qPrintable(expected + QLatin1String(" not in:\n") + zip.join(QLatin1Char('\n'))));
    }
    QVERIFY(messages(QStringLiteral("runlens.reader")).isEmpty());
}

void tst_Logging::detectorsSayWhichRulesFired()
{
    const SourcePtr source = readSource(Test::fixture(Test::kErrorFile));
    QVERIFY(source->ok());
    const RunPtr run = source->findRun(QString(), Test::kErrorRun);
    QVERIFY(run);
    QLoggingCategory::setFilterRules(QStringLiteral("runlens.detectors.debug=true"));
    const Hints hints = detectRun(*run);
    QVERIFY(!hints.empty());
    const QStringList detectors = messages(QStringLiteral("runlens.detectors"));
    QCOMPARE(detectors.size(), 1);
    const QString& message = detectors.first();
    QVERIFY2(
        message.startsWith(QStringLiteral("run %1/%2: %3 hints: ").arg(run->sessionId, run->runId).arg(hints.size())),
        qPrintable(message));
    for (const Hint& hint : hints)
        QVERIFY2(message.contains(hint.kind), qPrintable(message));
}

void tst_Logging::wildcardEnablesEveryCategory()
{
    QLoggingCategory::setFilterRules(QStringLiteral("runlens.*.debug=true"));
    for (const QLoggingCategory* category : { &lcModel(), &lcReader(), &lcZip(), &lcLive(), &lcDetectors() })
        QVERIFY2(category->isDebugEnabled(), category->categoryName());
    readSource(Test::kErrorPackPath);
    QVERIFY(!messages(QStringLiteral("runlens.zip")).isEmpty());
    QVERIFY(!messages(QStringLiteral("runlens.reader")).isEmpty()); // the pack's timeline member, parsed
}

QTEST_GUILESS_MAIN(tst_Logging)
#include "tst_logging.moc"
