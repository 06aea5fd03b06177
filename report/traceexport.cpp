// SPDX-License-Identifier: MIT
#include "traceexport.h"
#include "spantree.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace Runlens {

namespace {

QByteArray sha256(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

// Where each of a run's scopes sits: its stage row, and for every event the scope it opens or closes.
struct RunLayout
{
    std::vector<QString> stageOfSpan; // empty when no stage row lists it
    std::vector<int> opens; // by event: the span it starts, -1 when none
    std::vector<int> closes; // by event: the span it ends, -1 when none

    explicit RunLayout(const Run& run)
        : stageOfSpan(run.spans.size())
        , opens(run.events.size(), -1)
        , closes(run.events.size(), -1)
    {
        for (const StageCell& cell : run.stages) {
            for (const int span : cell.spans) {
                if (span >= 0 && size_t(span) < stageOfSpan.size() && stageOfSpan[size_t(span)].isEmpty())
                    stageOfSpan[size_t(span)] = cell.stage.toString();
            }
        }
        for (size_t s = 0; s < run.spans.size(); ++s) {
            if (run.spans[s].startEvent >= 0)
                opens[size_t(run.spans[s].startEvent)] = int(s);
            if (run.spans[s].endEvent >= 0)
                closes[size_t(run.spans[s].endEvent)] = int(s);
        }
    }

    /// Calls point(event, innermost open span or -1) for every event that neither opens nor closes a scope,
    /// in the run's order.
    template <typename Point> void forEachPoint(const Run& run, Point point) const
    {
        std::vector<int> open;
        for (size_t e = 0; e < run.events.size(); ++e) {
            if (opens[e] >= 0) {
                open.push_back(opens[e]);
            } else if (closes[e] >= 0) {
                const auto it = std::find(open.rbegin(), open.rend(), closes[e]);
                if (it != open.rend())
                    open.erase(std::next(it).base(), open.end());
            } else {
                point(int(e), open.empty() ? -1 : open.back());
            }
        }
    }
};

double spanEndTs(const Span& span)
{
    return span.isClosed() && std::isfinite(span.durationMs) ? span.startTs + span.durationMs / 1000.0 : span.endTs;
}

// The line whose attrs describe a scope: its end line, or its start line while it is open.
int attrsEvent(const Span& span)
{
    return span.endEvent >= 0 ? span.endEvent : span.startEvent;
}

QString eventName(const Event& event)
{
    return event.name.isEmpty() ? event.type.toString() : event.name.toString();
}

// Chrome trace: ts and dur in microseconds.
qint64 micros(double seconds)
{
    return qint64(std::llround(seconds * 1e6));
}

// Scopes on lanes (threads) so that the scopes of one lane nest, as the Trace Event Format requires of complete
// events: a scope goes to the first lane whose innermost open scope contains it.
std::vector<int> lanes(const Run& run)
{
    std::vector<int> lane(run.spans.size(), 0);
    std::vector<std::vector<double>> openEnds; // per lane, the ends of its open scopes, innermost last
    for (size_t s = 0; s < run.spans.size(); ++s) {
        const double start = run.spans[s].startTs;
        const double end = spanEndTs(run.spans[s]);
        size_t l = 0;
        for (; l < openEnds.size(); ++l) {
            std::vector<double>& ends = openEnds[l];
            while (!ends.empty() && ends.back() <= start)
                ends.pop_back();
            if (ends.empty() || ends.back() >= end)
                break;
        }
        if (l == openEnds.size())
            openEnds.emplace_back();
        openEnds[l].push_back(end);
        lane[s] = int(l) + 1; // lane 0 holds the point events
    }
    return lane;
}

QJsonObject metadata(const char* name, int pid, int tid, const QString& value)
{
    return { { QStringLiteral("name"), QLatin1String(name) }, { QStringLiteral("ph"), QStringLiteral("M") },
        { QStringLiteral("pid"), pid }, { QStringLiteral("tid"), tid },
        { QStringLiteral("args"), QJsonObject { { QStringLiteral("name"), value } } } };
}

QString runLabel(const Run& run)
{
    const QString label = run.sessionId + u'/' + run.runId;
    return run.tool.isEmpty() ? label : label + QStringLiteral(" (") + run.tool + u')';
}

// OTLP/JSON AnyValue: int64 as a decimal string, as the protobuf JSON mapping writes it.
QJsonObject anyValue(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return { { QStringLiteral("boolValue"), value.toBool() } };
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::trunc(number) == number && std::abs(number) < 9.0e15)
            return { { QStringLiteral("intValue"), QString::number(qint64(number)) } };
        return { { QStringLiteral("doubleValue"), number } };
    }
    case QJsonValue::String:
        return { { QStringLiteral("stringValue"), value.toString() } };
    case QJsonValue::Array:
        return { { QStringLiteral("stringValue"),
            QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)) } };
    case QJsonValue::Object:
        return { { QStringLiteral("stringValue"),
            QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)) } };
    default:
        return { { QStringLiteral("stringValue"), QString() } };
    }
}

