#pragma once
// How the store keeps a pulled event's signed bytes (resources/sql/009_remote_event_packing.sql):
// raw DEFLATE with a preset dictionary of the canonical event layout (sync/eventlog/event.h), so
// that the keys and common values every event repeats cost next to nothing. About 560 bytes of
// signed JSON become about 200. The dictionary is part of the file format: encoding 1 means
// THIS dictionary, for ever; a different one needs a new encoding number.
#include <QByteArray>
#include <optional>

namespace Kiosk::Store {

enum class EventEncoding : int { Plain = 0, DeflateV1 = 1 };

struct PackedEvent
{
    QByteArray data;
    EventEncoding encoding = EventEncoding::Plain;
};

// Packs `bytes`; falls back to Plain when packing fails or does not read back exactly.
[[nodiscard]] PackedEvent packEventBytes(const QByteArray &bytes);
// The signed bytes again; nullopt when `data` does not unpack (a damaged row).
[[nodiscard]] std::optional<QByteArray> unpackEventBytes(const QByteArray &data, int encoding);

} // namespace Kiosk::Store
