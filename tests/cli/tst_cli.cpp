// SPDX-License-Identifier: MIT
// runlens-cli end to end: the report contract on every fixture, exit codes, bad input.
#include "clitest.h"
#include "derivedinputs.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Runlens::Test;

namespace {

const QString kEmbedStop = QStringLiteral("EmbeddingError: CodeRank embedding failed: vLLM HTTP 503 Service "
                                          "Unavailable from http://127.0.0.1:8001/v1/embeddings");

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_plainTimeline; // a directory with the plain search.semantic run (issue 13)
    QString m_plainPack; // its in-process pack, storing upstream's false gap:hydrate

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_plainTimeline = m_dir.filePath(QStringLiteral("diagnostics"));
        QVERIFY(QDir().mkpath(m_plainTimeline));
        QVERIFY(writeFile(
            m_plainTimeline + QStringLiteral("/events-20261124.jsonl"), plainSemanticLines().join('\n') + '\n'));
        m_plainPack = m_dir.filePath(QStringLiteral("runpack_plain.zip"));
        QVERIFY(writeFile(m_plainPack, plainSemanticPack()));
    }

    void report_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("runId");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("stopReason");
        QTest::addColumn<QString>("coverage"); // the six booleans as 0/1 in key order
        QTest::addColumn<QString>("stages"); // status per fixed row
        QTest::addColumn<int>("runCount");

        const QString happyStages = QStringLiteral("ran ran ran ran ran ran ran skipped");
        const QString sparseStages = QStringLiteral("ran ran skipped skipped ran ran ran skipped");
        const QString errorStages = QStringLiteral(
            "failed not-reached not-reached not-reached not-reached not-reached not-reached not-reached");
        QTest::addRow("happy timeline") << fixture("upstream/happy-path/data/diagnostics")
                                        << QStringLiteral("b631c87847bb46a4a1823ea76d9a9113")
                                        << QStringLiteral("complete") << QString() << QStringLiteral("111111")
                                        << happyStages << 4;
        QTest::addRow("happy timeline file")
            << fixture("upstream/happy-path/data/diagnostics/events-20261124.jsonl")
            << QStringLiteral("e7bff87e7dc54b15bd34a296c30170d9") << QStringLiteral("complete") << QString()
            << QStringLiteral("111111") << happyStages << 4;
        QTest::addRow("happy in-process pack")
            << fixture(kHappyPack) << QStringLiteral("f7fe85bab97843aab788eef0bcbc1465") << QStringLiteral("complete")
            << QString() << QStringLiteral("111111") << happyStages << 1;
        QTest::addRow("happy CLI pack") << fixture(kHappyCliPack) << QStringLiteral("f7fe85bab97843aab788eef0bcbc1465")
                                        << QStringLiteral("complete") << QString() << QStringLiteral("111111")
                                        << happyStages << 1;
        QTest::addRow("sparse timeline") << fixture("upstream/sparse-disabled/data/diagnostics")
                                         << QStringLiteral("1005703141094392a91da2aac8143ee6")
                                         << QStringLiteral("complete") << QString() << QStringLiteral("110011")
                                         << sparseStages << 1;
        QTest::addRow("sparse pack") << fixture(kSparsePack) << QStringLiteral("1005703141094392a91da2aac8143ee6")
                                     << QStringLiteral("complete") << QString() << QStringLiteral("110011")
                                     << sparseStages << 1;
        QTest::addRow("sparse seed pack")
            << fixture(kSeedSparse) << QStringLiteral("1005703141094392a91da2aac8143ee6") << QStringLiteral("complete")
            << QString() << QStringLiteral("110011") << sparseStages << 1;
        QTest::addRow("error timeline") << fixture("upstream/error-embed/data/diagnostics")
                                        << QStringLiteral("5ee711da351a4c29a57daa1e8fee8c7e") << QStringLiteral("error")
                                        << kEmbedStop << QStringLiteral("100000") << errorStages << 1;
        QTest::addRow("error pack") << fixture(kErrorPack) << QStringLiteral("5ee711da351a4c29a57daa1e8fee8c7e")
                                    << QStringLiteral("error") << kEmbedStop << QStringLiteral("100000") << errorStages
                                    << 1;
        QTest::addRow("error seed pack") << fixture(kSeedError) << QStringLiteral("5ee711da351a4c29a57daa1e8fee8c7e")
                                         << QStringLiteral("error") << kEmbedStop << QStringLiteral("100000")
                                         << errorStages << 1;
        // The plain adapter: computed ops_coverage equals what upstream stores (hydrate false, its hydrate.duckdb
        // is a bare step), while the grid says hydrate Ran (issue 13).
        QTest::addRow("plain semantic timeline")
            << m_plainTimeline << QStringLiteral("f7fe85bab97843aab788eef0bcbc1465") << QStringLiteral("complete")
            << QString() << QStringLiteral("111110") << happyStages << 1;
        QTest::addRow("plain semantic pack")
            << m_plainPack << QStringLiteral("f7fe85bab97843aab788eef0bcbc1465") << QStringLiteral("complete")
            << QString() << QStringLiteral("111110") << happyStages << 1;
    }

    void report()
    {
        QFETCH(QString, path);
        QFETCH(QString, runId);
        QFETCH(QString, status);
        QFETCH(QString, stopReason);
        QFETCH(QString, coverage);
        QFETCH(QString, stages);
        QFETCH(int, runCount);

        const Result result = cli({ QStringLiteral("report"), path });
        QCOMPARE(result.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(root.value(QLatin1String("source")).toString(), path);
        const QJsonArray runs = root.value(QLatin1String("runs")).toArray();
        QCOMPARE(runs.size(), runCount);
        QJsonObject run;
        for (const QJsonValue& value : runs) {
            if (value.toObject().value(QLatin1String("run_id")).toString() == runId)
                run = value.toObject();
        }
        QVERIFY(!run.isEmpty());
        QCOMPARE(run.value(QLatin1String("status")).toString(), status);
        QCOMPARE(run.value(QLatin1String("stop_reason")).toString(), stopReason);
        QCOMPARE(run.value(QLatin1String("stop_reason")).isNull(), stopReason.isEmpty());
        QString bits;
        const QJsonObject ops = run.value(QLatin1String("ops_coverage")).toObject();
        for (const char* key : { "embed", "dense", "sparse", "gather", "fuse", "hydrate" })
            bits += ops.value(QLatin1String(key)).toBool() ? u'1' : u'0';
        QCOMPARE(bits, coverage);
        QStringList cells;
        for (const QJsonValue& stage : run.value(QLatin1String("stages")).toArray())
            cells.append(stage.toObject().value(QLatin1String("status")).toString());
        QCOMPARE(cells.join(u' '), stages);
        for (const char* key :
            { "session_id", "tool", "started_at", "finished_at", "duration_ms", "event_count", "hints" })
            QVERIFY2(run.contains(QLatin1String(key)), key);
        QVERIFY(root.value(QLatin1String("problems")).isArray());
    }

    void reportFilters()
    {
        const Result result = cli({ QStringLiteral("report"), QStringLiteral("--session"),
            QStringLiteral("sess-happy-01"), fixture("upstream/happy-path/data/diagnostics") });
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value(QLatin1String("runs")).toArray().size(), 2);
        const Result one =
            cli({ QStringLiteral("report"), QStringLiteral("--run"), QStringLiteral("e7bff87e7dc54b15bd34a296c30170d9"),
                QStringLiteral("--format"), QStringLiteral("md"), fixture("upstream/happy-path/data/diagnostics") });
        QCOMPARE(one.exitCode, 0);
        QVERIFY(one.out.contains("## sess-happy-02 / e7bff87e7dc54b15bd34a296c30170d9"));
        QVERIFY(!one.out.contains("sess-happy-01"));
    }

    void runs()
    {
        const Result result = cli({ QStringLiteral("runs"), fixture("upstream/happy-path/data/diagnostics") });
        QCOMPARE(result.exitCode, 0);
        const QList<QByteArray> lines = result.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], QByteArray("startup\tef5386bff0ae4f13b76a5ce0d6d7097b\tbackground\t-\t4"));
        QCOMPARE(
            lines[1], QByteArray("sess-happy-01\tf7fe85bab97843aab788eef0bcbc1465\tcomplete\tsearch.semantic_pro\t57"));
        QVERIFY2(result.err.isEmpty(), result.err.constData()); // no word from the parser about options
    }

    void hintsExitCodes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("failOn");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("healthy run, warning")
            << fixture("upstream/happy-path/data/diagnostics") << QStringLiteral("warning") << 0;
        QTest::addRow("healthy pack, note") << fixture(kHappyPack) << QStringLiteral("note") << 0;
        QTest::addRow("sparse, warning") << fixture(kSparsePack) << QStringLiteral("warning") << 1;
        QTest::addRow("sparse, error") << fixture(kSparsePack) << QStringLiteral("error") << 0;
        QTest::addRow("error, error") << fixture(kErrorPack) << QStringLiteral("error") << 1;
        QTest::addRow("error, never") << fixture(kErrorPack) << QStringLiteral("never") << 0;
        QTest::addRow("unreadable") << fixture("README.md") << QStringLiteral("warning") << 2;
        // A stored hint that the run's own lines disprove never fails a build (issue 13).
        QTest::addRow("plain semantic pack, disputed only, warning") << m_plainPack << QStringLiteral("warning") << 0;
        QTest::addRow("plain semantic pack, disputed only, note") << m_plainPack << QStringLiteral("note") << 0;
        QTest::addRow("plain semantic timeline, note") << m_plainTimeline << QStringLiteral("note") << 0;
    }

    void hintsExitCodes()
    {
        QFETCH(QString, path);
        QFETCH(QString, failOn);
        QFETCH(int, exitCode);
        const Result result = cli({ QStringLiteral("hints"), QStringLiteral("--fail-on"), failOn, path });
        QCOMPARE(result.exitCode, exitCode);
    }

    void hintsFormats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("marker");
        QTest::addRow("text") << QStringLiteral("text") << QByteArray("WARNING (2)");
        QTest::addRow("md") << QStringLiteral("md") << QByteArray("| warning | `config:sparse-disabled` |");
        QTest::addRow("json") << QStringLiteral("json") << QByteArray("\"kind\": \"config:sparse-disabled\"");
        QTest::addRow("csv") << QStringLiteral("csv") << QByteArray("session_id,run_id,tool,status,kind");
        QTest::addRow("sarif") << QStringLiteral("sarif") << QByteArray("\"version\": \"2.1.0\"");
        QTest::addRow("junit") << QStringLiteral("junit") << QByteArray("<testcase classname=");
    }

    void hintsFormats()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, marker);
        const Result result =
            cli({ QStringLiteral("hints"), QStringLiteral("--format"), format, fixture(kSparsePack) });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains(marker), result.out.left(400).constData());
    }

    void suppressFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("suppress.txt"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("config:sparse-disabled\nchannel:unavailable sess-sparse-*\n");
        f.close();
        const Result result =
            cli({ QStringLiteral("hints"), QStringLiteral("--suppress"), file, fixture(kSparsePack) });
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("SUPPRESSED (2)"));
        const Result missing = cli({ QStringLiteral("hints"), QStringLiteral("--suppress"),
            dir.filePath(QStringLiteral("nope")), fixture(kSparsePack) });
        QCOMPARE(missing.exitCode, 2);
    }

    void explainRule()
    {
        const Result fires = cli({ QStringLiteral("explain"), QStringLiteral("--rule"),
            QStringLiteral("config:sparse-disabled"), fixture(kSparsePack) });
        QCOMPARE(fires.exitCode, 0);
        QVERIFY(fires.out.contains("fires: RM3 enabled"));
        QVERIFY(fires.out.contains("(the pack stores this hint)"));
        const Result silent = cli({ QStringLiteral("explain"), QStringLiteral("--rule"), QStringLiteral("gap:hydrate"),
            fixture(kErrorPack) });
        QVERIFY(silent.out.contains("does not fire: ops_coverage.fuse is false"));
        const Result unknown = cli(
            { QStringLiteral("explain"), QStringLiteral("--rule"), QStringLiteral("no:such"), fixture(kErrorPack) });
        QCOMPARE(unknown.exitCode, 2);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("stderrContains");
        QTest::addRow("missing path") << QStringList { QStringLiteral("report"),
            QStringLiteral("/nonexistent/pack.zip") }
                                      << QByteArray("no such file or directory");
        QTest::addRow("not a timeline") << QStringList { QStringLiteral("report"),
            fixture("upstream/happy-path/api/run1.reports_endpoint.json") }
                                        << QByteArray("not a timeline");
        QTest::addRow("unknown command") << QStringList { QStringLiteral("frobnicate") }
                                         << QByteArray("unknown command");
        QTest::addRow("unknown format") << QStringList { QStringLiteral("report"), QStringLiteral("--format"),
            QStringLiteral("xml"), fixture(kSparsePack) }
                                        << QByteArray("unknown format");
        QTest::addRow("no command") << QStringList {} << QByteArray("Usage:");
    }

    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, stderrContains);
        const Result result = cli(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(stderrContains), result.err.constData());
    }

    void garbageZipIsOneLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("runpack_x.zip"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 this is not really a zip");
        f.close();
        const Result result = cli({ QStringLiteral("report"), path });
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY(result.err.contains(path.toUtf8()));
    }

    void helpAndVersion()
    {
        QCOMPARE(cli({ QStringLiteral("--version") }).exitCode, 0);
        QVERIFY(cli({ QStringLiteral("--version") }).out.startsWith("runlens-cli "));
        // Every command's --help reads as the top-level usage does: the program by its name and the command,
        // never argv[0] (an absolute path here) nor a list of commands (issue 18).
        for (const char* command :
            { "report", "runs", "hints", "explain", "rules", "export", "pack", "follow", "synth", "triage", "diff" }) {
            const Result help = cli({ QLatin1String(command), QStringLiteral("--help") });
            QCOMPARE(help.exitCode, 0);
            const QByteArray usage = help.out.left(help.out.indexOf('\n'));
            const QByteArray expected = QByteArray("Usage: runlens-cli ") + command + " [options]";
            QVERIFY2(usage.startsWith(expected), usage.constData());
            QVERIFY2(!usage.contains('/'), usage.constData());
            QVERIFY2(help.out.contains("--help"), help.out.constData());
            QVERIFY2(!help.out.contains("report, runs"), help.out.constData());
        }
        const Result rules = cli({ QStringLiteral("rules") });
        QVERIFY(rules.out.contains("gap:hydrate\twarning\tupstream"));
    }

    // --since/--until on every command that selects runs: the happy timeline's runs start at 451.69 (startup),
    // 451.83, 451.87 and 451.92 past 1795560000; a run is in when it starts at or after --since, before --until.
    void timeWindow_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("out"); // a text stdout holds, or must not hold after "!"
        QTest::addColumn<QString>("err"); // a text stderr holds
        const QString happy = fixture("upstream/happy-path/data/diagnostics");
        const QString second = QStringLiteral("b631c87847bb46a4a1823ea76d9a9113");
        const QString first = QStringLiteral("f7fe85bab97843aab788eef0bcbc1465");
        const auto args = [&](std::initializer_list<const char*> words) {
            QStringList list;
            for (const char* word : words)
                list.append(QString::fromUtf8(word));
            list.insert(1, happy);
            return list;
        };
        QTest::addRow("runs since") << args({ "runs", "--since", "1795560451.85" }) << 0 << second << QString();
        QTest::addRow("runs since leaves out")
            << args({ "runs", "--since", "1795560451.85" }) << 0 << QStringLiteral("!") + first << QString();
        QTest::addRow("runs until, ISO") << args({ "runs", "--until", "2026-11-24T22:47:31.85Z" }) << 0 << first
                                         << QString();
        QTest::addRow("runs until leaves out")
            << args({ "runs", "--until", "2026-11-24T22:47:31.85Z" }) << 0 << QStringLiteral("!") + second << QString();
        QTest::addRow("report, offset") << args({ "report", "--since", "2026-11-24T23:47:31.86+01:00", "--format",
            "text" }) << 0 << second << QString();
        QTest::addRow("hints") << args({ "hints", "--until", "1795560451.7", "--fail-on", "never" }) << 0
                               << QStringLiteral("!") + first << QString();
        QTest::addRow("export") << args({ "export", "--since", "1795560451.9", "--format", "csv" }) << 0
                                << QStringLiteral("sess-happy-02") << QString();
        QTest::addRow("explain") << args({ "explain", "--rule", "gap:hydrate", "--since", "1795560451.9" }) << 0
                                 << QStringLiteral("!") + first << QString();
        QTest::addRow("triage") << args({ "triage", "--since", "1795560451.9", "--format", "csv" }) << 0
                                << QStringLiteral("!") + second << QString();
        QTest::addRow("nothing in it") << args({ "report", "--since", "2030-01-01T00:00:00Z" }) << 2 << QString()
                                       << QStringLiteral("starts between --since and --until");
        QTest::addRow("no zone") << args({ "runs", "--since", "2026-11-24T10:00:00" }) << 2 << QString()
                                 << QStringLiteral("--since: \"2026-11-24T10:00:00\" has no time zone");
        QTest::addRow("not a time") << args({ "hints", "--until", "noon" }) << 2 << QString()
                                    << QStringLiteral("--until: \"noon\" is neither ISO 8601");
        QTest::addRow("out of order") << args({ "runs", "--since", "5", "--until", "4" }) << 2 << QString()
                                      << QStringLiteral("--since must come before --until");
    }

    void timeWindow()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, out);
        QFETCH(QString, err);
        const Result result = cli(arguments);
        QCOMPARE(result.exitCode, exitCode);
        const QString stdoutText = QString::fromUtf8(result.out);
        if (out.startsWith(u'!'))
            QVERIFY2(!stdoutText.contains(out.mid(1)), qPrintable(stdoutText));
        else
            QVERIFY2(stdoutText.contains(out), qPrintable(stdoutText));
        QVERIFY2(QString::fromUtf8(result.err).contains(err), result.err.constData());
    }

    // pack --since keeps the session's runs that start in the window: sess-happy-01 has two.
    void packTimeWindow()
    {
        const QString happy = fixture("upstream/happy-path/data/diagnostics");
        const QString out = m_dir.filePath(QStringLiteral("window.zip"));
        Result result =
            cli({ QStringLiteral("pack"), happy, QStringLiteral("--session"), QStringLiteral("sess-happy-01"),
                QStringLiteral("--since"), QStringLiteral("1795560451.85"), QStringLiteral("-o"), out });
        QCOMPARE(result.exitCode, 0);
        result = cli({ QStringLiteral("runs"), out });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("b631c87847bb46a4a1823ea76d9a9113"), result.out.constData());
        QVERIFY2(!result.out.contains("f7fe85bab97843aab788eef0bcbc1465"), result.out.constData());
        result = cli({ QStringLiteral("pack"), happy, QStringLiteral("--session"), QStringLiteral("sess-happy-01"),
            QStringLiteral("--until"), QStringLiteral("1795560451.7"), QStringLiteral("-o"), out,
            QStringLiteral("--force") });
        QCOMPARE(result.exitCode, 2); // the session's runs all start later
        QVERIFY2(result.err.contains("no run of session sess-happy-01"), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
