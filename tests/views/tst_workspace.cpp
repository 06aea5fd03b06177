// SPDX-License-Identifier: MIT
// The workspace of a loaded source, driven through the window: hints arrive from the worker and
// reach the runs list, the filter and the badge; stage cells, hints and problems jump to their
// events; Export Hints and Regenerate Pack write their files off the GUI thread.
#include "eventsview.h"
#include "hintsview.h"
#include "mainwindow.h"
#include "pictureactions.h"
#include "problemsview.h"
#include "regeneratepackdialog.h"
#include "runfixture.h"
#include "runlistmodel.h"
#include "severitybadge.h"
#include "source.h"
#include "sourcereader.h"
#include "sourceview.h"
#include "stagegridview.h"
#include "synthdir.h"
#include "tracebars.h"
#include "traceview.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Runlens;

namespace {

QString errorTimeline()
{
    return Test::fixture("upstream/error-embed/data/diagnostics/events-20261124.jsonl");
}
constexpr int kTimeoutMs = 20000;

// Opens PATH and waits until both the source and its hints are in.
SourceView* openAndWait(MainWindow& window, const QString& path)
{
    SourceView* view = window.openPath(path, MainWindow::RecentFiles::Skip);
    if (!QTest::qWaitFor(
            [view] { return view->state() != SourceView::State::Loading && view->hintReport(); }, kTimeoutMs))
        return nullptr;
    return view;
}

int visibleRuns(const QTreeView* tree)
{
    const QAbstractItemModel* model = tree->model();
    int runs = 0;
    for (int s = 0; s < model->rowCount(); ++s)
        runs += model->rowCount(model->index(s, 0));
    return runs;
}

} // namespace

class tst_Workspace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en")); // English plurals
    }
    void cleanupTestCase() { QSettings().clear(); }

    void hintsReachListFilterAndBadge_data();
    void hintsReachListFilterAndBadge();
    void failedStageSelectsItsSpansAndEvents();
    void nextHintJumpsToEvidence();
    void pagesByShortcut();
    void problemJumpsToItsEvent();
    void layoutRoundTrip();
    void exportHints_data();
    void exportHints();
    void regeneratePack();
    void packDialogDefaults();
    void exportsStartInDocuments();
    void pictures_data();
    void pictures();
    void pictureMenuOnClickNotDrag();
    void earlyViewKeepsSelection_data();
    void earlyViewKeepsSelection();
};

void tst_Workspace::hintsReachListFilterAndBadge_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("hintsCell"); // the first run's Hints column
    QTest::addColumn<QString>("kind"); // a kind to filter by; empty: the kind list is empty
    QTest::addColumn<int>("runsOfKind");
    QTest::addColumn<QString>("badge");

    QTest::newRow("sparse disabled") << Test::kSparsePackPath << QStringLiteral("2W 1N")
                                     << QStringLiteral("config:sparse-disabled") << 1
                                     << QStringLiteral("0 errors, 2 warnings, 1 note");
    QTest::newRow("embed error") << Test::kErrorPackPath << QStringLiteral("1E") << QStringLiteral("stage:failed") << 1
                                 << QStringLiteral("1 error, 0 warnings, 0 notes");
    QTest::newRow("happy path: three runs, no hints") << Test::kHappyDirectoryPath << QStringLiteral("–") << QString()
                                                      << 0 << QStringLiteral("0 errors, 0 warnings, 0 notes");
}

void tst_Workspace::hintsReachListFilterAndBadge()
{
    QFETCH(QString, path);
    QFETCH(QString, hintsCell);
    QFETCH(QString, kind);
    QFETCH(int, runsOfKind);
    QFETCH(QString, badge);

    MainWindow window;
    window.show();
    SourceView* view = openAndWait(window, path);
    QVERIFY(view);
    auto* tree = view->findChild<QTreeView*>(QStringLiteral("runTree"));
    QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // The first run of the source (not the background run of the happy path's startup session).
    const RunPtr first =
        view->source()->runs.front()->tool.isEmpty() ? view->source()->runs.at(1) : view->source()->runs.front();
    QVERIFY(view->selectRun(first->sessionId, first->runId));
    QCOMPARE(tree->currentIndex().siblingAtColumn(RunListModel::HintsColumn).data().toString(), hintsCell);
    QCOMPARE(window.severityBadge()->text(), badge);

    auto* kinds = view->findChild<QComboBox*>(QStringLiteral("hintKindFilter"));
    QVERIFY(kinds->isEnabled());
    if (kind.isEmpty()) {
        QCOMPARE(kinds->count(), 1); // "All hint kinds" only
        return;
    }
    const int item = kinds->findData(kind);
    QVERIFY2(item > 0, qPrintable(kind));
    const int total = visibleRuns(tree);
    kinds->setCurrentIndex(item);
    QCOMPARE(visibleRuns(tree), runsOfKind);
    kinds->setCurrentIndex(0);
    QCOMPARE(visibleRuns(tree), total);
}

