// SPDX-License-Identifier: MIT
#include "synth.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <memory>
#include <queue>
#include <vector>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Synth)
};

// splitmix64: small, fast and the same on every platform; std distributions are not.
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    qint64 range(qint64 lo, qint64 hi) { return lo + qint64(next() % quint64(hi - lo + 1)); } // inclusive
    bool chance(int perMille) { return qint64(next() % 1000) < perMille; }
    template <typename T, size_t N> const T& pick(const std::array<T, N>& items) { return items[size_t(next() % N)]; }
    QByteArray hex(int digits)
    {
        static const char kDigits[] = "0123456789abcdef";
        QByteArray out(digits, '0');
        for (int i = 0; i < digits; ++i)
            out[i] = kDigits[next() & 0xF];
        return out;
    }
    QByteArray uuid4() // with dashes, as upstream makes a session id for a request without one
    {
        const QByteArray h = hex(32);
        return h.mid(0, 8) + '-' + h.mid(8, 4) + "-4" + h.mid(13, 3) + '-' + h.mid(16, 4) + '-' + h.mid(20, 12);
    }

private:
    quint64 m_state;
};

void appendQuoted(QByteArray& out, QByteArrayView text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += "\\u00" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            else
                out += c; // UTF-8 written raw, like Python's ensure_ascii=False
        }
    }
    out += '"';
}

QByteArray quoted(QByteArrayView text)
{
    QByteArray out;
    appendQuoted(out, text);
    return out;
}

// Python's repr of a float given as an integer count of 10^-decimals: (258, 2) -> "2.58", (1000, 3) -> "1.0".
QByteArray pyFloat(qint64 scaled, int decimals)
{
    qint64 unit = 1;
    for (int i = 0; i < decimals; ++i)
        unit *= 10;
    const bool negative = scaled < 0;
    const qint64 magnitude = negative ? -scaled : scaled;
    QByteArray fraction = QByteArray::number(magnitude % unit).rightJustified(decimals, '0');
    while (fraction.size() > 1 && fraction.endsWith('0'))
        fraction.chop(1);
    return (negative ? "-" : "") + QByteArray::number(magnitude / unit) + '.' + fraction;
}

QByteArray tsText(qint64 us)
{
    return pyFloat(us, 6);
}

// Members of a JSON object (no braces), so that an end line can append duration_ms to its start's attrs.
class Attrs
{
public:
    Attrs& str(const char* key, QByteArrayView value)
    {
        name(key);
        appendQuoted(m_members, value);
        return *this;
    }
    Attrs& num(const char* key, qint64 value)
    {
        name(key);
        m_members += QByteArray::number(value);
        return *this;
    }
    Attrs& flag(const char* key, bool value)
    {
        name(key);
        m_members += value ? "true" : "false";
        return *this;
    }
    Attrs& raw(const char* key, QByteArrayView json)
    {
        name(key);
        m_members += json;
        return *this;
    }
    Attrs& members(const QByteArray& more)
    {
        if (!more.isEmpty()) {
            if (!m_members.isEmpty())
                m_members += ',';
            m_members += more;
        }
        return *this;
    }
    operator const QByteArray&() const { return m_members; }

private:
    void name(const char* key)
    {
        if (!m_members.isEmpty())
            m_members += ',';
        m_members += '"';
        m_members += key;
        m_members += "\":";
    }
    QByteArray m_members;
};

QByteArray list(std::initializer_list<QByteArrayView> items)
{
    QByteArray out = "[";
    for (QByteArrayView item : items) {
        if (out.size() > 1)
            out += ',';
        appendQuoted(out, item);
    }
    return out + ']';
}

enum Mark : quint8
{
    NoMark = 0,
    ToolStart = 1,
    ToolEnd = 2,
    ToolEndError = 4
};

struct Line
{
    qint64 tsUs;
    QByteArray text;
    quint8 marks;
};

// Queries as users type them: code names, prose, German, Japanese, emoji.
const std::array<QByteArrayView, 16> kQueries = {
    "where do we retry failed embedding batches",
    "DuckDBCatalog.query_by_ids",
    "how is the RRF k chosen per query",
    "FAISS nprobe tuning for the secondary index",
    "def hydrate_results(",
    "splade encoder onnxruntime fallback",
    "wo wird der Einbettungs-Cache geleert und warum überhaupt",
    "Größe der Ergebnisliste ändern",
    "埋め込みバッチの再試行はどこで行われますか",
    "検索結果のハイドレーション",
    "retry 🔁 on 503 from vLLM",
    "naïve café résumé parser",
    "Ошибка при слиянии каналов",
    "timeline rotation collision",
    "capability_stamp mismatch after restart",
    "bm25 rm3 expansion weights",
};

