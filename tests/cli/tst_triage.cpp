// SPDX-License-Identifier: MIT
// runlens-cli triage end to end: the fixture packs and timelines, every grouping and format, a folder of many
// packs with a broken one among them, exit codes, and the generator's output.
#include "clitest.h"
#include "csvreader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Runlens::Test;

namespace {

const QString kStop = QStringLiteral("EmbeddingError: CodeRank embedding failed: vLLM HTTP 503 Service Unavailable "
                                     "from http://127.0.0.1:8001/v1/embeddings");

// Every fixture pack, in the order the folder test copies them.
QStringList fixturePacks()
{
    return { fixture(kHappyPack), fixture(kHappyCliPack), fixture(kSparsePack), fixture(kErrorPack),
        fixture(kSeedSparse), fixture(kSeedError) };
}

// The six packs and the happy-path timeline (three tool runs): nine rows.
QStringList fixtureInputs()
{
    return fixturePacks() << fixture("upstream/happy-path/data/diagnostics");
}

QStringList triageArgs(const QStringList& paths, const QString& format, const QString& groupBy = QStringLiteral("kind"))
{
    return QStringList { QStringLiteral("triage"), QStringLiteral("--format"), format, QStringLiteral("--group-by"),
        groupBy }
    + paths;
}

QJsonObject triageJson(const QStringList& paths, const QString& groupBy, QByteArray* err = nullptr)
{
    const Result result = cli(triageArgs(paths, QStringLiteral("json"), groupBy), 120000);
    if (err)
        *err = result.err;
    if (result.exitCode != 0)
        qWarning("triage exited with %d: %s", result.exitCode, result.err.constData());
    return QJsonDocument::fromJson(result.out).object();
}

// "key=count; key=count" in output order.
QString groupCounts(const QJsonObject& root)
{
    QStringList parts;
    for (const QJsonValue& value : root.value(QLatin1String("groups")).toArray()) {
        const QJsonObject group = value.toObject();
        parts.append(group.value(QLatin1String("key")).toString() + u'='
            + QString::number(group.value(QLatin1String("count")).toInt()));
    }
    return parts.join(QLatin1String("; "));
}

QStringList lines(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class tst_Triage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groups_data()
    {
        QTest::addColumn<QString>("groupBy");
        QTest::addColumn<QString>("counts");
        // A run counts once in every hint kind it has: the sparse run (upstream and seed pack) has three. The
        // background startup run of the happy timeline is a row too, without a tool.
        QTest::addRow("kind") << QStringLiteral("kind")
                              << QStringLiteral("(no hints)=6; channel:disabled=2; channel:unavailable=2; "
                                                "config:sparse-disabled=2; stage:failed=2");
        QTest::addRow("stop") << QStringLiteral("stop") << QStringLiteral("(none)=8; %1=2").arg(kStop);
        QTest::addRow("tool") << QStringLiteral("tool") << QStringLiteral("search.semantic_pro=9; =1");
        QTest::addRow("stage") << QStringLiteral("stage") << QStringLiteral("(none)=8; embed=2");
        QTest::addRow("none") << QStringLiteral("none") << QStringLiteral("=10");
    }

    void groups()
    {
        QFETCH(QString, groupBy);
        QFETCH(QString, counts);
        const QJsonObject root = triageJson(fixtureInputs(), groupBy);
        QCOMPARE(root.value(QLatin1String("format")).toString(), QStringLiteral("runlens-triage/1"));
        QCOMPARE(root.value(QLatin1String("group_by")).toString(), groupBy);
        QCOMPARE(root.value(QLatin1String("runs")).toArray().size(), 10);
        QCOMPARE(groupCounts(root), counts);

        // The text output prints the same counts, one line per group.
        const Result text = cli(triageArgs(fixtureInputs(), QStringLiteral("text"), groupBy));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.err.isEmpty());
        if (groupBy == QLatin1String("none"))
            return;
        const QString out = QString::fromUtf8(text.out);
        for (const QString& group : counts.split(QLatin1String("; "))) {
            const qsizetype equals = group.lastIndexOf(u'=');
            const QString line =
                QStringLiteral("%1  %2\n").arg(group.mid(equals + 1).toInt(), 6).arg(group.left(equals));
            QVERIFY2(out.contains(line), qPrintable(line));
        }
    }

