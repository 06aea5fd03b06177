// SPDX-License-Identifier: MIT
#include "severitybadge.h"
#include "widgetstyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <cmath>
#include <functional>
#include <numbers>

namespace Runlens {

namespace {

constexpr Severity kShownOrder[] = { Severity::Error, Severity::Warning, Severity::Note };

void drawSeverity(QPainter& painter, Severity severity)
{
    const QPen glyph(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (severity) {
    case Severity::Error: {
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const qreal angle = (22.5 + 45.0 * i) * std::numbers::pi / 180.0;
            octagon << QPointF(8 + 7.4 * std::cos(angle), 8 + 7.4 * std::sin(angle));
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xc6, 0x28, 0x28));
        painter.drawPolygon(octagon);
        painter.setPen(glyph);
        painter.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5));
        painter.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5));
        break;
    }
    case Severity::Warning: {
        const QColor amber(0xf0, 0x9a, 0x00);
        QPainterPath triangle;
        triangle.moveTo(8, 1.2);
        triangle.lineTo(15.2, 14.6);
        triangle.lineTo(0.8, 14.6);
        triangle.closeSubpath();
        painter.setPen(QPen(amber, 1.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(amber);
        painter.drawPath(triangle);
        const QColor mark(0x21, 0x21, 0x21); // dark on amber reads better than white
        painter.setPen(QPen(mark, 1.8, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(8, 5.6), QPointF(8, 9.8));
        painter.setPen(Qt::NoPen);
        painter.setBrush(mark);
        painter.drawEllipse(QPointF(8, 12.4), 1.05, 1.05);
        break;
    }
    case Severity::Note:
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x15, 0x65, 0xc0));
        painter.drawEllipse(QRectF(1, 1, 14, 14));
        painter.setBrush(Qt::white);
        painter.drawEllipse(QPointF(8, 4.9), 1.15, 1.15);
        painter.setPen(QPen(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(8, 7.6), QPointF(8, 11.6));
        break;
    }
}

} // namespace

SeverityBadge::SeverityBadge(QWidget* parent)
    : QWidget(parent)
    , m_suppressed(new QLabel(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (size_t i = 0; i < m_items.size(); ++i) {
        m_items[i].icon = new QLabel(this);
        m_items[i].text = new QLabel(this);
        if (i > 0)
            layout->addSpacing(fontMetrics().averageCharWidth());
        layout->addWidget(m_items[i].icon);
        layout->addWidget(m_items[i].text);
    }
    m_suppressed->setObjectName(QStringLiteral("suppressedCount"));
    layout->addSpacing(fontMetrics().averageCharWidth());
    layout->addWidget(m_suppressed);
    layout->addStretch(1); // packed to the left however wide the badge is made
    setCounts(0, 0, 0, 0);
}

SeverityBadge::~SeverityBadge() = default;

void SeverityBadge::setCounts(int errors, int warnings, int notes, int suppressed, int disputed)
{
    const int counts[] = { errors, warnings, notes };
    const int side = fontMetrics().height() - 2;
    for (size_t i = 0; i < m_items.size(); ++i) {
        Item& item = m_items[i];
        item.count = counts[i];
        // A zero count keeps its place but is drawn disabled, so the badge does not jump around.
        item.icon->setPixmap(
            icon(kShownOrder[i])
                .pixmap(QSize(side, side), devicePixelRatioF(), item.count > 0 ? QIcon::Normal : QIcon::Disabled));
        item.icon->setEnabled(item.count > 0);
        item.text->setEnabled(item.count > 0);
    }
    m_items[0].text->setText(tr("%n error(s)", nullptr, errors));
    m_items[1].text->setText(tr("%n warning(s)", nullptr, warnings));
    m_items[2].text->setText(tr("%n note(s)", nullptr, notes));
    // The hints that do not count, each kind with its number: "(2 suppressed, 1 disputed)".
    QStringList uncounted;
    if (suppressed > 0)
        uncounted.append(tr("%n suppressed", nullptr, suppressed));
    if (disputed > 0)
        uncounted.append(tr("%n disputed", nullptr, disputed));
    m_suppressed->setText(QLatin1Char('(') + uncounted.join(QLatin1String(", ")) + QLatin1Char(')'));
    m_suppressed->setVisible(!uncounted.isEmpty());
    setToolTip(tr("Hints of the current run by severity; suppressed and disputed hints are not counted in the "
                  "severities"));
    setAccessibleName(text());
}

QString SeverityBadge::text() const
{
    QStringList parts;
    for (const Item& item : m_items)
        parts.append(item.text->text());
    if (!m_suppressed->isHidden())
        parts.append(m_suppressed->text());
    return parts.join(QLatin1String(", "));
}

QString SeverityBadge::label(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return tr("Error");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Note:
        return tr("Note");
    }
    return {};
}

QIcon SeverityBadge::icon(Severity severity)
{
    return drawnIcon([severity](QPainter& painter) { drawSeverity(painter, severity); });
}

QIcon SeverityBadge::suppressedIcon()
{
    return drawnIcon([](QPainter& painter) {
        const QColor grey(0x8a, 0x8a, 0x8a);
        painter.setPen(QPen(grey, 1.6, Qt::SolidLine, Qt::RoundCap));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QRectF(2, 2, 12, 12));
        painter.drawLine(QPointF(4.2, 11.8), QPointF(11.8, 4.2));
    });
}

QIcon SeverityBadge::disputedIcon()
{
    return drawnIcon([](QPainter& painter) {
        const QColor grey(0x8a, 0x8a, 0x8a);
        painter.setPen(QPen(grey, 1.6, Qt::SolidLine, Qt::RoundCap));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QRectF(2, 2, 12, 12));
        QFont font = painter.font();
        font.setPixelSize(10);
        font.setBold(true);
        painter.setFont(font);
        painter.drawText(QRectF(2, 2, 12, 12), Qt::AlignCenter, QStringLiteral("?"));
    });
}

} // namespace Runlens
