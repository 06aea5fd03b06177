// SPDX-License-Identifier: MIT
// Hints ranked by cause (issue 15): the hint naming the root cause, and the hints that only follow from it, on
// the fixtures and on runs derived from them.
#include "causeranking.h"
#include "engine.h"
#include "runfixture.h"
#include "source.h"
#include "sourcereader.h"

#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace Runlens;
using namespace Runlens::Test;

Q_DECLARE_METATYPE(RunMaker)

namespace {

QStringList kinds(const Hints& hints, const std::vector<int>& indices)
{
    QStringList result;
    for (int index : indices)
        result.append(hints[size_t(index)].kind);
    return result;
}

} // namespace

class tst_CauseRanking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranking_data()
    {
        QTest::addColumn<RunMaker>("make");
        QTest::addColumn<QString>("root"); // the root hint's kind; empty for none
        QTest::addColumn<QStringList>("symptoms");

        QTest::addRow("error-embed timeline: the failed stage, nothing downstream")
            << fromSource(QStringLiteral("upstream/error-embed/data/diagnostics"), kErrorRun)
            << QStringLiteral("stage:failed") << QStringList();
        QTest::addRow("error-embed seed pack") << fromSource(
            QStringLiteral("seed-layout/runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560554.zip"),
            kErrorRun) << QStringLiteral("stage:failed")
                                               << QStringList();
        QTest::addRow("happy: no root cause") << fromSource(QStringLiteral("upstream/happy-path/data/diagnostics"),
            kHappyRun) << QString() << QStringList();
        QTest::addRow("sparse-disabled: skips are no cause")
            << fromSource(QStringLiteral("upstream/sparse-disabled/data/diagnostics"), kSparseRun) << QString()
            << QStringList();
        QTest::addRow("cut off inside hydrate: the interrupted stage and the missing hydration follow")
            << fromLines([](RunLines& l) { l.objects = l.objects.mid(0, 50); }) << QStringLiteral("run:cut-off")
            << QStringList { QStringLiteral("stage:failed"), QStringLiteral("gap:hydrate") }; // the most severe first
        QTest::addRow("hydrate failed: the documents it could not find follow")
            << fromLines([](RunLines& l) {
                   failHydrate(l, QStringLiteral("IOException: Could not set lock on file catalog.duckdb"));
                   const int end = l.find(QStringLiteral("hydration.end"), QStringLiteral("duckdb"));
                   l.setAttr(end, QStringLiteral("returned"), 0);
                   l.setAttr(end, QStringLiteral("missing"), 20);
               })
            << QStringLiteral("stage:failed")
            << QStringList { QStringLiteral("result:empty"), QStringLiteral("result:missing") };
        QTest::addRow("complete, degraded: the failed channel, no symptoms") << fromLines([](RunLines& l) {
            for (int nth : { 0, 1 })
                setError(l, l.find(QStringLiteral("step.end"), QStringLiteral("search.splade"), nth),
                    QStringLiteral("SPLADE encoder crashed"));
        }) << QStringLiteral("channel:failed") << QStringList();
    }

    void ranking()
    {
        QFETCH(RunMaker, make);
        QFETCH(QString, root);
        QFETCH(QStringList, symptoms);
        const RunPtr run = make();
        QVERIFY(run);
        const Hints hints = detectRun(*run);
        const CauseRanking ranking = rankByCause(rootCause(*run), hints);
        QCOMPARE(ranking.root >= 0 ? hints[size_t(ranking.root)].kind : QString(), root);
        QCOMPARE(kinds(hints, ranking.symptoms), symptoms);
    }

    void inactiveHintsAreNeverRanked()
    {
        // A suppressed or disputed hint is no cause: the next best one is, or none.
        const RunPtr run = fromSource(QStringLiteral("upstream/error-embed/data/diagnostics"), kErrorRun)();
        Hints hints = detectRun(*run);
        const RootCause cause = rootCause(*run);
        const int root = rankByCause(cause, hints).root;
        QVERIFY(root >= 0);
        hints[size_t(root)].suppressedBy = QStringLiteral("stage:failed  # known outage");
        QCOMPARE(rankByCause(cause, hints).root, -1);
    }
};

QTEST_GUILESS_MAIN(tst_CauseRanking)
#include "tst_causeranking.moc"
