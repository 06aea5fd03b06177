// SPDX-License-Identifier: MIT
#include "run.h"
#include "inputfile.h"
#include "jsonline.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace Runlens {

bool OpsCoverage::value(const char* key) const
{
    for (size_t k = 0; k < keys.size(); ++k) {
        if (qstrcmp(keys[k], key) == 0)
            return values[k];
    }
    return false;
}

QJsonObject OpsCoverage::toJson() const
{
    QJsonObject object;
    for (size_t k = 0; k < keys.size(); ++k)
        object.insert(QLatin1String(keys[k]), values[k]);
    return object;
}

bool isKeptLine(const Event& event)
{
    // The types whose attrs the run builder and the rules read (channels, skips, budgets, results, errors), the
    // lines that carry a fallback or a budget, and the embed and FAISS stage ends that upstream's rules read.
    static const std::array<Atom, 8> types = { Atom(QStringLiteral("channel")), Atom(QStringLiteral("rerank.decision")),
        Atom(QStringLiteral("runtime.init.err")), Atom(QStringLiteral("decision")),
        Atom(QStringLiteral("hybrid.fuse.result")), Atom(QStringLiteral("hydration.end")),
        Atom(QStringLiteral("duckdb.hydrate.end")), Atom(QStringLiteral("error")) };
    static const Atom stepEnd(QStringLiteral("step.end"));
    static const std::array<Atom, 3> stages = { Atom(QStringLiteral("vllm.embed_batch")),
        Atom(QStringLiteral("search.embed")), Atom(QStringLiteral("search.faiss")) };
    if (std::find(types.begin(), types.end(), event.type) != types.end())
        return true;
    if (event.attrKeys & (Event::FallbackReason | Event::WarnDegraded | Event::BudgetMs))
        return true;
    return event.type == stepEnd && (event.attrKeys & Event::SpanContext)
        && std::find(stages.begin(), stages.end(), event.name) != stages.end();
}

QByteArray TextBuffer::line(qint64 offset, qint32 length, bool* reread, QString* error) const
{
    *reread = false;
    if (!file) {
        if (offset < base || length < 0 || offset - base + length > bytes.size()) {
            *error = QCoreApplication::translate("Runlens::Run", "no such line in %1").arg(name);
            return {};
        }
        return QByteArray::fromRawData(bytes.constData() + (offset - base), length);
    }
    const auto kept = std::lower_bound(
        this->kept.begin(), this->kept.end(), offset, [](const KeptLine& line, qint64 at) { return line.offset < at; });
    if (kept != this->kept.end() && kept->offset == offset)
        return QByteArray::fromRawData(bytes.constData() + kept->at, length);
    QByteArray read;
    *reread = true;
    if (!file->read(offset, length, &read, error))
        return {};
    return read;
}

namespace {

// Whether `line`, read again from a file, is the line `e` was parsed from: the same length and the same type,
// name and status (and ts, when it is a number). A file truncated, rotated by copy or edited in between gives
// other bytes there, which must not be shown as this event's.
bool isSameLine(const QByteArray& line, const Event& e)
{
    if (line.size() != e.length)
        return false;
    thread_local JsonLineParser parser;
    Event parsed;
    RunKey key;
    QString error;
    Diagnostics warnings;
    if (parser.parse(line, &parsed, &key, &error, &warnings) == JsonLineParser::Result::Invalid)
        return false;
    return parsed.type == e.type && parsed.name == e.name && parsed.status == e.status
        && (!std::isfinite(parsed.ts) || parsed.ts == e.ts); // a non-finite ts was placed by its neighbours
}

} // namespace

QByteArray Run::lineBytes(int eventIndex, QString* error) const
{
    QString ignored;
    QString* why = error ? error : &ignored;
    if (eventIndex < 0 || size_t(eventIndex) >= events.size())
        return {};
    const Event& e = events[size_t(eventIndex)];
    if (e.buffer < 0 || size_t(e.buffer) >= buffers.size())
        return {};
    const TextBuffer& buffer = *buffers[size_t(e.buffer)];
    bool reread = false;
    QByteArray line = buffer.line(e.offset, e.length, &reread, why);
    if (reread && !line.isNull() && !isSameLine(line, e)) {
        *why = QCoreApplication::translate("Runlens::Run",
            "%1 changed since it was read (truncated, rewritten or copied over): line %2 is no longer there")
                   .arg(buffer.name)
                   .arg(e.line);
        return {};
    }
    return line;
}

QByteArray Run::rawLine(int eventIndex, QString* error) const
{
    const QByteArray line = lineBytes(eventIndex, error);
    return QByteArray(line.constData(), line.size()); // a copy of its own: the bytes may be the run's
}

