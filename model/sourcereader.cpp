// SPDX-License-Identifier: MIT
#include "sourcereader.h"

#include "inputfile.h"
#include "jsonline.h"
#include "modellogging.h"
#include "parallel_p.h"
#include "runbuilder.h"
#include "timelinereader.h"
#include "ziparchive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

#include <unistd.h>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::SourceReader)
};

const QString kMeta = QStringLiteral("meta.json");
const QString kTimelineReport = QStringLiteral("timeline_report.json");
const QString kTimelineEvents = QStringLiteral("timeline_events.jsonl");
const QString kRunReport = QStringLiteral("run_report.json");
const QString kBudgets = QStringLiteral("budgets.json");
const QString kContext = QStringLiteral("context.json");
const QString kPointer = QStringLiteral("latest_report_pointer.json");
const QString kSeedReport = QStringLiteral("report.json");
const QString kLatestRunReport = QStringLiteral("latest_run_report.json");

class SourceReader
{
public:
    explicit SourceReader(Source* source)
        : m_source(source)
    { }

    // Parses a JSON member that must be an object; problems are listed, an empty object returned.
    std::optional<QJsonObject> jsonObject(const QString& name)
    {
        const PackMember* member = m_source->member(name);
        if (!member)
            return std::nullopt;
        QString error;
        qint64 offset = -1;
        bool repaired = false;
        qint64 nonFinite = -1;
        const QJsonValue value = parseJsonDocument(member->bytes, &error, &offset, &repaired, &nonFinite);
        if (repaired)
            warn(name, 0, -1, Tr::tr("invalid UTF-8 replaced with U+FFFD"));
        if (nonFinite >= 0)
            warn(name, 0, nonFinite, Tr::tr("non-finite numbers (NaN, Infinity, -Infinity) read as Python reads them"),
                QStringLiteral("non-finite-number"));
        if (value.isUndefined()) {
            m_source->problems.append(
                { Diagnostic::Severity::Error, name, 0, offset, Tr::tr("not valid JSON: %1").arg(error) });
            return std::nullopt;
        }
        if (!value.isObject()) {
            m_source->problems.append({ Diagnostic::Severity::Error, name, 0, 0, Tr::tr("not a JSON object") });
            return std::nullopt;
        }
        return value.toObject();
    }

    void warn(const QString& file, qint64 line, qint64 offset, const QString& message, const QString& code = {})
    {
        m_source->problems.append({ Diagnostic::Severity::Warning, file, line, offset, message, code });
    }

private:
    Source* m_source;
};

// Lines re-serialised from a JSON array of events (report "events" or "timeline"), so that every
// event of every source has raw bytes to show and to parse attrs from. Keys of `defaults` fill in
// what an entry lacks: the projected "timeline" has no session_id and run_id (spec 6.1). NaN and infinities stay
// what they are (compactJson), so that the line parser reads them again. The buffer is named
// "<document>#<key>" and knows the document's line of each entry.
std::shared_ptr<const TextBuffer> bufferFromArray(const QString& documentName, QByteArrayView documentBytes,
    const QJsonObject& document, QLatin1StringView key, const QJsonObject& defaults = {})
{
    auto buffer = std::make_shared<TextBuffer>();
    buffer->name = documentName + u'#' + key;
    const QJsonArray array = document.value(key).toArray();
    for (const QJsonValue& value : array) {
        QJsonObject event = value.toObject();
        for (auto it = defaults.constBegin(); it != defaults.constEnd(); ++it) {
            if (!event.contains(it.key()))
                event.insert(it.key(), it.value());
        }
        buffer->bytes += compactJson(event);
        buffer->bytes += '\n';
    }
    buffer->documentLines = arrayEntryLines(documentBytes, key);
    if (buffer->documentLines.size() != size_t(array.size()))
        buffer->documentLines.clear(); // a duplicate key, say: better no line than a wrong one
    return buffer;
}

