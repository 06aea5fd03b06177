// SPDX-License-Identifier: MIT
#include "clicommands.h"
#include "inputs.h"
#include "sourcereader.h"

#include "engine.h"
#include "followcommand.h"
#include "hintreport.h"
#include "inputfile.h"
#include "outputfile.h"
#include "packbuilder.h"
#include "printable.h"
#include "runfilter.h"
#include "runreport.h"
#include "source.h"
#include "summaryexport.h"
#include "suppressionfile.h"
#include "synthcommand.h"
#include "triagecommands.h"
#include "ziparchive.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Cli)
};

const char* kUsage = "Usage: runlens-cli <command> [options] PATH\n"
                     "\n"
                     "Commands:\n"
                     "  report PATH   the run report: runs, statuses, stage grids, hints, problems\n"
                     "  runs PATH     one line per run: session, run, status, tool, event count\n"
                     "  hints PATH    the hints of every run, with an exit code for CI (--fail-on)\n"
                     "  explain PATH --rule KIND\n"
                     "                why a rule did or did not fire on each run\n"
                     "  rules         the table of rules: kind, severity, condition, message\n"
                     "  export PATH --format md|csv|json|html|chrome-trace|otlp [-o OUT]\n"
                     "                a hint summary with every run's stage grid, for tickets and browsers;\n"
                     "                or the spans, for Perfetto or OpenTelemetry\n"
                     "  pack PATH --session ID [--run ID] -o OUT.zip\n"
                     "                regenerate a runpack (upstream or seed layout), optionally redacted\n"
                     "  follow DIR [--format text|jsonl] [--session ID] [--since-start]\n"
                     "                follow a timeline directory while the server writes it: a line per\n"
                     "                finished run and per new hint, until Ctrl+C\n"
                     "  synth --events N --sessions S [--seed K] [--files F] -o DIR\n"
                     "                write a realistic timeline directory, the same bytes for the same seed\n"
                     "  triage PATH... [--format text|csv|json|md] [--group-by kind|stop|tool|stage]\n"
                     "                one row per run across many packs, timelines and folders of them,\n"
                     "                with the number of runs per group\n"
                     "  diff A B [--format text|json|md] [--run-a SESSION/RUN] [--run-b SESSION/RUN]\n"
                     "                two runs side by side: stage grids, hints only one has, budgets and\n"
                     "                context; exit 1 when stages or hints differ\n"
                     "\n"
                     "PATH is a runpack zip, a timeline directory or a .jsonl file.\n"
                     "Run 'runlens-cli <command> --help' for the options of a command.\n";

struct Command
{
    QString name;
    QString description;
};

int g_stdoutError = 0; // errno of the first failed write to stdout; later output is dropped

