// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "event.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace Runlens {

/// A start/end scope pair (operation.* or step.*), paired by nesting (spec 3.3).
struct Span
{
    Atom kind; // "operation" or "step"
    Atom name;
    int startEvent = -1; // index into Run::events; -1 for an orphan end
    int endEvent = -1; // -1 while unclosed
    int parent = -1; // index into Run::spans
    int depth = 0;
    double startTs = 0;
    double endTs = 0; // last ts of the run when unclosed
    double durationMs = 0; // the end line's duration_ms when present, else from ts
    Atom status; // the end line's status; "unclosed" when it has none
    Atom message;

    bool isClosed() const { return endEvent >= 0 && startEvent >= 0; }
    bool isOrphanEnd() const { return startEvent < 0; }
};

/// A stage record kept by the producer: an upstream checkpoint or a seed-plan stage (spec 6.2, 8.3).
struct Checkpoint
{
    Atom name;
    bool ok = true;
    Atom reason;
    QJsonObject attrs; // as stored; empty for a derived checkpoint (see Run::checkpointAttrs)
    double latencyS = NAN; // seed stages only
    double durationMs = NAN; // checkpoints derived from a scope: the scope's duration
    int attrsEvent = -1; // derived from a scope: its end line, whose attrs are parsed only when asked for
};

enum class CellStatus
{
    NotReached,
    Ran,
    Skipped,
    Failed,
    Degraded,
    Running
};

/// Where a stored record was read: a file relative to the input (or a pack member) and its 1-based line.
struct RecordSite
{
    QString file;
    qint64 line = 0;
};

/// One fact that counted toward a stage cell (spec 11.4).
struct Evidence
{
    enum class Kind : quint8
    {
        Ran,
        Failed,
        Skipped,
        Degraded,
        Info
    };
    Kind kind = Kind::Info;
    int event = -1; // index into Run::events for timeline evidence
    int span = -1; // index into Run::spans when a scope decided
    int position = -1; // list position for checkpoints and structured records
    double ts = NAN; // timeline evidence only
    // Interned: a million-line timeline has half a million evidence records with few distinct texts.
    Atom source; // "timeline", "checkpoint", "seed stage", "structured", "hint", "context"
    Atom text; // what it says: the event, the checkpoint, the reason
    Atom reason; // skip reason, error message, degradation cause
};

struct StageCell
{
    Atom stage; // row name: embed, dense, sparse:bm25, ..., or an extra row
    CellStatus status = CellStatus::NotReached;
    Atom reason;
    Atom secondaryReason; // a disagreeing source's reason (structured "disabled_option")
    double durationMs = NAN;
    std::vector<Evidence> evidence;
    std::vector<int> spans; // mapped scopes of this row, for selection in the views
};

/// Upstream's six coverage booleans (spec 6.3), stored or recomputed from checkpoints.
struct OpsCoverage
{
    static constexpr std::array<const char*, 6> keys = { "embed", "dense", "sparse", "gather", "fuse", "hydrate" };
    std::array<bool, 6> values {};
    bool stored = false; // taken from a run report rather than computed
    bool value(const char* key) const;
    QJsonObject toJson() const;
};

enum class RunStatus
{
    Complete,
    Error,
    CutOff,
    Running,
    Background
};

/// Hints as a producer stored them (run_report.json, seed report.json), shown as stored (spec 9.4).
struct StoredHint
{
    QString kind;
    QString msg;
    QJsonObject why;
};

/// Everything Runlens knows about one run. Built once by RunBuilder, then shared read-only.
struct Run
{
    QString sessionId;
    QString runId;
    QString tool; // "search.semantic_pro"; empty for background runs
    RunStatus status = RunStatus::Background;
    QString stopReason; // empty when none
    QString stoppedAfter; // row name; empty for "stopped before the first stage"
    double startedAt = NAN;
    double finishedAt = NAN;
    double durationMs = NAN;

    std::vector<Event> events; // stable-sorted by ts
    TextBuffers buffers; // the bytes events point into
    std::vector<Span> spans; // in start order; orphan ends at their end position
    int toolSpan = -1; // the tool's operation span
    int firstError = -1; // event index of the first failure evidence, -1 when none

    std::vector<Checkpoint> checkpoints; // stored (run report, seed stages) or derived from scopes
    bool checkpointsStored = false;
    QJsonArray structuredEvents; // spec 10.1 records from the run report or the step ledger
    // Where each of structuredEvents was read, in the same order (may be shorter: then not known): the step
    // ledger relative to the input and its line. Records of a run report have no line of their own.
    std::vector<RecordSite> structuredSites;
    OpsCoverage opsCoverage;
    // Budgets as a report, a settings snapshot or budgets.json stored them, or else the decision line that
    // carries them, parsed when asked for: a parsed object is a kilobyte a run.
    QJsonObject storedBudgets;
    int budgetsEvent = -1;
    QString budgetsSource; // "gate.budget", "retrieval.budget", "settings snapshot", "budgets.json" or empty
    QJsonObject context; // context.json of the pack, when any
    QJsonObject capabilities;
    std::vector<StoredHint> storedHints;
    bool hasStoredHints = false; // the source had a hints list, even an empty one
    std::vector<StageCell> stages;
    Diagnostics problems; // problems of this run (orphan ends, unclosed scopes, ts going back)

    bool hasGrid() const { return toolSpan >= 0 || !checkpoints.empty(); }
    QJsonObject attrs(int eventIndex) const; // parsed on demand from the raw line
    QJsonValue attr(int eventIndex, QLatin1StringView key) const; // one member, without building the object
    /// The line an event was read from, read again from its file when it is not in memory. Empty, with `error`,
    /// when that file changed since it was read (truncated or rewritten): other bytes are never given instead.
    QByteArray rawLine(int eventIndex, QString* error = nullptr) const;
    /// The same without a copy when the line is in memory: valid while the run lives.
    QByteArray lineBytes(int eventIndex, QString* error) const;
    /// A checkpoint's attrs: as stored, or for one derived from a scope, its end line's attrs without
    /// duration_ms and with the status, parsed on demand.
    QJsonObject checkpointAttrs(const Checkpoint& checkpoint) const;
    QJsonValue checkpointAttr(const Checkpoint& checkpoint, QLatin1StringView key) const;
    QJsonObject budgets() const;
    QJsonValue budget(QLatin1StringView key) const; // one member, without building the object
    QString location(int eventIndex) const; // "file:line"
    const StageCell* stage(const QString& name) const;
    double offsetMs(double ts) const; // ms from run start
};

using RunPtr = std::shared_ptr<const Run>;

QString runStatusName(RunStatus status); // JSON spelling: complete, error, cut-off, running, background
/// Translated name for people: "Complete", "Failed", "Cut off", "Running", "Background".
QString runStatusLabel(RunStatus status);
QString cellStatusName(CellStatus status); // JSON spelling: ran, skipped, failed, degraded, not-reached, running
QString cellStatusLabel(CellStatus status); // translated: Ran, Skipped, ...

} // namespace Runlens

Q_DECLARE_METATYPE(Runlens::RunPtr)
