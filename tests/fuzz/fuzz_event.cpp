// libFuzzer target for the event parser: the central side and the feed pull parse
// bytes that came over the network. Any bytes give an event or an error value with its code,
// never a crash; and an accepted byte string is exactly the canonical form of what it parsed
// to (two different byte strings never carry the same event), in the format version it names
// (1 or 2), and a version-2 event's reason list holds no OVERRIDE_REASON: text;
// ParseCheck::FieldsOnly never crashes either and reads the same event wherever the full check
// accepts the bytes.
// Seeds: corpus/fuzz_event/ (a v1 and a v2 crossing, a v1 and a v2 override).
#include "sync/eventlog/event.h"

#include <cstdint>
#include <cstdlib>

using namespace Kiosk::EventLog;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto event = parseEvent(bytes);
    // The binding check's reading (fields only) takes any bytes too, and agrees on every
    // event the full check accepts.
    const auto fields = parseEvent(bytes, ParseCheck::FieldsOnly);
    if (!fields && fields.error().code.isEmpty())
        std::abort();
    if (event && (!fields || fields->id != event->id || fields->sequence != event->sequence || fields->direction != event->direction))
        std::abort();
    if (!event) {
        if (event.error().code.isEmpty())
            std::abort();
        return 0;
    }
    const auto again = canonicalBytes(*event);
    if (!again || *again != bytes)
        std::abort();
    if (event->formatVersion < OldestFormatVersion || event->formatVersion > FormatVersion)
        std::abort();
    if (event->formatVersion >= 2) {
        for (const QString &r : event->reasons) {
            if (r.startsWith(LegacyOverrideReasonPrefix))
                std::abort();
        }
    }
    return 0;
}
