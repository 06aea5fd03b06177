// SPDX-License-Identifier: MIT
// What CI systems rely on (issue 18, CI outputs): exit codes, outputs valid against the validators their
// consumers use (the OASIS SARIF schema, the Jenkins xunit JUnit XSD, Runlens's own JSON Schemas), text
// from logs made harmless in Markdown, HTML and CSV, and "-o -" for stdout.
#include "clitest.h"
#include "csvreader.h"
#include "hostileinput.h"
#include "ziparchive.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Runlens::Test;

namespace {

QString schema(const QString& name)
{
    return Runlens::Test::sourcePath(QStringLiteral("tests/data/schemas/") + name);
}

QString docSchema(const QString& name)
{
    return Runlens::Test::sourcePath(QStringLiteral("docs/schemas/") + name);
}

QString validateJson()
{
    return Runlens::Test::sourcePath(QStringLiteral("tests/cli/validate_json.py"));
}
const QString kDay = QStringLiteral("events-20261124.jsonl");

/// Every input of the fixtures: each timeline directory, each timeline file and each runpack.
QStringList fixtureInputs()
{
    QStringList inputs;
    QDirIterator it(Runlens::Test::fixture(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(QLatin1String(".zip")) || path.contains(QLatin1String("/observability/runs/")))
            inputs.append(path);
        else if (path.endsWith(QLatin1String("/") + kDay))
            inputs << QFileInfo(path).absolutePath() << path; // the directory, and the file on its own
    }
    inputs.sort();
    return inputs;
}

QString fixtureName(const QString& path)
{
    return path.mid(Runlens::Test::fixture().size() + 1);
}

/// The text at a 1-based line of a file or of a member of a zip: the line itself, or for a line that opens a JSON
/// object ("{"), the object's text up to its end.
QByteArray writtenFrom(const QString& file, const QString& member, int line)
{
    QByteArray bytes;
    if (member.isEmpty()) {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return {};
        bytes = in.readAll();
    } else {
        Runlens::ZipArchive zip(file);
        if (!zip.open() || !zip.read(member, &bytes))
            return {};
    }
    const QList<QByteArray> lines = bytes.split('\n');
    if (line < 1 || line > lines.size())
        return {};
    const QByteArray& first = lines[line - 1];
    if (first.trimmed() != "{")
        return first;
    const QByteArray closing = first.left(first.indexOf('{')) + '}';
    QByteArray text = first;
    for (qsizetype i = line; i < lines.size() && !lines[i].startsWith(closing); ++i)
        text += '\n' + lines[i];
    return text;
}

/// Runs a validator; returns its output when it fails, an empty string when the files are valid.
QString runValidator(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        return QStringLiteral("%1 did not finish").arg(program);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QString::fromUtf8(process.readAll()) + process.errorString();
    return {};
}

/// Writes `bytes` to DIR/name; returns the path.
QString save(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

Result cliIn(const QString& workingDirectory, const QStringList& arguments)
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(RUNLENS_CLI), arguments);
    if (!process.waitForFinished(60000))
        qFatal("runlens-cli did not finish");
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
        process.readAllStandardError() };
}

} // namespace

