// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

namespace Runlens {

/// Lets a synchronous reader be cancelled and report progress; the CLI and tests pass the default.
struct LoadControl
{
    std::function<bool()> isCanceled;                            // polled every few thousand lines
    std::function<void(int permille, const QString& text)> progress;

    bool canceled() const { return isCanceled && isCanceled(); }
    void report(int permille, const QString& text) const
    {
        if (progress)
            progress(permille, text);
    }
};

} // namespace Runlens
