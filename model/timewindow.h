// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cmath>
#include <limits>
#include <optional>

namespace Runlens {

/// The span of time a report covers (--since, --until): a run is in it when it starts inside it, at or after
/// `since` and before `until`, in epoch seconds. Either end may stay open; by default both are.
struct TimeWindow
{
    /// A run that starts inside the window may go on past its end, and lines of one run are not strictly in
    /// ts order: files whose lines come this close to the window are read too. Runs last seconds.
    static constexpr double kRunSlackS = 5 * 60;

    double since = -std::numeric_limits<double>::infinity();
    double until = std::numeric_limits<double>::infinity();

    bool isAll() const { return std::isinf(since) && since < 0 && std::isinf(until) && until > 0; }
    /// Whether a run that starts at `startTs` is in the window; a run of unknown start only in the whole time.
    bool contains(double startTs) const { return isAll() || (startTs >= since && startTs < until); }
    /// Whether lines with ts from `first` to `last` may belong to a run that starts in the window.
    bool mayHold(double first, double last) const
    {
        return isAll() || !(last < since - kRunSlackS || first >= until + kRunSlackS);
    }
};

/// A --since or --until value in epoch seconds: ISO 8601 with a zone ("2026-11-24T10:00:00Z",
/// "2026-11-24T11:00:00.5+01:00") or a number of seconds since the epoch ("1795560451.2"). Empty, with `error`
/// saying why, when it is neither.
std::optional<double> parseTimeArgument(const QString& text, QString* error);
/// The window of a --since and an --until value, either of them absent (that end stays open). Empty when a value is
/// not a time (`badOption` then names it, "since" or "until", and `error` says why) or when the window holds no time
/// (`badOption` left empty).
std::optional<TimeWindow> parseTimeWindow(
    const std::optional<QString>& since, const std::optional<QString>& until, QString* badOption, QString* error);

} // namespace Runlens
