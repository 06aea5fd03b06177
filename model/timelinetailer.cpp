// SPDX-License-Identifier: MIT
#include "timelinetailer.h"
#include "timelinereader.h"

#include "inputfile.h"
#include "modellogging.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::TimelineTailer)
};

// Same cap as TimelineReader, but per followed file over its whole life rather than per read.
constexpr int kMaxProblemsPerFile = 200;
// Enough of a file's start to hold its first line, which a rewrite changes and a copy repeats.
constexpr qsizetype kHeadBytes = 1024;
constexpr qint64 kBlockBytes = 1024 * 1024;
// Polls in a row whose listing may miss a file before it is let go. readdir() need not return a name
// that a rename adds or removes meanwhile; a file moved out of the directory (or renamed .nfsXXXX by
// NFS while it is open) keeps a link, so "no link left" alone cannot tell that it is gone.
constexpr int kForgetAfterPolls = 3;

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

// pread() until `length` bytes or the end of the file; nothing on a read error (errno says which).
std::optional<QByteArray> readAt(int fd, qint64 offset, qint64 length)
{
    QByteArray bytes(qsizetype(length), Qt::Uninitialized);
    qint64 done = 0;
    while (done < length) {
        const ssize_t got = ::pread(fd, bytes.data() + done, size_t(length - done), off_t(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return std::nullopt;
        if (got == 0)
            break;
        done += got;
    }
    bytes.truncate(qsizetype(done));
    return bytes;
}

QByteArray readHead(int fd, qsizetype length)
{
    return readAt(fd, 0, length).value_or(QByteArray());
}

// '\n' in the first `upTo` bytes: the line numbers of a file whose start was not read.
qint64 countLines(int fd, qint64 upTo)
{
    qint64 lines = 0;
    for (qint64 done = 0; done < upTo;) {
        const QByteArray block = readAt(fd, done, std::min(kBlockBytes, upTo - done)).value_or(QByteArray());
        if (block.isEmpty())
            break;
        lines += block.count('\n');
        done += block.size();
    }
    return lines;
}

// The position after the last '\n' before `size`, found from the end: where startAtEnd() begins.
qint64 lastLineEnd(int fd, qint64 size)
{
    constexpr qint64 step = 64 * 1024;
    for (qint64 pos = size; pos > 0;) {
        const qint64 length = std::min(step, pos);
        pos -= length;
        const std::optional<QByteArray> block = readAt(fd, pos, length);
        if (!block)
            return size;
        const qsizetype newline = block->lastIndexOf('\n');
        if (newline >= 0)
            return pos + newline + 1;
    }
    return 0;
}

// Whether a file's first line is all in `head` (or `head` is full): only then can it be compared.
bool firstLineKnown(const QByteArray& head)
{
    return head.contains('\n') || head.size() >= kHeadBytes;
}

// Whether `candidate` starts with the first line of `head` (with all of a full head that holds none).
bool startsWithFirstLine(const QByteArray& candidate, const QByteArray& head)
{
    qsizetype length = head.indexOf('\n') + 1;
    if (length == 0)
        length = head.size() >= kHeadBytes ? head.size() : 0;
    return length > 0 && candidate.startsWith(QByteArrayView(head).first(length));
}

} // namespace

TimelineTailer::TimelineTailer(QString directory)
    : m_directory(std::move(directory))
{ }

TimelineTailer::~TimelineTailer()
{
    for (const File& file : m_files) {
        if (file.fd >= 0)
            ::close(file.fd);
    }
}

QString TimelineTailer::path(const QString& name) const
{
    return childPath(m_directory, name);
}

qint64 TimelineTailer::bufferedBytes() const
{
    qint64 bytes = 0;
    for (const File& file : m_files)
        bytes += file.partial.size();
    return bytes;
}

int TimelineTailer::openFiles() const
{
    return int(std::count_if(m_files.begin(), m_files.end(), [](const File& file) { return file.fd >= 0; }));
}

int TimelineTailer::find(quint64 device, quint64 inode) const
{
    return m_index.value({ device, inode }, -1);
}

void TimelineTailer::File::takeStat(const struct stat& st)
{
    size = qint64(st.st_size);
    mtimeMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    links = quint64(st.st_nlink);
}

TailBatch TimelineTailer::poll()
{
    TailBatch batch;
    const bool skipExisting = m_startAtEnd && !m_polled;
    m_polled = true;
    const size_t known = m_files.size(); // followed before this poll; the ones after are new
    const Listing listing = list(skipExisting, &batch);
    checkTruncationAndCopies(known, skipExisting, &batch);
    readAll(skipExisting, &batch);
    release(listing, &batch);
    return batch;
}

TimelineTailer::Listing TimelineTailer::list(bool skipExisting, TailBatch* batch)
{
    m_index.clear();
    for (size_t i = 0; i < m_files.size(); ++i) {
        m_files[i].listed = false;
        m_index.insert({ m_files[i].device, m_files[i].inode }, int(i));
    }

    // 1. Identity. A name is opened first and the descriptor then says which file it is and how big:
    // a rename between listing and opening changes which file a name gives, never what a descriptor
    // reads. O_NONBLOCK: opening a FIFO swapped in under a timeline name returns at once.
    Listing listing;
    for (const QString& name : TimelineReader::timelineFiles(m_directory)) {
        if (m_hook)
            m_hook(PollStep::Open, name);
        const int fd = ::open(encodeFileName(path(name)).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            const int error = errno;
            if (error != ENOENT) // gone since the listing: the next listing says where it went
                nameProblem(name, Tr::tr("cannot read: %1").arg(QString::fromLocal8Bit(std::strerror(error))),
                    Diagnostic::Severity::Error, batch);
            continue;
        }
        struct stat st = {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            const int error = errno;
            nameProblem(name,
                st.st_mode != 0 ? fileTypeReason(st.st_mode)
                                : Tr::tr("cannot read: %1").arg(QString::fromLocal8Bit(std::strerror(error))),
                Diagnostic::Severity::Warning, batch);
            ::close(fd);
            continue;
        }
        m_nameProblems.remove(name);
        listing.names.insert(name);
        int index = find(quint64(st.st_dev), quint64(st.st_ino));
        if (index >= 0 && m_files[size_t(index)].listed) {
            ::close(fd); // a second name of a file listed already: a hard link
            continue;
        }
        if (index >= 0 && m_files[size_t(index)].fd < 0 && !stillSame(m_files[size_t(index)], name, st.st_size, fd)) {
            // Closed once read to its end; since then its inode number went to another file.
            File& gone = m_files[size_t(index)];
            m_index.remove({ gone.device, gone.inode });
            gone.device = gone.inode = 0;
            gone.missed = kForgetAfterPolls;
            index = -1;
        }
        if (index < 0) {
            File file;
            file.name = name;
            file.device = quint64(st.st_dev);
            file.inode = quint64(st.st_ino);
            file.fd = fd;
            if (skipExisting) {
                file.offset = lastLineEnd(fd, qint64(st.st_size));
                file.head = readHead(fd, kHeadBytes);
                file.lines = file.offset > 0 ? -1 : 0; // counted once the file grows
            }
            qCDebug(lcLive, "following %ls (%lld bytes, from byte %lld)", qUtf16Printable(name),
                static_cast<long long>(st.st_size), static_cast<long long>(file.offset));
            m_files.push_back(std::move(file));
            index = int(m_files.size()) - 1;
            m_index.insert({ quint64(st.st_dev), quint64(st.st_ino) }, index);
        } else if (m_files[size_t(index)].fd < 0 && st.st_size > m_files[size_t(index)].offset) {
            m_files[size_t(index)].fd = fd; // closed once read to its end, but it grew after all
        } else {
            ::close(fd); // held since an earlier poll, or read to its end and not grown
        }
        File& file = m_files[size_t(index)];
        file.name = name;
        file.listed = true;
        file.missed = 0;
        file.takeStat(st);
        const NameInfo info = nameInfo(name);
        listing.newestDay = std::max(listing.newestDay, info.day);
    }
    for (File& file : m_files) {
        if (file.listed)
            continue;
        ++file.missed; // renamed or deleted; a descriptor held still reads it
        struct stat st = {};
        if (file.fd >= 0 && ::fstat(file.fd, &st) == 0)
            file.takeStat(st);
    }

    return listing;
}

void TimelineTailer::checkTruncationAndCopies(size_t known, bool skipExisting, TailBatch* batch)
{
    // 2. Truncation: shorter than what was read, or (truncated and written again past that) no longer
    // starting as it did. Either way it is the same file, read again from its start.
    for (size_t i = 0; i < known; ++i) {
        File& file = m_files[i];
        if (file.fd >= 0 && (file.size < file.offset || (file.size != file.lastSize && !checkHead(file))))
            reset(file, batch);
    }

    // 3. A new file that starts like a followed one is a copy of it (copytruncate's): what was read
    // from that file is not read again.
    for (size_t i = 0; i < m_files.size(); ++i) {
        File& file = m_files[i];
        if (file.fd >= 0 && ((i >= known && !skipExisting) || file.undecided)) {
            file.head = readHead(file.fd, kHeadBytes);
            decideCopy(i);
        }
    }
}

void TimelineTailer::readAll(bool skipExisting, TailBatch* batch)
{
    // 4. Read the new bytes in write order, up to the read limit.
    qint64 budget = m_readLimit;
    for (File& file : m_files) {
        if (file.fd < 0)
            continue;
        if (m_hook)
            m_hook(PollStep::Read, file.name);
        if (skipExisting || file.undecided || (file.isCopy && !resolveCopy(file)) || file.size <= file.offset)
            continue;
        if (budget <= 0) {
            batch->more = true; // later files wait too, so that lines still arrive in write order
            continue;
        }
        budget -= readNew(file, budget, batch);
        if (budget <= 0 && file.offset < file.size)
            batch->more = true;
    }
}

void TimelineTailer::release(const Listing& listing, TailBatch* batch)
{
    // 5. Let go of files that are gone and read to their end; close the ones that will not grow.
    std::vector<File> kept;
    kept.reserve(m_files.size());
    for (File& file : m_files) {
        file.lastSize = file.size;
        const bool drained = (file.offset >= file.size && !file.isCopy) || file.undecided;
        const bool gone = file.fd < 0
            ? file.missed >= kForgetAfterPolls
            : !file.listed && drained && (file.links == 0 || file.missed >= kForgetAfterPolls);
        if (gone) {
            forget(file, listing.names.contains(file.name) && nameInfo(file.name).segment, batch);
            continue;
        }
        // A rotated segment is never written again, nor a past day's file: neither needs a descriptor
        // now. Should one grow after all, the next listing opens it again.
        const NameInfo info = nameInfo(file.name);
        if (file.fd >= 0 && file.listed && drained && !file.undecided && file.partial.isEmpty() && file.skipFrom < 0
            && (info.segment || (!info.day.isEmpty() && info.day < listing.newestDay))) {
            ::close(file.fd);
            file.fd = -1;
        }
        kept.push_back(std::move(file));
    }
    m_files = std::move(kept);
}

bool TimelineTailer::stillSame(const File& file, const QString& name, qint64 size, int fd) const
{
    // Read to its end and closed: only a file under the same name, as long and with the same start is it.
    return name == file.name && size >= file.offset && readHead(fd, file.head.size()) == file.head;
}

bool TimelineTailer::checkHead(File& file)
{
    const QByteArray head = readHead(file.fd, kHeadBytes);
    if (!head.startsWith(file.head))
        return false;
    file.head = head;
    return true;
}

void TimelineTailer::decideCopy(size_t index)
{
    File& file = m_files[index];
    file.undecided = false;
    for (size_t i = 0; i < index; ++i) {
        const File& other = m_files[i];
        if (other.device == 0 && other.inode == 0)
            continue; // forgotten in this poll
        if (!firstLineKnown(file.head)) {
            // Could still turn out to be a copy: wait (with no complete line there is nothing to read).
            if ((!other.head.isEmpty() && other.head.startsWith(file.head))
                || (other.resets > 0 && other.previousHead.startsWith(file.head)))
                file.undecided = true;
            continue;
        }
        if (startsWithFirstLine(file.head, other.head)) {
            qCDebug(lcLive, "%ls is a copy of %ls: what was read from that is not read again",
                qUtf16Printable(file.name), qUtf16Printable(other.name));
            file.isCopy = true;
            file.copyOfDevice = other.device;
            file.copyOfInode = other.inode;
            file.copyOfResets = other.resets;
            return;
        }
        if (other.resets > 0 && startsWithFirstLine(file.head, other.previousHead)) {
            // A copy of what the other file held before it was truncated: that much was read from it.
            file.offset = std::min(file.size, other.previousEnd);
            file.lines = file.offset > 0 ? -1 : 0;
            return;
        }
    }
}

bool TimelineTailer::resolveCopy(File& file)
{
    // What the copied file delivered (or still will) need not come from the copy: up to the end of the
    // lines read from it, or, once it was truncated, of the lines read before that.
    const int index = find(file.copyOfDevice, file.copyOfInode);
    const File* original = index >= 0 ? &m_files[size_t(index)] : nullptr;
    const bool unchanged = original && original->resets == file.copyOfResets;
    qint64 covered = file.offset;
    if (unchanged)
        covered = original->lineStart();
    else if (original && original->resets == file.copyOfResets + 1)
        covered = original->previousEnd;
    if (covered > file.offset) {
        file.offset = std::min(file.size, covered);
        file.lines = -1;
    }
    if (unchanged && file.offset < file.size)
        return false; // the rest is still to come from the original
    file.isCopy = false;
    return true;
}

void TimelineTailer::reset(File& file, TailBatch* batch)
{
    qCDebug(lcLive, "%ls truncated (%lld bytes, %lld read): reading it again from the start",
        qUtf16Printable(file.name), static_cast<long long>(file.size), static_cast<long long>(file.offset));
    addProblem(file,
        { Diagnostic::Severity::Warning, file.name, 0, -1, Tr::tr("file truncated; reading it again from the start"),
            QStringLiteral("file-truncated") },
        batch);
    file.previousHead = file.head;
    file.previousEnd = file.lineStart();
    ++file.resets;
    file.offset = 0;
    file.lines = 0;
    file.partial.clear();
    file.skipFrom = -1;
    file.head.clear();
}

void TimelineTailer::forget(File& file, bool replaced, TailBatch* batch)
{
    // Every byte of it was read: what can be left is a line whose '\n' never came.
    const qint64 unread = file.skipFrom >= 0 ? 0 : file.size - file.lineStart();
    qCDebug(lcLive, "%ls %s, %lld bytes unread: no longer followed", qUtf16Printable(file.name),
        replaced ? "rotated away" : "gone", static_cast<long long>(std::max<qint64>(unread, 0)));
    if (file.fd >= 0)
        ::close(file.fd);
    file.fd = -1;
    if (unread <= 0)
        return;
    const qint64 line = file.lines >= 0 ? file.lines + 1 : 0;
    if (replaced)
        batch->problems.append({ Diagnostic::Severity::Warning, file.name, line, file.lineStart(),
            Tr::tr("rotated segment overwritten with %n unread bytes; their lines are lost", nullptr, int(unread)),
            kRotationGap });
    else
        batch->problems.append({ Diagnostic::Severity::Warning, file.name, line, file.lineStart(),
            Tr::tr("file deleted with %n unread bytes; their lines are lost", nullptr, int(unread)),
            QStringLiteral("file-deleted") });
}

qint64 TimelineTailer::readNew(File& file, qint64 limit, TailBatch* batch)
{
    if (file.lines < 0)
        file.lines = countLines(file.fd, file.lineStart());
    qint64 used = 0;
    if (file.skipFrom >= 0) {
        used = skipLongLine(file, limit, batch);
        if (file.skipFrom >= 0 || file.offset >= file.size || used >= limit)
            return used;
    }
    // Up to the size fstat() saw: what was appended since then waits for the next poll.
    const std::optional<QByteArray> read =
        readAt(file.fd, file.offset, std::min(file.size - file.offset, limit - used));
    if (!read) {
        if (!file.readErrorReported) {
            file.readErrorReported = true;
            addProblem(file,
                { Diagnostic::Severity::Error, file.name, 0, -1,
                    Tr::tr("cannot read: %1").arg(QString::fromLocal8Bit(std::strerror(errno))) },
                batch);
        }
        return used;
    }
    file.readErrorReported = false;
    // Truncated and written again since the size was taken: the bytes just read may be from either
    // content, so none is taken, and the file is read again from its start.
    if (!checkHead(file)) {
        reset(file, batch);
        return used;
    }
    QByteArray chunk = *read;
    if (chunk.isEmpty())
        return used;
    const qint64 base = file.lineStart(); // file position of the first byte of `complete`
    file.offset += chunk.size();
    batch->bytes += chunk.size();
    batch->lastWriteMs = std::max(batch->lastWriteMs, file.mtimeMs);
    used += chunk.size();

    const qsizetype lastNewline = chunk.lastIndexOf('\n');
    if (lastNewline < 0) {
        if (file.partial.size() + chunk.size() > TimelineReader::kMaxLineBytes)
            startSkip(file, base, batch);
        else
            file.partial += chunk;
        return used;
    }
    QByteArray complete = file.partial + QByteArrayView(chunk).first(lastNewline + 1);
    file.partial = chunk.mid(lastNewline + 1);
    chunk.clear();

    auto buffer = std::make_shared<TextBuffer>();
    buffer->name = file.name;
    buffer->bytes = complete;
    buffer->base = base; // events and problems carry the file's offsets
    TimelineData parsed;
    TimelineReader::parseBuffer(*buffer, qint32(batch->buffers.size()), &parsed);
    batch->buffers.push_back(buffer);
    std::shared_ptr<const OpenFile> held = file.held.lock();
    if (!held) {
        held = OpenFile::duplicate(file.fd, path(file.name));
        file.held = held;
    }
    batch->files.push_back(std::move(held));
    for (Event& event : parsed.events) {
        event.line += qint32(file.lines);
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
        addProblem(file, std::move(problem), batch);
    }
    file.lines += complete.count('\n');
    if (file.partial.size() > TimelineReader::kMaxLineBytes)
        startSkip(file, file.offset - file.partial.size(), batch);
    return used;
}

void TimelineTailer::startSkip(File& file, qint64 lineStart, TailBatch* batch)
{
    // Garbage such as NUL padding after a crash: holding it until a '\n' comes could take all memory.
    addProblem(file,
        { Diagnostic::Severity::Error, file.name, file.lines >= 0 ? file.lines + 1 : 0, lineStart,
            Tr::tr("line longer than %1 bytes without a line break; skipped to the next line break")
                .arg(TimelineReader::kMaxLineBytes),
            QStringLiteral("malformed-line") },
        batch);
    file.partial = QByteArray();
    file.skipFrom = lineStart;
}

qint64 TimelineTailer::skipLongLine(File& file, qint64 limit, TailBatch* batch)
{
    qint64 used = 0;
    while (file.offset < file.size && used < limit) {
        // A hole (a sparse file's NUL padding) holds no line break: jump over it without reading it.
        const off_t data = ::lseek(file.fd, off_t(file.offset), SEEK_DATA);
        if (data > file.offset || (data < 0 && errno == ENXIO)) {
            const qint64 to = data < 0 ? file.size : std::min(qint64(data), file.size);
            batch->bytes += to - file.offset;
            file.offset = to;
            continue;
        }
        const std::optional<QByteArray> block =
            readAt(file.fd, file.offset, std::min({ kBlockBytes, file.size - file.offset, limit - used }));
        if (!block || block->isEmpty())
            break;
        used += block->size();
        const qsizetype newline = block->indexOf('\n');
        const qint64 consumed = newline < 0 ? block->size() : newline + 1;
        batch->bytes += consumed;
        file.offset += consumed;
        if (newline >= 0) {
            ++file.lines;
            file.skipFrom = -1;
            break;
        }
    }
    return used;
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

void TimelineTailer::nameProblem(
    const QString& name, const QString& reason, Diagnostic::Severity severity, TailBatch* batch)
{
    // Said once per name and reason, not at every poll while it lasts.
    auto it = m_nameProblems.find(name);
    if (it != m_nameProblems.end() && *it == reason)
        return;
    m_nameProblems.insert(name, reason);
    batch->problems.append({ severity, name, 0, -1, reason });
}

} // namespace Runlens
