#include "app/store/eventpacking_p.h"

#include <zlib.h>

namespace Kiosk::Store {

namespace {

// Version 1 of the dictionary: an event's canonical shape, the most common values last (DEFLATE
// reaches back to the nearest match, and nearer is cheaper). Never change it: rows of encoding 1
// were written with exactly these bytes.
constexpr char kDictionaryV1[] =
    "REFUSEREFERrefusalreferoverrideexitOVERSTAYVISA_VALIDRESIDENCE_PERMIT_VALIDPREVIOUS_EXIT_MISSING"
    "{\"checkpoint\":\"\",\"direction\":\"entry\",\"document\":{\"birthDate\":\"19\",\"birthDateRaw\":\"\",\"code\":\"P\","
    "\"givenNames\":\"\",\"issuingState\":\"\",\"nationality\":\"\",\"number\":\"\",\"sex\":\"M\",\"surname\":\"\"},"
    "\"id\":\"\",\"kind\":\"crossing\",\"kioskId\":\"KIOSK-\",\"officer\":\"\",\"overrideReason\":\"\",\"policyVersion\":\"\","
    "\"prevHash\":\"\",\"reasons\":[\"VISA_FREE\"],\"recordedAt\":\"2026-T:00+04:00\",\"sequence\":,\"v\":2,\"verdict\":\"ADMIT\"}";

// One compressor per thread, reset between events: setting up a DEFLATE stream (its window and
// hash tables) costs far more than packing one event (117 us against about 15 us here).
class Deflater
{
public:
    Deflater() { m_ok = deflateInit2(&m_stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK; }
    ~Deflater()
    {
        if (m_ok)
            deflateEnd(&m_stream);
    }
    Deflater(const Deflater &) = delete;
    Deflater &operator=(const Deflater &) = delete;

    std::optional<QByteArray> pack(const QByteArray &bytes)
    {
        if (!m_ok || deflateReset(&m_stream) != Z_OK
            || deflateSetDictionary(&m_stream, reinterpret_cast<const Bytef *>(kDictionaryV1), sizeof kDictionaryV1 - 1) != Z_OK)
            return std::nullopt;
        QByteArray buffer(static_cast<qsizetype>(deflateBound(&m_stream, static_cast<uLong>(bytes.size()))), Qt::Uninitialized);
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
        m_stream.avail_in = static_cast<uInt>(bytes.size());
        m_stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
        m_stream.avail_out = static_cast<uInt>(buffer.size());
        if (deflate(&m_stream, Z_FINISH) != Z_STREAM_END)
            return std::nullopt;
        buffer.truncate(static_cast<qsizetype>(m_stream.total_out));
        return buffer;
    }

private:
    z_stream m_stream{};
    bool m_ok = false;
};

std::optional<QByteArray> deflateV1(const QByteArray &bytes)
{
    thread_local Deflater deflater;
    return deflater.pack(bytes);
}

std::optional<QByteArray> inflateV1(const QByteArray &data)
{
    z_stream s{};
    if (inflateInit2(&s, -15) != Z_OK)
        return std::nullopt;
    std::optional<QByteArray> out;
    if (inflateSetDictionary(&s, reinterpret_cast<const Bytef *>(kDictionaryV1), sizeof kDictionaryV1 - 1) == Z_OK) {
        QByteArray result;
        char chunk[4096];
        s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
        s.avail_in = static_cast<uInt>(data.size());
        int rc = Z_OK;
        while (rc == Z_OK && result.size() < 1 << 20) { // an event is far below 1 MiB
            s.next_out = reinterpret_cast<Bytef *>(chunk);
            s.avail_out = sizeof chunk;
            rc = inflate(&s, Z_NO_FLUSH);
            result.append(chunk, static_cast<qsizetype>(sizeof chunk - s.avail_out));
            if (rc == Z_OK && s.avail_in == 0 && s.avail_out != 0)
                break; // input ended before the stream did: truncated
        }
        if (rc == Z_STREAM_END && s.avail_in == 0)
            out = result;
    }
    inflateEnd(&s);
    return out;
}

} // namespace

PackedEvent packEventBytes(const QByteArray &bytes)
{
    if (auto packed = deflateV1(bytes); packed && packed->size() < bytes.size() && inflateV1(*packed) == bytes)
        return PackedEvent{*packed, EventEncoding::DeflateV1};
    return PackedEvent{bytes, EventEncoding::Plain};
}

std::optional<QByteArray> unpackEventBytes(const QByteArray &data, int encoding)
{
    switch (encoding) {
    case static_cast<int>(EventEncoding::Plain):
        return data;
    case static_cast<int>(EventEncoding::DeflateV1):
        return inflateV1(data);
    default:
        return std::nullopt;
    }
}

} // namespace Kiosk::Store
