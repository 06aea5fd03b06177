// SPDX-License-Identifier: MIT
#include "timelinereader.h"
#include "inputfile.h"
#include "jsonline.h"
#include "parallel_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <unordered_map>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace Runlens {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Runlens::TimelineReader", text, disambiguation, n);
}

// Keeps a flood of identical problems (a binary file, a million bad lines) from eating memory.
constexpr int kMaxProblemsPerFile = 200;
// Upstream scrubs strings over 256 characters, so a real line is a few KB; parsing a longer one would only
// cost memory (a 100 MB line is 200 MB of QString).
constexpr qsizetype kMaxLineBytes = 16 * 1024 * 1024;

constexpr size_t kHugePage = 2 * 1024 * 1024;

// Asks for transparent huge pages where the kernel gives them on request: filling a few hundred MB of
// input in 4 KB pages costs a page fault each, a good part of the whole load.
void adviseHugePages(char* data, qsizetype size)
{
#ifdef Q_OS_LINUX
    const quintptr begin = (quintptr(data) + kHugePage - 1) & ~(kHugePage - 1);
    const quintptr end = (quintptr(data) + quintptr(size)) & ~(kHugePage - 1);
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE); // only advice: failure changes nothing
#else
    Q_UNUSED(data);
    Q_UNUSED(size);
#endif
}

} // namespace

QStringList TimelineReader::timelineFiles(const QString& directory)
{
    static const QRegularExpression pattern(QStringLiteral("^events-(\\d{8})(?:-(\\d+))?\\.jsonl$"));
    struct Key
    {
        QString day;
        int group; // 0: rotated segment, 1: current file, 2: any other events-*.jsonl
        qint64 epoch;
        QString name;
    };
    std::vector<Key> keys;
    const QStringList names = QDir(directory).entryList({QStringLiteral("events-*.jsonl")}, QDir::Files | QDir::System);
    for (const QString& name : names) {
        const auto match = pattern.match(name);
        if (!match.hasMatch())
            keys.push_back({QStringLiteral("~"), 2, 0, name});
        else if (match.captured(2).isEmpty())
            keys.push_back({match.captured(1), 1, 0, name});
        else
            keys.push_back({match.captured(1), 0, match.captured(2).toLongLong(), name});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.day, a.group, a.epoch, a.name) < std::tie(b.day, b.group, b.epoch, b.name);
    });
    QStringList result;
    for (const Key& key : keys)
        result.append(key.name);
    return result;
}

std::shared_ptr<const TextBuffer> TimelineReader::mapFile(const QString& path, const QString& displayName,
                                                          QString* error)
{
    if (const QString reason = notRegularFileReason(path); !reason.isEmpty()) {
        *error = reason; // a FIFO would block open() and a device never ends
        return nullptr;
    }
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = file->errorString();
        return nullptr;
    }
    auto buffer = std::make_shared<TextBuffer>();
    buffer->name = displayName;
    // Read, never mapped: a mapped file that someone truncates (logrotate's copytruncate) kills the process
    // with SIGBUS at the next access. The size read is the size at open; later appends wait for a reload.
    // Into a buffer of the file's size (QIODevice::read(qint64) grows its result like an append), aligned
    // to huge pages so that they cover all of it but its last, partial one.
    const qint64 size = file->size();
    if (size <= 0)
        return buffer;
    const size_t capacity = (size_t(size) + kHugePage - 1) & ~(kHugePage - 1);
    char* data = static_cast<char*>(std::aligned_alloc(kHugePage, capacity));
    if (!data) {
        *error = QString::fromLocal8Bit(std::strerror(ENOMEM)); // the system's words, as errorString()'s
        return nullptr;
    }
    std::shared_ptr<void> keepAlive(data, std::free);
    adviseHugePages(data, size); // the last, partial huge page stays small pages: no resident slack
    const qint64 got = file->read(data, size);
    if (got < 0) {
        *error = file->errorString();
        return nullptr;
    }
    buffer->bytes = QByteArray::fromRawData(data, qsizetype(got)); // fewer when the file shrank meanwhile
    buffer->keepAlive = std::move(keepAlive);
    return buffer;
}

