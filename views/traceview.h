// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"
#include "waterfalllayout.h"

#include <QList>
#include <QWidget>

#include <utility>

class QLabel;
class QModelIndex;
class QSplitter;
class QTreeView;

namespace Runlens {

class SpanTreeModel;
class TraceBars;
class TraceOverview;

/// A run as a trace (in the manner of Jaeger and Perfetto): the whole run as merged lanes at the top
/// with the shown time window on it, below it the tree of spans (name and stage, duration, status)
/// beside one bar per row on a shared time axis. The failing span's path is open and selected when a
/// run is shown; the critical path is underlined and bold. W/S zoom, A/D pan, Z or F zooms to the
/// selection, R or Ctrl+0 shows the whole run; the wheel zooms around the cursor, Shift+wheel pans;
/// double-click zooms to a row.
class TraceView : public QWidget
{
    Q_OBJECT
public:
    explicit TraceView(QWidget* parent = nullptr);
    ~TraceView() override;

    /// Shows a run: the whole of it, with the failing span's path open and selected.
    void setRun(RunPtr run);
    RunPtr run() const { return m_run; }
    /// The overview's geometry: a lane per span depth.
    const WaterfallLayout& waterfallLayout() const { return m_layout; }
    SpanTreeModel* spanTreeModel() const { return m_model; }
    QTreeView* spanTree() const { return m_tree; }
    TraceBars* bars() const { return m_bars; }
    TraceOverview* overview() const { return m_overview; }
    /// The selected spans (indexes into Run::spans).
    const QList<int>& selectedSpans() const { return m_selected; }

    /// The visible time window, in ms from run start.
    std::pair<double, double> visibleRangeMs() const { return { m_fromMs, m_toMs }; }
    void setVisibleRangeMs(double fromMs, double toMs);
    /// Lets the time axis reach at least `endMs` from run start, so that two runs compared side by
    /// side share one scale; NaN (the default) bounds it by the run itself.
    void setMinimumExtentMs(double endMs);
    /// Renders the view at `size` (its own size when empty), for export.
    QPixmap toPixmap(const QSize& size = {});

public slots:
    /// Selects these spans' rows, opens their parents, scrolls to them and scrolls or zooms out so
    /// that they are in the time window.
    void selectSpans(const QList<int>& spans);
    /// Shows just these spans' time, with a margin.
    void zoomToSpans(const QList<int>& spans);
    void resetZoom();

signals:
    void spanClicked(int span);
    /// The visible time window changed (zoom, pan, reset, or setVisibleRangeMs).
    void visibleRangeChanged(double fromMs, double toMs);
    void eventClicked(int event);

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool handleKey(QKeyEvent* event);
    void applyRange(double fromMs, double toMs);
    void zoomAround(double factor, double anchorMs);
    double zoomAnchorMs() const;
    std::pair<double, double> fullRangeMs() const;
    void expandToSensibleDepth();
    void revealRows(const QList<int>& treeRows);
    void onSelectionChanged();
    void selectTreeRow(int treeRow);
    void fitColumns();
    void updateLegend();

    RunPtr m_run;
    WaterfallLayout m_layout;
    QList<int> m_selected;
    SpanTreeModel* m_model;
    TraceOverview* m_overview;
    QSplitter* m_splitter;
    QTreeView* m_tree;
    TraceBars* m_bars;
    QList<QLabel*> m_swatches; // legend icons, repainted when the palette changes
    double m_fromMs = 0;
    double m_toMs = 1;
    double m_minimumExtentMs = NAN;
    bool m_selecting = false; // selection changes made by the view itself, not the user
    bool m_userSized = false; // the user moved the splitter: keep their widths
    bool m_keepCurrentInView = false; // until the user scrolls, the selected row stays in view as the view resizes
};

} // namespace Runlens
