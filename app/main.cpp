// SPDX-License-Identifier: MIT
// runlens: the desktop viewer. Opens every PATH given in its own tab; --screenshot renders one
// source to a PNG without user interaction (works on the offscreen platform).
#include "mainwindow.h"
#include "sourceview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QPixmap>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

namespace {

void printError(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

// Selects the first run, then saves WINDOW as a PNG once the queued layout requests have run, and
// quits the event loop with 0 on success, 1 when the file could not be written.
void grabWindow(Runlens::MainWindow* window, Runlens::SourceView* view, const QString& output)
{
    view->selectFirstRun();
    QTimer::singleShot(0, window, [window, output] {
        if (!window->grab().save(output, "PNG")) {
            printError(QApplication::translate("main", "runlens: cannot write %1").arg(output));
            QCoreApplication::exit(1);
            return;
        }
        QCoreApplication::exit(0);
    });
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

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Runlens"));
    QApplication::setApplicationName(QStringLiteral("runlens"));
    QApplication::setApplicationDisplayName(QStringLiteral("Runlens"));
    QApplication::setApplicationVersion(QStringLiteral(RUNLENS_VERSION));

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
    parser.addOptions({ screenshotOption, sizeOption });
    parser.addPositionalArgument(QStringLiteral("PATH"),
        QApplication::translate("main", "Runpack zips, timeline directories or .jsonl files to open."),
        QStringLiteral("[PATH...]"));
    parser.process(app);
    const QStringList paths = parser.positionalArguments();

    Runlens::MainWindow window;
    if (parser.isSet(screenshotOption)) {
        if (paths.size() != 1) {
            printError(QApplication::translate("main", "runlens: --screenshot takes exactly one PATH"));
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
        screenshotWhenLoaded(&window, paths.constFirst(), parser.value(screenshotOption));
        return QApplication::exec();
    }

    for (const QString& path : paths)
        window.openPath(path);
    window.show();
    return QApplication::exec();
}
