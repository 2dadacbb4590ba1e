#include "scanner/ocr/glyphclassifier_p.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace Kiosk::Ocr::detail {

namespace {

// Four SSE-wide partial sums (GCC/Clang vector extension: SSE2 on any x86-64, NEON on ARM).
using Float4 = float __attribute__((vector_size(16)));

float dot(const float *x, const float *y, int n)
{
    Float4 s0{}, s1{}, s2{}, s3{};
    int i = 0;
    for (; i + 16 <= n; i += 16) {
        Float4 x0, x1, x2, x3, y0, y1, y2, y3;
        std::memcpy(&x0, x + i, 16);
        std::memcpy(&x1, x + i + 4, 16);
        std::memcpy(&x2, x + i + 8, 16);
        std::memcpy(&x3, x + i + 12, 16);
        std::memcpy(&y0, y + i, 16);
        std::memcpy(&y1, y + i + 4, 16);
        std::memcpy(&y2, y + i + 8, 16);
        std::memcpy(&y3, y + i + 12, 16);
        s0 += x0 * y0;
        s1 += x1 * y1;
        s2 += x2 * y2;
        s3 += x3 * y3;
    }
    const Float4 s = (s0 + s1) + (s2 + s3);
    float sum = (s[0] + s[1]) + (s[2] + s[3]);
    for (; i < n; ++i)
        sum += x[i] * y[i];
    return sum;
}

} // namespace

void multiplyTransposed(const cv::Mat &a, const cv::Mat &b, float alpha, cv::Mat &out)
{
    CV_Assert(a.type() == CV_32F && b.type() == CV_32F && a.cols == b.cols);
    out.create(a.rows, b.rows, CV_32F);
    for (int r = 0; r < a.rows; ++r) {
        const float *x = a.ptr<float>(r);
        float *o = out.ptr<float>(r);
        for (int c = 0; c < b.rows; ++c)
            o[c] = alpha * dot(x, b.ptr<float>(c), a.cols);
    }
}

void GlyphClassifier::featureInto(const cv::Mat &cell, cv::Mat row)
{
    // Plain loops: this runs for every cell at every offset and scale tried (hundreds per
    // frame), where OpenCV's per-call dispatch on 432 floats costs more than the arithmetic.
    CV_Assert(cell.type() == CV_32F && cell.rows == kCellH && cell.cols == kCellW && row.isContinuous()
              && row.type() == CV_32F && row.total() == static_cast<std::size_t>(kCellW * kCellH));
    constexpr int n = kCellW * kCellH;
    float *out = row.ptr<float>(0);
    double sum = 0;
    for (int y = 0; y < kCellH; ++y) {
        const float *in = cell.ptr<float>(y);
        for (int x = 0; x < kCellW; ++x) {
            out[y * kCellW + x] = in[x];
            sum += static_cast<double>(in[x]);
        }
    }
    const auto mean = static_cast<float>(sum / n);
    double squares = 0;
    for (int i = 0; i < n; ++i) {
        out[i] -= mean;
        squares += static_cast<double>(out[i]) * static_cast<double>(out[i]);
    }
    const double norm = std::sqrt(squares);
    const float scale = norm > 1e-6 ? static_cast<float>(1.0 / norm) : 0.0f;
    for (int i = 0; i < n; ++i)
        out[i] *= scale;
}

std::vector<ClassScores> GlyphClassifier::scoreRows(const cv::Mat &features) const
{
    std::vector<ClassScores> out(static_cast<std::size_t>(features.rows));
    if (features.empty())
        return out;
    cv::Mat s;
    multiplyTransposed(features, m_templates, 1.0f, s);
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

} // namespace Kiosk::Ocr::detail

