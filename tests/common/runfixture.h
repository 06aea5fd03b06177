// SPDX-License-Identifier: MIT
// Builds runs for tests from real fixture lines, edited in memory (the files are never touched).
#pragma once

#include "runbuilder.h"
#include "sourcereader.h"
#include "testdata.h"
#include "timelinereader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <functional>

namespace Runlens::Test {

/// The raw timeline lines of one run of a fixture timeline, in file order, without line breaks.
inline QList<QByteArray> fixtureRunLines(const QString& relativeFile, const QString& runId)
{
    QFile file(fixture(relativeFile));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(relativeFile));
    const QByteArray marker = QByteArray("\"run_id\":\"") + runId.toLatin1() + '"';
    QList<QByteArray> lines;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.contains(marker))
            lines.append(line);
    }
    return lines;
}

/// The timeline lines of one run of a fixture timeline, as JSON objects in file order.
class RunLines
{
public:
    static RunLines fromFixture(const QString& relativeFile, const QString& runId)
    {
        RunLines lines;
        QFile file(fixture(relativeFile));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot open fixture %s", qPrintable(relativeFile));
        while (!file.atEnd()) {
            const QJsonObject object = QJsonDocument::fromJson(file.readLine()).object();
            if (object.value(QLatin1String("run_id")).toString() == runId)
                lines.objects.append(object);
        }
        return lines;
    }

    /// Index of the nth line with this type and name, -1 when absent.
    int find(const QString& type, const QString& name, int nth = 0) const
    {
        for (int i = 0; i < objects.size(); ++i) {
            if (objects[i].value(QLatin1String("type")).toString() == type
                && objects[i].value(QLatin1String("name")).toString() == name && nth-- == 0)
                return i;
        }
        return -1;
    }

    void setAttr(int index, const QString& key, const QJsonValue& value)
    {
        QJsonObject attrs = objects[index].value(QLatin1String("attrs")).toObject();
        attrs.insert(key, value);
        objects[index].insert(QStringLiteral("attrs"), attrs);
    }

    QByteArray toJsonl() const
    {
        QByteArray out;
        for (const QJsonObject& object : objects)
            out += QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        return out;
    }

    RunPtr build(const RunExtras& extras = {}) const { return buildFromBytes(toJsonl(), extras); }

    static RunPtr buildFromBytes(const QByteArray& bytes, const RunExtras& extras = {})
    {
        auto buffer = TextBuffer::inMemory(QStringLiteral("test.jsonl"), bytes);
        TimelineData data;
        data.buffers.push_back(buffer);
        TimelineReader::parseBuffer(*buffer, 0, &data);
        std::vector<RunGroup> groups = groupByRun(std::move(data.events), data.keys);
        if (groups.empty())
            return nullptr;
        return buildRun(groups[0].sessionId, groups[0].runId, std::move(groups[0].events), data.buffers, extras);
    }

    QList<QJsonObject> objects;
};

inline const QString kHappyFile = QStringLiteral("upstream/happy-path/data/diagnostics/events-20261124.jsonl");
inline const QString kHappyRun = QStringLiteral("f7fe85bab97843aab788eef0bcbc1465");
inline const QString kSparseFile = QStringLiteral("upstream/sparse-disabled/data/diagnostics/events-20261124.jsonl");
inline const QString kSparseRun = QStringLiteral("1005703141094392a91da2aac8143ee6");
inline const QString kErrorFile = QStringLiteral("upstream/error-embed/data/diagnostics/events-20261124.jsonl");
inline const QString kErrorRun = QStringLiteral("5ee711da351a4c29a57daa1e8fee8c7e");

// Whole inputs, as absolute paths.
inline const QString kHappyDirectoryPath = fixture(QStringLiteral("upstream/happy-path/data/diagnostics"));
inline const QString kErrorPackPath =
    fixture(QStringLiteral("upstream/error-embed/data/diagnostics/runpacks/sess-embed-error/"
                           "runpack_sess-embed-error_5ee711da351a4c29a57daa1e8fee8c7e_1795560454.zip"));
inline const QString kSparsePackPath =
    fixture(QStringLiteral("upstream/sparse-disabled/data/diagnostics/runpacks/sess-sparse-disabled/"
                           "runpack_sess-sparse-disabled_1005703141094392a91da2aac8143ee6_1795560453.zip"));

/// Marks the line at `index` failed with `message`, as upstream writes a failed step or operation end.
inline void setError(RunLines& lines, int index, const QString& message)
{
    lines.objects[index].insert(QStringLiteral("status"), QStringLiteral("error"));
    lines.objects[index].insert(QStringLiteral("message"), message);
}

/// Hydration failed as upstream writes it: the catalog's `inner` error on the scopes that ran the query,
/// the adapter's wrapper on the tool's step and operation ends.
inline void failHydrate(RunLines& lines, const QString& inner)
{
    for (const char* name : { "sql.exec", "catalog.hydrate", "hydrate.duckdb" })
        setError(lines, lines.find(QStringLiteral("step.end"), QLatin1String(name)), inner);
    for (const char* type : { "operation.end", "step.end" })
        setError(lines, lines.find(QLatin1String(type), QStringLiteral("mcp.tool:search.semantic_pro")),
            QStringLiteral("VectorSearchError: DuckDB hydration failed"));
}

/// The derived "cut-off" case of the fixtures README: the first 42 lines of the first happy run.
inline RunPtr cutOffRun()
{
    RunLines lines = RunLines::fromFixture(kHappyFile, kHappyRun);
    lines.objects = lines.objects.mid(0, 42);
    return lines.build();
}

/// A run made when a data row is run, not when the table is built.
using RunMaker = std::function<RunPtr()>;

/// A run of a fixture input (a pack or a timeline), read whole.
inline RunMaker fromSource(const QString& path, const QString& runId)
{
    return [path, runId] { return readSource(fixture(path))->findRun({}, runId); };
}

/// The first happy run with its lines edited by `edit`.
inline RunMaker fromLines(std::function<void(RunLines&)> edit)
{
    return [edit = std::move(edit)] {
        RunLines lines = RunLines::fromFixture(kHappyFile, kHappyRun);
        edit(lines);
        return lines.build();
    };
}

/// The first span named `name`, or -1.
inline int spanIndex(const Run& run, const QString& name)
{
    for (size_t i = 0; i < run.spans.size(); ++i) {
        if (run.spans[i].name == name)
            return int(i);
    }
    return -1;
}

/// The first event of `type` and `name`, or -1.
inline int eventIndex(const Run& run, const QString& type, const QString& name)
{
    for (size_t i = 0; i < run.events.size(); ++i) {
        if (run.events[i].type == type && run.events[i].name == name)
            return int(i);
    }
    return -1;
}

} // namespace Runlens::Test
