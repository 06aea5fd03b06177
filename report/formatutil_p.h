// SPDX-License-Identifier: MIT
#pragma once

#include "printable.h"
#include "run.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

// Escaping and small JSON pieces shared by the output formats of hints, exports, triage and diff.
namespace Runlens::FormatUtil {

/// A cell a spreadsheet would run as a formula (it starts with =, +, - or @, or a tab or CR that some
/// strip first) made inert with a leading single quote, as OWASP recommends. A plain number ("-3", "-0.5")
/// is no formula and stays as it is.
inline QString csvInert(const QString& field)
{
    if (field.isEmpty())
        return field;
    const QChar first = field.front();
    if (first != u'=' && first != u'+' && first != u'-' && first != u'@' && first != u'\t' && first != u'\r')
        return field;
    bool number = false;
    if (first == u'-' || first == u'+') {
        field.toDouble(&number);
        number = number && !field.contains(u'e', Qt::CaseInsensitive) && !field.contains(u'n', Qt::CaseInsensitive);
    }
    return number ? field : u'\'' + field;
}

/// One CSV field, made inert for spreadsheets (csvInert), quoted per RFC 4180 when it holds a comma, a
/// quote or a line break.
inline QString csvField(const QString& cell)
{
    QString field = csvInert(cell);
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    return u'"' + QString(field).replace(u'"', QLatin1String("\"\"")) + u'"';
}

/// One CSV record, CRLF-terminated as RFC 4180 asks.
inline QString csvRecord(const QStringList& fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString& field : fields)
        escaped.append(csvField(field));
    return escaped.join(u',') + QLatin1String("\r\n");
}

/// A Markdown table cell: a '|' would end the cell, a line break or CR the row, and other controls would
/// act on whatever shows the text (printable()).
inline QString mdCell(const QString& text)
{
    return printable(text).replace(u'|', QLatin1String("\\|"));
}

inline QString whyText(const QJsonObject& why)
{
    return QString::fromUtf8(QJsonDocument(why).toJson(QJsonDocument::Compact));
}

/// null for NaN ("not measured"), the number otherwise.
inline QJsonValue jsonNumber(double value)
{
    return std::isnan(value) ? QJsonValue() : QJsonValue(value);
}

/// null for an empty string ("none"), the string otherwise.
inline QJsonValue jsonText(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

/// The facts that name a run in every JSON output: session_id, run_id, tool, status, stop_reason, duration_ms.
inline QJsonObject runJson(const Run& run)
{
    return QJsonObject { { QStringLiteral("session_id"), run.sessionId }, { QStringLiteral("run_id"), run.runId },
        { QStringLiteral("tool"), run.tool }, { QStringLiteral("status"), runStatusName(run.status) },
        { QStringLiteral("stop_reason"), jsonText(run.stopReason) },
        { QStringLiteral("duration_ms"), jsonNumber(run.durationMs) } };
}

} // namespace Runlens::FormatUtil