void tst_Workspace::failedStageSelectsItsSpansAndEvents()
{
    MainWindow window;
    window.show();
    SourceView* view = openAndWait(window, Test::kErrorPackPath);
    QVERIFY(view);
    view->showPage(SourceView::Page::Report);

    QSignalSpy activated(view->stageGrid(), &StageGridView::cellActivated);
    QVERIFY(view->nextFailedStage());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("embed"));
    const auto spans = activated.at(0).at(1).value<QList<int>>();
    const auto events = activated.at(0).at(2).value<QList<int>>();
    QVERIFY(!spans.isEmpty());
    QVERIFY(!events.isEmpty());
    QCOMPARE(view->waterfall()->selectedSpans(), spans);
    QCOMPARE(view->eventsView()->currentEvent(), events.first());
    QCOMPARE(view->currentPage(), SourceView::Page::Events);
    // The deciding event of a failed embed is an error line.
    QVERIFY(view->currentRun()->events[size_t(events.first())].isError());

    // One failed stage: next and previous both come back to it.
    QVERIFY(view->previousFailedStage());
    QCOMPARE(view->stageGrid()->currentStage(), QStringLiteral("embed"));
}

void tst_Workspace::nextHintJumpsToEvidence()
{
    MainWindow window;
    window.show();
    SourceView* view = openAndWait(window, Test::kSparsePackPath);
    QVERIFY(view);
    QSignalSpy evidence(view->hintsView(), &HintsView::evidenceActivated);
    QVERIFY(view->nextHint());
    QCOMPARE(evidence.size(), 1);
    const Hint* hint = view->hintsView()->currentHint();
    QVERIFY(hint);
    QCOMPARE(hint->severity, Severity::Warning); // the most severe group comes first
    const int event = evidence.at(0).at(0).toInt();
    QVERIFY(event >= 0);
    QCOMPARE(view->eventsView()->currentEvent(), event);

    // F8 walks the same way through the window's action.
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F8);
    QCOMPARE(evidence.size(), 2);
    QVERIFY(view->hintsView()->currentHint() != hint);
}

void tst_Workspace::pagesByShortcut()
{
    MainWindow window;
    window.show();
    SourceView* view = openAndWait(window, Test::kSparsePackPath);
    QVERIFY(view);
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const std::pair<Qt::Key, SourceView::Page> keys[] = {
        { Qt::Key_2, SourceView::Page::Report },
        { Qt::Key_3, SourceView::Page::Contents },
        { Qt::Key_4, SourceView::Page::Problems },
        { Qt::Key_1, SourceView::Page::Events },
    };
    for (const auto& [key, page] : keys) {
        QTest::keyClick(&window, key, Qt::ControlModifier);
        QCOMPARE(view->currentPage(), page);
    }
}

void tst_Workspace::problemJumpsToItsEvent()
{
    // The error timeline without its operation.end line: the tool scope is left open, a problem
    // of the run located at its start line.
    QFile input(errorTimeline());
    QVERIFY(input.open(QIODevice::ReadOnly));
    QByteArray cut;
    for (const QByteArray& line : input.readAll().split('\n')) {
        if (!line.isEmpty() && !line.contains("\"operation.end\""))
            cut += line + '\n';
    }
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("events-20261124.jsonl"));
    QFile output(path);
    QVERIFY(output.open(QIODevice::WriteOnly));
    output.write(cut);
    output.close();

    MainWindow window;
    window.show();
    SourceView* view = openAndWait(window, path);
    QVERIFY(view);
    QVERIFY(view->problemCount() > 0);
    const Diagnostic problem = view->source()->problems.first();
    QVERIFY(problem.line > 0);

    auto* table = view->problemsView()->findChild<QTableView*>();
    QVERIFY(table);
    view->showPage(SourceView::Page::Problems);
    QTRY_VERIFY(table->isVisible());
    const QModelIndex row = table->model()->index(0, 0);
    table->setCurrentIndex(row);
    QTest::keyClick(table->viewport(), Qt::Key_Return);
    if (view->currentPage() != SourceView::Page::Events) // Enter handled on the table itself
        QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(view->currentPage(), SourceView::Page::Events);
    const int event = view->eventsView()->currentEvent();
    QVERIFY(event >= 0);
    QCOMPARE(view->currentRun()->events[size_t(event)].line, problem.line);
}

