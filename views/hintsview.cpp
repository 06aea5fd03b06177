// SPDX-License-Identifier: MIT
#include "hintsview.h"
#include "engine.h"
#include "hintsmodel.h"
#include "severitybadge.h"
#include "widgetstyle.h"
#include "wrappingdelegate.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace Runlens {

namespace {

const QLatin1String kEvidenceScheme("evidence");
// Evidence items linked in the details; the rest are rows of the tree above, which lists any number of them
// without building them all (a hint can have 100,000 orphan ends).
constexpr size_t kLinkedEvidence = 100;

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

// The line, or why it cannot be shown (its file changed since it was read).
QString rawLineText(const Run& run, int event)
{
    QString error;
    const QByteArray line = run.rawLine(event, &error);
    return line.isEmpty() ? error : QString::fromUtf8(line);
}

} // namespace

HintsView::HintsView(QWidget* parent)
    : QWidget(parent)
    , m_model(new HintsModel(this))
    , m_tree(new QTreeView(this))
    , m_details(new QTextBrowser(this))
{
    m_tree->setObjectName(QStringLiteral("hintsTree"));
    m_tree->setModel(m_model);
    new WrappingDelegate(m_tree); // a message wraps rather than elides: the cause reads in full in a narrow panel
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setExpandsOnDoubleClick(true);
    QHeaderView* header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(HintsModel::MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(HintsModel::OriginColumn, QHeaderView::Interactive); // fitColumns()
    header->setSectionResizeMode(HintsModel::WhyColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(HintsModel::EvidenceColumn, QHeaderView::Interactive);
    header->resizeSection(HintsModel::WhyColumn, fontMetrics().averageCharWidth() * 24);
    // The message needs the width; origin, why and evidence are in full in the details below (the header
    // menu shows the columns).
    for (const int column :
        { int(HintsModel::OriginColumn), int(HintsModel::WhyColumn), int(HintsModel::EvidenceColumn) })
        m_tree->setColumnHidden(column, true);
    addColumnMenu(header, HintsModel::OriginColumn);
    m_tree->installEventFilter(this);
    connect(m_tree, &QAbstractItemView::clicked, this, &HintsView::activate);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &HintsView::updateDetails);

    m_details->setObjectName(QStringLiteral("hintDetails"));
    m_details->setOpenLinks(false);
    connect(m_details, &QTextBrowser::anchorClicked, this, &HintsView::openDetailsLink);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_details);
    // The details say why and what to do: they get the larger part.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    updateDetails();
}

HintsView::~HintsView() = default;

void HintsView::setHints(RunPtr run, Hints hints)
{
    m_model->setHints(std::move(run), std::move(hints));
    m_tree->expandToDepth(1); // groups and kinds open, so every hint row shows; evidence stays folded
    fitColumns();
    // The cause first: its row is selected, so the details below explain it without a click.
    if (const QModelIndex root = m_model->rootCauseIndex(); root.isValid())
        m_tree->setCurrentIndex(root);
    updateDetails();
}

void HintsView::fitColumns()
{
    // Origin and evidence as wide as their texts, but a fifth of the width at most each: the message
    // is what a narrow panel must show (the details below show all of a hint).
    const int limit = std::max(m_tree->viewport()->width() / 5, fontMetrics().averageCharWidth() * 8);
    for (const int column : { int(HintsModel::OriginColumn), int(HintsModel::EvidenceColumn) }) {
        const QAbstractItemView* view = m_tree; // QTreeView hides the public sizeHintForColumn()
        const int needed = std::max(view->sizeHintForColumn(column), m_tree->header()->sectionSizeHint(column));
        m_tree->header()->resizeSection(column, std::min(needed, limit));
    }
}

const Hint* HintsView::currentHint() const
{
    return m_model->hint(m_tree->currentIndex());
}

bool HintsView::selectNextHint()
{
    return selectHint(+1);
}

bool HintsView::selectPreviousHint()
{
    return selectHint(-1);
}

QModelIndexList HintsView::activeHintRows() const
{
    // In display order: the root cause and its symptoms, then the severity groups' kinds and hints.
    QModelIndexList rows;
    const std::function<void(const QModelIndex&)> collect = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            const HintsModel::RowType type = m_model->rowType(index);
            if (type == HintsModel::EvidenceRow)
                continue;
            if (type == HintsModel::HintRow && m_model->hint(index)->isActive())
                rows.append(index);
            collect(index);
        }
    };
    collect({});
    return rows;
}

bool HintsView::selectHint(int step)
{
    const QModelIndexList rows = activeHintRows();
    if (rows.isEmpty())
        return false;
    QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    if (m_model->rowType(current) == HintsModel::EvidenceRow)
        current = current.parent();
    const qsizetype count = rows.size();
    const qsizetype position = rows.indexOf(current);
    // Without a current hint, "next" starts at the first hint and "previous" at the last.
    const qsizetype start = position >= 0 ? position : (step > 0 ? -1 : 0);
    const QModelIndex target = rows[((start + step) % count + count) % count];
    m_tree->setCurrentIndex(target);
    m_tree->scrollTo(target);
    return true;
}

bool HintsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_tree && event->type() == QEvent::Resize)
        fitColumns();
    if (watched == m_tree && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter)
            activate(m_tree->currentIndex());
    }
    return QWidget::eventFilter(watched, event);
}

