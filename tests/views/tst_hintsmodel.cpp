// SPDX-License-Identifier: MIT
#include "derivedinputs.h"
#include "engine.h"
#include "hintsmodel.h"
#include "hintsview.h"
#include "palettes.h"
#include "runfixture.h"
#include "severitybadge.h"
#include "source.h"
#include "sourcereader.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

const QString kSparsePack =
    QStringLiteral("upstream/sparse-disabled/data/diagnostics/runpacks/sess-sparse-disabled/"
                   "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip");
const QString kSparseDisabledMsg =
    QStringLiteral("RM3 enabled but sparse channels skipped; ensure BM25/SPLADE assets are healthy.");

// The evidence rows right below a row; below a kind row, those of its hints.
int evidenceRows(const QAbstractItemModel& model, const QModelIndex& parent)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        const int type = child.data(HintsModel::RowTypeRole).toInt();
        if (type == HintsModel::EvidenceRow)
            ++count;
        else if (parent.data(HintsModel::RowTypeRole).toInt() == HintsModel::KindRow)
            count += evidenceRows(model, child);
    }
    return count;
}

// A hint row: "kind[evidence]", with its symptoms nested as "kind{symptom[1] ...}[evidence]".
QString hintShape(const QAbstractItemModel& model, const QModelIndex& hint)
{
    QStringList symptoms;
    for (int row = 0; row < model.rowCount(hint); ++row) {
        const QModelIndex child = model.index(row, 0, hint);
        if (child.data(HintsModel::RowTypeRole).toInt() == HintsModel::HintRow)
            symptoms.append(hintShape(model, child));
    }
    QString text = hint.data(HintsModel::HintRole).value<Hint>().kind;
    if (!symptoms.isEmpty())
        text += QLatin1Char('{') + symptoms.join(QLatin1Char(' ')) + QLatin1Char('}');
    return text + QLatin1Char('[') + QString::number(evidenceRows(model, hint)) + QLatin1Char(']');
}

// The tree down to the hints: "Warning (2)[config:sparse-disabled (1)[1] ...] Note (1)[...]", where the
// innermost number is how many evidence rows the hints of that kind have in total; the root cause group holds its
// hint directly: "Root cause[stage:failed[3]]".
QString shape(const QAbstractItemModel& model)
{
    QStringList groups;
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        QStringList children;
        for (int k = 0; k < model.rowCount(group); ++k) {
            const QModelIndex child = model.index(k, 0, group);
            if (child.data(HintsModel::RowTypeRole).toInt() == HintsModel::HintRow)
                children.append(hintShape(model, child));
            else
                children.append(child.data().toString() + QLatin1Char('[') + QString::number(evidenceRows(model, child))
                    + QLatin1Char(']'));
        }
        groups.append(group.data().toString() + QLatin1Char('[') + children.join(QLatin1Char(' ')) + QLatin1Char(']'));
    }
    return groups.join(QLatin1Char(' '));
}

// The hint row of the first hint of a kind, searched through the whole tree.
QModelIndex hintRow(const QAbstractItemModel& model, const QString& kind, int column = HintsModel::MessageColumn,
    const QModelIndex& parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        const int type = child.data(HintsModel::RowTypeRole).toInt();
        if (type == HintsModel::EvidenceRow)
            continue;
        if (type == HintsModel::HintRow && child.data(HintsModel::HintRole).value<Hint>().kind == kind)
            return child.siblingAtColumn(column);
        if (const QModelIndex found = hintRow(model, kind, column, child); found.isValid())
            return found;
    }
    return {};
}

Hints suppressed(Hints hints, const QString& kind)
{
    for (Hint& hint : hints) {
        if (hint.kind == kind)
            hint.suppressedBy = kind + QLatin1String(" *");
    }
    return hints;
}

} // namespace

class tst_HintsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void structure_data();
    void structure();
    void hintColumns_data();
    void hintColumns();
    void evidenceRows();
    void storedOrigin();
    void whySummary_data();
    void whySummary();
    void evidenceActivatedOnClick_data();
    void evidenceActivatedOnClick();
    void evidenceActivatedOnEnter();
    void details();
    void manyEvidenceItems();
    void navigation_data();
    void navigation();
    void rootCauseFirst();
    void severityBadge();
    void screenshots();

private:
    QHash<QString, RunPtr> m_runs;
};

