// SPDX-License-Identifier: MIT
// Regenerated packs: round trip for every fixture run and both layouts, determinism, redaction
// (a corpus of planted secrets, site by site, through the real runlens-cli), and refusal to overwrite.
#include "clitest.h"
#include "hintreport.h"
#include "outputfile.h"
#include "packbuilder.h"
#include "plantedsecrets.h"
#include "source.h"
#include "sourcereader.h"
#include "ziparchive.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Runlens;

namespace {

using Test::fixture;

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
    if (!buildPack(source, options, &members, &error))
        qFatal("buildPack failed: %s", qPrintable(error));
    return members;
}

QString writeTemp(const QTemporaryDir& dir, const QString& name, const PackMembers& members)
{
    QString path = dir.filePath(name); // not const: returned, so moved
    QByteArray zip;
    QString error;
    if (!ZipArchive::writeToBuffer(&zip, members, &error)
        || !writeOutputFile(path, zip, OutputRules { {}, true }, &error))
        qFatal("writing the pack failed: %s", qPrintable(error));
    return path;
}

// The redacted text, its placeholders read as wildcards, matches the original: redaction replaced
// parts of it and kept the rest as it was. The quotes around a placeholder go with it, since in
// compact JSON (a hint's why) a secret number or object became a string.
bool matchesWithPlaceholders(const QString& redacted, const QString& original)
{
    static const QRegularExpression placeholder(QStringLiteral("\"?<redacted:[a-z]+:\\d+>\"?"));
    QString pattern;
    qsizetype at = 0;
    for (auto it = placeholder.globalMatch(redacted); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        pattern += QRegularExpression::escape(redacted.mid(at, m.capturedStart() - at)) + QStringLiteral("(.+?)");
        at = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(redacted.mid(at));
    const QRegularExpression re(
        QRegularExpression::anchoredPattern(pattern), QRegularExpression::DotMatchesEverythingOption);
    return re.match(original).hasMatch();
}

bool isPlanted(const QJsonValue& value)
{
    const QByteArray text = value.isString() ? value.toString().toUtf8() : QJsonDocument(QJsonArray { value }).toJson();
    return !Test::Planted::found(text).isEmpty();
}

// A redacted JSON value against the unredacted one: the same structure, the same keys, numbers and
// flags; strings equal or equal around their placeholders; a value of another type replaced only
// under a key that names a secret; names, types, stages and statuses never redacted unless planted.
QString compareTrees(const QJsonValue& original, const QJsonValue& redacted, const QString& key, const QString& where)
{
    static const QStringList neverRedacted = { QStringLiteral("type"), QStringLiteral("name"), QStringLiteral("stage"),
        QStringLiteral("status"), QStringLiteral("kind"), QStringLiteral("level"), QStringLiteral("logger"),
        QStringLiteral("session_id"), QStringLiteral("run_id"), QStringLiteral("schema"), QStringLiteral("category") };
    const QString here = where + u'/' + key;
    if (redacted.isString() && redacted.toString().contains(QLatin1String("<redacted:"))) {
        if (neverRedacted.contains(key) && !isPlanted(original))
            return here + QStringLiteral(": redacted a non-secret ") + original.toString();
        if (original.isString())
            return matchesWithPlaceholders(redacted.toString(), original.toString())
                ? QString()
                : here + QStringLiteral(": ") + redacted.toString() + QStringLiteral(" is not ") + original.toString();
        return Test::Planted::secretKeys().contains(key) ? QString()
                                                         : here + QStringLiteral(": a non-secret value was replaced");
    }
    if (original.type() != redacted.type())
        return here + QStringLiteral(": type changed");
    if (original.isObject()) {
        const QJsonObject o = original.toObject();
        const QJsonObject r = redacted.toObject();
        if (o.size() != r.size())
            return here + QStringLiteral(": members differ");
        for (auto it = o.begin(); it != o.end(); ++it) {
            QString redactedKey = it.key();
            if (!r.contains(redactedKey)) {
                // Only a planted key is redacted, to a key that matches it around its placeholders.
                const QStringList keys = r.keys();
                const auto match = std::find_if(keys.begin(), keys.end(),
                    [&](const QString& k) { return !o.contains(k) && matchesWithPlaceholders(k, it.key()); });
                if (!isPlanted(QJsonValue(it.key())) || match == keys.end())
                    return here + QStringLiteral(": key ") + it.key() + QStringLiteral(" lost");
                redactedKey = *match;
            }
            if (QString bad = compareTrees(it.value(), r.value(redactedKey), it.key(), here); !bad.isEmpty())
                return bad;
        }
        return {};
    }
    if (original.isArray()) {
        const QJsonArray o = original.toArray();
        const QJsonArray r = redacted.toArray();
        if (o.size() != r.size())
            return here + QStringLiteral(": array length changed");
        for (qsizetype i = 0; i < o.size(); ++i) {
            if (QString bad = compareTrees(o[i], r[i], key, where); !bad.isEmpty())
                return bad;
        }
        return {};
    }
    return original == redacted ? QString() : here + QStringLiteral(": value changed");
}

QJsonValue parsed(const QByteArray& bytes, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        *error = parseError.errorString();
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

// Every member of the redacted pack against the unredacted one: the same members (plus
// redactions.json; a log whose name is not plain renamed), valid JSON, one JSON object per timeline
// line, and compareTrees() on each document and line.
QString compareMembers(const Test::Planted::Members& plain, const Test::Planted::Members& redacted)
{
    static const QRegularExpression plainLogName(QStringLiteral("^logs/[A-Za-z0-9_-]+\\.log$"));
    QStringList expectedNames;
    int log = 0;
    for (const auto& [name, bytes] : plain) {
        const bool isLog = name.startsWith(QLatin1String("logs/"));
        log += isLog ? 1 : 0;
        expectedNames.append(
            isLog && !plainLogName.match(name).hasMatch() ? QStringLiteral("logs/redacted-%1.log").arg(log) : name);
    }
    expectedNames.append(QStringLiteral("redactions.json"));
    QStringList names;
    for (const auto& [name, bytes] : redacted)
        names.append(name);
    if (names != expectedNames)
        return QStringLiteral("members ") + names.join(u' ') + QStringLiteral(" instead of ")
            + expectedNames.join(u' ');
    for (qsizetype i = 0; i < plain.size(); ++i) {
        const QString& name = redacted[i].first;
        const bool lines = name.endsWith(QLatin1String(".jsonl")) || name.endsWith(QLatin1String(".log"));
        const QList<QByteArray> a = lines ? plain[i].second.split('\n') : QList<QByteArray> { plain[i].second };
        const QList<QByteArray> b = lines ? redacted[i].second.split('\n') : QList<QByteArray> { redacted[i].second };
        if (a.size() != b.size())
            return name + QStringLiteral(": line count changed");
        for (qsizetype line = 0; line < a.size(); ++line) {
            const QString where = name + u':' + QString::number(line + 1);
            QString error;
            const QJsonValue original = parsed(a[line], &error);
            if (!error.isEmpty()) {
                // Plain text in a log: compared as text.
                if (!name.endsWith(QLatin1String(".log")))
                    return where + QStringLiteral(": the unredacted member is not JSON");
                if (!matchesWithPlaceholders(QString::fromUtf8(b[line]), QString::fromUtf8(a[line])))
                    return where + QStringLiteral(": text changed beyond its placeholders");
                continue;
            }
            const QJsonValue value = parsed(b[line], &error);
            if (!error.isEmpty())
                return where + QStringLiteral(": not valid JSON after redaction: ") + error;
            if (lines && !value.isObject())
                return where + QStringLiteral(": not one JSON object per line");
            if (QString bad = compareTrees(original, value, QString(), where); !bad.isEmpty())
                return bad;
        }
    }
    // redactions.json: [{placeholder, category, members}], every member one of the pack's.
    QString error;
    const QJsonValue manifest = parsed(redacted.back().second, &error);
    if (!error.isEmpty() || !manifest.isArray())
        return QStringLiteral("redactions.json: not a list of redactions");
    static const QRegularExpression placeholder(QStringLiteral("^<redacted:([a-z]+):[1-9]\\d*>$"));
    for (const QJsonValue& entry : manifest.toArray()) {
        const QJsonObject e = entry.toObject();
        const QRegularExpressionMatch m = placeholder.match(e.value(QLatin1String("placeholder")).toString());
        if (e.keys()
                != QStringList { QStringLiteral("category"), QStringLiteral("members"), QStringLiteral("placeholder") }
            || !m.hasMatch() || m.captured(1) != e.value(QLatin1String("category")).toString()
            || e.value(QLatin1String("members")).toArray().isEmpty())
            return QStringLiteral("redactions.json: bad entry ")
                + QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact));
        for (const QJsonValue& member : e.value(QLatin1String("members")).toArray()) {
            if (!names.contains(member.toString()))
                return QStringLiteral("redactions.json: unknown member ") + member.toString();
        }
    }
    return {};
}

} // namespace