void HintsView::activateCurrent()
{
    activate(m_tree->currentIndex());
}

void HintsView::activate(const QModelIndex& index)
{
    const HintsModel::RowType type = m_model->rowType(index);
    if (!index.isValid() || (type != HintsModel::HintRow && type != HintsModel::EvidenceRow))
        return;
    const int event = index.data(HintsModel::EventRole).toInt();
    const int span = index.data(HintsModel::SpanRole).toInt();
    if (event >= 0 || span >= 0)
        emit evidenceActivated(event, span);
}

void HintsView::openDetailsLink(const QUrl& url)
{
    const Hint* hint = currentHint();
    bool ok = false;
    const int position = url.path().toInt(&ok);
    if (!hint || url.scheme() != kEvidenceScheme || !ok || position < 0 || size_t(position) >= hint->evidence.size())
        return;
    const HintEvidence& evidence = hint->evidence[size_t(position)];
    emit evidenceActivated(evidence.event, evidence.span);
}

void HintsView::updateDetails()
{
    const QModelIndex current = m_tree->currentIndex();
    if (const Hint* hint = m_model->hint(current)) {
        m_details->setHtml(hintHtml(*hint, m_model->evidence(current)));
        return;
    }
    if (m_model->rowType(current) == HintsModel::KindRow && current.isValid()) {
        const QString kind = m_model->hint(m_model->index(0, 0, current.siblingAtColumn(0)))->kind;
        const Rule* rule = findRule(kind);
        QString html = QLatin1String("<h3>") + escaped(kind) + QLatin1String("</h3>");
        if (rule)
            html += QLatin1String("<p>") + escaped(tr("Fires when %1.").arg(rule->condition)) + QLatin1String("</p>");
        m_details->setHtml(html);
        return;
    }
    if (!m_model->run())
        m_details->setPlainText(QString());
    else if (m_model->hints().empty())
        m_details->setPlainText(tr("No hints for this run: no rule fired."));
    else
        m_details->setPlainText(tr("Select a hint to read its details."));
}

QString HintsView::hintHtml(const Hint& hint, const HintEvidence* focus) const
{
    const auto row = [](const QString& label, const QString& value) -> QString {
        return QLatin1String("<tr><td><b>") + escaped(label) + QLatin1String("</b></td><td>") + escaped(value)
            + QLatin1String("</td></tr>");
    };
    QString html = QLatin1String("<h3>") + escaped(hint.kind) + QLatin1String("</h3><p>") + escaped(hint.msg)
        + QLatin1String("</p><table cellspacing=\"2\">");
    html += row(tr("Severity"), SeverityBadge::label(hint.severity));
    html += row(tr("Origin"), HintsModel::originLabel(hint.origin));
    if (hint.isSuppressed())
        html += row(tr("Suppressed by"), hint.suppressedBy);
    if (hint.isDisputed())
        html += row(tr("Disputed"), hint.disputed);
    if (const Rule* rule = findRule(hint.kind))
        html += row(tr("Fires when"), rule->condition);
    html += QLatin1String("</table>");

    html += QLatin1String("<h4>") + escaped(tr("Evidence")) + QLatin1String("</h4>");
    if (hint.evidence.empty()) {
        html += QLatin1String("<p>") + escaped(tr("None recorded.")) + QLatin1String("</p>");
    } else {
        html += QLatin1String("<ol>");
        for (size_t i = 0; i < std::min(hint.evidence.size(), kLinkedEvidence); ++i) {
            const HintEvidence& evidence = hint.evidence[i];
            const QString location = escaped(m_model->location(evidence));
            const bool linked = evidence.event >= 0 || evidence.span >= 0;
            html += QLatin1String("<li>");
            if (linked)
                html += QLatin1String("<a href=\"") + kEvidenceScheme + QLatin1Char(':') + QString::number(i)
                    + QLatin1String("\">") + location + QLatin1String("</a>");
            else
                html += location;
            html += QLatin1String(" ") + escaped(evidence.text);
            if (&evidence == focus)
                html += QLatin1String(" &larr;");
            html += QLatin1String("</li>");
        }
        html += QLatin1String("</ol>");
        if (hint.evidence.size() > kLinkedEvidence)
            html += QLatin1String("<p>")
                + escaped(tr("… and %L1 more: expand the hint above to list them all.")
                              .arg(hint.evidence.size() - kLinkedEvidence))
                + QLatin1String("</p>");
    }

    if (focus && focus->event >= 0 && m_model->run()) {
        html += QLatin1String("<h4>") + escaped(tr("Raw line %1").arg(m_model->location(*focus)))
            + QLatin1String("</h4><pre style=\"white-space: pre-wrap\">")
            + escaped(rawLineText(*m_model->run(), focus->event)) + QLatin1String("</pre>");
    }

    html += QLatin1String("<h4>") + escaped(tr("Why")) + QLatin1String("</h4><pre style=\"white-space: pre-wrap\">")
        + escaped(QString::fromUtf8(QJsonDocument(hint.why).toJson(QJsonDocument::Indented)).trimmed())
        + QLatin1String("</pre>");
    return html;
}

} // namespace Runlens
