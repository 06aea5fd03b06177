// SPDX-License-Identifier: MIT
#include "hostileinput.h"
#include "runfilter.h"
#include "source.h"
#include "sourcereader.h"
#include "synthdir.h"
#include "timelinereader.h"
#include "timewindow.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>

using namespace Runlens;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr qint64 kMidnight = 1795564800; // 2026-11-25T00:00:00Z

// Every run a read gives that starts in `window`: "session/run" -> "status, events".
std::map<QString, QString> runsIn(const Source& source, const TimeWindow& window)
{
    std::map<QString, QString> runs;
    const RunFilter filter { {}, {}, window };
    for (const RunPtr& run : source.runs) {
        if (filter.matches(*run))
            runs[run->sessionId + u'/' + run->runId] =
                runStatusName(run->status) + QStringLiteral(", %1 events").arg(run->events.size());
    }
    return runs;
}

QByteArray line(double ts)
{
    return QByteArrayLiteral(R"({"ts":)") + QByteArray::number(ts, 'f', 3)
        + QByteArrayLiteral(R"(,"type":"operation.start","session_id":"s","run_id":"r","name":"n"})");
}

} // namespace

class tst_TimeWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parseTime_data();
    void parseTime();
    void parseWindow_data();
    void parseWindow();
    void contains_data();
    void contains();
    void endTimes_data();
    void endTimes();
    void directory_data();
    void directory();

private:
    QTemporaryDir m_dir;
    QString m_rotated; // eight files of 100,000 lines from 22:47:31 UTC, one day
    QString m_midnight; // eight files of 100,000 lines across midnight, two days
};

void tst_TimeWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_rotated = m_dir.filePath(QStringLiteral("rotated"));
    m_midnight = m_dir.filePath(QStringLiteral("midnight"));
    SynthStats stats;
    QVERIFY(Test::writeRotatedTimeline(m_rotated, 100'000, 20, 8, &stats));
    SynthOptions options;
    options.events = 100'000;
    options.sessions = 20;
    options.files = 8;
    options.startEpoch = kMidnight - 600;
    QString error;
    QVERIFY2(synthesizeTimeline(m_midnight, options, &stats, &error), qPrintable(error));
    QVERIFY(stats.files.first().startsWith(QLatin1String("events-20261124")));
    QVERIFY(stats.files.last().startsWith(QLatin1String("events-20261125")));
}

void tst_TimeWindow::parseTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("seconds"); // NaN: refused
    QTest::addColumn<QString>("reason"); // a word of the refusal
    QTest::addRow("UTC") << QStringLiteral("2026-11-25T00:00:00Z") << double(kMidnight) << QString();
    QTest::addRow("offset") << QStringLiteral("2026-11-25T01:00:00+01:00") << double(kMidnight) << QString();
    QTest::addRow("milliseconds") << QStringLiteral("2026-11-25T00:00:00.250Z") << kMidnight + 0.25 << QString();
    QTest::addRow("epoch") << QStringLiteral("1795564800") << double(kMidnight) << QString();
    QTest::addRow("epoch fraction") << QStringLiteral(" 1795564800.5 ") << kMidnight + 0.5 << QString();
    QTest::addRow("no zone") << QStringLiteral("2026-11-25T00:00:00") << double(NAN) << QStringLiteral("zone");
    QTest::addRow("a date only") << QStringLiteral("2026-11-25") << double(NAN) << QStringLiteral("zone");
    QTest::addRow("words") << QStringLiteral("yesterday") << double(NAN) << QStringLiteral("ISO 8601");
    QTest::addRow("empty") << QString() << double(NAN) << QStringLiteral("ISO 8601");
    QTest::addRow("infinity") << QStringLiteral("inf") << double(NAN) << QStringLiteral("not a time");
    QTest::addRow("NaN") << QStringLiteral("nan") << double(NAN) << QStringLiteral("not a time");
}

void tst_TimeWindow::parseTime()
{
    QFETCH(QString, text);
    QFETCH(double, seconds);
    QFETCH(QString, reason);
    QString error;
    const std::optional<double> parsed = parseTimeArgument(text, &error);
    if (std::isnan(seconds)) {
        QVERIFY(!parsed);
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY2(error.contains(text), qPrintable(error)); // says which value
    } else {
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(*parsed, seconds);
    }
}

