// SPDX-License-Identifier: MIT
#include "problemsmodel.h"

#include "severitybadge.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Runlens {

namespace {

constexpr int kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;

QString identity(const Diagnostic& problem)
{
    return QString::number(int(problem.severity)) + QLatin1Char('\n') + problem.file + QLatin1Char('\n')
        + QString::number(problem.line) + QLatin1Char('\n') + QString::number(problem.byteOffset) + QLatin1Char('\n')
        + problem.code + QLatin1Char('\n') + problem.message;
}

} // namespace

ProblemsModel::ProblemsModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_errorIcon(SeverityBadge::icon(Severity::Error))
    , m_warningIcon(SeverityBadge::icon(Severity::Warning))
{ }

ProblemsModel::~ProblemsModel() = default;

void ProblemsModel::setSource(SourcePtr source)
{
    beginResetModel();
    m_source = std::move(source);
    m_rows.clear();
    if (m_source) {
        // The reader already copies each run's problems into the source's list; a source built
        // elsewhere may not. Match them up so that every problem shows exactly once.
        QHash<QString, QStringList> runProblems; // identity -> runs whose problem is not matched yet
        for (const RunPtr& run : m_source->runs) {
            const QString label = run->sessionId + QLatin1String(" / ") + run->runId;
            for (const Diagnostic& problem : run->problems)
                runProblems[identity(problem)].append(label);
        }
        for (const Diagnostic& problem : m_source->problems) {
            QStringList& runs = runProblems[identity(problem)];
            m_rows.push_back({ problem, runs.isEmpty() ? QString() : runs.takeFirst() });
        }
        for (const RunPtr& run : m_source->runs) {
            for (const Diagnostic& problem : run->problems) {
                QStringList& runs = runProblems[identity(problem)];
                if (!runs.isEmpty())
                    m_rows.push_back({ problem, runs.takeFirst() });
            }
        }
    }
    endResetModel();
}

int ProblemsModel::errorCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
        [](const Row& row) { return row.problem.severity == Diagnostic::Severity::Error; }));
}

int ProblemsModel::warningCount() const
{
    return int(m_rows.size()) - errorCount();
}

int ProblemsModel::fileCount() const
{
    QSet<QString> files;
    for (const Row& row : m_rows)
        files.insert(row.problem.file);
    return int(files.size());
}

int ProblemsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProblemsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[size_t(index.row())];
    const Diagnostic& problem = row.problem;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(problem, index.column());
    case SortRole:
        return sortData(problem, index.column());
    case Qt::DecorationRole:
        if (index.column() != SeverityColumn)
            return {};
        return problem.severity == Diagnostic::Severity::Error ? m_errorIcon : m_warningIcon;
    case Qt::ToolTipRole:
        return row.run.isEmpty() ? problem.toString() : tr("%1\nRun %2").arg(problem.toString(), row.run);
    case Qt::TextAlignmentRole:
        return index.column() == LineColumn || index.column() == OffsetColumn ? QVariant(kNumberAlignment) : QVariant();
    default:
        return {};
    }
}

QVariant ProblemsModel::displayData(const Diagnostic& problem, int column) const
{
    switch (column) {
    case SeverityColumn:
        return severityLabel(problem.severity);
    case FileColumn:
        return problem.file;
    case LineColumn:
        // Exact numbers, no digit grouping: people search the file for them.
        return problem.line > 0 ? QString::number(problem.line) : QString();
    case OffsetColumn:
        return problem.byteOffset >= 0 ? QString::number(problem.byteOffset) : QString();
    case MessageColumn:
        return problem.message;
    case CodeColumn:
        return problem.code;
    }
    return {};
}

QVariant ProblemsModel::sortData(const Diagnostic& problem, int column) const
{
    switch (column) {
    case SeverityColumn:
        return problem.severity == Diagnostic::Severity::Error ? 1 : 0;
    case LineColumn:
        return problem.line;
    case OffsetColumn:
        return problem.byteOffset;
    default:
        return displayData(problem, column);
    }
}

QString ProblemsModel::severityLabel(Diagnostic::Severity severity) const
{
    return SeverityBadge::label(severity == Diagnostic::Severity::Error ? Severity::Error : Severity::Warning);
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case SeverityColumn:
            return tr("Severity");
        case FileColumn:
            return tr("File");
        case LineColumn:
            return tr("Line");
        case OffsetColumn:
            return tr("Offset");
        case MessageColumn:
            return tr("Message");
        case CodeColumn:
            return tr("Code");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case FileColumn:
            return tr("Member of the pack, or file of the timeline directory");
        case LineColumn:
            return tr("1-based line; empty when the file is not line-oriented");
        case OffsetColumn:
            return tr("Byte offset from the start of the file");
        case CodeColumn:
            return tr("Stable id of the problem, for rules and scripts");
        default:
            return {};
        }
    } else if (role == Qt::TextAlignmentRole && (section == LineColumn || section == OffsetColumn)) {
        return kNumberAlignment;
    }
    return {};
}

Qt::ItemFlags ProblemsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Runlens