QJsonObject Run::attrs(int eventIndex) const
{
    const QByteArray line = lineBytes(eventIndex, nullptr);
    return line.isEmpty() ? QJsonObject() : parseAttrs(line);
}

QJsonObject Run::budgets() const
{
    return budgetsEvent >= 0 ? attrs(budgetsEvent) : storedBudgets;
}

QJsonValue Run::budget(QLatin1StringView key) const
{
    return budgetsEvent >= 0 ? attr(budgetsEvent, key) : storedBudgets.value(key);
}

QJsonValue Run::attr(int eventIndex, QLatin1StringView key) const
{
    const QByteArray line = lineBytes(eventIndex, nullptr);
    if (line.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    thread_local AttrLookup lookup; // detectors run on several threads at once
    return lookup.value(line, key);
}

QJsonObject Run::checkpointAttrs(const Checkpoint& checkpoint) const
{
    if (checkpoint.attrsEvent < 0)
        return checkpoint.attrs;
    QJsonObject a = attrs(checkpoint.attrsEvent);
    a.remove(QLatin1String("duration_ms"));
    a.insert(QStringLiteral("status"), checkpoint.ok ? QStringLiteral("ok") : QStringLiteral("error"));
    return a;
}

QJsonValue Run::checkpointAttr(const Checkpoint& checkpoint, QLatin1StringView key) const
{
    if (checkpoint.attrsEvent < 0)
        return checkpoint.attrs.value(key);
    if (key == QLatin1String("duration_ms"))
        return QJsonValue(QJsonValue::Undefined);
    if (key == QLatin1String("status"))
        return checkpoint.ok ? QStringLiteral("ok") : QStringLiteral("error");
    return attr(checkpoint.attrsEvent, key);
}

QString Run::location(int eventIndex) const
{
    if (eventIndex < 0 || size_t(eventIndex) >= events.size())
        return {};
    const Event& e = events[size_t(eventIndex)];
    const QString file =
        e.buffer >= 0 && size_t(e.buffer) < buffers.size() ? buffers[size_t(e.buffer)]->name : QString();
    return file + QLatin1Char(':') + QString::number(e.line);
}

const StageCell* Run::stage(const QString& name) const
{
    for (const StageCell& cell : stages) {
        if (cell.stage == name)
            return &cell;
    }
    return nullptr;
}

double Run::offsetMs(double ts) const
{
    return std::isnan(startedAt) ? 0 : (ts - startedAt) * 1000.0;
}

QString runStatusLabel(RunStatus status)
{
    switch (status) {
    case RunStatus::Complete:
        return QCoreApplication::translate("Runlens::RunStatus", "Complete");
    case RunStatus::Error:
        return QCoreApplication::translate("Runlens::RunStatus", "Failed");
    case RunStatus::CutOff:
        return QCoreApplication::translate("Runlens::RunStatus", "Cut off");
    case RunStatus::Running:
        return QCoreApplication::translate("Runlens::RunStatus", "Running");
    case RunStatus::Background:
        return QCoreApplication::translate("Runlens::RunStatus", "Background");
    }
    return {};
}

QString runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Complete:
        return QStringLiteral("complete");
    case RunStatus::Error:
        return QStringLiteral("error");
    case RunStatus::CutOff:
        return QStringLiteral("cut-off");
    case RunStatus::Running:
        return QStringLiteral("running");
    case RunStatus::Background:
        return QStringLiteral("background");
    }
    return {};
}

QString cellStatusName(CellStatus status)
{
    switch (status) {
    case CellStatus::NotReached:
        return QStringLiteral("not-reached");
    case CellStatus::Ran:
        return QStringLiteral("ran");
    case CellStatus::Skipped:
        return QStringLiteral("skipped");
    case CellStatus::Failed:
        return QStringLiteral("failed");
    case CellStatus::Degraded:
        return QStringLiteral("degraded");
    case CellStatus::Running:
        return QStringLiteral("running");
    }
    return {};
}

QString cellStatusLabel(CellStatus status)
{
    switch (status) {
    case CellStatus::NotReached:
        return QCoreApplication::translate("Runlens::Run", "Not reached");
    case CellStatus::Ran:
        return QCoreApplication::translate("Runlens::Run", "Ran");
    case CellStatus::Skipped:
        return QCoreApplication::translate("Runlens::Run", "Skipped");
    case CellStatus::Failed:
        return QCoreApplication::translate("Runlens::Run", "Failed");
    case CellStatus::Degraded:
        return QCoreApplication::translate("Runlens::Run", "Degraded");
    case CellStatus::Running:
        return QCoreApplication::translate("Runlens::Run", "Running");
    }
    return {};
}

} // namespace Runlens
