#include "app/rules/engine.h"

#include "app/rules/staycalc.h"

#include <algorithm>

namespace Kiosk::Rules {

namespace {

QString iso(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

// Collects the reasons of one check, once per code, in the order they are found. A reason
// cites its code's paragraph (reasoncode.h) unless the check gives its own: the policy's
// source for the nationality's regime.
class Reasons
{
public:
    void add(ReasonCode code, VerdictKind effect, QString sentence)
    {
        add(code, effect, reasonSource(code), std::move(sentence));
    }
    void add(ReasonCode code, VerdictKind effect, QString source, QString sentence)
    {
        if (containsReason(m_list, code))
            return;
        m_list.append(Reason{code, effect, std::move(source), std::move(sentence)});
    }
    [[nodiscard]] const QList<Reason> &list() const { return m_list; }

private:
    QList<Reason> m_list;
};

int ageOn(const QDate &birth, const QDate &on)
{
    int age = on.year() - birth.year();
    // A 29 February birthday falls on 1 March in common years.
    QDate birthday(on.year(), birth.month(), birth.day());
    if (!birthday.isValid())
        birthday = QDate(on.year(), 3, 1);
    if (on < birthday)
        --age;
    return age;
}

bool isResidence(PermitKind k)
{
    return k == PermitKind::TemporaryResidence || k == PermitKind::PermanentResidence;
}

QString permitName(PermitKind k)
{
    switch (k) {
    case PermitKind::TemporaryResidence:
        return QStringLiteral("temporary residence permit");
    case PermitKind::PermanentResidence:
        return QStringLiteral("permanent residence permit");
    case PermitKind::Work:
        break;
    }
    return QStringLiteral("work permit");
}

QDate capByPassport(const QDate &until, const TravelDocument &doc, const PolicyVersion &policy)
{
    if (policy.passportExpiryCapsStay && doc.expiryDate && *doc.expiryDate < until)
        return *doc.expiryDate;
    return until;
}

// The regime's allowance for a stay entered on `entry`: the last allowed day, before the
// passport cap. Nullopt when the regime gives none (a visa national without a visa).
struct Allowance
{
    QDate until;
    QString basis; // for the sentence: "90 days per entry", "the visa"
};

Allowance visaFreeAllowance(const NationalityRule &rule, const PolicyVersion &policy, const QList<Stay> &previous,
                            const QDate &entry)
{
    if (policy.stayRule.kind == StayRuleKind::Rolling) {
        return {rollingAllowedUntil(previous, entry, rule.days, policy.stayRule.windowDays, policy.dayCounting),
                QStringLiteral("%1 days in any %2 days").arg(rule.days).arg(policy.stayRule.windowDays)};
    }
    return {perEntryAllowedUntil(entry, rule.days, policy.dayCounting), QStringLiteral("%1 days per entry").arg(rule.days)};
}

QDate visaAllowedUntil(const Visa &visa, const PolicyVersion &policy, const QDate &entry)
{
    // A stay lasts until the earlier of entry + days - 1 and valid_until.
    if (visa.days <= 0)
        return visa.validUntil;
    return std::min(perEntryAllowedUntil(entry, visa.days, policy.dayCounting), visa.validUntil);
}

StayFigures figuresFor(const QDate &entry, const QDate &until, const QDate &date, const PolicyVersion &policy, bool exit)
{
    StayFigures f;
    f.allowedUntil = until;
    f.daysAllowed = countedDays(entry, until, policy.dayCounting);
    f.daysUsed = countedDays(entry, date, policy.dayCounting);
    f.daysRemaining = std::max<qint64>(0, date.daysTo(until));
    if (exit)
        f.overstayDays = std::max<qint64>(0, until.daysTo(date));
    return f;
}

class Evaluation
{
public:
    Evaluation(const CheckInputs &inputs, const PolicyVersion &version)
        : in(inputs), policy(version), entry(inputs.direction == Direction::Entry),
          rule(version.ruleFor(inputs.document.nationality)), citizen(rule.regime == Regime::Citizen),
          nationality(inputs.document.nationality.isEmpty() ? QStringLiteral("an unknown state")
                                                            : inputs.document.nationality.toString()),
          passportExpired(inputs.document.isExpiredOn(inputs.date))
    {
    }

    Verdict run()
    {
        documentChecks();
        watchlistChecks();
        statusChecks();
        personChecks();
        if (citizen) {
            reasons.add(ReasonCode::Citizen, VerdictKind::Admit,
                        QStringLiteral("Citizens may leave and enter the country freely (§225)."));
        } else {
            view = readHistory(in.history, in.date);
            if (entry)
                foreignEntry();
            else
                foreignExit();
        }
        Verdict v;
        v.reasons = reasons.list();
        v.figures = figures;
        v.policyVersion = policy.version;
        v.watchlistHits = hits;
        for (const Reason &r : v.reasons)
            v.kind = std::max(v.kind, r.effect);
        // A refused entry allows no stay: no figures, whatever the regime alone would give
        // (an entry ban on a visa-free national). Only a used-up rolling allowance keeps its
        // count, which is the reason itself.
        if (entry && v.kind == VerdictKind::Refuse && !v.has(ReasonCode::VisaFreeDaysUsed))
            v.figures = StayFigures{};
        return v;
    }

private:
    void documentChecks()
    {
        if (!in.document.checkDigitsValid)
            reasons.add(ReasonCode::MrzCheckFailed, VerdictKind::Refer,
                        QStringLiteral("A check digit of the machine-readable zone fails (ICAO 9303-3 §4.9); the document "
                                       "must be examined, as forged documents are used (§169-170)."));
        if (passportExpired) {
            // §19: no valid passport, no entry. Leaving, and a citizen coming home, are for the officer.
            const bool refuse = entry && !citizen;
            reasons.add(ReasonCode::PassportExpired, refuse ? VerdictKind::Refuse : VerdictKind::Refer,
                        QStringLiteral("The passport expired on %1; %2 (§19).")
                            .arg(iso(*in.document.expiryDate),
                                 refuse ? QStringLiteral("entry without a valid passport is refused")
                                        : QStringLiteral("the officer decides on the crossing")));
        }
    }

    void watchlistChecks()
    {
        for (const WatchlistEntry &e : in.watchlist) {
            if (!watchlistMatches(e, in.document))
                continue;
            bool applied = true;
            switch (e.kind) {
            case WatchlistKind::EntryBan:
                if (!entry) {
                    applied = false; // a ban on entry does not stop a person leaving
                    break;
                }
                reasons.add(ReasonCode::EntryBan, citizen ? VerdictKind::Refer : VerdictKind::Refuse,
                            QStringLiteral("The person is on the list of persons whose entry is prohibited (§51, §130)%1.")
                                .arg(e.basis.isEmpty() ? QString() : QStringLiteral("; basis: ") + e.basis));
                break;
            case WatchlistKind::StolenDocument:
                reasons.add(ReasonCode::DocumentReportedStolen, VerdictKind::Refer,
                            QStringLiteral("The document is reported lost, stolen or forged (§169-170); retain it and refer "
                                           "to the officer."));
                break;
            case WatchlistKind::Wanted:
                reasons.add(ReasonCode::Wanted, VerdictKind::Refer,
                            QStringLiteral("The person is on a wanted list (domain-rules §5); the officer decides."));
                break;
            case WatchlistKind::ProtectedPerson:
                reasons.add(ReasonCode::ProtectedPerson, VerdictKind::Refer,
                            QStringLiteral("The person is on the protected list of trafficking victims and is not to be "
                                           "treated as deportable (§183-185); shown to the officer only."));
                break;
            case WatchlistKind::ExitRestriction:
                if (entry) {
                    applied = false; // restricts leaving only (§236)
                    break;
                }
                reasons.add(ReasonCode::ExitRestriction, VerdictKind::Refer,
                            QStringLiteral("The right to leave is temporarily restricted by the exit-restriction "
                                           "register (§236); the officer decides."));
                break;
            }
            if (applied && !e.id.isEmpty() && !hits.contains(e.id))
                hits.append(e.id);
        }
    }

    void statusChecks()
    {
        const StatusInputs &s = in.status;
        if (s.policyAgeDays && *s.policyAgeDays > policy.policyMaxAgeDays)
            reasons.add(ReasonCode::PolicyStale, VerdictKind::Refer,
                        QStringLiteral("The policy copy is %1 days old, more than the %2 days allowed; the officer "
                                       "confirms the rules (domain-rules §6).")
                            .arg(*s.policyAgeDays)
                            .arg(policy.policyMaxAgeDays));
        if (s.watchlistNeverSynchronised)
            reasons.add(ReasonCode::WatchlistStale, VerdictKind::Refer,
                        QStringLiteral("No watchlist has been synchronised to this kiosk, so bans and stolen "
                                       "documents cannot be ruled out (domain-rules §5-6)."));
        else if (s.watchlistAgeHours && *s.watchlistAgeHours > policy.watchlistMaxAgeHours)
            reasons.add(ReasonCode::WatchlistStale, VerdictKind::Refer,
                        QStringLiteral("The watchlists are %1 hours old, more than the %2 hours allowed; a recent "
                                       "entry may be missing (domain-rules §5-6).")
                            .arg(*s.watchlistAgeHours)
                            .arg(policy.watchlistMaxAgeHours));
        if (s.historyTamperedRows > 0)
            reasons.add(ReasonCode::HistoryTampered, VerdictKind::Refer,
                        QStringLiteral("%1 crossing record(s) of this traveller in the kiosk's database differ from the signed "
                                       "event log; the verdict counts the signed events. The database may have been edited: "
                                       "report it and run `kioskctl log verify` (§38, domain-rules §8).")
                            .arg(s.historyTamperedRows));
        if (s.historyJoinedByNameOnly)
            reasons.add(ReasonCode::PossibleSamePerson, VerdictKind::Refer,
                        QStringLiteral("Earlier crossings were found by names, birth date and nationality only, not by "
                                       "this document; the officer confirms they are this person's (§38, §45)."));
    }

    void personChecks()
    {
        if (in.document.birthDate && in.document.birthDate->isValid()
            && ageOn(*in.document.birthDate, in.date) < policy.minorAge)
            reasons.add(ReasonCode::Minor, VerdictKind::Refer,
                        QStringLiteral("The traveller is under %1 (domain-rules §6, a policy choice); the officer checks "
                                       "who accompanies them.")
                            .arg(policy.minorAge));
        if (rule.personClass == PersonClass::Stateless)
            reasons.add(ReasonCode::Stateless, VerdictKind::Admit, rule.source,
                        QStringLiteral("The holder is a stateless person (ICAO code XXA) and is treated as a foreign "
                                       "national for entry and stay (%1).")
                            .arg(rule.source));
        else if (rule.personClass == PersonClass::Refugee)
            reasons.add(ReasonCode::Refugee, VerdictKind::Admit, rule.source,
                        QStringLiteral("The holder travels as a refugee (ICAO code %1), under the refugee regime (%2).")
                            .arg(nationality, rule.source));
    }

    void historyAnomalies()
    {
        for (const QDate &d : view.entriesWithoutExit) {
            reasons.add(ReasonCode::PreviousExitMissing, VerdictKind::Refer,
                        QStringLiteral("The entry of %1 has no recorded exit before the next entry; the centralised "
                                       "record (§38) is incomplete and the officer checks it.")
                            .arg(iso(d)));
        }
    }

    // Of the permits that `keep`, the one running longest (latest valid_until); incomplete
    // records are skipped.
    template <typename Pred>
    [[nodiscard]] const Permit *latestPermit(Pred keep) const
    {
        const Permit *best = nullptr;
        for (const Permit &p : in.permits) {
            if (p.validFrom.isValid() && p.validUntil.isValid() && keep(p) && (!best || p.validUntil > best->validUntil))
                best = &p;
        }
        return best;
    }
    // A permit in force on the check date (residence permits only, for entry: §44).
    [[nodiscard]] const Permit *validPermit(bool residenceOnly) const
    {
        return latestPermit([&](const Permit &p) {
            return (!residenceOnly || isResidence(p.kind)) && p.validFrom <= in.date && in.date <= p.validUntil;
        });
    }
    // The permit that ended last before the check date.
    [[nodiscard]] const Permit *latestEndedPermit() const
    {
        return latestPermit([&](const Permit &p) { return p.validFrom <= in.date && p.validUntil < in.date; });
    }

    void addPermitValid(const Permit &p)
    {
        if (isResidence(p.kind))
            reasons.add(ReasonCode::ResidencePermitValid, VerdictKind::Admit,
                        QStringLiteral("A %1 valid until %2 allows leaving and returning on the passport without a visa "
                                       "(§44, §131-132).")
                            .arg(permitName(p.kind), iso(p.validUntil)));
        else
            reasons.add(ReasonCode::WorkPermitValid, VerdictKind::Admit,
                        QStringLiteral("A work permit valid until %1 covers the stay (§22, §63).").arg(iso(p.validUntil)));
    }

    // The visa of a visa national on entry: present, in its validity, entries left.
    [[nodiscard]] bool checkVisaOnEntry()
    {
        if (!in.visa) {
            reasons.add(ReasonCode::VisaMissing, VerdictKind::Refuse, rule.source,
                        QStringLiteral("Nationals of %1 need a visa and none was presented; entry is refused (%2).")
                            .arg(nationality, rule.source));
            return false;
        }
        const Visa &visa = *in.visa;
        if (in.date < visa.validFrom || in.date > visa.validUntil) {
            reasons.add(ReasonCode::VisaExpired, VerdictKind::Refuse,
                        QStringLiteral("The visa is valid from %1 to %2, not on %3; entry is refused (§19, §127).")
                            .arg(iso(visa.validFrom), iso(visa.validUntil), iso(in.date)));
            return false;
        }
        if (visa.entries > 0) {
            const auto used = std::ranges::count_if(in.history, [&](const Crossing &c) {
                return c.direction == Direction::Entry && c.date >= visa.validFrom && c.date <= visa.validUntil
                    && c.date <= in.date;
            });
            if (used >= visa.entries) {
                reasons.add(ReasonCode::VisaEntriesUsed, VerdictKind::Refuse,
                            QStringLiteral("The visa allows %1 %2 and %3 already took place in its validity; entry is "
                                           "refused (§19).")
                                .arg(visa.entries)
                                .arg(visa.entries == 1 ? QStringLiteral("entry") : QStringLiteral("entries"))
                                .arg(used));
                return false;
            }
        }
        return true;
    }

    void addVisaValid(const Visa &visa, const QDate &until)
    {
        reasons.add(ReasonCode::VisaValid, VerdictKind::Admit,
                    QStringLiteral("The visa is valid from %1 to %2%3; the stay may last until %4 (§19, §127).")
                        .arg(iso(visa.validFrom), iso(visa.validUntil),
                             visa.days > 0 ? QStringLiteral(" for stays of up to %1 days").arg(visa.days) : QString(),
                             iso(until)));
        if (rule.regime == Regime::FeeWaiver)
            reasons.add(ReasonCode::VisaFeeWaiver, VerdictKind::Admit, rule.source,
                        QStringLiteral("Nationals of %1 obtain the visa without fee%2 (%3).")
                            .arg(nationality,
                                 rule.feeWaiverMaxDays > 0 ? QStringLiteral(" for stays of up to %1 days").arg(rule.feeWaiverMaxDays)
                                                           : QString(),
                                 rule.source));
    }

    void addVisaFree(const Allowance &a, const QDate &until)
    {
        reasons.add(ReasonCode::VisaFree, VerdictKind::Admit, rule.source,
                    QStringLiteral("Nationals of %1 may stay without a visa for %2 (%3); the stay may last until %4.")
                        .arg(nationality, a.basis, rule.source, iso(until)));
    }

    [[nodiscard]] bool passportCapped(const QDate &uncapped, const QDate &capped)
    {
        if (capped >= uncapped)
            return false;
        reasons.add(ReasonCode::StayLimitedByPassport, VerdictKind::Admit,
                    QStringLiteral("The stay is shortened to %1, the passport's expiry date: an allowed stay never "
                                   "runs past it (domain-rules §2, a policy choice).")
                        .arg(iso(capped)));
        return true;
    }

    void foreignEntry()
    {
        historyAnomalies();
        if (view.openEntry)
            reasons.add(ReasonCode::PreviousExitMissing, VerdictKind::Refer,
                        QStringLiteral("The previous entry of %1 has no recorded exit; the centralised record (§38) is "
                                       "incomplete and the officer checks it.")
                            .arg(iso(*view.openEntry)));
        // The stays before this entry; an open entry counts its entry day only (staycalc.h).
        QList<Stay> previous = view.stays;
        if (view.openEntry)
            previous.append(Stay{*view.openEntry, *view.openEntry});

        if (const Permit *p = validPermit(true)) {
            // §44: permit holders enter on passport + permit, no visa.
            addPermitValid(*p);
            if (passportExpired)
                return;
            figures.allowedUntil = p->validUntil;
            figures.daysRemaining = std::max<qint64>(0, in.date.daysTo(p->validUntil));
            return;
        }
        if (const Permit *ended = latestEndedPermit(); ended && isResidence(ended->kind))
            reasons.add(ReasonCode::PermitExpired, VerdictKind::Admit,
                        QStringLiteral("The %1 expired on %2 and no longer replaces a visa; the nationality's regime "
                                       "applies (§44).")
                            .arg(permitName(ended->kind), iso(ended->validUntil)));

        QDate until;
        if (rule.regime == Regime::VisaFree) {
            const Allowance a = visaFreeAllowance(rule, policy, previous, in.date);
            if (a.until < in.date) {
                reasons.add(ReasonCode::VisaFreeDaysUsed, VerdictKind::Refuse, rule.source,
                            QStringLiteral("The %1 days without a visa in any %2 days are used up (%3, domain-rules "
                                           "§2); a visa or a permit is needed (§128).")
                                .arg(rule.days)
                                .arg(policy.stayRule.windowDays)
                                .arg(rule.source));
                StayFigures f;
                f.daysAllowed = 0;
                f.daysUsed = countedInWindow(previous, in.date, policy.stayRule.windowDays, policy.dayCounting);
                f.daysRemaining = 0;
                figures = f;
                return;
            }
            if (passportExpired)
                return; // refused (§19): there is no visa-free stay to describe
            until = capByPassport(a.until, in.document, policy);
            addVisaFree(a, until);
            (void)passportCapped(a.until, until);
        } else {
            if (!checkVisaOnEntry() || passportExpired)
                return;
            const QDate uncapped = visaAllowedUntil(*in.visa, policy, in.date);
            until = capByPassport(uncapped, in.document, policy);
            addVisaValid(*in.visa, until);
            (void)passportCapped(uncapped, until);
        }
        figures = figuresFor(in.date, until, in.date, policy, false);
    }

    void foreignExit()
    {
        if (!view.openEntry) {
            // REFER, never counted as an overstay.
            reasons.add(ReasonCode::EntryNotRecorded, VerdictKind::Refer,
                        QStringLiteral("No entry of this person is on record before this exit; the exit is recorded, no "
                                       "overstay is computed and the officer checks the record (§38)."));
            if (const Permit *p = validPermit(false))
                addPermitValid(*p);
            return;
        }
        historyAnomalies();
        const QDate entryDate = *view.openEntry;

        // The regime's allowance for this stay (capped by the passport), if any.
        std::optional<QDate> until;
        if (rule.regime == Regime::VisaFree) {
            const Allowance a = visaFreeAllowance(rule, policy, view.stays, entryDate);
            until = capByPassport(a.until, in.document, policy);
            addVisaFree(a, *until);
            (void)passportCapped(a.until, *until);
        } else if (in.visa) {
            const QDate uncapped = visaAllowedUntil(*in.visa, policy, entryDate);
            until = capByPassport(uncapped, in.document, policy);
            addVisaValid(*in.visa, *until);
            (void)passportCapped(uncapped, *until);
        }

        // Permits extend the lawful stay: through validity, then the grace period (§63).
        const Permit *valid = validPermit(false);
        const Permit *ended = valid ? nullptr : latestEndedPermit();
        std::optional<QDate> graceEnd;
        if (valid) {
            addPermitValid(*valid);
            until = until ? std::max(*until, valid->validUntil) : valid->validUntil;
        } else if (ended) {
            graceEnd = ended->validUntil.addDays(policy.permitGraceDays);
            until = until ? std::max(*until, *graceEnd) : *graceEnd;
        }
        if (ended && in.date <= *graceEnd) {
            reasons.add(ReasonCode::PermitGracePeriod, VerdictKind::Admit,
                        QStringLiteral("The %1 expired on %2; the %3 days to leave run through %4 (§63).")
                            .arg(permitName(ended->kind), iso(ended->validUntil))
                            .arg(policy.permitGraceDays)
                            .arg(iso(*graceEnd)));
        } else if (ended) {
            // Past the grace period: for the officer only if nothing else covers the stay.
            const bool uncovered = in.date > *until;
            reasons.add(ReasonCode::PermitExpired, uncovered ? VerdictKind::Refer : VerdictKind::Admit,
                        QStringLiteral("§63, §147"),
                        QStringLiteral("The %1 expired on %2 and the %3 days to leave ended on %4 (§63%5).")
                            .arg(permitName(ended->kind), iso(ended->validUntil))
                            .arg(policy.permitGraceDays)
                            .arg(iso(*graceEnd), uncovered ? QStringLiteral(", §147") : QString()));
        }

        if (!until) {
            // A visa national leaving with no visa and no permit known: the stay's limit is
            // unknown, so no overstay can be computed; the officer checks.
            reasons.add(ReasonCode::VisaMissing, VerdictKind::Refer, rule.source,
                        QStringLiteral("Nationals of %1 stay on a visa (%2) and none is known for the stay entered on "
                                       "%3; the officer checks it.")
                            .arg(nationality, rule.source, iso(entryDate)));
            return;
        }
        figures = figuresFor(entryDate, *until, in.date, policy, true);
        if (figures.overstayDays.value_or(0) > 0)
            reasons.add(ReasonCode::Overstay, VerdictKind::Refer,
                        QStringLiteral("The stay entered on %1 was allowed until %2 and exceeds it by %3 %4; the person "
                                       "is an illegal migrant under §147 and the officer decides (§148).")
                            .arg(iso(entryDate), iso(*until))
                            .arg(*figures.overstayDays)
                            .arg(*figures.overstayDays == 1 ? QStringLiteral("day") : QStringLiteral("days")));
    }

    const CheckInputs &in;
    const PolicyVersion &policy;
    const bool entry;
    const NationalityRule rule;
    const bool citizen;
    const QString nationality;
    const bool passportExpired;
    HistoryView view;
    Reasons reasons;
    StayFigures figures;
    QList<QString> hits;
};

} // namespace

bool Verdict::has(ReasonCode code) const
{
    return containsReason(reasons, code);
}

bool Verdict::has(QStringView code) const
{
    const std::optional<ReasonCode> known = reasonCodeFromString(code);
    return known && has(*known);
}

QStringList Verdict::codes() const
{
    QStringList out;
    for (const Reason &r : reasons)
        out.append(reasonCodeToString(r.code));
    return out;
}

Verdict evaluate(const CheckInputs &inputs, const PolicyVersion &policy)
{
    return Evaluation(inputs, policy).run();
}

Result<Verdict> evaluate(const CheckInputs &inputs, const PolicySet &policies)
{
    if (!inputs.date.isValid())
        return fail(QStringLiteral("CHECK_DATE_INVALID"), QStringLiteral("the check has no valid date"));
    const PolicyVersion *policy = policies.inForce(inputs.date);
    if (!policy)
        return fail(QStringLiteral("POLICY_NOT_IN_FORCE"),
                    QStringLiteral("no policy version is in force on %1").arg(iso(inputs.date)));
    return evaluate(inputs, *policy);
}

} // namespace Kiosk::Rules
