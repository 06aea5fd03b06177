// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"
#include "waterfalllayout.h"

#include <QList>
#include <QWidget>

#include <cmath>

#include <utility>

class QCustomPlot;
class QCPAbstractPlottable;
class QLabel;
class QMouseEvent;

namespace Runlens {

class EventMarkers;
class SpanBars;

/// The latency waterfall of one run: a row per span depth, time on the x axis, point events on a
/// lane below. Wheel zooms around the cursor, left-drag pans, right-drag or Ctrl+drag zooms to a
/// range, double-click or R shows the whole run; hovering shows a span's details, clicking selects it.
class WaterfallView : public QWidget
{
    Q_OBJECT
public:
    explicit WaterfallView(QWidget* parent = nullptr);
    ~WaterfallView() override;

    /// Rebuilds the layout and shows the whole run; clears the selection.
    void setRun(RunPtr run);
    RunPtr run() const { return m_run; }
    const WaterfallLayout& waterfallLayout() const { return m_layout; }
    const QList<int>& selectedSpans() const { return m_selected; }

    /// The visible time window, in ms from run start.
    std::pair<double, double> visibleRangeMs() const;
    void setVisibleRangeMs(double fromMs, double toMs);
    /// Lets the time axis reach at least `endMs` from run start, so that two runs compared side by
    /// side share one scale; NaN (the default) bounds it by the run itself.
    void setMinimumExtentMs(double endMs);
    /// Where a time on a row is drawn, in the coordinates of the plot child (object name
    /// "waterfallPlot", which receives the mouse); the marker lane is row rowCount().
    QPointF plotPosition(double offsetMs, int row) const;
    /// Renders the current view at `size` (the plot's own size when empty), for export.
    QPixmap toPixmap(const QSize& size = {});

public slots:
    /// Outlines these spans (indexes into Run::spans) and scrolls or zooms them into view.
    void selectSpans(const QList<int>& spans);
    void resetZoom();

signals:
    void spanClicked(int span);
    /// The visible time window changed (zoom, pan, reset, or setVisibleRangeMs).
    void visibleRangeChanged(double fromMs, double toMs);
    void eventClicked(int event);

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyPalette();
    void updateLegend();
    void updateRowAxis();
    void keepRangeInBounds();
    void onMousePress(QMouseEvent* event);
    void onPlottableClick(QCPAbstractPlottable* plottable, int index, QMouseEvent* event);
    double msPerPixel() const;
    std::pair<double, double> fullRangeMs() const;
    int rowAt(double y) const;
    QString spanToolTip(int span, int row, double ms) const;
    QString eventToolTip(int event) const;

    RunPtr m_run;
    WaterfallLayout m_layout;
    QList<int> m_selected;
    QCustomPlot* m_plot;
    SpanBars* m_bars;
    EventMarkers* m_markers;
    QList<QLabel*> m_swatches; // legend icons, repainted when the palette changes
    bool m_clamping = false;
    double m_minimumExtentMs = NAN;
};

} // namespace Runlens
