// SPDX-License-Identifier: MIT
#include "palettes.h"
#include "problemsmodel.h"
#include "problemsview.h"
#include "runfixture.h"
#include "source.h"
#include "sourcereader.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

const QString kFileName = QStringLiteral("events-20261124.jsonl");

// The first lines of the happy-path timeline with a malformed line 3 and a last line cut after 60
// bytes, as a crash leaves it. Returns the byte offsets of lines 3 and 6.
QByteArray brokenTimeline(qint64* malformedOffset, qint64* truncatedOffset)
{
    QFile file(fixture(kHappyFile));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the happy-path timeline");
    QList<QByteArray> lines;
    for (int i = 0; i < 5; ++i)
        lines.append(file.readLine());
    QByteArray bytes = lines[0] + lines[1];
    *malformedOffset = bytes.size();
    bytes += "{\"ts\": 1795560451.7, \"type\": oops}\n";
    bytes += lines[2] + lines[3];
    *truncatedOffset = bytes.size();
    bytes += lines[4].left(60);
    return bytes;
}

Diagnostic problem(Diagnostic::Severity severity, const QString& file, qint64 line, const QString& code)
{
    return { severity, file, line, line * 100, QStringLiteral("problem at line %1").arg(line), code };
}

} // namespace

class tst_ProblemsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rowsFromFile();
    void columns();
    void sourceAndRunProblems_data();
    void sourceAndRunProblems();
    void viewFilterAndSummary();
    void viewSorting();
    void problemActivated();
    void screenshots();

private:
    QTemporaryDir m_dir;
    SourcePtr m_source;
    qint64 m_malformedOffset = 0;
    qint64 m_truncatedOffset = 0;
};

void tst_ProblemsModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(kFileName);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(brokenTimeline(&m_malformedOffset, &m_truncatedOffset));
    file.close();
    m_source = readSource(path);
    QVERIFY2(m_source->ok(), qPrintable(m_source->fatalError));
}

