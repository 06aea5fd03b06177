// SPDX-License-Identifier: MIT
#include "activitystrip.h"
#include "hintsview.h"
#include "mainwindow.h"
#include "openrangedialog.h"
#include "runfixture.h"
#include "runlistmodel.h"
#include "shortcutsdialog.h"
#include "sourcereader.h"
#include "sourceview.h"
#include "stagegridview.h"
#include "synthdir.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>

#include <limits>

using namespace Runlens;

namespace {

constexpr int kTimeoutMs = 10000;

int runCount(const QTreeView* tree)
{
    const QAbstractItemModel* model = tree->model();
    int runs = 0;
    for (int s = 0; s < model->rowCount(); ++s)
        runs += model->rowCount(model->index(s, 0));
    return runs;
}

QAction* findAction(const MainWindow& window, const QString& objectText)
{
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == objectText)
            return action;
    }
    return nullptr;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void opensFixture();
    void dropOpensOneTabPerPath();
    void pastedEnvelopeOpensItsPack();
    void tabSaysWhatWasOpened();
    void openRangeDialog_data();
    void openRangeDialog();
    void openLastMinutes();
    void spanFromActivityStrip();
    void unreadableFiles_data();
    void unreadableFiles();
    void cancelAndReload();
    void closeTabAndRecentFiles();
    void screenshotCommand();
    void screenshotViews_data();
    void screenshotViews();
    void helpWithoutDisplay_data();
    void helpWithoutDisplay();
    void menuItems_data();
    void menuItems();
    void shortcutsDialogListsEveryShortcut();
    void copySelection_data();
    void copySelection();
    void runsListAndResetLayout();

private:
    QTemporaryDir m_dir;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // recent files and geometry go to a throwaway location
    QApplication::setOrganizationName(QStringLiteral("RunlensTest"));
    QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
}

void tst_MainWindow::init()
{
    QSettings().clear();
}

void tst_MainWindow::opensFixture()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SourceView* view = window.openPath(Test::kHappyDirectoryPath);
    QCOMPARE(window.tabs()->count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), SourceView::State::Loaded, kTimeoutMs);

    auto* tree = view->findChild<QTreeView*>(QStringLiteral("runTree"));
    QVERIFY(tree);
    QTRY_VERIFY(tree->isVisible());
    QCOMPARE(runCount(tree), 4);
    QCOMPARE(tree->model()->rowCount(), 3);

    // The first run with a stage grid is selected and described.
    const RunPtr run = view->currentRun();
    QVERIFY(run);
    QCOMPARE(run->runId, QStringLiteral("f7fe85bab97843aab788eef0bcbc1465"));
    auto* details = view->findChild<QPlainTextEdit*>(QStringLiteral("report"));
    QVERIFY(details->toPlainText().contains(run->runId));
    QVERIFY(details->toPlainText().contains(QLatin1String("hydrate")));
    QVERIFY(details->toPlainText().startsWith(QLatin1String("Source: ")));
    QVERIFY(!details->toPlainText().contains(QLatin1String("b631c87847bb46a4a1823ea76d9a9113"))); // that run alone
    auto* counts = window.statusBar()->findChild<QLabel*>();
    QVERIFY(counts);
    QTRY_VERIFY(counts->text().contains(QLatin1String("175")));

    // Ctrl+F goes to the filter; typing narrows the tree.
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto* filter = view->findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("happy-02"));
    QCOMPARE(runCount(tree), 1);
    filter->clear();
    QCOMPARE(runCount(tree), 4);

    // Selecting a session describes all of its runs.
    tree->setCurrentIndex(tree->model()->index(1, 0));
    QVERIFY(details->toPlainText().contains(QLatin1String("b631c87847bb46a4a1823ea76d9a9113")));
    QVERIFY(details->toPlainText().contains(QLatin1String("f7fe85bab97843aab788eef0bcbc1465")));

    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(QCoreApplication::applicationDirPath() + QLatin1String("/tst_mainwindow.png")));
}

