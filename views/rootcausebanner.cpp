// SPDX-License-Identifier: MIT
#include "rootcausebanner.h"

#include "duration.h"
#include "printable.h"
#include "runstatus.h"
#include "stagegridmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QTextDocument>

namespace Runlens {

namespace {

const QLatin1String kLineScheme("line:");

QString html(const QString& text)
{
    return printable(text).toHtmlEscaped();
}

// The rows the run skipped on purpose, with their reasons: "rerank (disabled_config)".
QString skipped(const Run& run)
{
    QStringList rows;
    for (const StageCell& cell : run.stages) {
        if (cell.status == CellStatus::Skipped)
            rows.append(cell.reason.isEmpty()
                    ? cell.stage.toString()
                    : QStringLiteral("%1 (%2)").arg(cell.stage.toString(), cell.reason.toString()));
    }
    return rows.join(QLatin1String(", "));
}

} // namespace

RootCauseBanner::RootCauseBanner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
{
    m_label->setObjectName(QStringLiteral("rootCauseText"));
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true); // never elided: the whole error is the point
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_label->setOpenExternalLinks(false);
    connect(m_label, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link.startsWith(kLineScheme))
            emit lineActivated(link.mid(kLineScheme.size()).toInt());
    });
    auto* layout = new QHBoxLayout(this);
    const int margin = fontMetrics().averageCharWidth();
    layout->setContentsMargins(margin, margin / 2, margin, margin / 2);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    setRun(nullptr);
}

RootCauseBanner::~RootCauseBanner() = default;

void RootCauseBanner::setRun(RunPtr run)
{
    m_run = std::move(run);
    m_cause = m_run ? Runlens::rootCause(*m_run) : RootCause();
    refresh();
}

QString RootCauseBanner::text() const
{
    QTextDocument document;
    document.setHtml(m_label->text());
    return document.toPlainText();
}

void RootCauseBanner::refresh()
{
    setVisible(bool(m_run));
    if (!m_run)
        return;
    const Run& run = *m_run;
    const int side = fontMetrics().height();
    m_icon->setPixmap(runStatusIcon(run.status).pixmap(QSize(side, side), devicePixelRatioF()));

    QString headline;
    QString detail = html(m_cause.error);
    switch (m_cause.kind) {
    case RootCause::Kind::Failed:
        headline = m_cause.stage.isEmpty() ? tr("Failed outside any stage") : tr("Failed at %1").arg(m_cause.stage);
        break;
    case RootCause::Kind::CutOff:
        headline = m_cause.stage.isEmpty() ? tr("Cut off") : tr("Cut off in %1").arg(m_cause.stage);
        break;
    case RootCause::Kind::Degraded:
        headline = tr("Complete, degraded");
        detail = html(m_cause.stage) + QLatin1Char(' ') + detail;
        break;
    case RootCause::Kind::Running:
        headline = tr("Running");
        detail = m_cause.stage.isEmpty() ? QString() : html(tr("%1 in progress").arg(m_cause.stage));
        break;
    case RootCause::Kind::Background:
        headline = tr("Background run (%1): no tool scope").arg(run.sessionId);
        if (!detail.isEmpty())
            detail = html(tr("first error: %1").arg(m_cause.error));
        break;
    case RootCause::Kind::Healthy: {
        headline = tr("Complete in %1").arg(formatDuration(run.durationMs));
        QStringList parts;
        if (!run.stoppedAfter.isEmpty())
            parts.append(tr("stopped after %1").arg(run.stoppedAfter));
        if (const QString rows = skipped(run); !rows.isEmpty())
            parts.append(tr("skipped: %1").arg(rows));
        detail = html(parts.join(QLatin1String("; ")));
        break;
    }
    }
    QString text = QLatin1String("<b>") + html(headline) + QLatin1String("</b>");
    if (!detail.isEmpty())
        text += QLatin1String(": ") + detail;
    if (m_cause.event >= 0)
        text += QStringLiteral(" &middot; <a href=\"%1%2\">%3</a>")
                    .arg(kLineScheme)
                    .arg(m_cause.event)
                    .arg(html(run.location(m_cause.event)));
    if (!m_cause.notReached.isEmpty())
        text +=
            QLatin1String(" &middot; ") + html(tr("never ran: %1").arg(m_cause.notReached.join(QLatin1String(", "))));
    m_label->setText(text);
    setAccessibleName(this->text());
    QFrame::update();
}

QColor RootCauseBanner::color() const
{
    switch (m_cause.kind) {
    case RootCause::Kind::Failed:
    case RootCause::Kind::CutOff:
        return StageGridModel::statusColor(CellStatus::Failed);
    case RootCause::Kind::Degraded:
        return StageGridModel::statusColor(CellStatus::Degraded);
    case RootCause::Kind::Running:
        return StageGridModel::statusColor(CellStatus::Running);
    case RootCause::Kind::Background:
        return StageGridModel::statusColor(CellStatus::NotReached);
    case RootCause::Kind::Healthy:
        break;
    }
    return StageGridModel::statusColor(CellStatus::Ran);
}

void RootCauseBanner::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        refresh();
    QFrame::changeEvent(event);
}

void RootCauseBanner::paintEvent(QPaintEvent* event)
{
    // A tinted box with a bar of the colour on its left: the words say the same, the colour finds the eye.
    QPainter painter(this);
    const QColor base = color();
    painter.fillRect(rect(), StageGridModel::tint(base, palette()));
    painter.fillRect(QRect(0, 0, 4, height()), base);
    painter.end();
    QFrame::paintEvent(event);
}

} // namespace Runlens
