// libFuzzer target for the IATA BCBP parser: any bytes give a pass or an
// error value, never a crash or a read past the end (ASan), and a parsed pass keeps its
// invariants: 1-4 legs, as many as the header says.
#include "scanner/barcode/bcbp/bcbpparser.h"

#include <QDate>

#include <cstdint>
#include <cstdlib>

using namespace Kiosk::Bcbp;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto pass = parseBcbp(bytes);
    if (!pass)
        return 0;
    if (pass->legCount < 1 || pass->legCount > 4 || pass->legs.size() != pass->legCount)
        std::abort();
    const QDate context(2026, 3, 10);
    for (const BcbpLeg &leg : pass->legs)
        (void)resolveDayOfFlight(leg.dayOfFlight(), context);
    if (!pass->dateOfIssueRaw.isEmpty())
        (void)resolveDateOfIssue(pass->dateOfIssueRaw, context);
    (void)boardingPassToJson(*pass, context);
    return 0;
}