std::vector<Checkpoint> checkpointsFrom(const QJsonArray& array, bool flat)
{
    std::vector<Checkpoint> result;
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        Checkpoint cp;
        cp.name = object.value(flat ? QLatin1String("stage") : QLatin1String("name")).toString();
        cp.ok = object.value(QLatin1String("ok")).toBool(true);
        cp.reason = object.value(QLatin1String("reason")).toString();
        if (flat) {
            cp.attrs = object;
            cp.attrs.remove(QLatin1String("stage"));
            cp.attrs.remove(QLatin1String("ok"));
            cp.attrs.remove(QLatin1String("reason"));
        } else {
            cp.attrs = object.value(QLatin1String("attrs")).toObject();
        }
        const QJsonValue latency = object.value(QLatin1String("latency_s"));
        if (latency.isDouble())
            cp.latencyS = latency.toDouble();
        result.push_back(cp);
    }
    return result;
}

// Reads what a run report (run_report.json or an enriched seed report.json) says about its run.
void readRunReport(const QJsonObject& report, RunExtras* extras)
{
    extras->hasReport = true;
    extras->reportStatus = report.value(QLatin1String("status")).toString();
    const QJsonValue stop = report.value(QLatin1String("stop_reason"));
    if (stop.isString())
        extras->reportStopReason = stop.toString();
    if (report.value(QLatin1String("checkpoints")).isArray())
        extras->checkpoints = checkpointsFrom(report.value(QLatin1String("checkpoints")).toArray(), true);
    else if (report.value(QLatin1String("stages")).isArray())
        extras->checkpoints = checkpointsFrom(report.value(QLatin1String("stages")).toArray(), false);
    const QJsonValue coverage = report.value(QLatin1String("ops_coverage"));
    if (coverage.isObject()) {
        OpsCoverage ops;
        ops.stored = true;
        for (size_t k = 0; k < OpsCoverage::keys.size(); ++k)
            ops.values[k] = coverage.toObject().value(QLatin1String(OpsCoverage::keys[k])).toBool();
        extras->opsCoverage = ops;
    }
    for (const char* key : { "budgets", "gating" }) {
        const QJsonValue budgets = report.value(QLatin1String(key));
        if (budgets.isObject() && !budgets.toObject().isEmpty()) {
            extras->reportBudgets = budgets.toObject();
            break;
        }
    }
    const QJsonValue settings = report.value(QLatin1String("summary")).toObject().value(QLatin1String("budgets"));
    if (settings.isObject())
        extras->settingsBudgets = settings.toObject();
    extras->structuredEvents = report.value(QLatin1String("structured_events")).toArray();
    extras->capabilities = report.value(QLatin1String("capabilities")).toObject();
    const QJsonValue hints = report.value(QLatin1String("hints"));
    if (hints.isArray()) {
        std::vector<StoredHint> stored;
        for (const QJsonValue& value : hints.toArray()) {
            const QJsonObject hint = value.toObject();
            if (!hint.value(QLatin1String("kind")).isString() || hint.value(QLatin1String("kind")).toString().isEmpty())
                continue; // not a hint; readRunpack says how many
            stored.push_back({ hint.value(QLatin1String("kind")).toString(),
                hint.value(QLatin1String("msg")).toString(), hint.value(QLatin1String("why")).toObject() });
        }
        extras->hints = stored;
    }
}

bool isPlainTimelineReport(const QJsonObject& report)
{
    return report.contains(QLatin1String("summary")) && report.contains(QLatin1String("first_error"))
        && !report.contains(QLatin1String("ops_coverage")) && !report.contains(QLatin1String("stages"))
        && !report.contains(QLatin1String("hints"));
}

// One run's records of the step ledgers, with the file and line of each.
struct Ledger
{
    QJsonArray records;
    std::vector<RecordSite> sites;
};

// Structured step ledgers beside a diagnostics directory: <data>/telemetry/runs/<day>/<run_id>.jsonl.
// The files read are added to `read`.
QHash<QString, Ledger> readStepLedgers(const QString& diagnosticsDir, QStringList* read)
{
    QHash<QString, Ledger> byRun;
    const QString runs = childPath(diagnosticsDir, QStringLiteral("../telemetry/runs"));
    for (const QString& day : directoryEntries(runs)) {
        const QString dayDir = childPath(runs, day);
        for (const QString& name : directoryEntries(dayDir, QStringLiteral("*.jsonl"))) {
            const QString path = childPath(dayDir, name);
            QFile file;
            QString reason;
            if (fileStatus(path).size > 64 * 1024 * 1024 || !openRegularFile(path, &file, &reason))
                continue;
            read->append(path);
            // Named relative to the diagnostics directory, as timeline files are: the input of the command.
            const QString relative = QStringLiteral("../telemetry/runs/") + day + u'/' + name;
            qint64 line = 0;
            while (!file.atEnd()) {
                ++line;
                const QJsonObject record = QJsonDocument::fromJson(file.readLine()).object();
                const QString runId = record.value(QLatin1String("run_id")).toString();
                if (!runId.isEmpty()) {
                    Ledger& ledger = byRun[runId];
                    ledger.records.append(record);
                    ledger.sites.push_back({ relative, line });
                }
            }
        }
    }
    return byRun;
}

