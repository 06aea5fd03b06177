// SPDX-License-Identifier: MIT
#include "palettes.h"
#include "rootcausebanner.h"
#include "runfixture.h"
#include "source.h"
#include "sourcereader.h"
#include "stagegridmodel.h"
#include "stagegridview.h"
#include "traceexport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

const QString kBackgroundRun = QStringLiteral("ef5386bff0ae4f13b76a5ce0d6d7097b"); // happy-path "startup"
const QString kSparsePack =
    QStringLiteral("upstream/sparse-disabled/data/diagnostics/runpacks/sess-sparse-disabled/"
                   "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip");
const QString kHappyDirectory = QStringLiteral("upstream/happy-path/data/diagnostics");

QString cellText(const QAbstractItemModel& model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class tst_StageGrid : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rows_data();
    void rows();
    void cells_data();
    void cells();
    void secondaryReason();
    void roles();
    void toolTip();
    void statusTint();
    void toolTipLimit();
    void viewFollowsPalette();
    void cellActivatedOnClick();
    void cellActivatedOnEnter();
    void selectFailed_data();
    void selectFailed();
    void selectStage();
    void backgroundRun();
    void opsStrip_data();
    void opsStrip();
    void trace_data();
    void trace();
    void summary_data();
    void summary();
    void screenshots();

private:
    QHash<QString, RunPtr> m_runs;
};

void tst_StageGrid::initTestCase()
{
    m_runs.insert(QStringLiteral("happy"), RunLines::fromFixture(kHappyFile, kHappyRun).build());
    m_runs.insert(QStringLiteral("sparse"), RunLines::fromFixture(kSparseFile, kSparseRun).build());
    m_runs.insert(QStringLiteral("error"), RunLines::fromFixture(kErrorFile, kErrorRun).build());
    m_runs.insert(QStringLiteral("background"), RunLines::fromFixture(kHappyFile, kBackgroundRun).build());
    const SourcePtr pack = readSource(fixture(kSparsePack));
    QVERIFY2(pack->ok() && pack->runs.size() == 1, qPrintable(pack->fatalError));
    m_runs.insert(QStringLiteral("sparse pack"), pack->runs.front());
    const SourcePtr directory = readSource(fixture(kHappyDirectory));
    QVERIFY2(directory->ok(), qPrintable(directory->fatalError));
    m_runs.insert(QStringLiteral("happy directory"), directory->findRun(QStringLiteral("sess-happy-01"), kHappyRun));
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it)
        QVERIFY2(it.value(), qPrintable(it.key()));
}

void tst_StageGrid::rows_data()
{
    QTest::addColumn<QString>("run");
    QTest::addColumn<QString>("stages");

    const QString all = QStringLiteral("embed dense sparse:bm25 sparse:splade gather fuse hydrate rerank");
    QTest::addRow("happy path") << QStringLiteral("happy") << all;
    QTest::addRow("sparse disabled") << QStringLiteral("sparse") << all;
    QTest::addRow("error embed") << QStringLiteral("error") << all;
    QTest::addRow("background run") << QStringLiteral("background") << QString();
}

