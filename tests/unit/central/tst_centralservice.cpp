// The central ingest rules (sync/central/ingestdecision.h) over both backends
// (initTestCase_data rows): enrolment, idempotent duplicates, forks, gaps, broken links, unknown/revoked kiosks and foreign keys,
// the feed, statistics, and two instances sharing one PostgreSQL database.
#include "centraltestdb.h"
#include "app/core/clock.h"
#include "sync/central/centraldatabase.h"
#include "sync/central/centralservice.h"
#include "tests/unit/eventlog/eventfixture.h"

#include <QDir>
#include <QSqlQuery>
#include <QTimeZone>
#include <QJsonArray>
#include <QTest>
#include <QThread>

#include <thread>

using namespace Kiosk;
using namespace Kiosk::Central;
using namespace Kiosk::EventLog;
namespace Fixture = Kiosk::EventLog::Test;
namespace Scratch = Kiosk::Central::Test;

namespace {
QList<IncomingEvent> incoming(const std::vector<SignedEvent> &events, size_t from = 0, size_t to = SIZE_MAX)
{
    QList<IncomingEvent> out;
    for (size_t i = from; i < std::min(to, events.size()); ++i)
        out.append(IncomingEvent{events[i].bytes, events[i].signature});
    return out;
}

// Two more border-central instances on `url`, each with its own connection on its own thread,
// running work(service, reverse) at the same time (one with reverse set). False when one of
// them could not open the database.
template <typename Fn>
bool runTwoInstances(const QString &url, Fn work)
{
    std::atomic<bool> opened{true};
    auto instance = [&](bool reverse) {
        auto db = CentralDatabase::open(url, SystemClock());
        if (!db) {
            opened = false;
            return;
        }
        CentralService service(*db);
        work(service, reverse);
    };
    std::thread a(instance, false), b(instance, true);
    a.join();
    b.join();
    return opened;
}

QStringList statuses(const QList<IngestResult> &results)
{
    QStringList out;
    for (const IngestResult &r : results)
        out << (r.status == IngestStatus::Rejected ? r.reason : ingestStatusToString(r.status));
    return out;
}
} // namespace

class TstCentralService : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void migrationsHaveTheSameNumbersForBothBackends();
    void openTwiceKeepsSchema();
    void migrationsStampedByTheClockAndNewerSchemaRefused();
    void enrolment();
    void storedThenDuplicate();
    void upgradedKioskMixedVersionsIngest();
    void rejections_data();
    void rejections();
    void forkIsRejectedAndReported();
    void gapIsStoredAndReportedUntilFilled();
    void brokenLinkRejected();
    void feedIsOrderedAndPaged();
    void twoInstancesShareOneDatabase();
    void twoInstancesDetectForksConcurrently();
    void postgresEventsArePartitionedByMonth();

private:
    std::unique_ptr<Scratch::ScratchDatabase> m_scratch;
    std::optional<CentralDatabase> m_db;
    std::optional<CentralService> m_service;
    std::optional<EventSigner> m_signer;
    QByteArray m_publicKey;
};

void TstCentralService::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TstCentralService::initTestCase()
{
    auto key = Crypto::Ed25519PrivateKey::generate();
    QVERIFY(key);
    m_publicKey = key->publicKey().raw();
    m_signer.emplace(std::move(*key));
}

