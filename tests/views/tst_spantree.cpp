// SPDX-License-Identifier: MIT
// The span tree: rows nested by parent with the tool's step and operation on one row, stage tags,
// point events on the innermost open span's row, the critical path and the failing row; and the
// item model over it, checked by QAbstractItemModelTester.
#include "runfixture.h"
#include "spantree.h"
#include "spantreemodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QIcon>
#include <QTest>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

// The happy run without the start line of its first search.faiss step: that step's end is an orphan.
RunPtr orphanEndRun()
{
    RunLines lines = RunLines::fromFixture(kHappyFile, kHappyRun);
    lines.objects.removeAt(lines.find(QStringLiteral("step.start"), QStringLiteral("search.faiss")));
    return lines.build();
}

QJsonObject scopeLine(const QString& type, const QString& name, double ts)
{
    return { { QStringLiteral("ts"), 1795560451.0 + ts }, { QStringLiteral("session_id"), QStringLiteral("s") },
        { QStringLiteral("run_id"), QStringLiteral("r") }, { QStringLiteral("type"), type },
        { QStringLiteral("name"), name }, { QStringLiteral("status"), QStringLiteral("ok") } };
}

// Scopes of the same name inside each other: only a step and an operation, the one the only scope
// inside the other, share a row.
RunPtr sameNameRun()
{
    RunLines lines;
    double ts = 0;
    const auto add = [&](const char* type, const char* name) {
        lines.objects.append(scopeLine(QLatin1String(type), QLatin1String(name), ts += 0.001));
    };
    add("step.start", "a"); // step a { operation a { step b } }: one row for a
    add("operation.start", "a");
    add("step.start", "b");
    add("step.end", "b");
    add("operation.end", "a");
    add("step.end", "a");
    add("operation.start", "c"); // operation c { step c }: one row
    add("step.start", "c");
    add("step.end", "c");
    add("operation.end", "c");
    add("step.start", "d"); // step d { step d }: two steps, two rows
    add("step.start", "d");
    add("step.end", "d");
    add("step.end", "d");
    add("step.start", "e"); // step e { operation e, step f }: the operation is not alone, two rows
    add("operation.start", "e");
    add("operation.end", "e");
    add("step.start", "f");
    add("step.end", "f");
    add("step.end", "e");
    return lines.build();
}

// `count` spans over a minute: chains of eight nested spans, one after another.
RunPtr generatedRun(int count)
{
    auto run = std::make_shared<Run>();
    run->startedAt = 0;
    const Atom step(QStringLiteral("step"));
    const Atom name(QStringLiteral("search.faiss"));
    const Atom ok(QStringLiteral("ok"));
    run->spans.resize(size_t(count));
    for (int i = 0; i < count; ++i) {
        Span& span = run->spans[size_t(i)];
        span.kind = step;
        span.name = name;
        span.depth = i % 8;
        span.parent = span.depth > 0 ? i - 1 : -1;
        span.startEvent = -1;
        span.endEvent = -1;
        const int slot = i / 8; // eight spans per slot
        span.startTs = slot * 0.0005 + span.depth * 1e-5;
        span.endTs = span.startTs + 0.0004 - span.depth * 2e-5;
        span.status = ok;
    }
    return run;
}

// "depth name [+merged kind] {status}", one line per row in tree order.
QStringList dump(const SpanTree& tree, const SpanTreeModel& model, const Run& run)
{
    QStringList lines;
    std::vector<int> stack;
    for (int p = tree.childCount(-1) - 1; p >= 0; --p)
        stack.push_back(tree.child(-1, p));
    while (!stack.empty()) {
        const int row = stack.back();
        stack.pop_back();
        QString line = QString::number(tree.depth(row)) + QLatin1Char(' ') + model.rowName(row);
        if (tree.mergedSpan(row) >= 0)
            line += QLatin1String(" +") + run.spans[size_t(tree.mergedSpan(row))].kind;
        if (tree.status(row) != SpanStatus::Ok)
            line += QLatin1String(" {") + QString::number(int(tree.status(row))) + QLatin1Char('}');
        lines.append(line);
        for (int p = tree.childCount(row) - 1; p >= 0; --p)
            stack.push_back(tree.child(row, p));
    }
    return lines;
}

