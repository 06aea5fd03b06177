// SPDX-License-Identifier: MIT
#include "activity.h"
#include "inputfile.h"
#include "parallel_p.h"
#include "timelinereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHashFunctions>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace Runlens {

namespace {

// The context lupdate files these texts under.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Activity)
};

// What one file says of one run.
struct RunSummary
{
    quint64 key = 0; // a hash of (session_id, run_id)
    double firstTs = INFINITY;
    qint32 openScopes = 0; // scopes started less scopes ended
    bool failed = false;

    void add(const RunSummary& later)
    {
        firstTs = std::min(firstTs, later.firstTs);
        openScopes += later.openScopes;
        failed = failed || later.failed;
    }
};

// The runs of one file in first-seen order.
struct FileScan
{
    std::vector<RunSummary> runs;
    std::unordered_map<quint64, size_t> index;
    qint64 lines = 0;
};

// The value of the first `"key"` of a line, as upstream writes it ("key":value, or "key": value as Python's
// default separators do): a string's text between its quotes (ids and types hold no escapes), else the text up to
// the next comma or brace. Empty when the line has no such key.
std::string_view valueOf(std::string_view line, std::string_view quotedKey)
{
    const size_t at = line.find(quotedKey);
    if (at == std::string_view::npos)
        return {};
    size_t i = at + quotedKey.size();
    const auto skipSpaces = [&] {
        while (i < line.size() && line[i] == ' ')
            ++i;
    };
    skipSpaces();
    if (i >= line.size() || line[i] != ':')
        return {};
    ++i;
    skipSpaces();
    if (i >= line.size())
        return {};
    if (line[i] == '"') {
        const size_t end = line.find('"', i + 1);
        return end == std::string_view::npos ? std::string_view() : line.substr(i + 1, end - i - 1);
    }
    const size_t end = line.find_first_of(",} ", i);
    return line.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
}

// The top-level values the scan needs.
struct LineValues
{
    std::string_view ts, type, status, session, runId;
};

// Walks the keys of a line from its start as long as their values are strings or numbers, as upstream writes
// them (ts, type, name, status, session_id, run_id, message, then attrs): one pass over the head of the line.
// Keys it did not reach (after an object, or in another order) are looked for with valueOf().
LineValues valuesOf(std::string_view line)
{
    LineValues values;
    size_t i = line.find('{');
    int found = 0;
    while (i != std::string_view::npos && found < 5) {
        const size_t keyStart = line.find('"', i + 1);
        if (keyStart == std::string_view::npos)
            break;
        const size_t keyEnd = line.find('"', keyStart + 1);
        if (keyEnd == std::string_view::npos)
            break;
        const std::string_view key = line.substr(keyStart + 1, keyEnd - keyStart - 1);
        i = keyEnd + 1;
        while (i < line.size() && (line[i] == ' ' || line[i] == ':'))
            ++i;
        if (i >= line.size())
            break;
        std::string_view value;
        if (line[i] == '"') {
            size_t end = line.find('"', i + 1);
            while (end != std::string_view::npos) { // past escaped quotes: an odd run of backslashes before
                size_t backslashes = 0;
                while (line[end - 1 - backslashes] == '\\')
                    ++backslashes;
                if (backslashes % 2 == 0)
                    break;
                end = line.find('"', end + 1);
            }
            if (end == std::string_view::npos)
                break;
            value = line.substr(i + 1, end - i - 1);
            i = end + 1;
        } else if (line[i] == '{' || line[i] == '[') {
            break; // attrs: the rest is its members
        } else {
            const size_t end = line.find_first_of(",}", i);
            value = line.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
            while (!value.empty() && value.back() == ' ')
                value.remove_suffix(1);
            i = end;
        }
        std::string_view* slot = key == "ts" ? &values.ts
            : key == "type"                  ? &values.type
            : key == "status"                ? &values.status
            : key == "session_id"            ? &values.session
            : key == "run_id"                ? &values.runId
                                             : nullptr;
        if (slot && slot->empty()) {
            *slot = value;
            ++found;
        }
        if (i != std::string_view::npos)
            i = line.find(',', i);
    }
    if (found < 5) {
        const auto fill = [line](std::string_view& slot, std::string_view quotedKey) {
            if (slot.empty())
                slot = valueOf(line, quotedKey);
        };
        fill(values.ts, "\"ts\"");
        fill(values.type, "\"type\"");
        fill(values.status, "\"status\"");
        fill(values.session, "\"session_id\"");
        fill(values.runId, "\"run_id\"");
    }
    return values;
}

void scanLine(std::string_view line, FileScan* scan)
{
    const LineValues values = valuesOf(line);
    if (values.runId.empty())
        return;
    ++scan->lines;
    const quint64 key = quint64(qHash(QByteArrayView(values.session.data(), qsizetype(values.session.size())), 0))
        ^ (quint64(qHash(QByteArrayView(values.runId.data(), qsizetype(values.runId.size())), 1))
            * 0x9E3779B97F4A7C15ULL);
    const auto [it, added] = scan->index.try_emplace(key, scan->runs.size());
    if (added)
        scan->runs.push_back({ key });
    RunSummary& run = scan->runs[it->second];
    double ts = NAN;
    const std::string_view tsText = values.ts;
    if (std::from_chars(tsText.data(), tsText.data() + tsText.size(), ts).ec == std::errc() && std::isfinite(ts))
        run.firstTs = std::min(run.firstTs, ts);
    // Scopes are operations and steps (spec 3.3); other ".start" types are points ("hybrid.fuse.start").
    if (values.type == "step.start" || values.type == "operation.start")
        ++run.openScopes;
    else if (values.type == "step.end" || values.type == "operation.end")
        --run.openScopes;
    if (values.status == "error")
        run.failed = true;
}

