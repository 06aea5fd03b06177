// SPDX-License-Identifier: MIT
// QCustomPlot 2.1's header still uses `foreach`, which QT_NO_FOREACH removes; this is the one file
// that includes it, so the macro is lifted here only.
#undef QT_NO_FOREACH

#include "waterfallview.h"

#include "jsonline.h"
#include "report.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QScopedValueRollback>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>

namespace Runlens {

namespace {

// A bar fills this much of its row above and below the row's centre line (rows are 1 apart).
constexpr double kBarHalfHeight = 0.36;
// The narrowest window one can zoom into: a microsecond.
constexpr double kMinVisibleMs = 1e-3;
// Tooltips list at most this many attributes.
constexpr int kMaxToolTipAttrs = 12;
// Bars narrower than this get no name drawn inside.
constexpr double kMinLabelWidth = 24;

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

// The status colours, a lighter variant on dark backgrounds; always shown with a text twin (the
// name and status inside the bar, the legend, the tooltip) and, for unclosed spans, a hatch.
QColor statusColor(SpanStatus status, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (status) {
    case SpanStatus::Ok:
        return dark ? QColor(0x4d, 0xb6, 0xac) : QColor(0x00, 0x89, 0x7b);
    case SpanStatus::Error:
        return dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    case SpanStatus::Unclosed:
        return dark ? QColor(0xff, 0xa7, 0x26) : QColor(0xe0, 0x6c, 0x00);
    case SpanStatus::Other:
        return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
    }
    return Qt::gray;
}

QColor markerColor(SpanStatus status, const QPalette& palette)
{
    return status == SpanStatus::Error ? statusColor(status, palette) : palette.color(QPalette::Text);
}

QString statusLabel(SpanStatus status)
{
    switch (status) {
    case SpanStatus::Ok:
        return WaterfallView::tr("ok");
    case SpanStatus::Error:
        return WaterfallView::tr("error");
    case SpanStatus::Unclosed:
        return WaterfallView::tr("unclosed");
    case SpanStatus::Other:
        return WaterfallView::tr("other status");
    }
    return {};
}

// How a bar of one status looks: merged bars a little darker, unclosed ones hatched, text in
// black or white, whichever reads on the fill.
struct BarStyle
{
    QColor fill;
    QColor hatch; // invalid: no hatch
    QColor text;
};

// The bar styles of one palette, worked out once per frame: converting colours per bar would
// cost more than painting it.
class BarStyles
{
public:
    explicit BarStyles(const QPalette& palette)
    {
        for (SpanStatus status : { SpanStatus::Ok, SpanStatus::Other, SpanStatus::Unclosed, SpanStatus::Error }) {
            for (bool merged : { false, true }) {
                BarStyle& style = m_styles[index(status, merged)];
                const QColor color = statusColor(status, palette);
                style.fill = merged ? color.darker(125) : color;
                if (status == SpanStatus::Unclosed)
                    style.hatch = style.fill.darker(170);
                style.text = qGray(style.fill.rgb()) > 140 ? QColor(Qt::black) : QColor(Qt::white);
            }
        }
    }

    const BarStyle& operator()(SpanStatus status, bool merged) const { return m_styles[index(status, merged)]; }

private:
    static size_t index(SpanStatus status, bool merged) { return size_t(status) * 2 + (merged ? 1 : 0); }

