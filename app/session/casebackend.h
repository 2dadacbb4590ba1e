#pragma once
// The session's one seam to the data side: lookups and verdict for a case, and the
// one-transaction record of an officer's action. The product implementation is StoreBackend
// (app/session/storebackend.h: app/store + app/rules + sync/eventlog); the seam exists so the
// information screen can run read-only on the same session, and so the session's own logic
// (sign-in, lock, case flow) is testable by itself, like the injected Clock.
#include "app/core/error.h"
#include "app/rules/policy.h"
#include "app/session/casemodel.h"

#include <QDateTime>
#include <QStringList>

namespace Kiosk::Session {

struct RecordRequest
{
    OfficerAction action = OfficerAction::RecordEntry;
    Direction direction = Direction::Entry;
    VerdictKind verdict = VerdictKind::Admit; // the verdict recorded (overridden one for Override)
    QString operatorId;
    QDateTime at;                             // local time with offset at the checkpoint
    QString overrideReason;                   // Override only: the officer's typed reason
};

class CaseBackend
{
public:
    virtual ~CaseBackend() = default;

    // Store lookups (history at every checkpoint, permits, visas, watchlists) and the rules'
    // verdict for `c.document` travelling `c.direction` on `c.checkDate`. Fills the check part of
    // `c` (verdict, reasons, figures, history, hits, policy version).
    [[nodiscard]] virtual Result<void> evaluate(Case &c) = 0;

    // Writes the crossing, its signed event and its outbox entry in one transaction (and, for an
    // override, the override's own signed event in that same transaction).
    [[nodiscard]] virtual Result<RecordOutcome> record(const Case &c, const RecordRequest &request) = 0;

    // Policy version in force and watchlist freshness at `now`.
    [[nodiscard]] virtual ReferenceStatus referenceStatus(const QDateTime &now) const = 0;

    // The policy version the verdicts use on `date` (the newest verified pull, else the
    // shipped file), so a face states the same rules the check applies. Valid until the
    // backend's policies change. nullptr: this backend holds no policy (test backends).
    [[nodiscard]] virtual const Rules::PolicyVersion *policyInForce(const QDate &date) const
    {
        (void)date;
        return nullptr;
    }
};

} // namespace Kiosk::Session
