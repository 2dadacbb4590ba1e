// libFuzzer target for the sync client's readers of central answers: the
// registry, the feed and the kiosk head bodies come over the network. Any bytes give a result
// or a SYNC_PROTOCOL error, never a crash; an accepted registry has unique non-empty ids and
// 32-byte keys, an accepted feed page strictly increasing feed ids after the cursor and a next
// no earlier than the last, an accepted head a 32-byte hash unless its sequence is 0.
// Seeds: corpus/fuzz_centralreplies/.
#include "sync/client/centralreplies.h"

#include <QSet>

#include <cstdint>
#include <cstdlib>

using namespace Kiosk;
using namespace Kiosk::Sync;

namespace {

template <typename T>
void requireProtocolError(const Result<T> &r)
{
    if (!r && r.error().code != QLatin1String("SYNC_PROTOCOL"))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto registry = parseRegistryReply(body);
    requireProtocolError(registry);
    if (registry) {
        QSet<QString> ids;
        for (const Store::RegistryEntry &e : *registry) {
            if (e.kioskId.isEmpty() || e.publicKey.size() != 32 || ids.contains(e.kioskId))
                std::abort();
            ids.insert(e.kioskId);
        }
    }
    const qint64 after = 7;
    const auto feed = parseFeedReply(body, after);
    requireProtocolError(feed);
    if (feed) {
        qint64 last = after;
        for (const FeedItem &i : feed->events) {
            if (i.feedId <= last || i.bytes.isEmpty() || i.signature.isEmpty())
                std::abort();
            last = i.feedId;
        }
        if (feed->next < last)
            std::abort();
    }
    const auto head = parseKioskHeadReply(body, QStringLiteral("KIOSK-GYD-01"));
    requireProtocolError(head);
    if (head && (head->sequence < 0 || (head->sequence > 0 && head->hash.size() != 32)))
        std::abort();
    return 0;
}
