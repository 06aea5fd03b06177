// SPDX-License-Identifier: MIT
#include "redactor_p.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

namespace Runlens {

namespace {

using PyJson::Json;

const QString kSecret = QStringLiteral("secret");
const QString kUser = QStringLiteral("user");
const QString kHost = QStringLiteral("host");
const QString kEmail = QStringLiteral("email");
const QString kPath = QStringLiteral("path");
const QString kQuery = QStringLiteral("query");

constexpr auto kUnicode = QRegularExpression::UseUnicodePropertiesOption;

// The words of a key, lower case: split at every character that is not a letter or digit and at
// camelCase humps ("AWS_SECRET_ACCESS_KEY", "apiKey", "X-Api-Key" -> aws secret access key, ...).
QStringList keyWords(QStringView key)
{
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key[i];
        if (!c.isLetterOrNumber()) {
            if (!word.isEmpty())
                words.append(std::exchange(word, QString()));
            continue;
        }
        if (c.isUpper() && !word.isEmpty()) {
            const QChar previous = key[i - 1];
            const bool nextLower = i + 1 < key.size() && key[i + 1].isLower();
            if (previous.isLower() || (previous.isUpper() && nextLower))
                words.append(std::exchange(word, QString()));
        }
        word += c.toLower();
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

// A key names a secret when one of its words is a secret word ("password", "token", "auth", ...),
// contains one ("pgpassword", "clientsecret"), ends in "token", or is "key" qualified as a secret
// ("api_key", "private-key", "aws_secret_access_key"). Flags and measures of a secret are not the
// secret itself: "has_token", "auth_enabled", "token_count", "password_file".
bool isSecretKey(QStringView key)
{
    const QStringList words = keyWords(key);
    if (words.isEmpty())
        return false;
    static const QSet<QString> flagFirst = { QStringLiteral("is"), QStringLiteral("has"), QStringLiteral("use"),
        QStringLiteral("enable"), QStringLiteral("disable"), QStringLiteral("num"), QStringLiteral("max"),
        QStringLiteral("min"), QStringLiteral("n") };
    static const QSet<QString> measureLast = { QStringLiteral("count"), QStringLiteral("counts"), QStringLiteral("len"),
        QStringLiteral("length"), QStringLiteral("chars"), QStringLiteral("size"), QStringLiteral("bytes"),
        QStringLiteral("ms"), QStringLiteral("secs"), QStringLiteral("seconds"), QStringLiteral("num"),
        QStringLiteral("total"), QStringLiteral("limit"), QStringLiteral("max"), QStringLiteral("min"),
        QStringLiteral("budget"), QStringLiteral("enabled"), QStringLiteral("disabled"), QStringLiteral("present"),
        QStringLiteral("required"), QStringLiteral("configured"), QStringLiteral("set"), QStringLiteral("ok"),
        QStringLiteral("type"), QStringLiteral("kind"), QStringLiteral("ttl"), QStringLiteral("expiry"),
        QStringLiteral("expires"), QStringLiteral("expiration"), QStringLiteral("source"), QStringLiteral("env"),
        QStringLiteral("name"), QStringLiteral("names"), QStringLiteral("file"), QStringLiteral("path"),
        QStringLiteral("dir"), QStringLiteral("url"), QStringLiteral("uri"), QStringLiteral("endpoint"),
        QStringLiteral("mode"), QStringLiteral("method"), QStringLiteral("scheme"), QStringLiteral("provider"),
        QStringLiteral("status"), QStringLiteral("error"), QStringLiteral("reason"), QStringLiteral("version"),
        QStringLiteral("hint"), QStringLiteral("hints"), QStringLiteral("ratio"), QStringLiteral("rate") };
    if (words.size() > 1 && (flagFirst.contains(words.front()) || measureLast.contains(words.back())))
        return false;
    static const QSet<QString> secretWords = { QStringLiteral("pwd"), QStringLiteral("auth"), QStringLiteral("bearer"),
        QStringLiteral("cookie"), QStringLiteral("cookies") };
    static const QStringList secretParts = { QStringLiteral("password"), QStringLiteral("passwd"),
        QStringLiteral("passphrase"), QStringLiteral("secret"), QStringLiteral("credential"), QStringLiteral("apikey"),
        QStringLiteral("accesskey"), QStringLiteral("privatekey"), QStringLiteral("authorization") };
    static const QSet<QString> keyQualifiers = { QStringLiteral("api"), QStringLiteral("access"),
        QStringLiteral("secret"), QStringLiteral("private"), QStringLiteral("signing"), QStringLiteral("encryption"),
        QStringLiteral("client"), QStringLiteral("master"), QStringLiteral("account"), QStringLiteral("license"),
        QStringLiteral("ssh"), QStringLiteral("auth") };
    static const QSet<QString> tokenQualifiers = { QStringLiteral("access"), QStringLiteral("refresh"),
        QStringLiteral("session"), QStringLiteral("auth"), QStringLiteral("api"), QStringLiteral("bearer"),
        QStringLiteral("id") };
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words[i];
        if (secretWords.contains(word))
            return true;
        // "token" is a secret at the end of a key ("session_token", "authToken"), a unit elsewhere
        // ("code_token_ratio").
        if (word.endsWith(QLatin1String("token")) && i == words.size() - 1)
            return true;
        for (const QString& part : secretParts) {
            if (word.contains(part))
                return true;
        }
        const QString previous = i > 0 ? words[i - 1] : QString();
        if ((word == QLatin1String("key") || word == QLatin1String("keys")) && keyQualifiers.contains(previous))
            return true;
        if (word == QLatin1String("tokens") && tokenQualifiers.contains(previous))
            return true;
    }
    return false;
}

bool isAuthorizationKey(QStringView key)
{
    const QStringList words = keyWords(key);
    return std::any_of(words.cbegin(), words.cend(), [](const QString& word) {
        return word.contains(QLatin1String("authorization")) || word == QLatin1String("auth")
            || word == QLatin1String("bearer");
    });
}

bool isHostKey(QStringView key)
{
    const QStringList words = keyWords(key);
    if (words.isEmpty())
        return false;
    const QString flat = words.join(QString());
    static const QSet<QString> exact = { QStringLiteral("server"), QStringLiteral("servername"),
        QStringLiteral("datasource"), QStringLiteral("ip"), QStringLiteral("ipaddr"), QStringLiteral("ipaddress"),
        QStringLiteral("addr") };
    return flat.endsWith(QLatin1String("host")) || flat.endsWith(QLatin1String("hostname"))
        || flat.endsWith(QLatin1String("hostaddr")) || exact.contains(flat)
        || (words.size() > 1 && (words.back() == QLatin1String("ip") || words.back() == QLatin1String("addr")));
}

bool isUserKey(QStringView key)
{
    const QStringList words = keyWords(key);
    if (words.isEmpty())
        return false;
    static const QSet<QString> exact = { QStringLiteral("user"), QStringLiteral("username"), QStringLiteral("userid"),
        QStringLiteral("uid"), QStringLiteral("login") };
    return exact.contains(words.join(QString()))
        || (words.size() > 1 && (words.back() == QLatin1String("user") || words.back() == QLatin1String("username")));
}

bool isQueryKey(QStringView key)
{
    return key == QLatin1String("retrieval.query_text") || key == QLatin1String("query")
        || key == QLatin1String("query_text") || key == QLatin1String("prompt");
}

// What a key says about its value: a secret, a user name, a host, a query text, or nothing.
QString keyCategory(QStringView key)
{
    if (isSecretKey(key))
        return kSecret;
    if (isUserKey(key))
        return kUser;
    if (isHostKey(key))
        return kHost;
    if (isQueryKey(key))
        return kQuery;
    return {};
}

// "Bearer xyz", "Basic dXNlcjpw": the scheme word stays, the credential after it goes.
const QRegularExpression& authScheme()
{
    static const QRegularExpression re(
        QStringLiteral("^(?i:bearer|basic|digest|token|negotiate|bot|apikey)[ \\t]+(?=\\S)"));
    return re;
}

// Top-level domains that make a dotted name a host name. Only names that are not also the last part
// of an event name, a logger, an attribute key, a file name or a unit in Runlens's inputs: no "py",
// "md", "sh", "rs", "pl", "pt", "so" (files), "info", "int", "name" (loggers, types), "us", "ms" (units),
// "app", "site", "test", "home", "private" (event and setting names).
bool isTopLevelDomain(const QString& label)
{
    static const QSet<QString> tlds = { QStringLiteral("com"), QStringLiteral("net"), QStringLiteral("org"),
        QStringLiteral("edu"), QStringLiteral("gov"), QStringLiteral("mil"), QStringLiteral("biz"),
        QStringLiteral("io"), QStringLiteral("co"), QStringLiteral("ai"), QStringLiteral("dev"),
        QStringLiteral("cloud"), QStringLiteral("tech"), QStringLiteral("xyz"), QStringLiteral("online"),
        QStringLiteral("uk"), QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("nl"), QStringLiteral("eu"),
        QStringLiteral("ch"), QStringLiteral("jp"), QStringLiteral("cn"), QStringLiteral("ru"), QStringLiteral("au"),
        QStringLiteral("dk"), QStringLiteral("fi"), QStringLiteral("nz"), QStringLiteral("ie"), QStringLiteral("kr"),
        QStringLiteral("sg"), QStringLiteral("hk"), QStringLiteral("tw"), QStringLiteral("za"), QStringLiteral("cz"),
        QStringLiteral("hu"), QStringLiteral("ro"), QStringLiteral("ua"), QStringLiteral("gr"),
        QStringLiteral("internal"), QStringLiteral("local"), QStringLiteral("localdomain"), QStringLiteral("lan"),
        QStringLiteral("corp"), QStringLiteral("intranet"), QStringLiteral("intra"), QStringLiteral("arpa"),
        QStringLiteral("localhost"), QStringLiteral("example"), QStringLiteral("invalid"), QStringLiteral("svc") };
    return tlds.contains(label.toLower());
}

bool isIPv4(QStringView text)
{
    const auto parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (QStringView part : parts) {
        bool ok = false;
        if (part.isEmpty() || part.size() > 3 || part.toInt(&ok) > 255 || !ok)
            return false;
    }
    return true;
}

// Full RFC 4291 text form: eight groups, or fewer around one "::", the last two groups possibly an
// IPv4 address; a zone ("%eth0") may follow. At least one digit, so that "cafe::babe" in a C++
// name stays.
bool isIPv6(QStringView text)
{
    if (const qsizetype zone = text.indexOf(u'%'); zone >= 0)
        text = text.left(zone);
    if (text.size() < 2 || text.contains(QLatin1String(":::")) || text.count(QLatin1String("::")) > 1)
        return false;
    if (std::none_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }))
        return false;
    const bool compressed = text.contains(QLatin1String("::"));
    int groups = 0;
    const auto parts = text.split(u':');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView part = parts[i];
        if (part.isEmpty())
            continue; // the "::" and a leading or trailing one of its colons
        if (i == parts.size() - 1 && part.contains(u'.')) {
            if (!isIPv4(part))
                return false;
            groups += 2;
            continue;
        }
        if (part.size() > 4)
            return false;
        for (QChar c : part) {
            if (!QStringView(u"0123456789abcdefABCDEF").contains(c))
                return false;
        }
        ++groups;
    }
    // A single colon at either end is not an address ("a:b:" or ":a:b").
    if ((text.startsWith(u':') && !text.startsWith(QLatin1String("::")))
        || (text.endsWith(u':') && !text.endsWith(QLatin1String("::"))))
        return false;
    return compressed ? groups <= 7 : groups == 8;
}

