// SPDX-License-Identifier: MIT
#include "sourceview.h"
#include "activitystrip.h"

#include "eventsview.h"
#include "hintsview.h"
#include "jobtracker.h"
#include "packcontentsview.h"
#include "pictureactions.h"
#include "printable.h"
#include "problemsview.h"
#include "runfilter.h"
#include "runfilterproxy.h"
#include "runlistmodel.h"
#include "runreport.h"
#include "runstatus.h"
#include "stagegridview.h"
#include "suppressionfile.h"
#include "traceview.h"
#include "viewslogging.h"
#include "workerpool.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Runlens {

namespace {

const char* const kKeepMinutesKey = "live/keepMinutes";
constexpr int kDefaultKeepMinutes = 60;

QPlainTextEdit* makeTextPane(QWidget* parent)
{
    auto* pane = new QPlainTextEdit(parent);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->setAcceptDrops(false); // drops of files go to the window, which opens them
    return pane;
}

QString problemLines(const Diagnostics& problems)
{
    QString text;
    for (const Diagnostic& problem : problems)
        text += QLatin1String("  ") + problem.toString() + QLatin1Char('\n');
    return text;
}

// Every run's hints with the suppression file next to the input applied; runs on a worker thread.
std::shared_ptr<const HintReport> detectHints(
    const SourcePtr& source, const std::shared_ptr<const HintReport>& previous)
{
    Suppressions suppressions;
    QString unreadable; // an unreadable file suppresses nothing: every hint stays active
    (void)loadSuppressionFile(&suppressions, source->path, {}, &unreadable);
    return std::make_shared<const HintReport>(buildHintReport(*source, {}, { &suppressions }, previous.get()));
}

bool isSameRun(const Run& a, const Run& b)
{
    return a.sessionId == b.sessionId && a.runId == b.runId;
}

constexpr quint32 kLayoutMagic = 0x524c4c32; // "RLL2": the saveLayout() format (runs | run | hints)

} // namespace

