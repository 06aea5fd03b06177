// SPDX-License-Identifier: MIT
// Follow under rotation bursts (spec 2.1): a writer renames, replaces, copies, truncates and deletes files
// at every point of a poll a test can reach, swaps a FIFO in, pads a file with NUL bytes, and rotates
// a hundred times a second beside a polling follower. Every line must be read exactly once; only lines
// that really were lost on disk before the follower could see them may be missing.
#include "engine.h"
#include "runfixture.h"
#include "source.h"
#include "sourcereader.h"
#include "synth.h"
#include "timelinereader.h"
#include "timelinetailer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <future>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Runlens;

namespace {

const QString kCurrent = QStringLiteral("events-20261124.jsonl");
constexpr qint64 kFirstEpoch = 1795560450;

QString segmentName(qint64 epoch)
{
    return QStringLiteral("events-20261124-%1.jsonl").arg(epoch);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes, QIODevice::OpenMode mode = QIODevice::Append)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | mode) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

bool renameFile(const QString& from, const QString& to)
{
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

/// The real lines of three fixture timelines (238 lines, each different), without line breaks.
QList<QByteArray> fixtureLines()
{
    QList<QByteArray> lines;
    for (const QString& file : { Test::kHappyFile, Test::kSparseFile, Test::kErrorFile }) {
        for (const QByteArray& line : readAll(Test::fixture(file)).split('\n')) {
            if (!line.isEmpty())
                lines.append(line);
        }
    }
    return lines;
}

/// The lines of the timeline files in a directory as they are now, as runlens-cli report reads them.
QList<QByteArray> linesOnDisk(const QString& directory)
{
    QList<QByteArray> lines;
    for (const QString& name : TimelineReader::timelineFiles(directory)) {
        const QString path = QDir(directory).filePath(name);
        if (!QFileInfo(path).isFile())
            continue;
        for (const QByteArray& line : readAll(path).split('\n')) {
            if (!line.isEmpty())
                lines.append(line);
        }
    }
    return lines;
}

/// A tailer and every line it read (as written, without the line break) and every problem it reported.
struct Collector
{
    explicit Collector(const QString& directory)
        : tailer(directory)
    { }

    void poll()
    {
        bool more = true;
        while (more) {
            const TailBatch batch = tailer.poll();
            more = batch.more;
            for (const Event& event : batch.events) {
                bool reread = false;
                QString error;
                const QByteArray line =
                    batch.buffers[size_t(event.buffer)]->line(event.offset, event.length, &reread, &error);
                lines.append(QByteArray(line.constData(), line.size())); // the batch and its buffers go
            }
            problems += batch.problems;
        }
    }

    QStringList problemCodes() const
    {
        QStringList codes;
        for (const Diagnostic& problem : problems)
            codes.append(problem.code.isEmpty() ? problem.message : problem.code);
        return codes;
    }

    TimelineTailer tailer;
    QList<QByteArray> lines;
    Diagnostics problems;
};

QString sample(const QList<QByteArray>& lines)
{
    QStringList shown;
    for (const QByteArray& line : lines.mid(0, 3))
        shown.append(QString::fromUtf8(line.left(100)));
    return QStringLiteral("%1 lines, e.g. ").arg(lines.size()) + shown.join(QLatin1String(" | "));
}

/// Exactly once: no line read twice, none read that was not written, every line still on disk read,
/// and of the written lines that were not read, only ones in `mayLose`.
void checkExactlyOnce(const QList<QByteArray>& read, const QList<QByteArray>& written, const QList<QByteArray>& onDisk,
    const QSet<QByteArray>& mayLose)
{
    QSet<QByteArray> seen;
    QList<QByteArray> twice;
    for (const QByteArray& line : read) {
        if (seen.contains(line))
            twice.append(line);
        seen.insert(line);
    }
    QVERIFY2(twice.isEmpty(), qPrintable(QStringLiteral("read twice: ") + sample(twice)));
    const QSet<QByteArray> writtenSet(written.begin(), written.end());
    QList<QByteArray> invented, missing, lost;
    for (const QByteArray& line : read) {
        if (!writtenSet.contains(line))
            invented.append(line);
    }
    for (const QByteArray& line : onDisk) {
        if (!seen.contains(line))
            missing.append(line);
    }
    for (const QByteArray& line : written) {
        if (!seen.contains(line) && !mayLose.contains(line))
            lost.append(line);
    }
    QVERIFY2(invented.isEmpty(), qPrintable(QStringLiteral("read but never written: ") + sample(invented)));
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("on disk but not read: ") + sample(missing)));
    QVERIFY2(lost.isEmpty(), qPrintable(QStringLiteral("written, not read, not lost on disk: ") + sample(lost)));
}