// Host names and addresses are compared without case and without brackets.
QString hostKey(QStringView host)
{
    QString key = host.toString().toLower();
    if (key.startsWith(u'[') && key.endsWith(u']'))
        key = key.mid(1, key.size() - 2);
    return key;
}

// The spans of one text that earlier rules replaced or claimed; later rules only touch what is free.
class Edits
{
public:
    explicit Edits(const QString& text)
        : m_text(text)
    { }

    // The end of the free stretch that starts at `from`, at most `to`.
    qsizetype freeUntil(qsizetype from, qsizetype to) const
    {
        auto next = m_spans.lower_bound(from);
        if (next != m_spans.begin()) {
            auto previous = std::prev(next);
            if (previous->second.end > from)
                return from;
        }
        return next == m_spans.end() ? to : std::min(to, next->first);
    }
    bool isFree(qsizetype from, qsizetype to) const { return freeUntil(from, to) == to; }
    void claim(qsizetype from, qsizetype to)
    {
        if (to > from && isFree(from, to))
            m_spans[from] = { to, false, {}, {} };
    }
    bool replace(qsizetype from, qsizetype to, const QString& category, const QString& original)
    {
        if (to <= from || !isFree(from, to))
            return false;
        m_spans[from] = { to, true, category, original };
        return true;
    }
    bool changed() const
    {
        return std::any_of(m_spans.begin(), m_spans.end(), [](const auto& span) { return span.second.replaced; });
    }
    // The text with its placeholders, named in reading order.
    template <typename Name> QString result(const Name& name) const
    {
        QString out;
        qsizetype at = 0;
        for (const auto& [from, span] : m_spans) {
            if (!span.replaced)
                continue;
            out += QStringView(m_text).mid(at, from - at);
            out += name(span.category, span.original);
            at = span.end;
        }
        out += QStringView(m_text).mid(at);
        return out;
    }

private:
    struct Span
    {
        qsizetype end;
        bool replaced;
        QString category;
        QString original;
    };
    const QString& m_text;
    std::map<qsizetype, Span> m_spans;
};