    std::array<BarStyle, 8> m_styles;
};

void paintBar(QPainter* painter, const QRectF& rect, const BarStyle& style)
{
    painter->fillRect(rect, style.fill);
    if (style.hatch.isValid())
        painter->fillRect(rect, QBrush(style.hatch, Qt::BDiagPattern));
}

// Errors are crosses, other events diamonds, several events in one pixel column a vertical tick.
void paintMarker(QPainter* painter, const QPointF& centre, double halfHeight, SpanStatus status, bool merged,
    const QPalette& palette)
{
    const QColor color = markerColor(status, palette);
    const double r = std::min(halfHeight, 5.0);
    if (merged) {
        painter->fillRect(QRectF(centre.x() - 1, centre.y() - halfHeight, 2, 2 * halfHeight), color);
    } else if (status == SpanStatus::Error) {
        painter->setPen(QPen(color, 2));
        painter->drawLine(centre + QPointF(-r, -r), centre + QPointF(r, r));
        painter->drawLine(centre + QPointF(-r, r), centre + QPointF(r, -r));
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        const QPointF diamond[] = { centre + QPointF(0, -r), centre + QPointF(r, 0), centre + QPointF(0, r),
            centre + QPointF(-r, 0) };
        painter->drawPolygon(diamond, 4);
    }
}

QString formatValue(const QJsonValue& value)
{
    constexpr int kMaxChars = 100;
    QString text;
    switch (value.type()) {
    case QJsonValue::String:
        text = value.toString();
        break;
    case QJsonValue::Double:
        text = nonFiniteToken(value.toDouble());
        if (text.isEmpty())
            text = QString::number(value.toDouble(), 'g', 12);
        break;
    case QJsonValue::Bool:
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        break;
    case QJsonValue::Array:
    case QJsonValue::Object:
        text = QString::fromUtf8(compactJson(value));
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        text = QStringLiteral("null");
        break;
    }
    return text.size() > kMaxChars ? text.left(kMaxChars - 1) + QChar(0x2026) : text;
}

QStringList attrLines(const QJsonObject& attrs)
{
    QStringList lines;
    for (auto it = attrs.begin(); it != attrs.end() && lines.size() < kMaxToolTipAttrs; ++it)
        lines.append(QStringLiteral("%1: %2").arg(it.key(), formatValue(it.value())));
    if (attrs.size() > kMaxToolTipAttrs)
        lines.append(WaterfallView::tr("%n more attribute(s)", nullptr, int(attrs.size()) - kMaxToolTipAttrs));
    return lines;
}

// Rich text so the title can be bold; every line is escaped and kept on one line.
QString toolTipHtml(const QString& title, const QStringList& lines)
{
    QString html = QStringLiteral("<p style='white-space:pre'><b>") + title.toHtmlEscaped() + QStringLiteral("</b>");
    for (const QString& line : lines)
        html += QStringLiteral("<br>") + line.toHtmlEscaped();
    return html + QStringLiteral("</p>");
}

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

/// Draws the span bars row by row for the current x range, asking the layout for only what is visible.
class SpanBars : public QCPAbstractPlottable
{
public:
    SpanBars(const WaterfallView& view, QCPAxis* timeAxis, QCPAxis* rowAxis)
        : QCPAbstractPlottable(timeAxis, rowAxis)
        , m_view(view)
    {
        setAntialiased(false);
        setSelectable(QCP::stNone); // the view keeps its own selection of span indexes
    }

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details) const override
    {
        if (onlySelectable || !mKeyAxis || !mValueAxis || !clipRect().contains(pos.toPoint()))
            return -1;
        const double value = mValueAxis->pixelToCoord(pos.y());
        const int row = int(std::lround(value));
        if (std::abs(value - row) > kBarHalfHeight)
            return -1;
        const int span = m_view.waterfallLayout().hitTest(row, mKeyAxis->pixelToCoord(pos.x()), msPerPixel());
        if (span < 0)
            return -1;
        if (details)
            details->setValue(QCPDataSelection(QCPDataRange(span, span + 1)));
        return 0;
    }

    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain) const override
    {
        const WaterfallLayout& layout = m_view.waterfallLayout();
        foundRange = layout.spanCount() > 0;
        return QCPRange(layout.beginMs(), layout.endMs());
    }

