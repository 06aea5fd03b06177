// SPDX-License-Identifier: MIT
// A corpus of planted secrets for the redaction tests (issue 14, item 5): the secrets themselves, the
// substrings that must never survive redaction, and inputs derived from the fixture packs and
// timeline with the secrets planted in one member or field ("site") at a time. Fixture files are
// copied as they are and edited in memory; nothing on disk is touched.
#pragma once

#include "ziparchive.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace Runlens::Test::Planted {

// Every case of the issue, in free text: the password and host of https://user:S3cret@host:8443/...,
// DSN credentials (URL, libpq and ODBC), password=/token=/api_key=/aws_secret_access_key= values,
// numeric api keys, an Authorization header, bare host names, an e-mail address, IPv4 and IPv6
// addresses (with ports, in brackets, with a zone), and paths with spaces and non-ASCII letters
// (unquoted, quoted, Windows).
inline QString text()
{
    return QStringLiteral(
        "fetch https://user:S3cret@host:8443/v1/embeddings failed; "
        "retry https://deploy-kestrel:Url-Pw-Kestrel@git.kestrel-corp.com:8443/api/v1?token=Query-Tok-Kestrel&page=2; "
        "dsn postgresql://svc-osprey-dsn:Dsn-Pw-Osprey@db01.osprey-prod.internal:5432/ledger and "
        "mysql://root:My-Pw-Osprey@10.42.17.9:3306/shop; "
        "libpq host=pg-osprey.prod.internal port=5432 user=svc_osprey_libpq password=Libpq-Pw-Osprey dbname=ledger; "
        "odbc Server=tcp:sql-osprey.corp.internal,1433;Database=ledger;User "
        "Id=svc_osprey_odbc;Password=Odbc-Pw-Osprey; "
        "env password=Free-Pw-Heron token=Free-Tok-Heron api_key=Free-Ak-Heron "
        "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYHERONKEY apiKey: 555000111222 api_key=987654321012; "
        "header Authorization: Bearer Hdr-Bearer-Ibis; "
        "hosts cache-egret.corp.example.com:6379 and db07.egret-prod.internal; "
        "mail ops.egret+alerts@egret-mail.com; "
        "peers 203.0.113.77, [2001:db8:beef::42]:8443, fe80::dead:42%eth0; "
        "file /home/grebe/Quarterly Réports/budget Curlew.xlsx was not found; "
        "open '/srv/shared data/index Plover' failed; "
        "cache C:\\Users\\Grebe Ünal\\AppData\\Local\\runlens\\Dunlin cache.db is locked");
}

// JSON members whose key names a secret, one per value kind (string, number, bool, object, array,
// a header with its scheme, null), and members whose key names a host or a user.
inline QJsonObject secretMembers()
{
    return QJsonObject {
        { QStringLiteral("password"), QStringLiteral("Json-Pw-Ibis") },
        { QStringLiteral("api_key"), qint64(987654321012) },
        { QStringLiteral("auth"), true },
        { QStringLiteral("credentials"),
            QJsonObject { { QStringLiteral("username"), QStringLiteral("svc-ibis-cred") },
                { QStringLiteral("private_key"), QStringLiteral("Pk-Ibis") } } },
        { QStringLiteral("api_keys"), QJsonArray { QStringLiteral("Ak-List-Ibis"), qint64(31337031337) } },
        { QStringLiteral("session_token"), QStringLiteral("Sess-Tok-Ibis") },
        { QStringLiteral("aws_secret_access_key"), QStringLiteral("Aws-Sk-Ibis") },
        { QStringLiteral("Authorization"), QStringLiteral("Bearer Json-Bearer-Ibis") },
        { QStringLiteral("token"), QJsonValue::Null },
        { QStringLiteral("db_host"), QStringLiteral("db-ibis-07") },
        { QStringLiteral("user"), QStringLiteral("svc-ibis-user") },
    };
}

