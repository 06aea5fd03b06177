// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace Runlens {

/// Any JSON value as a tree with Key / Value / Type columns. Object keys are shown as written
/// (a dotted key stays one key), and a string holding a JSON object or array gets a "parsed" child.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        KeyColumn,
        ValueColumn,
        TypeColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole, // array index or key; the raw number for numbers
        JsonValueRole, // QJsonValue of the node
        IsParsedRole, // bool: the node is the "parsed" child of a JSON-text string
    };

    explicit JsonTreeModel(QObject* parent = nullptr);
    ~JsonTreeModel() override;

    /// An object or array shows its members as top-level rows; any other value is one row.
    void setJson(const QJsonValue& json);
    QJsonValue json() const { return m_json; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    struct Node
    {
        QString key; // object key; empty for array items, the root and a lone value
        int arrayIndex = -1; // position in the parent array, -1 elsewhere
        bool isParsed = false; // the decoded contents of the parent's JSON-text string
        bool holdsJsonText = false;
        QJsonValue value;
        Node* parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };

    static void addChildren(Node* node);
    static Node* addChild(Node* parent, const QJsonValue& value);
    Node* nodeAt(const QModelIndex& index) const;
    QString keyText(const Node& node) const;
    QString valueText(const Node& node) const;
    QString typeText(const Node& node) const;

    QJsonValue m_json;
    std::unique_ptr<Node> m_root;
};

} // namespace Runlens
