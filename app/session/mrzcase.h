#pragma once
// The document part of a case from an MRZ parse result: fields with a tick or cross per check
// digit and the corrections, as the console shows them (ui/caseview.h).
#include "app/session/casemodel.h"

namespace Kiosk::Mrz {
struct MrzResult;
}

namespace Kiosk::Session {

void fillDocumentFromMrz(Case &c, const Mrz::MrzResult &mrz);

} // namespace Kiosk::Session
