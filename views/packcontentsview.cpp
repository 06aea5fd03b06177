// SPDX-License-Identifier: MIT
#include "packcontentsview.h"
#include "jsontreemodel.h"

#include "jsonline.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Runlens {

namespace {

constexpr int kMemberRole = Qt::UserRole + 1;

} // namespace

PackContentsView::PackContentsView(QWidget* parent)
    : QWidget(parent)
    , m_members(new QListWidget(this))
    , m_note(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_pages(new QStackedWidget(this))
    , m_model(new JsonTreeModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_text(new QPlainTextEdit(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::KeyColumn, QHeaderView::ResizeToContents);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    m_search->setPlaceholderText(tr("Search keys and values"));
    m_search->setClearButtonEnabled(true);
    m_pages->addWidget(m_tree);
    m_pages->addWidget(m_text);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_note);
    rightLayout->addWidget(m_search);
    rightLayout->addWidget(m_pages);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_members);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_members, &QListWidget::currentRowChanged, this, &PackContentsView::showCurrent);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
}

PackContentsView::~PackContentsView() = default;

void PackContentsView::setSource(SourcePtr source)
{
    m_source = std::move(source);
    m_members->clear();
    if (!m_source)
        return;
    const QLocale locale;
    for (const PackMember& member : m_source->members) {
        auto* item = new QListWidgetItem(
            tr("%1  (%2)").arg(member.name, locale.formattedDataSize(member.bytes.size())), m_members);
        item->setData(kMemberRole, member.name);
        item->setToolTip(member.name);
    }
    if (m_source->members.empty()) {
        auto* item = new QListWidgetItem(tr("Input summary"), m_members);
        item->setData(kMemberRole, QString());
    }
    m_members->setCurrentRow(0);
}

bool PackContentsView::showMember(const QString& name)
{
    for (int row = 0; row < m_members->count(); ++row) {
        if (m_members->item(row)->data(kMemberRole).toString() == name) {
            m_members->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void PackContentsView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void PackContentsView::showCurrent()
{
    m_note->setVisible(false);
    const QListWidgetItem* item = m_members->currentItem();
    if (!item || !m_source) {
        m_model->setJson({});
        return;
    }
    const QString name = item->data(kMemberRole).toString();
    const PackMember* member = m_source->member(name);
    if (!member) {
        // A timeline input: what was read, as a small JSON object.
        QJsonObject summary { { QStringLiteral("path"), m_source->path },
            { QStringLiteral("kind"), sourceKindName(m_source->kind) },
            { QStringLiteral("bytes"), m_source->inputBytes }, { QStringLiteral("events"), m_source->eventCount },
            { QStringLiteral("runs"), qint64(m_source->runs.size()) },
            { QStringLiteral("problems"), m_source->problems.size() } };
        showJson(PackMember { tr("Input summary"), {} }, summary);
        return;
    }
    if (member->name.endsWith(QLatin1String(".json"))) {
        QString error;
        qint64 offset = -1;
        bool repaired = false;
        const QJsonValue json = parseJsonDocument(member->bytes, &error, &offset, &repaired);
        if (!json.isUndefined()) {
            showJson(*member, json);
            return;
        }
        m_note->setText(
            tr("%1 is not valid JSON at byte %2: %3. Shown as text.").arg(member->name).arg(offset).arg(error));
        m_note->setVisible(true);
    }
    showText(QString::fromUtf8(member->bytes));
}

void PackContentsView::showJson(const PackMember& member, const QJsonValue& json)
{
    m_model->setJson(json);
    m_tree->expandToDepth(0);
    m_pages->setCurrentWidget(m_tree);
    m_search->setEnabled(true);
    const QString note = noteFor(member, json);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void PackContentsView::showText(const QString& text)
{
    m_text->setPlainText(text);
    m_pages->setCurrentWidget(m_text);
    m_search->setEnabled(false);
}

// Pointers and copied reports may describe another run than the pack's (spec 5.3, 11.7 item 8).
QString PackContentsView::noteFor(const PackMember& member, const QJsonValue& json) const
{
    if (member.name != QLatin1String("latest_report_pointer.json")
        && member.name != QLatin1String("latest_run_report.json"))
        return {};
    const QJsonObject object = json.toObject();
    QString runId = object.value(QLatin1String("run_id")).toString();
    if (runId.isEmpty())
        runId = object.value(QLatin1String("run")).toObject().value(QLatin1String("run_id")).toString();
    QString sessionId = object.value(QLatin1String("session_id")).toString();
    if (sessionId.isEmpty())
        sessionId = object.value(QLatin1String("session")).toObject().value(QLatin1String("session_id")).toString();
    const QString packRun = m_source->meta.value(QLatin1String("run_id")).toString();
    if (runId.isEmpty() || runId == packRun)
        return tr("Describes this pack's run (%1).").arg(runId.isEmpty() ? packRun : runId);
    return tr("Describes another run: session %1, run %2, not this pack's run %3.").arg(sessionId, runId, packRun);
}

} // namespace Runlens
