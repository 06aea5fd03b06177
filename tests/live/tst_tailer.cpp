// SPDX-License-Identifier: MIT
// Live follow: a writer in the test appends real fixture lines in pieces, rotates, deletes and
// truncates files the way the server does (spec 2); TimelineTailer + LiveTimeline must end up with
// the model readSource() builds from the same lines in one go.
#include "engine.h"
#include "livetimeline.h"
#include "runfixture.h"
#include "source.h"
#include "sourcereader.h"
#include "synthdir.h"
#include "timelinetailer.h"

#include <QDateTime>
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

#include <csignal>
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

using namespace Runlens;

namespace {

const QString kCurrent = QStringLiteral("events-20261124.jsonl");
const qint64 kDay = 24 * 3600 * 1000;

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

/// The real lines of three fixture timelines, one after the other: a background run, three clean
/// runs, a run with disabled channels and a failed run (238 lines, 6 runs, hints on two of them).
QList<QByteArray> fixtureLines()
{
    QList<QByteArray> lines;
    for (const QString& file : { Test::kHappyFile, Test::kSparseFile, Test::kErrorFile }) {
        const QByteArray bytes = readAll(Test::fixture(file));
        for (const QByteArray& line : bytes.split('\n')) {
            if (!line.isEmpty())
                lines.append(line + '\n');
        }
    }
    return lines;
}

/// The lines of one run of a fixture timeline, as written.
QList<QByteArray> runLines(const QString& file, const QString& runId)
{
    QList<QByteArray> lines;
    for (const QByteArray& line : readAll(Test::fixture(file)).split('\n')) {
        if (QJsonDocument::fromJson(line).object().value(QLatin1String("run_id")).toString() == runId)
            lines.append(line + '\n');
    }
    return lines;
}

/// A run as text: what a follower must get right (status, grid, hints, raw lines). File names are
/// left out: a line read before a rotation keeps the name its file had when it was read. A raw line that its
/// file, truncated since, can no longer give reads as "(changed)".
QString describe(const Run& run, bool withLineNumbers)
{
    auto number = [](double value) { return std::isnan(value) ? QStringLiteral("-") : QString::number(value, 'f', 3); };
    QString out = QStringLiteral("%1/%2 tool=%3 status=%4 stop=%5 after=%6 start=%7 end=%8 duration=%9 events=%10\n")
                      .arg(run.sessionId, run.runId, run.tool, runStatusName(run.status), run.stopReason,
                          run.stoppedAfter, number(run.startedAt), number(run.finishedAt), number(run.durationMs))
                      .arg(run.events.size());
    for (const StageCell& cell : run.stages)
        out += QStringLiteral("  stage %1 %2 %3 | %4 | %5\n")
                   .arg(cell.stage, cellStatusName(cell.status), cell.reason, cell.secondaryReason,
                       number(cell.durationMs));
    for (const Checkpoint& checkpoint : run.checkpoints)
        out += QStringLiteral("  checkpoint %1 %2\n").arg(checkpoint.name).arg(checkpoint.ok);
    for (const Hint& hint : detectRun(run))
        out += QStringLiteral("  hint %1 %2 %3 %4\n")
                   .arg(hint.kind, severityName(hint.severity), hint.msg,
                       QString::fromUtf8(QJsonDocument(hint.why).toJson(QJsonDocument::Compact)));
    for (const Diagnostic& problem : run.problems)
        out += QStringLiteral("  problem %1 line %2\n").arg(problem.code).arg(withLineNumbers ? problem.line : 0);
    for (int i = 0; i < int(run.events.size()); ++i) {
        out += withLineNumbers ? QStringLiteral("  %1: ").arg(run.events[size_t(i)].line) : QStringLiteral("  ");
        QString error;
        const QByteArray line = run.rawLine(i, &error);
        if (line.isEmpty() && error.contains(QLatin1String("changed since it was read"))) {
            out += QStringLiteral("(changed)\n");
            continue;
        }
        out += QString::fromUtf8(line) + QLatin1Char('\n');
    }
    return out;
}

/// The runs, ids and descriptions, as the expected ones. With `mayHaveChanged`, a line the follower's file can no
/// longer give (truncated after the line was read: a follower keeps only the lines its rules need in memory) may
/// read "(changed)", never other bytes.
void compareRuns(const std::vector<RunPtr>& actual, const std::vector<RunPtr>& expected, bool withLineNumbers,
    bool mayHaveChanged = false)
{
    QStringList actualIds, expectedIds;
    for (const RunPtr& run : actual)
        actualIds.append(run->sessionId + QLatin1Char('/') + run->runId);
    for (const RunPtr& run : expected)
        expectedIds.append(run->sessionId + QLatin1Char('/') + run->runId);
    QCOMPARE(actualIds, expectedIds);
    for (size_t i = 0; i < actual.size(); ++i) {
        const QString got = describe(*actual[i], withLineNumbers);
        const QString want = describe(*expected[i], withLineNumbers);
        if (!mayHaveChanged) {
            QCOMPARE(got, want);
            continue;
        }
        const QStringList gotLines = got.split(u'\n');
        const QStringList wantLines = want.split(u'\n');
        QCOMPARE(gotLines.size(), wantLines.size());
        for (qsizetype l = 0; l < gotLines.size(); ++l) {
            if (!gotLines[l].endsWith(QLatin1String(" (changed)")))
                QCOMPARE(gotLines[l], wantLines[l]);
        }
    }
}

/// A TimelineTailer feeding a LiveTimeline, the way the CLI and the GUI worker use them.
struct Follower
{
    explicit Follower(const QString& directory)
        : tailer(directory)
    { }