void tst_StageGrid::rows()
{
    QFETCH(QString, run);
    QFETCH(QString, stages);

    StageGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs.value(run));
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        names.append(cellText(model, row, StageGridModel::StageColumn));
        QCOMPARE(model.index(row, 0).data(StageGridModel::StageRole).toString(), names.last());
        QCOMPARE(model.rowOf(names.last()), row);
    }
    QCOMPARE(names.join(QLatin1Char(' ')), stages);
    QCOMPARE(model.columnCount(), int(StageGridModel::ColumnCount));

    // A reset to another run and back to none keeps the tester quiet.
    model.setRun(m_runs.value(QStringLiteral("error")));
    model.setRun(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void tst_StageGrid::cells_data()
{
    QTest::addColumn<QString>("run");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("duration");
    QTest::addColumn<QStringList>("reasonParts");
    QTest::addColumn<int>("evidence");

    QTest::addRow("happy embed ran") << QStringLiteral("happy") << QStringLiteral("embed") << QStringLiteral("Ran")
                                     << QStringLiteral("12 ms") << QStringList() << 2;
    QTest::addRow("happy rerank skipped")
        << QStringLiteral("happy") << QStringLiteral("rerank") << QStringLiteral("Skipped") << QString()
        << QStringList { QStringLiteral("disabled_config") } << 1;
    QTest::addRow("sparse bm25 skipped") << QStringLiteral("sparse") << QStringLiteral("sparse:bm25")
                                         << QStringLiteral("Skipped") << QString()
                                         << QStringList { QStringLiteral("disabled") } << 1;
    QTest::addRow("sparse splade skipped")
        << QStringLiteral("sparse") << QStringLiteral("sparse:splade") << QStringLiteral("Skipped") << QString()
        << QStringList { QStringLiteral("capability_off"), QStringLiteral("onnxruntime_importable") } << 1;
    QTest::addRow("sparse gather ran despite ops_coverage")
        << QStringLiteral("sparse") << QStringLiteral("gather") << QStringLiteral("Ran") << QStringLiteral("0 ms")
        << QStringList() << 3;
    QTest::addRow("error embed failed") << QStringLiteral("error") << QStringLiteral("embed")
                                        << QStringLiteral("Failed") << QStringLiteral("30 ms")
                                        << QStringList { QStringLiteral("vLLM HTTP 503 Service Unavailable") } << 3;
    for (const char* stage : { "dense", "sparse:bm25", "sparse:splade", "gather", "fuse", "hydrate", "rerank" }) {
        QTest::addRow("error %s not reached", stage)
            << QStringLiteral("error") << QString::fromLatin1(stage) << QStringLiteral("Not reached") << QString()
            << QStringList() << 0;
    }
}

void tst_StageGrid::cells()
{
    QFETCH(QString, run);
    QFETCH(QString, stage);
    QFETCH(QString, status);
    QFETCH(QString, duration);
    QFETCH(QStringList, reasonParts);
    QFETCH(int, evidence);

    StageGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs.value(run));
    const int row = model.rowOf(stage);
    QVERIFY(row >= 0);
    QCOMPARE(cellText(model, row, StageGridModel::StatusColumn), status);
    QVERIFY(!model.index(row, StageGridModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(cellText(model, row, StageGridModel::DurationColumn), duration);
    const QString reason = cellText(model, row, StageGridModel::ReasonColumn);
    if (reasonParts.isEmpty())
        QVERIFY2(reason.isEmpty(), qPrintable(reason));
    for (const QString& part : std::as_const(reasonParts))
        QVERIFY2(reason.contains(part), qPrintable(reason));
    QCOMPARE(model.index(row, StageGridModel::EvidenceColumn).data().toInt(), evidence);
    QCOMPARE(model.index(row, StageGridModel::EvidenceColumn).data(StageGridModel::SortRole).toInt(), evidence);
}

void tst_StageGrid::secondaryReason()
{
    // Read through the whole directory, the run also has its structured records: they say disabled_option.
    StageGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs.value(QStringLiteral("happy directory")));
    QCOMPARE(cellText(model, model.rowOf(QStringLiteral("rerank")), StageGridModel::ReasonColumn),
        QStringLiteral("disabled_config (also: disabled_option)"));
}

void tst_StageGrid::roles()
{
    StageGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RunPtr run = m_runs.value(QStringLiteral("happy"));
    model.setRun(run);

    const QModelIndex dense = model.index(model.rowOf(QStringLiteral("dense")), StageGridModel::StatusColumn);
    QCOMPARE(dense.data(StageGridModel::StatusRole).toInt(), int(CellStatus::Ran));
    QCOMPARE(dense.data(StageGridModel::SpansRole).value<QList<int>>(), QList<int> { 4 });
    // faiss.search.start (event 6) is Info evidence, so it comes after the deciding step.end and faiss.search.end.
    QCOMPARE(dense.data(StageGridModel::EventsRole).value<QList<int>>(), (QList<int> { 8, 9, 6 }));

    const QModelIndex rerank = model.index(model.rowOf(QStringLiteral("rerank")), StageGridModel::StageColumn);
    QVERIFY(rerank.data(StageGridModel::SpansRole).value<QList<int>>().isEmpty());
    QCOMPARE(rerank.data(StageGridModel::EventsRole).value<QList<int>>(), QList<int> { 42 });

    // Status sorts by severity (Ran above Skipped), durations as numbers with "none" first.
    QVERIFY(dense.data(StageGridModel::SortRole).toInt()
        > rerank.siblingAtColumn(StageGridModel::StatusColumn).data(StageGridModel::SortRole).toInt());
    QCOMPARE(model.index(model.rowOf(QStringLiteral("embed")), StageGridModel::DurationColumn)
                 .data(StageGridModel::SortRole)
                 .toDouble(),
        12.0);
    QCOMPARE(rerank.siblingAtColumn(StageGridModel::DurationColumn).data(StageGridModel::SortRole).toDouble(), -1.0);
}

void tst_StageGrid::toolTip()
{
    StageGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs.value(QStringLiteral("error")));
    const int embed = model.rowOf(QStringLiteral("embed"));
    const QStringList lines =
        model.index(embed, StageGridModel::ReasonColumn).data(Qt::ToolTipRole).toString().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].contains(QLatin1String("step.end embed.vllm")), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(QLatin1String("vLLM HTTP 503")), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(QLatin1String("timeline")), qPrintable(lines[0]));
    QVERIFY2(lines[0].endsWith(QLatin1String("test.jsonl:5")), qPrintable(lines[0]));
    QVERIFY2(lines[2].endsWith(QLatin1String("test.jsonl:7")), qPrintable(lines[2]));
    // Every column of the row shows the same tooltip.
    QCOMPARE(model.index(embed, StageGridModel::StageColumn).data(Qt::ToolTipRole),
        model.index(embed, StageGridModel::ReasonColumn).data(Qt::ToolTipRole));

    // Checkpoint evidence has no event: its list position is shown instead.
    model.setRun(m_runs.value(QStringLiteral("sparse pack")));
    const QString embedTip = model.index(model.rowOf(QStringLiteral("embed")), 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(embedTip.contains(QLatin1String("checkpoint #1: search.embed ok")), qPrintable(embedTip));

    // A row without deciding evidence says so.
    model.setRun(m_runs.value(QStringLiteral("error")));
    const QString denseTip = model.index(model.rowOf(QStringLiteral("dense")), 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(denseTip.contains(QLatin1String("no deciding evidence")), qPrintable(denseTip));
}

void tst_StageGrid::statusTint()
{
    StageGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs.value(QStringLiteral("error")));
    const QModelIndex embed = model.index(model.rowOf(QStringLiteral("embed")), StageGridModel::StatusColumn);
    QVERIFY(!model.index(0, StageGridModel::StageColumn).data(Qt::BackgroundRole).isValid());

    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    model.setPalette(light);
    const QColor onLight = embed.data(Qt::BackgroundRole).value<QColor>();
    QVERIFY2(onLight.lightness() > 180 && onLight.red() > onLight.green(), qPrintable(onLight.name()));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPalette(darkPalette());
    QCOMPARE(changed.count(), 1);
    const QColor onDark = embed.data(Qt::BackgroundRole).value<QColor>();
    QVERIFY2(onDark.lightness() < 90 && onDark.red() > onDark.green(), qPrintable(onDark.name()));
}

