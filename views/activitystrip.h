// SPDX-License-Identifier: MIT
#pragma once

#include "activity.h"
#include "timewindow.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;

namespace Runlens {

class ActivityGraph;

/// The whole of a timeline directory over time above the span of it that is loaded (issue 17), as Wireshark's
/// I/O graph or Perfetto's overview: runs per minute as bars, failed and cut-off runs marked with their status
/// icons, the loaded span highlighted. Dragging across the graph chooses another span to load.
class ActivityStrip : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityStrip(QWidget* parent = nullptr);
    ~ActivityStrip() override;

    void setActivity(std::shared_ptr<const Activity> activity);
    std::shared_ptr<const Activity> activity() const;
    /// The span that is loaded; unknown (not highlighted) until the first read says.
    void setLoaded(const std::optional<TimeWindow>& window);
    std::optional<TimeWindow> loaded() const;
    /// The summary line, for tests.
    QString summaryText() const;
    /// Local time to the minute, as the events view shows times, with the day (not the year: the tab's tool tip
    /// has it) when `withDate`: how spans of a directory are named, here and in the tab.
    static QString formatMinute(double ts, bool withDate = true);

signals:
    /// The user dragged across the graph: load the runs that start in `window`.
    void spanChosen(const Runlens::TimeWindow& window);

private:
    void updateSummary();

    ActivityGraph* m_graph;
    QLabel* m_summary;
};

} // namespace Runlens
