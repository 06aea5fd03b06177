// SPDX-License-Identifier: MIT
#include "eventsmodel.h"

#include "duration.h"
#include "runstatus.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <cmath>

namespace Runlens {

namespace {

constexpr int kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;
constexpr qint64 kMicrosPerSecond = 1000000;

// A grey disc with a white bar: the writer said it did nothing.
class NoopIconEngine : public QIconEngine
{
public:
    void paint(QPainter* painter, const QRect& rect, QIcon::Mode, QIcon::State) override
    {
        const qreal side = qMin(rect.width(), rect.height());
        // Drawn on a 16x16 grid centred in the rectangle, like the run status icons.
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 16.0, side / 16.0);
        painter->setPen(Qt::NoPen);
        painter->setBrush(runStatusColor(RunStatus::Background));
        painter->drawEllipse(QRectF(1, 1, 14, 14));
        painter->setPen(QPen(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(QPointF(4.8, 8), QPointF(11.2, 8));
        painter->restore();
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent); // the base class leaves the pixels undefined
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine* clone() const override { return new NoopIconEngine; }
};

QString firstLine(const QString& text)
{
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    QString line = end < 0 ? text : text.left(end);
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

} // namespace

EventsModel::EventsModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_errorIcon(runStatusIcon(RunStatus::Error))
    , m_noopIcon(new NoopIconEngine)
{ }

EventsModel::~EventsModel() = default;

void EventsModel::setRun(RunPtr run)
{
    beginResetModel();
    m_run = std::move(run);
    endResetModel();
}

QString EventsModel::formatTimestamp(double ts)
{
    if (!std::isfinite(ts))
        return {};
    // QDateTime stops at milliseconds, so the microseconds are appended by hand.
    const qint64 micros = std::llround(ts * double(kMicrosPerSecond));
    qint64 seconds = micros / kMicrosPerSecond;
    qint64 fraction = micros % kMicrosPerSecond;
    if (fraction < 0) {
        fraction += kMicrosPerSecond;
        --seconds;
    }
    return QDateTime::fromSecsSinceEpoch(seconds).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char('.')
        + QString::number(fraction).rightJustified(6, QLatin1Char('0'));
}

QString EventsModel::formatOffset(double ms)
{
    if (!std::isfinite(ms))
        return {};
    const QString number = QString::number(std::abs(ms), 'f', 3);
    return ms < 0 ? tr("-%1 ms").arg(number) : tr("+%1 ms").arg(number);
}

bool EventsModel::isErrorLine(const Event& event)
{
    return event.isError() || event.type == QLatin1String("error");
}

QString EventsModel::displayText(int event, int column) const
{
    if (!m_run || event < 0 || size_t(event) >= m_run->events.size())
        return {};
    const Event& e = m_run->events[size_t(event)];
    switch (column) {
    case TimeColumn:
        return formatTimestamp(e.ts);
    case OffsetColumn:
        return formatOffset(m_run->offsetMs(e.ts));
    case TypeColumn:
        return e.type;
    case NameColumn:
        return e.name;
    case StatusColumn:
        return e.status;
    case DurationColumn:
        return formatDuration(e.durationMs);
    case MessageColumn:
        return firstLine(e.message);
    case LocationColumn:
        // Hand-built runs have no buffers; a bare ":0" would only confuse.
        return e.buffer >= 0 ? m_run->location(event) : QString();
    }
    return {};
}

int EventsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_run ? 0 : int(m_run->events.size());
}

int EventsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Event& event = m_run->events[size_t(row)];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case SortRole:
        return sortKey(row, index.column());
    case EventIndexRole:
        return row;
    case Qt::ToolTipRole:
        return event.message.isEmpty() ? QVariant() : QVariant(event.message);
    case Qt::DecorationRole:
        if (index.column() == StatusColumn) {
            if (event.isError())
                return m_errorIcon;
            if (event.status == QLatin1String("noop"))
                return m_noopIcon;
        }
        return {};
    case Qt::ForegroundRole:
        return isErrorLine(event) ? errorForeground() : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == OffsetColumn || index.column() == DurationColumn ? QVariant(kNumberAlignment)
                                                                                  : QVariant();
    default:
        return {};
    }
}

QVariant EventsModel::sortKey(int row, int column) const
{
    const Event& event = m_run->events[size_t(row)];
    switch (column) {
    case TimeColumn:
        return event.ts;
    case OffsetColumn:
        return m_run->offsetMs(event.ts);
    case DurationColumn:
        return event.hasDuration() ? event.durationMs : -1.0; // events without a duration sort first
    default:
        return displayText(row, column);
    }
}

QVariant EventsModel::errorForeground() const
{
    // The palette has no "error" role: take the status red and lighten it on dark bases so it keeps
    // its contrast. The row also says "error" in its status or type column, never colour alone.
    QColor color = runStatusColor(RunStatus::Error);
    if (QGuiApplication::palette().color(QPalette::Base).lightness() < 128)
        color = color.lighter(170);
    return color;
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn:
            return tr("Time");
        case OffsetColumn:
            return tr("Offset");
        case TypeColumn:
            return tr("Type");
        case NameColumn:
            return tr("Name");
        case StatusColumn:
            return tr("Status");
        case DurationColumn:
            return tr("Duration");
        case MessageColumn:
            return tr("Message");
        case LocationColumn:
            return tr("Location");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn:
            return tr("When the line was written, in local time");
        case OffsetColumn:
            return tr("Milliseconds since the run started");
        case DurationColumn:
            return tr("The line's duration_ms attribute");
        case MessageColumn:
            return tr("First line of the message; hover a row for all of it");
        case LocationColumn:
            return tr("File and line the event was read from");
        default:
            return {};
        }
    } else if (role == Qt::TextAlignmentRole && (section == OffsetColumn || section == DurationColumn)) {
        return kNumberAlignment;
    }
    return {};
}

Qt::ItemFlags EventsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Runlens
