#pragma once
// Policy as signed data (domain-rules.md: "every rule below is data, not code"). A policy
// file is JSON holding one or more versions; each version says, from its `effective_from`
// date, per nationality (ICAO 9303-3 codes) which regime applies, how stays are counted, the
// permit grace period, the minor age and how old the watchlists and the policy itself may
// be. A change of law is a new version pushed from the central side, not a new build.
//
// Pure: this file parses bytes and verifies a signature over them. Reading the files (the
// policy, its detached `.sig`, the trust anchor) is the caller's job (kioskctl, session).
#include "app/core/countrycode.h"
#include "app/core/error.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace Kiosk::Crypto {
class Ed25519PublicKey;
}

namespace Kiosk::Rules {

// The regimes of domain-rules §1-2.
enum class Regime {
    VisaFree,     // §21: may stay N days without a visa
    VisaRequired, // §19, §127: stay as on the visa
    FeeWaiver,    // §21: a visa is required but issued without fee (up to a day limit)
    Citizen,      // §225: citizens enter and leave freely
};
[[nodiscard]] QString regimeToString(Regime r); // visa_free | visa_required | fee_waiver | citizen
[[nodiscard]] std::optional<Regime> regimeFromString(QStringView text);

// Who the traveller is beyond the regime (domain-rules §1): stateless (XXA, §19, §161),
// refugee (XXB/XXC, §136-139). Informational: shown as a reason, the regime still decides.
enum class PersonClass { None, Stateless, Refugee };

struct NationalityRule
{
    Regime regime = Regime::VisaRequired;
    int days = 0;              // visa-free: the stay allowed (§21: 90)
    int feeWaiverMaxDays = 0;  // fee waiver: the longest stay the waiver covers (JPN 30, PAK 15); 0 = any
    PersonClass personClass = PersonClass::None;
    QString source;            // "§21"

    friend bool operator==(const NationalityRule &, const NationalityRule &) = default;
};

// How visa-free days are counted (domain-rules §2 "Counting days", each a choice).
enum class StayRuleKind {
    PerEntry, // N days from each entry (the report's wording, the default)
    Rolling,  // N days in any window of M days (as the Schengen 90/180 rule)
};

struct StayRule
{
    StayRuleKind kind = StayRuleKind::PerEntry;
    int windowDays = 180;      // M, for Rolling
    QString source;

    friend bool operator==(const StayRule &, const StayRule &) = default;
};

struct DayCounting
{
    bool entryDayCounts = true; // domain-rules §2: the day of entry is day 1
    bool exitDayCounts = true;  // and the day of exit counts

    friend bool operator==(const DayCounting &, const DayCounting &) = default;
};

struct PolicyVersion
{
    QString version;                       // "2009.07-1"
    QDate effectiveFrom;
    QList<CountryCode> citizenNationalities; // AZE
    QMap<QString, NationalityRule> nationalities; // by ICAO code; classes XXA/XXB/XXC too
    NationalityRule defaultRule;           // everyone else (§19, §127: visa required)
    StayRule stayRule;
    DayCounting dayCounting;
    bool passportExpiryCapsStay = true;    // domain-rules §2 (choice)
    int permitGraceDays = 10;              // §63 (choice, default 10)
    int minorAge = 18;                     // domain-rules §6 (choice)
    int watchlistMaxAgeHours = 48;         // older watchlists make a check WATCHLIST_STALE
    int policyMaxAgeDays = 365;            // an older policy copy makes a check POLICY_STALE
    QString note;

    // The rule for a nationality: its own entry, else the class entry, else the default.
    [[nodiscard]] NationalityRule ruleFor(const CountryCode &nationality) const;
    [[nodiscard]] bool isCitizen(const CountryCode &nationality) const;

    friend bool operator==(const PolicyVersion &, const PolicyVersion &) = default;
};

// Several versions held at once; the one in force is chosen by the check's date.
class PolicySet
{
public:
    // Parses a policy file. Errors name the version and the field ("versions[1].nationalities.RUS.days").
    // Codes: POLICY_JSON_INVALID, POLICY_FIELD_INVALID, POLICY_EMPTY, POLICY_DUPLICATE_VERSION.
    [[nodiscard]] static Result<PolicySet> fromJson(QByteArrayView bytes);

    // The only way the engine gets a policy in production: the Ed25519 signature over the
    // exact file bytes must verify against the trust anchor, before anything is parsed.
    // `signature` is the detached .sig file: 64 raw bytes or their base64 (one line).
    // Codes: POLICY_SIGNATURE_MALFORMED, POLICY_SIGNATURE_INVALID, then those of fromJson.
    [[nodiscard]] static Result<PolicySet> loadSigned(QByteArrayView bytes, QByteArrayView signature,
                                                      const Crypto::Ed25519PublicKey &trustAnchor);

    // The version in force on `date`: the latest effective_from on or before it.
    [[nodiscard]] const PolicyVersion *inForce(const QDate &date) const;
    // Adds the versions of another (verified) set; a version already held is an error.
    [[nodiscard]] Result<void> merge(const PolicySet &other);

    [[nodiscard]] const QList<PolicyVersion> &versions() const { return m_versions; }
    [[nodiscard]] bool isEmpty() const { return m_versions.isEmpty(); }
    // How many days before a check (the check day included) any version's rules read a
    // person's crossings over: the rolling window M of a `rolling` version, the longest
    // visa-free stay of a `per_entry` one (whose open stay the working set keeps anyway);
    // at least 1. The kiosk's working set keeps pulled crossings this far back
    // (app/store/workingset.h).
    [[nodiscard]] int lookBackDays() const;
    // The file's signed `issued` day; invalid when the file has none.
    [[nodiscard]] QDate issued() const { return m_issued; }

private:
    QList<PolicyVersion> m_versions; // sorted by effectiveFrom
    QDate m_issued;
};

// Decodes a detached signature file: 64 raw bytes, or base64 of them with optional
// surrounding whitespace. Shared by the loader and `kioskctl policy verify`.
[[nodiscard]] Result<QByteArray> decodeDetachedSignature(QByteArrayView file);
// The detached signature file for a signature: base64 and a newline.
[[nodiscard]] QByteArray encodeDetachedSignature(QByteArrayView signature);

} // namespace Kiosk::Rules
