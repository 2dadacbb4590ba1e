// What a round of the sync loop leaves behind, against the real central service in-process
// over TLS on loopback (tests/support/loopbackcentral.h): the working set pruned once a local
// day, and the status saying what is wrong now.
#include "tests/unit/syncclient/syncloopfixture.h"

#include "tests/unit/syncclient/syntheticpassport.h"

#include <QTest>
#include <QTimeZone>

#include <atomic>

using namespace Kiosk;
using namespace Kiosk::Test;

class TstSyncLoopRound : public SyncLoopFixture
{
    Q_OBJECT
private slots:
    void roundPrunesPulledCrossingsOncePerDay();
    void roundErrorIsWhatIsWrongNow();
};

// The working set (app/store/workingset.h) after a round: a kiosk with a 180-day policy
// window pulls another checkpoint's crossings and keeps only those a check from today on reads
// (the recent completed stay and the open one); the old completed stay goes with its signed
// events. Once a local day: a second round that day prunes nothing more even when there is more
// to prune, a round after the day changed prunes again.
void TstSyncLoopRound::roundPrunesPulledCrossingsOncePerDay()
{
    const quint16 port = freePort();
    QVERIFY(port);
    auto other = makeKiosk(QStringLiteral("KIOSK-PRUNE-A"), port, {});
    m_workingSetDays = 180;
    auto kiosk = makeKiosk(QStringLiteral("KIOSK-PRUNE-B"), port, {});
    QVERIFY(other && kiosk);
    QCOMPARE(startCentral({other.get(), kiosk.get()}, port), port);

    const QTimeZone baku(4 * 3600);
    const QDate today = kiosk->clock->now().toTimeZone(baku).date();
    // Three travellers (names and birth dates differ, so no two are taken for one person).
    const auto record = [&](const char *number, Direction direction, int daysAgo) {
        const int n = QByteArray(number).right(1).toInt();
        auto r = other->recorder->record(Sync::Decision{
            Test::syntheticPassport(u"RUS", QString::fromLatin1(number), QStringLiteral("TESTOVA%1").arg(QChar(u'A' + n)), QStringLiteral("ANNA"),
                                    QDate(1960 + 10 * n, 1, 1), QDate(2035, 1, 1)),
            direction, QDateTime(today.addDays(-daysAgo), QTime(10, 0), baku), QStringLiteral("OFF-7"), VerdictKind::Admit,
            {QStringLiteral("VISA_FREE")}, QStringLiteral("2026.1"), false, {}});
        return r.has_value();
    };
    QVERIFY(record("L00000001", Direction::Entry, 400)); // an old completed stay: goes
    QVERIFY(record("L00000001", Direction::Exit, 390));
    QVERIFY(record("L00000001", Direction::Entry, 100)); // a recent one: counted in the window
    QVERIFY(record("L00000001", Direction::Exit, 90));
    QVERIFY(record("L00000002", Direction::Entry, 500)); // an open stay: kept whatever its age
    auto pushed = other->client->runOnce();
    QVERIFY2(pushed.has_value(), pushed ? "" : qPrintable(pushed.error().message));
    QCOMPARE(pushed->stored, 5);

    const auto pulledRows = [&] {
        auto q = kiosk->db->exec(QStringLiteral("SELECT (SELECT count(*) FROM crossings WHERE source = 'central'), (SELECT count(*) FROM remote_events)"));
        if (!q || !(*q)->next())
            return QString();
        const QString out = QStringLiteral("%1 crossings, %2 events").arg((*q)->value(0).toInt()).arg((*q)->value(1).toInt());
        (*q)->finish();
        return out;
    };
    auto first = kiosk->client->runOnce();
    QVERIFY2(first.has_value(), first ? "" : qPrintable(first.error().message));
    QCOMPARE(first->pulled, 5);
    QCOMPARE(first->pruned, 2);
    QCOMPARE(pulledRows(), QStringLiteral("3 crossings, 3 events"));

    // More old history arrives the same day: kept until the next day's prune.
    QVERIFY(record("L00000003", Direction::Entry, 300));
    QVERIFY(record("L00000003", Direction::Exit, 299));
    QVERIFY(other->client->runOnce().has_value());
    auto second = kiosk->client->runOnce();
    QVERIFY(second.has_value());
    QCOMPARE(second->pulled, 2);
    QCOMPARE(second->pruned, 0);
    QCOMPARE(pulledRows(), QStringLiteral("5 crossings, 5 events"));

    // The last prune was yesterday (as a kiosk that ran past midnight finds it): prunes again.
    QVERIFY(kiosk->db->exec(QStringLiteral("UPDATE sync_state SET value = ? WHERE key = 'working_set_pruned'"),
                            {today.addDays(-1).toString(Qt::ISODate)}).has_value());
    auto third = kiosk->client->runOnce();
    QVERIFY(third.has_value());
    QCOMPARE(third->pruned, 2);
    QCOMPARE(pulledRows(), QStringLiteral("3 crossings, 3 events"));
    // The kiosk that recorded them keeps its own.
    auto own = other->db->exec(QStringLiteral("SELECT count(*) FROM crossings"));
    QVERIFY(own && (*own)->next());
    QCOMPARE((*own)->value(0).toInt(), 7);
}