QChar charAt(const QString& text, qsizetype i)
{
    return i >= 0 && i < text.size() ? text[i] : QChar();
}

bool isBlank(QChar c)
{
    return c.isNull() || c.isSpace() || c.unicode() < 0x20;
}

// Where a path stops in free text, whatever comes next: blanks, quotes, angle brackets and pipes
// (none of which Runlens's inputs put in file names).
bool isPathStop(QChar c)
{
    return isBlank(c) || c == u'"' || c == u'\'' || c == u'`' || c == u'<' || c == u'>' || c == u'|';
}

// The length of the root of an absolute path that starts at `i` ("/", "~/", "C:\", "\\server",
// and the JSON-escaped "\/"), or 0. A path starts at the beginning of the text or after a blank, a
// quote or a bracket, never inside a word, a relative path or a URL.
qsizetype rootLength(const QString& text, qsizetype i)
{
    if (i > 0) {
        const QChar before = text[i - 1];
        if (before.isLetterOrNumber() || QStringView(u"_./\\-~+@%&#*?)]").contains(before))
            return 0;
    }
    const QChar c = charAt(text, i);
    const QChar next = charAt(text, i + 1);
    if (c == u'/')
        return isPathStop(next) || next == u'/' ? 0 : 1;
    if (c == u'~' && next == u'/')
        return isPathStop(charAt(text, i + 2)) ? 0 : 2;
    if (c == u'\\' && next == u'/')
        return isPathStop(charAt(text, i + 2)) || charAt(text, i + 2) == u'\\' ? 0 : 2;
    if (c == u'\\' && next == u'\\')
        return charAt(text, i + 2).isLetterOrNumber() ? 2 : 0;
    if (c.unicode() < 128 && c.isLetter() && next == u':'
        && (charAt(text, i + 2) == u'\\' || charAt(text, i + 2) == u'/'))
        return isPathStop(charAt(text, i + 3)) ? 0 : 3;
    return 0;
}

