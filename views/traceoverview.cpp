// SPDX-License-Identifier: MIT
#include "traceoverview.h"

#include "spanstyle.h"
#include "waterfalllayout.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Runlens {

namespace {

// A bar fills this share of its lane.
constexpr double kBarShare = 0.72;
// Presses this close to the window, in pixels, grab it.
constexpr double kGrabPixels = 4;
// A press that moves less than this is a click.
constexpr int kClickPixels = 3;
// One wheel notch (120 eighths of a degree) zooms by this factor.
constexpr double kWheelZoom = 1.5;

} // namespace

TraceOverview::TraceOverview(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(false);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview of the whole run; drag the window to pan, the wheel zooms"));
}

void TraceOverview::setWaterfall(RunPtr run, const WaterfallLayout* layout)
{
    m_run = std::move(run);
    m_layout = layout;
    m_lanes = QPixmap();
    update();
}

void TraceOverview::setFullRange(double fromMs, double toMs)
{
    if (fromMs == m_fullFromMs && toMs == m_fullToMs)
        return;
    m_fullFromMs = fromMs;
    m_fullToMs = toMs > fromMs ? toMs : fromMs + 1;
    m_lanes = QPixmap();
    update();
}

void TraceOverview::setWindow(double fromMs, double toMs)
{
    m_windowFromMs = fromMs;
    m_windowToMs = toMs;
    update();
}

double TraceOverview::xOf(double ms) const
{
    return (ms - m_fullFromMs) / (m_fullToMs - m_fullFromMs) * width();
}

double TraceOverview::msAt(double x) const
{
    return m_fullFromMs + x / std::max(1, width()) * (m_fullToMs - m_fullFromMs);
}

QSize TraceOverview::sizeHint() const
{
    return { 400, 70 };
}

QSize TraceOverview::minimumSizeHint() const
{
    return { 100, 24 };
}

double TraceOverview::laneHeight() const
{
    const int lanes = (m_layout ? m_layout->rowCount() : 0) + 1; // the spans' depths, then the events
    return double(height() - 2) / lanes;
}

int TraceOverview::laneAt(double y) const
{
    return int(std::floor((y - 1) / laneHeight()));
}

void TraceOverview::paintLanes()
{
    const qreal ratio = devicePixelRatioF();
    m_lanes = QPixmap(size() * ratio);
    m_lanes.setDevicePixelRatio(ratio);
    const QPalette pal = palette();
    m_lanes.fill(pal.color(QPalette::Base));
    if (!m_layout || m_layout->isEmpty())
        return;
    QPainter painter(&m_lanes);
    const BarStyles styles(pal);
    const double lane = laneHeight();
    const double barHeight = std::max(1.0, lane * kBarShare);
    const double msPerPixel = (m_fullToMs - m_fullFromMs) / std::max(1, width());
    for (int row = 0; row < m_layout->rowCount(); ++row) {
        const double top = 1 + row * lane + (lane - barHeight) / 2;
        // Touching bars of one style are filled as one rectangle: the same pixels, far fewer fills
        // where a row is a long run of merged bars.
        QRectF pending;
        const BarStyle* pendingStyle = nullptr;
        for (const WaterfallBar& bar : m_layout->visibleBars(row, m_fullFromMs, m_fullToMs, msPerPixel)) {
            const double left = xOf(bar.startMs);
            const QRectF rect(left, top, std::max(1.0, xOf(bar.endMs) - left), barHeight);
            const BarStyle& style = styles(bar.status, bar.isMerged());
            if (pendingStyle == &style && rect.left() <= pending.right() + 0.5) {
                pending.setRight(std::max(pending.right(), rect.right()));
                continue;
            }
            if (pendingStyle)
                paintBar(&painter, pending, *pendingStyle);
            pending = rect;
            pendingStyle = &style;
        }
        if (pendingStyle)
            paintBar(&painter, pending, *pendingStyle);
    }
    const double y = 1 + m_layout->rowCount() * lane + lane / 2;
    const double halfHeight = std::clamp(lane * kBarShare / 2, 1.5, 5.0);
    painter.setRenderHint(QPainter::Antialiasing);
    for (const WaterfallMarker& marker : m_layout->visibleMarkers(m_fullFromMs, m_fullToMs, msPerPixel))
        paintMarker(&painter, QPointF(xOf(marker.ms), y), halfHeight, marker.status, marker.isMerged(), pal);
}