class tst_Ci : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // 1. Bad usage exits 2, never 1 (which `hints --fail-on` and `diff` mean), with a line on stderr.
    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString pack = fixture(kHappyPack);
        const QString bogus = QStringLiteral("--no-such-option");
        QTest::addRow("report") << QStringList { QStringLiteral("report"), bogus, pack };
        QTest::addRow("runs") << QStringList { QStringLiteral("runs"), bogus, pack };
        QTest::addRow("hints") << QStringList { QStringLiteral("hints"), bogus, pack };
        QTest::addRow("hints, --format without value")
            << QStringList { QStringLiteral("hints"), pack, QStringLiteral("--format") };
        QTest::addRow("explain") << QStringList { QStringLiteral("explain"), bogus, pack, QStringLiteral("--rule"),
            QStringLiteral("gap:hydrate") };
        QTest::addRow("rules") << QStringList { QStringLiteral("rules"), bogus };
        QTest::addRow("rules with a PATH") << QStringList { QStringLiteral("rules"), pack };
        QTest::addRow("export") << QStringList { QStringLiteral("export"), bogus, pack };
        QTest::addRow("pack") << QStringList { QStringLiteral("pack"), bogus, pack, QStringLiteral("--session"),
            QStringLiteral("sess-happy-01"), QStringLiteral("-o"), QStringLiteral("-") };
        QTest::addRow("triage") << QStringList { QStringLiteral("triage"), bogus, pack };
        QTest::addRow("diff") << QStringList { QStringLiteral("diff"), bogus, pack, pack };
        QTest::addRow("follow") << QStringList { QStringLiteral("follow"), bogus, QStringLiteral("/nonexistent") };
        QTest::addRow("synth") << QStringList { QStringLiteral("synth"), bogus, QStringLiteral("-o"),
            QStringLiteral("/nonexistent") };
        QTest::addRow("synth -o -") << QStringList { QStringLiteral("synth"), QStringLiteral("--events"),
            QStringLiteral("10"), QStringLiteral("-o"), QStringLiteral("-") };
        QTest::addRow("unknown command") << QStringList { QStringLiteral("frobnicate") };
        QTest::addRow("unknown option, no command") << QStringList { QStringLiteral("--frobnicate") };
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Result result = cli(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith("runlens-cli: "), result.err.constData());
        QVERIFY2(result.out.isEmpty(), result.out.constData());
    }

    void helpExitsZero_data()
    {
        QTest::addColumn<QString>("command");
        for (const char* command :
            { "report", "runs", "hints", "explain", "rules", "export", "pack", "triage", "diff", "follow", "synth" })
            QTest::addRow("%s", command) << QString::fromLatin1(command);
    }

    void helpExitsZero()
    {
        QFETCH(QString, command);
        const Result result = cli({ command, QStringLiteral("--help") });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("--help"), result.out.constData());
    }

    // An input that holds no run fails every reading command: a CI job pointed at the wrong folder fails.
    void noRunExitsTwo_data()
    {
        QTest::addColumn<QString>("input"); // "empty", "no-timeline", "not-a-runpack"
        QTest::addColumn<QStringList>("arguments");
        const QList<QStringList> commands = {
            { QStringLiteral("report") },
            { QStringLiteral("hints"), QStringLiteral("--format"), QStringLiteral("sarif") },
            { QStringLiteral("hints"), QStringLiteral("--format"), QStringLiteral("junit") },
            { QStringLiteral("hints"), QStringLiteral("--fail-on"), QStringLiteral("never") },
            { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json") },
        };
        for (const char* input : { "empty", "no-timeline", "not-a-runpack" }) {
            for (const QStringList& command : commands)
                QTest::addRow("%s: %s", input, qPrintable(command.join(u' '))) << QString::fromLatin1(input) << command;
        }
    }

    void noRunExitsTwo()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, arguments);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QString path = tmp.path();
        if (input == QLatin1String("no-timeline")) {
            save(tmp, QStringLiteral("README.txt"), "not a timeline\n");
            save(tmp, QStringLiteral("notes.jsonl.bak"), "{}\n");
        } else if (input == QLatin1String("not-a-runpack")) {
            path = save(tmp, QStringLiteral("photos.zip"),
                rawZip({ { "holiday.txt", "a zip, but not a runpack\n" }, { "notes/a.md", "# notes\n" } }));
        }
        const Result result = cli(arguments + QStringList { path });
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith("runlens-cli: "), result.err.constData());
        QVERIFY2(result.out.isEmpty(), result.out.constData());
    }

    // 2. SARIF valid against the OASIS schema, and what GitHub code scanning needs of it.
    void sarif_data()
    {
        QTest::addColumn<QString>("input");
        for (const QString& input : fixtureInputs())
            QTest::addRow("%s", qPrintable(fixtureName(input))) << input;
    }

    void sarif()
    {
        QFETCH(QString, input);
        const Result result = cli({ QStringLiteral("hints"), QStringLiteral("--format"), QStringLiteral("sarif"),
            QStringLiteral("--fail-on"), QStringLiteral("never"), input });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString file = save(tmp, QStringLiteral("out.sarif"), result.out);
        const QString failure = runValidator(QStringLiteral("/usr/bin/python3"),
            { validateJson(), schema(QStringLiteral("sarif-schema-2.1.0.json")), file });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        const QJsonObject run =
            QJsonDocument::fromJson(result.out).object().value(QLatin1String("runs")).toArray().first().toObject();
        const QJsonObject base =
            run.value(QLatin1String("originalUriBaseIds")).toObject().value(QLatin1String("INPUT")).toObject();
        QVERIFY(base.value(QLatin1String("uri")).toString().startsWith(QLatin1String("file:///")));
        QVERIFY(base.value(QLatin1String("uri")).toString().endsWith(u'/'));
        const QString baseDir = QUrl(base.value(QLatin1String("uri")).toString()).toLocalFile();
        const QJsonArray rules = run.value(QLatin1String("tool"))
                                     .toObject()
                                     .value(QLatin1String("driver"))
                                     .toObject()
                                     .value(QLatin1String("rules"))
                                     .toArray();
        QVERIFY(rules.size() >= 21);
        for (const QJsonValue& value : rules) {
            const QJsonObject rule = value.toObject();
            QVERIFY(!rule.value(QLatin1String("fullDescription"))
                         .toObject()
                         .value(QLatin1String("text"))
                         .toString()
                         .isEmpty());
            const QJsonObject help = rule.value(QLatin1String("help")).toObject();
            QVERIFY(!help.value(QLatin1String("text")).toString().isEmpty());
            QVERIFY(help.value(QLatin1String("markdown")).toString().contains(QLatin1String("Fires when")));
        }
        const QJsonArray results = run.value(QLatin1String("results")).toArray();
        QSet<QString> fingerprints;
        for (const QJsonValue& value : results) {
            const QJsonObject result = value.toObject();
            const QString fingerprint = result.value(QLatin1String("partialFingerprints"))
                                            .toObject()
                                            .value(QLatin1String("runlensFinding/v1"))
                                            .toString();
            QCOMPARE(fingerprint.size(), 64);
            fingerprints.insert(fingerprint);
            QCOMPARE(result.value(QLatin1String("locations")).toArray().size(), 1);
            QJsonArray all = result.value(QLatin1String("locations")).toArray();
            for (const QJsonValue& related : result.value(QLatin1String("relatedLocations")).toArray())
                all.append(related);
            for (const QJsonValue& location : all) {
                const QJsonObject physical = location.toObject().value(QLatin1String("physicalLocation")).toObject();
                const QJsonObject artifact = physical.value(QLatin1String("artifactLocation")).toObject();
                QCOMPARE(artifact.value(QLatin1String("uriBaseId")).toString(), QStringLiteral("INPUT"));
                QVERIFY(
                    physical.value(QLatin1String("region")).toObject().value(QLatin1String("startLine")).toInt() >= 1);
                // A real file: the timeline file or ledger itself, or for a pack member the pack.
                const QString uri = QUrl::fromPercentEncoding(artifact.value(QLatin1String("uri")).toString().toUtf8());
                QVERIFY2(!uri.contains(QLatin1String("structured")), qPrintable(uri));
                QString file = QDir::cleanPath(baseDir + u'/' + uri);
                if (input.endsWith(QLatin1String(".zip")))
                    file = QDir::cleanPath(baseDir + u'/' + uri.section(u'/', 0, 0));
                QVERIFY2(QFileInfo(file).isFile(), qPrintable(uri));
                // The line holds the evidence ("step.end embed.vllm"): a timeline line, or where the entry of a
                // JSON document's array begins.
                const QByteArray text =
                    writtenFrom(file, input.endsWith(QLatin1String(".zip")) ? uri.section(u'/', 1) : QString(),
                        physical.value(QLatin1String("region")).toObject().value(QLatin1String("startLine")).toInt());
                const QString evidence = location.toObject()
                                             .value(QLatin1String("message"))
                                             .toObject()
                                             .value(QLatin1String("text"))
                                             .toString();
                for (const QString& part : evidence.split(u' ').mid(0, 2))
                    QVERIFY2(text.contains(QByteArray('"' + part.toUtf8() + '"')),
                        qPrintable(evidence + u'\n' + QString::fromUtf8(text)));
            }
        }
        QCOMPARE(fingerprints.size(), results.size()); // distinct findings, distinct fingerprints
        // Stable: the same input gives the same fingerprints.
        const Result again = cli({ QStringLiteral("hints"), QStringLiteral("--format"), QStringLiteral("sarif"),
            QStringLiteral("--fail-on"), QStringLiteral("never"), input });
        QCOMPARE(again.out, result.out);
    }

    // Evidence from a structured step ledger names the ledger and its line.
    void sarifNamesTheLedger()
    {
        const Result result = cli({ QStringLiteral("hints"), QStringLiteral("--format"), QStringLiteral("sarif"),
            QStringLiteral("--fail-on"), QStringLiteral("never"), fixture("upstream/error-embed/data/diagnostics") });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(
            result.out.contains("\"uri\": \"../telemetry/runs/2026-11-24/5ee711da351a4c29a57daa1e8fee8c7e.jsonl\""),
            result.out.constData());
        QVERIFY(!result.out.contains("#events"));
    }

    // 3. JUnit valid against the Jenkins xunit junit-10.xsd.
    void junit_data()
    {
        QTest::addColumn<QString>("input");
        for (const QString& input : fixtureInputs())
            QTest::addRow("%s", qPrintable(fixtureName(input))) << input;
    }

    void junit()
    {
        QFETCH(QString, input);
        const Result result = cli({ QStringLiteral("hints"), QStringLiteral("--format"), QStringLiteral("junit"),
            QStringLiteral("--fail-on"), QStringLiteral("note"), input });
        QVERIFY2(result.exitCode == 0 || result.exitCode == 1, result.err.constData());
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString file = save(tmp, QStringLiteral("junit.xml"), result.out);
        const QString failure = runValidator(QStringLiteral("xmllint"),
            { QStringLiteral("--noout"), QStringLiteral("--schema"),
                schema(QStringLiteral("jenkins-xunit-junit-10.xsd")), file });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(result.out.contains("<testsuites name=\"runlens\" tests=\""));
        QCOMPARE(result.out.count("<testsuite "), result.out.count("errors=\"0\" skipped=\""));
    }

    void junitSkipsSuppressed()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString suppress = save(tmp, QStringLiteral("suppress"), "stage:failed\n");
        const Result result = cli({ QStringLiteral("hints"), QStringLiteral("--format"), QStringLiteral("junit"),
            QStringLiteral("--suppress"), suppress, fixture(kErrorPack) });
        QVERIFY2(result.out.contains("<skipped message=\"suppressed by"), result.out.constData());
        const QString file = save(tmp, QStringLiteral("junit.xml"), result.out);
        const QString failure = runValidator(QStringLiteral("xmllint"),
            { QStringLiteral("--noout"), QStringLiteral("--schema"),
                schema(QStringLiteral("jenkins-xunit-junit-10.xsd")), file });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // Hints about the input as a whole (a malformed line) are a suite of their own, and still valid.
    void junitInputSuite()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QFile in(fixture("upstream/error-embed/data/diagnostics/events-20261124.jsonl"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        save(tmp, kDay, in.readAll() + "{\"ts\": 1, \"broken\u001b\n");
        const Result result = cli({ QStringLiteral("hints"), QStringLiteral("--format"), QStringLiteral("junit"),
            QStringLiteral("--fail-on"), QStringLiteral("warning"), tmp.path() });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains("<testsuite name=\"(input)\" tests=\"1\" failures=\"1\""), result.out.constData());
        QVERIFY2(result.out.contains("name=\"timeline:malformed\""), result.out.constData());
        QVERIFY2(
            result.out.contains("<testsuites name=\"runlens\" tests=\"22\" failures=\"2\""), result.out.constData());
        const QString file = save(tmp, QStringLiteral("junit.xml"), result.out);
        const QString failure = runValidator(QStringLiteral("xmllint"),
            { QStringLiteral("--noout"), QStringLiteral("--schema"),
                schema(QStringLiteral("jenkins-xunit-junit-10.xsd")), file });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // 6. The published contract: the JSON outputs against docs/schemas.
    void jsonContract_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("format");
        for (const QString& input : fixtureInputs()) {
            const QString name = fixtureName(input);
            QTest::addRow("report %s", qPrintable(name))
                << input << QStringList { QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("json") }
                << QStringLiteral("runlens-report-1") << QStringLiteral("runlens-report/1");
            QTest::addRow("hints %s", qPrintable(name))
                << input
                << QStringList { QStringLiteral("hints"), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("--fail-on"), QStringLiteral("never") }
                << QStringLiteral("runlens-hints-1") << QStringLiteral("runlens-hints/1");
            QTest::addRow("export %s", qPrintable(name))
                << input << QStringList { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json") }
                << QStringLiteral("runlens-summary-1") << QStringLiteral("runlens-summary/1");
        }
    }

    void jsonContract()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, arguments);
        QFETCH(QString, schema);
        QFETCH(QString, format);
        const Result result = cli(arguments + QStringList { input });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value(QLatin1String("format")).toString(), format);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString file = save(tmp, QStringLiteral("out.json"), result.out);
        const QString failure = runValidator(QStringLiteral("/usr/bin/python3"),
            { validateJson(), docSchema(schema + QLatin1String(".schema.json")), file });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // 4. Text from logs: control bytes visible in Markdown and HTML, formulas inert in CSV.
    void hostileText_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("kind"); // md, html, csv
        const QString hints = QStringLiteral("hints");
        const QString exportCommand = QStringLiteral("export");
        const QString fmt = QStringLiteral("--format");
        const QString never = QStringLiteral("--fail-on=never");
        QTest::addRow("hints md") << QStringList { hints, fmt, QStringLiteral("md"), never } << QStringLiteral("md");
        QTest::addRow("report md") << QStringList { QStringLiteral("report"), fmt, QStringLiteral("md") }
                                   << QStringLiteral("md");
        QTest::addRow("export md") << QStringList { exportCommand, fmt, QStringLiteral("md") } << QStringLiteral("md");
        QTest::addRow("export html") << QStringList { exportCommand, fmt, QStringLiteral("html") }
                                     << QStringLiteral("html");
        QTest::addRow("hints csv") << QStringList { hints, fmt, QStringLiteral("csv"), never } << QStringLiteral("csv");
        QTest::addRow("export csv") << QStringList { exportCommand, fmt, QStringLiteral("csv") }
                                    << QStringLiteral("csv");
    }

    void hostileText()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, kind);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        // The error run with a session id a spreadsheet would run, and a message holding ESC, CR and BEL.
        QFile in(fixture("upstream/error-embed/data/diagnostics/events-20261124.jsonl"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        bytes.replace("\"sess-embed-error\"", "\"=HYPERLINK(\\\"http://x\\\")\"");
        bytes.replace("\"5ee711da351a4c29a57daa1e8fee8c7e\"", "\"@SUM(1+1)\\r| injected | row |\"");
        bytes.replace("vLLM HTTP 503", "vLLM \\u001b[2J\\r| forged | cell |\\u0007 HTTP 503");
        save(tmp, kDay, bytes);
        const Result result = cli(arguments + QStringList { tmp.path() });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        // CSV keeps the data as it was (a cell may hold any text); Markdown and HTML make controls visible.
        for (const char c : kind == QLatin1String("csv") ? QByteArray() : result.out) {
            const bool allowed = c == '\n';
            QVERIFY2(uchar(c) >= 0x20 || allowed,
                qPrintable(QStringLiteral("control byte 0x%1 in output").arg(int(uchar(c)), 2, 16, QLatin1Char('0'))));
        }
        if (kind == QLatin1String("csv")) {
            const QList<QStringList> records = parseCsv(QString::fromUtf8(result.out));
            QVERIFY(records.size() >= 2);
            bool sawSession = false;
            for (const QStringList& record : records) {
                for (const QString& cell : record) {
                    QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@").contains(cell.front()), qPrintable(cell));
                    sawSession = sawSession || cell == QLatin1String("'=HYPERLINK(\"http://x\")");
                }
            }
            QVERIFY(sawSession);
            return;
        }
        QVERIFY2(result.out.contains("\\x1b[2J"), result.out.constData());
        QVERIFY2(result.out.contains("\\r"), result.out.constData());
        if (kind == QLatin1String("md")) {
            // A table row is one line: every line of a table starts and ends with a pipe.
            for (const QByteArray& line : result.out.split('\n')) {
                if (line.startsWith('|'))
                    QVERIFY2(line.endsWith('|'), line.constData());
                QVERIFY2(!line.startsWith(" forged") && !line.startsWith(" injected"), line.constData());
            }
        }
    }

    // 5. "-o -" is stdout for every command that writes a file; no file named "-" appears.
    void dashIsStdout_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("starts");
        QTest::addRow("pack") << QStringList { QStringLiteral("pack"), fixture(kHappyPack), QStringLiteral("--session"),
            QStringLiteral("sess-happy-01"), QStringLiteral("-o"), QStringLiteral("-") }
                              << QByteArray("PK\x03\x04");
        QTest::addRow("pack --output -") << QStringList { QStringLiteral("pack"), fixture(kHappyPack),
            QStringLiteral("--session"), QStringLiteral("sess-happy-01"), QStringLiteral("--output"),
            QStringLiteral("-") } << QByteArray("PK\x03\x04");
        QTest::addRow("export json") << QStringList { QStringLiteral("export"), fixture(kHappyPack),
            QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-o"), QStringLiteral("-") }
                                     << QByteArray("{");
        QTest::addRow("export html") << QStringList { QStringLiteral("export"), fixture(kHappyPack),
            QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("-o"), QStringLiteral("-") }
                                     << QByteArray("<!DOCTYPE html>");
    }

    void dashIsStdout()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, starts);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const Result result = cliIn(tmp.path(), arguments);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.startsWith(starts), result.out.left(200).constData());
        QVERIFY(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Ci)
#include "tst_ci.moc"
