#include "app/session/storebackend.h"

#include "app/session/kioskpolicy.h"
#include "app/session/storeinputs.h"

#include "app/core/clock.h"
#include "app/rules/engine.h"
#include "app/store/checkrecords.h"
#include "app/store/database.h"
#include "app/store/watchlistrepository.h"

namespace Kiosk::Session {

StoreBackend::StoreBackend(Store::Database &db, Rules::PolicySet policies, Identity identity, Recorder recorder,
                           QDateTime policyDatedAt)
    : m_db(db)
    , m_policies(std::move(policies))
    , m_identity(std::move(identity))
    , m_recorder(std::move(recorder))
    , m_policyDatedAt(std::move(policyDatedAt))
{
}

const Rules::PolicyVersion *StoreBackend::policyInForce(const QDate &date) const
{
    return m_policies.inForce(date);
}

void StoreBackend::setPolicies(Rules::PolicySet policies, const QDateTime &datedAt)
{
    m_policies = std::move(policies);
    m_policyDatedAt = datedAt;
}

Result<void> StoreBackend::evaluate(Case &c)
{
    if (!c.document)
        return fail(QStringLiteral("CASE_NO_DOCUMENT"), QStringLiteral("no document to check"));
    auto records = Store::loadCheckRecords(m_db, *c.document, c.checkDate);
    if (!records)
        return std::unexpected(records.error());

    // Ages are computed here, from the session's instant (the rules never read a clock).
    const QDateTime now = c.openedAt.isValid() ? c.openedAt : QDateTime::currentDateTimeUtc();
    Rules::CheckInputs in = storeCheckInputs(*c.document, c.direction, c.checkDate, *records, now);
    // A verified seal on the visa beats the register: it is what the traveller presents.
    if (c.seal && c.seal->signature == SealSignature::Valid && c.seal->visa)
        in.visa = c.seal->visa;
    in.status.policyAgeDays = policyAgeDays(m_policyDatedAt, now);

    auto verdict = Rules::evaluate(in, m_policies);
    if (!verdict)
        return std::unexpected(verdict.error());

    c.verdict = verdict->kind;
    c.reasons = verdict->reasons;
    c.policyVersion = verdict->policyVersion;
    const auto toInt = [](const std::optional<qint64> &v) -> std::optional<int> {
        return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
    };
    c.figures.allowedUntil = verdict->figures.allowedUntil;
    c.figures.daysAllowed = toInt(verdict->figures.daysAllowed);
    c.figures.daysUsed = toInt(verdict->figures.daysUsed);
    c.figures.daysRemaining = toInt(verdict->figures.daysRemaining);
    c.figures.overstayDays = toInt(verdict->figures.overstayDays);

    // Newest first, as a timeline reads.
    c.history.clear();
    for (auto it = records->history.crbegin(); it != records->history.crend(); ++it)
        c.history.append(HistoryEntry{it->direction, it->date, it->checkpoint, it->checkpoint == m_identity.checkpoint});

    c.watchlistHits.clear();
    for (const WatchlistEntry &e : records->watchlistHits) {
        if (!verdict->watchlistHits.contains(e.id))
            continue; // the store's candidate; the engine decided it does not match
        c.watchlistHits.append(WatchlistHit{e.kind, e.id, e.basis,
                                            e.documentNumber.isEmpty() ? QStringLiteral("person") : QStringLiteral("document")});
    }
    return {};
}

Result<RecordOutcome> StoreBackend::record(const Case &c, const RecordRequest &request)
{
    if (!m_recorder)
        return fail(QStringLiteral("RECORDING_UNAVAILABLE"), QStringLiteral("this kiosk has no event recorder configured"));
    return m_recorder(m_db, c, request);
}

ReferenceStatus StoreBackend::referenceStatus(const QDateTime &now) const
{
    ReferenceStatus r;
    const QDate today = localDate(now, m_identity.zone);
    const Rules::PolicyVersion *policy = m_policies.inForce(today);
    if (policy) {
        r.policyVersion = policy->version;
        r.watchlistStaleAfterSeconds = qint64(policy->watchlistMaxAgeHours) * 3600;
    }
    Store::WatchlistRepository watchlists(m_db);
    auto at = watchlists.lastImportedAt();
    if (at && *at) {
        r.watchlistUpdatedAt = **at;
        r.watchlistAgeSeconds = std::max<qint64>(0, (*at)->secsTo(now));
        r.watchlistStale = r.watchlistStaleAfterSeconds > 0 && r.watchlistAgeSeconds > r.watchlistStaleAfterSeconds;
    }
    return r;
}

} // namespace Kiosk::Session
