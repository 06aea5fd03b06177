// SPDX-License-Identifier: MIT
#include "stagegridmodel.h"
#include "rootcause.h"
#include "widgetstyle.h"

#include "duration.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>

namespace Runlens {

namespace {

constexpr int kMaxToolTipLines = 15;
constexpr qreal kTintAmount = 0.3;
constexpr int kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;
constexpr CellStatus kAllStatuses[] = { CellStatus::NotReached, CellStatus::Ran, CellStatus::Skipped,
    CellStatus::Failed, CellStatus::Degraded, CellStatus::Running };
// Spec 11.5 / 13 item 1: this dense "failure" is upstream's instrumentation, not FAISS.
const QLatin1String kCheckpointBug("emit_checkpoint() got multiple values for argument 'stage'");

void drawStatus(QPainter& painter, CellStatus status)
{
    const QColor color = StageGridModel::statusColor(status);
    const QPen glyph(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (status) {
    case CellStatus::Ran: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QRectF(1, 1, 14, 14));
        painter.setPen(glyph);
        painter.setBrush(Qt::NoBrush);
        const QPointF check[] = { { 4.5, 8.2 }, { 7.0, 10.7 }, { 11.5, 5.6 } };
        painter.drawPolyline(check, 3);
        break;
    }
    case CellStatus::Skipped: {
        // Hollow "skip forward": an outlined triangle against a bar.
        painter.setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        const QPointF arrow[] = { { 3.0, 3.5 }, { 10.0, 8.0 }, { 3.0, 12.5 } };
        painter.drawPolygon(arrow, 3);
        painter.drawLine(QPointF(12.8, 3.5), QPointF(12.8, 12.5));
        break;
    }
    case CellStatus::Failed: {
        // An octagon, like a stop sign, with a cross.
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const qreal angle = (22.5 + 45.0 * i) * std::numbers::pi / 180.0;
            octagon << QPointF(8 + 7.4 * std::cos(angle), 8 + 7.4 * std::sin(angle));
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPolygon(octagon);
        painter.setPen(glyph);
        painter.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5));
        painter.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5));
        break;
    }
    case CellStatus::Degraded: {
        QPainterPath triangle;
        triangle.moveTo(8, 1.2);
        triangle.lineTo(15.2, 14.6);
        triangle.lineTo(0.8, 14.6);
        triangle.closeSubpath();
        painter.setPen(QPen(color, 1.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(color);
        painter.drawPath(triangle);
        const QColor mark(0x21, 0x21, 0x21); // dark on amber reads better than white
        painter.setPen(QPen(mark, 1.8, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(8, 5.6), QPointF(8, 9.8));
        painter.setPen(Qt::NoPen);
        painter.setBrush(mark);
        painter.drawEllipse(QPointF(8, 12.4), 1.05, 1.05);
        break;
    }
    case CellStatus::NotReached: {
        QPen dotted(color, 1.6, Qt::CustomDashLine, Qt::RoundCap);
        dotted.setDashPattern({ 0.1, 2.2 });
        painter.setPen(dotted);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QRectF(2, 2, 12, 12));
        break;
    }
    case CellStatus::Running: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QRectF(1, 1, 14, 14));
        painter.setBrush(Qt::white);
        const QPointF play[] = { { 6.0, 4.5 }, { 11.5, 8.0 }, { 6.0, 11.5 } };
        painter.drawPolygon(play, 3);
        break;
    }
    }
}

int statusSeverity(CellStatus status)
{
    switch (status) {
    case CellStatus::NotReached:
        return 0;
    case CellStatus::Skipped:
        return 1;
    case CellStatus::Ran:
        return 2;
    case CellStatus::Running:
        return 3;
    case CellStatus::Degraded:
        return 4;
    case CellStatus::Failed:
        return 5;
    }
    return 0;
}

CellStatus statusOfEvidence(Evidence::Kind kind)
{
    switch (kind) {
    case Evidence::Kind::Ran:
        return CellStatus::Ran;
    case Evidence::Kind::Failed:
        return CellStatus::Failed;
    case Evidence::Kind::Skipped:
        return CellStatus::Skipped;
    case Evidence::Kind::Degraded:
        return CellStatus::Degraded;
    case Evidence::Kind::Info:
        break;
    }
    return CellStatus::NotReached;
}

