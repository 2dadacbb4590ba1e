#pragma once
// The reasons a check can give (domain-rules §6): each a stable code that the verdict JSON,
// `kioskctl check` and the signed events carry as a string, the rule it applies and the
// paragraph of the source report (../shared/seed) it cites. kReasonCodes is the one table of
// them; the engine emits the enum, the console titles it in a switch (-Wswitch finds a code
// without a title).
#include <QString>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace Kiosk {

// In the order of the wire strings; kReasonCodes has one row each, in the same order.
enum class ReasonCode {
    Citizen,
    DocumentReportedStolen,
    EntryBan,
    EntryNotRecorded,
    ExitRestriction,
    HistoryTampered,
    Minor,
    MrzCheckFailed,
    Overstay,
    PassportExpired,
    PermitExpired,
    PermitGracePeriod,
    PolicyStale,
    PossibleSamePerson,
    PreviousExitMissing,
    ProtectedPerson,
    Refugee,
    ResidencePermitValid,
    Stateless,
    StayLimitedByPassport,
    VisaEntriesUsed,
    VisaExpired,
    VisaFeeWaiver,
    VisaFree,
    VisaFreeDaysUsed,
    VisaMissing,
    VisaValid,
    Wanted,
    WatchlistStale,
    WorkPermitValid,
};

struct ReasonCodeInfo
{
    ReasonCode code;
    std::string_view name;   // the wire string, stable: scripts and the central side depend on it
    std::string_view rule;   // the rule it applies, e.g. "visa-free stay"
    // The paragraph it cites. Where the nationality's regime is the rule (VISA_FREE, VISA_MISSING,
    // STATELESS, ...) a check cites the policy's own `source` for the nationality instead; the
    // table gives what domain-rules §1-2 cite for that class.
    std::string_view source;
};

inline constexpr std::array kReasonCodes{
    ReasonCodeInfo{ReasonCode::Citizen, "CITIZEN", "citizen", "§225"},
    ReasonCodeInfo{ReasonCode::DocumentReportedStolen, "DOCUMENT_REPORTED_STOLEN", "lost or stolen document", "§169-170"},
    ReasonCodeInfo{ReasonCode::EntryBan, "ENTRY_BAN", "entry ban", "§51, §130"},
    ReasonCodeInfo{ReasonCode::EntryNotRecorded, "ENTRY_NOT_RECORDED", "consistent history", "§38, domain-rules §6"},
    ReasonCodeInfo{ReasonCode::ExitRestriction, "EXIT_RESTRICTION", "exit restriction", "§236"},
    ReasonCodeInfo{ReasonCode::HistoryTampered, "HISTORY_TAMPERED", "history integrity", "§38, domain-rules §8"},
    ReasonCodeInfo{ReasonCode::Minor, "MINOR", "minor travelling", "domain-rules §6 (choice)"},
    ReasonCodeInfo{ReasonCode::MrzCheckFailed, "MRZ_CHECK_FAILED", "document consistency", "§169-170"},
    ReasonCodeInfo{ReasonCode::Overstay, "OVERSTAY", "overstay", "§147-148"},
    ReasonCodeInfo{ReasonCode::PassportExpired, "PASSPORT_EXPIRED", "valid passport", "§19"},
    // On exit, past the grace period, a check cites "§63, §147" (the stay may be uncovered).
    ReasonCodeInfo{ReasonCode::PermitExpired, "PERMIT_EXPIRED", "permit validity", "§44, §63"},
    ReasonCodeInfo{ReasonCode::PermitGracePeriod, "PERMIT_GRACE_PERIOD", "permit grace period", "§63"},
    ReasonCodeInfo{ReasonCode::PolicyStale, "POLICY_STALE", "policy freshness", "domain-rules §6"},
    ReasonCodeInfo{ReasonCode::PossibleSamePerson, "POSSIBLE_SAME_PERSON", "history by name", "§38, §45"},
    ReasonCodeInfo{ReasonCode::PreviousExitMissing, "PREVIOUS_EXIT_MISSING", "consistent history", "§38, domain-rules §6"},
    ReasonCodeInfo{ReasonCode::ProtectedPerson, "PROTECTED_PERSON", "protected person", "§183-185"},
    ReasonCodeInfo{ReasonCode::Refugee, "REFUGEE", "refugee", "§136-139"},
    ReasonCodeInfo{ReasonCode::ResidencePermitValid, "RESIDENCE_PERMIT_VALID", "residence permit", "§44, §131-132"},
    ReasonCodeInfo{ReasonCode::Stateless, "STATELESS", "stateless person", "§19, §161"},
    ReasonCodeInfo{ReasonCode::StayLimitedByPassport, "STAY_LIMITED_BY_PASSPORT", "stay within passport validity",
                   "domain-rules §2 (choice)"},
    ReasonCodeInfo{ReasonCode::VisaEntriesUsed, "VISA_ENTRIES_USED", "visa entries", "§19"},
    ReasonCodeInfo{ReasonCode::VisaExpired, "VISA_EXPIRED", "visa validity", "§19, §127"},
    ReasonCodeInfo{ReasonCode::VisaFeeWaiver, "VISA_FEE_WAIVER", "visa fee waiver", "§21"},
    ReasonCodeInfo{ReasonCode::VisaFree, "VISA_FREE", "visa-free stay", "§21"},
    ReasonCodeInfo{ReasonCode::VisaFreeDaysUsed, "VISA_FREE_DAYS_USED", "visa-free stay", "§21, domain-rules §2"},
    ReasonCodeInfo{ReasonCode::VisaMissing, "VISA_MISSING", "visa required", "§19, §127"},
    ReasonCodeInfo{ReasonCode::VisaValid, "VISA_VALID", "visa", "§19, §127"},
    ReasonCodeInfo{ReasonCode::Wanted, "WANTED", "wanted person", "domain-rules §5"},
    ReasonCodeInfo{ReasonCode::WatchlistStale, "WATCHLIST_STALE", "watchlist freshness", "domain-rules §5-6"},
    ReasonCodeInfo{ReasonCode::WorkPermitValid, "WORK_PERMIT_VALID", "work permit", "§22, §63"},
};

// Every enumerator has its row, at its own index (so lookup is an index, not a search).
static_assert(static_cast<std::size_t>(ReasonCode::WorkPermitValid) + 1 == kReasonCodes.size());
static_assert([] {
    for (std::size_t i = 0; i < kReasonCodes.size(); ++i)
        if (static_cast<std::size_t>(kReasonCodes[i].code) != i || kReasonCodes[i].name.empty())
            return false;
    return true;
}());

[[nodiscard]] constexpr const ReasonCodeInfo &reasonCodeInfo(ReasonCode code)
{
    return kReasonCodes[static_cast<std::size_t>(code)];
}

[[nodiscard]] QString reasonCodeToString(ReasonCode code); // "VISA_FREE_DAYS_USED"
[[nodiscard]] std::optional<ReasonCode> reasonCodeFromString(QStringView text);
[[nodiscard]] QString reasonRule(ReasonCode code);         // "visa-free stay"
[[nodiscard]] QString reasonSource(ReasonCode code);       // "§21"

// A code equals its wire string: for what still finds a reason by its string
// (Session::Case::hasReason, the demo's expected reasons, scripts).
[[nodiscard]] bool operator==(ReasonCode code, QStringView text);

} // namespace Kiosk
