// SPDX-License-Identifier: MIT
#include "eventdetailsview.h"

#include "jsontreemodel.h"
#include "printable.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace Runlens {

EventDetailsView::EventDetailsView(QWidget* parent)
    : QWidget(parent)
    , m_attrs(new JsonTreeModel(this))
    , m_search(new QSortFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_searchEdit(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_raw(new QPlainTextEdit(this))
{
    m_search->setObjectName(QStringLiteral("attrsSearchProxy"));
    m_search->setSourceModel(m_attrs);
    m_search->setRecursiveFilteringEnabled(true);
    m_search->setAutoAcceptChildRows(true); // a matching object shows its members
    m_search->setFilterKeyColumn(-1);
    m_search->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setSortRole(JsonTreeModel::SortRole);

    m_title->setObjectName(QStringLiteral("eventTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The message in full: the events table is too narrow for its column on a laptop screen.
    m_message->setObjectName(QStringLiteral("eventMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setWordWrap(true);
    m_message->hide();

    m_searchEdit->setObjectName(QStringLiteral("attrsSearch"));
    m_searchEdit->setPlaceholderText(tr("Search attributes"));
    m_searchEdit->setClearButtonEnabled(true);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &EventDetailsView::applySearch);

    m_tree->setObjectName(QStringLiteral("attrsTree"));
    m_tree->setModel(m_search);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);

    m_raw->setObjectName(QStringLiteral("rawLine"));
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setPlaceholderText(tr("The raw JSON line of the selected event"));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_raw);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_searchEdit);
    layout->addWidget(splitter, 1);

    setEvent(-1);
}

EventDetailsView::~EventDetailsView() = default;

void EventDetailsView::setRun(RunPtr run)
{
    m_run = std::move(run);
    setEvent(-1);
}

void EventDetailsView::setEvent(int event)
{
    if (!m_run || event < 0 || size_t(event) >= m_run->events.size()) {
        m_event = -1;
        m_attrs->setJson(QJsonValue::Undefined);
        m_raw->clear();
        m_title->setText(tr("No event selected"));
        m_message->hide();
        return;
    }
    m_event = event;
    const Event& e = m_run->events[size_t(event)];
    const QString location = e.buffer >= 0 ? m_run->location(event) : QString();
    m_title->setText(
        location.isEmpty() ? tr("%1 %2").arg(e.type, e.name) : tr("%1 %2 (%3)").arg(e.type, e.name, location));
    const QString message = printable(e.message);
    m_message->setText(e.isError() ? tr("Error: %1").arg(message) : message);
    m_message->setVisible(!message.isEmpty());
    // Read once: a line not kept in memory is read from its file, which may have changed since.
    QString error;
    const QByteArray line = m_run->rawLine(event, &error);
    m_attrs->setJson(line.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(m_run->attrs(event)));
    m_tree->expandAll(); // attrs are a few dozen nodes at most
    m_tree->resizeColumnToContents(JsonTreeModel::KeyColumn);
    m_raw->setPlainText(line.isEmpty() ? error : prettyJson(line));
}

void EventDetailsView::applySearch(const QString& text)
{
    m_search->setFilterFixedString(text);
    m_tree->expandAll();
}

QString EventDetailsView::prettyJson(const QByteArray& line)
{
    // ordered_json keeps the writer's key order, which QJsonDocument would sort; no exceptions are
    // thrown: a parse failure gives a discarded value and bad UTF-8 is replaced when dumping.
    const auto json = nlohmann::ordered_json::parse(line.cbegin(), line.cend(), nullptr, false);
    if (json.is_discarded())
        return QString::fromUtf8(line);
    return QString::fromStdString(json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

} // namespace Runlens
