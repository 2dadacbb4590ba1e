#pragma once
// What the console shows for one case, as plain values (no widgets, no module internals): the
// session fills it from the MRZ parser, the barcode adapter, the store and the rules engine,
// and the faces (officer console, information screen) only read it. Keeping the UI on these
// values is what lets a second face be added without touching the first.
#include "app/core/checkinputs.h"
#include "app/core/crossing.h"
#include "app/core/traveldocument.h"
#include "app/core/verdict.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Kiosk::Session {

// How the document reached the session.
enum class InputKind { Reader, Manual, Simulator, Barcode };

// One field of the document as read. `key` is the MRZ JSON field name ("document_number",
// "birth_date", ...); the face turns it into a translated label.
struct DocumentField
{
    QString key;
    QString value;                    // as shown: dates ISO, names with spaces
    std::optional<bool> checkDigitOk; // empty when the field has no check digit of its own
    bool corrected = false;           // a character was changed by the check-digit correction
    QString correctionNote;           // "position 3: O → 0"
};

// ICAO 9303-13 visible digital seal on a visa: decoded and authentic are separate answers.
enum class SealSignature { NotChecked, Valid, Invalid, UnknownSigner };

struct VisaSealInfo
{
    SealSignature signature = SealSignature::NotChecked;
    QString signer;        // certificate reference / issuing authority
    QString detail;        // why it is not valid, for the officer
    std::optional<Visa> visa;
};

// IATA Resolution 792 boarding pass: what the officer needs to see of it.
struct BoardingPassInfo
{
    QString passengerName;
    QString flight;        // "J2 8015"
    QString from;          // IATA airport code
    QString to;
    QDate flightDate;
    QString seat;
    bool nameMatchesDocument = false;
};

struct HistoryEntry
{
    Direction direction = Direction::Entry;
    QDate date;
    QString checkpoint;
    bool thisCheckpoint = false;
};

struct WatchlistHit
{
    WatchlistKind kind = WatchlistKind::EntryBan;
    QString entryId;       // the list's own id: safe to log
    QString basis;         // legal basis, officer only
    QString matchedOn;     // "document", "person"
};

// The figures of a stay (domain-rules §2): empty where they do not apply.
struct StayFigures
{
    std::optional<QDate> allowedUntil;
    std::optional<int> daysAllowed;
    std::optional<int> daysUsed;
    std::optional<int> daysRemaining;
    std::optional<int> overstayDays;
};

// What the officer did with a case (nothing is recorded without one of these).
enum class OfficerAction { RecordEntry, RecordExit, Refer, Override };

struct RecordOutcome
{
    OfficerAction action = OfficerAction::RecordEntry;
    QString eventId;         // the crossing / refer event
    QString overrideEventId; // the override's own event
    qint64 sequence = 0;
    QDateTime recordedAt;
    VerdictKind recordedVerdict = VerdictKind::Admit;
    QString overrideReason;
};

struct Case
{
    quint64 number = 0;              // per session run, from 1
    QDateTime openedAt;
    InputKind input = InputKind::Reader;
    QString sourceDescription;

    // The document as read. `document` is empty when nothing could be parsed; `readErrors`
    // then says why (never a silent empty screen).
    QStringList mrzLines;
    std::optional<TravelDocument> document;
    QString format;                  // "TD3", "TD1", "MRVA", ...
    QList<DocumentField> fields;
    std::optional<bool> compositeCheckOk;
    bool checkDigitsValid = false;
    QStringList readErrors;
    QStringList readWarnings;

    std::optional<VisaSealInfo> seal;
    std::optional<BoardingPassInfo> boardingPass;

    // The check.
    Direction direction = Direction::Entry;
    QDate checkDate;                 // the checkpoint's local date
    bool evaluated = false;
    VerdictKind verdict = VerdictKind::Refer;
    QList<Reason> reasons;
    StayFigures figures;
    QString policyVersion;
    QList<HistoryEntry> history;     // newest first, every checkpoint
    QList<WatchlistHit> watchlistHits;

    std::optional<RecordOutcome> outcome;

    [[nodiscard]] bool isRecorded() const { return outcome.has_value(); }
    [[nodiscard]] bool hasReason(QStringView code) const
    {
        for (const Reason &r : reasons)
            if (r.code == code)
                return true;
        return false;
    }
};

// Sync and reference-data state for the status bar.
struct SyncStatus
{
    bool online = false;
    // The central side answered the last round, but not as the protocol says (SYNC_PROTOCOL:
    // garbage, truncated JSON, wrong types): reachable, so not "offline", and not healthy.
    bool answeringWrongly = false;
    int pendingEvents = 0;
    int rejectedEvents = 0;          // refused by the central side: kept, not pushed, need staff
    int unverifiedPulls = 0;         // pulled events kept aside: they do not verify (yet)
    std::optional<qint64> oldestPendingSeconds;
    QDateTime lastSuccess;
    QString lastError;               // the last failure ever, "CODE: message"
    QString roundError;              // the last round's failure, "CODE: message"; empty when it succeeded
};

struct ReferenceStatus
{
    QString policyVersion;
    QDateTime watchlistUpdatedAt;    // invalid: never loaded
    qint64 watchlistAgeSeconds = -1;
    qint64 watchlistStaleAfterSeconds = 0;
    bool watchlistStale = false;
};

} // namespace Kiosk::Session

Q_DECLARE_METATYPE(Kiosk::Session::Case)
Q_DECLARE_METATYPE(Kiosk::Session::SyncStatus)
Q_DECLARE_METATYPE(Kiosk::Session::ReferenceStatus)