void tst_HintsModel::initTestCase()
{
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en")); // English plurals
    m_runs.insert(QStringLiteral("happy"), RunLines::fromFixture(kHappyFile, kHappyRun).build());
    m_runs.insert(QStringLiteral("sparse"), RunLines::fromFixture(kSparseFile, kSparseRun).build());
    m_runs.insert(QStringLiteral("error"), RunLines::fromFixture(kErrorFile, kErrorRun).build());
    RunLines cutOff = RunLines::fromFixture(kHappyFile, kHappyRun);
    cutOff.objects = cutOff.objects.mid(0, 50);
    m_runs.insert(QStringLiteral("cut off"), cutOff.build());
    const SourcePtr pack = readSource(fixture(kSparsePack));
    QVERIFY2(pack->ok() && pack->runs.size() == 1, qPrintable(pack->fatalError));
    m_runs.insert(QStringLiteral("sparse pack"), pack->runs.front());
    QTemporaryDir dir;
    const QString plainPath = dir.filePath(QStringLiteral("plain.zip"));
    QVERIFY(writeFile(plainPath, plainSemanticPack()));
    const SourcePtr plain = readSource(plainPath);
    QVERIFY2(plain->ok() && plain->runs.size() == 1, qPrintable(plain->fatalError));
    m_runs.insert(QStringLiteral("plain semantic pack"), plain->runs.front());
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it)
        QVERIFY2(it.value(), qPrintable(it.key()));
}

void tst_HintsModel::structure_data()
{
    QTest::addColumn<QString>("run");
    QTest::addColumn<QString>("suppress"); // a kind to mark as suppressed by hand
    QTest::addColumn<QString>("expected");

    QTest::addRow("sparse-disabled") << QStringLiteral("sparse") << QString()
                                     << QStringLiteral("Warning (2)[config:sparse-disabled (1)[3] channel:unavailable "
                                                       "(1)[1]] Note (1)[channel:disabled (1)[1]]");
    QTest::addRow("sparse-disabled, the note suppressed")
        << QStringLiteral("sparse") << QStringLiteral("channel:disabled")
        << QStringLiteral("Warning (2)[config:sparse-disabled (1)[3] channel:unavailable (1)[1]] "
                          "Suppressed (1)[channel:disabled (1)[1]]");
    QTest::addRow("sparse-disabled, a warning suppressed")
        << QStringLiteral("sparse") << QStringLiteral("config:sparse-disabled")
        << QStringLiteral("Warning (1)[channel:unavailable (1)[1]] Note (1)[channel:disabled (1)[1]] "
                          "Suppressed (1)[config:sparse-disabled (1)[3]]");
    QTest::addRow("error-embed") << QStringLiteral("error") << QString()
                                 << QStringLiteral("Root cause[stage:failed[3]]");
    // Cut off inside hydrate: the interrupted stage and the missing hydration are its symptoms, nested under it.
    QTest::addRow("cut off inside hydrate") << QStringLiteral("cut off") << QString()
                                            << QStringLiteral("Root cause, with 2 symptoms[run:cut-off{stage:failed[2] "
                                                              "gap:hydrate[4]}[2]]");
    QTest::addRow("happy path has no hints") << QStringLiteral("happy") << QString() << QString();
    // Upstream's stored gap:hydrate, disproved by the completed catalog.hydrate: its own group, with the
    // deciding line as evidence (issue 13).
    QTest::addRow("plain semantic pack: disputed")
        << QStringLiteral("plain semantic pack") << QString() << QStringLiteral("Disputed (1)[gap:hydrate (1)[1]]");
    QTest::addRow("plain semantic pack: disputed and suppressed") << QStringLiteral(
        "plain semantic pack") << QStringLiteral("gap:hydrate") << QStringLiteral("Suppressed (1)[gap:hydrate (1)[1]]");
}

void tst_HintsModel::structure()
{
    QFETCH(QString, run);
    QFETCH(QString, suppress);
    QFETCH(QString, expected);

    HintsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RunPtr snapshot = m_runs.value(run);
    model.setHints(snapshot, suppressed(detectRun(*snapshot), suppress));
    QCOMPARE(shape(model), expected);
    QCOMPARE(model.columnCount(), int(HintsModel::ColumnCount));
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        QCOMPARE(model.rowType(group), HintsModel::GroupRow);
        QVERIFY(!group.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(group.data(HintsModel::EventRole).toInt(), -1);
    }

    // Resets to nothing and back keep the tester quiet.
    model.setHints(nullptr, {});
    QCOMPARE(model.rowCount(), 0);
    model.setHints(snapshot, detectRun(*snapshot));
}

