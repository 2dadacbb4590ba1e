// `kioskctl log verify` through the real binary over the event format versions 1 and 2
// (sync/eventlog/event.h):
// a kiosk's database holding format-1 events, format-2 events, or both in one chain (a kiosk
// upgraded mid-life) verifies; an edited event in a mixed chain is still found.
#include "app/crypto/sha256.h"
#include "app/store/database.h"
#include "app/store/eventrepository.h"
#include "sync/client/crossingrecorder.h"
#include "tests/unit/eventlog/eventfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk;

class TstLogVerify : public QObject
{
    Q_OBJECT
private slots:
    void verifiesEveryFormatVersion_data();
    void verifiesEveryFormatVersion();
};

void TstLogVerify::verifiesEveryFormatVersion_data()
{
    QTest::addColumn<int>("v1Count");
    QTest::addColumn<int>("v2Count");
    QTest::addColumn<int>("tamperSequence"); // 0: intact
    QTest::addColumn<int>("exitCode");
    QTest::newRow("v1 only: a database from before the upgrade") << 6 << 0 << 0 << 0;
    QTest::newRow("v2 only: a kiosk installed after it") << 0 << 6 << 0 << 0;
    QTest::newRow("v1 then v2: an upgraded kiosk") << 4 << 5 << 0 << 0;
    QTest::newRow("v1 then v2, the v2 override's reason edited") << 4 << 5 << 6 << 1;
}

void TstLogVerify::verifiesEveryFormatVersion()
{
    QFETCH(int, v1Count);
    QFETCH(int, v2Count);
    QFETCH(int, tamperSequence);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto key = Crypto::Ed25519PrivateKey::generate();
    QVERIFY(key);
    QFile pem(dir.filePath(QStringLiteral("kiosk.pub")));
    QVERIFY(pem.open(QIODevice::WriteOnly) && pem.write(key->publicKey().toPem()) > 0);
    pem.close();
    const EventLog::EventSigner signer(std::move(*key));
    const QString dbPath = dir.filePath(QStringLiteral("kiosk.db"));
    {
        auto db = Store::Database::open(dbPath);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        Store::EventRepository events(*db);
        for (EventLog::SignedEvent e : EventLog::Test::signMixedChain(signer, v1Count, v2Count)) {
            if (e.event.sequence == tamperSequence) { // the v2 override (every third event) of the mixed rows
                QVERIFY(e.bytes.contains("Fine paid"));
                e.bytes.replace("Fine paid", "Fine waived");
            }
            QVERIFY(events.append(Store::StoredEvent{e.event.sequence, e.event.id, e.event.kioskId, e.bytes, e.signature,
                                                     Crypto::sha256(e.bytes), e.event.recordedAt.toUTC(),
                                                     Kiosk::Sync::crossingDocumentOf(e.event)}));
            // Each crossing event's row, as the recorder writes it: log verify checks them too.
            QVERIFY(Kiosk::Sync::recordRemoteCrossing(*db, e.event, e.event.recordedAt));
        }
    }
    QProcess p;
    p.start(QStringLiteral(KIOSKCTL_PATH), {QStringLiteral("log"), QStringLiteral("verify"), QStringLiteral("--db"), dbPath,
                                            QStringLiteral("--public-key"), pem.fileName()});
    QVERIFY(p.waitForFinished(30000));
    const QByteArray err = p.readAllStandardError();
    const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput().trimmed()).object();
    QVERIFY2(p.exitCode() == exitCode, err.constData());
    if (exitCode == 0) {
        QCOMPARE(out.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(out.value(QStringLiteral("verified")).toInteger(), v1Count + v2Count);
        QCOMPARE(out.value(QStringLiteral("crossings")).toObject().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(out.value(QStringLiteral("file")).toObject().value(QStringLiteral("ok")).toBool(), true);
    } else {
        const QJsonObject brk = out.value(QStringLiteral("firstBreak")).toObject();
        QCOMPARE(brk.value(QStringLiteral("code")).toString(), QStringLiteral("EVENT_SIGNATURE_INVALID"));
        QCOMPARE(out.value(QStringLiteral("verified")).toInteger(), tamperSequence - 1);
    }
}

QTEST_GUILESS_MAIN(TstLogVerify)
#include "tst_logverify.moc"
