// SPDX-License-Identifier: MIT
#include "timelinereader.h"
#include "inputfile.h"
#include "inputs.h"
#include "jsonline.h"
#include "modellogging.h"
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

// A piece of a timeline file is read and parsed at a time, and dropped but for the lines kept (isKeptLine()):
// the input is never held whole. More is read after it only to finish its last line, up to the line limit.
constexpr qint64 kTailStep = 1024 * 1024;

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
    for (const QString& name : directoryEntries(directory, Inputs::timelinePattern())) {
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

namespace {

size_t countLines(const char* data, qsizetype begin, qsizetype end)
{
    if (begin >= end)
        return 0; // and `data` may be null
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

// The lines of `file` that start in [begin, end): the bytes from the first line start at or after `begin` to the
// line break that ends the last of them (or the end of the file), the last one cut short past kMaxLineBytes, and
// in `start` the offset of their first byte. Empty when no line starts there (inside one very long line). Reads
// in steps, so that garbage without line breaks costs a step of memory, not its size.
bool readPiece(const OpenFile& file, qint64 begin, qint64 end, QByteArray* text, qint64* start, QString* error)
{
    text->clear();
    qint64 from = begin;
    if (begin > 0) {
        QByteArray probe; // the first line start is just after the first line break at or after begin - 1
        for (qint64 at = begin - 1;; at += probe.size()) {
            at = std::max(at, file.nextData(at)); // a hole holds no line break
            if (at >= end)
                return true;
            if (!file.read(at, std::min(kTailStep, end - at), &probe, error))
                return false;
            if (probe.isEmpty())
                return true;
            if (const qsizetype newline = probe.indexOf('\n'); newline >= 0) {
                from = at + newline + 1;
                break;
            }
        }
        if (from >= end)
            return true;
    }
    *start = from;
    if (!file.read(from, end - from, text, error))
        return false;
    // The last line goes on to its line break, read on in steps up to the line limit.
    const qsizetype lastStart = text->lastIndexOf('\n') + 1;
    QByteArray more;
    for (qint64 at = from + text->size(); !text->isEmpty() && !text->endsWith('\n'); at += more.size()) {
        if (text->size() - lastStart > TimelineReader::kMaxLineBytes)
            break; // parseRange() reports it as too long; the next piece starts after its line break
        if (!file.read(at, kTailStep, &more, error))
            return false;
        if (more.isEmpty())
            break; // the end of the file
        const qsizetype newline = more.indexOf('\n');
        text->append(more.constData(), newline >= 0 ? newline + 1 : more.size());
    }
    return true;
}

// Text being parsed: its bytes, the offset of their first byte in the file or member, and the file's name.
struct Text
{
    QByteArrayView bytes;
    qint64 base = 0;
    const QString& name;
};

// Parses the lines in [begin, end) of `text`, the first of them line number `firstLine`, appending to `out`
// events of buffer `bufferIndex` whose offsets are the file's. A range starts at a line start; only the text's
// last range may end without a line break. With `keep`, the kept lines (isKeptLine()) are copied into it: the
// text itself is then a piece of a file that is dropped once parsed.
// Returns how many lines start in the range.
qint64 parseRange(const Text& text, qint32 bufferIndex, qsizetype begin, qsizetype end, qint64 firstLine,
    TimelineData* out, RangeProblems* problems, const LoadControl& control, TextBuffer* keep = nullptr)
{
    JsonLineParser parser;
    const char* data = text.bytes.data();
    auto report = [&](Diagnostic::Severity severity, qint64 line, qint64 offset, const QString& message,
                      const QString& code = {}) {
        if (problems->kept.size() < kMaxListedProblems)
            problems->kept.append({ severity, text.name, line, text.base + offset, message, code });
        else
            ++problems->suppressed;
    };

    // A slot per line up front (the line breaks, and a last line without one): growing a vector of events
    // moves every event again at each doubling.
    const size_t lines = countLines(data, begin, end) + 1;
    out->events.reserve(out->events.size() + lines);
    out->keys.reserve(out->keys.size() + lines);

    qsizetype pos = begin;
    if (begin == 0 && text.base == 0 && end >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
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
                problems->crlfOffset = text.base + pos;
            }
        }
        const QByteArrayView line(data + pos, lineEnd - pos);
        const qint64 offset = pos;
        pos = complete ? lineBreak + 1 : end;

        if (line.trimmed().isEmpty()) {
            report(Diagnostic::Severity::Warning, lineNumber, offset, Tr::tr("blank line skipped"));
            continue;
        }
        if (line.size() > TimelineReader::kMaxLineBytes) {
            report(Diagnostic::Severity::Error, lineNumber, offset,
                Tr::tr("line skipped: %1 bytes is longer than the limit of %2 bytes")
                    .arg(line.size())
                    .arg(TimelineReader::kMaxLineBytes),
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
        event.offset = text.base + offset;
        event.length = qint32(line.size());
        event.line = qint32(lineNumber);
        if (keep && isKeptLine(event))
            keep->keep(event.offset, line);
        out->events.push_back(std::move(event));
        out->keys.push_back(key);
        if ((lineNumber & 0x3fff) == 0) {
            if (control.canceled()) {
                out->canceled = true;
                return lineNumber - firstLine + 1;
            }
            control.report(int((pos - begin) * 1000 / std::max<qsizetype>(end - begin, 1)),
                Tr::tr("%1: %n lines", nullptr, int(lineNumber)).arg(text.name));
        }
    }
    return lineNumber - firstLine + 1;
}

// Each line skipped or warned about, as file:line: reason (runlens.reader).
void logProblems(const Diagnostics& problems)
{
    if (!lcReader().isDebugEnabled())
        return;
    for (const Diagnostic& problem : problems)
        qCDebug(lcReader, "%ls:%lld: %ls", qUtf16Printable(problem.file), static_cast<long long>(problem.line),
            qUtf16Printable(problem.message));
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
    RangeProblems problems;
    const qint64 lines = parseRange(
        { buffer.bytes, buffer.base, buffer.name }, bufferIndex, 0, buffer.bytes.size(), 1, out, &problems, control);
    const Diagnostics merged = mergeProblems({ &problems }, buffer.name);
    qCDebug(lcReader, "parsed %ls: %lld bytes, %lld lines", qUtf16Printable(buffer.name),
        static_cast<long long>(buffer.bytes.size()), static_cast<long long>(lines));
    logProblems(merged);
    out->problems += merged;
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

// (session_id, run_id) to a group index, in first-seen order.
class RunIndex
{
public:
    // The group of these ids; `added` is set when it is new (its index is then the previous size).
    int groupOf(const QString& sessionId, const QString& runId, bool* added)
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

/// One read of a set of files, on every core. The files are cut into pieces of about `chunkBytes`, which are read
/// and parsed in parallel, each into its own slot, and merged in write order by take(): a day may be one big file.
/// A piece takes the lines that start in it; its bytes are dropped once parsed, but for the kept lines, which its
/// buffer holds.
class ChunkedRead
{
public:
    ChunkedRead(const QStringList& paths, const QStringList& names, const LoadControl& control,
        TimelineReader::EventLayout layout, const TimelineReader::PrefixCallback& onPrefix, qsizetype chunkBytes)
        : m_paths(paths)
        , m_names(names)
        , m_control(control)
        , m_layout(layout)
        , m_onPrefix(onPrefix)
        , m_files(size_t(paths.size()))
    {
        plan(std::max<qsizetype>(chunkBytes, 1));
    }

    size_t chunkCount() const { return m_chunks.size(); }
    /// Reads and parses piece `c`; from any thread, each piece once.
    void parse(size_t c);
    /// The result, once every piece is parsed.
    TimelineData take();

private:
    struct File
    {
        std::shared_ptr<const OpenFile> file;
        QString error;
        size_t firstChunk = 0;
        size_t chunkCount = 0;
        int chunksLeft = 0; // guarded by m_mutex
    };
    struct Chunk
    {
        size_t file = 0;
        qint64 begin = 0; // the lines that start in [begin, end) of the file
        qint64 end = 0;
        qint64 lines = 0; // how many start here, so that the next piece knows its first line's number
        qint64 firstLine = 1;
        bool numbered = false; // its line numbers are the file's (they start at 1 until the pieces before are read)
        std::shared_ptr<TextBuffer> buffer;
        TimelineData data;
        RangeProblems problems;
        std::vector<RunGroup> runs;
    };

    void plan(qsizetype chunkBytes);
    Diagnostics fileProblems(size_t i, size_t chunkEnd) const;
    static void number(Chunk& chunk);
    void reportProgress(qint64 bytes, const QString& text); // under m_mutex
    void chunkParsed(size_t c);
    void logFile(size_t i, const Diagnostics& problems) const;

    const QStringList& m_paths;
    const QStringList& m_names;
    const LoadControl& m_control;
    const TimelineReader::EventLayout m_layout;
    const TimelineReader::PrefixCallback& m_onPrefix;

    TimelineData m_data;
    std::vector<File> m_files;
    std::vector<Chunk> m_chunks;
    qint64 m_total = 0;
    std::atomic<bool> m_canceled = false;

    QMutex m_mutex; // guards what follows; the caller's progress callback is called from one thread at a time
    qint64 m_done = 0;
    int m_filesDone = 0;
    int m_reported = -1;
    // Pieces [0, m_parsedPrefix) are parsed and numbered; early views copy out their runs while later ones are
    // parsed. Only in the first half of the input: an early view is a copy, held until the whole source replaces it.
    std::vector<char> m_parsed;
    size_t m_parsedPrefix = 0;
    qint64 m_prefixBytes = 0;
    bool m_buildingPrefix = false;
    QElapsedTimer m_sincePrefix;
};

void ChunkedRead::plan(qsizetype chunkBytes)
{
    for (qsizetype i = 0; i < m_paths.size() && !m_control.canceled(); ++i) {
        File& file = m_files[size_t(i)];
        file.file = OpenFile::open(m_paths[i], &file.error); // a FIFO would block a plain open, a device never ends
        if (!file.file)
            continue;
        const qint64 size = file.file->size();
        m_total += size;
        file.firstChunk = m_chunks.size();
        for (qint64 begin = 0; begin < size || begin == 0; begin += chunkBytes) {
            Chunk chunk;
            chunk.file = size_t(i);
            chunk.begin = begin;
            chunk.end = std::min<qint64>(begin + chunkBytes, size);
            chunk.buffer = std::make_shared<TextBuffer>();
            chunk.buffer->name = m_names[i];
            chunk.buffer->file = file.file;
            m_data.buffers.push_back(chunk.buffer);
            m_chunks.push_back(std::move(chunk));
        }
        file.chunkCount = m_chunks.size() - file.firstChunk;
        file.chunksLeft = int(file.chunkCount);
    }
    m_parsed.assign(m_chunks.size(), 0);
}

// A file's problems as one parse of it reports them, from its chunks below `chunkEnd`.
Diagnostics ChunkedRead::fileProblems(size_t i, size_t chunkEnd) const
{
    const File& file = m_files[i];
    if (!file.file) {
        return file.error.isEmpty() ? Diagnostics()
                                    : Diagnostics { { Diagnostic::Severity::Error, m_names[qsizetype(i)], 0, -1,
                                        Tr::tr("cannot read: %1").arg(file.error) } };
    }
    std::vector<const RangeProblems*> ranges;
    for (size_t c = file.firstChunk; c < std::min(chunkEnd, file.firstChunk + file.chunkCount); ++c)
        ranges.push_back(&m_chunks[c].problems);
    return mergeProblems(ranges, m_names[qsizetype(i)]);
}

// Line numbers: a piece counts from 1 while it is parsed; once the pieces before it in its file are parsed,
// its first line's number is known, and its events and problems are renumbered, once.
void ChunkedRead::number(Chunk& chunk)
{
    const qint64 shift = chunk.firstLine - 1;
    chunk.numbered = true;
    if (shift == 0)
        return;
    const auto renumber = [shift](std::vector<Event>& events) {
        for (Event& e : events)
            e.line = qint32(e.line + shift);
    };
    renumber(chunk.data.events);
    for (RunGroup& run : chunk.runs)
        renumber(run.events);
    for (Diagnostic& problem : chunk.problems.kept) {
        if (problem.line > 0)
            problem.line += shift;
    }
    if (chunk.problems.crlfLine > 0)
        chunk.problems.crlfLine += shift;
}

void ChunkedRead::reportProgress(qint64 bytes, const QString& text)
{
    m_done += bytes;
    const int overall = int(m_done * 1000 / std::max<qint64>(m_total, 1));
    if (overall > m_reported) { // two chunks at once: keep it rising
        m_reported = overall;
        m_control.report(overall, text);
    }
}

void ChunkedRead::parse(size_t c)
{
    Chunk& chunk = m_chunks[c];
    File& file = m_files[chunk.file];
    if (m_canceled || m_control.canceled()) {
        m_canceled = true;
        chunkParsed(c);
        return;
    }
    const qint64 size = chunk.end - chunk.begin;
    qint64 partial = 0;
    const LoadControl chunkControl { m_control.isCanceled,
        [&](int permille, const QString& text) {
            const QMutexLocker lock(&m_mutex);
            const qint64 now = size * permille / 1000;
            reportProgress(now - partial, text);
            partial = now;
        },
        {}, m_control.window };
    QByteArray text;
    qint64 start = 0;
    QString error;
    const QString& name = m_names[qsizetype(chunk.file)];
    if (!readPiece(*file.file, chunk.begin, chunk.end, &text, &start, &error)) {
        chunk.problems.kept.append(
            { Diagnostic::Severity::Error, name, 0, chunk.begin, Tr::tr("cannot read: %1").arg(error) });
    } else if (!text.isEmpty()) {
        chunk.lines = parseRange({ text, start, name }, qint32(c), 0, text.size(), 1, &chunk.data, &chunk.problems,
            chunkControl, chunk.buffer.get());
    }
    chunk.buffer->doneKeeping();
    if (chunk.data.canceled)
        m_canceled = true;
    if (m_layout == TimelineReader::EventLayout::RunsByBuffer) {
        chunk.runs = groupInOrder(chunk.data.events, chunk.data.keys);
        std::vector<Event>().swap(chunk.data.events);
        std::vector<RunKey>().swap(chunk.data.keys);
    }
    {
        const QMutexLocker lock(&m_mutex);
        if (--file.chunksLeft == 0)
            ++m_filesDone;
        // Small files report nothing while parsed: this is their progress.
        reportProgress(size - partial, Tr::tr("%1 of %2 files read").arg(m_filesDone).arg(m_files.size()));
    }
    chunkParsed(c);
}

// Numbers the pieces whose predecessors are all parsed, and now and then hands the caller an early view of them.
void ChunkedRead::chunkParsed(size_t c)
{
    size_t upTo = 0;
    qint64 upToBytes = 0; // m_prefixBytes as it was for upTo: it grows under the lock as other pieces are parsed
    {
        const QMutexLocker lock(&m_mutex);
        m_parsed[c] = 1;
        const size_t before = m_parsedPrefix;
        while (m_parsedPrefix < m_chunks.size() && m_parsed[m_parsedPrefix]) {
            Chunk& chunk = m_chunks[m_parsedPrefix];
            if (m_parsedPrefix > 0 && m_chunks[m_parsedPrefix - 1].file == chunk.file)
                chunk.firstLine = m_chunks[m_parsedPrefix - 1].firstLine + m_chunks[m_parsedPrefix - 1].lines;
            number(chunk);
            m_prefixBytes += chunk.end - chunk.begin;
            ++m_parsedPrefix;
        }
        constexpr qint64 kPrefixIntervalMs = 300;
        if (m_onPrefix && m_layout == TimelineReader::EventLayout::RunsByBuffer && m_parsedPrefix > before
            && m_prefixBytes <= m_total / 2 && !m_buildingPrefix && !m_canceled
            && (!m_sincePrefix.isValid() || m_sincePrefix.elapsed() >= kPrefixIntervalMs)) {
            m_buildingPrefix = true;
            upTo = m_parsedPrefix;
            upToBytes = m_prefixBytes;
        }
    }
    if (upTo == 0)
        return;
    TimelineData prefix; // copies: the chunks' own runs are moved into the result at the end
    prefix.buffers = m_data.buffers;
    prefix.bytes = upToBytes;
    for (size_t c = 0; c < upTo; ++c)
        prefix.runsByBuffer.push_back(m_chunks[c].runs);
    for (size_t i = 0; i < m_files.size() && (!m_files[i].file || m_files[i].firstChunk < upTo); ++i)
        prefix.problems += fileProblems(i, upTo);
    m_onPrefix(std::move(prefix));
    const QMutexLocker lock(&m_mutex);
    m_buildingPrefix = false;
    m_sincePrefix.start();
}

void ChunkedRead::logFile(size_t i, const Diagnostics& problems) const
{
    const File& file = m_files[i];
    if (!file.file) {
        qCDebug(lcReader, "not read %ls: %ls", qUtf16Printable(m_paths[qsizetype(i)]), qUtf16Printable(file.error));
    } else {
        qint64 lines = 0;
        for (size_t c = file.firstChunk; c < file.firstChunk + file.chunkCount; ++c)
            lines += m_chunks[c].lines;
        qCDebug(lcReader, "read %ls: %lld bytes, %lld lines", qUtf16Printable(m_paths[qsizetype(i)]),
            static_cast<long long>(file.file->size()), static_cast<long long>(lines));
    }
    logProblems(problems);
}

TimelineData ChunkedRead::take()
{
    const bool flat = m_layout == TimelineReader::EventLayout::Flat;
    if (flat) {
        size_t eventCount = 0;
        for (const Chunk& chunk : m_chunks)
            eventCount += chunk.data.events.size();
        m_data.events.reserve(eventCount);
        m_data.keys.reserve(eventCount);
    }
    for (size_t i = 0; i < m_files.size() && !m_canceled; ++i) {
        const File& file = m_files[i];
        const Diagnostics problems = fileProblems(i, m_chunks.size());
        if (lcReader().isDebugEnabled())
            logFile(i, problems);
        m_data.problems += problems;
        if (!file.file)
            continue;
        m_data.bytes += file.file->size();
        for (size_t c = file.firstChunk; c < file.firstChunk + file.chunkCount; ++c) {
            Chunk& chunk = m_chunks[c];
            if (flat) {
                std::move(chunk.data.events.begin(), chunk.data.events.end(), std::back_inserter(m_data.events));
                m_data.keys.insert(m_data.keys.end(), chunk.data.keys.begin(), chunk.data.keys.end());
                std::vector<Event>().swap(chunk.data.events);
                std::vector<RunKey>().swap(chunk.data.keys);
            } else {
                m_data.runsByBuffer.push_back(std::move(chunk.runs));
            }
        }
    }
    m_data.canceled = m_canceled;
    return std::move(m_data);
}

} // namespace

TimelineData TimelineReader::readDirectory(const QString& directory, const LoadControl& control, EventLayout layout,
    const PrefixCallback& onPrefix, qsizetype chunkBytes)
{
    QStringList names;
    QStringList paths;
    QStringList outside;
    for (const QString& name : timelineFiles(directory)) {
        const QString path = childPath(directory, name);
        if (!control.window.isAll()) {
            const auto times = endTimes(path);
            if (times && !control.window.mayHold(times->first, times->second)) {
                qCDebug(lcReader, "not read %ls: its lines are from %.3f to %.3f, outside the window",
                    qUtf16Printable(path), times->first, times->second);
                outside.append(name);
                continue;
            }
        }
        names.append(name);
        paths.append(path);
    }
    TimelineData data = readFiles(paths, names, control, layout, onPrefix, chunkBytes);
    data.outsideWindow = outside;
    return data;
}

QStringList TimelineReader::timelinePaths(const QString& directory)
{
    QStringList paths;
    for (const QString& name : timelineFiles(directory))
        paths.append(childPath(directory, name));
    return paths;
}

std::optional<double> TimelineReader::newestTs(const QString& path)
{
    const QStringList files = QFileInfo(path).isDir() ? timelinePaths(path) : QStringList { path };
    std::optional<double> newest;
    for (const QString& file : std::as_const(files)) {
        if (const auto times = endTimes(file); times && (!newest || times->second > *newest))
            newest = times->second;
    }
    return newest;
}

std::optional<std::pair<double, double>> TimelineReader::endTimes(const QString& path)
{
    constexpr qint64 kProbeBytes = 64 * 1024; // lines are a few KB
    QString error;
    const std::shared_ptr<const OpenFile> file = OpenFile::open(path, &error);
    QByteArray head;
    QByteArray tail;
    const qint64 size = file ? file->size() : 0;
    const qint64 tailFrom = std::max<qint64>(0, size - kProbeBytes);
    if (!file || !file->read(0, std::min(kProbeBytes, size), &head, &error)
        || !file->read(tailFrom, size - tailFrom, &tail, &error))
        return std::nullopt;
    // The last complete line: a file being written may end in part of one.
    const qsizetype lastEnd = tail.lastIndexOf('\n');
    const qsizetype lastStart = lastEnd > 0 ? tail.lastIndexOf('\n', lastEnd - 1) + 1 : 0;
    if (lastEnd < 0 || (lastStart == 0 && tailFrom > 0))
        return std::nullopt;
    JsonLineParser parser;
    const auto ts = [&parser](QByteArrayView line) -> std::optional<double> {
        Event event;
        RunKey key;
        QString lineError;
        Diagnostics warnings;
        if (line.endsWith('\r'))
            line.chop(1);
        if (parser.parse(line, &event, &key, &lineError, &warnings) != JsonLineParser::Result::Ok
            || !std::isfinite(event.ts))
            return std::nullopt;
        return event.ts;
    };
    const std::optional<double> first = ts(QByteArrayView(head).first(std::max<qsizetype>(head.indexOf('\n'), 0)));
    const std::optional<double> last = ts(QByteArrayView(tail).sliced(lastStart, lastEnd - lastStart));
    if (!first || !last)
        return std::nullopt;
    return std::pair { std::min(*first, *last), std::max(*first, *last) };
}

TimelineData TimelineReader::readFiles(const QStringList& paths, const QStringList& names, const LoadControl& control,
    EventLayout layout, const PrefixCallback& onPrefix, qsizetype chunkBytes)
{
    ChunkedRead read(paths, names, control, layout, onPrefix, chunkBytes);
    parallelFor(qsizetype(read.chunkCount()), [&read](qsizetype c) { read.parse(size_t(c)); });
    return read.take();
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
