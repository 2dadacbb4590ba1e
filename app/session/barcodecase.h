#pragma once
// The barcode part of a case: an IATA boarding pass (Resolution 792) or an ICAO 9303-13
// visible digital seal on a visa. Decoded, consistent and authentic are separate answers: a
// seal that decodes but does not verify is shown as such and never feeds the rules a visa.
#include "app/session/casemodel.h"

#include <QByteArrayView>

namespace Kiosk::Vds {
class VdsTrustStore;
}

namespace Kiosk::Session {

enum class BarcodeFill { BoardingPass, VisaSeal, NotUseful };

// Reads `payload` into `c` (the boarding pass, or the seal with its signature state and, if it
// verifies, its visa). `today` places the BCBP's Julian day in a year. `problem` says why a
// payload added nothing.
[[nodiscard]] BarcodeFill fillFromBarcode(Case &c, QByteArrayView payload, const QDate &today,
                                          const Vds::VdsTrustStore &trust, QString *problem);

} // namespace Kiosk::Session
