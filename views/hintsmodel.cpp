// SPDX-License-Identifier: MIT
#include "hintsmodel.h"

#include "causeranking.h"
#include "engine.h"
#include "jsonline.h"
#include "severitybadge.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Runlens {

namespace {

constexpr int kMaxInlineMembers = 4; // nested objects and arrays up to this size are shown in full

QString scalarText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        if (const QLatin1StringView token = nonFiniteToken(value.toDouble()); !token.isEmpty())
            return token;
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

bool isScalar(const QJsonValue& value)
{
    return !value.isObject() && !value.isArray();
}

// Nested values are shortened: small flat objects and arrays inline, bigger ones as a count.
QString nestedText(const QJsonValue& value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const bool flat = std::all_of(object.begin(), object.end(), [](const QJsonValue& v) { return isScalar(v); });
        if (!flat || object.size() > kMaxInlineMembers)
            return HintsModel::tr("{%n key(s)}", nullptr, int(object.size()));
        QStringList members;
        for (auto it = object.begin(); it != object.end(); ++it)
            members.append(it.key() + QLatin1String(": ") + scalarText(it.value()));
        return QLatin1Char('{') + members.join(QLatin1String(", ")) + QLatin1Char('}');
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        const bool flat = std::all_of(array.begin(), array.end(), [](const QJsonValue& v) { return isScalar(v); });
        if (!flat || array.size() > kMaxInlineMembers)
            return HintsModel::tr("[%n item(s)]", nullptr, int(array.size()));
        QStringList items;
        for (const QJsonValue& item : array)
            items.append(scalarText(item));
        return QLatin1Char('[') + items.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    return scalarText(value);
}

} // namespace

HintsModel::HintsModel(QObject* parent)
    : QAbstractItemModel(parent)
{
    m_icons[RootCauseGroup] = SeverityBadge::icon(Severity::Error);
    m_icons[ErrorGroup] = SeverityBadge::icon(Severity::Error);
    m_icons[WarningGroup] = SeverityBadge::icon(Severity::Warning);
    m_icons[NoteGroup] = SeverityBadge::icon(Severity::Note);
    m_icons[DisputedGroup] = SeverityBadge::disputedIcon();
    m_icons[SuppressedGroup] = SeverityBadge::suppressedIcon();
}

HintsModel::~HintsModel() = default;

void HintsModel::setHints(RunPtr run, Hints hints)
{
    beginResetModel();
    m_run = std::move(run);
    m_hints = std::move(hints);
    m_nodes.clear();
    m_groups.clear();
    m_rootCauseNode = -1;
    const CauseRanking ranking = m_run ? rankByCause(rootCause(*m_run), m_hints) : CauseRanking();
    std::array<std::vector<int>, GroupCount> byGroup;
    for (size_t i = 0; i < m_hints.size(); ++i) {
        const Hint& hint = m_hints[i];
        const bool ranked = int(i) == ranking.root
            || std::find(ranking.symptoms.begin(), ranking.symptoms.end(), int(i)) != ranking.symptoms.end();
        const int group = ranked                 ? RootCauseGroup
            : hint.isSuppressed()                ? SuppressedGroup
            : hint.isDisputed()                  ? DisputedGroup
            : hint.severity == Severity::Error   ? ErrorGroup
            : hint.severity == Severity::Warning ? WarningGroup
                                                 : NoteGroup;
        byGroup[size_t(group)].push_back(int(i));
    }
    if (ranking.root >= 0) {
        m_icons[RootCauseGroup] = SeverityBadge::icon(m_hints[size_t(ranking.root)].severity);
        addRootCauseGroup(ranking.root, ranking.symptoms);
    }
    for (int group = ErrorGroup; group < GroupCount; ++group) {
        if (!byGroup[size_t(group)].empty())
            addGroup(group, byGroup[size_t(group)]);
    }
    endResetModel();
}

int HintsModel::addNode(Node node)
{
    const int id = int(m_nodes.size());
    if (node.parent < 0) {
        node.row = int(m_groups.size());
        m_groups.push_back(id);
    } else {
        node.row = int(m_nodes[size_t(node.parent)].children.size());
        m_nodes[size_t(node.parent)].children.push_back(id);
    }
    m_nodes.push_back(std::move(node));
    return id;
}

void HintsModel::addGroup(int group, const std::vector<int>& hints)
{
    Node groupNode;
    groupNode.type = GroupRow;
    groupNode.group = group;
    groupNode.count = int(hints.size());
    const int groupId = addNode(groupNode);

    // Kinds in first-seen order, each hint in the order the detectors produced it.
    QStringList kinds;
    for (int hint : hints) {
        if (!kinds.contains(m_hints[size_t(hint)].kind))
            kinds.append(m_hints[size_t(hint)].kind);
    }
    for (const QString& kind : std::as_const(kinds)) {
        Node kindNode;
        kindNode.type = KindRow;
        kindNode.parent = groupId;
        kindNode.group = group;
        kindNode.kind = kind;
        kindNode.count = int(
            std::count_if(hints.begin(), hints.end(), [&](int hint) { return m_hints[size_t(hint)].kind == kind; }));
        const int kindId = addNode(kindNode);
        for (int hint : hints) {
            if (m_hints[size_t(hint)].kind != kind)
                continue;
            addHint(kindId, group, hint);
        }
    }
}

