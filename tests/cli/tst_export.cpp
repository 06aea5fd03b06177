// SPDX-License-Identifier: MIT
// Hint summaries in every format, and the HTML page rendered by a real headless browser.
#include "hintreport.h"
#include "sourcereader.h"
#include "summaryexport.h"
#include "testdata.h"

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

HintReport reportFor(const char* relative)
{
    return buildHintReport(*readSource(fixture(relative)), {});
}

} // namespace

class tst_Export : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markdown()
    {
        const QString md = QString::fromUtf8(
            exportSummary(reportFor("upstream/sparse-disabled/data/diagnostics"), ExportFormat::Markdown));
        // Three hint rows, then a grid of eight rows for the one run.
        QCOMPARE(md.count(QLatin1String("| sess-sparse-disabled |")), 3);
        QVERIFY(md.contains(
            QLatin1String("| sparse:splade | Skipped |  | capability_off (missing onnxruntime_importable) |")));
        QVERIFY(md.contains(QLatin1String("| hydrate | Ran | 3 ms |  |")));
    }

    void csvHasEveryRun()
    {
        const QString csv =
            QString::fromUtf8(exportSummary(reportFor("upstream/happy-path/data/diagnostics"), ExportFormat::Csv));
        const QStringList records = csv.split(QLatin1String("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(records.size(), 5); // header + 4 runs without hints
        QCOMPARE(records[0].count(u','), 18);
        QVERIFY(records[2].endsWith(QLatin1String(",ran,ran,ran,ran,ran,ran,ran,skipped")));
        QVERIFY(records[1].startsWith(QLatin1String("startup,ef5386bff0ae4f13b76a5ce0d6d7097b,,background,")));
    }

    void json()
    {
        const QJsonObject root = QJsonDocument::fromJson(
            exportSummary(reportFor("upstream/error-embed/data/diagnostics"), ExportFormat::Json))
                                     .object();
        QCOMPARE(root.value(QLatin1String("format")).toString(), QStringLiteral("runlens-summary/1"));
        const QJsonObject run = root.value(QLatin1String("runs")).toArray().first().toObject();
        QCOMPARE(run.value(QLatin1String("status")).toString(), QStringLiteral("error"));
        QCOMPARE(
            run.value(QLatin1String("stages")).toArray().first().toObject().value(QLatin1String("status")).toString(),
            QStringLiteral("failed"));
        QCOMPARE(run.value(QLatin1String("hints")).toArray().first().toObject().value(QLatin1String("kind")).toString(),
            QStringLiteral("stage:failed"));
    }

    void htmlErrorsFirst_data()
    {
        QTest::addColumn<QStringList>("hints"); // "kind severity [suppressed]", in the detectors' order
        QTest::addColumn<QStringList>("expected"); // kinds, top to bottom
        QTest::addRow("note, warning, error")
            << QStringList { QStringLiteral("n:a note"), QStringLiteral("w:a warning"), QStringLiteral("e:a error") }
            << QStringList { QStringLiteral("e:a"), QStringLiteral("w:a"), QStringLiteral("n:a") };
        QTest::addRow("same severity keeps its order")
            << QStringList { QStringLiteral("w:b warning"), QStringLiteral("e:a error"), QStringLiteral("w:a warning") }
            << QStringList { QStringLiteral("e:a"), QStringLiteral("w:b"), QStringLiteral("w:a") };
        QTest::addRow("suppressed error after counted notes") << QStringList { QStringLiteral("e:s error suppressed"),
            QStringLiteral("n:a note") } << QStringList { QStringLiteral("n:a"), QStringLiteral("e:s") };
    }

    // The HTML page lists a run's errors before its warnings and notes (issue 15).
    void htmlErrorsFirst()
    {
        QFETCH(QStringList, hints);
        QFETCH(QStringList, expected);
        HintReport report = reportFor("upstream/error-embed/data/diagnostics");
        QCOMPARE(report.runs.size(), size_t(1));
        Hints& runHints = report.runs.front().hints;
        runHints.clear();
        for (const QString& spec : std::as_const(hints)) {
            const QStringList parts = spec.split(u' ');
            Hint hint;
            hint.kind = parts[0];
            QVERIFY(parseSeverity(parts[1], &hint.severity));
            if (parts.size() > 2)
                hint.suppressedBy = QStringLiteral(".runlens-suppress:1: ") + hint.kind;
            hint.msg = QStringLiteral("message of ") + hint.kind;
            runHints.push_back(hint);
        }
        const QString page = QString::fromUtf8(exportSummary(report, ExportFormat::Html));
        QStringList order;
        qsizetype at = 0;
        while ((at = page.indexOf(QLatin1String("<tr class=\"hint\">"), at)) >= 0) {
            const qsizetype code = page.indexOf(QLatin1String("<code>"), at) + 6;
            order.append(page.mid(code, page.indexOf(QLatin1String("</code>"), code) - code));
            at = code;
        }
        QCOMPARE(order, expected);
    }

    void htmlIsSelfContained()
    {
        const QByteArray page = exportSummary(reportFor("upstream/error-embed/data/diagnostics"), ExportFormat::Html);
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QVERIFY(!page.contains("<script"));
        // Nothing is fetched: no external stylesheet, image, font or import.
        for (const char* fetch : { "<link", "src=", "@import", "url(", "<iframe" })
            QVERIFY2(!page.contains(fetch), fetch);
        QVERIFY(page.contains("<svg"));
        QVERIFY(page.contains("class=\"cell failed\""));
    }

    void htmlTraceLabelsEveryRow_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("rows"); // the span tree's rows of every run
        QTest::addColumn<QString>("tool"); // the tool's step and operation: one row, one label
        QTest::addColumn<int>("runs"); // runs with a tool
        QTest::addRow("error embed") << QStringLiteral("upstream/error-embed/data/diagnostics") << 3
                                     << QStringLiteral("mcp.tool:search.semantic_pro") << 1;
        QTest::addRow("sparse disabled") << QStringLiteral("upstream/sparse-disabled/data/diagnostics") << 14
                                         << QStringLiteral("mcp.tool:search.semantic_pro") << 1;
        QTest::addRow("happy path: three tool runs and a background one")
            << QStringLiteral("upstream/happy-path/data/diagnostics") << 3 * 18
            << QStringLiteral("mcp.tool:search.semantic_pro") << 3;
    }

    void htmlTraceLabelsEveryRow()
    {
        QFETCH(QString, input);
        QFETCH(int, rows);
        QFETCH(QString, tool);
        QFETCH(int, runs);
        const QString page = QString::fromUtf8(exportSummary(reportFor(qPrintable(input)), ExportFormat::Html));
        // Every row: a title with the whole name, the name in the tree column, and the bar's label.
        static const QRegularExpression group(QStringLiteral("<g class=\"row[^\"]*\"><title>([^<]+)</title>(.*?)</g>"));
        static const QRegularExpression text(QStringLiteral("<text[^>]*>([^<]*)</text>"));
        int found = 0;
        int toolLabels = 0;
        for (const QRegularExpressionMatch& row : group.globalMatch(page)) {
            ++found;
            QStringList texts;
            for (const QRegularExpressionMatch& t : text.globalMatch(row.captured(2)))
                texts.append(t.captured(1));
            QCOMPARE(texts.size(), 4); // name, duration, status, label
            const QString title = row.captured(1);
            for (const QString& shown : { texts.first(), texts.last() }) {
                // Never cut silently: a shortened name ends with an ellipsis and the title has it whole.
                QVERIFY2(!shown.isEmpty(), qPrintable(title));
                if (shown.endsWith(QChar(0x2026)))
                    QVERIFY2(title.contains(shown.chopped(1)), qPrintable(title));
                else
                    QVERIFY2(title.contains(shown), qPrintable(shown + QLatin1String(" / ") + title));
            }
            toolLabels += texts.last() == tool;
        }
        QCOMPARE(found, rows);
        QCOMPARE(toolLabels, runs);
    }

    void htmlInHeadlessChromium()
    {
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        QVERIFY2(!chromium.isEmpty(), "chromium is installed by scripts/deps.sh");
        QTemporaryDir dir;
        const QString page = dir.filePath(QStringLiteral("summary.html"));
        QProcess cli;
        cli.start(QStringLiteral(RUNLENS_CLI),
            { QStringLiteral("export"), fixture("upstream/sparse-disabled/data/diagnostics"),
                QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("-o"), page });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QStringList common = { QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
            QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"), QStringLiteral("--no-first-run"),
            QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
            QStringLiteral("--disable-sync"),
            QStringLiteral("--user-data-dir=") + dir.filePath(QStringLiteral("profile")) };
        // The DOM as the browser built it: grid cells and hints rows are there.
        QProcess dom;
        dom.start(
            chromium, common + QStringList { QStringLiteral("--dump-dom"), QUrl::fromLocalFile(page).toString() });
        QVERIFY(dom.waitForFinished(120000));
        const QByteArray html = dom.readAllStandardOutput();
        QVERIFY2(html.contains("class=\"cell skipped\""), dom.readAllStandardError().constData());
        QCOMPARE(html.count("<tr class=\"hint\">"), 3);
        QVERIFY(html.contains("config:sparse-disabled"));
        // And a screenshot, for people to look at; it must not be empty.
        const QString png = dir.filePath(QStringLiteral("summary.png"));
        QProcess shot;
        shot.setWorkingDirectory(dir.path());
        shot.start(chromium,
            common
                + QStringList { QStringLiteral("--screenshot=") + png, QStringLiteral("--window-size=1000,900"),
                    QUrl::fromLocalFile(page).toString() });
        QVERIFY(shot.waitForFinished(120000));
        QImage image(png);
        QVERIFY2(!image.isNull(), shot.readAllStandardError().constData());
        QCOMPARE(image.width(), 1000);
        QFile::copy(png, QStringLiteral("export-summary.png")); // left in the build tree for people
    }
};

QTEST_GUILESS_MAIN(tst_Export)
#include "tst_export.moc"
