// SPDX-License-Identifier: MIT
#include "tracebars.h"

#include "spanstyle.h"
#include "spantreemodel.h"

#include <QHeaderView>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QTreeView>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Runlens {

namespace {

// A bar fills this share of its row.
constexpr double kBarShare = 0.64;
// One wheel notch (120 eighths of a degree) zooms by this factor; a notch with Shift pans by this share.
constexpr double kWheelZoom = 1.5;
constexpr double kWheelPan = 0.15;
// Ticks of the time axis are at least this far apart, in pixels.
constexpr double kMinTickPixels = 90;
// How far from a marker, in pixels, a click or hover still hits it.
constexpr double kMarkerHitPixels = 4;
// A press that moves less than this is a click.
constexpr int kClickPixels = 3;
// Space between a bar and a label beside it, and inside a bar around its label.
constexpr double kLabelGap = 4;

// 1, 2 or 5 times a power of ten, so that ticks are at least kMinTickPixels apart.
double tickStep(double rangeMs, double pixels)
{
    const double raw = rangeMs * kMinTickPixels / std::max(pixels, 1.0);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : { 1.0, 2.0, 5.0 }) {
        if (m * magnitude >= raw)
            return m * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

TraceBars::TraceBars(QTreeView* tree, const SpanTreeModel* model, QWidget* parent)
    : QWidget(parent)
    , m_tree(tree)
    , m_model(model)
{
    setFocusPolicy(Qt::ClickFocus); // keys go on to the trace view
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumWidth(120);
}

void TraceBars::setRange(double fromMs, double toMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs > fromMs ? toMs : fromMs + 1e-6;
    update();
}

double TraceBars::xOf(double ms) const
{
    return (ms - m_fromMs) / (m_toMs - m_fromMs) * width();
}

double TraceBars::msAt(double x) const
{
    return m_fromMs + x / std::max(1, width()) * (m_toMs - m_fromMs);
}

int TraceBars::axisHeight() const
{
    // The tree's rows start below its header and frame; the axis takes the same space, so rows line up.
    const QWidget* viewport = m_tree->viewport();
    return viewport->mapTo(window(), QPoint(0, 0)).y() - mapTo(window(), QPoint(0, 0)).y();
}

void TraceBars::forEachVisibleRow(const std::function<void(const VisibleRow&)>& visit) const
{
    const QWidget* viewport = m_tree->viewport();
    const int offset = axisHeight();
    const QItemSelectionModel* selection = m_tree->selectionModel();
    const int scrolled = m_tree->verticalScrollBar()->value();
    const bool perItem = m_tree->verticalScrollMode() == QAbstractItemView::ScrollPerItem;
    QModelIndex index = m_tree->indexAt(QPoint(0, 0));
    while (index.isValid()) {
        const QRect rect = m_tree->visualRect(index);
        if (rect.top() >= viewport->height())
            break;
        const int rowHeight = std::max(1, rect.height());
        const int line = perItem ? scrolled + (rect.top() / rowHeight) : (rect.top() + scrolled) / rowHeight;
        visit({ SpanTreeModel::treeRow(index), double(rect.top() + offset), double(rect.height()), line,
            selection && selection->isRowSelected(index.row(), index.parent()) });
        index = m_tree->indexBelow(index);
    }
}

QRectF TraceBars::barRectOf(int treeRow, double top, double height) const
{
    const SpanTree& tree = m_model->tree();
    // Kept a little beyond the widget, so that huge zoom factors never hand the paint engine far-away coordinates.
    double left = std::clamp(xOf(tree.startMs(treeRow)), -4.0, width() + 4.0);
    double right = std::clamp(xOf(tree.endMs(treeRow)), -4.0, width() + 4.0);
    if (right - left < 2) {
        const double centre = (left + right) / 2;
        left = centre - 1;
        right = centre + 1;
    }
    const double barHeight = std::max(2.0, height * kBarShare);
    return { left, top + (height - barHeight) / 2, right - left, barHeight };
}

QRectF TraceBars::barRect(int treeRow) const
{
    QRectF found;
    forEachVisibleRow([&](const VisibleRow& row) {
        if (row.treeRow == treeRow)
            found = barRectOf(row.treeRow, row.top, row.height);
    });
    return found;
}

int TraceBars::rowAt(double y) const
{
    int found = -1;
    forEachVisibleRow([&](const VisibleRow& row) {
        if (y >= row.top && y < row.top + row.height)
            found = row.treeRow;
    });
    return found;
}

int TraceBars::eventAt(int treeRow, double x) const
{
    const RunPtr run = m_model->run();
    if (!run || treeRow < 0)
        return -1;
    const auto [first, last] = m_model->tree().events(treeRow);
    const double tolerance = kMarkerHitPixels * (m_toMs - m_fromMs) / std::max(1, width());
    const double ms = msAt(x);
    const auto msOf = [&run](int event) { return run->offsetMs(run->events[size_t(event)].ts); };
    const int* it = std::lower_bound(first, last, ms - tolerance, [&](int e, double v) { return msOf(e) < v; });
    int best = -1;
    double bestDistance = tolerance;
    for (; it != last && msOf(*it) <= ms + tolerance; ++it) {
        if (std::abs(msOf(*it) - ms) <= bestDistance) {
            best = *it;
            bestDistance = std::abs(msOf(*it) - ms);
        }
    }
    return best;
}

void TraceBars::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    if (!m_model->run() || m_model->tree().isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(0, axisHeight(), 0, 0), Qt::AlignCenter,
            m_model->run() ? tr("This run has no scopes") : tr("No run selected"));
        paintAxis(&painter);
        return;
    }
    painter.save();
    painter.setClipRect(QRect(0, axisHeight(), width(), height() - axisHeight()));
    forEachVisibleRow([&](const VisibleRow& row) { paintRow(&painter, row); });
    if (m_drag == Drag::Zoom && m_moved) {
        QColor band = pal.color(QPalette::Highlight);
        band.setAlpha(60);
        const int left = std::min(m_pressPos.x(), m_dragX);
        painter.fillRect(QRect(left, 0, std::abs(m_dragX - m_pressPos.x()), height()), band);
    }
    painter.restore();
    paintAxis(&painter);
}

