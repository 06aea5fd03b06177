// SPDX-License-Identifier: MIT
#include "eventdetailsview.h"
#include "eventsfilterproxy.h"
#include "eventsmodel.h"
#include "eventsview.h"
#include "jsonline.h"
#include "jsontreemodel.h"
#include "palettes.h"
#include "runfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Runlens;
using namespace Runlens::Test;

namespace {

QString str(const QJsonObject& line, const char* key)
{
    return line.value(QLatin1String(key)).toString();
}

bool isErrorLine(const QJsonObject& line)
{
    return str(line, "status") == QLatin1String("error") || str(line, "type") == QLatin1String("error");
}

// Lines of a fixture run for which `predicate` holds: expected counts come from the files, not from memory.
template <typename Predicate> int countLines(const QString& file, const QString& run, Predicate predicate)
{
    const RunLines lines = RunLines::fromFixture(file, run);
    return int(std::count_if(lines.objects.begin(), lines.objects.end(), predicate));
}

// The child of `parent` whose key column reads `key`.
QModelIndex childByKey(const QAbstractItemModel& model, const QModelIndex& parent, const QString& key)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, JsonTreeModel::KeyColumn, parent);
        if (index.data().toString() == key)
            return index;
    }
    return {};
}

// The model's plural text, whatever translation is loaded.
QString counted(const char* text, int n)
{
    return QCoreApplication::translate("Runlens::JsonTreeModel", text, nullptr, n);
}

QString cell(const QModelIndex& keyIndex, int column)
{
    return keyIndex.siblingAtColumn(column).data().toString();
}

QList<int> proxyEvents(const QAbstractItemModel& proxy)
{
    QList<int> events;
    for (int row = 0; row < proxy.rowCount(); ++row)
        events.append(proxy.index(row, 0).data(EventsModel::EventIndexRole).toInt());
    return events;
}

} // namespace

class tst_EventsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void happyPath();
    void errorRows();
    void quickFilter_data();
    void quickFilter();
    void columnFilter_data();
    void columnFilter();
    void eventSubset();
    void sorting_data();
    void sorting();
    void jsonTree();
    void jsonTreeScalars();
    void detailsView();
    void selectEvent();
    void selectEvents();
    void columnFilterRow();
    void focusFilter();
    void screenshots_data();
    void screenshots();
    void millionEvents();
};

void tst_EventsModel::initTestCase()
{
    QVERIFY2(QFile::exists(fixture(kHappyFile)), "fixtures missing");
    QApplication::setStyle(QStringLiteral("Fusion"));
}

