// SPDX-License-Identifier: MIT
#include "triageview.h"

#include "triageloader.h"
#include "triagemodel.h"
#include "triagepreview.h"
#include "triagesortproxy.h"
#include "workerpool.h"
#include "wrappingdelegate.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace Runlens {

namespace {

constexpr int kFlushMs = 150; // rows arriving within this are added in one go

} // namespace

TriageView::TriageView(QWidget* parent)
    : QWidget(parent)
    , m_loader(new TriageLoader(this))
    , m_model(new TriageModel(this))
    , m_proxy(new TriageSortProxy(this))
    , m_flushTimer(new QTimer(this))
    , m_filter(new QLineEdit(this))
    , m_grouping(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_compare(new QPushButton(tr("Co&mpare"), this))
    , m_groupLabel(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_preview(new TriagePreview(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_proxy->setSourceModel(m_model);

    m_filter->setObjectName(QStringLiteral("triageFilter"));
    m_filter->setPlaceholderText(tr("Filter by file, session, run, tool, status, stop reason, stage or hint"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAcceptDrops(false);
    connect(m_filter, &QLineEdit::textChanged, this, &TriageView::setFilterText);

    m_grouping->setObjectName(QStringLiteral("grouping"));
    m_grouping->setToolTip(tr("Group the runs, with a count per group"));
    m_grouping->addItem(tr("No grouping"), int(TriageGrouping::None));
    m_grouping->addItem(tr("Group by hint kind"), int(TriageGrouping::Kind));
    m_grouping->addItem(tr("Group by stop reason"), int(TriageGrouping::Stop));
    m_grouping->addItem(tr("Group by tool"), int(TriageGrouping::Tool));
    m_grouping->addItem(tr("Group by failing stage"), int(TriageGrouping::Stage));
    connect(m_grouping, &QComboBox::currentIndexChanged, this,
        [this] { setGrouping(TriageGrouping(m_grouping->currentData().toInt())); });

    m_progress->setObjectName(QStringLiteral("triageProgress"));
    m_progress->setMaximumWidth(240);
    m_cancel->setObjectName(QStringLiteral("triageCancel"));
    connect(m_cancel, &QPushButton::clicked, m_loader, &TriageLoader::cancel);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_compare->setToolTip(tr("Compare the two selected runs side by side (Ctrl+D)"));
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_compare, &QPushButton::clicked, this, [this] {
        const QList<int> rows = selectedRows();
        if (rows.size() == 2)
            emit compareRequested(rows[0], rows[1]);
    });
    m_summary->setObjectName(QStringLiteral("triageSummary"));

    m_groupLabel->setObjectName(QStringLiteral("triageGroupLabel"));
    m_groupLabel->setTextFormat(Qt::PlainText);
    m_groupLabel->setVisible(false);
    QFont bold = m_groupLabel->font();
    bold.setBold(true);
    m_groupLabel->setFont(bold);

    m_tree->setObjectName(QStringLiteral("triageTree"));
    m_tree->setModel(m_proxy);
    // Rows grow to a second line rather than cut a long stop reason or hint list; file names, which
    // cannot wrap, lose their middle and keep the date and suffix.
    auto* delegate = new WrappingDelegate(m_tree);
    delegate->setSingleLineColumns({ TriageModel::SourceColumn });
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(TriageModel::StatusColumn, Qt::AscendingOrder); // most urgent first
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setRootIsDecorated(false);
    QHeaderView* header = m_tree->header();
    header->setStretchLastSection(true);
    // The ids are long and in the Source tooltip and the preview; the header menu shows them.
    m_tree->setColumnHidden(TriageModel::SessionColumn, true);
    m_tree->setColumnHidden(TriageModel::RunColumn, true);
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = TriageModel::SessionColumn; column < TriageModel::ColumnCount; ++column) {
        auto* toggle = new QAction(m_model->headerData(column, Qt::Horizontal).toString(), header);
        toggle->setObjectName(QStringLiteral("showColumn%1").arg(column));
        toggle->setCheckable(true);
        toggle->setChecked(!m_tree->isColumnHidden(column));
        connect(toggle, &QAction::toggled, this, [this, column](bool shown) {
            m_tree->setColumnHidden(column, !shown);
            if (shown && m_tree->columnWidth(column) < fontMetrics().averageCharWidth() * 4)
                m_tree->resizeColumnToContents(column);
        });
        header->addAction(toggle);
    }
    connect(m_tree, &QTreeView::activated, this, &TriageView::activate);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TriageView::updateCompareButton);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TriageView::updatePreview);
    connect(m_tree->verticalScrollBar(), &QScrollBar::valueChanged, this, &TriageView::updateGroupLabel);
    for (const auto changed : { &TriageView::updateGroupLabel, &TriageView::spanGroupRows }) {
        connect(m_proxy, &QAbstractItemModel::modelReset, this, changed);
        connect(m_proxy, &QAbstractItemModel::layoutChanged, this, changed);
        connect(m_proxy, &QAbstractItemModel::rowsInserted, this, changed);
    }

    m_preview->setObjectName(QStringLiteral("triagePreview"));

    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(kFlushMs);
    connect(m_flushTimer, &QTimer::timeout, this, &TriageView::flushPending);
    connect(m_loader, &TriageLoader::rowsReady, this, [this](const TriageRows& rows) {
        m_pending.insert(m_pending.end(), rows.begin(), rows.end());
        if (!m_flushTimer->isActive())
            m_flushTimer->start();
    });
    connect(m_loader, &TriageLoader::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        m_progress->setFormat(tr("%v of %m inputs"));
    });
    connect(m_loader, &TriageLoader::finished, this, [this] {
        flushPending();
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        updateSummary();
        if (!m_tree->currentIndex().isValid()) { // the most urgent run, previewed
            const QModelIndex first = m_proxy->index(0, 0);
            const QModelIndex row = m_proxy->hasChildren(first) ? m_proxy->index(0, 0, first) : first;
            if (row.isValid())
                m_tree->selectionModel()->setCurrentIndex(
                    row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        emit loadFinished();
    });

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filter, 1);
    toolbar->addWidget(m_grouping);
    toolbar->addWidget(m_summary);
    toolbar->addWidget(m_progress);
    toolbar->addWidget(m_cancel);
    toolbar->addWidget(m_compare);
    auto* table = new QWidget(m_splitter);
    auto* tableLayout = new QVBoxLayout(table);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    tableLayout->addWidget(m_groupLabel);
    tableLayout->addWidget(m_tree, 1);
    m_splitter->setObjectName(QStringLiteral("triageSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(table);
    m_splitter->addWidget(m_preview);
    // The preview gets 45 % of the height, room for an upstream grid of nine stages.
    m_splitter->setSizes({ 5500, 4500 });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_splitter, 1);
    updateCompareButton();
}

TriageView::~TriageView()
{
    // Every row holds its input's source: the views let go of them before a worker frees them.
    disconnect(m_tree->selectionModel(), nullptr, this, nullptr);
    m_preview->setRow(nullptr);
    m_model->clear();
    releaseOnWorker(std::make_shared<const TriageRows>(std::exchange(m_pending, {})));
}

void TriageView::load(const QStringList& paths)
{
    m_paths = paths;
    m_pending.clear();
    m_model->clear();
    m_progress->setRange(0, 0); // busy until the inputs are known
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    updateSummary();
    m_loader->load(paths);
}

bool TriageView::isLoading() const
{
    return m_loader->isLoading();
}

void TriageView::setGrouping(TriageGrouping grouping)
{
    const int item = m_grouping->findData(int(grouping));
    if (item != m_grouping->currentIndex()) {
        m_grouping->setCurrentIndex(item); // comes back here through the signal
        return;
    }
    const int current = currentRow();
    m_model->setGrouping(grouping);
    m_tree->setRootIsDecorated(grouping != TriageGrouping::None);
    m_tree->expandAll();
    selectRow(current);
    updateSummary();
    updateGroupLabel();
}

void TriageView::setFilterText(const QString& text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
    m_tree->expandAll();
    updateSummary();
}

void TriageView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool TriageView::selectRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfRow(row));
    if (!index.isValid())
        return false;
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(index);
    return true;
}

