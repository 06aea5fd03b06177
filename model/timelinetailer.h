// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "event.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <functional>
#include <utility>
#include <vector>

struct stat;

namespace Runlens {

/// What one poll of a TimelineTailer found: the complete lines appended since the previous poll.
struct TailBatch
{
    TextBuffers buffers; // per file that grew: just its new complete lines
    // Beside `buffers`: the file each was read from, held open, so that a consumer that keeps lines for long
    // can keep only those it needs in memory and read the others again (TextBuffer::file).
    std::vector<std::shared_ptr<const OpenFile>> files;
    std::vector<Event> events; // in write order; Event::buffer indexes `buffers`, Event::line is the line in its file
    std::vector<RunKey> keys; // beside `events`: whose run each is
    Diagnostics problems; // line and byteOffset are positions in the file, not in the buffer
    qint64 bytes = 0; // bytes consumed by this poll
    qint64 lastWriteMs = 0; // newest modification time (ms since the epoch) of a file that grew; 0 when none did
    bool more = false; // the read limit stopped this poll: call poll() again without waiting

    bool isEmpty() const { return buffers.empty() && problems.isEmpty(); }
};

/// Follows a timeline directory while the server writes it (spec 2): each poll() reads only the bytes
/// appended since the previous one, through rotation, same-second rotation collisions, new day files,
/// truncation (copytruncate included), deletion and recreation, every line exactly once (but for a
/// segment created and replaced between two polls: its lines are gone before any reader can see them).
/// Synchronous and not thread-safe; one worker thread or timer owns it.
///
/// Files are followed by identity, never by name: a name is opened (never blocking, so that a FIFO
/// swapped in is only skipped) and the descriptor says which file it is (device, inode) and how big.
/// A file that may still grow or has unread bytes stays open, so that its inode number cannot go to
/// another file meanwhile and its last bytes stay readable after a rename replaced or deleted it.
class TimelineTailer
{
public:
    /// The directory may not exist yet; polls find nothing until it does.
    explicit TimelineTailer(QString directory);
    ~TimelineTailer(); // closes the files held open
    TimelineTailer(const TimelineTailer&) = delete;
    TimelineTailer& operator=(const TimelineTailer&) = delete;

    QString directory() const { return m_directory; }

    /// Skips the content the files hold at the first poll (follow without --since-start). A line
    /// still being written then is read once it is complete. Call before the first poll.
    void startAtEnd() { m_startAtEnd = true; }

    /// Bytes read per poll at most (default 32 MiB), so that following a large directory from the
    /// start comes in batches; TailBatch::more says when the limit stopped a poll.
    void setReadLimit(qint64 bytes) { m_readLimit = bytes; }

    TailBatch poll();

    /// Bytes held back for lines whose '\n' has not arrived yet: at most TimelineReader::kMaxLineBytes
    /// per file, since a longer line is skipped up to its line break instead.
    qint64 bufferedBytes() const;
    /// Files held open: those that may still grow or have bytes left to read.
    int openFiles() const;

    enum class PollStep
    {
        Open, // a name of the listing is about to be opened
        Read, // a followed file (by the name it was last listed under) is about to be read
    };
    using PollHook = std::function<void(PollStep step, const QString& name)>;
    /// For tests: called inside poll() at each step, so that a test can rename, replace or truncate
    /// files exactly there, as a writer racing the poll would.
    void setPollHook(PollHook hook) { m_hook = std::move(hook); }

private:
    struct File
    {
        QString name; // where it was last listed; a rename keeps device and inode
        quint64 device = 0;
        quint64 inode = 0;
        int fd = -1; // held while the file may grow or has unread bytes
        std::weak_ptr<const OpenFile> held; // the batches' hold on it (TailBatch::files), while one lasts
        qint64 size = 0; // fstat() at this poll
        qint64 lastSize = 0; // at the previous poll
        qint64 mtimeMs = 0;
        quint64 links = 1; // 0 once no name is left
        qint64 offset = 0; // bytes consumed, the held-back partial line and skipped bytes included
        qint64 lines = 0; // '\n' in the consumed bytes; -1 until counted (skipped by startAtEnd)
        QByteArray partial; // a last line whose '\n' has not arrived yet
        qint64 skipFrom = -1; // start of a line over the length limit being skipped; -1 when none is
        QByteArray head; // the first bytes: a rewrite from the start changes them, a copy repeats them
        // The content before the last truncation, to know how much of a copy of it was read already.
        QByteArray previousHead;
        qint64 previousEnd = 0;
        int resets = 0;
        // A copy of another followed file (copytruncate's copy): only what that file can no longer
        // deliver is read from it.
        quint64 copyOfDevice = 0;
        quint64 copyOfInode = 0;
        int copyOfResets = 0;
        bool isCopy = false;
        bool undecided = false; // new, and its first line too short yet to tell whether it is a copy
        bool listed = false; // in this poll's listing
        int missed = 0; // polls in a row whose listing did not show it
        int problems = 0;
        bool crlfReported = false;
        bool readErrorReported = false;

        qint64 lineStart() const { return skipFrom >= 0 ? skipFrom : offset - partial.size(); }
        void takeStat(const struct stat& st); // size, mtimeMs and links
    };
    /// The names a poll's listing showed.
    struct Listing
    {
        QSet<QString> names;
        QString newestDay; // of the names with a day in them
    };

    // The steps of a poll, in order.
    Listing list(bool skipExisting, TailBatch* batch);
    void checkTruncationAndCopies(size_t known, bool skipExisting, TailBatch* batch);
    void readAll(bool skipExisting, TailBatch* batch);
    void release(const Listing& listing, TailBatch* batch);

    int find(quint64 device, quint64 inode) const;
    bool stillSame(const File& file, const QString& name, qint64 size, int fd) const;
    bool checkHead(File& file); // false when the file no longer starts as it did
    void decideCopy(size_t index);
    bool resolveCopy(File& file);
    void reset(File& file, TailBatch* batch);
    void forget(File& file, bool replaced, TailBatch* batch);
    qint64 readNew(File& file, qint64 limit, TailBatch* batch); // bytes read
    void startSkip(File& file, qint64 lineStart, TailBatch* batch);
    qint64 skipLongLine(File& file, qint64 limit, TailBatch* batch);
    void addProblem(File& file, Diagnostic problem, TailBatch* batch);
    void nameProblem(const QString& name, const QString& reason, Diagnostic::Severity severity, TailBatch* batch);
    QString path(const QString& name) const;

    QString m_directory;
    std::vector<File> m_files; // in write order
    QHash<std::pair<quint64, quint64>, int> m_index; // (device, inode) -> m_files index, during a poll
    QHash<QString, QString> m_nameProblems; // name -> the reason last reported, so that it is said once
    PollHook m_hook;
    qint64 m_readLimit = qint64(32) * 1024 * 1024;
    bool m_startAtEnd = false;
    bool m_polled = false;
};

} // namespace Runlens
