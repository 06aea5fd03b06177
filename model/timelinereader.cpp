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
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <unordered_map>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::TimelineReader)
};

constexpr qsizetype kMaxLineBytes = TimelineReader::kMaxLineBytes;

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
    for (const QString& name : directoryEntries(directory, QStringLiteral("events-*.jsonl"))) {
        if (fileStatus(childPath(directory, name)).type == FileStatus::Type::Directory)
            continue;
        const auto match = pattern.match(name);
        if (!match.hasMatch())
            keys.push_back({ QStringLiteral("~"), 2, 0, name });
        else if (match.captured(2).isEmpty())
            keys.push_back({ match.captured(1), 1, 0, name });
        else
            keys.push_back({ match.captured(1), 0, match.captured(2).toLongLong(), name });
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.day, a.group, a.epoch, a.name) < std::tie(b.day, b.group, b.epoch, b.name);
    });
    QStringList result;
    for (const Key& key : keys)
        result.append(key.name);
    return result;
}

std::shared_ptr<const TextBuffer> TimelineReader::mapFile(
    const QString& path, const QString& displayName, QString* error)
{
    auto file = std::make_shared<QFile>();
    if (!openRegularFile(path, file.get(), error)) // a FIFO would block a plain open, a device never ends
        return nullptr;
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

namespace {

size_t countLines(const char* data, qsizetype begin, qsizetype end)
{
    size_t lines = 0;
    for (const char* p = data + begin; (p = static_cast<const char*>(memchr(p, '\n', size_t(data + end - p)))); ++p)
        ++lines;
    return lines;
}

// What one range of a buffer's lines reported. The CRLF warning is kept aside: the buffer reports only
// its first one, which a range cannot know it has when it is parsed beside the ranges before it.
struct RangeProblems
{
    Diagnostics kept; // the first kMaxListedProblems
    qint64 suppressed = 0; // beyond those
    qint64 crlfLine = 0; // the first line ending in CRLF; 0 when none
    qint64 crlfOffset = 0;
};

// Parses the lines in [begin, end) of `buffer`, the first of them line number `firstLine`, appending to
// `out`. A range starts at a line start; only the buffer's last range may end without a line break.
void parseRange(const TextBuffer& buffer, qint32 bufferIndex, qsizetype begin, qsizetype end, qint64 firstLine,
    TimelineData* out, RangeProblems* problems, const LoadControl& control)
{
    JsonLineParser parser;
    const char* data = buffer.bytes.constData();
    auto report = [&](Diagnostic::Severity severity, qint64 line, qint64 offset, const QString& message,
                      const QString& code = {}) {
        if (problems->kept.size() < kMaxListedProblems)
            problems->kept.append({ severity, buffer.name, line, offset, message, code });
        else
            ++problems->suppressed;
    };

    // A slot per line up front (the line breaks, and a last line without one): growing a vector of events
    // moves every event again at each doubling.
    const size_t lines = countLines(data, begin, end) + 1;
    out->events.reserve(out->events.size() + lines);
    out->keys.reserve(out->keys.size() + lines);

    qsizetype pos = begin;
    if (begin == 0 && end >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        report(Diagnostic::Severity::Warning, 1, 0, Tr::tr("byte order mark skipped"));
        pos = 3;
    }
    qint64 lineNumber = firstLine - 1;
    QString error;
    Diagnostics warnings;
    while (pos < end) {
        ++lineNumber;
        const char* newline = static_cast<const char*>(memchr(data + pos, '\n', size_t(end - pos)));
        const bool complete = newline != nullptr;
        const qsizetype lineBreak = complete ? newline - data : end;
        qsizetype lineEnd = lineBreak;
        if (lineEnd > pos && data[lineEnd - 1] == '\r') {
            --lineEnd;
            if (problems->crlfLine == 0) {
                problems->crlfLine = lineNumber;
                problems->crlfOffset = pos;
            }
        }
        const QByteArrayView line(data + pos, lineEnd - pos);
        const qint64 offset = pos;
        pos = complete ? lineBreak + 1 : end;

        if (line.trimmed().isEmpty()) {
            report(Diagnostic::Severity::Warning, lineNumber, offset, Tr::tr("blank line skipped"));
            continue;
        }
        if (line.size() > kMaxLineBytes) {
            report(Diagnostic::Severity::Error, lineNumber, offset,
                Tr::tr("line skipped: %1 bytes is longer than the limit of %2 bytes")
                    .arg(line.size())
                    .arg(kMaxLineBytes),
                QStringLiteral("malformed-line"));
            continue;
        }
        Event event;
        RunKey key;
        warnings.clear();
        if (parser.parse(line, &event, &key, &error, &warnings) == JsonLineParser::Result::Invalid) {
            if (!complete)
                report(Diagnostic::Severity::Error, lineNumber, offset,
                    Tr::tr("truncated last line (%1 bytes, no line break): %2").arg(line.size()).arg(error),
                    QStringLiteral("truncated-line"));
            else
                report(Diagnostic::Severity::Error, lineNumber, offset, Tr::tr("line skipped: %1").arg(error),
                    QStringLiteral("malformed-line"));
            continue;
        }
        for (const Diagnostic& warning : std::as_const(warnings))
            report(Diagnostic::Severity::Warning, lineNumber, offset, warning.message, warning.code);
        event.buffer = bufferIndex;
        event.offset = offset;
        event.length = qint32(line.size());
        event.line = qint32(lineNumber);
        out->events.push_back(std::move(event));
        out->keys.push_back(key);
        if ((lineNumber & 0x3fff) == 0) {
            if (control.canceled()) {
                out->canceled = true;
                return;
            }
            control.report(int((pos - begin) * 1000 / std::max<qsizetype>(end - begin, 1)),
                Tr::tr("%1: %n lines", nullptr, int(lineNumber)).arg(buffer.name));
        }
    }
}

// The problems of a buffer's ranges, in order, as one parse of the whole buffer reports them: the first
// CRLF line once, the first kMaxListedProblems listed, a count of the rest.
Diagnostics mergeProblems(const std::vector<const RangeProblems*>& ranges, const QString& bufferName)
{
    Diagnostics all;
    qint64 suppressed = 0;
    const auto crlf =
        std::find_if(ranges.begin(), ranges.end(), [](const RangeProblems* r) { return r->crlfLine > 0; });
    bool crlfPlaced = crlf == ranges.end();
    const auto placeCrlf = [&] {
        all.append({ Diagnostic::Severity::Warning, bufferName, (*crlf)->crlfLine, (*crlf)->crlfOffset,
            Tr::tr("CRLF line endings") });
        crlfPlaced = true;
    };
    for (const RangeProblems* range : ranges) {
        for (const Diagnostic& problem : range->kept) {
            // Reported as its line is read: before that line's own problems, after those of the lines before.
            if (!crlfPlaced
                && std::tie(problem.line, problem.byteOffset) >= std::tie((*crlf)->crlfLine, (*crlf)->crlfOffset))
                placeCrlf();
            all.append(problem);
        }
        suppressed += range->suppressed;
    }
    if (!crlfPlaced)
        placeCrlf();
    if (all.size() > kMaxListedProblems) {
        suppressed += all.size() - kMaxListedProblems;
        all.resize(kMaxListedProblems);
    }
    if (suppressed > 0)
        all.append({ Diagnostic::Severity::Warning, bufferName, 0, -1,
            Tr::tr("%n further problems in this file not listed", nullptr, int(suppressed)) });
    return all;
}

} // namespace

void TimelineReader::parseBuffer(
    const TextBuffer& buffer, qint32 bufferIndex, TimelineData* out, const LoadControl& control)
{
    const qsizetype size = buffer.bytes.size();
    RangeProblems problems;
    parseRange(buffer, bufferIndex, 0, size, 1, out, &problems, control);
    out->problems += mergeProblems({ &problems }, buffer.name);
}

TimelineData TimelineReader::readFile(const QString& fileName, const LoadControl& control, qsizetype chunkBytes)
{
    TimelineData data =
        readFiles({ fileName }, { QFileInfo(fileName).fileName() }, control, EventLayout::Flat, {}, chunkBytes);
    if (data.buffers.empty() && !data.problems.isEmpty())
        data.problems.front().file = fileName; // cannot read: said of the path the caller gave
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
        const auto [it, inserted] = m_groups.try_emplace(RunKey { sessionId, runId }, int(m_groups.size()));
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
            groups.push_back({ key.sessionId, key.runId, {} });
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
    placeNonFiniteTs(events);
    const auto byTs = [](const Event& a, const Event& b) { return a.ts < b.ts; };
    if (!std::is_sorted(events.begin(), events.end(), byTs)) // the usual case: written in time order
        std::stable_sort(events.begin(), events.end(), byTs);
}

} // namespace

