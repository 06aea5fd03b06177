// SPDX-License-Identifier: MIT
#include "packbuilder.h"
#include "hintreport.h"
#include "pyjson_p.h"
#include "redactor_p.h"
#include "runreport.h"
#include "ziparchive.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace Runlens {

namespace {

using PyJson::Json;

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::PackWriter)
};

std::string str(const QString& s)
{
    return s.toStdString();
}

Json nullable(const QString& s)
{
    return s.isEmpty() ? Json(nullptr) : Json(str(s));
}

Json number(double value)
{
    return std::isnan(value) ? Json(nullptr) : Json(value);
}

struct Selection
{
    std::vector<RunPtr> runs;
    std::vector<Json> events; // the raw lines as ordered JSON, merged and stable-sorted by ts
    double lastTs = 0; // of the last event, as the run has it: never NaN (placeNonFiniteTs)
    QString unreadable; // why a line could not be read again (its file changed): the pack is not written
};

Selection select(const Source& source, const PackOptions& options)
{
    Selection selection;
    struct Item
    {
        double ts;
        const Run* run;
        int event;
    };
    std::vector<Item> items;
    for (const RunPtr& run : source.runs) {
        if (run->sessionId != options.sessionId || (!options.runId.isEmpty() && run->runId != options.runId)
            || !options.window.contains(run->startedAt))
            continue;
        selection.runs.push_back(run);
        for (int i = 0; i < int(run->events.size()); ++i)
            items.push_back({ run->events[size_t(i)].ts, run.get(), i });
    }
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.ts < b.ts; });
    for (const Item& item : items) {
        QString error;
        const QByteArray line = item.run->rawLine(item.event, &error);
        if (line.isEmpty()) { // a pack that silently lacks lines would lie about the run
            selection.unreadable = error;
            break;
        }
        Json event = PyJson::parse(line);
        if (event.is_object()) {
            selection.events.push_back(std::move(event));
            selection.lastTs = item.ts;
        }
    }
    return selection;
}

QString upstreamStatus(RunStatus status)
{
    switch (status) {
    case RunStatus::Complete:
        return QStringLiteral("complete");
    case RunStatus::Error:
        return QStringLiteral("error");
    case RunStatus::CutOff:
    case RunStatus::Running:
    case RunStatus::Background:
        return QStringLiteral("partial");
    }
    return {};
}

// build_timeline_run_report (spec 5.1), including its status rule.
Json timelineReport(const PackOptions& options, const Selection& selection)
{
    int operations = 0, steps = 0, decisions = 0;
    QString status = QStringLiteral("missing");
    Json firstError = nullptr;
    for (const Json& event : selection.events) {
        const std::string type = event.value("type", std::string());
        if (type.rfind("operation", 0) == 0) {
            ++operations;
            status = type == "operation.end"
                ? (event.value("status", std::string()) == "ok" ? QStringLiteral("complete") : QStringLiteral("error"))
                : QStringLiteral("partial");
        }
        steps += type.rfind("step", 0) == 0 ? 1 : 0;
        decisions += type == "decision" ? 1 : 0;
        if (firstError.is_null() && event.value("status", std::string()) == "error")
            firstError = event;
    }
    QString runId = options.runId;
    if (runId.isEmpty() && !selection.events.empty())
        runId = QString::fromStdString(selection.events.front().value("run_id", std::string()));
    Json summary = { { "status", str(status) }, { "events", selection.events.size() }, { "operations", operations },
        { "steps", steps }, { "decisions", decisions }, { "channels", Json::object() } };
    Json events = Json::array();
    for (const Json& event : selection.events)
        events.push_back(event);
    return { { "session_id", str(options.sessionId) }, { "run_id", nullable(runId) }, { "summary", summary },
        { "first_error", firstError }, { "events", events } };
}

