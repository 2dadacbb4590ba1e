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
#include "sync/client/kioskconfig.h"
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
    Sync::KioskConfig config;
};

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

const Sync::KioskConfig &KioskDeployment::config() const
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

Result<std::unique_ptr<KioskDeployment>> KioskDeployment::create(const Clock &clock, const DeploymentOptions &o)
{
    auto config = Sync::KioskConfig::load(o.configPath);
    if (!config)
        return std::unexpected(config.error());
    // The information screen is a public screen: it records nothing, so it holds no signing
    // key (the key setting may be absent; when present it is not read), no recorder, no outbox
    // and no sync client, and it reads the database through a read-only handle.
    const bool records = o.role == Session::Role::Console;
    if (config->databasePath.isEmpty() || (records && config->keyFile.isEmpty()) || config->kioskId.isEmpty() || config->checkpoint.isEmpty())
        return fail(QStringLiteral("CONFIG_INVALID"),
                    QStringLiteral("%1: [kiosk] id, checkpoint, database%2 are required")
                        .arg(config->sourceFile.isEmpty() ? Sync::KioskConfig::defaultPath() : config->sourceFile,
                             records ? QStringLiteral(" and key") : QString()));
    const QString operatorsPath = !o.operatorsPath.isEmpty() ? o.operatorsPath : config->operatorsFile;
    auto operators = Session::OperatorDirectory::fromFile(operatorsPath);
    if (!operators && o.role == Session::Role::Console)
        return std::unexpected(operators.error());
    // The anchor first: a kiosk configured with the development key does not start.
    auto anchor = Session::policyTrustAnchor(*config, Session::AnchorUse::Deployment);
    if (!anchor)
        return std::unexpected(anchor.error());
    std::optional<Crypto::Ed25519PrivateKey> key;
    if (records) {
        auto read = Crypto::Ed25519PrivateKey::fromFile(config->keyFile);
        if (!read)
            return std::unexpected(read.error());
        key.emplace(std::move(*read));
    }
    // The readers are checked with the rest of the settings, before anything starts: a typo in
    // [sources] is an error naming its key, not a kiosk that silently reads nothing.
    std::vector<std::unique_ptr<Sources::DocumentSource>> sources;
    int cameraRemovedAfterFrames = Sources::CameraSettings{}.removedAfterFrames;
    QString consoleLanguage;
    if (!config->sourceFile.isEmpty()) {
        QSettings settings(config->sourceFile, QSettings::IniFormat);
        auto read = Sources::readSourcesConfig(settings);
        if (!read)
            return std::unexpected(read.error());
        sources = Sources::createSources(*read);
        consoleLanguage = settings.value(QStringLiteral("console/language")).toString().trimmed();
        // The session runs the camera's OCR, so it counts the frames that mean "removed".
        cameraRemovedAfterFrames = read->camera.removedAfterFrames;
    }

    std::unique_ptr<KioskDeployment> k(new KioskDeployment);
    Parts &p = *k->d;
    p.consoleLanguage = consoleLanguage;
    p.config = *config;
    // The information screen still proves it reads this kiosk's database (id and checkpoint);
    // only the console has a key to compare as well.
    auto db = records ? Session::openKioskDatabase(*config, key->publicKey().raw())
                      : Session::openKioskDatabase(*config, {}, Session::DatabaseAccess::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    p.db.emplace(std::move(*db));
    // A damaged file is not written into (README "A damaged kiosk database").
    if (const QStringList damaged = Store::fileProblems(*p.db); !damaged.isEmpty())
        return fail(QStringLiteral("STORE_DAMAGED"), QStringLiteral("the kiosk database %1 is damaged (%2); run `kioskctl log verify --full`")
                                                         .arg(config->databasePath, damaged.first()));
    // The same policy as `kioskctl record`: a newer version the central side published (and
    // this kiosk pulled and verified) beats the configured file; its age is its own date's.
    auto policy = Session::loadPolicy(*config, *p.db, anchor->key, o.policyPath);
    if (!policy)
        return std::unexpected(policy.error());
    Session::StoreBackend::Recorder recorder; // none: the backend refuses with RECORDING_UNAVAILABLE
    if (records) {
        p.signer.emplace(std::move(*key));
        p.recorder.emplace(*p.db, *p.signer, config->kioskId, config->checkpoint);
        p.recorder->keepChainFilesBeside(config->keyFile);
        recorder = Session::eventRecorder(*p.recorder);
    }

    Session::SessionConfig cfg;
    cfg.role = o.role;
    cfg.kioskId = config->kioskId;
    cfg.checkpoint = config->checkpoint;
    cfg.idleLockMinutes = o.idleLockMinutes;
    cfg.cameraRemovedAfterFrames = cameraRemovedAfterFrames;
    cfg.staffPinHash = config->info.staffPinHash; // empty: the information screen has no staff exit
    // A deployment verifies seals against its own signer store (resources/trust/vds layout).
    cfg.vdsTrustFolder = QFileInfo(config->databasePath).dir().filePath(QStringLiteral("trust/vds"));
    const int workingSetDays = policy->set.lookBackDays(); // before the set moves to the backend
    auto backend = std::make_unique<Session::StoreBackend>(*p.db, std::move(policy->set),
                                                           Session::StoreBackend::Identity{cfg.kioskId, cfg.checkpoint, cfg.zone},
                                                           std::move(recorder), policy->datedAt);
    Session::StoreBackend *backendPtr = backend.get(); // owned by the session from here
    p.session = new Session::CheckpointSession(cfg, clock, operators ? std::move(*operators) : Session::OperatorDirectory{},
                                               std::move(backend), k.get());
    if (records && !config->centralUrl.isEmpty()) {
        // The same settings as `kioskctl sync`: policy, watchlist, permits and visas pulled and
        // applied only when they verify against the policy trust anchor.
        // The pulled crossings kept are the policy's working set (app/store/workingset.h).
        Sync::SyncSettings settings = Session::syncSettingsFor(*config, anchor->key);
        settings.workingSetDays = workingSetDays;
        auto sync = Sync::SyncClient::create(*p.db, settings, clock, systemScheduler());
        if (!sync)
            return std::unexpected(sync.error());
        p.sync = std::move(*sync);
        p.sync->start();
    }
    auto *bridge = new Session::SyncBridge(p.session, *p.db, p.sync.get(), clock, k.get());
    // A policy pulled while running is in force at once (verdicts and the information
    // screen's regime lines).
    bridge->followPulledPolicy(backendPtr, anchor->key);
    // Without a sync client of its own, the information screen learns of a policy another
    // program pulled into the database (the console, kioskctl sync) by looking there.
    if (!p.sync)
        bridge->watchStore(std::chrono::seconds(60));
    p.sources = std::move(sources);
    for (auto &source : p.sources) {
        p.session->attachSource(source.get());
        source->start();
    }
    return k;
}