void tst_MainWindow::dropOpensOneTabPerPath()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SourceView* first = window.openPath(Test::kHappyDirectoryPath);
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), SourceView::State::Loaded, kTimeoutMs);

    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(Test::kErrorPackPath), QUrl::fromLocalFile(Test::kSparsePackPath) });
    const QPoint center = window.rect().center();
    QDragEnterEvent enter(center, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(center), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());

    QCOMPARE(window.tabs()->count(), 3);
    for (int i = 1; i < 3; ++i) {
        auto* view = qobject_cast<SourceView*>(window.tabs()->widget(i));
        QVERIFY(view);
        QTRY_COMPARE_WITH_TIMEOUT(view->state(), SourceView::State::Loaded, kTimeoutMs);
        QCOMPARE(int(view->source()->runs.size()), 1);
    }
    // Tabs are named by what they hold: the session and run of a pack, the fixture's folder rather than upstream's
    // generic "diagnostics"; the tooltip keeps the path.
    QCOMPARE(window.tabs()->tabText(0), QStringLiteral("happy-path"));
    QCOMPARE(window.tabs()->tabText(1), QStringLiteral("sess-embed-error 5ee711da"));
    QCOMPARE(window.tabs()->tabText(2), QStringLiteral("sess-sparse-disabled 10057031"));
    QCOMPARE(window.tabs()->tabToolTip(1), QDir::toNativeSeparators(Test::kErrorPackPath));
    QCOMPARE(window.windowTitle(), QStringLiteral("sess-sparse-disabled 10057031"));
    QCOMPARE(window.tabs()->currentIndex(), 2);

    // A drag without local files is refused.
    QMimeData text;
    text.setText(QStringLiteral("not a file"));
    QDragEnterEvent refused(center, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

void tst_MainWindow::unreadableFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // written to NAME; a null array makes NAME an empty directory
    QTest::addColumn<QString>("title");

    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage += char((i * 7919) % 251);
    QTest::addRow("garbage named .zip") << QStringLiteral("garbage.zip") << garbage << QStringLiteral("Cannot open");
    QTest::addRow("garbage, not a zip") << QStringLiteral("garbage.bin") << garbage << QStringLiteral("Cannot open");
    QTest::addRow("zip header, then garbage")
        << QStringLiteral("truncated.zip") << (QByteArray("PK\x03\x04") + garbage) << QStringLiteral("Cannot open");
    QTest::addRow("empty directory") << QStringLiteral("empty-directory") << QByteArray() << QStringLiteral("No runs");
}

void tst_MainWindow::unreadableFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, title);

    const QString path = m_dir.filePath(name);
    if (bytes.isNull()) {
        QVERIFY(QDir(m_dir.path()).mkpath(name));
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SourceView* view = window.openPath(path);
    QTRY_VERIFY_WITH_TIMEOUT(view->state() != SourceView::State::Loading, kTimeoutMs);
    auto* messageTitle = view->findChild<QLabel*>(QStringLiteral("messageTitle"));
    auto* messageText = view->findChild<QLabel*>(QStringLiteral("messageText"));
    QTRY_VERIFY(messageTitle->isVisible());
    QVERIFY2(messageTitle->text().startsWith(title), qPrintable(messageTitle->text()));
    QVERIFY(messageTitle->text().contains(name)); // where
    QVERIFY(!messageText->text().isEmpty()); // why
    if (view->state() == SourceView::State::Failed)
        QCOMPARE(messageText->text(), view->source()->fatalError);
    QVERIFY(!view->findChild<QTreeView*>(QStringLiteral("runTree"))->isVisible());
    QVERIFY(!window.tabs()->tabIcon(0).isNull());
}

void tst_MainWindow::cancelAndReload()
{
    // Big enough that the read is still under way when Cancel is clicked.
    const QString path = m_dir.filePath(QStringLiteral("big.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray line = R"({"ts":1795560451.5,"type":"log","name":"work","status":"ok","session_id":"s","run_id":"r"})";
    line += '\n';
    file.write(line.repeated(50000));
    file.close();

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SourceView* view = window.openPath(path);
    auto* cancel = view->findChild<QPushButton*>(QStringLiteral("cancelButton"));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(view->state(), SourceView::State::Canceled);
    auto* title = view->findChild<QLabel*>(QStringLiteral("messageTitle"));
    QTRY_VERIFY(title->isVisible());

    QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("reloadButton")), Qt::LeftButton);
    QCOMPARE(view->state(), SourceView::State::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), SourceView::State::Loaded, 60000);
    QCOMPARE(int(view->source()->runs.size()), 1);
}

