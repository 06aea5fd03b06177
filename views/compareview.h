// SPDX-License-Identifier: MIT
#pragma once

#include "rundiff.h"

#include <QWidget>

class QLabel;
class QTableWidget;
class QTreeWidget;

namespace Runlens {

class TraceView;

/// Two runs side by side (issue 9): stage grids with changed rows marked and per-stage duration
/// deltas, both waterfalls on one time axis, the hints only one run has, and the budgets.json and
/// context.json settings that differ.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    explicit CompareView(RunDiff diff, QWidget* parent = nullptr);
    ~CompareView() override;

    const RunDiff& diff() const { return m_diff; }
    TraceView* waterfallA() const { return m_waterfallA; }
    TraceView* waterfallB() const { return m_waterfallB; }
    /// A one-line verdict: the same, or how many stages, hints and settings differ.
    QString verdict() const;

private:
    void fillStages();
    void fillHints();
    void fillSettings();
    void syncRange(TraceView* from, TraceView* to, double fromMs, double toMs);

    RunDiff m_diff;
    QLabel* m_header;
    QTableWidget* m_stages;
    QTreeWidget* m_hints;
    TraceView* m_waterfallA;
    TraceView* m_waterfallB;
    QTableWidget* m_settings;
    bool m_syncing = false;
};

} // namespace Runlens
