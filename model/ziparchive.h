// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

class QIODevice;

namespace Runlens {

/// Reads and writes zip archives entirely in memory, refusing hostile archives.
///
/// This is the only class that knows the zip library (QuaZip today). Its API follows KArchive's
/// shape (open/close, errorString, entries) so that KF6::Archive can replace the backend without
/// touching callers. It never extracts to disk.
class ZipArchive
{
public:
    struct Limits
    {
        int maxEntries = 10000;
        qint64 maxEntrySize = 256ll * 1024 * 1024; // uncompressed bytes per member
        qint64 maxTotalSize = 1024ll * 1024 * 1024; // uncompressed bytes, all members
        qint64 maxRatio = 200; // uncompressed / compressed, for members over 1 MiB
    };

    struct Entry
    {
        QString name;
        qint64 size = 0; // uncompressed, as declared by the central directory
        qint64 compressedSize = 0;
        bool encrypted = false;
        int method = 0; // 0 stored, 8 deflate
    };

    /// Reads from a file on disk (opened read-only, never written).
    explicit ZipArchive(const QString& fileName);
    /// Reads from a device the caller owns (a QBuffer in tests and fuzzers); it must stay alive.
    explicit ZipArchive(QIODevice* device);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    void setLimits(const Limits& limits);

    /// Opens for reading and checks the central directory against the limits.
    [[nodiscard]] bool open();
    void close();
    bool isOpen() const;
    QString errorString() const;

    /// Every member that passed the checks, in central-directory order.
    QList<Entry> entries() const;
    /// Members that were refused at open() (bad names, encryption), with the reason.
    QList<QPair<QString, QString>> rejectedEntries() const;

    bool contains(const QString& name) const;
    /// Reads one member. On failure returns false and sets errorString(); the archive stays usable.
    [[nodiscard]] bool read(const QString& name, QByteArray* data);

    /// Writes members (name, bytes) in the given order: DEFLATE, no directory entries, every timestamp
    /// 1980-01-01 00:00, so the same input gives the same bytes. Atomic: goes through QSaveFile.
    [[nodiscard]] static bool write(
        const QString& fileName, const QList<QPair<QString, QByteArray>>& members, QString* errorString);
    /// The same, into memory.
    [[nodiscard]] static bool writeToBuffer(
        QByteArray* out, const QList<QPair<QString, QByteArray>>& members, QString* errorString);

    /// True when a member name is safe: relative, no "..", no backslash, no drive letter, not empty.
    static bool isSafeName(const QString& name);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Runlens