void tst_MainWindow::closeTabAndRecentFiles()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction* closeTab = findAction(window, QStringLiteral("&Close Tab"));
    QVERIFY(closeTab);
    QVERIFY(!closeTab->isEnabled());
    for (int i = 0; i < 12; ++i)
        window.openPath(i % 2 ? Test::kErrorPackPath : Test::kSparsePackPath);
    SourceView* last = window.openPath(Test::kHappyDirectoryPath);
    QCOMPARE(window.tabs()->count(), 13);
    QVERIFY(closeTab->isEnabled());

    const QStringList recent = QSettings().value(QStringLiteral("recentPaths")).toStringList();
    QCOMPARE(recent, QStringList({ Test::kHappyDirectoryPath, Test::kErrorPackPath, Test::kSparsePackPath }));

    // Closing a tab while it loads drops its result quietly.
    closeTab->trigger();
    QCOMPARE(window.tabs()->count(), 12);
    QVERIFY(window.tabs()->indexOf(last) < 0);
    while (window.tabs()->count() > 0)
        closeTab->trigger();
    QVERIFY(!closeTab->isEnabled());
    QTest::qWait(100);
}

void tst_MainWindow::screenshotCommand()
{
    const QString output = m_dir.filePath(QStringLiteral("shot.png"));
    QProcess process;
    process.start(QStringLiteral(RUNLENS_GUI),
        { QStringLiteral("--screenshot"), output, QStringLiteral("--size"), QStringLiteral("1024x720"),
            Test::kErrorPackPath });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QImage image(output);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size() / image.devicePixelRatio(), QSize(1024, 720));

    process.start(QStringLiteral(RUNLENS_GUI),
        { QStringLiteral("--screenshot"), output, QStringLiteral("--size"), QStringLiteral("big"),
            Test::kErrorPackPath });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);

    process.start(QStringLiteral(RUNLENS_GUI), { QStringLiteral("--version") });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains(RUNLENS_VERSION));
}

void tst_MainWindow::screenshotViews_data()
{
    QTest::addColumn<QStringList>("arguments"); // after --screenshot FILE --size 1366x768
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("whole"); // the PNG is the whole window, else a part smaller than it
    QTest::addRow("window") << QStringList { QStringLiteral("--view"), QStringLiteral("window"), Test::kSparsePackPath }
                            << 0 << true;
    for (const char* view : { "grid", "waterfall", "hints" })
        QTest::addRow("%s", view) << QStringList { QStringLiteral("--view"), QLatin1String(view),
            Test::kSparsePackPath }
                                  << 0 << false;
    QTest::addRow("unknown view") << QStringList { QStringLiteral("--view"), QStringLiteral("events"),
        Test::kSparsePackPath } << 2
                                  << false;
    QTest::addRow("part of a board") << QStringList { QStringLiteral("--view"), QStringLiteral("grid"),
        QStringLiteral("--triage"), Test::kSparsePackPath }
                                     << 2 << false;
}

// --view saves one part of the window laid out at --size.
void tst_MainWindow::screenshotViews()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(bool, whole);
    const QString output = m_dir.filePath(QStringLiteral("view-%1.png").arg(QLatin1String(QTest::currentDataTag())));
    QProcess process;
    process.start(QStringLiteral(RUNLENS_GUI),
        QStringList { QStringLiteral("--screenshot"), output, QStringLiteral("--size"), QStringLiteral("1366x768") }
            + arguments);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == exitCode, process.readAllStandardError().constData());
    if (exitCode != 0) {
        QVERIFY(!QFile::exists(output));
        return;
    }
    const QImage image(output);
    QVERIFY(!image.isNull());
    const QSize size = image.size() / image.devicePixelRatio();
    if (whole) {
        QCOMPARE(size, QSize(1366, 768));
        return;
    }
    QVERIFY2(size.width() >= 100 && size.height() >= 100 && size.width() < 1366 && size.height() < 768,
        qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
    // Not a blank rectangle: a part shows text and lines in more than one colour.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 4);
}

