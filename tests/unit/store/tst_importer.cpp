#include "app/store/checkrecords.h"
#include "app/store/importer.h"
#include "storetest_p.h"

#include <QFile>
#include <QSqlQuery>

using namespace Kiosk;
using namespace Kiosk::Store;
using StoreTest::passport;

namespace {
QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/import/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return f.readAll();
}

int count(Database &db, const QString &table)
{
    auto q = db.exec(QStringLiteral("SELECT count(*) FROM ") + table);
    if (!q || !(*q)->next())
        return -1;
    const int n = (*q)->value(0).toInt();
    (*q)->finish();
    return n;
}

ImportOptions optionsFor(const QString &file, ImportKind kind)
{
    ImportOptions o;
    o.kind = kind;
    o.format = file.endsWith(QLatin1String(".csv")) ? ImportFormat::Csv : ImportFormat::Json;
    o.source = file;
    return o;
}

using LineIndex = QPair<int, int>;
} // namespace

class TestImporter : public QObject
{
    Q_OBJECT
private slots:
    void files_data();
    void files();
    void goodFilesReachTheChecks();
    void replaceSwapsTheWholeList();
    void malformedFiles_data();
    void malformedFiles();
    void replaceOnlyForWatchlists();
};

void TestImporter::files_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ImportKind>("kind");
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("tableRows");           // rows in `table` afterwards
    QTest::addColumn<QList<LineIndex>>("rejected"); // (line, index) of each rejected record, in order

    QTest::newRow("good watchlist (json), exit restriction to its register")
        << "watchlist_good.json" << ImportKind::Watchlist << "watchlist_entries" << 5 << 4 << QList<LineIndex>{};
    QTest::newRow("good permits (csv): quoted comma, CRLF, blank line")
        << "permits_good.csv" << ImportKind::Permits << "permits" << 2 << 2 << QList<LineIndex>{};
    QTest::newRow("good visas (csv): one holder, two visas")
        << "visas_good.csv" << ImportKind::Visas << "visas" << 3 << 3 << QList<LineIndex>{};
    QTest::newRow("good crossings (json): new passport, same person")
        << "crossings_good.json" << ImportKind::Crossings << "crossings" << 3 << 3 << QList<LineIndex>{};

    QTest::newRow("bad watchlist (json): unknown kind, bad date, stolen without number")
        << "watchlist_bad.json" << ImportKind::Watchlist << "watchlist_entries" << 5 << 0
        << QList<LineIndex>{{4, 1}, {5, 2}, {7, 3}, {7, 3}};
    QTest::newRow("bad permits (csv): dates reversed, missing nationality, short row")
        << "permits_bad.csv" << ImportKind::Permits << "permits" << 5 << 0
        << QList<LineIndex>{{3, -1}, {5, -1}, {6, -1}};
    QTest::newRow("bad crossings (json): direction")
        << "crossings_bad.json" << ImportKind::Crossings << "crossings" << 2 << 0 << QList<LineIndex>{{5, 1}};
    QTest::newRow("database refuses a repeated list id: whole file rolled back")
        << "watchlist_duplicate_id.csv" << ImportKind::Watchlist << "watchlist_entries" << 3 << 0
        << QList<LineIndex>{{4, -1}};
    QTest::newRow("right file, wrong kind: permits read as visas")
        << "permits_good.csv" << ImportKind::Visas << "visas" << 0 << 0 << QList<LineIndex>{{-1, -1}};
}

void TestImporter::files()
{
    QFETCH(QString, file);
    QFETCH(ImportKind, kind);
    QFETCH(QString, table);
    QFETCH(int, rows);
    QFETCH(int, tableRows);
    QFETCH(QList<LineIndex>, rejected);
    StoreTest::TempDb db;
    auto report = importRecords(*db, readData(file), optionsFor(file, kind));
    if (rejected == QList<LineIndex>{{-1, -1}}) { // the file as a whole is refused
        QVERIFY(!report.has_value());
        QCOMPARE(report.error().code, QStringLiteral("IMPORT_BAD_FILE"));
        QVERIFY2(report.error().message.startsWith(QLatin1String("line 1:")), qPrintable(report.error().message));
        QCOMPARE(count(*db, table), 0);
        return;
    }
    QVERIFY2(report.has_value(), qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->rows, rows);
    QList<LineIndex> got;
    for (const auto &e : report->rejected) {
        got.append({e.line, e.index});
        QVERIFY(!e.message.isEmpty());
    }
    QCOMPARE(got, rejected);
    QCOMPARE(report->imported, rejected.isEmpty() ? rows : 0);
    // The dry run finds the same bad rows, except those only the database refuses.
    auto dry = validateImport(readData(file), optionsFor(file, kind));
    QVERIFY(dry.has_value());
    QCOMPARE(dry->imported, 0);
    QCOMPARE(dry->rows, rows);
    if (!file.contains(QLatin1String("duplicate")))
        QCOMPARE(dry->rejected.size(), rejected.size());
    QCOMPARE(count(*db, table), tableRows);
    // An import is logged only when it happened.
    QCOMPARE(count(*db, QStringLiteral("list_imports")), rejected.isEmpty() ? 1 : 0);
    if (!rejected.isEmpty()) { // nothing of a rejected file, anywhere
        QCOMPARE(count(*db, QStringLiteral("persons")), 0);
        QCOMPARE(count(*db, QStringLiteral("exit_restrictions")), 0);
    }
}