void tst_EventsModel::happyPath()
{
    EventsModel model;
    QAbstractItemModelTester modelTester(&model);
    EventsFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy);
    proxy.setSourceModel(&model);

    const RunPtr run = RunLines::fromFixture(kHappyFile, kHappyRun).build();
    QVERIFY(run);
    model.setRun(run);
    QCOMPARE(model.rowCount(), 57);
    QCOMPARE(proxy.rowCount(), 57);
    QCOMPARE(model.columnCount(), int(EventsModel::ColumnCount));

    const int embedEnd = eventIndex(*run, QStringLiteral("step.end"), QStringLiteral("embed.vllm"));
    QVERIFY(embedEnd >= 0);
    QCOMPARE(model.index(embedEnd, EventsModel::DurationColumn).data().toString(), QStringLiteral("12 ms"));
    QCOMPARE(model.index(embedEnd, EventsModel::DurationColumn).data(EventsModel::SortRole).toDouble(), 12.0);
    QCOMPARE(model.index(embedEnd, EventsModel::NameColumn).data(EventsModel::EventIndexRole).toInt(), embedEnd);
    QCOMPARE(model.index(embedEnd, EventsModel::LocationColumn).data().toString(),
        QStringLiteral("test.jsonl:%1").arg(embedEnd + 1));

    QCOMPARE(model.index(0, EventsModel::OffsetColumn).data().toString(), QStringLiteral("+0.000 ms"));
    QCOMPARE(model.index(0, EventsModel::DurationColumn).data().toString(), QString()); // no duration_ms
    QCOMPARE(model.index(0, EventsModel::DurationColumn).data(EventsModel::SortRole).toDouble(), -1.0);
    QCOMPARE(model.index(0, EventsModel::TypeColumn).data().toString(), QStringLiteral("step.start"));
    QCOMPARE(model.index(0, EventsModel::StatusColumn).data().toString(), QStringLiteral("ok"));
    QVERIFY(model.index(0, EventsModel::StatusColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(model.index(0, EventsModel::TypeColumn).data(Qt::ForegroundRole).isNull());

    // ts 1795560451.826363: local date-time with the microseconds QDateTime cannot hold.
    const QString time = model.index(0, EventsModel::TimeColumn).data().toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}$"))
                 .match(time)
                 .hasMatch(),
        qPrintable(time));
    QCOMPARE(time,
        QDateTime::fromSecsSinceEpoch(1795560451).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
            + QStringLiteral(".826363"));
    QCOMPARE(model.index(0, EventsModel::TimeColumn).data(EventsModel::SortRole).toDouble(), run->events[0].ts);

    const double lastOffset = run->offsetMs(run->events.back().ts);
    QCOMPARE(model.index(56, EventsModel::OffsetColumn).data().toString(),
        QStringLiteral("+%1 ms").arg(lastOffset, 0, 'f', 3));
    QCOMPARE(model.index(56, EventsModel::OffsetColumn).data(EventsModel::SortRole).toDouble(), lastOffset);
    QCOMPARE(EventsModel::formatOffset(-1.5), QStringLiteral("-1.500 ms"));
    QCOMPARE(model.headerData(EventsModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Message"));

    // A second run resets both models; the testers check the signals.
    model.setRun(RunLines::fromFixture(kSparseFile, kSparseRun).build());
    QCOMPARE(proxy.rowCount(), 53);
    model.setRun(nullptr);
    QCOMPARE(proxy.rowCount(), 0);
}

void tst_EventsModel::errorRows()
{
    EventsModel model;
    QAbstractItemModelTester modelTester(&model);
    const RunPtr run = RunLines::fromFixture(kErrorFile, kErrorRun).build();
    model.setRun(run);

    const int embedEnd = eventIndex(*run, QStringLiteral("step.end"), QStringLiteral("embed.vllm"));
    const int errorLine = eventIndex(*run, QStringLiteral("error"), QStringLiteral("embed.vllm"));
    QVERIFY(embedEnd >= 0 && errorLine >= 0);

    const QModelIndex status = model.index(embedEnd, EventsModel::StatusColumn);
    QCOMPARE(status.data().toString(), QStringLiteral("error"));
    QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(status.data(Qt::ForegroundRole).value<QColor>().isValid());
    QCOMPARE(model.index(embedEnd, EventsModel::MessageColumn).data(Qt::ToolTipRole).toString(),
        run->events[size_t(embedEnd)].message);
    QCOMPARE(model.index(embedEnd, EventsModel::DurationColumn).data().toString(), QStringLiteral("30 ms"));

    // The error-type line says "ok" in its status: coloured, with "error" in its type column.
    QCOMPARE(model.index(errorLine, EventsModel::StatusColumn).data().toString(), QStringLiteral("ok"));
    QVERIFY(model.index(errorLine, EventsModel::StatusColumn).data(Qt::DecorationRole).isNull());
    QVERIFY(model.index(errorLine, EventsModel::TypeColumn).data(Qt::ForegroundRole).value<QColor>().isValid());
    QVERIFY(model.index(0, EventsModel::MessageColumn).data(Qt::ToolTipRole).isNull()); // no message

    // A multi-line message shows its first line and the whole of it in the tooltip.
    RunLines lines = RunLines::fromFixture(kErrorFile, kErrorRun);
    lines.objects[embedEnd].insert(QStringLiteral("message"), QStringLiteral("first line\r\nsecond line"));
    lines.objects[0].insert(QStringLiteral("status"), QStringLiteral("noop"));
    model.setRun(lines.build());
    QCOMPARE(model.index(embedEnd, EventsModel::MessageColumn).data().toString(), QStringLiteral("first line"));
    QCOMPARE(model.index(embedEnd, EventsModel::TimeColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("first line\r\nsecond line"));
    QVERIFY(!model.index(0, EventsModel::StatusColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(model.index(0, EventsModel::StatusColumn).data(Qt::ForegroundRole).isNull());
}

void tst_EventsModel::quickFilter_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("run");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");

    const int errorLines = countLines(kErrorFile, kErrorRun, isErrorLine);
    QCOMPARE(errorLines, 5); // four status errors and the error-type line (fixtures README)
    QTest::addRow("error: exactly the error lines") << kErrorFile << kErrorRun << QStringLiteral("error") << errorLines;
    QTest::addRow("ERROR: case-insensitive") << kErrorFile << kErrorRun << QStringLiteral("ERROR") << errorLines;
    QTest::addRow("503: in the message") << kErrorFile << kErrorRun << QStringLiteral("503")
                                         << countLines(kErrorFile, kErrorRun, [](const QJsonObject& line) {
                                                return str(line, "message").contains(QLatin1String("503"));
                                            });
    QTest::addRow("two words: each must match")
        << kErrorFile << kErrorRun << QStringLiteral("  step.end   error ")
        << countLines(kErrorFile, kErrorRun, [](const QJsonObject& line) {
               return str(line, "type") == QLatin1String("step.end") && isErrorLine(line);
           });
    QTest::addRow("name: search.faiss") << kHappyFile << kHappyRun << QStringLiteral("search.faiss")
                                        << countLines(kHappyFile, kHappyRun, [](const QJsonObject& line) {
                                               return str(line, "name") == QLatin1String("search.faiss");
                                           });
    QTest::addRow("no match") << kHappyFile << kHappyRun << QStringLiteral("no-such-text") << 0;
    QTest::addRow("blank: everything") << kHappyFile << kHappyRun << QStringLiteral("   ") << 57;
}

void tst_EventsModel::quickFilter()
{
    QFETCH(QString, file);
    QFETCH(QString, run);
    QFETCH(QString, text);
    QFETCH(int, expected);

    EventsModel model;
    QAbstractItemModelTester modelTester(&model);
    EventsFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy);
    proxy.setSourceModel(&model);
    const RunPtr runPtr = RunLines::fromFixture(file, run).build();
    model.setRun(runPtr);

    proxy.setQuickFilter(text);
    QCOMPARE(proxy.rowCount(), expected);
    if (text.trimmed().compare(QLatin1String("error"), Qt::CaseInsensitive) == 0) {
        for (int event : proxyEvents(proxy))
            QVERIFY(EventsModel::isErrorLine(runPtr->events[size_t(event)]));
    }
    proxy.setQuickFilter(QString());
    QCOMPARE(proxy.rowCount(), int(runPtr->events.size()));
}

void tst_EventsModel::columnFilter_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("run");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column2");
    QTest::addColumn<QString>("text2");
    QTest::addColumn<int>("expected");

    const auto typeContainsChannel = [](const QJsonObject& line) {
        return str(line, "type").contains(QLatin1String("channel"), Qt::CaseInsensitive);
    };
    // Substring match: the two "channel" lines plus "hybrid.channels.collected".
    QTest::addRow("type contains channel")
        << kSparseFile << kSparseRun << int(EventsModel::TypeColumn) << QStringLiteral("channel") << -1 << QString()
        << countLines(kSparseFile, kSparseRun, typeContainsChannel);
    QTest::addRow("type channel and name skip: the two channel skips")
        << kSparseFile << kSparseRun << int(EventsModel::TypeColumn) << QStringLiteral("channel")
        << int(EventsModel::NameColumn) << QStringLiteral("SKIP") << 2;
    QTest::addRow("status error") << kErrorFile << kErrorRun << int(EventsModel::StatusColumn)
                                  << QStringLiteral("error") << -1 << QString()
                                  << countLines(kErrorFile, kErrorRun, [](const QJsonObject& line) {
                                         return str(line, "status") == QLatin1String("error");
                                     });
    QTest::addRow("duration display text")
        << kHappyFile << kHappyRun << int(EventsModel::DurationColumn) << QStringLiteral("12 ms") << -1 << QString()
        << countLines(kHappyFile, kHappyRun, [](const QJsonObject& line) {
               return line.value(QLatin1String("attrs")).toObject().value(QLatin1String("duration_ms")).toDouble()
                   == 12.0;
           });
    QTest::addRow("location line") << kErrorFile << kErrorRun << int(EventsModel::LocationColumn)
                                   << QStringLiteral(".jsonl:10") << -1 << QString() << 1;
    QTest::addRow("no match") << kHappyFile << kHappyRun << int(EventsModel::NameColumn) << QStringLiteral("nothing")
                              << -1 << QString() << 0;
}

void tst_EventsModel::columnFilter()
{
    QFETCH(QString, file);
    QFETCH(QString, run);
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(int, column2);
    QFETCH(QString, text2);
    QFETCH(int, expected);

    EventsModel model;
    QAbstractItemModelTester modelTester(&model);
    EventsFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy);
    proxy.setSourceModel(&model);
    model.setRun(RunLines::fromFixture(file, run).build());
    const int total = model.rowCount();

    proxy.setColumnFilter(column, text);
    if (column2 >= 0)
        proxy.setColumnFilter(column2, text2);
    QCOMPARE(proxy.rowCount(), expected);
    QCOMPARE(proxy.columnFilter(column), text);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QVERIFY(proxy.index(row, column).data().toString().contains(text, Qt::CaseInsensitive));

    proxy.setColumnFilter(column, QString());
    QVERIFY(proxy.rowCount() >= expected);
    proxy.clearColumnFilters();
    QCOMPARE(proxy.rowCount(), total);
}

