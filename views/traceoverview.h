// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QPixmap>
#include <QWidget>

namespace Runlens {

class WaterfallLayout;

/// The whole run in a strip: one lane per span depth with spans narrower than a pixel merged
/// (WaterfallLayout), point events on a lane below, and the trace view's time window on top.
/// Dragging the window moves it, dragging elsewhere draws a new one, a click centres it, the wheel
/// zooms it, double-click shows the whole run. The lanes are painted once per size and palette, so
/// moving the window costs the same at a million spans as at ten.
class TraceOverview : public QWidget
{
    Q_OBJECT
public:
    explicit TraceOverview(QWidget* parent = nullptr);

    /// The layout must outlive the overview or the next call.
    void setWaterfall(RunPtr run, const WaterfallLayout* layout);
    /// The time shown across the width, in ms from run start.
    void setFullRange(double fromMs, double toMs);
    void setWindow(double fromMs, double toMs);

    /// The x coordinate of a time, and back.
    double xOf(double ms) const;
    double msAt(double x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The user moved or resized the window; the trace view decides what it shows.
    void windowRequested(double fromMs, double toMs);

protected:
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    enum class Drag
    {
        None,
        Move,
        Draw
    };

    void paintLanes();
    double laneHeight() const;
    int laneAt(double y) const;
    QString toolTipAt(const QPoint& pos) const;

    RunPtr m_run;
    const WaterfallLayout* m_layout = nullptr;
    double m_fullFromMs = 0;
    double m_fullToMs = 1;
    double m_windowFromMs = 0;
    double m_windowToMs = 1;
    QPixmap m_lanes; // empty: paint again
    Drag m_drag = Drag::None;
    double m_pressMs = 0;
    double m_pressWindowFromMs = 0;
    QPoint m_pressPos;
    bool m_moved = false;
};

} // namespace Runlens
