// SPDX-License-Identifier: MIT
// With the German catalogue installed, every library and view speaks German: one string from each, taken
// through the code that shows it, so that a context the runtime looks up but lupdate filed elsewhere fails
// here (issue 13). Upstream's six literal messages stay as upstream wrote them.
#include "engine.h"
#include "hintreport.h"
#include "hintsmodel.h"
#include "mainwindow.h"
#include "problemsmodel.h"
#include "rundiff.h"
#include "runfixture.h"
#include "runlistmodel.h"
#include "runreport.h"
#include "runstatus.h"
#include "sourcereader.h"
#include "stagegridmodel.h"
#include "summaryexport.h"
#include "translations.h"
#include "triage.h"
#include "triagemodel.h"
#include "ziparchive.h"

#include <QMenuBar>
#include <QTest>

#include <functional>

using namespace Runlens;
using namespace Runlens::Test;

using TextOf = std::function<QString()>;
Q_DECLARE_METATYPE(TextOf)

namespace {

RunPtr errorRun()
{
    return RunLines::fromFixture(kErrorFile, kErrorRun).build();
}

HintReport sparseReport()
{
    return buildHintReport(*readSource(fixture(QStringLiteral("upstream/sparse-disabled/data/diagnostics"))), {});
}

QString header(const QAbstractItemModel& model, int section)
{
    return model.headerData(section, Qt::Horizontal).toString();
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Before anything builds the rule table, whose texts are translated once.
        QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
    }

    void german_data()
    {
        QTest::addColumn<TextOf>("text");
        QTest::addColumn<QString>("contains");

        // model
        QTest::addRow("Run: cell status")
            << TextOf([] { return cellStatusLabel(CellStatus::NotReached); }) << QStringLiteral("Nicht erreicht");
        QTest::addRow("RunBuilder: cut-off stop reason") << TextOf([] {
            RunLines lines = RunLines::fromFixture(kHappyFile, kHappyRun);
            lines.objects = lines.objects.mid(0, 42);
            return lines.build()->stopReason;
        }) << QStringLiteral("nach fuse abgebrochen");
        QTest::addRow("JsonLineParser: a broken line")
            << TextOf([] { return readSource(fixture(QStringLiteral("README.md")))->fatalError; })
            << QStringLiteral("kein gültiges JSON");
        QTest::addRow("ZipArchive: a missing file") << TextOf([] {
            ZipArchive zip(QStringLiteral("/nonexistent/pack.zip"));
            return zip.open() ? QString() : zip.errorString();
        }) << QStringLiteral("/nonexistent/pack.zip");
        QTest::addRow("SourceReader: not a timeline")
            << TextOf([] { return readSource(fixture(QStringLiteral("README.md")))->fatalError; })
            << QStringLiteral("Keine Zeile ist ein Timeline-Ereignis");
        QTest::addRow("Report: text report") << TextOf([] {
            Source source;
            source.runs.push_back(errorRun());
            return QString::fromUtf8(reportMarkdown(source, {}, {}));
        }) << QStringLiteral("# Runlens-Bericht");

        // detectors
        QTest::addRow("Rules: Runlens's own message")
            << TextOf([] { return detectRun(*errorRun()).at(0).msg; }) << QStringLiteral("Stufe embed fehlgeschlagen");
        QTest::addRow("Rules: a condition") << TextOf([] { return findRule(QStringLiteral("run:cut-off"))->condition; })
                                            << QStringLiteral("kein passendes operation.end");
        QTest::addRow("HintReport: Markdown") << TextOf([] { return QString::fromUtf8(hintsMarkdown(sparseReport())); })
                                              << QStringLiteral("| Schweregrad |");
        QTest::addRow("SummaryExport: Markdown")
            << TextOf([] { return QString::fromUtf8(exportSummary(sparseReport(), ExportFormat::Markdown)); })
            << QStringLiteral("# Runlens-Zusammenfassung");
        QTest::addRow("Triage: text") << TextOf([] {
            return QString::fromUtf8(triageText(triageRows(readSource(kSparsePackPath)), TriageGrouping::None));
        }) << QStringLiteral("Erreichte Stufe");
        QTest::addRow("RunDiff: text") << TextOf([] {
            const RunPtr run = errorRun();
            return QString::fromUtf8(diffText(diffRuns(run, {}, QStringLiteral("a"), run, {}, QStringLiteral("b"))));
        }) << QStringLiteral("Gleiche Stufen und Hinweise.");

        // views
        QTest::addRow("RunStatus") << TextOf([] { return runStatusLabel(RunStatus::Error); })
                                   << QStringLiteral("Fehlgeschlagen");
        QTest::addRow("HintsModel") << TextOf([] { return header(HintsModel(), HintsModel::MessageColumn); })
                                    << QStringLiteral("Meldung");
        QTest::addRow("StageGridModel") << TextOf([] { return header(StageGridModel(), 0); })
                                        << QStringLiteral("Stufe");
        QTest::addRow("RunListModel") << TextOf([] { return header(RunListModel(), RunListModel::EventsColumn); })
                                      << QStringLiteral("Ereignisse");
        QTest::addRow("ProblemsModel") << TextOf([] { return header(ProblemsModel(), ProblemsModel::MessageColumn); })
                                       << QStringLiteral("Meldung");
        QTest::addRow("TriageModel") << TextOf([] { return header(TriageModel(), TriageModel::StageColumn); })
                                     << QStringLiteral("Erreichte Stufe");

        // app
        QTest::addRow("MainWindow: menu") << TextOf([] {
            MainWindow window;
            return window.menuBar()->actions().value(0)->text();
        }) << QStringLiteral("&Datei");
    }

    void german()
    {
        QFETCH(TextOf, text);
        QFETCH(QString, contains);
        const QString shown = text();
        QVERIFY2(shown.contains(contains), qPrintable(shown));
    }

    // Upstream's literal messages are evidence: the same words in every language.
    void upstreamMessagesStayLiteral()
    {
        const Hints hints = sparseReport().runs.at(0).hints;
        const auto sparse = std::find_if(hints.begin(), hints.end(),
            [](const Hint& hint) { return hint.kind == QLatin1String("config:sparse-disabled"); });
        QVERIFY(sparse != hints.end());
        QCOMPARE(sparse->msg,
            QStringLiteral("RM3 enabled but sparse channels skipped; ensure BM25/SPLADE assets are healthy."));
    }
};

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
