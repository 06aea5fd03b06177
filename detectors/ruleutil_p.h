// SPDX-License-Identifier: MIT
#pragma once

#include "rule.h"
#include "run.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Runlens::RuleUtil {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Rules)
};

/// Python truthiness, as upstream's detector tests values.
bool truthy(const QJsonValue& value);
/// Upstream's int test: an integral JSON number (bools excluded).
bool isInt(const QJsonValue& value);
QString describe(const QJsonValue& value); // compact JSON text of a value, for why-not messages

HintEvidence evidenceForEvent(const Run& run, int event, const QString& text = {});
/// The evidence of a stage cell's fact: its timeline line, or the ledger file and line of a structured
/// record; no file at all (never a made-up one) for a checkpoint or a record whose line is not known.
HintEvidence evidenceFor(const Run& run, const Evidence& ev);
/// The deciding (non-Info) timeline evidence of a stage row.
std::vector<HintEvidence> stageEvidence(const Run& run, const QString& stage);
std::vector<int> eventsOfType(const Run& run, const char* type, const char* name = nullptr);

Hint makeHint(const Rule& rule, const Run& run, QString msg, QJsonObject why, std::vector<HintEvidence> evidence);
RuleOutcome fired(Hint hint);
RuleOutcome notFired(QString whyNot);

} // namespace Runlens::RuleUtil