void TimelineReader::parseBuffer(const TextBuffer& buffer, qint32 bufferIndex, TimelineData* out,
                                 const LoadControl& control)
{
    JsonLineParser parser;
    const char* data = buffer.bytes.constData();
    const qsizetype size = buffer.bytes.size();
    int problems = 0;
    qint64 suppressed = 0;
    auto report = [&](Diagnostic::Severity severity, qint64 line, qint64 offset, const QString& message,
                      const char* code = "") {
        if (problems++ < kMaxProblemsPerFile)
            out->problems.append({severity, buffer.name, line, offset, message, QLatin1String(code)});
        else
            ++suppressed;
    };

    // A slot per line up front: growing a vector of events moves every event again at each doubling.
    size_t lines = 1;
    for (const char* p = data; (p = static_cast<const char*>(memchr(p, '\n', size_t(data + size - p)))); ++p)
        ++lines;
    out->events.reserve(out->events.size() + lines);
    out->keys.reserve(out->keys.size() + lines);

    qsizetype pos = 0;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        report(Diagnostic::Severity::Warning, 1, 0, tr("byte order mark skipped"));
        pos = 3;
    }
    bool sawCrlf = false;
    qint64 lineNumber = 0;
    QString error;
    QStringList warnings;
    while (pos < size) {
        ++lineNumber;
        const char* newline = static_cast<const char*>(memchr(data + pos, '\n', size_t(size - pos)));
        const bool complete = newline != nullptr;
        const qsizetype end = complete ? newline - data : size;
        qsizetype lineEnd = end;
        if (lineEnd > pos && data[lineEnd - 1] == '\r') {
            --lineEnd;
            if (!sawCrlf) {
                sawCrlf = true;
                report(Diagnostic::Severity::Warning, lineNumber, pos, tr("CRLF line endings"));
            }
        }
        const QByteArrayView line(data + pos, lineEnd - pos);
        const qint64 offset = pos;
        pos = complete ? end + 1 : size;

        if (line.trimmed().isEmpty()) {
            report(Diagnostic::Severity::Warning, lineNumber, offset, tr("blank line skipped"));
            continue;
        }
        if (line.size() > kMaxLineBytes) {
            report(Diagnostic::Severity::Error, lineNumber, offset,
                   tr("line skipped: %1 bytes is longer than the limit of %2 bytes").arg(line.size()).arg(kMaxLineBytes),
                   "malformed-line");
            continue;
        }
        Event event;
        RunKey key;
        warnings.clear();
        if (parser.parse(line, &event, &key, &error, &warnings) == JsonLineParser::Result::Invalid) {
            if (!complete)
                report(Diagnostic::Severity::Error, lineNumber, offset,
                       tr("truncated last line (%1 bytes, no line break): %2").arg(line.size()).arg(error),
                       "truncated-line");
            else
                report(Diagnostic::Severity::Error, lineNumber, offset, tr("line skipped: %1").arg(error),
                       "malformed-line");
            continue;
        }
        for (const QString& warning : std::as_const(warnings))
            report(Diagnostic::Severity::Warning, lineNumber, offset, warning);
        event.buffer = bufferIndex;
        event.offset = offset;
        event.length = qint32(line.size());
        event.line = lineNumber;
        out->events.push_back(std::move(event));
        out->keys.push_back(key);
        if ((lineNumber & 0x3fff) == 0) {
            if (control.canceled()) {
                out->canceled = true;
                return;
            }
            control.report(int(pos * 1000 / std::max<qsizetype>(size, 1)),
                           tr("%1: %n lines", nullptr, int(lineNumber)).arg(buffer.name));
        }
    }
    if (suppressed > 0)
        out->problems.append({Diagnostic::Severity::Warning, buffer.name, 0, -1,
                              tr("%n further problems in this file not listed", nullptr, int(suppressed))});
}

TimelineData TimelineReader::readFile(const QString& fileName, const LoadControl& control)
{
    TimelineData data;
    QString error;
    auto buffer = mapFile(fileName, QFileInfo(fileName).fileName(), &error);
    if (!buffer) {
        data.problems.append({Diagnostic::Severity::Error, fileName, 0, -1, tr("cannot read: %1").arg(error)});
        return data;
    }
    data.bytes = buffer->bytes.size();
    data.buffers.push_back(buffer);
    parseBuffer(*buffer, 0, &data, control);
    return data;
}

