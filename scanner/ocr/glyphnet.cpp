#include "scanner/ocr/glyphnet_p.h"

#include <QtEndian>

#include <opencv2/core.hpp>

#include <cmath>
#include <cstring>

namespace Kiosk::Ocr::detail {

namespace {

constexpr char kMagic[4] = {'K', 'G', 'N', '1'};
constexpr int kHeaderInts = 3;

} // namespace

cv::Mat GlyphNetWeights::hidden(const cv::Mat &features) const
{
    cv::Mat h;
    multiplyTransposed(features, w1, kNetInputScale, h);
    for (int r = 0; r < h.rows; ++r)
        h.row(r) += b1;
    return cv::max(h, 0.0f); // ReLU
}

cv::Mat GlyphNetWeights::logProbsFromHidden(const cv::Mat &h) const
{
    cv::Mat z;
    multiplyTransposed(h, w2, 1.0f, z);
    for (int r = 0; r < z.rows; ++r) {
        float *row = z.ptr<float>(r);
        const float *bias = b2.ptr<float>(0);
        float m = -1e30f;
        for (int c = 0; c < z.cols; ++c) {
            row[c] += bias[c];
            m = std::max(m, row[c]);
        }
        double sum = 0;
        for (int c = 0; c < z.cols; ++c)
            sum += std::exp(static_cast<double>(row[c] - m));
        const float lse = m + static_cast<float>(std::log(sum));
        for (int c = 0; c < z.cols; ++c)
            row[c] -= lse;
    }
    return z;
}

cv::Mat GlyphNetWeights::logProbs(const cv::Mat &features) const
{
    return logProbsFromHidden(hidden(features));
}

GlyphNetWeights GlyphNetWeights::fromBytes(std::span<const unsigned char> bytes)
{
    GlyphNetWeights w;
    if (bytes.size() < sizeof kMagic + kHeaderInts * 4 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return w;
    const auto int32At = [&](std::size_t i) { return qFromLittleEndian<qint32>(bytes.data() + sizeof kMagic + i * 4); };
    const int input = int32At(0), hiddenSize = int32At(1), classes = int32At(2);
    if (input != kFeatureSize || classes != kClassCount || hiddenSize < 1 || hiddenSize > 4096)
        return w;
    const std::size_t floats = static_cast<std::size_t>(hiddenSize) * static_cast<std::size_t>(input + 1 + classes) + static_cast<std::size_t>(classes);
    const std::size_t offset = sizeof kMagic + kHeaderInts * 4;
    if (bytes.size() != offset + floats * 4)
        return w;
    std::size_t at = offset;
    const auto take = [&](int rows, int cols) {
        cv::Mat m(rows, cols, CV_32F);
        for (int r = 0; r < rows; ++r) {
            float *p = m.ptr<float>(r);
            for (int c = 0; c < cols; ++c, at += 4)
                p[c] = qFromLittleEndian<float>(bytes.data() + at);
        }
        return m;
    };
    w.w1 = take(hiddenSize, input);
    w.b1 = take(1, hiddenSize);
    w.w2 = take(classes, hiddenSize);
    w.b2 = take(1, classes);
    return w;
}

QByteArray GlyphNetWeights::toBytes() const
{
    QByteArray out(kMagic, sizeof kMagic);
    const auto putInt = [&](qint32 v) {
        char b[4];
        qToLittleEndian(v, b);
        out.append(b, 4);
    };
    putInt(w1.cols);
    putInt(w1.rows);
    putInt(w2.rows);
    for (const cv::Mat *m : {&w1, &b1, &w2, &b2})
        for (int r = 0; r < m->rows; ++r)
            for (int c = 0; c < m->cols; ++c) {
                char b[4];
                qToLittleEndian(m->at<float>(r, c), b);
                out.append(b, 4);
            }
    return out;
}

GlyphNet::GlyphNet()
    : m_weights(GlyphNetWeights::fromBytes({kGlyphNetData, kGlyphNetDataSize}))
{
}

const GlyphNet &GlyphNet::instance()
{
    static const GlyphNet net;
    return net;
}

} // namespace Kiosk::Ocr::detail