// The status says what is wrong now (the status bar): a central side answering
// garbage is the round's error, SYNC_PROTOCOL naming the element, with online false; an honest
// round clears it (lastError keeps the last failure ever); a central side that is gone is
// SYNC_NETWORK.
void TstSyncLoopRound::roundErrorIsWhatIsWrongNow()
{
    const quint16 port = freePort();
    QVERIFY(port);
    auto kiosk = makeKiosk(QStringLiteral("KIOSK-LOOP-01"), port, {});
    QVERIFY(kiosk);
    QVERIFY(kiosk->record(2));
    std::atomic<bool> lying{true};
    m_central = std::make_unique<CentralThread>(centralUrl(), m_tls.filePath(QStringLiteral("ca.pem")), m_tls.filePath(QStringLiteral("tls.key")),
                                                      QList<Central::KioskRecord>{{kiosk->id, QStringLiteral("GYD"), kiosk->publicKey, false}}, port);
    m_central->setRewrite([&lying](const Central::HttpRequest &request, const Central::HttpResponse &) -> std::optional<Central::HttpResponse> {
        if (lying && request.path == QLatin1String("/v1/kiosks"))
            return Central::HttpResponse{200, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"};
        return std::nullopt;
    });
    QVERIFY2(m_central->startListening() == port, qPrintable(m_central->error()));

    QVERIFY(!kiosk->client->runOnce());
    auto st = kiosk->client->status();
    QVERIFY(st);
    QVERIFY(!st->online);
    QVERIFY(st->roundError);
    QCOMPARE(st->roundError->code, QStringLiteral("SYNC_PROTOCOL"));
    QVERIFY2(st->roundError->message.startsWith(QLatin1String("GET /v1/kiosks: not JSON")), qPrintable(st->roundError->message));
    QCOMPARE(st->pending, 0); // the push went through before the registry lied

    lying = false;
    QVERIFY(kiosk->client->runOnce());
    st = kiosk->client->status();
    QVERIFY(st);
    QVERIFY(st->online);
    QVERIFY2(!st->roundError, st->roundError ? qPrintable(st->roundError->code) : "");
    QVERIFY2(st->lastError.startsWith(QLatin1String("SYNC_PROTOCOL")), qPrintable(st->lastError));

    stopCentral();
    QVERIFY(!kiosk->client->runOnce());
    st = kiosk->client->status();
    QVERIFY(st);
    QVERIFY(!st->online);
    QVERIFY(st->roundError);
    QCOMPARE(st->roundError->code, QStringLiteral("SYNC_NETWORK"));
}

QTEST_GUILESS_MAIN(TstSyncLoopRound)
#include "tst_syncloopround.moc"
