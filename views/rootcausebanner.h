// SPDX-License-Identifier: MIT
#pragma once

#include "rootcause.h"
#include "run.h"

#include <QFrame>

class QLabel;

namespace Runlens {

/// The first line to read about a run: what broke, where and why (RootCause), in full, wrapped rather than
/// elided; red for a failure or a cut-off run, amber for a complete but degraded one, green for a healthy one,
/// always with the words that say so. The line the error came from is a link.
class RootCauseBanner : public QFrame
{
    Q_OBJECT
public:
    explicit RootCauseBanner(QWidget* parent = nullptr);
    ~RootCauseBanner() override;

    void setRun(RunPtr run);
    const RootCause& rootCause() const { return m_cause; }
    /// The text as shown, without markup.
    QString text() const;

signals:
    /// The link to the line the error came from was followed: an index into Run::events.
    void lineActivated(int event);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void refresh();
    QColor color() const;

    RunPtr m_run;
    RootCause m_cause;
    QLabel* m_icon;
    QLabel* m_label;
};

} // namespace Runlens
