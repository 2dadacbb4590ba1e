#include "app/demo/demoenvironment.h"

#include "app/crypto/ed25519.h"
#include "app/session/eventrecorder.h"
#include "app/demo/demopolicy.h"
#include "app/session/storebackend.h"
#include "app/session/syncbridge.h"
#include "app/store/database.h"
#include "scanner/sources/simulatorsource.h"
#include "sync/central/centralapi.h"
#include "sync/central/centraldatabase.h"
#include "sync/central/centralservice.h"
#include "sync/central/httpadapter.h"
#include "sync/client/crossingrecorder.h"
#include "sync/client/syncclient.h"

#include <QFile>
#include <QHostAddress>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDemo, "kiosk.session.demo")

namespace Kiosk::Session {

struct DemoEnvironment::Parts
{
    const Clock *clock = nullptr;
    QTemporaryDir dir;
    std::optional<Store::Database> db;
    std::optional<EventLog::EventSigner> signer;
    std::optional<Sync::CrossingRecorder> recorder;
    std::optional<Central::CentralDatabase> centralDb;
    std::optional<Central::CentralService> central;
    std::optional<Central::CentralApi> api;
    std::unique_ptr<Central::HttpAdapter> http;
    std::unique_ptr<Sync::SyncClient> sync;
    QString centralUrl;
    quint16 centralPort = 0;
    Central::TlsFiles tls;
    QList<DemoDocument> docs;
    CheckpointSession *session = nullptr;
    Sources::SimulatorSource *simulator = nullptr;
    SyncBridge *bridge = nullptr;
    Vds::VdsTrustStore sealTrust;

