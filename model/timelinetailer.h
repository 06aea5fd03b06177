// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "event.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace Runlens {

/// What one poll of a TimelineTailer found: the complete lines appended since the previous poll.
struct TailBatch
{
    TextBuffers buffers; // per file that grew: just its new complete lines
    std::vector<Event> events; // in write order; Event::buffer indexes `buffers`, Event::line is the line in its file
    std::vector<RunKey> keys; // beside `events`: whose run each is
    Diagnostics problems; // line and byteOffset are positions in the file, not in the buffer
    qint64 bytes = 0; // bytes consumed by this poll
    qint64 lastWriteMs = 0; // newest modification time (ms since the epoch) of a file that grew; 0 when none did
    bool more = false; // the read limit stopped this poll: call poll() again without waiting

    bool isEmpty() const { return buffers.empty() && problems.isEmpty(); }
};

/// Follows a timeline directory while the server writes it (spec 2): each poll() reads only the bytes
/// appended since the previous one, through rotation, new day files, truncation and deletion.
/// Synchronous and not thread-safe; one worker thread or timer owns it.
class TimelineTailer
{
public:
    /// The directory may not exist yet; polls find nothing until it does.
    explicit TimelineTailer(QString directory);

    QString directory() const { return m_directory; }

    /// Skips the content the files hold at the first poll (follow without --since-start). A line
    /// still being written then is read once it is complete. Call before the first poll.
    void startAtEnd() { m_startAtEnd = true; }

    /// Bytes read per poll at most (default 32 MiB), so that following a large directory from the
    /// start comes in batches; TailBatch::more says when the limit stopped a poll.
    void setReadLimit(qint64 bytes) { m_readLimit = bytes; }

    TailBatch poll();

private:
    struct File
    {
        QString name; // at the last poll; a rename keeps the inode
        quint64 device = 0;
        quint64 inode = 0;
        qint64 offset = 0; // bytes consumed, the held-back partial line included
        qint64 lines = 0; // '\n' in the consumed bytes; -1 until counted (skipped by startAtEnd)
        qint64 lastSize = 0; // size at the last poll
        QByteArray partial; // a last line whose '\n' has not arrived yet
        QByteArray head; // the first bytes, telling a reused inode number from the file read so far
        int problems = 0;
        bool crlfReported = false;
        bool readErrorReported = false;
    };
    struct Entry;

    qint64 readNew(File& file, const Entry& entry, qint64 limit, TailBatch* batch); // bytes read
    void addProblem(File& file, Diagnostic problem, TailBatch* batch);
    QString path(const QString& name) const;

    QString m_directory;
    std::vector<File> m_files;
    qint64 m_readLimit = qint64(32) * 1024 * 1024;
    bool m_startAtEnd = false;
    bool m_polled = false;
};

} // namespace Runlens
