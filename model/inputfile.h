// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

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

/// The names in a directory that match a shell `pattern` ("events-*.jsonl"; empty: all), sorted, without
/// "." and "..". Names are decoded with decodeFileName().
QStringList directoryEntries(const QString& directory, const QString& pattern = {});

/// Whether `name` matches a shell `pattern` of `*` and `?` (no brackets). Unlike QRegularExpression, it
/// also matches names that hold escaped bytes (lone surrogates), which PCRE refuses as invalid UTF-16.
bool matchesWildcard(QStringView name, QStringView pattern);

/// `directory` + '/' + `name`.
QString childPath(const QString& directory, const QString& name);

} // namespace Runlens
