// SPDX-License-Identifier: MIT
#include "pictureactions.h"

#include "widgetpicture.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QWidget>

namespace Runlens {

PictureActions::PictureActions(QWidget* widget, const QString& name)
    : QObject(widget)
    , m_widget(widget)
    , m_name(name)
    , m_copy(new QAction(tr("&Copy as Image"), widget))
    , m_save(new QAction(tr("&Save as PNG or SVG…"), widget))
    , m_menu(new QMenu(widget))
{
    setObjectName(QStringLiteral("pictureActions"));
    m_copy->setObjectName(QStringLiteral("copyAsImage"));
    m_copy->setToolTip(tr("Put a picture of what this shows on the clipboard, for a ticket"));
    m_save->setObjectName(QStringLiteral("saveAsPicture"));
    m_save->setToolTip(tr("Save a picture of what this shows as PNG or SVG"));
    connect(m_copy, &QAction::triggered, this, &PictureActions::copy);
    connect(m_save, &QAction::triggered, this, [this] { emit saveRequested(m_widget, m_name); });
    m_menu->setObjectName(QStringLiteral("pictureMenu"));
    m_menu->addAction(m_copy);
    m_menu->addAction(m_save);
    // The widget's parts get the mouse; all of them existing now is enough for the views using this.
    widget->installEventFilter(this);
    for (QWidget* child : widget->findChildren<QWidget*>()) {
        if (child != m_menu)
            child->installEventFilter(this);
    }
}

PictureActions::~PictureActions() = default;

PictureActions* PictureActions::of(QWidget* widget)
{
    for (; widget; widget = widget->parentWidget()) {
        if (auto* actions =
                widget->findChild<PictureActions*>(QStringLiteral("pictureActions"), Qt::FindDirectChildrenOnly))
            return actions;
    }
    return nullptr;
}

void PictureActions::copy()
{
    QGuiApplication::clipboard()->setImage(widgetImage(m_widget));
}

bool PictureActions::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        m_armed = mouse->button() == Qt::RightButton;
        m_pressed = mouse->globalPosition().toPoint();
        break;
    }
    case QEvent::MouseMove:
        if (m_armed
            && (static_cast<QMouseEvent*>(event)->globalPosition().toPoint() - m_pressed).manhattanLength()
                > QApplication::startDragDistance())
            m_armed = false; // a right drag, not a click
        break;
    case QEvent::MouseButtonRelease:
        if (m_armed && static_cast<QMouseEvent*>(event)->button() == Qt::RightButton) {
            m_armed = false; // the parents see this release too when the child ignores it: one menu
            m_menu->popup(m_pressed);
        }
        break;
    case QEvent::ContextMenu: {
        // On X11 the mouse's context menu event comes with the press, before a drag can be told from a
        // click: the release opens the menu instead. The Menu key opens it at once.
        const auto* menuEvent = static_cast<QContextMenuEvent*>(event);
        if (menuEvent->reason() != QContextMenuEvent::Mouse)
            m_menu->popup(menuEvent->globalPos());
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Runlens