void tst_EventsModel::eventSubset()
{
    EventsModel model;
    QAbstractItemModelTester modelTester(&model);
    EventsFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy);
    proxy.setSourceModel(&model);
    model.setRun(RunLines::fromFixture(kHappyFile, kHappyRun).build());

    // Unsorted, repeated and out-of-range indexes are tolerated.
    proxy.setEventSubset({ 28, 5, 14, 5, 99999, -3 });
    QVERIFY(proxy.hasEventSubset());
    QCOMPARE(proxyEvents(proxy), (QList<int> { 5, 14, 28 }));

    proxy.setQuickFilter(QStringLiteral("step.start"));
    QCOMPARE(proxyEvents(proxy), QList<int> { 14 });
    proxy.setQuickFilter(QString());

    proxy.setEventSubset({});
    QVERIFY(!proxy.hasEventSubset());
    QCOMPARE(proxy.rowCount(), 57);
}

void tst_EventsModel::sorting_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");

    QTest::addRow("offset ascending") << int(EventsModel::OffsetColumn) << Qt::AscendingOrder;
    QTest::addRow("offset descending") << int(EventsModel::OffsetColumn) << Qt::DescendingOrder;
    QTest::addRow("time descending") << int(EventsModel::TimeColumn) << Qt::DescendingOrder;
    QTest::addRow("duration ascending") << int(EventsModel::DurationColumn) << Qt::AscendingOrder;
    QTest::addRow("duration descending") << int(EventsModel::DurationColumn) << Qt::DescendingOrder;
    QTest::addRow("type ascending") << int(EventsModel::TypeColumn) << Qt::AscendingOrder;
}

