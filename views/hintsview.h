// SPDX-License-Identifier: MIT
#pragma once

#include "hint.h"
#include "run.h"

#include <QList>
#include <QModelIndex>
#include <QWidget>

class QTextBrowser;
class QTreeView;
class QUrl;

namespace Runlens {

class HintsModel;

/// A run's hints as a severity tree (expanded down to the hints) with the selected hint's details
/// below: kind, severity, message, origin, the why object as JSON and the evidence as links.
class HintsView : public QWidget
{
    Q_OBJECT
public:
    explicit HintsView(QWidget* parent = nullptr);
    ~HintsView() override;

    void setHints(RunPtr run, Hints hints);
    /// The hint of the selected hint or evidence row, null otherwise.
    const Hint* currentHint() const;
    /// Selects the next (previous) active hint in tree order, wrapping around (no signal);
    /// suppressed hints are skipped. False when there is none.
    bool selectNextHint();
    bool selectPreviousHint();
    /// Emits evidenceActivated() for the selected row, as a click on it would.
    void activateCurrent();

signals:
    /// A hint row (its first evidence), an evidence row or an evidence link in the details was
    /// clicked or activated with Enter. Indexes into Run::events and Run::spans, -1 when absent.
    void evidenceActivated(int event, int span);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void activate(const QModelIndex& index);
    void openDetailsLink(const QUrl& url);
    bool selectHint(int step);
    QModelIndexList activeHintRows() const;
    void updateDetails();
    void fitColumns();
    QString hintHtml(const Hint& hint, const HintEvidence* focus) const;

    HintsModel* m_model;
    QTreeView* m_tree;
    QTextBrowser* m_details;
};

} // namespace Runlens
