// libFuzzer target for the MRZ engine: any bytes, parsed with and without the
// correction, must give a result, never a crash, and keep the result's invariants.
//
// The first byte chooses how the rest is read: as UTF-8 text (hygiene, layout detection),
// or mapped onto the MRZ alphabet and cut into lines of a real layout's width, so that the
// fuzzer spends its time in the field, date, check-digit and correction code.
#include "scanner/mrz/mrzjson.h"
#include "scanner/mrz/mrzparser.h"

#include <QDate>

#include <cstdint>
#include <cstdlib>

using namespace Kiosk::Mrz;

namespace {

QString mrzShaped(const std::uint8_t *data, size_t size, int width, int lines)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<";
    QString text;
    for (int l = 0; l < lines; ++l) {
        for (int i = 0; i < width; ++i) {
            const size_t at = static_cast<size_t>(l * width + i);
            const char c = at < size ? kAlphabet[data[at] % (sizeof(kAlphabet) - 1)] : '<';
            text.append(QLatin1Char(c));
        }
        text.append(u'\n');
    }
    return text;
}

void check(const MrzResult &r)
{
    if (r.valid && (!r.errors.isEmpty() || !r.format))
        std::abort();
    if (!r.format && r.errors.isEmpty())
        std::abort();
    for (const Correction &c : r.corrections) {
        if (c.position < 1 || c.from == c.to)
            std::abort();
    }
    (void)toJson(r);
    (void)toPrettyText(r);
    (void)r.toTravelDocument();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    if (size == 0 || size > 8192)
        return 0;
    const std::uint8_t mode = data[0];
    ++data;
    --size;
    QString text;
    switch (mode % 4) {
    case 0:
        text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
        break;
    case 1:
        text = mrzShaped(data, size, 30, 3);
        break;
    case 2:
        text = mrzShaped(data, size, 36, 2);
        break;
    default:
        text = mrzShaped(data, size, 44, 2);
        break;
    }
    // Reference dates around century boundaries as well as today.
    const QDate reference = (mode & 4) ? QDate(2000, 1, 1) : QDate(2026, 11, 29);
    for (const bool correct : {false, true})
        check(parse(text, ParseOptions{reference, correct}));
    for (const QStringView document : splitDocuments(text))
        check(parse(document, ParseOptions{QDate(), false}));
    return 0;
}