Json checkpointsJson(const Run& run)
{
    Json list = Json::array();
    for (const Checkpoint& cp : run.checkpoints) {
        Json entry = { { "stage", str(cp.name) }, { "ok", cp.ok } };
        if (!cp.ok)
            entry["reason"] = str(cp.reason);
        const Json attrs = PyJson::fromQt(run.checkpointAttrs(cp));
        for (const auto& [key, value] : attrs.items())
            entry[key] = value;
        list.push_back(entry);
    }
    return list;
}

QString seedStageName(const QString& name)
{
    static const QHash<QString, QString> map = {
        { QStringLiteral("search.embed"), QStringLiteral("vllm.embed") },
        { QStringLiteral("search.faiss"), QStringLiteral("faiss.search") },
        { QStringLiteral("search.bm25"), QStringLiteral("bm25.search") },
        { QStringLiteral("search.splade"), QStringLiteral("splade.search") },
        { QStringLiteral("retrieval.gather"), QStringLiteral("gather.channels") },
        { QStringLiteral("search.rrf_fuse"), QStringLiteral("fuse.rrf") },
        { QStringLiteral("catalog.hydrate"), QStringLiteral("hydrate.catalog") },
    };
    return map.value(name, name);
}

// Seed-plan stage entries {name, ok, latency_s, [reason], attrs}; the outer fuse and hydrate spans
// have no seed name and are left out, as the seed plan does.
Json seedStagesJson(const Run& run)
{
    Json list = Json::array();
    for (const Checkpoint& cp : run.checkpoints) {
        if (cp.name == QLatin1String("retrieval.fuse") || cp.name == QLatin1String("hydrate.duckdb"))
            continue;
        const double latency = !std::isnan(cp.latencyS) ? cp.latencyS : cp.durationMs / 1000.0;
        Json entry = { { "name", str(seedStageName(cp.name)) }, { "ok", cp.ok }, { "latency_s", number(latency) } };
        if (!cp.ok)
            entry["reason"] = str(cp.reason);
        entry["attrs"] = PyJson::fromQt(run.checkpointAttrs(cp));
        list.push_back(entry);
    }
    return list;
}

Json gridJson(const Run& run)
{
    Json list = Json::array();
    for (const StageCell& cell : run.stages) {
        Json names = Json::array();
        for (const QString& name : decidingNames(run, cell))
            names.push_back(str(name));
        list.push_back({ { "stage", str(cell.stage) }, { "status", str(cellStatusName(cell.status)) },
            { "duration_ms", number(cell.durationMs) }, { "reason", nullable(cell.reason) }, { "names", names } });
    }
    return list;
}

// The run report: upstream's keys where upstream has them, Runlens's additions under runlens_*.
Json runReport(const Run& run, const Json& budgets, bool seed, const Selection& selection)
{
    Json report = { { "session_id", str(run.sessionId) }, { "run_id", str(run.runId) },
        { "status", str(upstreamStatus(run.status)) },
        { "stop_reason", run.status == RunStatus::Error ? nullable(run.stopReason) : Json(nullptr) },
        { "started_at", number(run.startedAt) }, { "finished_at", number(run.finishedAt) } };
    if (seed) {
        Json events = Json::array();
        for (const Json& event : selection.events)
            events.push_back(event);
        report["events"] = events;
        report["first_error"] =
            timelineReport(PackOptions { run.sessionId, run.runId, {}, {}, false, {} }, selection)["first_error"];
        report["stages"] = seedStagesJson(run);
    } else {
        report["checkpoints"] = checkpointsJson(run);
    }
    if (!run.capabilities.isEmpty())
        report["capabilities"] = PyJson::fromQt(run.capabilities);
    if (!run.structuredEvents.isEmpty())
        report["structured_events"] = PyJson::fromQt(run.structuredEvents);
    report["trace_id"] = seed ? Json(nullptr) : Json(str(run.runId));
    Json coverage = Json::object();
    for (size_t k = 0; k < OpsCoverage::keys.size(); ++k)
        coverage[OpsCoverage::keys[k]] = run.opsCoverage.values[k];
    report["ops_coverage"] = coverage;
    if (!budgets.empty() || !seed)
        report["budgets"] = budgets;
    report["hints"] = PyJson::fromQt(upstreamHintsJson(run));
    report["generator"] = "runlens " RUNLENS_VERSION;
    report["runlens_status"] = str(runStatusName(run.status));
    report["runlens_stages"] = gridJson(run);
    report["runlens_hints"] = PyJson::fromQt(hintsToJson(findHints(run)));
    return report;
}