    QCPRange getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const override
    {
        foundRange = true;
        return QCPRange(-0.5, m_view.waterfallLayout().rowCount() + 0.5);
    }

protected:
    void draw(QCPPainter* painter) override
    {
        const WaterfallLayout& layout = m_view.waterfallLayout();
        const QPalette palette = mParentPlot->palette();
        if (layout.isEmpty()) {
            painter->setPen(palette.color(QPalette::PlaceholderText));
            painter->drawText(clipRect(), Qt::AlignCenter,
                m_view.run() ? WaterfallView::tr("This run has no scopes and no events")
                             : WaterfallView::tr("No run selected"));
            return;
        }
        const QCPRange range = mKeyAxis->range();
        const double perPixel = msPerPixel();
        const QRectF clip = clipRect();
        const RunPtr run = m_view.run();
        painter->setFont(mParentPlot->font());
        const QFontMetricsF metrics(painter->font());
        const BarStyles styles(palette);
        for (int row = 0; row < layout.rowCount(); ++row) {
            // Touching unlabelled bars of one style are filled as one rectangle: the same pixels,
            // and far fewer fills when a zoomed-out row is a long run of merged bars.
            QRectF pending;
            const BarStyle* pendingStyle = nullptr;
            for (const WaterfallBar& bar : layout.visibleBars(row, range.lower, range.upper, perPixel)) {
                const QRectF rect = barRect(bar.startMs, bar.endMs, row, clip, 1.0);
                const BarStyle& style = styles(bar.status, bar.isMerged());
                const bool labelled = !bar.isMerged() && rect.width() >= kMinLabelWidth
                    && rect.height() >= metrics.height() && run && size_t(bar.span) < run->spans.size();
                if (!labelled && pendingStyle == &style && rect.left() <= pending.right() + 0.5) {
                    pending.setRight(std::max(pending.right(), rect.right()));
                    continue;
                }
                if (pendingStyle)
                    paintBar(painter, pending, *pendingStyle);
                pendingStyle = nullptr;
                if (labelled) {
                    paintBar(painter, rect, style);
                    drawLabel(painter, metrics, rect, run->spans[size_t(bar.span)].name, bar.status, style);
                } else {
                    pending = rect;
                    pendingStyle = &style;
                }
            }
            if (pendingStyle)
                paintBar(painter, pending, *pendingStyle);
        }
        drawSelection(painter, clip, palette);
    }

    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override
    {
        paintBar(painter, rect, BarStyles(mParentPlot->palette())(SpanStatus::Ok, false));
    }

private:
    double msPerPixel() const { return mKeyAxis->range().size() / std::max(1, mKeyAxis->axisRect()->width()); }

    // Pixel rectangle of a time span on a row, kept a little beyond the clip rect so that huge
    // zoom factors never hand the paint engine far-away coordinates.
    QRectF barRect(double startMs, double endMs, int row, const QRectF& clip, double minWidth) const
    {
        double left = std::clamp(mKeyAxis->coordToPixel(startMs), clip.left() - 4, clip.right() + 4);
        double right = std::clamp(mKeyAxis->coordToPixel(endMs), clip.left() - 4, clip.right() + 4);
        if (right - left < minWidth) {
            const double centre = (left + right) / 2;
            left = centre - minWidth / 2;
            right = centre + minWidth / 2;
        }
        const double top = mValueAxis->coordToPixel(row - kBarHalfHeight);
        const double bottom = mValueAxis->coordToPixel(row + kBarHalfHeight);
        return QRectF(QPointF(left, std::min(top, bottom)), QPointF(right, std::max(top, bottom)));
    }

