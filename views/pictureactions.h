// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPoint>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace Runlens {

/// "Copy as Image" and "Save as PNG or SVG…" for one widget (the stage grid, a waterfall), so that a user
/// can paste exactly what they see into a ticket. They show in a context menu on a right click that does
/// not drag (a right drag is the waterfall's range zoom) and on the Menu key, and the window's Edit menu
/// offers them while the widget has the focus. Copying is done here; saving asks the window, which owns
/// file dialogs and writes files.
class PictureActions : public QObject
{
    Q_OBJECT
public:
    /// `name` names the picture in file names: "stage-grid", "waterfall".
    PictureActions(QWidget* widget, const QString& name);
    ~PictureActions() override;

    /// The actions of `widget` or of its nearest ancestor that has any; null when none has.
    static PictureActions* of(QWidget* widget);

    QWidget* widget() const { return m_widget; }
    QString name() const { return m_name; }
    QAction* copyAction() const { return m_copy; }
    QAction* saveAction() const { return m_save; }
    QMenu* menu() const { return m_menu; }

    /// Puts the widget's picture on the clipboard, as an image.
    void copy();

signals:
    void saveRequested(QWidget* widget, const QString& name);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_widget;
    QString m_name;
    QAction* m_copy;
    QAction* m_save;
    QMenu* m_menu;
    QPoint m_pressed; // global position of the right press, while it may still become a click
    bool m_armed = false;
};

} // namespace Runlens