bool startsWithRoot(QStringView word)
{
    const QString text = word.toString();
    return !text.isEmpty() && rootLength(text, 0) > 0;
}

// After a space, the next word still belongs to the path when it goes on with a separator
// ("/srv/My Index/x.db") or ends in a file extension ("/home/a/Q3 budget.xlsx").
bool continuesPath(QStringView word)
{
    while (!word.isEmpty() && QStringView(u".,;:!?)]}").contains(word.back()))
        word.chop(1);
    if (word.isEmpty() || startsWithRoot(word))
        return false;
    if (word.indexOf(u'/') > 0 || word.indexOf(u'\\') > 0)
        return true;
    static const QRegularExpression extension(QStringLiteral("^[^.].*\\.[A-Za-z][A-Za-z0-9]{0,7}$"), kUnicode);
    return extension.match(word.toString()).hasMatch();
}

// The end of the absolute path that starts at `start` with a root of `root` characters, or -1 when
// it is too short to be a file path ("/mcp" is a URL path).
qsizetype pathEnd(const QString& text, qsizetype start, qsizetype root, const std::vector<QString>& known)
{
    const qsizetype n = text.size();
    qsizetype pos = start + root;
    qsizetype floor = pos; // trimming never goes below the root or a path known whole
    // A quoted path runs to its closing quote on the same line, spaces and all.
    const QChar quote = charAt(text, start - 1);
    qsizetype close = -1;
    if (quote == u'"' || quote == u'\'' || quote == u'`') {
        const QString closer = charAt(text, start - 2) == u'\\' ? QStringLiteral("\\") + quote : QString(quote);
        close = text.indexOf(closer, pos);
        if (close > start && QStringView(text).mid(start, close - start).contains(u'\n'))
            close = -1;
    }
    for (const QString& path : known) {
        if (path.size() > root && QStringView(text).mid(start).startsWith(path)) {
            pos = floor = start + path.size();
            break;
        }
    }
    if (close > pos)
        pos = floor = close;
    else
        close = -1;
    while (close < 0) {
        while (pos < n && !isPathStop(text[pos]))
            ++pos;
        if (pos + 1 < n && text[pos] == u' ' && !isPathStop(text[pos + 1])) {
            qsizetype wordEnd = pos + 1;
            while (wordEnd < n && !isPathStop(text[wordEnd]))
                ++wordEnd;
            if (continuesPath(QStringView(text).mid(pos + 1, wordEnd - pos - 1))) {
                pos = wordEnd;
                continue;
            }
        }
        break;
    }
    // Sentence punctuation and closing brackets that were never opened are not part of the path.
    forever {
        if (pos <= floor)
            break;
        const QChar last = text[pos - 1];
        if (QStringView(u".,;:!?").contains(last)) {
            --pos;
            continue;
        }
        const QStringView span = QStringView(text).mid(start, pos - start);
        if ((last == u')' && span.count(u')') > span.count(u'('))
            || (last == u']' && span.count(u']') > span.count(u'['))
            || (last == u'}' && span.count(u'}') > span.count(u'{'))) {
            --pos;
            continue;
        }
        break;
    }
    if (pos <= start + root)
        return -1;
    // "/x" alone is not a file path; "/x/..." is, and so is anything after "~/", "C:\" or "\\".
    if (text[start] == u'/' && QStringView(text).mid(start + 1, pos - start - 1).indexOf(u'/') < 1)
        return -1;
    if (text[start] == u'\\' && charAt(text, start + 1) == u'/'
        && QStringView(text).mid(start + 2, pos - start - 2).indexOf(QLatin1String("\\/")) < 1)
        return -1;
    return pos;
}

// A whole string that is one absolute path: a JSON value such as context.json's paths.
bool isWholePath(const QString& text)
{
    const qsizetype root = rootLength(text, 0);
    if (root == 0 || text.contains(u'\n'))
        return false;
    if (text[0] == u'/')
        return text.indexOf(u'/', 2) > 0;
    return text.size() > root;
}

