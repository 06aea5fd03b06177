// SPDX-License-Identifier: MIT
// The first screen at laptop sizes (issue 15): on failed, degraded, cut-off and healthy runs of every fixture, and
// on runs derived from them, the root-cause headline and every stage row are fully visible at 1280x800 and
// 1366x768 with nothing elided and no scrolling, the failing span's name shows in the trace view, and the
// root-cause hint reads in full.
#include "hintsmodel.h"
#include "mainwindow.h"
#include "rootcause.h"
#include "rootcausebanner.h"
#include "runfixture.h"
#include "source.h"
#include "sourceview.h"
#include "spantreemodel.h"
#include "stagegridmodel.h"
#include "stagegridview.h"
#include "traceview.h"
#include "translations.h"

#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <functional>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

constexpr int kTimeoutMs = 20000;

// Writes a run derived from the happy path's lines into DIR and returns the file's path.
using Derive = std::function<void(RunLines&)>;

const QString kLongCatalogError = QStringLiteral(
    "IOException: Could not set lock on file \"/srv/codeintel/catalog/catalog.duckdb\": Conflicting lock is held in "
    "/usr/bin/python3.11 (PID 48213) by user codeintel. See also https://duckdb.org/docs/connect/concurrency");

QHash<QString, Derive> derivations()
{
    QHash<QString, Derive> all;
    all.insert(QStringLiteral("cut off inside hydrate"), [](RunLines& l) { l.objects = l.objects.mid(0, 50); });
    all.insert(QStringLiteral("hydrate failed, long error"), [](RunLines& l) { failHydrate(l, kLongCatalogError); });
    all.insert(QStringLiteral("degraded splade"), [](RunLines& l) {
        for (int nth : { 0, 1 })
            setError(l, l.find(QStringLiteral("step.end"), QStringLiteral("search.splade"), nth),
                QStringLiteral("RuntimeError: SPLADE encoder crashed: CUDA error: an illegal memory access was "
                               "encountered (device 0, stream 7)"));
    });
    return all;
}

bool fits(const QRect& inner, const QRect& outer)
{
    return inner.isValid() && outer.contains(inner);
}

// Whether a cell's text shows whole at the cell's size: on one line, or wrapped within the row's height.
bool cellTextFits(const QAbstractItemView* view, const QModelIndex& index)
{
    const QString text = index.data().toString();
    if (text.isEmpty())
        return true;
    const QRect cell = view->visualRect(index);
    const QFontMetrics metrics = view->fontMetrics();
    const int margins = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
    int available = cell.width() - margins;
    if (!index.data(Qt::DecorationRole).isNull())
        available -= view->iconSize().width() > 0 ? view->iconSize().width() + 4 : 20;
    const QRect needed = metrics.boundingRect(QRect(0, 0, available, 100000), Qt::TextWordWrap, text);
    return needed.width() <= available && needed.height() <= cell.height();
}

} // namespace

class tst_FirstScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        QVERIFY(m_dir.isValid());
        const QHash<QString, Derive> all = derivations();
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            RunLines lines = RunLines::fromFixture(kHappyFile, kHappyRun);
            it.value()(lines);
            QFile file(m_dir.filePath(QString(it.key()).replace(u' ', u'-').replace(u',', u'_') + u".jsonl"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.write(lines.toJsonl()) > 0);
            m_derived.insert(it.key(), file.fileName());
        }
    }
    void cleanupTestCase() { QSettings().clear(); }

    void wholeAtLaptopSizes_data();
    void wholeAtLaptopSizes();

private:
    QTemporaryDir m_dir;
    QHash<QString, QString> m_derived;
};

void tst_FirstScreen::wholeAtLaptopSizes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("runId"); // the run to look at; empty: the one shown on open
    QTest::addColumn<QString>("headline"); // the start of the banner's text
    QTest::addColumn<QString>("rootHint"); // the root-cause hint's kind; empty: none

    struct Input
    {
        const char* name;
        QString path;
        QString runId;
        QString headline;
        QString rootHint;
    };
    const QString seedError =
        fixture(QStringLiteral("seed-layout/runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560554.zip"));
    const QString seedSparse = fixture(
        QStringLiteral("seed-layout/runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560553.zip"));
    const QList<Input> inputs {
        { "error-embed timeline", fixture(QStringLiteral("upstream/error-embed/data/diagnostics")), kErrorRun,
            QStringLiteral("Failed at embed: ConnectionError: vLLM HTTP 503"), QStringLiteral("stage:failed") },
        { "error-embed pack", kErrorPackPath, QString(), QStringLiteral("Failed at embed: ConnectionError"),
            QStringLiteral("stage:failed") },
        { "error-embed seed pack", seedError, QString(), QStringLiteral("Failed at embed"),
            QStringLiteral("stage:failed") },
        { "sparse-disabled pack", kSparsePackPath, QString(), QStringLiteral("Complete in"), QString() },
        { "sparse-disabled seed pack", seedSparse, QString(), QStringLiteral("Complete in"), QString() },
        { "happy path, three runs", kHappyDirectoryPath, kHappyRun, QStringLiteral("Complete in"), QString() },
        { "cut off inside hydrate", m_derived.value(QStringLiteral("cut off inside hydrate")), QString(),
            QStringLiteral("Cut off in hydrate"), QStringLiteral("run:cut-off") },
        { "hydrate failed, long error", m_derived.value(QStringLiteral("hydrate failed, long error")), QString(),
            QStringLiteral("Failed at hydrate: IOException: Could not set lock"), QStringLiteral("stage:failed") },
        { "degraded splade", m_derived.value(QStringLiteral("degraded splade")), QString(),
            QStringLiteral("Complete, degraded: sparse:splade RuntimeError"), QStringLiteral("channel:failed") },
    };
    for (const char* size : { "1280x800", "1366x768" }) {
        for (const Input& input : inputs)
            QTest::addRow("%s, %s", input.name, size) << input.path << input.runId << input.headline << input.rootHint;
    }
}

