#pragma once
// Classification of a segmented block's cells (mrzsegmentation_p.h): the scale at which the
// glyphs match the OCR-B templates, each cell's template correlations (how MRZ-like the block
// is) and the glyph network's log-probabilities (which character it is).
#include "scanner/ocr/glyphclassifier_p.h"
#include "scanner/ocr/mrzsegmentation_p.h"

#include <opencv2/core.hpp>

#include <vector>

namespace Kiosk::Ocr::detail {

// Normalised cells: the ink image is resampled once so that a cell is exactly
// kCellW x kCellH pixels; cells are then views at (sub-cell) offsets.
class CellSampler
{
public:
    CellSampler(const Block &block, double scale);
    // The feature of the cell at crop point `c` (x: centre, y: baseline), moved by (dx, dy)
    // cell pixels. As the templates: centred half a cap height above the baseline.
    void featureInto(cv::Point2f c, int dx, int dy, cv::Mat row, float local = 1.0f) const;

private:
    static constexpr int kPad = kCellH;
    cv::Mat m_ink;
    double m_f = 1.0;
    cv::Mat m_image;
};

// Per line, per cell: the templates' correlations (how MRZ-like the block is) and the glyph
// network's log-probabilities (which character it is).
struct CellScores
{
    std::vector<std::vector<ClassScores>> templates;
    std::vector<std::vector<ClassScores>> logp;
};

// The glyphs' printed size relative to the measured cap height varies with print, blur
// and binarisation: a sample of cells decides the scale that matches the templates best
// (block.scale) and how well they match there (block.quality).
void calibrate(Block &block);

// Every cell of the block scored by the templates and by the network.
[[nodiscard]] CellScores classify(const Block &block);

} // namespace Kiosk::Ocr::detail