// The keys of secretMembers() whose values are secrets: redacted, they hold a placeholder or null.
inline QStringList secretKeys()
{
    return { QStringLiteral("password"), QStringLiteral("api_key"), QStringLiteral("auth"),
        QStringLiteral("credentials"), QStringLiteral("api_keys"), QStringLiteral("session_token"),
        QStringLiteral("aws_secret_access_key"), QStringLiteral("Authorization"), QStringLiteral("token") };
}

// Whole paths, planted as JSON strings (context.json paths, a key, an event name). One ends in a part
// with a space, which free text elsewhere in the pack then names unquoted.
inline QStringList paths()
{
    return { QStringLiteral("/home/grebe/Quarterly Réports/budget Curlew.xlsx"),
        QStringLiteral("/srv/shared data/index Plover"), QStringLiteral("/home/grebe/Notes Avocet"),
        QStringLiteral("C:\\Users\\Grebe Ünal\\AppData\\Local\\runlens\\Dunlin cache.db") };
}

// What must not survive: every secret, user, host, address and path part planted above.
inline QStringList needles()
{
    return { QStringLiteral("S3cret"), QStringLiteral("//host:"), QStringLiteral("@host:"),
        QStringLiteral("deploy-kestrel"), QStringLiteral("Url-Pw-Kestrel"), QStringLiteral("git.kestrel-corp.com"),
        QStringLiteral("kestrel-corp"), QStringLiteral("Query-Tok-Kestrel"), QStringLiteral("svc-osprey-dsn"),
        QStringLiteral("Dsn-Pw-Osprey"), QStringLiteral("osprey-prod"), QStringLiteral("My-Pw-Osprey"),
        QStringLiteral("10.42.17.9"), QStringLiteral("pg-osprey"), QStringLiteral("svc_osprey_libpq"),
        QStringLiteral("Libpq-Pw-Osprey"), QStringLiteral("sql-osprey"), QStringLiteral("svc_osprey_odbc"),
        QStringLiteral("Odbc-Pw-Osprey"), QStringLiteral("Free-Pw-Heron"), QStringLiteral("Free-Tok-Heron"),
        QStringLiteral("Free-Ak-Heron"), QStringLiteral("wJalrXUtnFEMI"), QStringLiteral("K7MDENG"),
        QStringLiteral("bPxRfiCYHERONKEY"), QStringLiteral("555000111222"), QStringLiteral("987654321012"),
        QStringLiteral("Hdr-Bearer-Ibis"), QStringLiteral("cache-egret"), QStringLiteral("egret-prod"),
        QStringLiteral("ops.egret"), QStringLiteral("egret-mail"), QStringLiteral("203.0.113.77"),
        QStringLiteral("2001:db8:beef"), QStringLiteral("fe80::dead"), QStringLiteral("grebe"),
        QStringLiteral("Quarterly"), QStringLiteral("Réports"), QStringLiteral("Curlew"), QStringLiteral("shared data"),
        QStringLiteral("Plover"), QStringLiteral("Avocet"), QStringLiteral("Ünal"), QStringLiteral("Dunlin"),
        QStringLiteral("AppData"), QStringLiteral("Json-Pw-Ibis"), QStringLiteral("svc-ibis-cred"),
        QStringLiteral("Pk-Ibis"), QStringLiteral("Ak-List-Ibis"), QStringLiteral("31337031337"),
        QStringLiteral("Sess-Tok-Ibis"), QStringLiteral("Aws-Sk-Ibis"), QStringLiteral("Json-Bearer-Ibis"),
        QStringLiteral("db-ibis-07"), QStringLiteral("svc-ibis-user") };
}

// A needle as a JSON writer may spell it: raw, with \uXXXX escapes (either case), with escaped
// backslashes and with escaped slashes. Lower case, for a search in lower-cased bytes.
inline QList<QByteArray> spellings(const QString& needle)
{
    QList<QByteArray> forms;
    for (const QString& n : { needle, needle.toLower() }) {
        QString escaped;
        for (const QChar c : n) {
            if (c.unicode() > 0x7e)
                escaped += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                escaped += c;
        }
        for (const QString& form : { n, escaped }) {
            QString backslashes = form;
            backslashes.replace(QLatin1String("\\"), QLatin1String("\\\\"));
            for (const QString& f : { form, backslashes }) {
                QString slashes = f;
                slashes.replace(QLatin1String("/"), QLatin1String("\\/"));
                forms.append(f.toLower().toUtf8());
                forms.append(slashes.toLower().toUtf8());
            }
        }
    }
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    return forms;
}