void tst_HintsModel::hintColumns_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("why");
    QTest::addColumn<QString>("evidence");
    QTest::addColumn<int>("event");

    QTest::addRow("config:sparse-disabled") << QStringLiteral("config:sparse-disabled") << kSparseDisabledMsg
                                            << QStringLiteral("budgets: {") << QStringLiteral("test.jsonl:17") << 16;
    QTest::addRow("channel:unavailable")
        << QStringLiteral("channel:unavailable")
        << QStringLiteral("Channel splade was skipped: capability_off (missing onnxruntime_importable).")
        << QStringLiteral("channel: splade, reason: capability_off (missing onnxruntime_importable)")
        << QStringLiteral("test.jsonl:24") << 23;
    QTest::addRow("channel:disabled") << QStringLiteral("channel:disabled")
                                      << QStringLiteral("Channel bm25 is switched off by configuration (disabled).")
                                      << QStringLiteral("channel: bm25, reason: disabled")
                                      << QStringLiteral("test.jsonl:23") << 22;
}

void tst_HintsModel::hintColumns()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QFETCH(QString, why);
    QFETCH(QString, evidence);
    QFETCH(int, event);

    HintsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RunPtr run = m_runs.value(QStringLiteral("sparse"));
    model.setHints(run, detectRun(*run));
    const QModelIndex row = hintRow(model, kind);
    QVERIFY(row.isValid());
    QCOMPARE(model.rowType(row), HintsModel::HintRow);
    QCOMPARE(row.data().toString(), message);
    QVERIFY(!row.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(row.siblingAtColumn(HintsModel::OriginColumn).data().toString(), QStringLiteral("computed by Runlens"));
    QVERIFY2(row.siblingAtColumn(HintsModel::WhyColumn).data().toString().startsWith(why),
        qPrintable(row.siblingAtColumn(HintsModel::WhyColumn).data().toString()));
    QCOMPARE(row.siblingAtColumn(HintsModel::EvidenceColumn).data().toString(), evidence);
    QCOMPARE(row.siblingAtColumn(HintsModel::WhyColumn).data(HintsModel::EventRole).toInt(), event);
    QCOMPARE(row.data(HintsModel::SpanRole).toInt(), -1);
    QCOMPARE(row.data(HintsModel::HintRole).value<Hint>().kind, kind);
    QCOMPARE(row.data(HintsModel::SortRole).toString(), message);
    // The full why object, as indented JSON, is in the tooltip.
    const QString json = row.siblingAtColumn(HintsModel::WhyColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(json.startsWith(QLatin1Char('{')) && json.contains(QLatin1String("\n    \"")), qPrintable(json));
}

void tst_HintsModel::evidenceRows()
{
    HintsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RunPtr run = m_runs.value(QStringLiteral("sparse"));
    model.setHints(run, detectRun(*run));
    const QModelIndex hint = hintRow(model, QStringLiteral("config:sparse-disabled"));
    QCOMPARE(model.rowCount(hint), 3);
    const QStringList texts = { QStringLiteral("decision gate.budget"), QStringLiteral("channel channel.skip"),
        QStringLiteral("channel channel.skip") };
    const QStringList locations = { QStringLiteral("test.jsonl:17"), QStringLiteral("test.jsonl:23"),
        QStringLiteral("test.jsonl:24") };
    const QList<int> events = { 16, 22, 23 };
    for (int i = 0; i < 3; ++i) {
        const QModelIndex evidence = model.index(i, HintsModel::MessageColumn, hint);
        QCOMPARE(model.rowType(evidence), HintsModel::EvidenceRow);
        QCOMPARE(evidence.data().toString(), texts[i]);
        QCOMPARE(evidence.siblingAtColumn(HintsModel::EvidenceColumn).data().toString(), locations[i]);
        QCOMPARE(evidence.data(HintsModel::EventRole).toInt(), events[i]);
        QCOMPARE(evidence.data(HintsModel::HintRole).value<Hint>().kind, QStringLiteral("config:sparse-disabled"));
        QVERIFY(model.flags(evidence) & Qt::ItemNeverHasChildren);
        QCOMPARE(model.evidence(evidence)->event, events[i]);
    }
}

void tst_HintsModel::storedOrigin()
{
    HintsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RunPtr run = m_runs.value(QStringLiteral("sparse pack"));
    model.setHints(run, detectRun(*run));
    const QModelIndex stored = hintRow(model, QStringLiteral("config:sparse-disabled"), HintsModel::OriginColumn);
    QVERIFY(stored.isValid());
    QCOMPARE(stored.data().toString(), QStringLiteral("stored"));
    QCOMPARE(hintRow(model, QStringLiteral("channel:unavailable"), HintsModel::OriginColumn).data().toString(),
        QStringLiteral("computed by Runlens"));
}

void tst_HintsModel::whySummary_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::addRow("scalars") << QByteArray(R"({"a": 1, "b": "x", "c": true, "d": null, "e": 0.25})")
                             << QStringLiteral("a: 1, b: x, c: true, d: null, e: 0.25");
    QTest::addRow("small flat object inline")
        << QByteArray(R"({"o": {"k": false, "n": 3}})") << QStringLiteral("o: {k: false, n: 3}");
    QTest::addRow("small array inline") << QByteArray(R"({"list": ["x", 2]})") << QStringLiteral("list: [x, 2]");
    QTest::addRow("empty") << QByteArray("{}") << QString();
}

