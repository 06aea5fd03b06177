// SPDX-License-Identifier: MIT
// Inputs derived from the fixtures the way upstream really writes them (fixtures/README.md, "Derived
// cases"), built at test time so that nothing is hand-edited on disk.
//
// A run of upstream's plain `search.semantic` adapter, made from the happy-path fixture run with the two
// differences upstream really writes (issue 13): the tool is `search.semantic`, and its `hydrate.duckdb` is
// a bare step of the adapter's own, `{"requested": N}` on start and `{"requested": N, "duration_ms": M}` on
// end, with no stage and no span-layer context. The staged `catalog.hydrate` inside it is unchanged.
// The in-process pack of such a run stores what upstream computes for it: no hydrate.duckdb checkpoint,
// ops_coverage.hydrate false and a false `gap:hydrate` hint (spec 9.3).
#pragma once

#include "hostileinput.h"
#include "runfixture.h"
#include "ziparchive.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Runlens::Test {

inline const QString kHappyInProcessPack =
    QStringLiteral("upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                   "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560451.zip");

/// The 57 compact lines of the happy run as the plain adapter writes them.
inline QList<QByteArray> plainSemanticLines()
{
    QList<QByteArray> lines = fixtureRunLines(kHappyFile, kHappyRun);
    for (QByteArray& line : lines) {
        line.replace("search.semantic_pro", "search.semantic");
        const bool start = line.contains(R"("type":"step.start","name":"hydrate.duckdb")");
        const bool end = line.contains(R"("type":"step.end","name":"hydrate.duckdb")");
        if (start || end)
            line = line.left(line.indexOf(",\"attrs\":"))
                + (start ? R"(,"attrs":{"requested":20}})" : R"(,"attrs":{"requested":20,"duration_ms":3}})");
    }
    return lines;
}

/// The upstream-layout, in-process runpack of that run, as the server's pack builder writes it: its
/// run_report.json stores the checkpoints, ops_coverage and hints that upstream computes for the run.
inline QByteArray plainSemanticPack()
{
    ZipArchive happy(fixture(kHappyInProcessPack));
    if (!happy.open())
        qFatal("cannot open %s", qPrintable(kHappyInProcessPack));
    auto member = [&happy](const char* name) {
        QByteArray bytes;
        if (!happy.read(QString::fromLatin1(name), &bytes))
            qFatal("no member %s", name);
        return bytes;
    };
    auto renamed = [](QByteArray bytes) { return bytes.replace("search.semantic_pro", "search.semantic"); };
    auto indented = [](const QJsonObject& object) {
        return QJsonDocument(object).toJson(QJsonDocument::Indented).trimmed();
    };

    const QList<QByteArray> lines = plainSemanticLines();
    QJsonArray events;
    for (const QByteArray& line : lines)
        events.append(QJsonDocument::fromJson(line).object());
    QJsonObject timelineReport = QJsonDocument::fromJson(member("timeline_report.json")).object();
    timelineReport.insert(QStringLiteral("events"), events);

    QJsonObject runReport = QJsonDocument::fromJson(renamed(member("run_report.json"))).object();
    for (const char* key : { "checkpoints", "stages" }) {
        QJsonArray kept;
        for (const QJsonValue& entry : runReport.value(QLatin1String(key)).toArray()) {
            const QJsonObject object = entry.toObject();
            const QString name =
                object.value(QLatin1String(object.contains(QLatin1String("stage")) ? "stage" : "name")).toString();
            if (name != QLatin1String("hydrate.duckdb"))
                kept.append(object);
        }
        runReport.insert(QLatin1String(key), kept);
    }
    QJsonObject coverage = runReport.value(QLatin1String("ops_coverage")).toObject();
    coverage.insert(QStringLiteral("hydrate"), false);
    runReport.insert(QStringLiteral("ops_coverage"), coverage);
    runReport.insert(QStringLiteral("hints"),
        QJsonArray { QJsonObject { { QStringLiteral("kind"), QStringLiteral("gap:hydrate") },
            { QStringLiteral("msg"),
                QStringLiteral("Results were fused but never hydrated: check DuckDB/catalog availability.") },
            { QStringLiteral("why"), QJsonObject { { QStringLiteral("ops_coverage"), coverage } } } } });

    return rawZip({
        { QByteArrayLiteral("meta.json"), member("meta.json") },
        { QByteArrayLiteral("timeline_report.json"), indented(timelineReport) },
        { QByteArrayLiteral("timeline_events.jsonl"), lines.join('\n') },
        { QByteArrayLiteral("run_report.json"), indented(runReport) },
        { QByteArrayLiteral("budgets.json"), member("budgets.json") },
        { QByteArrayLiteral("context.json"), member("context.json") },
    });
}

/// The happy run's CLI pack (no run report) whose timeline lost the run's first two lines, the tool's
/// step.start and operation.start, to a rotation collision: a background run with orphan ends.
inline QByteArray lostToolLinesPack()
{
    ZipArchive cliPack(
        fixture(QStringLiteral("upstream/happy-path/data/diagnostics/runpacks/sess-happy-01/"
                               "runpack_sess-happy-01_f7fe85bab97843aab788eef0bcbc1465_1795560452.zip")));
    QByteArray meta;
    if (!cliPack.open() || !cliPack.read(QStringLiteral("meta.json"), &meta))
        qFatal("cannot read the happy CLI pack");
    const QList<QByteArray> lines = fixtureRunLines(kHappyFile, kHappyRun);
    return rawZip({ { QByteArrayLiteral("meta.json"), meta },
        { QByteArrayLiteral("timeline_events.jsonl"), QList<QByteArray>(lines.mid(2)).join('\n') } });
}

/// A zip that holds no runpack member at all.
inline QByteArray notARunpackZip()
{
    return rawZip({ { QByteArrayLiteral("readme.txt"), QByteArrayLiteral("hello") } });
}

} // namespace Runlens::Test