QString namesOf(const SpanTree& tree, const Run& run, const std::vector<int>& rows)
{
    QStringList names;
    for (int row : rows)
        names.append(run.spans[size_t(tree.span(row))].name);
    return names.join(QLatin1String(" > "));
}

const QStringList kHappyTree = {
    QStringLiteral("0 mcp.tool:search.semantic_pro +operation"),
    QStringLiteral("1 vllm.embed_batch  [embed]"),
    QStringLiteral("2 embed.vllm  [embed]"),
    QStringLiteral("1 search.faiss  [dense]"),
    QStringLiteral("1 retrieval.search"),
    QStringLiteral("2 hybrid.search"),
    QStringLiteral("3 retrieval.gather_channels  [gather]"),
    QStringLiteral("4 search.faiss  [gather]"),
    QStringLiteral("4 search.bm25  [sparse:bm25]"),
    QStringLiteral("5 search.bm25  [sparse:bm25]"),
    QStringLiteral("4 search.splade  [sparse:splade]"),
    QStringLiteral("5 search.splade  [sparse:splade]"),
    QStringLiteral("3 retrieval.fuse  [fuse]"),
    QStringLiteral("4 fusion.rrf  [fuse]"),
    QStringLiteral("5 search.rrf_fuse  [fuse]"),
    QStringLiteral("1 hydrate.duckdb  [hydrate]"),
    QStringLiteral("2 catalog.hydrate  [hydrate]"),
    QStringLiteral("3 sql.exec  [hydrate]"),
};

} // namespace

class tst_SpanTree : public QObject
{
    Q_OBJECT
private slots:
    void tree_data();
    void tree();
    void pointEventsOnInnermostRow();
    void unknownParentsAreTopLevel();
    void generatedRunShape();
    void modelRolesAndReset();
};

void tst_SpanTree::tree_data()
{
    QTest::addColumn<RunPtr>("run");
    QTest::addColumn<QStringList>("rows"); // dump(); empty: only the other columns are checked
    QTest::addColumn<QString>("critical");
    QTest::addColumn<QString>("failing"); // the failing row's path
    QTest::addColumn<int>("failingStatus");

    const RunPtr happy = RunLines::fromFixture(kHappyFile, kHappyRun).build();
    QTest::addRow("happy: tool step and operation on one row, stage tags")
        << happy << kHappyTree
        << QStringLiteral("mcp.tool:search.semantic_pro > hydrate.duckdb > catalog.hydrate > sql.exec") << QString()
        << -1;

    QTest::addRow("error embed: the failing path")
        << RunLines::fromFixture(kErrorFile, kErrorRun).build()
        << QStringList { QStringLiteral("0 mcp.tool:search.semantic_pro +operation {3}"),
               QStringLiteral("1 vllm.embed_batch  [embed] {3}"), QStringLiteral("2 embed.vllm  [embed] {3}") }
        << QStringLiteral("mcp.tool:search.semantic_pro > vllm.embed_batch > embed.vllm")
        << QStringLiteral("mcp.tool:search.semantic_pro > vllm.embed_batch > embed.vllm") << int(SpanStatus::Error);

    QStringList cut = kHappyTree.mid(0, 15);
    cut[0] += QLatin1String(" {2}");
    QTest::addRow("cut off: the unclosed tool row")
        << cutOffRun() << cut
        << QStringLiteral("mcp.tool:search.semantic_pro > retrieval.search > hybrid.search > retrieval.fuse > "
                          "fusion.rrf > search.rrf_fuse")
        << QStringLiteral("mcp.tool:search.semantic_pro") << int(SpanStatus::Unclosed);

    // The orphan end keeps its place (it is at its end line in Run::spans) and its stage.
    QTest::addRow("orphan end") << orphanEndRun() << kHappyTree
                                << QStringLiteral(
                                       "mcp.tool:search.semantic_pro > hydrate.duckdb > catalog.hydrate > sql.exec")
                                << QString() << -1;

    QTest::addRow("same-name nesting") << sameNameRun()
                                       << QStringList { QStringLiteral("0 a +operation"), QStringLiteral("1 b"),
                                              QStringLiteral("0 c +step"), QStringLiteral("0 d"), QStringLiteral("1 d"),
                                              QStringLiteral("0 e"), QStringLiteral("1 e"), QStringLiteral("1 f") }
                                       << QStringLiteral("e > f") << QString() << -1;
}

