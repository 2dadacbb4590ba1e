#include "tests/unit/syncclient/syncloopfixture.h"

#include "app/core/clock.h"
#include "sync/central/centraldatabase.h"
#include "tests/unit/syncclient/syntheticpassport.h"

#include <QTcpServer>
#include <QTest>
#include <QTimeZone>

namespace Kiosk::Test {

namespace {

// Where each kiosk's ManualClock starts. The in-process central side checks the requests'
// signed timestamps against its system clock (±300 s, requestauth.h), so the kiosks' time
// starts two minutes before the real instant, in whole seconds (as the store keeps instants):
// far enough for a date taken from the wall clock instead to show, near enough to be accepted.
// It then moves only by what a test advances (seconds) and nothing asserted depends on the
// real time.
QDateTime clockStart()
{
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 120, QTimeZone::utc());
}

} // namespace

qint64 dueInMs(const ManualClock &clock)
{
    const auto due = clock.nextDue();
    return due ? due->count() : -1;
}

QDateTime wholeSeconds(const QDateTime &t)
{
    return QDateTime::fromSecsSinceEpoch(t.toSecsSinceEpoch(), QTimeZone::utc());
}

Result<void> TestKiosk::record(int count)
{
    const QDateTime at(QDate(2026, 11, 20), QTime(10, 0), QTimeZone(4 * 3600));
    for (int i = 0; i < count; ++i, ++next) {
        auto r = recorder->record(Sync::Decision{
            syntheticPassport(u"RUS", QStringLiteral("L%1").arg(next, 8, 10, QLatin1Char('0')), QStringLiteral("TESTOVA"),
                              QStringLiteral("ANNA"), QDate(1990, 1, 1), QDate(2035, 1, 1)),
            Direction::Entry, at.addSecs(next), QStringLiteral("OFF-7"), VerdictKind::Admit, {QStringLiteral("VISA_FREE")},
            QStringLiteral("2026.1"), false, {}});
        if (!r)
            return std::unexpected(r.error());
    }
    return {};
}

QDateTime TestKiosk::lastAttemptAt()
{
    auto q = db->exec(QStringLiteral("SELECT max(last_attempt_at) FROM outbox"));
    if (!q || !(*q)->next())
        return {};
    const QDateTime at = QDateTime::fromString((*q)->value(0).toString(), Qt::ISODate);
    (*q)->finish();
    return at;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void SyncLoopFixture::initTestCase()
{
    QVERIFY(m_tls.isValid());
    const QString made = makeLoopbackTls(m_tls.filePath(QStringLiteral("tls.key")), m_tls.filePath(QStringLiteral("ca.pem")));
    QVERIFY2(made.isEmpty(), qPrintable(made));
}

void SyncLoopFixture::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void SyncLoopFixture::cleanup()
{
    m_central.reset();
    m_dir.reset();
    m_workingSetDays = 0;
}

std::unique_ptr<TestKiosk> SyncLoopFixture::makeKiosk(const QString &id, quint16 port, Sync::BackoffPolicy backoff, std::chrono::milliseconds interval)
{
    auto k = std::make_unique<TestKiosk>();
    k->id = id;
    auto db = Store::Database::open(path(id + QStringLiteral(".db")));
    if (!db) {
        qWarning("kiosk database: %s", qPrintable(db.error().message));
        return nullptr;
    }
    k->db = std::make_unique<Store::Database>(std::move(*db));
    auto key = Crypto::Ed25519PrivateKey::generate();
    if (!key)
        return nullptr;
    k->publicKey = key->publicKey().raw();
    auto requestKey = Crypto::Ed25519PrivateKey::fromPem(key->toPem()); // requests are signed too
    if (!requestKey)
        return nullptr;
    k->signer = std::make_unique<EventLog::EventSigner>(std::move(*key));
    k->clock = std::make_unique<ManualClock>(clockStart());
    k->recorder = std::make_unique<Sync::CrossingRecorder>(*k->db, *k->signer, id, QStringLiteral("GYD"));
    Sync::SyncSettings s;
    s.central = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
    s.caFile = m_tls.filePath(QStringLiteral("ca.pem"));
    s.ownKioskId = id;
    s.requestKey = std::make_shared<const Crypto::Ed25519PrivateKey>(std::move(*requestKey));
    s.checkpoint = QStringLiteral("GYD");
    s.batchSize = 7; // a backlog goes in several batches: their order is part of what is checked
    s.requestTimeoutMs = 1500;
    s.interval = interval;
    s.backoff = backoff;
    s.workingSetDays = m_workingSetDays;
    auto client = Sync::SyncClient::create(*k->db, std::move(s), *k->clock, *k->clock);
    if (!client) {
        qWarning("sync client: %s", qPrintable(client.error().message));
        return nullptr;
    }
    k->client = std::move(*client);
    TestKiosk *raw = k.get();
    connect(k->client.get(), &Sync::SyncClient::statusChanged, k->client.get(), [raw](const Sync::SyncStatus &st) {
        raw->rounds << st;
        raw->roundAtMs << raw->clock->monotonicMs();
        raw->trace += u'R';
    });
    connect(k->client.get(), &Sync::SyncClient::nextRoundScheduled, k->client.get(), [raw](qint64 ms) {
        raw->delays << ms;
        raw->trace += u'S';
    });
    return k;
}

quint16 SyncLoopFixture::startCentral(const QList<const TestKiosk *> &kiosks, quint16 port)
{
    QList<Central::KioskRecord> enrol;
    for (const TestKiosk *k : kiosks)
        enrol << Central::KioskRecord{k->id, QStringLiteral("GYD"), k->publicKey, false};
    m_central = std::make_unique<CentralThread>(centralUrl(), m_tls.filePath(QStringLiteral("ca.pem")), m_tls.filePath(QStringLiteral("tls.key")), enrol, port);
    const quint16 bound = m_central->startListening();
    if (!bound)
        qWarning("central: %s", qPrintable(m_central->error()));
    return bound;
}

QJsonObject SyncLoopFixture::centralStats()
{
    auto db = Central::CentralDatabase::open(centralUrl(), SystemClock());
    if (!db)
        return {};
    Central::CentralService service(*db);
    auto stats = service.stats();
    return stats ? *stats : QJsonObject();
}

QList<Central::FeedEntry> SyncLoopFixture::centralFeed()
{
    auto db = Central::CentralDatabase::open(centralUrl(), SystemClock());
    if (!db)
        return {};
    Central::CentralService service(*db);
    auto feed = service.feed(0, 100000);
    return feed ? *feed : QList<Central::FeedEntry>();
}

} // namespace Kiosk::Test
