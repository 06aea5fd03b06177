// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QMainWindow>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace Runlens {

class RunLoader;
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
    SourceView* openPath(const QString& path, RecentFiles recent = RecentFiles::Add);
    SourceView* currentView() const;
    QTabWidget* tabs() const { return m_tabs; }

signals:
    /// A tab finished reading its source, failed to, or was cancelled.
    void sourceFinished(Runlens::SourceView* view);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void openFilesDialog();
    void openDirectoryDialog();
    void closeTab(int index);
    void reload(SourceView* view);
    void addRecent(const QString& path);
    void updateRecentMenu();
    void updateWindow();
    void updateTab(SourceView* view);

    QStackedWidget* m_central;
    QWidget* m_welcome;
    QTabWidget* m_tabs;
    QHash<SourceView*, RunLoader*> m_loaders;
    QMenu* m_recentMenu = nullptr;
    QAction* m_reloadAction = nullptr;
    QAction* m_closeTabAction = nullptr;
    QAction* m_filterAction = nullptr;
    QLabel* m_countsLabel;
};

} // namespace Runlens