// Attrs straight from the raw line, keeping key order and the int/float distinction that Qt's
// JSON types fold together.
Json rawAttrs(const Run& run, int event)
{
    const Json line = PyJson::parse(run.rawLine(event));
    return line.is_object() && line.contains("attrs") ? line["attrs"] : Json::object();
}

Json memberJson(const Source& source, const char* name)
{
    const PackMember* member = source.member(QLatin1String(name));
    if (!member)
        return nullptr;
    Json json = PyJson::parse(member->bytes);
    return json.is_object() ? json : Json(nullptr);
}

// budgets.json: the run's budgets as the source wrote them where possible (spec 8.2).
Json budgetsJson(const Source& source, const Selection& selection)
{
    if (selection.runs.size() > 1) {
        // A whole-session pack: the attrs of the last gate.budget or decision line.
        Json budgets = Json::object();
        for (const RunPtr& run : selection.runs) {
            for (int i = 0; i < int(run->events.size()); ++i) {
                const Event& e = run->events[size_t(i)];
                if (e.type == QLatin1String("decision") || e.name == QLatin1String("gate.budget"))
                    budgets = rawAttrs(*run, i);
            }
        }
        return budgets;
    }
    const Run& run = *selection.runs.front();
    for (int i = 0; i < int(run.events.size()); ++i) {
        const Event& e = run.events[size_t(i)];
        if (e.type == QLatin1String("decision") && e.name == run.budgetsSource)
            return rawAttrs(run, i);
    }
    const PackMember* member = source.member(QStringLiteral("budgets.json"));
    if (member && QJsonDocument::fromJson(member->bytes).object() == run.storedBudgets)
        return memberJson(source, "budgets.json");
    return PyJson::fromQt(run.storedBudgets);
}

Json contextJson(const Source& source, const Selection& selection)
{
    Json member = memberJson(source, "context.json");
    if (member.is_object())
        return member;
    return PyJson::fromQt(selection.runs.front()->context);
}

} // namespace