void TraceBars::paintAxis(QPainter* painter)
{
    const QPalette pal = palette();
    const int axis = axisHeight();
    painter->fillRect(QRect(0, 0, width(), axis), pal.color(QPalette::Button));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    const double step = tickStep(m_toMs - m_fromMs, width());
    const int decimals = std::max(0, int(-std::floor(std::log10(step))));
    painter->setPen(pal.color(QPalette::ButtonText));
    const QFontMetricsF metrics(font());
    for (double tick = std::ceil(m_fromMs / step) * step; tick <= m_toMs; tick += step) {
        const double x = xOf(tick);
        painter->setPen(grid);
        painter->drawLine(QPointF(x, axis), QPointF(x, height()));
        painter->setPen(pal.color(QPalette::ButtonText));
        painter->drawLine(QPointF(x, axis - 4), QPointF(x, axis));
        const QString label = tr("%1 ms").arg(QString::number(std::abs(tick) < step / 2 ? 0.0 : tick, 'f', decimals));
        painter->drawText(QPointF(x + 3, (axis + metrics.ascent() - metrics.descent()) / 2), label);
    }
    painter->setPen(pal.color(QPalette::Mid));
    painter->drawLine(QPointF(0, axis - 0.5), QPointF(width(), axis - 0.5));
}

void TraceBars::paintRow(QPainter* painter, const VisibleRow& row)
{
    const QPalette pal = palette();
    const SpanTree& tree = m_model->tree();
    const RunPtr run = m_model->run();
    const QRectF line(0, row.top, width(), row.height);
    if (row.selected) {
        QColor highlight = pal.color(QPalette::Highlight);
        highlight.setAlpha(60);
        painter->fillRect(line, highlight);
    } else if (row.line % 2 == 1) {
        painter->fillRect(line, pal.color(QPalette::AlternateBase));
    }

    const QRectF bar = barRectOf(row.treeRow, row.top, row.height);
    const SpanStatus status = tree.status(row.treeRow);
    const BarStyles styles(pal);
    const BarStyle& style = styles(status, false);
    paintBar(painter, bar, style);
    const bool critical = tree.isOnCriticalPath(row.treeRow);
    if (critical) // underlined: the chain that decides when the run ends
        painter->fillRect(QRectF(bar.left(), bar.bottom() + 1, bar.width(), 2), pal.color(QPalette::Text));
    if (row.selected) {
        painter->setPen(QPen(pal.color(QPalette::Text), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(bar.adjusted(-1, -1, 1, 1));
    }

    // Point events, under the name: one mark per pixel column, the worst status of those in it.
    const auto [first, last] = tree.events(row.treeRow);
    const auto msOf = [&run](int event) { return run->offsetMs(run->events[size_t(event)].ts); };
    const double msPerPixel = (m_toMs - m_fromMs) / std::max(1, width());
    const double centre = row.top + row.height / 2;
    const double halfHeight = std::clamp(bar.height() / 2, 2.0, 5.0);
    painter->setRenderHint(QPainter::Antialiasing);
    const int* it = std::lower_bound(first, last, m_fromMs, [&](int e, double v) { return msOf(e) < v; });
    while (it != last && msOf(*it) <= m_toMs) {
        const double ms = msOf(*it);
        const double columnEnd = m_fromMs + (std::floor((ms - m_fromMs) / msPerPixel) + 1) * msPerPixel;
        const int* next = std::lower_bound(it, last, columnEnd, [&](int e, double v) { return msOf(e) < v; });
        if (next == it)
            ++next; // a time that rounds into its own column end
        SpanStatus worst = SpanStatus::Ok;
        for (const int* e = it; e != next && worst != SpanStatus::Error; ++e)
            worst = std::max(worst, eventStatus(*run, *e));
        // An error's red cross on a failed span's red bar needs an outline in the background colour.
        const QPointF at(xOf(ms), centre);
        if (worst == SpanStatus::Error)
            paintMarker(painter, at, halfHeight, worst, next - it > 1, pal, 1);
        paintMarker(painter, at, halfHeight, worst, next - it > 1, pal);
        it = next;
    }
    painter->setRenderHint(QPainter::Antialiasing, false);

    // The name inside the bar when it fits, else beside it where there is room, else elided in
    // the larger space; the tooltip always has it whole.
    const Span& span = run->spans[size_t(tree.span(row.treeRow))];
    const QString text =
        status == SpanStatus::Ok ? QString(span.name) : tr("%1 (%2)").arg(span.name, spanStatusText(status));
    QFont font = painter->font();
    font.setBold(critical);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    const double textWidth = metrics.horizontalAdvance(text);
    const double inside = bar.width() - 2 * kLabelGap;
    const double right = width() - bar.right() - kLabelGap - 2;
    const double left = bar.left() - kLabelGap - 2;
    QRectF textRect;
    Qt::Alignment align = Qt::AlignVCenter | Qt::AlignLeft;
    QColor colour = pal.color(QPalette::Text);
    double room = 0;
    if (textWidth <= inside) {
        textRect = bar.adjusted(kLabelGap, 0, -kLabelGap, 0);
        colour = style.text;
        room = inside;
    } else if (textWidth <= right || (right >= left && right >= inside)) {
        textRect = QRectF(bar.right() + kLabelGap, row.top, right, row.height);
        room = right;
    } else if (textWidth <= left || left >= inside) {
        textRect = QRectF(bar.left() - kLabelGap - left, row.top, left, row.height);
        align = Qt::AlignVCenter | Qt::AlignRight;
        room = left;
    } else {
        textRect = bar.adjusted(kLabelGap, 0, -kLabelGap, 0);
        colour = style.text;
        room = inside;
    }
    const QString shown = textWidth <= room ? text : metrics.elidedText(text, Qt::ElideRight, room);
    if (shown.size() >= 2) { // an ellipsis alone says nothing
        painter->setPen(colour);
        painter->drawText(textRect, int(align), shown);
    }
    font.setBold(false);
    painter->setFont(font);
}

bool TraceBars::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const int row = rowAt(help->pos().y());
    QString text;
    if (row >= 0) {
        if (const int e = eventAt(row, help->pos().x()); e >= 0)
            text = eventToolTip(*m_model->run(), e);
        else
            text = m_model->rowToolTip(row);
    }
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
    } else {
        QToolTip::showText(help->globalPos(), text, this);
    }
    return true;
}