void tst_EventsModel::sorting()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);

    EventsModel model;
    QAbstractItemModelTester modelTester(&model);
    EventsFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy);
    proxy.setSourceModel(&model);
    model.setRun(RunLines::fromFixture(kHappyFile, kHappyRun).build());

    proxy.sort(column, order);
    QCOMPARE(proxy.rowCount(), 57);
    for (int row = 1; row < proxy.rowCount(); ++row) {
        const QVariant before = proxy.index(row - 1, column).data(EventsModel::SortRole);
        const QVariant after = proxy.index(row, column).data(EventsModel::SortRole);
        const int comparison = before.typeId() == QMetaType::QString
            ? before.toString().compare(after.toString(), Qt::CaseInsensitive)
            : (before.toDouble() < after.toDouble()        ? -1
                    : before.toDouble() > after.toDouble() ? 1
                                                           : 0);
        QVERIFY2(order == Qt::AscendingOrder ? comparison <= 0 : comparison >= 0, qPrintable(QString::number(row)));
    }
    if (column == EventsModel::OffsetColumn) {
        const int first = proxy.index(0, column).data(EventsModel::EventIndexRole).toInt();
        QCOMPARE(first, order == Qt::AscendingOrder ? 0 : 56);
        QCOMPARE(proxy.index(0, column).data().toString(),
            order == Qt::AscendingOrder ? QStringLiteral("+0.000 ms") : model.index(56, column).data().toString());
    }

    // Sorting survives a filter change, and column -1 gives back the file order.
    proxy.setQuickFilter(QStringLiteral("step"));
    QVERIFY(proxy.rowCount() > 0);
    proxy.setQuickFilter(QString());
    proxy.sort(-1);
    QCOMPARE(proxy.index(0, 0).data(EventsModel::EventIndexRole).toInt(), 0);
    QCOMPARE(proxy.index(56, 0).data(EventsModel::EventIndexRole).toInt(), 56);
}

