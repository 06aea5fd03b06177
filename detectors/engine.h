// SPDX-License-Identifier: MIT
#pragma once

#include "hint.h"
#include "rule.h"

#include <QStringList>

namespace Runlens {

struct Run;
struct Source;

/// Every rule, upstream's six first (in upstream's order), then Runlens's own.
const std::vector<Rule>& allRules();
const Rule* findRule(const QString& kind);

/// The hints of one run: upstream's six as stored when the source stored hints (shown exactly as
/// stored, spec 9.4), computed otherwise; Runlens's own rules always computed.
Hints detectRun(const Run& run, const Thresholds& thresholds = {});

/// Hints about the source as a whole rather than one run (malformed timeline lines).
Hints detectSourceProblems(const Source& source);

/// Why a rule did or did not fire on a run.
struct Explanation
{
    const Rule* rule = nullptr;
    bool fired = false;
    QString whyNot;
    Hints hints;
};
Explanation explain(const Run& run, const QString& kind, const Thresholds& thresholds = {});

} // namespace Runlens
