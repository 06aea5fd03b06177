// SPDX-License-Identifier: MIT
// runlens-cli synth end to end: same seed same bytes, the exact line count, rotation like upstream's
// writer, and a report that reads every line back with the runs the generator says it wrote.
#include "timelinereader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(RUNLENS_CLI), arguments);
    if (!process.waitForFinished(120000))
        qFatal("runlens-cli did not finish");
    Result result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// The numbers of synth's summary line, by name.
struct Summary
{
    qint64 events = -1, bytes = -1, files = -1, runs = -1, complete = -1, failed = -1, cutOff = -1, background = -1;
};

Summary parseSummary(const QByteArray& out)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d+) events, (\\d+) bytes, (\\d+) files, (\\d+) runs \\((\\d+) complete, (\\d+) failed, (\\d+) cut off, "
        "(\\d+) background\\), \\d+ restarts\\n$"));
    const auto match = pattern.match(QString::fromUtf8(out));
    Summary s;
    if (!match.hasMatch())
        return s;
    s.events = match.captured(1).toLongLong();
    s.bytes = match.captured(2).toLongLong();
    s.files = match.captured(3).toLongLong();
    s.runs = match.captured(4).toLongLong();
    s.complete = match.captured(5).toLongLong();
    s.failed = match.captured(6).toLongLong();
    s.cutOff = match.captured(7).toLongLong();
    s.background = match.captured(8).toLongLong();
    return s;
}

QStringList synthArgs(const QString& dir, int events, int sessions, int seed, int files = 0)
{
    QStringList args { QStringLiteral("synth"), QStringLiteral("--events"), QString::number(events),
        QStringLiteral("--sessions"), QString::number(sessions), QStringLiteral("--seed"), QString::number(seed),
        QStringLiteral("-o"), dir };
    if (files > 0)
        args << QStringLiteral("--files") << QString::number(files);
    return args;
}

// Every file of the directory, name -> bytes.
QMap<QString, QByteArray> contents(const QString& dir)
{
    QMap<QString, QByteArray> files;
    for (const QString& name : QDir(dir).entryList(QDir::Files)) {
        QFile file(QDir(dir).filePath(name));
        if (file.open(QIODevice::ReadOnly))
            files.insert(name, file.readAll());
    }
    return files;
}

} // namespace

