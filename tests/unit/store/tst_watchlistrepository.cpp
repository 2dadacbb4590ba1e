#include "app/store/checkrecords.h"
#include "app/store/watchlistrepository.h"
#include "storetest_p.h"

#include <QSqlQuery>
#include <QTimeZone>

using namespace Kiosk;
using namespace Kiosk::Store;
using StoreTest::passport;

namespace {
const QDate kToday(2026, 3, 1);
// When the synthetic list was imported, on the importing side's clock.
const QDateTime kImportedAt(QDate(2026, 2, 27), QTime(8, 0), QTimeZone::utc());

WatchlistEntry person(WatchlistKind kind, const char *id, const char *surname, const char *given,
                      std::optional<QDate> birth, const char *nationality)
{
    WatchlistEntry e;
    e.kind = kind;
    e.id = QLatin1String(id);
    e.surname = QString::fromUtf8(surname);
    e.givenNames = QString::fromUtf8(given);
    e.birthDate = birth;
    if (nationality)
        e.nationality = CountryCode::fromString(QString::fromLatin1(nationality));
    e.basis = QStringLiteral("synthetic test list");
    return e;
}

WatchlistEntry document(const char *id, const char *state, const char *number)
{
    WatchlistEntry e;
    e.kind = WatchlistKind::StolenDocument;
    e.id = QLatin1String(id);
    e.issuingState = CountryCode::fromString(QString::fromLatin1(state));
    e.documentNumber = QLatin1String(number);
    return e;
}

// The synthetic list every row is checked against.
void fill(Database &db)
{
    WatchlistRepository repo(db);
    const QList<WatchlistEntry> entries{
        person(WatchlistKind::EntryBan, "ban-1", "DZHAFAROV", "VUGAR", QDate(1980, 1, 1), "AZE"),
        person(WatchlistKind::EntryBan, "ban-2", "KHALILOV", "RASHAD", QDate(1975, 6, 30), nullptr),
        person(WatchlistKind::Wanted, "wanted-1", "PETRENKO", "IURII", std::nullopt, "UKR"),
        person(WatchlistKind::ProtectedPerson, "prot-1", "Иванова", "Мария", QDate(2010, 2, 2), "RUS"),
        document("stolen-1", "RUS", "751234567"),
        document("stolen-2", "KAZ", "N 0001234"),
    };
    for (const auto &e : entries) {
        if (auto r = repo.add(e, kImportedAt, QStringLiteral("v1")); !r)
            qFatal("add: %s", qPrintable(r.error().message));
    }
    WatchlistEntry restriction = person(WatchlistKind::ExitRestriction, "exit-1", "MAMMADOV", "TURAL", QDate(1990, 5, 5), "AZE");
    restriction.basis = QStringLiteral("§236: open criminal proceedings");
    if (!repo.add(restriction, kImportedAt, {}, {QDate(2026, 1, 1), QDate(2026, 6, 30)}))
        qFatal("add exit restriction");
}
} // namespace

class TestWatchlistRepository : public QObject
{
    Q_OBJECT
private slots:
    void hits_data();
    void hits();
    void badEntriesRefused();
    void entriesDatedByTheCallersClock();
    void clearEmptiesBothRegisters();
    void checkRecordsCarryHitsAndFreshness();
};

