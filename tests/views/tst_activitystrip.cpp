// SPDX-License-Identifier: MIT
#include "activitystrip.h"
#include "palettes.h"
#include "runstatus.h"
#include "translations.h"

#include <QApplication>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Runlens;

namespace {

constexpr double kStart = 1795560000; // a whole minute, 2026-11-24T22:40:00Z

// Two hours of minutes: 10 runs each, one failed run every minute of the second hour, three cut off in minute 30.
std::shared_ptr<const Activity> twoHours()
{
    auto activity = std::make_shared<Activity>();
    activity->start = kStart;
    activity->bins.resize(120);
    for (size_t b = 0; b < activity->bins.size(); ++b)
        activity->bins[b] = { 10, b >= 60 ? 1u : 0u, b == 30 ? 3u : 0u };
    return activity;
}

// Shows two hours in `strip`, 1200 pixels wide; its graph, null when it cannot be shown.
QWidget* showTwoHours(ActivityStrip* strip)
{
    strip->setActivity(twoHours());
    strip->resize(1200, strip->sizeHint().height());
    strip->show();
    if (!QTest::qWaitForWindowExposed(strip))
        return nullptr;
    return strip->findChild<QWidget*>(QStringLiteral("activityGraph"));
}

// Whether the picture holds a pixel of `color` (the bars are drawn without blending).
bool holds(const QImage& image, const QColor& color)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y) == color)
                return true;
        }
    }
    return false;
}

} // namespace

class tst_ActivityStrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void summary_data();
    void summary();
    void dragChoosesWholeBins();
    void clickAndEscapeChooseNothing();
    void paintsStatusColours_data();
    void paintsStatusColours();
};

void tst_ActivityStrip::initTestCase()
{
    qputenv("TZ", "UTC"); // the strip shows local time
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en")); // English plurals
}

void tst_ActivityStrip::summary_data()
{
    QTest::addColumn<bool>("scanned");
    QTest::addColumn<std::optional<TimeWindow>>("loaded");
    QTest::addColumn<QString>("expected");
    QTest::addRow("scanning, being read") << false << std::optional<TimeWindow>()
                                          << "Scanning the whole directory for its runs over time. Loaded: being read.";
    const QString whole = QStringLiteral("Whole directory: 11-24 22:40 to 11-25 00:40, 1,200 runs (60 failed, 3 cut "
                                         "off). Loaded: %1. Drag across to load another span.");
    QTest::addRow("all") << true << std::optional<TimeWindow>(TimeWindow()) << whole.arg(QLatin1String("all of it"));
    QTest::addRow("an hour") << true << std::optional<TimeWindow>(TimeWindow { kStart + 1200, kStart + 4800 })
                             << whole.arg(QLatin1String("11-24 23:00 to 00:00")); // ends at midnight
    QTest::addRow("from") << true
                          << std::optional<TimeWindow>(
                                 TimeWindow { kStart + 1200, std::numeric_limits<double>::infinity() })
                          << whole.arg(QLatin1String("from 11-24 23:00 on"));
}

void tst_ActivityStrip::summary()
{
    QFETCH(bool, scanned);
    QFETCH(std::optional<TimeWindow>, loaded);
    QFETCH(QString, expected);
    ActivityStrip strip;
    if (scanned)
        strip.setActivity(twoHours());
    strip.setLoaded(loaded);
    QCOMPARE(strip.summaryText(), expected);
}

// Dragging across the graph chooses the runs that start in the bins under the band, and shows that span as loaded.
void tst_ActivityStrip::dragChoosesWholeBins()
{
    ActivityStrip strip;
    QWidget* graph = showTwoHours(&strip);
    QVERIFY(graph);
    QSignalSpy chosen(&strip, &ActivityStrip::spanChosen);
    // 120 bins over the graph's width: a bin is width / 120 pixels wide.
    const double perBin = double(graph->width()) / 120;
    const int y = graph->height() / 2;
    const int from = int(std::ceil(30.5 * perBin)); // inside bin 30
    const int to = int(std::floor(59.5 * perBin)); // inside bin 59
    QTest::mousePress(graph, Qt::LeftButton, {}, QPoint(from, y));
    QTest::mouseMove(graph, QPoint((from + to) / 2, y));
    QTest::mouseMove(graph, QPoint(to, y));
    QTest::mouseRelease(graph, Qt::LeftButton, {}, QPoint(to, y));
    QCOMPARE(chosen.count(), 1);
    const auto window = chosen.at(0).at(0).value<TimeWindow>();
    QCOMPARE(window.since, kStart + 30 * 60);
    QCOMPARE(window.until, kStart + 60 * 60);
    QVERIFY(strip.loaded());
    QCOMPARE(strip.loaded()->since, window.since);
    QVERIFY(strip.summaryText().contains(QLatin1String("Loaded: 11-24 23:10 to 23:40.")));
}

void tst_ActivityStrip::clickAndEscapeChooseNothing()
{
    ActivityStrip strip;
    QWidget* graph = showTwoHours(&strip);
    QVERIFY(graph);
    QSignalSpy chosen(&strip, &ActivityStrip::spanChosen);
    const int y = graph->height() / 2;
    QTest::mouseClick(graph, Qt::LeftButton, {}, QPoint(300, y));
    QTest::mousePress(graph, Qt::LeftButton, {}, QPoint(100, y));
    QTest::mouseMove(graph, QPoint(400, y));
    QTest::keyClick(graph, Qt::Key_Escape);
    QTest::mouseRelease(graph, Qt::LeftButton, {}, QPoint(400, y));
    QCOMPARE(chosen.count(), 0);
    QVERIFY(!strip.loaded());
}

void tst_ActivityStrip::paintsStatusColours_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addRow("light") << false;
    QTest::addRow("dark") << true;
}

// The bars show failed and cut-off runs in their status colours, and nothing else when there are none.
void tst_ActivityStrip::paintsStatusColours()
{
    QFETCH(bool, dark);
    ActivityStrip strip;
    if (dark)
        strip.setPalette(darkPalette());
    strip.resize(1200, strip.sizeHint().height());
    strip.setActivity(twoHours());
    auto* graph = strip.findChild<QWidget*>(QStringLiteral("activityGraph")); // not the legend's icons
    QVERIFY(graph);
    const QImage image = graph->grab().toImage();
    QVERIFY(holds(image, runStatusColor(RunStatus::Error)));
    QVERIFY(holds(image, runStatusColor(RunStatus::CutOff)));

    auto calm = std::make_shared<Activity>(*twoHours());
    for (Activity::Bin& bin : calm->bins)
        bin.failed = bin.cutOff = 0;
    strip.setActivity(calm);
    QVERIFY(!holds(graph->grab().toImage(), runStatusColor(RunStatus::Error)));
}

QTEST_MAIN(tst_ActivityStrip)
#include "tst_activitystrip.moc"
