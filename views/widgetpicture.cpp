// SPDX-License-Identifier: MIT
#include "widgetpicture.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QSvgGenerator>
#include <QWidget>

namespace Runlens {

QImage widgetImage(QWidget* widget)
{
    return widget->grab().toImage();
}

QByteArray widgetPicture(QWidget* widget, PictureFormat format, const QString& title)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return {};
    if (format == PictureFormat::Png)
        return widgetImage(widget).save(&buffer, "PNG") ? bytes : QByteArray();
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(widget->size());
    svg.setViewBox(QRect(QPoint(0, 0), widget->size()));
    svg.setResolution(96); // the size is written in millimetres; browsers take 96 pixels to the inch
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("Runlens"));
    QPainter painter;
    if (!painter.begin(&svg))
        return {};
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    painter.end();
    return bytes;
}

bool pictureFormatFor(const QString& fileName, PictureFormat* format)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("png"))
        *format = PictureFormat::Png;
    else if (suffix == QLatin1String("svg"))
        *format = PictureFormat::Svg;
    else
        return false;
    return true;
}

} // namespace Runlens