SourceView::SourceView(const QString& path, QWidget* parent)
    : QWidget(parent)
    , m_path(path)
    , m_hintJobs(new JobTracker(this))
    , m_model(new RunListModel(this))
    , m_proxy(new RunFilterProxy(this))
    , m_pages(new QStackedWidget(this))
{
    m_proxy->setSourceModel(m_model);
    const QString fileName = QFileInfo(path).fileName().isEmpty() ? path : QFileInfo(path).fileName();

    // Loading: what is being read, how far, and a way out.
    m_loadingPage = new QWidget(m_pages);
    auto* readingLabel = new QLabel(tr("Reading %1").arg(fileName), m_loadingPage);
    readingLabel->setToolTip(path);
    readingLabel->setAlignment(Qt::AlignCenter);
    m_progressBar = new QProgressBar(m_loadingPage);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setRange(0, 1000);
    m_progressBar->setMinimumWidth(360);
    m_progressBar->setMaximumWidth(480);
    m_progressText = new QLabel(m_loadingPage);
    m_progressText->setAlignment(Qt::AlignCenter);
    auto* cancelButton = new QPushButton(tr("Cancel"), m_loadingPage);
    cancelButton->setObjectName(QStringLiteral("cancelButton"));
    connect(cancelButton, &QPushButton::clicked, this, &SourceView::cancelRequested);
    auto* loadingLayout = new QVBoxLayout(m_loadingPage);
    loadingLayout->addStretch(1);
    loadingLayout->addWidget(readingLabel);
    loadingLayout->addWidget(m_progressBar, 0, Qt::AlignHCenter);
    loadingLayout->addWidget(m_progressText);
    loadingLayout->addWidget(cancelButton, 0, Qt::AlignHCenter);
    loadingLayout->addStretch(1);

    m_contentPage = createWorkspace();

    // Message: why there is nothing to show, and what was found on the way.
    m_messagePage = new QWidget(m_pages);
    m_messageTitle = new QLabel(m_messagePage);
    m_messageTitle->setObjectName(QStringLiteral("messageTitle"));
    QFont titleFont = m_messageTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_messageTitle->setFont(titleFont);
    m_messageTitle->setTextFormat(Qt::PlainText);
    m_messageText = new QLabel(m_messagePage);
    m_messageText->setObjectName(QStringLiteral("messageText"));
    m_messageText->setTextFormat(Qt::PlainText);
    m_messageText->setWordWrap(true);
    m_messageText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageDetails = makeTextPane(m_messagePage);
    auto* reloadButton = new QPushButton(tr("Reload"), m_messagePage);
    reloadButton->setObjectName(QStringLiteral("reloadButton"));
    connect(reloadButton, &QPushButton::clicked, this, &SourceView::reloadRequested);
    auto* messageLayout = new QVBoxLayout(m_messagePage);
    messageLayout->setContentsMargins(24, 24, 24, 24);
    messageLayout->addWidget(m_messageTitle);
    messageLayout->addWidget(m_messageText);
    messageLayout->addWidget(m_messageDetails, 1);
    messageLayout->addWidget(reloadButton, 0, Qt::AlignLeft);
    messageLayout->addStretch(0); // takes the room while the details pane is hidden

    m_pages->addWidget(m_loadingPage);
    m_pages->addWidget(m_contentPage);
    m_pages->addWidget(m_messagePage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    showLoading();
}

QWidget* SourceView::createWorkspace()
{
    auto* page = new QWidget(m_pages);

    // Filter row: text, status and hint kind, then counts.
    m_filterEdit = new QLineEdit(page);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by session, run or tool (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAcceptDrops(false);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &SourceView::applyFilters);
    m_statusFilter = new QComboBox(page);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setToolTip(tr("Show only runs with this status"));
    m_statusFilter->addItem(tr("All statuses"), -1);
    for (RunStatus status : allRunStatuses)
        m_statusFilter->addItem(runStatusIcon(status), runStatusLabel(status), int(status));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &SourceView::applyFilters);
    m_hintKindFilter = new QComboBox(page);
    m_hintKindFilter->setObjectName(QStringLiteral("hintKindFilter"));
    m_hintKindFilter->setToolTip(tr("Show only runs with an active hint of this kind"));
    m_hintKindFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_hintKindFilter, &QComboBox::currentIndexChanged, this, &SourceView::applyFilters);
    m_countLabel = new QLabel(page);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_problemsButton = new QToolButton(page);
    m_problemsButton->setObjectName(QStringLiteral("problemsButton"));
    m_problemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsButton->setAutoRaise(true);
    m_problemsButton->setToolTip(tr("List every problem found while reading"));
    connect(m_problemsButton, &QToolButton::clicked, this, [this] { showPage(Page::Problems); });
    m_filterRow = new QWidget(page);
    m_filterRow->setObjectName(QStringLiteral("filterRow"));
    auto* filterRow = new QHBoxLayout(m_filterRow);
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_statusFilter);
    filterRow->addWidget(m_hintKindFilter);
    filterRow->addWidget(m_countLabel);
    filterRow->addWidget(m_problemsButton);

    m_tree = new QTreeView(page);
    m_tree->setObjectName(QStringLiteral("runTree"));
    m_tree->setTextElideMode(Qt::ElideMiddle); // a narrow list still shows both ends of a run id
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection); // two runs: Go > Compare Selected Runs
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSortIndicator(-1, Qt::AscendingOrder); // file order until a header is clicked
    m_tree->setSortingEnabled(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SourceView::onCurrentRunChanged);
    // New sessions come in expanded; the ones the user collapsed stay so.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_tree, [this](const QModelIndex& parent, int first, int last) {
        for (int row = first; row <= last && !parent.isValid(); ++row)
            m_tree->expand(m_proxy->index(row, 0));
    });

    // The selected run: grid beside hints, the waterfall under them, the pages at the bottom.
    m_grid = new StageGridView(page);
    m_grid->setObjectName(QStringLiteral("stageGrid"));
    m_hints = new HintsView(page);
    m_hints->setObjectName(QStringLiteral("hintsView"));
    m_waterfall = new TraceView(page);
    m_waterfall->setObjectName(QStringLiteral("waterfall"));
    m_events = new EventsView(page);
    m_events->setObjectName(QStringLiteral("eventsView"));
    m_report = makeTextPane(page);
    m_report->setObjectName(QStringLiteral("report"));
    m_report->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_contents = new PackContentsView(page);
    m_contents->setObjectName(QStringLiteral("contentsView"));
    m_problems = new ProblemsView(page);
    m_problems->setObjectName(QStringLiteral("problemsView"));
    m_bottomTabs = new QTabWidget(page);
    m_bottomTabs->setObjectName(QStringLiteral("bottomTabs"));
    m_bottomTabs->setDocumentMode(true);
    // The pages may be squeezed under their natural minimum, a few lines tall: on a laptop screen, the grid's rows and
    // the waterfall above them come first.
    m_bottomTabs->setMinimumHeight(fontMetrics().height() * 8);
    m_bottomTabs->addTab(m_events, tr("&Events"));
    m_bottomTabs->addTab(m_report, tr("&Report"));
    m_bottomTabs->addTab(m_contents, tr("&Contents"));
    m_bottomTabs->addTab(m_problems, tr("&Problems"));
    // Pictures of the grid and the waterfall as shown, for tickets (--view takes the same from the command line).
    new PictureActions(m_grid, QStringLiteral("stage-grid"));
    new PictureActions(m_waterfall, QStringLiteral("waterfall"));

    connect(m_grid, &StageGridView::cellActivated, this,
        [this](const QString&, const QList<int>& spans, const QList<int>& events) {
            m_waterfall->selectSpans(spans);
            m_events->selectEvents(events);
            m_bottomTabs->setCurrentWidget(m_events);
        });
    connect(m_hints, &HintsView::evidenceActivated, this, &SourceView::jumpToEvidence);
    connect(m_grid, &StageGridView::lineActivated, this, [this](int event) { jumpToEvidence(event, -1); });
    connect(m_waterfall, &TraceView::spanClicked, this, [this](int span) {
        const RunPtr run = currentRun();
        if (!run || span < 0 || size_t(span) >= run->spans.size())
            return;
        const Span& clicked = run->spans[size_t(span)];
        m_events->selectEvent(clicked.startEvent >= 0 ? clicked.startEvent : clicked.endEvent);
        m_bottomTabs->setCurrentWidget(m_events);
    });
    connect(m_waterfall, &TraceView::eventClicked, this, [this](int event) {
        m_events->selectEvent(event);
        m_bottomTabs->setCurrentWidget(m_events);
    });
    connect(m_problems, &ProblemsView::problemActivated, this, &SourceView::revealLine);

    // What broke and where (grid), how long (waterfall) and the lines (pages) in the middle; why (hints, with
    // their message, facts and evidence) in a column of their own on the right, tall enough to read at once.
    m_runSplitter = new QSplitter(Qt::Vertical, page);
    m_runSplitter->setObjectName(QStringLiteral("runSplitter"));
    m_runSplitter->setChildrenCollapsible(false);
    m_runSplitter->addWidget(m_grid);
    m_runSplitter->addWidget(m_waterfall);
    m_runSplitter->addWidget(m_bottomTabs);
    m_runSplitter->setStretchFactor(0, 0);
    m_runSplitter->setStretchFactor(1, 1);
    m_runSplitter->setStretchFactor(2, 1);
    m_runSplitter->installEventFilter(this); // a run column made shorter must not hide the grid's last rows
    m_splitter = new QSplitter(Qt::Horizontal, page);
    m_splitter->setObjectName(QStringLiteral("sourceSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_runSplitter);
    m_splitter->addWidget(m_hints);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);

    // While an early view is shown: how far reading is, and a way out.
    m_partialBar = new QWidget(page);
    m_partialBar->setObjectName(QStringLiteral("partialBar"));
    m_partialLabel = new QLabel(m_partialBar);
    m_partialLabel->setObjectName(QStringLiteral("partialLabel"));
    m_partialLabel->setWordWrap(true);
    m_partialProgress = new QProgressBar(m_partialBar);
    m_partialProgress->setRange(0, 1000);
    m_partialProgress->setMaximumWidth(200);
    m_partialCancel = new QPushButton(tr("Cancel"), m_partialBar);
    connect(m_partialCancel, &QPushButton::clicked, this, &SourceView::cancelRequested);
    auto* partialLayout = new QHBoxLayout(m_partialBar);
    partialLayout->setContentsMargins(0, 0, 0, 0);
    partialLayout->addWidget(m_partialLabel, 1);
    partialLayout->addWidget(m_partialProgress);
    partialLayout->addWidget(m_partialCancel);
    m_partialBar->hide();

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_partialBar);
    layout->addWidget(m_filterRow);
    layout->addWidget(m_splitter, 1);
    return page;
}

