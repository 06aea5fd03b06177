// SPDX-License-Identifier: MIT
#pragma once

#include "spantree.h"

#include <QColor>
#include <QString>

#include <array>

class QIcon;
class QPainter;
class QPalette;
class QPointF;
class QRectF;

namespace Runlens {

struct Run;

/// The colour of a status, a lighter variant on dark backgrounds. Always shown with a text twin: the
/// legend, the status column, the label and the tooltip; unclosed spans are hatched as well.
QColor spanStatusColor(SpanStatus status, const QPalette& palette);
/// "ok", "error", "unclosed", "other status", translated.
QString spanStatusText(SpanStatus status);
/// A small square of the status colour (hatched when unclosed), for lists and legends.
QIcon spanStatusIcon(SpanStatus status, const QPalette& palette);

/// How a bar of one status looks: merged bars a little darker, unclosed ones hatched, text in
/// black or white, whichever reads on the fill.
struct BarStyle
{
    QColor fill;
    QColor hatch; // invalid: no hatch
    QColor text;
};

/// The bar styles of one palette, worked out once per frame: converting colours per bar would cost
/// more than painting it.
class BarStyles
{
public:
    explicit BarStyles(const QPalette& palette);
    const BarStyle& operator()(SpanStatus status, bool merged) const { return m_styles[index(status, merged)]; }

private:
    static std::size_t index(SpanStatus status, bool merged) { return std::size_t(status) * 2 + (merged ? 1 : 0); }

    std::array<BarStyle, 8> m_styles;
};

void paintBar(QPainter* painter, const QRectF& rect, const BarStyle& style);
/// Errors are crosses, other events diamonds, several events in one pixel column a vertical tick.
/// With an `outline`, the same shape that much larger in the background colour, to paint first
/// where the mark sits on a bar.
void paintMarker(QPainter* painter, const QPointF& centre, double halfHeight, SpanStatus status, bool merged,
    const QPalette& palette, double outline = 0);
/// The status a point event's marker shows: error for an error line or a failed status.
SpanStatus eventStatus(const Run& run, int event);

/// Rich-text tooltips: a span's kind, status, duration, start, message and first attrs; an event's
/// status, time, message and attrs. `extra` lines go after the span's own facts.
QString spanToolTip(const Run& run, int span, const QStringList& extra = {});
QString eventToolTip(const Run& run, int event);

} // namespace Runlens
