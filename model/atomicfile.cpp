// SPDX-License-Identifier: MIT
#include "atomicfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace Runlens {

bool writeFileAtomically(const QString& fileName, const QByteArray& bytes, const QString& inputPath, QString* error)
{
    const QFileInfo out(fileName);
    if (out.exists() && !inputPath.isEmpty() && out.canonicalFilePath() == QFileInfo(inputPath).canonicalFilePath()) {
        *error = QCoreApplication::translate("Runlens", "refusing to write over the input %1").arg(inputPath);
        return false;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QCoreApplication::translate("Runlens", "cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

} // namespace Runlens