SourceView::~SourceView()
{
    // The views let go of the source before a worker frees it; no selection change reaches this half-gone view.
    disconnect(m_tree->selectionModel(), nullptr, this, nullptr);
    dropSource();
}

void SourceView::dropSource()
{
    m_hintJobs->cancel();
    m_model->setSource(nullptr);
    m_contents->setSource(nullptr);
    m_problems->setSource(nullptr);
    m_grid->setRun(nullptr);
    m_hints->setHints(nullptr, {});
    m_waterfall->setRun(nullptr);
    m_events->setRun(nullptr);
    releaseOnWorker(std::move(m_source));
    releaseOnWorker(std::move(m_hintReport));
    releaseOnWorker(std::move(m_pendingSource));
}

qsizetype SourceView::problemCount() const
{
    return m_source ? m_source->problems.size() : 0; // the reader copies each run's problems there too
}

Hints SourceView::currentRunHints() const
{
    const RunPtr run = currentRun();
    if (!run || !m_hintReport)
        return {};
    for (const RunHints& runHints : m_hintReport->runs) {
        if (runHints.run == run)
            return runHints.hints;
    }
    return {};
}

void SourceView::showLoading()
{
    dropSource();
    m_progressBar->setValue(0);
    m_progressText->clear();
    m_partialBar->hide();
    m_partialProgress->show();
    m_partialCancel->show();
    m_pages->setCurrentWidget(m_loadingPage);
    setState(State::Loading);
}

void SourceView::setProgress(int permille, const QString& text)
{
    m_progressBar->setValue(permille);
    m_progressText->setText(text);
    m_partialProgress->setValue(permille);
}

void SourceView::setActivity(std::shared_ptr<const Activity> activity)
{
    showActivityStrip();
    m_activityStrip->setActivity(std::move(activity));
}

void SourceView::showActivityStrip()
{
    if (!m_activityStrip) {
        // Above the pages: a span without runs shows its message page, and another span can still be chosen.
        m_activityStrip = new ActivityStrip(this);
        connect(m_activityStrip, &ActivityStrip::spanChosen, this, &SourceView::spanRequested);
        static_cast<QVBoxLayout*>(layout())->insertWidget(0, m_activityStrip);
        if (m_source)
            m_activityStrip->setLoaded(m_source->window);
    }
}

void SourceView::setPartialSource(SourcePtr partial)
{
    if (m_state != State::Loading || !partial || !partial->ok() || partial->runs.empty())
        return;
    if (m_activityStrip)
        m_activityStrip->setLoaded(partial->window);
    replaceSource(std::move(partial), false);
    m_partialBar->show();
    m_partialLabel->setText(tr("Still reading: the %Ln runs of the files read so far are shown, the last of them "
                               "perhaps incomplete; hints come when all is read.",
        nullptr, int(m_source->runs.size())));
}

void SourceView::setSource(SourcePtr source)
{
    m_hintJobs->cancel();
    releaseOnWorker(std::move(m_hintReport));
    m_partialBar->hide();
    if (m_activityStrip && source)
        m_activityStrip->setLoaded(source->window);
    if (source && source->ok() && !source->runs.empty() && m_source && m_source->partial) {
        // The early view becomes the whole: the selected run stays selected.
        replaceSource(std::move(source), false);
        updateHintKinds();
        setState(State::Loaded);
        startDetectors();
        return;
    }
    dropSource();
    m_source = std::move(source);
    if (!m_source || !m_source->ok()) {
        showMessage(tr("Cannot open %1").arg(QDir::toNativeSeparators(m_path)),
            m_source ? m_source->fatalError : QString(), problemLines(m_source ? m_source->problems : Diagnostics()));
        setState(State::Failed);
        return;
    }
    m_model->setSource(m_source);
    m_contents->setSource(m_source);
    m_problems->setSource(m_source);
    updateHintKinds();
    if (m_source->runs.empty()) {
        showMessage(tr("No runs in %1").arg(QDir::toNativeSeparators(m_path)),
            tr("It was read, but holds no timeline line with a session and a run id."), overviewText());
        setState(State::Loaded);
        return;
    }
    showContent();
    selectFirstRun();
    onCurrentRunChanged();
    setState(State::Loaded);
    startDetectors();
}