void HintsModel::addRootCauseGroup(int root, const std::vector<int>& symptoms)
{
    Node groupNode;
    groupNode.type = GroupRow;
    groupNode.group = RootCauseGroup;
    groupNode.count = 1 + int(symptoms.size());
    m_rootCauseNode = addHint(addNode(groupNode), RootCauseGroup, root, symptoms);
}

int HintsModel::addHint(int parent, int group, int hint, const std::vector<int>& symptoms)
{
    Node hintNode;
    hintNode.type = HintRow;
    hintNode.parent = parent;
    hintNode.group = group;
    hintNode.hint = hint;
    const int hintId = addNode(hintNode);
    for (int symptom : symptoms) // before the evidence: what else the cause explains
        addHint(hintId, group, symptom);
    for (size_t e = 0; e < m_hints[size_t(hint)].evidence.size(); ++e) {
        Node evidenceNode;
        evidenceNode.type = EvidenceRow;
        evidenceNode.parent = hintId;
        evidenceNode.group = group;
        evidenceNode.hint = hint;
        evidenceNode.evidence = int(e);
        addNode(evidenceNode);
    }
    return hintId;
}

QModelIndex HintsModel::rootCauseIndex() const
{
    if (m_rootCauseNode < 0)
        return {};
    return createIndex(m_nodes[size_t(m_rootCauseNode)].row, MessageColumn, quintptr(m_rootCauseNode));
}

bool HintsModel::isSymptom(const QModelIndex& index) const
{
    const Node* n = node(index);
    return n && n->type == HintRow && n->parent >= 0 && m_nodes[size_t(n->parent)].type == HintRow;
}

const HintsModel::Node* HintsModel::node(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() >= m_nodes.size())
        return nullptr;
    return &m_nodes[size_t(index.internalId())];
}

HintsModel::RowType HintsModel::rowType(const QModelIndex& index) const
{
    const Node* n = node(index);
    return n ? n->type : GroupRow;
}

const Hint* HintsModel::hint(const QModelIndex& index) const
{
    const Node* n = node(index);
    return n && n->hint >= 0 ? &m_hints[size_t(n->hint)] : nullptr;
}

const HintEvidence* HintsModel::evidence(const QModelIndex& index) const
{
    const Node* n = node(index);
    return n && n->evidence >= 0 ? &m_hints[size_t(n->hint)].evidence[size_t(n->evidence)] : nullptr;
}

QString HintsModel::location(const HintEvidence& evidence) const
{
    if (evidence.file.isEmpty() && evidence.event >= 0 && m_run)
        return m_run->location(evidence.event);
    if (evidence.line > 0)
        return evidence.file + QLatin1Char(':') + QString::number(evidence.line);
    return evidence.file;
}

QString HintsModel::originLabel(Hint::Origin origin)
{
    return origin == Hint::Origin::Stored ? tr("stored") : tr("computed by Runlens");
}

QString HintsModel::whySummary(const QJsonObject& why)
{
    QStringList parts;
    for (auto it = why.begin(); it != why.end(); ++it)
        parts.append(it.key() + QLatin1String(": ") + nestedText(it.value()));
    return parts.join(QLatin1String(", "));
}

QModelIndex HintsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(m_groups[size_t(row)]));
    return createIndex(row, column, quintptr(node(parent)->children[size_t(row)]));
}

QModelIndex HintsModel::parent(const QModelIndex& child) const
{
    const Node* n = node(child);
    if (!n || n->parent < 0)
        return {};
    return createIndex(m_nodes[size_t(n->parent)].row, MessageColumn, quintptr(n->parent));
}

int HintsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != MessageColumn)
        return 0;
    const Node* n = node(parent);
    return n ? int(n->children.size()) : 0;
}

int HintsModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant HintsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node& n = *node(index);
    if (role == RowTypeRole)
        return int(n.type);
    switch (n.type) {
    case GroupRow:
        return groupData(n, index.column(), role);
    case KindRow:
        return kindData(n, index.column(), role);
    case HintRow:
        if (role == Qt::ToolTipRole && index.column() == MessageColumn && isSymptom(index))
            return tr("A consequence of the root cause above: %1").arg(m_hints[size_t(n.hint)].msg);
        return hintData(m_hints[size_t(n.hint)], index.column(), role);
    case EvidenceRow:
        if (role == HintRole)
            return QVariant::fromValue(m_hints[size_t(n.hint)]);
        return evidenceData(m_hints[size_t(n.hint)].evidence[size_t(n.evidence)], index.column(), role);
    }
    return {};
}

QString HintsModel::groupLabel(int group) const
{
    switch (group) {
    case RootCauseGroup:
        return tr("Root cause");
    case ErrorGroup:
        return SeverityBadge::label(Severity::Error);
    case WarningGroup:
        return SeverityBadge::label(Severity::Warning);
    case NoteGroup:
        return SeverityBadge::label(Severity::Note);
    case DisputedGroup:
        return tr("Disputed");
    default:
        return tr("Suppressed");
    }
}

