// SPDX-License-Identifier: MIT
#include "ziparchive.h"
#include "inputfile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QSaveFile>
#include <QSet>
#include <QTime>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>
#include <quazip/quazipnewinfo.h>
#include <quazip/unzip.h>

#include <algorithm>
#include <limits>

namespace Runlens {

namespace {

// The context lupdate files these texts under, and the one they are looked up in at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::ZipArchive)
};

constexpr quint64 ratioCheckThreshold = 1024 * 1024; // members up to 1 MiB may compress as well as they like
constexpr qint64 readChunkSize = 64 * 1024;
constexpr quint16 encryptedFlag = 0x0001;
constexpr int methodStored = 0;
constexpr int methodDeflate = 8;
constexpr uint unixOsCode = 3;
constexpr int writeLevel = 6;

// The codec of member names, looked up once: QTextCodec::codecForName() searches a cache behind a lock inside
// Qt on every call, which the loader threads would share at every open (and which the tsan preset cannot see).
QTextCodec* utf8Codec()
{
    static QTextCodec* const codec = QTextCodec::codecForName("UTF-8");
    return codec;
}

QString quote(const QString& name)
{
    return u'"' + name + u'"';
}

quint64 saturatingAdd(quint64 a, quint64 b)
{
    return a > std::numeric_limits<quint64>::max() - b ? std::numeric_limits<quint64>::max() : a + b;
}

/// Why a member found in the central directory is refused, or an empty string when it is acceptable.
QString rejectionReason(const QuaZipFileInfo64& info, const ZipArchive::Limits& limits)
{
    if (info.flags & encryptedFlag)
        return Tr::tr("encrypted member");
    if (info.method != methodStored && info.method != methodDeflate)
        return Tr::tr("unsupported compression method %1").arg(info.method);
    const quint64 maxEntrySize = quint64(qMax<qint64>(limits.maxEntrySize, 0));
    if (info.uncompressedSize > maxEntrySize)
        return Tr::tr("declared size %1 bytes exceeds the limit of %2 bytes")
            .arg(info.uncompressedSize)
            .arg(maxEntrySize);
    if (info.method == methodStored && info.compressedSize != info.uncompressedSize)
        return Tr::tr("stored member declares %1 compressed but %2 uncompressed bytes")
            .arg(info.compressedSize)
            .arg(info.uncompressedSize);
    if (info.uncompressedSize > ratioCheckThreshold) {
        const double ratio = info.compressedSize == 0 ? std::numeric_limits<double>::infinity()
                                                      : double(info.uncompressedSize) / double(info.compressedSize);
        if (ratio > double(limits.maxRatio))
            return Tr::tr("compression ratio %1 exceeds the limit of %2 (possible zip bomb)")
                .arg(ratio, 0, 'f', 0)
                .arg(limits.maxRatio);
    }
    return {};
}

quint16 le16(const QByteArray& bytes, qsizetype at)
{
    return quint16(quint8(bytes.at(at)) | (quint8(bytes.at(at + 1)) << 8));
}

quint32 le32(const QByteArray& bytes, qsizetype at)
{
    return quint32(le16(bytes, at)) | (quint32(le16(bytes, at + 2)) << 16);
}

constexpr qint64 endRecordSize = 22;
constexpr qint64 maxCommentSize = 0xffff;
constexpr QByteArrayView endRecordSignature("PK\x05\x06", 4);

/// Where the end-of-central-directory record starts and how long its comment is, or -1. The record is the last one
/// whose comment ends exactly at the end of the device, with a central directory that fits before it: a signature
/// inside the comment is not one (APPNOTE 4.3.16; Python's zipfile and unzip search the same last 64 KiB).
qint64 findEndRecord(QIODevice* device, quint16* commentSize)
{
    const bool wasOpen = device->isOpen();
    if (!wasOpen && !device->open(QIODevice::ReadOnly))
        return -1;
    const qint64 oldPos = device->pos();
    const qint64 size = device->size();
    qint64 found = -1;
    // The usual case first: a record without a comment, in the last 22 bytes.
    for (const qint64 window : { endRecordSize, std::min(size, endRecordSize + maxCommentSize) }) {
        if (window < endRecordSize || window > size || !device->seek(size - window))
            break;
        const QByteArray tail = device->read(window);
        if (tail.size() != window)
            break;
        for (qsizetype at = tail.lastIndexOf(endRecordSignature, tail.size() - endRecordSize); at >= 0;
             at = at > 0 ? tail.lastIndexOf(endRecordSignature, at - 1) : -1) {
            const quint64 directorySize = le32(tail, at + 12);
            const quint64 directoryOffset = le32(tail, at + 16);
            const bool zip64 = directorySize == 0xffffffffu || directoryOffset == 0xffffffffu;
            const qint64 position = size - window + at;
            if (at + endRecordSize + le16(tail, at + 20) == tail.size()
                && (zip64 || directoryOffset + directorySize <= quint64(position))) {
                found = position;
                *commentSize = le16(tail, at + 20);
                break;
            }
        }
        if (found >= 0)
            break;
    }
    if (wasOpen)
        device->seek(oldPos);
    else
        device->close();
    return found;
}

/// The archive as minizip is given it when its end record has a comment: up to the end of the record, whose comment
/// size reads 0. minizip looks for the record in the last 65,535 bytes only and takes the last signature it finds
/// there, so a comment of 65,514 bytes or more hides the record and a signature inside a comment misleads it. The
/// comment holds nothing Runlens reads; the members and all limits are as they were.
class WithoutComment : public QIODevice
{
public:
    WithoutComment(QIODevice* source, qint64 endRecord)
        : m_source(source)
        , m_size(endRecord + endRecordSize)
        , m_commentSizeAt(endRecord + 20)
    { }

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }

protected:
    // Opened unbuffered, as QBuffer is: pos() is then where this read starts.
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 at = pos();
        const qint64 length = std::min(maxSize, m_size - at);
        if (length <= 0)
            return 0;
        if (!m_source->seek(at))
            return -1;
        const qint64 got = m_source->read(data, length);
        for (qint64 i = std::max(at, m_commentSizeAt); i < std::min(at + got, m_commentSizeAt + 2); ++i)
            data[i - at] = 0;
        return got;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QIODevice* m_source;
    qint64 m_size;
    qint64 m_commentSizeAt;
};