void TestWatchlistRepository::hits_data()
{
    QTest::addColumn<TravelDocument>("traveller");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QStringList>("expected"); // entry ids

    const auto none = QStringList{};
    QTest::newRow("ban: exact names, birth date, nationality")
        << passport("AZE", "C01234567", "AZE", "DZHAFAROV", "VUGAR", QDate(1980, 1, 1)) << kToday << QStringList{"ban-1"};
    QTest::newRow("ban: transliteration JAFAROV for DZHAFAROV")
        << passport("AZE", "C01234567", "AZE", "JAFAROV", "VUGAR", QDate(1980, 1, 1)) << kToday << QStringList{"ban-1"};
    QTest::newRow("ban: native azerbaijani spelling Cəfərov Vüqar")
        << passport("AZE", "C01234567", "AZE", "Cəfərov", "Vüqar", QDate(1980, 1, 1)) << kToday << QStringList{"ban-1"};
    QTest::newRow("ban: MRZ filler in names")
        << passport("AZE", "C01234567", "AZE", "DZHAFAROV<<", "VUGAR<<<<", QDate(1980, 1, 1)) << kToday << QStringList{"ban-1"};
    QTest::newRow("ban: entry without nationality matches any nationality (HALILOV/KHALILOV)")
        << passport("TUR", "U1234567", "TUR", "HALILOV", "RASHAD", QDate(1975, 6, 30)) << kToday << QStringList{"ban-2"};
    QTest::newRow("wanted: entry without birth date found by surname, Y/I variant")
        << passport("UKR", "FA123456", "UKR", "PETRENKO", "YURIY", QDate(1970, 3, 3)) << kToday << QStringList{"wanted-1"};
    QTest::newRow("protected: cyrillic list entry vs ICAO MRZ")
        << passport("RUS", "760000001", "RUS", "IVANOVA", "MARIIA", QDate(2010, 2, 2)) << kToday << QStringList{"prot-1"};
    QTest::newRow("stolen: issuing state + number")
        << passport("RUS", "751234567", "RUS", "SIDOROV", "OLEG", QDate(1990, 1, 1)) << kToday << QStringList{"stolen-1"};
    QTest::newRow("stolen: number with filler and spaces normalised")
        << passport("KAZ", "N0001234<", "KAZ", "BEKOV", "NURLAN", QDate(1990, 1, 1)) << kToday << QStringList{"stolen-2"};
    QTest::newRow("exit restriction active on the date")
        << passport("AZE", "C07654321", "AZE", "MAMEDOV", "TURAL", QDate(1990, 5, 5)) << kToday << QStringList{"exit-1"};

    QTest::newRow("must not match: ban, other birth date")
        << passport("AZE", "C01234567", "AZE", "DZHAFAROV", "VUGAR", QDate(1980, 1, 2)) << kToday << none;
    QTest::newRow("must not match: ban, other nationality")
        << passport("GEO", "13AB45678", "GEO", "DZHAFAROV", "VUGAR", QDate(1980, 1, 1)) << kToday << none;
    QTest::newRow("must not match: ban, other given name")
        << passport("AZE", "C01234567", "AZE", "DZHAFAROV", "ELCHIN", QDate(1980, 1, 1)) << kToday << none;
    QTest::newRow("must not match: surname two letters apart (DZHAMALOV)")
        << passport("AZE", "C01234567", "AZE", "DZHAMALOV", "VUGAR", QDate(1980, 1, 1)) << kToday << none;
    QTest::newRow("must not match: stolen number under another issuing state")
        << passport("UKR", "751234567", "UKR", "SIDOROV", "OLEG", QDate(1990, 1, 1)) << kToday << none;
    QTest::newRow("must not match: wanted surname, other nationality")
        << passport("RUS", "751111111", "RUS", "PETRENKO", "YURIY", QDate(1970, 3, 3)) << kToday << none;
    QTest::newRow("must not match: exit restriction after it lapsed")
        << passport("AZE", "C07654321", "AZE", "MAMMADOV", "TURAL", QDate(1990, 5, 5)) << QDate(2026, 7, 1) << none;
}

void TestWatchlistRepository::hits()
{
    QFETCH(TravelDocument, traveller);
    QFETCH(QDate, date);
    QFETCH(QStringList, expected);
    StoreTest::TempDb db;
    fill(*db);
    auto hits = WatchlistRepository(*db).hitsFor(traveller, date);
    QVERIFY2(hits.has_value(), qPrintable(hits ? QString() : hits.error().message));
    QStringList ids;
    for (const auto &h : *hits)
        ids.append(h.id);
    QCOMPARE(ids, expected);
    if (expected == QStringList{QStringLiteral("exit-1")}) {
        QCOMPARE(hits->first().kind, WatchlistKind::ExitRestriction);
        QVERIFY(hits->first().basis.contains(QString::fromUtf8("§236")));
    }
}