void TstCentralService::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_scratch = std::make_unique<Scratch::ScratchDatabase>(backend);
    if (m_scratch->url().isEmpty())
        QSKIP("PostgreSQL not available: KIOSK_TEST_PG_URL is not set (scripts/test-services starts it)");
    auto db = CentralDatabase::open(m_scratch->url(), SystemClock());
    QVERIFY2(db, qPrintable(db ? QString() : db.error().code + u' ' + db.error().message));
    m_db.emplace(std::move(*db));
    m_service.emplace(*m_db);
    QVERIFY(m_service->addKiosk({QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"), m_publicKey, false}));
}

void TstCentralService::cleanup()
{
    m_service.reset();
    m_db.reset();
    m_scratch.reset();
}

void TstCentralService::migrationsHaveTheSameNumbersForBothBackends()
{
    const QDir root(QStringLiteral(":/kiosk/central-sql"));
    const QStringList sqlite = QDir(root.filePath(QStringLiteral("sqlite"))).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    const QStringList pg = QDir(root.filePath(QStringLiteral("postgresql"))).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    QVERIFY(!sqlite.isEmpty());
    QCOMPARE(sqlite, pg);
    QCOMPARE(m_db->schemaVersion(), sqlite.size());
}

void TstCentralService::openTwiceKeepsSchema()
{
    auto again = CentralDatabase::open(m_scratch->url(), SystemClock());
    QVERIFY(again);
    QCOMPARE(again->schemaVersion(), m_db->schemaVersion());
    CentralService second(*again);
    auto list = second.kiosks();
    QVERIFY(list);
    QCOMPARE(list->size(), 1); // the kiosk added in init() survives: nothing re-created
}

// The store's migration runner applies the central files: applied_at from the caller's clock,
// and a database with a version this program does not have is refused.
void TstCentralService::migrationsStampedByTheClockAndNewerSchemaRefused()
{
    QFETCH_GLOBAL(QString, backend);
    Scratch::ScratchDatabase scratch(backend);
    const FixedClock clock(QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
    {
        auto db = CentralDatabase::open(scratch.url(), clock);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().code + u' ' + db.error().message));
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT applied_at FROM central_schema")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("2026-12-01T10:00:00Z"));
        QVERIFY(!q.next());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO central_schema (version, applied_at) VALUES (999, 'later')")));
    }
    auto newer = CentralDatabase::open(scratch.url(), clock);
    QVERIFY(!newer);
    QCOMPARE(newer.error().code, QStringLiteral("CENTRAL_SCHEMA_TOO_NEW"));
    QVERIFY2(newer.error().message.contains(QLatin1String("999")), qPrintable(newer.error().message));
}

void TstCentralService::enrolment()
{
    auto dup = m_service->addKiosk({QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"), m_publicKey, false});
    QVERIFY(!dup);
    QCOMPARE(dup.error().code, QStringLiteral("CENTRAL_KIOSK_EXISTS"));
    auto badKey = m_service->addKiosk({QStringLiteral("KIOSK-X"), QStringLiteral("GYD"), QByteArray(31, 'k'), false});
    QVERIFY(!badKey);
    QCOMPARE(badKey.error().code, QStringLiteral("CENTRAL_KEY_INVALID"));
    auto unknown = m_service->revokeKiosk(QStringLiteral("KIOSK-NOPE"));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, QStringLiteral("CENTRAL_KIOSK_UNKNOWN"));
    QVERIFY(m_service->revokeKiosk(QStringLiteral("KIOSK-GYD-01")));
    QVERIFY(m_service->kiosks()->front().revoked);
}

void TstCentralService::storedThenDuplicate()
{
    const auto chain = Fixture::signChain(*m_signer, 5);
    auto first = m_service->ingest(incoming(chain));
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QCOMPARE(statuses(*first), QStringList(5, QStringLiteral("stored")));
    QCOMPARE(first->at(2).sequence, 3);
    QCOMPARE(first->at(2).eventId, chain[2].event.id);
    // The same batch again (the kiosk never saw the answer): idempotent.
    auto second = m_service->ingest(incoming(chain));
    QVERIFY(second);
    QCOMPARE(statuses(*second), QStringList(5, QStringLiteral("duplicate")));
    // A repeat inside one batch too.
    auto inBatch = m_service->ingest(incoming(Fixture::signChain(*m_signer, 1, QStringLiteral("KIOSK-GYD-01"), 5, chain[4].hash())) +
                                     incoming(Fixture::signChain(*m_signer, 1, QStringLiteral("KIOSK-GYD-01"), 5, chain[4].hash())));
    QVERIFY(inBatch);
    QCOMPARE(statuses(*inBatch), (QStringList{QStringLiteral("stored"), QStringLiteral("FORK")})); // same seq, new UUID: other bytes
    auto s = m_service->stats();
    QVERIFY(s);
    QCOMPARE(s->value(QStringLiteral("events")).toInteger(), 6);
    QCOMPARE(s->value(QStringLiteral("forks")).toInteger(), 1);
}

void TstCentralService::upgradedKioskMixedVersionsIngest()
{
    // A kiosk upgraded mid-life sends format-1 events, then format-2 ones, in one
    // chain; both are stored as the signed bytes and served back unchanged by the feed.
    const auto chain = Fixture::signMixedChain(*m_signer, 4, 5);
    auto first = m_service->ingest(incoming(chain, 0, 6));
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QCOMPARE(statuses(*first), QStringList(6, QStringLiteral("stored")));
    auto rest = m_service->ingest(incoming(chain, 4));
    QVERIFY(rest);
    QCOMPARE(statuses(*rest), (QStringList{QStringLiteral("duplicate"), QStringLiteral("duplicate"), QStringLiteral("stored"),
                                           QStringLiteral("stored"), QStringLiteral("stored")}));
    auto feed = m_service->feed(0, 20);
    QVERIFY(feed);
    QCOMPARE(feed->size(), 9);
    for (qsizetype i = 0; i < feed->size(); ++i) {
        QCOMPARE(feed->at(i).bytes, chain[static_cast<size_t>(i)].bytes);
        const auto parsed = parseEvent(feed->at(i).bytes);
        QVERIFY(parsed);
        QCOMPARE(parsed->formatVersion, i < 4 ? 1 : 2);
        QCOMPARE(overrideReasonOf(*parsed), overrideReasonOf(chain[static_cast<size_t>(i)].event));
    }
    QVERIFY(!overrideReasonOf(*parseEvent(feed->at(2).bytes)).isEmpty()); // a v1 override
    QVERIFY(!parseEvent(feed->at(8).bytes)->overrideReason.isEmpty());    // a v2 override
}

void TstCentralService::rejections_data()
{
    QTest::addColumn<QString>("attack");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unenrolled key claims an enrolled kiosk") << "foreign-key" << "BAD_SIGNATURE";
    QTest::newRow("bytes edited after signing") << "edited" << "BAD_SIGNATURE";
    QTest::newRow("kiosk never enrolled") << "unknown-kiosk" << "UNKNOWN_KIOSK";
    QTest::newRow("kiosk revoked") << "revoked" << "KIOSK_REVOKED";
    QTest::newRow("not an event") << "garbage" << "MALFORMED";
    QTest::newRow("v2 event with free text in its reason codes") << "v2-free-text" << "MALFORMED";
    QTest::newRow("first event not linked to genesis") << "bad-genesis" << "CHAIN_BROKEN";
}

void TstCentralService::rejections()
{
    QFETCH(QString, attack);
    QFETCH(QString, reason);
    auto chain = Fixture::signChain(*m_signer, 1);
    IncomingEvent in{chain[0].bytes, chain[0].signature};
    if (attack == QLatin1String("foreign-key")) {
        auto other = Crypto::Ed25519PrivateKey::generate();
        QVERIFY(other);
        const EventSigner intruder(std::move(*other));
        const auto forged = Fixture::signChain(intruder, 1);
        in = {forged[0].bytes, forged[0].signature};
    } else if (attack == QLatin1String("edited")) {
        in.bytes.replace(R"("direction":"entry")", R"("direction":"exit")");
    } else if (attack == QLatin1String("unknown-kiosk")) {
        const auto other = Fixture::signChain(*m_signer, 1, QStringLiteral("KIOSK-ZZZ-99"));
        in = {other[0].bytes, other[0].signature};
    } else if (attack == QLatin1String("revoked")) {
        QVERIFY(m_service->revokeKiosk(QStringLiteral("KIOSK-GYD-01")));
    } else if (attack == QLatin1String("garbage")) {
        in.bytes = "{\"hello\":1}";
    } else if (attack == QLatin1String("v2-free-text")) {
        // Format 2 keeps the typed reason out of the reason codes; the parser refuses it
        // before the signature is even looked at.
        in.bytes.replace(R"("reasons":["VISA_FREE"])", R"("reasons":["VISA_FREE","OVERRIDE_REASON:paid"])");
    } else if (attack == QLatin1String("bad-genesis")) {
        // EventSigner always links sequence 1 to genesis, so sign hand-made bytes with a key
        // enrolled for this case.
        auto key = Crypto::Ed25519PrivateKey::generate();
        QVERIFY(key);
        QVERIFY(m_service->addKiosk({QStringLiteral("KIOSK-RAW-01"), QStringLiteral("GYD"), key->publicKey().raw(), false}));
        Event e = chain[0].event;
        e.kioskId = QStringLiteral("KIOSK-RAW-01");
        e.prevHash = QByteArray(32, '\x07');
        in.bytes = *canonicalBytes(e);
        in.signature = *key->sign(in.bytes);
    }
    auto results = m_service->ingest({in});
    QVERIFY2(results, qPrintable(results ? QString() : results.error().message));
    QCOMPARE(results->size(), 1);
    QCOMPARE(results->front().status, IngestStatus::Rejected);
    QCOMPARE(results->front().reason, reason);
    if (attack == QLatin1String("v2-free-text"))
        QVERIFY2(results->front().detail.contains(QLatin1String("'reasons'")), qPrintable(results->front().detail));
    auto s = m_service->stats();
    QVERIFY(s);
    QCOMPARE(s->value(QStringLiteral("events")).toInteger(), 0);
    QCOMPARE(s->value(QStringLiteral("rejections")).toInteger(), 1);
}

void TstCentralService::forkIsRejectedAndReported()
{
    const auto chain = Fixture::signChain(*m_signer, 3);
    QVERIFY(m_service->ingest(incoming(chain)));
    // The kiosk's database was restored from an old backup and re-recorded event 3 differently.
    const auto fork = Fixture::signChain(*m_signer, 1, QStringLiteral("KIOSK-GYD-01"), 2, chain[1].hash());
    auto r = m_service->ingest(incoming(fork));
    QVERIFY(r);
    QCOMPARE(statuses(*r), QStringList{QStringLiteral("FORK")});
    const QJsonObject s = *m_service->stats();
    QCOMPARE(s.value(QStringLiteral("forks")).toInteger(), 1);
    const QJsonObject kiosk = s.value(QStringLiteral("kiosks")).toArray().at(0).toObject();
    QCOMPARE(kiosk.value(QStringLiteral("rejections")).toObject().value(QStringLiteral("FORK")).toInteger(), 1);
    QCOMPARE(kiosk.value(QStringLiteral("events")).toInteger(), 3);
}

void TstCentralService::gapIsStoredAndReportedUntilFilled()
{
    const auto chain = Fixture::signChain(*m_signer, 6);
    auto r = m_service->ingest(incoming(chain, 0, 2) + incoming(chain, 4, 6)); // 1,2,5,6
    QVERIFY(r);
    QCOMPARE(statuses(*r), QStringList(4, QStringLiteral("stored")));
    QVERIFY(!r->at(1).gap);
    QVERIFY(r->at(2).gap);
    QJsonObject kiosk = m_service->stats()->value(QStringLiteral("kiosks")).toArray().at(0).toObject();
    QCOMPARE(kiosk.value(QStringLiteral("gaps")).toArray(), (QJsonArray{QJsonArray{3, 4}}));
    QVERIFY(m_service->ingest(incoming(chain, 2, 4)));
    kiosk = m_service->stats()->value(QStringLiteral("kiosks")).toArray().at(0).toObject();
    QCOMPARE(kiosk.value(QStringLiteral("gaps")).toArray(), QJsonArray());
    QCOMPARE(kiosk.value(QStringLiteral("events")).toInteger(), 6);
    QCOMPARE(kiosk.value(QStringLiteral("maxSequence")).toInteger(), 6);
}

void TstCentralService::brokenLinkRejected()
{
    const auto chain = Fixture::signChain(*m_signer, 4);
    QVERIFY(m_service->ingest(incoming(chain, 0, 2)));
    QVERIFY(m_service->ingest(incoming(chain, 3, 4))); // 4 stored with a gap
    // A validly signed event 3 that links to neither neighbour (stolen key, or a kiosk bug).
    const auto rogue = Fixture::signChain(*m_signer, 1, QStringLiteral("KIOSK-GYD-01"), 2, QByteArray(32, '\x01'));
    auto r = m_service->ingest(incoming(rogue));
    QVERIFY(r);
    QCOMPARE(statuses(*r), QStringList{QStringLiteral("CHAIN_BROKEN")});
    // The genuine event 3 closes the gap and links both ways.
    r = m_service->ingest(incoming(chain, 2, 3));
    QVERIFY(r);
    QCOMPARE(statuses(*r), QStringList{QStringLiteral("stored")});
}

void TstCentralService::feedIsOrderedAndPaged()
{
    const auto chain = Fixture::signChain(*m_signer, 7);
    QVERIFY(m_service->ingest(incoming(chain)));
    auto page1 = m_service->feed(0, 4);
    QVERIFY(page1);
    QCOMPARE(page1->size(), 4);
    auto page2 = m_service->feed(page1->last().feedId, 4);
    QVERIFY(page2);
    QCOMPARE(page2->size(), 3);
    QList<FeedEntry> all = *page1 + *page2;
    for (qsizetype i = 0; i < all.size(); ++i) {
        QCOMPARE(all[i].bytes, chain[static_cast<size_t>(i)].bytes); // exactly the signed bytes, in order
        QCOMPARE(all[i].signature, chain[static_cast<size_t>(i)].signature);
        if (i > 0)
            QVERIFY(all[i].feedId > all[i - 1].feedId);
    }
    QVERIFY(m_service->feed(all.last().feedId, 10)->isEmpty());
}

void TstCentralService::twoInstancesShareOneDatabase()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("postgresql"))
        QSKIP("several instances share PostgreSQL only");
    const auto chain = Fixture::signChain(*m_signer, 300);
    const QString url = m_scratch->url();
    // Two instances each receive the whole backlog, in batches, at the same time (a kiosk
    // retrying against a load balancer): every event is stored exactly once.
    std::atomic<int> stored{0}, duplicate{0}, failed{0};
    QVERIFY(runTwoInstances(url, [&](CentralService &service, bool reverse) {
        for (int b = 0; b < 6; ++b) {
            const int batch = reverse ? 5 - b : b;
            auto r = service.ingest(incoming(chain, static_cast<size_t>(batch * 50), static_cast<size_t>(batch * 50 + 50)));
            if (!r) {
                ++failed;
                continue;
            }
            for (const IngestResult &x : *r)
                (x.status == IngestStatus::Stored ? stored : x.status == IngestStatus::Duplicate ? duplicate : failed)++;
        }
    }));
    QCOMPARE(failed.load(), 0);
    QCOMPARE(stored.load(), 300);
    QCOMPARE(duplicate.load(), 300);
    const QJsonObject s = *m_service->stats();
    QCOMPARE(s.value(QStringLiteral("events")).toInteger(), 300);
    QCOMPARE(s.value(QStringLiteral("gaps")).toInteger(), 0);
    auto feed = m_service->feed(0, 1000);
    QCOMPARE(feed->size(), 300);
}