void tst_HintsModel::whySummary()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QCOMPARE(HintsModel::whySummary(QJsonDocument::fromJson(json).object()), expected);
    // Nested or big values are shortened, never dumped.
    const QString big = HintsModel::whySummary(
        QJsonDocument::fromJson(R"({"o": {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}, "n": {"x": {"y": 1}}})").object());
    QVERIFY2(!big.contains(QLatin1String("a: 1")) && !big.contains(QLatin1String("y: 1")), qPrintable(big));
}

void tst_HintsModel::evidenceActivatedOnClick_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("evidenceRow"); // -1: click the hint row itself
    QTest::addColumn<int>("event");

    QTest::addRow("hint row: its first evidence") << QStringLiteral("channel:unavailable") << -1 << 23;
    QTest::addRow("hint row with three pieces") << QStringLiteral("config:sparse-disabled") << -1 << 16;
    QTest::addRow("second evidence row") << QStringLiteral("config:sparse-disabled") << 1 << 22;
    QTest::addRow("third evidence row") << QStringLiteral("config:sparse-disabled") << 2 << 23;
}

void tst_HintsModel::evidenceActivatedOnClick()
{
    QFETCH(QString, kind);
    QFETCH(int, evidenceRow);
    QFETCH(int, event);

    HintsView view;
    view.resize(800, 500);
    auto* tree = view.findChild<QTreeView*>(QStringLiteral("hintsTree"));
    QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RunPtr run = m_runs.value(QStringLiteral("sparse"));
    view.setHints(run, detectRun(*run));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QModelIndex target = hintRow(*tree->model(), kind);
    QVERIFY(tree->isExpanded(target.parent())); // expanded to kind level by default
    QVERIFY(!tree->isExpanded(target));
    if (evidenceRow >= 0) {
        tree->expand(target);
        target = tree->model()->index(evidenceRow, 0, target);
    }
    QSignalSpy spy(&view, &HintsView::evidenceActivated);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(target).center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), event);
    QCOMPARE(spy.at(0).at(1).toInt(), -1);
    QCOMPARE(view.currentHint()->kind, kind);

    // Group and kind rows lead nowhere.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(tree->model()->index(0, 0)).center());
    QCOMPARE(spy.count(), 1);
}

void tst_HintsModel::evidenceActivatedOnEnter()
{
    HintsView view;
    const RunPtr run = m_runs.value(QStringLiteral("sparse"));
    view.setHints(run, detectRun(*run));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* tree = view.findChild<QTreeView*>(QStringLiteral("hintsTree"));
    tree->setCurrentIndex(hintRow(*tree->model(), QStringLiteral("channel:disabled")));
    tree->setFocus();
    QSignalSpy spy(&view, &HintsView::evidenceActivated);
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 22);
}

// A hint of a run that lost 40,000 lines: every item is a row of the tree, the details link the first ones.
void tst_HintsModel::manyEvidenceItems()
{
    HintsView view;
    auto* browser = view.findChild<QTextBrowser*>(QStringLiteral("hintDetails"));
    auto* tree = view.findChild<QTreeView*>(QStringLiteral("hintsTree"));
    const RunPtr run = m_runs.value(QStringLiteral("sparse"));
    Hint hint;
    hint.kind = QStringLiteral("timeline:lost-lines");
    hint.msg = QStringLiteral("40000 scope end lines have no start");
    for (int i = 0; i < 40000; ++i)
        hint.evidence.push_back({ QStringLiteral("events.jsonl"), i + 1, i % 10, -1, QStringLiteral("step.end a") });
    view.setHints(run, { hint });
    const QModelIndex row = hintRow(*tree->model(), hint.kind);
    QCOMPARE(tree->model()->rowCount(row), 40000);
    tree->setCurrentIndex(row);
    const QString html = browser->toHtml();
    QCOMPARE(html.count(QLatin1String("href=\"evidence:")), 100);
    QVERIFY2(browser->toPlainText().contains(QStringLiteral("and 39,900 more")), qPrintable(browser->toPlainText()));
    // The last item is still a row: selecting it shows where it is.
    tree->setCurrentIndex(tree->model()->index(39999, 0, row));
    QVERIFY(browser->toPlainText().contains(QLatin1String("events.jsonl:40000")));
}

