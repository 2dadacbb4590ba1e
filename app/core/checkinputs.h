#pragma once
// What a check knows besides the document: the visa, the permits, the watchlist candidates.
// Shared by the store (which loads them) and the rules (which judge them); plain values.
#include "app/core/countrycode.h"

#include <QDate>
#include <QString>
#include <optional>

namespace Kiosk {

// A visa as the rules need it (from the visa register, a visa MRZ or a verified seal).
struct Visa
{
    QDate validFrom;
    QDate validUntil;
    int days = 0;          // longest single stay: the stay lasts until min(entry + days - 1, validUntil)
    int entries = 0;       // entries allowed within validity; 0 = multiple/unlimited
    QString number;        // visa number, if known
    QString source;        // "register", "seal", "scenario"

    friend bool operator==(const Visa &, const Visa &) = default;
};

enum class PermitKind { TemporaryResidence, PermanentResidence, Work };
[[nodiscard]] QString permitKindToString(PermitKind k); // temporary_residence | permanent_residence | work
[[nodiscard]] std::optional<PermitKind> permitKindFromString(QStringView text);

struct Permit
{
    PermitKind kind = PermitKind::TemporaryResidence;
    QDate validFrom;
    QDate validUntil;
    QString number;

    friend bool operator==(const Permit &, const Permit &) = default;
};

enum class WatchlistKind { EntryBan, StolenDocument, Wanted, ProtectedPerson, ExitRestriction };
[[nodiscard]] QString watchlistKindToString(WatchlistKind k); // entry_ban | stolen_document | wanted | protected_person | exit_restriction
[[nodiscard]] std::optional<WatchlistKind> watchlistKindFromString(QStringView text);

// A watchlist entry: either a document (issuing state + number) or a person (names + birth
// date + nationality). The rules decide whether it matches the traveller.
struct WatchlistEntry
{
    WatchlistKind kind = WatchlistKind::EntryBan;
    QString id;            // the list's own id of the entry (logged instead of names)
    // person
    QString surname;
    QString givenNames;
    std::optional<QDate> birthDate;
    std::optional<CountryCode> nationality;
    // document
    std::optional<CountryCode> issuingState;
    QString documentNumber;
    QString basis;         // legal basis shown to the officer only ("CIS entry-ban database, §51")

    friend bool operator==(const WatchlistEntry &, const WatchlistEntry &) = default;
};

} // namespace Kiosk
