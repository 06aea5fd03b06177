// SPDX-License-Identifier: MIT
// A long follow, faster than real time (issue 17): synthesized upstream lines at RATE lines a second of the
// server's clock are written a minute at a time into rotated files of a followed directory, read by a
// TimelineTailer into a LiveTimeline that lets go of settled runs older than the retention, as
// `runlens-cli follow` and the window do. Prints, every simulated half hour, the lines read, the runs held and
// let go, the interned texts and the process's private memory (RssAnon), which must stay flat after warm-up.
//
//   bench_follow [--hours H (default 2)] [--rate LINES_PER_S (default 5000)] [--keep-minutes M (default 60)]
//                [--every M (simulated minutes between rows, default 30)]

#include "atom.h"
#include "livetimeline.h"
#include "synth.h"
#include "timelinetailer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdio>

using namespace Runlens;

namespace {

// Private resident memory, as the issue measures it: RssAnon of /proc/self/status, in MiB.
double rssAnonMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("RssAnon:"))
            return line.mid(8).trimmed().split(' ').front().toDouble() / 1024.0;
    }
    return -1;
}

double option(const QStringList& arguments, const QString& name, double fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1).toDouble() : fallback;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const double hours = option(arguments, QStringLiteral("--hours"), 2);
    const double rate = option(arguments, QStringLiteral("--rate"), 5000);
    const double keepMinutes = option(arguments, QStringLiteral("--keep-minutes"), 60);
    const int every = std::max(1, int(option(arguments, QStringLiteral("--every"), 30))); // simulated minutes

    QTemporaryDir scratch;
    QTemporaryDir followed;
    if (!scratch.isValid() || !followed.isValid())
        return 2;
    TimelineTailer tailer(followed.path());
    LiveTimeline live;
    live.setRetentionSeconds(keepMinutes * 60);

    std::printf("simulated_min\tlines\truns_held\truns_let_go\tatoms\trss_anon_mib\twall_s\n");
    QElapsedTimer wall;
    wall.start();
    const qint64 startEpoch = 1795560451;
    const int minutes = int(hours * 60);
    QStringList previous; // the files of the minute before
    for (int minute = 0; minute < minutes; ++minute) {
        // One minute of a server with as many client sessions as the rate needs (a session writes about 3.5
        // lines a second), written as one rotated file the follower picks up; the one before is deleted.
        SynthOptions options;
        options.events = qint64(rate * 60);
        options.sessions = std::max(1, int(rate / 3.5));
        options.seed = quint64(minute) + 1;
        options.files = 1;
        options.startEpoch = startEpoch + minute * 60;
        options.force = true;
        SynthStats stats;
        QString error;
        if (!synthesizeTimeline(scratch.path(), options, &stats, &error)) {
            std::fprintf(stderr, "bench_follow: %s\n", qPrintable(error));
            return 2;
        }
        // Every file of the minute (two when it crosses midnight: the day's file and the next day's), renamed as
        // rotated segments of their day, in write order; the minute before's are deleted, as a cleanup would.
        for (const QString& gone : std::as_const(previous))
            QFile::remove(followed.filePath(gone));
        previous.clear();
        for (qsizetype f = 0; f < stats.files.size(); ++f) {
            const QString day = stats.files.at(f).section(u'-', 1, 1).left(8);
            const QString name = QStringLiteral("events-%1-%2.jsonl").arg(day).arg(options.startEpoch + f);
            if (!QFile::rename(scratch.filePath(stats.files.at(f)), followed.filePath(name)))
                return 2;
            previous.append(name);
        }
        for (bool more = true; more;) {
            TailBatch batch = tailer.poll();
            more = batch.more;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            live.applyBatch(std::move(batch), now);
            live.markIdle(now);
            if (!live.evictSettled().empty())
                returnFreedMemory(); // as runlens-cli follow and the window do
        }
        if ((minute + 1) % every == 0 || minute + 1 == minutes) {
            std::printf("%d\t%lld\t%zu\t%lld\t%u\t%.0f\t%.1f\n", minute + 1, qlonglong(live.eventCount()),
                live.runs().size(), qlonglong(live.evictedCount()), Atom::tableSize(), rssAnonMiB(),
                double(wall.elapsed()) / 1000.0);
            std::fflush(stdout);
        }
    }
    return 0;
}
