// SPDX-License-Identifier: MIT
// The fixtures give exactly the hints fixtures/README.md expects, and Runlens's computed upstream
// hints equal the hints upstream stored in each pack and API report.
#include "derivedinputs.h"
#include "engine.h"
#include "hostileinput.h"
#include "runfixture.h"
#include "source.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

struct Simple
{
    QString kind, msg;
    QJsonObject why;
    bool operator==(const Simple& o) const { return kind == o.kind && msg == o.msg && why == o.why; }
};

QList<Simple> computedUpstream(const Run& run)
{
    QList<Simple> result;
    for (const Rule& rule : upstreamRules()) {
        for (const Hint& hint : rule.evaluate(run, {}).hints)
            result.append({ hint.kind, hint.msg, hint.why });
    }
    return result;
}

QList<Simple> fromJson(const QJsonArray& hints)
{
    QList<Simple> result;
    for (const QJsonValue& value : hints) {
        const QJsonObject o = value.toObject();
        result.append({ o.value(QLatin1String("kind")).toString(), o.value(QLatin1String("msg")).toString(),
            o.value(QLatin1String("why")).toObject() });
    }
    return result;
}

const QString kGapMessage = QStringLiteral("Results were fused but never hydrated: check DuckDB/catalog availability.");

// What a run report stores for a run whose checkpoints are `names` ("!" marks a failed one): the
// checkpoints, upstream's ops_coverage of them (fuse true, hydrate false) and its gap:hydrate hint.
RunExtras storedGapHydrate(const QStringList& names)
{
    RunExtras extras;
    extras.hasReport = true;
    std::vector<Checkpoint> checkpoints;
    for (const QString& name : names) {
        const bool ok = !name.endsWith(u'!');
        Checkpoint checkpoint;
        checkpoint.name = ok ? name : name.chopped(1);
        checkpoint.ok = ok;
        checkpoint.reason = ok ? QString() : QStringLiteral("boom");
        checkpoints.push_back(checkpoint);
    }
    extras.checkpoints = checkpoints;
    OpsCoverage coverage;
    coverage.stored = true;
    coverage.values = { true, true, true, true, true, false };
    extras.opsCoverage = coverage;
    extras.hints = std::vector<StoredHint> { { QStringLiteral("gap:hydrate"), kGapMessage,
        QJsonObject { { QStringLiteral("ops_coverage"), coverage.toJson() } } } };
    return extras;
}

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestFixtureHints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upstreamKinds_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("runId");
        QTest::addColumn<QStringList>("expected");
        const QStringList none;
        const QStringList sparse { QStringLiteral("config:sparse-disabled") };
        const QString happyPacks = QStringLiteral("upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/");
        QTest::addRow("happy timeline run 1")
            << QStringLiteral("upstream/happy-path/data/diagnostics") << kHappyRun << none;
        QTest::addRow("happy timeline run 2") << QStringLiteral("upstream/happy-path/data/diagnostics")
                                              << QStringLiteral("b631c87847bb46a4a1823ea76d9a9113") << none;
        QTest::addRow("happy timeline run 3") << QStringLiteral("upstream/happy-path/data/diagnostics")
                                              << QStringLiteral("e7bff87e7dc54b15bd34a296c30170d9") << none;
        QTest::addRow("happy in-process pack")
            << happyPacks + QStringLiteral("runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560451.zip")
            << kHappyRun << none;
        QTest::addRow("happy CLI pack") << happyPacks
                + QStringLiteral("runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560452.zip")
                                        << kHappyRun << none;
        QTest::addRow("sparse-disabled timeline")
            << QStringLiteral("upstream/sparse-disabled/data/diagnostics") << kSparseRun << sparse;
        QTest::addRow("sparse-disabled pack")
            << QStringLiteral("upstream/sparse-disabled/data/diagnostics/runpacks/sess-sparse-disabled/"
                              "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip")
            << kSparseRun << sparse;
        QTest::addRow("sparse-disabled seed pack") << QStringLiteral(
            "seed-layout/runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560553.zip")
                                                   << kSparseRun << sparse;
        QTest::addRow("error-embed timeline")
            << QStringLiteral("upstream/error-embed/data/diagnostics") << kErrorRun << none;
        QTest::addRow("error-embed pack")
            << QStringLiteral("upstream/error-embed/data/diagnostics/runpacks/sess-embed-error/"
                              "runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip")
            << kErrorRun << none;
        QTest::addRow("error-embed seed pack")
            << QStringLiteral("seed-layout/runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560554.zip")
            << kErrorRun << none;
    }

    void upstreamKinds()
    {
        QFETCH(QString, path);
        QFETCH(QString, runId);
        QFETCH(QStringList, expected);
        const SourcePtr source = readSource(fixture(path));
        QVERIFY2(source->ok(), qPrintable(source->fatalError));
        const RunPtr run = source->findRun({}, runId);
        QVERIFY(run);
        // Shown hints (stored where the pack has them, computed otherwise) ...
        QStringList shown;
        for (const Hint& hint : detectRun(*run)) {
            if (findRule(hint.kind) && findRule(hint.kind)->upstream)
                shown.append(hint.kind);
        }
        QCOMPARE(shown, expected);
        // ... and the computed ones agree with them whatever the input.
        QStringList computed;
        for (const Simple& hint : computedUpstream(*run))
            computed.append(hint.kind);
        QCOMPARE(computed, expected);
    }

    void computedEqualsStored_data()
    {
        QTest::addColumn<QString>("pack");
        QTest::addColumn<QString>("timeline");
        QTest::addColumn<QString>("apiReport");
        QTest::addColumn<QString>("runId");
        QTest::addRow("happy-path") << QStringLiteral(
            "upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
            "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560451.zip")
                                    << QStringLiteral("upstream/happy-path/data/diagnostics")
                                    << QStringLiteral("upstream/happy-path/api/run1.reports_endpoint.json")
                                    << kHappyRun;
        QTest::addRow("sparse-disabled") << QStringLiteral(
            "upstream/sparse-disabled/data/diagnostics/runpacks/sess-sparse-disabled/"
            "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip")
                                         << QStringLiteral("upstream/sparse-disabled/data/diagnostics")
                                         << QStringLiteral("upstream/sparse-disabled/api/run.reports_endpoint.json")
                                         << kSparseRun;
        QTest::addRow("error-embed") << QStringLiteral(
            "upstream/error-embed/data/diagnostics/runpacks/sess-embed-error/"
            "runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip")
                                     << QStringLiteral("upstream/error-embed/data/diagnostics")
                                     << QStringLiteral("upstream/error-embed/api/run.reports_endpoint.json")
                                     << kErrorRun;
    }

    void computedEqualsStored()
    {
        QFETCH(QString, pack);
        QFETCH(QString, timeline);
        QFETCH(QString, apiReport);
        QFETCH(QString, runId);
        const RunPtr packRun = readSource(fixture(pack))->findRun({}, runId);
        const RunPtr timelineRun = readSource(fixture(timeline))->findRun({}, runId);
        QVERIFY(packRun && timelineRun);
        QVERIFY(packRun->hasStoredHints);
        QList<Simple> stored;
        for (const StoredHint& h : packRun->storedHints)
            stored.append({ h.kind, h.msg, h.why });
        const QJsonObject api = readJson(fixture(apiReport));
        QVERIFY(api.contains(QLatin1String("hints")));
        QCOMPARE(fromJson(api.value(QLatin1String("hints")).toArray()), stored);
        QCOMPARE(computedUpstream(*packRun), stored);
        QCOMPARE(computedUpstream(*timelineRun), stored); // timeline-only input, derived stages
    }

    void seedAndUpstreamPacksAgree_data()
    {
        QTest::addColumn<QString>("seed");
        QTest::addColumn<QString>("upstream");
        QTest::addRow("sparse-disabled")
            << QStringLiteral(
                   "seed-layout/runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560553.zip")
            << QStringLiteral("upstream/sparse-disabled/data/diagnostics/runpacks/sess-sparse-disabled/"
                              "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip");
        QTest::addRow("error-embed") << QStringLiteral(
            "seed-layout/runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560554.zip")
                                     << QStringLiteral(
                                            "upstream/error-embed/data/diagnostics/runpacks/sess-embed-error/"
                                            "runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip");
    }

    void seedAndUpstreamPacksAgree()
    {
        QFETCH(QString, seed);
        QFETCH(QString, upstream);
        const SourcePtr a = readSource(fixture(seed));
        const SourcePtr b = readSource(fixture(upstream));
        QCOMPARE(a->runs.size(), size_t(1));
        QCOMPARE(b->runs.size(), size_t(1));
        auto summary = [](const Run& run) {
            QStringList lines;
            for (const Hint& hint : detectRun(run))
                lines.append(hint.kind + u' ' + severityName(hint.severity) + u' ' + hint.msg);
            return lines;
        };
        QCOMPARE(summary(*a->runs[0]), summary(*b->runs[0]));
        QVERIFY(!summary(*a->runs[0]).isEmpty());
    }

    // Stored hints are shown as stored, and disputed only when the run's own data disproves them (issue 13).
    void disputedStoredHints_data()
    {
        QTest::addColumn<QList<QByteArray>>("lines"); // the run's timeline lines, none for a report alone
        QTest::addColumn<QStringList>("checkpoints"); // as the run report stores them
        QTest::addColumn<QString>("disputed"); // "" when the stored gap:hydrate stands
        QTest::addColumn<QString>("evidence"); // "file:line" of its evidence when disputed
        const QStringList upToFuse = { QStringLiteral("search.embed"), QStringLiteral("search.faiss"),
            QStringLiteral("search.bm25"), QStringLiteral("search.splade"), QStringLiteral("retrieval.gather"),
            QStringLiteral("search.rrf_fuse"), QStringLiteral("retrieval.fuse") };
        const QString ignored = QStringLiteral("; upstream's ops_coverage ignores catalog.hydrate");
        QTest::addRow("plain semantic: catalog.hydrate ran")
            << plainSemanticLines() << upToFuse + QStringList { QStringLiteral("catalog.hydrate") }
            << QStringLiteral("catalog.hydrate ran (test.jsonl:51)") + ignored << QStringLiteral("test.jsonl:51");
        QTest::addRow("report alone: its catalog.hydrate checkpoint ok")
            << QList<QByteArray>() << upToFuse + QStringList { QStringLiteral("catalog.hydrate") }
            << QStringLiteral("catalog.hydrate ran (checkpoint catalog.hydrate ok (#8 of 8))") + ignored << QString();
        {
            // DuckDB failed inside catalog.hydrate: nothing was hydrated, so upstream's hint is not disproved.
            QList<QByteArray> lines = plainSemanticLines();
            for (QByteArray& line : lines) {
                if (line.contains(R"("type":"step.end","name":"catalog.hydrate")"))
                    line.replace(R"("status":"ok")", R"("status":"error","message":"IOException: lock")");
            }
            QTest::addRow("plain semantic: catalog.hydrate failed")
                << lines << upToFuse + QStringList { QStringLiteral("catalog.hydrate!") } << QString() << QString();
        }
        QTest::addRow("fused, never hydrated")
            << fixtureRunLines(kHappyFile, kHappyRun).mid(0, 44) << upToFuse << QString() << QString();
    }

    void disputedStoredHints()
    {
        QFETCH(QList<QByteArray>, lines);
        QFETCH(QStringList, checkpoints);
        QFETCH(QString, disputed);
        QFETCH(QString, evidence);
        QByteArray bytes;
        for (const QByteArray& line : lines)
            bytes += line + '\n';
        const RunExtras extras = storedGapHydrate(checkpoints);
        const RunPtr run = lines.isEmpty() ? buildRun(QStringLiteral("s"), QStringLiteral("r"), {}, {}, extras)
                                           : RunLines::buildFromBytes(bytes, extras);
        QVERIFY(run);
        const Hints hints = detectRun(*run);
        const auto gap = std::find_if(
            hints.begin(), hints.end(), [](const Hint& h) { return h.kind == QLatin1String("gap:hydrate"); });
        QVERIFY(gap != hints.end());
        QCOMPARE(gap->origin, Hint::Origin::Stored);
        QCOMPARE(gap->msg, kGapMessage); // shown as stored, whatever Runlens thinks of it
        QCOMPARE(gap->disputed, disputed);
        QCOMPARE(gap->isActive(), disputed.isEmpty());
        if (!evidence.isEmpty()) {
            QCOMPARE(gap->evidence.size(), size_t(1));
            QCOMPARE(gap->evidence[0].file + u':' + QString::number(gap->evidence[0].line), evidence);
        }
        // The rule Runlens computes agrees: it fires exactly when the stored hint stands.
        const Hints computed = findRule(QStringLiteral("gap:hydrate"))->evaluate(*run, {}).hints;
        QCOMPARE(computed.empty(), !disputed.isEmpty());
    }

    // The whole pack as upstream writes it for the plain adapter: the line is named inside the pack.
    void plainSemanticPackDisputesItsHint()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("runpack_plain.zip"));
        QVERIFY(writeFile(path, plainSemanticPack()));
        const SourcePtr source = readSource(path);
        QVERIFY2(source->ok(), qPrintable(source->fatalError));
        QCOMPARE(source->runs.size(), size_t(1));
        const Run& run = *source->runs[0];
        QVERIFY(run.opsCoverage.stored);
        QVERIFY(!run.opsCoverage.value("hydrate"));
        QCOMPARE(run.stage(QStringLiteral("hydrate"))->status, CellStatus::Ran);
        const Hints hints = detectRun(run);
        QCOMPARE(hints.size(), size_t(1));
        QCOMPARE(hints[0].kind, QStringLiteral("gap:hydrate"));
        QCOMPARE(hints[0].disputed,
            QStringLiteral("catalog.hydrate ran (timeline_events.jsonl:51); upstream's ops_coverage ignores "
                           "catalog.hydrate"));
        // The same run from its timeline alone: no hint, so pack and timeline agree on what counts.
        QByteArray bytes;
        for (const QByteArray& line : plainSemanticLines())
            bytes += line + '\n';
        const RunPtr timelineRun = RunLines::buildFromBytes(bytes);
        QVERIFY(!timelineRun->opsCoverage.value("hydrate"));
        QVERIFY(detectRun(*timelineRun).empty());
    }
};

QTEST_GUILESS_MAIN(TestFixtureHints)
#include "tst_fixturehints.moc"
