// SPDX-License-Identifier: MIT
#include "stagegridview.h"
#include "widgetstyle.h"

#include "rootcause.h"
#include "rootcausebanner.h"
#include "runbuilder.h"
#include "runstatus.h"
#include "stagegridmodel.h"
#include "traceexport.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Runlens {

/// A table that draws an explanation in its empty viewport.
class StageGridTable : public QTableView
{
public:
    explicit StageGridTable(QWidget* parent)
        : QTableView(parent)
    { }

    QString emptyText() const { return model() && model()->rowCount() == 0 ? m_placeholder : QString(); }
    void setPlaceholder(const QString& text)
    {
        m_placeholder = text;
        viewport()->update();
    }

protected:
    void paintEvent(QPaintEvent* event) override
    {
        QTableView::paintEvent(event);
        const QString text = emptyText();
        if (text.isEmpty())
            return;
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        const int margin = fontMetrics().height();
        painter.drawText(
            viewport()->rect().adjusted(margin, margin, -margin, -margin), Qt::AlignCenter | Qt::TextWordWrap, text);
    }

private:
    QString m_placeholder;
};

namespace {

/// Drops the status tint on selected cells, so that the selection highlight shows across the whole row.
class StatusTintDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (option->state & QStyle::State_Selected)
            option->backgroundBrush = Qt::NoBrush;
    }
};

} // namespace

/// One ops_coverage flag: "✓ embed" on a green tint or "✗ sparse" on an amber one.
class OpsCoverageChip : public QLabel
{
public:
    OpsCoverageChip(const QString& key, QWidget* parent)
        : QLabel(parent)
        , m_key(key)
    {
        setObjectName(QLatin1String("opsChip_") + key);
        setAlignment(Qt::AlignCenter);
        const int padding = fontMetrics().averageCharWidth() / 2;
        setContentsMargins(padding, 1, padding, 1);
    }

    QString key() const { return m_key; }
    /// `contradiction`: what the grid says instead ("gather ran"), when it disagrees with the flag.
    void setCovered(bool covered, const QString& contradiction)
    {
        m_covered = covered;
        m_contradicted = !contradiction.isEmpty();
        const QString flag = QString(covered ? QChar(0x2713) : QChar(0x2717)) + QLatin1Char(' ') + m_key;
        setText(m_contradicted ? StageGridView::tr("%1 (upstream; %2)").arg(flag, contradiction) : flag);
        update();
    }
    bool isContradicted() const { return m_contradicted; }

protected:
    void paintEvent(QPaintEvent* event) override
    {
        // Amber rather than red: a false flag is upstream's opinion, often a deliberate configuration. A flag
        // the grid contradicts is only a claim: no tint, a dashed outline.
        const QColor color = m_contradicted
            ? palette().color(QPalette::PlaceholderText)
            : StageGridModel::statusColor(m_covered ? CellStatus::Ran : CellStatus::Degraded);
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(color, 1.0, m_contradicted ? Qt::DashLine : Qt::SolidLine));
        painter.setBrush(m_contradicted ? QBrush(Qt::NoBrush) : QBrush(StageGridModel::tint(color, palette())));
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter.end();
        QLabel::paintEvent(event);
    }

private:
    QString m_key;
    bool m_covered = false;
    bool m_contradicted = false;
};