/// True when the device holds exactly an archive without members: nothing but an end-of-central-directory
/// record (and its comment). minizip cannot open those, as it never looks for the record at offset 0.
bool isEmptyArchive(QIODevice* device)
{
    constexpr qint64 recordSize = 22;
    const bool wasOpen = device->isOpen();
    if (!wasOpen && !device->open(QIODevice::ReadOnly))
        return false;
    const qint64 oldPos = device->pos();
    bool empty = false;
    const qint64 size = device->size();
    if (size >= recordSize && size <= recordSize + 0xffff && device->seek(0)) {
        const QByteArray record = device->read(recordSize);
        empty = record.size() == recordSize && record.startsWith(QByteArrayView("PK\x05\x06", 4))
            && std::all_of(record.cbegin() + 4, record.cbegin() + 20, [](char c) { return c == 0; })
            && recordSize + le16(record, 20) == size;
    }
    if (wasOpen)
        device->seek(oldPos);
    else
        device->close();
    return empty;
}

} // namespace

struct ZipArchive::Private
{
    QString fileName;
    QIODevice* device = nullptr; // the caller's, when not reading a file
    Limits limits;
    std::unique_ptr<QuaZip> zip;
    // When the end record has a comment, minizip reads the archive through `withoutComment`, from `file` or the
    // caller's device (which is closed again when `openedDevice`).
    std::unique_ptr<QFile> file;
    std::unique_ptr<WithoutComment> withoutComment;
    bool openedDevice = false;
    QList<Entry> entries;
    QList<unz64_file_pos> positions; // central-directory position of entries[i]
    QHash<QString, qsizetype> index; // name -> index into entries
    QList<QPair<QString, QString>> rejected;
    QString error;
    bool openEmpty = false; // open on an archive without members, which QuaZip itself cannot open

    void reset()
    {
        openEmpty = false;
        if (zip && zip->isOpen())
            zip->close();
        zip.reset();
        withoutComment.reset();
        if (openedDevice && device)
            device->close();
        openedDevice = false;
        file.reset();
        entries.clear();
        positions.clear();
        index.clear();
        rejected.clear();
    }

    bool fail(const QString& message)
    {
        error = message;
        reset();
        return false;
    }

    bool walkCentralDirectory();
    bool openWithoutComment(qint64 endRecord);
};