const std::array<QByteArrayView, 3> kEmbedErrors = {
    "vLLM HTTP 503 Service Unavailable from http://127.0.0.1:8001/v1/embeddings",
    "vLLM request timed out after 30.0 s (http://127.0.0.1:8001/v1/embeddings)",
    "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 23.65 GiB total capacity; 21.10 GiB already allocated)",
};

const std::array<QByteArrayView, 2> kHydrateErrors = {
    "IO Error: Could not set lock on file \"/srv/codeintel/catalog.duckdb\": Conflicting lock is held in "
    "/usr/bin/python3.12 (PID 4121)",
    "Catalog Error: Table with name chunks does not exist! Did you mean \"chunk_meta\"?",
};

const std::array<QByteArrayView, 3> kGateReasons = { "high_margin", "upstream_budget_exceeded",
    "insufficient_candidates" };

const QByteArrayView kFaissBug = "emit_checkpoint() got multiple values for argument 'stage'";
const QByteArrayView kTool = "search.semantic_pro";
const QByteArrayView kToolScope = "mcp.tool:search.semantic_pro";

qint64 codePoints(QByteArrayView utf8)
{
    qint64 n = 0;
    for (const char c : utf8)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

struct Server
{
    int generation = 0;
    QByteArray capabilityStamp;
    bool faissReady = false; // coderank-faiss initialised; otherwise the next request initialises it
};

// One run's lines, built in time order; scopes are closed with upstream's duration_ms.
class RunWriter
{
public:
    RunWriter(Rng& rng, QByteArray sessionId, QByteArray runId, QByteArray stamp, qint64 startUs)
        : m_rng(rng)
        , m_session(std::move(sessionId))
        , m_run(std::move(runId))
        , m_stamp(std::move(stamp))
        , m_t(startUs)
    { }

    const QByteArray& session() const { return m_session; }
    const QByteArray& run() const { return m_run; }
    const QByteArray& stamp() const { return m_stamp; }
    qint64 now() const { return m_t; }
    void work(qint64 loUs, qint64 hiUs) { m_t += m_rng.range(loUs, hiUs); }

    // The span layer's context keys (spec 3.4).
    QByteArray context(const char* requestStage = nullptr) const
    {
        Attrs a;
        a.str("session_id", m_session).str("run_id", m_run).str("request_tool", kTool);
        if (requestStage)
            a.str("request_stage", requestStage);
        a.str("capability_stamp", m_stamp);
        return a;
    }

    void point(const char* type, QByteArrayView name, const QByteArray& attrs, const char* status = "ok",
        QByteArrayView message = {})
    {
        work(40, 400);
        write(type, name, status, message, attrs, NoMark);
    }

    void open(const char* kind, QByteArrayView name, const QByteArray& attrs)
    {
        work(40, 300);
        const bool tool = qstrcmp(kind, "operation") == 0 && name == kToolScope;
        write(QByteArray(QByteArray(kind) + ".start"), name, "ok", {}, attrs, tool ? ToolStart : NoMark);
        m_open.push_back({ kind, name.toByteArray(), attrs, m_t });
    }

    // Returns duration_ms of the closed scope.
    qint64 close(const char* status = "ok", QByteArrayView message = {})
    {
        work(40, 300);
        Open scope = std::move(m_open.back());
        m_open.pop_back();
        const qint64 durationMs = (m_t - scope.startUs) / 1000;
        Attrs a;
        a.members(scope.attrs).num("duration_ms", durationMs);
        quint8 marks = NoMark;
        if (scope.kind == "operation" && scope.name == kToolScope)
            marks = qstrcmp(status, "error") == 0 ? (ToolEnd | ToolEndError) : ToolEnd;
        write(QByteArray(scope.kind + ".end"), scope.name, status, message, a, marks);
        return durationMs;
    }

    std::vector<Line> take() { return std::move(m_lines); }

private:
    struct Open
    {
        QByteArray kind;
        QByteArray name;
        QByteArray attrs;
        qint64 startUs;
    };

    void write(QByteArrayView type, QByteArrayView name, const char* status, QByteArrayView message,
        const QByteArray& attrs, quint8 marks)
    {
        QByteArray line;
        line.reserve(160 + attrs.size() + message.size());
        line += "{\"ts\":" + tsText(m_t) + ",\"type\":";
        appendQuoted(line, type);
        line += ",\"name\":";
        appendQuoted(line, name);
        line += ",\"status\":\"";
        line += status;
        line += "\",\"session_id\":";
        appendQuoted(line, m_session);
        line += ",\"run_id\":";
        appendQuoted(line, m_run);
        if (!message.isEmpty()) {
            line += ",\"message\":";
            appendQuoted(line, message);
        }
        if (!attrs.isEmpty())
            line += ",\"attrs\":{" + attrs + '}';
        line += "}\n";
        m_lines.push_back({ m_t, std::move(line), marks });
    }

    Rng& m_rng;
    QByteArray m_session;
    QByteArray m_run;
    QByteArray m_stamp;
    qint64 m_t;
    std::vector<Open> m_open;
    std::vector<Line> m_lines;
};

enum class Channel
{
    Run,
    Disabled,
    CapabilityOff,
    ProviderError
};

// The budget descriptor of gate.budget and hybrid.query_profile (spec 6.4).
QByteArray budgetDescriptor(qint64 words, bool vague, int rrfK)
{
    Attrs a;
    a.num("length", words)
        .raw("unique_ratio", "1.0")
        .raw("code_token_ratio", vague ? "0.25" : "1.0")
        .raw("digit_ratio", "0.0")
        .raw("symbol_ratio", "0.0")
        .raw("oov_ratio", vague ? "0.5" : "0.0")
        .flag("looks_literal", !vague)
        .flag("looks_vague", vague)
        .raw("ambiguity_score", vague ? "0.42" : "0.0")
        .raw("per_channel_depths", "{\"semantic\":200,\"bm25\":300,\"splade\":120}")
        .num("rrf_k", rrfK)
        .flag("rm3_enabled", true);
    return a;
}

QByteArray topDocs(Rng& rng, qint64 firstDoc, qint64 topScaled, int decimals)
{
    QByteArray out = "[";
    for (int i = 0; i < 10; ++i) {
        if (i > 0)
            out += ',';
        out += "{\"doc_id\":" + quoted(QByteArray::number(firstDoc + i * rng.range(1, 13)))
            + ",\"score\":" + pyFloat(topScaled - i * rng.range(1, 40), decimals) + '}';
    }
    return out + ']';
}

// One search.semantic_pro request (spec 4.5), with the variations real timelines show.
void semanticProRun(RunWriter& w, Rng& rng, Server& server)
{
    const bool longQuery = rng.chance(40);
    QByteArray query;
    if (longQuery) {
        const int words = int(rng.range(45, 90));
        for (int i = 0; i < words; ++i)
            query += (i ? " " : "") + rng.pick(kQueries).toByteArray().split(' ').first();
    } else {
        query = rng.pick(kQueries).toByteArray();
    }
    const qint64 queryChars = codePoints(query);
    // Upstream's scrubber replaces strings over 256 characters by their length and hash (spec 3.2).
    const QByteArray queryJson = queryChars > 256
        ? QByteArray("{\"len\":" + QByteArray::number(queryChars) + ",\"sha256\":\"" + rng.hex(64) + "\"}")
        : quoted(query);
    const qint64 limit = rng.pick(std::array<qint64, 3> { 10, 20, 50 });
    const bool http = rng.chance(100);
    const bool vague = rng.chance(80);
    const int rrfK = vague ? 30 : int(rng.pick(std::array<qint64, 3> { 30, 60, 60 }));

    const qint64 toolStart = w.now();
    w.open("step", kToolScope,
        Attrs()
            .str("mcp.tool", kTool)
            .str("mcp.session_id", w.session())
            .str("mcp.run_id", w.run())
            .num("query_chars", queryChars)
            .num("limit", limit)
            .members(w.context()));
    const QByteArray toolAttrs = Attrs()
                                     .num("query_chars", queryChars)
                                     .num("limit", limit)
                                     .str("session_id", w.session())
                                     .str("capability_stamp", w.stamp())
                                     .str("run_id", w.run());
    w.open("operation", kToolScope, toolAttrs);
    auto endTool = [&](const char* status, QByteArrayView message) {
        w.close(status, message);
        w.close(status, message);
        w.point("http.request", "/mcp",
            Attrs().str("method", "POST").num("status_code", 200).num("duration_ms", (w.now() - toolStart) / 1000));
    };

    // Embed.
    const QByteArray mode = http ? "http" : "inprocess";
    w.open("step", "vllm.embed_batch",
        Attrs()
            .str("vllm.mode", mode)
            .str("vllm.model_name", "nomic-ai/nomic-embed-code")
            .num("vllm.embed_dim", 3584)
            .num("vllm.batch_size", 1)
            .members(w.context()));
    const QByteArray embedAttrs = Attrs().str("mode", mode).num("batch", 1).num("dim", 3584);
    w.open("step", "embed.vllm", embedAttrs);
    if (rng.chance(25)) {
        const QByteArray message = rng.pick(kEmbedErrors).toByteArray();
        w.work(5'000, 30'000);
        w.close("error", message);
        w.close("error", message);
        // Upstream's error event keeps status ok (spec 4.2).
        w.point("error", "embed.vllm", Attrs().str("mode", mode).num("batch", 1), "ok", message);
        endTool("error", QByteArray("CodeRank embedding failed: " + message));
        return;
    }
    w.work(6'000, http ? 40'000 : 15'000);
    w.close();
    w.close();

    // Dense.
    if (!server.faissReady) {
        w.point("runtime.init.start", "coderank-faiss",
            Attrs()
                .num("generation", server.generation)
                .str("session_id", w.session())
                .str("capability_stamp", server.capabilityStamp));
        const qint64 initStart = w.now();
        w.work(40'000, 120'000);
        w.point("runtime.init.end", "coderank-faiss",
            Attrs().num("duration_ms", (w.now() - initStart) / 1000).num("generation", server.generation));
        server.faissReady = true;
    }
    const bool gpu = !rng.chance(30);
    const bool secondary = rng.chance(100);
    w.point("faiss.search.start", "faiss",
        Attrs().num("k", 20).num("nprobe", 128).flag("use_gpu", gpu).flag("has_secondary", secondary));
    w.open("step", "search.faiss",
        Attrs()
            .str("component", "retrieval")
            .str("stage", "faiss.search")
            .num("faiss.k", 20)
            .num("faiss.nprobe", 128)
            .flag("faiss.gpu", gpu)
            .members(w.context()));
    w.work(2'000, gpu ? 6'000 : 40'000);
    if (rng.chance(15)) {
        // Upstream bug 13.1: the FAISS checkpoint raises after the search and fails the tool.
        w.close("error", kFaissBug);
        endTool("error", kFaissBug);
        return;
    }
    if (secondary) {
        const bool run = rng.chance(400);
        Attrs gate;
        gate.flag("should_run", run)
            .str("reason", run ? QByteArrayView("within_budget") : rng.pick(kGateReasons))
            .num("candidate_count", rng.range(0, 40))
            .raw("elapsed_ms", pyFloat(rng.range(100, 9000), 2))
            .raw("margin", pyFloat(rng.range(-1000, 900), 3));
        w.point("decision", "retrieval.gating.secondary", gate);
    }
    const qint64 faissMs = w.close();
    w.point("faiss.search.end", "faiss",
        Attrs().num("duration_ms", faissMs).num("rows", 1).num("k", 20).num("nprobe", 128).flag("use_gpu", gpu));

    // Hybrid search: budget, gather, fuse.
    w.open("step", "retrieval.search",
        Attrs()
            .raw("retrieval.query_text", queryJson)
            .num("retrieval.query_len", queryChars)
            .num("retrieval.top_k", 20)
            .members(w.context()));
    w.open("operation", "hybrid.search", Attrs().num("query_chars", queryChars).num("limit", 20));
    const QByteArray budget = budgetDescriptor(qint64(query.count(' ')) + 1, vague, rrfK);
    w.point("decision", "gate.budget", budget);
    w.point("hybrid.query_profile", "query_profile", budget);
    w.open("step", "retrieval.gather_channels",
        Attrs()
            .str("request.stage", "gather")
            .str("retrieval.channel_depths", "{\"bm25\": 300, \"semantic\": 200, \"splade\": 120}")
            .num("retrieval.top_k", 20)
            .members(w.context()));
    w.open("step", "search.faiss", Attrs().num("input_hits", 20));
    w.close();
    w.point("hybrid.semantic.run", "semantic", Attrs().num("hits", 20));

    const Channel bm25 = rng.chance(50) ? Channel::Disabled : Channel::Run;
    const qint64 splade_draw = rng.range(0, 999);
    const Channel splade = splade_draw < 60 ? Channel::CapabilityOff
        : splade_draw < 80                  ? Channel::ProviderError
                                            : Channel::Run;
    std::vector<QByteArrayView> used = { "semantic" };
    auto channel = [&](QByteArrayView name, Channel how, qint64 depth, const char* cost) {
        switch (how) {
        case Channel::Disabled:
            w.point("channel", "channel.skip", Attrs().str("reason", "disabled").str("name", name));
            return;
        case Channel::CapabilityOff:
            w.point("channel", "channel.skip",
                Attrs()
                    .str("reason", "capability_off")
                    .raw("missing", list({ "onnxruntime_importable" }))
                    .str("name", name));
            return;
        case Channel::ProviderError:
            w.work(1'000, 9'000);
            w.point("channel", "channel.skip",
                Attrs()
                    .str("reason", "provider_error")
                    .str("message", "SPLADE encoder returned HTTP 500: Internal Server Error")
                    .str("name", name));
            return;
        case Channel::Run:
            break;
        }
        const QByteArray scope = "search." + name.toByteArray();
        const QByteArray inner = Attrs().str("channel", name).num("limit", depth);
        w.open("step", scope, Attrs().members(inner).members(w.context("retrieval.gather")));
        w.open("step", scope, inner);
        w.work(3'000, 14'000);
        w.close();
        w.close();
        w.point("channel", "channel.run", Attrs().str("name", name).num("hits", depth).raw("cost", cost));
        used.push_back(name);
    };
    channel("bm25", bm25, 300, "1.0");
    channel("splade", splade, 120, "3.0");
    w.close(); // retrieval.gather_channels

    QByteArray usedList = "[";
    QByteArray usedText = "[";
    qint64 total = 20;
    Attrs collected;
    collected.num("semantic_hits", 20);
    for (size_t i = 0; i < used.size(); ++i) {
        usedList += (i ? "," : "") + quoted(used[i]);
        usedText += (i ? ", " : "") + quoted(used[i]);
        if (used[i] == "bm25") {
            collected.num("bm25_hits", 300);
            total += 300;
        } else if (used[i] == "splade") {
            collected.num("splade_hits", 120);
            total += 120;
        }
    }
    usedList += ']';
    usedText += ']';
    w.point("hybrid.channels.collected", "hybrid", collected.raw("channels", usedList));

    const bool empty = rng.chance(10);
    const qint64 documents = empty ? 0 : 20;
    w.open("step", "retrieval.fuse",
        Attrs()
            .str("request.stage", "fuse")
            .num("decision.rrf_k", rrfK)
            .str("retrieval.channels_used", usedText)
            .members(w.context()));
    w.open("step", "fusion.rrf", Attrs().num("channels", qint64(used.size())));
    w.point("hybrid.fuse.start", "fusion", Attrs().raw("channels", usedList).num("rrf_k", rrfK).num("total", total));
    w.open("step", "search.rrf_fuse",
        Attrs().num("rrf_k", rrfK).raw("channels", usedList).members(w.context("retrieval.fuse")));
    w.work(100, 900);
    w.close();
    w.point("hybrid.fuse.rrf", "fusion", Attrs().num("rrf_k", rrfK).num("returned", documents));
    QByteArray perChannel = "{\"semantic\":" + topDocs(rng, 1000, 920, 3);
    for (size_t i = 1; i < used.size(); ++i)
        perChannel += ",\"" + used[i].toByteArray()
            + "\":" + topDocs(rng, 1000 + rng.range(0, 400), used[i] == "bm25" ? 9966 : 1840, 3);
    perChannel += '}';
    w.point("hybrid.debug_bundle", "debug",
        Attrs().raw("bundle",
            QByteArray("{\"query\":" + queryJson + ",\"budget\":{" + budget + "},\"per_channel_top\":" + perChannel
                + ",\"rrf_k\":" + QByteArray::number(rrfK) + '}')));
    w.close(); // fusion.rrf
    w.close(); // retrieval.fuse
    w.point("hybrid.fuse.result", "fusion",
        Attrs().num("documents", documents).num("warnings", 0).raw("channels", usedList));
    w.close(); // hybrid.search
    w.close(); // retrieval.search

    // Rerank decision, before hydration (spec 4.5).
    if (rng.chance(100)) {
        w.point("rerank.decision", "rerank",
            Attrs().str("provider", "xtr").num("top_k", 50).flag("enabled", true).num("candidates", documents));
        w.open("step", "retrieval.coderank_llm",
            Attrs()
                .str("component", "retrieval")
                .str("request.stage", "rerank")
                .num("retrieval.top_k", 20)
                .members(w.context()));
        w.point("rerank.start", "rerank", Attrs().str("provider", "xtr").num("top_k", 50));
        w.work(20'000, 90'000);
        w.point("rerank.end", "rerank", Attrs().str("provider", "xtr").num("returned", documents));
        w.close();
    } else {
        w.point("rerank.decision", "rerank",
            Attrs().str("provider", "xtr").num("top_k", 50).flag("enabled", false).str("reason", "disabled_config"));
    }

    // Hydration; a few requests look documents up in several rounds.
    const qint64 requested = documents;
    const qint64 effective = std::min<qint64>(limit, 20);
    const bool failHydrate = rng.chance(10);
    const qint64 missing = !empty && rng.chance(30) ? rng.range(1, 5) : 0;
    const int rounds = rng.chance(30) ? int(rng.range(2, 12)) : 1;
    w.point("hydration.start", "duckdb",
        Attrs().num("requested", requested).num("effective_limit", effective).num("asked", requested));
    w.open("step", "hydrate.duckdb",
        Attrs()
            .str("component", "retrieval")
            .str("request.stage", "hydrate")
            .num("duckdb.rows", 0)
            .num("requested", requested)
            .num("effective_limit", effective)
            .members(w.context()));
    const qint64 hydrateStart = w.now();
    for (int round = 0; round < rounds; ++round) {
        const qint64 sqlBytes = 180 + rng.range(0, 40) + requested * 2;
        w.point("duckdb.hydrate.start", "catalog", Attrs().str("op", "query_by_ids").num("asked_for", requested));
        w.open("step", "catalog.hydrate",
            Attrs()
                .str("component", "duckdb")
                .str("request.stage", "hydrate")
                .num("duckdb.sql_bytes", sqlBytes)
                .members(w.context("hydrate.duckdb")));
        w.open("step", "sql.exec", Attrs().num("duckdb.sql_bytes", sqlBytes));
        w.work(800, 4'000);
        if (failHydrate) {
            const QByteArray message = rng.pick(kHydrateErrors).toByteArray();
            w.close("error", message);
            w.close("error", message);
            w.close("error", message);
            w.point("hydration.end", "duckdb",
                Attrs().num("requested", requested).num("returned", 0).num("missing", requested), "error", message);
            endTool("error", QByteArray("DuckDB hydration failed: " + message));
            return;
        }
        w.close();
        w.point("io", "duckdb.query",
            Attrs().raw("duration_ms", pyFloat(rng.range(80, 900), 2)).num("duckdb.sql_bytes", sqlBytes));
        w.close(); // catalog.hydrate
        w.point("duckdb.hydrate.end", "catalog",
            Attrs()
                .num("returned", requested - missing)
                .num("missing", missing)
                .num("duration_ms", (w.now() - hydrateStart) / 1000));
    }
    w.close(); // hydrate.duckdb
    w.point("hydration.end", "duckdb",
        Attrs()
            .num("requested", requested)
            .num("returned", requested - missing)
            .num("missing", missing)
            .num("effective_limit", effective));
    endTool("ok", {});
}

// Runtime warm-up at server start, under the reserved `startup` session (spec 4.3).
std::vector<Line> startupRun(Rng& rng, Server& server, qint64 startUs)
{
    RunWriter w(rng, "startup", rng.hex(32), server.capabilityStamp, startUs);
    std::vector<QByteArrayView> cells = { "hybrid-engine" };
    if (server.faissReady)
        cells.insert(cells.begin(), "coderank-faiss");
    for (QByteArrayView cell : cells) {
        w.point("runtime.init.start", cell, Attrs().num("generation", server.generation));
        const qint64 start = w.now();
        w.work(30'000, 120'000);
        w.point("runtime.init.end", cell,
            Attrs().num("duration_ms", (w.now() - start) / 1000).num("generation", server.generation));
    }
    return w.take();
}

// Appends lines to the timeline files the way upstream's writer does: one current file per day,
// renamed to events-YYYYMMDD-<epoch>.jsonl when it is rotated.
class TimelineOutput
{
public:
    TimelineOutput(const QString& directory, const SynthOptions& options, SynthStats* stats)
        : m_dir(directory)
        , m_options(options)
        , m_stats(stats)
    { }

    bool append(const Line& line, qint64 index, QString* error)
    {
        const qint64 second = line.tsUs / 1'000'000;
        if (!m_file || second >= m_dayEnd) {
            if (m_file && !finishFile(QString(), error))
                return false;
            const QDateTime time = QDateTime::fromSecsSinceEpoch(second, QTimeZone::utc());
            m_day = time.toString(QStringLiteral("yyyyMMdd"));
            m_dayEnd = QDateTime(time.date().addDays(1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
            if (!openFile(error))
                return false;
            m_segment = segmentOf(index);
        } else if (rotateBefore(index)) {
            // The rotated name carries the integer time of the rename; upstream loses a segment when
            // two renames fall in the same second, which the generator avoids.
            m_lastEpoch = std::max(m_lastEpoch + 1, second);
            if (!finishFile(QStringLiteral("events-%1-%2.jsonl").arg(m_day).arg(m_lastEpoch), error)
                || !openFile(error))
                return false;
            m_segment = segmentOf(index);
        }
        m_buffer += line.text;
        m_fileBytes += line.text.size();
        ++m_fileLines;
        if (m_buffer.size() >= (1 << 20))
            return flush(error);
        return true;
    }

    bool finish(QString* error) { return !m_file || finishFile(QString(), error); }

private:
    // With a file count, file k holds lines [k * events / files, (k + 1) * events / files).
    qint64 segmentOf(qint64 index) const
    {
        return m_options.files > 0 ? index * m_options.files / m_options.events : 0;
    }

    bool rotateBefore(qint64 index) const
    {
        if (m_options.files > 0)
            return segmentOf(index) != m_segment;
        return m_fileBytes > m_options.rotateBytes;
    }

    QString currentName() const { return QStringLiteral("events-%1.jsonl").arg(m_day); }

    bool openFile(QString* error)
    {
        m_file = std::make_unique<QSaveFile>(m_dir.filePath(currentName()));
        if (!m_file->open(QIODevice::WriteOnly)) {
            *error = Tr::tr("cannot write %1: %2").arg(m_file->fileName(), m_file->errorString());
            return false;
        }
        m_fileBytes = 0;
        m_fileLines = 0;
        return true;
    }

    bool flush(QString* error)
    {
        if (m_file->write(m_buffer) != m_buffer.size()) {
            *error = Tr::tr("cannot write %1: %2").arg(m_file->fileName(), m_file->errorString());
            return false;
        }
        m_stats->bytes += m_buffer.size();
        m_buffer.clear();
        return true;
    }

    // Commits the current file; renames it to `rotatedName` unless that is empty.
    bool finishFile(const QString& rotatedName, QString* error)
    {
        if (!flush(error))
            return false;
        if (!m_file->commit()) {
            *error = Tr::tr("cannot write %1: %2").arg(m_file->fileName(), m_file->errorString());
            return false;
        }
        m_file.reset();
        if (rotatedName.isEmpty()) {
            m_stats->files.append(currentName());
            return true;
        }
        if (!QFile::rename(m_dir.filePath(currentName()), m_dir.filePath(rotatedName))) {
            *error = Tr::tr("cannot rename %1 to %2").arg(currentName(), rotatedName);
            return false;
        }
        m_stats->files.append(rotatedName);
        return true;
    }

    QDir m_dir;
    const SynthOptions& m_options;
    SynthStats* m_stats;
    std::unique_ptr<QSaveFile> m_file;
    QByteArray m_buffer;
    QString m_day;
    qint64 m_dayEnd = 0;
    qint64 m_fileBytes = 0;
    qint64 m_fileLines = 0;
    qint64 m_segment = 0;
    qint64 m_lastEpoch = 0;
};

// A client session: runs one request after another, with think time in between.
struct Session
{
    QByteArray id;
    std::vector<Line> lines; // the current run
    size_t cursor = 0; // next line to write
    quint8 marks = NoMark; // what the written part of the current run contains
};

void countRun(SynthStats* stats, size_t written, quint8 marks)
{
    if (written == 0)
        return;
    ++stats->runs;
    if (!(marks & ToolStart)) {
        ++stats->backgroundRuns;
        return;
    }
    ++stats->toolRuns;
    if (!(marks & ToolEnd))
        ++stats->cutOffRuns;
    else if (marks & ToolEndError)
        ++stats->failedRuns;
    else
        ++stats->completeRuns;
}

const std::array<QByteArrayView, 8> kTeams = { "search", "ide", "review", "agent", "ci", "docs", "infra", "eval" };

} // namespace

bool synthesizeTimeline(const QString& directory, const SynthOptions& options, SynthStats* stats, QString* error)
{
    *stats = SynthStats();
    if (options.events <= 0 || options.sessions <= 0 || options.files < 0 || options.rotateBytes < 1024) {
        *error = Tr::tr("events and sessions must be positive, files zero or more");
        return false;
    }
    QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(directory)) {
        *error = Tr::tr("cannot create directory %1").arg(directory);
        return false;
    }
    const QStringList existing = dir.entryList({ QStringLiteral("events-*.jsonl") }, QDir::Files);
    if (!existing.isEmpty() && !options.force) {
        *error = Tr::tr("%1 already holds timeline files; use --force to replace them").arg(directory);
        return false;
    }
    for (const QString& name : existing) {
        if (!dir.remove(name)) {
            *error = Tr::tr("cannot remove %1").arg(dir.filePath(name));
            return false;
        }
    }

    Rng rng(options.seed);
    Server server;
    auto restartServer = [&](qint64 atUs) {
        ++server.generation;
        server.capabilityStamp = rng.hex(64);
        server.faissReady = rng.chance(600);
        return startupRun(rng, server, atUs);
    };

    std::vector<Session> sessions(size_t(options.sessions));
    for (size_t i = 0; i < sessions.size(); ++i) {
        // Half name their session in a header, half leave it to the server's UUID (spec 2.2).
        const QByteArray number = QByteArray::number(qulonglong(i / 2 + 1)).rightJustified(3, '0');
        sessions[i].id = i % 2 == 0 ? QByteArray("sess-" + rng.pick(kTeams).toByteArray() + '-' + number) : rng.uuid4();
    }
    auto newRun = [&](Session& session, qint64 startUs) {
        RunWriter w(rng, session.id, rng.hex(32), server.capabilityStamp, startUs);
        semanticProRun(w, rng, server);
        session.lines = w.take();
        session.cursor = 0;
        session.marks = NoMark;
    };

    // Sessions ordered by the ts of their next line; the index breaks ties, so the order is fixed.
    using Next = std::pair<qint64, size_t>;
    std::priority_queue<Next, std::vector<Next>, std::greater<>> queue;
    std::vector<Line> pending; // startup lines, written before any session's next line
    auto start = [&](qint64 atUs) {
        pending = restartServer(atUs);
        std::reverse(pending.begin(), pending.end());
        queue = {};
        const qint64 after = pending.front().tsUs;
        for (size_t i = 0; i < sessions.size(); ++i) {
            newRun(sessions[i], after + rng.range(200'000, 10'000'000));
            queue.push({ sessions[i].lines.front().tsUs, i });
        }
    };

    // A few server restarts, each caused by a request that takes the server down: that run and every
    // other run in flight are cut off (spec 11.6). One per 50,000 lines, at fixed points.
    const qint64 restarts = options.events >= 500 ? 1 + options.events / 50'000 : 0;
    auto restartPoint = [&](qint64 k) { return options.events * (k + 1) / (restarts + 1); };
    qint64 nextRestart = restarts > 0 ? restartPoint(0) : -1;
    size_t victim = 0;
    size_t victimCut = 0; // the crash comes when the victim's run has written this many lines
    TimelineOutput output(directory, options, stats);
    start(options.startEpoch * 1'000'000 + rng.range(0, 999'999));
    qint64 lastTs = 0;
    size_t pendingWritten = 0;
    for (qint64 index = 0; index < options.events; ++index) {
        if (!pending.empty()) {
            const Line line = std::move(pending.back());
            pending.pop_back();
            ++pendingWritten;
            lastTs = line.tsUs;
            if (!output.append(line, index, error))
                return false;
            continue;
        }
        countRun(stats, pendingWritten, NoMark);
        pendingWritten = 0;
        const size_t i = queue.top().second;
        queue.pop();
        Session& session = sessions[i];
        if (index >= nextRestart && nextRestart >= 0 && victimCut == 0 && session.cursor == 0) {
            victim = i; // the next request to start brings the server down part way through
            victimCut = size_t(rng.range(3, qint64(session.lines.size()) - 3));
        }
        const Line& line = session.lines[session.cursor++];
        session.marks |= line.marks;
        lastTs = line.tsUs;
        if (!output.append(line, index, error))
            return false;
        if (victimCut > 0 && i == victim && session.cursor == victimCut) {
            for (Session& s : sessions)
                countRun(stats, s.cursor, s.marks);
            ++stats->restarts;
            nextRestart = stats->restarts < restarts ? restartPoint(stats->restarts) : -1;
            victimCut = 0;
            start(lastTs + rng.range(2'000'000, 20'000'000));
            continue;
        }
        if (session.cursor == session.lines.size()) {
            countRun(stats, session.cursor, session.marks);
            newRun(session, lastTs + rng.range(300'000, 30'000'000));
        }
        queue.push({ session.lines[session.cursor].tsUs, i });
    }
    // The data ends while runs are in flight: those are cut off, as in a snapshot of a live directory.
    countRun(stats, pendingWritten, NoMark);
    for (Session& session : sessions)
        countRun(stats, session.cursor, session.marks);
    stats->events = options.events;
    return output.finish(error);
}

} // namespace Runlens
