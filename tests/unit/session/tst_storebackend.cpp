// The session against the real data side: a store seeded with the demo's synthetic travellers,
// the shipped signed policy, the rules engine. Each sample document must get the verdict the
// domain rules give it (domain-rules.md §2-§5), with the reason that makes it so.
#include "app/session/checkpointsession.h"
#include "app/demo/demoseed.h"
#include "app/demo/demopolicy.h"
#include "app/session/storebackend.h"
#include "app/session/syncbridge.h"
#include "app/store/outbox.h"
#include "app/store/database.h"
#include "scanner/sources/simulatorsource.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Session;

class TestStoreBackend : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void shippedPolicyVerifies();
    void demoDocumentsGetTheirVerdicts_data();
    void demoDocumentsGetTheirVerdicts();
    void overstayFiguresAndHistory();
    void watchlistHitCarriesItsBasis();
    void staleWatchlistIsReported();
    void unverifiedSealGivesNoVisa();
    void verifiedSealIsTheVisa();
    void dataPageScanBecomesACase();
    void imageWithoutMrzOpensNoCase();
    void simulatedScannerImageGoesThroughTheOcr();
    void policyPulledWhileRunningIsInForceAtOnce();

private:
    std::unique_ptr<CheckpointSession> makeSession(Store::Database &db);

    QTemporaryDir m_dir;
    // 10:00 in Baku is 06:00 UTC; the test's TZ is America/Sao_Paulo, so a date bug shows.
    FixedClock m_clock{QDateTime(QDate(2026, 11, 29), QTime(6, 0), QTimeZone::utc())};
    std::optional<Store::Database> m_db;
    QList<DemoDocument> m_docs;
    Vds::VdsTrustStore m_sealTrust;
};

void TestStoreBackend::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto db = Store::Database::open(m_dir.filePath(QStringLiteral("kiosk.db")));
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
    m_db.emplace(std::move(*db));
    auto docs = seedDemoStore(*m_db, {.today = QDate(2026, 11, 29), .now = m_clock.now(), .checkpoint = QStringLiteral("GYD"),
                                      .backgroundTravellers = 50, .randomSeed = 28},
                              &m_sealTrust);
    QVERIFY2(docs.has_value(), docs ? "" : qPrintable(docs.error().message));
    m_docs = *docs;
    QVERIFY(m_docs.size() >= 6);
}

std::unique_ptr<CheckpointSession> TestStoreBackend::makeSession(Store::Database &db)
{
    auto policy = demoPolicy();
    if (!policy)
        return nullptr;
    OperatorDirectory ops;
    (void)ops.add(QStringLiteral("OF-1001"), QStringLiteral("Officer One"), u"2468", 1000);
    SessionConfig cfg;
    auto backend = std::make_unique<StoreBackend>(db, *policy, StoreBackend::Identity{cfg.kioskId, cfg.checkpoint, cfg.zone},
                                                  StoreBackend::Recorder{}, m_clock.now().addDays(-1));
    auto s = std::make_unique<CheckpointSession>(cfg, m_clock, std::move(ops), std::move(backend));
    if (!s->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")))
        return nullptr;
    s->setVdsTrustStore(m_sealTrust);
    return s;
}

void TestStoreBackend::shippedPolicyVerifies()
{
    auto policy = demoPolicy();
    QVERIFY2(policy.has_value(), policy ? "" : qPrintable(policy.error().message));
    QVERIFY(policy->inForce(QDate(2026, 11, 29)));
    auto anchor = readTrustAnchor(kDemoTrustAnchor, AnchorUse::Development);
    QVERIFY(anchor);
    auto missing = loadSignedPolicyFile(QStringLiteral("/nonexistent/policy.json"), anchor->key);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, QStringLiteral("POLICY_FILE_UNREADABLE"));
}

void TestStoreBackend::demoDocumentsGetTheirVerdicts_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < m_docs.size(); ++i)
        QTest::newRow(qPrintable(QStringLiteral("%1 #%2").arg(m_docs[i].kind).arg(i))) << i;
}

