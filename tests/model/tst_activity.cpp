// SPDX-License-Identifier: MIT
#include "activity.h"
#include "source.h"
#include "sourcereader.h"
#include "synthdir.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Runlens;

namespace {

bool writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

// "runs/failed/cut off" of each bin that has runs, keyed by its start: comparable at a glance in a failure.
QStringList describe(const Activity& activity)
{
    QStringList bins;
    for (size_t b = 0; b < activity.bins.size(); ++b) {
        const Activity::Bin& bin = activity.bins[b];
        if (bin.runs > 0)
            bins << QStringLiteral("%1: %2/%3/%4")
                        .arg(qint64(activity.start + activity.binSeconds * double(b)))
                        .arg(bin.runs)
                        .arg(bin.failed)
                        .arg(bin.cutOff);
    }
    return bins;
}

// The same bins, counted from the runs of a full read.
Activity countedFromRuns(const Activity& activity, const Source& source)
{
    Activity counted = activity;
    for (Activity::Bin& bin : counted.bins)
        bin = {};
    for (const RunPtr& run : source.runs) {
        Activity::Bin& bin = counted.bins[size_t(counted.binOf(run->events.front().ts))];
        ++bin.runs;
        bin.failed += run->status == RunStatus::Error ? 1 : 0;
        bin.cutOff += run->status == RunStatus::CutOff || run->status == RunStatus::Running ? 1 : 0;
    }
    return counted;
}

} // namespace

class tst_Activity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesAFullRead_data();
    void matchesAFullRead();
    void upstreamDirectories_data();
    void upstreamDirectories();
    void handMadeLines();
    void emptyDirectory();
    void canceled();
};

void tst_Activity::matchesAFullRead_data()
{
    QTest::addColumn<qint64>("events");
    QTest::addColumn<int>("sessions");
    QTest::addColumn<int>("files");
    QTest::newRow("rotated: runs across files") << qint64(20'000) << 30 << 8;
    // Over 8 MB in one file: lines across the scanner's blocks.
    QTest::newRow("one big file") << qint64(40'000) << 20 << 1;
}

// The quick pass counts, minute by minute, the runs a full read builds: where they start, which failed and which
// were cut off.
void tst_Activity::matchesAFullRead()
{
    QFETCH(qint64, events);
    QFETCH(int, sessions);
    QFETCH(int, files);
    QTemporaryDir dir;
    SynthStats stats;
    QVERIFY(Test::writeRotatedTimeline(dir.path(), events, sessions, files, &stats));
    const Activity activity = scanActivity(dir.path());
    QVERIFY(!activity.canceled);
    QCOMPARE(activity.lines, events);
    QCOMPARE(activity.binSeconds, 60.0);
    const Activity::Bin all = activity.total(0, int(activity.bins.size()) - 1);
    QVERIFY(all.failed > 0); // the comparison covers both marks
    QVERIFY(all.cutOff > 0);
    QCOMPARE(describe(activity), describe(countedFromRuns(activity, *readSource(dir.path()))));
}

void tst_Activity::upstreamDirectories_data()
{
    QTest::addColumn<QString>("directory");
    for (const char* name : { "happy-path", "error-embed", "sparse-disabled" })
        QTest::newRow(name) << Test::fixture(QStringLiteral("upstream/%1/data/diagnostics").arg(QLatin1String(name)));
}

void tst_Activity::upstreamDirectories()
{
    QFETCH(QString, directory);
    const Activity activity = scanActivity(directory);
    QVERIFY(!activity.isEmpty());
    QCOMPARE(describe(activity), describe(countedFromRuns(activity, *readSource(directory))));
}

void tst_Activity::handMadeLines()
{
    QTemporaryDir dir;
    // Upstream's compact lines, and Python's default separators in the next file; a run goes on across the
    // rotation, and the last line has no line break.
    QVERIFY(writeText(dir.filePath(QStringLiteral("events-20261124-1795560000.jsonl")),
        R"({"ts":1795560001.5,"type":"step.start","name":"t","status":"ok","session_id":"s","run_id":"a"})"
        "\n"
        R"({"ts":1795560002,"type":"step.start","name":"t","status":"ok","session_id":"s","run_id":"b"})"
        "\n"
        R"({"ts":1795560003,"type":"step.end","name":"t","status":"error","session_id":"s","run_id":"b","attrs":{"run_id":"x"}})"
        "\n"
        // Escaped quotes and backslashes in the texts before the ids; the ids after an object value.
        "{\"ts\":1795560004,\"type\":\"log\",\"name\":\"say \\\"hi\\\"\",\"message\":\"C:\\\\\",\"status\":\"ok\","
        "\"session_id\":\"s\",\"run_id\":\"b\"}"
        "\n"
        R"({"ts":1795560005,"type":"log","extra":{"k":1},"status":"ok","session_id":"s","run_id":"b"})"
        "\n"
        "not json at all\n"));
    QVERIFY(writeText(dir.filePath(QStringLiteral("events-20261124.jsonl")),
        R"({"ts": 1795560070.0, "type": "step.end", "name": "t", "status": "ok", "session_id": "s", "run_id": "a"})"
        "\n"
        R"({"ts": 1795560200.0, "type": "step.start", "name": "t", "status": "ok", "session_id": "s2", "run_id": "a"})"));
    const Activity activity = scanActivity(dir.path());
    QCOMPARE(activity.lines, qint64(7));
    QCOMPARE(activity.start, 1795560000.0);
    // Run s/a starts in the first minute and ends in the second file; s/b failed; s2/a (another session, the
    // same run id) is still open three minutes later.
    QCOMPARE(
        describe(activity), QStringList({ QStringLiteral("1795560000: 2/1/0"), QStringLiteral("1795560180: 1/0/1") }));
    QCOMPARE(activity.binOf(1795560200.0), 3);
    QCOMPARE(activity.binOf(0), 0); // clamped
    QCOMPARE(activity.total(0, 3).runs, quint32(3));
}

void tst_Activity::emptyDirectory()
{
    QTemporaryDir dir;
    const Activity activity = scanActivity(dir.path());
    QVERIFY(activity.isEmpty());
    QCOMPARE(activity.binOf(1.0), -1);
}

void tst_Activity::canceled()
{
    QTemporaryDir dir;
    SynthStats stats;
    QVERIFY(Test::writeRotatedTimeline(dir.path(), 2'000, 5, 2, &stats));
    LoadControl control;
    control.isCanceled = [] { return true; };
    const Activity activity = scanActivity(dir.path(), control);
    QVERIFY(activity.canceled);
    QVERIFY(activity.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Activity)
#include "tst_activity.moc"