class tst_Pack : public QObject
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
            PackOptions::Layout::Upstream, false, {} };
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
        PackOptions options { QStringLiteral("sess-happy-01"), {}, {}, PackOptions::Layout::Upstream, true, {} };
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
            {}, PackOptions::Layout::Seed, false, {} };
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
        PackOptions options { QStringLiteral("sess-happy-01"), {}, {}, PackOptions::Layout::Upstream, false, {} };
        QTemporaryDir dir;
        const SourcePtr again = readSource(writeTemp(dir, QStringLiteral("latest.zip"), build(*source, options)));
        QCOMPARE(again->runs.size(), size_t(2));
        QVERIFY(!again->member(QStringLiteral("run_report.json")));
        QCOMPARE(again->meta.value(QLatin1String("run_id")), QJsonValue(QJsonValue::Null));
        QCOMPARE(
            facts(*again->runs[1]), facts(*source->findRun({}, QStringLiteral("b631c87847bb46a4a1823ea76d9a9113"))));
    }

    void redactedRoundTrip_data() { roundTrip_data(); }

    void redactedRoundTrip()
    {
        // Every fixture run, redacted: the same members and structure around the placeholders, and
        // the same stage grid, statuses and hints but for redacted texts.
        QFETCH(QString, input);
        QFETCH(QString, layout);
        const SourcePtr source = readSource(fixture(input));
        QTemporaryDir dir;
        for (const RunPtr& run : source->runs) {
            PackOptions options;
            options.sessionId = run->sessionId;
            options.runId = run->runId;
            options.layout =
                layout == QLatin1String("seed") ? PackOptions::Layout::Seed : PackOptions::Layout::Upstream;
            const PackMembers plain = build(*source, options);
            options.redact = true;
            const PackMembers redacted = build(*source, options);
            const QString bad = compareMembers(plain, redacted);
            QVERIFY2(bad.isEmpty(), qPrintable(bad));
            const SourcePtr a = readSource(writeTemp(dir, QStringLiteral("plain.zip"), plain));
            const SourcePtr b = readSource(writeTemp(dir, QStringLiteral("redacted.zip"), redacted));
            QCOMPARE(b->runs.size(), size_t(1));
            const QStringList original = facts(*a->runs.front());
            const QStringList redactedFacts = facts(*b->runs.front());
            QCOMPARE(redactedFacts.size(), original.size());
            for (qsizetype line = 0; line < original.size(); ++line)
                QVERIFY2(matchesWithPlaceholders(redactedFacts[line], original[line]), qPrintable(redactedFacts[line]));
        }
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
            {}, layout == QLatin1String("seed") ? PackOptions::Layout::Seed : PackOptions::Layout::Upstream, true, {} };
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
        const PackMembers members = build(*source,
            PackOptions { QStringLiteral("s"), QStringLiteral("r"), {}, PackOptions::Layout::Upstream, true, {} });
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

    void redactionHolds_data()
    {
        // A row per site: the corpus planted in one member or field of a pack (or timeline), then
        // regenerated through the real runlens-cli in both layouts, with and without --redact.
        // `carried` says whether the site reaches a regenerated pack at all; one that does not
        // (the pointer and latest report, which Runlens does not regenerate) must reach neither.
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("sites");
        QTest::addColumn<bool>("carried");
        for (const QString& site : Test::Planted::upstreamSites())
            QTest::addRow("upstream pack, %s", qPrintable(site)) << QStringLiteral(
                "upstream") << QStringList { site } << (site != QLatin1String("latest_report_pointer.json"));
        QTest::addRow("upstream pack, every site at once")
            << QStringLiteral("upstream") << Test::Planted::upstreamSites() << true;
        QTest::addRow("error pack, failed steps' messages and stop_reason")
            << QStringLiteral("error") << QStringList { QStringLiteral("failed steps' messages and stop_reason") }
            << true;
        for (const QString& site : Test::Planted::seedSites())
            QTest::addRow("%s", qPrintable(site)) << QStringLiteral("seed") << QStringList { site }
                                                  << (site != QLatin1String("seed latest_run_report.json"));
        QTest::addRow("seed pack, every site at once") << QStringLiteral("seed") << Test::Planted::seedSites() << true;
        QTest::addRow("timeline file, message, attrs and a path-named event")
            << QStringLiteral("timeline") << QStringList() << true;
    }

    void redactionHolds()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, sites);
        QFETCH(bool, carried);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("in.zip"));
        QString session = QStringLiteral("sess-happy-01");
        QString run = QStringLiteral("f7fe85bab97843aab788eef0bcbc1465");
        if (input == QLatin1String("timeline")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("diagnostics")));
            path = Test::Planted::plantedTimeline(
                fixture(allFixtureInputs()[0].second + QStringLiteral("/events-20261124.jsonl")), run,
                dir.filePath(QStringLiteral("diagnostics")));
        } else {
            const bool seed = input == QLatin1String("seed");
            const int pack = seed ? 8 : input == QLatin1String("error") ? 6 : 3;
            Test::Planted::Members members = Test::Planted::readZip(fixture(allFixtureInputs()[pack].second));
            for (const QString& site : sites)
                seed ? Test::Planted::plantSeed(members, site) : Test::Planted::plantUpstream(members, site);
            QString error;
            QVERIFY2(ZipArchive::write(path, members, &error), qPrintable(error));
            if (pack != 3) {
                session = QStringLiteral("sess-embed-error");
                run = QStringLiteral("5ee711da351a4c29a57daa1e8fee8c7e");
            }
        }
        const bool reason = sites.contains(QStringLiteral("meta.json reason"))
            || sites.contains(QStringLiteral("seed meta.json reason"));

        QStringList reached; // planted needles found in the unredacted packs
        for (const QString& layout : { QStringLiteral("upstream"), QStringLiteral("seed") }) {
            QStringList arguments = { QStringLiteral("pack"), path, QStringLiteral("--session"), session,
                QStringLiteral("--run"), run, QStringLiteral("--layout"), layout, QStringLiteral("--force") };
            if (reason)
                arguments << QStringLiteral("--reason") << Test::Planted::text();
            const QString plainOut = dir.filePath(layout + QStringLiteral("-plain.zip"));
            const QString redactedOut = dir.filePath(layout + QStringLiteral("-redacted.zip"));
            for (const auto& [out, redact] : { std::pair { plainOut, false }, std::pair { redactedOut, true } }) {
                const Test::Result result = Test::cli(arguments + QStringList { QStringLiteral("-o"), out }
                    + (redact ? QStringList { QStringLiteral("--redact") } : QStringList()));
                QVERIFY2(result.exitCode == 0, result.err.constData());
            }
            const Test::Planted::Members plain = Test::Planted::readZip(plainOut);
            const Test::Planted::Members redacted = Test::Planted::readZip(redactedOut);

            // No planted secret survives in any member, its name, or redactions.json, in any spelling.
            for (const auto& [name, bytes] : redacted) {
                const QStringList hits = Test::Planted::found(name.toUtf8() + '\n' + bytes);
                QVERIFY2(hits.isEmpty(),
                    qPrintable(layout + QStringLiteral(" layout, ") + name + QStringLiteral(": ")
                        + hits.join(QStringLiteral(", "))));
            }
            for (const auto& [name, bytes] : plain)
                reached += Test::Planted::found(name.toUtf8() + '\n' + bytes);

            // The same members and structure, valid JSON, non-secrets as they were.
            const QString bad = compareMembers(plain, redacted);
            QVERIFY2(bad.isEmpty(), qPrintable(layout + QStringLiteral(" layout, ") + bad));

            // Stage grids, statuses and hints read back the same, but for the redacted texts.
            const SourcePtr a = readSource(plainOut);
            const SourcePtr b = readSource(redactedOut);
            QVERIFY2(a->ok() && b->ok(), qPrintable(b->fatalError));
            QCOMPARE(b->runs.size(), a->runs.size());
            for (size_t i = 0; i < a->runs.size(); ++i) {
                const QStringList original = facts(*a->runs[i]);
                const QStringList redactedFacts = facts(*b->runs[i]);
                QCOMPARE(redactedFacts.size(), original.size());
                for (qsizetype line = 0; line < original.size(); ++line) {
                    QVERIFY2(matchesWithPlaceholders(redactedFacts[line], original[line]),
                        qPrintable(redactedFacts[line] + QStringLiteral("\n is not\n") + original[line]));
                }
            }

            if (sites.size() > 1) {
                // The same input gives the same bytes.
                const QString again = dir.filePath(layout + QStringLiteral("-again.zip"));
                QCOMPARE(Test::cli(arguments + QStringList { QStringLiteral("-o"), again, QStringLiteral("--redact") })
                             .exitCode,
                    0);
                QFile first(redactedOut), second(again);
                QVERIFY(first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly));
                QCOMPARE(second.readAll(), first.readAll());
            }
        }
        reached.removeDuplicates();
        if (carried)
            QVERIFY2(!reached.isEmpty(), "the planted secrets never reach an unredacted pack: the row tests nothing");
        else
            QVERIFY2(reached.isEmpty(), qPrintable(reached.join(QStringLiteral(", "))));
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
        const PackMembers members = build(*source,
            PackOptions { QStringLiteral("sess-sparse-disabled"), {}, {}, PackOptions::Layout::Seed, false, {} });
        QByteArray zip;
        QString error;
        QVERIFY(ZipArchive::writeToBuffer(&zip, members, &error));
        QVERIFY(!writeOutputFile(input, zip, { source->inputFiles, true }, &error)); // never the input, even forced
        QVERIFY(error.contains(QLatin1String("an input")));
        const QString out = dir.filePath(QStringLiteral("out.zip"));
        QVERIFY(writeOutputFile(out, zip, { source->inputFiles, false }, &error));
        QVERIFY(!writeOutputFile(out, zip, { source->inputFiles, false }, &error)); // exists, no --force
        QVERIFY(writeOutputFile(out, zip, { source->inputFiles, true }, &error));
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

QTEST_GUILESS_MAIN(tst_Pack)
#include "tst_pack.moc"