void tst_TimeWindow::parseWindow_data()
{
    using Text = std::optional<QString>;
    QTest::addColumn<Text>("since");
    QTest::addColumn<Text>("until");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<QString>("badOption"); // when refused: the option named, empty for a window without time
    const Text midnight = QStringLiteral("2026-11-25T00:00:00Z");
    QTest::addRow("neither") << Text() << Text() << false << -kInf << kInf << QString();
    QTest::addRow("since only") << midnight << Text() << false << double(kMidnight) << kInf << QString();
    QTest::addRow("until only") << Text() << Text(QStringLiteral("1795564800")) << false << -kInf << double(kMidnight)
                                << QString();
    QTest::addRow("an hour") << midnight << Text(QStringLiteral("2026-11-25T02:00:00+01:00")) << false
                             << double(kMidnight) << double(kMidnight + 3600) << QString();
    QTest::addRow("bad since") << Text(QStringLiteral("yesterday")) << Text() << true << 0.0 << 0.0
                               << QStringLiteral("since");
    QTest::addRow("bad until") << midnight << Text(QStringLiteral("2026-11-25T01:00")) << true << 0.0 << 0.0
                               << QStringLiteral("until");
    QTest::addRow("until at since") << midnight << Text(QStringLiteral("1795564800")) << true << 0.0 << 0.0
                                    << QString();
    QTest::addRow("until before since") << Text(QStringLiteral("1795568400")) << midnight << true << 0.0 << 0.0
                                        << QString();
}

// --since and --until together, as runlens-cli and runlens read them: the window, or what is wrong and where.
void tst_TimeWindow::parseWindow()
{
    QFETCH(std::optional<QString>, since);
    QFETCH(std::optional<QString>, until);
    QFETCH(bool, refused);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(QString, badOption);
    QString bad = QStringLiteral("untouched");
    QString error;
    const std::optional<TimeWindow> window = parseTimeWindow(since, until, &bad, &error);
    if (refused) {
        QVERIFY(!window);
        QCOMPARE(bad, badOption);
        if (!bad.isEmpty()) // says which value
            QVERIFY2(error.contains(bad == QLatin1String("since") ? *since : *until), qPrintable(error));
        return;
    }
    QVERIFY2(window, qPrintable(error));
    QCOMPARE(window->since, from);
    QCOMPARE(window->until, to);
}

void tst_TimeWindow::contains_data()
{
    QTest::addColumn<double>("since");
    QTest::addColumn<double>("until");
    QTest::addColumn<double>("start");
    QTest::addColumn<bool>("contained");
    QTest::addRow("all, any start") << -kInf << kInf << 5.0 << true;
    QTest::addRow("all, unknown start") << -kInf << kInf << double(NAN) << true;
    QTest::addRow("window, unknown start") << 0.0 << 10.0 << double(NAN) << false;
    QTest::addRow("at since") << 0.0 << 10.0 << 0.0 << true;
    QTest::addRow("just before since") << 0.0 << 10.0 << -0.001 << false;
    QTest::addRow("at until") << 0.0 << 10.0 << 10.0 << false;
    QTest::addRow("just before until") << 0.0 << 10.0 << 9.999 << true;
    QTest::addRow("open since") << -kInf << 10.0 << -1e9 << true;
    QTest::addRow("open until") << 0.0 << kInf << 1e12 << true;
}

void tst_TimeWindow::contains()
{
    QFETCH(double, since);
    QFETCH(double, until);
    QFETCH(double, start);
    QFETCH(bool, contained);
    QCOMPARE((TimeWindow { since, until }.contains(start)), contained);
}

void tst_TimeWindow::endTimes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<double>("first"); // NaN: not known from the ends
    QTest::addColumn<double>("last");
    QByteArray many;
    for (int i = 0; i < 2000; ++i) // past the 64 KiB read at either end
        many += line(1000.0 + i) + '\n';
    QTest::addRow("lines") << line(10) + '\n' + line(11) + '\n' + line(12) + '\n' << 10.0 << 12.0;
    QTest::addRow("big file") << many << 1000.0 << 2999.0;
    QTest::addRow("last line being written") << line(10) + '\n' + line(11) + '\n' + line(99).left(20) << 10.0 << 11.0;
    QTest::addRow("CRLF") << line(10) + "\r\n" + line(12) + "\r\n" << 10.0 << 12.0;
    QTest::addRow("one line") << line(10) + '\n' << 10.0 << 10.0;
    QTest::addRow("ts going back") << line(20) + '\n' + line(10) + '\n' << 10.0 << 20.0;
    QTest::addRow("empty") << QByteArray() << double(NAN) << double(NAN);
    QTest::addRow("no line break") << line(10) << double(NAN) << double(NAN);
    QTest::addRow("first line broken") << QByteArray("{not json\n") + line(12) + '\n' << double(NAN) << double(NAN);
    QTest::addRow("last line broken") << line(10) + '\n' + "{\"ts\":\n" << double(NAN) << double(NAN);
    QTest::addRow("NaN ts") << line(10) + '\n' + R"({"ts":NaN,"type":"x","session_id":"s","run_id":"r"})" + '\n'
                            << double(NAN) << double(NAN);
}