void claimPlaceholders(const QString& text, Edits& edits)
{
    static const QRegularExpression re(QStringLiteral("<redacted:[a-z]+:\\d+>"));
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        edits.claim(m.capturedStart(), m.capturedEnd());
    }
}

bool isUrlStop(QChar c)
{
    return isBlank(c) || QStringView(u"\"'`<>\\|{}^").contains(c);
}

bool isHostChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'.' || c == u'_' || c == u'~' || c == u'%';
}

// scheme://[userinfo@]host[:port][/path][?query][#fragment], DSNs included (postgres://, mysql://).
// The userinfo and the host with its port go; the scheme, path and fragment stay; query values go
// when their key names a secret, a user or a host. file:// URLs lose their path.
void redactUrls(const QString& text, Edits& edits, const std::vector<QString>& known)
{
    static const QRegularExpression scheme(
        QStringLiteral("(?<![\\p{L}\\p{N}+.\\-])([A-Za-z][A-Za-z0-9+.\\-]*)://"), kUnicode);
    const qsizetype n = text.size();
    for (auto it = scheme.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype authorityStart = m.capturedEnd();
        if (!edits.isFree(m.capturedStart(), authorityStart))
            continue;
        edits.claim(m.capturedStart(), authorityStart);
        qsizetype authorityEnd = authorityStart;
        while (authorityEnd < n && !isUrlStop(text[authorityEnd]) && !QStringView(u"/?#").contains(text[authorityEnd]))
            ++authorityEnd;
        // The userinfo ends at the last '@', so a password with an '@' goes whole.
        const qsizetype at = text.lastIndexOf(u'@', std::max<qsizetype>(authorityEnd - 1, 0));
        const bool hasUserinfo = at >= authorityStart && at < authorityEnd;
        if (hasUserinfo && at > authorityStart)
            edits.replace(authorityStart, at, kSecret, text.mid(authorityStart, at - authorityStart));
        const qsizetype hostStart = hasUserinfo ? at + 1 : authorityStart;
        qsizetype hostEnd = hostStart;
        if (charAt(text, hostStart) == u'[') {
            const qsizetype close = text.indexOf(u']', hostStart);
            if (close > hostStart && close < authorityEnd)
                hostEnd = close + 1;
        } else {
            while (hostEnd < authorityEnd && isHostChar(text[hostEnd]))
                ++hostEnd;
        }
        qsizetype portEnd = hostEnd;
        if (charAt(text, portEnd) == u':') {
            qsizetype p = portEnd + 1;
            while (p < authorityEnd && text[p].isDigit())
                ++p;
            if (p > portEnd + 1)
                portEnd = p;
        }
        if (hostEnd > hostStart)
            edits.replace(hostStart, portEnd, kHost, hostKey(QStringView(text).mid(hostStart, hostEnd - hostStart)));
        if (portEnd < authorityEnd)
            continue; // something that cannot follow a host: the URL ends there

        if (m.captured(1).compare(QLatin1String("file"), Qt::CaseInsensitive) == 0) {
            const qsizetype root = charAt(text, authorityEnd) == u'/' ? 1 : 0;
            const qsizetype end = root ? pathEnd(text, authorityEnd, root, known) : -1;
            if (end > authorityEnd)
                edits.replace(authorityEnd, end, kPath, text.mid(authorityEnd, end - authorityEnd));
            continue;
        }
        qsizetype urlEnd = authorityEnd;
        while (urlEnd < n && !isUrlStop(text[urlEnd]))
            ++urlEnd;
        const qsizetype queryStart = text.indexOf(u'?', authorityEnd);
        if (queryStart < 0 || queryStart >= urlEnd)
            continue;
        qsizetype queryEnd = text.indexOf(u'#', queryStart);
        if (queryEnd < 0 || queryEnd > urlEnd)
            queryEnd = urlEnd;
        qsizetype pairStart = queryStart + 1;
        while (pairStart < queryEnd) {
            qsizetype pairEnd = pairStart;
            while (pairEnd < queryEnd && text[pairEnd] != u'&' && text[pairEnd] != u';')
                ++pairEnd;
            const qsizetype equals = text.indexOf(u'=', pairStart);
            if (equals > pairStart && equals + 1 < pairEnd) {
                const QString category = keyCategory(QStringView(text).mid(pairStart, equals - pairStart));
                if (!category.isEmpty())
                    edits.replace(equals + 1, pairEnd, category, text.mid(equals + 1, pairEnd - equals - 1));
            }
            pairStart = pairEnd + 1;
        }
    }
}

// Absolute paths, Unix and Windows, whole: see pathEnd() for where one ends in free text.
void redactPaths(const QString& text, Edits& edits, const std::vector<QString>& known)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c != u'/' && c != u'~' && c != u'\\' && !(c.unicode() < 128 && c.isLetter()))
            continue;
        const qsizetype root = rootLength(text, i);
        if (root == 0)
            continue;
        qsizetype end = pathEnd(text, i, root, known);
        if (end < 0)
            continue;
        end = edits.freeUntil(i, end); // never across what an earlier rule replaced
        if (end > i + root && edits.replace(i, end, kPath, text.mid(i, end - i)))
            i = end - 1;
    }
}

