#pragma once
// The central side both API fuzz targets run against (fuzz_centralapi, fuzz_central_api): a
// real SQLite central database with one enrolled kiosk whose key the fuzzer signs with, the
// authenticator on a fixed clock, and the API. Made once per process and never destroyed.
#include "app/core/clock.h"
#include "app/crypto/ed25519.h"
#include "sync/central/centralapi.h"
#include "sync/central/centraldatabase.h"
#include "sync/central/centralservice.h"
#include "sync/eventlog/requestsignature.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdlib>
#include <optional>

namespace Kiosk::FuzzSupport {

inline const QString FuzzKioskId = QStringLiteral("KIOSK-FUZ-01");

struct Rig
{
    QTemporaryDir dir;
    std::optional<Central::CentralDatabase> db;
    std::optional<Central::CentralService> service;
    FixedClock clock{QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC)};
    std::optional<Central::RequestAuthenticator> auth;
    std::optional<Central::CentralApi> api;
    std::optional<Crypto::Ed25519PrivateKey> key;
};

inline Rig &rig(const char *programName)
{
    static int argc = 1;
    static char *argv[] = {const_cast<char *>(programName), nullptr};
    // Made once and never destroyed: the process ends under libFuzzer's control, and tearing
    // down the SQL connection after Qt's own statics would crash in exit(), not in the target.
    static auto *app = new QCoreApplication(argc, argv);
    (void)app;
    static Rig &r = *new Rig;
    static bool ready = false;
    if (!ready) {
        auto db = Central::CentralDatabase::open(QStringLiteral("sqlite:") + r.dir.filePath(QStringLiteral("central.db")), r.clock);
        if (!db)
            std::abort();
        r.db.emplace(std::move(*db));
        r.service.emplace(*r.db);
        auto key = Crypto::Ed25519PrivateKey::generate();
        if (!key || !r.service->addKiosk({FuzzKioskId, QStringLiteral("FUZ"), key->publicKey().raw(), false}))
            std::abort();
        r.key.emplace(std::move(*key));
        r.auth.emplace(*r.service, r.clock, 300);
        r.api.emplace(*r.service, &*r.auth);
        ready = true;
    }
    return r;
}

// The invariants every API answer keeps, whatever was asked: a known status, a JSON object
// body, an error code on every refusal, and nothing unsigned answered 200.
inline void checkAnswer(const Central::ApiResponse &response, bool signedRequest)
{
    static const QList<int> known{200, 400, 401, 403, 404, 405, 413, 503};
    if (!known.contains(response.status))
        std::abort();
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        std::abort();
    if (response.status != 200 && doc.object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString().isEmpty())
        std::abort();
    // Forged credentials never get an answer (the odds of a valid Ed25519 signature are nil).
    if (!signedRequest && response.status == 200)
        std::abort();
}

} // namespace Kiosk::FuzzSupport
