#include "app/kiosk/deployment.h"

#include "app/crypto/ed25519.h"
#include "app/session/eventrecorder.h"
#include "app/session/kioskdatabase.h"
#include "app/session/kioskpolicy.h"
#include "app/session/storebackend.h"
#include "app/session/syncbridge.h"
#include "app/store/database.h"
#include "scanner/sources/sourcefactory.h"
#include "sync/client/chaintail.h"
#include "sync/client/crossingrecorder.h"
#include "app/core/kioskconfig.h"
#include "sync/client/syncclient.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

using namespace Kiosk;

struct KioskDeployment::Parts
{
    std::optional<Store::Database> db;
    std::optional<EventLog::EventSigner> signer;
    std::optional<Sync::CrossingRecorder> recorder;
    std::unique_ptr<Sync::SyncClient> sync;
    Session::CheckpointSession *session = nullptr;
    // The document readers of [sources] in the kiosk's settings (default: keyboard wedge).
    std::vector<std::unique_ptr<Sources::DocumentSource>> sources;
    QString consoleLanguage;
    KioskConfig config;

    Result<void> openDatabase(const std::optional<Crypto::Ed25519PrivateKey> &key);
    Session::StoreBackend *startSession(const Clock &clock, const DeploymentOptions &o, std::optional<Crypto::Ed25519PrivateKey> key,
                                        Session::LoadedPolicy policy, Session::OperatorDirectory operators, int cameraRemovedAfterFrames,
                                        KioskDeployment *owner);
    Result<void> startSync(const Clock &clock, const Crypto::Ed25519PublicKey &anchor, int workingSetDays);
    void followPolicies(const Clock &clock, Session::StoreBackend *backend, const Crypto::Ed25519PublicKey &anchor, KioskDeployment *owner);
    void startReaders(std::vector<std::unique_ptr<Sources::DocumentSource>> readers);
};

namespace {

// kiosk.ini, with what the role needs of [kiosk] present.
Result<KioskConfig> loadConfig(const DeploymentOptions &o, bool records)
{
    auto config = KioskConfig::load(o.configPath);
    if (!config)
        return std::unexpected(config.error());
    if (config->databasePath.isEmpty() || (records && config->keyFile.isEmpty()) || config->kioskId.isEmpty() || config->checkpoint.isEmpty())
        return fail(QStringLiteral("CONFIG_INVALID"),
                    QStringLiteral("%1: [kiosk] id, checkpoint, database%2 are required")
                        .arg(config->sourceFile.isEmpty() ? KioskConfig::defaultPath() : config->sourceFile,
                             records ? QStringLiteral(" and key") : QString()));
    return config;
}

// The signing key of a kiosk that records; none for one that does not.
Result<std::optional<Crypto::Ed25519PrivateKey>> readSigningKey(const KioskConfig &config, bool records)
{
    std::optional<Crypto::Ed25519PrivateKey> key;
    if (records) {
        auto read = Crypto::Ed25519PrivateKey::fromFile(config.keyFile);
        if (!read)
            return std::unexpected(read.error());
        key.emplace(std::move(*read));
    }
    return key;
}

// What the settings say of the document readers and the console.
struct ReaderSettings
{
    std::vector<std::unique_ptr<Sources::DocumentSource>> sources;
    int cameraRemovedAfterFrames = Sources::CameraSettings{}.removedAfterFrames;
    QString consoleLanguage;
};

// The readers are checked with the rest of the settings, before anything starts: a typo in
// [sources] is an error naming its key, not a kiosk that silently reads nothing.
Result<ReaderSettings> readReaderSettings(const KioskConfig &config)
{
    ReaderSettings readers;
    if (config.sourceFile.isEmpty())
        return readers;
    QSettings settings(config.sourceFile, QSettings::IniFormat);
    auto read = Sources::readSourcesConfig(settings);
    if (!read)
        return std::unexpected(read.error());
    readers.sources = Sources::createSources(*read);
    readers.consoleLanguage = settings.value(QStringLiteral("console/language")).toString().trimmed();
    // The session runs the camera's OCR, so it counts the frames that mean "removed".
    readers.cameraRemovedAfterFrames = read->camera.removedAfterFrames;
    return readers;
}

} // namespace