void TstCentralService::twoInstancesDetectForksConcurrently()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("postgresql"))
        QSKIP("several instances share PostgreSQL only");
    // Two kiosks, 200 events each; a batch carries 20 of each kiosk's, and after each batch an
    // instance also receives a second history for one sequence of that batch (a restored
    // backup recording on), so that sequence is stored by then, by one instance or the other.
    auto otherKey = Crypto::Ed25519PrivateKey::generate();
    QVERIFY(otherKey);
    const QString other = QStringLiteral("KIOSK-NAK-02");
    QVERIFY(m_service->addKiosk({other, QStringLiteral("NAK"), otherKey->publicKey().raw(), false}));
    const EventSigner otherSigner(std::move(*otherKey));
    constexpr int PerKiosk = 200, PerBatch = 20, Batches = PerKiosk / PerBatch;
    const auto gyd = Fixture::signChain(*m_signer, PerKiosk);
    const auto nak = Fixture::signChain(otherSigner, PerKiosk, other);
    QList<QList<IncomingEvent>> batches, forks;
    for (int b = 0; b < Batches; ++b) {
        const auto from = static_cast<size_t>(b * PerBatch), to = from + PerBatch;
        batches << incoming(gyd, from, to) + incoming(nak, from, to);
        const auto gydFork = Fixture::signChain(*m_signer, 1, QStringLiteral("KIOSK-GYD-01"), static_cast<qint64>(from) + 4, gyd[from + 3].hash());
        const auto nakFork = Fixture::signChain(otherSigner, 1, other, static_cast<qint64>(from) + 9, nak[from + 8].hash());
        forks << incoming(gydFork) + incoming(nakFork);
    }
    const QString url = m_scratch->url();
    std::atomic<int> stored{0}, duplicate{0}, forked{0}, failed{0};
    auto count = [&](const Result<QList<IngestResult>> &r) {
        if (!r) {
            ++failed;
            return;
        }
        for (const IngestResult &x : *r)
            (x.status == IngestStatus::Stored ? stored : x.status == IngestStatus::Duplicate ? duplicate : x.reason == u"FORK" ? forked : failed)++;
    };
    QVERIFY(runTwoInstances(url, [&](CentralService &service, bool reverse) {
        for (int i = 0; i < Batches; ++i) {
            const auto b = static_cast<qsizetype>(reverse ? Batches - 1 - i : i);
            count(service.ingest(batches.at(b)));
            count(service.ingest(forks.at(b)));
        }
    }));
    QCOMPARE(failed.load(), 0);
    QCOMPARE(stored.load(), 2 * PerKiosk);
    QCOMPARE(duplicate.load(), 2 * PerKiosk);
    QCOMPARE(forked.load(), 2 * 2 * Batches); // each fork, from each instance
    const QJsonObject s = *m_service->stats();
    QCOMPARE(s.value(QStringLiteral("events")).toInteger(), 2 * PerKiosk);
    QCOMPARE(s.value(QStringLiteral("gaps")).toInteger(), 0);
    QCOMPARE(s.value(QStringLiteral("forks")).toInteger(), 2 * 2 * Batches);
    // The feed: every event once, under strictly increasing feed ids, as the kiosk signed it.
    const auto feed = m_service->feed(0, 5000);
    QVERIFY(feed);
    QCOMPARE(feed->size(), 2 * PerKiosk);
    QSet<QByteArray> seen;
    for (qsizetype i = 0; i < feed->size(); ++i) {
        if (i > 0)
            QVERIFY(feed->at(i).feedId > feed->at(i - 1).feedId);
        seen.insert(feed->at(i).bytes);
    }
    for (int i = 0; i < PerKiosk; ++i) {
        QVERIFY(seen.contains(gyd[static_cast<size_t>(i)].bytes));
        QVERIFY(seen.contains(nak[static_cast<size_t>(i)].bytes));
    }
}

