#pragma once
// The glyph templates: normalised-correlation templates of the 37 MRZ characters
// (ICAO 9303-3 §4.1: A-Z, 0-9 and the filler '<'), rendered from the OCR-B font with
// QPainter at build time (glyphgen.cpp, run by CMake; the library then needs no
// QGuiApplication). They say how MRZ-like a block is and at which scale its glyphs match
// the font (ISO 1073-2 fixes the shapes); the trained network (glyphnet_p.h) names the
// characters, which correlation alone cannot do reliably under blur (O/0, S/8, C/G).
#include <opencv2/core.hpp>

#include <array>
#include <string_view>
#include <vector>

namespace Kiosk::Ocr::detail {

inline constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
inline constexpr int kClassCount = 37;

// One normalised cell: the glyph's pitch cell, kCellHeightFactor cap heights tall, centred
// on the line's mid-height and on the glyph's ink, resampled to kCellW x kCellH.
inline constexpr int kCellW = 18;
inline constexpr int kCellH = 24;
inline constexpr double kCellHeightFactor = 1.4; // in cap heights
inline constexpr double kPitchPerCap = 2.54 / 2.42; // OCR-B size I: 10 cpi, ~2.42 mm caps

using ClassScores = std::array<float, kClassCount>;

// out = alpha * a * b^T for CV_32F matrices (rows of a and of b are the vectors): the one
// matrix product of the recognizer (templates and network). Plain SIMD dot products: the
// system BLAS behind cv::gemm may be the unvectorised reference one, several times slower.
void multiplyTransposed(const cv::Mat &a, const cv::Mat &b, float alpha, cv::Mat &out);

// Generated at build time (ocrb_templates.cpp): kClassCount * kOcrbVariants cells of
// kCellH x kCellW 8-bit ink, alphabet order, variants of one class together.
extern const unsigned char kOcrbCells[];
extern const int kOcrbVariants;

class GlyphClassifier
{
public:
    // Built once per process (thread-safe static); a few milliseconds.
    [[nodiscard]] static const GlyphClassifier &instance();

    // Many cells at once: `features` holds one featureInto() row per cell; returns one
    // ClassScores per row: normalised correlations in [-1, 1], the best of each class's
    // template variants (one matrix product for all cells).
    [[nodiscard]] std::vector<ClassScores> scoreRows(const cv::Mat &features) const;

    // Turns a cell (CV_32F kCellH x kCellW, ink positive) into the unit-norm, zero-mean
    // feature the templates and the network use, written into `row` (a 1 x kCellW*kCellH
    // CV_32F row of a larger matrix).
    static void featureInto(const cv::Mat &cell, cv::Mat row);

private:
    GlyphClassifier();
    cv::Mat m_templates; // one row per (class, variant): kCellW*kCellH unit-norm features
    int m_variants = 0;
};

} // namespace Kiosk::Ocr::detail