void tst_EventsModel::jsonTree()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model);

    const QByteArray text = R"({
        "a.b.c": 1,
        "nested": {"list": [7, "x", true, null, {"deep": 2.5}], "empty": {}},
        "retrieval.channel_depths": "{\"bm25\": 300, \"semantic\": 200, \"splade\": 120}",
        "retrieval.channels_used": " [\"semantic\", \"bm25\"]",
        "broken": "{not json",
        "text": "line1\nline2"
    })";
    const QJsonObject object = QJsonDocument::fromJson(text).object();
    QCOMPARE(object.size(), 6);
    model.setJson(object);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), int(JsonTreeModel::ColumnCount));
    QCOMPARE(model.headerData(JsonTreeModel::TypeColumn, Qt::Horizontal).toString(), QStringLiteral("Type"));

    // A dotted key stays one key.
    const QModelIndex dotted = childByKey(model, {}, QStringLiteral("a.b.c"));
    QVERIFY(dotted.isValid());
    QCOMPARE(model.rowCount(dotted), 0);
    QCOMPARE(cell(dotted, JsonTreeModel::ValueColumn), QStringLiteral("1"));
    QCOMPARE(cell(dotted, JsonTreeModel::TypeColumn), QStringLiteral("number"));
    QVERIFY(!childByKey(model, {}, QStringLiteral("a")).isValid());

    const QModelIndex nested = childByKey(model, {}, QStringLiteral("nested"));
    QCOMPARE(model.rowCount(nested), 2);
    QCOMPARE(cell(nested, JsonTreeModel::TypeColumn), QStringLiteral("object"));
    QCOMPARE(cell(nested, JsonTreeModel::ValueColumn), counted("%n key(s)", 2));
    const QModelIndex list = childByKey(model, nested, QStringLiteral("list"));
    QCOMPARE(list.parent(), nested);
    QCOMPARE(model.rowCount(list), 5);
    QCOMPARE(cell(list, JsonTreeModel::ValueColumn), counted("%n item(s)", 5));
    QCOMPARE(cell(list, JsonTreeModel::TypeColumn), QStringLiteral("array"));
    const QStringList values = { QStringLiteral("7"), QStringLiteral("\"x\""), QStringLiteral("true"),
        QStringLiteral("null"), counted("%n key(s)", 1) };
    const QStringList types = { QStringLiteral("number"), QStringLiteral("string"), QStringLiteral("bool"),
        QStringLiteral("null"), QStringLiteral("object") };
    for (int row = 0; row < 5; ++row) {
        const QModelIndex item = model.index(row, JsonTreeModel::KeyColumn, list);
        QCOMPARE(item.data().toString(), QStringLiteral("[%1]").arg(row));
        QCOMPARE(item.data(JsonTreeModel::SortRole).toInt(), row);
        QCOMPARE(item.parent(), list);
        QCOMPARE(cell(item, JsonTreeModel::ValueColumn), values[row]);
        QCOMPARE(cell(item, JsonTreeModel::TypeColumn), types[row]);
    }
    const QModelIndex deep = childByKey(model, model.index(4, 0, list), QStringLiteral("deep"));
    QCOMPARE(cell(deep, JsonTreeModel::ValueColumn), QStringLiteral("2.5"));
    QCOMPARE(deep.parent().parent().parent(), nested);
    QCOMPARE(model.rowCount(childByKey(model, nested, QStringLiteral("empty"))), 0);

    // JSON text in a string: shown raw, with a "parsed" child when it parses.
    const QModelIndex depths = childByKey(model, {}, QStringLiteral("retrieval.channel_depths"));
    QCOMPARE(cell(depths, JsonTreeModel::ValueColumn),
        QStringLiteral("\"{\"bm25\": 300, \"semantic\": 200, \"splade\": 120}\""));
    QCOMPARE(cell(depths, JsonTreeModel::TypeColumn), QStringLiteral("string (JSON)"));
    QCOMPARE(model.rowCount(depths), 1);
    const QModelIndex parsed = model.index(0, JsonTreeModel::KeyColumn, depths);
    QCOMPARE(parsed.data().toString(), QStringLiteral("parsed"));
    QVERIFY(parsed.data(JsonTreeModel::IsParsedRole).toBool());
    QCOMPARE(parsed.parent(), depths);
    QCOMPARE(model.rowCount(parsed), 3);
    QCOMPARE(
        cell(childByKey(model, parsed, QStringLiteral("splade")), JsonTreeModel::ValueColumn), QStringLiteral("120"));
    QCOMPARE(childByKey(model, parsed, QStringLiteral("bm25")).data(JsonTreeModel::JsonValueRole).toJsonValue(),
        QJsonValue(300));

    const QModelIndex used = childByKey(model, {}, QStringLiteral("retrieval.channels_used"));
    QCOMPARE(model.rowCount(model.index(0, 0, used)), 2);
    QCOMPARE(model.rowCount(childByKey(model, {}, QStringLiteral("broken"))), 0);
    QCOMPARE(
        cell(childByKey(model, {}, QStringLiteral("broken")), JsonTreeModel::TypeColumn), QStringLiteral("string"));
    const QModelIndex multiLine = childByKey(model, {}, QStringLiteral("text"));
    QCOMPARE(cell(multiLine, JsonTreeModel::ValueColumn), QStringLiteral("\"line1\\nline2\""));
    QCOMPARE(multiLine.siblingAtColumn(JsonTreeModel::ValueColumn).data(Qt::ToolTipRole).toString(),
        QStringLiteral("line1\nline2"));

    // NaN and infinities (spec 2.3) as the line has them, not as "nan" or "inf".
    model.setJson(parseAttrs(R"({"ts":1,"type":"t","name":"n","status":"ok","session_id":"s","run_id":"r",)"
                             R"("attrs":{"a":NaN,"b":Infinity,"c":-Infinity,"d":"NaN"}})"));
    const QStringList nonFinite = { QStringLiteral("NaN"), QStringLiteral("Infinity"), QStringLiteral("-Infinity"),
        QStringLiteral("\"NaN\"") };
    for (int row = 0; row < 4; ++row) {
        const QModelIndex item = model.index(row, JsonTreeModel::KeyColumn);
        QCOMPARE(cell(item, JsonTreeModel::ValueColumn), nonFinite[row]);
        QCOMPARE(cell(item, JsonTreeModel::TypeColumn), row < 3 ? QStringLiteral("number") : QStringLiteral("string"));
    }

    // Real attrs: the gather step's channel depths.
    const RunPtr run = RunLines::fromFixture(kHappyFile, kHappyRun).build();
    const int gather = eventIndex(*run, QStringLiteral("step.start"), QStringLiteral("retrieval.gather_channels"));
    model.setJson(run->attrs(gather));
    const QModelIndex realDepths = childByKey(model, {}, QStringLiteral("retrieval.channel_depths"));
    QVERIFY(realDepths.isValid());
    QCOMPARE(model.rowCount(model.index(0, 0, realDepths)), 3);
}

void tst_EventsModel::jsonTreeScalars()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model);

    model.setJson(QJsonArray { 1, QStringLiteral("two") });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("\"two\""));

    model.setJson(QJsonValue(1795560451.826363));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("1795560451.826363"));
    QCOMPARE(model.index(0, JsonTreeModel::ValueColumn).data(JsonTreeModel::SortRole).toDouble(), 1795560451.826363);

    model.setJson(QJsonValue::Null);
    QCOMPARE(model.index(0, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("null"));

    model.setJson(QJsonValue::Undefined);
    QCOMPARE(model.rowCount(), 0);
}

