// libFuzzer target for the bytes border-central reads off the network: raw
// HTTP/1.1 request bytes, fed to the server's request reader (sync/central/httprequest.h) in
// chunks of 1-8 bytes or all at once, and every request it reads whole handed to the API
// through the same handleHttpRequest the server uses. When the first byte's low bit is set,
// each parsed request is re-signed with the enrolled kiosk's key before it goes in, so the
// fuzzer reaches past authentication into the push, feed and reference handlers.
// Invariants: the reader's answer is a request with an origin-form path and a body within the
// limit, or a refusal with one of its statuses, a code and a message; every API answer keeps
// the invariants of tests/fuzz/centralapirig.h. Seeds: corpus/fuzz_central_api/.
#include "sync/central/httpadapter.h"
#include "sync/central/httprequest.h"
#include "tests/fuzz/centralapirig.h"

#include <cstdint>
#include <cstdlib>

using namespace Kiosk;

namespace {

void resign(FuzzSupport::Rig &r, Central::HttpRequest &request)
{
    auto c = EventLog::signRequest(*r.key, FuzzSupport::FuzzKioskId, request.method, EventLog::requestTarget(request.path, request.query), request.body,
                                   r.clock.now());
    if (!c)
        std::abort();
    const QList<QByteArrayView> names{EventLog::kKioskIdHeader, EventLog::kTimestampHeader, EventLog::kNonceHeader, EventLog::kSignatureHeader};
    request.headers.removeIf([&](const auto &h) {
        for (const QByteArrayView n : names)
            if (h.first.compare(n, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    });
    const QList<QByteArray> values{c->kioskId, c->timestamp, c->nonce, c->signature};
    for (qsizetype i = 0; i < names.size(); ++i)
        request.headers.append({names.at(i).toByteArray().toLower(), values.at(i)});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    FuzzSupport::Rig &r = FuzzSupport::rig("fuzz_central_api");
    const bool sign = (data[0] & 1) != 0;
    const int chunkCode = (data[0] >> 1) & 7;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const qsizetype chunk = chunkCode == 0 ? qMax<qsizetype>(1, bytes.size()) : chunkCode;

    Central::HttpLimits limits;
    limits.maxHeaderBytes = 4096; // small limits, so the fuzzer reaches them
    limits.maxBodyBytes = 64 * 1024;
    Central::HttpRequestParser parser(limits);
    int requests = 0;
    for (qsizetype at = 0; at < bytes.size() && parser.state() != Central::HttpRequestParser::State::Refused; at += chunk) {
        (void)parser.feed(bytes.sliced(at, qMin(chunk, bytes.size() - at)));
        while (parser.state() == Central::HttpRequestParser::State::Ready && requests < 8) {
            Central::HttpRequest request = parser.take();
            ++requests;
            if (request.method.isEmpty() || !request.target.startsWith('/') || request.body.size() > limits.maxBodyBytes)
                std::abort();
            if (sign)
                resign(r, request);
            FuzzSupport::checkAnswer(Central::handleHttpRequest(*r.api, request), sign);
            r.clock.advanceSeconds(1); // nonces age out of the window as requests go by
        }
        if (requests >= 8)
            break;
    }
    if (parser.state() == Central::HttpRequestParser::State::Refused) {
        static const QList<int> statuses{400, 413, 431, 501, 505};
        const Central::HttpRefusal &refusal = parser.refusal();
        if (!statuses.contains(refusal.status) || refusal.code.isEmpty() || refusal.message.isEmpty())
            std::abort();
    }
    return 0;
}
