// SPDX-License-Identifier: MIT
#include "entrypoints.h"
#include "sourcereader.h"

#include "engine.h"
#include "hintreport.h"
#include "hostileinput.h"
#include "jsonline.h"
#include "packbuilder.h"
#include "runbuilder.h"
#include "runreport.h"
#include "source.h"
#include "suppressions.h"
#include "timelinereader.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>

namespace Runlens::Fuzz {

namespace {

using Members = QList<QPair<QString, QByteArray>>;

// A small but complete pack of each layout; a member target replaces one member with the input.
const QByteArray kUpstreamMeta = R"({
  "schema": "codeintel/runpack@v1",
  "session_id": "s1",
  "run_id": "r1",
  "trace_id": null,
  "reason": "error",
  "generated_at": 1795560000
})";
const QByteArray kSeedMeta =
    R"({"session_id": "s1", "run_id": "r1", "trace_id": null, "reason": null, "generated_at": 1795560000})";
const QByteArray kEvents =
    R"({"ts": 1795560000.1, "type": "operation.start", "name": "mcp.tool:search.semantic_pro", "status": "ok", "session_id": "s1", "run_id": "r1"}
{"ts": 1795560000.2, "type": "step.start", "name": "vllm.embed_batch", "status": "ok", "session_id": "s1", "run_id": "r1"}
{"ts": 1795560000.3, "type": "step.end", "name": "vllm.embed_batch", "status": "error", "session_id": "s1", "run_id": "r1", "message": "boom", "attrs": {"duration_ms": 100}}
{"ts": 1795560000.4, "type": "operation.end", "name": "mcp.tool:search.semantic_pro", "status": "error", "session_id": "s1", "run_id": "r1", "message": "boom", "attrs": {"duration_ms": 300}})";
const QByteArray kTimelineReport =
    R"({"session_id": "s1", "run_id": "r1", "summary": {"status": "error", "events": 4}, "first_error": null, "events": []})";
const QByteArray kRunReport = R"({"session_id": "s1", "run_id": "r1", "status": "error", "stop_reason": "boom",
  "checkpoints": [{"stage": "search.embed", "ok": false, "reason": "boom"}],
  "ops_coverage": {"embed": true, "dense": false, "sparse": false, "gather": false, "fuse": false, "hydrate": false},
  "budgets": {"rrf_k": 30}, "hints": [{"kind": "gap:dense", "msg": "no dense", "why": {"x": 1}}]})";
const QByteArray kBudgets = R"({"rrf_k": 30, "rm3_enabled": false, "per_channel_depths": {"semantic": 20}})";
const QByteArray kContext =
    R"({"paths": {"repo_root": "/srv/repo"}, "runtime": {"faiss": {"gpu_ready": false, "index_kind": "ivf"}}})";
const QByteArray kPointer =
    R"({"markdown": "r.md", "json": "r.json", "session_id": "s1", "run_id": "r0", "summary": {"status": "ok"}})";
const QByteArray kSeedReport = R"({"session_id": "s1", "run_id": "r1", "status": "error", "stop_reason": "boom",
  "stages": [{"name": "embed.vllm", "ok": false, "reason": "boom", "latency_s": 0.1}], "hints": [],
  "events": [{"ts": 1795560000.1, "type": "operation.start", "name": "mcp.tool:search.semantic_pro", "status": "ok"}]})";

struct MemberTarget
{
    const char* target;
    const char* member;
    bool seed;
};
const MemberTarget kMemberTargets[] = {
    { "member_meta", "meta.json", false },
    { "member_timeline_report", "timeline_report.json", false },
    { "member_run_report", "run_report.json", false },
    { "member_budgets", "budgets.json", false },
    { "member_context", "context.json", false },
    { "member_latest_report_pointer", "latest_report_pointer.json", false },
    { "member_seed_report", "report.json", true },
};

