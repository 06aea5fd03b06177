// SPDX-License-Identifier: MIT
// What the adversarial round found (issue 14), each kept as a test: no output ever destroys an input or a
// special file, a failure is never reported as success, ids cannot drive a terminal, and names that are not
// UTF-8 are read like any other.
#include "clitest.h"
#include "hostileinput.h"
#include "inputfile.h"
#include "outputfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

const QString kDay = QStringLiteral("events-20261124.jsonl");
const char* const kHappyTimeline = "upstream/happy-path/data/diagnostics/events-20261124.jsonl";

/// The state of every entry of a directory tree (type and content digest), to prove nothing changed.
QString snapshot(const QString& root)
{
    QStringList entries;
    for (const QString& name : directoryEntries(root)) {
        const QString path = childPath(root, name);
        struct stat st = {};
        ::lstat(encodeFileName(path).constData(), &st);
        QString entry = name + QStringLiteral(" mode=%1").arg(st.st_mode, 0, 8);
        if (S_ISREG(st.st_mode)) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                entry += u' '
                    + QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1).toHex());
        } else if (S_ISLNK(st.st_mode)) {
            entry += QStringLiteral(" -> ") + QFileInfo(path).symLinkTarget();
        } else if (S_ISDIR(st.st_mode)) {
            entry += QStringLiteral(" [") + snapshot(path) + u']';
        }
        entries.append(entry);
    }
    return entries.join(QLatin1String("; "));
}

bool copyFixture(const char* relative, const QString& to)
{
    QFile::remove(to);
    return QFile::copy(fixture(relative), to);
}

// A socket file at `path` (bound, then left behind).
bool makeSocket(const QString& path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray name = encodeFileName(path);
    if (fd < 0 || size_t(name.size()) >= sizeof(address.sun_path))
        return false;
    memcpy(address.sun_path, name.constData(), size_t(name.size()));
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    ::close(fd);
    return bound;
}

/// Sets up the test directory (a timeline in `diagnostics/`, a pack, whatever the row needs).
using Setup = std::function<bool(const QDir& dir)>;

bool timelineAndPack(const QDir& dir)
{
    return dir.mkpath(QStringLiteral("diagnostics"))
        && copyFixture(kHappyTimeline, dir.filePath(QStringLiteral("diagnostics/") + kDay))
        && copyFixture(kSparsePack, dir.filePath(QStringLiteral("pack.zip")))
        && writeFile(dir.filePath(QStringLiteral("diagnostics/.runlens-suppress")), "perf:* # quiet\n")
        && writeFile(dir.filePath(QStringLiteral("my.suppress")), "channel:disabled\n")
        && writeFile(dir.filePath(QStringLiteral("existing.zip")), "keep me");
}

// Runs runlens-cli from the test directory with @DIR@ replaced.
Result runIn(const QDir& dir, QStringList arguments)
{
    arguments.replaceInStrings(QStringLiteral("@DIR@"), dir.path());
    return cli(arguments);
}

} // namespace

Q_DECLARE_METATYPE(Setup)