void tst_StageGrid::toolTipLimit()
{
    // A hand-made row with 20 pieces of deciding evidence: the tooltip lists 15 and counts the rest.
    auto run = std::make_shared<Run>();
    StageCell cell;
    cell.stage = QStringLiteral("git.blame");
    cell.status = CellStatus::Failed;
    for (int i = 0; i < 20; ++i)
        cell.evidence.push_back({ Evidence::Kind::Failed, -1, -1, i, NAN, QStringLiteral("structured"),
            QStringLiteral("git.blame failed"), QStringLiteral("attempt %1").arg(i + 1) });
    cell.evidence.push_back(
        { Evidence::Kind::Info, -1, -1, -1, NAN, QStringLiteral("timeline"), QStringLiteral("not deciding"), {} });
    run->stages.push_back(cell);

    StageGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(run);
    const QStringList lines = model.index(0, 0).data(Qt::ToolTipRole).toString().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 16);
    QCOMPARE(lines.first(), QStringLiteral("Failed, structured #1: git.blame failed: attempt 1"));
    QVERIFY2(lines.last().contains(QLatin1String("5")), qPrintable(lines.last()));
    QCOMPARE(model.index(0, StageGridModel::EvidenceColumn).data().toInt(), 20);
}

void tst_StageGrid::viewFollowsPalette()
{
    StageGridView view;
    view.setRun(m_runs.value(QStringLiteral("error")));
    auto* table = view.findChild<QTableView*>(QStringLiteral("stageGridTable"));
    const QModelIndex embed = table->model()->index(0, StageGridModel::StatusColumn);
    view.setPalette(darkPalette());
    QVERIFY2(embed.data(Qt::BackgroundRole).value<QColor>().lightness() < 90,
        qPrintable(embed.data(Qt::BackgroundRole).value<QColor>().name()));
    QPalette light = darkPalette();
    light.setColor(QPalette::Base, Qt::white);
    view.setPalette(light);
    QVERIFY2(embed.data(Qt::BackgroundRole).value<QColor>().lightness() > 180,
        qPrintable(embed.data(Qt::BackgroundRole).value<QColor>().name()));

    // A theme switch of the whole application reaches the tint too.
    StageGridView follower;
    follower.setRun(m_runs.value(QStringLiteral("error")));
    const QModelIndex cell = follower.findChild<QTableView*>()->model()->index(0, StageGridModel::StatusColumn);
    const QPalette before = QApplication::palette();
    const auto restore = qScopeGuard([&before] { QApplication::setPalette(before); });
    QApplication::setPalette(darkPalette()); // delivered to the widgets as a posted event
    QTRY_VERIFY(cell.data(Qt::BackgroundRole).value<QColor>().lightness() < 90);
}

