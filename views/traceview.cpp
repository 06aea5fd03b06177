// SPDX-License-Identifier: MIT
#include "traceview.h"

#include "spanstyle.h"
#include "spantreemodel.h"
#include "tracebars.h"
#include "traceoverview.h"

#include <QCursor>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>

namespace Runlens {

namespace {

// The narrowest window one can zoom into: a microsecond.
constexpr double kMinVisibleMs = 1e-3;
// W and S zoom by this factor; A and D pan by this share of the window.
constexpr double kKeyZoom = 1.3;
constexpr double kKeyPan = 0.15;
// The tree opens as many levels as keep at most this many rows showing.
constexpr int kMaxInitialRows = 300;
// The name column is at least this much wider than its title.
constexpr int kMinNameExtra = 120;
// The overview is a quarter of the view's height, within these bounds.
constexpr int kMinOverviewHeight = 28;
constexpr int kMaxOverviewHeight = 70;
// The tree takes at most this share of the width when first shown.
constexpr double kMaxTreeShare = 0.6;

QPixmap swatch(const QSize& size, qreal devicePixelRatio, const std::function<void(QPainter*, const QRectF&)>& paint)
{
    QPixmap pixmap(size * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    return pixmap;
}

} // namespace

TraceView::TraceView(QWidget* parent)
    : QWidget(parent)
    , m_model(new SpanTreeModel(this))
    , m_overview(new TraceOverview(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_tree(new QTreeView(m_splitter))
    , m_bars(new TraceBars(m_tree, m_model, m_splitter))
{
    setFocusPolicy(Qt::StrongFocus);
    m_overview->setObjectName(QStringLiteral("traceOverview"));
    m_tree->setObjectName(QStringLiteral("spanTree"));
    m_bars->setObjectName(QStringLiteral("traceBars"));

    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true); // rows are found by arithmetic, which a million of them need
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setExpandsOnDoubleClick(false); // double-click zooms to the row
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setIndentation(12);
    m_tree->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tree->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->installEventFilter(this);
    m_tree->viewport()->installEventFilter(this);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_bars);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);

