#pragma once
#include "app/session/storebackend.h"

namespace Kiosk::Sync {
class CrossingRecorder;
}

namespace Kiosk::Session {

// The Recorder over the sync side's one-transaction CrossingRecorder (crossing + signed event +
// outbox). An override is recorded as an event carrying the reason codes plus
// "OFFICER_OVERRIDE", and the officer's typed reason in the event's overrideReason field (event
// format 2), so the reason is signed and synced with the decision it justifies.
[[nodiscard]] StoreBackend::Recorder eventRecorder(Sync::CrossingRecorder &recorder);

} // namespace Kiosk::Session