bool isValueStop(const QString& text, qsizetype i)
{
    const QChar c = text[i];
    return isBlank(c) || QStringView(u",;&\"'<>()[]{}").contains(c) || (c == u'\\' && charAt(text, i + 1) == u'"');
}

// The value after "key=" or "key: ": quoted ('...', "...", \"...\", ODBC's {...}) or up to a blank
// or a delimiter.
std::pair<qsizetype, qsizetype> valueSpan(const QString& text, qsizetype p)
{
    const auto closed = [&](qsizetype open, const QString& closer) -> std::pair<qsizetype, qsizetype> {
        const qsizetype close = text.indexOf(closer, open);
        if (close < 0 || QStringView(text).mid(open, close - open).contains(u'\n'))
            return { -1, -1 };
        return { open, close };
    };
    const QChar c = text[p];
    std::pair<qsizetype, qsizetype> quoted { -1, -1 };
    if (c == u'"' || c == u'\'')
        quoted = closed(p + 1, QString(c));
    else if (c == u'\\' && charAt(text, p + 1) == u'"')
        quoted = closed(p + 2, QStringLiteral("\\\""));
    else if (c == u'{')
        quoted = closed(p + 1, QStringLiteral("}"));
    if (quoted.first >= 0)
        return quoted;
    qsizetype end = p;
    while (end < text.size() && !isValueStop(text, end))
        ++end;
    return { p, end };
}

// key=value and key: value in free text whose key names a secret, a user, a host or a query:
// "password=S3cret", "api_key: 12345", "'token': 'x'", "\"secret\": \"x\"", "--password=x",
// "Authorization: Bearer x", libpq's "host=db user=svc password=x" and ODBC's
// "Server=db;User Id=svc;Password=x".
void redactKeyValues(const QString& text, Edits& edits)
{
    static const QRegularExpression key(QStringLiteral("(?<![\\p{L}\\p{N}_.\\-\\\\])(--)?((?:\\\\?[\"'])?)"
                                                       "((?i:user id|data source)(?![\\w])|[A-Za-z][A-Za-z0-9_.\\-]*)"),
        kUnicode);
    const qsizetype n = text.size();
    const auto skipBlanks = [&](qsizetype p) {
        while (p < n && (text[p] == u' ' || text[p] == u'\t'))
            ++p;
        return p;
    };
    for (auto it = key.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString k = m.captured(3);
        const QString category = keyCategory(k);
        if (category.isEmpty())
            continue;
        qsizetype p = m.capturedEnd(3);
        const QString quote = m.captured(2);
        if (!quote.isEmpty() && QStringView(text).mid(p).startsWith(quote))
            p += quote.size(); // a quoted key; a quote that is not closed just came before the key
        const qsizetype afterKey = p;
        p = skipBlanks(p);
        if (p < n && (text[p] == u'=' || text[p] == u':')) {
            if (charAt(text, p + 1) == text[p])
                continue; // "==", "::"
            if (text[p] == u':' && QStringView(text).mid(p + 1).startsWith(QLatin1String("//")))
                continue; // a URL's scheme
            p = skipBlanks(p + 1);
        } else if (m.captured(1).isEmpty() || p == afterKey || category != kSecret) {
            continue; // only "--password VALUE" takes a blank as its separator
        }
        if (p >= n)
            continue;
        auto [start, end] = valueSpan(text, p);
        if (category == kSecret && isAuthorizationKey(k)) {
            const QRegularExpressionMatch scheme = authScheme().match(text.mid(start));
            if (scheme.hasMatch()) {
                start += scheme.capturedLength();
                if (start >= end) // unquoted: the credential is the word after the scheme
                    end = valueSpan(text, start).second;
            }
        }
        if (end <= start)
            continue;
        const QString value = text.mid(start, end - start);
        if (value == QLatin1String("null") || value == QLatin1String("None"))
            continue; // nothing to hide
        edits.replace(start, end, category, category == kHost ? hostKey(value) : value);
    }
}

void redactBearer(const QString& text, Edits& edits)
{
    static const QRegularExpression re(QStringLiteral("\\b(?:(?i:bearer)[ \\t]+([^\\s\"'<>,;]+)"
                                                      "|Basic[ \\t]+([A-Za-z0-9+/]{8,}={0,2})(?![\\w+/=]))"));
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int group = m.capturedStart(1) >= 0 ? 1 : 2;
        edits.replace(m.capturedStart(group), m.capturedEnd(group), kSecret, m.captured(group));
    }
}

