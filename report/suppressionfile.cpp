// SPDX-License-Identifier: MIT
#include "suppressionfile.h"

#include "inputfile.h"
#include "inputs.h"

#include <QFileInfo>

namespace Runlens {

bool loadSuppressionFile(
    Suppressions* suppressions, const QString& inputPath, const QString& explicitFile, QString* error)
{
    const QString file = explicitFile.isEmpty() ? Inputs::suppressionFileFor(inputPath) : explicitFile;
    if (explicitFile.isEmpty() && fileStatus(file).type == FileStatus::Type::Missing)
        return true;
    QByteArray text;
    if (!Inputs::readSuppressionFile(file, &text, error))
        return false;
    suppressions->parse(text, QFileInfo(file).fileName());
    return true;
}

} // namespace Runlens
