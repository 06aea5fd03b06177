// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <vector>

namespace Runlens {

enum class Severity
{
    Note,
    Warning,
    Error
}; // ordered: a higher value is more severe

QString severityName(Severity severity); // "error", "warning", "note"
bool parseSeverity(const QString& name, Severity* severity); // the inverse; false for unknown names

/// Where a hint's proof is: a timeline line (file or member, line, event index) or a span.
struct HintEvidence
{
    QString file;
    qint64 line = 0;
    int event = -1; // index into Run::events
    int span = -1; // index into Run::spans
    QString text;
};

/// One finding about a run. `kind` is the stable id (`family:name`); `msg` is for people.
struct Hint
{
    enum class Origin
    {
        Computed,
        Stored
    }; // Stored: written by upstream into the pack, shown as is

    QString kind;
    Severity severity = Severity::Warning;
    QString msg;
    QJsonObject why; // the facts the rule used, with upstream's key names where upstream has them
    std::vector<HintEvidence> evidence;
    Origin origin = Origin::Computed;
    QString sessionId;
    QString runId;
    QString suppressedBy; // the suppression line that matched; empty when active
    // A stored hint that Runlens's own evaluation of the same rule over the same data disproves: why, with
    // the deciding line. Shown (it is what upstream said) but never counted. Empty when not disputed.
    QString disputed;

    bool isSuppressed() const { return !suppressedBy.isEmpty(); }
    bool isDisputed() const { return !disputed.isEmpty(); }
    /// Counts toward severities, badges and --fail-on: neither suppressed nor disputed.
    bool isActive() const { return !isSuppressed() && !isDisputed(); }
};

using Hints = std::vector<Hint>;

} // namespace Runlens

Q_DECLARE_METATYPE(Runlens::Hint)