void TstCentralService::postgresEventsArePartitionedByMonth()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("postgresql"))
        QSKIP("monthly partitions are PostgreSQL's");
    QDateTime clock(QDate(2026, 11, 30), QTime(23, 59, 30), QTimeZone::utc());
    CentralService service(*m_db, [&clock] { return clock; });
    const auto chain = Fixture::signChain(*m_signer, 4);
    QVERIFY(service.ingest(incoming(chain, 0, 2)));
    clock = clock.addSecs(60); // December
    QVERIFY(service.ingest(incoming(chain, 2, 4)));
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT c.relname, (SELECT COUNT(*) FROM events e WHERE e.tableoid = c.oid) FROM pg_inherits i "
                                  "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
                                  "WHERE p.relname = 'events' ORDER BY c.relname")));
    QStringList parts;
    while (q.next())
        parts << QStringLiteral("%1=%2").arg(q.value(0).toString()).arg(q.value(1).toInt());
    QCOMPARE(parts, (QStringList{QStringLiteral("events_y2026m11=2"), QStringLiteral("events_y2026m12=2")}));
    QCOMPARE(service.feed(0, 10)->size(), 4); // the feed reads across partitions, in order
}

QTEST_GUILESS_MAIN(TstCentralService)
#include "tst_centralservice.moc"
