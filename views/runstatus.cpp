// SPDX-License-Identifier: MIT
#include "runstatus.h"

#include <QCoreApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Runlens {

namespace {

class StatusIconEngine : public QIconEngine
{
public:
    explicit StatusIconEngine(RunStatus status)
        : m_status(status)
    { }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal side = qMin(rect.width(), rect.height());
        // Everything is drawn on a 16x16 grid centred in the rectangle, then scaled.
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 16.0, side / 16.0);

        QColor color = runStatusColor(m_status);
        if (mode == QIcon::Disabled)
            color = QColor::fromHsl(0, 0, qGray(color.rgb()));
        const QColor glyph = Qt::white;
        const QRectF disc(1, 1, 14, 14);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(disc);

        QPen pen(glyph, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        switch (m_status) {
        case RunStatus::Complete: {
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            const QPointF check[] = { { 4.5, 8.2 }, { 7.0, 10.7 }, { 11.5, 5.6 } };
            painter->drawPolyline(check, 3);
            break;
        }
        case RunStatus::Error:
            painter->setPen(pen);
            painter->drawLine(QPointF(5.2, 5.2), QPointF(10.8, 10.8));
            painter->drawLine(QPointF(10.8, 5.2), QPointF(5.2, 10.8));
            break;
        case RunStatus::CutOff: {
            // A disc cut in half: the left half is kept, the right half is only outlined.
            painter->setPen(Qt::NoPen);
            painter->setBrush(glyph);
            QPainterPath half;
            half.moveTo(8, 3.5);
            half.arcTo(QRectF(3.5, 3.5, 9, 9), 90, 180);
            half.closeSubpath();
            painter->drawPath(half);
            painter->setPen(QPen(glyph, 1.2));
            painter->setBrush(Qt::NoBrush);
            painter->drawArc(QRectF(4.1, 4.1, 7.8, 7.8), -90 * 16, 180 * 16);
            break;
        }
        case RunStatus::Running: {
            painter->setBrush(glyph);
            const QPointF play[] = { { 6.0, 4.5 }, { 11.5, 8.0 }, { 6.0, 11.5 } };
            painter->drawPolygon(play, 3);
            break;
        }
        case RunStatus::Background:
            painter->setBrush(glyph);
            painter->drawEllipse(QPointF(8, 8), 2.2, 2.2);
            break;
        }
        painter->restore();
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent); // the base class leaves the pixels undefined
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine* clone() const override { return new StatusIconEngine(m_status); }

private:
    RunStatus m_status;
};

} // namespace

int runStatusSeverity(RunStatus status)
{
    switch (status) {
    case RunStatus::Background:
        return 0;
    case RunStatus::Complete:
        return 1;
    case RunStatus::Running:
        return 2;
    case RunStatus::CutOff:
        return 3;
    case RunStatus::Error:
        return 4;
    }
    return 0;
}

QColor runStatusColor(RunStatus status)
{
    // Picked to stay apart for the common colour-vision deficiencies; the glyph tells them apart anyway.
    switch (status) {
    case RunStatus::Complete:
        return QColor(0x2e, 0x7d, 0x32);
    case RunStatus::Error:
        return QColor(0xc6, 0x28, 0x28);
    case RunStatus::CutOff:
        return QColor(0xe0, 0x6c, 0x00);
    case RunStatus::Running:
        return QColor(0x15, 0x65, 0xc0);
    case RunStatus::Background:
        return QColor(0x75, 0x75, 0x75);
    }
    return Qt::gray;
}

QIcon runStatusIcon(RunStatus status)
{
    return QIcon(new StatusIconEngine(status));
}

} // namespace Runlens