void tst_HintsModel::details()
{
    HintsView view;
    auto* browser = view.findChild<QTextBrowser*>(QStringLiteral("hintDetails"));
    auto* tree = view.findChild<QTreeView*>(QStringLiteral("hintsTree"));
    const RunPtr run = m_runs.value(QStringLiteral("sparse"));
    Hints hints = suppressed(detectRun(*run), QStringLiteral("channel:disabled"));
    view.setHints(run, hints);
    QVERIFY(browser->toPlainText().contains(QLatin1String("Select a hint")));

    const QModelIndex config = hintRow(*tree->model(), QStringLiteral("config:sparse-disabled"));
    tree->setCurrentIndex(config);
    QString text = browser->toPlainText();
    for (const char* part : { "config:sparse-disabled", "Warning", "computed by Runlens", "\"rm3_enabled\": true",
             "test.jsonl:17", "test.jsonl:23", "test.jsonl:24" })
        QVERIFY2(
            text.contains(QLatin1String(part)), qPrintable(QLatin1String(part) + QLatin1String(" not in ") + text));
    QVERIFY(text.contains(kSparseDisabledMsg));

    // Evidence links in the details lead to the evidence too.
    QSignalSpy spy(&view, &HintsView::evidenceActivated);
    emit browser->anchorClicked(QUrl(QStringLiteral("evidence:2")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 23);
    emit browser->anchorClicked(QUrl(QStringLiteral("evidence:7")));
    QCOMPARE(spy.count(), 1);

    // An evidence row also shows its raw line.
    tree->setCurrentIndex(tree->model()->index(1, 0, config));
    text = browser->toPlainText();
    QVERIFY2(text.contains(QLatin1String("Raw line test.jsonl:23")) && text.contains(QLatin1String("\"channel.skip\"")),
        qPrintable(text));

    // A suppressed hint says by what.
    tree->setCurrentIndex(hintRow(*tree->model(), QStringLiteral("channel:disabled")));
    QVERIFY(browser->toPlainText().contains(QLatin1String("channel:disabled *")));

    view.setHints(m_runs.value(QStringLiteral("happy")), {});
    QVERIFY(browser->toPlainText().contains(QLatin1String("No hints")));
}

void tst_HintsModel::navigation_data()
{
    QTest::addColumn<QString>("suppress");
    QTest::addColumn<QString>("moves"); // n = next, p = previous
    QTest::addColumn<QString>("expected");

    QTest::addRow("next walks the tree in order") << QString() << QStringLiteral("nnn")
                                                  << QStringLiteral("config:sparse-disabled channel:unavailable "
                                                                    "channel:disabled");
    QTest::addRow("next wraps around") << QString() << QStringLiteral("nnnn")
                                       << QStringLiteral("config:sparse-disabled channel:unavailable "
                                                         "channel:disabled config:sparse-disabled");
    QTest::addRow("previous starts at the end and wraps")
        << QString() << QStringLiteral("ppp")
        << QStringLiteral("channel:disabled channel:unavailable config:sparse-disabled");
    QTest::addRow("back and forth") << QString() << QStringLiteral("npn")
                                    << QStringLiteral("config:sparse-disabled channel:disabled config:sparse-disabled");
    QTest::addRow("suppressed hints are skipped")
        << QStringLiteral("channel:unavailable") << QStringLiteral("nnn")
        << QStringLiteral("config:sparse-disabled channel:disabled config:sparse-disabled");
}

void tst_HintsModel::navigation()
{
    QFETCH(QString, suppress);
    QFETCH(QString, moves);
    QFETCH(QString, expected);

    HintsView view;
    const RunPtr run = m_runs.value(QStringLiteral("sparse"));
    view.setHints(run, suppressed(detectRun(*run), suppress));
    QSignalSpy spy(&view, &HintsView::evidenceActivated);
    QStringList visited;
    for (QChar move : std::as_const(moves)) {
        QVERIFY(move == u'n' ? view.selectNextHint() : view.selectPreviousHint());
        visited.append(view.currentHint()->kind);
    }
    QCOMPARE(visited.join(QLatin1Char(' ')), expected);
    QCOMPARE(spy.count(), 0); // selecting is not activating

    // Nothing to walk: no hints, or all of them suppressed.
    view.setHints(m_runs.value(QStringLiteral("happy")), {});
    QVERIFY(!view.selectNextHint());
    view.setHints(run,
        suppressed(suppressed(suppressed(detectRun(*run), QStringLiteral("channel:unavailable")),
                       QStringLiteral("channel:disabled")),
            QStringLiteral("config:sparse-disabled")));
    QVERIFY(!view.selectPreviousHint());
}

void tst_HintsModel::rootCauseFirst()
{
    // On open the root cause is selected, so the details explain it without a click; F8 walks on to its
    // symptoms, then to the rest, and round.
    HintsView view;
    const RunPtr run = m_runs.value(QStringLiteral("cut off"));
    view.setHints(run, detectRun(*run));
    QVERIFY(view.currentHint());
    QCOMPARE(view.currentHint()->kind, QStringLiteral("run:cut-off"));
    QVERIFY(view.findChild<QTextBrowser*>(QStringLiteral("hintDetails"))
                ->toPlainText()
                .contains(QLatin1String("its tool operation never ended")));
    QStringList visited;
    while (visited.size() < 8 && view.selectNextHint())
        visited.append(view.currentHint()->kind);
    QCOMPARE(visited.mid(0, 3),
        (QStringList { QStringLiteral("stage:failed"), QStringLiteral("gap:hydrate"), QStringLiteral("run:cut-off") }));
    auto* tree = view.findChild<QTreeView*>(QStringLiteral("hintsTree"));
    const auto* model = qobject_cast<const HintsModel*>(tree->model());
    QVERIFY(model->isSymptom(hintRow(*model, QStringLiteral("gap:hydrate"))));
    QVERIFY(!model->isSymptom(model->rootCauseIndex()));
    QVERIFY(hintRow(*model, QStringLiteral("gap:hydrate"))
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QLatin1String("A consequence of the root cause above")));

    // A run without a root cause selects nothing.
    view.setHints(m_runs.value(QStringLiteral("sparse")), detectRun(*m_runs.value(QStringLiteral("sparse"))));
    QVERIFY(!view.currentHint());
}

