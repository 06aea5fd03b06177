// SPDX-License-Identifier: MIT
#pragma once

#include "hint.h"
#include "run.h"
#include "source.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

namespace Runlens {

/// One stage row of two runs side by side.
struct StageDiff
{
    QString stage;
    CellStatus a = CellStatus::NotReached; // NotReached also when the row is missing on that side
    CellStatus b = CellStatus::NotReached;
    double msA = NAN;
    double msB = NAN;
    QString reasonA;
    QString reasonB;

    bool statusChanged() const { return a != b; }
    double deltaMs() const { return msB - msA; } // NaN unless both have a duration
};

/// A setting that differs between two JSON objects, by dotted path ("retrieval.rrf_k").
struct SettingDiff
{
    QString path;
    QJsonValue a; // Undefined when only b has it
    QJsonValue b; // Undefined when only a has it
};

/// What differs between run A and run B (issue 9): the stage grids row by row (rows of both, in
/// grid order), hints by kind and message that only one has, and budgets.json and context.json.
struct RunDiff
{
    RunPtr a;
    RunPtr b;
    QString labelA; // "file: session/run", for output
    QString labelB;
    std::vector<StageDiff> stages;
    Hints onlyA; // active hints of A with no hint of the same kind and msg in B
    Hints onlyB;
    std::vector<SettingDiff> budgets;
    std::vector<SettingDiff> context;

    /// Equal in what `diff`'s exit code looks at: every stage status, and the hints.
    bool sameStagesAndHints() const;
};

/// Compares two runs; `hintsA`/`hintsB` are their detected hints (suppressed ones are ignored).
RunDiff diffRuns(
    RunPtr a, const Hints& hintsA, const QString& labelA, RunPtr b, const Hints& hintsB, const QString& labelB);
/// "runpack_x.zip: session/run": how a compare names a run of the input at `path`.
QString runLabel(const QString& path, const Run& run);
/// The run of `source` a compare takes for `spec`, "SESSION/RUN" or a run id (either may hold a '/'
/// itself); an empty spec takes the first run with a tool scope. Background runs have no stage grid to
/// compare and are never taken. Null when none matches.
RunPtr pickRunToCompare(const Source& source, const QString& spec);
/// Reads the inputs at `pathA` and `pathB`, picks a run of each (pickRunToCompare) and compares them
/// with their detected hints; without a result, `error` says which input failed and why.
std::optional<RunDiff> compareInputs(
    const QString& pathA, const QString& specA, const QString& pathB, const QString& specB, QString* error);

/// Every leaf of two JSON objects that differs, by dotted path, sorted by path.
std::vector<SettingDiff> diffSettings(const QJsonObject& a, const QJsonObject& b);

/// When a setting's two values are paths that differ only before a tail of whole components they share
/// ("/tmp/ci/a/data/x.faiss" and "/srv/b/data/x.faiss" share "/data/x.faiss"), that tail, else empty: the
/// same files in a moved checkout or data folder, which a compare can fold into one line.
QString sharedPathTail(const SettingDiff& setting);

QByteArray diffText(const RunDiff& diff);
QByteArray diffJson(const RunDiff& diff); // documented in docs/triage.md
QByteArray diffMarkdown(const RunDiff& diff);

} // namespace Runlens
