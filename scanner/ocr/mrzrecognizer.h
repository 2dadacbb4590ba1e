#pragma once
// Finds the machine readable zone in a photo or scan of a data page and reads it.
// The zone is printed in OCR-B (ISO 1073-2) at a fixed pitch of 10 characters
// per inch with 37 possible characters (ICAO 9303-3 §4.1-4.2), in 2 or 3 lines of 30, 36 or
// 44 characters: the recognizer uses all of that instead of general text recognition.
//
//   find:     black-hat + closing + contours give long parallel text lines (any position,
//             ±30° and upside down, which way up from where the '<' fillers are), grouped
//             into a block;
//   segment:  the block is warped upright, connected components give glyphs, the known
//             line length fixes the pitch and each character's cell; OCR-B templates
//             rendered from the font at build time choose the glyphs' scale;
//   classify: a small trained network (glyphnet_p.h) gives each cell's probabilities,
//             restricted per position to the layout's character class (digits in dates ...);
//   decide:   look-alikes and check digits (scanner/mrz check-digit-guided correction), and
//             an acceptance that weighs what no check digit can see (names, equal-value
//             substitutions): a doubtful read is refused, never guessed.
#include "scanner/mrz/mrzparser.h"

#include <QDate>
#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QStringList>

#include <optional>

namespace Kiosk::Ocr {

struct ReadOptions
{
    QDate referenceDate; // for the parser's dates (architecture.md: time is an argument)
};

struct OcrResult
{
    // An MRZ-shaped block (2-3 lines of one of the ICAO lengths, glyphs that look like OCR-B)
    // was found and read. False: nothing to report, every other member is empty.
    bool found = false;
    QStringList lines;                // as read, after the parser's correction
    QList<QList<float>> confidence;   // per line, per character, 0..1
    QPolygonF quad;                   // the zone in image pixels: top-left, top-right,
                                      // bottom-right, bottom-left in reading order
    // The parse (correct = true). When every check digit passes but a character no check
    // digit covers (names, nationality, sex...) was read without confidence, the parse gets
    // the error OCR_LOW_CONFIDENCE and valid = false: a wrong read that passes its check
    // digits is the worst outcome.
    std::optional<Mrz::MrzResult> mrz;
    bool accepted = false; // == mrz->valid: the read can be trusted
    double ms = 0; // find + read + parse, wall clock

    [[nodiscard]] float minConfidence(qsizetype line) const;
};

class MrzRecognizer
{
public:
    MrzRecognizer(); // builds the glyph templates once per process (first use)

    // Thread-safe (const, no shared mutable state): frames may be read on a worker thread.
    [[nodiscard]] OcrResult read(const QImage &image, const ReadOptions &options) const;
};

} // namespace Kiosk::Ocr
