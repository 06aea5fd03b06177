// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <vector>

namespace Runlens {

/// Every problem met while reading a source, its own and its runs', one row each in reading order.
class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeverityColumn,
        FileColumn,
        LineColumn,
        OffsetColumn,
        MessageColumn,
        CodeColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole, // severity rank, line and byte offset as numbers, the text elsewhere
    };

    explicit ProblemsModel(QObject* parent = nullptr);
    ~ProblemsModel() override;

    void setSource(SourcePtr source);
    const SourcePtr& source() const { return m_source; }
    const Diagnostic& problem(int row) const { return m_rows[size_t(row)].problem; }

    int errorCount() const;
    int warningCount() const;
    /// Distinct files with at least one problem.
    int fileCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Row
    {
        Diagnostic problem;
        QString run; // "session / run" for a run's problem, empty for the source's own
    };

    QVariant displayData(const Diagnostic& problem, int column) const;
    QVariant sortData(const Diagnostic& problem, int column) const;
    QString severityLabel(Diagnostic::Severity severity) const;

    SourcePtr m_source;
    std::vector<Row> m_rows;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

} // namespace Runlens
