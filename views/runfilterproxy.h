// SPDX-License-Identifier: MIT
#pragma once

#include "run.h"

#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

namespace Runlens {

/// Filters a RunListModel by text, status and hint kind; a session stays visible while one of its runs matches.
class RunFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RunFilterProxy(QObject* parent = nullptr);

    /// Whitespace-separated words, each of which must occur (case-insensitively) in the run's
    /// session id, run id or tool.
    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }
    /// Only runs with this status; nullopt shows every status.
    void setStatusFilter(std::optional<RunStatus> status);
    std::optional<RunStatus> statusFilter() const { return m_status; }
    /// Only runs with an active hint of this kind; empty shows every run.
    void setHintKindFilter(const QString& kind);
    QString hintKindFilter() const { return m_hintKind; }
    /// Re-applies the filters after the model's hints changed.
    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    QStringList m_words;
    std::optional<RunStatus> m_status;
    QString m_hintKind;
};

} // namespace Runlens