    // The bars follow every change of what the tree shows.
    const auto repaintBars = [this] { m_bars->update(); };
    connect(m_tree->verticalScrollBar(), &QScrollBar::valueChanged, this, repaintBars);
    connect(m_tree, &QTreeView::expanded, this, repaintBars);
    connect(m_tree, &QTreeView::collapsed, this, repaintBars);
    connect(m_model, &QAbstractItemModel::modelReset, this, repaintBars);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TraceView::onSelectionChanged);
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        zoomToSpans(index.siblingAtColumn(0).data(SpanTreeModel::SpansRole).value<QList<int>>());
    });
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_userSized = true; });
    connect(m_tree->verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] { m_keepCurrentInView = false; });

    connect(m_bars, &TraceBars::rangeRequested, this, &TraceView::applyRange);
    connect(m_bars, &TraceBars::rowClicked, this, &TraceView::selectTreeRow);
    connect(m_bars, &TraceBars::rowDoubleClicked, this, [this](int row) {
        selectTreeRow(row);
        zoomToSpans(m_model->indexOfRow(row).data(SpanTreeModel::SpansRole).value<QList<int>>());
    });
    connect(m_bars, &TraceBars::eventClicked, this, &TraceView::eventClicked);
    connect(m_overview, &TraceOverview::windowRequested, this, &TraceView::applyRange);

    // The legend is the text twin of the colours; the hint names the keys.
    auto* toolbar = new QHBoxLayout;
    const std::array<QString, 8> legendTexts = { tr("ok"), tr("error"), tr("unclosed"), tr("other status"),
        tr("merged"), tr("critical path"), tr("event"), tr("error event") };
    const std::array<QString, 8> legendTips = { {
        {},
        {},
        tr("Started but never ended (the run was cut off)"),
        {},
        tr("In the overview: several spans narrower than a pixel; zoom in to tell them apart"),
        tr("The chain of spans that decides when the run ends: from the tool's span, the child that ends last"),
        tr("A point event, on the row of the innermost span open at it"),
        {},
    } };
    for (size_t i = 0; i < legendTexts.size(); ++i) {
        auto* icon = new QLabel(this);
        auto* text = new QLabel(legendTexts[i], this);
        icon->setToolTip(legendTips[i]);
        text->setToolTip(legendTips[i]);
        m_swatches.append(icon);
        toolbar->addWidget(icon);
        toolbar->addWidget(text);
        toolbar->addSpacing(4);
    }
    auto* hint = new QLabel(tr("Keys: W S A D, Z, R"), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setToolTip(tr("W / S or the wheel: zoom in / out around the cursor\nA / D, Shift+wheel or drag: pan\n"
                        "Z or F, or double-click a row: zoom to the selection\nRight-drag or Ctrl+drag: zoom to the "
                        "dragged range\nR or Ctrl+0: show the whole run\nOverview: drag the window to pan, drag "
                        "elsewhere to pick a range, double-click for the whole run"));
    hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // the first thing to give way when narrow
    toolbar->addWidget(hint, 1);
    auto* resetButton = new QToolButton(this);
    resetButton->setObjectName(QStringLiteral("resetZoomButton"));
    resetButton->setText(tr("Reset zoom"));
    resetButton->setToolTip(tr("Show the whole run (R or Ctrl+0)"));
    resetButton->setAutoRaise(true);
    connect(resetButton, &QToolButton::clicked, this, &TraceView::resetZoom);
    toolbar->addWidget(resetButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(toolbar);
    layout->addWidget(m_overview);
    layout->addWidget(m_splitter, 1);

    updateLegend();
    m_overview->setWaterfall(nullptr, &m_layout);
    resetZoom();
}

TraceView::~TraceView() = default;

void TraceView::setRun(RunPtr run)
{
    m_run = std::move(run);
    m_layout = m_run ? WaterfallLayout(*m_run) : WaterfallLayout();
    m_selected.clear();
    {
        const QScopedValueRollback guard(m_selecting, true);
        m_model->setRun(m_run);
    }
    m_overview->setWaterfall(m_run, &m_layout);
    expandToSensibleDepth();
    fitColumns();
    resetZoom();
    const int failing = m_model->tree().failingRow();
    if (failing >= 0)
        revealRows({ failing });
    else
        m_tree->scrollToTop();
}

void TraceView::setVisibleRangeMs(double fromMs, double toMs)
{
    applyRange(fromMs, toMs);
}

void TraceView::setMinimumExtentMs(double endMs)
{
    m_minimumExtentMs = endMs;
    resetZoom();
}

QPixmap TraceView::toPixmap(const QSize& size)
{
    if (size.isEmpty() || size == this->size())
        return grab();
    // Laid out at that size for the picture, then back.
    const QSize previous = this->size();
    resize(size);
    QPixmap pixmap = grab();
    resize(previous);
    return pixmap;
}

void TraceView::selectSpans(const QList<int>& spans)
{
    m_selected.clear();
    QList<int> rows;
    double fromMs = std::numeric_limits<double>::infinity();
    double toMs = -std::numeric_limits<double>::infinity();
    for (int span : spans) {
        if (span < 0 || span >= m_layout.spanCount() || m_selected.contains(span))
            continue;
        m_selected.append(span);
        rows.append(m_model->tree().rowOfSpan(span));
        fromMs = std::min(fromMs, m_layout.spanStartMs(span));
        toMs = std::max(toMs, m_layout.spanEndMs(span));
    }
    const QList<int> selected = m_selected; // the tree's selection signal must not replace it
    revealRows(rows);
    m_selected = selected;
    if (!m_selected.isEmpty() && (fromMs < m_fromMs || toMs > m_toMs)) {
        // Scroll when the selection fits at the current zoom, else zoom out to it with a margin.
        const double centre = (fromMs + toMs) / 2;
        const double half = std::max(std::max((toMs - fromMs) * 1.2, kMinVisibleMs), m_toMs - m_fromMs) / 2;
        applyRange(centre - half, centre + half);
    }
    m_bars->update();
}

void TraceView::zoomToSpans(const QList<int>& spans)
{
    double fromMs = std::numeric_limits<double>::infinity();
    double toMs = -std::numeric_limits<double>::infinity();
    for (int span : spans) {
        if (span < 0 || span >= m_layout.spanCount())
            continue;
        fromMs = std::min(fromMs, m_layout.spanStartMs(span));
        toMs = std::max(toMs, m_layout.spanEndMs(span));
    }
    if (fromMs > toMs)
        return;
    const double margin = std::max((toMs - fromMs) * 0.05, kMinVisibleMs);
    applyRange(fromMs - margin, toMs + margin);
}

void TraceView::resetZoom()
{
    const auto [from, to] = fullRangeMs();
    applyRange(from, to);
}

std::pair<double, double> TraceView::fullRangeMs() const
{
    // The run (or the minimum extent) plus a 2% margin on each side.
    const double end = std::isnan(m_minimumExtentMs) ? m_layout.endMs() : std::max(m_layout.endMs(), m_minimumExtentMs);
    const double margin = (end - m_layout.beginMs()) * 0.02;
    return { m_layout.beginMs() - margin, end + margin };
}

// The window stays within the run (plus its margin) and at least a microsecond wide.
void TraceView::applyRange(double fromMs, double toMs)
{
    const auto [fullFrom, fullTo] = fullRangeMs();
    if (!(fromMs <= toMs))
        std::swap(fromMs, toMs);
    if (!std::isfinite(fromMs) || !std::isfinite(toMs)) {
        fromMs = fullFrom;
        toMs = fullTo;
    }
    const double size = std::clamp(toMs - fromMs, kMinVisibleMs, fullTo - fullFrom);
    const double lower = std::clamp((fromMs + toMs) / 2 - size / 2, fullFrom, fullTo - size);
    m_overview->setFullRange(fullFrom, fullTo);
    m_overview->setWindow(lower, lower + size);
    m_bars->setRange(lower, lower + size);
    if (lower == m_fromMs && lower + size == m_toMs)
        return;
    m_fromMs = lower;
    m_toMs = lower + size;
    emit visibleRangeChanged(m_fromMs, m_toMs);
}

void TraceView::zoomAround(double factor, double anchorMs)
{
    applyRange(anchorMs - (anchorMs - m_fromMs) / factor, anchorMs + (m_toMs - anchorMs) / factor);
}

double TraceView::zoomAnchorMs() const
{
    const QPoint cursor = m_bars->mapFromGlobal(QCursor::pos());
    if (m_bars->rect().contains(cursor))
        return m_bars->msAt(cursor.x());
    return (m_fromMs + m_toMs) / 2;
}

void TraceView::expandToSensibleDepth()
{
    // Every level that keeps the rows showing within kMaxInitialRows; the top level always shows.
    const SpanTree& tree = m_model->tree();
    std::vector<int> perDepth;
    for (int row = 0; row < tree.rowCount(); ++row) {
        const auto depth = size_t(tree.depth(row));
        if (perDepth.size() <= depth)
            perDepth.resize(depth + 1, 0);
        ++perDepth[depth];
    }
    int shown = perDepth.empty() ? 0 : perDepth[0];
    int depth = 0;
    while (size_t(depth + 1) < perDepth.size() && shown + perDepth[size_t(depth + 1)] <= kMaxInitialRows)
        shown += perDepth[size_t(++depth)];
    if (depth > 0)
        m_tree->expandToDepth(depth - 1);
}

void TraceView::revealRows(const QList<int>& treeRows)
{
    const SpanTree& tree = m_model->tree();
    QItemSelection selection;
    QModelIndex first;
    for (int row : treeRows) {
        if (row < 0 || row >= tree.rowCount())
            continue;
        const std::vector<int> path = tree.pathTo(row);
        for (size_t i = 0; i + 1 < path.size(); ++i)
            m_tree->expand(m_model->indexOfRow(path[i]));
        const QModelIndex index = m_model->indexOfRow(row);
        selection.select(index, m_model->indexOfRow(row, SpanTreeModel::ColumnCount - 1));
        if (!first.isValid())
            first = index;
    }
    const QScopedValueRollback guard(m_selecting, true);
    m_tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        m_tree->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_tree->scrollTo(first, QAbstractItemView::PositionAtCenter);
        m_keepCurrentInView = true;
    }
    m_selected.clear();
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows())
        m_selected += index.data(SpanTreeModel::SpansRole).value<QList<int>>();
}

