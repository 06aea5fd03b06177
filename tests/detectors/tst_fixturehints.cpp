// SPDX-License-Identifier: MIT
// The fixtures give exactly the hints fixtures/README.md expects, and Runlens's computed upstream
// hints equal the hints upstream stored in each pack and API report.
#include "engine.h"
#include "runfixture.h"
#include "source.h"

#include <QJsonArray>
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
};

QTEST_GUILESS_MAIN(TestFixtureHints)
#include "tst_fixturehints.moc"
