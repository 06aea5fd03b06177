// SPDX-License-Identifier: MIT
#include "eventsview.h"

#include "eventdetailsview.h"
#include "eventsfilterproxy.h"
#include "eventsmodel.h"
#include "widgetstyle.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Runlens {

namespace {

constexpr int kSplitterUnit = 1000;

} // namespace

EventsView::EventsView(QWidget* parent)
    : QWidget(parent)
    , m_model(new EventsModel(this))
    , m_proxy(new EventsFilterProxy(this))
    , m_quickFilter(new QLineEdit(this))
    , m_columnFiltersButton(new QToolButton(this))
    , m_countLabel(new QLabel(this))
    , m_subsetBar(new QFrame(this))
    , m_subsetLabel(new QLabel(m_subsetBar))
    , m_showAllButton(new QPushButton(tr("Show all"), m_subsetBar))
    , m_tablePane(new QWidget(this))
    , m_columnFilterRow(new QWidget(m_tablePane))
    , m_table(new QTableView(m_tablePane))
    , m_details(new EventDetailsView(this))
{
    m_proxy->setObjectName(QStringLiteral("eventsProxy"));
    m_proxy->setSourceModel(m_model);

    m_quickFilter->setObjectName(QStringLiteral("quickFilter"));
    m_quickFilter->setPlaceholderText(tr("Filter events (type, name, status, message)"));
    m_quickFilter->setClearButtonEnabled(true);
    connect(m_quickFilter, &QLineEdit::textChanged, m_proxy, &EventsFilterProxy::setQuickFilter);

    m_columnFiltersButton->setObjectName(QStringLiteral("columnFiltersButton"));
    m_columnFiltersButton->setText(tr("Column filters"));
    m_columnFiltersButton->setToolTip(tr("Show a filter field above each column"));
    m_columnFiltersButton->setCheckable(true);
    m_columnFiltersButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_columnFiltersButton, &QToolButton::toggled, this, [this](bool on) {
        m_columnFilterRow->setVisible(on);
        applyColumnFilters();
    });

    m_countLabel->setObjectName(QStringLiteral("eventCount"));

    auto* filterBar = new QHBoxLayout;
    filterBar->addWidget(m_quickFilter, 1);
    filterBar->addWidget(m_columnFiltersButton);
    filterBar->addWidget(m_countLabel);

    m_subsetBar->setObjectName(QStringLiteral("subsetBar"));
    m_subsetBar->setFrameShape(QFrame::StyledPanel);
    m_subsetBar->setAutoFillBackground(true);
    m_subsetBar->setBackgroundRole(QPalette::AlternateBase);
    m_showAllButton->setObjectName(QStringLiteral("showAllButton"));
    connect(m_showAllButton, &QPushButton::clicked, this, &EventsView::clearSubset);
    auto* subsetLayout = new QHBoxLayout(m_subsetBar);
    subsetLayout->setContentsMargins(6, 2, 2, 2);
    subsetLayout->addWidget(m_subsetLabel, 1);
    subsetLayout->addWidget(m_showAllButton);
    m_subsetBar->hide();

    m_table->setObjectName(QStringLiteral("eventsTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Uniform row heights: a fixed section size never measures rows, which a million rows needs.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionsMovable(false);
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder); // events already come in time order
    m_table->setSortingEnabled(true);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto widthOf = [&metrics](
                             const char* sample) { return metrics.horizontalAdvance(QLatin1String(sample)) + 24; };
    m_table->setColumnWidth(EventsModel::TimeColumn, widthOf("2026-11-24 10:47:31.826363"));
    m_table->setColumnWidth(EventsModel::OffsetColumn, widthOf("+1234.567 ms"));
    m_table->setColumnWidth(EventsModel::TypeColumn, widthOf("operation.start"));
    m_table->setColumnWidth(EventsModel::NameColumn, widthOf("mcp.tool:search.semantic_pro"));
    m_table->setColumnWidth(EventsModel::StatusColumn, widthOf("error") + 20);
    m_table->setColumnWidth(EventsModel::DurationColumn, widthOf("12.34 ms"));
    m_table->setColumnWidth(EventsModel::MessageColumn, widthOf("vLLM HTTP 503 Service Unavailable from"));
    // The offset from the run's start places an event; the wall-clock time (also in the details) is a
    // column away in the header's menu, and the name gets its room.
    m_table->setColumnHidden(EventsModel::TimeColumn, true);
    addColumnMenu(header);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { onCurrentChanged(current); });

    m_columnFilterRow->setObjectName(QStringLiteral("columnFilterRow"));
    for (int column = 0; column < EventsModel::ColumnCount; ++column) {
        auto* edit = new QLineEdit(m_columnFilterRow);
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        edit->setPlaceholderText(tr("Filter"));
        edit->setToolTip(tr("Show rows whose %1 contains this text").arg(title));
        edit->setAccessibleName(tr("Filter %1").arg(title));
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, this, &EventsView::applyColumnFilters);
        m_columnFilters.push_back(edit);
    }
    m_columnFilterRow->setFixedHeight(m_columnFilters.front()->sizeHint().height());
    m_columnFilterRow->hide();
    m_columnFilterRow->installEventFilter(this);
    // The filter fields follow the header's sections when columns are resized or scrolled.
    connect(header, &QHeaderView::sectionResized, this, &EventsView::layoutColumnFilters);
    connect(header, &QHeaderView::geometriesChanged, this, &EventsView::layoutColumnFilters);
    connect(m_table->horizontalScrollBar(), &QScrollBar::valueChanged, this, &EventsView::layoutColumnFilters);

    auto* tableLayout = new QVBoxLayout(m_tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    tableLayout->addWidget(m_columnFilterRow);
    tableLayout->addWidget(m_table, 1);

    m_details->setObjectName(QStringLiteral("eventDetails"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tablePane);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 2 * kSplitterUnit, kSplitterUnit }); // proportions; the splitter scales them
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterBar);
    layout->addWidget(m_subsetBar);
    layout->addWidget(splitter, 1);

    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &EventsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &EventsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EventsView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EventsView::updateCount);
    updateCount();
}