void TestStoreBackend::demoDocumentsGetTheirVerdicts()
{
    QFETCH(int, index);
    const DemoDocument &doc = m_docs.at(index);
    auto s = makeSession(*m_db);
    QVERIFY(s);
    s->setDirection(doc.direction);
    QVERIFY(s->submitMrz(doc.mrz, InputKind::Simulator, QStringLiteral("test")));
    if (!doc.barcode.isEmpty())
        QVERIFY(s->submitBarcode(doc.barcode, InputKind::Barcode, QStringLiteral("test")));
    const Case *c = s->currentCase();
    QVERIFY(c);
    QVERIFY2(c->evaluated, qPrintable(c->readErrors.join(u';')));
    QStringList codes;
    for (const Reason &r : c->reasons)
        codes << reasonCodeToString(r.code);
    QVERIFY2(c->verdict == doc.expected,
             qPrintable(QStringLiteral("%1: got %2 (%3)").arg(doc.kind, verdictToString(c->verdict), codes.join(u','))));
    QVERIFY2(c->hasReason(doc.expectedReason), qPrintable(codes.join(u',')));
    for (const Reason &r : c->reasons)
        QVERIFY2(!r.source.isEmpty(), qPrintable(reasonCodeToString(r.code))); // every reason cites its paragraph
    QVERIFY(!c->policyVersion.isEmpty());
}

void TestStoreBackend::overstayFiguresAndHistory()
{
    auto s = makeSession(*m_db);
    QVERIFY(s);
    const auto it = std::ranges::find(m_docs, QStringLiteral("overstayer"), &DemoDocument::kind);
    QVERIFY(it != m_docs.end());
    s->setDirection(Direction::Exit);
    QVERIFY(s->submitMrz(it->mrz, InputKind::Simulator, QStringLiteral("test")));
    const Case *c = s->currentCase();
    // Entered 119 days ago (day 1), 90 days allowed (§21): days 91..120 are overstay = 30.
    QVERIFY(c->figures.overstayDays.has_value());
    QCOMPARE(*c->figures.overstayDays, 30);
    QCOMPARE(c->history.size(), 1);
    QCOMPARE(c->history.front().checkpoint, QStringLiteral("KRM"));
    QVERIFY(!c->history.front().thisCheckpoint);
}

void TestStoreBackend::watchlistHitCarriesItsBasis()
{
    auto s = makeSession(*m_db);
    QVERIFY(s);
    const auto it = std::ranges::find(m_docs, QStringLiteral("banned"), &DemoDocument::kind);
    QVERIFY(s->submitMrz(it->mrz, InputKind::Simulator, QStringLiteral("test")));
    const Case *c = s->currentCase();
    QCOMPARE(c->watchlistHits.size(), 1);
    QCOMPARE(c->watchlistHits.front().kind, WatchlistKind::EntryBan);
    QVERIFY(c->watchlistHits.front().basis.contains(QStringLiteral("§51")));
}

void TestStoreBackend::staleWatchlistIsReported()
{
    auto s = makeSession(*m_db);
    QVERIFY(s);
    QVERIFY(!s->referenceStatus().watchlistStale);
    QVERIFY(!s->referenceStatus().policyVersion.isEmpty());
    // Three days later with no new import: older than the policy's limit (48 h by default).
    m_clock.advanceSeconds(3 * 86400);
    s->refreshReferenceStatus();
    QVERIFY(s->referenceStatus().watchlistStale);
    QVERIFY(s->referenceStatus().watchlistAgeSeconds >= 3 * 86400);
    m_clock.advanceSeconds(-3 * 86400);
}

