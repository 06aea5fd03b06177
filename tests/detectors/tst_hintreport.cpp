// SPDX-License-Identifier: MIT
#include "csvreader.h"
#include "derivedinputs.h"
#include "hintreport.h"
#include "hostileinput.h"
#include "runfixture.h"
#include "suppressions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

const QString kDisputedReason =
    QStringLiteral("catalog.hydrate ran (timeline_events.jsonl:51); upstream's ops_coverage ignores catalog.hydrate");

// The plain search.semantic pack: its one stored hint, gap:hydrate, is disputed.
SourcePtr plainSemanticSource()
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("runpack_plain.zip"));
    if (!QFile::exists(path) && !writeFile(path, plainSemanticPack()))
        return nullptr;
    return readSource(path);
}

SourcePtr sparseSource()
{
    return readSource(fixture(QStringLiteral("upstream/sparse-disabled/data/diagnostics")));
}

} // namespace

class TestHintReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void counts()
    {
        const HintReport report = buildHintReport(*sparseSource(), {}, nullptr);
        QCOMPARE(report.runs.size(), size_t(1));
        QCOMPARE(report.countAtOrAbove(Severity::Error), 0);
        QCOMPARE(report.countAtOrAbove(Severity::Warning), 2); // config:sparse-disabled, channel:unavailable
        QCOMPARE(report.countAtOrAbove(Severity::Note), 3); // + channel:disabled
    }

    void suppressions_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("suppressed");
        QTest::addColumn<int>("problems");
        QTest::addRow("exact kind") << QByteArray("config:sparse-disabled\n") << 1 << 0;
        QTest::addRow("kind glob") << QByteArray("channel:*   # both channel hints\n") << 2 << 0;
        QTest::addRow("session glob") << QByteArray("channel:* sess-sparse-*\n") << 2 << 0;
        QTest::addRow("session/run glob") << QByteArray("channel:disabled sess-sparse-disabled/1005*\n") << 1 << 0;
        QTest::addRow("other session") << QByteArray("channel:* sess-happy-*\n") << 0 << 0;
        QTest::addRow("comments and blanks") << QByteArray("# nothing\n\n   \n") << 0 << 0;
        QTest::addRow("malformed line") << QByteArray("nokind\nchannel:disabled a b\n") << 0 << 2;
    }

    void suppressions()
    {
        QFETCH(QByteArray, file);
        QFETCH(int, suppressed);
        QFETCH(int, problems);
        Suppressions s;
        s.parse(file, QStringLiteral(".runlens-suppress"));
        QCOMPARE(s.problems().size(), problems);
        const HintReport report = buildHintReport(*sparseSource(), {}, &s);
        QCOMPARE(report.suppressedCount(), suppressed);
        // Suppressed hints stay listed, marked with the line that matched.
        int total = 0;
        for (const RunHints& entry : report.runs)
            total += int(entry.hints.size());
        QCOMPARE(total, 3);
        if (problems > 0)
            QCOMPARE(s.problems().first().line, 1);
    }

    void csv()
    {
        const HintReport report = buildHintReport(*sparseSource(), {}, nullptr);
        const QList<QStringList> records = parseCsv(QString::fromUtf8(hintsCsv(report)));
        QCOMPARE(records.size(), 4);
        QCOMPARE(records[0].first(), QStringLiteral("session_id"));
        for (const QStringList& record : records)
            QCOMPARE(record.size(), 11);
        QCOMPARE(records[1][4], QStringLiteral("config:sparse-disabled"));
        // The why column is JSON with commas and quotes, and survives the round trip.
        const QJsonObject why = QJsonDocument::fromJson(records[1][9].toUtf8()).object();
        QCOMPARE(why.value(QLatin1String("budgets")).toObject().value(QLatin1String("rrf_k")).toInt(), 30);
    }

    void sarif()
    {
        const HintReport report = buildHintReport(*sparseSource(), {}, nullptr);
        const QJsonObject root = QJsonDocument::fromJson(hintsSarif(report)).object();
        QCOMPARE(root.value(QLatin1String("version")).toString(), QStringLiteral("2.1.0"));
        const QJsonObject run = root.value(QLatin1String("runs")).toArray().first().toObject();
        const QJsonArray rules = run.value(QLatin1String("tool"))
                                     .toObject()
                                     .value(QLatin1String("driver"))
                                     .toObject()
                                     .value(QLatin1String("rules"))
                                     .toArray();
        QCOMPARE(rules.size(), qsizetype(allRules().size()));
        const QJsonArray results = run.value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 3);
        for (const QJsonValue& value : results) {
            const QJsonObject result = value.toObject();
            const int index = result.value(QLatin1String("ruleIndex")).toInt();
            QCOMPARE(rules[index].toObject().value(QLatin1String("id")), result.value(QLatin1String("ruleId")));
            QVERIFY(!result.value(QLatin1String("locations")).toArray().isEmpty());
        }
    }

    void junit()
    {
        const HintReport report = buildHintReport(*sparseSource(), {}, nullptr);
        QXmlStreamReader xml(hintsJunit(report, Severity::Warning));
        int testcases = 0, failures = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                testcases += xml.name() == u"testcase";
                failures += xml.name() == u"failure";
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(testcases, int(allRules().size()));
        QCOMPARE(failures, 2); // the note is not a failure at --fail-on warning
    }

    void json()
    {
        const HintReport report = buildHintReport(*sparseSource(), {}, nullptr);
        const QJsonObject root = QJsonDocument::fromJson(hintsJson(report)).object();
        const QJsonObject counts = root.value(QLatin1String("counts")).toObject();
        QCOMPARE(counts.value(QLatin1String("warning")).toInt(), 2);
        QCOMPARE(counts.value(QLatin1String("note")).toInt(), 1);
        const QJsonObject hint = root.value(QLatin1String("runs"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QLatin1String("hints"))
                                     .toArray()
                                     .first()
                                     .toObject();
        QCOMPARE(hint.value(QLatin1String("origin")).toString(), QStringLiteral("computed"));
        QCOMPARE(hint.value(QLatin1String("msg")).toString(),
            QStringLiteral("RM3 enabled but sparse channels skipped; ensure BM25/SPLADE assets are healthy."));
        const QJsonObject evidence = hint.value(QLatin1String("evidence")).toArray().first().toObject();
        QCOMPARE(evidence.value(QLatin1String("file")).toString(), QStringLiteral("events-20261124.jsonl"));
        QVERIFY(evidence.value(QLatin1String("line")).toInt() > 0);
    }

    // A disputed hint is listed with its reason in every format, apart, and never counted (issue 13).
    void disputedInEveryFormat_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QStringList>("contains");
        QTest::addColumn<QStringList>("lacks");
        const SourcePtr source = plainSemanticSource();
        QVERIFY(source && source->ok());
        const HintReport report = buildHintReport(*source, {}, nullptr);
        QTest::addRow("text") << hintsText(report)
                              << QStringList { QStringLiteral("WARNING (0)\n"), QStringLiteral("DISPUTED (1)\n"),
                                     QStringLiteral("      disputed: ") + kDisputedReason }
                              << QStringList {};
        QTest::addRow("markdown") << hintsMarkdown(report)
                                  << QStringList { QStringLiteral("## Disputed"),
                                         QStringLiteral("| `gap:hydrate` | sess-happy-01 | ") }
                                  << QStringList { QStringLiteral("| warning | `gap:hydrate`") };
        QTest::addRow("json") << hintsJson(report)
                              << QStringList { QStringLiteral("\"disputed\": \"") + kDisputedReason,
                                     QStringLiteral("\"disputed\": 1"), QStringLiteral("\"warning\": 0") }
                              << QStringList {};
        QTest::addRow("csv") << hintsCsv(report)
                             << QStringList { QStringLiteral(",") + kDisputedReason + QStringLiteral("\r\n") }
                             << QStringList {};
        QTest::addRow("sarif") << hintsSarif(report)
                               << QStringList { QStringLiteral("\"justification\": \"") + kDisputedReason,
                                      QStringLiteral("\"kind\": \"external\"") }
                               << QStringList {};
        QTest::addRow("junit") << hintsJunit(report, Severity::Note)
                               << QStringList { QStringLiteral("<skipped message=\"disputed: catalog.hydrate ran") }
                               << QStringList { QStringLiteral("<failure") };
    }

    void disputedInEveryFormat()
    {
        QFETCH(QByteArray, output);
        QFETCH(QStringList, contains);
        QFETCH(QStringList, lacks);
        const QString text = QString::fromUtf8(output);
        for (const QString& part : contains)
            QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" not in:\n") + text));
        for (const QString& part : lacks)
            QVERIFY2(!text.contains(part), qPrintable(part + QStringLiteral(" in:\n") + text));
    }

    void disputedNeverCounts()
    {
        const HintReport report = buildHintReport(*plainSemanticSource(), {}, nullptr);
        QCOMPARE(report.runs.size(), size_t(1));
        QCOMPARE(report.runs[0].hints.size(), size_t(1));
        QCOMPARE(report.disputedCount(), 1);
        QCOMPARE(report.countAtOrAbove(Severity::Note), 0);
    }

    void malformedLinesBecomeASourceHint()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("events-20261124.jsonl")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not json\n[1,2]\n");
        file.write(RunLines::fromFixture(kHappyFile, kHappyRun).toJsonl());
        file.close();
        const HintReport report = buildHintReport(*readSource(dir.path()), {}, nullptr);
        QCOMPARE(report.sourceHints.size(), size_t(1));
        QCOMPARE(report.sourceHints[0].kind, QStringLiteral("timeline:malformed"));
        QCOMPARE(report.sourceHints[0].evidence.size(), size_t(2));
        QCOMPARE(report.sourceHints[0].evidence[1].line, 2);
    }
};

QTEST_GUILESS_MAIN(TestHintReport)
#include "tst_hintreport.moc"