/// The needles found in `bytes`, in any spelling, whatever the case.
inline QStringList found(const QByteArray& bytes)
{
    const QByteArray lower = QString::fromUtf8(bytes).toLower().toUtf8();
    QStringList hits;
    for (const QString& needle : needles()) {
        for (const QByteArray& form : spellings(needle)) {
            if (lower.contains(form)) {
                hits.append(needle);
                break;
            }
        }
    }
    return hits;
}

using Members = QList<QPair<QString, QByteArray>>;

inline Members readZip(const QString& path)
{
    ZipArchive zip(path);
    if (!zip.open())
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(zip.errorString()));
    Members members;
    for (const ZipArchive::Entry& entry : zip.entries()) {
        QByteArray bytes;
        if (!zip.read(entry.name, &bytes))
            qFatal("cannot read %s in %s", qPrintable(entry.name), qPrintable(path));
        members.append({ entry.name, bytes });
    }
    return members;
}

inline QByteArray member(const Members& members, const QString& name)
{
    for (const auto& [n, bytes] : members) {
        if (n == name)
            return bytes;
    }
    return {};
}

inline void setMember(Members& members, const QString& name, const QByteArray& bytes)
{
    for (auto& [n, b] : members) {
        if (n == name) {
            b = bytes;
            return;
        }
    }
    members.append({ name, bytes });
}

inline void editObject(Members& members, const QString& name, const std::function<void(QJsonObject&)>& edit)
{
    QJsonObject object = QJsonDocument::fromJson(member(members, name)).object();
    edit(object);
    setMember(members, name, QJsonDocument(object).toJson(QJsonDocument::Indented).trimmed());
}

inline void addAll(QJsonObject& object, const QJsonObject& more)
{
    for (auto it = more.begin(); it != more.end(); ++it)
        object.insert(it.key(), it.value());
}

// An event's attrs with the planted text and secrets in every value kind, and a key that is a path.
inline void plantAttrs(QJsonObject& event)
{
    QJsonObject attrs = event.value(QLatin1String("attrs")).toObject();
    attrs.insert(QStringLiteral("planted.note"), text());
    addAll(attrs, secretMembers());
    attrs.insert(QStringLiteral("planted.list"), QJsonArray { text(), 42, true, QJsonValue::Null });
    attrs.insert(QStringLiteral("planted.nested"),
        QJsonObject { { QStringLiteral("url"), QStringLiteral("https://user:S3cret@host:8443/v1/embeddings") },
            { QStringLiteral("where"), paths().at(0) }, { QStringLiteral("n"), 7 } });
    attrs.insert(paths().at(0), 1);
    event.insert(QStringLiteral("attrs"), attrs);
}

// A point event named by a path (spec 3.1: a name can be a file path), with the text as its message.
inline QJsonObject pathEvent(const QJsonObject& after)
{
    QJsonObject event = after;
    event.insert(QStringLiteral("type"), QStringLiteral("file.read"));
    event.insert(QStringLiteral("name"), paths().at(2));
    event.insert(QStringLiteral("status"), QStringLiteral("ok"));
    event.insert(QStringLiteral("message"), text());
    event.insert(QStringLiteral("attrs"), QJsonObject { { QStringLiteral("path"), paths().at(1) } });
    return event;
}

// Edits the events of an upstream pack in timeline_events.jsonl and timeline_report.json alike.
inline void editEvents(Members& members, const std::function<void(QList<QJsonObject>&)>& edit)
{
    QList<QJsonObject> events;
    for (const QByteArray& line : member(members, QStringLiteral("timeline_events.jsonl")).split('\n'))
        events.append(QJsonDocument::fromJson(line).object());
    edit(events);
    QByteArrayList lines;
    QJsonArray array;
    for (const QJsonObject& event : events) {
        lines.append(QJsonDocument(event).toJson(QJsonDocument::Compact));
        array.append(event);
    }
    setMember(members, QStringLiteral("timeline_events.jsonl"), lines.join('\n'));
    editObject(members, QStringLiteral("timeline_report.json"),
        [&](QJsonObject& report) { report.insert(QStringLiteral("events"), array); });
}

