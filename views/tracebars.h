// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <functional>

class QModelIndex;
class QTreeView;

namespace Runlens {

class SpanTreeModel;

/// The right half of the trace view: one bar per row the span tree shows, level with that row, on
/// a time axis with ms ticks at the top. Only the rows in view are drawn, so its cost follows the
/// height, not the run. A bar's name goes inside it when it fits, else beside it, else elided (the
/// tooltip has it whole); point events are marks on their row. Wheel zooms around the cursor,
/// Shift+wheel and drag pan, right-drag or Ctrl+drag zooms to a range.
class TraceBars : public QWidget
{
    Q_OBJECT
public:
    /// The tree shows `model`; both must outlive the bars.
    TraceBars(QTreeView* tree, const SpanTreeModel* model, QWidget* parent = nullptr);

    void setRange(double fromMs, double toMs);
    double xOf(double ms) const;
    double msAt(double x) const;
    /// Where a tree row's bar is drawn, in this widget's coordinates; empty when the row is not in view.
    QRectF barRect(int treeRow) const;
    /// The height of the time axis above the rows, the same as the tree's header.
    int axisHeight() const;

signals:
    void rangeRequested(double fromMs, double toMs);
    void rowClicked(int treeRow);
    void rowDoubleClicked(int treeRow);
    void eventClicked(int event);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    struct VisibleRow
    {
        int treeRow;
        double top;
        double height;
        int line; // the row's line in the whole tree, for alternating backgrounds
        bool selected;
    };

    enum class Drag
    {
        None,
        Pan,
        Zoom
    };

    // Calls `visit` for each row the tree shows, top to bottom, in this widget's coordinates.
    void forEachVisibleRow(const std::function<void(const VisibleRow&)>& visit) const;
    int rowAt(double y) const;
    int eventAt(int treeRow, double x) const;
    QRectF barRectOf(int treeRow, double top, double height) const;
    void paintAxis(QPainter* painter);
    void paintRow(QPainter* painter, const VisibleRow& row);

    QTreeView* m_tree;
    const SpanTreeModel* m_model;
    double m_fromMs = 0;
    double m_toMs = 1;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    double m_pressFromMs = 0;
    double m_pressToMs = 1;
    int m_dragX = 0;
    bool m_moved = false;
};

} // namespace Runlens
