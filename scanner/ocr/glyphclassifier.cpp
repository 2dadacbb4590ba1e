#include "scanner/ocr/glyphclassifier_p.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace Kiosk::Ocr::detail {

void GlyphClassifier::featureInto(const cv::Mat &cell, cv::Mat row)
{
    // A cell may be a view into a larger image: copy it into the row first.
    cell.copyTo(row.reshape(1, kCellH));
    const cv::Scalar mean = cv::mean(row);
    row -= mean[0];
    const double n = cv::norm(row);
    if (n > 1e-6)
        row /= n;
    else
        row.setTo(0);
}

cv::Mat GlyphClassifier::feature(const cv::Mat &cell)
{
    cv::Mat f(1, kCellW * kCellH, CV_32F);
    cv::Mat c32;
    cell.convertTo(c32, CV_32F);
    featureInto(c32, f);
    return f;
}

std::vector<ClassScores> GlyphClassifier::scoreRows(const cv::Mat &features) const
{
    std::vector<ClassScores> out(static_cast<std::size_t>(features.rows));
    if (features.empty())
        return out;
    cv::Mat s;
    cv::gemm(features, m_templates, 1.0, cv::noArray(), 0.0, s, cv::GEMM_2_T);
    for (int r = 0; r < s.rows; ++r) {
        const float *row = s.ptr<float>(r);
        ClassScores &o = out[static_cast<std::size_t>(r)];
        for (int c = 0; c < kClassCount; ++c)
            o[static_cast<std::size_t>(c)] = *std::max_element(row + c * m_variants, row + (c + 1) * m_variants);
    }
    return out;
}

GlyphClassifier::GlyphClassifier()
{
    // The template cells were rendered from the OCR-B font at build time (glyphgen.cpp):
    // 8-bit ink images, kOcrbVariants per class, in alphabet order.
    const int size = kCellW * kCellH;
    m_variants = kOcrbVariants;
    m_templates.create(kClassCount * m_variants, size, CV_32F);
    for (int r = 0; r < m_templates.rows; ++r) {
        const cv::Mat cell(kCellH, kCellW, CV_8U, const_cast<unsigned char *>(kOcrbCells + static_cast<std::ptrdiff_t>(r) * size));
        cv::Mat f;
        cell.convertTo(f, CV_32F, 1.0 / 255.0);
        featureInto(f, m_templates.row(r));
    }
}

const GlyphClassifier &GlyphClassifier::instance()
{
    static const GlyphClassifier classifier;
    return classifier;
}

void GlyphClassifier::score(const cv::Mat &cell, ClassScores &out) const
{
    out = scoreRows(feature(cell)).front();
}

} // namespace Kiosk::Ocr::detail