    void runsJson()
    {
        const QJsonArray runs =
            triageJson(fixtureInputs(), QStringLiteral("kind")).value(QLatin1String("runs")).toArray();
        QCOMPARE(runs.size(), 10);
        // Inputs sorted by path: the seed packs come first, the error pack third.
        const QJsonObject seedError = runs.at(0).toObject();
        QCOMPARE(seedError.value(QLatin1String("source")).toString(), fixture(kSeedError));
        QCOMPARE(seedError.value(QLatin1String("source_kind")).toString(), QStringLiteral("runpack"));
        QCOMPARE(seedError.value(QLatin1String("status")).toString(), QStringLiteral("error"));
        QCOMPARE(seedError.value(QLatin1String("stop_reason")).toString(), kStop);
        QVERIFY(seedError.value(QLatin1String("stage_reached")).isNull());
        QCOMPARE(seedError.value(QLatin1String("failing_stage")).toString(), QStringLiteral("embed"));
        QCOMPARE(seedError.value(QLatin1String("groups")).toArray(), QJsonArray { QStringLiteral("stage:failed") });
        const QJsonObject hint = seedError.value(QLatin1String("hints")).toArray().first().toObject();
        QCOMPARE(hint.value(QLatin1String("kind")).toString(), QStringLiteral("stage:failed"));
        QCOMPARE(hint.value(QLatin1String("severity")).toString(), QStringLiteral("error"));

        int timelineRows = 0;
        for (const QJsonValue& value : runs) {
            const QJsonObject run = value.toObject();
            if (run.value(QLatin1String("session_id")).toString() == QLatin1String("startup")) {
                // The warm-up has a row of its own (issue 13), without a tool.
                QCOMPARE(run.value(QLatin1String("status")).toString(), QStringLiteral("background"));
                QCOMPARE(run.value(QLatin1String("tool")).toString(), QString());
                continue;
            }
            QCOMPARE(run.value(QLatin1String("tool")).toString(), QStringLiteral("search.semantic_pro"));
            QVERIFY(run.value(QLatin1String("duration_ms")).toDouble() > 0);
            QVERIFY(!run.value(QLatin1String("session_id")).toString().isEmpty());
            if (run.value(QLatin1String("source_kind")).toString() == QLatin1String("timeline-directory")) {
                ++timelineRows;
                QCOMPARE(run.value(QLatin1String("stage_reached")).toString(), QStringLiteral("hydrate"));
                QVERIFY(run.value(QLatin1String("stop_reason")).isNull());
            }
        }
        QCOMPARE(timelineRows, 3);
    }

    void csv()
    {
        const Result result = cli(triageArgs(fixtureInputs(), QStringLiteral("csv")));
        QCOMPARE(result.exitCode, 0);
        const QList<QStringList> records = parseCsv(QString::fromUtf8(result.out));
        QCOMPARE(records.size(), 11);
        QCOMPARE(records[0],
            (QStringList { QStringLiteral("source"), QStringLiteral("session_id"), QStringLiteral("run_id"),
                QStringLiteral("tool"), QStringLiteral("status"), QStringLiteral("stop_reason"),
                QStringLiteral("duration_ms"), QStringLiteral("stage_reached"), QStringLiteral("failing_stage"),
                QStringLiteral("hints"), QStringLiteral("suppressed"), QStringLiteral("disputed") }));
        for (const QStringList& record : records)
            QCOMPARE(record.size(), 12);
        // The seed sparse pack: its hints field holds commas, so it was quoted, and reads back whole.
        const QStringList& sparse = records[2];
        QCOMPARE(sparse[0], fixture(kSeedSparse));
        QCOMPARE(sparse[2], QStringLiteral("1005703141094392a91da2aac8143ee6"));
        QCOMPARE(sparse[4], QStringLiteral("complete"));
        QCOMPARE(sparse[5], QString());
        QCOMPARE(sparse[7], QStringLiteral("hydrate"));
        QCOMPARE(sparse[9],
            QStringLiteral("channel:unavailable (warning), config:sparse-disabled (warning), "
                           "channel:disabled (note)"));
        QCOMPARE(sparse[10], QStringLiteral("0"));
        QCOMPARE(records[1][5], kStop);
        QCOMPARE(records[1][8], QStringLiteral("embed"));
        QVERIFY(result.out.contains("\r\n"));
        QVERIFY(!result.out.contains("(no hints)")); // CSV is the table only
    }

