// SPDX-License-Identifier: MIT
// runlens: the desktop viewer. Opens every PATH given in its own tab; --screenshot renders one
// source to a PNG without user interaction (works on the offscreen platform).
#include "inputfile.h"
#include "mainwindow.h"
#include "palettes.h"
#include "sourceview.h"
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

namespace {

void printError(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

// Saves WINDOW as a PNG once the queued layout requests have run, then quits the event loop.
void grabLater(QWidget* window, const QString& output)
{
    QTimer::singleShot(0, window, [window, output] {
        if (!window->grab().save(output, "PNG")) {
            printError(QApplication::translate("main", "runlens: cannot write %1").arg(output));
            QCoreApplication::exit(1);
            return;
        }
        QCoreApplication::exit(0);
    });
}

// Selects the first run and jumps to its root cause (or first hint), then saves WINDOW as a PNG once the queued layout
// requests have run, and quits the event loop with 0 on success, 1 when the file could not be written.
void grabWindow(Runlens::MainWindow* window, Runlens::SourceView* view, const QString& output)
{
    if (!view->isLive()) // a followed directory shows its newest run
        view->selectFirstRun();
    view->showSelectedHint();
    grabLater(window, output);
}

// Loads PATH into WINDOW and grabs it once the source is read and its hints are computed.
void screenshotWhenLoaded(Runlens::MainWindow* window, const QString& path, const QString& output)
{
    using Runlens::SourceView;
    QObject::connect(window, &Runlens::MainWindow::sourceFinished, window, [window, output](SourceView* view) {
        if (view->state() == SourceView::State::Failed && view->source())
            printError(QApplication::translate("main", "runlens: cannot open %1: %2")
                           .arg(view->path(), view->source()->fatalError));
        const bool hintsPending =
            view->state() == SourceView::State::Loaded && !view->source()->runs.empty() && !view->hintReport();
        if (!hintsPending) {
            grabWindow(window, view, output);
            return;
        }
        QObject::connect(
            view, &SourceView::hintsChanged, window, [=] { grabWindow(window, view, output); },
            Qt::SingleShotConnection);
    });
    window->openPath(path, Runlens::MainWindow::RecentFiles::Skip);
}

// Follows DIR and grabs the window once the first runs and their hints are in.
void screenshotWhenFollowed(Runlens::MainWindow* window, const QString& directory, const QString& output)
{
    Runlens::SourceView* view = window->followDirectory(directory);
    QObject::connect(
        view, &Runlens::SourceView::hintsChanged, window,
        [=] {
            view->setPaused(true); // what is grabbed stays what was loaded
            grabWindow(window, view, output);
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

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    Runlens::raiseOpenFileLimit(); // a timeline file stays open while its lines may be asked for
    QApplication::setOrganizationName(QStringLiteral("Runlens"));
    QApplication::setApplicationName(QStringLiteral("runlens"));
    QApplication::setApplicationDisplayName(QStringLiteral("Runlens"));
    QApplication::setApplicationVersion(QStringLiteral(RUNLENS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.runlens.Runlens"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.runlens.Runlens.svg")));

    // Decoded as file names are, not by QCoreApplication::arguments(): a PATH need not be UTF-8.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(Runlens::decodeFileName(QByteArray(argv[i])));
    // Before the parser, so that --help speaks the user's language; --lang switches later.
    QString language;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--lang") && i + 1 < arguments.size())
            language = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(QLatin1String("--lang=")))
            language = arguments.at(i).mid(7);
    }
    Runlens::installTranslations(language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Runlens: forensics viewer for runpacks and JSONL timelines."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QApplication::translate("main", "Load PATH, save the window as a PNG to FILE, exit."), QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QApplication::translate("main", "Window size for --screenshot (default 1280x800)."), QStringLiteral("WxH"),
        QStringLiteral("1280x800"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QApplication::translate("main", "User interface language, like de or en (default: the system's)."),
        QStringLiteral("LANG"));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
        QApplication::translate("main", "Colour theme: light, dark or system (default)."), QStringLiteral("THEME"),
        QStringLiteral("system"));
    const QCommandLineOption followOption(QStringLiteral("follow"),
        QApplication::translate("main", "Follow timeline directory DIR while the server writes it."),
        QStringLiteral("DIR"));
    const QCommandLineOption triageOption(QStringLiteral("triage"),
        QApplication::translate("main", "Open the PATHs (runpacks, folders of them, timelines) as one triage board."));
    const QCommandLineOption compareOption(QStringLiteral("compare"),
        QApplication::translate("main", "Compare the first runs of the two PATHs side by side."));
    parser.addOptions(
        { screenshotOption, sizeOption, langOption, themeOption, followOption, triageOption, compareOption });
    parser.addPositionalArgument(QStringLiteral("PATH"),
        QApplication::translate("main", "Runpack zips, timeline directories or .jsonl files to open."),
        QStringLiteral("[PATH...]"));
    parser.process(arguments);
    const QStringList paths = parser.positionalArguments();
    if (!applyTheme(parser.value(themeOption))) {
        printError(QApplication::translate("main", "runlens: --theme wants light, dark or system, not \"%1\"")
                       .arg(parser.value(themeOption)));
        return 2;
    }

    Runlens::MainWindow window;
    if (parser.isSet(screenshotOption)) {
        const QStringList follows = parser.values(followOption);
        const bool boardOrCompare = parser.isSet(triageOption) || parser.isSet(compareOption);
        if (!boardOrCompare && paths.size() + follows.size() != 1) {
            printError(QApplication::translate("main", "runlens: --screenshot takes exactly one PATH or --follow DIR"));
            return 2;
        }
        const QRegularExpressionMatch size =
            QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(parser.value(sizeOption));
        if (!size.hasMatch()) {
            printError(QApplication::translate("main", "runlens: --size wants WIDTHxHEIGHT, like 1280x800, not \"%1\"")
                           .arg(parser.value(sizeOption)));
            return 2;
        }
        window.setRemembersLayout(false);
        window.setWindowState(Qt::WindowNoState); // whatever geometry the settings restored
        window.resize(size.captured(1).toInt(), size.captured(2).toInt());
        window.show();
        const QString output = parser.value(screenshotOption);
        if (parser.isSet(compareOption) && paths.size() == 2) {
            QObject::connect(&window, &Runlens::MainWindow::compareReady, &window,
                [&window, output] { grabLater(&window, output); });
            window.compareInputs(paths.at(0), paths.at(1));
        } else if (parser.isSet(triageOption)) {
            Runlens::TriageView* triage = window.openTriage(paths);
            QObject::connect(
                triage, &Runlens::TriageView::loadFinished, &window, [&window, output] { grabLater(&window, output); });
        } else if (!follows.isEmpty()) {
            screenshotWhenFollowed(&window, follows.constFirst(), output);
        } else if (!boardOrCompare) {
            screenshotWhenLoaded(&window, paths.constFirst(), output);
        } else {
            printError(QApplication::translate("main", "runlens: --compare takes exactly two PATHs"));
            return 2;
        }
        return QApplication::exec();
    }

    if (parser.isSet(compareOption)) {
        if (paths.size() != 2) {
            printError(QApplication::translate("main", "runlens: --compare takes exactly two PATHs"));
            return 2;
        }
        window.compareInputs(paths.at(0), paths.at(1));
    } else if (parser.isSet(triageOption)) {
        window.openTriage(paths);
    } else {
        for (const QString& path : paths)
            window.openPath(path);
    }
    for (const QString& directory : parser.values(followOption))
        window.followDirectory(directory);
    window.show();
    return QApplication::exec();
}
