// SPDX-License-Identifier: MIT
#include "inputfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::InputFile)
};

} // namespace

QString notRegularFileReason(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        const int error = errno;
        if (error == ELOOP)
            return Tr::tr("symbolic link loop");
        if (error == ENOENT && QFileInfo(path).isSymLink())
            return Tr::tr("dangling symbolic link to %1").arg(QFileInfo(path).symLinkTarget());
        return QString::fromLocal8Bit(std::strerror(error));
    }
    if (S_ISREG(st.st_mode))
        return {};
    if (S_ISDIR(st.st_mode))
        return Tr::tr("a directory, not a regular file");
    if (S_ISFIFO(st.st_mode))
        return Tr::tr("a FIFO (named pipe), not a regular file");
    if (S_ISSOCK(st.st_mode))
        return Tr::tr("a socket, not a regular file");
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        return Tr::tr("a device, not a regular file");
    return Tr::tr("not a regular file");
}

} // namespace Runlens
