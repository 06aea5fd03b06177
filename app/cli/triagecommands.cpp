// SPDX-License-Identifier: MIT
#include "triagecommands.h"
#include "inputs.h"
#include "sourcereader.h"

#include "clicommands.h"
#include "parallel_p.h"
#include "rundiff.h"
#include "source.h"
#include "triage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Cli)
};

struct Loaded
{
    QString path;
    SourcePtr source;
    TriageRows rows;
};

// Reads every input and detects its hints, one thread per core, in input order. Unreadable inputs get a
// line on stderr each: what, where, why.
std::vector<Loaded> loadAll(const QStringList& paths, const TimeWindow& window = {})
{
    std::vector<Loaded> loaded(paths.size());
    parallelFor(paths.size(), [&](qsizetype i) {
        LoadControl control;
        control.window = window;
        SourcePtr source = readSource(paths.at(i), control);
        TriageRows rows = triageRows(source);
        if (!window.isAll()) // rows without a run say why an input has none: they stay
            rows.erase(std::remove_if(rows.begin(), rows.end(),
                           [&](const TriageRow& row) { return row.run && !window.contains(row.run->startedAt); }),
                rows.end());
        loaded[i] = Loaded { paths.at(i), std::move(source), std::move(rows) };
    });
    for (const Loaded& input : loaded) {
        if (!input.source->ok())
            printErr(Tr::tr("runlens-cli: cannot read %1: %2").arg(input.path, input.source->fatalError));
    }
    return loaded;
}

QCommandLineOption formatOption(const QString& formats)
{
    return QCommandLineOption(QStringLiteral("format"), Tr::tr("Output format: %1 (default text).").arg(formats),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
}

// --run-a/--run-b (pickRunToCompare), with the hints triage found for it.
const TriageRow* pickRun(const Loaded& input, const QString& spec)
{
    if (const RunPtr run = pickRunToCompare(*input.source, spec)) {
        for (const TriageRow& row : input.rows) {
            if (row.run == run)
                return &row;
        }
    }
    if (spec.isEmpty())
        printErr(Tr::tr("runlens-cli: no run with a tool scope in %1").arg(input.path));
    else
        printErr(Tr::tr("runlens-cli: no run %1 with a tool scope in %2").arg(spec, input.path));
    return nullptr;
}

} // namespace

int triageCommand(QCommandLineParser& parser, const QStringList& arguments)
{
    const QCommandLineOption format = formatOption(QStringLiteral("text, csv, json, md"));
    const QCommandLineOption groupBy(QStringLiteral("group-by"),
        Tr::tr("Count runs per hint kind, stop reason, tool or failing stage: kind, stop, "
               "tool, stage or none (default kind)."),
        QStringLiteral("GROUP"), QStringLiteral("kind"));
    parser.addOptions({ format, groupBy });
    const TimeWindowOptions windowOptions(parser);
    parser.addPositionalArgument(QStringLiteral("PATH..."),
        Tr::tr("Runpack zips, timeline directories, .jsonl files, or folders holding them."));
    if (const int code = parseCommandLine(parser, arguments); code >= 0)
        return code;
    const QStringList paths = parser.positionalArguments().mid(1);
    const QString formatName = parser.value(format);
    TriageGrouping grouping = TriageGrouping::Kind;
    static const QStringList formats = { QStringLiteral("text"), QStringLiteral("csv"), QStringLiteral("json"),
        QStringLiteral("md") };
    if (paths.isEmpty() || !formats.contains(formatName) || !parseTriageGrouping(parser.value(groupBy), &grouping)) {
        printErr(Tr::tr("runlens-cli: triage takes PATH..., --format text|csv|json|md and "
                        "--group-by kind|stop|tool|stage|none"));
        return 2;
    }
    TimeWindow window;
    if (!windowOptions.read(parser, &window))
        return 2;
    const QStringList inputs = Inputs::find(paths);
    if (inputs.isEmpty()) {
        printErr(Tr::tr("runlens-cli: no runpack, timeline directory or .jsonl file in %1").arg(paths.join(u' ')));
        return 2;
    }
    TriageRows rows;
    bool anyReadable = false;
    for (Loaded& input : loadAll(inputs, window)) {
        anyReadable = anyReadable || input.source->ok();
        std::move(input.rows.begin(), input.rows.end(), std::back_inserter(rows));
    }
    if (!anyReadable)
        return 2;
    if (formatName == QLatin1String("csv"))
        printOut(triageCsv(rows, grouping));
    else if (formatName == QLatin1String("json"))
        printOut(triageJson(rows, grouping));
    else if (formatName == QLatin1String("md"))
        printOut(triageMarkdown(rows, grouping));
    else
        printOut(triageText(rows, grouping));
    return 0;
}

int diffCommand(QCommandLineParser& parser, const QStringList& arguments)
{
    const QCommandLineOption format = formatOption(QStringLiteral("text, json, md"));
    const QCommandLineOption runA(QStringLiteral("run-a"),
        Tr::tr("The run of A: SESSION/RUN or RUN (default: the first "
               "run with a tool scope)."),
        QStringLiteral("SESSION/RUN"));
    const QCommandLineOption runB(
        QStringLiteral("run-b"), Tr::tr("The run of B, likewise."), QStringLiteral("SESSION/RUN"));
    parser.addOptions({ format, runA, runB });
    parser.addPositionalArgument(QStringLiteral("A"), Tr::tr("A runpack zip, a timeline directory or a .jsonl file."));
    parser.addPositionalArgument(QStringLiteral("B"), Tr::tr("Another, or the same with --run-a/--run-b."));
    if (const int code = parseCommandLine(parser, arguments); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString formatName = parser.value(format);
    if (positional.size() != 3
        || (formatName != QLatin1String("text") && formatName != QLatin1String("json")
            && formatName != QLatin1String("md"))) {
        printErr(Tr::tr("runlens-cli: diff takes A, B and --format text|json|md"));
        return 2;
    }
    const std::vector<Loaded> loaded = loadAll(positional.mid(1));
    if (!loaded[0].source->ok() || !loaded[1].source->ok())
        return 2;
    const TriageRow* a = pickRun(loaded[0], parser.value(runA));
    const TriageRow* b = pickRun(loaded[1], parser.value(runB));
    if (!a || !b)
        return 2;
    const RunDiff diff = diffRuns(
        a->run, a->hints, runLabel(loaded[0].path, *a->run), b->run, b->hints, runLabel(loaded[1].path, *b->run));
    if (formatName == QLatin1String("json"))
        printOut(diffJson(diff));
    else if (formatName == QLatin1String("md"))
        printOut(diffMarkdown(diff));
    else
        printOut(diffText(diff));
    return diff.sameStagesAndHints() ? 0 : 1;
}

} // namespace Runlens