void TraceBars::mousePressEvent(QMouseEvent* event)
{
    const bool zoom = event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ControlModifier));
    m_drag = zoom ? Drag::Zoom : event->button() == Qt::LeftButton ? Drag::Pan : Drag::None;
    m_pressPos = event->position().toPoint();
    m_dragX = m_pressPos.x();
    m_pressFromMs = m_fromMs;
    m_pressToMs = m_toMs;
    m_moved = false;
}

void TraceBars::mouseMoveEvent(QMouseEvent* event)
{
    if (m_drag == Drag::None)
        return;
    if (!m_moved && (event->position().toPoint() - m_pressPos).manhattanLength() < kClickPixels)
        return;
    m_moved = true;
    m_dragX = event->position().toPoint().x();
    if (m_drag == Drag::Pan) {
        // The time under the cursor follows it.
        const double shift = (m_dragX - m_pressPos.x()) * (m_pressToMs - m_pressFromMs) / std::max(1, width());
        emit rangeRequested(m_pressFromMs - shift, m_pressToMs - shift);
    } else {
        update();
    }
}

void TraceBars::mouseReleaseEvent(QMouseEvent* event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (drag == Drag::Zoom && m_moved) {
        const double a = msAt(m_pressPos.x());
        const double b = msAt(event->position().x());
        update();
        emit rangeRequested(std::min(a, b), std::max(a, b));
        return;
    }
    if (drag != Drag::Pan || m_moved)
        return;
    const int row = rowAt(event->position().y());
    if (row < 0)
        return;
    if (const int e = eventAt(row, event->position().x()); e >= 0)
        emit eventClicked(e);
    else
        emit rowClicked(row);
}

void TraceBars::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (const int row = rowAt(event->position().y()); row >= 0)
        emit rowDoubleClicked(row);
}

void TraceBars::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    const double range = m_toMs - m_fromMs;
    // Shift+wheel, or a sideways wheel or swipe, pans; some platforms turn Shift+wheel into a sideways one.
    if (event->modifiers().testFlag(Qt::ShiftModifier) || (delta.x() != 0 && delta.y() == 0)) {
        const int notches = delta.x() != 0 ? delta.x() : delta.y();
        const double shift = -notches / 120.0 * kWheelPan * range;
        emit rangeRequested(m_fromMs + shift, m_toMs + shift);
        event->accept();
        return;
    }
    if (delta.y() == 0) {
        event->ignore();
        return;
    }
    const double anchor = msAt(event->position().x());
    const double factor = std::pow(kWheelZoom, -delta.y() / 120.0);
    emit rangeRequested(anchor - (anchor - m_fromMs) * factor, anchor + (m_toMs - anchor) * factor);
    event->accept();
}

} // namespace Runlens