    Result<void> openSeededStore(const SessionConfig &cfg, const DemoOptions &options);
    Result<QByteArray> startSession(SessionConfig cfg, const DemoOptions &options, DemoEnvironment *owner);
    Result<void> startEmbeddedCentral(const SessionConfig &cfg, const DemoOptions &options, const QByteArray &kioskPublicKey);
    void startSimulator(const DemoOptions &options, DemoEnvironment *owner);
};

namespace {

// Copies a compiled-in file to the work folder: TLS libraries read real files only.
Result<QString> extract(const QString &resource, const QString &dir)
{
    const QString target = dir + u'/' + resource.section(u'/', -1);
    QFile::remove(target);
    if (!QFile::copy(resource, target))
        return fail(QStringLiteral("DEMO_RESOURCE"), QStringLiteral("cannot extract %1").arg(resource));
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return target;
}

// The demo kiosk at the airport, in the role asked for.
SessionConfig demoSessionConfig(const DemoOptions &options)
{
    SessionConfig cfg;
    cfg.role = options.role;
    cfg.kioskId = QStringLiteral("DEMO-GYD-01");
    cfg.checkpoint = QStringLiteral("GYD");
    cfg.idleLockMinutes = options.idleLockMinutes;
    return cfg;
}

} // namespace

DemoEnvironment::DemoEnvironment(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Parts>())
{
}

DemoEnvironment::~DemoEnvironment()
{
    if (d->sync)
        d->sync->stop();
}

// The kiosk database in the temporary folder, seeded with the demo's travellers.
Result<void> DemoEnvironment::Parts::openSeededStore(const SessionConfig &cfg, const DemoOptions &options)
{
    auto opened = Store::Database::open(dir.filePath(QStringLiteral("kiosk.db")));
    if (!opened)
        return std::unexpected(opened.error());
    db.emplace(std::move(*opened));
    auto seeded = seedDemoStore(*db, {.today = localDate(clock->now(), cfg.zone), .now = clock->now(), .checkpoint = cfg.checkpoint,
                                      .backgroundTravellers = options.backgroundTravellers, .randomSeed = 28},
                                &sealTrust);
    if (!seeded)
        return std::unexpected(seeded.error());
    docs = *seeded;
    return {};
}

// The checkpoint session on the seeded store: the shipped policy, the demo operator and the
// one-transaction recorder signing with a fresh key; that key's public half.
Result<QByteArray> DemoEnvironment::Parts::startSession(SessionConfig cfg, const DemoOptions &options, DemoEnvironment *owner)
{
    auto policy = demoPolicy();
    if (!policy)
        return std::unexpected(policy.error());
    // A fresh kiosk key per demo run: the chain it signs lives and dies with the temp folder.
    auto key = Crypto::Ed25519PrivateKey::generate();
    if (!key)
        return std::unexpected(key.error());
    const QByteArray publicKey = key->publicKey().raw();
    signer.emplace(std::move(*key));
    recorder.emplace(*db, *signer, cfg.kioskId, cfg.checkpoint);

    OperatorDirectory operators;
    if (auto added = operators.add(kOperatorId, QStringLiteral("Demo Officer"), kOperatorPin, options.kdfIterations); !added)
        return std::unexpected(added.error());
    // The information screen's staff exit takes the demo operator's PIN.
    cfg.staffPinHash = operators.find(kOperatorId)->pinHash;
    cfg.minimumPinIterations = options.kdfIterations;

    auto backend = std::make_unique<StoreBackend>(*db, std::move(*policy),
                                                  StoreBackend::Identity{cfg.kioskId, cfg.checkpoint, cfg.zone},
                                                  eventRecorder(*recorder), clock->now());
    session = new CheckpointSession(cfg, *clock, std::move(operators), std::move(backend), owner);
    session->setVdsTrustStore(sealTrust);
    return publicKey;
}

// border-central on loopback (SQLite, HTTPS with the demo certificate), the kiosk enrolled
// there, and the sync client pushing to it.
Result<void> DemoEnvironment::Parts::startEmbeddedCentral(const SessionConfig &cfg, const DemoOptions &options, const QByteArray &kioskPublicKey)
{
    auto cdb = Central::CentralDatabase::open(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("central.db")), *clock);
    if (!cdb)
        return std::unexpected(cdb.error());
    centralDb.emplace(std::move(*cdb));
    central.emplace(*centralDb);
    if (auto added = central->addKiosk({cfg.kioskId, cfg.checkpoint, kioskPublicKey, false}); !added)
        return std::unexpected(added.error());
    api.emplace(*central, nullptr); // the demo's loopback central: --insecure-demo's rules
    http = std::make_unique<Central::HttpAdapter>(*api);
    auto cert = extract(QStringLiteral(":/kiosk/demo/tls/central.pem"), dir.path());
    auto certKey = extract(QStringLiteral(":/kiosk/demo/tls/central.key.pem"), dir.path());
    auto ca = extract(QStringLiteral(":/kiosk/demo/tls/demo-ca.pem"), dir.path());
    if (!cert || !certKey || !ca)
        return fail(QStringLiteral("DEMO_RESOURCE"), QStringLiteral("the demo TLS files are missing"));
    tls.certificate = *cert;
    tls.key = *certKey;
    auto port = http->listen(QHostAddress::LocalHost, 0, tls);
    if (!port)
        return std::unexpected(port.error());
    centralPort = *port;
    centralUrl = QStringLiteral("https://127.0.0.1:%1").arg(*port);
    Sync::SyncSettings settings;
    settings.central = QUrl(centralUrl);
    settings.caFile = *ca;
    settings.ownKioskId = cfg.kioskId;
    settings.checkpoint = cfg.checkpoint;
    settings.interval = options.syncInterval;
    settings.backoff.base = std::chrono::milliseconds(1000);
    settings.backoff.max = std::chrono::milliseconds(10000);
    auto client = Sync::SyncClient::create(*db, settings, *clock, systemScheduler());
    if (!client)
        return std::unexpected(client.error());
    sync = std::move(*client);
    sync->start();
    qCInfo(lcDemo) << "embedded border-central on" << centralUrl;
    return {};
}