void redactMatches(const QString& text, Edits& edits, const QRegularExpression& re,
    const std::function<QString(const QRegularExpressionMatch&)>& original, const QString& category)
{
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString key = original(m);
        if (!key.isEmpty())
            edits.replace(m.capturedStart(), m.capturedEnd(), category, key);
    }
}

void redactEmails(const QString& text, Edits& edits)
{
    static const QRegularExpression re(QStringLiteral("(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}._%+\\-]+@(?:[\\p{L}\\p{"
                                                      "N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?\\.)+"
                                                      "\\p{L}{2,}(?![\\p{L}\\p{N}\\-]|\\.[\\p{L}\\p{N}])"),
        kUnicode);
    redactMatches(
        text, edits, re, [](const QRegularExpressionMatch& m) { return m.captured().toLower(); }, kEmail);
}

// IPv6 in brackets with an optional port ("[2001:db8::1]:8443"), bare IPv6, and IPv4 with an
// optional port. A port goes with its address.
void redactAddresses(const QString& text, Edits& edits)
{
    static const QRegularExpression bracketed(
        QStringLiteral("\\[([0-9A-Fa-f:.]+(?:%[\\p{L}\\p{N}._\\-]+)?)\\](?::\\d{1,5})?"), kUnicode);
    static const QRegularExpression bare(
        QStringLiteral("(?<![\\p{L}\\p{N}_:.%\\-\\[])"
                       "((?:[0-9A-Fa-f]{0,4}:){2,7}(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{0,4})"
                       "(?:%[\\p{L}\\p{N}._\\-]+)?)(?![\\p{L}\\p{N}_:\\-]|\\.[\\p{L}\\p{N}])"),
        kUnicode);
    static const QRegularExpression v4(QStringLiteral("(?<![\\p{L}\\p{N}_.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?::\\d{1,5})?"
                                                      "(?![\\p{L}\\p{N}_]|\\.\\d)"),
        kUnicode);
    const auto address = [](const QRegularExpressionMatch& m) {
        const QString a = m.captured(1);
        return isIPv6(a) || isIPv4(a) ? hostKey(a) : QString();
    };
    redactMatches(text, edits, bracketed, address, kHost);
    redactMatches(text, edits, bare, address, kHost);
    redactMatches(text, edits, v4, address, kHost);
}

// A host name: two or more DNS labels (letters, digits, inner hyphens; no underscores) whose last
// label is a top-level domain of isTopLevelDomain(), with an optional port: "db01.prod.internal",
// "api.example.com:8443". "faiss.k", "retrieval.query_text", "hydrate.duckdb" and
// "events-20261124.jsonl" are not host names.
void redactHostNames(const QString& text, Edits& edits)
{
    static const QRegularExpression re(QStringLiteral("(?<![\\p{L}\\p{N}_.@\\-])((?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}"
                                                      "[A-Za-z0-9])?\\.)+([A-Za-z]{2,63}))(?::\\d{1,5})?"
                                                      "(?![\\p{L}\\p{N}_\\-]|\\.[\\p{L}\\p{N}])"),
        kUnicode);
    redactMatches(
        text, edits, re,
        [](const QRegularExpressionMatch& m) {
            return isTopLevelDomain(m.captured(2)) ? hostKey(m.captured(1)) : QString();
        },
        kHost);
}

} // namespace

QString Redactor::placeholder(const QString& category, const QString& original, const QString& member)
{
    const QString key = category + u'\n' + original;
    auto it = m_byOriginal.constFind(key);
    int index;
    if (it == m_byOriginal.constEnd()) {
        index = int(m_entries.size());
        const int number = ++m_counters[category];
        m_entries.push_back({ QStringLiteral("<redacted:%1:%2>").arg(category).arg(number), category, {} });
        m_byOriginal.insert(key, index);
    } else {
        index = *it;
    }
    Entry& entry = m_entries[size_t(index)];
    if (!entry.members.contains(member))
        entry.members.append(member);
    return entry.placeholder;
}

QString Redactor::redactText(const QString& text, const QString& member)
{
    if (text.isEmpty() || m_unchanged.contains(text))
        return text;
    // Rules in order: each only touches what the earlier ones left, so a path keeps the host name in
    // it and a URL keeps its scheme.
    Edits edits(text);
    claimPlaceholders(text, edits);
    redactUrls(text, edits, m_knownPaths);
    redactPaths(text, edits, m_knownPaths);
    redactKeyValues(text, edits);
    redactBearer(text, edits);
    redactEmails(text, edits);
    redactAddresses(text, edits);
    redactHostNames(text, edits);
    if (edits.changed()) {
        return edits.result([this, &member](const QString& category, const QString& original) {
            return placeholder(category, original, member);
        });
    }
    m_unchanged.insert(text); // the rules depend on nothing but the text and the known paths
    return text;
}

// A JSON string: a path when it is one as a whole, free text otherwise.
QString Redactor::redactString(const QString& text, const QString& member)
{
    if (isWholePath(text))
        return placeholder(kPath, text, member);
    return redactText(text, member);
}