/// Appends lines the way upstream's writer does (open, append, close; a rotation renames the current
/// file before an append), but rotates after every 1 to 24 lines, about every 10 ms, and one rotation in
/// `collisionOneIn` reuses the previous segment's name (two rotations within one second), replacing
/// that segment and losing its lines on disk. One line in ten is written a byte at a time. The same
/// seed gives the same operations; only their timing against a follower varies.
class RotatingWriter
{
public:
    RotatingWriter(QString directory, QList<QByteArray> lines, quint32 seed, int collisionOneIn)
        : m_directory(std::move(directory))
        , m_lines(std::move(lines))
        , m_seed(seed)
        , m_collisionOneIn(collisionOneIn)
    { }
    ~RotatingWriter() { wait(); }
    RotatingWriter(const RotatingWriter&) = delete;
    RotatingWriter& operator=(const RotatingWriter&) = delete;

    void start()
    {
        m_thread = std::thread([this] { run(); });
    }
    void wait()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    bool done() const { return m_done; }

    // After wait():
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    int rotations() const { return m_rotations; }
    int collisions() const { return m_collisions; }
    int bytewiseLines() const { return m_bytewise; }
    qint64 elapsedMs() const { return m_elapsedMs; }
    QSet<QByteArray> lostOnDisk() const { return m_lost; }

private:
    QString path(const QString& name) const { return QDir(m_directory).filePath(name); }

    bool append(const QByteArray& bytes, bool bytewise)
    {
        const int fd =
            ::open(QFile::encodeName(path(kCurrent)).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return false;
        bool ok = true;
        for (qsizetype at = 0; ok && at < bytes.size();) {
            const qsizetype piece = bytewise ? 1 : bytes.size() - at;
            const ssize_t written = ::write(fd, bytes.constData() + at, size_t(piece));
            ok = written > 0;
            at += written;
        }
        return ::close(fd) == 0 && ok;
    }

    void run()
    {
        QElapsedTimer clock;
        clock.start();
        QRandomGenerator random(m_seed);
        QHash<QString, QList<int>> segments; // the lines each segment holds
        QList<int> current;
        qint64 epoch = kFirstEpoch;
        for (int next = 0; next < m_lines.size();) {
            const int count = int(random.bounded(1, 25));
            for (int k = 0; k < count && next < m_lines.size(); ++k, ++next) {
                const bool bytewise = random.bounded(10) == 0;
                m_bytewise += bytewise ? 1 : 0;
                if (!append(m_lines[next] + '\n', bytewise)) {
                    m_error = QStringLiteral("cannot append: ") + QString::fromLocal8Bit(std::strerror(errno));
                    m_done = true;
                    return;
                }
                current.append(next);
            }
            const bool collide = m_rotations > 0 && random.bounded(m_collisionOneIn) == 0;
            if (!collide)
                ++epoch;
            const QString segment = segmentName(epoch);
            if (segments.contains(segment)) {
                ++m_collisions;
                for (int line : segments.value(segment))
                    m_lost.insert(m_lines[line]);
            }
            if (!renameFile(path(kCurrent), path(segment))) {
                m_error = QStringLiteral("cannot rotate: ") + QString::fromLocal8Bit(std::strerror(errno));
                m_done = true;
                return;
            }
            segments.insert(segment, current);
            current.clear();
            ++m_rotations;
            // About 100 rotations a second: catch up when behind, never faster.
            const qint64 due = qint64(m_rotations) * 10;
            if (clock.elapsed() < due)
                std::this_thread::sleep_for(std::chrono::milliseconds(due - clock.elapsed()));
        }
        m_elapsedMs = clock.elapsed();
        m_done = true;
    }

    QString m_directory;
    QList<QByteArray> m_lines;
    quint32 m_seed;
    int m_collisionOneIn;
    std::thread m_thread;
    std::atomic<bool> m_done = false;
    QString m_error;
    int m_rotations = 0;
    int m_collisions = 0;
    int m_bytewise = 0;
    qint64 m_elapsedMs = 0;
    QSet<QByteArray> m_lost;
};

/// Realistic upstream lines (many interleaved sessions), each different: synthesizeTimeline's.
QList<QByteArray> synthLines(const QString& scratch, qint64 events, int sessions)
{
    SynthOptions options;
    options.events = events;
    options.sessions = sessions;
    options.files = 1;
    SynthStats stats;
    QString error;
    if (!synthesizeTimeline(scratch, options, &stats, &error))
        qFatal("cannot synthesize: %s", qPrintable(error));
    QList<QByteArray> lines;
    for (const QString& name : stats.files) {
        for (const QByteArray& line : readAll(QDir(scratch).filePath(name)).split('\n')) {
            if (!line.isEmpty())
                lines.append(line);
        }
    }
    return lines;
}

QString runKey(const QByteArray& line)
{
    static const QRegularExpression pattern(QStringLiteral("\"session_id\":\"([^\"]*)\",\"run_id\":\"([^\"]*)\""));
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(line));
    return match.captured(1) + QLatin1Char('/') + match.captured(2);
}