QJsonArray attributes(const QJsonObject& object)
{
    QJsonArray list;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isNull())
            list.append(
                QJsonObject { { QStringLiteral("key"), it.key() }, { QStringLiteral("value"), anyValue(*it) } });
    }
    return list;
}

// A line's attrs with its status and message beside them, as both formats show a scope or a point event.
QJsonObject describedAttrs(const Run& run, int event, Atom status, Atom message)
{
    QJsonObject attrs = run.attrs(event);
    attrs.insert(QStringLiteral("status"), status.toString());
    if (!message.isEmpty())
        attrs.insert(QStringLiteral("message"), message.toString());
    return attrs;
}

QString nanos(double seconds)
{
    return QString::number(qint64(std::llround(seconds * 1e6)) * 1000);
}

QString spanId(const QString& traceId, int span)
{
    return QString::fromLatin1(sha256(traceId + u':' + QString::number(span)).left(8).toHex());
}

} // namespace

RunTraceId runTraceId(const Run& run)
{
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
    QString upstream = run.context.value(QStringLiteral("trace_id")).toString();
    if (upstream.isEmpty() && run.toolSpan >= 0)
        upstream = run.attr(run.spans[size_t(run.toolSpan)].startEvent, QLatin1StringView("trace_id")).toString();
    upstream = upstream.toLower();
    if (hex32.match(upstream).hasMatch() && upstream != run.runId.toLower() && upstream != QString(32, u'0'))
        return { upstream, true };
    return { QString::fromLatin1(
                 sha256(QStringLiteral("runlens\n") + run.sessionId + u'\n' + run.runId).left(16).toHex()),
        false };
}

