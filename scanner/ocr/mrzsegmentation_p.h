#pragma once
// Segmentation of an MRZ candidate (the finder's, mrzfinder_p.h) into character cells: the
// candidate warped upright, binarised, its glyph-sized components grouped into rows, each
// row's baseline and cell grid at the known pitch, the layout whose lines fit, and the cells'
// centres. mrzsegmentation.cpp does the image stages, mrzgrid.cpp the grid and layout fit.
#include "scanner/ocr/mrzfinder_p.h"
#include "scanner/ocr/ocrlayout_p.h"

#include <opencv2/core.hpp>

#include <optional>
#include <vector>

namespace Kiosk::Ocr::detail {

// A connected component of glyph size in the upright crop (crop pixels).
struct Glyph
{
    cv::Rect box;
    cv::Point2d centre;
};

// The glyphs of one text line and its baseline.
struct TextRow
{
    std::vector<Glyph> glyphs; // sorted by x
    double a = 0, b = 0;       // baseline: y = a + b x (crop pixels)
};

// The cell grid of one row: x(i), the centre of cell i (crop pixels), a quadratic in i for
// perspective; each glyph's first cell and the cells the row spans.
struct RowGrid
{
    double a = 0, b = 0, c = 0;
    double pitch = 0; // mean pitch over the row
    std::vector<int> index; // per glyph of the row: its first cell
    int firstIndex = 0;
    int lastIndex = 0;
    int coreFirst = 0; // the cells without the specks that stand apart at the ends (fitGrid)
    int coreLast = 0;
    [[nodiscard]] double x(double i) const { return a + b * i + c * i * i; }
};

// Which consecutive rows form an MRZ: each line holds exactly L glyph cells at one pitch.
struct LayoutFit
{
    int first;                 // the block's first row
    const OcrLayout *shape;
    double error;
};

// A block of 2-3 rows that fits an MRZ layout, in an upright crop.
struct Block
{
    const OcrLayout *shape = nullptr;
    cv::Mat ink;       // CV_32F, ink positive (black-hat), crop pixels
    cv::Mat toSource;  // 2x3: crop pixels -> working image pixels
    double cap = 0;    // cap height, crop pixels
    double pitch = 0;  // mean pitch, crop pixels
    std::vector<std::vector<cv::Point2f>> centres;    // per line, per cell: grid x, baseline y
    std::vector<std::vector<cv::Point2f>> inkCentres; // where each cell is read: ink x, baseline y
    std::vector<std::vector<float>> localScale;       // local pitch / mean pitch (perspective)
    double scale = 1.0;  // glyph size / measured cap height (calibrated)
    double quality = 0;  // mean best score at that scale (orientation choice)
};

// Each row's cell grid at the pitch its glyphs' spacing gives; nullopt for a row that does
// not look like one MRZ line (too few glyphs, a pitch that does not fit the cap height).
[[nodiscard]] std::vector<std::optional<RowGrid>> fitGrids(const std::vector<TextRow> &rows, double cap);

// Which consecutive rows form an MRZ: each line holds exactly L glyph cells at one pitch.
[[nodiscard]] std::optional<LayoutFit> chooseLayout(const std::vector<TextRow> &rows, const std::vector<std::optional<RowGrid>> &grids,
                                                    double cap);

// The candidate widened to the longest MRZ line when only pieces of its lines were seen.
[[nodiscard]] std::optional<MrzCandidate> widenedForPieces(const MrzCandidate &cand, const std::vector<std::optional<RowGrid>> &grids,
                                                           double s);

// Each line's first cell: windows of L cells that share the margin; empty when none do.
[[nodiscard]] std::vector<int> chooseWindows(const std::vector<std::optional<RowGrid>> &grids, const LayoutFit &fit);

// The cells' centres of each line and the local pitch scale, into `block`.
void placeCells(Block &block, const std::vector<TextRow> &rows, const std::vector<std::optional<RowGrid>> &grids, const LayoutFit &fit,
                const std::vector<int> &starts);

// Warps the candidate upright, finds the glyph rows and their cell grids: the block of cells
// of one layout, or nullopt. `tall`: a line more of margin above and below a block of 2-3
// lines; `wide`: the block was widened to the longest MRZ line on both sides.
[[nodiscard]] std::optional<Block> prepareBlock(const cv::Mat &gray, const MrzCandidate &cand, bool flip, bool tall = false,
                                                bool wide = false);

} // namespace Kiosk::Ocr::detail