inline int findEvent(const QList<QJsonObject>& events, const QString& type, const QString& name = {})
{
    for (int i = 0; i < events.size(); ++i) {
        if (events[i].value(QLatin1String("type")).toString() == type
            && (name.isEmpty() || events[i].value(QLatin1String("name")).toString() == name))
            return i;
    }
    qFatal("no %s event %s", qPrintable(type), qPrintable(name));
}

// Free text naming a path of contextPaths() unquoted, its last part with a space: only the path seen
// whole elsewhere in the pack tells where it ends.
inline QString snapshotError()
{
    return QStringLiteral("failed to snapshot context: /home/grebe/Notes Avocet is not readable");
}

inline QJsonObject contextPaths()
{
    return QJsonObject { { QStringLiteral("repo_root"), paths().at(2) }, { QStringLiteral("data_dir"), paths().at(1) },
        { QStringLiteral("duckdb_path"), paths().at(0) }, { QStringLiteral("faiss_index"), paths().at(3) } };
}

// Settings as a settings dump writes them: reprs and URLs in strings, and members that are secrets.
inline QJsonObject plantedSettings(QJsonObject settings)
{
    settings.insert(QStringLiteral("vllm"),
        QStringLiteral("VLLMConfig(base_url='https://user:S3cret@host:8443/v1', api_key='Free-Ak-Heron', "
                       "model='nomic-ai/nomic-embed-code')"));
    settings.insert(QStringLiteral("database_url"),
        QStringLiteral("postgresql://svc-osprey-dsn:Dsn-Pw-Osprey@db01.osprey-prod.internal:5432/ledger"));
    settings.insert(QStringLiteral("libpq"),
        QStringLiteral("host=pg-osprey.prod.internal port=5432 user=svc_osprey_libpq password=Libpq-Pw-Osprey"));
    settings.insert(QStringLiteral("odbc"),
        QStringLiteral("Server=tcp:sql-osprey.corp.internal,1433;User Id=svc_osprey_odbc;Password=Odbc-Pw-Osprey;"));
    settings.insert(QStringLiteral("notes"), text());
    addAll(settings, secretMembers());
    return settings;
}

/// The sites of the upstream in-process happy pack (all seven members).
inline QStringList upstreamSites()
{
    return { QStringLiteral("meta.json reason"), QStringLiteral("timeline message"),
        QStringLiteral("timeline attrs of every kind"), QStringLiteral("timeline event named by a path"),
        QStringLiteral("context.json paths"), QStringLiteral("context.json settings and runtime"),
        QStringLiteral("budgets.json and the budget decision"), QStringLiteral("run_report.json checkpoints"),
        QStringLiteral("run_report.json capabilities"), QStringLiteral("run_report.json hints"),
        QStringLiteral("run_report.json budgets and warnings"), QStringLiteral("latest_report_pointer.json") };
}

/// The sites of the error seed pack (meta, report, budgets, context, latest_run_report, two logs).
inline QStringList seedSites()
{
    return { QStringLiteral("seed meta.json reason"), QStringLiteral("seed report.json events"),
        QStringLiteral("seed report.json stages"), QStringLiteral("seed report.json stop_reason and hints"),
        QStringLiteral("seed context.json"), QStringLiteral("seed budgets.json and report.json budgets"),
        QStringLiteral("seed logs"), QStringLiteral("seed log named by a host"),
        QStringLiteral("seed latest_run_report.json") };
}