void SourceView::showContent()
{
    m_tree->expandAll();
    for (int column = 0; column < RunListModel::ColumnCount; ++column)
        m_tree->resizeColumnToContents(column);
    updateCounts();
    m_pages->setCurrentWidget(m_contentPage);
    if (!m_runsListChosen) // the user's choice stays
        setRunsListVisible(runsListWanted(), false);
    if (!m_fitted) // sized once, for the first run shown: a reload or another run keeps what the user made of it
        m_fitPending = true;
}

void SourceView::setRunsListVisible(bool visible, bool chosen)
{
    m_runsListChosen = m_runsListChosen || chosen;
    const bool shown = visible && m_tree->isHidden();
    QList<int> sizes = m_splitter->sizes();
    m_tree->setVisible(visible);
    m_filterRow->setVisible(visible);
    if (shown && m_fitted) {
        // Shown after the layout was fitted: it takes its width from the run in the middle.
        const int width = runsListWidth();
        sizes[1] -= width;
        sizes[0] = width;
        m_splitter->setSizes(sizes);
    }
}

bool SourceView::runsListWanted() const
{
    // A source of one run needs no list of runs; a followed directory fills one.
    return isLive() || !m_source || m_source->runs.size() > 1;
}

int SourceView::runsListWidth() const
{
    // As narrow as its columns allow, a seventh to a fifth of the view.
    const int available = m_splitter->width() - 2 * m_splitter->handleWidth();
    const int needed =
        m_tree->header()->length() + 2 * m_tree->frameWidth() + m_tree->verticalScrollBar()->sizeHint().width();
    return std::clamp(needed, available / 7, available / 5);
}

QString SourceView::pathTitle(const QString& path)
{
    // Upstream's folders say where in the tree, not what: diagnostics, telemetry/runs/2026-11-24, data.
    static const QRegularExpression generic(QStringLiteral(
        "^(diagnostics|telemetry|observability|runs|data|timeline|events|logs|runpacks|\\d{4}-\\d{2}-\\d{2})$"));
    const QFileInfo info(path);
    if (!info.isDir())
        return info.fileName().isEmpty() ? QDir::toNativeSeparators(path) : info.fileName();
    QDir dir(info.absoluteFilePath());
    for (int up = 0; up < 4 && generic.match(dir.dirName()).hasMatch() && dir.cdUp(); ++up) { }
    const QString name = dir.dirName();
    return name.isEmpty() ? QDir::toNativeSeparators(path) : name;
}

QString SourceView::title() const
{
    if (!m_source)
        return pathTitle(m_path);
    // The sessions a tool ran in: the startup session's warm-up is no subject of its own.
    QStringList sessions;
    int toolRuns = 0;
    QString runId;
    for (const RunPtr& run : m_source->runs) {
        if (run->tool.isEmpty())
            continue;
        ++toolRuns;
        runId = run->runId;
        if (!sessions.contains(run->sessionId))
            sessions.append(run->sessionId);
    }
    if (sessions.size() == 1)
        return toolRuns == 1 ? tr("%1 %2").arg(printable(sessions.front()), printable(runId.left(8)))
                             : printable(sessions.front());
    return pathTitle(m_path);
}

bool SourceView::isRunsListVisible() const
{
    return !m_tree->isHidden();
}

void SourceView::resetLayout()
{
    m_runsListChosen = false;
    m_tree->setVisible(runsListWanted());
    m_filterRow->setVisible(runsListWanted());
    m_fitted = false;
    m_fitPending = true;
    // Once the panes have their new widths: the grid's wrapped reasons decide its height.
    QTimer::singleShot(0, this, &SourceView::fitLayout);
}