QVariant HintsModel::groupData(const Node& node, int column, int role) const
{
    if (role == EventRole || role == SpanRole)
        return -1;
    if (column != MessageColumn && role != SortRole)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (node.group == RootCauseGroup)
            return node.count > 1 ? tr("Root cause, with %n symptom(s)", nullptr, node.count - 1)
                                  : groupLabel(node.group);
        return tr("%1 (%2)").arg(groupLabel(node.group)).arg(node.count);
    case Qt::DecorationRole:
        return m_icons[size_t(node.group)];
    case Qt::ToolTipRole:
        if (node.group == RootCauseGroup)
            return tr("The hint that names what broke first; the hints nested under it are its consequences");
        if (node.group == SuppressedGroup)
            return tr("Hints silenced by a suppression line; they are not counted with their severity");
        if (node.group == DisputedGroup)
            return tr("Hints stored by upstream that the run's own lines disprove; shown as stored, not counted");
        return {};
    case SortRole:
        return node.group;
    default:
        return {};
    }
}

QVariant HintsModel::kindData(const Node& node, int column, int role) const
{
    if (role == EventRole || role == SpanRole)
        return -1;
    if (column != MessageColumn && role != SortRole)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(node.kind).arg(node.count);
    case Qt::ToolTipRole: {
        const Rule* rule = findRule(node.kind);
        return rule ? tr("%1 fires when %2").arg(node.kind, rule->condition) : QVariant();
    }
    case SortRole:
        return node.kind;
    default:
        return {};
    }
}

QVariant HintsModel::hintData(const Hint& hint, int column, int role) const
{
    const HintEvidence* first = hint.evidence.empty() ? nullptr : &hint.evidence.front();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case MessageColumn:
            return hint.msg;
        case OriginColumn:
            return originLabel(hint.origin);
        case WhyColumn:
            return whySummary(hint.why);
        case EvidenceColumn:
            return first ? location(*first) : QString();
        }
        return {};
    case Qt::DecorationRole:
        return column == MessageColumn ? QVariant(SeverityBadge::icon(hint.severity)) : QVariant();
    case Qt::ToolTipRole:
        switch (column) {
        case MessageColumn:
            if (hint.isSuppressed())
                return tr("%1\nSuppressed by: %2").arg(hint.msg, hint.suppressedBy);
            if (hint.isDisputed())
                return tr("%1\nDisputed: %2").arg(hint.msg, hint.disputed);
            return hint.msg;
        case OriginColumn:
            return hint.origin == Hint::Origin::Stored ? tr("Written by upstream into the source, shown as stored")
                                                       : tr("Computed by Runlens from the run");
        case WhyColumn:
            return QString::fromUtf8(QJsonDocument(hint.why).toJson(QJsonDocument::Indented)).trimmed();
        case EvidenceColumn: {
            QStringList lines;
            for (const HintEvidence& evidence : hint.evidence)
                lines.append(tr("%1: %2").arg(location(evidence), evidence.text));
            return lines.join(QLatin1Char('\n'));
        }
        }
        return {};
    case SortRole:
        switch (column) {
        case MessageColumn:
            return hint.msg;
        case OriginColumn:
            return int(hint.origin);
        case WhyColumn:
            return whySummary(hint.why);
        case EvidenceColumn:
            return first ? first->event : -1;
        }
        return {};
    case HintRole:
        return QVariant::fromValue(hint);
    case EventRole:
        return first ? first->event : -1;
    case SpanRole:
        return first ? first->span : -1;
    default:
        return {};
    }
}

QVariant HintsModel::evidenceData(const HintEvidence& evidence, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == MessageColumn)
            return evidence.text.isEmpty() ? location(evidence) : evidence.text;
        return column == EvidenceColumn ? location(evidence) : QString();
    case Qt::ToolTipRole:
        return column == MessageColumn || column == EvidenceColumn ? tr("%1: %2").arg(location(evidence), evidence.text)
                                                                   : QVariant();
    case SortRole:
        return column == EvidenceColumn ? QVariant(evidence.event) : QVariant(evidence.text);
    case EventRole:
        return evidence.event;
    case SpanRole:
        return evidence.span;
    default:
        return {};
    }
}

QVariant HintsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case MessageColumn:
            return tr("Message");
        case OriginColumn:
            return tr("Origin");
        case WhyColumn:
            return tr("Why");
        case EvidenceColumn:
            return tr("Evidence");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case OriginColumn:
            return tr("Stored by upstream in the source, or computed by Runlens");
        case WhyColumn:
            return tr("The facts the rule used; hover for the full JSON");
        case EvidenceColumn:
            return tr("Where the first proof is; expand the hint for all of it");
        default:
            return {};
        }
    }
    return {};
}

Qt::ItemFlags HintsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (node(index)->type == EvidenceRow)
        result |= Qt::ItemNeverHasChildren;
    return result;
}

} // namespace Runlens
