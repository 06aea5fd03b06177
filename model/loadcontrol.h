// SPDX-License-Identifier: MIT
#pragma once

#include "timewindow.h"

#include <QString>

#include <functional>
#include <memory>

namespace Runlens {

struct Source;

/// Lets a synchronous reader be cancelled and report progress; the CLI and tests pass the default.
struct LoadControl
{
    std::function<bool()> isCanceled; // polled every few thousand lines
    std::function<void(int permille, const QString& text)> progress;
    /// Early views while a timeline directory loads: the runs of the files read so far, in write order
    /// (Source::partial set), from a worker thread. Unset, no early view is built.
    std::function<void(std::shared_ptr<const Source> partial)> partial;
    /// The runs wanted (timeline directories and files): only the runs that start in it are kept, with their
    /// problems, and a directory's files whose first and last lines are far outside it are not read at all
    /// (Source::filesOutsideWindow).
    TimeWindow window;

    bool canceled() const { return isCanceled && isCanceled(); }
    void report(int permille, const QString& text) const
    {
        if (progress)
            progress(permille, text);
    }
};

} // namespace Runlens