void tst_TimeWindow::endTimes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(double, first);
    QFETCH(double, last);
    const QString path = m_dir.filePath(QStringLiteral("ends.jsonl"));
    QVERIFY(Test::writeFile(path, bytes));
    const auto times = TimelineReader::endTimes(path);
    if (std::isnan(first)) {
        QVERIFY(!times);
        return;
    }
    QVERIFY(times);
    QCOMPARE(times->first, first);
    QCOMPARE(times->second, last);
}

// A windowed read gives exactly the runs a whole read gives that start in the window, with the same events, and
// leaves out the files that cannot hold them: at a rotation boundary, across midnight, open-ended.
void tst_TimeWindow::directory_data()
{
    QTest::addColumn<bool>("midnight");
    QTest::addColumn<int>("file"); // the window starts at this file's first line
    QTest::addColumn<double>("length"); // seconds; infinite: open until
    QTest::addColumn<bool>("openSince");
    QTest::addColumn<int>("minSkipped");
    // Files are about three minutes each; TimeWindow::kRunSlackS is five.
    QTest::addRow("a minute at a rotation") << false << 3 << 60.0 << false << 3;
    QTest::addRow("the first file's first minute") << false << 0 << 60.0 << false << 5;
    QTest::addRow("the last file, open until") << false << 7 << kInf << false << 5;
    QTest::addRow("open since, to the third file") << false << 2 << 0.0 << true << 3;
    QTest::addRow("a minute at midnight") << true << -1 << 60.0 << false << 3;
    QTest::addRow("the next day") << true << -2 << kInf << false << 1;
}

void tst_TimeWindow::directory()
{
    QFETCH(bool, midnight);
    QFETCH(int, file);
    QFETCH(double, length);
    QFETCH(bool, openSince);
    QFETCH(int, minSkipped);
    const QString directory = midnight ? m_midnight : m_rotated;
    const QStringList files = TimelineReader::timelineFiles(directory);
    QCOMPARE(files.size(), midnight ? 9 : 8); // the synth closes a segment at midnight
    TimeWindow window;
    if (file >= 0) {
        const auto times = TimelineReader::endTimes(QDir(directory).filePath(files.at(file)));
        QVERIFY(times);
        window.since = times->first;
    } else {
        window.since = double(kMidnight) + (file == -2 ? 0.0 : -30.0);
    }
    window.until = window.since + length;
    if (openSince) {
        window.until = window.since; // up to the start of that file
        window.since = -kInf;
    }

    const SourcePtr whole = readSource(directory);
    QVERIFY(whole->ok());
    LoadControl control;
    control.window = window;
    const SourcePtr windowed = readSource(directory, control);
    QVERIFY(windowed->ok());

    const auto expected = runsIn(*whole, window);
    QVERIFY(!expected.empty());
    const auto actual = runsIn(*windowed, window);
    QCOMPARE(actual.size(), expected.size());
    QVERIFY(actual == expected);
    QVERIFY2(windowed->filesOutsideWindow.size() >= minSkipped,
        qPrintable(windowed->filesOutsideWindow.join(u' ') + QStringLiteral(" skipped")));
    // No problem that a whole read does not have: a run cut off where the files read end starts after the window,
    // and is left out with its problems.
    QStringList wholeProblems;
    for (const Diagnostic& problem : whole->problems)
        wholeProblems.append(problem.toString());
    for (const Diagnostic& problem : windowed->problems)
        QVERIFY2(wholeProblems.contains(problem.toString()), qPrintable(problem.toString()));
    QVERIFY(windowed->runs.size() == expected.size());
    // Every file left out holds no line of a run in the window, by its own ends.
    for (const QString& name : windowed->filesOutsideWindow) {
        const auto times = TimelineReader::endTimes(QDir(directory).filePath(name));
        QVERIFY(times);
        QVERIFY(!window.mayHold(times->first, times->second));
    }
}

QTEST_GUILESS_MAIN(tst_TimeWindow)
#include "tst_timewindow.moc"