// The buffers a run's lines are in (mostly one), its events' indexes changed to match: a run holding all
// of a directory's buffers costs 37 shared pointers a run, 10 MB over a day's runs.
TextBuffers ownBuffers(std::vector<Event>& events, const TextBuffers& all)
{
    TextBuffers own;
    std::vector<qint32> map; // index in `all` to index in `own`
    qint32 lastFrom = -1;
    qint32 lastTo = -1;
    for (Event& event : events) {
        if (event.buffer < 0 || size_t(event.buffer) >= all.size()) {
            event.buffer = -1; // no line: none to point into
            continue;
        }
        if (event.buffer != lastFrom) {
            if (map.empty())
                map.assign(all.size(), -1);
            qint32& to = map[size_t(event.buffer)];
            if (to < 0) {
                to = qint32(own.size());
                own.push_back(all[size_t(event.buffer)]);
            }
            lastFrom = event.buffer;
            lastTo = to;
        }
        event.buffer = lastTo;
    }
    return own;
}

// `ledgers`, when given, are structured step ledgers by run id (timeline directories only).
void buildRuns(Source* source, TimelineData data, const QHash<QString, RunExtras>& extrasByRun, const RunExtras& common,
    const QString& reportSession, const QString& reportRun, const QHash<QString, Ledger>& ledgers = {},
    const TimeWindow& window = {})
{
    source->problems += data.problems;
    std::vector<RunGroup> groups = data.runsByBuffer.empty() ? groupByRun(std::move(data.events), data.keys)
                                                             : groupByRun(std::move(data.runsByBuffer));
    for (const RunGroup& group : groups)
        source->eventCount += qint64(group.events.size());
    // A report whose run has no timeline lines still describes a run.
    if (!reportRun.isEmpty() && std::none_of(groups.begin(), groups.end(), [&](const RunGroup& g) {
            return g.sessionId == reportSession && g.runId == reportRun;
        }))
        groups.push_back({ reportSession, reportRun, {} });
    // Sessions in first-seen order, runs in first-seen order within their session.
    QHash<QString, int> sessionOrder;
    std::vector<std::pair<int, size_t>> order; // (session rank, first-seen position)
    order.reserve(groups.size());
    for (size_t g = 0; g < groups.size(); ++g) {
        auto it = sessionOrder.constFind(groups[g].sessionId);
        if (it == sessionOrder.constEnd())
            it = sessionOrder.insert(groups[g].sessionId, int(sessionOrder.size()));
        order.emplace_back(*it, g);
    }
    std::sort(order.begin(), order.end()); // the position breaks ties: a stable order
    // Runs are independent: built on every core, kept in order.
    std::vector<RunPtr> runs(order.size());
    parallelFor(qsizetype(order.size()), [&](qsizetype i) {
        RunGroup& group = groups[order[size_t(i)].second];
        const QString key = group.sessionId + QLatin1Char('\n') + group.runId;
        RunExtras extras;
        if (const auto it = extrasByRun.constFind(key); it != extrasByRun.constEnd()) {
            extras = *it;
        } else if (const auto ledger = ledgers.constFind(group.runId); ledger != ledgers.constEnd()) {
            extras.structuredEvents = ledger->records;
            extras.structuredSites = ledger->sites;
        } else {
            extras = common;
        }
        TextBuffers buffers = ownBuffers(group.events, data.buffers);
        runs[size_t(i)] = buildRun(group.sessionId, group.runId, std::move(group.events), std::move(buffers), extras);
    });
    for (RunPtr& run : runs) {
        if (!window.contains(run->startedAt)) { // and its problems: a run cut off where the window's files end
            source->eventCount -= qint64(run->events.size());
            continue;
        }
        source->problems += run->problems;
        source->runs.push_back(std::move(run));
    }
}

