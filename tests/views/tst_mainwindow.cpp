// SPDX-License-Identifier: MIT
#include "mainwindow.h"
#include "runfixture.h"
#include "runlistmodel.h"
#include "sourceview.h"

#include <QAction>
#include <QApplication>
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
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

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
    void unreadableFiles_data();
    void unreadableFiles();
    void cancelAndReload();
    void closeTabAndRecentFiles();
    void screenshotCommand();

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

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
