// SPDX-License-Identifier: MIT
#include "causeranking.h"

#include <QStringList>

#include <algorithm>

namespace Runlens {

namespace {

bool citesEvent(const Hint& hint, int event)
{
    return event >= 0 && std::any_of(hint.evidence.begin(), hint.evidence.end(), [event](const HintEvidence& evidence) {
        return evidence.event == event;
    });
}

// The kinds that name a cause of this kind, most specific first.
QStringList rootKinds(const RootCause& cause)
{
    switch (cause.kind) {
    case RootCause::Kind::Failed:
        return cause.stage.isEmpty() ? QStringList { QStringLiteral("run:failed") }
                                     : QStringList { QStringLiteral("stage:failed"), QStringLiteral("run:failed") };
    case RootCause::Kind::CutOff:
        return { QStringLiteral("run:cut-off") };
    case RootCause::Kind::Degraded:
        return { QStringLiteral("channel:failed"), QStringLiteral("dense:fallback"),
            QStringLiteral("degrade:faiss-cpu") };
    default:
        return {};
    }
}

// What a failed or cut-off run shows downstream of its cause: these need no investigation of their own. A cut-off
// run's interrupted stage is Failed too, but only because the run stopped.
bool isConsequence(const QString& kind, RootCause::Kind cause)
{
    static const QStringList kinds { QStringLiteral("gap:hydrate"), QStringLiteral("result:empty"),
        QStringLiteral("result:missing"), QStringLiteral("timeline:unclosed") };
    return kinds.contains(kind) || (cause == RootCause::Kind::CutOff && kind == QLatin1String("stage:failed"));
}

} // namespace

CauseRanking rankByCause(const RootCause& cause, const Hints& hints)
{
    CauseRanking ranking;
    const QStringList kinds = rootKinds(cause);
    if (kinds.isEmpty())
        return ranking;
    // The most specific kind wins; among hints of one kind (a channel:failed per channel), the one citing the
    // very line the cause came from. A hint of another kind only when it cites that line and nothing else names it.
    int best = -1;
    int bestScore = 0;
    for (int i = 0; i < int(hints.size()); ++i) {
        const Hint& hint = hints[size_t(i)];
        if (!hint.isActive())
            continue;
        const int kindRank = int(kinds.indexOf(hint.kind));
        const int score =
            (kindRank < 0 ? 0 : 2 * (int(kinds.size()) - kindRank)) + (citesEvent(hint, cause.event) ? 1 : 0);
        if (score > bestScore) {
            best = i;
            bestScore = score;
        }
    }
    ranking.root = best;
    if (best < 0 || cause.kind == RootCause::Kind::Degraded)
        return ranking;
    for (int i = 0; i < int(hints.size()); ++i) {
        if (i != best && hints[size_t(i)].isActive() && isConsequence(hints[size_t(i)].kind, cause.kind))
            ranking.symptoms.push_back(i);
    }
    // The most severe first, each severity in the detectors' order.
    std::stable_sort(ranking.symptoms.begin(), ranking.symptoms.end(),
        [&hints](int a, int b) { return hints[size_t(a)].severity > hints[size_t(b)].severity; });
    return ranking;
}

} // namespace Runlens
