// libFuzzer target for CentralApi::handle, the one parser that faces the network (issue 12 §4,
// issue 17): any method, path, query, headers and body, against a real (SQLite) central
// database with one enrolled kiosk. Half the inputs are signed with that kiosk's key, so the
// fuzzer gets past the authentication into the push, feed and reference parsers; the other
// half reach the authenticator with the bytes as header values. Invariants: a known status,
// a JSON object body, an error code on every refusal, and nothing unauthenticated answered 200.
#include "app/core/clock.h"
#include "app/crypto/ed25519.h"
#include "sync/central/centralapi.h"
#include "sync/central/centraldatabase.h"
#include "sync/central/centralservice.h"
#include "sync/eventlog/requestsignature.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace Kiosk;

namespace {

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

Rig &rig()
{
    static int argc = 1;
    static char name[] = "fuzz_centralapi";
    static char *argv[] = {name, nullptr};
    // Made once and never destroyed: the process ends under libFuzzer's control, and tearing
    // down the SQL connection after Qt's own statics would crash in exit(), not in the target.
    static auto *app = new QCoreApplication(argc, argv);
    (void)app;
    static Rig &r = *new Rig;
    static bool ready = false;
    if (!ready) {
        auto db = Central::CentralDatabase::open(QStringLiteral("sqlite:") + r.dir.filePath(QStringLiteral("central.db")));
        if (!db)
            std::abort();
        r.db.emplace(std::move(*db));
        r.service.emplace(*r.db);
        auto key = Crypto::Ed25519PrivateKey::generate();
        if (!key || !r.service->addKiosk({QStringLiteral("KIOSK-FUZ-01"), QStringLiteral("FUZ"), key->publicKey().raw(), false}))
            std::abort();
        r.key.emplace(std::move(*key));
        r.auth.emplace(*r.service, r.clock, 300);
        r.api.emplace(*r.service, &*r.auth);
        ready = true;
    }
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    Rig &r = rig();
    const bool sign = (data[0] & 1) != 0;
    const QByteArray method = (data[0] & 2) ? QByteArray("POST") : QByteArray("GET");
    // The rest: TARGET \n BODY (signed), or TARGET \n ID \n TIMESTAMP \n NONCE \n SIGNATURE \n BODY.
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    QList<QByteArray> parts = rest.split('\n');
    const QByteArray target = parts.value(0);
    const qsizetype q = target.indexOf('?');
    const QString path = QString::fromUtf8(q < 0 ? target : target.left(q));
    const QUrlQuery query(QString::fromUtf8(q < 0 ? QByteArray() : target.mid(q + 1)));
    EventLog::RequestCredentials credentials;
    QByteArray body;
    if (sign) {
        body = parts.mid(1).join('\n');
        auto c = EventLog::signRequest(*r.key, QStringLiteral("KIOSK-FUZ-01"), method, EventLog::requestTarget(path, query), body, r.clock.now());
        if (!c)
            std::abort();
        credentials = *c;
    } else {
        credentials = EventLog::RequestCredentials{parts.value(1), parts.value(2), parts.value(3), parts.value(4)};
        body = parts.mid(5).join('\n');
    }
    const Central::ApiResponse response = r.api->handle(method, path, query, body, credentials);
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
    if (!sign && response.status == 200)
        std::abort();
    r.clock.advanceSeconds(1); // nonces age out of the window as requests go by
    return 0;
}