void tst_MainWindow::helpWithoutDisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("--help") << QStringLiteral("--help") << QByteArray("--view <VIEW>");
    QTest::addRow("-h") << QStringLiteral("-h") << QByteArray("--screenshot <FILE>");
    QTest::addRow("--version") << QStringLiteral("--version") << QByteArray(RUNLENS_VERSION);
}

// --help and --version need no display: no X server, no Wayland, no platform plugin chosen.
void tst_MainWindow::helpWithoutDisplay()
{
    QFETCH(QString, option);
    QFETCH(QByteArray, expected);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QString());
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(RUNLENS_GUI), { option });
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(process.readAllStandardOutput().contains(expected));
}

// An MCP error envelope copied from a client's log: Ctrl+V opens the runpack it names; other text opens nothing.
void tst_MainWindow::pastedEnvelopeOpensItsPack()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QGuiApplication::clipboard()->setText(QStringLiteral("not an envelope"));
    window.openPastedEnvelope();
    QCOMPARE(window.tabs()->count(), 0);
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("no MCP error envelope")));

    const QString envelope = QStringLiteral("  {\"error\": {\"code\": -32000, \"data\": {\"observability\": "
                                            "{\"runpack_path\": \"%1\"}}}}\n")
                                 .arg(Test::kErrorPackPath);
    QGuiApplication::clipboard()->setText(envelope);
    window.openPastedEnvelope();
    QCOMPARE(window.tabs()->count(), 1);
    auto* view = qobject_cast<SourceView*>(window.tabs()->widget(0));
    QVERIFY(view);
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), SourceView::State::Loaded, kTimeoutMs);
    QCOMPARE(view->source()->path, Test::kErrorPackPath);
    QCOMPARE(int(view->source()->runs.size()), 1);
}

// A per-run report is not the whole run: the tab's tool tip says what was opened, beside the overview.
void tst_MainWindow::tabSaysWhatWasOpened()
{
    MainWindow window;
    const QString report = Test::fixture(
        QStringLiteral("upstream/error-embed/data/observability/runs/5ee711da351a4c29a57daa1e8fee8c7e.json"));
    SourceView* view = window.openPath(report);
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), SourceView::State::Loaded, kTimeoutMs);
    const QString toolTip = window.tabs()->tabToolTip(0);
    QVERIFY2(toolTip.startsWith(QDir::toNativeSeparators(report)), qPrintable(toolTip));
    QVERIFY2(toolTip.contains(QLatin1String("\nOpened as: per-run report of run 5ee711da351a4c29a57daa1e8fee8c7e")),
        qPrintable(toolTip));

    SourceView* pack = window.openPath(Test::kErrorPackPath);
    QTRY_COMPARE_WITH_TIMEOUT(pack->state(), SourceView::State::Loaded, kTimeoutMs);
    QCOMPARE(window.tabs()->tabToolTip(1), QDir::toNativeSeparators(Test::kErrorPackPath));
}

void tst_MainWindow::openRangeDialog_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<double>("lastSeconds");
    QTest::addRow("last hour") << QStringLiteral("lastHour") << 3600.0;
    QTest::addRow("last day") << QStringLiteral("lastDay") << 86400.0;
    QTest::addRow("all") << QStringLiteral("all") << 0.0;
}