void tst_StageGrid::cellActivatedOnClick()
{
    StageGridView view;
    auto* table = view.findChild<QTableView*>(QStringLiteral("stageGridTable"));
    QVERIFY(table);
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(700, 320);
    view.setRun(m_runs.value(QStringLiteral("error")));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QSignalSpy spy(&view, &StageGridView::cellActivated);
    const QModelIndex embed = table->model()->index(0, StageGridModel::ReasonColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(embed).center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("embed"));
    const auto spans = spy.at(0).at(1).value<QList<int>>();
    QVERIFY(!spans.isEmpty());
    QCOMPARE(spans, embed.data(StageGridModel::SpansRole).value<QList<int>>());
    QCOMPARE(spy.at(0).at(2).value<QList<int>>(), (QList<int> { 4, 5, 6 }));
    QCOMPARE(view.currentStage(), QStringLiteral("embed"));
}

void tst_StageGrid::cellActivatedOnEnter()
{
    StageGridView view;
    view.setRun(m_runs.value(QStringLiteral("sparse")));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* table = view.findChild<QTableView*>(QStringLiteral("stageGridTable"));
    QVERIFY(view.selectStage(QStringLiteral("sparse:splade")));
    table->setFocus();

    QSignalSpy spy(&view, &StageGridView::cellActivated);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("sparse:splade"));
    QCOMPARE(spy.at(0).at(2).value<QList<int>>(), QList<int> { 23 });
}

void tst_StageGrid::selectFailed_data()
{
    QTest::addColumn<QString>("run");
    QTest::addColumn<QString>("start");
    QTest::addColumn<bool>("forward");
    QTest::addColumn<QString>("expected"); // empty: nothing to select

    QTest::addRow("error run, next from nothing")
        << QStringLiteral("error") << QString() << true << QStringLiteral("embed");
    QTest::addRow("error run, previous from nothing")
        << QStringLiteral("error") << QString() << false << QStringLiteral("embed");
    QTest::addRow("error run, next wraps past the end")
        << QStringLiteral("error") << QStringLiteral("rerank") << true << QStringLiteral("embed");
    QTest::addRow("error run, next from embed comes back to embed")
        << QStringLiteral("error") << QStringLiteral("embed") << true << QStringLiteral("embed");
    QTest::addRow("happy run has no failure") << QStringLiteral("happy") << QString() << true << QString();
    QTest::addRow("background run has no rows") << QStringLiteral("background") << QString() << false << QString();
}