    // Polls until the read limit no longer holds anything back; returns the runs that changed.
    std::vector<RunPtr> poll(qint64 nowMs = QDateTime::currentMSecsSinceEpoch())
    {
        std::vector<RunPtr> changed;
        bool more = true;
        while (more) {
            TailBatch batch = tailer.poll();
            more = batch.more;
            ++polls;
            const std::vector<RunPtr> runs = live.applyBatch(std::move(batch), nowMs);
            changed.insert(changed.end(), runs.begin(), runs.end());
        }
        return changed;
    }

    QStringList problemCodes() const
    {
        QStringList codes;
        for (const Diagnostic& problem : live.problems())
            codes.append(problem.code.isEmpty() ? problem.message : problem.code);
        return codes;
    }

    TimelineTailer tailer;
    LiveTimeline live;
    int polls = 0;
};

/// Writes the fixture lines into a directory the way the server does (spec 2), one script step at
/// a time, and works out which lines a follower polling at the `p` steps can no longer see because
/// a rename, a deletion or a truncation took them away first. A file that existed at a poll is held
/// open by the follower: renaming it over or deleting it loses nothing but a line cut in it.
///
/// Steps, separated by ';':
///   w N          append the next N lines (finishing a line cut by `b` counts as one)
///   b N          append the next N bytes, cutting lines anywhere
///   e N          append the next N lines but the last '\n'
///   c N SEED     append the next N lines in random pieces of 1..400 bytes, polling after each piece
///   p            poll
///   r EPOCH      rotate: rename the current file to events-YYYYMMDD-EPOCH.jsonl (replacing one)
///   y EPOCH      copy the current file to events-YYYYMMDD-EPOCH.jsonl (replacing one)
///   k EPOCH      copytruncate (logrotate): y EPOCH, then t
///   d YYYYMMDD   continue in that day's file
///   x NAME       delete a file; the rest of a line cut in it is never written
///   t            truncate the current file
///   m            create the directory
class ScriptedWriter
{
public:
    ScriptedWriter(QString directory, Follower* follower)
        : m_directory(std::move(directory))
        , m_follower(follower)
        , m_lines(fixtureLines())
    { }

    void run(const QString& script)
    {
        for (const QString& step : script.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QStringList words = step.simplified().split(QLatin1Char(' '));
            const QString op = words.value(0);
            if (op == QLatin1String("w"))
                writeLines(words.value(1).toInt());
            else if (op == QLatin1String("b"))
                writeBytes(words.value(1).toInt());
            else if (op == QLatin1String("e"))
                writeAllButNewline(words.value(1).toInt());
            else if (op == QLatin1String("c"))
                writePieces(words.value(1).toInt(), words.value(2).toUInt());
            else if (op == QLatin1String("p"))
                poll();
            else if (op == QLatin1String("r"))
                rotate(words.value(1));
            else if (op == QLatin1String("y"))
                copy(words.value(1));
            else if (op == QLatin1String("k")) {
                copy(words.value(1));
                truncate();
            } else if (op == QLatin1String("d"))
                m_current = QStringLiteral("events-%1.jsonl").arg(words.value(1));
            else if (op == QLatin1String("x"))
                remove(words.value(1));
            else if (op == QLatin1String("t"))
                truncate();
            else if (op == QLatin1String("m"))
                QVERIFY(QDir().mkpath(m_directory));
            else
                QFAIL(qPrintable(QStringLiteral("unknown step ") + step));
        }
    }

    void finish()
    {
        writeLines(int(m_lines.size()) - m_next);
        poll();
    }

    /// The lines a follower can have seen, in write order.
    QByteArray visibleLines() const
    {
        QByteArray out;
        for (int i = 0; i < m_next; ++i) {
            if (!m_lost.contains(i))
                out += m_lines[i];
        }
        return out;
    }

    QList<int> lost() const
    {
        QList<int> lines(m_lost.begin(), m_lost.end());
        std::sort(lines.begin(), lines.end());
        return lines;
    }

private:
    QString path(const QString& name) const { return QDir(m_directory).filePath(name); }

    void poll()
    {
        m_follower->poll();
        // What was complete on disk is now read; a cut line still counts as unread.
        for (QList<int>& unseen : m_unseen)
            unseen.clear();
        if (m_cut > 0)
            m_unseen[m_current].append(m_next);
        const QStringList names = QDir(m_directory).entryList({ QStringLiteral("events-*.jsonl") }, QDir::Files);
        m_held = QSet<QString>(names.begin(), names.end());
    }

    void append(const QByteArray& bytes) { writeFile(path(m_current), bytes); }

    void writeLines(int count)
    {
        for (int k = 0; k < count && m_next < m_lines.size(); ++k) {
            append(m_lines[m_next].mid(m_cut));
            if (m_cut == 0)
                m_unseen[m_current].append(m_next);
            m_cut = 0;
            ++m_next;
        }
    }

    void writeBytes(int count)
    {
        while (count > 0 && m_next < m_lines.size()) {
            const QByteArray rest = m_lines[m_next].mid(m_cut);
            const int take = std::min(count, int(rest.size()));
            append(rest.left(take));
            if (m_cut == 0)
                m_unseen[m_current].append(m_next);
            count -= take;
            m_cut += take;
            if (m_cut == m_lines[m_next].size()) {
                m_cut = 0;
                ++m_next;
            }
        }
    }

    void writeAllButNewline(int count)
    {
        writeLines(count - 1);
        writeBytes(int(m_lines[m_next].size()) - m_cut - 1);
    }