// File > Open Directory asks about a directory over the size the user set: each choice is the span opened.
void tst_MainWindow::openRangeDialog()
{
    QFETCH(QString, button);
    QFETCH(double, lastSeconds);

    const QString directory = Test::fixture(QStringLiteral("upstream/happy-path/data/diagnostics"));
    qint64 bytes = 0;
    for (const QFileInfo& file : QDir(directory).entryInfoList({ QStringLiteral("events-*.jsonl") }, QDir::Files))
        bytes += file.size();
    QCOMPARE(OpenRangeDialog::timelineBytes(directory), bytes);
    QCOMPARE(OpenRangeDialog::askAboveBytes(), qint64(1'000'000'000)); // unless the user set it

    OpenRangeDialog dialog(directory, bytes);
    auto* askAbove = dialog.findChild<QSpinBox*>(QStringLiteral("askAbove"));
    QVERIFY(askAbove);
    askAbove->setValue(250);
    QCOMPARE(OpenRangeDialog::askAboveBytes(), qint64(250'000'000));
    auto* choice = dialog.findChild<QPushButton*>(button);
    QVERIFY(choice);
    QCOMPARE(choice->isDefault(), button == QLatin1String("lastHour"));
    choice->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.lastSeconds(), lastSeconds);
}

// A span opened says so in its tab, and a reload keeps it.
void tst_MainWindow::openLastMinutes()
{
    MainWindow window;
    SourceView* view = window.openPath(Test::kHappyDirectoryPath, MainWindow::RecentFiles::Add, LoadRange { 3600, {} });
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), SourceView::State::Loaded, kTimeoutMs);
    QVERIFY2(
        window.tabs()->tabText(0).endsWith(QLatin1String(" (last 60 min)")), qPrintable(window.tabs()->tabText(0)));
    QVERIFY(view->source()->label.startsWith(QLatin1String("the runs of the last 60 minutes")));
    QCOMPARE(int(view->source()->runs.size()), 4); // the fixture's runs are seconds apart
    emit view->reloadRequested();
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), SourceView::State::Loaded, kTimeoutMs);
    QVERIFY(view->source()->label.startsWith(QLatin1String("the runs of the last 60 minutes")));
}

// A span of a directory shows the whole directory's activity above it; dragging across it loads another span.
void tst_MainWindow::spanFromActivityStrip()
{
    QTemporaryDir dir;
    SynthStats stats;
    QVERIFY(Test::writeRotatedTimeline(dir.path(), 20'000, 8, 4, &stats));
    const SourcePtr whole = readSource(dir.path());
    MainWindow window;
    SourceView* view = window.openPath(dir.path(), MainWindow::RecentFiles::Skip, LoadRange { 120, {} });
    QVERIFY(view->activityStrip());
    QTRY_VERIFY_WITH_TIMEOUT(view->activityStrip()->activity(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), SourceView::State::Loaded, kTimeoutMs);
    const auto activity = view->activityStrip()->activity();
    QCOMPARE(activity->total(0, int(activity->bins.size()) - 1).runs, quint32(whole->runs.size()));
    QCOMPARE(view->activityStrip()->loaded()->since, view->source()->window.since);

    // The first minutes, as a drag across their bars chooses them.
    const TimeWindow first { activity->start, activity->start + 2 * activity->binSeconds };
    emit view->activityStrip()->spanChosen(first);
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), SourceView::State::Loaded, kTimeoutMs);
    QCOMPARE(view->source()->window.since, first.since);
    QCOMPARE(view->source()->window.until, first.until);
    int expected = 0;
    for (const RunPtr& run : whole->runs)
        expected += first.contains(run->startedAt) ? 1 : 0;
    QVERIFY(expected > 0);
    QCOMPARE(int(view->source()->runs.size()), expected);
    QVERIFY2(window.tabs()->tabText(0).contains(QLatin1String(" to ")), qPrintable(window.tabs()->tabText(0)));
    // An open end is not named: the span from a time on.
    emit view->activityStrip()->spanChosen(TimeWindow { first.since, std::numeric_limits<double>::infinity() });
    QTRY_COMPARE_WITH_TIMEOUT(view->state(), SourceView::State::Loaded, kTimeoutMs);
    QCOMPARE(window.tabs()->tabText(0),
        QStringLiteral("%1 (from %2)").arg(view->title(), ActivityStrip::formatMinute(first.since)));
    QVERIFY(window.tabs()->tabToolTip(0).contains(QLatin1String("Opened as: the runs that start from ")));
}

