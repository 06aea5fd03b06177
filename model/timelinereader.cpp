// SPDX-License-Identifier: MIT
#include "timelinereader.h"
#include "jsonline.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Runlens {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Runlens::TimelineReader", text, disambiguation, n);
}

// Keeps a flood of identical problems (a binary file, a million bad lines) from eating memory.
constexpr int kMaxProblemsPerFile = 200;

} // namespace

QStringList TimelineReader::timelineFiles(const QString& directory)
{
    static const QRegularExpression pattern(QStringLiteral("^events-(\\d{8})(?:-(\\d+))?\\.jsonl$"));
    struct Key
    {
        QString day;
        int group; // 0: rotated segment, 1: current file, 2: any other events-*.jsonl
        qint64 epoch;
        QString name;
    };
    std::vector<Key> keys;
    const QStringList names = QDir(directory).entryList({QStringLiteral("events-*.jsonl")}, QDir::Files | QDir::System);
    for (const QString& name : names) {
        const auto match = pattern.match(name);
        if (!match.hasMatch())
            keys.push_back({QStringLiteral("~"), 2, 0, name});
        else if (match.captured(2).isEmpty())
            keys.push_back({match.captured(1), 1, 0, name});
        else
            keys.push_back({match.captured(1), 0, match.captured(2).toLongLong(), name});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.day, a.group, a.epoch, a.name) < std::tie(b.day, b.group, b.epoch, b.name);
    });
    QStringList result;
    for (const Key& key : keys)
        result.append(key.name);
    return result;
}

std::shared_ptr<const TextBuffer> TimelineReader::mapFile(const QString& path, const QString& displayName,
                                                          QString* error)
{
    const QFileInfo info(path);
    if (!info.isFile()) {
        *error = tr("not a regular file");
        return nullptr;
    }
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = file->errorString();
        return nullptr;
    }
    auto buffer = std::make_shared<TextBuffer>();
    buffer->name = displayName;
    const qint64 size = file->size();
    if (size > 0) {
        uchar* data = file->map(0, size);
        if (data) {
            buffer->bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
            buffer->keepAlive = file;
        } else {
            buffer->bytes = file->readAll(); // some file systems cannot map; read instead
        }
    }
    return buffer;
}

void TimelineReader::parseBuffer(const TextBuffer& buffer, qint32 bufferIndex, TimelineData* out,
                                 const LoadControl& control)
{
    JsonLineParser parser;
    const char* data = buffer.bytes.constData();
    const qsizetype size = buffer.bytes.size();
    int problems = 0;
    qint64 suppressed = 0;
    auto report = [&](Diagnostic::Severity severity, qint64 line, qint64 offset, const QString& message,
                      const char* code = "") {
        if (problems++ < kMaxProblemsPerFile)
            out->problems.append({severity, buffer.name, line, offset, message, QLatin1String(code)});
        else
            ++suppressed;
    };

    qsizetype pos = 0;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        report(Diagnostic::Severity::Warning, 1, 0, tr("byte order mark skipped"));
        pos = 3;
    }
    bool sawCrlf = false;
    qint64 lineNumber = 0;
    QString error;
    QStringList warnings;
    while (pos < size) {
        ++lineNumber;
        const char* newline = static_cast<const char*>(memchr(data + pos, '\n', size_t(size - pos)));
        const bool complete = newline != nullptr;
        const qsizetype end = complete ? newline - data : size;
        qsizetype lineEnd = end;
        if (lineEnd > pos && data[lineEnd - 1] == '\r') {
            --lineEnd;
            if (!sawCrlf) {
                sawCrlf = true;
                report(Diagnostic::Severity::Warning, lineNumber, pos, tr("CRLF line endings"));
            }
        }
        const QByteArrayView line(data + pos, lineEnd - pos);
        const qint64 offset = pos;
        pos = complete ? end + 1 : size;

        if (line.trimmed().isEmpty()) {
            report(Diagnostic::Severity::Warning, lineNumber, offset, tr("blank line skipped"));
            continue;
        }
        Event event;
        warnings.clear();
        if (parser.parse(line, &event, &error, &warnings) == JsonLineParser::Result::Invalid) {
            if (!complete)
                report(Diagnostic::Severity::Error, lineNumber, offset,
                       tr("truncated last line (%1 bytes, no line break): %2").arg(line.size()).arg(error),
                       "truncated-line");
            else
                report(Diagnostic::Severity::Error, lineNumber, offset, tr("line skipped: %1").arg(error),
                       "malformed-line");
            continue;
        }
        for (const QString& warning : std::as_const(warnings))
            report(Diagnostic::Severity::Warning, lineNumber, offset, warning);
        event.buffer = bufferIndex;
        event.offset = offset;
        event.length = qint32(line.size());
        event.line = lineNumber;
        out->events.push_back(std::move(event));
        if ((lineNumber & 0x3fff) == 0) {
            if (control.canceled()) {
                out->canceled = true;
                return;
            }
            control.report(int(pos * 1000 / std::max<qsizetype>(size, 1)),
                           tr("%1: %n lines", nullptr, int(lineNumber)).arg(buffer.name));
        }
    }
    if (suppressed > 0)
        out->problems.append({Diagnostic::Severity::Warning, buffer.name, 0, -1,
                              tr("%n further problems in this file not listed", nullptr, int(suppressed))});
}

