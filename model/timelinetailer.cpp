// SPDX-License-Identifier: MIT
#include "timelinetailer.h"
#include "timelinereader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <sys/stat.h>

#include <algorithm>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::TimelineTailer)
};

// Same cap as TimelineReader, but per followed file over its whole life rather than per read.
constexpr int kMaxProblemsPerFile = 200;
// Enough of a file's start to tell it from another file that got the same inode number.
constexpr qsizetype kHeadBytes = 64;
constexpr qint64 kBlockBytes = 1024 * 1024;

const QString kRotationGap = QStringLiteral("rotation-gap");

// Spec 2.1 names: the day stamp, and whether it is a rotated segment (events-YYYYMMDD-<epoch>.jsonl).
struct NameInfo
{
    QString day; // empty for other events-*.jsonl names
    bool segment = false;
};

NameInfo nameInfo(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^events-(\\d{8})(-\\d+)?\\.jsonl$"));
    const QRegularExpressionMatch match = pattern.match(name);
    if (!match.hasMatch())
        return {};
    return { match.captured(1), match.capturedLength(2) > 0 };
}

// '\n' in the first `upTo` bytes: the line numbers of a file whose start startAtEnd() skipped.
qint64 countLines(QFile& file, qint64 upTo)
{
    qint64 lines = 0;
    if (!file.seek(0))
        return 0;
    for (qint64 done = 0; done < upTo;) {
        const QByteArray block = file.read(std::min(kBlockBytes, upTo - done));
        if (block.isEmpty())
            break;
        lines += block.count('\n');
        done += block.size();
    }
    return lines;
}

// The position after the last '\n' before `size`, found from the end: where startAtEnd() begins.
qint64 lastLineEnd(QFile& file, qint64 size)
{
    constexpr qint64 step = 64 * 1024;
    for (qint64 pos = size; pos > 0;) {
        const qint64 length = std::min(step, pos);
        pos -= length;
        if (!file.seek(pos))
            return size;
        const QByteArray block = file.read(length);
        const qsizetype newline = block.lastIndexOf('\n');
        if (newline >= 0)
            return pos + newline + 1;
    }
    return 0;
}

QByteArray readHead(QFile& file, qsizetype length)
{
    return file.seek(0) ? file.read(length) : QByteArray();
}

} // namespace

struct TimelineTailer::Entry
{
    QString name;
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    int tracked = -1; // index into m_files
    bool reset = false; // same file, but shorter than what was read or rewritten from the start
};

TimelineTailer::TimelineTailer(QString directory)
    : m_directory(std::move(directory))
{ }

QString TimelineTailer::path(const QString& name) const
{
    return QDir(m_directory).filePath(name);
}