    void markdown()
    {
        const Result result = cli(triageArgs(fixtureInputs(), QStringLiteral("md"), QStringLiteral("stage")));
        QCOMPARE(result.exitCode, 0);
        const QStringList out = lines(result.out);
        QCOMPARE(out[0], QStringLiteral("# Triage"));
        QCOMPARE(out[1], QStringLiteral("Runs: 10"));
        const QStringList table = out.filter(QRegularExpression(QStringLiteral("^\\|")));
        // Header, separator and ten rows of nine cells; then the groups' header, separator and two rows.
        QCOMPARE(table.size(), 2 + 10 + 2 + 2);
        QCOMPARE(table[0],
            QStringLiteral("| Source | Session | Run | Tool | Status | Stop reason | Duration | Stage "
                           "reached | Hints |"));
        QCOMPARE(table[1], QStringLiteral("|---|---|---|---|---|---|---|---|---|"));
        for (int i = 2; i < 12; ++i)
            QCOMPARE(table[i].count(u'|'), 10);
        QCOMPARE(table[12], QStringLiteral("| Failing stage | Runs |"));
        QCOMPARE(table[14], QStringLiteral("| (none) | 8 |"));
        QCOMPARE(table[15], QStringLiteral("| embed | 2 |"));
        // Paths relative to the folder all inputs share.
        QVERIFY(table[2].startsWith(QLatin1String("| seed-layout/runpack_sess-embed-error_")));
    }

    void text()
    {
        const Result result = cli(triageArgs(fixtureInputs(), QStringLiteral("text"), QStringLiteral("tool")));
        QCOMPARE(result.exitCode, 0);
        const QStringList out = lines(result.out);
        QVERIFY(out[0].startsWith(QLatin1String("Source")));
        QVERIFY(out[0].endsWith(QLatin1String("Hints")));
        QCOMPARE(out[11], QStringLiteral("Runs: 10"));
        QCOMPARE(out[12], QStringLiteral("Runs per group: Tool"));
        QCOMPARE(out[13], QStringLiteral("     9  search.semantic_pro"));
        QCOMPARE(out[14], QStringLiteral("     1  "));
        // Columns line up: every row has its session where the header has it.
        const qsizetype session = out[0].indexOf(QLatin1String("Session"));
        for (int i = 1; i < 11; ++i)
            QVERIFY2(out[i].mid(session).startsWith(QLatin1String("sess-"))
                    || out[i].mid(session).startsWith(QLatin1String("startup")),
                qPrintable(out[i]));
    }

    void folderOfPacks()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QDir dir(temp.path());
        QVERIFY(dir.mkpath(QStringLiteral("more")));
        const QStringList packs = fixturePacks();
        // 50 copies under new names, half of them one folder down; the error packs are numbers 3 and 5 mod 6.
        for (int i = 0; i < 50; ++i) {
            const QString name = QStringLiteral("%1incident-%2.zip")
                                     .arg(i < 25 ? QString() : QStringLiteral("more/"))
                                     .arg(i, 3, 10, QLatin1Char('0'));
            QVERIFY(QFile::copy(packs[i % packs.size()], dir.filePath(name)));
        }
        QFile broken(dir.filePath(QStringLiteral("more/broken.zip")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("PK\x03\x04 this is not a zip archive");
        broken.close();
        QFile notes(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not an input");
        notes.close();

        QByteArray err;
        const QJsonObject root = triageJson({ temp.path() }, QStringLiteral("stage"), &err);
        // 50 runs and a row for the broken pack that says why it has none (issue 13).
        const QJsonArray runs = root.value(QLatin1String("runs")).toArray();
        QCOMPARE(runs.size(), 51);
        const auto unreadable = std::find_if(runs.begin(), runs.end(), [](const QJsonValue& run) {
            return run.toObject().value(QLatin1String("status")).toString() == QLatin1String("unreadable");
        });
        QVERIFY(unreadable != runs.end());
        QCOMPARE(unreadable->toObject().value(QLatin1String("source")).toString(),
            dir.filePath(QStringLiteral("more/broken.zip")));
        QVERIFY(!unreadable->toObject().value(QLatin1String("stop_reason")).toString().isEmpty());
        QCOMPARE(groupCounts(root), QStringLiteral("(none)=35; embed=16"));
        // The broken pack: one line saying what, where and why; the rest is printed.
        const QStringList errLines = lines(err);
        QCOMPARE(errLines.size(), 1);
        QVERIFY2(errLines[0].startsWith(QLatin1String("runlens-cli: cannot read ")
                     + dir.filePath(QStringLiteral("more/broken.zip")) + u':'),
            qPrintable(errLines[0]));
        QCOMPARE(
            triageJson({ temp.path() }, QStringLiteral("kind")).value(QLatin1String("groups")).toArray().size(), 6);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("errLines");
        const QString missing = QStringLiteral("/nonexistent/runpack.zip");
        QTest::addRow("one missing, one readable") << QStringList { missing, fixture(kSparsePack) } << 0 << 1;
        QTest::addRow("only missing") << QStringList { missing } << 2 << 1;
        QTest::addRow("two missing") << QStringList { missing, QStringLiteral("/nonexistent/other.zip") } << 2 << 2;
        QTest::addRow("not a timeline") << QStringList {
            fixture("upstream/happy-path/data/ledger/execution_ledger.jsonl")
        } << 2 << 1;
        QTest::addRow("no PATH") << QStringList() << 2 << 1;
        QTest::addRow("bad format") << QStringList { QStringLiteral("--format"), QStringLiteral("xml"),
            fixture(kSparsePack) } << 2
                                    << 1;
        QTest::addRow("bad grouping") << QStringList { QStringLiteral("--group-by"), QStringLiteral("severity"),
            fixture(kSparsePack) } << 2
                                      << 1;
        QTest::addRow("folder of files that are no timelines")
            << QStringList { fixture("upstream/happy-path/data/ledger") } << 2 << 1;
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(int, errLines);
        const Result result = cli(QStringList { QStringLiteral("triage") } + arguments);
        QCOMPARE(result.exitCode, exitCode);
        QCOMPARE(lines(result.err).size(), errLines);
    }

    // Readers split big inputs onto the global pool themselves; reading several timelines at once must not
    // wait on a pool that our own workers fill (it used to hang here).
    void timelinesSideBySide()
    {
        const QString directory = fixture("upstream/happy-path/data/diagnostics");
        const QJsonObject root = triageJson({ directory, directory + QStringLiteral("/events-20261124.jsonl"),
                                                fixture("upstream/error-embed/data/diagnostics"),
                                                fixture("upstream/sparse-disabled/data/diagnostics") },
            QStringLiteral("none"));
        QCOMPARE(root.value(QLatin1String("runs")).toArray().size(), 4 + 4 + 1 + 1);
    }

    // A timeline of nothing but the startup session is readable: its background run is a row, exit 0.
    void backgroundOnly()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        QFile timeline(fixture("upstream/happy-path/data/diagnostics/events-20261124.jsonl"));
        QVERIFY(timeline.open(QIODevice::ReadOnly));
        QFile startup(temp.filePath(QStringLiteral("startup.jsonl")));
        QVERIFY(startup.open(QIODevice::WriteOnly));
        while (!timeline.atEnd()) {
            const QByteArray line = timeline.readLine();
            if (line.contains("\"session_id\":\"startup\""))
                startup.write(line);
        }
        QVERIFY(startup.size() > 0);
        startup.close();
        const Result result = cli({ QStringLiteral("triage"), startup.fileName() });
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.err.isEmpty());
        QVERIFY(result.out.contains("\nRuns: 1\n"));
        QVERIFY(result.out.contains("  startup  "));
        QVERIFY(result.out.contains("  background  "));
    }