    void drawLabel(QCPPainter* painter, const QFontMetricsF& metrics, const QRectF& rect, const QString& name,
        SpanStatus status, const BarStyle& style) const
    {
        const QString text =
            status == SpanStatus::Ok ? name : WaterfallView::tr("%1 (%2)").arg(name, statusLabel(status));
        const QRectF textRect = rect.adjusted(3, 0, -3, 0);
        const QString elided = metrics.elidedText(text, Qt::ElideRight, textRect.width());
        if (elided.size() < 2)
            return; // an ellipsis alone says nothing
        painter->setPen(style.text);
        painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, elided);
    }

    void drawSelection(QCPPainter* painter, const QRectF& clip, const QPalette& palette) const
    {
        const WaterfallLayout& layout = m_view.waterfallLayout();
        const QCPRange range = mKeyAxis->range();
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(palette.color(QPalette::Text), 2));
        for (int span : m_view.selectedSpans()) {
            if (layout.spanEndMs(span) < range.lower || layout.spanStartMs(span) > range.upper)
                continue;
            const QRectF rect =
                barRect(layout.spanStartMs(span), layout.spanEndMs(span), layout.spanRow(span), clip, 4.0);
            painter->drawRect(rect.adjusted(-1, -1, 1, 1));
        }
    }

    const WaterfallView& m_view;
};

/// Draws the point events on the lane below the deepest row.
class EventMarkers : public QCPAbstractPlottable
{
public:
    EventMarkers(const WaterfallView& view, QCPAxis* timeAxis, QCPAxis* rowAxis)
        : QCPAbstractPlottable(timeAxis, rowAxis)
        , m_view(view)
    {
        setAntialiased(true);
        setSelectable(QCP::stNone);
    }

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details) const override
    {
        if (onlySelectable || !mKeyAxis || !mValueAxis || !clipRect().contains(pos.toPoint()))
            return -1;
        const WaterfallLayout& layout = m_view.waterfallLayout();
        if (std::abs(mValueAxis->pixelToCoord(pos.y()) - layout.rowCount()) > 0.5)
            return -1;
        const int event = layout.hitTestMarker(mKeyAxis->pixelToCoord(pos.x()), msPerPixel());
        if (event < 0)
            return -1;
        if (details)
            details->setValue(QCPDataSelection(QCPDataRange(event, event + 1)));
        return 0;
    }

    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain) const override
    {
        const WaterfallLayout& layout = m_view.waterfallLayout();
        foundRange = layout.markerCount() > 0;
        return QCPRange(layout.beginMs(), layout.endMs());
    }

    QCPRange getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const override
    {
        foundRange = true;
        const int lane = m_view.waterfallLayout().rowCount();
        return QCPRange(lane - 0.5, lane + 0.5);
    }

protected:
    void draw(QCPPainter* painter) override
    {
        const WaterfallLayout& layout = m_view.waterfallLayout();
        const QCPRange range = mKeyAxis->range();
        const QPalette palette = mParentPlot->palette();
        const int lane = layout.rowCount();
        const double y = mValueAxis->coordToPixel(lane);
        const double halfHeight = std::clamp(std::abs(mValueAxis->coordToPixel(lane + kBarHalfHeight) - y), 3.0, 8.0);
        applyDefaultAntialiasingHint(painter);
        for (const WaterfallMarker& marker : layout.visibleMarkers(range.lower, range.upper, msPerPixel()))
            paintMarker(painter, QPointF(mKeyAxis->coordToPixel(marker.ms), y), halfHeight, marker.status,
                marker.isMerged(), palette);
    }

    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override
    {
        paintMarker(painter, rect.center(), rect.height() / 2, SpanStatus::Ok, false, mParentPlot->palette());
    }

private:
    double msPerPixel() const { return mKeyAxis->range().size() / std::max(1, mKeyAxis->axisRect()->width()); }

    const WaterfallView& m_view;
};