bool ZipArchive::Private::openWithoutComment(qint64 endRecord)
{
    QIODevice* source = device ? device : file.get(); // our file, opened by open()
    if (!source->isOpen()) {
        if (!source->open(QIODevice::ReadOnly))
            return fail(Tr::tr("cannot read the zip archive: %1").arg(source->errorString()));
        openedDevice = source == device;
    }
    withoutComment = std::make_unique<WithoutComment>(source, endRecord);
    if (!withoutComment->open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return fail(Tr::tr("cannot read the zip archive: %1").arg(withoutComment->errorString()));
    zip = std::make_unique<QuaZip>(withoutComment.get());
    zip->setAutoClose(false); // closed by reset()
    return true;
}

ZipArchive::ZipArchive(const QString& fileName)
    : d(std::make_unique<Private>())
{
    d->fileName = fileName;
}

ZipArchive::ZipArchive(QIODevice* device)
    : d(std::make_unique<Private>())
{
    d->device = device;
}

ZipArchive::~ZipArchive()
{
    close();
}

void ZipArchive::setLimits(const Limits& limits)
{
    d->limits = limits;
}

bool ZipArchive::open()
{
    close();
    d->error.clear();

    QIODevice* source = d->device;
    if (d->device) {
        if (d->device->isSequential())
            return d->fail(Tr::tr("cannot read a zip archive from a sequential device"));
    } else {
        if (d->fileName.isEmpty())
            return d->fail(Tr::tr("no zip archive given"));
        // Opened here, not by name in QuaZip: only a regular file is read, and a name need not be UTF-8.
        auto file = std::make_unique<QFile>();
        QString reason;
        if (!openRegularFile(d->fileName, file.get(), &reason))
            return d->fail(Tr::tr("cannot open %1: %2").arg(d->fileName, reason));
        d->file = std::move(file);
        source = d->file.get();
    }
    quint16 commentSize = 0;
    const qint64 endRecord = findEndRecord(source, &commentSize);
    if (endRecord >= 0 && commentSize > 0) {
        if (!d->openWithoutComment(endRecord))
            return false;
    } else {
        d->zip = std::make_unique<QuaZip>(source);
        // Leave a device the caller opened as the caller opened it; one QuaZip opens, it closes. Our own file
        // is closed by reset().
        d->zip->setAutoClose(d->device && !d->device->isOpen());
    }
    // Names without the UTF-8 flag: every tool in the pipeline writes UTF-8 (or plain ASCII).
    d->zip->setFileNameCodec(utf8Codec());

    if (!d->zip->open(QuaZip::mdUnzip)) {
        const int code = d->zip->getZipError();
        const std::unique_ptr<QFile> file = std::move(d->file); // for the look below, which reset() would close
        d->reset(); // the caller's device as the caller left it
        if (isEmptyArchive(d->device ? d->device : file.get())) {
            d->openEmpty = true;
            return true;
        }
        return d->fail(Tr::tr("not a readable zip archive (QuaZip error %1)").arg(code));
    }
    return d->walkCentralDirectory();
}

bool ZipArchive::Private::walkCentralDirectory()
{
    unz_global_info64 global;
    if (const int err = unzGetGlobalInfo64(zip->getUnzFile(), &global); err != UNZ_OK)
        return fail(Tr::tr("not a readable zip archive (QuaZip error %1)").arg(err));
    const quint64 maxEntries = quint64(qMax(limits.maxEntries, 0));
    if (global.number_entry > maxEntries)
        return fail(
            Tr::tr("the archive has %1 entries, more than the limit of %2").arg(global.number_entry).arg(maxEntries));

    if (global.number_entry == 0)
        return true; // goToFirstFile() would take the end record for a member

    QSet<QString> seen;
    quint64 totalSize = 0;
    quint64 count = 0;
    bool more = zip->goToFirstFile();
    if (!more && zip->getZipError() != UNZ_OK && zip->getZipError() != UNZ_END_OF_LIST_OF_FILE)
        return fail(
            Tr::tr("not a readable zip archive: damaged central directory (QuaZip error %1)").arg(zip->getZipError()));
    for (; more; more = zip->goToNextFile()) {
        // The declared count can lie (0xffff means "look further"); count what is really there.
        if (++count > maxEntries)
            return fail(Tr::tr("the archive has more than %1 entries").arg(maxEntries));
        QuaZipFileInfo64 info;
        if (!zip->getCurrentFileInfo(&info))
            return fail(Tr::tr("not a readable zip archive: damaged central directory entry %1 (QuaZip error %2)")
                            .arg(count)
                            .arg(zip->getZipError()));
        if (info.name.endsWith(u'/'))
            continue; // directories carry no data

        // The first member of a name claims it, even when refused for another reason: readers that take the
        // last one would otherwise see different contents than we do.
        QString reason;
        if (!ZipArchive::isSafeName(info.name))
            reason = Tr::tr("unsafe member name");
        else if (seen.contains(info.name))
            reason = Tr::tr("duplicate member");
        else {
            seen.insert(info.name);
            reason = rejectionReason(info, limits);
        }
        if (!reason.isEmpty()) {
            rejected.append({ info.name, reason });
            continue;
        }

        unz64_file_pos position;
        if (const int err = unzGetFilePos64(zip->getUnzFile(), &position); err != UNZ_OK)
            return fail(Tr::tr("not a readable zip archive (QuaZip error %1)").arg(err));

        totalSize = saturatingAdd(totalSize, info.uncompressedSize);
        if (totalSize > quint64(qMax<qint64>(limits.maxTotalSize, 0)))
            return fail(
                Tr::tr("the archive declares more than %1 uncompressed bytes in total").arg(limits.maxTotalSize));

        Entry entry;
        entry.name = info.name;
        entry.size = qint64(info.uncompressedSize); // at most maxEntrySize, checked above
        entry.compressedSize = info.compressedSize > quint64(std::numeric_limits<qint64>::max())
            ? std::numeric_limits<qint64>::max()
            : qint64(info.compressedSize);
        entry.encrypted = false;
        entry.method = info.method;
        index.insert(entry.name, entries.size());
        entries.append(entry);
        positions.append(position);
    }
    if (zip->getZipError() != UNZ_OK)
        return fail(
            Tr::tr("not a readable zip archive: damaged central directory (QuaZip error %1)").arg(zip->getZipError()));
    return true;
}

void ZipArchive::close()
{
    d->reset();
}

bool ZipArchive::isOpen() const
{
    return d->openEmpty || (d->zip && d->zip->isOpen());
}

QString ZipArchive::errorString() const
{
    return d->error;
}

QList<ZipArchive::Entry> ZipArchive::entries() const
{
    return d->entries;
}

QList<QPair<QString, QString>> ZipArchive::rejectedEntries() const
{
    return d->rejected;
}

bool ZipArchive::contains(const QString& name) const
{
    return d->index.contains(name);
}

bool ZipArchive::read(const QString& name, QByteArray* data)
{
    if (!data) {
        d->error = Tr::tr("no buffer to read %1 into").arg(quote(name));
        return false;
    }
    data->clear();
    if (!isOpen()) {
        d->error = Tr::tr("the archive is not open");
        return false;
    }
    const auto found = d->index.constFind(name);
    if (found == d->index.constEnd()) {
        d->error = Tr::tr("no readable member %1 in the archive").arg(quote(name));
        return false;
    }
    const Entry& entry = d->entries.at(*found);
    unz64_file_pos position = d->positions.at(*found);

    // QuaZipFile reads the current file; goToFirstFile() marks one as current, then jump to ours. Going by
    // position rather than name picks the first of duplicate names, the one open() kept.
    if (!d->zip->goToFirstFile()) {
        d->error = Tr::tr("cannot locate %1 (QuaZip error %2)").arg(quote(name)).arg(d->zip->getZipError());
        return false;
    }
    if (const int err = unzGoToFilePos64(d->zip->getUnzFile(), &position); err != UNZ_OK) {
        d->error = Tr::tr("cannot locate %1 (QuaZip error %2)").arg(quote(name)).arg(err);
        return false;
    }

    QuaZipFile file(d->zip.get());
    if (!file.open(QIODevice::ReadOnly)) {
        d->error = Tr::tr("cannot open member %1 (QuaZip error %2)").arg(quote(name)).arg(file.getZipError());
        return false;
    }

    const qint64 limit = qMin(entry.size, d->limits.maxEntrySize);
    QByteArray bytes;
    bytes.reserve(limit);
    QByteArray chunk(readChunkSize, Qt::Uninitialized);
    for (;;) {
        const qint64 got = file.read(chunk.data(), chunk.size());
        if (got < 0) {
            d->error = Tr::tr("cannot decompress member %1 (QuaZip error %2)").arg(quote(name)).arg(file.getZipError());
            return false;
        }
        if (got == 0)
            break;
        if (bytes.size() + got > limit) {
            d->error = Tr::tr("member %1 decompresses to more than its declared %2 bytes").arg(quote(name)).arg(limit);
            return false;
        }
        bytes.append(chunk.constData(), got);
    }
    file.close();
    if (const int err = file.getZipError(); err != UNZ_OK) {
        d->error = err == UNZ_CRCERROR ? Tr::tr("member %1 is corrupt: CRC mismatch").arg(quote(name))
                                       : Tr::tr("cannot read member %1 (QuaZip error %2)").arg(quote(name)).arg(err);
        return false;
    }
    if (bytes.size() != entry.size) {
        d->error =
            Tr::tr("member %1 holds %2 bytes but declares %3").arg(quote(name)).arg(bytes.size()).arg(entry.size);
        return false;
    }
    *data = std::move(bytes);
    return true;
}

bool ZipArchive::write(const QString& fileName, const QList<QPair<QString, QByteArray>>& members, QString* errorString)
{
    QByteArray bytes;
    if (!writeToBuffer(&bytes, members, errorString))
        return false;
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorString)
            *errorString = Tr::tr("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size()) {
        if (errorString)
            *errorString = Tr::tr("cannot write %1: %2").arg(fileName, file.errorString());
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (errorString)
            *errorString = Tr::tr("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

bool ZipArchive::writeToBuffer(QByteArray* out, const QList<QPair<QString, QByteArray>>& members, QString* errorString)
{
    const auto failWith = [errorString](const QString& message) {
        if (errorString)
            *errorString = message;
        return false;
    };
    if (!out)
        return failWith(Tr::tr("no buffer to write the zip archive into"));

    QSet<QString> names;
    for (const auto& member : members) {
        if (!isSafeName(member.first) || member.first.endsWith(u'/'))
            return failWith(Tr::tr("refusing unsafe member name %1").arg(quote(member.first)));
        if (names.contains(member.first))
            return failWith(Tr::tr("duplicate member name %1").arg(quote(member.first)));
        names.insert(member.first);
    }

    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        QuaZip zip(&buffer);
        zip.setUtf8Enabled(true);
        zip.setFileNameCodec(utf8Codec());
        zip.setOsCode(unixOsCode);
        // Sizes and CRC go into the local headers (QBuffer can seek back), not a trailing descriptor.
        zip.setDataDescriptorWritingEnabled(false);
        if (!zip.open(QuaZip::mdCreate))
            return failWith(Tr::tr("cannot create a zip archive (QuaZip error %1)").arg(zip.getZipError()));

        const QDateTime epoch(QDate(1980, 1, 1), QTime(0, 0));
        for (const auto& member : members) {
            QuaZipNewInfo info(member.first);
            info.dateTime = epoch; // the constructor stamps "now"
            info.internalAttr = 0;
            info.externalAttr = 0;
            info.setPermissions(
                QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther); // 0644, whatever the umask
            QuaZipFile file(&zip);
            if (!file.open(QIODevice::WriteOnly, info, nullptr, 0, Z_DEFLATED, writeLevel))
                return failWith(Tr::tr("cannot add %1 to the zip archive (QuaZip error %2)")
                                    .arg(quote(member.first))
                                    .arg(file.getZipError()));
            const QByteArray& data = member.second;
            for (qsizetype offset = 0; offset < data.size(); offset += readChunkSize) {
                const qint64 length = qMin<qint64>(readChunkSize, data.size() - offset);
                if (file.write(data.constData() + offset, length) != length)
                    return failWith(Tr::tr("cannot compress %1 (QuaZip error %2)")
                                        .arg(quote(member.first))
                                        .arg(file.getZipError()));
            }
            file.close();
            if (file.getZipError() != ZIP_OK)
                return failWith(
                    Tr::tr("cannot compress %1 (QuaZip error %2)").arg(quote(member.first)).arg(file.getZipError()));
        }
        zip.close();
        if (zip.getZipError() != ZIP_OK)
            return failWith(Tr::tr("cannot finish the zip archive (QuaZip error %1)").arg(zip.getZipError()));
    }
    *out = std::move(bytes);
    return true;
}

bool ZipArchive::isSafeName(const QString& name)
{
    if (name.isEmpty() || name.startsWith(u'/') || name.contains(u'\\'))
        return false;
    if (name.size() >= 2 && name.at(1) == u':' && name.at(0).isLetter() && name.at(0).unicode() < 0x80)
        return false; // "C:x", "C:/x": a drive letter
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false; // NUL truncates, other control characters hide in listings
    }
    for (const auto component : QStringView(name).split(u'/')) {
        if (component == u"..")
            return false;
    }
    return true;
}

} // namespace Runlens
