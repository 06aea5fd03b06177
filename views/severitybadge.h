// SPDX-License-Identifier: MIT
#pragma once

#include "hint.h"

#include <QIcon>
#include <QWidget>

#include <array>

class QLabel;

namespace Runlens {

/// Hint counts per severity for a status bar: an icon and a count for errors, warnings and notes,
/// plus the suppressed ones when there are any. Also the one place that draws severity icons.
class SeverityBadge : public QWidget
{
    Q_OBJECT
public:
    explicit SeverityBadge(QWidget* parent = nullptr);
    ~SeverityBadge() override;

    void setCounts(int errors, int warnings, int notes, int suppressed = 0, int disputed = 0);
    /// What the badge says, as one line of plain text.
    QString text() const;

    /// Translated: "Error", "Warning", "Note".
    static QString label(Severity severity);
    /// A shape of its own per severity: red octagon, amber triangle, blue disc with an "i".
    static QIcon icon(Severity severity);
    /// A grey circle struck through, for suppressed hints.
    static QIcon suppressedIcon();
    /// A grey circle with a question mark, for stored hints the run's data disproves.
    static QIcon disputedIcon();

private:
    struct Item
    {
        QLabel* icon = nullptr;
        QLabel* text = nullptr;
        int count = 0;
    };
    std::array<Item, 3> m_items; // errors, warnings, notes
    QLabel* m_suppressed;
};

} // namespace Runlens
