// The kiosk identity a database is bound to (app/store/kioskidentity.h): its enrolment time
// is the caller's, never a clock the store reads.
#include "app/store/kioskidentity.h"
#include "storetest_p.h"

#include <QTimeZone>

using namespace Kiosk;
using namespace Kiosk::Store;

class TestKioskIdentity : public QObject
{
    Q_OBJECT
private slots:
    void bindKeepsTheCallersTime();
    void bindWithoutATimeIsRefused();
};

void TestKioskIdentity::bindKeepsTheCallersTime()
{
    StoreTest::TempDb db;
    // Not today, in a zone that is not UTC: stored as the same instant.
    const QDateTime enrolled(QDate(2026, 2, 3), QTime(4, 5, 6), QTimeZone(4 * 3600));
    QVERIFY(bindKioskIdentity(*db, KioskIdentity{QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"), QByteArray(32, '\1'), enrolled}));
    auto stored = readKioskIdentity(*db);
    QVERIFY(stored && *stored);
    QCOMPARE((*stored)->enrolledAt, enrolled);
    QCOMPARE((*stored)->enrolledAt.toUTC().time(), QTime(0, 5, 6));
}

void TestKioskIdentity::bindWithoutATimeIsRefused()
{
    StoreTest::TempDb db;
    auto bound = bindKioskIdentity(*db, KioskIdentity{QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"), QByteArray(32, '\1'), {}});
    QVERIFY(!bound);
    QCOMPARE(bound.error().code, QStringLiteral("STORE_BAD_IDENTITY"));
    auto stored = readKioskIdentity(*db);
    QVERIFY(stored && !*stored); // nothing bound
}

QTEST_GUILESS_MAIN(TestKioskIdentity)
#include "tst_kioskidentity.moc"
