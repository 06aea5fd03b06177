// SPDX-License-Identifier: MIT
#pragma once

#include "hint.h"
#include "run.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <array>
#include <vector>

namespace Runlens {

/// The hints of one run as a tree, in the manner of Wireshark's Expert Info: first the Root cause group with
/// the hint that names what broke and, nested under it, the hints that are only its symptoms (rankByCause);
/// then severity groups (Error, Warning, Note, then Disputed and Suppressed), kinds below them, hints below the
/// kinds and one row per piece of evidence below each hint.
class HintsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        MessageColumn,
        OriginColumn,
        WhyColumn,
        EvidenceColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole, // group order, kind, message, first evidence event
        HintRole, // Hint, on hint rows and their evidence rows
        EventRole, // int: the evidence's index into Run::events (a hint row's first), -1 none
        SpanRole, // int: the evidence's index into Run::spans (a hint row's first), -1 none
        RowTypeRole, // int: RowType
    };
    enum RowType
    {
        GroupRow,
        KindRow,
        HintRow,
        EvidenceRow
    };

    explicit HintsModel(QObject* parent = nullptr);
    ~HintsModel() override;

    /// Shows these hints; the run resolves evidence locations that carry only an event index.
    void setHints(RunPtr run, Hints hints);
    const RunPtr& run() const { return m_run; }
    const Hints& hints() const { return m_hints; }

    RowType rowType(const QModelIndex& index) const;
    /// The row of the hint that names the run's root cause; invalid when no hint does.
    QModelIndex rootCauseIndex() const;
    /// Whether a hint row is a symptom nested under the root cause.
    bool isSymptom(const QModelIndex& index) const;
    /// The hint of a hint or evidence row, null elsewhere.
    const Hint* hint(const QModelIndex& index) const;
    /// The evidence of an evidence row, null elsewhere.
    const HintEvidence* evidence(const QModelIndex& index) const;
    /// "file:line" of a piece of evidence.
    QString location(const HintEvidence& evidence) const;

    /// Translated: "stored" or "computed by Runlens".
    static QString originLabel(Hint::Origin origin);
    /// The why object in one line, "key: value, key: value", nested objects shortened.
    static QString whySummary(const QJsonObject& why);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    enum Group
    {
        RootCauseGroup,
        ErrorGroup,
        WarningGroup,
        NoteGroup,
        DisputedGroup, // stored by upstream, disproved by the run's own data
        SuppressedGroup,
        GroupCount
    };

    struct Node
    {
        RowType type = GroupRow;
        int parent = -1; // index into m_nodes; -1 for groups
        int row = 0;
        std::vector<int> children;
        int group = 0;
        QString kind; // kind rows
        int count = 0; // hints below a group or kind row
        int hint = -1; // index into m_hints on hint and evidence rows
        int evidence = -1; // index into Hint::evidence on evidence rows
    };

    int addNode(Node node);
    void addGroup(int group, const std::vector<int>& hints);
    void addRootCauseGroup(int root, const std::vector<int>& symptoms);
    int addHint(int parent, int group, int hint, const std::vector<int>& symptoms = {});
    const Node* node(const QModelIndex& index) const;
    QVariant groupData(const Node& node, int column, int role) const;
    QVariant kindData(const Node& node, int column, int role) const;
    QVariant hintData(const Hint& hint, int column, int role) const;
    QVariant evidenceData(const HintEvidence& evidence, int column, int role) const;
    QString groupLabel(int group) const;

    RunPtr m_run;
    Hints m_hints;
    std::vector<Node> m_nodes;
    std::vector<int> m_groups; // top-level nodes
    int m_rootCauseNode = -1;
    std::array<QIcon, GroupCount> m_icons;
};

} // namespace Runlens