void readRunpack(Source* source, const LoadControl& control)
{
    ZipArchive zip(source->path);
    if (!zip.open()) {
        source->fatalError = zip.errorString();
        return;
    }
    for (const auto& [name, reason] : zip.rejectedEntries()) {
        qCDebug(lcZip, "%ls: member %ls refused: %ls", qUtf16Printable(source->path), qUtf16Printable(name),
            qUtf16Printable(reason));
        source->problems.append({ Diagnostic::Severity::Error, name, 0, -1, Tr::tr("member refused: %1").arg(reason) });
    }
    for (const ZipArchive::Entry& entry : zip.entries()) {
        QByteArray bytes;
        if (!zip.read(entry.name, &bytes)) {
            qCDebug(lcZip, "%ls: member %ls not read: %ls", qUtf16Printable(source->path), qUtf16Printable(entry.name),
                qUtf16Printable(zip.errorString()));
            source->problems.append({ Diagnostic::Severity::Error, entry.name, 0, -1, zip.errorString() });
            continue;
        }
        qCDebug(lcZip, "%ls: member %ls read, %lld bytes", qUtf16Printable(source->path), qUtf16Printable(entry.name),
            static_cast<long long>(bytes.size()));
        source->inputBytes += bytes.size();
        source->members.push_back({ entry.name, bytes });
    }
    if (control.canceled())
        return;

    SourceReader reader(source);
    static const QStringList known = { kMeta, kTimelineReport, kTimelineEvents, kRunReport, kBudgets, kContext,
        kPointer, kSeedReport, kLatestRunReport };
    for (const PackMember& member : source->members) {
        if (!known.contains(member.name)
            && !(member.name.startsWith(QLatin1String("logs/")) && member.name.endsWith(QLatin1String(".log"))))
            reader.warn(member.name, 0, -1, Tr::tr("unknown member, shown as is"));
    }

    const std::optional<QJsonObject> meta = reader.jsonObject(kMeta);
    if (meta)
        source->meta = *meta;
    else if (!source->member(kMeta))
        reader.warn(kMeta, 0, -1, Tr::tr("missing: the pack has no meta.json"));
    const bool upstreamSchema = source->meta.value(QLatin1String("schema")) == QLatin1String("codeintel/runpack@v1");
    if (upstreamSchema || source->member(kTimelineReport))
        source->layout = Source::Layout::Upstream;
    else if (source->member(kSeedReport) && !source->meta.contains(QLatin1String("schema")))
        source->layout = Source::Layout::Seed;
    else {
        source->layout = Source::Layout::Unknown;
        reader.warn(QString(), 0, -1, Tr::tr("neither an upstream nor a seed-plan runpack; showing what is there"));
    }

    RunExtras common;
    if (auto context = reader.jsonObject(kContext)) {
        common.context = *context;
        const QJsonValue gpu = context->value(QLatin1String("runtime"))
                                   .toObject()
                                   .value(QLatin1String("faiss"))
                                   .toObject()
                                   .value(QLatin1String("gpu_ready"));
        if (gpu.isBool())
            common.seedGpuReady = gpu.toBool();
    }
    if (auto budgets = reader.jsonObject(kBudgets))
        common.budgetsMember = *budgets;

    TimelineData data;
    std::optional<QJsonObject> report;
    // An unknown layout still opens whatever is there (spec 8.4), a seed report included.
    const bool seedReport = source->layout != Source::Layout::Upstream && source->member(kSeedReport);
    if (seedReport) {
        report = reader.jsonObject(kSeedReport);
    } else {
        const std::optional<QJsonObject> timelineReport = reader.jsonObject(kTimelineReport);
        if (timelineReport && timelineReport->value(QLatin1String("error")) == QLatin1String("timeline_unavailable"))
            reader.warn(
                kTimelineReport, 0, -1, Tr::tr("the producer could not build a timeline (timeline_unavailable)"));
        if (const PackMember* events = source->member(kTimelineEvents)) {
            auto buffer = TextBuffer::inMemory(kTimelineEvents, events->bytes);
            data.buffers.push_back(buffer);
            TimelineReader::parseBuffer(*buffer, 0, &data, control);
        } else if (timelineReport && timelineReport->value(QLatin1String("events")).isArray()) {
            auto buffer = bufferFromArray(
                kTimelineReport, source->member(kTimelineReport)->bytes, *timelineReport, QLatin1String("events"));
            data.buffers.push_back(buffer);
            TimelineReader::parseBuffer(*buffer, 0, &data, control);
        }
        report = reader.jsonObject(kRunReport);
    }
    if (seedReport && report) {
        QJsonObject identity;
        for (const char* key : { "session_id", "run_id" }) {
            const QJsonValue value = report->contains(QLatin1String(key)) ? report->value(QLatin1String(key))
                                                                          : source->meta.value(QLatin1String(key));
            if (value.isString())
                identity.insert(QLatin1String(key), value);
        }
        for (const char* key : { "events", "timeline" }) {
            if (report->value(QLatin1String(key)).isArray()) {
                auto buffer = bufferFromArray(
                    kSeedReport, source->member(kSeedReport)->bytes, *report, QLatin1String(key), identity);
                data.buffers.push_back(buffer);
                TimelineReader::parseBuffer(*buffer, 0, &data, control);
                break;
            }
        }
    }

    QHash<QString, RunExtras> extrasByRun;
    QString reportSession, reportRun;
    if (report && !isPlainTimelineReport(*report)) {
        RunExtras extras = common;
        readRunReport(*report, &extras);
        // Its structured records are named by the member that holds them: one JSON document, no line each.
        extras.structuredSites.assign(
            size_t(extras.structuredEvents.size()), RecordSite { QString(seedReport ? kSeedReport : kRunReport), 0 });
        if (const qsizetype dropped = report->value(QLatin1String("hints")).toArray().size()
                - qsizetype(extras.hints ? extras.hints->size() : 0);
            dropped > 0)
            reader.warn(seedReport ? kSeedReport : kRunReport, 0, -1,
                QCoreApplication::translate(
                    "Runlens::SourceReader", "%n stored hints without a \"kind\" skipped", nullptr, int(dropped)));
        reportSession = report->value(QLatin1String("session_id")).toString();
        reportRun = report->value(QLatin1String("run_id")).toString();
        if (reportSession.isEmpty())
            reportSession = source->meta.value(QLatin1String("session_id")).toString();
        if (reportRun.isEmpty())
            reportRun = source->meta.value(QLatin1String("run_id")).toString();
        extrasByRun.insert(reportSession + QLatin1Char('\n') + reportRun, extras);
    }
    source->eventCount = 0;
    buildRuns(source, std::move(data), extrasByRun, common, reportSession, reportRun);
}