int TriageView::currentRow() const
{
    return m_model->rowIndex(m_proxy->mapToSource(m_tree->currentIndex()));
}

QString TriageView::currentGroupText() const
{
    return m_model->grouping() != TriageGrouping::None ? m_groupLabel->text() : QString();
}

QList<int> TriageView::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows()) {
        const int row = m_model->rowIndex(m_proxy->mapToSource(index));
        if (row >= 0 && m_model->rows()[size_t(row)].run && !rows.contains(row))
            rows.append(row);
    }
    return rows;
}

void TriageView::flushPending()
{
    m_flushTimer->stop();
    if (m_pending.empty())
        return;
    const int current = currentRow();
    m_model->append(std::exchange(m_pending, {}));
    if (m_model->grouping() != TriageGrouping::None) {
        m_tree->expandAll();
        if (current >= 0) // a regrouping reset the model
            selectRow(current);
    }
    if (m_model->rows().size() <= 1000) // the first screenful sized to its content
        fitColumns();
    updateSummary();
}

void TriageView::fitColumns()
{
    const int ch = fontMetrics().averageCharWidth();
    const int width = m_tree->viewport()->width();
    const auto fit = [this](int column, int most) {
        m_tree->resizeColumnToContents(column);
        m_tree->setColumnWidth(column, std::min(m_tree->columnWidth(column), most));
        return m_tree->isColumnHidden(column) ? 0 : m_tree->columnWidth(column);
    };
    // Statuses are single words in every language: never cut. File names lose their middle for now.
    const int used = fit(TriageModel::SourceColumn, 30 * ch) + fit(TriageModel::SessionColumn, 24 * ch)
        + fit(TriageModel::RunColumn, 34 * ch) + fit(TriageModel::ToolColumn, 22 * ch)
        + fit(TriageModel::StatusColumn, width) + fit(TriageModel::DurationColumn, 12 * ch)
        + fit(TriageModel::StageColumn, 26 * ch);
    // Stop reason and hints share the rest, each whole on one line when there is room; else the stop
    // reason wraps onto more lines rather than push the hints out of the window (at 1366 pixels, a
    // 120-character exception message would).
    const int rest = width - used;
    const QAbstractItemView* view = m_tree; // QTreeView hides the public sizeHintForColumn()
    const int stopWanted = view->sizeHintForColumn(TriageModel::StopColumn);
    const int hintsWanted = view->sizeHintForColumn(TriageModel::HintsColumn);
    const int stop = std::clamp(std::max(rest * 11 / 20, rest - hintsWanted), 20 * ch, std::max(20 * ch, stopWanted));
    m_tree->setColumnWidth(TriageModel::StopColumn, stop);
    // What is left once both show whole goes to the file names.
    const int spare = rest - stop - hintsWanted;
    const int source = m_tree->columnWidth(TriageModel::SourceColumn);
    const int grown = spare > 0
        ? std::min(source + spare, std::max(source, view->sizeHintForColumn(TriageModel::SourceColumn)))
        : source;
    m_tree->setColumnWidth(TriageModel::SourceColumn, grown);
    // The last column stretches to the rest, but only at the next layout: its width now, for the row heights.
    m_tree->setColumnWidth(TriageModel::HintsColumn, std::max(20 * ch, rest - stop - (grown - source)));
    m_tree->doItemsLayout(); // the row heights for these widths now, not after the next paint
}