StageGridView::StageGridView(QWidget* parent)
    : QWidget(parent)
    , m_model(new StageGridModel(this))
    , m_banner(new RootCauseBanner(this))
    , m_opsStrip(new QWidget(this))
    , m_opsOrigin(new QLabel(m_opsStrip))
    , m_trace(new QLabel(m_opsStrip))
    , m_table(new StageGridTable(this))
{
    m_banner->setObjectName(QStringLiteral("rootCause"));
    connect(m_banner, &RootCauseBanner::lineActivated, this, &StageGridView::lineActivated);
    const int margin = fontMetrics().averageCharWidth() / 2;

    // Caption and origin above the six flags: on one line they need more width than the grid has.
    m_opsOrigin->setObjectName(QStringLiteral("opsOrigin"));
    auto* opsLayout = new QGridLayout(m_opsStrip);
    opsLayout->setContentsMargins(margin, 0, margin, 0);
    opsLayout->setHorizontalSpacing(4);
    opsLayout->setVerticalSpacing(2);
    auto* opsCaption = new QLabel(QStringLiteral("ops_coverage"), m_opsStrip); // upstream's key, not translated
    auto* captionRow = new QHBoxLayout;
    captionRow->setSpacing(fontMetrics().averageCharWidth());
    captionRow->addWidget(opsCaption);
    captionRow->addWidget(m_opsOrigin);
    captionRow->addStretch(1);
    m_trace->setObjectName(QStringLiteral("traceId"));
    m_trace->setTextInteractionFlags(Qt::TextSelectableByMouse);
    captionRow->addWidget(m_trace);
    opsLayout->addLayout(captionRow, 0, 0, 1, int(OpsCoverage::keys.size()) + 1);
    for (size_t i = 0; i < OpsCoverage::keys.size(); ++i) {
        m_opsChips[i] = new OpsCoverageChip(QLatin1String(OpsCoverage::keys[i]), m_opsStrip);
        opsLayout->addWidget(m_opsChips[i], 1, int(i));
    }
    opsLayout->setColumnStretch(int(OpsCoverage::keys.size()), 1);

    m_table->setObjectName(QStringLiteral("stageGridTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new StatusTintDelegate(m_table));
    setUpCompactTable(m_table, StageGridModel::ReasonColumn);
    // Every row whole: a reason wraps rather than being cut to a few letters, and rows grow to hold it.
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->installEventFilter(this);
    connect(m_table, &QAbstractItemView::clicked, this, &StageGridView::activate);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_banner);
    layout->addWidget(m_opsStrip);
    layout->addWidget(m_table, 1);

    setRun(nullptr);
}

StageGridView::~StageGridView() = default;

void StageGridView::setRun(RunPtr run)
{
    m_model->setPalette(palette());
    m_model->setRun(std::move(run));
    const RunPtr& current = m_model->run();
    if (!current)
        m_table->setPlaceholder(tr("No run selected."));
    else if (!current->hasGrid())
        m_table->setPlaceholder(tr("No stage grid: this run has no tool scope (startup, cli or warm-up)."));
    else
        m_table->setPlaceholder(tr("No stage evidence in this run."));
    m_banner->setRun(current);
    updateOpsCoverage();
    fitRows();
}

QSize StageGridView::sizeHint() const
{
    // As tall as every row needs: the failed row at the bottom of the grid must never hide behind a scroll bar.
    QSize hint = QWidget::sizeHint();
    const int rows =
        m_table->verticalHeader()->length() + m_table->horizontalHeader()->height() + 2 * m_table->frameWidth() + 2;
    hint.setHeight(hint.height() - m_table->sizeHint().height() + std::max(rows, fontMetrics().height() * 3));
    return hint;
}

int StageGridView::hiddenRowsHeight() const
{
    return std::max(0, m_table->verticalHeader()->length() - m_table->viewport()->height());
}

void StageGridView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitRows(); // wrapped reasons take more or fewer lines at another width
}

void StageGridView::fitRows()
{
    m_table->resizeRowsToContents();
    updateGeometry();
}

RunPtr StageGridView::run() const
{
    return m_model->run();
}

bool StageGridView::selectStage(const QString& stage)
{
    const int row = m_model->rowOf(stage);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, StageGridModel::StageColumn);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

QString StageGridView::currentStage() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), {}))
        return {};
    return current.data(StageGridModel::StageRole).toString();
}

bool StageGridView::selectNextFailed()
{
    return selectFailed(+1);
}

bool StageGridView::selectPreviousFailed()
{
    return selectFailed(-1);
}

QString StageGridView::emptyText() const
{
    return m_table->emptyText();
}

bool StageGridView::selectFailed(int step)
{
    const int rows = m_model->rowCount();
    const QModelIndex current = m_table->currentIndex();
    // Without a current row, "next" starts at the top and "previous" at the bottom.
    const int start = current.isValid() ? current.row() : (step > 0 ? -1 : 0);
    for (int i = 1; i <= rows; ++i) {
        const int row = ((start + step * i) % rows + rows) % rows;
        const auto status = CellStatus(m_model->index(row, 0).data(StageGridModel::StatusRole).toInt());
        if (status == CellStatus::Failed || status == CellStatus::Degraded) {
            const QModelIndex index = m_model->index(row, StageGridModel::StageColumn);
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
            return true;
        }
    }
    return false;
}