void TestWatchlistRepository::badEntriesRefused()
{
    StoreTest::TempDb db;
    WatchlistRepository repo(*db);
    auto noId = repo.add(person(WatchlistKind::EntryBan, "", "X", "Y", std::nullopt, nullptr), kImportedAt);
    QCOMPARE(noId.error().code, QStringLiteral("STORE_BAD_WATCHLIST_ENTRY"));
    auto empty = repo.add(person(WatchlistKind::EntryBan, "e1", "<<", "", std::nullopt, nullptr), kImportedAt);
    QCOMPARE(empty.error().code, QStringLiteral("STORE_BAD_WATCHLIST_ENTRY"));
    WatchlistEntry stolenWithoutNumber = document("s1", "RUS", "");
    stolenWithoutNumber.surname = QStringLiteral("IVANOV");
    QCOMPARE(repo.add(stolenWithoutNumber, kImportedAt).error().code, QStringLiteral("STORE_BAD_WATCHLIST_ENTRY"));
    // The same list id twice within a kind is a database error (UNIQUE), not a silent overwrite.
    QVERIFY(repo.add(document("s2", "RUS", "1"), kImportedAt).has_value());
    QCOMPARE(repo.add(document("s2", "RUS", "2"), kImportedAt).error().code, QStringLiteral("STORE_QUERY_FAILED"));
}

// An entry is dated by the time it is given, never by SQLite's clock; without one it is refused.
void TestWatchlistRepository::entriesDatedByTheCallersClock()
{
    StoreTest::TempDb db;
    fill(*db);
    auto q = (*db).exec(QStringLiteral("SELECT DISTINCT imported_at FROM watchlist_entries"));
    QVERIFY(q);
    QVERIFY((*q)->next());
    QCOMPARE((*q)->value(0).toString(), QStringLiteral("2026-02-27T08:00:00Z"));
    QVERIFY(!(*q)->next());
    (*q)->finish();
    WatchlistRepository repo(*db);
    QCOMPARE(repo.add(document("s9", "RUS", "9"), QDateTime()).error().code, QStringLiteral("STORE_QUERY_FAILED"));
}

void TestWatchlistRepository::clearEmptiesBothRegisters()
{
    StoreTest::TempDb db;
    fill(*db);
    QVERIFY(WatchlistRepository(*db).clear().has_value());
    auto hits = WatchlistRepository(*db).hitsFor(
        passport("AZE", "C07654321", "AZE", "MAMMADOV", "TURAL", QDate(1990, 5, 5)), kToday);
    QVERIFY(hits->isEmpty());
}

void TestWatchlistRepository::checkRecordsCarryHitsAndFreshness()
{
    StoreTest::TempDb db;
    fill(*db);
    const auto traveller = passport("RUS", "751234567", "RUS", "SIDOROV", "OLEG", QDate(1990, 1, 1));
    auto before = loadCheckRecords(*db, traveller, kToday);
    QVERIFY(before.has_value());
    QVERIFY(!before->watchlistImportedAt.has_value()); // never imported: the rules see it stale
    QCOMPARE(before->watchlistHits.size(), 1);
    QVERIFY(!before->person.personId.has_value());
    QVERIFY(before->history.isEmpty());
    QVERIFY((*db).exec(QStringLiteral("INSERT INTO list_imports (kind, source, row_count, imported_at) "
                                      "VALUES ('watchlist', 'test', 7, '2026-02-27T08:00:00Z')"))
                .has_value());
    auto after = loadCheckRecords(*db, traveller, kToday);
    QCOMPARE(after->watchlistImportedAt, std::optional<QDateTime>(QDateTime(QDate(2026, 2, 27), QTime(8, 0), QTimeZone::utc())));
    QCOMPARE((*db).transactionDepth(), 0);
}

QTEST_GUILESS_MAIN(TestWatchlistRepository)
#include "tst_watchlistrepository.moc"
