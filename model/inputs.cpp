// SPDX-License-Identifier: MIT
#include "inputs.h"

#include "inputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Runlens::Inputs {

namespace {

// The context the texts were translated in when the suppression file read itself.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Suppressions)
};

bool hasSuffix(const QFileInfo& entry, QLatin1StringView suffix)
{
    return entry.suffix().compare(suffix, Qt::CaseInsensitive) == 0;
}

// Symbolic links are skipped, so a link cycle cannot make the walk endless; hidden entries (.git) too.
void searchDirectory(const QString& path, QStringList* inputs)
{
    const QDir dir(path);
    const bool timeline = isTimelineDirectory(path);
    if (timeline)
        inputs->append(path);
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& entry : entries) {
        if (entry.isSymLink())
            continue;
        const QString child = dir.filePath(entry.fileName());
        if (entry.isDir())
            searchDirectory(child, inputs);
        else if (hasSuffix(entry, QLatin1StringView("zip")))
            inputs->append(child);
        else if (hasSuffix(entry, QLatin1StringView("jsonl")) && !(timeline && isTimelineFileName(entry.fileName())))
            inputs->append(child); // a timeline's own segments belong to the directory input
    }
}

} // namespace

QString timelinePattern()
{
    return QStringLiteral("events-*.jsonl");
}

bool isTimelineFileName(QStringView fileName)
{
    return matchesWildcard(fileName, u"events-*.jsonl");
}

bool isTimelineDirectory(const QString& path)
{
    return !directoryEntries(path, timelinePattern()).isEmpty();
}

QStringList find(const QStringList& paths)
{
    QStringList found;
    for (const QString& path : paths) {
        if (!QFileInfo(path).isDir() || isTimelineDirectory(path))
            found.append(QDir::cleanPath(path));
        else
            searchDirectory(QDir::cleanPath(path), &found);
    }
    // Each once, even when named twice or both directly and through its folder.
    QStringList inputs;
    QSet<QString> seen;
    for (const QString& path : std::as_const(found)) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (!seen.contains(absolute)) {
            seen.insert(absolute);
            inputs.append(path);
        }
    }
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

QString suppressionFileName()
{
    return QStringLiteral(".runlens-suppress");
}

QString suppressionFileFor(const QString& inputPath)
{
    const QFileInfo info(inputPath); // path arithmetic only: the file system is asked through fileStatus()
    const bool isDir = fileStatus(inputPath).type == FileStatus::Type::Directory;
    return childPath(isDir ? info.absoluteFilePath() : info.absolutePath(), suppressionFileName());
}

bool readSuppressionFile(const QString& path, QByteArray* bytes, QString* error)
{
    QFile file;
    QString reason;
    if (!openRegularFile(path, &file, &reason)) { // a FIFO must not block
        *error = Tr::tr("cannot read %1: %2").arg(path, reason);
        return false;
    }
    constexpr qint64 limit = 4 * 1024 * 1024;
    if (file.size() > limit) {
        *error = Tr::tr("%1 is larger than 4 MiB").arg(path);
        return false;
    }
    *bytes = file.read(limit);
    return true;
}

} // namespace Runlens::Inputs
