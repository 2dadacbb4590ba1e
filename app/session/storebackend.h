#pragma once
// The product CaseBackend: lookups in the kiosk's SQLite store (app/store), the verdict from
// the rules engine (app/rules) against the signed policy in force, and the officer's action
// recorded through the event log's one-transaction recording (crossing + signed event +
// outbox entry).
#include "app/rules/policy.h"
#include "app/session/casebackend.h"

#include <QTimeZone>

#include <functional>

namespace Kiosk::Store {
class Database;
}

namespace Kiosk::Session {

class StoreBackend final : public CaseBackend
{
public:
    struct Identity
    {
        QString kioskId;
        QString checkpoint;
        QTimeZone zone;
    };
    // The one recording function of the sync side, injected by the composition root.
    using Recorder = std::function<Result<RecordOutcome>(Store::Database &, const Case &, const RecordRequest &)>;

    // `policyDatedAt`: the day the policy copy dates from (LoadedPolicy::datedAt), from which
    // its age (POLICY_STALE) is measured; invalid: no age check.
    StoreBackend(Store::Database &db, Rules::PolicySet policies, Identity identity, Recorder recorder,
                 QDateTime policyDatedAt = {});

    [[nodiscard]] Result<void> evaluate(Case &c) override;
    [[nodiscard]] Result<RecordOutcome> record(const Case &c, const RecordRequest &request) override;
    [[nodiscard]] ReferenceStatus referenceStatus(const QDateTime &now) const override;
    [[nodiscard]] const Rules::PolicyVersion *policyInForce(const QDate &date) const override;

    // A newer verified policy set from the central side (sync pull).
    void setPolicies(Rules::PolicySet policies, const QDateTime &datedAt);

private:
    Store::Database &m_db;
    Rules::PolicySet m_policies;
    Identity m_identity;
    Recorder m_recorder;
    QDateTime m_policyDatedAt;
};

} // namespace Kiosk::Session
