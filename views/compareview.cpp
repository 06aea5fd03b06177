// SPDX-License-Identifier: MIT
#include "compareview.h"

#include "duration.h"
#include "jsonline.h"
#include "pictureactions.h"
#include "runstatus.h"
#include "severitybadge.h"
#include "stagegridmodel.h"
#include "traceview.h"
#include "workerpool.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Runlens {

namespace {

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

// "+18 ms", "-1.25 s": formatDuration's words with a sign; empty unless both runs have a duration.
QString deltaText(double deltaMs)
{
    if (std::isnan(deltaMs))
        return {};
    return (deltaMs < 0 ? QStringLiteral("-") : QStringLiteral("+")) + formatDuration(std::abs(deltaMs));
}

// A status cell as the stage grid draws it: its icon and word on its colour's tint.
QTableWidgetItem* statusItem(CellStatus status, const QString& reason, bool changed, const QPalette& palette)
{
    QTableWidgetItem* cell = item(cellStatusLabel(status), changed);
    cell->setIcon(StageGridModel::statusIcon(status));
    cell->setBackground(StageGridModel::tint(StageGridModel::statusColor(status), palette));
    cell->setData(Qt::UserRole, int(status));
    cell->setToolTip(reason);
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
    // Rows a line high, as in the stage grid: the room goes to the waterfalls.
    table->verticalHeader()->setMinimumSectionSize(1);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    return table;
}

} // namespace

CompareView::CompareView(RunDiff diff, QWidget* parent)
    : QWidget(parent)
    , m_diff(std::move(diff))
    , m_header(new QLabel(this))
    , m_stages(makeTable({ tr("Stage"), tr("A"), tr("A duration"), tr("B"), tr("B duration"), tr("Δ (B−A)") }, this))
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

    new PictureActions(m_waterfallA, QStringLiteral("waterfall-a"));
    new PictureActions(m_waterfallB, QStringLiteral("waterfall-b"));

    // Grid beside the hints and settings above; the waterfalls below get most of the height, since
    // a waterfall shorter than its rows shows nothing.
    auto* lists = new QSplitter(Qt::Vertical, this);
    lists->setChildrenCollapsible(false);
    lists->addWidget(m_hints);
    lists->addWidget(m_settings);
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->setChildrenCollapsible(false);
    top->addWidget(m_stages);
    top->addWidget(lists);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("compareSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(waterfalls);
    splitter->setSizes({ 4000, 6000 }); // proportions: the sizes scale to the splitter's first height
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
}

CompareView::~CompareView()
{
    // The two runs may be the last of their sources: the views let go of them before a worker frees them.
    m_waterfallA->setRun(nullptr);
    m_waterfallB->setRun(nullptr);
    releaseOnWorker(std::move(m_diff.a));
    releaseOnWorker(std::move(m_diff.b));
}

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
    // The stages that changed first, then the rest, each in grid order.
    std::vector<const StageDiff*> order;
    for (const StageDiff& stage : m_diff.stages)
        order.push_back(&stage);
    std::stable_partition(order.begin(), order.end(), [](const StageDiff* stage) { return stage->statusChanged(); });
    m_stages->setRowCount(int(order.size()));
    for (int row = 0; row < int(order.size()); ++row) {
        const StageDiff& stage = *order[size_t(row)];
        const bool changed = stage.statusChanged();
        // The marker is text, so that a changed row reads without its colour.
        auto* name = item(changed ? QStringLiteral("≠ ") + stage.stage : stage.stage, changed);
        name->setToolTip(changed ? tr("Status differs") : QString());
        m_stages->setItem(row, 0, name);
        m_stages->setItem(row, 1, statusItem(stage.a, stage.reasonA, changed, palette()));
        m_stages->setItem(row, 2, item(formatDuration(stage.msA)));
        m_stages->setItem(row, 3, statusItem(stage.b, stage.reasonB, changed, palette()));
        m_stages->setItem(row, 4, item(formatDuration(stage.msB)));
        m_stages->setItem(row, 5, item(deltaText(stage.deltaMs())));
        m_stages->item(row, 5)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (changed) {
            for (const int column : { 0, 2, 4, 5 })
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
    const auto addRow = [this](const QString& file, const QString& setting, const QString& a, const QString& b) {
        const int row = m_settings->rowCount();
        m_settings->insertRow(row);
        m_settings->setItem(row, 0, item(file));
        m_settings->setItem(row, 1, item(setting, true));
        m_settings->setItem(row, 2, item(a));
        m_settings->setItem(row, 3, item(b));
        for (int column = 0; column < 4; ++column)
            m_settings->item(row, column)->setToolTip(m_settings->item(row, column)->text());
        return row;
    };
    // Paths that differ only before a shared tail (the same files in another checkout) fold into one row
    // below the others, which opens on a click; it names the prefixes, and its tooltip lists them all.
    struct Folded
    {
        QString file;
        const SettingDiff* setting;
        QString tail;
    };
    std::vector<Folded> folded;
    for (const auto& [file, settings] : { std::pair { QStringLiteral("budgets.json"), &m_diff.budgets },
             std::pair { QStringLiteral("context.json"), &m_diff.context } }) {
        for (const SettingDiff& setting : *settings) {
            if (const QString tail = sharedPathTail(setting); !tail.isEmpty())
                folded.push_back({ file, &setting, tail });
            else
                addRow(file, setting.path, jsonText(setting.a), jsonText(setting.b));
        }
    }
    if (!folded.empty()) {
        QStringList prefixesA, prefixesB, lines;
        for (const Folded& f : folded) {
            const QString a = f.setting->a.toString();
            const QString b = f.setting->b.toString();
            const QString prefixA = a.left(a.size() - f.tail.size());
            const QString prefixB = b.left(b.size() - f.tail.size());
            if (!prefixesA.contains(prefixA))
                prefixesA.append(prefixA);
            if (!prefixesB.contains(prefixB))
                prefixesB.append(prefixB);
            lines.append(tr("%1 %2: %3 → %4").arg(f.file, f.setting->path, a, b));
        }
        const int summary = addRow(QString(), tr("%n paths differ only in their prefix", nullptr, int(folded.size())),
            prefixesA.join(QLatin1String(", ")), prefixesB.join(QLatin1String(", ")));
        m_settings->item(summary, 0)->setText(QStringLiteral("▸"));
        for (int column = 0; column < 4; ++column) {
            m_settings->item(summary, column)->setData(Qt::UserRole, true);
            m_settings->item(summary, column)->setToolTip(lines.join(QLatin1Char('\n')));
        }
        for (const Folded& f : folded) {
            const int row =
                addRow(f.file, QStringLiteral("  ") + f.setting->path, jsonText(f.setting->a), jsonText(f.setting->b));
            m_settings->setRowHidden(row, true);
        }
        connect(m_settings, &QTableWidget::cellClicked, this, [this, summary](int row) {
            if (row != summary)
                return;
            const bool open = m_settings->isRowHidden(summary + 1);
            m_settings->item(summary, 0)->setText(open ? QStringLiteral("▾") : QStringLiteral("▸"));
            for (int child = summary + 1; child < m_settings->rowCount(); ++child)
                m_settings->setRowHidden(child, !open);
        });
    }
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