int decidingCount(const StageCell& cell)
{
    return int(std::count_if(cell.evidence.begin(), cell.evidence.end(),
        [](const Evidence& evidence) { return evidence.kind != Evidence::Kind::Info; }));
}

QList<int> evidenceEvents(const StageCell& cell)
{
    QList<int> deciding;
    QList<int> info;
    for (const Evidence& evidence : cell.evidence) {
        if (evidence.event < 0)
            continue;
        QList<int>& list = evidence.kind == Evidence::Kind::Info ? info : deciding;
        if (!deciding.contains(evidence.event) && !info.contains(evidence.event))
            list.append(evidence.event);
    }
    return deciding + info;
}

} // namespace

StageGridModel::StageGridModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_palette(QGuiApplication::palette())
{
    for (CellStatus status : kAllStatuses)
        m_icons[size_t(status)] = statusIcon(status);
}

StageGridModel::~StageGridModel() = default;

void StageGridModel::setRun(RunPtr run)
{
    beginResetModel();
    m_run = std::move(run);
    endResetModel();
}

void StageGridModel::setPalette(const QPalette& palette)
{
    m_palette = palette;
    if (rowCount() > 0)
        emit dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn), { Qt::BackgroundRole });
}

int StageGridModel::rowOf(const QString& stage) const
{
    if (!m_run)
        return -1;
    for (size_t row = 0; row < m_run->stages.size(); ++row) {
        if (m_run->stages[row].stage == stage)
            return int(row);
    }
    return -1;
}

QColor StageGridModel::statusColor(CellStatus status)
{
    // Apart for the common colour-vision deficiencies; the icon's shape tells them apart anyway.
    switch (status) {
    case CellStatus::Ran:
        return QColor(0x2e, 0x7d, 0x32);
    case CellStatus::Skipped:
        return QColor(0x5c, 0x6b, 0xc0);
    case CellStatus::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case CellStatus::Degraded:
        return QColor(0xf0, 0x9a, 0x00);
    case CellStatus::NotReached:
        return QColor(0x8a, 0x8a, 0x8a);
    case CellStatus::Running:
        return QColor(0x15, 0x65, 0xc0);
    }
    return Qt::gray;
}

QIcon StageGridModel::statusIcon(CellStatus status)
{
    return drawnIcon([status](QPainter& painter) { drawStatus(painter, status); });
}

QColor StageGridModel::tint(const QColor& color, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    return QColor::fromRgbF(float(base.redF() + (color.redF() - base.redF()) * kTintAmount),
        float(base.greenF() + (color.greenF() - base.greenF()) * kTintAmount),
        float(base.blueF() + (color.blueF() - base.blueF()) * kTintAmount));
}

int StageGridModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_run ? 0 : int(m_run->stages.size());
}

int StageGridModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StageGridModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StageCell& cell = m_run->stages[size_t(index.row())];
    const bool applies = cell.status != CellStatus::NotReached || stageAppliesTo(m_run->tool, cell.stage);
    switch (role) {
    case Qt::DisplayRole:
        if (!applies && index.column() == StatusColumn)
            return tr("n/a for this tool");
        return displayData(cell, index.column());
    case Qt::DecorationRole:
        return index.column() == StatusColumn && applies ? QVariant(m_icons[size_t(cell.status)]) : QVariant();
    case Qt::BackgroundRole:
        return index.column() == StatusColumn && applies ? QVariant(tint(statusColor(cell.status), m_palette))
                                                         : QVariant();
    case Qt::ForegroundRole:
        return applies ? QVariant() : QVariant(m_palette.color(QPalette::PlaceholderText));
    case Qt::ToolTipRole:
        if (!applies)
            return tr("%1 never runs %2").arg(m_run->tool, cell.stage.toString());
        return toolTip(cell);
    case Qt::TextAlignmentRole:
        return index.column() == DurationColumn || index.column() == EvidenceColumn ? QVariant(kNumberAlignment)
                                                                                    : QVariant();
    case SortRole:
        return sortData(cell, index.row(), index.column());
    case StageRole:
        return cell.stage.toString();
    case StatusRole:
        return int(cell.status);
    case SpansRole:
        return QVariant::fromValue(QList<int>(cell.spans.begin(), cell.spans.end()));
    case EventsRole:
        return QVariant::fromValue(evidenceEvents(cell));
    default:
        return {};
    }
}