TimelineData TimelineReader::readDirectory(const QString& directory, const LoadControl& control, EventLayout layout,
    const PrefixCallback& onPrefix, qsizetype chunkBytes)
{
    const QStringList names = timelineFiles(directory);
    QStringList paths;
    for (const QString& name : names)
        paths.append(childPath(directory, name));
    return readFiles(paths, names, control, layout, onPrefix, chunkBytes);
}

TimelineData TimelineReader::readFiles(const QStringList& paths, const QStringList& names, const LoadControl& control,
    EventLayout layout, const PrefixCallback& onPrefix, qsizetype chunkBytes)
{
    TimelineData data;

    // Files are read on every core, then cut into chunks of whole lines, which are parsed on every core,
    // each into its own slot, and merged in write order below: a day may be one big file.
    struct File
    {
        std::shared_ptr<const TextBuffer> buffer;
        QString error;
        size_t firstChunk = 0;
        size_t chunkCount = 0;
        int chunksLeft = 0; // guarded by progressMutex
    };
    struct Chunk
    {
        size_t file = 0;
        qsizetype begin = 0;
        qsizetype end = 0;
        qint64 firstLine = 1;
        size_t lines = 0; // line breaks in [begin, end), counted when the file has several chunks
        TimelineData data;
        RangeProblems problems;
        std::vector<RunGroup> runs;
    };
    std::vector<File> files(size_t(paths.size()));
    parallelFor(paths.size(), [&](qsizetype i) {
        if (!control.canceled())
            files[size_t(i)].buffer = mapFile(paths[i], names[i], &files[size_t(i)].error);
    });
    qint64 total = 0;
    std::vector<qint32> bufferIndex(files.size(), -1);
    std::vector<Chunk> chunks;
    chunkBytes = std::max<qsizetype>(chunkBytes, 1);
    for (size_t i = 0; i < files.size(); ++i) {
        File& file = files[i];
        if (!file.buffer)
            continue;
        bufferIndex[i] = qint32(data.buffers.size());
        data.buffers.push_back(file.buffer);
        const QByteArray& bytes = file.buffer->bytes;
        total += bytes.size();
        file.firstChunk = chunks.size();
        for (qsizetype begin = 0; begin < bytes.size() || begin == 0;) {
            // Each chunk ends just after the first line break past its share, or at the end.
            qsizetype end = std::min(begin + chunkBytes, bytes.size());
            if (end < bytes.size()) {
                const char* data = bytes.constData();
                const void* newline = memchr(data + end - 1, '\n', size_t(bytes.size() - (end - 1)));
                end = newline ? static_cast<const char*>(newline) - data + 1 : bytes.size();
            }
            Chunk chunk;
            chunk.file = i;
            chunk.begin = begin;
            chunk.end = end;
            chunks.push_back(std::move(chunk));
            begin = end;
            if (end >= bytes.size())
                break;
        }
        file.chunkCount = chunks.size() - file.firstChunk;
        file.chunksLeft = int(file.chunkCount);
    }
    // Line numbers: a chunk's first line follows the line breaks of the chunks before it in its file
    // (counted only in files of several chunks: the first chunk starts at line 1).
    parallelFor(qsizetype(chunks.size()), [&](qsizetype c) {
        Chunk& chunk = chunks[size_t(c)];
        if (files[chunk.file].chunkCount > 1)
            chunk.lines = countLines(files[chunk.file].buffer->bytes.constData(), chunk.begin, chunk.end);
    });
    for (size_t c = 1; c < chunks.size(); ++c) {
        if (chunks[c].file == chunks[c - 1].file)
            chunks[c].firstLine = chunks[c - 1].firstLine + qint64(chunks[c - 1].lines);
    }

    QMutex progressMutex; // the caller's progress callback is called from one thread at a time
    qint64 done = 0;
    int filesDone = 0;
    int reported = -1;
    std::atomic<bool> canceled = false;

    // A file's problems as one parse of it reports them, from its chunks below `chunkEnd`.
    const auto fileProblems = [&](size_t i, size_t chunkEnd) {
        const File& file = files[i];
        if (!file.buffer) {
            return file.error.isEmpty() ? Diagnostics()
                                        : Diagnostics { { Diagnostic::Severity::Error, names[qsizetype(i)], 0, -1,
                                            Tr::tr("cannot read: %1").arg(file.error) } };
        }
        std::vector<const RangeProblems*> ranges;
        for (size_t c = file.firstChunk; c < std::min(chunkEnd, file.firstChunk + file.chunkCount); ++c)
            ranges.push_back(&chunks[c].problems);
        return mergeProblems(ranges, file.buffer->name);
    };

    // Early views: chunks [0, parsedPrefix) are parsed; their runs are copied out while later ones are.
    // Only in the first half of the input: an early view is a copy, held until the whole source replaces it.
    std::vector<char> parsed(chunks.size(), 0);
    size_t parsedPrefix = 0;
    qint64 prefixBytes = 0;
    bool buildingPrefix = false;
    QElapsedTimer sincePrefix;
    const auto chunkParsed = [&](size_t c) {
        if (!onPrefix || layout != EventLayout::RunsByBuffer)
            return;
        size_t upTo = 0;
        {
            QMutexLocker lock(&progressMutex);
            parsed[c] = 1;
            const size_t before = parsedPrefix;
            while (parsedPrefix < chunks.size() && parsed[parsedPrefix]) {
                prefixBytes += chunks[parsedPrefix].end - chunks[parsedPrefix].begin;
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
        TimelineData prefix; // copies: the chunks' own runs are moved into the result at the end
        prefix.buffers = data.buffers;
        prefix.bytes = prefixBytes;
        for (size_t c = 0; c < upTo; ++c)
            prefix.runsByBuffer.push_back(chunks[c].runs);
        for (size_t i = 0; i < files.size() && (!files[i].buffer || files[i].firstChunk < upTo); ++i)
            prefix.problems += fileProblems(i, upTo);
        onPrefix(std::move(prefix));
        QMutexLocker lock(&progressMutex);
        buildingPrefix = false;
        sincePrefix.start();
    };

    parallelFor(qsizetype(chunks.size()), [&](qsizetype c) {
        Chunk& chunk = chunks[size_t(c)];
        File& file = files[chunk.file];
        if (canceled || control.canceled()) {
            canceled = true;
            chunkParsed(size_t(c));
            return;
        }
        const qint64 size = chunk.end - chunk.begin;
        qint64 partial = 0;
        const LoadControl chunkControl { control.isCanceled,
            [&](int permille, const QString& text) {
                QMutexLocker lock(&progressMutex);
                done += size * permille / 1000 - partial;
                partial = size * permille / 1000;
                const int overall = int(done * 1000 / std::max<qint64>(total, 1));
                if (overall > reported) { // two chunks at once: keep it rising
                    reported = overall;
                    control.report(overall, text);
                }
            },
            {} };
        parseRange(*file.buffer, bufferIndex[chunk.file], chunk.begin, chunk.end, chunk.firstLine, &chunk.data,
            &chunk.problems, chunkControl);
        if (chunk.data.canceled)
            canceled = true;
        if (layout == EventLayout::RunsByBuffer) {
            chunk.runs = groupInOrder(chunk.data.events, chunk.data.keys);
            std::vector<Event>().swap(chunk.data.events);
            std::vector<RunKey>().swap(chunk.data.keys);
        }
        {
            QMutexLocker lock(&progressMutex);
            done += size - partial;
            if (--file.chunksLeft == 0)
                ++filesDone;
            const int overall = int(done * 1000 / std::max<qint64>(total, 1));
            if (overall > reported) { // small files report nothing while parsed
                reported = overall;
                control.report(overall, Tr::tr("%1 of %2 files read").arg(filesDone).arg(files.size()));
            }
        }
        chunkParsed(size_t(c));
    });

    size_t eventCount = 0;
    for (const Chunk& chunk : chunks)
        eventCount += chunk.data.events.size();
    if (layout == EventLayout::Flat) {
        data.events.reserve(eventCount);
        data.keys.reserve(eventCount);
    }
    for (size_t i = 0; i < files.size() && !canceled; ++i) {
        const File& file = files[i];
        data.problems += fileProblems(i, chunks.size());
        if (!file.buffer)
            continue;
        data.bytes += file.buffer->bytes.size();
        for (size_t c = file.firstChunk; c < file.firstChunk + file.chunkCount; ++c) {
            Chunk& chunk = chunks[c];
            if (layout == EventLayout::Flat) {
                std::move(chunk.data.events.begin(), chunk.data.events.end(), std::back_inserter(data.events));
                data.keys.insert(data.keys.end(), chunk.data.keys.begin(), chunk.data.keys.end());
                std::vector<Event>().swap(chunk.data.events);
                std::vector<RunKey>().swap(chunk.data.keys);
            } else {
                data.runsByBuffer.push_back(std::move(chunk.runs));
            }
        }
    }
    data.canceled = canceled;
    return data;
}

void placeNonFiniteTs(std::vector<Event>& events, double before, double otherwise)
{
    const auto finite = [](const Event& e) { return std::isfinite(e.ts); };
    if (std::all_of(events.begin(), events.end(), finite)) // the usual case
        return;
    if (!std::isfinite(before)) {
        const auto first = std::find_if(events.begin(), events.end(), finite);
        before = first != events.end() ? first->ts : otherwise;
    }
    for (Event& e : events) {
        if (std::isfinite(e.ts))
            before = e.ts;
        else
            e.ts = before;
    }
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
                groups.push_back({ part.sessionId, part.runId, {} });
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
