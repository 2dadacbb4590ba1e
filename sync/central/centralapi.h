#pragma once
// The central service's HTTP API as plain C++: a request in, a JSON response out.
// The QtHttpServer adapter (httpadapter.h) only moves bytes; everything testable is here.
//
// Versioned paths (JSON bodies; byte strings are base64):
//   GET  /v1/health                       {"status":"ok","schema":N}
//   POST /v1/events                       {"events":[{"bytes":B64,"signature":B64}]}
//        -> 200 {"results":[{"id","kioskId","sequence","status":"stored|duplicate|rejected",
//                            "reason","detail","gap"}]}   (one per event, in order)
//   GET  /v1/feed?after=N&limit=M         {"events":[{"feedId","bytes","signature"}],"next":N}
//   GET  /v1/kiosks                       {"kiosks":[{"id","checkpoint","publicKey","revoked"}]}
//   GET  /v1/kiosks/{id}/head             {"kioskId","sequence","hash"}: the newest stored event of a
//                                          kiosk, asked by that kiosk only (403 WRONG_KIOSK otherwise)
//   GET  /v1/reference/KIND[/VERSION]     {"kind","version","body","signature"}
// Errors: 4xx/5xx with {"error":{"code","message"}}; 503 when the database fails (retry).
//
// Authentication: with a RequestAuthenticator every request, on every path, must
// be signed by an enrolled, unrevoked kiosk (401/403 otherwise, sync/central/requestauth.h),
// and a pushed event must be the authenticated kiosk's own (else it is rejected WRONG_KIOSK).
// Without one (nullptr) the API answers anyone: `border-central serve --insecure-demo` and the
// demo only.
#include "sync/central/centralservice.h"
#include "sync/central/requestauth.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace Kiosk::Central {

// Events per push (413 BATCH_TOO_LARGE beyond): 5,000 events of about 0.9 KB each as base64
// JSON is some 4.6 MB, inside the HTTP server's 8 MiB body limit; a backlog drains in fewer
// round trips and commits.
inline constexpr int MaxBatch = 5000;

struct ApiResponse
{
    int status = 200;
    QByteArray body; // JSON
};

class CentralApi
{
public:
    // `auth` nullptr: unauthenticated (the demo); else kept for the API's lifetime.
    CentralApi(CentralService &service, RequestAuthenticator *auth) : m_service(service), m_auth(auth) {}

    [[nodiscard]] ApiResponse handle(const QByteArray &method, const QString &path, const QUrlQuery &query,
                                     const QByteArray &body, const EventLog::RequestCredentials &credentials = {});

    [[nodiscard]] bool authenticates() const { return m_auth != nullptr; }

private:
    CentralService &m_service;
    RequestAuthenticator *m_auth;
};

} // namespace Kiosk::Central
