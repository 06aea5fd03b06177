// SPDX-License-Identifier: MIT
#include "synthcommand.h"
#include "clicommands.h"

#include "synth.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Cli)
};

// An integer option of at least `minimum` into `value` when set; false, with a message, when it is not one.
bool integerOption(const QCommandLineParser& parser, const QCommandLineOption& option, qint64 minimum, qint64* value)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 parsed = parser.value(option).toLongLong(&ok);
    if (!ok || parsed < minimum) {
        printErr(Tr::tr("runlens-cli: --%1 must be an integer of at least %2, not \"%3\"")
                     .arg(option.names().constLast())
                     .arg(minimum)
                     .arg(parser.value(option)));
        return false;
    }
    *value = parsed;
    return true;
}

} // namespace

int synthCommand(QCommandLineParser& parser, const QStringList& arguments)
{
    QCommandLineOption eventsOption(
        QStringLiteral("events"), Tr::tr("Timeline lines to write (default 100000)."), QStringLiteral("N"));
    QCommandLineOption sessionsOption(
        QStringLiteral("sessions"), Tr::tr("Concurrent client sessions (default 50)."), QStringLiteral("S"));
    QCommandLineOption seedOption(QStringLiteral("seed"),
        Tr::tr("Random seed; the same arguments write the same bytes (default 1)."), QStringLiteral("K"));
    QCommandLineOption filesOption(QStringLiteral("files"),
        Tr::tr("Split into F files of equal line counts (default: rotate at 10 MB like the server)."),
        QStringLiteral("F"));
    QCommandLineOption outOption(
        { QStringLiteral("o"), QStringLiteral("output") }, Tr::tr("The directory to write."), QStringLiteral("DIR"));
    QCommandLineOption forceOption(QStringLiteral("force"), Tr::tr("Replace timeline files already in DIR."));
    parser.addOptions({ eventsOption, sessionsOption, seedOption, filesOption, outOption, forceOption });
    processArguments(parser, arguments);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outOption)) {
        printErr(Tr::tr("runlens-cli: synth takes --events N --sessions S [--seed K] [--files F] -o DIR"));
        return 2;
    }
    SynthOptions options;
    qint64 sessions = options.sessions;
    qint64 files = options.files;
    qint64 seed = qint64(options.seed);
    if (!integerOption(parser, eventsOption, 1, &options.events) || !integerOption(parser, sessionsOption, 1, &sessions)
        || !integerOption(parser, seedOption, 0, &seed) || !integerOption(parser, filesOption, 1, &files))
        return 2;
    if (sessions > 100'000 || files > options.events) {
        printErr(Tr::tr("runlens-cli: at most 100000 sessions, and no more files than events"));
        return 2;
    }
    options.sessions = int(sessions);
    options.files = int(files);
    options.seed = quint64(seed);
    options.force = parser.isSet(forceOption);

    SynthStats stats;
    QString error;
    if (!synthesizeTimeline(parser.value(outOption), options, &stats, &error)) {
        printErr(QStringLiteral("runlens-cli: ") + error);
        return 2;
    }
    // One line for people and scripts alike; numbers in a fixed order.
    const QString summary = Tr::tr("%1 events, %2 bytes, %3 files, %4 runs (%5 complete, %6 failed, %7 cut off, "
                                   "%8 background), %9 restarts")
                                .arg(stats.events)
                                .arg(stats.bytes)
                                .arg(stats.files.size())
                                .arg(stats.runs)
                                .arg(stats.completeRuns)
                                .arg(stats.failedRuns)
                                .arg(stats.cutOffRuns)
                                .arg(stats.backgroundRuns)
                                .arg(stats.restarts);
    std::fputs(qPrintable(summary + QLatin1Char('\n')), stdout);
    return 0;
}

} // namespace Runlens