void tst_Workspace::layoutRoundTrip()
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    SourceView* first = openAndWait(window, Test::kSparsePackPath);
    QVERIFY(first);
    auto* splitter = first->findChild<QSplitter*>();
    QVERIFY(splitter);
    QList<int> sizes = splitter->sizes();
    sizes[0] += 37;
    sizes[1] -= 37;
    splitter->setSizes(sizes);
    const QList<int> wanted = splitter->sizes();
    const QByteArray layout = first->saveLayout();

    SourceView* second = openAndWait(window, Test::kErrorPackPath);
    QVERIFY(second);
    second->restoreLayout(layout);
    QTRY_COMPARE(second->findChild<QSplitter*>()->sizes(), wanted);
    second->restoreLayout(QByteArrayLiteral("not a layout")); // ignored
    QCOMPARE(second->findChild<QSplitter*>()->sizes(), wanted);
}

void tst_Workspace::exportHints_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("md") << int(ExportFormat::Markdown) << QStringLiteral("md") << QByteArray("config:sparse-disabled");
    QTest::newRow("csv") << int(ExportFormat::Csv) << QStringLiteral("csv") << QByteArray("config:sparse-disabled");
    QTest::newRow("json") << int(ExportFormat::Json) << QStringLiteral("json")
                          << QByteArray("\"config:sparse-disabled\"");
    QTest::newRow("html") << int(ExportFormat::Html) << QStringLiteral("html") << QByteArray("<svg");
}

void tst_Workspace::exportHints()
{
    QFETCH(int, format);
    QFETCH(QString, suffix);
    QFETCH(QByteArray, expected);
    MainWindow window;
    SourceView* view = openAndWait(window, Test::kSparsePackPath);
    QVERIFY(view);
    QTemporaryDir directory;
    const QString fileName = directory.filePath(QStringLiteral("hints.") + suffix);
    QSignalSpy finished(&window, &MainWindow::writeFinished);
    window.exportHintsTo(view, fileName, ExportFormat(format));
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains(expected));
}

void tst_Workspace::regeneratePack()
{
    MainWindow window;
    SourceView* view = openAndWait(window, Test::kErrorPackPath);
    QVERIFY(view);
    const RunPtr run = view->currentRun();
    QTemporaryDir directory;
    const QString fileName = directory.filePath(QStringLiteral("regenerated.zip"));
    PackOptions options;
    options.sessionId = run->sessionId;
    options.runId = run->runId;
    QSignalSpy finished(&window, &MainWindow::writeFinished);
    window.writePackTo(view, options, fileName, false);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.at(0).at(1).toString(), QString());

    // The new pack reads back as the same run, with the same failed stage.
    const SourcePtr reread = readSource(fileName);
    QVERIFY(reread->ok());
    QCOMPARE(reread->runs.size(), size_t(1));
    QCOMPARE(reread->runs.front()->runId, run->runId);
    QCOMPARE(reread->runs.front()->status, run->status);

    // Writing again without permission to overwrite fails, and says why; the file stays.
    const QByteArray before = [&] {
        QFile file(fileName);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    window.writePackTo(view, options, fileName, false);
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY(finished.at(1).at(1).toString().contains(QLatin1String("exists")));
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);

    // Never over the input.
    window.writePackTo(view, options, Test::kErrorPackPath, true);
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY(finished.at(2).at(1).toString().contains(QLatin1String("input")));
}

