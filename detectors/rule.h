// SPDX-License-Identifier: MIT
#pragma once

#include "hint.h"

#include <functional>

namespace Runlens {

struct Run;
struct Source;

/// Numbers that decide Runlens's own rules, in one place so docs/detectors.md can quote them.
struct Thresholds
{
    double slowStageShare = 0.6; // perf:slow-stage: a stage taking this share of the run ...
    double slowStageMinMs = 250; // ... and at least this long
    double budgetGraceFactor = 1.0; // perf:over-budget: duration > budget.ms x factor
};

/// What a rule concluded for one run: its hints, or the condition that did not hold.
struct RuleOutcome
{
    Hints hints;
    QString whyNot; // set when no hint fired: the first condition that failed, with the value seen
    // Set when no hint fired because the data contradicts the rule's upstream condition (one of the
    // departures of spec 11.7), never for mere absence of data: why, with the deciding line. A stored hint
    // of the rule is then disputed, with `counterEvidence` as its evidence.
    QString disproof;
    std::vector<HintEvidence> counterEvidence;
};

/// One detection rule: a small pure function over a finished run.
struct Rule
{
    QString kind;
    Severity severity;
    QString message; // the one-line message (upstream's literal text for the six upstream kinds)
    QString condition; // when it fires, for docs and `explain`
    bool upstream = false;
    std::function<RuleOutcome(const Run&, const Thresholds&)> evaluate;
};

/// The six upstream rules (spec 9.1), in upstream's order.
std::vector<Rule> upstreamRules();
/// Runlens's own rules; none reuses an upstream kind.
std::vector<Rule> ownRules();

} // namespace Runlens