void tst_FirstScreen::wholeAtLaptopSizes()
{
    QFETCH(QString, path);
    QFETCH(QString, runId);
    QFETCH(QString, headline);
    QFETCH(QString, rootHint);
    const QStringList size = QString::fromLatin1(QTest::currentDataTag()).section(u' ', -1).split(u'x');

    QSettings().clear(); // the layout is fitted, not restored from an earlier row
    MainWindow window;
    window.resize(size[0].toInt(), size[1].toInt());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SourceView* view = window.openPath(path, MainWindow::RecentFiles::Skip);
    QVERIFY(QTest::qWaitFor(
        [view] { return view->state() != SourceView::State::Loading && view->hintReport(); }, kTimeoutMs));
    if (!runId.isEmpty()) {
        const RunPtr run = view->source()->findRun({}, runId);
        QVERIFY(run);
        QVERIFY(view->selectRun(run->sessionId, run->runId));
    }
    QVERIFY(view->currentRun());
    QCoreApplication::processEvents(); // queued relayouts (wrapped rows) run
    const QRect screen = window.rect();

    // The headline: visible, whole (its wrapped text fits its height), inside the window.
    auto* banner = view->findChild<RootCauseBanner*>(QStringLiteral("rootCause"));
    QVERIFY(banner && banner->isVisible());
    QVERIFY2(banner->text().startsWith(headline), qPrintable(banner->text()));
    QVERIFY(fits(QRect(banner->mapTo(&window, QPoint(0, 0)), banner->size()), screen));
    auto* label = banner->findChild<QLabel*>(QStringLiteral("rootCauseText"));
    QVERIFY2(label->heightForWidth(label->width()) <= label->height(),
        qPrintable(QStringLiteral("%1 > %2").arg(label->heightForWidth(label->width())).arg(label->height())));

    // Every stage row inside the grid's viewport, no scroll bar, every cell's text whole.
    auto* table = view->findChild<QTableView*>(QStringLiteral("stageGridTable"));
    QVERIFY(table && table->isVisible());
    const int rows = table->model()->rowCount();
    QVERIFY(rows >= 8);
    QVERIFY(fits(QRect(table->mapTo(&window, QPoint(0, 0)), table->size()), screen));
    QCOMPARE(table->verticalScrollBar()->maximum(), 0);
    QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            const QModelIndex index = table->model()->index(row, column);
            QVERIFY2(fits(table->visualRect(index), table->viewport()->rect()),
                qPrintable(QStringLiteral("row %1 column %2 outside the grid").arg(row).arg(column)));
            QVERIFY2(cellTextFits(table, index), qPrintable(QStringLiteral("elided: %1").arg(index.data().toString())));
        }
    }

    // The failing span: its row in the trace view's span tree open, inside the viewport, its name whole.
    auto* trace = view->findChild<TraceView*>();
    QVERIFY(trace && trace->isVisible());
    const int failingRow = trace->spanTreeModel()->tree().failingRow();
    QCOMPARE(failingRow >= 0, !rootHint.isEmpty());
    if (failingRow >= 0) {
        QTreeView* spans = trace->spanTree();
        const QModelIndex failing = trace->spanTreeModel()->indexOfRow(failingRow);
        QVERIFY(!failing.data().toString().isEmpty());
        QVERIFY2(fits(spans->visualRect(failing), spans->viewport()->rect()), qPrintable(failing.data().toString()));
        QVERIFY2(cellTextFits(spans, failing), qPrintable(failing.data().toString()));
    }

    // The root-cause hint: selected, its row inside the tree, its message whole.
    auto* tree = view->findChild<QTreeView*>(QStringLiteral("hintsTree"));
    const auto* hints = qobject_cast<const HintsModel*>(tree->model());
    const QModelIndex root = hints->rootCauseIndex();
    if (rootHint.isEmpty()) {
        QVERIFY(!root.isValid());
        return;
    }
    QVERIFY(root.isValid());
    QCOMPARE(hints->hint(root)->kind, rootHint);
    QCOMPARE(tree->currentIndex().siblingAtColumn(0), root);
    QVERIFY(fits(tree->visualRect(root), tree->viewport()->rect()));
    QVERIFY2(cellTextFits(tree, root), qPrintable(root.data().toString()));
}

QTEST_MAIN(tst_FirstScreen)
#include "tst_firstscreen.moc"
