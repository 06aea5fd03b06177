// SPDX-License-Identifier: MIT
#include "source.h"

namespace Runlens {

const PackMember* Source::member(const QString& name) const
{
    for (const PackMember& m : members) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

RunPtr Source::findRun(const QString& sessionId, const QString& runId) const
{
    for (const RunPtr& run : runs) {
        if ((sessionId.isEmpty() || run->sessionId == sessionId) && run->runId == runId)
            return run;
    }
    return nullptr;
}

QString sourceKindName(Source::Kind kind)
{
    switch (kind) {
    case Source::Kind::Runpack:
        return QStringLiteral("runpack");
    case Source::Kind::TimelineDirectory:
        return QStringLiteral("timeline-directory");
    case Source::Kind::JsonlFile:
        return QStringLiteral("jsonl");
    case Source::Kind::RunReport:
        return QStringLiteral("run-report");
    }
    return {};
}

QString layoutName(Source::Layout layout)
{
    switch (layout) {
    case Source::Layout::None:
        return {};
    case Source::Layout::Upstream:
        return QStringLiteral("upstream");
    case Source::Layout::Seed:
        return QStringLiteral("seed");
    case Source::Layout::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

} // namespace Runlens