void TriageView::activate(const QModelIndex& index)
{
    const int row = m_model->rowIndex(m_proxy->mapToSource(index));
    if (row < 0)
        return;
    const TriageRow& triage = m_model->rows()[size_t(row)];
    if (triage.run)
        emit openRunRequested(triage.source->path, triage.run->sessionId, triage.run->runId);
    else
        emit openRunRequested(triage.source->path, {}, {}); // its tab says why it holds no run
}

void TriageView::updateSummary()
{
    const auto& rows = m_model->rows();
    const int withoutRun = int(std::count_if(rows.begin(), rows.end(), [](const TriageRow& row) { return !row.run; }));
    QString text = tr("Runs: %L1").arg(int(rows.size()) - withoutRun);
    if (!m_model->groups().empty())
        text += tr(" in %L1 groups").arg(m_model->groups().size());
    if (withoutRun > 0)
        text += tr(" · inputs without a run: %L1").arg(withoutRun);
    m_summary->setText(text);
}

void TriageView::updateCompareButton()
{
    m_compare->setEnabled(selectedRows().size() == 2);
}

void TriageView::updatePreview()
{
    const int row = currentRow();
    m_preview->setRow(row >= 0 ? &m_model->rows()[size_t(row)] : nullptr);
}

void TriageView::spanGroupRows()
{
    // A group's name and count across the row: the Source column is too narrow for "config:sparse-disabled".
    if (m_model->grouping() == TriageGrouping::None)
        return;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        m_tree->setFirstColumnSpanned(row, {}, true);
}

void TriageView::updateGroupLabel()
{
    const bool grouped = m_model->grouping() != TriageGrouping::None;
    m_groupLabel->setVisible(grouped);
    if (!grouped)
        return;
    // The group of the row at the top of the viewport: its own header may have scrolled away.
    QModelIndex top = m_tree->indexAt(QPoint(1, 1));
    if (!top.isValid())
        top = m_proxy->index(0, 0);
    const QModelIndex group = top.parent().isValid() ? top.parent() : top.siblingAtColumn(0);
    m_groupLabel->setText(group.isValid() ? tr("Group: %1").arg(group.data().toString()) : QString());
}

} // namespace Runlens
