// SPDX-License-Identifier: MIT
#pragma once

#include "atom.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <array>
#include <cmath>
#include <memory>
#include <vector>

namespace Runlens {

class OpenFile;

/// Where the bytes of timeline lines are. In memory: a pack member or a live poll, every line in `bytes`. From a
/// file: a piece of a timeline file, whose lines are read from the file again when asked for, but for the few
/// that the run builder and the rules read (isKeptLine()), which stay in `bytes`: the input is never held whole.
struct TextBuffer
{
    QString name; // file name relative to the input, or the member name
    QByteArray bytes; // in memory: all of it; from a file: the kept lines, one after the other
    std::shared_ptr<void> keepAlive {};
    qint64 base = 0; // in memory: the offset of bytes[0] in its file (a live poll reads from where it stopped)
    std::shared_ptr<const OpenFile> file {}; // set for a piece of a file, held open while its lines may be asked for
    struct KeptLine
    {
        qint64 offset; // in the file
        qint32 at; // in `bytes`
    };
    std::vector<KeptLine> kept {}; // sorted by offset
    // Lines re-serialised from a JSON document's array ("report.json#events"): for each, the line of the document
    // as written on which its entry begins, so that a location can name the real file. Empty otherwise.
    std::vector<qint32> documentLines {};

    /// A buffer of text in memory: a pack member, a test's lines.
    static std::shared_ptr<TextBuffer> inMemory(QString name, QByteArray bytes)
    {
        auto buffer = std::make_shared<TextBuffer>();
        buffer->name = std::move(name);
        buffer->bytes = std::move(bytes);
        return buffer;
    }

    /// Keeps a line of the file in memory, so that line() needs no read for it; lines come in offset order.
    void keep(qint64 offset, QByteArrayView line)
    {
        kept.push_back({ offset, qint32(bytes.size()) });
        bytes.append(line.data(), line.size());
    }
    /// Once every line to keep is kept: gives back what growing left over.
    void doneKeeping()
    {
        kept.shrink_to_fit();
        bytes.squeeze();
    }

    /// The line of `length` bytes at `offset` in the file or member: without a copy when it is in memory (valid
    /// while this buffer lives); read again from the file otherwise (`reread` set; empty, with `error`, when
    /// that fails).
    QByteArray line(qint64 offset, qint32 length, bool* reread, QString* error) const;
};
using TextBuffers = std::vector<std::shared_ptr<const TextBuffer>>;

/// One timeline line: the hot fields parsed eagerly, attrs kept as raw bytes and parsed on demand.
struct Event
{
    double ts = 0;
    double durationMs = NAN; // attrs.duration_ms when it is a number
    qint64 offset = 0; // byte offset of the line in its file or member
    qint32 buffer = -1; // index into the owning run's TextBuffers
    qint32 length = 0; // bytes of the line, without the line break
    qint32 line = 0; // 1-based line number in its buffer (a line is tens of bytes at least)
    // Interned: 56 bytes an event instead of 192, and comparisons of types and names are integer compares.
    // The session and run ids are the run's (RunKey), not repeated in each of its events.
    Atom type;
    Atom name;
    Atom status; // "ok", "error", "noop" or anything else the writer said
    Atom message;
    // Attrs facts that the run builder and the rules test on many lines, noted while the line is parsed
    // anyway, so that they need not parse or scan it again: AttrKey bits, meaningful when KeysNoted is
    // set (events made by hand leave it clear). "False" bits mean the member is exactly false.
    enum AttrKey : quint16
    {
        KeysNoted = 1,
        FallbackReason = 2, // has fallback.reason
        WarnDegraded = 4, // has warn.degraded
        BudgetMs = 8, // has budget.ms
        InputHits = 16, // has input_hits
        FaissGpuFalse = 32,
        UseGpuFalse = 64,
        EnabledFalse = 128,
        // Carries the span layer's keys (spec 3.4: request_tool, request_stage, capability_stamp) or a
        // stage span's own (request.stage, component): the scope is a staged span, which records a
        // checkpoint when it exits (spec 6.2), not a bare step of the same name.
        SpanContext = 256,
    };
    quint16 attrKeys = 0;

    bool isError() const { return status == QLatin1StringView("error"); }
    bool hasDuration() const { return !std::isnan(durationMs); }
};

/// The attrs keys that make a scope a staged span (Event::SpanContext).
inline constexpr std::array<const char*, 5> spanContextKeys = { "request_tool", "request_stage", "capability_stamp",
    "request.stage", "component" };

static_assert(sizeof(Event) <= 56, "a million events should take 56 MB");

/// Whether the run builder or a rule reads the attrs of this line, so that it is kept in memory when a timeline
/// file is read; other lines are read from their file again when asked for. A matter of speed, not of results.
bool isKeptLine(const Event& event);

/// Whose line an event is. Read with each line and kept beside the events only until they are grouped
/// into runs: every event of a run has the run's ids. Not atoms: they leave memory with their runs.
struct RunKey
{
    QString sessionId;
    QString runId;
};

} // namespace Runlens
