#pragma once
// Who is asking: every request to border-central carries the kiosk's Ed25519
// signature (sync/eventlog/requestsignature.h). The authenticator answers with the kiosk id,
// or with the refusal the API returns:
//   401 AUTH_MISSING        no or incomplete X-Kiosk-* headers
//   401 AUTH_UNKNOWN_KIOSK  no such kiosk in the registry
//   401 AUTH_BAD_SIGNATURE  the signature does not verify with the kiosk's registered key
//   401 AUTH_EXPIRED        the timestamp is outside the replay window of the central clock
//   401 AUTH_REPLAYED       the nonce was seen inside the window (a captured request sent again)
//   403 KIOSK_REVOKED       a valid signature of a revoked kiosk
// The registry is read per request (one indexed row), so a revocation holds from the next
// request on, even one made by another process on the same database. So are the nonces
// (CentralService::rememberNonce, the request_nonces table): a request accepted by one
// border-central instance is AUTH_REPLAYED at every other instance on the same database.
// Nonces are remembered for twice the window (then the timestamp alone refuses them); expired
// ones are deleted at most once per window per instance.
#include "app/core/clock.h"
#include "sync/central/centralservice.h"
#include "sync/eventlog/requestsignature.h"

#include <QByteArray>
#include <QString>

#include <expected>

namespace Kiosk::Central {

inline constexpr int kDefaultReplayWindowSeconds = 300;

struct AuthRefusal
{
    int status = 401;
    QString code;
    QString message;
};

class RequestAuthenticator
{
public:
    RequestAuthenticator(CentralService &service, const Clock &clock, int replayWindowSeconds = kDefaultReplayWindowSeconds);

    // The authenticated kiosk's id. `target`: the path with its query as signed.
    [[nodiscard]] std::expected<QString, AuthRefusal> authenticate(QByteArrayView method, QByteArrayView target, QByteArrayView body,
                                                                   const EventLog::RequestCredentials &credentials);

private:
    CentralService &m_service;
    const Clock &m_clock;
    qint64 m_window;
    qint64 m_nextPrune = 0; // central clock, Unix seconds: when this instance next deletes expired nonces
};

} // namespace Kiosk::Central
