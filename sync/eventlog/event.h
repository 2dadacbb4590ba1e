#pragma once
// A recorded crossing (or officer override, or REFER decision) as a signed, hash-chained
// event (issue 4 §1).
//
// CANONICAL BYTES, format version 1. The bytes are produced ONCE when the event is made,
// stored as they are, signed as they are and hashed as they are; nothing is re-serialised
// before verification. They are UTF-8 JSON with:
//   - one object, keys sorted by their UTF-16 code units (QJsonObject order; every key is
//     ASCII so that is also byte order), nested objects the same way;
//   - no whitespace outside strings;
//   - values are strings, arrays of strings or integers only (no floats, no null); the sequence number is an
//     integer below 2^53;
//   - hashes as lower-case hex, dates ISO 8601.
// Keys (all present, in this order):
//   checkpoint, direction ("entry"|"exit"), document {birthDate (ISO date, "" when the MRZ gives
//   no full date), birthDateRaw (YYMMDD as printed), code, givenNames, issuingState,
//   nationality, number, sex, surname}, id (UUID, no braces),
//   kind ("crossing"|"override"|"refer"|"refusal"), kioskId, officer, policyVersion, prevHash (64 hex; 64
//   zeros for sequence 1), reasons (array of reason-code strings), recordedAt (local date-time with
//   its UTC offset, "2026-11-29T09:15:00+04:00"), sequence, v (1), verdict ("ADMIT"|...).
// parseEvent() accepts a byte string only if it is exactly the canonical form of what it
// parsed, so two different byte strings never carry the same event.
#include "app/core/error.h"
#include "app/core/verdict.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Kiosk::EventLog {

inline constexpr int FormatVersion = 1;
inline constexpr qint64 MaxSequence = (qint64(1) << 53) - 1;

struct DocumentIdentity
{
    QString code;          // "P", "ID", ...
    QString issuingState;  // ICAO code
    QString number;
    QString nationality;
    QString surname;
    QString givenNames;
    QString birthDate;     // ISO 8601 date, empty when unknown
    QString birthDateRaw;  // YYMMDD as printed (may hold '<' for unknown parts)
    QString sex;           // "M" | "F" | "X"

    friend bool operator==(const DocumentIdentity &, const DocumentIdentity &) = default;
};

struct Event
{
    QString id;            // UUID without braces
    QString kioskId;
    qint64 sequence = 0;   // contiguous from 1 per kiosk
    QString checkpoint;
    QString officer;
    QString kind = QStringLiteral("crossing"); // crossing | override | refer | refusal
    Direction direction = Direction::Entry;
    DocumentIdentity document;
    QString verdict;       // "ADMIT" | "REFER" | "REFUSE"
    QStringList reasons;   // reason codes
    QString policyVersion;
    QDateTime recordedAt;  // local time with its UTC offset
    QByteArray prevHash;   // 32 raw bytes; all zero for sequence 1

    friend bool operator==(const Event &, const Event &) = default;
};

// SHA-256 of nothing-before-the-first-event: 32 zero bytes.
[[nodiscard]] QByteArray genesisHash();

// The canonical bytes of `event`. Errors: EVENT_INVALID (a field out of its domain, named).
[[nodiscard]] Result<QByteArray> canonicalBytes(const Event &event);

// Parses canonical bytes. Errors: EVENT_MALFORMED (not JSON, a key missing or of the wrong
// type, an unknown format version), EVENT_NOT_CANONICAL (valid, but not the canonical form).
[[nodiscard]] Result<Event> parseEvent(QByteArrayView bytes);

// An event as it is stored and sent: its canonical bytes, the kiosk's Ed25519 signature
// over exactly those bytes, and the fields parsed from them (for indexing; never re-encoded).
struct SignedEvent
{
    QByteArray bytes;
    QByteArray signature; // 64 bytes
    Event event;

    // SHA-256 of the signed bytes: the next event's prevHash.
    [[nodiscard]] QByteArray hash() const;
};

// Rebuilds a SignedEvent from stored bytes + signature (parses, does not verify).
[[nodiscard]] Result<SignedEvent> signedEventFromStorage(QByteArray bytes, QByteArray signature);

} // namespace Kiosk::EventLog
