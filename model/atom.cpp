// SPDX-License-Identifier: MIT
#include "atom.h"

#include <QHash>
#include <QMutex>

#include <array>
#include <atomic>
#include <memory>

namespace Runlens {

namespace {

// Texts by id in chunks that never move, so that reading one takes no lock: an id reaches another thread
// only after the chunk holding it was published.
class AtomTable
{
public:
    static constexpr quint32 kChunkBits = 12;
    static constexpr quint32 kChunkSize = 1u << kChunkBits;
    static constexpr quint32 kMaxChunks = 1u << 16; // 268 million texts

    const QString& text(quint32 id) const
    {
        return m_chunks[id >> kChunkBits].load(std::memory_order_acquire)[id & (kChunkSize - 1)];
    }

    quint32 intern(const QString& text)
    {
        if (text.isEmpty())
            return 0;
        QMutexLocker lock(&m_mutex);
        const auto it = m_ids.constFind(text);
        if (it != m_ids.constEnd())
            return *it;
        const quint32 id = m_count;
        QString* chunk = m_chunks[id >> kChunkBits].load(std::memory_order_relaxed);
        if (!chunk) {
            if ((id >> kChunkBits) >= kMaxChunks)
                qFatal("Runlens: more than %u distinct texts", kMaxChunks * kChunkSize);
            chunk = new QString[kChunkSize]; // kept for the life of the process, as the texts are
            m_chunks[id >> kChunkBits].store(chunk, std::memory_order_release);
        }
        chunk[id & (kChunkSize - 1)] = text;
        m_ids.insert(text, id);
        ++m_count;
        return id;
    }

    quint32 size()
    {
        QMutexLocker lock(&m_mutex);
        return m_count;
    }

    static AtomTable& instance()
    {
        // Never destroyed: atoms in static objects may be read while the program ends.
        static AtomTable* const table = new AtomTable;
        return *table;
    }

private:
    AtomTable()
    {
        m_chunks[0].store(new QString[kChunkSize], std::memory_order_release); // id 0: the empty string
    }

    std::unique_ptr<std::atomic<QString*>[]> m_chunks { new std::atomic<QString*>[ kMaxChunks ]() };
    QMutex m_mutex;
    QHash<QString, quint32> m_ids;
    quint32 m_count = 1;
};

} // namespace

Atom::Atom(const QString& text)
    : m_id(AtomTable::instance().intern(text))
{ }

Atom::Atom(QLatin1StringView text)
    : Atom(QString(text))
{ }

quint32 Atom::tableSize()
{
    return AtomTable::instance().size();
}

const QString& Atom::toString() const
{
    static AtomTable& table = AtomTable::instance();
    return table.text(m_id);
}

} // namespace Runlens