void readTimeline(Source* source, const LoadControl& control)
{
    const bool isDir = source->kind == Source::Kind::TimelineDirectory;
    // A run whose id has a structured step ledger gets its records (spec 10.1).
    const QHash<QString, Ledger> ledgers =
        isDir ? readStepLedgers(source->path, &source->inputFiles) : QHash<QString, Ledger>();
    TimelineReader::PrefixCallback onPrefix;
    if (control.partial) {
        onPrefix = [&](TimelineData prefix) {
            auto partial = std::make_shared<Source>();
            partial->path = source->path;
            partial->kind = source->kind;
            partial->partial = true;
            partial->window = control.window;
            partial->inputBytes = prefix.bytes;
            buildRuns(partial.get(), std::move(prefix), {}, RunExtras {}, {}, {}, ledgers, control.window);
            control.partial(std::move(partial));
        };
    }
    TimelineData data = isDir
        ? TimelineReader::readDirectory(source->path, control, TimelineReader::EventLayout::RunsByBuffer, onPrefix)
        : TimelineReader::readFile(source->path, control);
    source->inputBytes = data.bytes;
    source->filesOutsideWindow = data.outsideWindow;
    source->window = control.window;
    if (isDir) {
        source->inputFiles.append(TimelineReader::timelinePaths(source->path));
    } else {
        source->inputFiles.append(source->path);
    }
    if (isDir && data.buffers.empty() && data.problems.isEmpty())
        source->problems.append({ Diagnostic::Severity::Warning, source->path, 0, -1,
            Tr::tr("no events-*.jsonl files in this directory") });
    if (!isDir && data.buffers.empty()) {
        source->fatalError = data.problems.isEmpty() ? Tr::tr("cannot read") : data.problems.first().message;
        return;
    }
    // A file in which not one line is a timeline event is not a timeline at all.
    if (!isDir && data.events.empty() && !data.problems.isEmpty()) {
        const Diagnostic& first = data.problems.first();
        source->fatalError =
            Tr::tr("not a timeline: no line is a timeline event (line %1: %2)").arg(first.line).arg(first.message);
        return;
    }
    buildRuns(source, std::move(data), {}, RunExtras {}, {}, {}, ledgers, control.window);
}