void SourceView::setLive(bool live)
{
    if (live == isLive())
        return;
    if (!live) {
        delete m_liveBar;
        m_liveBar = nullptr;
        m_liveLabel = nullptr;
        m_followNewest = m_pause = nullptr;
        return;
    }
    m_liveBar = new QWidget(m_contentPage);
    m_liveBar->setObjectName(QStringLiteral("liveBar"));
    auto* icon = new QLabel(m_liveBar);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MediaPlay).pixmap(fontMetrics().height()));
    m_liveLabel = new QLabel(m_liveBar);
    m_liveLabel->setObjectName(QStringLiteral("liveLabel"));
    m_followNewest = new QCheckBox(tr("Follow &newest run"), m_liveBar);
    m_followNewest->setObjectName(QStringLiteral("followNewest"));
    m_followNewest->setToolTip(tr("Select each new run as its first line arrives"));
    m_followNewest->setChecked(true);
    connect(m_followNewest, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            selectNewestRun();
    });
    m_pause = new QCheckBox(tr("P&ause"), m_liveBar);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_pause->setToolTip(tr("Freeze the view; reading goes on and catches up on resume"));
    connect(m_pause, &QCheckBox::toggled, this, [this](bool paused) {
        if (!paused && m_pendingSource)
            applyLiveSource(std::exchange(m_pendingSource, nullptr));
        updateSource(nullptr, m_linesPerSecond); // the label
    });
    // A day at thousands of lines a second does not fit in memory: settled runs older than this leave.
    auto* keepLabel = new QLabel(tr("&Keep:"), m_liveBar);
    m_keepMinutes = new QSpinBox(m_liveBar);
    m_keepMinutes->setObjectName(QStringLiteral("keepMinutes"));
    m_keepMinutes->setRange(0, 7 * 24 * 60);
    m_keepMinutes->setSuffix(tr(" min"));
    m_keepMinutes->setSpecialValueText(tr("all runs"));
    m_keepMinutes->setToolTip(tr("Settled runs whose last line is older than this leave memory, so that a long "
                                 "follow stays flat; open the directory to see them again. 0 keeps all runs."));
    keepLabel->setBuddy(m_keepMinutes);
    m_keepMinutes->setValue(QSettings().value(kKeepMinutesKey, kDefaultKeepMinutes).toInt());
    connect(m_keepMinutes, &QSpinBox::valueChanged, this, [this](int minutes) {
        QSettings().setValue(kKeepMinutesKey, minutes);
        emit retentionChanged(retentionSeconds());
    });
    auto* layout = new QHBoxLayout(m_liveBar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(icon);
    layout->addWidget(m_liveLabel, 1);
    layout->addWidget(keepLabel);
    layout->addWidget(m_keepMinutes);
    layout->addWidget(m_followNewest);
    layout->addWidget(m_pause);
    static_cast<QVBoxLayout*>(m_contentPage->layout())->insertWidget(0, m_liveBar);
    // Until the first line: the workspace, empty, with the bar saying what it waits for.
    m_pages->setCurrentWidget(m_contentPage);
    updateSource(nullptr, 0);
}

void SourceView::setFollowNewest(bool follow)
{
    if (m_followNewest)
        m_followNewest->setChecked(follow);
}

void SourceView::setPaused(bool paused)
{
    if (m_pause)
        m_pause->setChecked(paused);
}

bool SourceView::isPaused() const
{
    return m_pause && m_pause->isChecked();
}

double SourceView::retentionSeconds() const
{
    return m_keepMinutes ? m_keepMinutes->value() * 60.0 : 0.0;
}

void SourceView::setRetentionMinutes(int minutes)
{
    if (m_keepMinutes)
        m_keepMinutes->setValue(minutes);
}

void SourceView::updateSource(SourcePtr source, double linesPerSecond)
{
    if (!isLive())
        return;
    m_linesPerSecond = linesPerSecond;
    if (source) {
        if (isPaused())
            releaseOnWorker(std::exchange(m_pendingSource, std::move(source)));
        else
            applyLiveSource(std::move(source));
    }
    const QString directory = QDir::toNativeSeparators(m_path);
    const qint64 events = m_source ? m_source->eventCount : 0;
    if (isPaused()) {
        m_liveLabel->setText(tr("Paused: %1 · %L2 lines shown, %L3 read")
                                 .arg(directory)
                                 .arg(events)
                                 .arg(m_pendingSource ? m_pendingSource->eventCount : events));
    } else if (!m_source) {
        m_liveLabel->setText(tr("Following %1: waiting for the first line").arg(directory));
    } else {
        QString text =
            tr("Following %1 · %L2 lines · %L3 lines/s").arg(directory).arg(events).arg(qRound(linesPerSecond));
        if (m_source->runsLetGo > 0)
            text += QStringLiteral(" · ") + tr("%Ln older runs let go", nullptr, int(m_source->runsLetGo));
        m_liveLabel->setText(text);
    }
}

void SourceView::applyLiveSource(SourcePtr source)
{
    const bool first = !m_source;
    replaceSource(std::move(source), m_followNewest->isChecked());
    if (first)
        setState(State::Loaded);
    startDetectors();
}

