// SPDX-License-Identifier: MIT
#include "sourceview.h"

#include "report.h"
#include "runfilterproxy.h"
#include "runlistmodel.h"
#include "runstatus.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Runlens {

namespace {

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

} // namespace

SourceView::SourceView(const QString& path, QWidget* parent)
    : QWidget(parent)
    , m_path(path)
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

    // Content: filter row above the runs tree and the details pane.
    m_contentPage = new QWidget(m_pages);
    m_filterEdit = new QLineEdit(m_contentPage);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by session, run or tool"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAcceptDrops(false);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterText(text);
        m_tree->expandAll();
        updateCounts();
    });
    m_statusFilter = new QComboBox(m_contentPage);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setToolTip(tr("Show only runs with this status"));
    m_statusFilter->addItem(tr("All statuses"), -1);
    for (RunStatus status : allRunStatuses)
        m_statusFilter->addItem(runStatusIcon(status), runStatusLabel(status), int(status));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int status = m_statusFilter->currentData().toInt();
        m_proxy->setStatusFilter(status < 0 ? std::nullopt : std::optional<RunStatus>(RunStatus(status)));
        m_tree->expandAll();
        updateCounts();
    });
    m_countLabel = new QLabel(m_contentPage);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_problemsButton = new QToolButton(m_contentPage);
    m_problemsButton->setObjectName(QStringLiteral("problemsButton"));
    m_problemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsButton->setAutoRaise(true);
    m_problemsButton->setToolTip(tr("List every problem found while reading"));
    connect(m_problemsButton, &QToolButton::clicked, this, &SourceView::showOverview);

    m_tree = new QTreeView(m_contentPage);
    m_tree->setObjectName(QStringLiteral("runTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSortIndicator(-1, Qt::AscendingOrder); // file order until a header is clicked
    m_tree->setSortingEnabled(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SourceView::updateDetails);
    m_details = makeTextPane(m_contentPage);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth); // stage rows are short; long paths and reasons wrap

    m_splitter = new QSplitter(Qt::Horizontal, m_contentPage);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_statusFilter);
    filterRow->addWidget(m_countLabel);
    filterRow->addWidget(m_problemsButton);
    auto* contentLayout = new QVBoxLayout(m_contentPage);
    contentLayout->addLayout(filterRow);
    contentLayout->addWidget(m_splitter, 1);

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

SourceView::~SourceView() = default;

qsizetype SourceView::problemCount() const
{
    if (!m_source)
        return 0;
    qsizetype count = m_source->problems.size();
    for (const RunPtr& run : m_source->runs)
        count += run->problems.size();
    return count;
}

void SourceView::showLoading()
{
    m_source.reset();
    m_model->setSource(nullptr);
    m_progressBar->setValue(0);
    m_progressText->clear();
    m_pages->setCurrentWidget(m_loadingPage);
    setState(State::Loading);
}

void SourceView::setProgress(int permille, const QString& text)
{
    m_progressBar->setValue(permille);
    m_progressText->setText(text);
}

void SourceView::setSource(SourcePtr source)
{
    m_source = std::move(source);
    if (!m_source || !m_source->ok()) {
        m_model->setSource(nullptr);
        showMessage(tr("Cannot open %1").arg(QDir::toNativeSeparators(m_path)),
            m_source ? m_source->fatalError : QString(), problemLines(m_source ? m_source->problems : Diagnostics()));
        setState(State::Failed);
        return;
    }
    m_model->setSource(m_source);
    if (m_source->runs.empty()) {
        showMessage(tr("No runs in %1").arg(QDir::toNativeSeparators(m_path)),
            tr("It was read, but holds no timeline line with a session and a run id."), overviewText());
        setState(State::Loaded);
        return;
    }
    m_tree->expandAll();
    for (int column = 0; column < RunListModel::ColumnCount; ++column)
        m_tree->resizeColumnToContents(column);
    updateCounts();
    m_pages->setCurrentWidget(m_contentPage);
    m_fitPending = true;
    fitTreeWidth();
    selectFirstRun();
    updateDetails();
    setState(State::Loaded);
}

void SourceView::showCanceled()
{
    m_source.reset();
    m_model->setSource(nullptr);
    showMessage(tr("Loading cancelled"), tr("%1 was not read to the end.").arg(QDir::toNativeSeparators(m_path)), {});
    setState(State::Canceled);
}

void SourceView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fitTreeWidth();
}

void SourceView::fitTreeWidth()
{
    if (!m_fitPending || !m_splitter->isVisible())
        return;
    m_fitPending = false;
    // The tree gets the width its columns need, within a third and two thirds of the view.
    const int available = m_splitter->width() - m_splitter->handleWidth();
    const int needed =
        m_tree->header()->length() + 2 * m_tree->frameWidth() + m_tree->verticalScrollBar()->sizeHint().width();
    const int tree = std::clamp(needed, available / 3, available * 2 / 3);
    m_splitter->setSizes({ tree, available - tree });
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

RunPtr SourceView::currentRun() const
{
    return m_model->run(m_proxy->mapToSource(m_tree->currentIndex()));
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

void SourceView::updateDetails()
{
    if (!m_source)
        return;
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid()) {
        m_details->setPlainText(overviewText());
        return;
    }
    if (const RunPtr run = currentRun()) {
        QString text = QString::fromUtf8(reportText(*m_source, RunFilter { run->sessionId, run->runId }, {}));
        if (!run->problems.isEmpty()) {
            text += QLatin1Char('\n') + tr("Problems of this run (%1):").arg(run->problems.size()) + QLatin1Char('\n')
                + problemLines(run->problems);
        }
        m_details->setPlainText(text);
        return;
    }
    const QString sessionId = current.siblingAtColumn(RunListModel::NameColumn).data(RunListModel::SortRole).toString();
    m_details->setPlainText(QString::fromUtf8(reportText(*m_source, RunFilter { sessionId, {} }, {})));
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
}

void SourceView::showOverview()
{
    m_tree->selectionModel()->clear(); // no current row: the details pane shows the whole source
    m_details->setPlainText(overviewText());
}

QString SourceView::overviewText() const
{
    if (!m_source)
        return {};
    const Source& source = *m_source;
    QString text = tr("Source: %1 (%2)").arg(QDir::toNativeSeparators(source.path), sourceKindName(source.kind))
        + QLatin1Char('\n');
    text += tr("Runs: %L1 · Events: %L2 · Read: %3")
                .arg(source.runs.size())
                .arg(source.eventCount)
                .arg(QLocale().formattedDataSize(source.inputBytes))
        + QLatin1Char('\n');
    if (!source.problems.isEmpty()) {
        text += QLatin1Char('\n') + tr("Problems of the source (%1):").arg(source.problems.size()) + QLatin1Char('\n')
            + problemLines(source.problems);
    }
    for (const RunPtr& run : source.runs) {
        if (run->problems.isEmpty())
            continue;
        text += QLatin1Char('\n')
            + tr("Problems of run %1 / %2 (%3):").arg(run->sessionId, run->runId).arg(run->problems.size())
            + QLatin1Char('\n') + problemLines(run->problems);
    }
    if (problemCount() == 0)
        text += QLatin1Char('\n') + tr("No problems found.") + QLatin1Char('\n');
    return text;
}

} // namespace Runlens