QVariant StageGridModel::displayData(const StageCell& cell, int column) const
{
    switch (column) {
    case StageColumn:
        return cell.stage.toString();
    case StatusColumn:
        return cellStatusLabel(cell.status);
    case DurationColumn:
        return formatDuration(cell.durationMs);
    case ReasonColumn: {
        QString reason = cell.reason;
        if (reason.contains(kCheckpointBug))
            reason = tr("%1 (known upstream instrumentation bug: FAISS itself did not fail)").arg(reason);
        if (cell.secondaryReason.isEmpty())
            return reason;
        return reason.isEmpty() ? tr("(also: %1)").arg(cell.secondaryReason)
                                : tr("%1 (also: %2)").arg(reason, cell.secondaryReason);
    }
    case EvidenceColumn:
        return decidingCount(cell);
    }
    return {};
}

QVariant StageGridModel::sortData(const StageCell& cell, int row, int column) const
{
    switch (column) {
    case StageColumn:
        return row; // the display order of spec 11.1, not the alphabet
    case StatusColumn:
        return statusSeverity(cell.status);
    case DurationColumn:
        return std::isnan(cell.durationMs) ? -1.0 : cell.durationMs;
    case ReasonColumn:
        return displayData(cell, column);
    case EvidenceColumn:
        return decidingCount(cell);
    }
    return {};
}

QString StageGridModel::toolTip(const StageCell& cell) const
{
    QStringList lines;
    int shown = 0;
    for (const Evidence& evidence : cell.evidence) {
        if (evidence.kind == Evidence::Kind::Info)
            continue;
        if (shown++ < kMaxToolTipLines)
            lines.append(evidenceLine(evidence));
    }
    if (shown > kMaxToolTipLines)
        lines.append(tr("… and %n more", nullptr, shown - kMaxToolTipLines));
    if (lines.isEmpty())
        return tr("%1: %2, no deciding evidence in this run").arg(cell.stage, cellStatusLabel(cell.status));
    return lines.join(QLatin1Char('\n'));
}

QString StageGridModel::evidenceLine(const Evidence& evidence) const
{
    QString what = evidence.text;
    if (!evidence.reason.isEmpty())
        what = tr("%1: %2").arg(what, evidence.reason);
    const QString status = cellStatusLabel(statusOfEvidence(evidence.kind));
    if (evidence.event >= 0)
        return tr("%1, %2: %3 at %4").arg(status, evidence.source, what, m_run->location(evidence.event));
    if (evidence.position >= 0)
        return tr("%1, %2 #%3: %4").arg(status, evidence.source, QString::number(evidence.position + 1), what);
    return tr("%1, %2: %3").arg(status, evidence.source, what);
}

QVariant StageGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case StageColumn:
            return tr("Stage");
        case StatusColumn:
            return tr("Status");
        case DurationColumn:
            return tr("Duration");
        case ReasonColumn:
            return tr("Reason");
        case EvidenceColumn:
            return tr("Evidence");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case StatusColumn:
            return tr("Derived by Runlens from the run's own evidence, not from upstream's ops_coverage");
        case DurationColumn:
            return tr("duration_ms of the row's main scope, or latency_s of its seed stage");
        case ReasonColumn:
            return tr("Skip reason, error message or degradation cause");
        case EvidenceColumn:
            return tr("How many facts decided the status; hover a row to read them");
        default:
            return {};
        }
    } else if (role == Qt::TextAlignmentRole && (section == DurationColumn || section == EvidenceColumn)) {
        return kNumberAlignment;
    }
    return {};
}

Qt::ItemFlags StageGridModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Runlens