void tst_StageGrid::selectFailed()
{
    QFETCH(QString, run);
    QFETCH(QString, start);
    QFETCH(bool, forward);
    QFETCH(QString, expected);

    StageGridView view;
    view.setRun(m_runs.value(run));
    if (!start.isEmpty())
        QVERIFY(view.selectStage(start));
    QSignalSpy spy(&view, &StageGridView::cellActivated);
    const bool found = forward ? view.selectNextFailed() : view.selectPreviousFailed();
    QCOMPARE(found, !expected.isEmpty());
    QCOMPARE(view.currentStage(), expected.isEmpty() ? start : expected);
    QCOMPARE(spy.count(), 0); // selecting is not activating
}

void tst_StageGrid::selectStage()
{
    StageGridView view;
    view.setRun(m_runs.value(QStringLiteral("happy")));
    QVERIFY(view.currentStage().isEmpty());
    QVERIFY(view.selectStage(QStringLiteral("hydrate")));
    QCOMPARE(view.currentStage(), QStringLiteral("hydrate"));
    QVERIFY(!view.selectStage(QStringLiteral("git.blame")));
    QCOMPARE(view.currentStage(), QStringLiteral("hydrate"));
}

void tst_StageGrid::backgroundRun()
{
    StageGridView view;
    auto* table = view.findChild<QTableView*>(QStringLiteral("stageGridTable"));
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(view.emptyText(), QStringLiteral("No run selected."));
    view.setRun(m_runs.value(QStringLiteral("background")));
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(view.emptyText(), QStringLiteral("No stage grid: this run has no tool scope (startup, cli or warm-up)."));
    QVERIFY(view.findChild<QWidget*>(QStringLiteral("opsChip_embed"))->isHidden()
        || !view.findChild<QWidget*>(QStringLiteral("opsChip_embed"))->isVisibleTo(&view));
    view.setRun(m_runs.value(QStringLiteral("happy")));
    QVERIFY(view.emptyText().isEmpty());
}

void tst_StageGrid::opsStrip_data()
{
    QTest::addColumn<QString>("run");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QStringList>("chips");

    const QChar yes(0x2713), no(0x2717);
    const auto chips = [&](std::array<bool, 6> values) {
        QStringList texts;
        for (size_t i = 0; i < values.size(); ++i)
            texts.append(QString(values[i] ? yes : no) + QLatin1Char(' ') + QLatin1String(OpsCoverage::keys[i]));
        return texts;
    };
    // A chip upstream's own coverage contradicts says so in words, not only by its dashed frame.
    QStringList sparse = chips({ true, true, false, false, true, true });
    sparse[3] += QStringLiteral(" (upstream; gather ran)");
    QTest::addRow("sparse-disabled pack, stored")
        << QStringLiteral("sparse pack") << QStringLiteral("stored") << sparse;
    QStringList error = chips({ true, false, false, false, false, false });
    error[0] += QStringLiteral(" (upstream; embed failed)");
    QTest::addRow("error timeline, computed: the failed embed counts as covered")
        << QStringLiteral("error") << QStringLiteral("computed") << error;
}

void tst_StageGrid::opsStrip()
{
    QFETCH(QString, run);
    QFETCH(QString, origin);
    QFETCH(QStringList, chips);

    StageGridView view;
    view.setRun(m_runs.value(run));
    QCOMPARE(view.findChild<QLabel*>(QStringLiteral("opsOrigin"))->text(), origin);
    QStringList texts;
    for (const char* key : OpsCoverage::keys) {
        auto* chip = view.findChild<QLabel*>(QLatin1String("opsChip_") + QLatin1String(key));
        QVERIFY(chip);
        QVERIFY(chip->isVisibleTo(&view));
        QVERIFY2(chip->toolTip().contains(QLatin1String("not evidence")), qPrintable(chip->toolTip()));
        texts.append(chip->text());
    }
    QCOMPARE(texts, chips);
}