// The simulator cycling through the sample documents, each submitted to the session.
void DemoEnvironment::Parts::startSimulator(const DemoOptions &options, DemoEnvironment *owner)
{
    Sources::SimulatorSettings sim;
    sim.intervalMs = options.simulatorIntervalMs;
    sim.loop = true;
    simulator = new Sources::SimulatorSource(sim, owner);
    QList<Sources::PlaylistEntry> playlist;
    for (qsizetype i = 0; i < docs.size(); ++i)
        playlist.append({Sources::PlaylistEntry::Kind::Mrz, docs[i].mrz, QStringLiteral("demo:%1").arg(i + 1)});
    simulator->setPlaylist(playlist);
    // The lane direction follows the sample (an overstayer is read at departures), then the
    // document goes through the same path as any reader's.
    QObject::connect(simulator, &Sources::DocumentSource::mrzTextRead, owner,
                     [self = owner](const QString &lines, const Sources::SourceInfo &info) {
                         const DemoDocument *sample = nullptr;
                         for (const DemoDocument &doc : self->d->docs)
                             if (doc.mrz == lines)
                                 sample = &doc;
                         if (sample)
                             self->d->session->setDirection(sample->direction);
                         (void)self->d->session->submitMrz(lines, InputKind::Simulator, info.description);
                         // The traveller's boarding pass, as a handheld scanner would type it.
                         if (sample && !sample->barcode.isEmpty())
                             (void)self->d->session->submitBarcode(sample->barcode, InputKind::Barcode,
                                                                   QStringLiteral("Barcode scanner (demo)"));
                     });
    // A playlist's `removed` step: the passport taken off the reader.
    QObject::connect(simulator, &Sources::DocumentSource::documentRemoved, session,
                     [s = session](const Sources::SourceInfo &info) { s->noteDocumentRemoved(info.description); });
}

Result<std::unique_ptr<DemoEnvironment>> DemoEnvironment::create(const Clock &clock, const DemoOptions &options, QObject *parent)
{
    std::unique_ptr<DemoEnvironment> env(new DemoEnvironment(parent));
    Parts &p = *env->d;
    p.clock = &clock;
    if (!p.dir.isValid())
        return fail(QStringLiteral("DEMO_TEMP_DIR"), QStringLiteral("cannot create a temporary folder"));
    const SessionConfig cfg = demoSessionConfig(options);
    if (auto seeded = p.openSeededStore(cfg, options); !seeded)
        return std::unexpected(seeded.error());
    auto publicKey = p.startSession(cfg, options, env.get());
    if (!publicKey)
        return std::unexpected(publicKey.error());
    if (options.embeddedCentral)
        if (auto started = p.startEmbeddedCentral(cfg, options, *publicKey); !started)
            return std::unexpected(started.error());
    p.bridge = new SyncBridge(p.session, *p.db, p.sync.get(), clock, env.get());
    p.startSimulator(options, env.get());
    return env;
}

CheckpointSession *DemoEnvironment::session() const { return d->session; }
Sources::SimulatorSource *DemoEnvironment::simulator() const { return d->simulator; }
Store::Database &DemoEnvironment::database() const { return *d->db; }
const QList<DemoDocument> &DemoEnvironment::documents() const { return d->docs; }
QString DemoEnvironment::centralUrl() const { return d->centralUrl; }

void DemoEnvironment::refreshSyncStatus()
{
    d->bridge->refresh();
}

Result<void> DemoEnvironment::syncNow()
{
    if (!d->sync)
        return fail(QStringLiteral("DEMO_NO_CENTRAL"), QStringLiteral("the demo runs without a central service"));
    auto round = d->sync->runOnce();
    refreshSyncStatus();
    if (!round)
        return std::unexpected(round.error());
    return {};
}

bool DemoEnvironment::playNext()
{
    if (d->simulator->status() != Sources::SourceStatus::Running)
        d->simulator->start();
    return d->simulator->next();
}

Result<void> DemoEnvironment::setCentralRunning(bool running)
{
    if (!d->api)
        return fail(QStringLiteral("DEMO_NO_CENTRAL"), QStringLiteral("the demo runs without a central service"));
    if (!running) {
        d->http.reset();
        return {};
    }
    if (d->http)
        return {};
    d->http = std::make_unique<Central::HttpAdapter>(*d->api);
    auto port = d->http->listen(QHostAddress::LocalHost, d->centralPort, d->tls);
    if (!port)
        return std::unexpected(port.error());
    return {};
}

} // namespace Kiosk::Session
