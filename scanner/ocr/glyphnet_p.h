#pragma once
// The trained glyph classifier: a small neural network (one hidden layer) over the same
// normalised 18 x 24 cell the OCR-B templates use. The templates find and align the MRZ
// (which block, which way up, which scale, which one-pixel offset); the network names each
// glyph. It was trained on cells cut by this very recognizer from synthetic data pages
// rendered in the OCR-B font (tests/support/ocrtrain.cpp, reproducible from a seed), so it
// learned what blur, low resolution, JPEG and neighbouring glyphs do to O and 0, S and 8,
// C and G, which correlation with clean templates cannot tell apart reliably.
//
// The weights are data (scanner/ocr/data/glyphnet.bin, embedded at build time): a header
// (magic "KGN1", input, hidden, classes as little-endian int32) then W1 (hidden x input),
// b1, W2 (classes x hidden), b2 as little-endian float32.
#include "scanner/ocr/glyphclassifier_p.h"

#include <opencv2/core.hpp>

#include <QByteArray>

#include <cstddef>
#include <span>

namespace Kiosk::Ocr::detail {

inline constexpr int kFeatureSize = kCellW * kCellH;

// Embedded at build time (CMake: glyphnet.bin -> glyphnet_data.cpp).
extern const unsigned char kGlyphNetData[];
extern const std::size_t kGlyphNetDataSize;

struct GlyphNetWeights
{
    cv::Mat w1, b1, w2, b2; // CV_32F: hidden x input, 1 x hidden, classes x hidden, 1 x classes

    // The network's log-probabilities (natural log) of the 37 classes, one row per feature
    // row (GlyphClassifier::featureInto rows). Shared by the recognizer and the trainer.
    [[nodiscard]] cv::Mat logProbs(const cv::Mat &features) const;
    // The hidden layer's activations (the trainer's backward pass needs them).
    [[nodiscard]] cv::Mat hidden(const cv::Mat &features) const;
    [[nodiscard]] cv::Mat logProbsFromHidden(const cv::Mat &hidden) const;

    // Parses the file format above; empty weights (w1.empty()) on any mismatch.
    [[nodiscard]] static GlyphNetWeights fromBytes(std::span<const unsigned char> bytes);
    [[nodiscard]] QByteArray toBytes() const;
};

// Network inputs are the unit-norm cell features scaled to about unit variance per pixel.
inline constexpr float kNetInputScale = 20.0f;

class GlyphNet
{
public:
    [[nodiscard]] static const GlyphNet &instance();
    [[nodiscard]] bool available() const { return !m_weights.w1.empty(); }
    [[nodiscard]] const GlyphNetWeights &weights() const { return m_weights; }

private:
    GlyphNet();
    GlyphNetWeights m_weights;
};

} // namespace Kiosk::Ocr::detail