void TraceView::selectTreeRow(int treeRow)
{
    const QModelIndex index = m_model->indexOfRow(treeRow);
    if (!index.isValid())
        return;
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(index, QAbstractItemView::EnsureVisible);
}

void TraceView::onSelectionChanged()
{
    m_bars->update();
    if (m_selecting)
        return;
    m_selected.clear();
    for (const QModelIndex& index : m_tree->selectionModel()->selectedRows())
        m_selected += index.data(SpanTreeModel::SpansRole).value<QList<int>>();
    const QModelIndex current = m_tree->selectionModel()->currentIndex();
    if (current.isValid() && m_tree->selectionModel()->isRowSelected(current.row(), current.parent()))
        emit spanClicked(m_model->tree().span(SpanTreeModel::treeRow(current)));
}

void TraceView::fitColumns()
{
    // As wide as the names, durations and statuses of the rows showing need (the first kMaxInitialRows), the
    // failing span's whole name included; bold rows are measured bold.
    const QFontMetrics metrics(m_tree->font());
    QFont bold = m_tree->font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const SpanTree& tree = m_model->tree();
    const int indentation = m_tree->indentation();
    const int margins = 12; // the item's padding on both sides
    const auto header = [this, &metrics](int column) {
        return metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString());
    };
    int name = header(SpanTreeModel::NameColumn) + kMinNameExtra;
    int status = header(SpanTreeModel::StatusColumn);
    int duration = header(SpanTreeModel::DurationColumn);
    const int iconWidth = m_tree->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_tree) + 6;
    const auto measure = [&](int row) {
        const QFontMetrics& used = tree.isOnCriticalPath(row) ? boldMetrics : metrics;
        name = std::max(name, used.horizontalAdvance(m_model->rowName(row)) + (tree.depth(row) + 1) * indentation);
        const QString text = m_model->indexOfRow(row, SpanTreeModel::StatusColumn).data().toString();
        status = std::max(status, metrics.horizontalAdvance(text) + iconWidth);
        duration = std::max(duration,
            metrics.horizontalAdvance(m_model->indexOfRow(row, SpanTreeModel::DurationColumn).data().toString()));
    };
    QModelIndex index = m_model->index(0, 0);
    for (int shown = 0; index.isValid() && shown < kMaxInitialRows; ++shown, index = m_tree->indexBelow(index))
        measure(SpanTreeModel::treeRow(index));
    if (tree.failingRow() >= 0)
        measure(tree.failingRow());
    m_tree->header()->resizeSection(SpanTreeModel::NameColumn, name + margins);
    m_tree->header()->resizeSection(SpanTreeModel::DurationColumn, duration + margins);
    m_tree->header()->resizeSection(SpanTreeModel::StatusColumn, status + margins);
    if (m_userSized || m_splitter->width() <= 0)
        return;
    const int available = m_splitter->width() - m_splitter->handleWidth();
    const int wanted =
        m_tree->header()->length() + 2 * m_tree->frameWidth() + m_tree->verticalScrollBar()->sizeHint().width();
    const int treeWidth = std::min(wanted, int(available * kMaxTreeShare));
    m_splitter->setSizes({ treeWidth, available - treeWidth });
}

