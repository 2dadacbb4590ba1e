// libFuzzer target for CentralApi::handle, the one parser that faces the network: any
// method, path, query, headers and body, against a real (SQLite) central
// database with one enrolled kiosk. Half the inputs are signed with that kiosk's key, so the
// fuzzer gets past the authentication into the push, feed and reference parsers; the other
// half reach the authenticator with the bytes as header values. Invariants: a known status,
// a JSON object body, an error code on every refusal, and nothing unauthenticated answered 200.
#include "tests/fuzz/centralapirig.h"

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace Kiosk;


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    FuzzSupport::Rig &r = FuzzSupport::rig("fuzz_centralapi");
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
        auto c = EventLog::signRequest(*r.key, FuzzSupport::FuzzKioskId, method, EventLog::requestTarget(path, query), body, r.clock.now());
        if (!c)
            std::abort();
        credentials = *c;
    } else {
        credentials = EventLog::RequestCredentials{parts.value(1), parts.value(2), parts.value(3), parts.value(4)};
        body = parts.mid(5).join('\n');
    }
    FuzzSupport::checkAnswer(r.api->handle(method, path, query, body, credentials), sign);
    r.clock.advanceSeconds(1); // nonces age out of the window as requests go by
    return 0;
}
