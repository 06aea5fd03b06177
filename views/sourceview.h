// SPDX-License-Identifier: MIT
#pragma once

#include "hintreport.h"
#include "runlistmodel.h"
#include "source.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeView;

namespace Runlens {

class ActivityStrip;
struct Activity;
class EventsView;
class HintsView;
class JobTracker;
class PackContentsView;
class ProblemsView;
class RunFilterProxy;
class StageGridView;
class TraceView;

/// One opened source: its loading progress, then its workspace (runs list | stage grid, hints,
/// waterfall and the Events, Report, Contents and Problems pages), or a message saying why there is
/// nothing to show. Whoever loads the source feeds it in; the view itself never reads files. The
/// detectors run on a worker thread once the source is in.
class SourceView : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Loading,
        Loaded,
        Failed,
        Canceled
    };
    /// The pages below the waterfall, in tab order.
    enum class Page
    {
        Events,
        Report,
        Contents,
        Problems
    };

    explicit SourceView(const QString& path, QWidget* parent = nullptr);
    ~SourceView() override;

    QString path() const { return m_path; }
    /// What the tab calls it: the session of a one-session source ("sess-embed-error 5ee711da" for one run),
    /// otherwise pathTitle().
    QString title() const;
    /// A file's name; a folder's, or rather its first ancestor's that is not generic like "diagnostics" or a date.
    static QString pathTitle(const QString& path);
    State state() const { return m_state; }
    SourcePtr source() const { return m_source; }
    /// Every problem met while reading, those of the runs included.
    qsizetype problemCount() const;
    /// Every run's hints, suppressions applied; null while the detectors are still running.
    std::shared_ptr<const HintReport> hintReport() const { return m_hintReport; }
    /// What the runs list shows of the hints: per run, per kind and in all (null until the detectors finish).
    std::shared_ptr<const RunListModel::HintSummary> hintSummary() const { return m_model->hintSummary(); }
    /// The worst status of the runs shown, for the tab's icon.
    RunStatus worstRunStatus() const { return m_model->worstStatus(); }
    /// The current run's hints (empty when there is no run or no report yet).
    Hints currentRunHints() const;

    /// Back to the progress page, at zero.
    void showLoading();
    void setProgress(int permille, const QString& text);
    /// While loading, an early view: the runs read so far, shown with how far reading is.
    void setPartialSource(SourcePtr partial);
    /// Shows the runs, or the fatal error when the source could not be read; starts the detectors.
    void setSource(SourcePtr source);
    void showCanceled();
    /// The list of runs (and its filters): hidden for a source of one run unless the user shows it.
    void setRunsListVisible(bool visible, bool chosen = true);
    bool isRunsListVisible() const;
    /// The splitters back to the sizes fitted to the window, the runs list shown only for many runs
    /// (View > Reset Layout).
    void resetLayout();

    /// Live mode, for a followed directory: a bar with the line rate, "follow newest run" and
    /// "pause"; updateSource() then replaces the source in place, keeping selection and filters.
    void setLive(bool live);
    bool isLive() const { return m_liveBar != nullptr; }
    void updateSource(Runlens::SourcePtr source, double linesPerSecond);
    void setFollowNewest(bool follow);
    void setPaused(bool paused);
    bool isPaused() const;
    /// How long settled runs of a followed directory stay, in seconds (0: all of them); the live bar's
    /// "Keep" box, remembered across sessions.
    double retentionSeconds() const;
    void setRetentionMinutes(int minutes);

    /// The whole directory's runs over time, for a source that holds a span of it: shown above the runs, the span
    /// held highlighted, and dragging across it asks for another (spanRequested()).
    void setActivity(std::shared_ptr<const Runlens::Activity> activity);
    /// The activity strip, before its activity comes: shown from the start, so that the layout does not jump.
    void showActivityStrip();
    ActivityStrip* activityStrip() const { return m_activityStrip; }

    void focusFilter();
    /// Selects the first run that has a stage grid (else the first run); false when there is none.
    bool selectFirstRun();
    /// Selects a run by ids, clearing filters that hide it; false when the source has no such run.
    bool selectRun(const QString& sessionId, const QString& runId);
    RunPtr currentRun() const;
    /// The runs selected in the runs list (Ctrl+click selects a second one to compare with).
    QList<RunPtr> selectedRuns() const;

    /// Next/previous active hint of the current run, jumping to its evidence; false when none.
    bool nextHint();
    bool previousHint();
    /// Jumps to the evidence of the selected hint (the root cause on open), or of the first hint.
    void showSelectedHint();
    /// Next/previous Failed or Degraded stage of the current run, selecting its spans and events.
    bool nextFailedStage();
    bool previousFailedStage();
    void showPage(Page page);
    Page currentPage() const;

    /// Splitter positions and column widths, for QSettings; restoreLayout ignores bad data.
    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& layout);

    // The parts, for the window's actions and for tests.
    StageGridView* stageGrid() const { return m_grid; }
    HintsView* hintsView() const { return m_hints; }
    TraceView* waterfall() const { return m_waterfall; }
    EventsView* eventsView() const { return m_events; }
    ProblemsView* problemsView() const { return m_problems; }

