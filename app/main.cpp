// SPDX-License-Identifier: MIT
// runlens: the desktop viewer. Opens every PATH given in its own tab; --screenshot renders one
// source (or just its stage grid, waterfall or hints: --view) to a PNG without user interaction
// (works on the offscreen platform). --help and --version need no display.
#include "activitystrip.h"
#include "hintsview.h"
#include "inputfile.h"
#include "mainwindow.h"
#include "palettes.h"
#include "sourceview.h"
#include "stagegridview.h"
#include "timewindow.h"
#include "traceview.h"
#include "translations.h"
#include "triageview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QPalette>
#include <QPixmap>
#include <QRegularExpression>
#include <QStyle>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <optional>
#include <utility>

namespace {

void printError(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

// What --view grabs of a source's tab: the window (the default), or one part of the workspace.
enum class View
{
    Window,
    Grid,
    Waterfall,
    Hints
};

bool parseView(const QString& name, View* view)
{
    const std::pair<const char*, View> views[] = { { "window", View::Window }, { "grid", View::Grid },
        { "waterfall", View::Waterfall }, { "hints", View::Hints } };
    for (const auto& [text, value] : views) {
        if (name == QLatin1String(text)) {
            *view = value;
            return true;
        }
    }
    return false;
}

// Saves WIDGET as a PNG once the queued layout requests have run, then quits the event loop.
void grabLater(QWidget* widget, const QString& output)
{
    QTimer::singleShot(0, widget, [widget, output] {
        if (!widget->isVisible()) {
            printError(QApplication::translate("main", "runlens: nothing to grab for --view: the source shows no run"));
            QCoreApplication::exit(1);
            return;
        }
        if (!widget->grab().save(output, "PNG")) {
            printError(QApplication::translate("main", "runlens: cannot write %1").arg(output));
            QCoreApplication::exit(1);
            return;
        }
        QCoreApplication::exit(0);
    });
}

// Selects the first run and jumps to its root cause (or first hint), then saves WINDOW (or the part of VIEW that `part`
// names) as a PNG once the queued layout requests have run, and quits the event loop with 0 on success, 1 when there
// was nothing to grab or the file could not be written. The window was laid out at --size first, so the part is grabbed
// at the size it has there.
void grabWindow(Runlens::MainWindow* window, Runlens::SourceView* view, const QString& output, View part)
{
    if (!view->isLive()) // a followed directory shows its newest run
        view->selectFirstRun();
    view->showSelectedHint();
    QWidget* widget = window;
    switch (part) {
    case View::Window:
        break;
    case View::Grid:
        widget = view->stageGrid();
        break;
    case View::Waterfall:
        widget = view->waterfall();
        break;
    case View::Hints:
        widget = view->hintsView();
        break;
    }
    grabLater(widget, output);
}

// Calls `action` once `ready` holds, checking every 50 ms while the event loop runs.
void whenReady(QObject* context, const std::function<bool()>& ready, const std::function<void()>& action)
{
    auto* timer = new QTimer(context);
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, context, [timer, ready, action] {
        if (!ready())
            return;
        timer->stop();
        timer->deleteLater();
        action();
    });
    timer->start();
}

// Loads the runs of RANGE of PATH into WINDOW and grabs it once the source is read and its hints are computed, and
// for a span of a directory, its activity strip is drawn.
void screenshotWhenLoaded(
    Runlens::MainWindow* window, const QString& path, const Runlens::LoadRange& range, const QString& output, View part)
{
    using Runlens::SourceView;
    const bool wantsActivity = !range.isAll() && QFileInfo(path).isDir();
    QObject::connect(window, &Runlens::MainWindow::sourceFinished, window, [=](SourceView* view) {
        if (view->state() == SourceView::State::Failed && view->source())
            printError(QApplication::translate("main", "runlens: cannot open %1: %2")
                           .arg(view->path(), view->source()->fatalError));
        whenReady(
            view,
            [view, wantsActivity] {
                const bool hintsPending =
                    view->state() == SourceView::State::Loaded && !view->source()->runs.empty() && !view->hintReport();
                const bool activityPending =
                    wantsActivity && !(view->activityStrip() && view->activityStrip()->activity());
                return !hintsPending && !activityPending;
            },
            [=] { grabWindow(window, view, output, part); });
    });
    window->openPath(path, Runlens::MainWindow::RecentFiles::Skip, range);
}

// Follows DIR and grabs the window once the first runs and their hints are in.
void screenshotWhenFollowed(Runlens::MainWindow* window, const QString& directory, const QString& output, View part)
{
    Runlens::SourceView* view = window->followDirectory(directory);
    QObject::connect(
        view, &Runlens::SourceView::hintsChanged, window,
        [=] {
            view->setPaused(true); // what is grabbed stays what was loaded
            grabWindow(window, view, output, part);
        },
        Qt::SingleShotConnection);
}

// Fusion with a light or dark palette, so that screenshots and users get the same colours on any
// desktop; "system" keeps the platform's style.
bool applyTheme(const QString& theme)
{
    if (theme == QLatin1String("system"))
        return true;
    const bool dark = theme == QLatin1String("dark");
    if (!dark && theme != QLatin1String("light"))
        return false;
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(dark ? Runlens::darkPalette() : QApplication::style()->standardPalette());
    return true;
}

// The command line, shared by the display-less --help and --version and by the viewer.
struct Options
{
    QCommandLineOption screenshot { QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Load PATH, save the window as a PNG to FILE, exit."),
        QStringLiteral("FILE") };
    QCommandLineOption size { QStringLiteral("size"),
        QCoreApplication::translate("main", "Window size for --screenshot (default 1280x800)."), QStringLiteral("WxH"),
        QStringLiteral("1280x800") };
    QCommandLineOption view { QStringLiteral("view"),
        QCoreApplication::translate("main",
            "What --screenshot saves of the window laid out at --size: window (default), grid, waterfall or hints."),
        QStringLiteral("VIEW"), QStringLiteral("window") };
    QCommandLineOption lang { QStringLiteral("lang"),
        QCoreApplication::translate("main", "User interface language, like de or en (default: the system's)."),
        QStringLiteral("LANG") };
    QCommandLineOption theme { QStringLiteral("theme"),
        QCoreApplication::translate("main", "Colour theme: light, dark or system (default)."), QStringLiteral("THEME"),
        QStringLiteral("system") };
    QCommandLineOption follow { QStringLiteral("follow"),
        QCoreApplication::translate("main", "Follow timeline directory DIR while the server writes it."),
        QStringLiteral("DIR") };
    QCommandLineOption triage { QStringLiteral("triage"),
        QCoreApplication::translate(
            "main", "Open the PATHs (runpacks, folders of them, timelines) as one triage board.") };
    QCommandLineOption compare { QStringLiteral("compare"),
        QCoreApplication::translate("main", "Compare the first runs of the two PATHs side by side.") };
    QCommandLineOption since { QStringLiteral("since"),
        QCoreApplication::translate("main",
            "Only the runs of the timelines that start at or after TIME: ISO 8601 with a zone "
            "(2026-11-24T10:00:00Z) or epoch seconds. A directory shows its whole activity above them."),
        QStringLiteral("TIME") };
    QCommandLineOption until { QStringLiteral("until"),
        QCoreApplication::translate("main", "Only the runs of the timelines that start before TIME (as --since)."),
        QStringLiteral("TIME") };

