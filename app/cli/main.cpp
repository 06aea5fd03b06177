// SPDX-License-Identifier: MIT
// runlens-cli: the headless side of Runlens. It links the model and the detectors, never widgets.
#include "clicommands.h"
#include "inputfile.h"

#include <QCoreApplication>

#include <cstdio>
#include <new>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Runlens::raiseOpenFileLimit(); // a timeline file stays open while its lines may be asked for
    QCoreApplication::setApplicationName(QStringLiteral("runlens-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RUNLENS_VERSION));
    // Decoded as file names are, not by QCoreApplication::arguments(): a PATH need not be UTF-8.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(Runlens::decodeFileName(QByteArray(argv[i])));
    try {
        return Runlens::runCli(arguments);
    } catch (const std::bad_alloc&) {
        // An input too big for this machine's memory is a failure to read it, not a crash and never a pass.
        std::fputs("runlens-cli: out of memory\n", stderr);
        return 2;
    }
}