void tst_HintsModel::severityBadge()
{
    SeverityBadge badge;
    badge.setCounts(1, 2, 1, 0);
    QString text = badge.text();
    for (const char* part : { "1 error", "2 warning", "1 note" })
        QVERIFY2(text.contains(QLatin1String(part)), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("suppressed")));
    QVERIFY(badge.findChild<QLabel*>(QStringLiteral("suppressedCount"))->isHidden());

    badge.setCounts(0, 0, 3, 2);
    text = badge.text();
    QVERIFY2(text.contains(QLatin1String("0 error")) && text.contains(QLatin1String("2 suppressed")), qPrintable(text));
    QCOMPARE(badge.accessibleName(), text);
    for (Severity severity : { Severity::Error, Severity::Warning, Severity::Note })
        QVERIFY(!SeverityBadge::icon(severity).pixmap(16).isNull());
}

void tst_HintsModel::screenshots()
{
    const RunPtr run = m_runs.value(QStringLiteral("sparse pack"));
    const Hints hints = suppressed(detectRun(*run), QStringLiteral("channel:disabled"));
    for (const QString& theme : { QStringLiteral("light"), QStringLiteral("dark") }) {
        QWidget window;
        if (theme == QLatin1String("dark"))
            window.setPalette(darkPalette());
        auto* layout = new QVBoxLayout(&window);
        auto* view = new HintsView(&window);
        auto* badge = new SeverityBadge(&window);
        layout->addWidget(view);
        layout->addWidget(badge);
        view->setHints(run, hints);
        badge->setCounts(0, 2, 0, 1);
        window.resize(900, 560);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(view->selectNextHint());
        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(
            image.save(QCoreApplication::applicationDirPath() + QStringLiteral("/tst_hintsmodel_%1.png").arg(theme)));
    }
}

QTEST_MAIN(tst_HintsModel)
#include "tst_hintsmodel.moc"
