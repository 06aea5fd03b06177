// SPDX-License-Identifier: MIT
#include "followcommand.h"

#include "clicommands.h"
#include "duration.h"
#include "engine.h"
#include "hintreport.h"
#include "livetimeline.h"
#include "runfilter.h"
#include "runreport.h"
#include "source.h"
#include "suppressionfile.h"
#include "timelinetailer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <csignal>
#include <cstdio>
#include <ctime>
#include <optional>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Cli)
};

volatile std::sig_atomic_t s_stop = 0;

void requestStop(int)
{
    s_stop = 1; // nothing else is async-signal-safe enough to do here
}

// SIGINT and SIGTERM end the follow loop while they are installed. Without SA_RESTART the sleep
// between polls returns at once, so the process exits within one poll.
class StopSignals
{
public:
    StopSignals()
    {
        s_stop = 0;
        struct sigaction action = {};
        action.sa_handler = requestStop;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_previousInt);
        sigaction(SIGTERM, &action, &m_previousTerm);
    }
    ~StopSignals()
    {
        sigaction(SIGINT, &m_previousInt, nullptr);
        sigaction(SIGTERM, &m_previousTerm, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

private:
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
};

void sleepMs(int ms)
{
    const timespec duration { ms / 1000, long(ms % 1000) * 1000 * 1000 };
    nanosleep(&duration, nullptr); // EINTR ends it early, which is the point
}

bool isFinished(RunStatus status)
{
    return status == RunStatus::Complete || status == RunStatus::Error || status == RunStatus::CutOff;
}

// Prints what changed since the last call: a run once it finished (again if its status changes, as
// when the end of a cut-off run arrives late) and each hint the first time it shows.
class Printer
{
public:
    Printer(const LiveTimeline& live, bool jsonl, RunFilter filter, const Suppressions* suppressions)
        : m_live(live)
        , m_jsonl(jsonl)
        , m_filter(std::move(filter))
        , m_suppressions(suppressions)
    { }

    /// Notes the runs a poll changed; they are printed by flush() once they have settled.
    void update(const std::vector<RunPtr>& changed, qint64 nowMs)
    {
        for (const RunPtr& run : changed) {
            if (m_filter.matches(*run))
                m_pending.insert(key(*run), { run, nowMs });
        }
    }

    /// Prints the runs that have settled: not in progress (a run still being written would get gap
    /// hints for every stage it has not reached yet), and without a new line for kSettleMs, since
    /// upstream writes lines after the tool's end (its step.end, the http.request).
    void flush(qint64 nowMs)
    {
        for (auto it = m_pending.begin(); it != m_pending.end();) {
            const RunPtr run = it->run;
            if (m_live.isInProgress(*run) || nowMs - it->changedMs < kSettleMs) {
                ++it;
                continue;
            }
            it = m_pending.erase(it);
            print(run);
        }
    }

    /// Forgets a run the timeline let go of: printed now if it was still waiting to settle.
    void forget(const RunPtr& run)
    {
        const QString runKey = key(*run);
        if (m_pending.remove(runKey))
            print(run);
        m_printed.remove(runKey);
    }

private:
    static constexpr qint64 kSettleMs = 100;

    struct Pending
    {
        RunPtr run;
        qint64 changedMs = 0;
    };

    static QString key(const Run& run) { return run.sessionId + QLatin1Char('\n') + run.runId; }

    void print(const RunPtr& run)
    {
        Hints hints = detectRun(*run);
        m_suppressions->apply(hints);
        Printed& printed = m_printed[key(*run)];
        if (isFinished(run->status) && printed.status != run->status) {
            printed.status = run->status;
            printOut((m_jsonl ? runJson(run, hints) : runText(*run, hints)) + '\n');
        }
        for (const Hint& hint : hints) {
            if (!hint.isActive() || printed.hints.contains(hint.kind + QLatin1Char('\n') + hint.msg))
                continue;
            printed.hints.insert(hint.kind + QLatin1Char('\n') + hint.msg);
            printOut((m_jsonl ? hintJson(*run, hint) : hintText(*run, hint)) + '\n');
        }
    }

    struct Printed
    {
        std::optional<RunStatus> status;
        QSet<QString> hints;
    };

    // The object runlens-cli report puts in "runs", so that both outputs parse the same way.
    static QByteArray runJson(const RunPtr& run, const Hints& hints)
    {
        QJsonObject object = QJsonDocument::fromJson(runReportJson(*run, hints)).object();
        object.insert(QStringLiteral("type"), QStringLiteral("run"));
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    static QByteArray hintJson(const Run& run, const Hint& hint)
    {
        QJsonObject object = hintToJson(hint);
        object.insert(QStringLiteral("type"), QStringLiteral("hint"));
        object.insert(QStringLiteral("session_id"), run.sessionId);
        object.insert(QStringLiteral("run_id"), run.runId);
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    static QByteArray runText(const Run& run, const Hints& hints)
    {
        QStringList kinds;
        for (const Hint& hint : hints) {
            if (hint.isActive())
                kinds.append(hint.kind);
        }
        const QString duration = formatDuration(run.durationMs);
        return QStringLiteral("run\t%1\t%2\t%3\t%4\t%5")
            .arg(run.sessionId, run.runId, runStatusName(run.status),
                duration.isEmpty() ? QStringLiteral("-") : duration,
                kinds.isEmpty() ? QStringLiteral("-") : kinds.join(QLatin1Char(',')))
            .toUtf8();
    }

    static QByteArray hintText(const Run& run, const Hint& hint)
    {
        return QStringLiteral("hint\t%1\t%2\t%3\t%4\t%5")
            .arg(run.sessionId, run.runId, severityName(hint.severity), hint.kind, hint.msg)
            .toUtf8();
    }

    const LiveTimeline& m_live;
    bool m_jsonl;
    RunFilter m_filter;
    const Suppressions* m_suppressions;
    QHash<QString, Printed> m_printed;
    QHash<QString, Pending> m_pending;
};

} // namespace

int followCommand(QCommandLineParser& parser, const QStringList& arguments)
{
    QCommandLineOption formatOption(QStringLiteral("format"), Tr::tr("Output format: text or jsonl (default text)."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
    QCommandLineOption sessionOption(
        QStringLiteral("session"), Tr::tr("Only runs of session ID."), QStringLiteral("ID"));
    QCommandLineOption sinceStartOption(
        QStringLiteral("since-start"), Tr::tr("Read the files from their start instead of only what is appended."));
    QCommandLineOption idleOption(QStringLiteral("idle-seconds"),
        Tr::tr("Seconds without new lines before an open run counts as cut off (default 30)."), QStringLiteral("N"),
        QStringLiteral("30"));
    QCommandLineOption pollOption(QStringLiteral("poll-ms"), Tr::tr("Milliseconds between polls (default 100)."),
        QStringLiteral("N"), QStringLiteral("100"));
    QCommandLineOption keepOption(QStringLiteral("keep-minutes"),
        Tr::tr("Minutes a settled run stays in memory after its last line, on the server's clock, so that a long "
               "follow stays flat; 0 keeps every run (default 60)."),
        QStringLiteral("N"), QStringLiteral("60"));
    parser.addOptions({ formatOption, sessionOption, sinceStartOption, idleOption, pollOption, keepOption });
    parser.addPositionalArgument(QStringLiteral("DIR"), Tr::tr("The timeline directory the server writes."));
    if (const int code = parseCommandLine(parser, arguments); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString format = parser.value(formatOption);
    bool idleOk = false;
    bool pollOk = false;
    bool keepOk = false;
    const int idleSeconds = parser.value(idleOption).toInt(&idleOk);
    const int pollMs = parser.value(pollOption).toInt(&pollOk);
    const double keepMinutes = parser.value(keepOption).toDouble(&keepOk);
    if (positional.size() != 2 || (format != QLatin1String("text") && format != QLatin1String("jsonl")) || !idleOk
        || idleSeconds < 1 || !pollOk || pollMs < 10 || !keepOk || !(keepMinutes >= 0)) {
        printErr(Tr::tr("runlens-cli: follow takes one DIR, --format text|jsonl, --idle-seconds N >= 1, "
                        "--poll-ms N >= 10 and --keep-minutes N >= 0"));
        return 2;
    }
    const QString& directory = positional.at(1);
    if (QFile::exists(directory) && !QFileInfo(directory).isDir()) {
        printErr(Tr::tr("runlens-cli: %1 is not a directory").arg(directory));
        return 2;
    }
    if (!QFile::exists(directory))
        printErr(Tr::tr("runlens-cli: %1 does not exist yet; waiting for it").arg(directory));

    Suppressions suppressions;
    QString suppressionError;
    if (!loadSuppressionFile(&suppressions, directory, {}, &suppressionError)) {
        printErr(QStringLiteral("runlens-cli: ") + suppressionError);
        return 2;
    }
    for (const Diagnostic& problem : suppressions.problems())
        printErr(QStringLiteral("runlens-cli: ") + problem.toString());

    TimelineTailer tailer(directory);
    if (!parser.isSet(sinceStartOption))
        tailer.startAtEnd();
    LiveTimeline live;
    live.setIdleThresholdMs(qint64(idleSeconds) * 1000);
    live.setRetentionSeconds(keepMinutes * 60);
    Printer printer(
        live, format == QLatin1String("jsonl"), RunFilter { parser.value(sessionOption), {}, {} }, &suppressions);

    const StopSignals stopSignals;
    for (bool first = true; !s_stop; first = false) {
        TailBatch batch = tailer.poll();
        const bool more = batch.more;
        // After the first poll, so that whoever waits for this line knows where following starts.
        if (first)
            printErr(parser.isSet(sinceStartOption)
                    ? Tr::tr("runlens-cli: following %1 from the start of its files; Ctrl+C stops").arg(directory)
                    : Tr::tr("runlens-cli: following %1 from the end of its files; Ctrl+C stops").arg(directory));
        for (const Diagnostic& problem : std::as_const(batch.problems))
            printErr(QStringLiteral("runlens-cli: ") + problem.toString());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        std::vector<RunPtr> changed = live.applyBatch(std::move(batch), now);
        const std::vector<RunPtr> quiet = live.markIdle(now);
        changed.insert(changed.end(), quiet.begin(), quiet.end());
        printer.update(changed, now);
        printer.flush(now);
        bool letGo = false;
        for (const RunPtr& run : live.evictSettled()) {
            printer.forget(run);
            letGo = true;
        }
        if (letGo)
            returnFreedMemory(); // the runs are gone by now
        // With SIGPIPE ignored (as under systemd) a reader gone is a failed write, or a closed pipe noticed
        // without one: runCli() then says so and exits with 2, rather than following on for nobody.
        checkStdoutReader();
        if (stdoutFailed())
            return 2;
        if (!more)
            sleepMs(pollMs);
    }
    return 0;
}

} // namespace Runlens