void SourceView::replaceSource(SourcePtr source, bool selectNewest)
{
    const bool first = !m_source || m_pages->currentWidget() != m_contentPage;
    RunPtr previous = currentRun();
    const auto previousRange = m_waterfall->visibleRangeMs();
    const bool zoomed = previous
        && (previousRange.first > m_waterfall->waterfallLayout().beginMs() + 1e-9
            || previousRange.second < m_waterfall->waterfallLayout().endMs() - 1e-9);

    m_applyingLive = true;
    SourcePtr old = std::exchange(m_source, std::move(source));
    // Rows are updated in place (the runs that did not change keep their hints meanwhile), so the runs
    // list keeps its expansion, selection and scroll position.
    m_model->setSource(m_source);
    m_problems->setSource(m_source);
    m_contents->setSource(m_source);
    if (first)
        showContent();
    bool selected = selectNewest && selectNewestRun(true);
    const RunPtr shown = currentRun();
    if (!selected && previous && !(shown && isSameRun(*shown, *previous))) {
        // The same run again, even though a filter may hide it now.
        for (int s = 0; s < m_proxy->rowCount() && !selected; ++s) {
            const QModelIndex session = m_proxy->index(s, 0);
            for (int r = 0; r < m_proxy->rowCount(session); ++r) {
                const QModelIndex index = m_proxy->index(r, 0, session);
                const RunPtr run = m_model->run(m_proxy->mapToSource(index));
                if (run && run->sessionId == previous->sessionId && run->runId == previous->runId) {
                    m_tree->selectionModel()->setCurrentIndex(
                        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                    selected = true;
                    break;
                }
            }
        }
    }
    if (!selected && !previous)
        selectFirstRun();
    m_applyingLive = false;

    updateCounts();
    const RunPtr current = currentRun();
    if (current != previous) {
        onCurrentRunChanged();
        // A rebuilt run the user had zoomed into keeps its window.
        if (zoomed && current && isSameRun(*current, *previous))
            m_waterfall->setVisibleRangeMs(previousRange.first, previousRange.second);
    }
    // The views show the new source now: what only the old one holds is freed on a worker.
    previous.reset();
    releaseOnWorker(std::move(old));
}

bool SourceView::selectNewestRun(bool onlyNew)
{
    // The run started last, among those the filters show.
    QModelIndex newest;
    double newestStart = -1;
    for (int s = 0; s < m_proxy->rowCount(); ++s) {
        const QModelIndex session = m_proxy->index(s, 0);
        for (int r = 0; r < m_proxy->rowCount(session); ++r) {
            const QModelIndex index = m_proxy->index(r, 0, session);
            const RunPtr run = m_model->run(m_proxy->mapToSource(index));
            if (run && !run->events.empty() && run->events.front().ts >= newestStart) {
                newestStart = run->events.front().ts;
                newest = index;
            }
        }
    }
    if (!newest.isValid())
        return false;
    const RunPtr run = m_model->run(m_proxy->mapToSource(newest));
    const QString key = run->sessionId + u'\n' + run->runId;
    if (onlyNew && key == m_newestRun)
        return false;
    m_newestRun = key;
    m_tree->selectionModel()->setCurrentIndex(newest, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(newest);
    return true;
}

void SourceView::startDetectors()
{
    // A newer source supersedes the job, and its report is dropped.
    m_hintJobs->start(
        [source = m_source, previous = m_hintReport](
            const Job& job) -> std::shared_ptr<const RunListModel::HintSummary> {
            if (job.isCanceled())
                return nullptr; // a newer snapshot came while this one waited for a thread
            return RunListModel::summarizeHints(detectHints(source, previous));
        },
        [this](std::shared_ptr<const RunListModel::HintSummary> hints) { applyHints(std::move(hints)); });
}

void SourceView::applyHints(std::shared_ptr<const RunListModel::HintSummary> hints)
{
    std::shared_ptr<const HintReport> previous = std::exchange(m_hintReport, hints ? hints->report : nullptr);
    m_model->setHints(std::move(hints));
    updateHintKinds();
    if (!m_hintKindFilter->currentData().toString().isEmpty())
        m_proxy->refilter(); // the runs with the chosen kind; sessions it shows again come in expanded
    m_tree->resizeColumnToContents(RunListModel::HintsColumn);
    // Only when they are new: a followed run's selected hint must survive unrelated updates.
    if (currentRun() != m_hintsShownFor.lock())
        showCurrentRunHints();
    updateCounts();
    releaseOnWorker(std::move(previous)); // it may hold the last references to runs a snapshot replaced
    emit hintsChanged();
}

void SourceView::updateHintKinds()
{
    const QString current = m_hintKindFilter->currentData().toString();
    QSignalBlocker blocker(m_hintKindFilter);
    m_hintKindFilter->clear();
    m_hintKindFilter->addItem(tr("All hint kinds"), QString());
    const std::shared_ptr<const RunListModel::HintSummary> hints = m_model->hintSummary();
    m_hintKindFilter->setEnabled(bool(hints));
    if (!hints)
        return;
    const QMap<QString, int>& runsPerKind = hints->runsPerKind;
    for (auto it = runsPerKind.cbegin(); it != runsPerKind.cend(); ++it)
        m_hintKindFilter->addItem(tr("%1 (%2)").arg(it.key()).arg(it.value()), it.key());
    m_hintKindFilter->setCurrentIndex(std::max(0, m_hintKindFilter->findData(current)));
}

void SourceView::applyFilters()
{
    m_proxy->setFilterText(m_filterEdit->text());
    const int status = m_statusFilter->currentData().toInt();
    m_proxy->setStatusFilter(status < 0 ? std::nullopt : std::optional<RunStatus>(RunStatus(status)));
    m_proxy->setHintKindFilter(m_hintKindFilter->currentData().toString());
    m_tree->expandAll();
    updateCounts();
}

void SourceView::showCanceled()
{
    if (m_source && m_source->partial && !m_partialBar->isHidden()) { // not isVisible(): a background tab
        // What was read stays: the runs of the first files, with their hints.
        m_partialProgress->hide();
        m_partialCancel->hide();
        m_partialLabel->setText(tr("Loading cancelled: only the %Ln runs of the files read before are shown.", nullptr,
            int(m_source->runs.size())));
        setState(State::Canceled);
        startDetectors();
        return;
    }
    dropSource();
    showMessage(tr("Loading cancelled"), tr("%1 was not read to the end.").arg(QDir::toNativeSeparators(m_path)), {});
    setState(State::Canceled);
}

bool SourceView::eventFilter(QObject* watched, QEvent* event)
{
    // A bar or strip shown above the workspace takes its height from the grid first, as splitters do with the pane
    // that does not stretch: once the panes have their new sizes, the grid takes back what its rows need.
    if (watched == m_runSplitter && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &SourceView::growGridToFit);
    return QWidget::eventFilter(watched, event);
}

void SourceView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fitLayout();
}

void SourceView::fitLayout()
{
    if (!m_fitPending || !m_splitter->isVisible())
        return;
    m_fitPending = false;
    m_fitted = true;
    // The runs list as narrow as its columns allow, the hints a third, the run in the middle the rest.
    const int tree = m_tree->isHidden() ? 0 : runsListWidth();
    const int available = m_splitter->width() - (m_tree->isHidden() ? 1 : 2) * m_splitter->handleWidth();
    const int hints = std::clamp(available / 3, std::min(340, available / 3), 560);
    m_splitter->setSizes({ tree, available - tree - hints, hints });
    // The grid as tall as all its rows (the failed one may be the last), the waterfall and the pages share the
    // rest.
    const int height = m_runSplitter->height() - 2 * m_runSplitter->handleWidth();
    const int grid = gridHeightFor(height);
    // The waterfall three fifths of the rest; the pages at least a table and a details pane tall while the waterfall
    // keeps eight lines, and shorter only when the window is. In lines, not size hints: those change with what the
    // panes show and how wide they are, and a reset must give the same sizes.
    const int rest = height - grid;
    const int line = fontMetrics().height();
    const int pagesFloor = m_bottomTabs->minimumHeight();
    const int pages = std::clamp(std::max(rest * 2 / 5, line * 12), pagesFloor, std::max(pagesFloor, rest - line * 8));
    m_runSplitter->setSizes({ grid, rest - pages, pages });
}

int SourceView::gridHeightFor(int runHeight) const
{
    return std::min(m_grid->sizeHint().height(), runHeight * 11 / 20);
}

void SourceView::growGridToFit()
{
    QList<int> sizes = m_runSplitter->sizes();
    if (!m_fitted || sizes.size() != 3)
        return;
    const int more = std::min(m_grid->hiddenRowsHeight(), gridHeightFor(sizes[0] + sizes[1] + sizes[2]) - sizes[0]);
    if (more <= 0)
        return;
    // The pages give first: the waterfall shows where the time went, the pages only the selected lines.
    const int fromPages = std::clamp(sizes[2] - m_bottomTabs->minimumHeight(), 0, more);
    sizes[0] += more;
    sizes[1] -= more - fromPages;
    sizes[2] -= fromPages;
    m_runSplitter->setSizes(sizes);
}

void SourceView::focusFilter()
{
    if (m_pages->currentWidget() != m_contentPage)
        return;
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

bool SourceView::selectFirstRun()
{
    QModelIndex first;
    for (int s = 0; s < m_proxy->rowCount(); ++s) {
        const QModelIndex session = m_proxy->index(s, 0);
        for (int r = 0; r < m_proxy->rowCount(session); ++r) {
            const QModelIndex index = m_proxy->index(r, 0, session);
            const RunPtr run = m_model->run(m_proxy->mapToSource(index));
            if (!first.isValid())
                first = index;
            if (run && run->hasGrid()) {
                first = index;
                s = m_proxy->rowCount(); // found: leave both loops
                break;
            }
        }
    }
    if (!first.isValid())
        return false;
    m_tree->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(first);
    return true;
}

bool SourceView::selectRun(const QString& sessionId, const QString& runId)
{
    for (int s = 0; s < m_model->rowCount(); ++s) {
        const QModelIndex session = m_model->index(s, 0);
        for (int r = 0; r < m_model->rowCount(session); ++r) {
            const QModelIndex index = m_model->index(r, 0, session);
            const RunPtr run = m_model->run(index);
            if (!run || run->sessionId != sessionId || run->runId != runId)
                continue;
            QModelIndex shown = m_proxy->mapFromSource(index);
            if (!shown.isValid()) { // hidden by a filter: show everything again
                m_filterEdit->clear();
                m_statusFilter->setCurrentIndex(0);
                m_hintKindFilter->setCurrentIndex(0);
                shown = m_proxy->mapFromSource(index);
            }
            m_tree->selectionModel()->setCurrentIndex(
                shown, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_tree->scrollTo(shown);
            return true;
        }
    }
    return false;
}

QList<RunPtr> SourceView::selectedRuns() const
{
    QList<RunPtr> runs;
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows()) {
        if (const RunPtr run = m_model->run(m_proxy->mapToSource(index)))
            runs.append(run);
    }
    return runs;
}

RunPtr SourceView::currentRun() const
{
    return m_model->run(m_proxy->mapToSource(m_tree->currentIndex()));
}

bool SourceView::nextHint()
{
    if (!m_hints->selectNextHint())
        return false;
    m_hints->activateCurrent();
    return true;
}

void SourceView::showSelectedHint()
{
    if (m_hints->currentHint())
        m_hints->activateCurrent();
    else
        nextHint();
}

bool SourceView::previousHint()
{
    if (!m_hints->selectPreviousHint())
        return false;
    m_hints->activateCurrent();
    return true;
}

bool SourceView::nextFailedStage()
{
    if (!m_grid->selectNextFailed())
        return false;
    m_grid->activateCurrent();
    return true;
}

bool SourceView::previousFailedStage()
{
    if (!m_grid->selectPreviousFailed())
        return false;
    m_grid->activateCurrent();
    return true;
}

void SourceView::showPage(Page page)
{
    m_bottomTabs->setCurrentIndex(int(page));
}

SourceView::Page SourceView::currentPage() const
{
    return Page(m_bottomTabs->currentIndex());
}

QByteArray SourceView::saveLayout() const
{
    QByteArray layout;
    QDataStream stream(&layout, QIODevice::WriteOnly);
    stream << kLayoutMagic << m_splitter->saveState() << m_runSplitter->saveState();
    return layout;
}

void SourceView::restoreLayout(const QByteArray& layout)
{
    QDataStream stream(layout);
    quint32 magic = 0;
    QByteArray main, run;
    stream >> magic >> main >> run;
    if (stream.status() != QDataStream::Ok || magic != kLayoutMagic)
        return;
    m_fitted = m_splitter->restoreState(main) && m_runSplitter->restoreState(run);
    m_fitPending = !m_fitted;
}

void SourceView::setState(State state)
{
    m_state = state;
    emit stateChanged();
}

void SourceView::showMessage(const QString& title, const QString& text, const QString& details)
{
    m_messageTitle->setText(title);
    m_messageText->setText(text);
    m_messageText->setVisible(!text.isEmpty());
    m_messageDetails->setPlainText(details);
    m_messageDetails->setVisible(!details.isEmpty());
    m_pages->setCurrentWidget(m_messagePage);
}

void SourceView::onCurrentRunChanged()
{
    if (m_applyingLive)
        return; // applyLiveSource() updates the views once the selection is back
    const RunPtr run = currentRun();
    m_grid->setRun(run);
    growGridToFit();
    showCurrentRunHints();
    m_waterfall->setRun(run);
    m_events->setRun(run);
    showReport();
    fitLayout();
    emit currentRunChanged();
}

void SourceView::showCurrentRunHints()
{
    const RunPtr run = currentRun();
    m_hints->setHints(run, currentRunHints());
    // Shown for good once the report holding this run is in; until then, the next report shows them.
    const bool inReport = m_hintReport
        && std::any_of(m_hintReport->runs.begin(), m_hintReport->runs.end(),
            [&run](const RunHints& runHints) { return runHints.run == run; });
    m_hintsShownFor = inReport ? run : nullptr; // weak: not what keeps a replaced run alive
}

void SourceView::showReport()
{
    if (!m_source)
        return;
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid()) {
        m_report->setPlainText(overviewText());
        return;
    }
    if (const RunPtr run = currentRun()) {
        // The run alone: the source's every run and problem would be a pass over them at each selection (the
        // Problems page lists them all).
        QString text = reportTextHeader(*m_source) + QLatin1Char('\n') + runReportText(*run);
        if (!run->problems.isEmpty()) {
            text += QLatin1Char('\n') + tr("Problems of this run (%1):").arg(run->problems.size()) + QLatin1Char('\n')
                + problemLines(run->problems);
        }
        m_report->setPlainText(text);
        return;
    }
    const QString sessionId = current.siblingAtColumn(RunListModel::NameColumn).data(RunListModel::SortRole).toString();
    m_report->setPlainText(QString::fromUtf8(reportText(*m_source, RunFilter { sessionId, {}, {} }, {})));
}

void SourceView::jumpToEvidence(int event, int span)
{
    if (span >= 0)
        m_waterfall->selectSpans({ span });
    if (event >= 0) {
        m_events->selectEvent(event);
        m_bottomTabs->setCurrentWidget(m_events);
    }
}

void SourceView::revealLine(const QString& file, qint64 line)
{
    // The run holding that line, if a run does: select it and its event.
    for (const RunPtr& run : m_source ? m_source->runs : std::vector<RunPtr>()) {
        for (size_t i = 0; i < run->events.size(); ++i) {
            const Event& event = run->events[i];
            if (event.line != line || event.buffer < 0 || run->buffers[size_t(event.buffer)]->name != file)
                continue;
            selectRun(run->sessionId, run->runId);
            m_events->selectEvent(int(i));
            m_bottomTabs->setCurrentWidget(m_events);
            return;
        }
    }
    if (m_contents->showMember(file)) // a pack member with no run event: show the member
        m_bottomTabs->setCurrentWidget(m_contents);
}

void SourceView::updateCounts()
{
    if (!m_source)
        return;
    int shown = 0;
    for (int s = 0; s < m_proxy->rowCount(); ++s)
        shown += m_proxy->rowCount(m_proxy->index(s, 0));
    const int total = int(m_source->runs.size());
    m_countLabel->setText(shown == total ? tr("Runs: %L1").arg(total) : tr("Runs: %L1 of %L2").arg(shown).arg(total));
    const qsizetype problems = problemCount();
    m_problemsButton->setText(problems == 0 ? tr("No problems") : tr("Problems: %L1").arg(problems));
    m_problemsButton->setIcon(problems == 0 ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_bottomTabs->setTabText(
        int(Page::Problems), problems == 0 ? tr("&Problems") : tr("&Problems (%L1)").arg(problems));
}

QString SourceView::overviewText() const
{
    if (!m_source)
        return {};
    const Source& source = *m_source;
    QString text = tr("Source: %1 (%2)").arg(QDir::toNativeSeparators(source.path), sourceKindName(source.kind))
        + QLatin1Char('\n');
    if (!source.label.isEmpty())
        text += tr("Opened as: %1").arg(source.label) + QLatin1Char('\n');
    text += tr("Runs: %L1 · Events: %L2 · Read: %3")
                .arg(source.runs.size())
                .arg(source.eventCount)
                .arg(QLocale().formattedDataSize(source.inputBytes))
        + QLatin1Char('\n');
    if (!source.problems.isEmpty()) {
        text += QLatin1Char('\n') + tr("Problems of the source (%1):").arg(source.problems.size()) + QLatin1Char('\n')
            + problemLines(source.problems);
    }
    if (problemCount() == 0)
        text += QLatin1Char('\n') + tr("No problems found.") + QLatin1Char('\n');
    return text;
}

} // namespace Runlens