QByteArray chromeTrace(const std::vector<RunPtr>& runs)
{
    QJsonArray events;
    for (size_t r = 0; r < runs.size(); ++r) {
        const Run& run = *runs[r];
        const int pid = int(r) + 1;
        const RunLayout layout(run);
        const std::vector<int> lane = lanes(run);
        events.append(metadata("process_name", pid, 0, runLabel(run)));
        events.append(metadata("thread_name", pid, 0, QStringLiteral("events")));
        int lanesNamed = 0;
        for (size_t s = 0; s < run.spans.size(); ++s) {
            const Span& span = run.spans[s];
            if (span.isOrphanEnd())
                continue;
            for (; lanesNamed < lane[s]; ++lanesNamed)
                events.append(
                    metadata("thread_name", pid, lanesNamed + 1, QStringLiteral("scopes %1").arg(lanesNamed + 1)));
            QJsonObject args = describedAttrs(run, attrsEvent(span), span.status, span.message);
            args.insert(QStringLiteral("scope"), span.kind.toString());
            const QString stage = layout.stageOfSpan[s];
            events.append(QJsonObject { { QStringLiteral("name"), span.name.toString() },
                { QStringLiteral("cat"), stage.isEmpty() ? span.kind.toString() : stage },
                { QStringLiteral("ph"), QStringLiteral("X") }, { QStringLiteral("ts"), micros(span.startTs) },
                { QStringLiteral("dur"), std::max<qint64>(0, micros(spanEndTs(span)) - micros(span.startTs)) },
                { QStringLiteral("pid"), pid }, { QStringLiteral("tid"), lane[s] }, { QStringLiteral("args"), args } });
        }
        layout.forEachPoint(run, [&](int e, int /*openSpan*/) {
            const Event& event = run.events[size_t(e)];
            const QJsonObject args = describedAttrs(run, e, event.status, event.message);
            events.append(QJsonObject { { QStringLiteral("name"), eventName(event) },
                { QStringLiteral("cat"), event.type.toString() }, { QStringLiteral("ph"), QStringLiteral("i") },
                { QStringLiteral("s"), QStringLiteral("t") }, { QStringLiteral("ts"), micros(event.ts) },
                { QStringLiteral("pid"), pid }, { QStringLiteral("tid"), 0 }, { QStringLiteral("args"), args } });
        });
    }
    const QJsonObject trace { { QStringLiteral("traceEvents"), events },
        { QStringLiteral("displayTimeUnit"), QStringLiteral("ms") } };
    return QJsonDocument(trace).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray otlpTrace(const std::vector<RunPtr>& runs)
{
    QJsonArray spans;
    for (const RunPtr& runPtr : runs) {
        const Run& run = *runPtr;
        const RunLayout layout(run);
        const QString traceId = runTraceId(run).hex;
        std::vector<QJsonArray> spanEvents(run.spans.size());
        layout.forEachPoint(run, [&](int e, int openSpan) {
            if (openSpan < 0)
                return; // before or after every scope: no span to hang it on
            const Event& event = run.events[size_t(e)];
            const QJsonObject attrs = describedAttrs(run, e, event.status, event.message);
            spanEvents[size_t(openSpan)].append(QJsonObject { { QStringLiteral("timeUnixNano"), nanos(event.ts) },
                { QStringLiteral("name"), eventName(event) }, { QStringLiteral("attributes"), attributes(attrs) } });
        });
        for (size_t s = 0; s < run.spans.size(); ++s) {
            const Span& span = run.spans[s];
            if (span.isOrphanEnd())
                continue;
            QJsonObject attrs = run.attrs(attrsEvent(span));
            attrs.insert(QStringLiteral("runlens.scope"), span.kind.toString());
            attrs.insert(QStringLiteral("session.id"), run.sessionId);
            attrs.insert(QStringLiteral("run.id"), run.runId);
            if (!layout.stageOfSpan[s].isEmpty())
                attrs.insert(QStringLiteral("runlens.stage"), layout.stageOfSpan[s]);
            // STATUS_CODE_OK 1, ERROR 2, UNSET 0 (an open scope)
            const SpanStatus status = spanStatus(span);
            QJsonObject spanStatusJson { { QStringLiteral("code"),
                status == SpanStatus::Error ? 2 : (status == SpanStatus::Unclosed ? 0 : 1) } };
            if (!span.message.isEmpty())
                spanStatusJson.insert(QStringLiteral("message"), span.message.toString());
            QJsonObject otlpSpan { { QStringLiteral("traceId"), traceId },
                { QStringLiteral("spanId"), spanId(traceId, int(s)) }, { QStringLiteral("name"), span.name.toString() },
                { QStringLiteral("kind"), 1 }, // SPAN_KIND_INTERNAL
                { QStringLiteral("startTimeUnixNano"), nanos(span.startTs) },
                { QStringLiteral("endTimeUnixNano"), nanos(spanEndTs(span)) },
                { QStringLiteral("attributes"), attributes(attrs) }, { QStringLiteral("status"), spanStatusJson } };
            if (span.parent >= 0)
                otlpSpan.insert(QStringLiteral("parentSpanId"), spanId(traceId, span.parent));
            if (!spanEvents[s].isEmpty())
                otlpSpan.insert(QStringLiteral("events"), spanEvents[s]);
            spans.append(otlpSpan);
        }
    }
    const QJsonObject resource { { QStringLiteral("attributes"),
        attributes({ { QStringLiteral("service.name"), QStringLiteral("codeintel_rev") } }) } };
    const QJsonObject scope { { QStringLiteral("name"), QStringLiteral("runlens") } };
    const QJsonObject request { { QStringLiteral("resourceSpans"),
        QJsonArray { QJsonObject { { QStringLiteral("resource"), resource },
            { QStringLiteral("scopeSpans"),
                QJsonArray {
                    QJsonObject { { QStringLiteral("scope"), scope }, { QStringLiteral("spans"), spans } } } } } } } };
    return QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace Runlens