void tst_Workspace::packDialogDefaults()
{
    const SourcePtr source = readSource(Test::kErrorPackPath);
    QVERIFY(source->ok());
    const RunPtr run = source->runs.front();
    RegeneratePackDialog dialog(source, run);
    PackOptions options = dialog.options();
    QCOMPARE(options.sessionId, run->sessionId);
    QCOMPARE(options.runId, run->runId);
    QCOMPARE(options.layout, PackOptions::Layout::Upstream);
    QVERIFY(!options.redact);
    // Named as upstream names packs, in the documents folder: the input's may be read-only or shared.
    QVERIFY(dialog.outputPath().endsWith(packFileName(*source, options)));
    QCOMPARE(QFileInfo(dialog.outputPath()).absolutePath(),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).absolutePath());
    QTemporaryDir elsewhere;
    dialog.setOutputDirectory(elsewhere.path());
    QCOMPARE(QFileInfo(dialog.outputPath()).absolutePath(), QDir(elsewhere.path()).absolutePath());
    // Alt+O reaches the output field.
    auto* outputLabel = dialog.findChild<QLabel*>(QStringLiteral("outputLabel"));
    QVERIFY(outputLabel);
    QCOMPARE(outputLabel->text(), QStringLiteral("&Output:"));
    QCOMPARE(outputLabel->buddy(), dialog.findChild<QLineEdit*>(QStringLiteral("output")));

    // The write's own check, before the dialog closes: never over the input, nor a timeline file name.
    auto* output = dialog.findChild<QLineEdit*>(QStringLiteral("output"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("error"));
    QVERIFY(error);
    for (const QString& path : { Test::kErrorPackPath, elsewhere.filePath(QStringLiteral("events-20261124.jsonl")) }) {
        output->setText(path);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(error->text().startsWith(QLatin1String("refusing to write")), qPrintable(error->text()));
    }
    output->setText(elsewhere.filePath(QStringLiteral("new.zip")));

    auto* scope = dialog.findChild<QComboBox*>(QStringLiteral("scope"));
    scope->setCurrentIndex(1);
    options = dialog.options();
    QVERIFY(options.runId.isEmpty());
    QVERIFY(dialog.outputPath().contains(QLatin1String("_latest_")));
}

void tst_Workspace::exportsStartInDocuments()
{
    QSettings().remove(QStringLiteral("exportDirectory"));
    QCOMPARE(MainWindow::exportDirectory(), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    QSettings().setValue(QStringLiteral("exportDirectory"), QStringLiteral("/srv/tickets"));
    QCOMPARE(MainWindow::exportDirectory(), QStringLiteral("/srv/tickets"));
    QSettings().remove(QStringLiteral("exportDirectory"));
}

void tst_Workspace::pictures_data()
{
    QTest::addColumn<QString>("part"); // "grid" or "waterfall"
    QTest::addColumn<QString>("suffix");
    for (const char* part : { "grid", "waterfall" }) {
        for (const char* suffix : { "png", "svg" })
            QTest::addRow("%s as %s", part, suffix) << QString::fromLatin1(part) << QString::fromLatin1(suffix);
    }
}

// Copy as Image and Save as PNG or SVG on the stage grid and the waterfall: what is seen, at its size.
void tst_Workspace::pictures()
{
    QFETCH(QString, part);
    QFETCH(QString, suffix);
    MainWindow window;
    window.resize(1366, 768);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    SourceView* view = openAndWait(window, Test::kSparsePackPath);
    QVERIFY(view);
    QWidget* widget = part == QLatin1String("grid") ? static_cast<QWidget*>(view->stageGrid())
                                                    : static_cast<QWidget*>(view->waterfall());
    PictureActions* pictures = PictureActions::of(widget);
    QVERIFY(pictures);
    QCOMPARE(pictures->widget(), widget);

    // The Edit menu offers them while the widget (or a part of it) has the focus.
    QAction* copyImage = window.findChild<QAction*>(QStringLiteral("copyImage"));
    QVERIFY(copyImage);
    view->findChild<QLineEdit*>(QStringLiteral("filterEdit"))->setFocus();
    QTRY_VERIFY(!copyImage->isEnabled());
    // The grid's table takes the focus for it; the waterfall takes it itself (for its R key).
    QWidget* focus = part == QLatin1String("grid") ? widget->findChild<QTableView*>() : widget;
    focus->setFocus();
    QTRY_VERIFY(copyImage->isEnabled());
    QCOMPARE(window.pictureTarget(), pictures);

    QApplication::clipboard()->clear();
    copyImage->trigger();
    const QImage copied = QApplication::clipboard()->image();
    QVERIFY(!copied.isNull());
    QCOMPARE(copied.size() / copied.devicePixelRatio(), widget->size());

    QTemporaryDir directory;
    const QString fileName = directory.filePath(part + u'.' + suffix);
    PictureFormat format = PictureFormat::Png;
    QVERIFY(pictureFormatFor(fileName, &format));
    QSignalSpy finished(&window, &MainWindow::writeFinished);
    const QSize shown = widget->size(); // when drawn: a splitter may still settle meanwhile
    window.savePictureTo(widget, fileName, format);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    if (format == PictureFormat::Png) {
        const QImage image(fileName);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size() / image.devicePixelRatio(), shown);
    } else {
        QSvgRenderer svg(fileName);
        QVERIFY(svg.isValid());
        QCOMPARE(svg.viewBox().size(), shown);
        QFile file(fileName);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        if (part == QLatin1String("grid"))
            QVERIFY(text.contains("embed")); // the grid's text stays text
    }
    // Never over an input of the tab.
    window.savePictureTo(widget, Test::kSparsePackPath, PictureFormat::Png);
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY(finished.at(1).at(1).toString().contains(QLatin1String("input")));
}

