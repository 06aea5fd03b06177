// SPDX-License-Identifier: MIT
#include "inputfile.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::InputFile)
};

// The length of the well-formed UTF-8 sequence at `s[i]` (Unicode table 3-7), 0 when there is none.
int utf8Length(const unsigned char* s, qsizetype i, qsizetype n)
{
    const unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    int length = 0;
    unsigned char low = 0x80, high = 0xBF; // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0)
            low = 0xA0; // no overlong forms
        else if (c == 0xED)
            high = 0x9F; // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0)
            low = 0x90;
        else if (c == 0xF4)
            high = 0x8F; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > n || s[i + 1] < low || s[i + 1] > high)
        return 0;
    for (int k = 2; k < length; ++k) {
        if (s[i + k] < 0x80 || s[i + k] > 0xBF)
            return 0;
    }
    return length;
}

bool isEscapedByte(char16_t c)
{
    return c >= 0xDC80 && c <= 0xDCFF;
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

QString decodeFileName(const QByteArray& bytes)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    QString name;
    name.reserve(n);
    qsizetype run = 0; // start of the well-formed bytes not yet decoded
    for (qsizetype i = 0; i < n;) {
        const int length = utf8Length(s, i, n);
        if (length > 0) {
            i += length;
            continue;
        }
        name += QString::fromUtf8(bytes.constData() + run, i - run);
        name += QChar(char16_t(0xDC00 + s[i]));
        run = ++i;
    }
    name += QString::fromUtf8(bytes.constData() + run, n - run);
    return name;
}

QByteArray encodeFileName(const QString& name)
{
    QByteArray bytes;
    bytes.reserve(name.size());
    qsizetype run = 0;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        // A lone low surrogate: a high one before it would make a pair, which is a real character.
        if (isEscapedByte(c) && (i == 0 || !name.at(i - 1).isHighSurrogate())) {
            bytes += QStringView(name).mid(run, i - run).toUtf8();
            bytes += char(c - 0xDC00);
            run = i + 1;
        }
    }
    bytes += QStringView(name).mid(run).toUtf8();
    return bytes;
}

QString fileTypeReason(quint32 mode)
{
    if (S_ISDIR(mode))
        return Tr::tr("a directory, not a regular file");
    if (S_ISFIFO(mode))
        return Tr::tr("a FIFO (named pipe), not a regular file");
    if (S_ISSOCK(mode))
        return Tr::tr("a socket, not a regular file");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return Tr::tr("a device, not a regular file");
    return Tr::tr("not a regular file");
}

FileStatus fileStatus(const QString& path)
{
    FileStatus status;
    const QByteArray encoded = encodeFileName(path);
    struct stat st = {};
    if (::lstat(encoded.constData(), &st) == 0 && S_ISLNK(st.st_mode))
        status.isSymLink = true;
    if (::stat(encoded.constData(), &st) != 0) {
        const int error = errno;
        if (error == ELOOP) {
            status.reason = Tr::tr("symbolic link loop");
        } else if (error == ENOENT && status.isSymLink) {
            QByteArray target(4096, '\0');
            const ssize_t length = ::readlink(encoded.constData(), target.data(), size_t(target.size()));
            status.reason = Tr::tr("dangling symbolic link to %1")
                                .arg(length > 0 ? decodeFileName(target.left(length)) : QString());
        } else if (error == ENOENT) {
            status.reason = Tr::tr("no such file or directory");
        } else {
            status.reason = errnoText(error);
        }
        return status;
    }
    status.size = st.st_size;
    if (S_ISREG(st.st_mode)) {
        status.type = FileStatus::Type::Regular;
    } else if (S_ISDIR(st.st_mode)) {
        status.type = FileStatus::Type::Directory;
    } else {
        status.type = FileStatus::Type::Other;
        status.reason = fileTypeReason(st.st_mode);
    }
    return status;
}

bool openRegularFile(const QString& path, QFile* file, QString* reason)
{
    const int fd = ::open(encodeFileName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        const FileStatus status = fileStatus(path);
        *reason = !status.reason.isEmpty() ? status.reason : errnoText(error);
        return false;
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *reason = S_ISREG(st.st_mode) ? errnoText(errno) : fileTypeReason(st.st_mode);
        ::close(fd);
        return false;
    }
    // Blocking again for the reads: O_NONBLOCK only kept the open from waiting for a FIFO's writer.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!file->open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        *reason = file->errorString();
        ::close(fd);
        return false;
    }
    return true;
}

std::shared_ptr<const OpenFile> OpenFile::open(const QString& path, QString* reason)
{
    QFile file;
    if (!openRegularFile(path, &file, reason))
        return nullptr;
    std::shared_ptr<OpenFile> opened(new OpenFile);
    opened->m_path = path;
    opened->m_fd = ::fcntl(file.handle(), F_DUPFD_CLOEXEC, 0); // ours; the QFile closes its own
    opened->m_size = file.size();
    if (opened->m_fd < 0) {
        *reason = errnoText(errno);
        return nullptr;
    }
    return opened;
}

std::shared_ptr<const OpenFile> OpenFile::duplicate(int fd, const QString& path)
{
    std::shared_ptr<OpenFile> opened(new OpenFile);
    opened->m_path = path;
    opened->m_fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    struct stat st = {};
    if (opened->m_fd < 0 || ::fstat(opened->m_fd, &st) != 0)
        return nullptr;
    opened->m_size = qint64(st.st_size);
    return opened;
}

OpenFile::~OpenFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool OpenFile::read(qint64 offset, qint64 length, QByteArray* out, QString* error) const
{
    out->resize(qsizetype(length));
    qint64 done = 0;
    while (done < length) {
        const ssize_t got = ::pread(m_fd, out->data() + done, size_t(length - done), off_t(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *error = errnoText(errno);
            out->clear();
            return false;
        }
        if (got == 0)
            break; // the end of the file
        done += got;
    }
    out->resize(qsizetype(done));
    return true;
}

qint64 OpenFile::nextData(qint64 offset) const
{
    const off_t data = ::lseek(m_fd, off_t(offset), SEEK_DATA); // the position is not used by pread()
    if (data < 0)
        return errno == ENXIO ? std::max(offset, m_size) : offset; // ENXIO: only a hole is left
    return qint64(data);
}

void raiseOpenFileLimit()
{
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 1 << 20);
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

QStringList directoryEntries(const QString& directory, const QString& pattern)
{
    QStringList names;
    const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(encodeFileName(directory).constData()), ::closedir);
    if (!dir)
        return names;
    while (const dirent* entry = ::readdir(dir.get())) {
        const QByteArray bytes(entry->d_name);
        if (bytes == "." || bytes == "..")
            continue;
        const QString name = decodeFileName(bytes);
        if (pattern.isEmpty() || matchesWildcard(name, pattern))
            names.append(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool matchesWildcard(QStringView name, QStringView pattern)
{
    // Greedy with one backtrack point, the last '*': linear for the patterns file names use.
    qsizetype n = 0, p = 0, star = -1, resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || (pattern[p] != u'*' && pattern[p] == name[n]))) {
            ++n;
            ++p;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            resume = n;
        } else if (star >= 0) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

QString childPath(const QString& directory, const QString& name)
{
    if (directory.endsWith(u'/'))
        return directory + name;
    return directory + u'/' + name;
}

} // namespace Runlens