Members skeleton(bool seed)
{
    if (seed)
        return { { QStringLiteral("meta.json"), kSeedMeta }, { QStringLiteral("report.json"), kSeedReport },
            { QStringLiteral("budgets.json"), kBudgets }, { QStringLiteral("context.json"), kContext } };
    return { { QStringLiteral("meta.json"), kUpstreamMeta },
        { QStringLiteral("timeline_report.json"), kTimelineReport },
        { QStringLiteral("timeline_events.jsonl"), kEvents }, { QStringLiteral("run_report.json"), kRunReport },
        { QStringLiteral("budgets.json"), kBudgets }, { QStringLiteral("context.json"), kContext },
        { QStringLiteral("latest_report_pointer.json"), kPointer } };
}

/// A zip of stored members: ZipArchive::writeToBuffer() deflates, and a deflate state per member per
/// input costs more than everything the member targets are after.
QByteArray storedZip(const Members& members)
{
    Test::RawZipMembers raw;
    for (const auto& [name, data] : members) {
        Test::RawZipMember member;
        member.name = name.toUtf8();
        member.data = data;
        member.method = 0;
        raw.append(member);
    }
    return Test::rawZip(raw);
}

/// Diagnostics say what (a message) and where (a line and offset inside the bytes they name).
QString checkDiagnostics(const Diagnostics& problems, const QHash<QString, qint64>& sizes)
{
    for (const Diagnostic& d : problems) {
        const QString where = d.toString();
        if (d.message.trimmed().isEmpty())
            return QStringLiteral("diagnostic without a message: ") + where;
        if (d.line < 0 || d.byteOffset < -1)
            return QStringLiteral("diagnostic with a negative position: ") + where;
        const auto size = sizes.constFind(d.file);
        if (size != sizes.constEnd() && d.byteOffset > *size)
            return QStringLiteral("diagnostic offset past the end of %1 bytes: ").arg(*size) + where;
    }
    return {};
}

/// Every hint has a kind; computed ones have a message too (stored ones are shown as stored).
QString checkHints(const Hints& hints)
{
    for (const Hint& hint : hints) {
        if (hint.kind.isEmpty())
            return QStringLiteral("hint without a kind: ") + hint.msg;
        if (hint.origin == Hint::Origin::Computed && hint.msg.trimmed().isEmpty())
            return QStringLiteral("computed hint without a message: ") + hint.kind;
    }
    return {};
}

/// Everything a reader's result goes through in the CLI and the GUI: detectors, reports, regeneration.
QString checkSource(const Source& source, bool seedLayout)
{
    if (!source.ok())
        return source.fatalError.trimmed().isEmpty() ? QStringLiteral("fatal error without a message") : QString();
    QHash<QString, qint64> sizes;
    for (const PackMember& member : source.members)
        sizes.insert(member.name, member.bytes.size());
    if (QString bad = checkDiagnostics(source.problems, sizes); !bad.isEmpty())
        return bad;

    const HintReport report = buildHintReport(source, {});
    if (QString bad = checkHints(report.sourceHints); !bad.isEmpty())
        return bad;
    for (const RunHints& run : report.runs) {
        if (QString bad = checkHints(run.hints); !bad.isEmpty())
            return bad;
    }
    if (reportJson(source, {}).isEmpty() || reportText(source, {}).isEmpty() || reportMarkdown(source, {}).isEmpty())
        return QStringLiteral("empty report");
    hintsSarif(report);

    if (!source.runs.empty()) {
        // One regeneration per input, the layout picked by the input so that replays do the same.
        PackOptions options;
        options.sessionId = source.runs.front()->sessionId;
        options.runId = source.runs.front()->runId;
        options.layout = seedLayout ? PackOptions::Layout::Seed : PackOptions::Layout::Upstream;
        options.redact = seedLayout;
        PackMembers members;
        QString error;
        if (!buildPack(source, options, &members, &error) && error.trimmed().isEmpty())
            return QStringLiteral("pack refused without a message");
    }
    return {};
}

QString timelineLine(const QByteArray& bytes)
{
    JsonLineParser parser;
    Event event;
    RunKey key;
    QString error;
    Diagnostics warnings;
    const auto result = parser.parse(bytes, &event, &key, &error, &warnings);
    if (result == JsonLineParser::Result::Invalid && error.trimmed().isEmpty())
        return QStringLiteral("invalid line without a reason");
    for (const Diagnostic& warning : std::as_const(warnings)) {
        if (warning.message.trimmed().isEmpty())
            return QStringLiteral("empty warning");
    }
    parseAttrs(bytes);
    return {};
}