WaterfallView::WaterfallView(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    setFocusPolicy(Qt::StrongFocus); // for the R key; the plot itself takes no focus
    m_plot->setObjectName(QStringLiteral("waterfallPlot"));
    m_plot->installEventFilter(this);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    QCPAxisRect* axisRect = m_plot->axisRect();
    axisRect->setRangeDrag(Qt::Horizontal);
    axisRect->setRangeZoom(Qt::Horizontal);
    axisRect->setRangeDragAxes(m_plot->xAxis, nullptr);
    axisRect->setRangeZoomAxes(m_plot->xAxis, nullptr); // the rubber band zooms these axes too
    m_plot->xAxis->setLabel(tr("Time since run start (ms)"));
    m_plot->yAxis->setLabel(tr("Depth"));
    m_plot->yAxis->setRangeReversed(true); // depth 0 at the top
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());

    m_bars = new SpanBars(*this, m_plot->xAxis, m_plot->yAxis);
    m_markers = new EventMarkers(*this, m_plot->xAxis, m_plot->yAxis);

    connect(m_plot, &QCustomPlot::mousePress, this, &WaterfallView::onMousePress);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &WaterfallView::resetZoom);
    connect(m_plot, &QCustomPlot::plottableClick, this, &WaterfallView::onPlottableClick);
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &WaterfallView::keepRangeInBounds);
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &WaterfallView::keepRangeInBounds);

    // The legend is the text twin of the colours; the hint names the gestures.
    auto* toolbar = new QHBoxLayout;
    const std::array<QString, 7> legendTexts = { tr("ok"), tr("error"), tr("unclosed"), tr("other status"),
        tr("merged (zoom in)"), tr("event"), tr("error event") };
    for (const QString& text : legendTexts) {
        auto* icon = new QLabel(this);
        m_swatches.append(icon);
        toolbar->addWidget(icon);
        toolbar->addWidget(new QLabel(text, this));
        toolbar->addSpacing(6);
    }
    auto* hint = new QLabel(tr("Wheel zooms, drag pans, right-drag zooms to a range"), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setToolTip(tr("Wheel: zoom around the cursor\nDrag: pan\nRight-drag or Ctrl+drag: zoom to the dragged range\n"
                        "Double-click or R: show the whole run"));
    hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // the first thing to give way when narrow
    hint->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    toolbar->addWidget(hint, 1);
    auto* resetButton = new QToolButton(this);
    resetButton->setObjectName(QStringLiteral("resetZoomButton"));
    resetButton->setText(tr("Reset zoom"));
    resetButton->setToolTip(tr("Show the whole run (R, or double-click the plot)"));
    connect(resetButton, &QToolButton::clicked, this, &WaterfallView::resetZoom);
    toolbar->addWidget(resetButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(m_plot, 1);

    applyPalette();
    updateRowAxis();
    resetZoom();
}

WaterfallView::~WaterfallView() = default;

void WaterfallView::setRun(RunPtr run)
{
    m_run = std::move(run);
    m_layout = m_run ? WaterfallLayout(*m_run) : WaterfallLayout();
    m_selected.clear();
    updateRowAxis();
    resetZoom();
}

std::pair<double, double> WaterfallView::visibleRangeMs() const
{
    const QCPRange range = m_plot->xAxis->range();
    return { range.lower, range.upper };
}

void WaterfallView::setVisibleRangeMs(double fromMs, double toMs)
{
    m_plot->xAxis->setRange(fromMs, toMs);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QPointF WaterfallView::plotPosition(double offsetMs, int row) const
{
    return { m_plot->xAxis->coordToPixel(offsetMs), m_plot->yAxis->coordToPixel(row) };
}

QPixmap WaterfallView::toPixmap(const QSize& size)
{
    const QSize target = size.isEmpty() ? m_plot->size() : size;
    return m_plot->toPixmap(target.width(), target.height());
}

void WaterfallView::selectSpans(const QList<int>& spans)
{
    m_selected.clear();
    double fromMs = std::numeric_limits<double>::infinity();
    double toMs = -std::numeric_limits<double>::infinity();
    for (int span : spans) {
        if (span < 0 || span >= m_layout.spanCount() || m_selected.contains(span))
            continue;
        m_selected.append(span);
        fromMs = std::min(fromMs, m_layout.spanStartMs(span));
        toMs = std::max(toMs, m_layout.spanEndMs(span));
    }
    const QCPRange visible = m_plot->xAxis->range();
    if (!m_selected.isEmpty() && (fromMs < visible.lower || toMs > visible.upper)) {
        // Scroll when the selection fits at the current zoom, else zoom out to it with a margin.
        const double centre = (fromMs + toMs) / 2;
        const double width = std::max((toMs - fromMs) * 1.2, kMinVisibleMs);
        const double half = std::max(width, visible.size()) / 2;
        m_plot->xAxis->setRange(centre - half, centre + half);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void WaterfallView::resetZoom()
{
    const auto [from, to] = fullRangeMs();
    m_plot->xAxis->setRange(from, to);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

std::pair<double, double> WaterfallView::fullRangeMs() const
{
    // The run (or the minimum extent) plus a 2% margin on each side.
    const double end = std::isnan(m_minimumExtentMs) ? m_layout.endMs() : std::max(m_layout.endMs(), m_minimumExtentMs);
    const double margin = (end - m_layout.beginMs()) * 0.02;
    return { m_layout.beginMs() - margin, end + margin };
}

void WaterfallView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

void WaterfallView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_R && event->modifiers() == Qt::NoModifier) {
        resetZoom();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool WaterfallView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_plot || event->type() != QEvent::ToolTip)
        return QWidget::eventFilter(watched, event);
    auto* help = static_cast<QHelpEvent*>(event);
    QString text;
    const int row = rowAt(help->pos().y());
    const double ms = m_plot->xAxis->pixelToCoord(help->pos().x());
    if (m_plot->axisRect()->rect().contains(help->pos()) && row >= 0) {
        if (row == m_layout.rowCount())
            text = eventToolTip(m_layout.hitTestMarker(ms, msPerPixel()));
        else
            text = spanToolTip(m_layout.hitTest(row, ms, msPerPixel()), row, ms);
    }
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
    } else {
        QToolTip::showText(help->globalPos(), text, m_plot);
    }
    return true;
}

void WaterfallView::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(50);
    m_plot->setBackground(pal.brush(QPalette::Base));
    for (QCPAxis* axis : m_plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setTickLabelFont(font());
        axis->setLabelFont(font());
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
        axis->grid()->setZeroLinePen(QPen(grid, 0, Qt::SolidLine));
    }
    QColor band = pal.color(QPalette::Highlight);
    m_plot->selectionRect()->setPen(QPen(band, 1, Qt::DashLine));
    band.setAlpha(60);
    m_plot->selectionRect()->setBrush(band);
    updateLegend();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void WaterfallView::updateLegend()
{
    const QPalette pal = palette();
    const QSize size(14, 12);
    const qreal ratio = devicePixelRatioF();
    const BarStyles styles(pal);
    const std::array<std::function<void(QPainter*, const QRectF&)>, 7> painters = {
        [&styles](QPainter* p, const QRectF& r) { paintBar(p, r, styles(SpanStatus::Ok, false)); },
        [&styles](QPainter* p, const QRectF& r) { paintBar(p, r, styles(SpanStatus::Error, false)); },
        [&styles](QPainter* p, const QRectF& r) { paintBar(p, r, styles(SpanStatus::Unclosed, false)); },
        [&styles](QPainter* p, const QRectF& r) { paintBar(p, r, styles(SpanStatus::Other, false)); },
        [&styles](QPainter* p, const QRectF& r) { paintBar(p, r, styles(SpanStatus::Ok, true)); },
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

void WaterfallView::updateRowAxis()
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int row = 0; row < m_layout.rowCount(); ++row)
        ticker->addTick(row, QString::number(row));
    ticker->addTick(m_layout.rowCount(), tr("events"));
    m_plot->yAxis->setTicker(ticker);
    keepRangeInBounds();
}

// The rows never scroll; the time window stays within the run (plus a margin) and at least a microsecond wide.
void WaterfallView::keepRangeInBounds()
{
    if (m_clamping)
        return;
    const QScopedValueRollback guard(m_clamping, true);
    m_plot->yAxis->setRange(-0.5, m_layout.rowCount() + 0.5);

    const auto [from, to] = fullRangeMs();
    const QCPRange full(from, to);
    const QCPRange range = m_plot->xAxis->range();
    const double size = std::clamp(range.size(), kMinVisibleMs, full.size());
    const double lower = std::clamp(range.center() - size / 2, full.lower, full.upper - size);
    m_plot->xAxis->setRange(lower, lower + size);
    emit visibleRangeChanged(lower, lower + size);
}

void WaterfallView::setMinimumExtentMs(double endMs)
{
    m_minimumExtentMs = endMs;
    resetZoom();
}

void WaterfallView::onMousePress(QMouseEvent* event)
{
    // QCustomPlot starts its zoom rubber band on any button whenever the mode is set, so the mode
    // is chosen per press, before QCustomPlot looks at it.
    const bool rubberBand = event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ControlModifier));
    m_plot->setSelectionRectMode(rubberBand ? QCP::srmZoom : QCP::srmNone);
}

