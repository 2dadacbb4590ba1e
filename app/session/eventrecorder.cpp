#include "app/session/eventrecorder.h"

#include "sync/client/crossingrecorder.h"

namespace Kiosk::Session {

StoreBackend::Recorder eventRecorder(Sync::CrossingRecorder &recorder)
{
    return [&recorder](Store::Database &, const Case &c, const RecordRequest &request) -> Result<RecordOutcome> {
        Sync::Decision d;
        d.document = *c.document;
        d.direction = request.direction;
        d.at = request.at;
        d.officer = request.operatorId;
        d.policyVersion = c.policyVersion;
        for (const Reason &r : c.reasons)
            d.reasons << reasonCodeToString(r.code);
        d.verdict = c.verdict;
        switch (request.action) {
        case OfficerAction::RecordEntry:
        case OfficerAction::RecordExit:
            break;
        case OfficerAction::Refer:
            d.verdict = VerdictKind::Refer;
            d.reasons << QStringLiteral("REFERRED_TO_SECONDARY");
            break;
        case OfficerAction::Override:
            // The recorder adds OFFICER_OVERRIDE; the typed text is the event's own field.
            d.overrideReason = request.overrideReason;
            // Admitting against the verdict crosses; overriding towards REFER/REFUSE records that
            // decision without a crossing.
            if (request.verdict == VerdictKind::Admit)
                d.officerOverride = true;
            else
                d.verdict = request.verdict;
            break;
        }
        auto recorded = recorder.record(d);
        if (!recorded)
            return std::unexpected(recorded.error());
        RecordOutcome out;
        out.action = request.action;
        out.eventId = recorded->eventId;
        if (request.action == OfficerAction::Override)
            out.overrideEventId = recorded->eventId;
        out.sequence = recorded->sequence;
        out.recordedAt = request.at;
        out.recordedVerdict = request.verdict;
        out.overrideReason = request.overrideReason;
        return out;
    };
}

} // namespace Kiosk::Session