void tst_EventsModel::detailsView()
{
    EventDetailsView view;
    auto* search = view.findChild<QSortFilterProxyModel*>(QStringLiteral("attrsSearchProxy"));
    QVERIFY(search);
    QAbstractItemModelTester searchTester(search);
    QAbstractItemModelTester treeTester(search->sourceModel());
    auto* raw = view.findChild<QPlainTextEdit*>(QStringLiteral("rawLine"));
    auto* searchEdit = view.findChild<QLineEdit*>(QStringLiteral("attrsSearch"));
    QVERIFY(raw && searchEdit);
    QVERIFY(raw->isReadOnly());
    QCOMPARE(raw->font(), QFontDatabase::systemFont(QFontDatabase::FixedFont));

    const RunPtr run = RunLines::fromFixture(kHappyFile, kHappyRun).build();
    view.setRun(run);
    QCOMPARE(view.event(), -1);
    const int gather = eventIndex(*run, QStringLiteral("step.start"), QStringLiteral("retrieval.gather_channels"));
    view.setEvent(gather);
    QCOMPARE(view.event(), gather);
    QCOMPARE(search->rowCount(), run->attrs(gather).size());

    // Pretty-printed; the same JSON as the raw line.
    const QString pretty = raw->toPlainText();
    QVERIFY(pretty.startsWith(QLatin1String("{\n  \"")));
    QCOMPARE(pretty, EventDetailsView::prettyJson(run->rawLine(gather)));
    QCOMPARE(QJsonDocument::fromJson(pretty.toUtf8()), QJsonDocument::fromJson(run->rawLine(gather)));
    // The writer's key order and number spelling stay (QJsonDocument would sort "ts" after "attrs").
    QCOMPARE(EventDetailsView::prettyJson(R"({"ts":1795560451.847904,"type":"x","attrs":{"b":[],"a":{}}})"),
        QStringLiteral("{\n  \"ts\": 1795560451.847904,\n  \"type\": \"x\",\n  \"attrs\": {\n"
                       "    \"b\": [],\n    \"a\": {}\n  }\n}"));
    QCOMPARE(EventDetailsView::prettyJson("not json"), QStringLiteral("not json"));

    // The message in full above the attrs, said to be an error when the line is one; none: no line for it.
    auto* message = view.findChild<QLabel*>(QStringLiteral("eventMessage"));
    QVERIFY(message && message->isHidden());
    const RunPtr failed = RunLines::fromFixture(kErrorFile, kErrorRun).build();
    view.setRun(failed);
    view.setEvent(eventIndex(*failed, QStringLiteral("step.end"), QStringLiteral("embed.vllm")));
    QVERIFY(!message->isHidden());
    QCOMPARE(message->text(),
        QStringLiteral("Error: vLLM HTTP 503 Service Unavailable from http://127.0.0.1:8001/v1/embeddings"));
    view.setEvent(eventIndex(*failed, QStringLiteral("step.start"), QStringLiteral("embed.vllm")));
    QVERIFY(message->isHidden());
    view.setRun(run);
    view.setEvent(gather);

    // The search keeps matching nodes with their ancestors, and a matching node keeps its members.
    searchEdit->setText(QStringLiteral("top_K"));
    QCOMPARE(search->rowCount(), 1);
    QCOMPARE(search->index(0, JsonTreeModel::KeyColumn).data().toString(), QStringLiteral("retrieval.top_k"));
    searchEdit->setText(QStringLiteral("splade"));
    const QModelIndex depths = childByKey(*search, {}, QStringLiteral("retrieval.channel_depths"));
    QVERIFY(depths.isValid());
    QCOMPARE(search->rowCount(), 1);
    QCOMPARE(search->rowCount(search->index(0, 0, depths)), 3);
    searchEdit->setText(QStringLiteral("no-such-attribute"));
    QCOMPARE(search->rowCount(), 0);
    searchEdit->clear();
    QCOMPARE(search->rowCount(), run->attrs(gather).size());

    view.setEvent(-1);
    QCOMPARE(search->rowCount(), 0);
    QVERIFY(raw->toPlainText().isEmpty());
    view.setEvent(57); // out of range
    QCOMPARE(view.event(), -1);
}

void tst_EventsModel::selectEvent()
{
    EventsView view;
    auto* table = view.findChild<QTableView*>(QStringLiteral("eventsTable"));
    QVERIFY(table);
    QAbstractItemModelTester proxyTester(table->model());
    QCOMPARE(view.findChild<QLineEdit*>(QStringLiteral("quickFilter"))->placeholderText(),
        QStringLiteral("Filter events (type, name, status, message)"));
    QVERIFY(table->verticalHeader()->isHidden());
    QVERIFY(table->horizontalHeader()->stretchLastSection());
    QVERIFY(table->isSortingEnabled());
    // The wall-clock time is hidden at first (the offset places an event); the header's menu shows it.
    QVERIFY(table->isColumnHidden(EventsModel::TimeColumn));
    auto* showTime = table->horizontalHeader()->findChild<QAction*>(QStringLiteral("showColumn0"));
    QVERIFY(showTime && !showTime->isChecked());
    showTime->trigger();
    QVERIFY(!table->isColumnHidden(EventsModel::TimeColumn));
    showTime->trigger();
    QVERIFY(table->isColumnHidden(EventsModel::TimeColumn));

    const RunPtr run = RunLines::fromFixture(kHappyFile, kHappyRun).build();
    view.setRun(run);
    QCOMPARE(view.run(), run);
    view.resize(1100, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(table->model()->rowCount(), 57);
    QCOMPARE(view.currentEvent(), -1);

    const int target = 50;
    QModelIndex targetIndex = table->model()->index(target, EventsModel::OffsetColumn);
    QVERIFY(!table->viewport()->rect().intersects(table->visualRect(targetIndex))); // below the fold

    QSignalSpy spy(&view, &EventsView::eventSelected);
    view.selectEvent(target);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), target);
    QCOMPARE(view.currentEvent(), target);
    targetIndex = table->currentIndex();
    QCOMPARE(targetIndex.data(EventsModel::EventIndexRole).toInt(), target);
    QVERIFY(table->selectionModel()->isRowSelected(targetIndex.row()));
    QVERIFY(table->viewport()->rect().contains(table->visualRect(targetIndex)));
    QCOMPARE(view.findChild<EventDetailsView*>()->event(), target);

    // An event hidden by the quick filter: the filter goes, the event is selected.
    auto* quickFilter = view.findChild<QLineEdit*>(QStringLiteral("quickFilter"));
    quickFilter->setText(QStringLiteral("no-such-text"));
    QCOMPARE(table->model()->rowCount(), 0);
    view.selectEvent(3);
    QVERIFY(quickFilter->text().isEmpty());
    QCOMPARE(view.currentEvent(), 3);
    QCOMPARE(spy.last().at(0).toInt(), 3);

    // Out of range: nothing changes.
    view.selectEvent(57);
    QCOMPARE(view.currentEvent(), 3);

    // Sorted descending, the same event is still found.
    table->sortByColumn(EventsModel::OffsetColumn, Qt::DescendingOrder);
    view.selectEvent(0);
    QCOMPARE(table->currentIndex().row(), 56);
    QVERIFY(table->viewport()->rect().contains(table->visualRect(table->currentIndex())));
}