void tst_SpanTree::tree()
{
    QFETCH(RunPtr, run);
    QFETCH(QStringList, rows);
    QFETCH(QString, critical);
    QFETCH(QString, failing);
    QFETCH(int, failingStatus);
    QVERIFY(run);
    SpanTreeModel model;
    model.setRun(run);
    const SpanTree& tree = model.tree();
    QCOMPARE(dump(tree, model, *run), rows);

    // Every span is on exactly one row, and a row's parent is its first span's parent's row.
    int merged = 0;
    for (int row = 0; row < tree.rowCount(); ++row) {
        QCOMPARE(tree.rowOfSpan(tree.span(row)), row);
        if (tree.mergedSpan(row) >= 0) {
            QCOMPARE(tree.rowOfSpan(tree.mergedSpan(row)), row);
            ++merged;
        }
        const int parent = run->spans[size_t(tree.span(row))].parent;
        QCOMPARE(tree.parentRow(row), parent >= 0 ? tree.rowOfSpan(parent) : -1);
        QVERIFY(tree.startMs(row) <= tree.endMs(row));
        QCOMPARE(
            tree.isOnCriticalPath(row), std::count(tree.criticalPath().begin(), tree.criticalPath().end(), row) == 1);
    }
    QCOMPARE(tree.rowCount() + merged, int(run->spans.size()));
    const auto orphan =
        std::find_if(run->spans.begin(), run->spans.end(), [](const Span& s) { return s.isOrphanEnd(); });
    QCOMPARE(orphan != run->spans.end(), qstrcmp(QTest::currentDataTag(), "orphan end") == 0);

    QCOMPARE(namesOf(tree, *run, tree.criticalPath()), critical);
    if (failing.isEmpty()) {
        QCOMPARE(tree.failingRow(), -1);
    } else {
        QVERIFY(tree.failingRow() >= 0);
        QCOMPARE(namesOf(tree, *run, tree.pathTo(tree.failingRow())), failing);
        QCOMPARE(int(tree.status(tree.failingRow())), failingStatus);
    }
}

void tst_SpanTree::pointEventsOnInnermostRow()
{
    const RunPtr run = RunLines::fromFixture(kHappyFile, kHappyRun).build();
    const SpanTree tree(*run);
    int points = 0;
    for (int row = 0; row < tree.rowCount(); ++row) {
        const auto [first, last] = tree.events(row);
        for (const int* e = first; e != last; ++e) {
            ++points;
            QCOMPARE(tree.rowOfEvent(*e), row);
            if (e != first)
                QVERIFY(run->events[size_t(*(e - 1))].ts <= run->events[size_t(*e)].ts);
        }
    }
    // Every line is a scope line of a span or a point event on a row.
    QCOMPARE(points, int(run->events.size() - 2 * run->spans.size()));

    const auto rowOf = [&](const char* type, const char* name) {
        for (size_t i = 0; i < run->events.size(); ++i) {
            if (run->events[i].type == QLatin1String(type) && run->events[i].name == QLatin1String(name))
                return tree.rowOfEvent(int(i));
        }
        return -2;
    };
    const auto nameOf = [&](int row) {
        return row >= 0 ? QString(run->spans[size_t(tree.span(row))].name) : QString();
    };
    QCOMPARE(nameOf(rowOf("decision", "gate.budget")), QStringLiteral("hybrid.search"));
    QCOMPARE(nameOf(rowOf("io", "duckdb.query")), QStringLiteral("catalog.hydrate"));
    QCOMPARE(nameOf(rowOf("faiss.search.start", "faiss")), QStringLiteral("mcp.tool:search.semantic_pro"));
    // After the tool's scopes ended: the top-level row started last.
    QCOMPARE(nameOf(rowOf("http.request", "/mcp")), QStringLiteral("mcp.tool:search.semantic_pro"));
}