    void writePieces(int count, quint32 seed)
    {
        QRandomGenerator random(seed);
        const int end = std::min(int(m_lines.size()), m_next + count);
        while (m_next < end) {
            writeBytes(int(random.bounded(1, 401)));
            if (m_next >= end && m_cut > 0)
                writeLines(1);
            poll();
        }
    }

    QString segmentName(const QString& epoch) const
    {
        return m_current.chopped(6) + QLatin1Char('-') + epoch + QStringLiteral(".jsonl");
    }

    void rotate(const QString& epoch)
    {
        QVERIFY2(m_cut == 0, "the server rotates between lines");
        const QString segment = segmentName(epoch);
        loseReplaced(segment);
        // Like the server's os.rename: an existing segment of the same name is replaced.
        QCOMPARE(
            std::rename(QFile::encodeName(path(m_current)).constData(), QFile::encodeName(path(segment)).constData()),
            0);
        m_unseen[segment] = m_unseen.take(m_current);
        if (m_held.remove(m_current))
            m_held.insert(segment);
    }

    void copy(const QString& epoch)
    {
        QVERIFY2(m_cut == 0, "copy between lines");
        const QString segment = segmentName(epoch);
        loseReplaced(segment);
        QFile::remove(path(segment));
        writeFile(path(segment), readAll(path(m_current)));
        m_unseen[segment] = m_unseen.value(m_current); // in both files until one of them goes
    }

    void remove(const QString& name)
    {
        if (m_held.remove(name)) {
            m_unseen.remove(name); // the follower reads the rest through the descriptor it holds
            if (name == m_current && m_cut > 0)
                m_lost.insert(m_next);
        } else {
            loseUnseen(name);
        }
        if (name == m_current && m_cut > 0) {
            m_cut = 0; // the rest of that line is never written
            ++m_next;
        }
        QVERIFY(QFile::remove(path(name)));
    }

    void truncate()
    {
        QVERIFY2(m_cut == 0, "truncate between lines");
        loseUnseen(m_current);
        writeFile(path(m_current), {}, QIODevice::Truncate);
    }

    // A rename or copy replaces `name`: the follower still reads a file it holds open.
    void loseReplaced(const QString& name)
    {
        if (m_held.remove(name))
            m_unseen.remove(name);
        else
            loseUnseen(name);
    }

    // The unseen lines of `name` are gone with it, unless another file (a copy) still has them.
    void loseUnseen(const QString& name)
    {
        for (int line : m_unseen.take(name)) {
            const bool copied = std::any_of(
                m_unseen.cbegin(), m_unseen.cend(), [line](const QList<int>& other) { return other.contains(line); });
            if (!copied)
                m_lost.insert(line);
        }
    }

    QString m_directory;
    Follower* m_follower;
    QList<QByteArray> m_lines;
    int m_next = 0; // the next line to write
    int m_cut = 0; // bytes of line m_next already written
    QString m_current = kCurrent;
    QHash<QString, QList<int>> m_unseen; // per file, lines written since the last poll
    QSet<QString> m_held; // files that existed at the last poll, by their names since
    QSet<int> m_lost;
};

} // namespace

