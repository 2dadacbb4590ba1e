#pragma once
// What the information screen may tell a traveller about their own case, as plain values: the
// only personal data the screen ever holds, so clearing it is one reset(). The session works it
// out (CheckpointSession::infoResult); the screen only puts it into words.
//
// Privacy rule: for any verdict but ADMIT the result carries NOTHING that depends on the case
// beyond the passport's nationality (REFER and REFUSE of every cause, watchlist hits included,
// give the same value for the same nationality). What the nationality's regime says (a visa is
// needed, the fee is waived) is public law, read from the policy, never from the verdict.
#include "app/core/countrycode.h"
#include "app/session/casemodel.h"

#include <QDate>
#include <QMap>
#include <QStringList>

#include <optional>

namespace Kiosk::Rules {
struct PolicyVersion;
}

namespace Kiosk::Session {

enum class InfoOutcome {
    None,       // no passport read yet
    MayStay,    // ADMIT: the date and the days left
    SeeOfficer, // anything else, for any cause: the same neutral message
};

// Why the stay is allowed (ADMIT only).
enum class StayBasis { None, VisaFree, Visa, ResidencePermit, Citizen };

struct InfoResult
{
    InfoOutcome outcome = InfoOutcome::None;
    // MayStay only.
    StayBasis basis = StayBasis::None;
    std::optional<QDate> allowedUntil;
    std::optional<int> daysRemaining;   // calendar days after today through allowedUntil
    bool limitedByPassport = false;     // the date is the passport's expiry (domain-rules §2)
    // From the nationality's regime in the policy (public law, both outcomes).
    int visaFreeDays = 0;               // > 0: the nationality is on the visa-free list (§21)
    bool visaNeeded = false;            // visa nationals (§19, §127), fee waivers included
    bool feeWaived = false;             // §21
    int feeWaiverMaxDays = 0;           // 0: any length

    friend bool operator==(const InfoResult &, const InfoResult &) = default;
};

// The policy's nationality lists as the visa page states them (public law, no case in it):
// ICAO nationality codes grouped as the policy groups them.
struct PublicRegimes
{
    QMap<int, QStringList> visaFree;        // days allowed -> nationalities
    QStringList feeWaivedAnyLength;         // visa needed, no fee whatever the stay
    QMap<int, QStringList> feeWaivedUpTo;   // visa needed, no fee for stays up to N days

    friend bool operator==(const PublicRegimes &, const PublicRegimes &) = default;
};

// The traveller's outcome for an evaluated case. `policy` is the version in force (may be
// null: then nothing about the regime is said).
[[nodiscard]] InfoResult infoResultFor(const Case &c, const Rules::PolicyVersion *policy);

// The lists of `policy`; nullopt when there is no policy in force (the page then names none).
[[nodiscard]] std::optional<PublicRegimes> publicRegimesOf(const Rules::PolicyVersion *policy);

// The direction the information screen checks a case in: a traveller with an open stay (the
// newest crossing the kiosk holds is an entry) is asked about that stay, as if leaving today;
// anyone else about a stay beginning today.
[[nodiscard]] Direction infoDirectionFor(const Case &c);

} // namespace Kiosk::Session