TailBatch TimelineTailer::poll()
{
    TailBatch batch;
    const bool skipExisting = m_startAtEnd && !m_polled;
    m_polled = true;

    std::vector<Entry> entries;
    for (const QString& name : TimelineReader::timelineFiles(m_directory)) {
        struct stat st = {};
        // Gone between listing and stat, or not a regular file: the next poll sees the outcome.
        if (::stat(QFile::encodeName(path(name)).constData(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        entries.push_back({ name, quint64(st.st_dev), quint64(st.st_ino), qint64(st.st_size),
            qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000 });
    }

    // 1. Identity: a followed file is the entry with its device and inode (a rename keeps both).
    // File systems hand a freed inode number to the next new file, so a changed start under the same
    // number is another file, unless it kept its name: then it was truncated and written again.
    std::vector<bool> matched(m_files.size(), false);
    for (Entry& entry : entries) {
        for (int f = 0; f < int(m_files.size()); ++f) {
            File& file = m_files[size_t(f)];
            if (matched[size_t(f)] || file.device != entry.device || file.inode != entry.inode)
                continue;
            const bool sameName = file.name == entry.name;
            if (entry.size < file.offset) {
                if (!sameName)
                    break; // renaming never shrinks a file: another file got this inode number
                entry.reset = true;
            } else if (!file.head.isEmpty() && (entry.size != file.lastSize || !sameName)) {
                QFile handle(path(entry.name));
                if (handle.open(QIODevice::ReadOnly) && readHead(handle, file.head.size()) != file.head) {
                    if (!sameName)
                        break;
                    entry.reset = true;
                }
            }
            matched[size_t(f)] = true;
            entry.tracked = f;
            break;
        }
    }

    // 2. Two rotations within one second (spec 2.1): the second rename replaced the first segment, so
    // the current file vanished and a segment of its day appeared that was never seen as a current file.
    QSet<QString> newSegmentDays;
    for (const Entry& entry : entries) {
        const NameInfo info = nameInfo(entry.name);
        if (entry.tracked < 0 && info.segment)
            newSegmentDays.insert(info.day);
    }
    auto rotatedAway = [&](const File& file) {
        const NameInfo info = nameInfo(file.name);
        return !info.day.isEmpty() && !info.segment && newSegmentDays.contains(info.day);
    };
    for (Entry& entry : entries) {
        if (entry.tracked >= 0 && entry.reset && rotatedAway(m_files[size_t(entry.tracked)])) {
            matched[size_t(entry.tracked)] = false; // its inode number went to the new current file
            entry.tracked = -1;
            entry.reset = false;
        }
    }

    // 3. Files that vanished: forget them, saying so when lines may be lost with them.
    std::vector<File> kept;
    std::vector<int> newIndex(m_files.size(), -1);
    for (int f = 0; f < int(m_files.size()); ++f) {
        File& file = m_files[size_t(f)];
        if (matched[size_t(f)]) {
            newIndex[size_t(f)] = int(kept.size());
            kept.push_back(std::move(file));
            continue;
        }
        const qint64 unread = file.lastSize - file.offset + file.partial.size();
        if (rotatedAway(file)) {
            // Whatever the writer appended after the last poll went with the replaced segment.
            batch.problems.append({ Diagnostic::Severity::Warning, file.name, file.lines >= 0 ? file.lines + 1 : 0,
                file.offset - file.partial.size(), Tr::tr("rotated segment overwritten; lines may be lost"),
                kRotationGap });
        } else if (unread > 0) {
            batch.problems.append({ Diagnostic::Severity::Warning, file.name, file.lines >= 0 ? file.lines + 1 : 0,
                file.offset - file.partial.size(),
                Tr::tr("file deleted with %n unread bytes; their lines are lost", nullptr, int(unread)),
                QStringLiteral("file-deleted") });
        }
    }
    m_files = std::move(kept);
    for (Entry& entry : entries) {
        if (entry.tracked >= 0)
            entry.tracked = newIndex[size_t(entry.tracked)];
    }

    // 4. Read the new bytes in write order, up to the read limit.
    qint64 budget = m_readLimit;
    for (const Entry& entry : entries) {
        int index = entry.tracked;
        if (index < 0) {
            File file;
            file.name = entry.name;
            file.device = entry.device;
            file.inode = entry.inode;
            if (skipExisting) {
                QFile handle(path(entry.name));
                file.offset = handle.open(QIODevice::ReadOnly) ? lastLineEnd(handle, entry.size) : entry.size;
                file.head = handle.isOpen() ? readHead(handle, kHeadBytes) : QByteArray();
                file.lines = file.offset > 0 ? -1 : 0; // counted once the file grows
                file.lastSize = entry.size;
            }
            m_files.push_back(std::move(file));
            if (skipExisting)
                continue;
            index = int(m_files.size()) - 1;
        }
        File& file = m_files[size_t(index)];
        file.name = entry.name;
        if (entry.reset) {
            addProblem(file,
                { Diagnostic::Severity::Warning, entry.name, 0, -1,
                    Tr::tr("file truncated; reading it again from the start"), QStringLiteral("file-truncated") },
                &batch);
            file.offset = 0;
            file.lines = 0;
            file.partial.clear();
            file.head.clear();
        }
        file.lastSize = entry.size;
        if (entry.size <= file.offset)
            continue;
        if (budget <= 0) {
            batch.more = true; // later files wait too, so that lines still arrive in write order
            continue;
        }
        budget -= readNew(file, entry, budget, &batch);
        if (budget <= 0 && file.offset < entry.size)
            batch.more = true;
    }
    return batch;
}

qint64 TimelineTailer::readNew(File& file, const Entry& entry, qint64 limit, TailBatch* batch)
{
    QFile handle(path(entry.name));
    if (!handle.open(QIODevice::ReadOnly)) {
        if (!file.readErrorReported) {
            file.readErrorReported = true;
            addProblem(file,
                { Diagnostic::Severity::Error, entry.name, 0, -1, Tr::tr("cannot read: %1").arg(handle.errorString()) },
                batch);
        }
        return 0;
    }
    file.readErrorReported = false;
    if (file.lines < 0)
        file.lines = countLines(handle, file.offset - file.partial.size());
    if (file.head.size() < kHeadBytes)
        file.head = readHead(handle, kHeadBytes);
    // Up to the size stat saw: what was appended since then waits for the next poll.
    const QByteArray chunk =
        handle.seek(file.offset) ? handle.read(std::min(entry.size - file.offset, limit)) : QByteArray();
    if (chunk.isEmpty())
        return 0;
    const qint64 base = file.offset - file.partial.size(); // file position of the first byte of `complete`
    file.offset += chunk.size();
    batch->bytes += chunk.size();
    batch->lastWriteMs = std::max(batch->lastWriteMs, entry.mtimeMs);

    QByteArray complete = file.partial + chunk;
    const qsizetype lastNewline = complete.lastIndexOf('\n');
    file.partial = complete.mid(lastNewline + 1);
    if (lastNewline < 0)
        return chunk.size();
    complete.truncate(lastNewline + 1);

    auto buffer = std::make_shared<TextBuffer>();
    buffer->name = entry.name;
    buffer->bytes = complete;
    TimelineData parsed;
    TimelineReader::parseBuffer(*buffer, qint32(batch->buffers.size()), &parsed);
    batch->buffers.push_back(buffer);
    for (Event& event : parsed.events) {
        event.line += file.lines;
        batch->events.push_back(std::move(event));
    }
    batch->keys.insert(batch->keys.end(), parsed.keys.begin(), parsed.keys.end());
    // parseBuffer reports CRLF line endings once per buffer; a followed file gets a buffer per poll.
    static const QString crlf = QCoreApplication::translate("Runlens::TimelineReader", "CRLF line endings");
    for (Diagnostic& problem : parsed.problems) {
        if (problem.message == crlf) {
            if (file.crlfReported)
                continue;
            file.crlfReported = true;
        }
        if (problem.line > 0)
            problem.line += file.lines;
        if (problem.byteOffset >= 0)
            problem.byteOffset += base;
        addProblem(file, std::move(problem), batch);
    }
    file.lines += complete.count('\n');
    return chunk.size();
}

void TimelineTailer::addProblem(File& file, Diagnostic problem, TailBatch* batch)
{
    ++file.problems;
    if (file.problems < kMaxProblemsPerFile)
        batch->problems.append(std::move(problem));
    else if (file.problems == kMaxProblemsPerFile)
        batch->problems.append({ Diagnostic::Severity::Warning, file.name, 0, -1,
            Tr::tr(
                "more than %n problems in this file; further ones are not listed", nullptr, kMaxProblemsPerFile - 1) });
}

} // namespace Runlens
