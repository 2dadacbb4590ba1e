#include "app/store/crossingrepository.h"
#include "app/store/permitrepository.h"
#include "app/store/personrepository.h"
#include "app/store/visarepository.h"
#include "storetest_p.h"

using namespace Kiosk;
using namespace Kiosk::Store;
using StoreTest::passport;

namespace {
const QDate kBirth(1985, 4, 12);
// The recording side's clock: dates a person created.
const QDateTime kNow(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

qint64 recordEntryExit(Database &db, const TravelDocument &doc, QDate entry, QDate exit)
{
    auto rec = PersonRepository(db).findOrCreate(doc, kNow);
    if (!rec)
        qFatal("findOrCreate: %s", qPrintable(rec.error().message));
    CrossingRepository crossings(db);
    CrossingRecord r;
    r.personId = rec->personId;
    r.documentId = rec->documentId;
    r.crossing = Crossing{Direction::Entry, entry, QStringLiteral("GYD")};
    if (!crossings.record(r))
        qFatal("record entry failed");
    r.crossing = Crossing{Direction::Exit, exit, QStringLiteral("GYD")};
    if (!crossings.record(r))
        qFatal("record exit failed");
    return rec->personId;
}
} // namespace

class TestPersonRepository : public QObject
{
    Q_OBJECT
private slots:
    void historyByDocument();
    void historyFollowsPersonToNewPassport_data();
    void historyFollowsPersonToNewPassport();
    void possibleSamePersonNeverMerged_data();
    void possibleSamePersonNeverMerged();
    void namesakeIsNotFlagged();
    void unknownTravellerHasNoHistory();
    void documentNumberFillerIgnored();
    void incompleteDocumentNotRecorded();
    void visasAndPermitsFollowPerson();
    void visaForPicksValidThenLapsed();
    void duplicateEventIdRejected();
    void createdAtIsTheCallersTime();
};

void TestPersonRepository::historyByDocument()
{
    StoreTest::TempDb db;
    const auto doc = passport("RUS", "751234567", "RUS", "IVANOVA", "ANNA", kBirth);
    const qint64 id = recordEntryExit(*db, doc, QDate(2025, 12, 1), QDate(2025, 12, 20));
    recordEntryExit(*db, doc, QDate(2026, 1, 5), QDate(2026, 1, 6));

    auto match = PersonRepository(*db).find(doc);
    QVERIFY(match.has_value());
    QCOMPARE(match->by, PersonMatch::By::Document);
    QCOMPARE(match->personId, std::optional<qint64>(id));
    QVERIFY(!match->possibleSamePerson());
    auto history = CrossingRepository(*db).history(id);
    QVERIFY(history.has_value());
    QCOMPARE(history->size(), 4);
    QCOMPARE(history->at(0).direction, Direction::Entry);
    QCOMPARE(history->at(0).date, QDate(2025, 12, 1));
    QCOMPARE(history->at(3).date, QDate(2026, 1, 6));
    QCOMPARE(history->at(3).direction, Direction::Exit);
}

void TestPersonRepository::historyFollowsPersonToNewPassport_data()
{
    QTest::addColumn<QString>("newSurname");
    QTest::addColumn<QString>("newGiven");
    QTest::newRow("same names, new passport number") << QStringLiteral("IVANOVA") << QStringLiteral("ANNA");
    QTest::newRow("MRZ filler in names") << QStringLiteral("IVANOVA<") << QStringLiteral("ANNA<<");
    QTest::newRow("patronymic added on new passport") << QStringLiteral("IVANOVA") << QStringLiteral("ANNA SERGEEVNA");
    QTest::newRow("transliteration: Cyrillic on register") << QStringLiteral("Иванова") << QStringLiteral("Анна");
}

void TestPersonRepository::historyFollowsPersonToNewPassport()
{
    QFETCH(QString, newSurname);
    QFETCH(QString, newGiven);
    StoreTest::TempDb db;
    const qint64 id = recordEntryExit(*db, passport("RUS", "751234567", "RUS", "IVANOVA", "ANNA", kBirth),
                                      QDate(2025, 12, 1), QDate(2025, 12, 20));
    auto renewed = passport("RUS", "769999999", "RUS", "", "", kBirth);
    renewed.surname = newSurname;
    renewed.givenNames = newGiven;

    auto match = PersonRepository(*db).find(renewed);
    QVERIFY(match.has_value());
    QCOMPARE(match->by, PersonMatch::By::Identity);
    QCOMPARE(match->personId, std::optional<qint64>(id));
    QVERIFY(!match->documentId.has_value());
    QVERIFY(!match->possibleSamePerson());

    // Recording on the new passport adds the document to the same person.
    auto rec = PersonRepository(*db).findOrCreate(renewed, kNow);
    QVERIFY(rec.has_value());
    QCOMPARE(rec->personId, id);
    QVERIFY(!rec->createdPerson);
    auto again = PersonRepository(*db).find(renewed);
    QCOMPARE(again->by, PersonMatch::By::Document);
    QCOMPARE(CrossingRepository(*db).history(id)->size(), 2);
}

void TestPersonRepository::possibleSamePersonNeverMerged_data()
{
    QTest::addColumn<QString>("nationality");
    QTest::addColumn<QDate>("birth");
    QTest::newRow("new nationality, same birth date") << QStringLiteral("KAZ") << kBirth;
    QTest::newRow("same nationality, birth date differs") << QStringLiteral("RUS") << QDate(1985, 12, 4);
    QTest::newRow("same nationality, birth date unknown") << QStringLiteral("RUS") << QDate();
}

void TestPersonRepository::possibleSamePersonNeverMerged()
{
    QFETCH(QString, nationality);
    QFETCH(QDate, birth);
    StoreTest::TempDb db;
    const qint64 id = recordEntryExit(*db, passport("RUS", "751234567", "RUS", "IVANOVA", "ANNA", kBirth),
                                      QDate(2025, 12, 1), QDate(2025, 12, 20));
    auto other = passport("KAZ", "N0001111", "RUS", "IVANOVA", "ANNA",
                          birth.isValid() ? std::optional<QDate>(birth) : std::nullopt);
    other.nationality = *CountryCode::fromString(nationality);

    auto match = PersonRepository(*db).find(other);
    QVERIFY(match.has_value());
    QVERIFY(!match->personId.has_value()); // not silently merged
    QCOMPARE(match->possibleSamePersons, QList<qint64>{id});

    // Recording creates a separate person; the old history stays with the old one.
    auto rec = PersonRepository(*db).findOrCreate(other, kNow);
    QVERIFY(rec.has_value());
    QVERIFY(rec->createdPerson);
    QVERIFY(rec->personId != id);
    QCOMPARE(CrossingRepository(*db).history(rec->personId)->size(), 0);
}

void TestPersonRepository::namesakeIsNotFlagged()
{
    StoreTest::TempDb db;
    recordEntryExit(*db, passport("RUS", "751234567", "RUS", "IVANOVA", "ANNA", kBirth), QDate(2025, 12, 1),
                    QDate(2025, 12, 20));
    // Same names, other nationality AND other birth date: a namesake.
    auto match = PersonRepository(*db).find(passport("UKR", "FA123456", "UKR", "IVANOVA", "ANNA", QDate(1990, 1, 1)));
    QVERIFY(match.has_value());
    QVERIFY(!match->personId.has_value());
    QVERIFY(!match->possibleSamePerson());
    // Same nationality and birth date but other names: another person.
    auto other = PersonRepository(*db).find(passport("RUS", "750000001", "RUS", "PETROVA", "OLGA", kBirth));
    QVERIFY(!other->personId.has_value());
    QVERIFY(!other->possibleSamePerson());
}

void TestPersonRepository::unknownTravellerHasNoHistory()
{
    StoreTest::TempDb db;
    auto match = PersonRepository(*db).find(passport("GEO", "13AB45678", "GEO", "BERIDZE", "NINO", kBirth));
    QVERIFY(match.has_value());
    QCOMPARE(match->by, PersonMatch::By::None);
    QVERIFY(!match->personId.has_value());
}

void TestPersonRepository::documentNumberFillerIgnored()
{
    StoreTest::TempDb db;
    const qint64 id = recordEntryExit(*db, passport("D", "C01X00T47", "D", "MUSTERFRAU", "ERIKA", kBirth),
                                      QDate(2025, 1, 1), QDate(2025, 1, 2));
    auto match = PersonRepository(*db).find(passport("D", "c01x00t47<", "D", "MUSTERFRAU", "ERIKA", kBirth));
    QCOMPARE(match->by, PersonMatch::By::Document);
    QCOMPARE(match->personId, std::optional<qint64>(id));
}

void TestPersonRepository::incompleteDocumentNotRecorded()
{
    StoreTest::TempDb db;
    auto rec = PersonRepository(*db).findOrCreate(passport("RUS", "", "RUS", "IVANOVA", "ANNA", kBirth), kNow);
    QVERIFY(!rec.has_value());
    QCOMPARE(rec.error().code, QStringLiteral("STORE_BAD_DOCUMENT"));
}

void TestPersonRepository::visasAndPermitsFollowPerson()
{
    StoreTest::TempDb db;
    const auto old = passport("IND", "Z1234567", "IND", "SHARMA", "RAVI", kBirth);
    auto rec = PersonRepository(*db).findOrCreate(old, kNow);
    QVERIFY(rec.has_value());
    Visa v{QDate(2026, 2, 1), QDate(2026, 4, 30), 30, 1, QStringLiteral("V123"), QString()};
    QVERIFY(VisaRepository(*db).add(rec->personId, rec->documentId, v).has_value());
    Permit p{PermitKind::TemporaryResidence, QDate(2025, 6, 1), QDate(2026, 5, 31), QStringLiteral("TR-1")};
    QVERIFY(PermitRepository(*db).add(rec->personId, p).has_value());

    auto renewed = PersonRepository(*db).find(passport("IND", "Z7654321", "IND", "SHARMA", "RAVI", kBirth));
    QCOMPARE(renewed->personId, std::optional<qint64>(rec->personId));
    auto visas = VisaRepository(*db).visasOf(*renewed->personId);
    QCOMPARE(visas->size(), 1);
    v.source = QStringLiteral("register");
    QCOMPARE(visas->first(), v);
    auto permits = PermitRepository(*db).permitsOf(*renewed->personId);
    QCOMPARE(*permits, QList<Permit>{p});

    // Validity that runs backwards is refused, not stored.
    Permit bad{PermitKind::Work, QDate(2026, 1, 2), QDate(2026, 1, 1), QString()};
    QCOMPARE(PermitRepository(*db).add(rec->personId, bad).error().code, QStringLiteral("STORE_BAD_PERMIT"));
}

void TestPersonRepository::visaForPicksValidThenLapsed()
{
    const Visa a{QDate(2025, 1, 1), QDate(2025, 3, 1), 30, 1, QStringLiteral("A"), QString()};
    const Visa b{QDate(2026, 1, 1), QDate(2026, 3, 1), 30, 1, QStringLiteral("B"), QString()};
    QCOMPARE(VisaRepository::visaFor({a, b}, QDate(2026, 2, 1))->number, QStringLiteral("B"));
    QCOMPARE(VisaRepository::visaFor({a, b}, QDate(2025, 6, 1))->number, QStringLiteral("A")); // lapsed: overstay
    QCOMPARE(VisaRepository::visaFor({a, b}, QDate(2026, 3, 2))->number, QStringLiteral("B"));
    QVERIFY(!VisaRepository::visaFor({a, b}, QDate(2024, 6, 1)).has_value());
}

void TestPersonRepository::duplicateEventIdRejected()
{
    StoreTest::TempDb db;
    auto rec = PersonRepository(*db).findOrCreate(passport("GEO", "13AB45678", "GEO", "BERIDZE", "NINO", kBirth), kNow);
    CrossingRecord r;
    r.personId = rec->personId;
    r.crossing = Crossing{Direction::Entry, QDate(2026, 3, 1), QStringLiteral("KRM")};
    r.eventId = QStringLiteral("evt-1");
    r.kioskId = QStringLiteral("kiosk-7");
    QVERIFY(CrossingRepository(*db).record(r).has_value());
    auto dup = CrossingRepository(*db).record(r);
    QVERIFY(!dup.has_value());
    QCOMPARE(dup.error().code, QStringLiteral("STORE_QUERY_FAILED"));
    QCOMPARE(CrossingRepository(*db).history(rec->personId)->size(), 1);
}

// A person is dated by the time the caller gives, never by SQLite's clock.
void TestPersonRepository::createdAtIsTheCallersTime()
{
    StoreTest::TempDb db;
    auto rec = PersonRepository(*db).findOrCreate(passport("GEO", "13AB45678", "GEO", "BERIDZE", "NINO", kBirth), kNow);
    QVERIFY(rec && rec->createdPerson);
    auto q = (*db).exec(QStringLiteral("SELECT created_at FROM persons WHERE id = ?"), {rec->personId});
    QVERIFY(q && (*q)->next());
    QCOMPARE((*q)->value(0).toString(), QStringLiteral("2026-03-01T09:00:00Z"));
    (*q)->finish();
}

QTEST_GUILESS_MAIN(TestPersonRepository)
#include "tst_personrepository.moc"