void tst_SpanTree::unknownParentsAreTopLevel()
{
    auto run = std::make_shared<Run>(*RunLines::fromFixture(kHappyFile, kHappyRun).build());
    const int count = int(run->spans.size());
    run->spans[3].parent = 100000; // out of range
    run->spans[5].parent = 7; // after the span itself: not a parent that started before it
    run->spans[6].parent = 6; // itself
    const SpanTree tree(*run);
    for (int span : { 3, 5, 6 })
        QCOMPARE(tree.parentRow(tree.rowOfSpan(span)), -1);
    int rows = 0;
    std::vector<int> stack = { -1 };
    while (!stack.empty()) {
        const int row = stack.back();
        stack.pop_back();
        for (int p = 0; p < tree.childCount(row); ++p) {
            QCOMPARE(tree.position(tree.child(row, p)), p);
            stack.push_back(tree.child(row, p));
            ++rows;
        }
    }
    QCOMPARE(rows, tree.rowCount()); // every row is reachable once
    QCOMPARE(tree.rowCount(), count - 1);
}

void tst_SpanTree::generatedRunShape()
{
    constexpr int kSpans = 100'000;
    const RunPtr run = generatedRun(kSpans);
    SpanTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(run); // its speed is bench_waterfall's (buildSpanTree), not a test's
    const SpanTree& tree = model.tree();
    QCOMPARE(tree.rowCount(), kSpans);
    QCOMPARE(model.rowCount(), kSpans / 8);
    QCOMPARE(tree.depth(7), 7);
    QCOMPARE(tree.criticalPath().size(), size_t(8)); // the last chain
    QCOMPARE(tree.span(tree.criticalPath().front()), kSpans - 8);
    const QModelIndex deepest = model.indexOfSpan(kSpans - 1);
    QCOMPARE(deepest.parent(), model.indexOfSpan(kSpans - 2));
}

void tst_SpanTree::modelRolesAndReset()
{
    SpanTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);

    const RunPtr happy = RunLines::fromFixture(kHappyFile, kHappyRun).build();
    model.setRun(happy);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex tool = model.index(0, SpanTreeModel::NameColumn);
    QCOMPARE(tool.data().toString(), QStringLiteral("mcp.tool:search.semantic_pro"));
    const QList<int> toolSpans = tool.data(SpanTreeModel::SpansRole).value<QList<int>>();
    QCOMPARE(toolSpans.size(), 2);
    QCOMPARE(toolSpans.at(1), happy->toolSpan); // the operation inside the step
    QCOMPARE(happy->spans[size_t(toolSpans.at(0))].kind, QStringLiteral("step"));
    QCOMPARE(tool.data(SpanTreeModel::CriticalPathRole).toBool(), true);
    QVERIFY(tool.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(tool.siblingAtColumn(SpanTreeModel::DurationColumn).data().toString(), QStringLiteral("45 ms"));
    QCOMPARE(tool.siblingAtColumn(SpanTreeModel::StatusColumn).data().toString(), QStringLiteral("ok"));
    QVERIFY(!tool.siblingAtColumn(SpanTreeModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(tool.data(Qt::ToolTipRole).toString().contains(QLatin1String("With the operation of the same name")));

    const QModelIndex embed = model.index(0, 0, tool);
    QCOMPARE(embed.data().toString(), QStringLiteral("vllm.embed_batch  [embed]"));
    QCOMPARE(embed.data(SpanTreeModel::StageRole).toString(), QStringLiteral("embed"));
    QCOMPARE(embed.data(SpanTreeModel::CriticalPathRole).toBool(), false);
    QCOMPARE(model.rowCount(embed), 1);
    QVERIFY(model.flags(model.index(0, 0, embed)).testFlag(Qt::ItemNeverHasChildren));
    QCOMPARE(model.indexOfSpan(embed.data(SpanTreeModel::SpansRole).value<QList<int>>().front()), embed);
    QCOMPARE(model.headerData(SpanTreeModel::DurationColumn, Qt::Horizontal).toString(), QStringLiteral("Duration"));

    const RunPtr error = RunLines::fromFixture(kErrorFile, kErrorRun).build();
    model.setRun(error);
    const QModelIndex failing = model.indexOfRow(model.tree().failingRow(), SpanTreeModel::StatusColumn);
    QCOMPARE(failing.siblingAtColumn(0).data().toString(), QStringLiteral("embed.vllm  [embed]"));
    QCOMPARE(failing.data().toString(), QStringLiteral("error"));
    QCOMPARE(failing.data(SpanTreeModel::StatusRole).toInt(), int(SpanStatus::Error));

    model.setRun(cutOffRun());
    QCOMPARE(model.index(0, SpanTreeModel::StatusColumn).data().toString(), QStringLiteral("unclosed"));
    model.setRun(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(tst_SpanTree)
#include "tst_spantree.moc"
