// SPDX-License-Identifier: MIT
#include "palettes.h"

namespace Runlens {

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    const QColor disabled(0x7a, 0x7d, 0x82);
    for (auto group : { QPalette::Active, QPalette::Inactive }) {
        palette.setColor(group, QPalette::Window, window);
        palette.setColor(group, QPalette::WindowText, text);
        palette.setColor(group, QPalette::Base, base);
        palette.setColor(group, QPalette::AlternateBase, window);
        palette.setColor(group, QPalette::ToolTipBase, base);
        palette.setColor(group, QPalette::ToolTipText, text);
        palette.setColor(group, QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
        palette.setColor(group, QPalette::Text, text);
        palette.setColor(group, QPalette::Button, QColor(0x35, 0x37, 0x3a));
        palette.setColor(group, QPalette::ButtonText, text);
        palette.setColor(group, QPalette::BrightText, Qt::white);
        palette.setColor(group, QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
        palette.setColor(group, QPalette::HighlightedText, Qt::white);
        palette.setColor(group, QPalette::Link, QColor(0x6c, 0xa8, 0xff));
        palette.setColor(group, QPalette::Light, QColor(0x45, 0x48, 0x4d));
        palette.setColor(group, QPalette::Midlight, QColor(0x3a, 0x3c, 0x40));
        palette.setColor(group, QPalette::Mid, QColor(0x30, 0x32, 0x35));
        palette.setColor(group, QPalette::Dark, QColor(0x18, 0x19, 0x1b));
        palette.setColor(group, QPalette::Shadow, Qt::black);
    }
    for (auto role : { QPalette::Text, QPalette::WindowText, QPalette::ButtonText })
        palette.setColor(QPalette::Disabled, role, disabled);
    return palette;
}

} // namespace Runlens
