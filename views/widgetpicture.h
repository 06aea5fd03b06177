// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

class QWidget;

namespace Runlens {

enum class PictureFormat
{
    Png,
    Svg
};

/// What the user sees of a widget, at the screen's pixel ratio (QWidget::grab()).
QImage widgetImage(QWidget* widget);
/// The widget as a PNG, or as an SVG drawing: QWidget::render() into a QSvgGenerator, so that text and
/// lines stay vectors wherever the widget paints them as such (a plot's cached layers stay bitmaps).
/// `title` becomes the SVG's title. Empty when rendering failed.
QByteArray widgetPicture(QWidget* widget, PictureFormat format, const QString& title = {});
/// The format a file name's suffix asks for (.png, .svg, any case); false for any other suffix.
bool pictureFormatFor(const QString& fileName, PictureFormat* format);

} // namespace Runlens