void TraceOverview::paintEvent(QPaintEvent*)
{
    if (m_lanes.isNull() || m_lanes.deviceIndependentSize().toSize() != size())
        paintLanes();
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_lanes);
    const QPalette pal = palette();
    if (!m_layout || m_layout->isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, m_run ? tr("No scopes and no events") : tr("No run selected"));
        return;
    }
    // Outside the window is dimmed; the window itself is outlined, at least a few pixels wide.
    double left = std::clamp(xOf(m_windowFromMs), -2.0, width() + 2.0);
    double right = std::clamp(xOf(m_windowToMs), -2.0, width() + 2.0);
    if (right - left < 3) {
        const double centre = (left + right) / 2;
        left = centre - 1.5;
        right = centre + 1.5;
    }
    QColor shade = pal.color(QPalette::Window);
    shade.setAlpha(150);
    painter.fillRect(QRectF(0, 0, left, height()), shade);
    painter.fillRect(QRectF(right, 0, width() - right, height()), shade);
    painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(left, 1, right - left, height() - 2));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(QPointF(0, height() - 0.5), QPointF(width(), height() - 0.5));
}

bool TraceOverview::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty())
        QToolTip::showText(help->globalPos(), toolTip(), this);
    else
        QToolTip::showText(help->globalPos(), text, this);
    return true;
}

QString TraceOverview::toolTipAt(const QPoint& pos) const
{
    if (!m_layout || !m_run)
        return {};
    const int lane = laneAt(pos.y());
    const double ms = msAt(pos.x());
    const double msPerPixel = (m_fullToMs - m_fullFromMs) / std::max(1, width());
    if (lane == m_layout->rowCount())
        return eventToolTip(*m_run, m_layout->hitTestMarker(ms, msPerPixel));
    const int span = m_layout->hitTest(lane, ms, msPerPixel);
    if (span < 0)
        return {};
    // Say so when the bar under the cursor stands for several spans; the pixel columns are those of the drawing.
    QStringList extra;
    for (const WaterfallBar& bar : m_layout->visibleBars(lane, m_fullFromMs, m_fullToMs, msPerPixel)) {
        if (bar.startMs - msPerPixel > ms)
            break;
        if (bar.isMerged() && ms <= bar.endMs + msPerPixel) {
            extra.append(tr("%n span(s) share this pixel; zoom in to tell them apart", nullptr, bar.count));
            break;
        }
    }
    return spanToolTip(*m_run, span, extra);
}

void TraceOverview::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_lanes = QPixmap();
        update();
    }
}

void TraceOverview::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_lanes = QPixmap();
}

void TraceOverview::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const double x = event->position().x();
    m_pressPos = event->position().toPoint();
    m_pressMs = msAt(x);
    m_pressWindowFromMs = m_windowFromMs;
    m_moved = false;
    const bool onWindow = x >= xOf(m_windowFromMs) - kGrabPixels && x <= xOf(m_windowToMs) + kGrabPixels;
    m_drag = onWindow ? Drag::Move : Drag::Draw;
}

void TraceOverview::mouseMoveEvent(QMouseEvent* event)
{
    if (m_drag == Drag::None)
        return;
    if (!m_moved && (event->position().toPoint() - m_pressPos).manhattanLength() < kClickPixels)
        return;
    m_moved = true;
    const double ms = msAt(event->position().x());
    if (m_drag == Drag::Move) {
        const double from = m_pressWindowFromMs + (ms - m_pressMs);
        emit windowRequested(from, from + (m_windowToMs - m_windowFromMs));
    } else {
        emit windowRequested(std::min(ms, m_pressMs), std::max(ms, m_pressMs));
    }
}

void TraceOverview::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag != Drag::None && !m_moved && event->button() == Qt::LeftButton) {
        // A click centres the window where it landed, keeping its width.
        const double half = (m_windowToMs - m_windowFromMs) / 2;
        emit windowRequested(m_pressMs - half, m_pressMs + half);
    }
    m_drag = Drag::None;
}

void TraceOverview::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        emit windowRequested(m_fullFromMs, m_fullToMs);
}

void TraceOverview::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) {
        event->ignore();
        return;
    }
    // Around the time under the cursor when it is inside the window, else around the window's centre.
    const double cursor = msAt(event->position().x());
    const double anchor =
        cursor >= m_windowFromMs && cursor <= m_windowToMs ? cursor : (m_windowFromMs + m_windowToMs) / 2;
    const double factor = std::pow(kWheelZoom, -notches);
    emit windowRequested(anchor - (anchor - m_windowFromMs) * factor, anchor + (m_windowToMs - anchor) * factor);
    event->accept();
}

} // namespace Runlens
