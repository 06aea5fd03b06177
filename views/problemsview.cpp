// SPDX-License-Identifier: MIT
#include "problemsview.h"
#include "widgetstyle.h"

#include "problemsmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Runlens {

ProblemsView::ProblemsView(QWidget* parent)
    : QWidget(parent)
    , m_model(new ProblemsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ProblemsModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("problemsFilter"));
    m_filter->setPlaceholderText(tr("Filter problems (file, message, code)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        updateSummary();
    });

    m_summary->setObjectName(QStringLiteral("problemsSummary"));
    m_summary->setTextFormat(Qt::PlainText);

    m_table->setObjectName(QStringLiteral("problemsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // reading order until a header is clicked
    setUpCompactTable(m_table, ProblemsModel::MessageColumn);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->installEventFilter(this);
    connect(m_table, &QAbstractItemView::clicked, this, &ProblemsView::activate);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    updateSummary();
}

ProblemsView::~ProblemsView() = default;

void ProblemsView::setSource(SourcePtr source)
{
    m_model->setSource(std::move(source));
    updateSummary();
}

SourcePtr ProblemsView::source() const
{
    return m_model->source();
}

QString ProblemsView::summary() const
{
    return m_summary->text();
}

void ProblemsView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool ProblemsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter)
            activate(m_table->currentIndex());
    }
    return QWidget::eventFilter(watched, event);
}

void ProblemsView::activate(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    const Diagnostic& problem = m_model->problem(m_proxy->mapToSource(index).row());
    emit problemActivated(problem.file, problem.line);
}

void ProblemsView::updateSummary()
{
    const int total = m_model->rowCount();
    QString text;
    if (!m_model->source())
        text = QString();
    else if (total == 0)
        text = tr("No problems");
    else
        text = tr("%1, %2 in %3")
                   .arg(tr("%Ln error(s)", nullptr, m_model->errorCount()),
                       tr("%Ln warning(s)", nullptr, m_model->warningCount()),
                       tr("%Ln file(s)", nullptr, m_model->fileCount()));
    const int shown = m_proxy->rowCount();
    if (shown != total)
        text = tr("%1 (%Ln shown)", nullptr, shown).arg(text);
    m_summary->setText(text);
}

} // namespace Runlens
