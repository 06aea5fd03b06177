// SPDX-License-Identifier: MIT
#include "atom.h"
#include "parallel_p.h"

#include <QTest>

#include <vector>

using namespace Runlens;

class tst_Atom : public QObject
{
    Q_OBJECT

private slots:
    void equalTextsAreOneAtom_data();
    void equalTextsAreOneAtom();
    void emptyIsTheDefault();
    void behavesAsItsText();
    void internedFromManyThreads();
};

void tst_Atom::equalTextsAreOneAtom_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ascii") << QStringLiteral("step.start");
    QTest::newRow("non-ascii") << QStringLiteral("fonction de hachage sûre · ハッシュ 🔍");
    QTest::newRow("long") << QString(5000, u'x');
    QTest::newRow("embedded nul") << QString::fromUtf16(u"a\0b", 3);
}

void tst_Atom::equalTextsAreOneAtom()
{
    QFETCH(QString, text);
    const Atom a(text);
    const Atom b(QString(text.constData(), text.size())); // another QString with the same text
    QCOMPARE(a.toString(), text);
    QVERIFY(a == b);
    QCOMPARE(qHash(a), qHash(b));
    QVERIFY(a != Atom(text + u'!'));
    QVERIFY(!a.isEmpty());
}

void tst_Atom::emptyIsTheDefault()
{
    QVERIFY(Atom().isEmpty());
    QVERIFY(Atom(QString()) == Atom());
    QVERIFY(Atom(QStringLiteral("")) == Atom());
    QVERIFY(Atom().toString().isEmpty());
}

void tst_Atom::behavesAsItsText()
{
    const Atom type(QStringLiteral("operation.end"));
    QVERIFY(type == QLatin1StringView("operation.end"));
    QVERIFY(type == QStringLiteral("operation.end"));
    QVERIFY(QStringLiteral("operation.end") == type);
    QVERIFY(type->startsWith(QLatin1StringView("operation.")));
    const QString joined = type + QLatin1Char(' ') + Atom(QStringLiteral("mcp.tool:search"));
    QCOMPARE(joined, QStringLiteral("operation.end mcp.tool:search"));
    const Atom built(QStringLiteral("a") + QStringLiteral("b")); // from a QStringBuilder
    QVERIFY(built == Atom(QStringLiteral("ab")));
    // Ordered by text, not by when a text was first seen.
    const Atom later(QStringLiteral("aaa-first-in-order-interned-last"));
    QVERIFY(later < type);
    QVERIFY(!(type < later));
}

// Threads interning the same texts at once get the same atoms, and every atom reads back its text.
void tst_Atom::internedFromManyThreads()
{
    std::vector<int> numbers(20000);
    for (int i = 0; i < int(numbers.size()); ++i)
        numbers[size_t(i)] = i % 5000;
    std::vector<Atom> atoms(numbers.size());
    parallelFor(qsizetype(numbers.size()),
        [&](qsizetype i) { atoms[size_t(i)] = Atom(QStringLiteral("concurrent-%1").arg(numbers[size_t(i)])); });
    for (size_t i = 0; i < numbers.size(); ++i) {
        QCOMPARE(atoms[i].toString(), QStringLiteral("concurrent-%1").arg(numbers[i]));
        QVERIFY(atoms[i] == atoms[size_t(numbers[i])]);
    }
}

QTEST_GUILESS_MAIN(tst_Atom)
#include "tst_atom.moc"
