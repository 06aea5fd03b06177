// SPDX-License-Identifier: MIT
// The trace hand-offs (export --format chrome-trace and otlp) on the fixtures: what Perfetto and an
// OpenTelemetry collector need of them.
#include "runfixture.h"
#include "source.h"
#include "sourcereader.h"
#include "traceexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <map>

using namespace Runlens;

namespace {

int scopeCount(const Source& source)
{
    int count = 0;
    for (const RunPtr& run : source.runs)
        count +=
            int(std::count_if(run->spans.begin(), run->spans.end(), [](const Span& s) { return !s.isOrphanEnd(); }));
    return count;
}

QJsonObject parse(const QByteArray& bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

} // namespace

class tst_TraceExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inputs_data();
    void chromeTrace_data() { inputs_data(); }
    void chromeTrace();
    void otlp_data() { inputs_data(); }
    void otlp();
    void traceId();
};

void tst_TraceExport::inputs_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("failedScope"); // a scope that ended in error, or empty
    QTest::addColumn<QString>("embedScope"); // a scope the embed stage row lists
    QTest::addRow("happy timeline") << Test::kHappyDirectoryPath << QString() << QStringLiteral("embed.vllm");
    QTest::addRow("error-embed pack") << Test::kErrorPackPath << QStringLiteral("mcp.tool:search.semantic_pro")
                                      << QStringLiteral("embed.vllm");
    QTest::addRow("sparse-disabled pack") << Test::kSparsePackPath << QString() << QStringLiteral("embed.vllm");
}

// Complete events for every scope, nested on their lanes as the Trace Event Format needs, by stage; instants for
// the point events; a process named after each run.
void tst_TraceExport::chromeTrace()
{
    QFETCH(QString, path);
    QFETCH(QString, failedScope);
    QFETCH(QString, embedScope);
    const SourcePtr source = readSource(path);
    QVERIFY(source->ok());
    const QJsonObject trace = parse(Runlens::chromeTrace(source->runs));
    const QJsonArray events = trace.value(QStringLiteral("traceEvents")).toArray();
    std::map<std::pair<int, int>, std::vector<std::pair<qint64, qint64>>> lanes; // (pid, tid) -> [ts, ts + dur)
    int complete = 0;
    int instants = 0;
    QSet<int> named;
    bool sawFailed = failedScope.isEmpty();
    bool sawEmbed = false;
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        const QString ph = event.value(QStringLiteral("ph")).toString();
        const int pid = event.value(QStringLiteral("pid")).toInt();
        QVERIFY(pid >= 1 && pid <= int(source->runs.size()));
        if (ph == QLatin1String("M")) {
            if (event.value(QStringLiteral("name")) == QLatin1String("process_name"))
                named.insert(pid);
            continue;
        }
        QVERIFY(!event.value(QStringLiteral("name")).toString().isEmpty());
        QVERIFY(event.value(QStringLiteral("ts")).isDouble());
        if (ph == QLatin1String("i")) {
            ++instants;
            continue;
        }
        QCOMPARE(ph, QStringLiteral("X"));
        ++complete;
        const qint64 ts = qint64(event.value(QStringLiteral("ts")).toDouble());
        const qint64 dur = qint64(event.value(QStringLiteral("dur")).toDouble());
        QVERIFY(dur >= 0);
        lanes[{ pid, event.value(QStringLiteral("tid")).toInt() }].emplace_back(ts, ts + dur);
        const QJsonObject args = event.value(QStringLiteral("args")).toObject();
        QVERIFY(args.contains(QStringLiteral("status")));
        if (event.value(QStringLiteral("name")).toString() == failedScope)
            sawFailed = sawFailed || args.value(QStringLiteral("status")) == QLatin1String("error");
        if (event.value(QStringLiteral("name")).toString() == embedScope)
            sawEmbed = sawEmbed || event.value(QStringLiteral("cat")) == QLatin1String("embed");
    }
    QCOMPARE(complete, scopeCount(*source));
    QVERIFY(instants > 0);
    QCOMPARE(named.size(), qsizetype(source->runs.size()));
    QVERIFY2(sawFailed, qPrintable(failedScope));
    QVERIFY2(sawEmbed, qPrintable(embedScope));
    // On one lane, each event lies inside the one open before it or after its end.
    for (auto& [lane, spans] : lanes) {
        std::stable_sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<qint64> open;
        for (const auto& [start, end] : spans) {
            while (!open.empty() && open.back() <= start)
                open.pop_back();
            QVERIFY2(open.empty() || end <= open.back(),
                qPrintable(QStringLiteral("lane %1/%2 overlaps at %3").arg(lane.first).arg(lane.second).arg(start)));
            open.push_back(end);
        }
    }
}

