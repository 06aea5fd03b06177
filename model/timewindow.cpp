// SPDX-License-Identifier: MIT
#include "timewindow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <tuple>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::TimeWindow)
};

} // namespace

std::optional<double> parseTimeArgument(const QString& text, QString* error)
{
    const QString trimmed = text.trimmed();
    bool isNumber = false;
    const double seconds = trimmed.toDouble(&isNumber);
    if (isNumber) {
        if (std::isfinite(seconds))
            return seconds;
        *error = Tr::tr("\"%1\" is not a time").arg(text);
        return std::nullopt;
    }
    const QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid()) {
        *error = Tr::tr("\"%1\" is neither ISO 8601 (2026-11-24T10:00:00Z) nor epoch seconds").arg(text);
        return std::nullopt;
    }
    // Without a zone the time would be read in this machine's, which a log from a server elsewhere is not in.
    if (time.timeSpec() == Qt::LocalTime) {
        *error = Tr::tr("\"%1\" has no time zone: add Z or an offset such as +01:00").arg(text);
        return std::nullopt;
    }
    return double(time.toMSecsSinceEpoch()) / 1000.0;
}

std::optional<TimeWindow> parseTimeWindow(
    const std::optional<QString>& since, const std::optional<QString>& until, QString* badOption, QString* error)
{
    TimeWindow window;
    for (const auto& [name, text, end] :
        { std::tuple { "since", &since, &window.since }, std::tuple { "until", &until, &window.until } }) {
        if (!*text)
            continue;
        const std::optional<double> time = parseTimeArgument(**text, error);
        if (!time) {
            *badOption = QLatin1String(name);
            return std::nullopt;
        }
        *end = *time;
    }
    if (window.since >= window.until) {
        badOption->clear();
        return std::nullopt;
    }
    return window;
}

} // namespace Runlens