KioskDeployment::KioskDeployment()
    : d(std::make_unique<Parts>())
{
}

KioskDeployment::~KioskDeployment()
{
    for (auto &source : d->sources)
        source->stop();
    if (d->sync)
        d->sync->stop();
}

const KioskConfig &KioskDeployment::config() const
{
    return d->config;
}

QString KioskDeployment::consoleLanguage() const
{
    return d->consoleLanguage;
}

Session::CheckpointSession *KioskDeployment::session() const
{
    return d->session;
}

Store::Database &KioskDeployment::database() const
{
    return *d->db;
}

bool KioskDeployment::hasRecorder() const
{
    return d->recorder.has_value();
}

bool KioskDeployment::hasSyncClient() const
{
    return d->sync != nullptr;
}

// The kiosk's database, proved to be this kiosk's, and not damaged.
Result<void> KioskDeployment::Parts::openDatabase(const std::optional<Crypto::Ed25519PrivateKey> &key)
{
    // The information screen still proves it reads this kiosk's database (id and checkpoint);
    // only the console has a key to compare as well.
    auto opened = key ? Session::openKioskDatabase(config, key->publicKey().raw())
                      : Session::openKioskDatabase(config, {}, Session::DatabaseAccess::ReadOnly);
    if (!opened)
        return std::unexpected(opened.error());
    db.emplace(std::move(*opened));
    // A damaged file is not written into (README "A damaged kiosk database").
    if (const QStringList damaged = Store::fileProblems(*db); !damaged.isEmpty())
        return fail(QStringLiteral("STORE_DAMAGED"), QStringLiteral("the kiosk database %1 is damaged (%2); run `kioskctl log verify --full`")
                                                         .arg(config.databasePath, damaged.first()));
    return {};
}

// The checkpoint session on the store and the policy, recording through the signing key when
// there is one; the backend, owned by the session.
Session::StoreBackend *KioskDeployment::Parts::startSession(const Clock &clock, const DeploymentOptions &o,
                                                            std::optional<Crypto::Ed25519PrivateKey> key, Session::LoadedPolicy policy,
                                                            Session::OperatorDirectory operators, int cameraRemovedAfterFrames,
                                                            KioskDeployment *owner)
{
    Session::StoreBackend::Recorder recording; // none: the backend refuses with RECORDING_UNAVAILABLE
    if (key) {
        signer.emplace(std::move(*key));
        recorder.emplace(*db, *signer, config.kioskId, config.checkpoint);
        recorder->keepChainFilesBeside(config.keyFile);
        recording = Session::eventRecorder(*recorder);
    }

    Session::SessionConfig cfg;
    cfg.role = o.role;
    cfg.kioskId = config.kioskId;
    cfg.checkpoint = config.checkpoint;
    cfg.idleLockMinutes = o.idleLockMinutes;
    cfg.cameraRemovedAfterFrames = cameraRemovedAfterFrames;
    cfg.staffPinHash = config.info.staffPinHash; // empty: the information screen has no staff exit
    // A deployment verifies seals against its own signer store (resources/trust/vds layout).
    cfg.vdsTrustFolder = QFileInfo(config.databasePath).dir().filePath(QStringLiteral("trust/vds"));
    auto backend = std::make_unique<Session::StoreBackend>(*db, std::move(policy.set),
                                                           Session::StoreBackend::Identity{cfg.kioskId, cfg.checkpoint, cfg.zone},
                                                           std::move(recording), policy.datedAt);
    Session::StoreBackend *backendPtr = backend.get(); // owned by the session from here
    session = new Session::CheckpointSession(cfg, clock, std::move(operators), std::move(backend), owner);
    return backendPtr;
}

