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

QString tr(const char* text)
{
    return QCoreApplication::translate("Runlens::InputFile", text);
}

} // namespace

QString notRegularFileReason(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        const int error = errno;
        if (error == ELOOP)
            return tr("symbolic link loop");
        if (error == ENOENT && QFileInfo(path).isSymLink())
            return tr("dangling symbolic link to %1").arg(QFileInfo(path).symLinkTarget());
        return QString::fromLocal8Bit(std::strerror(error));
    }
    if (S_ISREG(st.st_mode))
        return {};
    if (S_ISDIR(st.st_mode))
        return tr("a directory, not a regular file");
    if (S_ISFIFO(st.st_mode))
        return tr("a FIFO (named pipe), not a regular file");
    if (S_ISSOCK(st.st_mode))
        return tr("a socket, not a regular file");
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        return tr("a device, not a regular file");
    return tr("not a regular file");
}

} // namespace Runlens
