// SPDX-License-Identifier: MIT
#include "activitystrip.h"
#include "runstatus.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>
#include <QVBoxLayout>

#include <utility>

#include <algorithm>
#include <cmath>

namespace Runlens {

namespace {

// "10:00 to 11:00", with the second date only when it is another day.
QString formatSpan(double since, double until)
{
    const bool sameDay = QDateTime::fromSecsSinceEpoch(qint64(since)).date()
        == QDateTime::fromSecsSinceEpoch(qint64(std::ceil(until)) - 1).date();
    return ActivityStrip::tr("%1 to %2")
        .arg(ActivityStrip::formatMinute(since), ActivityStrip::formatMinute(until, !sameDay));
}

} // namespace

/// The bars and marks of ActivityStrip, and the drag that chooses a span.
class ActivityGraph : public QWidget
{
public:
    explicit ActivityGraph(ActivityStrip* strip)
        : QWidget(strip)
        , m_strip(strip)
    {
        setObjectName(QStringLiteral("activityGraph"));
        setMouseTracking(true);
        setCursor(Qt::CrossCursor);
        setFocusPolicy(Qt::ClickFocus); // Escape ends a drag
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

    std::shared_ptr<const Activity> activity;
    std::optional<TimeWindow> loaded;

    QSize sizeHint() const override { return { 400, markSize() + fontMetrics().height() * 2 + 2 }; }
    QSize minimumSizeHint() const override { return { 100, sizeHint().height() }; }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.fillRect(rect(), palette().color(QPalette::Base));
        if (!activity || activity->isEmpty()) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(rect(), Qt::AlignCenter,
                activity ? ActivityStrip::tr("No runs in this directory") : ActivityStrip::tr("Scanning…"));
            return;
        }
        const int w = width();
        const int mark = markSize();
        const QRect bars(0, mark + 2, w, height() - mark - 2);
        quint32 most = 1;
        for (int x = 0; x < w; ++x)
            most = std::max(most, column(x).runs);
        // Each bar stacks its failed runs (bottom), cut-off runs, then the others, in the colours of their status
        // icons, which the legend and the spike marks show beside them.
        QColor others = palette().color(QPalette::WindowText);
        others.setAlpha(90);
        const QColor failedColor = runStatusColor(RunStatus::Error);
        const QColor cutOffColor = runStatusColor(RunStatus::CutOff);
        const auto barHeight = [&](quint32 runs) { return int(std::lround(double(bars.height()) * runs / most)); };
        for (int x = 0; x < w; ++x) {
            const Activity::Bin bin = column(x);
            if (bin.runs == 0)
                continue;
            const int all = std::max(1, barHeight(bin.runs));
            const int failed = bin.failed > 0 ? std::max(1, barHeight(bin.failed)) : 0;
            const int cutOff = bin.cutOff > 0 ? std::max(1, barHeight(bin.cutOff)) : 0;
            p.fillRect(QRect(x, bars.bottom() - all + 1, 1, all), others);
            p.fillRect(QRect(x, bars.bottom() - failed + 1, 1, failed), failedColor);
            p.fillRect(QRect(x, bars.bottom() - failed - cutOff + 1, 1, cutOff), cutOffColor);
        }
        // Where runs failed or were cut off more than usual, per cell of an icon's width: twice the directory's
        // share and at least three runs.
        const Activity::Bin whole = activity->total(0, int(activity->bins.size()) - 1);
        const auto spike = [&whole](quint32 count, quint32 runs, quint32 wholeCount) {
            return count >= 3 && double(count) * whole.runs >= 2.0 * double(wholeCount) * runs;
        };
        const QIcon failedIcon = runStatusIcon(RunStatus::Error);
        const QIcon cutOffIcon = runStatusIcon(RunStatus::CutOff);
        for (int x = 0; x < w; x += mark) {
            const Activity::Bin cell = span(x, std::min(w, x + mark) - 1);
            if (spike(cell.failed, cell.runs, whole.failed))
                failedIcon.paint(&p, QRect(x, 0, mark, mark));
            else if (spike(cell.cutOff, cell.runs, whole.cutOff))
                cutOffIcon.paint(&p, QRect(x, 0, mark, mark));
        }
        // The loaded span stands out; what is not loaded is dimmed.
        if (loaded && !loaded->isAll()) {
            const int from = std::clamp(xOf(loaded->since), 0, w);
            const int to = std::clamp(xOf(loaded->until), from + 1, std::max(w, from + 1));
            QColor dim = palette().color(QPalette::Window);
            dim.setAlpha(150);
            p.fillRect(QRect(0, 0, from, height()), dim);
            p.fillRect(QRect(to, 0, w - to, height()), dim);
            p.setPen(QPen(palette().color(QPalette::Highlight), 2));
            p.drawRect(QRectF(from + 1, 1, to - from - 2, height() - 2));
        }
        if (m_dragFrom >= 0) {
            QColor band = palette().color(QPalette::Highlight);
            band.setAlpha(70);
            p.fillRect(QRect(std::min(m_dragFrom, m_dragTo), 0, std::abs(m_dragTo - m_dragFrom) + 1, height()), band);
        }
    }

    void mousePressEvent(QMouseEvent* event) override
    {
        if (event->button() != Qt::LeftButton || !activity || activity->isEmpty())
            return;
        m_dragFrom = m_dragTo = int(event->position().x());
        update();
    }

    void mouseMoveEvent(QMouseEvent* event) override
    {
        if (m_dragFrom < 0)
            return;
        m_dragTo = std::clamp(int(event->position().x()), 0, width() - 1);
        update();
    }