void tst_MainWindow::menuItems_data()
{
    QTest::addColumn<QString>("menu");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QKeySequence>("shortcut"); // empty: none wanted
    QTest::addRow("copy") << QStringLiteral("&Edit") << QStringLiteral("&Copy") << QKeySequence(QKeySequence::Copy);
    QTest::addRow("select all") << QStringLiteral("&Edit") << QStringLiteral("Select &All")
                                << QKeySequence(QKeySequence::SelectAll);
    QTest::addRow("copy as image") << QStringLiteral("&Edit") << QStringLiteral("Copy as &Image") << QKeySequence();
    QTest::addRow("save as png or svg") << QStringLiteral("&Edit") << QStringLiteral("Save as &PNG or SVG…")
                                        << QKeySequence();
    QTest::addRow("filter runs") << QStringLiteral("&Edit") << QStringLiteral("&Filter Runs")
                                 << QKeySequence(QKeySequence::Find);
    QTest::addRow("open pasted envelope") << QStringLiteral("&Edit") << QStringLiteral("Open Pasted Error &Envelope")
                                          << QKeySequence(QKeySequence::Paste);
    QTest::addRow("keyboard shortcuts") << QStringLiteral("&Help") << QStringLiteral("&Keyboard Shortcuts")
                                        << QKeySequence(QKeySequence::HelpContents);
    QTest::addRow("about") << QStringLiteral("&Help") << QStringLiteral("&About Runlens") << QKeySequence();
}

void tst_MainWindow::menuItems()
{
    QFETCH(QString, menu);
    QFETCH(QString, action);
    QFETCH(QKeySequence, shortcut);
    MainWindow window;
    const QAction* found = nullptr;
    for (const QAction* top : window.menuBar()->actions()) {
        if (top->text() != menu || !top->menu())
            continue;
        for (const QAction* item : top->menu()->actions()) {
            if (item->text() == action)
                found = item;
        }
    }
    QVERIFY2(found, qPrintable(menu + QLatin1String(" > ") + action));
    if (!shortcut.isEmpty())
        QCOMPARE(found->shortcut(), shortcut);
}

// The dialog is read from the actions: every menu shortcut is in it, under its menu.
void tst_MainWindow::shortcutsDialogListsEveryShortcut()
{
    MainWindow window;
    window.show();
    window.openPath(Test::kSparsePackPath, MainWindow::RecentFiles::Skip);
    const QList<ShortcutsDialog::Entry> entries = ShortcutsDialog::shortcutsOf(&window);
    int menuShortcuts = 0;
    for (const QAction* top : window.menuBar()->actions()) {
        for (const QAction* item : top->menu()->actions()) {
            if (item->shortcut().isEmpty())
                continue;
            ++menuShortcuts;
            const QString text = QString(item->text()).remove(u'&');
            const bool listed = std::any_of(entries.begin(), entries.end(), [&](const ShortcutsDialog::Entry& e) {
                return e.text == text && e.shortcut == item->shortcut() && e.group == QString(top->text()).remove(u'&');
            });
            QVERIFY2(listed, qPrintable(text));
        }
    }
    QVERIFY(menuShortcuts >= 20);
    ShortcutsDialog dialog(&window);
    QVERIFY(dialog.list()->topLevelItemCount() > entries.size()); // the entries and a heading per group
    QVERIFY(!dialog.list()
                 ->findItems(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText), Qt::MatchExactly, 1)
                 .isEmpty());
}

void tst_MainWindow::copySelection_data()
{
    QTest::addColumn<QString>("widget"); // object name of the widget with the focus
    QTest::addColumn<bool>("selectAll"); // Edit > Select All first, else the first row is made current
    QTest::addColumn<QString>("expected"); // a line of what Edit > Copy puts on the clipboard
    QTest::addRow("stage grid, current row")
        << QStringLiteral("stageGridTable") << false << QStringLiteral("embed\tRan\t12 ms\t\t4");
    QTest::addRow("runs list, all") << QStringLiteral("runTree") << true
                                    << QStringLiteral("\n1005703141094392a91da2aac8143ee6\tComplete");
    QTest::addRow("hints, first hint") << QStringLiteral("hintsTree") << false << QStringLiteral("RM3 enabled");
    QTest::addRow("filter, all") << QStringLiteral("filterEdit") << true << QStringLiteral("sess-sparse");
}

