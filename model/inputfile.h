// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QFile;

namespace Runlens {

/// A file name as the file system has it: bytes, which need not be UTF-8. Bytes that are not UTF-8 are
/// decoded losslessly, each as a lone surrogate U+DC80..U+DCFF (Python's "surrogateescape"), and encoded
/// back to the same bytes, so that a file with such a name is listed, shown and opened like any other.
/// Every input path goes through these two, never through QFile::encodeName, which would mangle it.
QString decodeFileName(const QByteArray& bytes);
QByteArray encodeFileName(const QString& name);

/// What a path is, from stat(2) (symbolic links followed) and lstat(2).
struct FileStatus
{
    enum class Type
    {
        Missing,
        Regular,
        Directory,
        Other // FIFO, socket, device
    };
    Type type = Type::Missing;
    bool isSymLink = false;
    qint64 size = 0;
    QString reason; // for Missing and Other: why it cannot be read, in words
};
FileStatus fileStatus(const QString& path);
/// Why a file of this st_mode (from fstat on a descriptor opened with O_NONBLOCK) is not read: "a FIFO
/// (named pipe), not a regular file", ..., for a reader that keeps the descriptor, as the live tailer does.
QString fileTypeReason(quint32 mode);

/// Opens `path` read-only without ever blocking: the open itself does not wait (O_NONBLOCK), and whether
/// the file may be read is decided on the opened descriptor (fstat), so that nothing swapped in between a
/// check and the open (a FIFO, a device) can block a reader or feed it forever. Only regular files open.
/// On failure returns false and says why in `reason`.
[[nodiscard]] bool openRegularFile(const QString& path, QFile* file, QString* reason);

/// A timeline file held open for as long as its lines may be asked for, so that a renamed, rotated or deleted
/// file still gives the bytes that were read; reads are pread(2), safe from any thread at once.
class OpenFile
{
public:
    /// Opens `path` as openRegularFile() does; null with `reason` on failure.
    static std::shared_ptr<const OpenFile> open(const QString& path, QString* reason);
    /// Holds the file a descriptor the caller keeps has open, through a duplicate of it; null when the system has
    /// no descriptor left.
    static std::shared_ptr<const OpenFile> duplicate(int fd, const QString& path);
    ~OpenFile();
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;

    const QString& path() const { return m_path; }
    qint64 size() const { return m_size; } // when opened
    /// Up to `length` bytes at `offset` into `out`: fewer at the end of the file. False with `error` on an I/O
    /// error.
    [[nodiscard]] bool read(qint64 offset, qint64 length, QByteArray* out, QString* error) const;
    /// Where data starts again at or after `offset`: a sparse file's holes (NUL padding after a crash) need not
    /// be read to know they hold no line break. `size()` when there is no more data.
    qint64 nextData(qint64 offset) const;

private:
    OpenFile() = default;
    QString m_path;
    int m_fd = -1;
    qint64 m_size = 0;
};

/// Lets this process hold as many files open as the system allows (the soft limit is often 1,024): a week of a
/// busy server's timeline is over a thousand files, each held open by an OpenFile.
void raiseOpenFileLimit();

/// The names in a directory that match a shell `pattern` ("events-*.jsonl"; empty: all), sorted, without
/// "." and "..". Names are decoded with decodeFileName().
QStringList directoryEntries(const QString& directory, const QString& pattern = {});

/// Whether `name` matches a shell `pattern` of `*` and `?` (no brackets). Unlike QRegularExpression, it
/// also matches names that hold escaped bytes (lone surrogates), which PCRE refuses as invalid UTF-16.
bool matchesWildcard(QStringView name, QStringView pattern);

/// `directory` + '/' + `name`.
QString childPath(const QString& directory, const QString& name);

} // namespace Runlens
