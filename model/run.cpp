// SPDX-License-Identifier: MIT
#include "run.h"
#include "jsonline.h"

#include <QCoreApplication>

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

QByteArrayView Run::rawLineView(int eventIndex) const
{
    if (eventIndex < 0 || size_t(eventIndex) >= events.size())
        return {};
    const Event& e = events[size_t(eventIndex)];
    if (e.buffer < 0 || size_t(e.buffer) >= buffers.size())
        return {};
    const QByteArray& bytes = buffers[size_t(e.buffer)]->bytes;
    return QByteArrayView(bytes.constData() + e.offset, e.length);
}

QByteArray Run::rawLine(int eventIndex) const
{
    return rawLineView(eventIndex).toByteArray();
}

QJsonObject Run::attrs(int eventIndex) const
{
    const QByteArrayView line = rawLineView(eventIndex);
    return line.isNull() ? QJsonObject() : parseAttrs(line);
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
    const QByteArrayView line = rawLineView(eventIndex);
    if (line.isNull())
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