void tst_StageGrid::trace_data()
{
    QTest::addColumn<RunPtr>("run");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("toolTipPart");

    // Upstream fills trace_id with the run id when no tracer ran: the fixtures have no trace.
    QTest::addRow("error timeline") << m_runs.value(QStringLiteral("error")) << QStringLiteral("Trace: none")
                                    << runTraceId(*m_runs.value(QStringLiteral("error"))).hex;
    QTest::addRow("sparse pack") << m_runs.value(QStringLiteral("sparse pack")) << QStringLiteral("Trace: none")
                                 << QStringLiteral("no trace");
    RunLines traced = RunLines::fromFixture(kErrorFile, kErrorRun);
    const QString id = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
    for (const QString& type : { QStringLiteral("step.start"), QStringLiteral("operation.start") })
        traced.setAttr(
            traced.find(type, QStringLiteral("mcp.tool:search.semantic_pro")), QStringLiteral("trace_id"), id);
    QTest::addRow("real trace id") << traced.build() << QStringLiteral("Trace: ") + id
                                   << QStringLiteral("OpenTelemetry trace id");
}

void tst_StageGrid::trace()
{
    QFETCH(RunPtr, run);
    QFETCH(QString, text);
    QFETCH(QString, toolTipPart);

    StageGridView view;
    view.setRun(run);
    const auto* label = view.findChild<QLabel*>(QStringLiteral("traceId"));
    QVERIFY(label);
    QVERIFY(label->isVisibleTo(&view));
    QCOMPARE(label->text(), text);
    QVERIFY2(label->toolTip().contains(toolTipPart), qPrintable(label->toolTip()));
}

void tst_StageGrid::summary_data()
{
    QTest::addColumn<QString>("run");
    QTest::addColumn<QStringList>("parts");

    QTest::addRow("complete") << QStringLiteral("happy")
                              << QStringList { QStringLiteral("Complete in"), QStringLiteral("stopped after hydrate") };
    QTest::addRow("failed") << QStringLiteral("error")
                            << QStringList { QStringLiteral("Failed at embed"),
                                   QStringLiteral(
                                       "vLLM HTTP 503 Service Unavailable from http://127.0.0.1:8001/v1/embeddings"),
                                   QStringLiteral("never ran: dense, sparse:bm25, sparse:splade, gather, fuse, "
                                                  "hydrate, rerank") };
    QTest::addRow("background") << QStringLiteral("background")
                                << QStringList { QStringLiteral("Background run"), QStringLiteral("no tool scope") };
}

void tst_StageGrid::summary()
{
    QFETCH(QString, run);
    QFETCH(QStringList, parts);

    StageGridView view;
    view.setRun(m_runs.value(run));
    // The root cause stands where the grid's summary stood: the first line of the run.
    auto* banner = view.findChild<RootCauseBanner*>(QStringLiteral("rootCause"));
    QVERIFY(banner);
    const QString text = banner->text();
    for (const QString& part : std::as_const(parts))
        QVERIFY2(text.contains(part), qPrintable(text));
}

void tst_StageGrid::screenshots()
{
    for (const QString& theme : { QStringLiteral("light"), QStringLiteral("dark") }) {
        for (const QString& run :
            { QStringLiteral("sparse pack"), QStringLiteral("error"), QStringLiteral("background") }) {
            StageGridView view;
            if (theme == QLatin1String("dark"))
                view.setPalette(darkPalette());
            view.resize(760, 300);
            view.setRun(m_runs.value(run));
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            if (run == QLatin1String("error"))
                QVERIFY(view.selectStage(QStringLiteral("dense")));
            const QImage image = view.grab().toImage();
            QVERIFY(!image.isNull());
            const QString name =
                QStringLiteral("/tst_stagegrid_%1_%2.png").arg(QString(run).replace(u' ', u'-'), theme);
            QVERIFY(image.save(QCoreApplication::applicationDirPath() + name));
        }
    }
}

QTEST_MAIN(tst_StageGrid)
#include "tst_stagegrid.moc"
