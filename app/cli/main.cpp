// SPDX-License-Identifier: MIT
// runlens-cli: the headless side of Runlens. It links the model and the detectors, never widgets.
#include "clicommands.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("runlens-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RUNLENS_VERSION));
    return Runlens::runCli(QCoreApplication::arguments());
}
