#include "app/session/inforesult.h"

#include "app/rules/policy.h"

namespace Kiosk::Session {

namespace {

void fillRegime(InfoResult &r, const CountryCode &nationality, const Rules::PolicyVersion *policy)
{
    if (!policy || nationality.isEmpty() || policy->isCitizen(nationality))
        return;
    const Rules::NationalityRule rule = policy->ruleFor(nationality);
    switch (rule.regime) {
    case Rules::Regime::VisaFree:
        r.visaFreeDays = rule.days;
        break;
    case Rules::Regime::FeeWaiver:
        r.visaNeeded = true;
        r.feeWaived = true;
        r.feeWaiverMaxDays = rule.feeWaiverMaxDays;
        break;
    case Rules::Regime::VisaRequired:
        r.visaNeeded = true;
        break;
    case Rules::Regime::Citizen:
        break;
    }
}

StayBasis basisOf(const Case &c)
{
    if (containsReason(c.reasons, ReasonCode::Citizen))
        return StayBasis::Citizen;
    if (containsReason(c.reasons, ReasonCode::ResidencePermitValid))
        return StayBasis::ResidencePermit;
    if (containsReason(c.reasons, ReasonCode::VisaValid))
        return StayBasis::Visa;
    if (containsReason(c.reasons, ReasonCode::VisaFree))
        return StayBasis::VisaFree;
    return StayBasis::None;
}

} // namespace

InfoResult infoResultFor(const Case &c, const Rules::PolicyVersion *policy)
{
    InfoResult r;
    if (!c.document) {
        r.outcome = InfoOutcome::SeeOfficer;
        return r;
    }
    fillRegime(r, c.document->nationality, policy);
    const StayBasis basis = basisOf(c);
    const bool admitted = c.evaluated && c.verdict == VerdictKind::Admit;
    // An ADMIT the screen cannot put a date on (other than a citizen's, who has no limit) is
    // not explained to the traveller: the officer is. Never a guess on this screen.
    const bool dated = c.figures.allowedUntil.has_value() && c.figures.daysRemaining.has_value();
    if (admitted && basis != StayBasis::None && (dated || basis == StayBasis::Citizen)) {
        r.outcome = InfoOutcome::MayStay;
        r.basis = basis;
        if (basis != StayBasis::Citizen && dated) {
            r.allowedUntil = c.figures.allowedUntil;
            r.daysRemaining = *c.figures.daysRemaining;
            r.limitedByPassport = containsReason(c.reasons, ReasonCode::StayLimitedByPassport);
        }
    } else {
        r.outcome = InfoOutcome::SeeOfficer;
    }
    return r;
}

std::optional<PublicRegimes> publicRegimesOf(const Rules::PolicyVersion *policy)
{
    if (!policy)
        return std::nullopt;
    PublicRegimes r;
    for (auto it = policy->nationalities.begin(); it != policy->nationalities.end(); ++it) {
        if (it->regime == Rules::Regime::VisaFree)
            r.visaFree[it->days].append(it.key());
        else if (it->regime == Rules::Regime::FeeWaiver && it->feeWaiverMaxDays > 0)
            r.feeWaivedUpTo[it->feeWaiverMaxDays].append(it.key());
        else if (it->regime == Rules::Regime::FeeWaiver)
            r.feeWaivedAnyLength.append(it.key());
    }
    return r;
}

Direction infoDirectionFor(const Case &c)
{
    // Case::history is newest first, every checkpoint.
    if (!c.history.isEmpty() && c.history.constFirst().direction == Direction::Entry)
        return Direction::Exit;
    return Direction::Entry;
}

} // namespace Kiosk::Session