namespace {

// (session_id, run_id) to a group index, in first-seen order. Atoms: hashing and comparing ids are
// integer operations.
class RunIndex
{
public:
    // The group of these ids; `added` is set when it is new (its index is then the previous size).
    int groupOf(Atom sessionId, Atom runId, bool* added)
    {
        const auto [it, inserted] = m_groups.try_emplace(RunKey{sessionId, runId}, int(m_groups.size()));
        *added = inserted;
        return it->second;
    }

private:
    struct Hash
    {
        size_t operator()(const RunKey& key) const { return qHashMulti(0, key.sessionId, key.runId); }
    };
    struct Equal
    {
        bool operator()(const RunKey& a, const RunKey& b) const
        {
            return a.sessionId == b.sessionId && a.runId == b.runId;
        }
    };
    std::unordered_map<RunKey, int, Hash, Equal> m_groups;
};

// Groups in first-seen order, events in their order; `events` is left empty, its capacity kept. Two
// passes, so that every group's vector is allocated once at its final size.
std::vector<RunGroup> groupInOrder(std::vector<Event>& events, const std::vector<RunKey>& keys)
{
    Q_ASSERT(keys.size() == events.size());
    std::vector<RunGroup> groups;
    RunIndex index;
    std::vector<int> groupOfEvent;
    groupOfEvent.reserve(events.size());
    std::vector<size_t> counts;
    for (const RunKey& key : keys) {
        bool added = false;
        const int group = index.groupOf(key.sessionId, key.runId, &added);
        if (added) {
            groups.push_back({key.sessionId, key.runId, {}});
            counts.push_back(0);
        }
        ++counts[size_t(group)];
        groupOfEvent.push_back(group);
    }
    for (size_t g = 0; g < groups.size(); ++g)
        groups[g].events.reserve(counts[g]);
    for (size_t i = 0; i < events.size(); ++i)
        groups[size_t(groupOfEvent[i])].events.push_back(std::move(events[i]));
    events.clear();
    return groups;
}


void sortByTs(std::vector<Event>& events)
{
    const auto byTs = [](const Event& a, const Event& b) { return a.ts < b.ts; };
    if (!std::is_sorted(events.begin(), events.end(), byTs)) // the usual case: written in time order
        std::stable_sort(events.begin(), events.end(), byTs);
}

} // namespace

TimelineData TimelineReader::readDirectory(const QString& directory, const LoadControl& control, EventLayout layout,
                                           const PrefixCallback& onPrefix)
{
    const QStringList names = timelineFiles(directory);
    TimelineData data;

    // Files are read, then parsed, on every core, each into its own slot; merged in write order below.
    struct File
    {
        std::shared_ptr<const TextBuffer> buffer;
        QString error;
        TimelineData data;
        std::vector<RunGroup> runs;
    };
    std::vector<File> files(size_t(names.size()));
    parallelFor(names.size(), [&](qsizetype i) {
        if (!control.canceled())
            files[size_t(i)].buffer = mapFile(QDir(directory).filePath(names[i]), names[i], &files[size_t(i)].error);
    });
    qint64 total = 0;
    std::vector<qint32> bufferIndex(files.size(), -1);
    for (size_t i = 0; i < files.size(); ++i) {
        if (!files[i].buffer)
            continue;
        bufferIndex[i] = qint32(data.buffers.size());
        data.buffers.push_back(files[i].buffer);
        total += files[i].buffer->bytes.size();
    }

    QMutex progressMutex; // the caller's progress callback is called from one thread at a time
    qint64 done = 0;
    int filesDone = 0;
    int reported = -1;
    std::atomic<bool> canceled = false;

    // Early views: files [0, parsedPrefix) are parsed; their runs are copied out while later files are.
    // Only in the first half of the input: an early view is a copy, held until the whole source replaces it.
    std::vector<char> parsed(files.size(), 0);
    size_t parsedPrefix = 0;
    qint64 prefixBytes = 0;
    bool buildingPrefix = false;
    QElapsedTimer sincePrefix;
    const auto fileParsed = [&](size_t i) {
        if (!onPrefix || layout != EventLayout::RunsByBuffer)
            return;
        size_t upTo = 0;
        {
            QMutexLocker lock(&progressMutex);
            parsed[i] = 1;
            const size_t before = parsedPrefix;
            while (parsedPrefix < files.size() && parsed[parsedPrefix]) {
                if (files[parsedPrefix].buffer)
                    prefixBytes += files[parsedPrefix].buffer->bytes.size();
                ++parsedPrefix;
            }
            constexpr qint64 kPrefixIntervalMs = 300;
            if (parsedPrefix > before && prefixBytes <= total / 2 && !buildingPrefix && !canceled
                && (!sincePrefix.isValid() || sincePrefix.elapsed() >= kPrefixIntervalMs)) {
                buildingPrefix = true;
                upTo = parsedPrefix;
            }
        }
        if (upTo == 0)
            return;
        TimelineData prefix; // copies: the files' own runs are moved into the result at the end
        prefix.buffers = data.buffers;
        for (size_t f = 0; f < upTo; ++f) {
            prefix.problems += files[f].data.problems;
            if (files[f].buffer) {
                prefix.bytes += files[f].buffer->bytes.size();
                prefix.runsByBuffer.push_back(files[f].runs);
            }
        }
        onPrefix(std::move(prefix));
        QMutexLocker lock(&progressMutex);
        buildingPrefix = false;
        sincePrefix.start();
    };

    parallelFor(names.size(), [&](qsizetype i) {
        File& file = files[size_t(i)];
        if (!file.buffer || canceled || control.canceled()) {
            canceled = canceled || control.canceled();
            fileParsed(size_t(i));
            return;
        }
        const qint64 size = file.buffer->bytes.size();
        qint64 partial = 0;
        const LoadControl fileControl{control.isCanceled, [&](int permille, const QString& text) {
                                          QMutexLocker lock(&progressMutex);
                                          done += size * permille / 1000 - partial;
                                          partial = size * permille / 1000;
                                          const int overall = int(done * 1000 / std::max<qint64>(total, 1));
                                          if (overall > reported) { // two files at once: keep it rising
                                              reported = overall;
                                              control.report(overall, text);
                                          }
                                      }, {}};
        parseBuffer(*file.buffer, bufferIndex[size_t(i)], &file.data, fileControl);
        if (file.data.canceled)
            canceled = true;
        if (layout == EventLayout::RunsByBuffer) {
            file.runs = groupInOrder(file.data.events, file.data.keys);
            std::vector<Event>().swap(file.data.events);
            std::vector<RunKey>().swap(file.data.keys);
        }
        {
            QMutexLocker lock(&progressMutex);
            done += size - partial;
            ++filesDone;
            const int overall = int(done * 1000 / std::max<qint64>(total, 1));
            if (overall > reported) { // small files report nothing while parsed
                reported = overall;
                control.report(overall, tr("%1 of %2 files read").arg(filesDone).arg(names.size()));
            }
        }
        fileParsed(size_t(i));
    });

    size_t eventCount = 0;
    for (const File& file : files)
        eventCount += file.data.events.size();
    if (layout == EventLayout::Flat) {
        data.events.reserve(eventCount);
        data.keys.reserve(eventCount);
    }
    for (size_t i = 0; i < files.size(); ++i) {
        File& file = files[i];
        if (!file.buffer) {
            if (!file.error.isEmpty())
                data.problems.append({Diagnostic::Severity::Error, names[qsizetype(i)], 0, -1,
                                      tr("cannot read: %1").arg(file.error)});
            continue;
        }
        data.bytes += file.buffer->bytes.size();
        data.problems += file.data.problems;
        if (layout == EventLayout::Flat) {
            std::move(file.data.events.begin(), file.data.events.end(), std::back_inserter(data.events));
            data.keys.insert(data.keys.end(), file.data.keys.begin(), file.data.keys.end());
            std::vector<Event>().swap(file.data.events);
            std::vector<RunKey>().swap(file.data.keys);
        } else {
            data.runsByBuffer.push_back(std::move(file.runs));
        }
        if (file.data.canceled)
            break;
    }
    data.canceled = canceled;
    return data;
}

