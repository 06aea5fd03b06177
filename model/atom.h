// SPDX-License-Identifier: MIT
#pragma once

#include <QHashFunctions>
#include <QLatin1StringView>
#include <QString>
#include <QStringBuilder>

namespace Runlens {

/// An interned, immutable string in four bytes: the text of a type, name, status, id or message that a
/// million events repeat. Equal atoms have equal text and the same id, so comparing two is one integer
/// compare. Texts live in one table for the life of the process, like a symbol table: a day of timeline
/// holds a few thousand distinct ones, and loading the same input again adds none.
class Atom
{
public:
    Atom() = default; // the empty string
    Atom(const QString& text); // NOLINT(google-explicit-constructor): an Event field takes a QString
    Atom(QLatin1StringView text);
    template <typename A, typename B>
    Atom(const QStringBuilder<A, B>& text) // NOLINT(google-explicit-constructor): as QString converts
        : Atom(QString(text))
    { }

    const QString& toString() const;
    operator const QString&() const { return toString(); } // NOLINT(google-explicit-constructor)
    const QString* operator->() const { return &toString(); }
    bool isEmpty() const { return m_id == 0; }
    /// How many distinct texts the process has interned (for measuring; they stay for its life).
    static quint32 tableSize();

    friend bool operator==(Atom a, Atom b) { return a.m_id == b.m_id; }
    friend bool operator!=(Atom a, Atom b) { return a.m_id != b.m_id; }
    friend bool operator==(Atom a, const QString& b) { return a.toString() == b; }
    friend bool operator!=(Atom a, const QString& b) { return a.toString() != b; }
    friend bool operator==(const QString& a, Atom b) { return a == b.toString(); }
    friend bool operator!=(const QString& a, Atom b) { return a != b.toString(); }
    friend bool operator==(Atom a, QLatin1StringView b) { return a.toString() == b; }
    friend bool operator!=(Atom a, QLatin1StringView b) { return a.toString() != b; }
    friend bool operator<(Atom a, Atom b) { return a.toString() < b.toString(); } // by text, not by id
    friend size_t qHash(Atom atom, size_t seed = 0) noexcept { return qHash(atom.m_id, seed); }

private:
    quint32 m_id = 0;
};

} // namespace Runlens

// So that QStringBuilder concatenates atoms as it does QStrings.
template <> struct QConcatenable<Runlens::Atom> : private QAbstractConcatenable
{
    using type = Runlens::Atom;
    using ConvertTo = QString;
    enum
    {
        ExactSize = true
    };
    static qsizetype size(const Runlens::Atom& atom) { return atom.toString().size(); }
    static void appendTo(const Runlens::Atom& atom, QChar*& out)
    {
        QConcatenable<QString>::appendTo(atom.toString(), out);
    }
};