class tst_Tailer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenario_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<bool>("directoryExists");
        QTest::addColumn<qint64>("readLimit"); // 0: the default
        QTest::addColumn<QStringList>("problems");
        QTest::addColumn<QList<int>>("lost"); // 0-based indexes into fixtureLines()
        QTest::addColumn<bool>("sameAsDirectory"); // the finished directory still holds every line

        const QList<int> none;
        QTest::addRow("whole file in one poll")
            << QStringLiteral("w 238; p") << true << qint64(0) << QStringList() << none << true;
        QTest::addRow("random cuts, seed 1")
            << QStringLiteral("c 238 1") << true << qint64(0) << QStringList() << none << true;
        QTest::addRow("random cuts, seed 7")
            << QStringLiteral("c 238 7") << true << qint64(0) << QStringList() << none << true;
        QTest::addRow("one byte, then the rest of the line")
            << QStringLiteral("w 10; b 1; p; b 1; p; b 1; p; w 1; p; b 400; p") << true << qint64(0) << QStringList()
            << none << true;
        QTest::addRow("complete object, newline not yet written")
            << QStringLiteral("e 10; p; b 1; p; e 1; p; w 1; p") << true << qint64(0) << QStringList() << none << true;
        QTest::addRow("rotation in the middle of a run")
            << QStringLiteral("w 30; p; w 5; r 1795560451; w 100; p; w 103; p") << true << qint64(0) << QStringList()
            << none << true;
        QTest::addRow("rotation seen between polls") << QStringLiteral("w 30; p; r 1795560451; p; c 208 3") << true
                                                     << qint64(0) << QStringList() << none << true;
        QTest::addRow("rotation while a cut line is held")
            << QStringLiteral("w 30; b 40; p; w 1; r 1795560451; c 207 5") << true << qint64(0) << QStringList() << none
            << true;
        QTest::addRow("three rotations, two between polls")
            << QStringLiteral("w 20; p; w 20; r 1795560451; w 20; r 1795560452; w 20; p; w 20; r 1795560453; p") << true
            << qint64(0) << QStringList() << none << true;
        // The replaced segment was open in the follower since the first poll: its last lines are still read,
        // and nothing is reported lost.
        QTest::addRow("two rotations in one second")
            << QStringLiteral("w 40; p; w 10; r 1795560452; w 20; r 1795560452; w 168; p") << true << qint64(0)
            << QStringList() << none << false;
        QTest::addRow("two rotations in one second, polled between")
            << QStringLiteral("w 40; p; w 10; r 1795560452; p; w 20; r 1795560452; w 168; p") << true << qint64(0)
            << QStringList() << none << false;
        QTest::addRow("two rotations in one second, nothing unread")
            << QStringLiteral("w 40; p; r 1795560452; w 20; r 1795560452; w 178; p") << true << qint64(0)
            << QStringList() << none << false;
        // A segment created and replaced between two polls was never seen: its lines are lost on disk
        // before any reader could see them, and a follower cannot tell (spec 2.1).
        QTest::addRow("two rotations in one second, the replaced segment never seen")
            << QStringLiteral("w 40; p; w 10; r 1795560451; w 10; r 1795560452; w 20; r 1795560452; w 148; p") << true
            << qint64(0) << QStringList() << QList<int> { 50, 51, 52, 53, 54, 55, 56, 57, 58, 59 } << true;
        QTest::addRow("rotations while lines come a byte at a time")
            << QStringLiteral("w 30; p; b 1; p; b 1; p; w 1; r 1795560451; b 1; p; b 1; p; b 1; p; w 1; "
                              "r 1795560451; b 1; p; w 1; r 1795560452; p; b 1; p; c 203 9")
            << true << qint64(0) << QStringList() << none << false;
        QTest::addRow("copytruncate") << QStringLiteral("w 40; p; w 10; k 1795560451; w 20; p; w 168; p") << true
                                      << qint64(0) << QStringList { QStringLiteral("file-truncated") } << none << true;
        QTest::addRow("copytruncate, copy seen before the truncation")
            << QStringLiteral("w 40; p; w 10; y 1795560451; p; w 5; t; w 20; p; w 163; p") << true << qint64(0)
            << QStringList { QStringLiteral("file-truncated") } << QList<int> { 50, 51, 52, 53, 54 } << true;
        QTest::addRow("copytruncate, twice between polls")
            << QStringLiteral("w 40; p; w 10; k 1795560451; w 10; k 1795560452; w 20; p; w 158; p") << true << qint64(0)
            << QStringList { QStringLiteral("file-truncated") } << none << true;
        QTest::addRow("copytruncate over a segment never seen")
            << QStringLiteral("w 40; p; w 10; r 1795560451; w 10; k 1795560451; w 20; p; w 148; p") << true << qint64(0)
            << QStringList() << none << false;
        QTest::addRow("deleted and created again")
            << QStringLiteral("w 40; p; w 10; x events-20261124.jsonl; w 30; p; w 158; p") << true << qint64(0)
            << QStringList() << none << false;
        QTest::addRow("deleted and created again, twice between polls")
            << QStringLiteral("w 40; p; x events-20261124.jsonl; w 10; x events-20261124.jsonl; w 30; p; w 158; p")
            << true << qint64(0) << QStringList() << QList<int> { 40, 41, 42, 43, 44, 45, 46, 47, 48, 49 } << false;
        QTest::addRow("new day file") << QStringLiteral("w 120; p; d 20261125; w 60; p; w 58; p") << true << qint64(0)
                                      << QStringList() << none << true;
        QTest::addRow("new day file between polls")
            << QStringLiteral("w 120; d 20261125; c 118 11") << true << qint64(0) << QStringList() << none << true;
        QTest::addRow("deleted file, fully read")
            << QStringLiteral("w 120; p; d 20261125; w 30; p; x events-20261124.jsonl; w 88; p") << true << qint64(0)
            << QStringList() << none << false;
        QTest::addRow("deleted file with a cut line")
            << QStringLiteral("w 120; p; b 50; p; x events-20261124.jsonl; d 20261125; w 117; p") << true << qint64(0)
            << QStringList { QStringLiteral("file-deleted") } << QList<int> { 120 } << false;
        QTest::addRow("truncated file") << QStringLiteral("w 120; p; t; w 20; p; w 98; p") << true << qint64(0)
                                        << QStringList { QStringLiteral("file-truncated") } << none << false;
        QTest::addRow("truncated file written past the old size")
            << QStringLiteral("w 20; p; t; w 100; p; w 118; p") << true << qint64(0)
            << QStringList { QStringLiteral("file-truncated") } << none << false;
        QTest::addRow("directory created after the first poll")
            << QStringLiteral("p; p; m; p; w 100; p; c 138 13") << false << qint64(0) << QStringList() << none << true;
        QTest::addRow("small read limit")
            << QStringLiteral("c 238 17") << true << qint64(777) << QStringList() << none << true;
        QTest::addRow("small read limit across a rotation")
            << QStringLiteral("w 100; r 1795560451; w 100; d 20261125; w 38; p") << true << qint64(1000)
            << QStringList() << none << true;
    }

    void scenario()
    {
        QFETCH(QString, script);
        QFETCH(bool, directoryExists);
        QFETCH(qint64, readLimit);
        QFETCH(QStringList, problems);
        QFETCH(QList<int>, lost);
        QFETCH(bool, sameAsDirectory);

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString directory = temp.filePath(QStringLiteral("diagnostics"));
        if (directoryExists)
            QVERIFY(QDir().mkpath(directory));
        Follower follower(directory);
        if (readLimit > 0)
            follower.tailer.setReadLimit(readLimit);
        ScriptedWriter writer(directory, &follower);
        writer.run(script);
        writer.finish();
        if (QTest::currentTestFailed())
            return;
        follower.live.markIdle(QDateTime::currentMSecsSinceEpoch() + kDay);

        QCOMPARE(follower.problemCodes(), problems);
        QCOMPARE(writer.lost(), lost);
        if (readLimit > 0)
            QVERIFY(follower.polls > 2);

        // The same lines read in one go, from a single closed file.
        const QString mirror = temp.filePath(QStringLiteral("mirror"));
        QVERIFY(QDir().mkpath(mirror));
        writeFile(QDir(mirror).filePath(kCurrent), writer.visibleLines());
        const SourcePtr expected = readSource(mirror);
        QVERIFY(expected->ok());
        QCOMPARE(follower.live.eventCount(), expected->eventCount);
        static const QRegularExpression truncation(QStringLiteral("(^|;)\\s*[tk]\\b"));
        const bool truncates = script.contains(truncation);
        compareRuns(follower.live.runs(), expected->runs, false, truncates);
        if (sameAsDirectory) {
            const SourcePtr finished = readSource(directory);
            QCOMPARE(follower.live.eventCount(), finished->eventCount);
            compareRuns(follower.live.runs(), finished->runs, true, truncates);
        }
    }

    void startAtEnd_data()
    {
        QTest::addColumn<int>("existingLines");
        QTest::addColumn<int>("cutBytes"); // of the next line, already written at the first poll
        QTest::addColumn<QStringList>("runIds"); // the runs whose every line came after the start

        const QStringList lastFive = { QStringLiteral("b631c87847bb46a4a1823ea76d9a9113"),
            QStringLiteral("e7bff87e7dc54b15bd34a296c30170d9"), QStringLiteral("1005703141094392a91da2aac8143ee6"),
            QStringLiteral("5ee711da351a4c29a57daa1e8fee8c7e") };
        QTest::addRow("at a line end") << 61 << 0 << lastFive;
        QTest::addRow("inside a line") << 61 << 25 << lastFive;
        QTest::addRow("empty file") << 0 << 0 << QStringList { Test::kHappyRun } + lastFive;
    }

    void startAtEnd()
    {
        QFETCH(int, existingLines);
        QFETCH(int, cutBytes);
        QFETCH(QStringList, runIds);

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QList<QByteArray> lines = fixtureLines();
        QByteArray existing;
        for (int i = 0; i < existingLines; ++i)
            existing += lines[i];
        existing += lines[existingLines].left(cutBytes);
        writeFile(temp.filePath(kCurrent), existing);
        // A rotated segment from before the start is skipped as a whole.
        writeFile(temp.filePath(QStringLiteral("events-20261124-1795560000.jsonl")), lines[0]);

        Follower follower(temp.path());
        follower.tailer.startAtEnd();
        QVERIFY(follower.poll().empty());
        QCOMPARE(follower.live.eventCount(), qint64(0));

        QByteArray rest = lines[existingLines].mid(cutBytes);
        for (int i = existingLines + 1; i < lines.size(); ++i)
            rest += lines[i];
        writeFile(temp.filePath(kCurrent), rest.left(1000));
        follower.poll();
        writeFile(temp.filePath(kCurrent), rest.mid(1000));
        follower.poll();
        follower.live.markIdle(QDateTime::currentMSecsSinceEpoch() + kDay);
        QCOMPARE(follower.live.eventCount(), qint64(lines.size() - existingLines));
        QVERIFY(follower.live.problems().isEmpty());

        // Runs that began before the start are partial; the others match the whole file read at once.
        const SourcePtr finished = readSource(temp.path());
        std::vector<RunPtr> followed, expected;
        for (const RunPtr& run : follower.live.runs()) {
            if (runIds.contains(run->runId))
                followed.push_back(run);
        }
        for (const RunPtr& run : finished->runs) {
            if (runIds.contains(run->runId))
                expected.push_back(run);
        }
        QCOMPARE(int(followed.size()), int(runIds.size()));
        compareRuns(followed, expected, true); // line numbers count the skipped lines
    }

    void runningRun_data()
    {
        QTest::addColumn<int>("lineCount");
        QTest::addColumn<QString>("runningStage"); // a row whose scope is open at the last line

        QTest::addRow("10 lines, FAISS done") << 10 << QString();
        QTest::addRow("31 lines, fuse open") << 31 << QStringLiteral("fuse");
        QTest::addRow("all but the tool end") << 54 << QString();
    }

    void nonFiniteTs()
    {
        // NaN and infinities (spec 2.3) followed one line a poll read as the closed file does: every line kept
        // where it was written, a note each.
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QString directory = temp.filePath(QStringLiteral("diagnostics"));
        QVERIFY(QDir().mkpath(directory));
        QList<QByteArray> lines = runLines(Test::kHappyFile, Test::kHappyRun);
        QCOMPARE(lines.size(), 57);
        const auto edit = [&](int line, const char* from, const char* to) {
            QVERIFY(lines[line].contains(from));
            lines[line].replace(from, to);
        };
        edit(20, "{\"ts\":1795560451.8545504,", "{\"ts\":NaN,");
        edit(54, "\"duration_ms\":44", "\"duration_ms\":NaN");
        edit(56, "{\"ts\":1795560451.872849,", "{\"ts\":Infinity,");
        Follower follower(directory);
        for (const QByteArray& line : std::as_const(lines)) {
            writeFile(QDir(directory).filePath(kCurrent), line);
            follower.poll();
        }
        follower.live.markIdle(QDateTime::currentMSecsSinceEpoch() + kDay);
        QCOMPARE(follower.problemCodes(), QStringList(3, QStringLiteral("non-finite-number")));
        const SourcePtr closed = readSource(directory);
        QCOMPARE(closed->runs.size(), size_t(1));
        QCOMPARE(closed->runs.front()->events.size(), size_t(57));
        QCOMPARE(closed->runs.front()->status, RunStatus::Complete);
        compareRuns(follower.live.runs(), closed->runs, true);
    }

    void runningRun()
    {
        QFETCH(int, lineCount);
        QFETCH(QString, runningStage);

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QList<QByteArray> lines = runLines(Test::kHappyFile, Test::kHappyRun);
        QCOMPARE(lines.size(), 57);
        QByteArray head;
        for (int i = 0; i < lineCount; ++i)
            head += lines[i];
        writeFile(temp.filePath(kCurrent), head);

        Follower follower(temp.path());
        TailBatch batch = follower.tailer.poll();
        const qint64 writtenMs = batch.lastWriteMs; // as if read the moment it was written
        QVERIFY(writtenMs > 0);
        const std::vector<RunPtr> changed = follower.live.applyBatch(std::move(batch), writtenMs);
        QCOMPARE(int(changed.size()), 1);
        const RunPtr& running = changed.front();
        QCOMPARE(running->status, RunStatus::Running);
        QVERIFY(running->stopReason.isEmpty());
        for (const StageCell& cell : running->stages)
            QVERIFY2(cell.status != CellStatus::Failed, qPrintable(cell.stage));
        if (!runningStage.isEmpty())
            QCOMPARE(running->stage(runningStage)->status, CellStatus::Running);
        for (const Diagnostic& problem : running->problems)
            QVERIFY2(problem.code != QLatin1String("unclosed-scope"), qPrintable(problem.message));

        const qint64 threshold = follower.live.idleThresholdMs();
        QVERIFY(follower.live.markIdle(writtenMs + threshold).empty());
        const std::vector<RunPtr> idle = follower.live.markIdle(writtenMs + threshold + 1);
        QCOMPARE(int(idle.size()), 1);
        QCOMPARE(idle.front()->status, RunStatus::CutOff);
        QVERIFY(follower.live.markIdle(writtenMs + threshold + 2).empty()); // rebuilt once
        compareRuns(follower.live.runs(), readSource(temp.path())->runs, true);

        // The rest arrives after all: the run completes.
        QByteArray rest;
        for (int i = lineCount; i < lines.size(); ++i)
            rest += lines[i];
        writeFile(temp.filePath(kCurrent), rest);
        follower.poll();
        QCOMPARE(follower.live.runs().front()->status, RunStatus::Complete);
        compareRuns(follower.live.runs(), readSource(temp.path())->runs, true);
    }

    void quietRunAmongBusyOnes()
    {
        // The directory keeps being written, but not for this run: on the server's clock its last line
        // is older than the threshold, so it is cut off without waiting for the directory to go idle.
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QList<QByteArray> happy = runLines(Test::kHappyFile, Test::kHappyRun);
        writeFile(temp.filePath(kCurrent), happy.mid(0, 30).join());

        Follower follower(temp.path());
        follower.live.setIdleThresholdMs(1000); // the sparse run starts 2 s after this one
        TailBatch batch = follower.tailer.poll();
        qint64 now = batch.lastWriteMs;
        QCOMPARE(follower.live.applyBatch(std::move(batch), now).front()->status, RunStatus::Running);
        QVERIFY(follower.live.markIdle(now).empty());

        writeFile(temp.filePath(kCurrent), runLines(Test::kSparseFile, Test::kSparseRun).mid(0, 5).join());
        batch = follower.tailer.poll();
        now = batch.lastWriteMs;
        const std::vector<RunPtr> changed = follower.live.applyBatch(std::move(batch), now);
        QCOMPARE(changed.front()->status, RunStatus::Running); // the sparse run, fresh
        QVERIFY(!follower.live.isIdle(now));
        const std::vector<RunPtr> quiet = follower.live.markIdle(now);
        QCOMPARE(int(quiet.size()), 1);
        QCOMPARE(quiet.front()->runId, Test::kHappyRun);
        QCOMPARE(quiet.front()->status, RunStatus::CutOff);
    }

    // A long follow stays flat: settled runs older than the retention (server clock) leave memory with their
    // buffers, and the runs held are the ones a whole read gives, built from all their lines.
    void evictsSettledRuns()
    {
        QTemporaryDir source, followed;
        QVERIFY(source.isValid() && followed.isValid());
        SynthStats stats;
        QVERIFY(Test::writeRotatedTimeline(source.path(), 20'000, 8, 1, &stats));
        QFile file(source.filePath(stats.files.front()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines;
        while (!file.atEnd())
            lines.append(file.readLine());
        const SourcePtr whole = readSource(source.path());
        QHash<QString, RunPtr> wholeRuns;
        for (const RunPtr& run : whole->runs)
            wholeRuns.insert(run->sessionId + u'/' + run->runId, run);

        Follower follower(followed.path());
        const double retention = 120;
        follower.live.setRetentionSeconds(retention);
        std::vector<std::weak_ptr<const Run>> letGo;
        size_t mostHeld = 0;
        for (qsizetype at = 0; at < lines.size(); at += 500) {
            writeFile(followed.filePath(stats.files.front()), lines.mid(at, 500).join());
            follower.poll();
            double newest = 0;
            for (const RunPtr& run : follower.live.runs())
                newest = std::max(newest, run->events.back().ts);
            for (const RunPtr& run : follower.live.evictSettled()) {
                QVERIFY(!follower.live.isInProgress(*run));
                QVERIFY(run->events.back().ts < newest - retention);
                letGo.push_back(run);
            }
            for (const RunPtr& run : follower.live.runs())
                QVERIFY(follower.live.isInProgress(*run) || run->events.back().ts >= newest - 2 * retention);
            mostHeld = std::max(mostHeld, follower.live.runs().size());
        }
        // The end of the data: what is still open is cut off, as a whole read says.
        follower.live.markIdle(QDateTime::currentMSecsSinceEpoch() + follower.live.idleThresholdMs() + 1);
        QCOMPARE(follower.live.evictedCount(), qint64(letGo.size()));
        QVERIFY(letGo.size() > whole->runs.size() / 2);
        for (const std::weak_ptr<const Run>& run : letGo)
            QVERIFY(run.expired()); // nothing else holds them, their buffers included
        QVERIFY2(mostHeld < whole->runs.size() / 2, qPrintable(QString::number(mostHeld)));
        const std::vector<RunPtr> held = follower.live.runs();
        QCOMPARE(held.size() + letGo.size(), whole->runs.size());
        for (const RunPtr& run : held) {
            const RunPtr expected = wholeRuns.value(run->sessionId + u'/' + run->runId);
            QVERIFY(expected);
            QCOMPARE(describe(*run, true), describe(*expected, true));
        }
    }

    // A run still being written is never let go, however short the retention.
    void keepsRunsInProgress()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        writeFile(temp.filePath(kCurrent), runLines(Test::kHappyFile, Test::kHappyRun).mid(0, 30).join());
        Follower follower(temp.path());
        follower.live.setRetentionSeconds(1); // the sparse run starts 2 s after this one's last line
        follower.poll();
        writeFile(temp.filePath(kCurrent), runLines(Test::kSparseFile, Test::kSparseRun).mid(0, 5).join());
        follower.poll();
        QVERIFY(follower.live.isInProgress(*follower.live.runs().front()));
        QVERIFY(follower.live.evictSettled().empty());
        QCOMPARE(int(follower.live.runs().size()), 2);
        // Once quiet it is cut off, settled, and goes.
        follower.live.setIdleThresholdMs(1000);
        QCOMPARE(int(follower.live.markIdle(QDateTime::currentMSecsSinceEpoch()).size()), 1);
        follower.live.setRetentionSeconds(1.5);
        const std::vector<RunPtr> letGo = follower.live.evictSettled();
        QCOMPARE(int(letGo.size()), 1);
        QCOMPARE(letGo.front()->runId, Test::kHappyRun);
        QCOMPARE(int(follower.live.runs().size()), 1);
    }

    void onlyTouchedRunsRebuilt()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QList<QByteArray> lines = fixtureLines();
        writeFile(temp.filePath(kCurrent), lines.mid(0, 118).join()); // startup and two clean runs
        Follower follower(temp.path());
        QCOMPARE(int(follower.poll().size()), 3);
        const std::vector<RunPtr> before = follower.live.runs();

        writeFile(temp.filePath(kCurrent), lines.mid(118, 3).join()); // the third run starts
        const std::vector<RunPtr> changed = follower.poll();
        QCOMPARE(int(changed.size()), 1);
        QCOMPARE(changed.front()->runId, QStringLiteral("e7bff87e7dc54b15bd34a296c30170d9"));
        const std::vector<RunPtr> after = follower.live.runs();
        QCOMPARE(int(after.size()), 4);
        for (size_t i = 0; i < before.size(); ++i)
            QCOMPARE(after[i].get(), before[i].get()); // the same snapshots, not rebuilt
        QVERIFY(follower.poll().empty());
    }

    void problemsAtFilePositions()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QList<QByteArray> lines = fixtureLines();
        const QByteArray first = lines.mid(0, 5).join();
        writeFile(temp.filePath(kCurrent), first);
        Follower follower(temp.path());
        follower.poll();
        writeFile(temp.filePath(kCurrent), QByteArrayLiteral("{\"ts\": broken\n"));
        follower.poll();
        QCOMPARE(follower.live.problems().size(), qsizetype(1));
        const Diagnostic& problem = follower.live.problems().front();
        QCOMPARE(problem.code, QStringLiteral("malformed-line"));
        QCOMPARE(problem.file, kCurrent);
        QCOMPARE(problem.line, qint64(6));
        QCOMPARE(problem.byteOffset, qint64(first.size()));
        QCOMPARE(follower.live.problems().front().toString(), readSource(temp.path())->problems.front().toString());
    }

    void cli_data()
    {
        QTest::addColumn<bool>("sinceStart");
        QTest::addColumn<int>("stopSignal");
        QTest::addColumn<int>("runLineCount"); // runs that finish; the background run never does

        QTest::addRow("since start, SIGTERM") << true << int(SIGTERM) << 5;
        QTest::addRow("from the end, SIGINT") << false << int(SIGINT) << 4;
    }

    void cli()
    {
        QFETCH(bool, sinceStart);
        QFETCH(int, stopSignal);
        QFETCH(int, runLineCount);

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QList<QByteArray> lines = fixtureLines();
        const QString file = temp.filePath(kCurrent);
        writeFile(file, lines.mid(0, 61).join() + lines[61].left(30)); // startup and the first run

        QProcess process;
        QStringList arguments = { QStringLiteral("follow"), temp.path(), QStringLiteral("--format"),
            QStringLiteral("jsonl"), QStringLiteral("--poll-ms"), QStringLiteral("50") };
        if (sinceStart)
            arguments.append(QStringLiteral("--since-start"));
        process.start(QStringLiteral(RUNLENS_CLI), arguments);
        QVERIFY(process.waitForStarted());
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("following"), 30000);

        QByteArray rest = lines[61].mid(30);
        for (int i = 62; i < lines.size(); ++i)
            rest += lines[i];
        for (qsizetype at = 0; at < rest.size(); at += 700) {
            writeFile(file, rest.mid(at, 700));
            QTest::qWait(2);
        }

        QByteArray out;
        QList<QJsonObject> runs, hints;
        auto collect = [&] {
            out += process.readAllStandardOutput();
            while (out.contains('\n')) {
                const qsizetype end = out.indexOf('\n');
                const QJsonObject object = QJsonDocument::fromJson(out.left(end)).object();
                out.remove(0, end + 1);
                (object.value(QLatin1String("type")) == QLatin1String("run") ? runs : hints).append(object);
            }
            return runs.size() == runLineCount && hints.size() == 4;
        };
        QTRY_VERIFY_WITH_TIMEOUT(collect(), 30000);

        QCOMPARE(::kill(pid_t(process.processId()), stopSignal), 0);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        out += process.readAllStandardOutput();
        QVERIFY2(out.isEmpty(), out.constData());

        // A run line is the run's entry of runlens-cli report, plus its type.
        QProcess report;
        report.start(QStringLiteral(RUNLENS_CLI), { QStringLiteral("report"), temp.path() });
        QVERIFY(report.waitForFinished(60000));
        QHash<QString, QJsonObject> reported;
        for (const QJsonValue& run :
            QJsonDocument::fromJson(report.readAllStandardOutput()).object().value(QLatin1String("runs")).toArray())
            reported.insert(run.toObject().value(QLatin1String("run_id")).toString(), run.toObject());
        for (QJsonObject run : runs) {
            run.remove(QLatin1String("type"));
            const QString runId = run.value(QLatin1String("run_id")).toString();
            QVERIFY2(reported.contains(runId), qPrintable(runId));
            const QJsonObject expected = reported.value(runId);
            QStringList differing; // the keys, so that a failure says where
            QStringList keys = expected.keys() + run.keys();
            keys.removeDuplicates();
            for (const QString& key : std::as_const(keys)) {
                if (run.value(key) != expected.value(key))
                    differing.append(key + QLatin1String(": ")
                        + QString::fromUtf8(QJsonDocument(QJsonObject { { QStringLiteral("followed"), run.value(key) },
                                                              { QStringLiteral("read"), expected.value(key) } })
                                                .toJson(QJsonDocument::Compact)));
            }
            QVERIFY2(differing.isEmpty(),
                qPrintable(runId + QLatin1String(" differs in ") + differing.join(QLatin1String("; "))));
        }
        QStringList hintKinds;
        for (const QJsonObject& hint : hints) {
            QCOMPARE(hint.value(QLatin1String("session_id")).toString(),
                reported.value(hint.value(QLatin1String("run_id")).toString())
                    .value(QLatin1String("session_id"))
                    .toString());
            hintKinds.append(hint.value(QLatin1String("kind")).toString());
        }
        hintKinds.sort();
        QCOMPARE(hintKinds,
            QStringList({ QStringLiteral("channel:disabled"), QStringLiteral("channel:unavailable"),
                QStringLiteral("config:sparse-disabled"), QStringLiteral("stage:failed") }));
    }

    void cliOutputGone_data()
    {
        QTest::addColumn<QString>("output"); // "pipe" or a file to write to
        QTest::addColumn<int>("linesRead"); // before the reader goes; -1: never reads
        QTest::addColumn<QByteArray>("reason");

        QTest::addRow("reader gone before any output") << QStringLiteral("pipe") << -1 << QByteArray("Broken pipe");
        QTest::addRow("reader gone after the first line") << QStringLiteral("pipe") << 1 << QByteArray("Broken pipe");
        QTest::addRow("output device full")
            << QStringLiteral("/dev/full") << -1 << QByteArray("No space left on device");
    }

    void cliOutputGone()
    {
        // SIGPIPE ignored, as under systemd: a write to a pipe nobody reads fails with EPIPE instead of
        // ending the process. follow must notice and stop with 2, not run on for nobody.
        QFETCH(QString, output);
        QFETCH(int, linesRead);
        QFETCH(QByteArray, reason);

        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const QList<QByteArray> lines = fixtureLines();
        writeFile(temp.filePath(kCurrent), lines.mid(0, 120).join());

        int pipeEnds[2] = { -1, -1 };
        int outputFd = -1;
        if (output == QLatin1String("pipe")) {
            QCOMPARE(::pipe2(pipeEnds, O_CLOEXEC), 0);
            outputFd = pipeEnds[1];
        } else {
            outputFd = ::open(QFile::encodeName(output).constData(), O_WRONLY | O_CLOEXEC);
            QVERIFY(outputFd >= 0);
        }
        QProcess process;
        process.setChildProcessModifier([outputFd] {
            ::signal(SIGPIPE, SIG_IGN);
            ::dup2(outputFd, STDOUT_FILENO);
        });
        process.start(QStringLiteral(RUNLENS_CLI),
            { QStringLiteral("follow"), temp.path(), QStringLiteral("--format"), QStringLiteral("jsonl"),
                QStringLiteral("--since-start"), QStringLiteral("--poll-ms"), QStringLiteral("20") });
        QVERIFY(process.waitForStarted());
        ::close(outputFd); // the child has it as its standard output
        QElapsedTimer clock;
        clock.start();
        if (pipeEnds[0] >= 0) {
            QFile reader;
            QVERIFY(reader.open(pipeEnds[0], QIODevice::ReadOnly, QFileDevice::AutoCloseHandle));
            for (int i = 0; i < linesRead; ++i)
                QVERIFY(!reader.readLine().isEmpty());
            reader.close(); // the reader goes
        }
        // More runs to print, should follow not have noticed yet.
        writeFile(temp.filePath(kCurrent), lines.mid(120).join());

        QVERIFY2(process.waitForFinished(10000), "follow kept running without a reader");
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QList<QByteArray> err = process.readAllStandardError().trimmed().split('\n');
        QCOMPARE(err.size(), qsizetype(2)); // "following ...", then why it stopped
        QCOMPARE(err.last(), "runlens-cli: cannot write to standard output: " + reason);
    }
};

QTEST_GUILESS_MAIN(tst_Tailer)
#include "tst_tailer.moc"