    explicit Options(QCommandLineParser& parser)
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Runlens: forensics viewer for runpacks and JSONL timelines."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({ screenshot, size, view, lang, theme, follow, triage, compare, since, until });
        parser.addPositionalArgument(QStringLiteral("PATH"),
            QCoreApplication::translate("main", "Runpack zips, timeline directories or .jsonl files to open."),
            QStringLiteral("[PATH...]"));
    }
};

// --help and --version print and exit before anything needs a display (a QApplication would abort without one).
bool onlyPrints(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break; // what follows is PATHs
        for (const char* option : { "-h", "--help", "-?", "--help-all", "-v", "--version" }) {
            if (argument == QLatin1String(option))
                return true;
        }
    }
    return false;
}

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Runlens"));
    QCoreApplication::setApplicationName(QStringLiteral("runlens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RUNLENS_VERSION));
}

// The --lang value, read before the parser, so that --help speaks the user's language.
QString languageOf(const QStringList& arguments)
{
    QString language;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--lang") && i + 1 < arguments.size())
            language = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(QLatin1String("--lang=")))
            language = arguments.at(i).mid(7);
    }
    return language;
}

} // namespace

int main(int argc, char** argv)
{
    // Decoded as file names are, not by QCoreApplication::arguments(): a PATH need not be UTF-8.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(Runlens::decodeFileName(QByteArray(argv[i])));
    if (onlyPrints(arguments)) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        Runlens::installTranslations(languageOf(arguments));
        QCommandLineParser parser;
        const Options options(parser);
        parser.process(arguments); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    Runlens::raiseOpenFileLimit(); // a timeline file stays open while its lines may be asked for
    setApplicationInfo();
    QApplication::setApplicationDisplayName(QStringLiteral("Runlens"));
    QApplication::setDesktopFileName(QStringLiteral("org.runlens.Runlens"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.runlens.Runlens.svg")));
    Runlens::installTranslations(languageOf(arguments)); // --lang switches later

    QCommandLineParser parser;
    const Options options(parser);
    parser.process(arguments);
    const QStringList paths = parser.positionalArguments();
    if (!applyTheme(parser.value(options.theme))) {
        printError(QApplication::translate("main", "runlens: --theme wants light, dark or system, not \"%1\"")
                       .arg(parser.value(options.theme)));
        return 2;
    }
    View part = View::Window;
    if (!parseView(parser.value(options.view), &part)) {
        printError(QApplication::translate("main", "runlens: --view wants window, grid, waterfall or hints, not \"%1\"")
                       .arg(parser.value(options.view)));
        return 2;
    }

    const auto value = [&parser](const QCommandLineOption& option) {
        return parser.isSet(option) ? std::optional(parser.value(option)) : std::nullopt;
    };
    QString badOption;
    QString error;
    const std::optional<Runlens::TimeWindow> span =
        Runlens::parseTimeWindow(value(options.since), value(options.until), &badOption, &error);
    if (!span) {
        printError(badOption.isEmpty() ? QApplication::translate("main", "runlens: --since must come before --until")
                                       : QStringLiteral("runlens: --%1: %2").arg(badOption, error));
        return 2;
    }
    const Runlens::LoadRange range { 0, *span };

    Runlens::MainWindow window;
    if (parser.isSet(options.screenshot)) {
        const QStringList follows = parser.values(options.follow);
        const bool boardOrCompare = parser.isSet(options.triage) || parser.isSet(options.compare);
        if (!boardOrCompare && paths.size() + follows.size() != 1) {
            printError(QApplication::translate("main", "runlens: --screenshot takes exactly one PATH or --follow DIR"));
            return 2;
        }
        if (boardOrCompare && part != View::Window) {
            printError(QApplication::translate("main",
                "runlens: --view grid, waterfall and hints take one PATH or --follow DIR, not a board or compare"));
            return 2;
        }
        const QRegularExpressionMatch size =
            QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(parser.value(options.size));
        if (!size.hasMatch()) {
            printError(QApplication::translate("main", "runlens: --size wants WIDTHxHEIGHT, like 1280x800, not \"%1\"")
                           .arg(parser.value(options.size)));
            return 2;
        }
        window.setRemembersLayout(false);
        window.setWindowState(Qt::WindowNoState); // whatever geometry the settings restored
        window.resize(size.captured(1).toInt(), size.captured(2).toInt());
        window.show();
        const QString output = parser.value(options.screenshot);
        if (parser.isSet(options.compare) && paths.size() == 2) {
            QObject::connect(&window, &Runlens::MainWindow::compareReady, &window,
                [&window, output] { grabLater(&window, output); });
            window.compareInputs(paths.at(0), paths.at(1));
        } else if (parser.isSet(options.triage)) {
            Runlens::TriageView* triage = window.openTriage(paths);
            QObject::connect(
                triage, &Runlens::TriageView::loadFinished, &window, [&window, output] { grabLater(&window, output); });
        } else if (!follows.isEmpty()) {
            screenshotWhenFollowed(&window, follows.constFirst(), output, part);
        } else if (!boardOrCompare) {
            screenshotWhenLoaded(&window, paths.constFirst(), range, output, part);
        } else {
            printError(QApplication::translate("main", "runlens: --compare takes exactly two PATHs"));
            return 2;
        }
        return QApplication::exec();
    }

    if (parser.isSet(options.compare)) {
        if (paths.size() != 2) {
            printError(QApplication::translate("main", "runlens: --compare takes exactly two PATHs"));
            return 2;
        }
        window.compareInputs(paths.at(0), paths.at(1));
    } else if (parser.isSet(options.triage)) {
        window.openTriage(paths);
    } else {
        for (const QString& path : paths)
            window.openPath(path, Runlens::MainWindow::RecentFiles::Add, range);
    }
    for (const QString& directory : parser.values(options.follow))
        window.followDirectory(directory);
    window.show();
    return QApplication::exec();
}