// One span per scope in one resource named codeintel_rev; ids of the right width, unique, parents that exist;
// times in order; the failed scope with STATUS_CODE_ERROR; point events on spans.
void tst_TraceExport::otlp()
{
    QFETCH(QString, path);
    QFETCH(QString, failedScope);
    const SourcePtr source = readSource(path);
    QVERIFY(source->ok());
    const QJsonObject request = parse(otlpTrace(source->runs));
    const QJsonArray resourceSpans = request.value(QStringLiteral("resourceSpans")).toArray();
    QCOMPARE(resourceSpans.size(), 1);
    const QJsonObject resource = resourceSpans.at(0).toObject();
    const QJsonObject serviceName = resource.value(QStringLiteral("resource"))
                                        .toObject()
                                        .value(QStringLiteral("attributes"))
                                        .toArray()
                                        .at(0)
                                        .toObject();
    QCOMPARE(serviceName.value(QStringLiteral("key")).toString(), QStringLiteral("service.name"));
    const QJsonArray spans = resource.value(QStringLiteral("scopeSpans"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("spans"))
                                 .toArray();
    QCOMPARE(spans.size(), scopeCount(*source));
    static const QRegularExpression traceHex(QStringLiteral("^[0-9a-f]{32}$"));
    static const QRegularExpression spanHex(QStringLiteral("^[0-9a-f]{16}$"));
    QSet<QString> ids;
    for (const QJsonValue& value : spans)
        ids.insert(value.toObject().value(QStringLiteral("traceId")).toString()
            + value.toObject().value(QStringLiteral("spanId")).toString());
    QCOMPARE(ids.size(), spans.size());
    bool sawFailed = failedScope.isEmpty();
    int withEvents = 0;
    for (const QJsonValue& value : spans) {
        const QJsonObject span = value.toObject();
        const QString traceId = span.value(QStringLiteral("traceId")).toString();
        QVERIFY2(traceHex.match(traceId).hasMatch(), qPrintable(traceId));
        QVERIFY(spanHex.match(span.value(QStringLiteral("spanId")).toString()).hasMatch());
        if (span.contains(QStringLiteral("parentSpanId")))
            QVERIFY(ids.contains(traceId + span.value(QStringLiteral("parentSpanId")).toString()));
        const qint64 start = span.value(QStringLiteral("startTimeUnixNano")).toString().toLongLong();
        const qint64 end = span.value(QStringLiteral("endTimeUnixNano")).toString().toLongLong();
        QVERIFY(start > 1'700'000'000'000'000'000LL && start <= end);
        const int code = span.value(QStringLiteral("status")).toObject().value(QStringLiteral("code")).toInt();
        QVERIFY(code >= 0 && code <= 2);
        if (span.value(QStringLiteral("name")).toString() == failedScope)
            sawFailed = sawFailed || code == 2;
        if (!span.value(QStringLiteral("events")).toArray().isEmpty())
            ++withEvents;
    }
    QVERIFY(sawFailed);
    QVERIFY(withEvents > 0);
}

// Upstream writes the run id as trace_id: no trace id, so one is derived, the same on every export.
void tst_TraceExport::traceId()
{
    const SourcePtr source = readSource(Test::kHappyDirectoryPath);
    QVERIFY(source->ok());
    QSet<QString> seen;
    for (const RunPtr& run : source->runs) {
        const RunTraceId id = runTraceId(*run);
        QVERIFY(!id.fromUpstream);
        QVERIFY(id.hex != run->runId);
        QCOMPARE(runTraceId(*run).hex, id.hex);
        seen.insert(id.hex);
    }
    QCOMPARE(seen.size(), qsizetype(source->runs.size()));
}

QTEST_GUILESS_MAIN(tst_TraceExport)
#include "tst_traceexport.moc"
