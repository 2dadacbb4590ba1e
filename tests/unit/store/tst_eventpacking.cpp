// How the store keeps pulled events' signed bytes (app/store/eventpacking_p.h): packed to a
// fraction of their size, read back to exactly the signed bytes, and a damaged row never read
// back as some other bytes. And through the store: a pulled event read back by the history
// binding is the very bytes that were signed.
#include "storetest_p.h"

#include "app/store/crossingrepository.h"
#include "app/store/eventpacking_p.h"
#include "app/store/eventrepository.h"
#include "sync/client/crossingrecorder.h"
#include "sync/eventlog/event.h"

#include <QTimeZone>
#include <QUuid>

using namespace Kiosk;

namespace {

QByteArray canonical(const QString &surname, const QStringList &reasons, qint64 sequence)
{
    EventLog::Event e;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.kioskId = QStringLiteral("KIOSK-GYD-07");
    e.sequence = sequence;
    e.checkpoint = QStringLiteral("GYD");
    e.officer = QStringLiteral("OFF-12");
    e.document = Sync::documentIdentity(StoreTest::passport("TUR", "U12345678", "TUR", surname.toUtf8().constData(), "AYSE", QDate(1988, 4, 2)));
    e.verdict = QStringLiteral("ADMIT");
    e.reasons = reasons;
    e.policyVersion = QStringLiteral("2026.1");
    e.recordedAt = QDateTime(QDate(2026, 5, 1), QTime(9, 30), QTimeZone(4 * 3600));
    e.prevHash = QByteArray(32, '\x5a');
    return EventLog::canonicalBytes(e).value_or(QByteArray());
}

} // namespace

class TestEventPacking : public QObject
{
    Q_OBJECT
private slots:
    void roundTrips_data();
    void roundTrips();
    void damagedDataDoesNotUnpack_data();
    void damagedDataDoesNotUnpack();
    void bindingReadsTheSignedBytesBack();
};

void TestEventPacking::roundTrips_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("packed");
    QTest::newRow("a typical crossing event packs") << canonical(QStringLiteral("YILMAZ"), {QStringLiteral("VISA_FREE")}, 41) << true;
    QTest::newRow("non-ASCII names survive") << canonical(QStringLiteral("ÇELİK"), {QStringLiteral("VISA_FREE")}, 7) << true;
    QTest::newRow("an overstay exit packs") << canonical(QStringLiteral("DEMIR"), {QStringLiteral("OVERSTAY")}, 9'007'199'254'740'991) << true;
    QTest::newRow("empty bytes stay plain") << QByteArray() << false;
    QTest::newRow("random bytes stay plain (packing would not shrink them)") << QUuid::createUuid().toRfc4122() << false;
}

void TestEventPacking::roundTrips()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, packed);
    const Store::PackedEvent p = Store::packEventBytes(bytes);
    QCOMPARE(p.encoding == Store::EventEncoding::DeflateV1, packed);
    if (packed)
        QVERIFY2(p.data.size() * 2 < bytes.size(), qPrintable(QStringLiteral("%1 -> %2 bytes").arg(bytes.size()).arg(p.data.size())));
    QCOMPARE(Store::unpackEventBytes(p.data, static_cast<int>(p.encoding)), std::optional<QByteArray>(bytes));
}

void TestEventPacking::damagedDataDoesNotUnpack_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("encoding");
    const QByteArray good = Store::packEventBytes(canonical(QStringLiteral("KAYA"), {QStringLiteral("VISA_FREE")}, 3)).data;
    QTest::newRow("cut short") << good.left(good.size() / 2) << 1;
    QTest::newRow("one byte more after the stream") << good + QByteArray(1, '\0') << 1;
    QTest::newRow("not DEFLATE at all") << QByteArray("\xff\xff\xff\xff", 4) << 1;
    QTest::newRow("an encoding this program does not know") << good << 2;
}

void TestEventPacking::damagedDataDoesNotUnpack()
{
    QFETCH(QByteArray, data);
    QFETCH(int, encoding);
    QCOMPARE(Store::unpackEventBytes(data, encoding), std::nullopt);
}

void TestEventPacking::bindingReadsTheSignedBytesBack()
{
    StoreTest::TempDb t;
    QVERIFY(t.db);
    const QByteArray bytes = canonical(QStringLiteral("ARSLAN"), {QStringLiteral("VISA_FREE")}, 1);
    auto parsed = EventLog::parseEvent(bytes);
    QVERIFY(parsed.has_value());
    auto stored = Store::EventRepository(*t).storeRemote(Sync::remoteEventOf(EventLog::SignedEvent{bytes, QByteArray(64, 's'), *parsed}, 1));
    QVERIFY(stored && *stored);
    QVERIFY(Sync::recordRemoteCrossing(*t, *parsed, QDateTime(QDate(2026, 5, 2), QTime(0, 0), QTimeZone::utc())).has_value());
    // Stored packed, smaller than the signed bytes ...
    auto q = (*t).exec(QStringLiteral("SELECT encoding, length(bytes), local_date, keeps FROM remote_events"));
    QVERIFY(q && (*q)->next());
    QCOMPARE((*q)->value(0).toInt(), 1);
    QVERIFY((*q)->value(1).toInt() < bytes.size() / 2);
    QCOMPARE((*q)->value(2).toString(), QStringLiteral("2026-05-01"));
    QCOMPARE((*q)->value(3).toInt(), 0);
    (*q)->finish();
    // ... and read back by the history binding as exactly what was signed.
    auto all = Store::CrossingRepository(*t).allBound(0, 10);
    QVERIFY(all.has_value());
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->front().eventBytes, bytes);
    // A crossing row deleted: its event is found by document, unpacked.
    QVERIFY((*t).exec(QStringLiteral("DELETE FROM crossings")).has_value());
    auto unrecorded = Store::CrossingRepository(*t).allUnrecordedCrossingEvents();
    QVERIFY(unrecorded.has_value());
    QCOMPARE(*unrecorded, QList<QByteArray>{bytes});
}

QTEST_GUILESS_MAIN(TestEventPacking)
#include "tst_eventpacking.moc"