void WaterfallView::onPlottableClick(QCPAbstractPlottable* plottable, int index, QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (plottable == m_bars) {
        m_selected = { index };
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        emit spanClicked(index);
    } else if (plottable == m_markers) {
        emit eventClicked(index);
    }
}

double WaterfallView::msPerPixel() const
{
    return m_plot->xAxis->range().size() / std::max(1, m_plot->axisRect()->width());
}

int WaterfallView::rowAt(double y) const
{
    const int row = int(std::lround(m_plot->yAxis->pixelToCoord(y)));
    return row >= 0 && row <= m_layout.rowCount() ? row : -1;
}

QString WaterfallView::spanToolTip(int span, int row, double ms) const
{
    if (span < 0 || !m_run || size_t(span) >= m_run->spans.size())
        return {};
    const Span& s = m_run->spans[size_t(span)];
    QStringList lines = { tr("Kind: %1").arg(s.kind), tr("Status: %1").arg(s.status),
        tr("Duration: %1").arg(formatDuration(s.durationMs)),
        tr("Start: %1 after run start").arg(formatDuration(m_layout.spanStartMs(span))) };
    if (!s.message.isEmpty())
        lines.append(tr("Message: %1").arg(s.message));

    // Say so when the bar under the cursor stands for several spans; the pixel columns are those of the drawing.
    const double perPixel = msPerPixel();
    const double visibleFrom = m_plot->xAxis->range().lower;
    const double columnFrom = visibleFrom + std::floor((ms - perPixel - visibleFrom) / perPixel) * perPixel;
    for (const WaterfallBar& bar : m_layout.visibleBars(row, columnFrom, ms + perPixel, perPixel)) {
        if (bar.isMerged() && bar.startMs - perPixel <= ms && ms <= bar.endMs + perPixel) {
            lines.append(tr("%n span(s) share this pixel; zoom in to tell them apart", nullptr, bar.count));
            break;
        }
    }
    lines += attrLines(m_run->attrs(s.startEvent >= 0 ? s.startEvent : s.endEvent));
    return toolTipHtml(s.name, lines);
}

QString WaterfallView::eventToolTip(int event) const
{
    if (event < 0 || !m_run || size_t(event) >= m_run->events.size())
        return {};
    const Event& e = m_run->events[size_t(event)];
    QStringList lines = { tr("Status: %1").arg(e.status),
        tr("At: %1 after run start").arg(formatDuration(m_run->offsetMs(e.ts))) };
    if (!e.message.isEmpty())
        lines.append(tr("Message: %1").arg(e.message));
    lines += attrLines(m_run->attrs(event));
    return toolTipHtml(e.type + QLatin1Char(' ') + e.name, lines);
}

} // namespace Runlens
