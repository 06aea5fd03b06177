// SPDX-License-Identifier: MIT
#include "clicommands.h"

#include "report.h"
#include "source.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

namespace Runlens {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Runlens::Cli", text);
}

void printErr(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

void printOut(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

const char* kUsage = "Usage: runlens-cli <command> [options] PATH\n"
                     "\n"
                     "Commands:\n"
                     "  report PATH   the run report: runs, statuses, stage grids, hints, problems\n"
                     "  runs PATH     one line per run: session, run, status, tool, event count\n"
                     "\n"
                     "PATH is a runpack zip, a timeline directory or a .jsonl file.\n"
                     "Run 'runlens-cli <command> --help' for the options of a command.\n";

struct Command
{
    QString name;
    QString description;
};

// Reads PATH; on failure prints one line (what, where, why) and returns null.
SourcePtr load(const QString& path)
{
    SourcePtr source = readSource(path);
    if (!source->ok()) {
        printErr(tr("runlens-cli: cannot read %1: %2").arg(path, source->fatalError));
        return nullptr;
    }
    return source;
}

int report(QCommandLineParser& parser, const QStringList& arguments, bool runsOnly)
{
    QCommandLineOption sessionOption(QStringLiteral("session"), tr("Only runs of session ID."), QStringLiteral("ID"));
    QCommandLineOption runOption(QStringLiteral("run"), tr("Only run ID."), QStringLiteral("ID"));
    QCommandLineOption formatOption(QStringLiteral("format"), tr("Output format: json, md or text (default json)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("json"));
    parser.addOptions({sessionOption, runOption});
    if (!runsOnly)
        parser.addOption(formatOption);
    parser.addPositionalArgument(QStringLiteral("PATH"), tr("A runpack zip, a timeline directory or a .jsonl file."));
    parser.process(arguments);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        printErr(tr("runlens-cli: %1 takes exactly one PATH").arg(positional.value(0)));
        return 2;
    }
    const QString format = parser.value(formatOption);
    if (!runsOnly && format != QLatin1String("json") && format != QLatin1String("md") && format != QLatin1String("text")) {
        printErr(tr("runlens-cli: unknown format \"%1\" (json, md, text)").arg(format));
        return 2;
    }
    const SourcePtr source = load(positional.at(1));
    if (!source)
        return 2;
    const RunFilter filter{parser.value(sessionOption), parser.value(runOption)};
    if (runsOnly)
        printOut(runsListText(*source, filter));
    else if (format == QLatin1String("md"))
        printOut(reportMarkdown(*source, filter, {}));
    else if (format == QLatin1String("text"))
        printOut(reportText(*source, filter, {}));
    else
        printOut(reportJson(*source, filter, {}));
    return 0;
}

} // namespace

int runCli(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Runlens: forensics for codeintel_rev runpacks and timelines."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("report, runs"));
    const QString command = arguments.value(1);
    if (command.isEmpty() || command.startsWith(QLatin1Char('-'))) {
        if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
            printOut(QByteArrayLiteral("runlens-cli " RUNLENS_VERSION "\n"));
            return 0;
        }
        std::fputs(kUsage, command.isEmpty() ? stderr : stdout);
        return command.isEmpty() ? 2 : 0;
    }
    if (command == QLatin1String("report"))
        return report(parser, arguments, false);
    if (command == QLatin1String("runs"))
        return report(parser, arguments, true);
    printErr(tr("runlens-cli: unknown command \"%1\"").arg(command));
    std::fputs(kUsage, stderr);
    return 2;
}

} // namespace Runlens