void TraceView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_model->setPalette(palette());
        updateLegend();
        m_bars->update();
    }
}

void TraceView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_overview->setFixedHeight(std::clamp(height() / 4, kMinOverviewHeight, kMaxOverviewHeight));
    fitColumns();
    // The selected (at first the failing) row stays in view when the splitters settle after it was revealed.
    if (m_tree->currentIndex().isValid())
        m_tree->scrollTo(m_tree->currentIndex());
}

void TraceView::keyPressEvent(QKeyEvent* event)
{
    if (!handleKey(event))
        QWidget::keyPressEvent(event);
}

bool TraceView::eventFilter(QObject* watched, QEvent* event)
{
    // The tree would take W, A, S, D, Z, F and R for its type-ahead search.
    if (watched == m_tree && event->type() == QEvent::KeyPress && handleKey(static_cast<QKeyEvent*>(event)))
        return true;
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize) {
        // The window lays itself out after a run is shown: the selected row stays in view meanwhile.
        // Queued: the tree updates its scroll range after this event.
        if (m_keepCurrentInView) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (m_keepCurrentInView && m_tree->currentIndex().isValid())
                        m_tree->scrollTo(m_tree->currentIndex(), QAbstractItemView::PositionAtCenter);
                },
                Qt::QueuedConnection);
        }
        m_bars->update();
    }
    return QWidget::eventFilter(watched, event);
}