bool looksLikeZip(const QString& path)
{
    QFile file;
    QString reason;
    if (!openRegularFile(path, &file, &reason))
        return path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
    const QByteArray head = file.read(4);
    return head.startsWith("PK") || path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
}

// Upstream's documents besides packs and timelines (spec 5.2, 5.3, 8.1): one JSON document each.
constexpr qint64 kMaxDocumentBytes = 64 * 1024 * 1024;

// The runpack an MCP error envelope names: `observability.runpack_path` at any depth.
QString envelopeRunpack(const QJsonValue& value, int depth = 0)
{
    if (depth > 64)
        return {};
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonValue path =
            object.value(QLatin1String("observability")).toObject().value(QLatin1String("runpack_path"));
        if (path.isString() && !path.toString().isEmpty())
            return path.toString();
        for (const QJsonValue& child : object) {
            if (QString found = envelopeRunpack(child, depth + 1); !found.isEmpty())
                return found;
        }
    } else if (value.isArray()) {
        for (const QJsonValue& child : value.toArray()) {
            if (QString found = envelopeRunpack(child, depth + 1); !found.isEmpty())
                return found;
        }
    }
    return {};
}

// A path the server wrote, found on this machine: as written, else its file name next to `document` or in the
// server's data/observability/runs below it.
QString localCopy(const QString& written, const QString& document)
{
    if (fileStatus(written).type == FileStatus::Type::Regular)
        return written;
    const QString name = QFileInfo(written).fileName();
    const QDir beside = QFileInfo(document).absoluteDir();
    for (const QString& candidate :
        { beside.filePath(name), beside.filePath(QStringLiteral("observability/runs/") + name),
            beside.filePath(QStringLiteral("data/observability/runs/") + name) }) {
        if (!name.isEmpty() && fileStatus(candidate).type == FileStatus::Type::Regular)
            return candidate;
    }
    return {};
}

bool isRunReportDocument(const QJsonObject& object)
{
    return object.value(QLatin1String("schema"))
        .toString()
        .startsWith(QLatin1String("codeintel.telemetry/run-report@"));
}

bool isReportPointer(const QJsonObject& object)
{
    return object.value(QLatin1String("json")).isString() && object.value(QLatin1String("run_id")).isString()
        && object.contains(QLatin1String("markdown")) && object.contains(QLatin1String("session_id"));
}

// A per-run report's events become the run (spec 5.2: rendered when the tool's operation ended, so it lacks the
// tool's step.end and http.request).
void readRunReportDocument(
    Source* source, const QByteArray& bytes, const QJsonObject& report, const LoadControl& control)
{
    source->kind = Source::Kind::RunReport;
    const QString session =
        report.value(QLatin1String("session")).toObject().value(QLatin1String("session_id")).toString();
    const QString run = report.value(QLatin1String("run")).toObject().value(QLatin1String("run_id")).toString();
    source->label = Tr::tr("per-run report of run %1 (session %2), rendered when the tool's operation ended: "
                           "without the lines written after it")
                        .arg(run, session);
    TimelineData data;
    auto buffer = bufferFromArray(QFileInfo(source->path).fileName(), bytes, report, QLatin1String("events"),
        QJsonObject { { QStringLiteral("session_id"), session }, { QStringLiteral("run_id"), run } });
    data.buffers.push_back(buffer);
    TimelineReader::parseBuffer(*buffer, 0, &data, control);
    buildRuns(source, std::move(data), {}, RunExtras {}, session, run);
}

