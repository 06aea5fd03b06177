// SPDX-License-Identifier: MIT
#include "runfilterproxy.h"

#include "runlistmodel.h"

namespace Runlens {

RunFilterProxy::RunFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(RunListModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RunFilterProxy::setFilterText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void RunFilterProxy::setStatusFilter(std::optional<RunStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

void RunFilterProxy::setHintKindFilter(const QString& kind)
{
    if (kind == m_hintKind)
        return;
    m_hintKind = kind;
    invalidateFilter();
}

bool RunFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const bool filtering = !m_words.isEmpty() || m_status || !m_hintKind.isEmpty();
    // A session row shows through its runs (recursive filtering) once any filter is set, so that matching a session
    // id shows the session's runs rather than an empty session. Without a filter every row shows, asked for nothing:
    // the whole source replacing an early view asks this of every run again.
    if (!sourceParent.isValid() || !filtering)
        return !filtering;
    const QModelIndex index = sourceModel()->index(sourceRow, RunListModel::NameColumn, sourceParent);
    const RunPtr run = index.data(RunListModel::RunRole).value<RunPtr>();
    if (!run)
        return false;
    if (m_status && run->status != *m_status)
        return false;
    if (!m_hintKind.isEmpty() && !index.data(RunListModel::HintKindsRole).toStringList().contains(m_hintKind))
        return false;
    for (const QString& word : m_words) {
        if (!run->sessionId.contains(word, Qt::CaseInsensitive) && !run->runId.contains(word, Qt::CaseInsensitive)
            && !run->tool.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace Runlens