// The sync loop, with the same settings as `kioskctl sync`: policy, watchlist, permits and
// visas pulled and applied only when they verify against the policy trust anchor; the pulled
// crossings kept are the policy's working set (app/store/workingset.h).
Result<void> KioskDeployment::Parts::startSync(const Clock &clock, const Crypto::Ed25519PublicKey &anchor, int workingSetDays)
{
    Sync::SyncSettings settings = Session::syncSettingsFor(config, anchor);
    settings.workingSetDays = workingSetDays;
    auto client = Sync::SyncClient::create(*db, settings, clock, systemScheduler());
    if (!client)
        return std::unexpected(client.error());
    sync = std::move(*client);
    sync->start();
    return {};
}

// A policy pulled while running is in force at once (verdicts and the information screen's
// regime lines). Without a sync client of its own, the information screen learns of a policy
// another program pulled into the database (the console, kioskctl sync) by looking there.
void KioskDeployment::Parts::followPolicies(const Clock &clock, Session::StoreBackend *backend, const Crypto::Ed25519PublicKey &anchor,
                                            KioskDeployment *owner)
{
    auto *bridge = new Session::SyncBridge(session, *db, sync.get(), clock, owner);
    bridge->followPulledPolicy(backend, anchor);
    if (!sync)
        bridge->watchStore(std::chrono::seconds(60));
}

// The document readers, attached to the session and started.
void KioskDeployment::Parts::startReaders(std::vector<std::unique_ptr<Sources::DocumentSource>> readers)
{
    sources = std::move(readers);
    for (auto &source : sources) {
        session->attachSource(source.get());
        source->start();
    }
}

Result<std::unique_ptr<KioskDeployment>> KioskDeployment::create(const Clock &clock, const DeploymentOptions &o)
{
    // The information screen is a public screen: it records nothing, so it holds no signing
    // key (the key setting may be absent; when present it is not read), no recorder, no outbox
    // and no sync client, and it reads the database through a read-only handle.
    const bool records = o.role == Session::Role::Console;
    auto config = loadConfig(o, records);
    if (!config)
        return std::unexpected(config.error());
    const QString operatorsPath = !o.operatorsPath.isEmpty() ? o.operatorsPath : config->operatorsFile;
    auto operators = Session::OperatorDirectory::fromFile(operatorsPath);
    if (!operators && o.role == Session::Role::Console)
        return std::unexpected(operators.error());
    // The anchor first: a kiosk configured with the development key does not start.
    auto anchor = Session::policyTrustAnchor(*config, Session::AnchorUse::Deployment);
    if (!anchor)
        return std::unexpected(anchor.error());
    auto key = readSigningKey(*config, records);
    if (!key)
        return std::unexpected(key.error());
    auto readers = readReaderSettings(*config);
    if (!readers)
        return std::unexpected(readers.error());

    std::unique_ptr<KioskDeployment> k(new KioskDeployment);
    Parts &p = *k->d;
    p.consoleLanguage = readers->consoleLanguage;
    p.config = *config;
    if (auto opened = p.openDatabase(*key); !opened)
        return std::unexpected(opened.error());
    // The same policy as `kioskctl record`: a newer version the central side published (and
    // this kiosk pulled and verified) beats the configured file; its age is its own date's.
    auto policy = Session::loadPolicy(*config, *p.db, anchor->key, o.policyPath);
    if (!policy)
        return std::unexpected(policy.error());
    const int workingSetDays = policy->set.lookBackDays(); // before the set moves to the backend
    Session::StoreBackend *backend = p.startSession(clock, o, std::move(*key), std::move(*policy),
                                                    operators ? std::move(*operators) : Session::OperatorDirectory{},
                                                    readers->cameraRemovedAfterFrames, k.get());
    if (records && !config->centralUrl.isEmpty())
        if (auto started = p.startSync(clock, anchor->key, workingSetDays); !started)
            return std::unexpected(started.error());
    p.followPolicies(clock, backend, anchor->key, k.get());
    p.startReaders(std::move(readers->sources));
    return k;
}
