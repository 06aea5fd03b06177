// SPDX-License-Identifier: MIT
#pragma once

#include "loadcontrol.h"

#include <QString>
#include <QtGlobal>

#include <vector>

namespace Runlens {

/// How many runs a timeline directory's runs start over time, from a quick pass over its bytes: the whole
/// directory at a glance, to choose which span of it to load (issue 17), as Wireshark's I/O graph does for a
/// capture. Lines are not parsed as JSON: the top-level keys are found by their text, as upstream writes them
/// (spec 3.1), so the counts are close to a full read's, not always equal (a hand-made line with its keys in
/// another order may be counted for another run or not at all).
struct Activity
{
    struct Bin
    {
        quint32 runs = 0; // runs whose first line falls in the bin
        quint32 failed = 0; // of which a line has status "error"
        quint32 cutOff = 0; // of which more scopes start than end: cut off, or still running
    };
    double start = 0; // epoch seconds where bins[0] starts: a whole minute
    double binSeconds = 60;
    std::vector<Bin> bins;
    qint64 lines = 0;
    qint64 bytes = 0;
    bool canceled = false;

    bool isEmpty() const { return bins.empty(); }
    double end() const { return start + binSeconds * double(bins.size()); }
    /// The bin that holds `ts`, clamped to the bins.
    int binOf(double ts) const;
    /// The sum of the bins from `first` to `last`, both included.
    Bin total(int first, int last) const;
};

/// Scans the timeline files of `directory` on every core; `control` may cancel it (Activity::canceled) and
/// hears progress. Only reads: a file that cannot be read is left out.
Activity scanActivity(const QString& directory, const LoadControl& control = {});

} // namespace Runlens
