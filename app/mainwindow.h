// SPDX-License-Identifier: MIT
#pragma once

#include "packbuilder.h"
#include "rundiff.h"
#include "runloader.h"
#include "summaryexport.h"
#include "widgetpicture.h"

#include <QHash>
#include <QMainWindow>

#include <functional>
#include <optional>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace Runlens {

class CompareView;
class JobTracker;
class LiveFollower;
class PictureActions;
class TriageView;
class RunLoader;
class SeverityBadge;
class SourceView;

/// The Runlens window: one tab per opened source, menus, recent files and drops.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class RecentFiles
    {
        Add,
        Skip
    };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a runpack zip, a timeline directory or a .jsonl file in a new tab and starts reading it.
    /// With a `range`, only the runs of that span of a timeline (File > Open Directory offers the last hour or day
    /// of a large directory; the activity strip of a span of a directory chooses another).
    SourceView* openPath(const QString& path, RecentFiles recent = RecentFiles::Add, const LoadRange& range = {});
    /// Edit > Open Pasted Error Envelope: the runpack that an MCP error envelope on the clipboard names.
    void openPastedEnvelope();
    /// A triage board over PATHs (runpacks, folders of them, timelines), in a new tab.
    TriageView* openTriage(const QStringList& paths);
    /// Two runs side by side, in a new tab.
    CompareView* openCompare(RunDiff diff);
    /// Reads two inputs on a worker and compares their first runs with a tool; emits compareReady().
    void compareInputs(const QString& pathA, const QString& pathB);
    /// Follows a timeline directory while the server writes it, in a new live tab.
    SourceView* followDirectory(const QString& path);
    SourceView* currentView() const;
    QTabWidget* tabs() const { return m_tabs; }
    SeverityBadge* severityBadge() const { return m_badge; }
    /// Whether splitter positions are read from and saved to the settings (off for screenshots,
    /// which must not depend on how the user last arranged the window).
    void setRemembersLayout(bool remember) { m_remembersLayout = remember; }

    /// What File > Export Hints and File > Regenerate Pack do once their dialog is answered: write
    /// on a worker thread, then emit writeFinished().
    void exportHintsTo(const SourceView* view, const QString& fileName, ExportFormat format);
    void writePackTo(const SourceView* view, const PackOptions& options, const QString& fileName, bool overwrite);
    /// What "Save as PNG or SVG…" does once its dialog is answered: the widget's picture, written on a
    /// worker thread (emits writeFinished()); nothing the tab read is ever written over.
    void savePictureTo(QWidget* widget, const QString& fileName, PictureFormat format);
    /// The stage grid or waterfall the Edit menu's picture actions work on: the one holding the focus.
    PictureActions* pictureTarget() const;
    /// Where file dialogs for exports start: the last folder written to, at first the documents folder.
    static QString exportDirectory();

signals:
    /// A tab finished reading its source, failed to, or was cancelled.
    void sourceFinished(Runlens::SourceView* view);
    /// A background write (Export Hints, Regenerate Pack) finished; error is empty on success.
    void writeFinished(const QString& fileName, const QString& error);
    /// A compare (compareInputs(), Compare Selected Runs, a triage board's Compare) opened its tab, or
    /// said why it could not.
    void compareReady();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createEditMenu();
    void createViewMenu();
    void createGoMenu();
    void copySelection();
    void selectAll();
    void updatePictureActions();
    void savePicture(QWidget* widget, const QString& name);
    /// Offers the picture actions of every stage grid and waterfall in a new tab.
    void connectPictures(QWidget* tab);
    void exportHints();
    void regeneratePack();
    /// Runs `write` (which returns an error message, empty on success) on a worker thread and
    /// reports the outcome in the status bar, or in a message box when it failed.
    void writeInBackground(const QString& fileName, std::function<QString()> write);
    /// Runs `compare` (which says why when it has no diff) on a worker and opens its tab, or says why
    /// not; emits compareReady(). A newer compare replaces one still under way.
    void compareInBackground(std::function<std::optional<RunDiff>(QString* error)> compare);
    void openFilesDialog();
    void openDirectoryDialog();
    void followDirectoryDialog();
    void triageDialog();
    void compareSelectedRuns();
    void addSourceTab(SourceView* view);
    void closeTab(int index);
    void reload(SourceView* view);
    void addRecent(const QString& path);
    void updateRecentMenu();
    void updateWindow();
    void updateTab(SourceView* view);
    void updateBadge(SourceView* view);

    QStackedWidget* m_central;
    QWidget* m_welcome;
    QTabWidget* m_tabs;
    QHash<SourceView*, RunLoader*> m_loaders;
    QHash<SourceView*, LiveFollower*> m_followers;
    QMenu* m_recentMenu = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_closeTabAction = nullptr;
    QAction* m_runsListAction = nullptr;
    QAction* m_resetLayoutAction = nullptr;
    QAction* m_filterAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_packAction = nullptr;
    QAction* m_copyImageAction = nullptr;
    QAction* m_saveImageAction = nullptr;
    QList<QAction*> m_runActions; // need a loaded source with runs
    QLabel* m_countsLabel;
    SeverityBadge* m_badge;
    JobTracker* m_compareJobs;
    bool m_remembersLayout = true;
};

} // namespace Runlens