bool StageGridView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter)
            activate(m_table->currentIndex());
    }
    return QWidget::eventFilter(watched, event);
}

void StageGridView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        m_model->setPalette(palette()); // the table inherits it only after this event
    QWidget::changeEvent(event);
}

void StageGridView::activateCurrent()
{
    activate(m_table->currentIndex());
}

void StageGridView::activate(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    emit cellActivated(index.data(StageGridModel::StageRole).toString(),
        index.data(StageGridModel::SpansRole).value<QList<int>>(),
        index.data(StageGridModel::EventsRole).value<QList<int>>());
}

void StageGridView::updateOpsCoverage()
{
    const RunPtr& run = m_model->run();
    m_opsStrip->setVisible(run && run->hasGrid());
    if (!run)
        return;
    updateTrace();
    const OpsCoverage& coverage = run->opsCoverage;
    m_opsOrigin->setText(coverage.stored ? tr("stored") : tr("computed"));
    const QString origin = coverage.stored
        ? tr("Upstream's ops_coverage as stored in the run report.")
        : tr("The source stored no ops_coverage; Runlens computed it from the checkpoints with upstream's rule.");
    const QString caveat = tr("It is upstream's own flag, not evidence, and the grid below ignores it: a failed "
                              "checkpoint counts as covered, and gather ignores retrieval.gather, so it is false "
                              "whenever both sparse channels are off.");
    const QString toolTip = origin + QLatin1Char('\n') + caveat;
    m_opsStrip->setToolTip(toolTip);
    // The grid's rows behind each flag: where they say otherwise, the flag is upstream's claim only.
    static const std::array<QStringList, 6> rowsOf = { QStringList { QStringLiteral("embed") },
        QStringList { QStringLiteral("dense") },
        QStringList { QStringLiteral("sparse:bm25"), QStringLiteral("sparse:splade") },
        QStringList { QStringLiteral("gather") }, QStringList { QStringLiteral("fuse") },
        QStringList { QStringLiteral("hydrate") } };
    for (size_t i = 0; i < m_opsChips.size(); ++i) {
        OpsCoverageChip* chip = m_opsChips[i];
        const bool covered = coverage.values[i];
        QString contradiction;
        const StageCell* ran = nullptr;
        const StageCell* failed = nullptr;
        for (const QString& row : rowsOf[i]) {
            if (const StageCell* cell = run->stage(row)) {
                if (cell->status == CellStatus::Ran || cell->status == CellStatus::Degraded)
                    ran = ran ? ran : cell;
                else if (cell->status == CellStatus::Failed)
                    failed = failed ? failed : cell;
            }
        }
        if (!covered && ran)
            contradiction = tr("%1 ran").arg(ran->stage.toString());
        else if (covered && !ran && failed)
            contradiction = tr("%1 failed").arg(failed->stage.toString());
        chip->setCovered(covered, contradiction);
        chip->setAccessibleName(chip->isContradicted() ? chip->text()
                : covered                              ? tr("%1: covered").arg(chip->key())
                                                       : tr("%1: not covered").arg(chip->key()));
        chip->setToolTip(chip->accessibleName() + QLatin1String("\n\n") + toolTip);
    }
}

void StageGridView::updateTrace()
{
    // Upstream fills trace_id with the run id when no tracer ran: that is no trace, whatever the key says.
    const RunTraceId trace = runTraceId(*m_model->run());
    if (trace.fromUpstream) {
        m_trace->setText(tr("Trace: %1").arg(trace.hex));
        m_trace->setToolTip(tr("The OpenTelemetry trace id upstream recorded for this run; the Chrome trace and "
                               "OTLP exports use it."));
    } else {
        m_trace->setText(tr("Trace: none"));
        m_trace->setToolTip(tr("Upstream recorded no trace for this run (its trace_id is empty or the run id). "
                               "The OTLP export uses the id %1, derived from the session and run ids, the same on "
                               "every export.")
                                .arg(trace.hex));
    }
}

} // namespace Runlens