QString jsonlBuffer(const QByteArray& bytes)
{
    auto buffer = std::make_shared<TextBuffer>();
    buffer->name = QStringLiteral("events-20261124.jsonl");
    buffer->bytes = bytes;
    TimelineData data;
    data.buffers.push_back(buffer);
    TimelineReader::parseBuffer(*buffer, 0, &data);
    const QHash<QString, qint64> sizes { { buffer->name, bytes.size() } };
    if (QString bad = checkDiagnostics(data.problems, sizes); !bad.isEmpty())
        return bad;
    for (RunGroup& group : groupByRun(std::move(data.events), data.keys)) {
        const RunPtr run = buildRun(group.sessionId, group.runId, std::move(group.events), data.buffers, {});
        if (QString bad = checkDiagnostics(run->problems, sizes); !bad.isEmpty())
            return bad;
        if (QString bad = checkHints(detectRun(*run)); !bad.isEmpty())
            return bad;
    }
    return {};
}

/// readSource() takes a path; one file per process, rewritten for every input.
QString packFile(const QByteArray& bytes)
{
    static QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("input.zip")); // not const: returned, so moved
    QFile file(path);
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("fuzz: cannot write %s", qPrintable(path));
    return path;
}

QString runpack(const QByteArray& bytes)
{
    const SourcePtr source = readSource(packFile(bytes));
    if (source->ok() && source->kind != Source::Kind::Runpack)
        return QStringLiteral("a zip read as something else");
    return checkSource(*source, qHash(bytes) & 1);
}

QString packMember(const MemberTarget& target, const QByteArray& bytes)
{
    Members members = skeleton(target.seed);
    for (auto& member : members) {
        if (member.first == QLatin1String(target.member))
            member.second = bytes;
    }
    const SourcePtr source = readSource(packFile(storedZip(members)));
    if (!source->ok())
        return QStringLiteral("a pack with one broken member is unreadable: ") + source->fatalError;
    if (!source->member(QLatin1String(target.member)))
        return QStringLiteral("member lost: ") + QLatin1String(target.member);
    return checkSource(*source, qHash(bytes) & 1);
}

QString suppressions(const QByteArray& bytes)
{
    Suppressions suppressions;
    suppressions.parse(bytes, QStringLiteral(".runlens-suppress"));
    const QHash<QString, qint64> sizes { { QStringLiteral(".runlens-suppress"), bytes.size() } };
    if (QString bad = checkDiagnostics(suppressions.problems(), sizes); !bad.isEmpty())
        return bad;
    Hints hints;
    for (const char* kind : { "gap:hydrate", "config:sparse-disabled", "perf:slow-stage", "runlens:cut-off" }) {
        Hint hint;
        hint.kind = QLatin1String(kind);
        hint.msg = QStringLiteral("m");
        hint.sessionId = QStringLiteral("sess-a");
        hint.runId = QStringLiteral("f7fe85bab97843aab788eef0bcbc1465");
        hints.push_back(hint);
    }
    suppressions.apply(hints);
    return {};
}

} // namespace

QStringList targets()
{
    QStringList names = { QStringLiteral("timeline_line"), QStringLiteral("jsonl_buffer"), QStringLiteral("runpack") };
    for (const MemberTarget& target : kMemberTargets)
        names.append(QLatin1String(target.target));
    names.append(QStringLiteral("suppressions"));
    return names;
}

QString run(const QString& target, const QByteArray& bytes)
{
    if (target == QLatin1String("timeline_line"))
        return timelineLine(bytes);
    if (target == QLatin1String("jsonl_buffer"))
        return jsonlBuffer(bytes);
    if (target == QLatin1String("runpack"))
        return runpack(bytes);
    if (target == QLatin1String("suppressions"))
        return suppressions(bytes);
    for (const MemberTarget& member : kMemberTargets) {
        if (target == QLatin1String(member.target))
            return packMember(member, bytes);
    }
    return QStringLiteral("unknown fuzz target ") + target;
}

} // namespace Runlens::Fuzz
