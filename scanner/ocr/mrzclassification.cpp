#include "scanner/ocr/mrzclassification_p.h"

#include "scanner/ocr/glyphnet_p.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace Kiosk::Ocr::detail {

namespace {

constexpr float kResampleLocal = 0.06f;  // a local scale this far from 1 is cut and resampled on its own
constexpr std::size_t kCalibrationStep = 3; // every third cell of each line samples the scale
// Glyph size per measured cap height tried by the calibration (print, blur and binarisation
// make the measured caps up to a quarter larger than the glyphs).
constexpr std::array<double, 6> kCalibrationScales{0.78, 0.84, 0.9, 0.96, 1.02, 1.08};
constexpr double kNoQuality = -2.0;      // below any correlation: the first scale tried wins

} // namespace

CellSampler::CellSampler(const Block &block, double scale)
    : m_ink(block.ink)
{
    m_f = kCellH / (block.cap * scale * kCellHeightFactor);
    cv::Mat resized;
    cv::resize(block.ink, resized, cv::Size(), m_f, m_f, m_f < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::copyMakeBorder(resized, m_image, kPad, kPad, kPad, kPad, cv::BORDER_CONSTANT, cv::Scalar(0));
}

void CellSampler::featureInto(cv::Point2f c, int dx, int dy, cv::Mat row, float local) const
{
    if (std::abs(local - 1.0f) > kResampleLocal) {
        // Perspective: this part of the line is printed larger or smaller than the mean.
        const double f = m_f / local;
        const cv::Size size(static_cast<int>(std::lround(kCellW / f)), static_cast<int>(std::lround(kCellH / f)));
        const cv::Point2f centre(static_cast<float>(c.x + dx / f), static_cast<float>(c.y - kCellH / kCellHeightFactor / 2.0 / f + dy / f));
        cv::Mat cell, norm;
        cv::getRectSubPix(m_ink, size, centre, cell);
        cv::resize(cell, norm, cv::Size(kCellW, kCellH), 0, 0, cv::INTER_AREA);
        GlyphClassifier::featureInto(norm, row);
        return;
    }
    const int x = static_cast<int>(std::lround(c.x * m_f - kCellW / 2.0)) + dx + kPad;
    const int y = static_cast<int>(std::lround(c.y * m_f - kCellH / kCellHeightFactor / 2.0 - kCellH / 2.0)) + dy + kPad;
    const cv::Rect r(std::clamp(x, 0, m_image.cols - kCellW), std::clamp(y, 0, m_image.rows - kCellH), kCellW, kCellH);
    GlyphClassifier::featureInto(m_image(r), row);
}

void calibrate(Block &block)
{
    const auto &classifier = GlyphClassifier::instance();
    std::vector<cv::Point2f> sample;
    std::vector<float> sampleScale;
    for (std::size_t l = 0; l < block.inkCentres.size(); ++l)
        for (std::size_t i = 0; i < block.inkCentres[l].size(); i += kCalibrationStep) {
            sample.push_back(block.inkCentres[l][i]);
            sampleScale.push_back(block.localScale[l][i]);
        }
    cv::Mat features(static_cast<int>(sample.size()), kCellW * kCellH, CV_32F);
    block.quality = kNoQuality;
    for (const double scale : kCalibrationScales) {
        const CellSampler sampler(block, scale);
        for (std::size_t i = 0; i < sample.size(); ++i)
            sampler.featureInto(sample[i], 0, 0, features.row(static_cast<int>(i)), sampleScale[i]);
        double sum = 0;
        for (const ClassScores &sc : classifier.scoreRows(features))
            sum += *std::max_element(sc.begin(), sc.end());
        const double mean = sample.empty() ? -1.0 : sum / static_cast<double>(sample.size());
        if (mean > block.quality) {
            block.quality = mean;
            block.scale = scale;
        }
    }
}

// Scores every cell at its estimated centre: the templates (how MRZ-like the block is) and
// the network (which character). No search over one-pixel offsets: the network was trained
// on cells cut at those offsets too, and reads as well without it (measured on 1,200 pages).
CellScores classify(const Block &block)
{
    const auto &classifier = GlyphClassifier::instance();
    const CellSampler sampler(block, block.scale);
    std::vector<cv::Point2f> all;
    std::vector<float> local;
    for (const auto &line : block.inkCentres)
        all.insert(all.end(), line.begin(), line.end());
    for (const auto &line : block.localScale)
        local.insert(local.end(), line.begin(), line.end());
    cv::Mat features(static_cast<int>(all.size()), kFeatureSize, CV_32F);
    for (std::size_t i = 0; i < all.size(); ++i)
        sampler.featureInto(all[i], 0, 0, features.row(static_cast<int>(i)), local[i]);
    const std::vector<ClassScores> scores = classifier.scoreRows(features);
    const cv::Mat logp = GlyphNet::instance().weights().logProbs(features);
    CellScores out;
    std::size_t k = 0;
    for (const auto &line : block.inkCentres) {
        out.templates.emplace_back(scores.begin() + static_cast<std::ptrdiff_t>(k), scores.begin() + static_cast<std::ptrdiff_t>(k + line.size()));
        std::vector<ClassScores> lp(line.size());
        for (std::size_t i = 0; i < line.size(); ++i)
            std::copy_n(logp.ptr<float>(static_cast<int>(k + i)), kClassCount, lp[i].begin());
        out.logp.push_back(std::move(lp));
        k += line.size();
    }
    return out;
}

} // namespace Kiosk::Ocr::detail
