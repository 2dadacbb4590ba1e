#pragma once
// What the information screen may tell a traveller about their own case (issue 8 §1-2), as
// plain values: the only personal data the screen ever holds, so clearing it is one reset().
//
// Privacy rule: for any verdict but ADMIT the result carries NOTHING that depends on the case
// beyond the passport's nationality (REFER and REFUSE of every cause, watchlist hits included,
// give the same value for the same nationality). What the nationality's regime says (a visa is
// needed, the fee is waived) is public law, read from the policy, never from the verdict.
#include "app/core/countrycode.h"
#include "app/rules/policy.h"
#include "app/session/casemodel.h"

#include <QDate>

#include <optional>

namespace Kiosk::Ui {

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

// The traveller's outcome for an evaluated case. `policy` is the version in force (may be
// null: then nothing about the regime is said).
[[nodiscard]] InfoResult infoResultFor(const Session::Case &c, const Rules::PolicyVersion *policy);

// The direction the screen checks a case in: a traveller with an open stay (the newest
// crossing the kiosk holds is an entry) is asked about that stay, as if leaving today; anyone
// else about a stay beginning today.
[[nodiscard]] Direction infoDirectionFor(const Session::Case &c);

} // namespace Kiosk::Ui