// A JSON document upstream writes: a per-run report, a latest report pointer or an MCP error envelope. Fills
// `source` for a report; returns the source of what a pointer or an envelope names, labelled; returns null, with
// `source` untouched, when the document is none of these (then it is read as a timeline file).
SourcePtr readUpstreamDocument(Source* source, const LoadControl& control)
{
    QFile file;
    QString reason;
    if (!openRegularFile(source->path, &file, &reason) || file.size() > kMaxDocumentBytes)
        return nullptr;
    const QByteArray bytes = file.readAll();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return nullptr; // JSON lines, or not JSON at all: the timeline reader says which
    const QJsonObject object = document.object();
    if (isRunReportDocument(object)) {
        source->inputFiles.append(source->path);
        source->inputBytes = bytes.size();
        readRunReportDocument(source, bytes, object, control);
        return nullptr;
    }
    if (isReportPointer(object)) {
        const QString named = object.value(QLatin1String("json")).toString();
        const QString run = object.value(QLatin1String("run_id")).toString();
        const QString session = object.value(QLatin1String("session_id")).toString();
        const QString report = localCopy(named, source->path);
        auto target = std::make_shared<Source>();
        target->path = report.isEmpty() ? source->path : report;
        if (report.isEmpty())
            target->fatalError = Tr::tr("a latest report pointer to run %1 (session %2): its report %3 is not on this "
                                        "machine, nor beside the pointer")
                                     .arg(run, session, named);
        else if (const SourcePtr opened = readUpstreamDocument(target.get(), control);
                 opened || target->kind != Source::Kind::RunReport)
            target->fatalError = Tr::tr("a latest report pointer: %1 is not a per-run report").arg(report);
        target->label = Tr::tr("latest report pointer %1: the report rendered last by that server process, run %2 "
                               "of session %3 (it may be another run than the one you look at)")
                            .arg(source->path, run, session);
        target->inputFiles.append(source->path);
        return target;
    }
    if (const QString named = envelopeRunpack(object); !named.isEmpty()) {
        const QString pack = localCopy(named, source->path);
        std::shared_ptr<Source> target;
        if (pack.isEmpty()) {
            target = std::make_shared<Source>();
            target->path = source->path;
            target->fatalError =
                Tr::tr("an MCP error envelope: the runpack it names, %1, is not on this machine, nor beside the "
                       "envelope")
                    .arg(named);
        } else {
            target = std::make_shared<Source>();
            target->path = pack;
            target->kind = Source::Kind::Runpack;
            target->inputFiles.append(pack);
            readRunpack(target.get(), control);
        }
        target->label = Tr::tr("MCP error envelope %1: the runpack it names").arg(source->path);
        target->inputFiles.append(source->path);
        return target;
    }
    return nullptr;
}

} // namespace

Source::~Source()
{
    // Not while the program ends: the thread pool may be gone before a static Source.
    if (runs.size() > 64 && QCoreApplication::instance())
        parallelFor(qsizetype(runs.size()), [this](qsizetype i) { runs[size_t(i)].reset(); });
}

QString runpackNamedByEnvelope(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.trimmed(), &error);
    return error.error == QJsonParseError::NoError ? envelopeRunpack(document.object()) : QString();
}

SourcePtr readSource(const QString& path, const LoadControl& control)
{
    auto source = std::make_shared<Source>();
    source->path = path;
    const FileStatus status = fileStatus(path);
    if (status.type == FileStatus::Type::Missing || status.type == FileStatus::Type::Other) {
        // Other: opening a FIFO blocks until a writer comes, a device never ends. Each reader decides again on
        // the descriptor it opens, in case the path is swapped for one after this check.
        source->fatalError = status.reason;
    } else if (status.type == FileStatus::Type::Directory) {
        source->kind = Source::Kind::TimelineDirectory;
        if (::access(encodeFileName(path).constData(), R_OK | X_OK) != 0)
            source->fatalError = Tr::tr("permission denied");
        else
            readTimeline(source.get(), control);
    } else if (looksLikeZip(path)) {
        source->kind = Source::Kind::Runpack;
        source->inputFiles.append(path);
        readRunpack(source.get(), control);
    } else {
        if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
            if (SourcePtr named = readUpstreamDocument(source.get(), control))
                return named;
        }
        if (source->kind != Source::Kind::RunReport) {
            source->kind = Source::Kind::JsonlFile;
            readTimeline(source.get(), control);
        }
    }
    if (source->ok())
        qCDebug(lcReader, "%ls: read as %ls: %lld bytes, %zu runs, %lld events, %lld problems", qUtf16Printable(path),
            qUtf16Printable(sourceKindName(source->kind)), static_cast<long long>(source->inputBytes),
            source->runs.size(), static_cast<long long>(source->eventCount),
            static_cast<long long>(source->problems.size()));
    else
        qCDebug(lcReader, "%ls: not read: %ls", qUtf16Printable(path), qUtf16Printable(source->fatalError));
    return source;
}

} // namespace Runlens