    void emptyFolder()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const Result result = cli({ QStringLiteral("triage"), temp.path() });
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("no runpack, timeline directory or .jsonl file"));
    }

    // The generator's timelines: every run is a row, and each grouping covers every row.
    void synthOutput()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const Result synth = cli({ QStringLiteral("synth"), QStringLiteral("--events"), QStringLiteral("20000"),
            QStringLiteral("--sessions"), QStringLiteral("8"), QStringLiteral("--seed"), QStringLiteral("5"),
            QStringLiteral("--files"), QStringLiteral("2"), QStringLiteral("-o"), temp.path() });
        QCOMPARE(synth.exitCode, 0);
        const Result report = cli({ QStringLiteral("report"), temp.path() });
        QCOMPARE(report.exitCode, 0);
        int toolRuns = 0;
        int allRuns = 0;
        int failed = 0;
        for (const QJsonValue& run :
            QJsonDocument::fromJson(report.out).object().value(QLatin1String("runs")).toArray()) {
            ++allRuns;
            if (!run.toObject().value(QLatin1String("tool")).toString().isEmpty())
                ++toolRuns;
            failed += run.toObject().value(QLatin1String("status")).toString() == QLatin1String("error") ? 1 : 0;
        }
        QVERIFY(toolRuns > 10);

        const QJsonObject byTool = triageJson({ temp.path() }, QStringLiteral("tool"));
        const QJsonArray runs = byTool.value(QLatin1String("runs")).toArray();
        QCOMPARE(runs.size(), allRuns);
        QVERIFY(allRuns > toolRuns);
        int errors = 0;
        for (const QJsonValue& run : runs)
            errors += run.toObject().value(QLatin1String("status")).toString() == QLatin1String("error") ? 1 : 0;
        QCOMPARE(errors, failed);
        for (const QString& groupBy : { QStringLiteral("tool"), QStringLiteral("stop"), QStringLiteral("stage") }) {
            int total = 0;
            for (const QJsonValue& group :
                triageJson({ temp.path() }, groupBy).value(QLatin1String("groups")).toArray())
                total += group.toObject().value(QLatin1String("count")).toInt();
            QCOMPARE(total, allRuns); // one key per run
        }
    }
};

QTEST_GUILESS_MAIN(tst_Triage)
#include "tst_triage.moc"