class tst_Synth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deterministic()
    {
        QTemporaryDir a, b, c;
        QCOMPARE(cli(synthArgs(a.path(), 5000, 12, 7, 3)).exitCode, 0);
        QCOMPARE(cli(synthArgs(b.path(), 5000, 12, 7, 3)).exitCode, 0);
        QCOMPARE(cli(synthArgs(c.path(), 5000, 12, 8, 3)).exitCode, 0);
        const auto first = contents(a.path());
        QCOMPARE(first.size(), 3);
        QCOMPARE(contents(b.path()), first);
        QVERIFY(contents(c.path()) != first);
    }

    void lines_data()
    {
        QTest::addColumn<int>("events");
        QTest::addColumn<int>("sessions");
        QTest::addColumn<int>("files");
        QTest::addRow("one session") << 700 << 1 << 1;
        QTest::addRow("few lines, many sessions") << 900 << 60 << 2;
        QTest::addRow("several files") << 12000 << 25 << 5;
    }

    // Exactly N lines, each a complete upstream line, and the report reads them all without an error.
    void lines()
    {
        QFETCH(int, events);
        QFETCH(int, sessions);
        QFETCH(int, files);
        QTemporaryDir dir;
        const Result synth = cli(synthArgs(dir.path(), events, sessions, 1, files));
        QCOMPARE(synth.exitCode, 0);
        const Summary summary = parseSummary(synth.out);
        QCOMPARE(summary.events, qint64(events));
        QCOMPARE(summary.files, qint64(files));
        QCOMPARE(summary.runs, summary.complete + summary.failed + summary.cutOff + summary.background);

        qint64 lines = 0;
        qint64 bytes = 0;
        bool nonAscii = false;
        for (const QByteArray& text : contents(dir.path())) {
            bytes += text.size();
            QVERIFY(text.endsWith('\n'));
            for (const QByteArray& line : text.chopped(1).split('\n')) {
                ++lines;
                QJsonParseError error;
                const QJsonObject object = QJsonDocument::fromJson(line, &error).object();
                QCOMPARE(error.error, QJsonParseError::NoError);
                for (const char* key : { "ts", "type", "name", "status", "session_id", "run_id" })
                    QVERIFY2(object.contains(QLatin1String(key)), key);
                nonAscii = nonAscii || std::any_of(line.begin(), line.end(), [](char c) { return c & 0x80; });
            }
        }
        QCOMPARE(lines, qint64(events));
        QCOMPARE(bytes, summary.bytes);
        QVERIFY(nonAscii || events < 1000);

        const Result report =
            cli({ QStringLiteral("report"), dir.path(), QStringLiteral("--format"), QStringLiteral("json") });
        QCOMPARE(report.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(report.out).object();
        QCOMPARE(root.value(QLatin1String("event_count")).toInteger(), qint64(events));
        const QJsonArray runs = root.value(QLatin1String("runs")).toArray();
        QCOMPARE(runs.size(), summary.runs);
        QHash<QString, qint64> statuses;
        for (const QJsonValue& run : runs)
            ++statuses[run.toObject().value(QLatin1String("status")).toString()];
        QCOMPARE(statuses.value(QStringLiteral("complete")), summary.complete);
        QCOMPARE(statuses.value(QStringLiteral("error")), summary.failed);
        QCOMPARE(statuses.value(QStringLiteral("cut-off")), summary.cutOff);
        QCOMPARE(statuses.value(QStringLiteral("background")), summary.background);
        // The only problems are the unclosed scopes of runs the generator cut off: no line is malformed.
        for (const QJsonValue& value : root.value(QLatin1String("problems")).toArray()) {
            const QJsonObject problem = value.toObject();
            QCOMPARE(problem.value(QLatin1String("severity")).toString(), QStringLiteral("warning"));
            QVERIFY2(problem.value(QLatin1String("message")).toString().contains(QLatin1String("has no end line")),
                qPrintable(problem.value(QLatin1String("message")).toString()));
        }
    }

    // Without --files the current file rotates past 10 MB, as upstream's writer does, and the
    // segments read back in write order.
    void rotation()
    {
        QTemporaryDir dir;
        const Result synth = cli(synthArgs(dir.path(), 60000, 40, 3));
        QCOMPARE(synth.exitCode, 0);
        const Summary summary = parseSummary(synth.out);
        QVERIFY(summary.files >= 2);
        QVERIFY(summary.cutOff >= 1);
        QVERIFY(summary.failed >= 1);
        static const QRegularExpression rotated(QStringLiteral("^events-\\d{8}-\\d{10}\\.jsonl$"));
        static const QRegularExpression current(QStringLiteral("^events-\\d{8}\\.jsonl$"));
        const QStringList names = Runlens::TimelineReader::timelineFiles(dir.path());
        QCOMPARE(names.size(), summary.files);
        for (int i = 0; i < names.size(); ++i) {
            const bool last = i == names.size() - 1;
            QVERIFY2((last ? current : rotated).match(names[i]).hasMatch(), qPrintable(names[i]));
            if (!last)
                QVERIFY(QFileInfo(QDir(dir.path()).filePath(names[i])).size() > 10'000'000);
        }
        // Write order is time order: each segment starts no earlier than the previous one ended.
        double previous = 0;
        for (const QString& name : names) {
            QFile file(QDir(dir.path()).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray first = file.readLine();
            const double ts = QJsonDocument::fromJson(first).object().value(QLatin1String("ts")).toDouble();
            QVERIFY(ts >= previous);
            file.seek(file.size() - 4096);
            const QList<QByteArray> tail = file.readAll().trimmed().split('\n');
            previous = QJsonDocument::fromJson(tail.last()).object().value(QLatin1String("ts")).toDouble();
        }
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("no output") << QStringList { QStringLiteral("synth"), QStringLiteral("--events"),
            QStringLiteral("10") };
        QTest::addRow("zero events") << QStringList { QStringLiteral("synth"), QStringLiteral("--events"),
            QStringLiteral("0"), QStringLiteral("-o"), QStringLiteral("x") };
        QTest::addRow("sessions not a number") << QStringList { QStringLiteral("synth"), QStringLiteral("--sessions"),
            QStringLiteral("many"), QStringLiteral("-o"), QStringLiteral("x") };
        QTest::addRow("more files than events")
            << QStringList { QStringLiteral("synth"), QStringLiteral("--events"), QStringLiteral("3"),
                   QStringLiteral("--files"), QStringLiteral("4"), QStringLiteral("-o"), QStringLiteral("x") };
    }

    void usage()
    {
        QFETCH(QStringList, arguments);
        const Result result = cli(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.err.isEmpty());
    }

    // An existing timeline is never mixed with new lines: replaced with --force, refused without.
    void existingFiles()
    {
        QTemporaryDir dir;
        QCOMPARE(cli(synthArgs(dir.path(), 2000, 5, 1, 2)).exitCode, 0);
        const auto before = contents(dir.path());
        const Result refused = cli(synthArgs(dir.path(), 1000, 5, 2));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains("--force"));
        QCOMPARE(contents(dir.path()), before);
        QCOMPARE(cli(synthArgs(dir.path(), 1000, 5, 2) << QStringLiteral("--force")).exitCode, 0);
        const auto after = contents(dir.path());
        QCOMPARE(after.size(), 1);
        QVERIFY(after != before);
    }
};

QTEST_GUILESS_MAIN(tst_Synth)
#include "tst_synth.moc"