TimelineData TimelineReader::readFile(const QString& fileName, const LoadControl& control)
{
    TimelineData data;
    QString error;
    auto buffer = mapFile(fileName, QFileInfo(fileName).fileName(), &error);
    if (!buffer) {
        data.problems.append({Diagnostic::Severity::Error, fileName, 0, -1, tr("cannot read: %1").arg(error)});
        return data;
    }
    data.bytes = buffer->bytes.size();
    data.buffers.push_back(buffer);
    parseBuffer(*buffer, 0, &data, control);
    return data;
}

TimelineData TimelineReader::readDirectory(const QString& directory, const LoadControl& control)
{
    TimelineData data;
    const QStringList names = timelineFiles(directory);
    qint64 total = 0;
    for (const QString& name : names)
        total += QFileInfo(QDir(directory).filePath(name)).size();
    qint64 done = 0;
    for (const QString& name : names) {
        QString error;
        auto buffer = mapFile(QDir(directory).filePath(name), name, &error);
        if (!buffer) {
            data.problems.append({Diagnostic::Severity::Error, name, 0, -1, tr("cannot read: %1").arg(error)});
            continue;
        }
        data.buffers.push_back(buffer);
        const qint64 base = done;
        LoadControl fileControl{control.isCanceled, [&](int permille, const QString& text) {
                                    const qint64 size = buffer->bytes.size();
                                    control.report(int((base + size * permille / 1000) * 1000 / std::max<qint64>(total, 1)),
                                                   text);
                                }};
        parseBuffer(*buffer, qint32(data.buffers.size() - 1), &data, fileControl);
        done += buffer->bytes.size();
        data.bytes += buffer->bytes.size();
        if (data.canceled)
            break;
    }
    return data;
}

std::vector<RunGroup> groupByRun(std::vector<Event> events)
{
    std::vector<RunGroup> groups;
    QHash<QString, QHash<QString, int>> index;
    for (Event& event : events) {
        auto& runs = index[event.sessionId];
        auto it = runs.find(event.runId);
        if (it == runs.end()) {
            it = runs.insert(event.runId, int(groups.size()));
            groups.push_back({event.sessionId, event.runId, {}});
        }
        groups[size_t(*it)].events.push_back(std::move(event));
    }
    for (RunGroup& group : groups)
        std::stable_sort(group.events.begin(), group.events.end(),
                         [](const Event& a, const Event& b) { return a.ts < b.ts; });
    return groups;
}

} // namespace Runlens