inline void plantUpstream(Members& members, const QString& site)
{
    const QString& s = site;
    if (s == QLatin1String("meta.json reason")) {
        editObject(
            members, QStringLiteral("meta.json"), [](QJsonObject& o) { o.insert(QStringLiteral("reason"), text()); });
    } else if (s == QLatin1String("timeline message")) {
        editEvents(members, [](QList<QJsonObject>& events) {
            events[findEvent(events, QStringLiteral("step.end"))].insert(QStringLiteral("message"), text());
        });
    } else if (s == QLatin1String("timeline attrs of every kind")) {
        editEvents(members,
            [](QList<QJsonObject>& events) { plantAttrs(events[findEvent(events, QStringLiteral("step.start"))]); });
    } else if (s == QLatin1String("timeline event named by a path")) {
        editEvents(members, [](QList<QJsonObject>& events) {
            const int at = findEvent(events, QStringLiteral("decision"));
            events.insert(at + 1, pathEvent(events[at]));
        });
    } else if (s == QLatin1String("context.json paths")) {
        editObject(members, QStringLiteral("context.json"), [](QJsonObject& context) {
            QJsonObject paths = context.value(QLatin1String("paths")).toObject();
            addAll(paths, contextPaths());
            context.insert(QStringLiteral("__error__"), snapshotError());
            context.insert(QStringLiteral("paths"), paths);
            QJsonObject runtime = context.value(QLatin1String("runtime")).toObject();
            QJsonObject faiss = runtime.value(QLatin1String("faiss")).toObject();
            faiss.insert(QStringLiteral("index_path"), Planted::paths().at(3));
            runtime.insert(QStringLiteral("faiss"), faiss);
            context.insert(QStringLiteral("runtime"), runtime);
        });
    } else if (s == QLatin1String("context.json settings and runtime")) {
        editObject(members, QStringLiteral("context.json"), [](QJsonObject& context) {
            context.insert(
                QStringLiteral("settings"), plantedSettings(context.value(QLatin1String("settings")).toObject()));
            QJsonObject runtime = context.value(QLatin1String("runtime")).toObject();
            QJsonObject vllm = runtime.value(QLatin1String("vllm")).toObject();
            vllm.insert(QStringLiteral("base_url"), QStringLiteral("https://user:S3cret@host:8443/v1"));
            runtime.insert(QStringLiteral("vllm"), vllm);
            context.insert(QStringLiteral("runtime"), runtime);
        });
    } else if (s == QLatin1String("budgets.json and the budget decision")) {
        editObject(members, QStringLiteral("budgets.json"), [](QJsonObject& budgets) {
            budgets.insert(QStringLiteral("planted.note"), text());
            addAll(budgets, secretMembers());
        });
        editEvents(members,
            [](QList<QJsonObject>& events) { plantAttrs(events[findEvent(events, QStringLiteral("decision"))]); });
    } else if (s == QLatin1String("failed steps' messages and stop_reason")) {
        // For the error pack: the exception text becomes the stop reason, the failed stage's reason
        // and the hints' messages.
        editEvents(members, [](QList<QJsonObject>& events) {
            for (QJsonObject& event : events) {
                if (event.value(QLatin1String("status")) == QLatin1String("error"))
                    event.insert(QStringLiteral("message"), text());
            }
        });
        editObject(members, QStringLiteral("run_report.json"),
            [](QJsonObject& r) { r.insert(QStringLiteral("stop_reason"), text()); });
    } else if (s == QLatin1String("run_report.json checkpoints")) {
        editObject(members, QStringLiteral("run_report.json"), [](QJsonObject& report) {
            QJsonArray checkpoints = report.value(QLatin1String("checkpoints")).toArray();
            QJsonObject first = checkpoints.at(0).toObject();
            first.insert(QStringLiteral("reason"), text());
            first.insert(QStringLiteral("planted.note"), text());
            addAll(first, secretMembers());
            checkpoints.replace(0, first);
            report.insert(QStringLiteral("checkpoints"), checkpoints);
        });
    } else if (s == QLatin1String("run_report.json capabilities")) {
        editObject(members, QStringLiteral("run_report.json"), [](QJsonObject& report) {
            QJsonObject capabilities = report.value(QLatin1String("capabilities")).toObject();
            capabilities.insert(QStringLiteral("faiss_gpu_disabled_reason"), text());
            addAll(capabilities, secretMembers());
            report.insert(QStringLiteral("capabilities"), capabilities);
        });
    } else if (s == QLatin1String("run_report.json hints")) {
        editObject(members, QStringLiteral("run_report.json"), [](QJsonObject& report) {
            QJsonObject why = secretMembers();
            why.insert(QStringLiteral("note"), text());
            report.insert(QStringLiteral("hints"),
                QJsonArray { QJsonObject { { QStringLiteral("kind"), QStringLiteral("config:sparse-disabled") },
                    { QStringLiteral("msg"), text() }, { QStringLiteral("why"), why } } });
        });
    } else if (s == QLatin1String("run_report.json budgets and warnings")) {
        editObject(members, QStringLiteral("run_report.json"), [](QJsonObject& report) {
            QJsonObject budgets = report.value(QLatin1String("budgets")).toObject();
            budgets.insert(QStringLiteral("planted.note"), text());
            addAll(budgets, secretMembers());
            report.insert(QStringLiteral("budgets"), budgets);
            report.insert(QStringLiteral("warnings"), QJsonArray { text() });
            report.insert(QStringLiteral("structured_events"),
                QJsonArray { QJsonObject { { QStringLiteral("detail"), text() } } });
        });
    } else if (s == QLatin1String("latest_report_pointer.json")) {
        editObject(members, QStringLiteral("latest_report_pointer.json"), [](QJsonObject& pointer) {
            pointer.insert(QStringLiteral("markdown"), paths().at(0));
            pointer.insert(QStringLiteral("json"), text());
        });
    } else {
        qFatal("unknown site %s", qPrintable(site));
    }
}

