// SPDX-License-Identifier: MIT
#include "engine.h"
#include "detectorslogging.h"
#include "ruleutil_p.h"

#include "source.h"

namespace Runlens {

using namespace RuleUtil;

const std::vector<Rule>& allRules()
{
    static const std::vector<Rule> rules = [] {
        std::vector<Rule> all = upstreamRules();
        for (Rule& rule : ownRules())
            all.push_back(std::move(rule));
        return all;
    }();
    return rules;
}

const Rule* findRule(const QString& kind)
{
    for (const Rule& rule : allRules()) {
        if (rule.kind == kind)
            return &rule;
    }
    return nullptr;
}

Hints detectRun(const Run& run, const Thresholds& thresholds)
{
    Hints hints;
    if (run.hasStoredHints) {
        for (const StoredHint& stored : run.storedHints) {
            Hint hint;
            hint.kind = stored.kind;
            const Rule* rule = findRule(stored.kind);
            hint.severity = rule ? rule->severity : Severity::Warning;
            hint.msg = stored.msg;
            hint.why = stored.why;
            hint.origin = Hint::Origin::Stored;
            hint.sessionId = run.sessionId;
            hint.runId = run.runId;
            // Stored hints carry no evidence; borrow it from the same rule run here when it agrees, and
            // dispute the hint when the rule run here disproves it.
            if (rule) {
                RuleOutcome outcome = rule->evaluate(run, thresholds);
                if (!outcome.hints.empty()) {
                    hint.evidence = std::move(outcome.hints.front().evidence);
                } else if (!outcome.disproof.isEmpty()) {
                    hint.disputed = std::move(outcome.disproof);
                    hint.evidence = std::move(outcome.counterEvidence);
                }
            }
            hints.push_back(std::move(hint));
        }
    }
    for (const Rule& rule : allRules()) {
        if (rule.upstream && run.hasStoredHints)
            continue;
        for (Hint& hint : rule.evaluate(run, thresholds).hints)
            hints.push_back(std::move(hint));
    }
    if (lcDetectors().isDebugEnabled()) {
        QStringList fired;
        for (const Hint& hint : hints)
            fired.append(hint.origin == Hint::Origin::Stored ? hint.kind + QLatin1String(" (stored)") : hint.kind);
        qCDebug(lcDetectors, "run %ls/%ls: %lld hints: %ls", qUtf16Printable(run.sessionId), qUtf16Printable(run.runId),
            static_cast<long long>(hints.size()), qUtf16Printable(fired.join(QLatin1String(", "))));
    }
    return hints;
}

Hints detectSourceProblems(const Source& source)
{
    std::vector<HintEvidence> evidence;
    for (const Diagnostic& d : source.problems) {
        if (d.code == QLatin1String("malformed-line") || d.code == QLatin1String("truncated-line"))
            evidence.push_back({ d.file, d.line, -1, -1, d.message });
    }
    if (evidence.empty())
        return {};
    Hint hint;
    hint.kind = QStringLiteral("timeline:malformed");
    hint.severity = Severity::Warning;
    hint.msg = Tr::tr("%1 timeline lines could not be read and were skipped.").arg(evidence.size());
    hint.why = { { QStringLiteral("skipped_lines"), qsizetype(evidence.size()) } };
    hint.evidence = std::move(evidence);
    return { hint };
}

Explanation explain(const Run& run, const QString& kind, const Thresholds& thresholds)
{
    Explanation explanation;
    explanation.rule = findRule(kind);
    if (!explanation.rule)
        return explanation;
    RuleOutcome outcome = explanation.rule->evaluate(run, thresholds);
    explanation.fired = !outcome.hints.empty();
    explanation.whyNot = outcome.whyNot;
    explanation.hints = std::move(outcome.hints);
    return explanation;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Note:
        return QStringLiteral("note");
    }
    return {};
}

bool parseSeverity(const QString& name, Severity* severity)
{
    for (Severity s : { Severity::Error, Severity::Warning, Severity::Note }) {
        if (severityName(s) == name) {
            *severity = s;
            return true;
        }
    }
    return false;
}

} // namespace Runlens
