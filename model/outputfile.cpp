// SPDX-License-Identifier: MIT
#include "outputfile.h"
#include "inputs.h"

#include "inputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <climits>
#include <cstdlib>

#include <sys/stat.h>
#include <unistd.h>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::OutputFile)
};

QString realPath(const QString& path)
{
    char resolved[PATH_MAX];
    if (!::realpath(encodeFileName(path).constData(), resolved))
        return {};
    return decodeFileName(QByteArray(resolved));
}

QString parentOf(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash < 0)
        return QStringLiteral(".");
    return slash == 0 ? QStringLiteral("/") : path.left(slash);
}

QString nameOf(const QString& path)
{
    return path.mid(path.lastIndexOf(u'/') + 1);
}

// Where writing `target` really lands: the file a chain of symbolic links ends at, even a dangling one,
// with its directory resolved. Empty when the directory does not exist.
QString resolveTarget(const QString& target)
{
    QString path = target;
    for (int hops = 0; hops < 40; ++hops) {
        if (QString real = realPath(path); !real.isEmpty())
            return real;
        QByteArray link(PATH_MAX, '\0');
        const ssize_t length = ::readlink(encodeFileName(path).constData(), link.data(), size_t(link.size()));
        if (length <= 0)
            break; // not a link: a new file in an existing directory, or a missing directory
        const QString next = decodeFileName(link.left(length));
        path = next.startsWith(u'/') ? next : parentOf(path) + u'/' + next;
    }
    const QString directory = realPath(parentOf(path));
    return directory.isEmpty() ? QString() : QDir(directory).filePath(nameOf(path));
}

bool isTimelineName(const QString& name)
{
    return Inputs::isTimelineFileName(name);
}

} // namespace

QString outputRefusal(const QString& target, const OutputRules& rules)
{
    if (target == QLatin1String("-"))
        return {};
    if (target.isEmpty())
        return Tr::tr("no output file given");
    const QString resolved = resolveTarget(target);
    if (resolved.isEmpty())
        return Tr::tr("%1: no such directory").arg(parentOf(target));
    if (isTimelineName(nameOf(target)) || isTimelineName(nameOf(resolved)))
        return Tr::tr("refusing to write %1: events-*.jsonl is a timeline file name, and this output is no timeline")
            .arg(target);
    for (const QString& read : rules.readFiles) {
        if (realPath(read) == resolved)
            return Tr::tr("refusing to write %1: it is %2, an input of this command").arg(target, read);
    }
    struct stat st = {};
    if (::stat(encodeFileName(resolved).constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return Tr::tr("refusing to write %1: it is a directory").arg(target);
        if (!S_ISREG(st.st_mode))
            return Tr::tr("refusing to write %1: it is a device, FIFO or socket, not a regular file").arg(target);
        if (!rules.force)
            return Tr::tr("%1 exists; use --force to replace it").arg(target);
    }
    return {};
}

bool writeOutputFile(const QString& target, const QByteArray& bytes, const OutputRules& rules, QString* error)
{
    if (const QString refusal = outputRefusal(target, rules); !refusal.isEmpty()) {
        *error = refusal;
        return false;
    }
    // The resolved name: QSaveFile renames over the path it is given, which would replace a symbolic link
    // with a file instead of writing where the link points.
    QSaveFile file(resolveTarget(target));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = Tr::tr("cannot write %1: %2").arg(target, file.errorString());
        return false;
    }
    return true;
}

} // namespace Runlens
