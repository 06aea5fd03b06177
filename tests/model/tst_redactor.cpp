// SPDX-License-Identifier: MIT
// The redactor on its own: one row per structure it redacts (URLs, DSNs, key=value, JSON members,
// headers, e-mail, IPv4/IPv6, host names, whole paths), one row per look-alike it must keep, and the
// manifest, which never holds an original.
#include "redactor_p.h"

#include <QTest>

using namespace Runlens;

namespace {

QString redactedText(const QString& text)
{
    Redactor redactor;
    return redactor.redactText(text, QStringLiteral("m"));
}

QByteArray redactedJson(const QByteArray& json, bool learn = false)
{
    Redactor redactor;
    PyJson::Json value = PyJson::parse(json);
    if (learn)
        redactor.learn(value);
    redactor.redact(value, QStringLiteral("m"));
    return PyJson::dumps(value, -1, false);
}

} // namespace

class tst_Redactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        // URLs and DSNs: userinfo, host and port go; scheme, path and fragment stay.
        QTest::addRow("URL with userinfo and port")
            << u"https://user:S3cret@host:8443/v1/embeddings"_qs
            << u"https://<redacted:secret:1>@<redacted:host:1>/v1/embeddings"_qs;
        QTest::addRow("URL query secret")
            << u"GET https://api.example.com/v1/x?token=abc123&page=2#top"_qs
            << u"GET https://<redacted:host:1>/v1/x?token=<redacted:secret:1>&page=2#top"_qs;
        QTest::addRow("postgres DSN, @ in the password") << u"postgres://svc:p@ss@db01.prod.internal:5432/app"_qs
                                                         << u"postgres://<redacted:secret:1>@<redacted:host:1>/app"_qs;
        QTest::addRow("mysql DSN to an IPv4") << u"mysql+pymysql://root:hunter2@10.0.0.5:3306/shop"_qs
                                              << u"mysql+pymysql://<redacted:secret:1>@<redacted:host:1>/shop"_qs;
        QTest::addRow("redis DSN, password only")
            << u"redis://:S3cret@cache:6379/0"_qs << u"redis://<redacted:secret:1>@<redacted:host:1>/0"_qs;
        QTest::addRow("URL to a bracketed IPv6")
            << u"http://[2001:db8::1]:8080/health"_qs << u"http://<redacted:host:1>/health"_qs;
        QTest::addRow("file URL with a space")
            << u"file:///home/alice/My Files/x.db is gone"_qs << u"file://<redacted:path:1> is gone"_qs;
        QTest::addRow("same host twice, one placeholder") << u"http://127.0.0.1:8001/v1 then 127.0.0.1"_qs
                                                          << u"http://<redacted:host:1>/v1 then <redacted:host:1>"_qs;
        QTest::addRow("libpq DSN")
            << u"host=db01.prod.internal port=5432 dbname=app user=svc password=S3cret sslmode=require"_qs
            << u"host=<redacted:host:1> port=5432 dbname=app user=<redacted:user:1> password=<redacted:secret:1> sslmode=require"_qs;
        QTest::addRow("ODBC connection string")
            << u"Server=tcp:db01.prod.internal,1433;Database=app;User Id=svc;Password=S3cret;"_qs
            << u"Server=<redacted:host:1>,1433;Database=app;User Id=<redacted:user:1>;Password=<redacted:secret:1>;"_qs;
        QTest::addRow("ODBC braces") << u"Data Source=db01;Password={S3 cret};"_qs
                                     << u"Data Source=<redacted:host:1>;Password={<redacted:secret:1>};"_qs;
        // key=value and key: value whose key names a secret.
        QTest::addRow("key=value secrets")
            << u"password=S3cret token=tok-123 api_key=ak-9 aws_secret_access_key=wJalrXUtnFEMI/K7MDENG"_qs
            << u"password=<redacted:secret:1> token=<redacted:secret:2> api_key=<redacted:secret:3> aws_secret_access_key=<redacted:secret:4>"_qs;
        QTest::addRow("numeric api key") << u"apiKey: 1234567890123"_qs << u"apiKey: <redacted:secret:1>"_qs;
        QTest::addRow("Python dict repr")
            << u"{'password': 'S3 cret', 'user': 'svc', 'mode': 'http'}"_qs
            << u"{'password': '<redacted:secret:1>', 'user': '<redacted:user:1>', 'mode': 'http'}"_qs;
        QTest::addRow("JSON in text") << u"body {\"X-Api-Key\": \"k-1\", \"limit\": 10}"_qs
                                      << u"body {\"X-Api-Key\": \"<redacted:secret:1>\", \"limit\": 10}"_qs;
        QTest::addRow("escaped JSON in text") << u"payload={\\\"session_token\\\": \\\"st 1\\\"}"_qs
                                              << u"payload={\\\"session_token\\\": \\\"<redacted:secret:1>\\\"}"_qs;
        QTest::addRow("command line") << u"run --password S3cret --db-password=x2"_qs
                                      << u"run --password <redacted:secret:1> --db-password=<redacted:secret:2>"_qs;
        QTest::addRow("environment")
            << u"PGPASSWORD='x y' MYSQL_PWD=z CLIENT_SECRET=c"_qs
            << u"PGPASSWORD='<redacted:secret:1>' MYSQL_PWD=<redacted:secret:2> CLIENT_SECRET=<redacted:secret:3>"_qs;
        QTest::addRow("private key, credential, cookie")
            << u"private-key=pk credential: cr Cookie: sid=1"_qs
            << u"private-key=<redacted:secret:1> credential: <redacted:secret:2> Cookie: <redacted:secret:3>"_qs;
        // Authorization headers and bare bearer tokens: the scheme stays.
        QTest::addRow("Authorization header")
            << u"Authorization: Bearer xyz"_qs << u"Authorization: Bearer <redacted:secret:1>"_qs;
        QTest::addRow("quoted Basic header") << u"headers={'Authorization': 'Basic dXNlcjpwYXNz'}"_qs
                                             << u"headers={'Authorization': 'Basic <redacted:secret:1>'}"_qs;
        QTest::addRow("header after a quote") << u"curl -H 'Authorization: Bearer abc.def'"_qs
                                              << u"curl -H 'Authorization: Bearer <redacted:secret:1>'"_qs;
        QTest::addRow("bare bearer token")
            << u"sent Bearer eyJhbGciOi.x.y upstream"_qs << u"sent Bearer <redacted:secret:1> upstream"_qs;
        // Addresses.
        QTest::addRow("e-mail") << u"mail alice.smith+ops@corp.example.com now"_qs << u"mail <redacted:email:1> now"_qs;
        QTest::addRow("IPv4 with port, sentence end")
            << u"from 10.1.2.3:5432 and 192.168.0.1."_qs << u"from <redacted:host:1> and <redacted:host:2>."_qs;
        QTest::addRow("IPv6 forms")
            << u"::1, fe80::1%eth0, [2001:db8::1]:8443, 2001:db8:0:0:0:0:2:1, ::ffff:10.0.0.1"_qs
            << u"<redacted:host:1>, <redacted:host:2>, <redacted:host:3>, <redacted:host:4>, <redacted:host:5>"_qs;
        QTest::addRow("host name with port")
            << u"connect to db01.prod.internal:5432 failed"_qs << u"connect to <redacted:host:1> failed"_qs;
        QTest::addRow("host names, any case")
            << u"API.Example.COM and git.kestrel-corp.com."_qs << u"<redacted:host:1> and <redacted:host:2>."_qs;
        // Whole absolute paths.
        QTest::addRow("path with spaces and non-ASCII")
            << u"/home/alice/Quarterly Réports/budget 2026.xlsx was not found"_qs
            << u"<redacted:path:1> was not found"_qs;
        QTest::addRow("quoted path") << u"open '/srv/My Data/x' failed"_qs << u"open '<redacted:path:1>' failed"_qs;
        QTest::addRow("double-quoted path, last part with a space")
            << u"No such file: \"/home/josé/My Documents\""_qs << u"No such file: \"<redacted:path:1>\""_qs;
        QTest::addRow("Windows path") << u"C:\\Users\\Alice Smith\\AppData\\x.db: denied"_qs
                                      << u"<redacted:path:1>: denied"_qs;
        QTest::addRow("Windows path with slashes")
            << u"at C:/Program Files/App/app.exe"_qs << u"at <redacted:path:1>"_qs;
        QTest::addRow("UNC path") << u"share \\\\fileserver\\share\\dir ok"_qs << u"share <redacted:path:1> ok"_qs;
        QTest::addRow("home path") << u"key ~/secrets/key.pem"_qs << u"key <redacted:path:1>"_qs;
        QTest::addRow("path list") << u"PATH=/usr/local/bin:/usr/bin"_qs << u"PATH=<redacted:path:1>"_qs;
        QTest::addRow("paths in brackets and lists") << u"(/tmp/x.log) /tmp/ci/data, /tmp/other."_qs
                                                     << u"(<redacted:path:1>) <redacted:path:2>, <redacted:path:3>."_qs;
        QTest::addRow("non-ASCII path") << u"/data/naïve/ß.db"_qs << u"<redacted:path:1>"_qs;
        QTest::addRow("JSON-escaped slashes") << u"\\/home\\/alice\\/x.db"_qs << u"<redacted:path:1>"_qs;
        QTest::addRow("path with a host in it") << u"/srv/db01.prod.internal/data"_qs << u"<redacted:path:1>"_qs;
    }

    void text()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(redactedText(input), expected);
    }

    void kept_data()
    {
        QTest::addColumn<QString>("input");
        for (const char* text : { "faiss.k", "retrieval.query_text", "hydrate.duckdb", "events-20261124.jsonl",
                 "search.semantic_pro", "mcp.tool:search.semantic_pro", "hybrid.channels.collected",
                 "codeintel_rev.mcp_server", "vllm.client", "code.ivfpq.faiss", "index.scip.json", "catalog.duckdb",
                 "runner.py, README.md, build.sh, model.pt", "log.info and x.name", "version 1.2.3", "python3.11",
                 "v1.2.3.4", "nomic-ai/nomic-embed-code", "2026-11-24 22:47:34,240 INFO vllm.client",
                 "2026-11-24T22:47:34.239Z", "took 3.5 ms at ts 1795560454.2395372",
                 "6f7c2093462ca58cbbd26eba03340e1823b37e608cd7d610a7c2fabbf42898e9", "Runlens::PyJson and std::vector",
                 "cafe::babe", "12:30:45", "aa:bb:cc:dd:ee:ff", "/mcp", "and/or, 3/4", "HTTP 503 Service Unavailable",
                 "max_tokens=512 token_count: 3 auth_enabled=true has_token: false", "author: Jane",
                 "status: ok, mode=http, query_chars=42", "password=null", "<redacted:host:1>:<redacted:path:2>",
                 "tokens were counted", "relative/path/to/file.txt", "localhost" })
            QTest::addRow("%s", text) << QString::fromUtf8(text);
    }

    void kept()
    {
        QFETCH(QString, input);
        QCOMPARE(redactedText(input), input);
    }

    void json_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("secret members of every type")
            << QByteArray(
                   R"({"password":"S3cret","api_key":1234567890,"auth":true,"credentials":{"user":"u","password":"p"},)"
                   R"("private_keys":["a","b"],"token":null,"session_token":"","faiss.k":20})")
            << QByteArray(
                   R"({"password": "<redacted:secret:1>", "api_key": "<redacted:secret:2>", "auth": "<redacted:secret:3>", )"
                   R"("credentials": "<redacted:secret:4>", "private_keys": "<redacted:secret:5>", "token": null, )"
                   R"("session_token": "", "faiss.k": 20})");
        QTest::addRow("flags and measures of secrets stay")
            << QByteArray(
                   R"({"max_tokens":512,"code_token_ratio":1.0,"has_token":true,"auth_enabled":false,"password_file":"x"})")
            << QByteArray(
                   R"({"max_tokens": 512, "code_token_ratio": 1.0, "has_token": true, "auth_enabled": false, "password_file": "x"})");
        QTest::addRow("same secret, same placeholder")
            << QByteArray(R"({"password":"S3cret","msg":"login with password=S3cret"})")
            << QByteArray(R"({"password": "<redacted:secret:1>", "msg": "login with password=<redacted:secret:1>"})");
        QTest::addRow("Authorization keeps its scheme")
            << QByteArray(R"({"headers":{"Authorization":"Bearer xyz"}})")
            << QByteArray(R"({"headers": {"Authorization": "Bearer <redacted:secret:1>"}})");
        QTest::addRow("host, user and query members")
            << QByteArray(
                   R"({"db_host":"db01","hostname":"DB01","user":"svc","port":5432,"query":"where is it","host":["a","b"]})")
            << QByteArray(
                   R"({"db_host": "<redacted:host:1>", "hostname": "<redacted:host:1>", "user": "<redacted:user:1>", )"
                   R"("port": 5432, "query": "<redacted:query:1>", "host": ["<redacted:host:2>", "<redacted:host:3>"]})");
        QTest::addRow("whole-string paths")
            << QByteArray(R"({"repo_root":"/home/alice/My Repo","w":"C:\\Users\\Ana Lía"})")
            << QByteArray(R"({"repo_root": "<redacted:path:1>", "w": "<redacted:path:2>"})");
        QTest::addRow("keys that are paths or addresses")
            << QByteArray(R"({"/home/alice/x":1,"alice@corp.com":2,"faiss.k":3})")
            << QByteArray(R"({"<redacted:path:1>": 1, "<redacted:email:1>": 2, "faiss.k": 3})");
        // Not raw strings: moc takes the "//" of a URL in a raw string for a comment.
        QTest::addRow("attrs of every kind")
            << QByteArray("{\"attrs\":{\"s\":\"see 10.0.0.1\",\"n\":7,\"f\":1.5,\"b\":true,\"z\":null,"
                          "\"a\":[\"ops@corp.com\",3],\"o\":{\"url\":\"https://u:p@h.example.com/\"}}}")
            << QByteArray(
                   "{\"attrs\": {\"s\": \"see <redacted:host:1>\", \"n\": 7, \"f\": 1.5, \"b\": true, \"z\": null, "
                   "\"a\": [\"<redacted:email:1>\", 3], \"o\": {\"url\": "
                   "\"https://<redacted:secret:1>@<redacted:host:2>/\"}}}");
    }

    void json()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(redactedJson(input), expected);
    }

    void learnedPathsEndWhereTheyEnd()
    {
        // A path whose last part has a space ends at the next space in free text, unless the pack
        // names it whole somewhere: then free text loses all of it.
        const QByteArray input = R"({"repo_root":"/home/alice/My Repo","msg":"cannot open /home/alice/My Repo now"})";
        QCOMPARE(redactedJson(input, false),
            QByteArray(R"({"repo_root": "<redacted:path:1>", "msg": "cannot open <redacted:path:2> Repo now"})"));
        QCOMPARE(redactedJson(input, true),
            QByteArray(R"({"repo_root": "<redacted:path:1>", "msg": "cannot open <redacted:path:1> now"})"));
    }

    void log()
    {
        Redactor redactor;
        const QByteArray log = "{\"msg\":\"from http://10.0.0.1:8001/v1\",\"n\":1}\n"
                               "2026-11-24 INFO connect password=S3cret to db01.prod.internal\r\n"
                               "{\"not json\n";
        QCOMPARE(redactor.redactLog(log, QStringLiteral("logs/a.log")),
            QByteArray("{\"msg\":\"from http://<redacted:host:1>/v1\",\"n\":1}\n"
                       "2026-11-24 INFO connect password=<redacted:secret:1> to <redacted:host:2>\r\n"
                       "{\"not json\n"));
    }

    void manifestHoldsNoOriginal()
    {
        Redactor redactor;
        PyJson::Json a = PyJson::parse(R"({"password":"S3cret","p":"/home/alice/x"})");
        PyJson::Json b = PyJson::parse(R"({"m":"password=S3cret at db01.prod.internal"})");
        redactor.redact(a, QStringLiteral("a.json"));
        redactor.redact(b, QStringLiteral("b.json"));
        const QByteArray manifest = PyJson::dumps(redactor.manifest(), -1, false);
        QCOMPARE(manifest,
            QByteArray(
                R"([{"placeholder": "<redacted:secret:1>", "category": "secret", "members": ["a.json", "b.json"]}, )"
                R"({"placeholder": "<redacted:path:1>", "category": "path", "members": ["a.json"]}, )"
                R"({"placeholder": "<redacted:host:1>", "category": "host", "members": ["b.json"]}])"));
    }
};

QTEST_GUILESS_MAIN(tst_Redactor)
#include "tst_redactor.moc"