signals:
    void cancelRequested();
    void reloadRequested();
    /// Emitted after every change of state().
    void stateChanged();
    /// The detectors finished (or were reset): hintReport() changed.
    void hintsChanged();
    /// The selected run changed.
    void currentRunChanged();
    /// The user chose how long a followed directory's settled runs stay (0: all of them).
    void retentionChanged(double seconds);
    /// The user chose another span of the directory on its activity strip.
    void spanRequested(const Runlens::TimeWindow& window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createWorkspace();
    void applyLiveSource(SourcePtr source);
    /// A newer source of the same input in place of the shown one, keeping the selected run and its zoom.
    void replaceSource(SourcePtr source, bool selectNewest);
    /// Selects the run started last; with `onlyNew`, only when that is another run than last time (one
    /// arrived), so that following leaves a run the user chose alone until the next one comes.
    bool selectNewestRun(bool onlyNew = false);
    void showContent();
    void setState(State state);
    void showMessage(const QString& title, const QString& text, const QString& details);
    /// Empties every view of the source and hands it, its hints and a held snapshot to a worker to free.
    void dropSource();
    void startDetectors();
    void applyHints(std::shared_ptr<const RunListModel::HintSummary> hints);
    void updateHintKinds();
    void onCurrentRunChanged();
    void showReport();
    void showCurrentRunHints();
    void updateCounts();
    void applyFilters();
    void fitLayout();
    /// The grid's height in a run column of `runHeight`: all its rows, up to a little more than half of it.
    int gridHeightFor(int runHeight) const;
    /// A run with more rows than the one the layout was fitted to: the grid grows (never shrinks) so that its last
    /// row, perhaps the failed one, is not behind a scroll bar; the pages give the room, then the waterfall.
    void growGridToFit();
    bool runsListWanted() const;
    int runsListWidth() const;
    void jumpToEvidence(int event, int span);
    void revealLine(const QString& file, qint64 line);
    QString overviewText() const;

    QString m_path;
    State m_state = State::Loading;
    SourcePtr m_source;
    std::shared_ptr<const HintReport> m_hintReport;
    JobTracker* m_hintJobs; // the detectors, run on each new source
    bool m_fitPending = false; // the splitters are sized once the content page has its real size
    bool m_fitted = false; // sized (or restored) once: reloads and other runs keep the sizes
    bool m_runsListChosen = false; // the user showed or hid the runs list
    RunListModel* m_model;
    RunFilterProxy* m_proxy;

    QStackedWidget* m_pages;
    QWidget* m_loadingPage;
    QLabel* m_progressText;
    QProgressBar* m_progressBar;
    QWidget* m_contentPage;
    QWidget* m_partialBar;
    QLabel* m_partialLabel;
    QProgressBar* m_partialProgress;
    QPushButton* m_partialCancel;
    QLineEdit* m_filterEdit;
    QComboBox* m_statusFilter;
    QComboBox* m_hintKindFilter;
    QLabel* m_countLabel;
    QToolButton* m_problemsButton;
    QSplitter* m_splitter; // runs | run | hints
    QSplitter* m_runSplitter; // grid / waterfall / pages
    QWidget* m_filterRow; // the runs list's filters, shown with it
    QTreeView* m_tree;
    StageGridView* m_grid;
    HintsView* m_hints;
    TraceView* m_waterfall;
    QTabWidget* m_bottomTabs;
    EventsView* m_events;
    QPlainTextEdit* m_report;
    PackContentsView* m_contents;
    ProblemsView* m_problems;
    ActivityStrip* m_activityStrip = nullptr;
    QWidget* m_liveBar = nullptr;
    QLabel* m_liveLabel = nullptr;
    QCheckBox* m_followNewest = nullptr;
    QCheckBox* m_pause = nullptr;
    QSpinBox* m_keepMinutes = nullptr;
    std::weak_ptr<const Run> m_hintsShownFor; // the run whose final hints the hints view shows
    SourcePtr m_pendingSource; // the newest snapshot, held while paused
    double m_linesPerSecond = 0;
    bool m_applyingLive = false; // selection changes while a snapshot is applied are not the user's
    QString m_newestRun; // "session\nrun" of the newest run when it was last selected
    QWidget* m_messagePage;
    QLabel* m_messageTitle;
    QLabel* m_messageText;
    QPlainTextEdit* m_messageDetails;
};

} // namespace Runlens