std::vector<RunGroup> groupByRun(std::vector<std::vector<RunGroup>> runsByBuffer)
{
    // The parts of each run, in first-seen order: buffers in read order, runs in first-seen order in each.
    std::vector<RunGroup> groups;
    std::vector<std::vector<RunGroup*>> partsOf;
    RunIndex index;
    for (std::vector<RunGroup>& runs : runsByBuffer) {
        for (RunGroup& part : runs) {
            bool added = false;
            const int group = index.groupOf(part.sessionId, part.runId, &added);
            if (added) {
                groups.push_back({part.sessionId, part.runId, {}});
                partsOf.emplace_back();
            }
            partsOf[size_t(group)].push_back(&part);
        }
    }
    // Each run joins its parts on its own: most runs have one part, whose vector it takes as it is.
    parallelFor(qsizetype(groups.size()), [&](qsizetype g) {
        std::vector<Event>& events = groups[size_t(g)].events;
        const std::vector<RunGroup*>& parts = partsOf[size_t(g)];
        if (parts.size() == 1) {
            events = std::move(parts.front()->events);
        } else {
            size_t count = 0;
            for (const RunGroup* part : parts)
                count += part->events.size();
            events.reserve(count);
            for (RunGroup* part : parts) {
                std::move(part->events.begin(), part->events.end(), std::back_inserter(events));
                std::vector<Event>().swap(part->events);
            }
        }
        sortByTs(events);
    });
    return groups;
}

std::vector<RunGroup> groupByRun(std::vector<Event> events, const std::vector<RunKey>& keys)
{
    std::vector<RunGroup> groups = groupInOrder(events, keys);
    for (RunGroup& group : groups)
        sortByTs(group.events);
    return groups;
}

} // namespace Runlens