    void mouseReleaseEvent(QMouseEvent* event) override
    {
        if (event->button() != Qt::LeftButton || m_dragFrom < 0)
            return;
        const int from = std::min(m_dragFrom, m_dragTo);
        const int to = std::max(m_dragFrom, m_dragTo);
        m_dragFrom = m_dragTo = -1;
        update();
        if (to - from < 3) // a click, not a drag
            return;
        // Whole bins: the span the bars under the band count.
        TimeWindow window;
        window.since = activity->start + activity->binSeconds * double(firstBin(from));
        window.until = activity->start + activity->binSeconds * double(lastBin(to) + 1);
        m_strip->setLoaded(window);
        emit m_strip->spanChosen(window);
    }

    void keyPressEvent(QKeyEvent* event) override
    {
        if (event->key() == Qt::Key_Escape && m_dragFrom >= 0) {
            m_dragFrom = m_dragTo = -1;
            update();
            return;
        }
        QWidget::keyPressEvent(event);
    }

    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ToolTip && activity && !activity->isEmpty()) {
            const auto* help = static_cast<QHelpEvent*>(event);
            const int x = std::clamp(help->pos().x(), 0, width() - 1);
            const Activity::Bin bins = column(x);
            const double since = activity->start + activity->binSeconds * double(firstBin(x));
            const double until = activity->start + activity->binSeconds * double(lastBin(x) + 1);
            QToolTip::showText(help->globalPos(),
                ActivityStrip::tr("%1: %Ln runs started, %2 failed, %3 cut off", nullptr, int(bins.runs))
                        .arg(formatSpan(since, until))
                        .arg(bins.failed)
                        .arg(bins.cutOff)
                    + QLatin1Char('\n') + ActivityStrip::tr("Drag across the graph to load the runs of a span."),
                this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    int markSize() const { return std::max(8, fontMetrics().height() * 3 / 4); }
    // The bins pixel column x shows: several per column when they are more than the columns.
    int firstBin(int x) const { return int(qint64(x) * qint64(activity->bins.size()) / std::max(1, width())); }
    int lastBin(int x) const { return std::max(firstBin(x), firstBin(x + 1) - 1); }
    Activity::Bin column(int x) const { return activity->total(firstBin(x), lastBin(x)); }
    Activity::Bin span(int fromX, int toX) const { return activity->total(firstBin(fromX), lastBin(toX)); }
    int xOf(double ts) const
    {
        if (std::isinf(ts))
            return ts < 0 ? 0 : width();
        return int(std::lround((ts - activity->start) / (activity->end() - activity->start) * width()));
    }

    ActivityStrip* m_strip;
    int m_dragFrom = -1;
    int m_dragTo = -1;
};

QString ActivityStrip::formatMinute(double ts, bool withDate)
{
    return QDateTime::fromSecsSinceEpoch(qint64(std::floor(ts)))
        .toString(withDate ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
}

ActivityStrip::ActivityStrip(QWidget* parent)
    : QWidget(parent)
    , m_graph(new ActivityGraph(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("activityStrip"));
    m_summary->setObjectName(QStringLiteral("activitySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_graph->setAccessibleName(tr("Runs over time"));
    auto* layout = new QVBoxLayout(this);
    // Lined up with the pages under it, which have the style's margins.
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    layout->setContentsMargins(margin, margin, margin, 0);
    layout->setSpacing(2);
    // The legend: the colours of the bars and the spike marks beside their icons and names.
    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    for (const auto& [status, name] :
        { std::pair { RunStatus::Error, tr("failed") }, std::pair { RunStatus::CutOff, tr("cut off") } }) {
        auto* icon = new QLabel(this);
        icon->setPixmap(runStatusIcon(status).pixmap(fontMetrics().height() * 3 / 4));
        top->addWidget(icon);
        top->addWidget(new QLabel(name, this));
    }
    layout->addLayout(top);
    layout->addWidget(m_graph);
    updateSummary();
}

ActivityStrip::~ActivityStrip() = default;

void ActivityStrip::setActivity(std::shared_ptr<const Activity> activity)
{
    m_graph->activity = std::move(activity);
    m_graph->update();
    updateSummary();
}

std::shared_ptr<const Activity> ActivityStrip::activity() const
{
    return m_graph->activity;
}

void ActivityStrip::setLoaded(const std::optional<TimeWindow>& window)
{
    m_graph->loaded = window;
    m_graph->update();
    updateSummary();
}

std::optional<TimeWindow> ActivityStrip::loaded() const
{
    return m_graph->loaded;
}

QString ActivityStrip::summaryText() const
{
    return m_summary->text();
}

void ActivityStrip::updateSummary()
{
    const std::shared_ptr<const Activity>& activity = m_graph->activity;
    const std::optional<TimeWindow>& loaded = m_graph->loaded;
    const QString shown = !loaded   ? tr("being read")
        : loaded->isAll()           ? tr("all of it")
        : std::isinf(loaded->until) ? tr("from %1 on").arg(formatMinute(loaded->since))
        : std::isinf(loaded->since) ? tr("before %1").arg(formatMinute(loaded->until))
                                    : formatSpan(loaded->since, loaded->until);
    if (!activity) {
        m_summary->setText(tr("Scanning the whole directory for its runs over time. Loaded: %1.").arg(shown));
        return;
    }
    const Activity::Bin all = activity->total(0, int(activity->bins.size()) - 1);
    const QLocale locale;
    m_summary->setText(
        tr("Whole directory: %1, %Ln runs (%2 failed, %3 cut off). Loaded: %4. Drag across to load another span.",
            nullptr, int(all.runs))
            .arg(activity->isEmpty() ? tr("no runs") : formatSpan(activity->start, activity->end()),
                locale.toString(all.failed), locale.toString(all.cutOff), shown));
}

} // namespace Runlens
