// SPDX-License-Identifier: MIT
#include "shortcutsdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Runlens {

namespace {

// "&Open…" as people read it: "Open…"; "&&" stays one ampersand.
QString plainText(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\u0001"));
    text.remove(u'&');
    text.replace(u'\u0001', u'&');
    return text;
}

void addMenu(
    const QMenu* menu, const QString& group, QList<ShortcutsDialog::Entry>* entries, QSet<const QAction*>* seen)
{
    for (const QAction* action : menu->actions()) {
        seen->insert(action);
        if (action->menu()) {
            addMenu(action->menu(), group + QStringLiteral(" › ") + plainText(action->text()), entries, seen);
            continue;
        }
        for (const QKeySequence& shortcut : action->shortcuts())
            entries->append({ group, plainText(action->text()), shortcut });
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget* window, QWidget* parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list->setObjectName(QStringLiteral("shortcutsList"));
    m_list->setHeaderLabels({ tr("Action"), tr("Shortcut") });
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    QTreeWidgetItem* group = nullptr;
    for (const Entry& entry : shortcutsOf(window)) {
        if (!group || group->text(0) != entry.group) {
            group = new QTreeWidgetItem(m_list, { entry.group });
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
        }
        auto* item = new QTreeWidgetItem(m_list, { entry.text, entry.shortcut.toString(QKeySequence::NativeText) });
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    }
    m_list->resizeColumnToContents(0);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(520, 560);
}

ShortcutsDialog::~ShortcutsDialog() = default;

QList<ShortcutsDialog::Entry> ShortcutsDialog::shortcutsOf(const QWidget* window)
{
    QList<Entry> entries;
    QSet<const QAction*> seen;
    if (const auto* bar = window->findChild<QMenuBar*>()) {
        for (const QAction* top : bar->actions()) {
            if (top->menu())
                addMenu(top->menu(), plainText(top->text()), &entries, &seen);
        }
    }
    // Actions outside the menus (a view's own), then buttons (a board's Compare).
    for (const QAction* action : window->findChildren<QAction*>()) {
        if (seen.contains(action) || action->shortcut().isEmpty())
            continue;
        for (const QKeySequence& shortcut : action->shortcuts())
            entries.append({ tr("Other"), plainText(action->text()), shortcut });
    }
    for (const QAbstractButton* button : window->findChildren<QAbstractButton*>()) {
        if (!button->shortcut().isEmpty())
            entries.append({ tr("Buttons"), plainText(button->text()), button->shortcut() });
    }
    return entries;
}

} // namespace Runlens
