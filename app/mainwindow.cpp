// SPDX-License-Identifier: MIT
#include "mainwindow.h"
#include "inputs.h"
#include "outputfile.h"
#include "sourcereader.h"
#include "ziparchive.h"

#include "activitystrip.h"
#include "compareview.h"
#include "engine.h"
#include "hintsview.h"
#include "itemtext.h"
#include "jobtracker.h"
#include "livefollower.h"
#include "openrangedialog.h"
#include "packbuilder.h"
#include "pictureactions.h"
#include "regeneratepackdialog.h"
#include "runloader.h"
#include "runstatus.h"
#include "severitybadge.h"
#include "shortcutsdialog.h"
#include "sourceview.h"
#include "summaryexport.h"
#include "suppressions.h"
#include "traceview.h"
#include "triagemodel.h"
#include "triageview.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTextEdit>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <optional>

namespace Runlens {

namespace {

const QString kRecentKey = QStringLiteral("recentPaths");
const QString kLastDirectoryKey = QStringLiteral("lastDirectory");
const QString kGeometryKey = QStringLiteral("geometry");
const QString kLayoutKey = QStringLiteral("sourceLayout");
const QString kExportDirectoryKey = QStringLiteral("exportDirectory");
constexpr qsizetype kMaxRecent = 10;

QStringList localPaths(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

constexpr qsizetype kMaxDroppedTabs = 4; // more dropped inputs than this open a triage board

// What writing from VIEW must never replace: every file its source read, and the suppression file beside it.
OutputRules outputRulesFor(const SourceView& view, bool force)
{
    const SourcePtr source = view.source();
    QStringList read = source ? source->inputFiles : QStringList();
    read.append(Inputs::suppressionFileFor(view.path()));
    return { read, force };
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_central(new QStackedWidget(this))
    , m_welcome(new QWidget(m_central))
    , m_tabs(new QTabWidget(m_central))
    , m_countsLabel(new QLabel(this))
    , m_badge(new SeverityBadge(this))
    , m_compareJobs(new JobTracker(this))
{
    setAcceptDrops(true);

    auto* welcomeText = new QLabel(
        tr("Open a runpack (.zip), a timeline directory, a .jsonl file or an upstream report, pointer or error "
           "envelope (.json), or drop any number of them here."),
        m_welcome);
    welcomeText->setAlignment(Qt::AlignCenter);
    welcomeText->setWordWrap(true);
    auto* openFileButton = new QPushButton(tr("Open File…"), m_welcome);
    connect(openFileButton, &QPushButton::clicked, this, &MainWindow::openFilesDialog);
    auto* openDirectoryButton = new QPushButton(tr("Open Directory…"), m_welcome);
    connect(openDirectoryButton, &QPushButton::clicked, this, &MainWindow::openDirectoryDialog);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(openFileButton);
    buttons->addWidget(openDirectoryButton);
    buttons->addStretch(1);
    auto* welcomeLayout = new QVBoxLayout(m_welcome);
    welcomeLayout->addStretch(1);
    welcomeLayout->addWidget(welcomeText);
    welcomeLayout->addLayout(buttons);
    welcomeLayout->addStretch(1);

    m_tabs->setObjectName(QStringLiteral("sourceTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setElideMode(Qt::ElideMiddle);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateWindow);

    m_central->addWidget(m_welcome);
    m_central->addWidget(m_tabs);
    setCentralWidget(m_central);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_badge);
    m_badge->setObjectName(QStringLiteral("severityBadge"));

    createMenus();
    resize(1280, 800);
    restoreGeometry(QSettings().value(kGeometryKey).toByteArray());
    updateRecentMenu();
    updateWindow();
}

MainWindow::~MainWindow()
{
    // The widgets dying below move the focus; no focus change may reach this half-destroyed window.
    disconnect(qApp, nullptr, this, nullptr);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::openFilesDialog);
    open->setShortcut(QKeySequence::Open);
    QAction* openDirectory = file->addAction(tr("Open &Directory…"), this, &MainWindow::openDirectoryDialog);
    openDirectory->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction* triage = file->addAction(tr("&Triage Folder…"), this, &MainWindow::triageDialog);
    triage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    triage->setToolTip(
        tr("One table of every run in a folder of runpacks, grouped by hint, stop reason, tool or stage"));
    QAction* follow = file->addAction(tr("&Follow Directory…"), this, &MainWindow::followDirectoryDialog);
    follow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    follow->setToolTip(tr("Watch a timeline directory while the server writes it"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    m_reloadAction = file->addAction(tr("Re&load"), this, [this] { reload(currentView()); });
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    m_exportAction = file->addAction(tr("&Export Hints or Trace…"), this, &MainWindow::exportHints);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Write every run's hints and stage grid as Markdown, CSV, JSON or HTML"));
    m_packAction = file->addAction(tr("Re&generate Pack…"), this, &MainWindow::regeneratePack);
    m_packAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_packAction->setToolTip(tr("Write a runpack for the selected run with today's detectors"));
    m_closeTabAction = file->addAction(tr("&Close Tab"), this, [this] { closeTab(m_tabs->currentIndex()); });
    m_closeTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    createEditMenu();
    createViewMenu();
    createGoMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto* dialog = new ShortcutsDialog(this, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    shortcuts->setObjectName(QStringLiteral("keyboardShortcuts"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    QAction* about = help->addAction(tr("&About Runlens"), this, [this] {
        QMessageBox::about(this, tr("About Runlens"),
            tr("<h3>Runlens %1</h3>"
               "<p>A forensics viewer for runpacks and JSONL timelines of a retrieval server: "
               "its runs, their stages, and every problem met while reading them.</p>")
                .arg(QApplication::applicationVersion()));
    });
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createEditMenu()
{
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* copy = edit->addAction(tr("&Copy"), this, &MainWindow::copySelection);
    copy->setObjectName(QStringLiteral("copy"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setToolTip(tr("Copy the selected rows, cells, hints or text"));
    QAction* pasteEnvelope = edit->addAction(tr("Open Pasted Error &Envelope"), this, &MainWindow::openPastedEnvelope);
    pasteEnvelope->setShortcut(QKeySequence::Paste); // a text field with focus pastes into itself first
    pasteEnvelope->setStatusTip(tr("Open the runpack that the MCP error envelope on the clipboard names"));
    QAction* selectAll = edit->addAction(tr("Select &All"), this, &MainWindow::selectAll);
    selectAll->setObjectName(QStringLiteral("selectAll"));
    selectAll->setShortcut(QKeySequence::SelectAll);
    edit->addSeparator();
    // The picture actions of the stage grid or waterfall with the focus; their context menus have them too.
    m_copyImageAction = edit->addAction(tr("Copy as &Image"), this, [this] {
        if (PictureActions* target = pictureTarget())
            target->copy();
    });
    m_copyImageAction->setObjectName(QStringLiteral("copyImage"));
    m_saveImageAction = edit->addAction(tr("Save as &PNG or SVG…"), this, [this] {
        if (PictureActions* target = pictureTarget())
            savePicture(target->widget(), target->name());
    });
    m_saveImageAction->setObjectName(QStringLiteral("saveImage"));
    connect(edit, &QMenu::aboutToShow, this, &MainWindow::updatePictureActions);
    connect(qApp, &QApplication::focusChanged, this, &MainWindow::updatePictureActions);
    updatePictureActions();
    edit->addSeparator();
    m_filterAction = edit->addAction(tr("&Filter Runs"), this, [this] {
        if (SourceView* view = currentView())
            view->focusFilter();
    });
    m_filterAction->setShortcut(QKeySequence::Find);
}

void MainWindow::copySelection()
{
    QWidget* focus = QApplication::focusWidget();
    if (!focus || focus->window() != this)
        return;
    if (auto* line = qobject_cast<QLineEdit*>(focus))
        line->copy();
    else if (auto* plain = qobject_cast<QPlainTextEdit*>(focus))
        plain->copy();
    else if (auto* text = qobject_cast<QTextEdit*>(focus))
        text->copy();
    else if (auto* label = qobject_cast<QLabel*>(focus); label && label->hasSelectedText())
        QGuiApplication::clipboard()->setText(label->selectedText());
    else if (auto* view = qobject_cast<QAbstractItemView*>(focus)) {
        if (const QString selected = selectionText(view); !selected.isEmpty())
            QGuiApplication::clipboard()->setText(selected);
    }
}

void MainWindow::selectAll()
{
    QWidget* focus = QApplication::focusWidget();
    if (!focus || focus->window() != this)
        return;
    if (auto* line = qobject_cast<QLineEdit*>(focus))
        line->selectAll();
    else if (auto* plain = qobject_cast<QPlainTextEdit*>(focus))
        plain->selectAll();
    else if (auto* text = qobject_cast<QTextEdit*>(focus))
        text->selectAll();
    else if (auto* view = qobject_cast<QAbstractItemView*>(focus))
        view->selectAll();
}

PictureActions* MainWindow::pictureTarget() const
{
    QWidget* focus = QApplication::focusWidget();
    return focus && focus->window() == this ? PictureActions::of(focus) : nullptr;
}

void MainWindow::updatePictureActions()
{
    const bool target = pictureTarget() != nullptr;
    m_copyImageAction->setEnabled(target);
    m_saveImageAction->setEnabled(target);
}

void MainWindow::connectPictures(QWidget* tab)
{
    for (PictureActions* pictures : tab->findChildren<PictureActions*>())
        connect(pictures, &PictureActions::saveRequested, this, &MainWindow::savePicture, Qt::UniqueConnection);
}

QString MainWindow::exportDirectory()
{
    return QSettings()
        .value(kExportDirectoryKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}

void MainWindow::savePicture(QWidget* widget, const QString& name)
{
    // "runpack_x-waterfall.png" for a tab's own source; the name alone on boards and compares.
    QString base = name;
    for (QWidget* parent = widget; parent; parent = parent->parentWidget()) {
        if (const auto* view = qobject_cast<SourceView*>(parent)) {
            base = QFileInfo(view->path()).completeBaseName() + u'-' + name;
            break;
        }
    }
    const QString png = tr("PNG image (*.png)");
    const QString svg = tr("SVG drawing (*.svg)");
    QString filter = png;
    QString fileName = QFileDialog::getSaveFileName(this, tr("Save Picture"),
        QDir(exportDirectory()).filePath(base + QLatin1String(".png")), png + QLatin1String(";;") + svg, &filter);
    if (fileName.isEmpty())
        return;
    QSettings().setValue(kExportDirectoryKey, QFileInfo(fileName).absolutePath());
    PictureFormat format = PictureFormat::Png;
    if (!pictureFormatFor(fileName, &format)) {
        format = filter == svg ? PictureFormat::Svg : PictureFormat::Png;
        fileName += format == PictureFormat::Svg ? QLatin1String(".svg") : QLatin1String(".png");
    }
    savePictureTo(widget, fileName, format);
}

void MainWindow::savePictureTo(QWidget* widget, const QString& fileName, PictureFormat format)
{
    // Rendered here, on the GUI thread that owns the widget; only the writing goes to a worker.
    const QByteArray bytes = widgetPicture(widget, format, QFileInfo(fileName).completeBaseName());
    OutputRules rules { {}, true }; // the file dialog asked before replacing a file
    for (QWidget* parent = widget; parent; parent = parent->parentWidget()) {
        if (const auto* view = qobject_cast<SourceView*>(parent)) {
            rules = outputRulesFor(*view, true);
            break;
        }
    }
    writeInBackground(fileName, [bytes, fileName, rules] {
        if (bytes.isEmpty())
            return tr("Could not draw the picture.");
        QString error;
        return writeOutputFile(fileName, bytes, rules, &error) ? QString() : error;
    });
}

SourceView* MainWindow::openPath(const QString& path, RecentFiles recent, const LoadRange& range)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto* view = new SourceView(absolute, m_tabs);
    auto* loader = new RunLoader(view); // lives and dies with its tab
    m_loaders.insert(view, loader);
    connect(loader, &RunLoader::progress, view, &SourceView::setProgress);
    connect(loader, &RunLoader::partiallyLoaded, view, &SourceView::setPartialSource);
    connect(loader, &RunLoader::partiallyLoaded, this, [this, view] {
        if (view == currentView())
            updateWindow(); // "runs so far", and the run actions for the early view
    });
    connect(loader, &RunLoader::loaded, view, &SourceView::setSource);
    connect(loader, &RunLoader::canceled, view, &SourceView::showCanceled);
    connect(view, &SourceView::cancelRequested, loader, &RunLoader::cancel);
    // The strip is shown from the scan's start, so that the layout does not jump when its activity comes.
    connect(loader, &RunLoader::activityScanStarted, view, &SourceView::showActivityStrip);
    connect(loader, &RunLoader::activityScanned, view, &SourceView::setActivity);
    connect(view, &SourceView::spanRequested, this, [this, view, loader](const TimeWindow& window) {
        view->showLoading();
        loader->load(view->path(), LoadRange { 0, window });
        updateTab(view);
    });
    addSourceTab(view);
    if (recent == RecentFiles::Add)
        addRecent(absolute);
    loader->load(absolute, range);
    updateTab(view); // says the range
    updateWindow();
    return view;
}

SourceView* MainWindow::followDirectory(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto* view = new SourceView(absolute, m_tabs);
    auto* follower = new LiveFollower(view); // stops with its tab
    m_followers.insert(view, follower);
    connect(follower, &LiveFollower::snapshot, view, &SourceView::updateSource);
    view->setLive(true);
    follower->setRetentionSeconds(view->retentionSeconds());
    connect(view, &SourceView::retentionChanged, follower, &LiveFollower::setRetentionSeconds);
    addSourceTab(view);
    follower->start(absolute);
    updateWindow();
    return view;
}

void MainWindow::addSourceTab(SourceView* view)
{
    connect(view, &SourceView::reloadRequested, this, [this, view] { reload(view); });
    connect(view, &SourceView::stateChanged, this, [this, view] {
        updateTab(view);
        if (view == currentView())
            updateWindow();
        if (view->state() != SourceView::State::Loading)
            emit sourceFinished(view);
    });
    const auto updateIfCurrent = [this, view] {
        if (view == currentView())
            updateWindow();
    };
    connect(view, &SourceView::hintsChanged, this, updateIfCurrent);
    connect(view, &SourceView::currentRunChanged, this, updateIfCurrent);
    if (m_remembersLayout)
        view->restoreLayout(QSettings().value(kLayoutKey).toByteArray());
    connectPictures(view);
    const int index = m_tabs->addTab(view, QString());
    updateTab(view); // the title, from the path until the source is read
    m_tabs->setCurrentIndex(index);
}

SourceView* MainWindow::currentView() const
{
    return qobject_cast<SourceView*>(m_tabs->currentWidget());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // A handful of inputs open as tabs; many, or a folder of packs, go to a triage board.
    const bool folderOfInputs = std::any_of(paths.begin(), paths.end(),
        [](const QString& path) { return QFileInfo(path).isDir() && !Inputs::isTimelineDirectory(path); });
    if (paths.size() > kMaxDroppedTabs || folderOfInputs) {
        openTriage(paths);
        return;
    }
    for (const QString& path : paths)
        openPath(path);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    if (SourceView* view = currentView(); view && m_remembersLayout && view->state() == SourceView::State::Loaded)
        settings.setValue(kLayoutKey, view->saveLayout());
    QMainWindow::closeEvent(event);
}

void MainWindow::openFilesDialog()
{
    QSettings settings;
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open Runpacks or Timelines"),
        settings.value(kLastDirectoryKey).toString(),
        tr("Runpacks, timelines and upstream reports (*.zip *.jsonl *.json);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(kLastDirectoryKey, QFileInfo(paths.constFirst()).absolutePath());
    for (const QString& path : paths)
        openPath(path);
}

void MainWindow::openDirectoryDialog()
{
    QSettings settings;
    const QString path = QFileDialog::getExistingDirectory(
        this, tr("Open Timeline Directory"), settings.value(kLastDirectoryKey).toString());
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirectoryKey, path);
    // Listing the directory's files is metadata only; a week of them is about a thousand.
    const qint64 bytes = OpenRangeDialog::timelineBytes(path);
    LoadRange range;
    if (bytes > OpenRangeDialog::askAboveBytes()) {
        OpenRangeDialog dialog(path, bytes, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        range.lastSeconds = dialog.lastSeconds();
    }
    openPath(path, RecentFiles::Add, range);
}

void MainWindow::followDirectoryDialog()
{
    QSettings settings;
    const QString path = QFileDialog::getExistingDirectory(this, tr("Follow Timeline Directory"),
        qEnvironmentVariable("CODEINTEL_DIAG_DIR", settings.value(kLastDirectoryKey).toString()));
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirectoryKey, path);
    followDirectory(path);
}

void MainWindow::closeTab(int index)
{
    QWidget* tab = m_tabs->widget(index);
    if (!tab)
        return;
    auto* view = qobject_cast<SourceView*>(tab);
    m_loaders.remove(view);
    m_followers.remove(view);
    m_tabs->removeTab(index);
    delete tab; // loaders and followers go with their tab, cancelling what is under way
    updateWindow();
}

TriageView* MainWindow::openTriage(const QStringList& paths)
{
    auto* triage = new TriageView(m_tabs);
    connectPictures(triage);
    connect(triage, &TriageView::openRunRequested, this,
        [this](const QString& path, const QString& sessionId, const QString& runId) {
            SourceView* view = openPath(path);
            connect(
                view, &SourceView::stateChanged, view,
                [view, sessionId, runId] {
                    if (view->state() == SourceView::State::Loaded)
                        view->selectRun(sessionId, runId);
                },
                Qt::SingleShotConnection);
        });
    connect(triage, &TriageView::compareRequested, this, [this, triage](int rowA, int rowB) {
        const TriageRow a = triage->model()->rows()[size_t(rowA)];
        const TriageRow b = triage->model()->rows()[size_t(rowB)];
        compareInBackground([a, b](QString*) -> std::optional<RunDiff> {
            return diffRuns(
                a.run, a.hints, runLabel(a.source->path, *a.run), b.run, b.hints, runLabel(b.source->path, *b.run));
        });
    });
    const QString title = paths.size() == 1 ? tr("Triage: %1").arg(SourceView::pathTitle(paths.constFirst()))
                                            : tr("Triage: %Ln inputs", nullptr, int(paths.size()));
    const int index = m_tabs->addTab(triage, style()->standardIcon(QStyle::SP_FileDialogDetailedView), title);
    m_tabs->setTabToolTip(index, paths.join(QLatin1Char('\n')));
    m_tabs->setCurrentIndex(index);
    triage->load(paths);
    updateWindow();
    return triage;
}

CompareView* MainWindow::openCompare(RunDiff diff)
{
    const QString title = tr("%1 ↔ %2").arg(diff.a->runId.left(8), diff.b->runId.left(8));
    auto* compare = new CompareView(std::move(diff), m_tabs);
    connectPictures(compare);
    const int index = m_tabs->addTab(compare, title);
    m_tabs->setTabToolTip(index, compare->diff().labelA + QLatin1Char('\n') + compare->diff().labelB);
    m_tabs->setCurrentIndex(index);
    updateWindow();
    return compare;
}

void MainWindow::compareInputs(const QString& pathA, const QString& pathB)
{
    compareInBackground([pathA, pathB](QString* error) { return Runlens::compareInputs(pathA, {}, pathB, {}, error); });
}

void MainWindow::compareSelectedRuns()
{
    SourceView* view = currentView();
    const QList<RunPtr> runs = view ? view->selectedRuns() : QList<RunPtr>();
    if (runs.size() != 2)
        return;
    compareInBackground([runs, report = view->hintReport(), path = view->path()](QString*) -> std::optional<RunDiff> {
        // The hints found already, else (the detectors still running) the run's own.
        const auto hintsOf = [&report](const RunPtr& run) {
            if (report) {
                for (const RunHints& runHints : report->runs) {
                    if (runHints.run == run)
                        return runHints.hints;
                }
            }
            return detectRun(*run);
        };
        return diffRuns(
            runs[0], hintsOf(runs[0]), runLabel(path, *runs[0]), runs[1], hintsOf(runs[1]), runLabel(path, *runs[1]));
    });
}

void MainWindow::compareInBackground(std::function<std::optional<RunDiff>(QString* error)> compare)
{
    struct Outcome
    {
        std::optional<RunDiff> diff;
        QString error;
    };
    m_compareJobs->start(
        [compare = std::move(compare)](const Job&) {
            Outcome outcome;
            outcome.diff = compare(&outcome.error);
            return outcome;
        },
        [this](Outcome outcome) {
            if (outcome.diff) {
                openCompare(std::move(*outcome.diff));
            } else {
                auto* box =
                    new QMessageBox(QMessageBox::Warning, tr("Cannot Compare"), outcome.error, QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
            emit compareReady();
        });
}

void MainWindow::triageDialog()
{
    QSettings settings;
    const QString path = QFileDialog::getExistingDirectory(
        this, tr("Triage a Folder of Runpacks"), settings.value(kLastDirectoryKey).toString());
    if (path.isEmpty())
        return;
    settings.setValue(kLastDirectoryKey, path);
    openTriage({ path });
}

void MainWindow::reload(SourceView* view)
{
    if (LiveFollower* follower = m_followers.value(view)) {
        follower->start(view->path()); // from the start of the files again
        return;
    }
    RunLoader* loader = m_loaders.value(view);
    if (!loader)
        return;
    view->showLoading();
    loader->reload();
}

void MainWindow::addRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (qsizetype i = 0; i < recent.size(); ++i) {
        const QString& path = recent.at(i);
        // Numbered for keyboard use; && keeps an ampersand in a path from becoming a mnemonic.
        const QString label = QStringLiteral("&%1 %2").arg(i + 1).arg(
            QDir::toNativeSeparators(path).replace(QLatin1Char('&'), QLatin1String("&&")));
        m_recentMenu->addAction(label, this, [this, path] { openPath(path); });
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            QSettings().remove(kRecentKey);
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTab(SourceView* view)
{
    const int index = m_tabs->indexOf(view);
    if (index < 0)
        return;
    const RunLoader* loader = m_loaders.value(view);
    const LoadRange range = loader ? loader->range() : LoadRange();
    const TimeWindow& window = range.window;
    const QString since = ActivityStrip::formatMinute(window.since);
    const QString until = ActivityStrip::formatMinute(window.until);
    // An open end (--since or --until alone) is not a time to show.
    m_tabs->setTabText(index,
        view->isLive()                 ? tr("%1 (live)").arg(view->title())
            : range.lastSeconds > 0    ? tr("%1 (last %n min)", nullptr, int(range.lastSeconds / 60)).arg(view->title())
            : window.isAll()           ? view->title()
            : std::isinf(window.until) ? tr("%1 (from %2)").arg(view->title(), since)
            : std::isinf(window.since) ? tr("%1 (before %2)").arg(view->title(), until)
                                       : tr("%1 (%2 to %3)").arg(view->title(), since, until));
    QString toolTip = QDir::toNativeSeparators(view->path());
    if (const SourcePtr source = view->source(); source && !source->label.isEmpty())
        toolTip += QLatin1Char('\n') + tr("Opened as: %1").arg(source->label);
    m_tabs->setTabToolTip(index, toolTip);
    QIcon icon;
    switch (view->state()) {
    case SourceView::State::Loading:
    case SourceView::State::Canceled:
        break;
    case SourceView::State::Failed:
        icon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
        break;
    case SourceView::State::Loaded: {
        const SourcePtr source = view->source();
        if (!source || source->runs.empty()) {
            icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
            break;
        }
        icon = runStatusIcon(view->worstRunStatus()); // from the sessions' summaries: a day has 100,000 runs
        break;
    }
    }
    m_tabs->setTabIcon(index, icon);
}

void MainWindow::updateWindow()
{
    SourceView* view = currentView();
    m_central->setCurrentWidget(m_tabs->count() > 0 ? static_cast<QWidget*>(m_tabs) : m_welcome);
    setWindowTitle(view ? view->title() : QString());
    m_reloadAction->setEnabled(view != nullptr);
    m_closeTabAction->setEnabled(view != nullptr);
    m_runsListAction->setEnabled(view != nullptr);
    m_runsListAction->setChecked(view && view->isRunsListVisible());
    m_resetLayoutAction->setEnabled(view != nullptr);
    // Runs are shown once loaded, and while loading as an early view: those can be browsed too.
    const bool hasRuns = view && view->source() && !view->source()->runs.empty();
    m_filterAction->setEnabled(hasRuns);
    for (QAction* action : std::as_const(m_runActions))
        action->setEnabled(hasRuns);
    m_exportAction->setEnabled(hasRuns && view->hintReport());
    m_packAction->setEnabled(hasRuns && view->currentRun() && view->state() != SourceView::State::Loading);
    updateBadge(view);
    if (!view) {
        m_countsLabel->clear();
        return;
    }
    switch (view->state()) {
    case SourceView::State::Loading:
        m_countsLabel->setText(
            hasRuns ? tr("Reading… %Ln runs so far", nullptr, int(view->source()->runs.size())) : tr("Reading…"));
        break;
    case SourceView::State::Failed:
        m_countsLabel->setText(tr("Could not be read"));
        break;
    case SourceView::State::Canceled:
        m_countsLabel->setText(tr("Cancelled"));
        break;
    case SourceView::State::Loaded: {
        const SourcePtr source = view->source();
        m_countsLabel->setText(tr("Runs: %L1 · Events: %L2 · Problems: %L3")
                                   .arg(source->runs.size())
                                   .arg(source->eventCount)
                                   .arg(view->problemCount()));
        break;
    }
    }
}

void MainWindow::createViewMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&View"));
    m_runsListAction = menu->addAction(tr("Runs &List"), this, [this](bool shown) {
        if (SourceView* view = currentView())
            view->setRunsListVisible(shown);
    });
    m_runsListAction->setObjectName(QStringLiteral("runsList"));
    m_runsListAction->setCheckable(true);
    m_runsListAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_runsListAction->setToolTip(tr("Show or hide the list of runs (hidden when the input holds one run)"));
    m_resetLayoutAction = menu->addAction(tr("&Reset Layout"), this, [this] {
        if (SourceView* view = currentView()) {
            view->resetLayout();
            m_runsListAction->setChecked(view->isRunsListVisible());
        }
    });
    m_resetLayoutAction->setObjectName(QStringLiteral("resetLayout"));
    m_resetLayoutAction->setToolTip(tr("Back to the pane sizes fitted to the window"));
}

void MainWindow::createGoMenu()
{
    // Each action works on the current tab; disabled while it has no runs.
    const auto addRunAction = [this](QMenu* menu, const QString& text, const QKeySequence& shortcut, auto slot) {
        QAction* action = menu->addAction(text, this, [this, slot] {
            if (SourceView* view = currentView())
                slot(view);
        });
        action->setShortcut(shortcut);
        m_runActions.append(action);
        return action;
    };
    QMenu* go = menuBar()->addMenu(tr("&Go"));
    addRunAction(go, tr("&Next Hint"), QKeySequence(Qt::Key_F8), [](SourceView* view) { view->nextHint(); });
    addRunAction(
        go, tr("&Previous Hint"), QKeySequence(Qt::SHIFT | Qt::Key_F8), [](SourceView* view) { view->previousHint(); });
    addRunAction(
        go, tr("Next &Failed Stage"), QKeySequence(Qt::Key_F7), [](SourceView* view) { view->nextFailedStage(); });
    addRunAction(go, tr("Previous F&ailed Stage"), QKeySequence(Qt::SHIFT | Qt::Key_F7),
        [](SourceView* view) { view->previousFailedStage(); });
    go->addSeparator();
    const std::pair<QString, SourceView::Page> pages[] = {
        { tr("&Events"), SourceView::Page::Events },
        { tr("&Report"), SourceView::Page::Report },
        { tr("&Contents"), SourceView::Page::Contents },
        { tr("P&roblems"), SourceView::Page::Problems },
    };
    int key = Qt::Key_1;
    for (const auto& [text, page] : pages) {
        addRunAction(go, text, QKeySequence(Qt::CTRL | Qt::Key(key++)),
            [page = page](SourceView* view) { view->showPage(page); });
    }
    go->addSeparator();
    addRunAction(go, tr("Compare &Selected Runs"), QKeySequence(Qt::CTRL | Qt::Key_D),
        [this](SourceView*) { compareSelectedRuns(); });
    addRunAction(go, tr("Reset &Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0),
        [](SourceView* view) { view->waterfall()->resetZoom(); });
    QAction* nextTab = go->addAction(tr("Next &Tab"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    nextTab->setShortcut(QKeySequence::NextChild);
    QAction* previousTab = go->addAction(tr("Pre&vious Tab"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    previousTab->setShortcut(QKeySequence::PreviousChild);
}

void MainWindow::updateBadge(SourceView* view)
{
    // Summed with the hints on the detectors' worker: this runs whenever another run is selected.
    const auto hints = view && view->hintReport() ? view->hintSummary() : nullptr;
    m_badge->setVisible(bool(hints));
    if (!hints)
        return;
    const RunListModel::HintCounts& total = hints->total;
    m_badge->setCounts(total.counts[int(Severity::Error)], total.counts[int(Severity::Warning)],
        total.counts[int(Severity::Note)], total.suppressed, total.disputed);
}

void MainWindow::exportHints()
{
    SourceView* view = currentView();
    const auto report = view ? view->hintReport() : nullptr;
    if (!report)
        return;
    QSettings settings;
    const QString base = QFileInfo(view->path()).completeBaseName() + QLatin1String("-hints");
    const QString directory = exportDirectory();
    const QString markdown = tr("Markdown (*.md)");
    const QString csv = tr("CSV (*.csv)");
    const QString json = tr("JSON (*.json)");
    const QString html = tr("Self-contained HTML (*.html)");
    const QString chromeTrace = tr("Trace for Perfetto and chrome://tracing (*.json)");
    const QString otlp = tr("OpenTelemetry trace, OTLP/JSON (*.json)");
    QString filter = markdown;
    QString fileName = QFileDialog::getSaveFileName(this, tr("Export Hints or Trace"),
        QDir(directory).filePath(base + QLatin1String(".md")),
        QStringList { markdown, csv, json, html, chromeTrace, otlp }.join(QLatin1String(";;")), &filter);
    if (fileName.isEmpty())
        return;
    settings.setValue(kExportDirectoryKey, QFileInfo(fileName).absolutePath());
    // A trace filter decides (its files are .json too); else the suffix when it names a format, else the filter.
    ExportFormat format = ExportFormat::Markdown;
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (filter == chromeTrace || filter == otlp) {
        format = filter == chromeTrace ? ExportFormat::ChromeTrace : ExportFormat::Otlp;
    } else if (!parseExportFormat(suffix == QLatin1String("markdown") ? QStringLiteral("md") : suffix, &format)) {
        format = filter == csv ? ExportFormat::Csv
            : filter == json   ? ExportFormat::Json
            : filter == html   ? ExportFormat::Html
                               : ExportFormat::Markdown;
    }
    exportHintsTo(view, fileName, format);
}

void MainWindow::exportHintsTo(const SourceView* view, const QString& fileName, ExportFormat format)
{
    const auto report = view->hintReport();
    // The file dialog asked before replacing a file; nothing the view reads is ever written.
    const OutputRules rules = outputRulesFor(*view, true);
    writeInBackground(fileName, [report, format, fileName, rules] {
        if (!report)
            return tr("The detectors have not finished yet.");
        QString error;
        return writeOutputFile(fileName, exportSummary(*report, format), rules, &error) ? QString() : error;
    });
}

void MainWindow::openPastedEnvelope()
{
    const QString pack = runpackNamedByEnvelope(QGuiApplication::clipboard()->text().toUtf8());
    if (pack.isEmpty()) {
        statusBar()->showMessage(
            tr("The clipboard holds no MCP error envelope: no observability.runpack_path in a JSON document"), 10000);
        return;
    }
    openPath(pack);
}

void MainWindow::regeneratePack()
{
    SourceView* view = currentView();
    const SourcePtr source = view ? view->source() : nullptr;
    const RunPtr run = view ? view->currentRun() : nullptr;
    if (!source || !run)
        return;
    RegeneratePackDialog dialog(source, run, this);
    dialog.setOutputDirectory(exportDirectory());
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings().setValue(kExportDirectoryKey, QFileInfo(dialog.outputPath()).absolutePath());
    writePackTo(view, dialog.options(), dialog.outputPath(), dialog.overwrite());
}

void MainWindow::writePackTo(
    const SourceView* view, const PackOptions& options, const QString& fileName, bool overwrite)
{
    const SourcePtr source = view->source();
    const OutputRules rules = outputRulesFor(*view, overwrite);
    writeInBackground(fileName, [source, options, fileName, rules] {
        PackMembers members;
        QByteArray zip;
        QString error;
        const bool written = buildPack(*source, options, &members, &error)
            && ZipArchive::writeToBuffer(&zip, members, &error) && writeOutputFile(fileName, zip, rules, &error);
        return written ? QString() : error;
    });
}

void MainWindow::writeInBackground(const QString& fileName, std::function<QString()> write)
{
    statusBar()->showMessage(tr("Writing %1…").arg(QDir::toNativeSeparators(fileName)));
    // A tracker of its own: writes one after another all finish, none supersedes another.
    auto* jobs = new JobTracker(this);
    jobs->start([write = std::move(write)](const Job&) { return write(); },
        [this, jobs, fileName](const QString& error) {
            jobs->deleteLater();
            if (error.isEmpty()) {
                statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(fileName)), 10000);
            } else {
                statusBar()->clearMessage();
                // Window-modal and not waited for, so that nothing blocks while it shows.
                auto* box =
                    new QMessageBox(QMessageBox::Warning, tr("Cannot Write File"), error, QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
            emit writeFinished(fileName, error);
        });
}

} // namespace Runlens
