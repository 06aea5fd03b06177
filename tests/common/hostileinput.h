// SPDX-License-Identifier: MIT
// Hostile inputs built at test time (zips byte by byte, deep JSON, huge lines, FIFOs, symlink loops),
// so that nothing big or dangerous is committed.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>

#include <array>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Runlens::Test {

/// A member of a zip built by hand: any name bytes, any method and flags, and sizes that may lie.
struct RawZipMember
{
    QByteArray name;
    QByteArray data;
    int method = 8; // 0 stored, 8 deflate; anything else is written as is, with `data` stored raw
    quint16 flags = 0x0800; // UTF-8 name; 0x0001 marks the member encrypted
    qint64 declaredSize = -1; // uncompressed size in the headers; -1: the real one
    qint64 declaredCompressed = -1; // compressed size in the headers; -1: the real one
    const char* password = nullptr; // traditional PKWARE encryption when set
};
using RawZipMembers = QList<RawZipMember>;

inline quint32 zipCrc32Update(quint32 crc, quint8 byte)
{
    static const auto table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table[(crc ^ byte) & 0xff] ^ (crc >> 8);
}

inline quint32 zipCrc32(const QByteArray& data)
{
    quint32 crc = 0xffffffffu;
    for (const char c : data)
        crc = zipCrc32Update(crc, quint8(c));
    return crc ^ 0xffffffffu;
}

/// Traditional PKWARE ("ZipCrypto") encryption, APPNOTE 6.1.
class ZipCrypto
{
public:
    explicit ZipCrypto(const char* password)
    {
        for (const char* p = password; *p; ++p)
            update(quint8(*p));
    }
    QByteArray encrypt(const QByteArray& plain)
    {
        QByteArray out(plain.size(), Qt::Uninitialized);
        for (qsizetype i = 0; i < plain.size(); ++i) {
            const quint32 t = (k2 | 2) & 0xffff; // unsigned: t * (t ^ 1) overflows int
            out[i] = char(quint8(plain.at(i)) ^ quint8((t * (t ^ 1)) >> 8));
            update(quint8(plain.at(i)));
        }
        return out;
    }

private:
    void update(quint8 c)
    {
        k0 = zipCrc32Update(k0, c);
        k1 = (k1 + (k0 & 0xff)) * 134775813u + 1;
        k2 = zipCrc32Update(k2, quint8(k1 >> 24));
    }
    quint32 k0 = 0x12345678u;
    quint32 k1 = 0x23456789u;
    quint32 k2 = 0x34567890u;
};

inline void appendLe16(QByteArray* out, quint32 value)
{
    out->append(char(value & 0xff));
    out->append(char((value >> 8) & 0xff));
}

inline void appendLe32(QByteArray* out, quint32 value)
{
    appendLe16(out, value & 0xffff);
    appendLe16(out, value >> 16);
}

/// Raw DEFLATE of `data` (qCompress minus its length prefix, zlib header and Adler-32).
inline QByteArray rawDeflate(const QByteArray& data)
{
    const QByteArray zlib = qCompress(data, 9);
    return zlib.mid(6, zlib.size() - 10);
}

/// A zip written byte by byte, so that names, sizes and counts can be anything. `declaredCount` < 0
/// writes the real member count into the end record (truncated to 16 bits, as the format does). `comment`
/// is the archive comment after the end record: at most 65,535 bytes, any bytes.
inline QByteArray rawZip(const RawZipMembers& members, qint64 declaredCount = -1, const QByteArray& comment = {})
{
    Q_ASSERT(comment.size() <= 0xffff);
    QByteArray zip;
    QByteArray central;
    for (const RawZipMember& member : members) {
        QByteArray payload = member.method == 8 ? rawDeflate(member.data) : member.data;
        const quint32 crc = zipCrc32(member.data);
        quint16 flags = member.flags;
        if (member.password) {
            flags |= 1;
            QByteArray header = QByteArrayLiteral("0123456789a");
            header.append(char(crc >> 24)); // the check byte
            payload = ZipCrypto(member.password).encrypt(header + payload);
        }
        const quint32 size = quint32(member.declaredSize >= 0 ? member.declaredSize : member.data.size());
        const quint32 compressed = quint32(member.declaredCompressed >= 0 ? member.declaredCompressed : payload.size());
        const quint32 offset = quint32(zip.size());
        const auto fields = [&](QByteArray* out) {
            appendLe16(out, flags);
            appendLe16(out, quint16(member.method));
            appendLe16(out, 0); // 00:00:00
            appendLe16(out, 0x0021); // 1980-01-01
            appendLe32(out, crc);
            appendLe32(out, compressed);
            appendLe32(out, size);
            appendLe16(out, quint16(member.name.size()));
            appendLe16(out, 0); // no extra field
        };
        appendLe32(&zip, 0x04034b50);
        appendLe16(&zip, 20);
        fields(&zip);
        zip += member.name + payload;

        appendLe32(&central, 0x02014b50);
        appendLe16(&central, (3 << 8) | 20); // made by Unix
        appendLe16(&central, 20);
        fields(&central);
        appendLe16(&central, 0); // comment
        appendLe16(&central, 0); // disk
        appendLe16(&central, 0); // internal attributes
        appendLe32(&central, 0100644u << 16);
        appendLe32(&central, offset);
        central += member.name;
    }
    const quint32 centralOffset = quint32(zip.size());
    const quint16 count = quint16(declaredCount >= 0 ? declaredCount : members.size());
    zip += central;
    appendLe32(&zip, 0x06054b50);
    appendLe16(&zip, 0);
    appendLe16(&zip, 0);
    appendLe16(&zip, count);
    appendLe16(&zip, count);
    appendLe32(&zip, quint32(central.size()));
    appendLe32(&zip, centralOffset);
    appendLe16(&zip, quint32(comment.size()));
    zip += comment;
    return zip;
}

/// A compact timeline line of run s1/r1, a point event `n` ms after the first; `extra` goes before the
/// closing brace.
inline QByteArray timelineLine(int n, const QByteArray& extra = {})
{
    return QByteArray(R"({"ts":)") + QByteArray::number(1795560000.0 + n / 1000.0, 'f', 3)
        + QByteArray(R"(,"type":"mark","name":"ev)") + QByteArray::number(n)
        + QByteArray(R"(","status":"ok","session_id":"s1","run_id":"r1")") + extra + QByteArray("}");
}

/// `depth` nested arrays inside a line's attrs: valid JSON, far deeper than any parser should follow.
inline QByteArray deeplyNested(qsizetype depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

inline bool makeFifo(const QString& path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0644) == 0;
}

/// Lets a reader blocked in open() on a FIFO go on: a writer appears and leaves at once (EOF).
inline void unblockFifo(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0)
        ::close(fd);
}

} // namespace Runlens::Test