EventsView::~EventsView()
{
    // ~QWidget hides and deletes the children, whose signals must not reach this half-destroyed view.
    m_columnFilterRow->removeEventFilter(this);
    m_table->horizontalHeader()->disconnect(this);
    m_table->horizontalScrollBar()->disconnect(this);
    m_table->selectionModel()->disconnect(this);
    m_proxy->disconnect(this);
}

void EventsView::setRun(RunPtr run)
{
    m_proxy->setEventSubset({});
    m_subsetBar->hide();
    m_details->setRun(run);
    m_model->setRun(std::move(run));
}

RunPtr EventsView::run() const
{
    return m_model->run();
}

int EventsView::currentEvent() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(EventsModel::EventIndexRole).toInt() : -1;
}

void EventsView::selectEvents(const QList<int>& events)
{
    if (events.isEmpty()) {
        clearSubset();
        return;
    }
    m_proxy->setEventSubset(events);
    const qsizetype eventCount = m_model->run() ? qsizetype(m_model->run()->events.size()) : 0;
    const auto shown = std::count_if(
        events.begin(), events.end(), [eventCount](int event) { return event >= 0 && event < eventCount; });
    m_subsetLabel->setText(tr("Showing %n selected event(s)", nullptr, int(shown)));
    m_subsetBar->show();
    revealAndSelect(events.first());
}

void EventsView::selectEvent(int event)
{
    clearSubset();
    revealAndSelect(event);
}

void EventsView::focusFilter()
{
    m_quickFilter->setFocus(Qt::ShortcutFocusReason);
    m_quickFilter->selectAll();
}

void EventsView::clearSubset()
{
    m_proxy->setEventSubset({});
    m_subsetBar->hide();
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid()) {
        m_table->doItemsLayout(); // the scroll range still fits the subset until the next layout
        m_table->scrollTo(current, QAbstractItemView::PositionAtCenter);
    }
}

void EventsView::revealAndSelect(int event)
{
    if (event < 0 || event >= m_model->rowCount())
        return;
    // In the first shown column: a hidden column's cell has no place to scroll to.
    int column = 0;
    while (column + 1 < EventsModel::ColumnCount && m_table->isColumnHidden(column))
        ++column;
    const QModelIndex source = m_model->index(event, column);
    if (!m_proxy->mapFromSource(source).isValid()) {
        // Only the text filters can hide it here; the caller asked for this very event.
        m_quickFilter->clear();
        for (QLineEdit* edit : m_columnFilters)
            edit->clear();
    }
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->doItemsLayout(); // the scroll range may still fit the rows before the filters changed
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void EventsView::onCurrentChanged(const QModelIndex& current)
{
    const int event = current.isValid() ? current.data(EventsModel::EventIndexRole).toInt() : -1;
    m_details->setEvent(event);
    if (event >= 0)
        emit eventSelected(event);
}

void EventsView::applyColumnFilters()
{
    // Hidden filter fields keep their text but stop filtering until they are shown again.
    const bool active = m_columnFiltersButton->isChecked();
    for (int column = 0; column < EventsModel::ColumnCount; ++column)
        m_proxy->setColumnFilter(column, active ? m_columnFilters[size_t(column)]->text() : QString());
}

void EventsView::layoutColumnFilters()
{
    if (!m_columnFilterRow->isVisible())
        return;
    const QHeaderView* header = m_table->horizontalHeader();
    const int origin = m_table->viewport()->mapTo(m_tablePane, QPoint(0, 0)).x() - m_columnFilterRow->x();
    for (int column = 0; column < EventsModel::ColumnCount; ++column) {
        QLineEdit* edit = m_columnFilters[size_t(column)];
        const int width = header->sectionSize(column);
        edit->setVisible(!header->isSectionHidden(column) && width > 0);
        edit->setGeometry(origin + header->sectionViewportPosition(column), 0, width, m_columnFilterRow->height());
    }
}

bool EventsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_columnFilterRow && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        layoutColumnFilters();
    return QWidget::eventFilter(watched, event);
}

void EventsView::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_countLabel->setText(shown == total ? tr("%Ln event(s)", nullptr, total)
                                         : tr("%1 of %Ln event(s)", nullptr, total).arg(QLocale().toString(shown)));
}

} // namespace Runlens
