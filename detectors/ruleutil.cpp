// SPDX-License-Identifier: MIT
#include "ruleutil_p.h"

#include "jsonline.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Runlens::RuleUtil {

bool truthy(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return value.toDouble() != 0.0;
    case QJsonValue::String:
        return !value.toString().isEmpty();
    case QJsonValue::Array:
        return !value.toArray().isEmpty();
    case QJsonValue::Object:
        return !value.toObject().isEmpty();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return false;
    }
    return false;
}

bool isInt(const QJsonValue& value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && d == std::floor(d);
}

QString describe(const QJsonValue& value)
{
    if (value.isUndefined())
        return QStringLiteral("absent");
    if (value.isObject() || value.isArray())
        return QString::fromUtf8(compactJson(value));
    if (value.isString())
        return u'"' + value.toString() + u'"';
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("null");
    if (const QLatin1StringView token = nonFiniteToken(value.toDouble()); !token.isEmpty())
        return token;
    return QString::number(value.toDouble());
}

HintEvidence evidenceForEvent(const Run& run, int event, const QString& text)
{
    HintEvidence evidence;
    evidence.event = event;
    if (event >= 0 && size_t(event) < run.events.size()) {
        const Event& e = run.events[size_t(event)];
        evidence.file =
            e.buffer >= 0 && size_t(e.buffer) < run.buffers.size() ? run.buffers[size_t(e.buffer)]->name : QString();
        evidence.line = e.line;
        evidence.text = text.isEmpty() ? e.type + u' ' + e.name : text;
    } else {
        evidence.text = text;
    }
    return evidence;
}

HintEvidence evidenceFor(const Run& run, const Evidence& ev)
{
    if (ev.event >= 0) {
        HintEvidence h = evidenceForEvent(run, ev.event);
        h.span = ev.span;
        return h;
    }
    HintEvidence h { {}, 0, -1, -1, ev.text };
    if (ev.source == QLatin1String("structured") && ev.position >= 0
        && size_t(ev.position) < run.structuredSites.size()) {
        h.file = run.structuredSites[size_t(ev.position)].file;
        h.line = run.structuredSites[size_t(ev.position)].line;
    }
    return h;
}

std::vector<HintEvidence> stageEvidence(const Run& run, const QString& stage)
{
    std::vector<HintEvidence> result;
    const StageCell* cell = run.stage(stage);
    if (!cell)
        return result;
    for (const Evidence& ev : cell->evidence) {
        if (ev.kind == Evidence::Kind::Info)
            continue;
        result.push_back(evidenceFor(run, ev));
    }
    return result;
}

std::vector<int> eventsOfType(const Run& run, const char* type, const char* name)
{
    std::vector<int> result;
    for (int i = 0; i < int(run.events.size()); ++i) {
        const Event& e = run.events[size_t(i)];
        if (e.type == QLatin1String(type) && (!name || e.name == QLatin1String(name)))
            result.push_back(i);
    }
    return result;
}

Hint makeHint(const Rule& rule, const Run& run, QString msg, QJsonObject why, std::vector<HintEvidence> evidence)
{
    Hint hint;
    hint.kind = rule.kind;
    hint.severity = rule.severity;
    hint.msg = std::move(msg);
    hint.why = std::move(why);
    hint.evidence = std::move(evidence);
    hint.sessionId = run.sessionId;
    hint.runId = run.runId;
    return hint;
}

RuleOutcome fired(Hint hint)
{
    RuleOutcome outcome;
    outcome.hints.push_back(std::move(hint));
    return outcome;
}

RuleOutcome notFired(QString whyNot)
{
    RuleOutcome outcome;
    outcome.whyNot = std::move(whyNot);
    return outcome;
}

} // namespace Runlens::RuleUtil
