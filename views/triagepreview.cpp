// SPDX-License-Identifier: MIT
#include "triagepreview.h"

#include "pictureactions.h"
#include "severitybadge.h"
#include "stagegridview.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Runlens {

TriagePreview::TriagePreview(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_message(new QLabel(m_pages))
    , m_runPage(new QWidget(m_pages))
    , m_grid(new StageGridView(m_runPage))
    , m_hints(new QTreeWidget(m_runPage))
{
    m_title->setObjectName(QStringLiteral("previewTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_grid->setObjectName(QStringLiteral("previewGrid"));
    new PictureActions(m_grid, QStringLiteral("stage-grid"));
    m_hints->setObjectName(QStringLiteral("previewHints"));
    m_hints->setHeaderLabels({ tr("Hint"), tr("Message") });
    m_hints->setRootIsDecorated(false);
    m_hints->setUniformRowHeights(true);
    m_hints->setAlternatingRowColors(true);
    m_hints->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_hints->header()->setStretchLastSection(true);

    auto* splitter = new QSplitter(Qt::Horizontal, m_runPage);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_grid);
    splitter->addWidget(m_hints);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* runLayout = new QVBoxLayout(m_runPage);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(splitter);

    m_pages->addWidget(m_message);
    m_pages->addWidget(m_runPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_pages, 1);
    setRow(nullptr);
}

TriagePreview::~TriagePreview() = default;

void TriagePreview::setRow(const TriageRow* row)
{
    if (!row) {
        m_title->clear();
        m_title->setVisible(false);
        m_message->setText(tr("Select a run to see its stage grid and hints here."));
        m_pages->setCurrentWidget(m_message);
        m_grid->setRun(nullptr);
        m_hints->clear();
        return;
    }
    const QString file = QFileInfo(row->source->path).fileName();
    m_title->setVisible(true);
    m_title->setToolTip(QDir::toNativeSeparators(row->source->path));
    if (!row->run) {
        m_title->setText(file);
        m_message->setText(row->source->ok()
                ? tr("%1 holds no run: %2").arg(QDir::toNativeSeparators(row->source->path), row->noRun)
                : tr("%1 could not be read: %2").arg(QDir::toNativeSeparators(row->source->path), row->noRun));
        m_pages->setCurrentWidget(m_message);
        m_grid->setRun(nullptr);
        m_hints->clear();
        return;
    }
    m_title->setText(tr("%1 · session %2 · run %3").arg(file, row->run->sessionId, row->run->runId));
    m_grid->setRun(row->run);
    fillHints(row->hints);
    m_pages->setCurrentWidget(m_runPage);
}

QString TriagePreview::title() const
{
    return m_title->text();
}

QString TriagePreview::message() const
{
    return m_pages->currentWidget() == m_message ? m_message->text() : QString();
}

void TriagePreview::fillHints(const Hints& hints)
{
    m_hints->clear();
    // Active hints by severity, most severe first; suppressed and disputed ones after them, marked.
    std::vector<const Hint*> ordered;
    for (const Hint& hint : hints)
        ordered.push_back(&hint);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Hint* x, const Hint* y) {
        if (x->isActive() != y->isActive())
            return x->isActive();
        return x->severity > y->severity;
    });
    for (const Hint* hint : ordered) {
        QString kind = hint->kind;
        QIcon icon = SeverityBadge::icon(hint->severity);
        if (hint->isSuppressed()) {
            kind = tr("%1 (suppressed)").arg(hint->kind);
            icon = SeverityBadge::suppressedIcon();
        } else if (hint->isDisputed()) {
            kind = tr("%1 (disputed)").arg(hint->kind);
            icon = SeverityBadge::disputedIcon();
        }
        auto* item = new QTreeWidgetItem(m_hints, { kind, hint->msg });
        item->setIcon(0, icon);
        item->setToolTip(0, hint->isActive() ? SeverityBadge::label(hint->severity) : kind);
        item->setToolTip(1, hint->msg);
    }
    if (hints.empty()) {
        auto* none = new QTreeWidgetItem(m_hints, { tr("No hints.") });
        none->setFlags(Qt::ItemIsEnabled);
    }
    m_hints->resizeColumnToContents(0);
}

} // namespace Runlens