// BSI TR-03137 Annex F visa seal (tests/data/vds): it decodes, but this kiosk trusts no seal
// signer, so the console must say "signer unknown" and the rules must not get its visa.
void TestStoreBackend::unverifiedSealGivesNoVisa()
{
    QFile f(QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/vds/bsi-annex-f-visa.hex"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray seal = QByteArray::fromHex(f.readAll().simplified().replace(' ', ""));
    QVERIFY(!seal.isEmpty());
    auto s = makeSession(*m_db);
    QVERIFY(s);
    const auto it = std::ranges::find(m_docs, QStringLiteral("banned"), &DemoDocument::kind);
    QVERIFY(s->submitMrz(it->mrz, InputKind::Simulator, QStringLiteral("test")));
    const VerdictKind before = s->currentCase()->verdict;
    QVERIFY(s->submitBarcode(seal, InputKind::Barcode, QStringLiteral("test")));
    const Case *c = s->currentCase();
    QVERIFY(c->seal.has_value());
    QVERIFY(c->seal->signature != SealSignature::Valid);
    QVERIFY(!c->seal->visa.has_value());
    QCOMPARE(c->verdict, before);
    // Not a barcode the kiosk knows: refused with a reason, the case untouched.
    auto junk = s->submitBarcode(QByteArray("hello"), InputKind::Barcode, QStringLiteral("test"));
    QVERIFY(!junk);
    QCOMPARE(junk.error().code, QStringLiteral("BARCODE_NOT_USEFUL"));
}

// The demo's sealed visa: valid signature -> the rules get the visa (ADMIT, VISA_VALID); the
// same passport without the seal has no visa at all (REFUSE, VISA_MISSING); a seal whose
// signed bytes were altered is INVALID and gives nothing.
void TestStoreBackend::verifiedSealIsTheVisa()
{
    const auto it = std::ranges::find(m_docs, QStringLiteral("visa-seal"), &DemoDocument::kind);
    QVERIFY(it != m_docs.end());
    auto s = makeSession(*m_db);
    QVERIFY(s);
    QVERIFY(s->submitMrz(it->mrz, InputKind::Simulator, QStringLiteral("test")));
    const Case *before = s->currentCase();
    QVERIFY(before != nullptr);
    QCOMPARE(before->verdict, VerdictKind::Refuse);
    QVERIFY(before->hasReason(u"VISA_MISSING"));

    QVERIFY(s->submitBarcode(it->barcode, InputKind::Barcode, QStringLiteral("test")));
    const Case *c = s->currentCase();
    QVERIFY(c != nullptr && c->seal.has_value());
    const VisaSealInfo seal = c->seal.value();
    QCOMPARE(seal.signature, SealSignature::Valid);
    QVERIFY(seal.visa.has_value());
    QCOMPARE(c->verdict, VerdictKind::Admit);
    QVERIFY(c->hasReason(u"VISA_VALID"));

    QByteArray tampered = it->barcode;
    tampered[20] = static_cast<char>(tampered[20] ^ 0x01); // inside the signed message zone
    QVERIFY(s->submitMrz(it->mrz, InputKind::Simulator, QStringLiteral("test")));
    (void)s->submitBarcode(tampered, InputKind::Barcode, QStringLiteral("test"));
    const Case *t = s->currentCase();
    QVERIFY(t != nullptr);
    const VisaSealInfo tamperedSeal = t->seal.value_or(VisaSealInfo{});
    QVERIFY(tamperedSeal.signature != SealSignature::Valid);
    QVERIFY(!tamperedSeal.visa.has_value());
    QCOMPARE(t->verdict, VerdictKind::Refuse);
}

// A flatbed scan of a data page: the OCR reads the MRZ and the case is the document's.
void TestStoreBackend::dataPageScanBecomesACase()
{
    auto s = makeSession(*m_db);
    QVERIFY(s);
    const QImage page(QStringLiteral(KIOSK_SOURCE_DIR "/resources/samples/simulator/td3-specimen-page.png"));
    QVERIFY(!page.isNull());
    const auto r = s->submitDataPageImage(page, QStringLiteral("scanner"));
    QVERIFY2(r.has_value(), r ? "" : qPrintable(r.error().message));
    QVERIFY(s->currentCase());
    QVERIFY(s->currentCase()->document.has_value());
    QCOMPARE(s->currentCase()->document->documentNumber, QStringLiteral("L898902C3"));
    QCOMPARE(s->currentCase()->document->surname, QStringLiteral("ERIKSSON"));
}

// A scan with no MRZ (tests/data/ocr/none): an error value and no case, never a guess.
void TestStoreBackend::imageWithoutMrzOpensNoCase()
{
    auto s = makeSession(*m_db);
    QVERIFY(s);
    const QStringList blanks = QDir(QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/ocr/none")).entryList({QStringLiteral("*.png"), QStringLiteral("*.jpg")});
    QVERIFY(!blanks.isEmpty());
    const QImage page(QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/ocr/none/") + blanks.front());
    QVERIFY(!page.isNull());
    const auto r = s->submitDataPageImage(page, QStringLiteral("scanner"));
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, QStringLiteral("OCR_NO_MRZ"));
    QVERIFY(!s->currentCase());
}

// The source path end to end: a simulated scanner drops the data page, the session's
// attached source hands it to the OCR, and the case appears.
void TestStoreBackend::simulatedScannerImageGoesThroughTheOcr()
{
    auto s = makeSession(*m_db);
    QVERIFY(s);
    QTemporaryDir dir;
    QFile playlist(dir.filePath(QStringLiteral("scan.playlist")));
    QVERIFY(playlist.open(QIODevice::WriteOnly));
    playlist.write("kiosk-simulator-playlist 1\nimage " KIOSK_SOURCE_DIR "/resources/samples/simulator/td3-specimen-page.png\n");
    playlist.close();
    Sources::SimulatorSource source(Sources::SimulatorSettings{playlist.fileName(), 0, false});
    s->attachSource(&source);
    QSignalSpy cases(s.get(), &CheckpointSession::caseChanged);
    source.start();
    QVERIFY(source.next());
    QTRY_VERIFY(cases.count() >= 1);
    QVERIFY(s->currentCase() && s->currentCase()->document.has_value());
    QCOMPARE(s->currentCase()->document->documentNumber, QStringLiteral("L898902C3"));
}

// A policy the sync client pulls while the kiosk runs (stored, verified, in reference_data) is
// in force at once: the session's policyInForce(), which the verdicts and the information
// screen's regime lines use, changes and referenceStatusChanged tells the faces. A policy that
// does not verify against the trust anchor changes nothing.
void TestStoreBackend::policyPulledWhileRunningIsInForceAtOnce()
{
    auto db = Store::Database::open(m_dir.filePath(QStringLiteral("follow.db")));
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
    auto shipped = demoPolicy();
    QVERIFY(shipped);
    SessionConfig cfg;
    cfg.role = Role::Info;
    auto backend = std::make_unique<StoreBackend>(*db, *shipped, StoreBackend::Identity{cfg.kioskId, cfg.checkpoint, cfg.zone},
                                                  StoreBackend::Recorder{}, m_clock.now());
    StoreBackend *backendPtr = backend.get();
    CheckpointSession session(cfg, m_clock, OperatorDirectory{}, std::move(backend));
    auto anchorKey = Crypto::Ed25519PrivateKey::generate();
    auto otherKey = Crypto::Ed25519PrivateKey::generate();
    QVERIFY(anchorKey && otherKey);
    SyncBridge bridge(&session, *db, nullptr, m_clock);
    bridge.followPulledPolicy(backendPtr, anchorKey->publicKey());
    const auto jpn = [&session] { return session.policyInForce()->nationalities.value(QStringLiteral("JPN")).regime; };
    QVERIFY(session.policyInForce() != nullptr);
    QCOMPARE(jpn(), Rules::Regime::FeeWaiver); // the shipped policy (§21)
    QVERIFY(!bridge.applyNewerPulledPolicy()); // nothing pulled yet

    // The central side's newer policy: Japan visa-free for 30 days.
    QFile file(kDemoPolicy);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray versions = root.value(QStringLiteral("versions")).toArray();
    QJsonObject version = versions.last().toObject();
    QJsonObject nationalities = version.value(QStringLiteral("nationalities")).toObject();
    nationalities.insert(QStringLiteral("JPN"), QJsonObject{{QStringLiteral("regime"), QStringLiteral("visa_free")},
                                                            {QStringLiteral("days"), 30},
                                                            {QStringLiteral("source"), QStringLiteral("§21")}});
    version.insert(QStringLiteral("nationalities"), nationalities);
    versions.replace(versions.size() - 1, version);
    root.insert(QStringLiteral("versions"), versions);
    const QByteArray body = QJsonDocument(root).toJson(QJsonDocument::Compact);

    QSignalSpy reference(&session, &CheckpointSession::referenceStatusChanged);
    Store::Outbox outbox(*db);
    // Signed by someone else: not in force.
    QVERIFY(outbox.storeReference({QStringLiteral("policy"), 1, body, *otherKey->sign(body)}, m_clock.now()));
    QVERIFY(!bridge.applyNewerPulledPolicy());
    QCOMPARE(jpn(), Rules::Regime::FeeWaiver);
    QCOMPARE(reference.size(), 0);
    // Signed by the anchor: in force at once, and said so.
    QVERIFY(outbox.storeReference({QStringLiteral("policy"), 2, body, *anchorKey->sign(body)}, m_clock.now()));
    QVERIFY(bridge.applyNewerPulledPolicy());
    QCOMPARE(jpn(), Rules::Regime::VisaFree);
    QCOMPARE(session.policyInForce()->nationalities.value(QStringLiteral("JPN")).days, 30);
    QCOMPARE(reference.size(), 1);
    QVERIFY(!bridge.applyNewerPulledPolicy()); // once per version
}

QTEST_GUILESS_MAIN(TestStoreBackend)
#include "tst_storebackend.moc"