void tst_EventsModel::selectEvents()
{
    EventsView view;
    auto* table = view.findChild<QTableView*>(QStringLiteral("eventsTable"));
    QAbstractItemModelTester proxyTester(table->model());
    const RunPtr run = RunLines::fromFixture(kHappyFile, kHappyRun).build();
    view.setRun(run);
    view.resize(1100, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* bar = view.findChild<QWidget*>(QStringLiteral("subsetBar"));
    QVERIFY(bar && !bar->isVisible());

    QSignalSpy spy(&view, &EventsView::eventSelected);
    view.selectEvents({ 52, 14, 28 });
    QCOMPARE(table->model()->rowCount(), 3);
    QVERIFY(bar->isVisible());
    QVERIFY(bar->findChild<QLabel*>()->text().contains(QLatin1String("3")));
    QCOMPARE(view.currentEvent(), 52); // the first of the list
    QCOMPARE(spy.last().at(0).toInt(), 52);
    QVERIFY(table->viewport()->rect().contains(table->visualRect(table->currentIndex())));

    auto* showAll = view.findChild<QPushButton*>(QStringLiteral("showAllButton"));
    QTest::mouseClick(showAll, Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QCOMPARE(table->model()->rowCount(), 57);
    QCOMPARE(view.currentEvent(), 52);
    QVERIFY(table->viewport()->rect().contains(table->visualRect(table->currentIndex())));

    // selectEvent clears a subset; so does an empty list and a new run.
    view.selectEvents({ 1, 2 });
    view.selectEvent(40);
    QVERIFY(!bar->isVisible());
    QCOMPARE(table->model()->rowCount(), 57);
    view.selectEvents({ 1, 2 });
    view.selectEvents({});
    QVERIFY(!bar->isVisible());
    view.selectEvents({ 1, 2 });
    view.setRun(RunLines::fromFixture(kErrorFile, kErrorRun).build());
    QVERIFY(!bar->isVisible());
    QCOMPARE(table->model()->rowCount(), 10);
    QCOMPARE(view.currentEvent(), -1);
}

void tst_EventsModel::columnFilterRow()
{
    EventsView view;
    auto* table = view.findChild<QTableView*>(QStringLiteral("eventsTable"));
    view.setRun(RunLines::fromFixture(kSparseFile, kSparseRun).build());
    view.resize(1100, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    auto* row = view.findChild<QWidget*>(QStringLiteral("columnFilterRow"));
    auto* toggle = view.findChild<QToolButton*>(QStringLiteral("columnFiltersButton"));
    QVERIFY(row && toggle && !row->isVisible());
    toggle->click();
    QVERIFY(row->isVisible());
    const QList<QLineEdit*> edits = row->findChildren<QLineEdit*>(Qt::FindDirectChildrenOnly);
    QCOMPARE(edits.size(), int(EventsModel::ColumnCount));

    QLineEdit* typeEdit = edits[EventsModel::TypeColumn];
    QCOMPARE(typeEdit->accessibleName(), QStringLiteral("Filter Type"));
    // Each field sits over its column.
    const QHeaderView* header = table->horizontalHeader();
    QCOMPARE(typeEdit->width(), header->sectionSize(EventsModel::TypeColumn));
    QCOMPARE(typeEdit->mapTo(&view, QPoint(0, 0)).x(),
        header->mapTo(&view, QPoint(header->sectionViewportPosition(EventsModel::TypeColumn), 0)).x());

    typeEdit->setText(QStringLiteral("channel"));
    edits[EventsModel::NameColumn]->setText(QStringLiteral("skip"));
    QCOMPARE(table->model()->rowCount(), 2);
    // Hidden fields stop filtering and keep their text.
    toggle->click();
    QCOMPARE(table->model()->rowCount(), 53);
    toggle->click();
    QCOMPARE(table->model()->rowCount(), 2);
    edits[EventsModel::NameColumn]->clear();
    typeEdit->clear();
    QCOMPARE(table->model()->rowCount(), 53);
}

void tst_EventsModel::focusFilter()
{
    EventsView view;
    view.show();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    auto* quickFilter = view.findChild<QLineEdit*>(QStringLiteral("quickFilter"));
    quickFilter->setText(QStringLiteral("embed"));
    view.focusFilter();
    QVERIFY(quickFilter->hasFocus());
    QCOMPARE(quickFilter->selectedText(), QStringLiteral("embed"));
}

void tst_EventsModel::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addRow("light") << false;
    QTest::addRow("dark") << true;
}

void tst_EventsModel::screenshots()
{
    QFETCH(bool, dark);
    const QPalette original = QApplication::palette();
    if (dark)
        QApplication::setPalette(darkPalette()); // the error colour follows the application palette
    const auto restore = qScopeGuard([&original] { QApplication::setPalette(original); });

    EventsView view;
    const RunPtr run = RunLines::fromFixture(kErrorFile, kErrorRun).build();
    view.setRun(run);
    view.resize(1400, 520);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.findChild<QToolButton*>(QStringLiteral("columnFiltersButton"))->click();
    view.selectEvent(eventIndex(*run, QStringLiteral("step.end"), QStringLiteral("embed.vllm")));

    const QString suffix = dark ? QStringLiteral("dark") : QStringLiteral("light");
    const QString directory = QCoreApplication::applicationDirPath();
    const QImage full = view.grab().toImage();
    QVERIFY(!full.isNull());
    QVERIFY(full.save(directory + QStringLiteral("/tst_eventsmodel_%1.png").arg(suffix)));

    view.selectEvents({ eventIndex(*run, QStringLiteral("error"), QStringLiteral("embed.vllm")), 4, 5 });
    const QImage subset = view.grab().toImage();
    QVERIFY(!subset.isNull());
    QVERIFY(subset.save(directory + QStringLiteral("/tst_eventsmodel_subset_%1.png").arg(suffix)));
}

void tst_EventsModel::millionEvents()
{
    // Built by hand: a million lines of text would only slow the test down. The strings come from
    // small pools, so the events share them like parsed lines share their repeated values.
    constexpr int kCount = 1000000;
    const QStringList types = { QStringLiteral("step.start"), QStringLiteral("step.end"), QStringLiteral("decision"),
        QStringLiteral("channel"), QStringLiteral("http.request") };
    const QStringList names = { QStringLiteral("search.faiss"), QStringLiteral("search.bm25"),
        QStringLiteral("retrieval.fuse"), QStringLiteral("hydrate.duckdb") };
    const QString ok = QStringLiteral("ok");
    const QString error = QStringLiteral("error");
    const QString ordinary = QStringLiteral("fetched 120 rows from the catalog");
    const QString needle = QStringLiteral("vLLM HTTP 503 Service Unavailable");
    auto big = std::make_shared<Run>();
    big->events.resize(kCount);
    int needles = 0;
    int channels = 0;
    for (int i = 0; i < kCount; ++i) {
        Event& e = big->events[size_t(i)];
        e.ts = 1795560000.0 + i * 1e-4;
        e.type = types[i % types.size()];
        e.name = names[i % names.size()];
        e.status = i % 1000 == 999 ? error : ok;
        e.message = i % 997 == 0 ? needle : (i % 3 == 0 ? ordinary : QString());
        e.durationMs = i % 2 ? double(i % 250) : NAN;
        needles += i % 997 == 0;
        channels += e.type == QLatin1String("channel");
    }
    big->startedAt = big->events.front().ts;
    const RunPtr run = big;

    // No model testers here: they would check a million rows and time themselves.
    EventsModel model;
    EventsFilterProxy proxy;
    proxy.setSourceModel(&model);
    QElapsedTimer timer;

    timer.start();
    model.setRun(run);
    QCOMPARE(proxy.rowCount(), kCount);
    qInfo("1M events: setRun %lld ms", timer.elapsed());

    timer.restart();
    proxy.setQuickFilter(QStringLiteral("503"));
    QCOMPARE(proxy.rowCount(), needles);
    qInfo("1M events: quick filter \"503\" %lld ms (%d rows)", timer.elapsed(), needles);

    timer.restart();
    proxy.setQuickFilter(QStringLiteral("error"));
    QCOMPARE(proxy.rowCount(), kCount / 1000);
    qInfo("1M events: quick filter \"error\" %lld ms", timer.elapsed());

    timer.restart();
    proxy.setQuickFilter(QString());
    QCOMPARE(proxy.rowCount(), kCount);
    qInfo("1M events: clearing the quick filter %lld ms", timer.elapsed());

    timer.restart();
    proxy.setColumnFilter(EventsModel::TypeColumn, QStringLiteral("channel"));
    QCOMPARE(proxy.rowCount(), channels);
    qInfo("1M events: column filter on Type %lld ms", timer.elapsed());
    proxy.clearColumnFilters();

    timer.restart();
    proxy.sort(EventsModel::DurationColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, EventsModel::DurationColumn).data().toString(), QStringLiteral("249 ms"));
    qInfo("1M events: sorting by Duration %lld ms", timer.elapsed());

    EventsView view;
    view.resize(1100, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    timer.restart();
    view.setRun(run);
    view.selectEvent(kCount - 1);
    QCoreApplication::processEvents();
    QCOMPARE(view.currentEvent(), kCount - 1);
    qInfo("1M events: EventsView setRun, select and scroll to the last event %lld ms", timer.elapsed());
}

QTEST_MAIN(tst_EventsModel)
#include "tst_eventsmodel.moc"