// Reads a file in blocks and scans its lines; false when it cannot be read or the scan was canceled.
bool scanFile(const QString& path, const LoadControl& control, std::atomic<qint64>* bytesDone, FileScan* scan)
{
    QFile file;
    QString reason;
    if (!openRegularFile(path, &file, &reason))
        return false;
    constexpr qint64 kBlock = 8 * 1024 * 1024;
    QByteArray carry; // the start of a line the block before ended in
    QByteArray block;
    while (true) {
        block = file.read(kBlock);
        if (block.isEmpty())
            break;
        bytesDone->fetch_add(block.size(), std::memory_order_relaxed);
        std::string_view text(block.constData(), size_t(block.size()));
        size_t pos = 0;
        if (!carry.isEmpty()) {
            const size_t lineEnd = text.find('\n');
            carry.append(block.constData(), qsizetype(lineEnd == std::string_view::npos ? text.size() : lineEnd));
            if (lineEnd == std::string_view::npos)
                continue;
            scanLine(std::string_view(carry.constData(), size_t(carry.size())), scan);
            carry.clear();
            pos = lineEnd + 1;
        }
        for (size_t end = text.find('\n', pos); end != std::string_view::npos; end = text.find('\n', pos)) {
            scanLine(text.substr(pos, end - pos), scan);
            pos = end + 1;
        }
        carry.append(block.constData() + pos, qsizetype(text.size() - pos));
        if (control.canceled())
            return false;
    }
    if (!carry.isEmpty())
        scanLine(std::string_view(carry.constData(), size_t(carry.size())), scan);
    return true;
}

} // namespace

int Activity::binOf(double ts) const
{
    if (bins.empty())
        return -1;
    const double bin = std::floor((ts - start) / binSeconds);
    return int(std::clamp(bin, 0.0, double(bins.size() - 1)));
}

Activity::Bin Activity::total(int first, int last) const
{
    Bin sum;
    for (int b = std::max(first, 0); b <= last && b < int(bins.size()); ++b) {
        sum.runs += bins[size_t(b)].runs;
        sum.failed += bins[size_t(b)].failed;
        sum.cutOff += bins[size_t(b)].cutOff;
    }
    return sum;
}

Activity scanActivity(const QString& directory, const LoadControl& control)
{
    Activity activity;
    const QStringList files = TimelineReader::timelinePaths(directory);
    for (const QString& path : files)
        activity.bytes += QFileInfo(path).size();
    std::vector<FileScan> scans(size_t(files.size()));
    std::atomic<qint64> bytesDone { 0 };
    std::atomic<bool> canceled { false };
    parallelFor(files.size(), [&](qsizetype f) {
        if (canceled.load(std::memory_order_relaxed))
            return;
        if (!scanFile(files.at(f), control, &bytesDone, &scans[size_t(f)]) && control.canceled())
            canceled.store(true, std::memory_order_relaxed);
        const qint64 done = bytesDone.load(std::memory_order_relaxed);
        control.report(activity.bytes > 0 ? int(std::min<qint64>(1000, done * 1000 / activity.bytes)) : 1000,
            Tr::tr("Scanning the directory for its runs over time"));
    });
    if (canceled || control.canceled()) {
        activity.canceled = true;
        return activity;
    }

    // A run may go on in the next file (rotation): its summaries join, in write order.
    std::unordered_map<quint64, RunSummary> runs;
    for (const FileScan& scan : scans) {
        activity.lines += scan.lines;
        for (const RunSummary& run : scan.runs) {
            const auto [it, added] = runs.try_emplace(run.key, run);
            if (!added)
                it->second.add(run);
        }
    }
    std::vector<FileScan>().swap(scans);
    double first = INFINITY, last = -INFINITY;
    for (const auto& [key, run] : runs) {
        first = std::min(first, run.firstTs);
        last = std::max(last, run.firstTs);
    }
    if (!std::isfinite(first))
        return activity;
    // Minutes, unless a stray line years away would make too many of them.
    constexpr double kMaxBins = 100'000;
    activity.binSeconds = 60 * std::max(1.0, std::ceil((last - first) / 60 / kMaxBins));
    activity.start = std::floor(first / 60) * 60;
    activity.bins.resize(size_t(std::floor((last - activity.start) / activity.binSeconds)) + 1);
    for (const auto& [key, run] : runs) {
        if (!std::isfinite(run.firstTs))
            continue;
        Activity::Bin& bin = activity.bins[size_t(activity.binOf(run.firstTs))];
        ++bin.runs;
        bin.failed += run.failed ? 1 : 0;
        bin.cutOff += run.openScopes > 0 ? 1 : 0;
    }
    return activity;
}

} // namespace Runlens
