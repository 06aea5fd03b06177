// SPDX-License-Identifier: MIT
#pragma once

#include "rule.h"
#include "run.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Runlens::RuleUtil {

inline QString tr(const char* text)
{
    return QCoreApplication::translate("Runlens::Rules", text);
}

/// Python truthiness, as upstream's detector tests values.
bool truthy(const QJsonValue& value);
/// Upstream's int test: an integral JSON number (bools excluded).
bool isInt(const QJsonValue& value);
QString describe(const QJsonValue& value); // compact JSON text of a value, for why-not messages

HintEvidence evidenceForEvent(const Run& run, int event, const QString& text = {});
/// The deciding (non-Info) timeline evidence of a stage row.
std::vector<HintEvidence> stageEvidence(const Run& run, const QString& stage);
std::vector<int> eventsOfType(const Run& run, const char* type, const char* name = nullptr);

Hint makeHint(const Rule& rule, const Run& run, QString msg, QJsonObject why, std::vector<HintEvidence> evidence);
RuleOutcome fired(Hint hint);
RuleOutcome notFired(QString whyNot);

} // namespace Runlens::RuleUtil
