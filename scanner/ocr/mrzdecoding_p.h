#pragma once
// Decoding of a classified block (mrzclassification_p.h) into MRZ text: per position the
// likeliest character its layout allows, look-alikes settled by the check digits
// (scanner/mrz/lookalikes.h, ICAO 9303-3 §4.9), a check-digit-guided correction, and what no
// check digit can see measured as risk for the acceptance.
#include "scanner/ocr/mrzclassification_p.h"
#include "scanner/ocr/ocrlayout_p.h"

#include <QList>
#include <QStringList>

namespace Kiosk::Ocr::detail {

struct Decoded
{
    const OcrLayout *shape = nullptr;
    QStringList lines;
    QList<QList<float>> confidence;
    float quality = 0;         // mean best score
    float uncheckedMin = 1.0f; // lowest 1 - risk: what no check digit can see (see measureRisk)
    bool namePlausible = true; // the name field has the shape ICAO 9303-3 §4.6 gives it
    // Expected number of misreads no check digit sees, and of misreads in the worst checked
    // field (its check digit included; several errors can pass one check digit together).
    float uncheckedRisk = 0;
    float checkedRisk = 0;
    // Look-alikes a check digit settled with more than one passing assignment: the
    // probability left to the ones not taken (summed) and the lowest share taken.
    float decidedRisk = 0;
    float decidedMin = 1.0f;
};

[[nodiscard]] Decoded decode(const Block &block, const CellScores &cells);

} // namespace Kiosk::Ocr::detail