class tst_Trust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // 1. Outputs never destroy anything: refused with exit 2, a message naming the conflict, nothing touched.
    void outputsNeverDestroy_data()
    {
        QTest::addColumn<Setup>("setup");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("mention");
        const Setup plain = timelineAndPack;
        const QString timeline = QStringLiteral("@DIR@/diagnostics");
        const QStringList exportTimeline = { QStringLiteral("export"), timeline, QStringLiteral("--format"),
            QStringLiteral("md"), QStringLiteral("-o") };
        const QStringList packTimeline = { QStringLiteral("pack"), timeline, QStringLiteral("--session"),
            QStringLiteral("sess-happy-01"), QStringLiteral("--force"), QStringLiteral("-o") };
        QTest::addRow("export over the timeline it reads")
            << plain << exportTimeline + QStringList { timeline + u'/' + kDay } << QByteArray("timeline file name");
        QTest::addRow("export over the suppression file next to the input")
            << plain << exportTimeline + QStringList { timeline + QStringLiteral("/.runlens-suppress") }
            << QByteArray("an input of this command");
        QTest::addRow("export over its --suppress file")
            << plain
            << QStringList { QStringLiteral("export"), QStringLiteral("@DIR@/pack.zip"), QStringLiteral("--suppress"),
                   QStringLiteral("@DIR@/my.suppress"), QStringLiteral("-o"), QStringLiteral("@DIR@/my.suppress") }
            << QByteArray("an input of this command");
        QTest::addRow("export over the pack it reads")
            << plain
            << QStringList { QStringLiteral("export"), QStringLiteral("@DIR@/pack.zip"), QStringLiteral("-o"),
                   QStringLiteral("@DIR@/pack.zip") }
            << QByteArray("an input of this command");
        QTest::addRow("pack --force through a symlink into the input") << Setup([](const QDir& dir) {
            return timelineAndPack(dir)
                && QFile::link(
                    dir.filePath(QStringLiteral("diagnostics/") + kDay), dir.filePath(QStringLiteral("link.zip")));
        }) << packTimeline + QStringList { QStringLiteral("@DIR@/link.zip") }
                                                                       << QByteArray("timeline file name");
        QTest::addRow("pack --force through a relative symlink to the pack it reads")
            << Setup([](const QDir& dir) {
                   return timelineAndPack(dir)
                       && QFile::link(QStringLiteral("pack.zip"), dir.filePath(QStringLiteral("rel.zip")));
               })
            << QStringList { QStringLiteral("pack"), QStringLiteral("@DIR@/pack.zip"), QStringLiteral("--session"),
                   QStringLiteral("sess-sparse-disabled"), QStringLiteral("--force"), QStringLiteral("-o"),
                   QStringLiteral("@DIR@/rel.zip") }
            << QByteArray("an input of this command");
        QTest::addRow("pack into the timeline directory under a timeline name")
            << plain << packTimeline + QStringList { timeline + QStringLiteral("/events-20261125.jsonl") }
            << QByteArray("timeline file name");
        QTest::addRow("pack anywhere under a timeline name")
            << plain << packTimeline + QStringList { QStringLiteral("@DIR@/events-1.jsonl") }
            << QByteArray("timeline file name");
        QTest::addRow("export onto a FIFO") << Setup([](const QDir& dir) {
            return timelineAndPack(dir) && makeFifo(dir.filePath(QStringLiteral("fifo")));
        }) << exportTimeline + QStringList { QStringLiteral("@DIR@/fifo") }
                                            << QByteArray("not a regular file");
        QTest::addRow("pack --force onto a FIFO") << Setup([](const QDir& dir) {
            return timelineAndPack(dir) && makeFifo(dir.filePath(QStringLiteral("fifo")));
        }) << packTimeline + QStringList { QStringLiteral("@DIR@/fifo") }
                                                  << QByteArray("not a regular file");
        QTest::addRow("export onto a socket") << Setup([](const QDir& dir) {
            return timelineAndPack(dir) && makeSocket(dir.filePath(QStringLiteral("sock")));
        }) << exportTimeline + QStringList { QStringLiteral("@DIR@/sock") }
                                              << QByteArray("not a regular file");
        QTest::addRow("export onto a directory")
            << plain << exportTimeline + QStringList { QStringLiteral("@DIR@/diagnostics") }
            << QByteArray("a directory");
        QTest::addRow("pack over an existing file without --force")
            << plain
            << QStringList { QStringLiteral("pack"), timeline, QStringLiteral("--session"),
                   QStringLiteral("sess-happy-01"), QStringLiteral("-o"), QStringLiteral("@DIR@/existing.zip") }
            << QByteArray("use --force");
        QTest::addRow("export into a missing directory")
            << plain << exportTimeline + QStringList { QStringLiteral("@DIR@/no/such/out.md") }
            << QByteArray("no such directory");
    }

    void outputsNeverDestroy()
    {
        QFETCH(Setup, setup);
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, mention);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QDir dir(tmp.path());
        QVERIFY(setup(dir));
        const QString before = snapshot(dir.path());
        const Result result = runIn(dir, arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(mention), result.err.constData());
        QCOMPARE(result.err.count('\n'), 1);
        QCOMPARE(snapshot(dir.path()), before);
    }

    // The one check every output goes through, for targets a test may not write to.
    void outputRefusals_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("force");
        QTest::addColumn<QString>("mention"); // empty: allowed
        QTest::addRow("/dev/null") << QStringLiteral("/dev/null") << true << QStringLiteral("device");
        QTest::addRow("/dev/full") << QStringLiteral("/dev/full") << true << QStringLiteral("device");
        QTest::addRow("stdout") << QStringLiteral("-") << false << QString();
        QTest::addRow("/") << QStringLiteral("/") << true << QStringLiteral("directory");
        QTest::addRow("a new file in /tmp") << QStringLiteral("/tmp/runlens-never-written.md") << false << QString();
    }

    void outputRefusals()
    {
        QFETCH(QString, target);
        QFETCH(bool, force);
        QFETCH(QString, mention);
        const QString refusal = outputRefusal(target, { {}, force });
        QCOMPARE(refusal.isEmpty(), mention.isEmpty());
        QVERIFY2(refusal.contains(mention), qPrintable(refusal));
    }

    void dashIsStandardOutput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("starts");
        QTest::addRow("pack -o -") << QStringList { QStringLiteral("pack"), fixture(kSparsePack),
            QStringLiteral("--session"), QStringLiteral("sess-sparse-disabled"), QStringLiteral("-o"),
            QStringLiteral("-") } << QByteArray("PK\x03\x04");
        QTest::addRow("export -o -") << QStringList { QStringLiteral("export"), fixture(kSparsePack),
            QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"), QStringLiteral("-") }
                                     << QByteArray("{");
    }

    void dashIsStandardOutput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, starts);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QProcess process;
        process.setWorkingDirectory(tmp.path());
        process.start(QStringLiteral(RUNLENS_CLI), arguments);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().startsWith(starts));
        QVERIFY(directoryEntries(tmp.path()).isEmpty()); // no file named "-"
    }

    // 7. A failure is never reported as success.
    void noRunIsAFailure_data()
    {
        QTest::addColumn<Setup>("setup");
        QTest::addColumn<QString>("input");
        QTest::addRow("empty directory") << Setup([](const QDir&) { return true; }) << QStringLiteral("@DIR@");
        QTest::addRow("the parent of a timeline directory") << Setup(timelineAndPack) << QStringLiteral("@DIR@");
        QTest::addRow("a directory whose only timeline file is a FIFO")
            << Setup([](const QDir& dir) { return makeFifo(dir.filePath(kDay)); }) << QStringLiteral("@DIR@");
        QTest::addRow("a zip that is not a runpack") << Setup([](const QDir& dir) {
            return writeFile(dir.filePath(QStringLiteral("x.zip")), rawZip({ { "readme.txt", "hello" } }));
        }) << QStringLiteral("@DIR@/x.zip");
        QTest::addRow("a session that is not there")
            << Setup(timelineAndPack) << QStringLiteral("@DIR@/diagnostics --session nobody");
    }

    void noRunIsAFailure()
    {
        QFETCH(Setup, setup);
        QFETCH(QString, input);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QDir dir(tmp.path());
        QVERIFY(setup(dir));
        for (const QString& command :
            { QStringLiteral("hints"), QStringLiteral("report"), QStringLiteral("runs"), QStringLiteral("export") }) {
            const Result result = runIn(dir, QStringList { command } + input.split(u' '));
            QVERIFY2(result.exitCode == 2, qPrintable(command + QStringLiteral(": ") + QString::fromUtf8(result.err)));
            QVERIFY2(result.err.startsWith("runlens-cli: "), result.err.constData());
            QVERIFY(result.out.isEmpty());
        }
    }

    void fullDiskIsAFailure()
    {
        QProcess process;
        process.setStandardOutputFile(QStringLiteral("/dev/full"));
        process.start(
            QStringLiteral(RUNLENS_CLI), { QStringLiteral("report"), fixture("upstream/happy-path/data/diagnostics") });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("cannot write to standard output"));
    }

    void goneReaderIsAFailure()
    {
        // SIGPIPE ignored, as under systemd: writes fail with EPIPE instead of killing the process.
        QProcess process;
        process.start(QStringLiteral("/bin/bash"),
            { QStringLiteral("-c"),
                QStringLiteral("trap '' PIPE; \"$0\" report \"$1\" | true; echo \"status=${PIPESTATUS[0]}\""),
                QStringLiteral(RUNLENS_CLI), fixture("upstream/happy-path/data/diagnostics") });
        QVERIFY(process.waitForFinished(60000));
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(out.contains("status=2"), out.constData());
        QVERIFY(process.readAllStandardError().contains("cannot write to standard output"));
    }

    // Ids come from request headers: a newline must not split a record, ANSI codes must not reach a terminal.
    void idsAreEscaped_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("runs") << QStringList { QStringLiteral("runs") };
        QTest::addRow("report text") << QStringList { QStringLiteral("report"), QStringLiteral("--format"),
            QStringLiteral("text") };
        QTest::addRow("report md") << QStringList { QStringLiteral("report"), QStringLiteral("--format"),
            QStringLiteral("md") };
        QTest::addRow("hints text") << QStringList { QStringLiteral("hints"), QStringLiteral("--fail-on"),
            QStringLiteral("never") };
        QTest::addRow("hints md") << QStringList { QStringLiteral("hints"), QStringLiteral("--format"),
            QStringLiteral("md"), QStringLiteral("--fail-on"), QStringLiteral("never") };
        QTest::addRow("export md") << QStringList { QStringLiteral("export") };
        QTest::addRow("triage text") << QStringList { QStringLiteral("triage") };
        QTest::addRow("explain") << QStringList { QStringLiteral("explain"), QStringLiteral("--rule"),
            QStringLiteral("run:failed") };
    }

    void idsAreEscaped()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        // The error run with a session id holding ESC, a newline and a tab, and a run id holding CR.
        QFile in(fixture("upstream/error-embed/data/diagnostics/events-20261124.jsonl"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        bytes.replace("\"sess-embed-error\"", "\"sess\\u001b[31mred\\nline\\tx\"");
        bytes.replace("\"5ee711da351a4c29a57daa1e8fee8c7e\"", "\"run\\rid\"");
        bytes.replace("vLLM HTTP 503", "vLLM \\u001b[2J HTTP 503");
        const QString path = tmp.filePath(kDay);
        QVERIFY(writeFile(path, bytes));
        const Result result = cli(arguments + QStringList { tmp.path() });
        QVERIFY2(result.exitCode == 0 || result.exitCode == 1, result.err.constData());
        QVERIFY2(!result.out.contains('\x1b'), result.out.constData());
        QVERIFY2(!result.out.contains('\r'), result.out.constData());
        QVERIFY2(result.out.contains("\\x1b[31mred\\nline\\tx"), result.out.constData());
        // Each record still on its own line: no line begins inside an id.
        for (const QByteArray& line : result.out.split('\n'))
            QVERIFY2(!line.startsWith("line"), result.out.constData());
    }

    void diffPicksARunWithASlash()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QFile in(fixture(kHappyTimeline));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        bytes.replace("\"b631c87847bb46a4a1823ea76d9a9113\"", "\"runs/b631\"");
        QVERIFY(writeFile(tmp.filePath(kDay), bytes));
        for (const QString& spec : { QStringLiteral("runs/b631"), QStringLiteral("sess-happy-01/runs/b631") }) {
            const Result result = cli({ QStringLiteral("diff"), tmp.path(), tmp.path(), QStringLiteral("--run-a"), spec,
                QStringLiteral("--format"), QStringLiteral("json") });
            QVERIFY2(result.exitCode == 0 || result.exitCode == 1, result.err.constData());
            QVERIFY2(result.out.contains("runs/b631"), result.out.constData());
        }
    }

    // 4. Names that are not UTF-8 are read: a directory and a timeline file named in Latin-1.
    void namesThatAreNotUtf8()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QByteArray dir = encodeFileName(tmp.path()) + "/caf\xe9";
        QVERIFY(::mkdir(dir.constData(), 0755) == 0);
        const QString decodedDir = decodeFileName(dir);
        QVERIFY(decodedDir.contains(QChar(0xDCE9)));
        QFile fixtureFile(fixture(kHappyTimeline));
        QVERIFY(fixtureFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = fixtureFile.readAll();
        const QByteArray file = dir + "/events-20261124-\xff.jsonl";
        FILE* out = ::fopen(file.constData(), "wb");
        QVERIFY(out);
        QCOMPARE(::fwrite(bytes.constData(), 1, size_t(bytes.size()), out), size_t(bytes.size()));
        ::fclose(out);
        // The raw bytes reach the program through a shell, as a user's terminal passes them.
        QProcess process;
        process.start(QStringLiteral("/bin/sh"),
            { QStringLiteral("-c"), QStringLiteral("exec \"$0\" runs \"$1/$(printf 'caf\\351')\""),
                QStringLiteral(RUNLENS_CLI), tmp.path() });
        QVERIFY(process.waitForFinished(60000));
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0, err.constData());
        QCOMPARE(process.readAllStandardOutput().count('\n'), 4);
    }
};

QTEST_GUILESS_MAIN(tst_Trust)
#include "tst_trust.moc"
