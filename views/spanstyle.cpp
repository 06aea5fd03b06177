// SPDX-License-Identifier: MIT
#include "spanstyle.h"

#include "duration.h"
#include "jsonline.h"
#include "run.h"

#include <QCoreApplication>
#include <QIcon>
#include <QJsonObject>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <algorithm>

namespace Runlens {

namespace {

// The context lupdate files these texts under.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::SpanStyle)
};

// Tooltips list at most this many attributes.
constexpr int kMaxToolTipAttrs = 12;

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
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
        lines.append(Tr::tr("%n more attribute(s)", nullptr, int(attrs.size()) - kMaxToolTipAttrs));
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

} // namespace

QColor spanStatusColor(SpanStatus status, const QPalette& palette)
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

QString spanStatusText(SpanStatus status)
{
    switch (status) {
    case SpanStatus::Ok:
        return Tr::tr("ok");
    case SpanStatus::Error:
        return Tr::tr("error");
    case SpanStatus::Unclosed:
        return Tr::tr("unclosed");
    case SpanStatus::Other:
        return Tr::tr("other status");
    }
    return {};
}

QIcon spanStatusIcon(SpanStatus status, const QPalette& palette)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintBar(&painter, QRectF(1, 1, 10, 10), BarStyles(palette)(status, false));
    return QIcon(pixmap);
}

BarStyles::BarStyles(const QPalette& palette)
{
    for (SpanStatus status : { SpanStatus::Ok, SpanStatus::Other, SpanStatus::Unclosed, SpanStatus::Error }) {
        for (bool merged : { false, true }) {
            BarStyle& style = m_styles[index(status, merged)];
            const QColor color = spanStatusColor(status, palette);
            style.fill = merged ? color.darker(125) : color;
            if (status == SpanStatus::Unclosed)
                style.hatch = style.fill.darker(170);
            style.text = qGray(style.fill.rgb()) > 140 ? QColor(Qt::black) : QColor(Qt::white);
        }
    }
}

void paintBar(QPainter* painter, const QRectF& rect, const BarStyle& style)
{
    painter->fillRect(rect, style.fill);
    if (style.hatch.isValid())
        painter->fillRect(rect, QBrush(style.hatch, Qt::BDiagPattern));
}

void paintMarker(QPainter* painter, const QPointF& centre, double halfHeight, SpanStatus status, bool merged,
    const QPalette& palette, double outline)
{
    const QColor color = outline > 0  ? palette.color(QPalette::Base)
        : status == SpanStatus::Error ? spanStatusColor(status, palette)
                                      : palette.color(QPalette::Text);
    const double r = std::min(halfHeight, 5.0) + outline;
    if (merged) {
        painter->fillRect(QRectF(centre.x() - 1 - outline, centre.y() - halfHeight - outline, 2 + 2 * outline,
                              2 * (halfHeight + outline)),
            color);
    } else if (status == SpanStatus::Error) {
        painter->setPen(QPen(color, 2 + 2 * outline, Qt::SolidLine, outline > 0 ? Qt::RoundCap : Qt::SquareCap));
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

SpanStatus eventStatus(const Run& run, int event)
{
    const Event& e = run.events[size_t(event)];
    // An "error" line counts as failure evidence even when its status says ok.
    if (e.isError() || e.type == QLatin1String("error"))
        return SpanStatus::Error;
    return e.status == QLatin1String("ok") ? SpanStatus::Ok : SpanStatus::Other;
}

QString spanToolTip(const Run& run, int span, const QStringList& extra)
{
    if (span < 0 || size_t(span) >= run.spans.size())
        return {};
    const Span& s = run.spans[size_t(span)];
    QStringList lines = { Tr::tr("Kind: %1").arg(s.kind), Tr::tr("Status: %1").arg(s.status),
        Tr::tr("Duration: %1").arg(formatDuration(s.durationMs)),
        Tr::tr("Start: %1 after run start").arg(formatDuration(run.offsetMs(s.startTs))) };
    if (!s.message.isEmpty())
        lines.append(Tr::tr("Message: %1").arg(s.message));
    lines += extra;
    if (const int line = s.startEvent >= 0 ? s.startEvent : s.endEvent; line >= 0)
        lines += attrLines(run.attrs(line));
    return toolTipHtml(s.name, lines);
}

QString eventToolTip(const Run& run, int event)
{
    if (event < 0 || size_t(event) >= run.events.size())
        return {};
    const Event& e = run.events[size_t(event)];
    QStringList lines = { Tr::tr("Status: %1").arg(e.status),
        Tr::tr("At: %1 after run start").arg(formatDuration(run.offsetMs(e.ts))) };
    if (!e.message.isEmpty())
        lines.append(Tr::tr("Message: %1").arg(e.message));
    lines += attrLines(run.attrs(event));
    return toolTipHtml(e.type + QLatin1Char(' ') + e.name, lines);
}

} // namespace Runlens