// Reads PATH and checks that `filter` selects a run of it; on failure prints one line (what, where, why)
// and returns null. A CI job pointed at the wrong folder must fail, not pass on nothing.
SourcePtr load(const QString& path, const RunFilter& filter = {})
{
    LoadControl control;
    control.window = filter.window;
    SourcePtr source = readSource(path, control);
    if (!source->filesOutsideWindow.isEmpty())
        printErr(Tr::tr("runlens-cli: %n timeline file(s) of %1 not read: their lines are outside --since/--until", "",
            int(source->filesOutsideWindow.size()))
                     .arg(path));
    if (!source->ok()) {
        printErr(Tr::tr("runlens-cli: cannot read %1: %2").arg(path, source->fatalError));
        return nullptr;
    }
    if (source->runs.empty() && !source->filesOutsideWindow.isEmpty()) {
        printErr(Tr::tr("runlens-cli: no run of %1 starts between --since and --until").arg(path));
        return nullptr;
    }
    if (source->runs.empty()) {
        const auto error = std::find_if(source->problems.begin(), source->problems.end(),
            [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
        printErr(error != source->problems.end()
                ? Tr::tr("runlens-cli: no run could be read from %1: %2").arg(path, error->toString())
                : Tr::tr("runlens-cli: no run could be read from %1: it holds no timeline line").arg(path));
        return nullptr;
    }
    if (std::none_of(
            source->runs.begin(), source->runs.end(), [&](const RunPtr& run) { return filter.matches(*run); })) {
        printErr(filter.window.isAll()
                ? Tr::tr("runlens-cli: no run of %1 matches the --session/--run given").arg(path)
                : Tr::tr("runlens-cli: no run of %1 matches the --session/--run/--since/--until given").arg(path));
        return nullptr;
    }
    return source;
}

// The suppression file: --suppress FILE (must exist), else .runlens-suppress next to PATH when present.
QString suppressionFile(const QString& path, const QString& explicitFile)
{
    return explicitFile.isEmpty() ? Inputs::suppressionFileFor(path) : explicitFile;
}

// What a command that reads `source` (and its suppression file) must never write over.
OutputRules outputRules(const Source& source, const QString& suppressions, bool force)
{
    return OutputRules { source.inputFiles + QStringList { suppressions }, force };
}

bool loadSuppressions(Suppressions* suppressions, const QString& path, const QString& explicitFile)
{
    QString error;
    if (!loadSuppressionFile(suppressions, path, explicitFile, &error)) {
        printErr(QStringLiteral("runlens-cli: ") + error);
        return false;
    }
    for (const Diagnostic& problem : suppressions->problems())
        printErr(QStringLiteral("runlens-cli: ") + problem.toString());
    return true;
}

int report(QCommandLineParser& parser, const QStringList& arguments, bool runsOnly)
{
    QCommandLineOption formatOption(QStringLiteral("format"), Tr::tr("Output format: json, md or text (default json)."),
        QStringLiteral("FORMAT"), QStringLiteral("json"));
    const RunSelectionOptions selection(parser);
    if (!runsOnly)
        parser.addOption(formatOption);
    parser.addPositionalArgument(
        QStringLiteral("PATH"), Tr::tr("A runpack zip, a timeline directory or a .jsonl file."));
    if (const int code = parseCommandLine(parser, arguments); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        printErr(Tr::tr("runlens-cli: %1 takes exactly one PATH").arg(positional.value(0)));
        return 2;
    }
    const QString format = runsOnly ? QString() : parser.value(formatOption); // `runs` has no --format
    if (!runsOnly && format != QLatin1String("json") && format != QLatin1String("md")
        && format != QLatin1String("text")) {
        printErr(Tr::tr("runlens-cli: unknown format \"%1\" (json, md, text)").arg(format));
        return 2;
    }
    RunFilter filter;
    if (!selection.read(parser, &filter))
        return 2;
    const SourcePtr source = load(positional.at(1), filter);
    if (!source)
        return 2;
    Suppressions suppressions;
    if (!loadSuppressions(&suppressions, positional.at(1), {}))
        return 2;
    const HintSettings hints { &suppressions };
    if (runsOnly)
        printOut(runsListText(*source, filter));
    else if (format == QLatin1String("md"))
        printOut(reportMarkdown(*source, filter, hints));
    else if (format == QLatin1String("text"))
        printOut(reportText(*source, filter, hints));
    else
        writeReportJson(*source, filter, hints, printOut); // streamed: a big report is never whole in memory
    return 0;
}

int hints(QCommandLineParser& parser, const QStringList& arguments)
{
    QCommandLineOption formatOption(QStringLiteral("format"),
        Tr::tr("Output format: text, md, json, csv, sarif or junit (default text)."), QStringLiteral("FORMAT"),
        QStringLiteral("text"));
    QCommandLineOption failOnOption(QStringLiteral("fail-on"),
        Tr::tr("Exit 1 when a hint at or above this severity is active: error, warning, "
               "note or never (default warning)."),
        QStringLiteral("SEVERITY"), QStringLiteral("warning"));
    QCommandLineOption suppressOption(QStringLiteral("suppress"),
        Tr::tr("Suppression file (default: .runlens-suppress next to PATH)."), QStringLiteral("FILE"));
    const RunSelectionOptions selection(parser);
    parser.addOptions({ formatOption, failOnOption, suppressOption });
    parser.addPositionalArgument(
        QStringLiteral("PATH"), Tr::tr("A runpack zip, a timeline directory or a .jsonl file."));
    if (const int code = parseCommandLine(parser, arguments); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        printErr(Tr::tr("runlens-cli: hints takes exactly one PATH"));
        return 2;
    }
    const QString format = parser.value(formatOption);
    static const QStringList formats = { QStringLiteral("text"), QStringLiteral("md"), QStringLiteral("json"),
        QStringLiteral("csv"), QStringLiteral("sarif"), QStringLiteral("junit") };
    if (!formats.contains(format)) {
        printErr(Tr::tr("runlens-cli: unknown format \"%1\" (%2)").arg(format, formats.join(QLatin1String(", "))));
        return 2;
    }
    const QString failOnName = parser.value(failOnOption);
    Severity failOn = Severity::Warning;
    const bool never = failOnName == QLatin1String("never");
    if (!never && !parseSeverity(failOnName, &failOn)) {
        printErr(Tr::tr("runlens-cli: unknown --fail-on \"%1\" (error, warning, note, never)").arg(failOnName));
        return 2;
    }
    RunFilter filter;
    if (!selection.read(parser, &filter))
        return 2;
    const SourcePtr source = load(positional.at(1), filter);
    if (!source)
        return 2;
    Suppressions suppressions;
    if (!loadSuppressions(&suppressions, positional.at(1), parser.value(suppressOption)))
        return 2;
    const HintReport report = buildHintReport(*source, filter, { &suppressions });
    if (format == QLatin1String("md"))
        printOut(hintsMarkdown(report));
    else if (format == QLatin1String("json"))
        printOut(hintsJson(report));
    else if (format == QLatin1String("csv"))
        printOut(hintsCsv(report));
    else if (format == QLatin1String("sarif"))
        printOut(hintsSarif(report));
    else if (format == QLatin1String("junit"))
        printOut(hintsJunit(report, never ? Severity::Error : failOn));
    else
        printOut(hintsText(report));
    return !never && report.countAtOrAbove(failOn) > 0 ? 1 : 0;
}

int explainRule(QCommandLineParser& parser, const QStringList& arguments)
{
    QCommandLineOption ruleOption(
        QStringLiteral("rule"), Tr::tr("The rule kind, for example gap:hydrate."), QStringLiteral("KIND"));
    const RunSelectionOptions selection(parser);
    parser.addOptions({ ruleOption });
    parser.addPositionalArgument(
        QStringLiteral("PATH"), Tr::tr("A runpack zip, a timeline directory or a .jsonl file."));
    if (const int code = parseCommandLine(parser, arguments); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const Rule* rule = findRule(parser.value(ruleOption));
    if (positional.size() != 2 || !rule) {
        printErr(positional.size() != 2 ? Tr::tr("runlens-cli: explain takes exactly one PATH")
                                        : Tr::tr("runlens-cli: unknown rule \"%1\"; 'runlens-cli rules' lists them")
                                              .arg(parser.value(ruleOption)));
        return 2;
    }
    RunFilter filter;
    if (!selection.read(parser, &filter))
        return 2;
    const SourcePtr source = load(positional.at(1), filter);
    if (!source)
        return 2;
    QString out = Tr::tr("%1 (%2): %3\n").arg(rule->kind, severityName(rule->severity), rule->condition);
    for (const RunPtr& run : source->runs) {
        if (!filter.matches(*run))
            continue;
        const Explanation explanation = explain(*run, rule->kind);
        out += QStringLiteral("%1/%2: ").arg(printable(run->sessionId), printable(run->runId));
        if (explanation.fired) {
            QStringList messages;
            for (const Hint& hint : explanation.hints)
                messages.append(hint.msg);
            out += Tr::tr("fires: %1").arg(printable(messages.join(QLatin1String(" | "))));
        } else {
            out += Tr::tr("does not fire: %1").arg(printable(explanation.whyNot));
        }
        if (rule->upstream && run->hasStoredHints) {
            const bool stored = std::any_of(run->storedHints.begin(), run->storedHints.end(),
                [&](const StoredHint& h) { return h.kind == rule->kind; });
            out += stored ? Tr::tr(" (the pack stores this hint)") : Tr::tr(" (the pack stores no such hint)");
        }
        out += u'\n';
    }
    printOut(out.toUtf8());
    return 0;
}

// Writes to OUT atomically (the old file stays until the new one is complete), or to stdout for "-" and "".
bool writeOutput(const QByteArray& bytes, const QString& fileName, const OutputRules& rules)
{
    if (fileName.isEmpty() || fileName == QLatin1String("-")) {
        printOut(bytes);
        return true;
    }
    QString error;
    if (!writeOutputFile(fileName, bytes, rules, &error)) {
        printErr(QStringLiteral("runlens-cli: ") + error);
        return false;
    }
    return true;
}

int pack(QCommandLineParser& parser, const QStringList& arguments)
{
    QCommandLineOption sessionOption(
        QStringLiteral("session"), Tr::tr("The session to pack (required)."), QStringLiteral("ID"));
    QCommandLineOption runOption(
        QStringLiteral("run"), Tr::tr("One run; without it, every run of the session."), QStringLiteral("ID"));
    QCommandLineOption reasonOption(QStringLiteral("reason"), Tr::tr("meta.json reason."), QStringLiteral("TEXT"));
    QCommandLineOption layoutOption(QStringLiteral("layout"), Tr::tr("upstream (default) or seed."),
        QStringLiteral("LAYOUT"), QStringLiteral("upstream"));
    QCommandLineOption redactOption(QStringLiteral("redact"),
        Tr::tr("Replace secrets, user names, query texts, absolute paths, host names, IP and e-mail "
               "addresses with placeholders (docs/reliability.md, Redaction)."));
    QCommandLineOption outOption(
        { QStringLiteral("o"), QStringLiteral("output") }, Tr::tr("The zip to write."), QStringLiteral("OUT.zip"));
    QCommandLineOption forceOption(QStringLiteral("force"), Tr::tr("Replace OUT.zip when it exists."));
    parser.addOptions({ sessionOption, runOption, reasonOption, layoutOption, redactOption, outOption, forceOption });
    const TimeWindowOptions windowOptions(parser);
    parser.addPositionalArgument(
        QStringLiteral("PATH"), Tr::tr("A runpack zip, a timeline directory or a .jsonl file."));
    if (const int code = parseCommandLine(parser, arguments); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString layout = parser.value(layoutOption);
    if (positional.size() != 2 || !parser.isSet(sessionOption) || !parser.isSet(outOption)
        || (layout != QLatin1String("upstream") && layout != QLatin1String("seed"))) {
        printErr(Tr::tr("runlens-cli: pack takes PATH, --session ID, -o OUT.zip and --layout upstream|seed"));
        return 2;
    }
    PackOptions options;
    if (!windowOptions.read(parser, &options.window))
        return 2;
    const SourcePtr source = load(positional.at(1), RunFilter { {}, {}, options.window });
    if (!source)
        return 2;
    options.sessionId = parser.value(sessionOption);
    options.runId = parser.value(runOption);
    options.reason = parser.value(reasonOption);
    options.layout = layout == QLatin1String("seed") ? PackOptions::Layout::Seed : PackOptions::Layout::Upstream;
    options.redact = parser.isSet(redactOption);
    const QString out = parser.value(outOption);
    const OutputRules rules = outputRules(*source, suppressionFile(positional.at(1), {}), parser.isSet(forceOption));
    if (const QString refusal = outputRefusal(out, rules); !refusal.isEmpty()) { // before the work, not after
        printErr(QStringLiteral("runlens-cli: ") + refusal);
        return 2;
    }
    PackMembers members;
    QByteArray zip;
    QString error;
    if (!buildPack(*source, options, &members, &error) || !ZipArchive::writeToBuffer(&zip, members, &error)) {
        printErr(QStringLiteral("runlens-cli: ") + error);
        return 2;
    }
    return writeOutput(zip, out, rules) ? 0 : 2;
}

int exportSummaryCommand(QCommandLineParser& parser, const QStringList& arguments)
{
    QCommandLineOption formatOption(QStringLiteral("format"),
        Tr::tr("md, csv, json, html, chrome-trace or otlp (default md)."), QStringLiteral("FORMAT"),
        QStringLiteral("md"));
    QCommandLineOption outOption({ QStringLiteral("o"), QStringLiteral("output") },
        Tr::tr("Write to FILE instead of stdout."), QStringLiteral("FILE"));
    QCommandLineOption suppressOption(QStringLiteral("suppress"),
        Tr::tr("Suppression file (default: .runlens-suppress next to PATH)."), QStringLiteral("FILE"));
    const RunSelectionOptions selection(parser);
    parser.addOptions({ formatOption, outOption, suppressOption });
    parser.addPositionalArgument(
        QStringLiteral("PATH"), Tr::tr("A runpack zip, a timeline directory or a .jsonl file."));
    if (const int code = parseCommandLine(parser, arguments); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    ExportFormat format;
    if (positional.size() != 2 || !parseExportFormat(parser.value(formatOption), &format)) {
        printErr(Tr::tr("runlens-cli: export takes one PATH and --format md|csv|json|html|chrome-trace|otlp"));
        return 2;
    }
    RunFilter filter;
    if (!selection.read(parser, &filter))
        return 2;
    const SourcePtr source = load(positional.at(1), filter);
    if (!source)
        return 2;
    // export writes over an existing file, as -o does in most tools; never over what it reads.
    const OutputRules rules =
        outputRules(*source, suppressionFile(positional.at(1), parser.value(suppressOption)), true);
    if (const QString refusal = outputRefusal(parser.value(outOption), rules);
        parser.isSet(outOption) && !refusal.isEmpty()) {
        printErr(QStringLiteral("runlens-cli: ") + refusal);
        return 2;
    }
    Suppressions suppressions;
    if (!loadSuppressions(&suppressions, positional.at(1), parser.value(suppressOption)))
        return 2;
    const HintReport report = buildHintReport(*source, filter, { &suppressions });
    return writeOutput(exportSummary(report, format), parser.value(outOption), rules) ? 0 : 2;
}

int listRules(QCommandLineParser& parser, const QStringList& arguments)
{
    if (const int code = parseCommandLine(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        printErr(Tr::tr("runlens-cli: rules takes no PATH"));
        return 2;
    }
    QString out = QStringLiteral("kind\tseverity\torigin\tcondition\tmessage\n");
    for (const Rule& rule : allRules())
        out += QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                   .arg(rule.kind, severityName(rule.severity),
                       rule.upstream ? QStringLiteral("upstream") : QStringLiteral("runlens"), rule.condition,
                       rule.message);
    printOut(out.toUtf8());
    return 0;
}

} // namespace

TimeWindowOptions::TimeWindowOptions(QCommandLineParser& parser)
    : m_since(QStringLiteral("since"),
        Tr::tr("Only runs that start at or after TIME: ISO 8601 with a zone (2026-11-24T10:00:00Z) or epoch "
               "seconds."),
        QStringLiteral("TIME"))
    , m_until(QStringLiteral("until"), Tr::tr("Only runs that start before TIME (as --since)."), QStringLiteral("TIME"))
{
    parser.addOptions({ m_since, m_until });
}

RunSelectionOptions::RunSelectionOptions(QCommandLineParser& parser)
    : m_session(QStringLiteral("session"), Tr::tr("Only runs of session ID."), QStringLiteral("ID"))
    , m_run(QStringLiteral("run"), Tr::tr("Only run ID."), QStringLiteral("ID"))
    , m_window(parser)
{
    parser.addOptions({ m_session, m_run });
}

bool RunSelectionOptions::read(const QCommandLineParser& parser, RunFilter* filter) const
{
    filter->sessionId = parser.value(m_session);
    filter->runId = parser.value(m_run);
    return m_window.read(parser, &filter->window);
}

bool TimeWindowOptions::read(const QCommandLineParser& parser, TimeWindow* window) const
{
    const auto value = [&parser](const QCommandLineOption& option) {
        return parser.isSet(option) ? std::optional(parser.value(option)) : std::nullopt;
    };
    QString badOption;
    QString error;
    const std::optional<TimeWindow> parsed = parseTimeWindow(value(m_since), value(m_until), &badOption, &error);
    if (!parsed) {
        printErr(badOption.isEmpty() ? Tr::tr("runlens-cli: --since must come before --until")
                                     : QStringLiteral("runlens-cli: --%1: %2").arg(badOption, error));
        return false;
    }
    *window = *parsed;
    return true;
}

int parseCommandLine(QCommandLineParser& parser, const QStringList& arguments)
{
    if (!parser.parse(arguments)) {
        printErr(QStringLiteral("runlens-cli: ") + parser.errorText());
        printErr(Tr::tr("Run 'runlens-cli %1 --help' for its options.").arg(arguments.value(1)));
        return 2;
    }
    const QStringList given = parser.optionNames(); // names as given: no warning for an option not defined
    if (given.contains(QStringLiteral("help")) || given.contains(QStringLiteral("h"))
        || given.contains(QStringLiteral("?")) || given.contains(QStringLiteral("help-all"))) {
        QString text = parser.helpText();
        // Qt's usage line starts with QCoreApplication::arguments()[0], an absolute path when run by one.
        const QString program = QCoreApplication::arguments().value(0);
        const qsizetype lineEnd = text.indexOf(u'\n');
        const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
        if (at >= 0 && at < lineEnd)
            text.replace(at, program.size(), QStringLiteral("runlens-cli ") + arguments.value(1));
        printOut(text.toUtf8());
        return 0;
    }
    if (given.contains(QStringLiteral("version")) || given.contains(QStringLiteral("v"))) {
        printOut(QByteArrayLiteral("runlens-cli " RUNLENS_VERSION "\n"));
        return 0;
    }
    return -1;
}

void printErr(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

void printOut(const QByteArray& bytes)
{
    if (g_stdoutError != 0)
        return;
    errno = 0;
    if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size())
        || std::fflush(stdout) != 0)
        g_stdoutError = errno != 0 ? errno : EIO;
}

bool stdoutFailed()
{
    return g_stdoutError != 0;
}

void checkStdoutReader()
{
    struct stat st = {};
    if (g_stdoutError != 0 || ::fstat(STDOUT_FILENO, &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
        return;
    pollfd out = { STDOUT_FILENO, 0, 0 };
    if (::poll(&out, 1, 0) == 1 && (out.revents & (POLLERR | POLLHUP)) != 0)
        g_stdoutError = EPIPE;
}

static int runCommand(const QStringList& arguments);

int runCli(const QStringList& arguments)
{
    const int code = runCommand(arguments);
    // A full disk or a reader gone (EPIPE, with SIGPIPE ignored as under systemd): the output is incomplete,
    // and saying so is the exit code's job.
    if (g_stdoutError != 0) {
        printErr(Tr::tr("runlens-cli: cannot write to standard output: %1")
                     .arg(QString::fromLocal8Bit(std::strerror(g_stdoutError))));
        return 2;
    }
    return code;
}

static int runCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Runlens: forensics for codeintel_rev runpacks and timelines."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QString command = arguments.value(1);
    if (command.isEmpty() || command.startsWith(QLatin1Char('-'))) {
        if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
            printOut(QByteArrayLiteral("runlens-cli " RUNLENS_VERSION "\n"));
            return 0;
        }
        if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("-?")
            || command == QLatin1String("--help-all")) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (!command.isEmpty())
            printErr(Tr::tr("runlens-cli: unknown option \"%1\"").arg(command));
        std::fputs(kUsage, stderr); // no command, or an option where the command belongs: a usage error
        return 2;
    }
    if (command == QLatin1String("report"))
        return report(parser, arguments, false);
    if (command == QLatin1String("runs"))
        return report(parser, arguments, true);
    if (command == QLatin1String("hints"))
        return hints(parser, arguments);
    if (command == QLatin1String("explain"))
        return explainRule(parser, arguments);
    if (command == QLatin1String("rules"))
        return listRules(parser, arguments);
    if (command == QLatin1String("pack"))
        return pack(parser, arguments);
    if (command == QLatin1String("export"))
        return exportSummaryCommand(parser, arguments);
    if (command == QLatin1String("follow"))
        return followCommand(parser, arguments);
    if (command == QLatin1String("synth"))
        return synthCommand(parser, arguments);
    if (command == QLatin1String("triage"))
        return triageCommand(parser, arguments);
    if (command == QLatin1String("diff"))
        return diffCommand(parser, arguments);
    printErr(Tr::tr("runlens-cli: unknown command \"%1\"").arg(command));
    std::fputs(kUsage, stderr);
    return 2;
}

} // namespace Runlens