// A right click opens the picture menu; a right drag (the waterfall's range zoom) does not.
void tst_Workspace::pictureMenuOnClickNotDrag()
{
    MainWindow window;
    window.resize(1366, 768);
    window.show();
    SourceView* view = openAndWait(window, Test::kSparsePackPath);
    QVERIFY(view);
    QWidget* plot = view->waterfall()->bars();
    QVERIFY(plot && plot->isVisible());
    QMenu* menu = PictureActions::of(view->waterfall())->menu();
    const QPoint start = plot->rect().center();
    QTest::mousePress(plot, Qt::RightButton, {}, start);
    QTest::mouseMove(plot, start + QPoint(80, 0));
    QTest::mouseRelease(plot, Qt::RightButton, {}, start + QPoint(80, 0));
    QVERIFY(!menu->isVisible());
    QTest::mousePress(plot, Qt::RightButton, {}, start);
    QTest::mouseRelease(plot, Qt::RightButton, {}, start);
    QTRY_VERIFY(menu->isVisible());
    QVERIFY(menu->actions().contains(PictureActions::of(view->waterfall())->saveAction()));
    menu->hide();

    auto* table = view->stageGrid()->findChild<QTableView*>(QStringLiteral("stageGridTable"));
    QMenu* gridMenu = PictureActions::of(table)->menu();
    QTest::mouseClick(table->viewport(), Qt::RightButton, {}, QPoint(10, 10));
    QTRY_VERIFY(gridMenu->isVisible());
    gridMenu->hide();
}

void tst_Workspace::earlyViewKeepsSelection_data()
{
    QTest::addColumn<bool>("cancel");
    QTest::newRow("read to the end") << false;
    QTest::newRow("cancelled") << true;
}

// The runs of the first files show while the rest is read; the run picked meanwhile stays picked.
void tst_Workspace::earlyViewKeepsSelection()
{
    QFETCH(bool, cancel);
    QTemporaryDir dir;
    SynthStats stats;
    QVERIFY(Test::writeRotatedTimeline(dir.path(), 20000, 10, 20, &stats));
    SourcePtr partial;
    LoadControl control;
    control.partial = [&partial](SourcePtr early) {
        if (!partial)
            partial = std::move(early); // the first: the callback runs on one worker at a time
    };
    const SourcePtr whole = readSource(dir.path(), control);
    QVERIFY(partial && partial->runs.size() > 2 && partial->runs.size() < whole->runs.size());

    SourceView view(dir.path());
    view.resize(1280, 800);
    view.show();
    view.showLoading();
    auto* bar = view.findChild<QWidget*>(QStringLiteral("partialBar"));
    auto* tree = view.findChild<QTreeView*>();
    QVERIFY(bar && tree);
    QVERIFY(!bar->isVisible());
    view.setPartialSource(partial);
    QCOMPARE(view.state(), SourceView::State::Loading);
    QVERIFY(bar->isVisible());
    QCOMPARE(visibleRuns(tree), int(partial->runs.size()));
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("partialLabel"))->text().contains(QLatin1String("Still reading")));
    const RunPtr picked = partial->runs[partial->runs.size() / 2];
    QVERIFY(view.selectRun(picked->sessionId, picked->runId));

    if (cancel) {
        view.showCanceled();
        QCOMPARE(view.state(), SourceView::State::Canceled);
        QVERIFY(bar->isVisible()); // what was read stays, saying it is not all
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("partialLabel"))->text().contains(QLatin1String("cancelled")));
        QCOMPARE(view.currentRun(), picked);
        QTRY_VERIFY_WITH_TIMEOUT(view.hintReport(), kTimeoutMs);
        return;
    }
    view.setSource(whole);
    QCOMPARE(view.state(), SourceView::State::Loaded);
    QVERIFY(!bar->isVisible());
    QCOMPARE(visibleRuns(tree), int(whole->runs.size()));
    QVERIFY(view.currentRun());
    QCOMPARE(view.currentRun()->sessionId, picked->sessionId);
    QCOMPARE(view.currentRun()->runId, picked->runId);
    QCOMPARE(view.source(), whole);
    QTRY_VERIFY_WITH_TIMEOUT(view.hintReport(), kTimeoutMs);
}

QTEST_MAIN(tst_Workspace)
#include "tst_workspace.moc"
