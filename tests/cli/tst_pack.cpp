// SPDX-License-Identifier: MIT
// Regenerated packs: round trip for every fixture run and both layouts, determinism, redaction,
// and refusal to overwrite.
#include "hintreport.h"
#include "packwriter.h"
#include "source.h"
#include "ziparchive.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Runlens;

namespace {

QString fixture(const QString& relative)
{
    return QStringLiteral(RUNLENS_FIXTURES_DIR "/") + relative;
}

// The facts a round trip must keep: status, stop reason, stages, ops_coverage, upstream-kind and own hints.
QStringList facts(const Run& run)
{
    QStringList lines;
    lines.append(runStatusName(run.status) + u'|' + run.stopReason + u'|' + run.stoppedAfter + u'|' + run.tool);
    QString coverage;
    for (bool value : run.opsCoverage.values)
        coverage += value ? u'1' : u'0';
    lines.append(coverage);
    for (const StageCell& cell : run.stages)
        lines.append(cell.stage + u'=' + cellStatusName(cell.status) + u'(' + cell.reason + u')');
    for (const Hint& hint : detectRun(run))
        lines.append(hint.kind + u' ' + severityName(hint.severity) + u' ' + hint.msg + u' '
            + QString::fromUtf8(QJsonDocument(hint.why).toJson(QJsonDocument::Compact)));
    return lines;
}

QList<std::pair<QString, QString>> allFixtureInputs()
{
    return {
        { QStringLiteral("happy timeline"), QStringLiteral("upstream/happy-path/data/diagnostics") },
        { QStringLiteral("sparse timeline"), QStringLiteral("upstream/sparse-disabled/data/diagnostics") },
        { QStringLiteral("error timeline"), QStringLiteral("upstream/error-embed/data/diagnostics") },
        { QStringLiteral("happy pack"),
            QStringLiteral("upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                           "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560451.zip") },
        { QStringLiteral("happy CLI pack"),
            QStringLiteral("upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                           "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560452.zip") },
        { QStringLiteral("sparse pack"),
            QStringLiteral("upstream/sparse-disabled/data/diagnostics/runpacks/sess-sparse-disabled/"
                           "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip") },
        { QStringLiteral("error pack"),
            QStringLiteral("upstream/error-embed/data/diagnostics/runpacks/sess-embed-error/"
                           "runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip") },
        { QStringLiteral("sparse seed pack"),
            QStringLiteral(
                "seed-layout/runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560553.zip") },
        { QStringLiteral("error seed pack"),
            QStringLiteral("seed-layout/runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560554.zip") },
    };
}

PackMembers build(const Source& source, const PackOptions& options)
{
    PackMembers members;
    QString error;
    if (!buildPack(source, options, upstreamHintsProvider(), hintsProvider(), &members, &error))
        qFatal("buildPack failed: %s", qPrintable(error));
    return members;
}

QString writeTemp(const QTemporaryDir& dir, const QString& name, const PackMembers& members)
{
    const QString path = dir.filePath(name);
    QString error;
    if (!writePack(path, members, QString(), true, &error))
        qFatal("writePack failed: %s", qPrintable(error));
    return path;
}

} // namespace

class TestPack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("layout");
        for (const auto& [name, path] : allFixtureInputs()) {
            for (const char* layout : { "upstream", "seed" })
                QTest::addRow("%s, %s layout", qPrintable(name), layout) << path << QString::fromLatin1(layout);
        }
    }

    void roundTrip()
    {
        QFETCH(QString, input);
        QFETCH(QString, layout);
        const SourcePtr source = readSource(fixture(input));
        QVERIFY(source->ok());
        QTemporaryDir dir;
        for (const RunPtr& run : source->runs) {
            PackOptions options;
            options.sessionId = run->sessionId;
            options.runId = run->runId;
            options.layout =
                layout == QLatin1String("seed") ? PackOptions::Layout::Seed : PackOptions::Layout::Upstream;
            const QString path = writeTemp(dir, run->runId + QLatin1String(".zip"), build(*source, options));
            const SourcePtr again = readSource(path);
            QVERIFY2(again->ok(), qPrintable(again->fatalError));
            QCOMPARE(layoutName(again->layout), layout);
            QCOMPARE(again->runs.size(), size_t(1));
            QCOMPARE(facts(*again->runs.front()), facts(*run));
            for (const Diagnostic& problem : again->problems)
                QVERIFY2(problem.severity != Diagnostic::Severity::Error, qPrintable(problem.toString()));
        }
    }

    void upstreamMembersMatchUpstreamBytes()
    {
        // Regenerating an upstream pack reproduces upstream's own members byte for byte.
        const QString input = allFixtureInputs()[5].second;
        const SourcePtr source = readSource(fixture(input));
        PackOptions options { QStringLiteral("sess-sparse-disabled"),
            QStringLiteral("1005703141094392a91da2aac8143ee6"), QStringLiteral("inprocess.demo"),
            PackOptions::Layout::Upstream, false };
        const PackMembers members = build(*source, options);
        QStringList names;
        for (const auto& [name, bytes] : members) {
            names.append(name);
            if (name == QLatin1String("run_report.json"))
                continue; // ours: stages, ops_coverage and hints of Runlens
            QCOMPARE(bytes, source->member(name)->bytes);
        }
        QCOMPARE(names,
            (QStringList { QStringLiteral("meta.json"), QStringLiteral("timeline_report.json"),
                QStringLiteral("timeline_events.jsonl"), QStringLiteral("run_report.json"),
                QStringLiteral("budgets.json"), QStringLiteral("context.json") }));
    }

    void deterministic()
    {
        const SourcePtr source = readSource(fixture(allFixtureInputs()[0].second));
        PackOptions options { QStringLiteral("sess-happy-01"), {}, {}, PackOptions::Layout::Upstream, true };
        QByteArray a, b;
        QString error;
        QVERIFY(ZipArchive::writeToBuffer(&a, build(*source, options), &error));
        QVERIFY(
            ZipArchive::writeToBuffer(&b, build(*readSource(fixture(allFixtureInputs()[0].second)), options), &error));
        QCOMPARE(a, b);
        QCOMPARE(packFileName(*source, options), QStringLiteral("runpack_sess-happy-01_latest_1795560451.zip"));
    }

    void seedLogsTravel()
    {
        // The seed plan's logs/*.log go into a seed-layout pack as they were, between context.json and
        // meta.json as the seed plan orders them; the upstream layout has no logs.
        const SourcePtr source = readSource(fixture(allFixtureInputs()[8].second)); // error seed pack: two logs
        PackOptions options { QStringLiteral("sess-embed-error"), QStringLiteral("5ee711da351a4c29a57daa1e8fee8c7e"),
            {}, PackOptions::Layout::Seed, false };
        QStringList names;
        for (const auto& [name, bytes] : build(*source, options)) {
            names.append(name);
            if (name.startsWith(QLatin1String("logs/")))
                QCOMPARE(bytes, source->member(name)->bytes);
        }
        QCOMPARE(names,
            (QStringList { QStringLiteral("budgets.json"), QStringLiteral("context.json"),
                QStringLiteral("logs/codeintel_rev.log"), QStringLiteral("logs/vllm_client.log"),
                QStringLiteral("meta.json"), QStringLiteral("report.json") }));
        options.layout = PackOptions::Layout::Upstream;
        for (const auto& [name, bytes] : build(*source, options))
            QVERIFY2(!name.startsWith(QLatin1String("logs/")), qPrintable(name));
    }

    void wholeSession()
    {
        // Without --run, a pack covers every run of the session and has no run report (as upstream's CLI).
        const SourcePtr source = readSource(fixture(allFixtureInputs()[0].second));
        PackOptions options { QStringLiteral("sess-happy-01"), {}, {}, PackOptions::Layout::Upstream, false };
        QTemporaryDir dir;
        const SourcePtr again = readSource(writeTemp(dir, QStringLiteral("latest.zip"), build(*source, options)));
        QCOMPARE(again->runs.size(), size_t(2));
        QVERIFY(!again->member(QStringLiteral("run_report.json")));
        QCOMPARE(again->meta.value(QLatin1String("run_id")), QJsonValue(QJsonValue::Null));
        QCOMPARE(
            facts(*again->runs[1]), facts(*source->findRun({}, QStringLiteral("b631c87847bb46a4a1823ea76d9a9113"))));
    }

    void redaction_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::addRow("upstream") << QStringLiteral("upstream");
        QTest::addRow("seed") << QStringLiteral("seed");
    }

    void redaction()
    {
        QFETCH(QString, layout);
        const SourcePtr source = readSource(fixture(allFixtureInputs()[6].second)); // error pack: URLs, paths
        PackOptions options { QStringLiteral("sess-embed-error"), QStringLiteral("5ee711da351a4c29a57daa1e8fee8c7e"),
            {}, layout == QLatin1String("seed") ? PackOptions::Layout::Seed : PackOptions::Layout::Upstream, true };
        const PackMembers members = build(*source, options);
        QByteArray all;
        QJsonArray manifest;
        for (const auto& [name, bytes] : members) {
            all += bytes;
            if (name == QLatin1String("redactions.json"))
                manifest = QJsonDocument::fromJson(bytes).array();
        }
        QVERIFY(!manifest.isEmpty());
        // No original value survives, in any member.
        for (const char* secret : { "127.0.0.1", "/tmp/ci/", "where is", "http://127" })
            QVERIFY2(!all.contains(secret), secret);
        QStringList categories;
        for (const QJsonValue& entry : manifest) {
            const QJsonObject e = entry.toObject();
            categories.append(e.value(QLatin1String("category")).toString());
            QVERIFY(e.value(QLatin1String("placeholder")).toString().startsWith(QLatin1String("<redacted:")));
            QVERIFY(!e.value(QLatin1String("members")).toArray().isEmpty());
            QCOMPARE(e.keys(),
                (QStringList { QStringLiteral("category"), QStringLiteral("members"), QStringLiteral("placeholder") }));
        }
        QVERIFY(categories.contains(QStringLiteral("host")));
        QVERIFY(categories.contains(QStringLiteral("path")));
        // A redacted pack still reads, with the same statuses and stages.
        QTemporaryDir dir;
        const SourcePtr again = readSource(writeTemp(dir, QStringLiteral("r.zip"), members));
        QCOMPARE(again->runs.front()->status, RunStatus::Error);
        QCOMPARE(again->runs.front()->stage(QStringLiteral("embed"))->status, CellStatus::Failed);
    }

    void secretsAndStablePlaceholders()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("t.jsonl")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"ts":1.0,"type":"step.start","name":"x","status":"ok","session_id":"s","run_id":"r","attrs":{"api_token":"abc123","path":"/home/alice/repo/a.py","other":"/home/alice/repo/a.py","url":"https://internal.example.com:8443/v1"}})"
            "\n");
        file.close();
        const SourcePtr source = readSource(file.fileName());
        const PackMembers members = build(
            *source, PackOptions { QStringLiteral("s"), QStringLiteral("r"), {}, PackOptions::Layout::Upstream, true });
        QByteArray events;
        for (const auto& [name, bytes] : members) {
            if (name == QLatin1String("timeline_events.jsonl"))
                events = bytes;
        }
        QVERIFY(!events.contains("abc123"));
        QVERIFY(!events.contains("alice"));
        QVERIFY(!events.contains("internal.example.com"));
        QVERIFY(events.contains("\"api_token\": \"<redacted:secret:1>\""));
        // The same path under two keys gets the same placeholder.
        QCOMPARE(events.count("<redacted:path:1>"), 2);
        QVERIFY(events.contains("https://<redacted:host:1>/v1"));
    }

    void refusesToOverwrite()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("in.zip"));
        QVERIFY(QFile::copy(fixture(allFixtureInputs()[5].second), input));
        const QByteArray before = [&] {
            QFile f(input);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        const SourcePtr source = readSource(input);
        const PackMembers members = build(
            *source, PackOptions { QStringLiteral("sess-sparse-disabled"), {}, {}, PackOptions::Layout::Seed, false });
        QString error;
        QVERIFY(!writePack(input, members, input, true, &error)); // never the input, even with --force
        QVERIFY(error.contains(QLatin1String("input")));
        const QString out = dir.filePath(QStringLiteral("out.zip"));
        QVERIFY(writePack(out, members, input, false, &error));
        QVERIFY(!writePack(out, members, input, false, &error)); // exists, no --force
        QVERIFY(writePack(out, members, input, true, &error));
        QFile f(input);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }

    void pythonReadsTheUpstreamPack()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QVERIFY2(!python.isEmpty(), "python3 is part of the build dependencies");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("p.zip"));
        QProcess cli;
        cli.start(QStringLiteral(RUNLENS_CLI),
            { QStringLiteral("pack"), fixture(allFixtureInputs()[1].second), QStringLiteral("--session"),
                QStringLiteral("sess-sparse-disabled"), QStringLiteral("--run"),
                QStringLiteral("1005703141094392a91da2aac8143ee6"), QStringLiteral("-o"), out });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        QProcess py;
        py.start(python,
            { QStringLiteral("-c"), QStringLiteral(R"(
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = z.namelist()
for n in names:
    data = z.read(n)
    if n.endswith('.json'):
        json.loads(data)
    elif n.endswith('.jsonl'):
        assert not data.endswith(b'\n')
        [json.loads(l) for l in data.decode('utf-8').split('\n')]
meta = json.loads(z.read('meta.json'))
assert meta['schema'] == 'codeintel/runpack@v1', meta
report = json.loads(z.read('run_report.json'))
assert [h['kind'] for h in report['hints']] == ['config:sparse-disabled'], report['hints']
print(','.join(names))
)"),
                out });
        QVERIFY(py.waitForFinished(60000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        QCOMPARE(py.readAllStandardOutput().trimmed(),
            QByteArray("meta.json,timeline_report.json,timeline_events.jsonl,run_report.json,budgets.json"));
    }
};

QTEST_GUILESS_MAIN(TestPack)
#include "tst_pack.moc"
