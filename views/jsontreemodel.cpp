// SPDX-License-Identifier: MIT
#include "jsontreemodel.h"

#include "jsonline.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Runlens {

namespace {

// The decoded text of a string that holds a JSON object or array, or nothing.
QJsonValue parseJsonText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1Char('{')) && !trimmed.startsWith(QLatin1Char('[')))
        return QJsonValue::Undefined;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue::Undefined;
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

// Control characters would break the one-line cell; everything else is shown as written.
QString escapeControls(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    out.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    out.replace(QLatin1Char('\t'), QLatin1String("\\t"));
    return out;
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setJson(const QJsonValue& json)
{
    beginResetModel();
    m_json = json;
    m_root = std::make_unique<Node>();
    if (json.isObject() || json.isArray()) {
        m_root->value = json;
        addChildren(m_root.get());
    } else if (!json.isUndefined()) {
        addChild(m_root.get(), json);
    }
    endResetModel();
}

JsonTreeModel::Node* JsonTreeModel::addChild(Node* parent, const QJsonValue& value)
{
    auto child = std::make_unique<Node>();
    child->value = value;
    child->parent = parent;
    child->row = int(parent->children.size());
    Node* node = child.get();
    parent->children.push_back(std::move(child));
    addChildren(node);
    return node;
}

void JsonTreeModel::addChildren(Node* node)
{
    if (node->value.isObject()) {
        const QJsonObject object = node->value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            addChild(node, it.value())->key = it.key();
    } else if (node->value.isArray()) {
        const QJsonArray array = node->value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            addChild(node, array.at(i))->arrayIndex = int(i);
    } else if (node->value.isString()) {
        const QJsonValue parsed = parseJsonText(node->value.toString());
        if (!parsed.isUndefined()) {
            node->holdsJsonText = true;
            addChild(node, parsed)->isParsed = true;
        }
    }
}

JsonTreeModel::Node* JsonTreeModel::nodeAt(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeAt(parent)->children[size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    Node* parent = nodeAt(child)->parent;
    if (parent == m_root.get())
        return {};
    return createIndex(parent->row, KeyColumn, parent);
}

int JsonTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != KeyColumn)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString JsonTreeModel::keyText(const Node& node) const
{
    if (node.isParsed)
        return tr("parsed");
    if (node.arrayIndex >= 0)
        return QLatin1Char('[') + QString::number(node.arrayIndex) + QLatin1Char(']');
    return node.key;
}

QString JsonTreeModel::valueText(const Node& node) const
{
    switch (node.value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return node.value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        if (const QLatin1StringView token = nonFiniteToken(node.value.toDouble()); !token.isEmpty())
            return token; // as the line has it
        return QString::number(node.value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::String:
        return QLatin1Char('"') + escapeControls(node.value.toString()) + QLatin1Char('"');
    case QJsonValue::Array:
        return tr("%n item(s)", nullptr, int(node.children.size()));
    case QJsonValue::Object:
        return tr("%n key(s)", nullptr, int(node.children.size()));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString JsonTreeModel::typeText(const Node& node) const
{
    switch (node.value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("bool");
    case QJsonValue::Double:
        return tr("number");
    case QJsonValue::String:
        return node.holdsJsonText ? tr("string (JSON)") : tr("string");
    case QJsonValue::Array:
        return tr("array");
    case QJsonValue::Object:
        return tr("object");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QVariant JsonTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node& node = *nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return keyText(node);
        case ValueColumn:
            return valueText(node);
        case TypeColumn:
            return typeText(node);
        }
        return {};
    case SortRole:
        if (index.column() == KeyColumn && node.arrayIndex >= 0)
            return node.arrayIndex;
        if (index.column() == ValueColumn && node.value.isDouble())
            return node.value.toDouble();
        return data(index, Qt::DisplayRole);
    case JsonValueRole:
        return QVariant::fromValue(node.value);
    case IsParsedRole:
        return node.isParsed;
    case Qt::ToolTipRole:
        if (node.isParsed)
            return tr("Decoded from the JSON text of %1").arg(keyText(*node.parent));
        if (index.column() == ValueColumn && node.value.isString())
            return node.value.toString();
        return {};
    case Qt::FontRole:
        if (node.isParsed && index.column() == KeyColumn) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() != KeyColumn || nodeAt(index)->children.empty())
        result |= Qt::ItemNeverHasChildren;
    return result;
}

} // namespace Runlens