/// Descriptors of this process open on files in `directory` (or deleted from it).
int descriptorsInto(const QString& directory)
{
    int count = 0;
    for (const QFileInfo& info :
        QDir(QStringLiteral("/proc/self/fd")).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)) {
        if (info.symLinkTarget().startsWith(directory + QLatin1Char('/')))
            ++count;
    }
    return count;
}

} // namespace

class tst_Rotation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void raceWithPoll_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("step"); // TimelineTailer::PollStep of the racing poll
        QTest::addColumn<int>("occurrence"); // 1-based; 0: after the poll

        // The racing poll lists a segment read to its end (closed) and the current file (held open):
        // open 1 is the segment, open 2 the current file, read 1 the file held open since the last poll,
        // read 2 the new file an action before open 2 put under the current name (without one, the
        // action falls between polls).
        const QStringList actions = { QStringLiteral("rotate"), QStringLiteral("rotate twice in one second"),
            QStringLiteral("rotate onto the segment read already"), QStringLiteral("copytruncate"),
            QStringLiteral("copytruncate, then more than was read"), QStringLiteral("delete and create again"),
            QStringLiteral("truncate and write again"), QStringLiteral("truncate, then write more than was read"),
            QStringLiteral("FIFO swapped in") };
        for (const QString& action : actions) {
            for (int open = 1; open <= 2; ++open)
                QTest::addRow("%s, before open %d", qPrintable(action), open)
                    << action << int(TimelineTailer::PollStep::Open) << open;
            for (int read = 1; read <= 2; ++read)
                QTest::addRow("%s, before read %d", qPrintable(action), read)
                    << action << int(TimelineTailer::PollStep::Read) << read;
            QTest::addRow("%s, between polls", qPrintable(action))
                << action << int(TimelineTailer::PollStep::Open) << 0;
        }
    }

    void raceWithPoll()
    {
        QFETCH(QString, action);
        QFETCH(int, step);
        QFETCH(int, occurrence);

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString directory = temp.path();
        auto path = [&](const QString& name) { return QDir(directory).filePath(name); };
        const QList<QByteArray> lines = fixtureLines();
        QCOMPARE(QSet<QByteArray>(lines.begin(), lines.end()).size(), lines.size());
        QList<QByteArray> written;
        auto write = [&](int from, int to) { // lines [from, to) to the current file, one append each
            for (int i = from; i < to; ++i) {
                writeFile(path(kCurrent), lines[i] + '\n');
                written.append(lines[i]);
            }
        };

        write(0, 30);
        QVERIFY(renameFile(path(kCurrent), path(segmentName(kFirstEpoch))));
        write(30, 60);
        Collector collector(directory);
        collector.poll(); // the segment is read to its end and closed, the current file held open
        QCOMPARE(collector.lines.size(), 60);
        write(60, 70); // unread when the action comes

        QSet<QByteArray> mayLose;
        QStringList expectedProblems;
        const QString fifoReason = QStringLiteral("a FIFO (named pipe), not a regular file");
        auto act = [&] {
            if (action == QLatin1String("rotate")) {
                QVERIFY(renameFile(path(kCurrent), path(segmentName(kFirstEpoch + 1))));
                write(70, 75);
            } else if (action == QLatin1String("rotate twice in one second")) {
                QVERIFY(renameFile(path(kCurrent), path(segmentName(kFirstEpoch + 1))));
                write(70, 75);
                QVERIFY(renameFile(path(kCurrent), path(segmentName(kFirstEpoch + 1))));
                write(75, 80);
                for (int i = 70; i < 75; ++i)
                    mayLose.insert(lines[i]); // created and replaced inside one poll: never seen
            } else if (action == QLatin1String("rotate onto the segment read already")) {
                QVERIFY(renameFile(path(kCurrent), path(segmentName(kFirstEpoch))));
                write(70, 75);
            } else if (action.startsWith(QLatin1String("copytruncate"))) {
                writeFile(path(segmentName(kFirstEpoch + 1)), readAll(path(kCurrent)));
                writeFile(path(kCurrent), {}, QIODevice::Truncate);
                write(70, action.endsWith(QLatin1String("read")) ? 120 : 75);
                expectedProblems = QStringList { QStringLiteral("file-truncated") };
            } else if (action == QLatin1String("delete and create again")) {
                QVERIFY(QFile::remove(path(kCurrent)));
                write(70, 75);
            } else if (action.startsWith(QLatin1String("truncate"))) {
                writeFile(path(kCurrent), {}, QIODevice::Truncate);
                write(70, action.endsWith(QLatin1String("read")) ? 120 : 75);
                for (int i = 60; i < 70; ++i)
                    mayLose.insert(lines[i]); // truncated away, unless read first
                expectedProblems = QStringList { QStringLiteral("file-truncated") };
            } else if (action == QLatin1String("FIFO swapped in")) {
                QVERIFY(renameFile(path(kCurrent), path(segmentName(kFirstEpoch + 1))));
                QCOMPARE(::mkfifo(QFile::encodeName(path(kCurrent)).constData(), 0644), 0);
                expectedProblems = QStringList { fifoReason };
            } else {
                QFAIL(qPrintable(QStringLiteral("unknown action ") + action));
            }
        };

        int calls = 0;
        bool acted = false;
        QStringList steps;
        collector.tailer.setPollHook([&](TimelineTailer::PollStep at, const QString& name) {
            steps.append(
                (at == TimelineTailer::PollStep::Open ? QStringLiteral("open ") : QStringLiteral("read ")) + name);
            if (acted || int(at) != step || ++calls != occurrence)
                return;
            acted = true;
            act();
        });
        // A FIFO opened without O_NONBLOCK blocks until a writer comes: poll on a thread with a deadline.
        auto racing = std::async(std::launch::async, [&collector] { collector.poll(); });
        if (racing.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
            const int writer = ::open(QFile::encodeName(path(kCurrent)).constData(), O_WRONLY | O_NONBLOCK);
            racing.wait();
            ::close(writer);
            QFAIL("poll() blocked");
        }
        collector.tailer.setPollHook({});
        if (!acted)
            act(); // the step did not come in this poll: the action falls between two polls
        if (QTest::currentTestFailed())
            return;
        collector.poll(); // the next poll sees what the action left

        QFileInfo current(path(kCurrent));
        if (current.exists() && !current.isFile())
            QVERIFY(QFile::remove(path(kCurrent))); // the FIFO goes; the writer starts a new file
        write(written.size() > 75 ? int(written.size()) : 75, 150); // only after the lines the action wrote
        collector.poll();
        collector.poll();
        checkExactlyOnce(collector.lines, written, linesOnDisk(directory), mayLose);
        QCOMPARE(collector.problemCodes(), expectedProblems);
        QCOMPARE(collector.tailer.bufferedBytes(), qint64(0));
    }

    void fifoSwappedIn_data()
    {
        QTest::addColumn<QString>("fifoName");
        QTest::addColumn<bool>("sinceStart");

        QTest::addRow("under the current name") << kCurrent << true;
        QTest::addRow("under the current name, followed from the end") << kCurrent << false;
        QTest::addRow("under a segment name") << segmentName(kFirstEpoch) << true;
        QTest::addRow("under another events name") << QStringLiteral("events-pipe.jsonl") << true;
    }

    void fifoSwappedIn()
    {
        QFETCH(QString, fifoName);
        QFETCH(bool, sinceStart);

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        auto path = [&](const QString& name) { return temp.filePath(name); };
        const QList<QByteArray> lines = fixtureLines();
        for (int i = 0; i < 10; ++i)
            writeFile(path(kCurrent), lines[i] + '\n');
        Collector collector(temp.path());
        if (!sinceStart)
            collector.tailer.startAtEnd();
        collector.poll();
        for (int i = 10; i < 20; ++i)
            writeFile(path(kCurrent), lines[i] + '\n');
        if (fifoName == kCurrent)
            QVERIFY(renameFile(path(kCurrent), path(segmentName(kFirstEpoch + 1))));
        QCOMPARE(::mkfifo(QFile::encodeName(path(fifoName)).constData(), 0644), 0);

        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 3; ++i) {
            auto polled = std::async(std::launch::async, [&collector] { collector.poll(); });
            if (polled.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
                const int writer = ::open(QFile::encodeName(path(fifoName)).constData(), O_WRONLY | O_NONBLOCK);
                polled.wait();
                ::close(writer);
                QFAIL("poll() blocked on the FIFO");
            }
        }
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(collector.problems.size(), qsizetype(1)); // said once, not at every poll
        QCOMPARE(collector.problems.front().file, fifoName);
        QCOMPARE(collector.problems.front().message, QStringLiteral("a FIFO (named pipe), not a regular file"));

        QVERIFY(QFile::remove(path(fifoName)));
        for (int i = 20; i < 30; ++i)
            writeFile(path(kCurrent), lines[i] + '\n');
        collector.poll();
        const int first = sinceStart ? 0 : 10;
        QCOMPARE(collector.lines, lines.mid(first, 30 - first));
        QCOMPARE(collector.problems.size(), qsizetype(1));
    }

    void unterminatedNulRun_data()
    {
        QTest::addColumn<qint64>("nulBytes");
        QTest::addColumn<bool>("sparse"); // a hole made by ftruncate, or zeros written
        QTest::addColumn<qint64>("readLimit");
        QTest::addColumn<bool>("sinceStart");

        const qint64 mib = 1024 * 1024;
        QTest::addRow("64 MiB hole") << 64 * mib << true << 4 * mib << true;
        QTest::addRow("64 MiB hole, default read limit") << 64 * mib << true << qint64(0) << true;
        QTest::addRow("64 MiB hole, followed from the end") << 64 * mib << true << 4 * mib << false;
        QTest::addRow("20 MiB of zeros written") << 20 * mib << false << 3 * mib << true;
        QTest::addRow("just over the cap") << TimelineReader::kMaxLineBytes + 1 << false << 5 * mib << true;
        QTest::addRow("exactly the cap") << qint64(TimelineReader::kMaxLineBytes) << false << 5 * mib << true;
    }

    void unterminatedNulRun()
    {
        QFETCH(qint64, nulBytes);
        QFETCH(bool, sparse);
        QFETCH(qint64, readLimit);
        QFETCH(bool, sinceStart);

        // After a crash the file holds NUL padding where the last lines should be; the restarted server
        // appends after it. The first of its lines is glued to the padding and skipped with it, as
        // runlens-cli report skips it; the next one is read.
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString file = temp.filePath(kCurrent);
        const QList<QByteArray> lines = fixtureLines();
        for (int i = 0; i < 10; ++i)
            writeFile(file, lines[i] + '\n');
        Collector collector(temp.path());
        if (!sinceStart)
            collector.tailer.startAtEnd();
        if (readLimit > 0)
            collector.tailer.setReadLimit(readLimit);
        collector.poll();
        const qint64 padStart = QFileInfo(file).size();
        if (sparse) {
            QFile handle(file);
            QVERIFY(handle.open(QIODevice::ReadWrite));
            QVERIFY(handle.resize(padStart + nulBytes));
        } else {
            const QByteArray zeros(1024 * 1024, '\0');
            for (qint64 left = nulBytes; left > 0; left -= zeros.size())
                writeFile(file, zeros.left(qsizetype(std::min<qint64>(left, zeros.size()))));
        }
        // The padding grows while the follower polls: it must never hold more than the cap of it.
        qint64 mostBuffered = 0;
        for (int i = 0; i < 40; ++i) {
            const TailBatch batch = collector.tailer.poll();
            collector.problems += batch.problems;
            QCOMPARE(int(batch.events.size()), 0);
            mostBuffered = std::max(mostBuffered, collector.tailer.bufferedBytes());
            QVERIFY2(collector.tailer.bufferedBytes() <= TimelineReader::kMaxLineBytes,
                qPrintable(QString::number(collector.tailer.bufferedBytes())));
            if (!batch.more)
                break;
        }
        writeFile(file, lines[10] + '\n' + lines[11] + '\n');
        collector.poll();
        QCOMPARE(collector.tailer.bufferedBytes(), qint64(0));

        const bool overCap = nulBytes + lines[10].size() > TimelineReader::kMaxLineBytes;
        QList<QByteArray> expected = sinceStart ? lines.mid(0, 10) : QList<QByteArray>();
        expected.append(lines[11]);
        QCOMPARE(collector.lines, expected);
        QCOMPARE(collector.problems.size(), qsizetype(1));
        const Diagnostic& problem = collector.problems.front();
        QCOMPARE(problem.file, kCurrent);
        QCOMPARE(problem.line, qint64(11));
        QCOMPARE(problem.byteOffset, padStart);
        QCOMPARE(problem.code, QStringLiteral("malformed-line"));
        if (overCap && nulBytes > TimelineReader::kMaxLineBytes)
            QCOMPARE(problem.message,
                QStringLiteral("line longer than %1 bytes without a line break; skipped to the next line break")
                    .arg(TimelineReader::kMaxLineBytes));

        // What runlens-cli report reads from the same file: the same lines.
        const SourcePtr report = readSource(temp.path());
        if (sinceStart)
            QCOMPARE(report->eventCount, qint64(collector.lines.size()));
    }

    void rotationBursts_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("pollEveryMs"); // at most; polls come at random within it

        QTest::addRow("seed 1, polling every few ms") << 1u << 4;
        QTest::addRow("seed 2, polling every 30 ms") << 2u << 30;
    }

    void rotationBursts()
    {
        QFETCH(quint32, seed);
        QFETCH(int, pollEveryMs);

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString directory = temp.filePath(QStringLiteral("diagnostics"));
        QVERIFY(QDir().mkpath(directory));
        const QList<QByteArray> lines = synthLines(temp.filePath(QStringLiteral("scratch")), 3000, 20);
        QCOMPARE(QSet<QByteArray>(lines.begin(), lines.end()).size(), lines.size());

        QElapsedTimer clock;
        clock.start();
        {
            Collector collector(directory);
            RotatingWriter writer(directory, lines, seed, 3);
            writer.start();
            QRandomGenerator random(seed);
            int polls = 0;
            while (!writer.done()) {
                collector.poll();
                ++polls;
                std::this_thread::sleep_for(std::chrono::microseconds(random.bounded(pollEveryMs * 1000)));
            }
            writer.wait();
            QVERIFY2(writer.ok(), qPrintable(writer.error()));
            for (int i = 0; i < 5; ++i)
                collector.poll();

            checkExactlyOnce(collector.lines, lines, linesOnDisk(directory), writer.lostOnDisk());
            QVERIFY2(collector.problems.isEmpty(),
                qPrintable(collector.problems.isEmpty() ? QString() : collector.problems.front().toString()));
            // What runlens-cli report reads from the directory now: every line of it was followed.
            QCOMPARE(readSource(directory)->eventCount, qint64(linesOnDisk(directory).size()));
            QCOMPARE(collector.tailer.openFiles(), 0);
            QCOMPARE(descriptorsInto(directory), 0);
            QVERIFY(writer.collisions() > 0);
            QVERIFY(writer.rotations() > 100);
            const qint64 lostRead = std::count_if(collector.lines.begin(), collector.lines.end(),
                [&](const QByteArray& line) { return writer.lostOnDisk().contains(line); });
            qInfo("%d lines (%d written a byte at a time), %d rotations in %lld ms (%.0f/s), %d onto an existing "
                  "segment losing %lld lines on disk, %lld of which follow read before they went; %d polls; "
                  "%lld lines followed, 0 twice, 0 missing",
                int(lines.size()), writer.bytewiseLines(), writer.rotations(), writer.elapsedMs(),
                writer.rotations() * 1000.0 / double(std::max<qint64>(writer.elapsedMs(), 1)), writer.collisions(),
                qint64(writer.lostOnDisk().size()), lostRead, polls, qint64(collector.lines.size()));
        }
        QCOMPARE(descriptorsInto(directory), 0); // every file the tailer opened is closed again
        QVERIFY2(clock.elapsed() < 60000, "bounded");
    }

    void cliUnderRotationBursts()
    {
        // runlens-cli follow against a writer rotating a hundred times a second: its run lines are the
        // runs of runlens-cli report on the final directory, except runs that lost lines on disk to a
        // same-second rotation (follow may have read those lines before they went).
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString directory = temp.filePath(QStringLiteral("diagnostics"));
        QVERIFY(QDir().mkpath(directory));
        const QList<QByteArray> lines = synthLines(temp.filePath(QStringLiteral("scratch")), 2500, 6);

        QProcess follow;
        follow.start(QStringLiteral(RUNLENS_CLI),
            { QStringLiteral("follow"), directory, QStringLiteral("--format"), QStringLiteral("jsonl"),
                QStringLiteral("--since-start"), QStringLiteral("--idle-seconds"), QStringLiteral("1"),
                QStringLiteral("--poll-ms"), QStringLiteral("10") });
        QVERIFY(follow.waitForStarted());
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += follow.readAllStandardError()).contains("following"), 30000);

        RotatingWriter writer(directory, lines, 7, 8);
        writer.start();
        QHash<QString, QJsonObject> printed; // the last run line of each run
        QByteArray out;
        auto collect = [&] {
            out += follow.readAllStandardOutput();
            for (qsizetype end = out.indexOf('\n'); end >= 0; end = out.indexOf('\n')) {
                QJsonObject object = QJsonDocument::fromJson(out.left(end)).object();
                out.remove(0, end + 1);
                if (object.value(QLatin1String("type")) != QLatin1String("run"))
                    continue;
                object.remove(QLatin1String("type"));
                printed.insert(object.value(QLatin1String("session_id")).toString() + QLatin1Char('/')
                        + object.value(QLatin1String("run_id")).toString(),
                    object);
            }
        };
        QTRY_VERIFY_WITH_TIMEOUT((collect(), writer.done()), 60000);
        writer.wait();
        QVERIFY2(writer.ok(), qPrintable(writer.error()));

        QProcess report;
        report.start(QStringLiteral(RUNLENS_CLI), { QStringLiteral("report"), directory });
        QVERIFY(report.waitForFinished(60000));
        const QJsonArray reported =
            QJsonDocument::fromJson(report.readAllStandardOutput()).object().value(QLatin1String("runs")).toArray();
        QSet<QString> affected; // runs with lines lost on disk
        QHash<QString, int> writtenPerRun;
        for (const QByteArray& line : lines) {
            ++writtenPerRun[runKey(line)];
            if (writer.lostOnDisk().contains(line))
                affected.insert(runKey(line));
        }
        const QSet<QString> finished = { QStringLiteral("complete"), QStringLiteral("error"),
            QStringLiteral("cut-off") };
        auto allPrinted = [&] {
            collect();
            for (const QJsonValue& value : reported) {
                const QJsonObject run = value.toObject();
                const QString key = run.value(QLatin1String("session_id")).toString() + QLatin1Char('/')
                    + run.value(QLatin1String("run_id")).toString();
                if (finished.contains(run.value(QLatin1String("status")).toString()) && !printed.contains(key))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allPrinted(), 60000);
        QTest::qWait(1500); // a run printed once may still change status once the follower went idle
        collect();
        QCOMPARE(::kill(pid_t(follow.processId()), SIGTERM), 0);
        QVERIFY(follow.waitForFinished(10000));
        QCOMPARE(follow.exitCode(), 0);
        err += follow.readAllStandardError();
        QVERIFY2(
            !err.contains("overwritten") && !err.contains("deleted") && !err.contains("truncated"), err.constData());

        // Problems and hint evidence name the file a line was read from: a follower read it under the name
        // it had then (the current file's, before its rotation).
        auto withoutFileNames = [](QJsonObject run) {
            auto strip = [](QJsonArray items, const QString& nested) {
                for (QJsonValueRef value : items) {
                    QJsonObject item = value.toObject();
                    item.remove(QLatin1String("file"));
                    if (!nested.isEmpty()) {
                        QJsonArray inner = item.value(nested).toArray();
                        for (QJsonValueRef innerValue : inner) {
                            QJsonObject object = innerValue.toObject();
                            object.remove(QLatin1String("file"));
                            innerValue = object;
                        }
                        item.insert(nested, inner);
                    }
                    value = item;
                }
                return items;
            };
            run.insert(QStringLiteral("problems"), strip(run.value(QLatin1String("problems")).toArray(), {}));
            run.insert(QStringLiteral("hints"),
                strip(run.value(QLatin1String("hints")).toArray(), QStringLiteral("evidence")));
            return run;
        };
        int compared = 0;
        for (const QJsonValue& value : reported) {
            const QJsonObject expected = value.toObject();
            const QString key = expected.value(QLatin1String("session_id")).toString() + QLatin1Char('/')
                + expected.value(QLatin1String("run_id")).toString();
            if (!printed.contains(key))
                continue; // never finished (a background run)
            const QJsonObject run = printed.value(key);
            if (affected.contains(key)) {
                const int events = run.value(QLatin1String("event_count")).toInt();
                QVERIFY2(events >= expected.value(QLatin1String("event_count")).toInt()
                        && events <= writtenPerRun.value(key),
                    qPrintable(key));
                continue;
            }
            ++compared;
            const QJsonObject followed = withoutFileNames(run), read = withoutFileNames(expected);
            QStringList names = read.keys() + followed.keys();
            names.removeDuplicates();
            QStringList differing; // the keys, so that a failure says where
            for (const QString& name : std::as_const(names)) {
                if (followed.value(name) != read.value(name))
                    differing.append(name + QLatin1String(": ")
                        + QString::fromUtf8(
                            QJsonDocument(QJsonObject { { QStringLiteral("followed"), followed.value(name) },
                                              { QStringLiteral("read"), read.value(name) } })
                                .toJson(QJsonDocument::Compact)));
            }
            QVERIFY2(differing.isEmpty(),
                qPrintable(key + QLatin1String(" differs in ") + differing.join(QLatin1String("; "))));
        }
        QVERIFY(compared > 10);
        qInfo("%d lines, %d rotations (%d onto an existing segment, %lld lines lost on disk); %lld runs printed, %d "
              "compared with report, %lld with lines lost on disk",
            int(lines.size()), writer.rotations(), writer.collisions(), qint64(writer.lostOnDisk().size()),
            qint64(printed.size()), compared, qint64(affected.size()));
    }
};

QTEST_GUILESS_MAIN(tst_Rotation)
#include "tst_rotation.moc"
