// SPDX-License-Identifier: MIT
#include "triageview.h"

#include "triageloader.h"
#include "triagemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
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
    , m_proxy(new QSortFilterProxyModel(this))
    , m_flushTimer(new QTimer(this))
    , m_filter(new QLineEdit(this))
    , m_grouping(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_compare(new QPushButton(tr("Co&mpare"), this))
    , m_tree(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TriageModel::SortRole);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // any column

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

    m_tree->setObjectName(QStringLiteral("triageTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(-1, Qt::AscendingOrder); // load order until a header is clicked
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setRootIsDecorated(false);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree, &QTreeView::activated, this, &TriageView::activate);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TriageView::updateCompareButton);

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
        emit loadFinished();
    });

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filter, 1);
    toolbar->addWidget(m_grouping);
    toolbar->addWidget(m_summary);
    toolbar->addWidget(m_progress);
    toolbar->addWidget(m_cancel);
    toolbar->addWidget(m_compare);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_tree, 1);
    updateCompareButton();
}

TriageView::~TriageView() = default;

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
    m_model->setGrouping(grouping);
    m_tree->setRootIsDecorated(grouping != TriageGrouping::None);
    m_tree->expandAll();
    updateSummary();
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
    m_model->append(std::exchange(m_pending, {}));
    if (m_model->grouping() != TriageGrouping::None)
        m_tree->expandAll();
    if (m_model->rows().size() <= 1000) { // the first screenful sized to its content, long texts capped
        const int widest = fontMetrics().averageCharWidth() * 40;
        for (int column = 0; column < TriageModel::ColumnCount - 1; ++column) {
            m_tree->resizeColumnToContents(column);
            m_tree->setColumnWidth(column, std::min(m_tree->columnWidth(column), widest));
        }
    }
    updateSummary();
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

} // namespace Runlens
