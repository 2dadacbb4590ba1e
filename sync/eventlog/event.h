#pragma once
// A recorded crossing (or officer override, or REFER decision) as a signed, hash-chained
// event.
//
// CANONICAL BYTES, format versions 1 and 2. The bytes are produced ONCE when the event is made,
// stored as they are, signed as they are and hashed as they are; nothing is re-serialised
// before verification. They are UTF-8 JSON with:
//   - one object, keys sorted by their UTF-16 code units (QJsonObject order; every key is
//     ASCII so that is also byte order), nested objects the same way;
//   - no whitespace outside strings;
//   - values are strings, arrays of strings or integers only (no floats, no null); the sequence number is an
//     integer below 2^53;
//   - hashes as lower-case hex, dates ISO 8601.
// Keys of version 1 (all present, in this order):
//   checkpoint, direction ("entry"|"exit"), document {birthDate (ISO date, "" when the MRZ gives
//   no full date), birthDateRaw (YYMMDD as printed), code, givenNames, issuingState,
//   nationality, number, sex, surname}, id (UUID, no braces),
//   kind ("crossing"|"override"|"refer"|"refusal"), kioskId, officer, policyVersion, prevHash (64 hex; 64
//   zeros for sequence 1), reasons (array of reason-code strings), recordedAt (local date-time with
//   its UTC offset, "2026-11-29T09:15:00+04:00"), sequence, v (1), verdict ("ADMIT"|...).
//   Version 1 carries an officer's override reason inside `reasons` as "OFFICER_OVERRIDE" followed
//   by "OVERRIDE_REASON:<typed text>"; such stored events stay valid as they are.
// Version 2 (what new events are written as) is version 1 with v (2) and ONE more
// key, always present: overrideReason, sorted between officer and policyVersion:
//   ..., kioskId, officer, overrideReason, policyVersion, ...
//   - overrideReason is the officer's typed reason, non-empty exactly when `reasons` holds the
//     code "OFFICER_OVERRIDE" (the officer overrode the verdict), and "" otherwise. Every event of
//     kind "override" is one (so its reason is non-empty); an override towards REFER or REFUSE
//     has kind "refer" or "refusal" and carries it too.
//   - `reasons` holds reason codes only: an entry starting "OVERRIDE_REASON:" is refused.
// parseEvent() accepts a byte string only if it is exactly the canonical form of what it
// parsed, in the version it names, so two different byte strings never carry the same event;
// Event::formatVersion keeps that version so a version-1 event re-encodes to its own bytes.
#include "app/core/error.h"
#include "app/core/verdict.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Kiosk::EventLog {

// The version new events are written in; parseEvent() accepts OldestFormatVersion..FormatVersion.
inline constexpr int FormatVersion = 2;
inline constexpr int OldestFormatVersion = 1;
// The reason code that marks an officer's override, and (version 1 only) the prefix of the
// reason entry that carried the typed reason.
inline constexpr QLatin1StringView OfficerOverrideCode{"OFFICER_OVERRIDE"};
inline constexpr QLatin1StringView LegacyOverrideReasonPrefix{"OVERRIDE_REASON:"};
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
    QStringList reasons;   // reason codes (version 1: may hold "OVERRIDE_REASON:<text>")
    QString overrideReason; // version 2: the officer's typed reason when overriding, else empty
    QString policyVersion;
    QDateTime recordedAt;  // local time with its UTC offset
    QByteArray prevHash;   // 32 raw bytes; all zero for sequence 1
    int formatVersion = FormatVersion; // the version the bytes are (or will be) in

    friend bool operator==(const Event &, const Event &) = default;
};

// SHA-256 of nothing-before-the-first-event: 32 zero bytes.
[[nodiscard]] QByteArray genesisHash();

// The canonical bytes of `event`. Errors: EVENT_INVALID (a field out of its domain, named).
[[nodiscard]] Result<QByteArray> canonicalBytes(const Event &event);

// The officer's typed override reason, whatever the version: overrideReason (version 2), or the
// text of the "OVERRIDE_REASON:" entry (version 1). Empty when the event is no override.
[[nodiscard]] QString overrideReasonOf(const Event &event);

// Parses canonical bytes of any accepted version. Errors: EVENT_MALFORMED (not JSON, a key
// missing or of the wrong type, an unknown format version, a field out of its domain, named as
// canonicalBytes() names it), EVENT_NOT_CANONICAL (valid, but not the canonical form).
//
// FieldsOnly skips the re-encoding (a third of the time): for bytes that were parsed in full
// when they were stored (the recorder's, or pulled and verified by the sync client) and are
// read back for their fields only, as a check binding crossing rows to their events does. It
// never decides whether bytes are an event's: signatures and log verify use Canonical.
enum class ParseCheck { Canonical, FieldsOnly };
[[nodiscard]] Result<Event> parseEvent(QByteArrayView bytes, ParseCheck check = ParseCheck::Canonical);

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