inline void plantSeed(Members& members, const QString& site)
{
    const QString& s = site;
    const QString report = QStringLiteral("report.json");
    if (s == QLatin1String("seed meta.json reason")) {
        editObject(
            members, QStringLiteral("meta.json"), [](QJsonObject& o) { o.insert(QStringLiteral("reason"), text()); });
    } else if (s == QLatin1String("seed report.json events")) {
        editObject(members, report, [](QJsonObject& r) {
            QJsonArray events = r.value(QLatin1String("events")).toArray();
            QJsonObject step = events.at(0).toObject();
            step.insert(QStringLiteral("message"), text());
            plantAttrs(step);
            events.replace(0, step);
            events.insert(1, pathEvent(step));
            r.insert(QStringLiteral("events"), events);
        });
    } else if (s == QLatin1String("seed report.json stages")) {
        editObject(members, report, [](QJsonObject& r) {
            QJsonArray stages = r.value(QLatin1String("stages")).toArray();
            QJsonObject first = stages.at(0).toObject();
            first.insert(QStringLiteral("reason"), text());
            QJsonObject attrs = first.value(QLatin1String("attrs")).toObject();
            attrs.insert(QStringLiteral("planted.note"), text());
            addAll(attrs, secretMembers());
            first.insert(QStringLiteral("attrs"), attrs);
            stages.replace(0, first);
            r.insert(QStringLiteral("stages"), stages);
        });
    } else if (s == QLatin1String("seed report.json stop_reason and hints")) {
        editObject(members, report, [](QJsonObject& r) {
            r.insert(QStringLiteral("stop_reason"), text());
            QJsonObject why = secretMembers();
            why.insert(QStringLiteral("note"), text());
            r.insert(QStringLiteral("hints"),
                QJsonArray { QJsonObject { { QStringLiteral("kind"), QStringLiteral("error:embed") },
                    { QStringLiteral("msg"), text() }, { QStringLiteral("why"), why } } });
            r.insert(QStringLiteral("warnings"), QJsonArray { text() });
        });
    } else if (s == QLatin1String("seed context.json")) {
        editObject(members, QStringLiteral("context.json"), [](QJsonObject& context) {
            addAll(context, contextPaths());
            context.insert(QStringLiteral("__error__"), snapshotError());
            context.insert(
                QStringLiteral("settings"), plantedSettings(context.value(QLatin1String("settings")).toObject()));
            QJsonObject capabilities = context.value(QLatin1String("capabilities")).toObject();
            capabilities.insert(QStringLiteral("faiss_gpu_disabled_reason"), text());
            context.insert(QStringLiteral("capabilities"), capabilities);
        });
    } else if (s == QLatin1String("seed budgets.json and report.json budgets")) {
        // The report's budgets win over budgets.json when a pack is read; both are planted.
        const auto plant = [](QJsonObject& budgets) {
            budgets.insert(QStringLiteral("planted.note"), text());
            addAll(budgets, secretMembers());
        };
        editObject(members, QStringLiteral("budgets.json"), plant);
        editObject(members, report, [&plant](QJsonObject& r) {
            QJsonObject budgets = r.value(QLatin1String("budgets")).toObject();
            plant(budgets);
            r.insert(QStringLiteral("budgets"), budgets);
        });
    } else if (s == QLatin1String("seed logs")) {
        // A JSON line, a plain line, and a plain line with JSON-escaped slashes, in both logs.
        QJsonObject line { { QStringLiteral("ts"), QStringLiteral("2026-11-24T22:47:34.272Z") },
            { QStringLiteral("level"), QStringLiteral("ERROR") },
            { QStringLiteral("logger"), QStringLiteral("codeintel_rev.db") }, { QStringLiteral("msg"), text() },
            { QStringLiteral("dsn"), QStringLiteral("host=pg-osprey.prod.internal password=Libpq-Pw-Osprey") },
            { QStringLiteral("notes_dir"), paths().at(2) } };
        addAll(line, secretMembers());
        const QByteArray plain = "2026-11-24 22:47:34,272 ERROR db " + text().toUtf8() + '\n'
            + "2026-11-24 22:47:34,273 ERROR db \\/home\\/grebe\\/Notes Avocet\\/x.db, /home/grebe/Notes Avocet\n";
        for (const char* log : { "logs/codeintel_rev.log", "logs/vllm_client.log" }) {
            const QString name = QString::fromLatin1(log);
            setMember(members, name,
                member(members, name) + QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n' + plain);
        }
    } else if (s == QLatin1String("seed log named by a host")) {
        setMember(members, QStringLiteral("logs/db07.egret-prod.internal.log"), text().toUtf8() + '\n');
    } else if (s == QLatin1String("seed latest_run_report.json")) {
        editObject(members, QStringLiteral("latest_run_report.json"), [](QJsonObject& r) {
            r.insert(QStringLiteral("notes"), text());
            addAll(r, secretMembers());
        });
    } else {
        qFatal("unknown site %s", qPrintable(site));
    }
}

/// The happy-path fixture timeline with the run's first step.start and step.end carrying the planted
/// text and secrets, and a path-named event after the budget decision, as events-20261124.jsonl in `dir`.
inline QString plantedTimeline(const QString& fixtureFile, const QString& runId, const QString& dir)
{
    QFile in(fixtureFile);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(fixtureFile));
    QByteArray out;
    bool attrs = false, message = false;
    const QByteArray marker = "\"run_id\":\"" + runId.toLatin1() + '"';
    for (const QByteArray& line : in.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        if (!line.contains(marker)) {
            out += line + '\n';
            continue;
        }
        QJsonObject event = QJsonDocument::fromJson(line).object();
        const QString type = event.value(QLatin1String("type")).toString();
        if (!attrs && type == QLatin1String("step.start")) {
            plantAttrs(event);
            attrs = true;
        } else if (!message && type == QLatin1String("step.end")) {
            event.insert(QStringLiteral("message"), text());
            message = true;
        }
        out += QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
        if (type == QLatin1String("decision"))
            out += QJsonDocument(pathEvent(event)).toJson(QJsonDocument::Compact) + '\n';
    }
    QFile file(QDir(dir).filePath(QStringLiteral("events-20261124.jsonl")));
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size())
        qFatal("cannot write the planted timeline");
    return dir;
}

} // namespace Runlens::Test::Planted
