// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

class QTreeWidget;

namespace Runlens {

/// Help > Keyboard Shortcuts: every shortcut a window's actions and buttons have now, grouped by the menu
/// that holds them, read from the actions themselves so that it never goes stale.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString group; // the menu's title ("File"), or where a button sits
        QString text; // what the action does, without mnemonics
        QKeySequence shortcut;
    };

    explicit ShortcutsDialog(QWidget* window, QWidget* parent = nullptr);
    ~ShortcutsDialog() override;

    /// The shortcuts of `window`: its menu bar's actions in menu order, then any other action or button
    /// with a shortcut. An action with several shortcuts has an entry for each.
    static QList<Entry> shortcutsOf(const QWidget* window);
    QTreeWidget* list() const { return m_list; }

private:
    QTreeWidget* m_list;
};

} // namespace Runlens
