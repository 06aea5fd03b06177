// SPDX-License-Identifier: MIT
// Replays every crash the fuzzers found (tests/data/crashes/<target>) and every hand-made corpus file
// (tests/fuzz/corpus/<target>) through the fuzz targets' own entry points, in every build.
#include "entrypoints.h"
#include "testdata.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

namespace Runlens {

namespace {

// Generous for a debug build under ASan; a replayed hang that is fixed takes milliseconds.
constexpr qint64 kMaxMsPerInput = 10000;

QString corpusRoot()
{
    return Test::sourcePath(QStringLiteral("tests/fuzz/corpus"));
}

const QStringList& roots()
{
    static const QStringList dirs = { corpusRoot(), Test::sourcePath(QStringLiteral("tests/data/crashes")) };
    return dirs;
}

} // namespace

class tst_CrashReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layout();
    void replay_data();
    void replay();
};

// A file in a misspelt directory would never be replayed; every target keeps hand-made cases.
void tst_CrashReplay::layout()
{
    const QStringList targets = Fuzz::targets();
    for (const QString& root : roots()) {
        QVERIFY2(QDir(root).exists(), qPrintable(root));
        for (const QString& name : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY2(targets.contains(name), qPrintable(root + u'/' + name + QStringLiteral(" is not a fuzz target")));
    }
    for (const QString& target : targets) {
        const QDir corpus(corpusRoot() + u'/' + target);
        QVERIFY2(!corpus.entryList(QDir::Files).isEmpty(), qPrintable(corpus.path() + QStringLiteral(" is empty")));
    }
}

void tst_CrashReplay::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    for (const QString& root : roots()) {
        for (const QString& target : Fuzz::targets()) {
            const QDir dir(root + u'/' + target);
            for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
                QTest::addRow("%s/%s/%s", qPrintable(QDir(root).dirName()), qPrintable(target), qPrintable(name))
                    << target << dir.filePath(name);
        }
    }
}

void tst_CrashReplay::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray bytes = file.readAll();

    QElapsedTimer timer;
    timer.start();
    const QString problem = Fuzz::run(target, bytes);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(timer.elapsed() < kMaxMsPerInput, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
}

} // namespace Runlens

QTEST_GUILESS_MAIN(Runlens::tst_CrashReplay)
#include "tst_crashreplay.moc"