void tst_ProblemsModel::rowsFromFile()
{
    ProblemsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(m_source);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ProblemsModel::ColumnCount));

    const auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(0, ProblemsModel::SeverityColumn), QStringLiteral("Error"));
    QCOMPARE(text(0, ProblemsModel::FileColumn), kFileName);
    QCOMPARE(text(0, ProblemsModel::LineColumn), QStringLiteral("3"));
    QCOMPARE(text(0, ProblemsModel::OffsetColumn), QString::number(m_malformedOffset));
    QCOMPARE(text(0, ProblemsModel::CodeColumn), QStringLiteral("malformed-line"));
    QCOMPARE(text(1, ProblemsModel::SeverityColumn), QStringLiteral("Error"));
    QCOMPARE(text(1, ProblemsModel::LineColumn), QStringLiteral("6"));
    QCOMPARE(text(1, ProblemsModel::OffsetColumn), QString::number(m_truncatedOffset));
    QCOMPARE(text(1, ProblemsModel::CodeColumn), QStringLiteral("truncated-line"));
    QVERIFY2(text(1, ProblemsModel::MessageColumn).contains(QLatin1String("60 bytes")),
        qPrintable(text(1, ProblemsModel::MessageColumn)));

    QCOMPARE(model.errorCount(), 2);
    QCOMPARE(model.warningCount(), 0);
    QCOMPARE(model.fileCount(), 1);

    model.setSource(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void tst_ProblemsModel::columns()
{
    ProblemsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto source = std::make_shared<Source>();
    source->problems = { { Diagnostic::Severity::Warning, QStringLiteral("meta.json"), 0, -1,
                             QStringLiteral("not a JSON object") },
        problem(Diagnostic::Severity::Error, QStringLiteral("a.jsonl"), 12345, {}) };
    model.setSource(source);

    // A file that is not line-oriented and an unknown offset show as empty cells, and sort as numbers.
    QCOMPARE(model.index(0, ProblemsModel::LineColumn).data().toString(), QString());
    QCOMPARE(model.index(0, ProblemsModel::OffsetColumn).data().toString(), QString());
    QCOMPARE(model.index(0, ProblemsModel::OffsetColumn).data(ProblemsModel::SortRole).toLongLong(), -1);
    QCOMPARE(model.index(1, ProblemsModel::LineColumn).data().toString(), QStringLiteral("12345")); // no grouping
    QCOMPARE(model.index(1, ProblemsModel::LineColumn).data(ProblemsModel::SortRole).toLongLong(), 12345);
    QCOMPARE(model.index(1, ProblemsModel::SeverityColumn).data(ProblemsModel::SortRole).toInt(), 1);
    QCOMPARE(model.index(0, ProblemsModel::SeverityColumn).data(ProblemsModel::SortRole).toInt(), 0);
    QCOMPARE(model.index(0, ProblemsModel::SeverityColumn).data().toString(), QStringLiteral("Warning"));
    QVERIFY(!model.index(0, ProblemsModel::SeverityColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.index(1, ProblemsModel::MessageColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("a.jsonl:12345: offset 1234500: problem at line 12345"));
}

void tst_ProblemsModel::sourceAndRunProblems_data()
{
    QTest::addColumn<bool>("inSource"); // the run's problems are also in the source's list, as readSource does
    QTest::addColumn<bool>("inRun");
    QTest::addColumn<QStringList>("codes");

    QTest::addRow("source only") << true << false
                                 << QStringList { QStringLiteral("own"), QStringLiteral("orphan-end") };
    QTest::addRow("run only") << false << true << QStringList { QStringLiteral("own"), QStringLiteral("orphan-end") };
    QTest::addRow("both, shown once") << true << true
                                      << QStringList { QStringLiteral("own"), QStringLiteral("orphan-end") };
}

void tst_ProblemsModel::sourceAndRunProblems()
{
    QFETCH(bool, inSource);
    QFETCH(bool, inRun);
    QFETCH(QStringList, codes);

    const Diagnostic own = problem(Diagnostic::Severity::Error, QStringLiteral("a.jsonl"), 1, QStringLiteral("own"));
    const Diagnostic runs =
        problem(Diagnostic::Severity::Warning, QStringLiteral("a.jsonl"), 7, QStringLiteral("orphan-end"));
    auto run = std::make_shared<Run>();
    run->sessionId = QStringLiteral("s");
    run->runId = QStringLiteral("r");
    if (inRun)
        run->problems = { runs };
    auto source = std::make_shared<Source>();
    source->runs = { run };
    source->problems = { own };
    if (inSource)
        source->problems.append(runs);

    ProblemsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(source);
    QStringList seen;
    for (int row = 0; row < model.rowCount(); ++row)
        seen.append(model.index(row, ProblemsModel::CodeColumn).data().toString());
    QCOMPARE(seen, codes);
    const QString tip = model.index(1, 0).data(Qt::ToolTipRole).toString();
    QCOMPARE(tip.contains(QLatin1String("Run s / r")), inRun);
}

void tst_ProblemsModel::viewFilterAndSummary()
{
    ProblemsView view;
    auto* table = view.findChild<QTableView*>(QStringLiteral("problemsTable"));
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(view.summary().isEmpty());
    view.setSource(m_source);
    QCOMPARE(table->model()->rowCount(), 2);
    QVERIFY2(view.summary().contains(QLatin1String("2 error")) && view.summary().contains(QLatin1String("0 warning"))
            && view.summary().contains(QLatin1String("1 file")),
        qPrintable(view.summary()));
    QCOMPARE(view.findChild<QLabel*>(QStringLiteral("problemsSummary"))->text(), view.summary());

    auto* filter = view.findChild<QLineEdit*>(QStringLiteral("problemsFilter"));
    filter->setText(QStringLiteral("TRUNCATED"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, ProblemsModel::LineColumn).data().toString(), QStringLiteral("6"));
    QVERIFY2(view.summary().contains(QLatin1String("1 shown")), qPrintable(view.summary()));
    filter->setText(QStringLiteral("no such problem"));
    QCOMPARE(table->model()->rowCount(), 0);
    filter->clear();
    QCOMPARE(table->model()->rowCount(), 2);
    QVERIFY(!view.summary().contains(QLatin1String("shown")));

    view.setSource(std::make_shared<Source>());
    QCOMPARE(view.summary(), QStringLiteral("No problems"));
}

void tst_ProblemsModel::viewSorting()
{
    ProblemsView view;
    auto* table = view.findChild<QTableView*>(QStringLiteral("problemsTable"));
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto source = std::make_shared<Source>();
    source->problems = { problem(Diagnostic::Severity::Warning, QStringLiteral("b.jsonl"), 9, {}),
        problem(Diagnostic::Severity::Error, QStringLiteral("a.jsonl"), 10, {}),
        problem(Diagnostic::Severity::Warning, QStringLiteral("a.jsonl"), 2, {}) };
    view.setSource(source);
    const auto lines = [&] {
        QStringList result;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            result.append(table->model()->index(row, ProblemsModel::LineColumn).data().toString());
        return result.join(QLatin1Char(' '));
    };
    QCOMPARE(lines(), QStringLiteral("9 10 2")); // reading order until a header is clicked
    table->sortByColumn(ProblemsModel::LineColumn, Qt::AscendingOrder);
    QCOMPARE(lines(), QStringLiteral("2 9 10")); // numbers, not text
    table->sortByColumn(ProblemsModel::SeverityColumn, Qt::DescendingOrder);
    QCOMPARE(lines().section(QLatin1Char(' '), 0, 0), QStringLiteral("10"));
    QVERIFY2(view.summary().contains(QLatin1String("2 file")), qPrintable(view.summary()));
}

void tst_ProblemsModel::problemActivated()
{
    ProblemsView view;
    view.setSource(m_source);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* table = view.findChild<QTableView*>(QStringLiteral("problemsTable"));
    QSignalSpy spy(&view, &ProblemsView::problemActivated);

    const QModelIndex second = table->model()->index(1, ProblemsModel::MessageColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(second).center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), kFileName);
    QCOMPARE(spy.at(0).at(1).toLongLong(), 6);

    table->setCurrentIndex(table->model()->index(0, 0));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Enter);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(1).toLongLong(), 3);
}

void tst_ProblemsModel::screenshots()
{
    for (const QString& theme : { QStringLiteral("light"), QStringLiteral("dark") }) {
        ProblemsView view;
        if (theme == QLatin1String("dark"))
            view.setPalette(darkPalette());
        auto source = std::make_shared<Source>(*m_source);
        source->problems.append({ Diagnostic::Severity::Warning, QStringLiteral("meta.json"), 0, -1,
            QStringLiteral("unknown key \"schema_version\"") });
        view.setSource(source);
        view.resize(820, 240);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(
            QCoreApplication::applicationDirPath() + QStringLiteral("/tst_problemsmodel_%1.png").arg(theme)));
    }
}

QTEST_MAIN(tst_ProblemsModel)
#include "tst_problemsmodel.moc"