// Edit > Copy and Select All work on whatever has the focus; a table copies as tab-separated lines.
void tst_MainWindow::copySelection()
{
    QFETCH(QString, widget);
    QFETCH(bool, selectAll);
    QFETCH(QString, expected);
    MainWindow window;
    window.resize(1366, 768);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    SourceView* view = window.openPath(Test::kSparsePackPath, MainWindow::RecentFiles::Skip);
    QTRY_VERIFY_WITH_TIMEOUT(view->state() == SourceView::State::Loaded && view->hintReport(), kTimeoutMs);
    view->setRunsListVisible(true, true); // a one-run source hides it
    view->findChild<QLineEdit*>(QStringLiteral("filterEdit"))->setText(QStringLiteral("sess-sparse"));
    auto* target = view->findChild<QWidget*>(widget);
    QVERIFY(target);
    target->setFocus();
    QTRY_VERIFY(target->hasFocus());
    if (selectAll) {
        findAction(window, QStringLiteral("Select &All"))->trigger();
    } else if (auto* items = qobject_cast<QAbstractItemView*>(target)) {
        items->clearSelection();
        if (widget == QLatin1String("hintsTree"))
            QVERIFY(view->nextHint());
        else
            items->setCurrentIndex(items->model()->index(0, 0));
    }
    QApplication::clipboard()->clear();
    findAction(window, QStringLiteral("&Copy"))->trigger();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains(expected), qPrintable(copied));
}

// View > Runs List shows the list a one-run pack hides, with room of its own; View > Reset Layout puts the
// splitters back where they were fitted and hides the list again.
void tst_MainWindow::runsListAndResetLayout()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SourceView* view = window.openPath(Test::kSparsePackPath, MainWindow::RecentFiles::Skip);
    QTRY_VERIFY_WITH_TIMEOUT(view->state() == SourceView::State::Loaded && view->hintReport(), kTimeoutMs);
    auto* runsList = window.findChild<QAction*>(QStringLiteral("runsList"));
    auto* resetLayout = window.findChild<QAction*>(QStringLiteral("resetLayout"));
    QVERIFY(runsList && resetLayout && runsList->isEnabled() && resetLayout->isEnabled());
    auto* tree = view->findChild<QTreeView*>(QStringLiteral("runTree"));
    auto* splitter = view->findChild<QSplitter*>(QStringLiteral("sourceSplitter"));
    auto* runSplitter = view->findChild<QSplitter*>(QStringLiteral("runSplitter"));
    QTRY_VERIFY(splitter->sizes().at(1) > 0);
    QVERIFY(!tree->isVisible());
    QVERIFY(!runsList->isChecked());
    const QList<int> fitted = splitter->sizes();
    const QList<int> fittedRun = runSplitter->sizes();

    runsList->trigger();
    QVERIFY(runsList->isChecked());
    QVERIFY(tree->isVisible());
    QVERIFY2(tree->width() >= window.width() / 8, qPrintable(QString::number(tree->width())));
    QVERIFY(splitter->sizes().at(2) >= fitted.at(2) * 4 / 5); // the hints keep most of their width
    runSplitter->setSizes({ fittedRun.at(0), fittedRun.at(1) + 60, fittedRun.at(2) - 60 }); // a taller trace
    const QList<int> mine = runSplitter->sizes();
    QVERIFY(mine != fittedRun);

    // F5 keeps what the user made of it.
    findAction(window, QStringLiteral("Re&load"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(view->state() == SourceView::State::Loaded, kTimeoutMs);
    QVERIFY(tree->isVisible());
    QCOMPARE(runSplitter->sizes(), mine);

    resetLayout->trigger();
    QVERIFY(!tree->isVisible());
    QVERIFY(!runsList->isChecked());
    // Within a handle's width: the hidden list's handle leaves at the next layout.
    const auto near = [](const QList<int>& a, const QList<int>& b, int slack) {
        return a.size() == b.size()
            && std::equal(a.cbegin(), a.cend(), b.cbegin(), [slack](int x, int y) { return std::abs(x - y) <= slack; });
    };
    QTRY_VERIFY(near(splitter->sizes(), fitted, splitter->handleWidth()));
    QTRY_VERIFY(near(runSplitter->sizes(), fittedRun, runSplitter->handleWidth()));

    // A directory of many runs shows its list.
    SourceView* many = window.openPath(Test::kHappyDirectoryPath, MainWindow::RecentFiles::Skip);
    QTRY_VERIFY_WITH_TIMEOUT(many->state() == SourceView::State::Loaded, kTimeoutMs);
    QTRY_VERIFY(runsList->isChecked());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
