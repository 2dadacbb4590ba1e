#pragma once
// Synthetic MRZ corpus: data pages of the five ICAO 9303 layouts rendered in
// OCR-B with synthetic people, photographed badly on purpose. Deterministic for a seed, so the
// committed set (tests/data/ocr) and the benchmark's frames can be rebuilt exactly.
//
// Only invented people: names are drawn from small pools of common words and combined at
// random; issuing states include ICAO's fictional "UTO".
#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace Kiosk::OcrCorpus {

enum class Tier { Clean, Ordinary, Hard };
enum class Layout { TD1, TD2, TD3, MRVA, MRVB };

[[nodiscard]] QString tierName(Tier tier);           // "clean", "ordinary", "hard"
[[nodiscard]] QString layoutName(Layout layout);     // "TD1" ... "MRVB"
[[nodiscard]] std::optional<Tier> tierFromName(QStringView name);

struct Options
{
    Tier tier = Tier::Clean;
    Layout layout = Layout::TD3;
    bool withMrz = true; // false: a page (or a scene) with no MRZ at all
    // Output size. Empty: a size around the page, as a scanner or a close photo would give.
    QSize frame;
    int jpegQuality = -1; // -1: by tier
    bool grayscale = false; // a gray JPEG (as many document scanners give): a third of the bytes
};

struct Sample
{
    QImage image;       // after every degradation, decoded from its JPEG bytes
    QByteArray jpeg;    // the encoded image (what the committed corpus stores)
    QStringList lines;  // the MRZ as printed; empty when there is none
};

// The MRZ lines of a synthetic person for `layout`, every check digit right (ICAO 9303-3 §4.9).
[[nodiscard]] QStringList randomMrz(quint64 seed, Layout layout);

[[nodiscard]] Sample generate(quint64 seed, const Options &options);

} // namespace Kiosk::OcrCorpus