void Redactor::walk(Json& value, const QString& key, const QString& member)
{
    if (value.is_object()) {
        Json redacted = Json::object();
        for (auto& [childKey, child] : value.items()) {
            const QString k = QString::fromStdString(childKey);
            const QString category = keyCategory(k);
            const bool scalar = child.is_string() || child.is_number();
            if (child.is_null() || (child.is_string() && child.get_ref<const std::string&>().empty())) {
                // nothing to hide
            } else if (category == kSecret) {
                // Any value of a secret goes, whatever its type: a number, a flag, an object.
                const QString original = child.is_string() ? QString::fromStdString(child.get<std::string>())
                                                           : QString::fromStdString(child.dump());
                // The scheme word of "Bearer xyz" stays beside the placeholder of the credential.
                const QRegularExpressionMatch scheme = authScheme().match(original);
                const qsizetype kept = scheme.hasMatch() ? scheme.capturedLength() : 0;
                child = QString(original.left(kept) + placeholder(kSecret, original.mid(kept), member)).toStdString();
            } else if (!category.isEmpty() && scalar) {
                const QString original = child.is_string() ? QString::fromStdString(child.get<std::string>())
                                                           : QString::fromStdString(child.dump());
                child = placeholder(category, category == kHost ? hostKey(original) : original, member).toStdString();
            } else {
                walk(child, k, member);
            }
            redacted[redactString(k, member).toStdString()] = std::move(child);
        }
        value = std::move(redacted);
        return;
    }
    if (value.is_array()) {
        // An array under a host or user key holds hosts or users: {"hosts": [...]} does not, "host": [...] does.
        const QString category = keyCategory(key);
        for (auto& child : value) {
            if (!category.isEmpty() && category != kSecret && (child.is_string() || child.is_number())) {
                const QString original = child.is_string() ? QString::fromStdString(child.get<std::string>())
                                                           : QString::fromStdString(child.dump());
                if (!original.isEmpty())
                    child =
                        placeholder(category, category == kHost ? hostKey(original) : original, member).toStdString();
            } else {
                walk(child, key, member);
            }
        }
        return;
    }
    if (!value.is_string())
        return;
    const QString text = QString::fromStdString(value.get<std::string>());
    const QString replaced = redactString(text, member);
    if (replaced != text)
        value = replaced.toStdString();
}

void Redactor::redact(Json& value, const QString& member)
{
    walk(value, QString(), member);
}

void Redactor::learnWalk(const Json& value)
{
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            const QString k = QString::fromStdString(key);
            if (isWholePath(k))
                m_knownPaths.push_back(k);
            learnWalk(child);
        }
    } else if (value.is_array()) {
        for (const Json& child : value)
            learnWalk(child);
    } else if (value.is_string()) {
        const QString text = QString::fromStdString(value.get<std::string>());
        if (isWholePath(text))
            m_knownPaths.push_back(text);
    }
}

void Redactor::learn(const Json& value)
{
    learnWalk(value);
    m_unchanged.clear();
    // Longest first, so that free text loses the longest known path it names; then by text, so that
    // the order (and with it the pack) does not depend on the order of learning.
    std::sort(m_knownPaths.begin(), m_knownPaths.end(),
        [](const QString& a, const QString& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
    m_knownPaths.erase(std::unique(m_knownPaths.begin(), m_knownPaths.end()), m_knownPaths.end());
}

void Redactor::learnLog(const QByteArray& bytes)
{
    for (const QByteArray& line : bytes.split('\n')) {
        if (line.trimmed().startsWith('{'))
            learn(PyJson::parse(line));
    }
}

QByteArray Redactor::redactLog(const QByteArray& bytes, const QString& member)
{
    QList<QByteArray> lines = bytes.split('\n');
    for (QByteArray& line : lines) {
        const bool cr = line.endsWith('\r');
        const QByteArray body = cr ? line.chopped(1) : line;
        if (body.trimmed().startsWith('{')) {
            Json json = PyJson::parse(body);
            if (json.is_object()) {
                const Json before = json;
                redact(json, member);
                if (json != before)
                    line = QByteArray::fromStdString(json.dump(-1, ' ', false, Json::error_handler_t::replace))
                        + (cr ? "\r" : "");
                continue;
            }
        }
        const QString text = QString::fromUtf8(body);
        const QString redacted = redactText(text, member);
        if (redacted != text)
            line = redacted.toUtf8() + (cr ? "\r" : "");
    }
    return lines.join('\n');
}

PyJson::Json Redactor::manifest() const
{
    PyJson::Json list = PyJson::Json::array();
    for (const Entry& entry : m_entries) {
        PyJson::Json members = PyJson::Json::array();
        for (const QString& m : entry.members)
            members.push_back(m.toStdString());
        list.push_back({ { "placeholder", entry.placeholder.toStdString() },
            { "category", entry.category.toStdString() }, { "members", members } });
    }
    return list;
}

} // namespace Runlens
