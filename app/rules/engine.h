#pragma once
// The eligibility engine (domain-rules §1-6): one pure function from what a check knows to a
// verdict, every reason that applies and the figures of the stay. No I/O, no clock: the
// date is an argument and so are the ages of the watchlist and the policy.
#include "app/core/checkinputs.h"
#include "app/core/crossing.h"
#include "app/core/traveldocument.h"
#include "app/core/verdict.h"
#include "app/rules/policy.h"

#include <QDate>
#include <QList>
#include <optional>

namespace Kiosk::Rules {

// How fresh the check's data is, and how the store joined the history. Computed by the
// caller, who owns the clock and the database.
struct StatusInputs
{
    std::optional<int> policyAgeDays;      // since the policy copy was fetched/verified
    std::optional<int> watchlistAgeHours;  // since the watchlists were last synchronised
    // No watchlist has ever reached this kiosk: WATCHLIST_STALE, whatever the age says.
    bool watchlistNeverSynchronised = false;
    // The store found (part of) the history by names + birth date + nationality only, not
    // by the document: POSSIBLE_SAME_PERSON, for the officer to confirm.
    bool historyJoinedByNameOnly = false;
    // Crossing rows of this person that differ from the signed event log, or signed crossings
    // with no row (app/session/historybinding.h): HISTORY_TAMPERED. The history given is then
    // the signed events' one.
    int historyTamperedRows = 0;
};

struct CheckInputs
{
    TravelDocument document;
    Direction direction = Direction::Entry;
    QDate date;                       // the checkpoint's local date
    QList<Crossing> history;          // the person's earlier crossings (any order)
    QList<Permit> permits;
    std::optional<Visa> visa;
    QList<WatchlistEntry> watchlist;  // candidates: the engine decides which match
    StatusInputs status;
};

// The figures of the stay (domain-rules §2-3). Absent where they do not apply (a citizen, an entry
// refused, an exit with no entry on record).
struct StayFigures
{
    std::optional<QDate> allowedUntil;  // last day the traveller may be in the country
    std::optional<qint64> daysAllowed;  // counted days from the stay's entry through allowedUntil
    std::optional<qint64> daysUsed;     // counted days from the stay's entry through the check date
    std::optional<qint64> daysRemaining; // calendar days after the check date through allowedUntil
    std::optional<qint64> overstayDays; // exit only: calendar days present after allowedUntil

    friend bool operator==(const StayFigures &, const StayFigures &) = default;
};

struct Verdict
{
    VerdictKind kind = VerdictKind::Admit;
    QList<Reason> reasons;             // every reason that applies, in a stable order
    StayFigures figures;
    QString policyVersion;             // the version that was in force
    QList<QString> watchlistHits;      // ids of the matching entries (officer only, never logged with names)

    [[nodiscard]] bool has(ReasonCode code) const;
    [[nodiscard]] bool has(QStringView code) const; // by wire string ("VISA_FREE"): scripts, tests
    [[nodiscard]] QStringList codes() const;
};

// Evaluates against one policy version (the caller chose it).
[[nodiscard]] Verdict evaluate(const CheckInputs &inputs, const PolicyVersion &policy);

// Chooses the version in force on inputs.date. Errors: POLICY_NOT_IN_FORCE when none is,
// CHECK_DATE_INVALID when the date is not a date.
[[nodiscard]] Result<Verdict> evaluate(const CheckInputs &inputs, const PolicySet &policies);

// Does a watchlist candidate describe this document or its holder? Documents by issuing
// state + number; persons by names (app/core/namematch), birth date and nationality, each
// compared only where the list gives it.
[[nodiscard]] bool watchlistMatches(const WatchlistEntry &entry, const TravelDocument &document);

} // namespace Kiosk::Rules
