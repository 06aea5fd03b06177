// SPDX-License-Identifier: MIT
#include "compareview.h"

#include "jsonline.h"
#include "report.h"
#include "runstatus.h"
#include "severitybadge.h"
#include "traceview.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace Runlens {

namespace {

QString cellLabel(CellStatus status)
{
    switch (status) {
    case CellStatus::Ran:
        return CompareView::tr("Ran");
    case CellStatus::Skipped:
        return CompareView::tr("Skipped");
    case CellStatus::Failed:
        return CompareView::tr("Failed");
    case CellStatus::Degraded:
        return CompareView::tr("Degraded");
    case CellStatus::Running:
        return CompareView::tr("Running");
    case CellStatus::NotReached:
        break;
    }
    return CompareView::tr("Not reached");
}

QString jsonText(const QJsonValue& value)
{
    if (value.isUndefined())
        return CompareView::tr("(absent)");
    if (value.isString())
        return value.toString();
    // Numbers, booleans and null as JSON spells them; NaN and infinities as Python does.
    return QString::fromUtf8(compactJson(value));
}

QTableWidgetItem* item(const QString& text, bool changed = false)
{
    auto* cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (changed) {
        QFont font = cell->font();
        font.setBold(true);
        cell->setFont(font);
    }
    return cell;
}

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

CompareView::CompareView(RunDiff diff, QWidget* parent)
    : QWidget(parent)
    , m_diff(std::move(diff))
    , m_header(new QLabel(this))
    , m_stages(makeTable({ tr("Stage"), tr("A"), tr("A duration"), tr("B"), tr("B duration"), tr("Δ duration") }, this))
    , m_hints(new QTreeWidget(this))
    , m_waterfallA(new TraceView(this))
    , m_waterfallB(new TraceView(this))
    , m_settings(makeTable({ tr("File"), tr("Setting"), tr("A"), tr("B") }, this))
{
    m_header->setObjectName(QStringLiteral("compareHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stages->setObjectName(QStringLiteral("compareStages"));
    m_hints->setObjectName(QStringLiteral("compareHints"));
    m_settings->setObjectName(QStringLiteral("compareSettings"));
    m_waterfallA->setObjectName(QStringLiteral("waterfallA"));
    m_waterfallB->setObjectName(QStringLiteral("waterfallB"));

    fillStages();
    fillHints();
    fillSettings();

    // One time axis: both views reach the longer run, and zoom and pan together.
    m_waterfallA->setRun(m_diff.a);
    m_waterfallB->setRun(m_diff.b);
    const double longest = std::max(m_diff.a && !std::isnan(m_diff.a->durationMs) ? m_diff.a->durationMs : 0.0,
        m_diff.b && !std::isnan(m_diff.b->durationMs) ? m_diff.b->durationMs : 0.0);
    m_waterfallA->setMinimumExtentMs(longest);
    m_waterfallB->setMinimumExtentMs(longest);
    connect(m_waterfallA, &TraceView::visibleRangeChanged, this,
        [this](double from, double to) { syncRange(m_waterfallA, m_waterfallB, from, to); });
    connect(m_waterfallB, &TraceView::visibleRangeChanged, this,
        [this](double from, double to) { syncRange(m_waterfallB, m_waterfallA, from, to); });

    const QString status = tr("%1: %2 (%3)");
    m_header->setText(
        tr("A  %1\nB  %2\n%3")
            .arg(status.arg(m_diff.labelA, runStatusLabel(m_diff.a->status), formatDuration(m_diff.a->durationMs)),
                status.arg(m_diff.labelB, runStatusLabel(m_diff.b->status), formatDuration(m_diff.b->durationMs)),
                verdict()));

    auto* labelA = new QLabel(tr("Waterfall A"), this);
    auto* labelB = new QLabel(tr("Waterfall B"), this);
    auto* waterfalls = new QWidget(this);
    auto* waterfallLayout = new QVBoxLayout(waterfalls);
    waterfallLayout->setContentsMargins(0, 0, 0, 0);
    waterfallLayout->addWidget(labelA);
    waterfallLayout->addWidget(m_waterfallA, 1);
    waterfallLayout->addWidget(labelB);
    waterfallLayout->addWidget(m_waterfallB, 1);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_stages);
    top->addWidget(m_hints);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(waterfalls);
    splitter->addWidget(m_settings);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
}

CompareView::~CompareView() = default;

QString CompareView::verdict() const
{
    int changedStages = 0;
    for (const StageDiff& stage : m_diff.stages)
        changedStages += stage.statusChanged() ? 1 : 0;
    const int hints = int(m_diff.onlyA.size() + m_diff.onlyB.size());
    const int settings = int(m_diff.budgets.size() + m_diff.context.size());
    if (m_diff.sameStagesAndHints() && settings == 0)
        return tr("Same stages, hints and settings.");
    return tr("Differs: stages changed %1 of %2 · hints in only one run %3 · settings changed %4")
        .arg(changedStages)
        .arg(m_diff.stages.size())
        .arg(hints)
        .arg(settings);
}

void CompareView::fillStages()
{
    m_stages->setRowCount(int(m_diff.stages.size()));
    for (int row = 0; row < int(m_diff.stages.size()); ++row) {
        const StageDiff& stage = m_diff.stages[size_t(row)];
        const bool changed = stage.statusChanged();
        // The marker is text, so that a changed row reads without its colour.
        auto* name = item(changed ? QStringLiteral("≠ ") + stage.stage : stage.stage, changed);
        name->setToolTip(changed ? tr("Status differs") : QString());
        m_stages->setItem(row, 0, name);
        auto* a = item(cellLabel(stage.a), changed);
        a->setToolTip(stage.reasonA);
        m_stages->setItem(row, 1, a);
        m_stages->setItem(row, 2, item(formatDuration(stage.msA)));
        auto* b = item(cellLabel(stage.b), changed);
        b->setToolTip(stage.reasonB);
        m_stages->setItem(row, 3, b);
        m_stages->setItem(row, 4, item(formatDuration(stage.msB)));
        const double delta = stage.deltaMs();
        m_stages->setItem(row, 5,
            item(std::isnan(delta) ? QString()
                                   : (delta >= 0 ? QStringLiteral("+") : QString()) + formatDuration(delta)));
        if (changed) {
            for (int column = 0; column < m_stages->columnCount(); ++column)
                m_stages->item(row, column)->setBackground(palette().color(QPalette::AlternateBase));
        }
    }
    m_stages->resizeColumnsToContents();
}

void CompareView::fillHints()
{
    m_hints->setHeaderLabels({ tr("Hint"), tr("Message") });
    m_hints->setRootIsDecorated(true);
    const auto addGroup = [this](const QString& title, const Hints& hints) {
        auto* group = new QTreeWidgetItem(m_hints, { title.arg(hints.size()) });
        for (const Hint& hint : hints) {
            auto* row = new QTreeWidgetItem(group, { hint.kind, hint.msg });
            row->setIcon(0, SeverityBadge::icon(hint.severity));
            row->setToolTip(1, hint.msg);
        }
        group->setExpanded(true);
    };
    addGroup(tr("Only in A (%1)"), m_diff.onlyA);
    addGroup(tr("Only in B (%1)"), m_diff.onlyB);
    m_hints->resizeColumnToContents(0);
}

void CompareView::fillSettings()
{
    const auto add = [this](const QString& file, const std::vector<SettingDiff>& settings) {
        for (const SettingDiff& setting : settings) {
            const int row = m_settings->rowCount();
            m_settings->insertRow(row);
            m_settings->setItem(row, 0, item(file));
            m_settings->setItem(row, 1, item(setting.path, true));
            m_settings->setItem(row, 2, item(jsonText(setting.a)));
            m_settings->setItem(row, 3, item(jsonText(setting.b)));
        }
    };
    add(QStringLiteral("budgets.json"), m_diff.budgets);
    add(QStringLiteral("context.json"), m_diff.context);
    m_settings->resizeColumnsToContents();
}

void CompareView::syncRange(TraceView* from, TraceView* to, double fromMs, double toMs)
{
    Q_UNUSED(from);
    if (m_syncing)
        return;
    m_syncing = true;
    to->setVisibleRangeMs(fromMs, toMs);
    m_syncing = false;
}

} // namespace Runlens
