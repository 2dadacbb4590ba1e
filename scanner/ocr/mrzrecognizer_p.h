#pragma once
// Recognizer internals shared with its trainer and tests. The glyph network's trainer
// (tests/support/ocrtrain.cpp) needs the cells exactly as read() cuts them, so that the
// network learns from the very geometry it will see (the block warped upright, the
// calibrated scale, the one-pixel offsets it searches).
#include "scanner/ocr/glyphclassifier_p.h"

#include <QImage>
#include <QStringList>

#include <array>
#include <utility>
#include <vector>

namespace Kiosk::Ocr::detail {

// The centre and the eight one-pixel offsets (cell pixels) at which cells are cut.
inline constexpr std::array<std::pair<int, int>, 9> kCellOffsets{
    {{0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, -1}, {-1, 1}, {1, 1}}};

struct TrainingBlock
{
    int lineCount = 0;
    int lineLength = 0;
    QStringList templateLines;     // the cells as the templates alone read them (no layout rules)
    std::array<cv::Mat, kCellOffsets.size()> features; // per offset: one row per cell, line-major
};

// The name field of an MRZ (ICAO 9303-3 §4.6) has a shape: the primary identifier, then
// optionally "<<" and the secondary identifier, name parts joined by one '<', then only
// fillers (a name truncated to the field may run to its last position). A read whose name
// field breaks it (letters after the fillers: a misread filler, a neighbouring print) is
// not accepted even when every check digit passes.
[[nodiscard]] bool namePlausible(QStringView field);

// Every MRZ-shaped block the recognizer would read in `image`, both ways up.
[[nodiscard]] std::vector<TrainingBlock> trainingBlocks(const QImage &image);

} // namespace Kiosk::Ocr::detail