bool TraceView::handleKey(QKeyEvent* event)
{
    if (event->modifiers() == Qt::ControlModifier && event->key() == Qt::Key_0) {
        resetZoom();
        return true;
    }
    if (event->modifiers() != Qt::NoModifier && event->modifiers() != Qt::KeypadModifier)
        return false;
    const double range = m_toMs - m_fromMs;
    switch (event->key()) {
    case Qt::Key_W:
        zoomAround(kKeyZoom, zoomAnchorMs());
        return true;
    case Qt::Key_S:
        zoomAround(1 / kKeyZoom, zoomAnchorMs());
        return true;
    case Qt::Key_A:
        applyRange(m_fromMs - kKeyPan * range, m_toMs - kKeyPan * range);
        return true;
    case Qt::Key_D:
        applyRange(m_fromMs + kKeyPan * range, m_toMs + kKeyPan * range);
        return true;
    case Qt::Key_Z:
    case Qt::Key_F:
        zoomToSpans(m_selected);
        return true;
    case Qt::Key_R:
        resetZoom();
        return true;
    default:
        return false;
    }
}

void TraceView::updateLegend()
{
    const QPalette pal = palette();
    const QSize size(14, 12);
    const qreal ratio = devicePixelRatioF();
    const BarStyles styles(pal);
    const std::array<std::function<void(QPainter*, const QRectF&)>, 8> painters = {
        [&styles](QPainter* p, const QRectF& r) { paintBar(p, r, styles(SpanStatus::Ok, false)); },
        [&styles](QPainter* p, const QRectF& r) { paintBar(p, r, styles(SpanStatus::Error, false)); },
        [&styles](QPainter* p, const QRectF& r) { paintBar(p, r, styles(SpanStatus::Unclosed, false)); },
        [&styles](QPainter* p, const QRectF& r) { paintBar(p, r, styles(SpanStatus::Other, false)); },
        [&styles](QPainter* p, const QRectF& r) { paintBar(p, r, styles(SpanStatus::Ok, true)); },
        [&styles, &pal](QPainter* p, const QRectF& r) {
            paintBar(p, r.adjusted(0, 1, 0, -4), styles(SpanStatus::Ok, false));
            p->fillRect(QRectF(r.left(), r.bottom() - 2, r.width(), 2), pal.color(QPalette::Text));
        },
        [&pal](QPainter* p, const QRectF& r) {
            p->setRenderHint(QPainter::Antialiasing);
            paintMarker(p, r.center(), r.height() / 2, SpanStatus::Ok, false, pal);
        },
        [&pal](QPainter* p, const QRectF& r) {
            p->setRenderHint(QPainter::Antialiasing);
            paintMarker(p, r.center(), r.height() / 2 - 1, SpanStatus::Error, false, pal);
        },
    };
    for (qsizetype i = 0; i < m_swatches.size(); ++i)
        m_swatches[i]->setPixmap(swatch(size, ratio, painters[size_t(i)]));
}

} // namespace Runlens