bool buildPack(const Source& source, const PackOptions& options, PackMembers* members, QString* error)
{
    const Selection selection = select(source, options);
    if (selection.runs.empty()) {
        *error = options.runId.isEmpty()
            ? Tr::tr("no run of session %1 in %2").arg(options.sessionId, source.path)
            : Tr::tr("no run %1 of session %2 in %3").arg(options.runId, options.sessionId, source.path);
        return false;
    }
    if (!selection.unreadable.isEmpty()) {
        *error = Tr::tr("cannot read the run's lines again: %1").arg(selection.unreadable);
        return false;
    }
    const RunPtr single = selection.runs.size() == 1 ? selection.runs.front() : nullptr;
    const bool seed = options.layout == PackOptions::Layout::Seed;

    // generated_at: the input pack's own stamp, else the last event's second, so output is reproducible.
    qint64 generatedAt = source.meta.value(QLatin1String("generated_at")).toInteger(-1);
    if (generatedAt < 0)
        generatedAt = qint64(selection.lastTs);

    Json meta = Json::object();
    if (!seed)
        meta["schema"] = "codeintel/runpack@v1";
    meta["session_id"] = str(options.sessionId);
    meta["run_id"] = nullable(options.runId);
    meta["trace_id"] = nullptr;
    meta["reason"] = nullable(options.reason);
    meta["generated_at"] = generatedAt;

    const Json budgets = budgetsJson(source, selection);
    const Json context = contextJson(source, selection);

    std::vector<std::pair<QString, Json>> jsonMembers;
    QByteArray eventsJsonl;
    if (seed) {
        jsonMembers.emplace_back(QStringLiteral("budgets.json"), budgets);
        jsonMembers.emplace_back(QStringLiteral("context.json"), context);
        jsonMembers.emplace_back(QStringLiteral("meta.json"), meta);
        jsonMembers.emplace_back(QStringLiteral("report.json"),
            single ? runReport(*single, budgets, true, selection) : timelineReport(options, selection));
    } else {
        jsonMembers.emplace_back(QStringLiteral("meta.json"), meta);
        jsonMembers.emplace_back(QStringLiteral("timeline_report.json"), timelineReport(options, selection));
        if (single)
            jsonMembers.emplace_back(QStringLiteral("run_report.json"), runReport(*single, budgets, false, selection));
        if (!budgets.empty())
            jsonMembers.emplace_back(QStringLiteral("budgets.json"), budgets);
        if (!context.empty())
            jsonMembers.emplace_back(QStringLiteral("context.json"), context);
    }

    // The seed plan's logs/*.log travel with the seed layout, as raw bytes (spec 8.3).
    PackMembers logs;
    if (seed) {
        for (const PackMember& member : source.members) {
            if (member.name.startsWith(QLatin1String("logs/")) && member.name.endsWith(QLatin1String(".log")))
                logs.append({ member.name, member.bytes });
        }
    }

    Redactor redactor;
    std::vector<Json> events = selection.events;
    if (options.redact) {
        // Every member first teaches the redactor its whole-string paths, so that free text anywhere
        // loses all of a path named elsewhere, spaces included.
        for (const auto& [name, json] : jsonMembers)
            redactor.learn(json);
        for (const Json& event : events)
            redactor.learn(event);
        for (const auto& [name, bytes] : logs)
            redactor.learnLog(bytes);
        for (auto& [name, json] : jsonMembers)
            redactor.redact(json, name);
        if (!seed) { // the seed layout has its events in report.json only
            for (Json& event : events)
                redactor.redact(event, QStringLiteral("timeline_events.jsonl"));
        }
        static const QRegularExpression plainName(QStringLiteral("^logs/[A-Za-z0-9_-]+\\.log$"));
        for (qsizetype i = 0; i < logs.size(); ++i) {
            // A log's file name can hold a host, an address or a user: only plain names without dots stay.
            QString& name = logs[i].first;
            if (!plainName.match(name).hasMatch())
                name = QStringLiteral("logs/redacted-%1.log").arg(i + 1);
            logs[i].second = redactor.redactLog(logs[i].second, name);
        }
    }
    if (!seed && !events.empty()) {
        // One line per event with Python's default separators, joined by \n, no final newline (spec 8.2).
        for (size_t i = 0; i < events.size(); ++i) {
            if (i > 0)
                eventsJsonl += '\n';
            eventsJsonl += PyJson::dumps(events[i], -1, false);
        }
    }

    members->clear();
    for (const auto& [name, json] : jsonMembers) {
        members->append({ name, PyJson::dumps(json, 2, seed) });
        if (name == QLatin1String("timeline_report.json") && !eventsJsonl.isEmpty())
            members->append({ QStringLiteral("timeline_events.jsonl"), eventsJsonl });
        if (name == QLatin1String("context.json"))
            members->append(logs); // in name order, as the seed plan writes them
    }
    if (options.redact)
        members->append({ QStringLiteral("redactions.json"), PyJson::dumps(redactor.manifest(), 2, seed) });
    return true;
}

QString packFileName(const Source& source, const PackOptions& options)
{
    qint64 epoch = source.meta.value(QLatin1String("generated_at")).toInteger(-1);
    if (epoch < 0) {
        for (const RunPtr& run : source.runs) {
            if (run->sessionId == options.sessionId && !run->events.empty())
                epoch = std::max(epoch, qint64(run->events.back().ts));
        }
    }
    return QStringLiteral("runpack_%1_%2_%3.zip")
        .arg(options.sessionId, options.runId.isEmpty() ? QStringLiteral("latest") : options.runId)
        .arg(std::max<qint64>(epoch, 0));
}

} // namespace Runlens
