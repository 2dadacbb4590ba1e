#pragma once
// ICAO Doc 9303-13 visible digital seal: header, message zone, signature zone.
// Decoding only answers "what does it say"; whether it is authentic is VdsVerifier's
// answer, and what it means for a visa is VdsVisa's.
#include "app/core/error.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace Kiosk::Vds {

// ICAO 9303-13 §2.2.1: magic constant of every seal.
inline constexpr unsigned char kMagic = 0xDC;
// §2.3: tag of the signature zone; message zone tags are 0x00..0xFE.
inline constexpr unsigned char kSignatureTag = 0xFF;

struct VdsHeader
{
    int version = 4;          // 3 or 4 (the byte holds version - 1)
    QString issuingCountry;   // ICAO 9303-3 code with fillers: "D<<", "UTO"
    QString signerId;         // 4 characters: alpha-2 country + 2 characters ("DETS")
    QString certReference;    // hex characters: 5 in version 3, any length in version 4
    QDate issueDate;
    QDate signatureDate;
    quint8 featureRef = 0;    // document feature definition reference
    quint8 docTypeCategory = 0;

    friend bool operator==(const VdsHeader &, const VdsHeader &) = default;
};

struct VdsFeature
{
    quint8 tag = 0;
    QByteArray value;

    friend bool operator==(const VdsFeature &, const VdsFeature &) = default;
};

struct VdsSeal
{
    VdsHeader header;
    int headerLength = 0;
    QList<VdsFeature> features;        // in the order found; unknown tags kept
    std::optional<QByteArray> signature; // raw r||s; absent when the seal has no signature zone
    QByteArray signedData;             // header + message zone: what the signature covers

    // The first feature with `tag`, or nullptr.
    [[nodiscard]] const VdsFeature *feature(quint8 tag) const;
};

// Decodes a seal. Errors (the message names the byte offset): VDS_NOT_A_SEAL (no 0xDC),
// VDS_BAD_VERSION, VDS_TRUNCATED, VDS_BAD_C40, VDS_BAD_DATE, VDS_BAD_LENGTH (DER length),
// VDS_TRAILING_BYTES (bytes after the signature zone).
[[nodiscard]] Result<VdsSeal> parseSeal(QByteArrayView bytes);

// --- writing (for issuers and tests) ---

// The header bytes of `header` (version 3 needs a 5-character reference).
[[nodiscard]] Result<QByteArray> encodeHeader(const VdsHeader &header);
// One message-zone TLV with a DER length (ISO/IEC 8825-1 §8.1.3).
[[nodiscard]] QByteArray encodeFeature(quint8 tag, QByteArrayView value);
// The signature zone: 0xFF, DER length, r||s.
[[nodiscard]] QByteArray encodeSignatureZone(QByteArrayView rs);
// ICAO 9303-13 §2.2.1: a date as the integer MMDDYYYY in 3 big-endian bytes.
[[nodiscard]] QByteArray encodeDate(const QDate &date);

} // namespace Kiosk::Vds