void TestImporter::goodFilesReachTheChecks()
{
    StoreTest::TempDb db;
    for (const auto &[file, kind] : {std::pair{"watchlist_good.json", ImportKind::Watchlist},
                                     std::pair{"crossings_good.json", ImportKind::Crossings},
                                     std::pair{"visas_good.csv", ImportKind::Visas},
                                     std::pair{"permits_good.csv", ImportKind::Permits}}) {
        auto r = importRecords(*db, readData(QLatin1String(file)), optionsFor(QLatin1String(file), kind));
        QVERIFY(r.has_value() && r->rejected.isEmpty());
    }
    QCOMPARE(count(*db, QStringLiteral("exit_restrictions")), 1);

    // The crossings on two passports are one person's history.
    auto anna = loadCheckRecords(*db, passport("RUS", "769999999", "RUS", "IVANOVA", "ANNA SERGEEVNA", QDate(1985, 4, 12)),
                                 QDate(2026, 3, 1));
    QVERIFY(anna.has_value());
    QCOMPARE(anna->history.size(), 3);
    QCOMPARE(anna->history.last().checkpoint, QStringLiteral("KRM"));
    // ... and the old passport is on the stolen list.
    auto old = loadCheckRecords(*db, passport("RUS", "751234567", "RUS", "IVANOVA", "ANNA", QDate(1985, 4, 12)),
                                QDate(2026, 3, 1));
    QCOMPARE(old->watchlistHits.size(), 1);
    QCOMPARE(old->watchlistHits.first().id, QStringLiteral("SLTD-77"));
    QVERIFY(old->watchlistImportedAt.has_value());

    auto ravi = loadCheckRecords(*db, passport("IND", "Z1234567", "IND", "SHARMA", "RAVI", QDate(1985, 4, 12)),
                                 QDate(2026, 3, 1));
    QCOMPARE(ravi->visas.size(), 2);
    QCOMPARE(ravi->visa->number, QStringLiteral("V-0001"));
    QCOMPARE(ravi->permits.size(), 1);
    QCOMPARE(ravi->permits.first().number, QStringLiteral("TR-2025-001, Baku"));
}

void TestImporter::replaceSwapsTheWholeList()
{
    StoreTest::TempDb db;
    auto o = optionsFor(QStringLiteral("watchlist_good.json"), ImportKind::Watchlist);
    QVERIFY(importRecords(*db, readData(QStringLiteral("watchlist_good.json")), o).has_value());
    // Importing the same list again without --replace repeats its ids: rejected, nothing changes.
    auto again = importRecords(*db, readData(QStringLiteral("watchlist_good.json")), o);
    QVERIFY(again.has_value());
    QCOMPARE(again->rejected.size(), 1);
    QCOMPARE(count(*db, QStringLiteral("watchlist_entries")), 4);
    o.replace = true;
    o.listVersion = QStringLiteral("2026-03");
    auto replaced = importRecords(*db, readData(QStringLiteral("watchlist_good.json")), o);
    QVERIFY(replaced.has_value() && replaced->rejected.isEmpty());
    QCOMPARE(count(*db, QStringLiteral("watchlist_entries")), 4);
    QCOMPARE(count(*db, QStringLiteral("exit_restrictions")), 1);
    QCOMPARE(count(*db, QStringLiteral("list_imports")), 2);
}

void TestImporter::malformedFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("csv");
    QTest::addColumn<QString>("where");
    QTest::newRow("json syntax error reports its line") << QByteArray("[\n{\"kind\": \"entry_ban\",\n\"id\": }\n]") << false
                                                        << "line 3:";
    QTest::newRow("json object instead of array") << QByteArray("{\"kind\": \"entry_ban\"}") << false << "line 1:";
    QTest::newRow("csv unknown column (typo)") << QByteArray("kind,id,surnme\nentry_ban,1,X\n") << true << "line 1:";
    QTest::newRow("csv unterminated quote") << QByteArray("kind,id,surname\nentry_ban,1,\"X\n") << true << "line 2:";
    QTest::newRow("empty csv") << QByteArray("") << true << "line 1:";
}

void TestImporter::malformedFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, csv);
    QFETCH(QString, where);
    StoreTest::TempDb db;
    ImportOptions o;
    o.kind = ImportKind::Watchlist;
    o.format = csv ? ImportFormat::Csv : ImportFormat::Json;
    auto r = importRecords(*db, bytes, o);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, QStringLiteral("IMPORT_BAD_FILE"));
    QVERIFY2(r.error().message.startsWith(where), qPrintable(r.error().message));
}

void TestImporter::replaceOnlyForWatchlists()
{
    StoreTest::TempDb db;
    auto o = optionsFor(QStringLiteral("visas_good.csv"), ImportKind::Visas);
    o.replace = true;
    auto r = importRecords(*db, readData(QStringLiteral("visas_good.csv")), o);
    QCOMPARE(r.error().code, QStringLiteral("IMPORT_BAD_OPTIONS"));
}

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
