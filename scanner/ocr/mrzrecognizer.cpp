#include "scanner/ocr/mrzrecognizer.h"

#include "scanner/ocr/glyphclassifier_p.h"
#include "scanner/ocr/glyphnet_p.h"
#include "scanner/ocr/mrzclassification_p.h"
#include "scanner/ocr/mrzdecoding_p.h"
#include "scanner/ocr/mrzfinder_p.h"
#include "scanner/ocr/mrzrecognizer_p.h"
#include "scanner/ocr/mrzsegmentation_p.h"

#include <QElapsedTimer>
#include <QtGlobal>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace Kiosk::Ocr {

using namespace detail;

float OcrResult::minConfidence(qsizetype line) const
{
    if (line < 0 || line >= confidence.size() || confidence[line].isEmpty())
        return 0.0f;
    return *std::min_element(confidence[line].begin(), confidence[line].end());
}

namespace {

constexpr double kWorkSide = 2000.0;       // larger images (600 dpi scans) are reduced first
constexpr int kMaxCandidates = 4;
constexpr float kFoundQuality = 0.68f;     // mean best correlation for "an MRZ is here"
constexpr float kBlockQuality = kFoundQuality - 0.1f; // a calibrated block below this is not decoded
constexpr float kSureUpright = 0.1f;       // the finder's filler clue this sure: the other way up is not tried
constexpr double kQuadAbove = 1.2;         // caps above the top baseline: the zone's quad
constexpr double kQuadBelow = 0.2;         // caps below the bottom baseline
// The acceptance of a read whose check digits pass (measured on 1,200 synthetic documents of
// the three tiers, tests/support/ocrcorpus.h: strict enough that none of them passed wrong,
// at the cost of 3 exact hard reads in 400).
constexpr float kAcceptConfidence = 0.80f; // per character: at most 20 % that its check digit cannot see a misread
constexpr float kAcceptRisk = 0.30f;       // expected misreads no check digit sees, over the whole MRZ
constexpr float kAcceptFieldRisk = 3.0f;   // expected misreads in one checked field
constexpr float kAcceptFieldRiskNoComposite = 2.0f; // MRV: no composite check digit behind it

QPolygonF quadOf(const Block &block, double toImage)
{
    const auto &top = block.centres.front();
    const auto &bottom = block.centres.back();
    const double hp = block.pitch / 2.0, up = block.cap * kQuadAbove, down = block.cap * kQuadBelow;
    const std::array<cv::Point2d, 4> corners{
        cv::Point2d(top.front().x - hp, top.front().y - up),
        cv::Point2d(top.back().x + hp, top.back().y - up),
        cv::Point2d(bottom.back().x + hp, bottom.back().y + down),
        cv::Point2d(bottom.front().x - hp, bottom.front().y + down)};
    QPolygonF quad;
    const cv::Mat &m = block.toSource;
    for (const cv::Point2d &p : corners) {
        const double x = m.at<double>(0, 0) * p.x + m.at<double>(0, 1) * p.y + m.at<double>(0, 2);
        const double y = m.at<double>(1, 0) * p.x + m.at<double>(1, 1) * p.y + m.at<double>(1, 2);
        quad.append(QPointF(x * toImage, y * toImage));
    }
    return quad;
}

struct Attempt
{
    Decoded decoded;
    Block block;
    Mrz::MrzResult mrz;
    bool accepted = false;
};

bool better(const Attempt &a, const Attempt &b)
{
    if (a.accepted != b.accepted)
        return a.accepted;
    if (a.mrz.valid != b.mrz.valid)
        return a.mrz.valid;
    return a.decoded.quality > b.decoded.quality;
}

// The image as the recognizer works on it: 8-bit gray, at most kWorkSide pixels long.
// `toImage` scales working pixels back to the caller's.
cv::Mat workingGray(const QImage &image, QImage &g8, double &toImage)
{
    g8 = image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    const cv::Mat wrapped(g8.height(), g8.width(), CV_8UC1, const_cast<uchar *>(g8.constBits()), static_cast<size_t>(g8.bytesPerLine()));
    toImage = 1.0;
    const int longSide = std::max(wrapped.cols, wrapped.rows);
    if (longSide <= kWorkSide)
        return wrapped;
    const double f = kWorkSide / longSide;
    cv::Mat gray;
    cv::resize(wrapped, gray, cv::Size(), f, f, cv::INTER_AREA);
    toImage = 1.0 / f;
    return gray;
}

// Both ways up, calibrated, best template quality first.
std::vector<Block> blocksOf(const cv::Mat &gray, const MrzCandidate &cand)
{
    std::vector<Block> ways;
    for (const bool flip : {false, true}) {
        if (std::optional<Block> b = prepareBlock(gray, cand, flip)) {
            calibrate(*b);
            ways.push_back(std::move(*b));
        }
    }
    std::sort(ways.begin(), ways.end(), [](const Block &a, const Block &b) { return a.quality > b.quality; });
    return ways;
}

} // namespace

std::vector<TrainingBlock> detail::trainingBlocks(const QImage &image)
{
    std::vector<TrainingBlock> out;
    if (image.isNull())
        return out;
    QImage g8;
    double toImage = 1.0;
    const cv::Mat gray = workingGray(image, g8, toImage);
    const auto &classifier = GlyphClassifier::instance();
    for (const MrzCandidate &cand : findMrzCandidates(gray, kMaxCandidates)) {
        for (const Block &block : blocksOf(gray, cand)) {
            if (block.quality < kBlockQuality)
                continue;
            TrainingBlock t;
            t.lineCount = block.shape->lineCount;
            t.lineLength = block.shape->lineLength;
            const CellSampler sampler(block, block.scale);
            for (std::size_t o = 0; o < kCellOffsets.size(); ++o) {
                cv::Mat f(t.lineCount * t.lineLength, kFeatureSize, CV_32F);
                int row = 0;
                for (std::size_t l = 0; l < block.inkCentres.size(); ++l)
                    for (std::size_t i = 0; i < block.inkCentres[l].size(); ++i)
                        sampler.featureInto(block.inkCentres[l][i], kCellOffsets[o].first, kCellOffsets[o].second, f.row(row++), block.localScale[l][i]);
                t.features[o] = f;
            }
            const std::vector<ClassScores> sc = classifier.scoreRows(t.features[0]);
            for (int l = 0; l < t.lineCount; ++l) {
                QString line;
                for (int i = 0; i < t.lineLength; ++i) {
                    const ClassScores &c = sc[static_cast<std::size_t>(l * t.lineLength + i)];
                    line += QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(std::max_element(c.begin(), c.end()) - c.begin())]);
                }
                t.templateLines << line;
            }
            out.push_back(std::move(t));
        }
    }
    return out;
}

MrzRecognizer::MrzRecognizer()
{
    (void)GlyphClassifier::instance();
}

OcrResult MrzRecognizer::read(const QImage &image, const ReadOptions &options) const
{
    QElapsedTimer timer;
    timer.start();
    OcrResult result;
    if (image.isNull())
        return result;
    if (!GlyphNet::instance().available()) {
        // A build without its model file (scanner/ocr/data/glyphnet.bin) reads nothing.
        qWarning("OCR_NO_MODEL: the glyph network was not embedded in this build; MRZ images cannot be read");
        return result;
    }
    QImage g8;
    double toImage = 1.0;
    const cv::Mat gray = workingGray(image, g8, toImage);
    const auto cands = findMrzCandidates(gray, kMaxCandidates);

    std::optional<Attempt> best;
    const Mrz::ParseOptions parseOptions{options.referenceDate, true};
    for (const MrzCandidate &cand : cands) {
        // Both ways up, the way the finder's filler clue says first; the other only if the
        // first does not give a valid read and the clue was not sure (it is wrong for about
        // 1 in 850 found MRZs when sure).
        const std::array<bool, 2> order = cand.upright < 0.0f ? std::array<bool, 2>{true, false} : std::array<bool, 2>{false, true};
        for (const bool flip : order) {
            if (flip != order[0] && std::abs(cand.upright) >= kSureUpright)
                break;
            std::optional<Block> way = prepareBlock(gray, cand, flip);
            if (!way)
                continue;
            calibrate(*way);
            Block &block = *way;
            if (block.quality < kBlockQuality)
                continue;
            Decoded d = decode(block, classify(block));
            if (d.quality < kFoundQuality)
                continue;
            Attempt a{d, std::move(block), Mrz::parse(d.lines.join(u'\n'), parseOptions), false};
            // An issuing state or nationality that is no ICAO code is a misread letter.
            const Decoded &dd = a.decoded;
            const bool sure = dd.uncheckedMin >= kAcceptConfidence && dd.uncheckedRisk <= kAcceptRisk
                              && dd.checkedRisk <= (dd.shape->compositeLine >= 0 ? kAcceptFieldRisk : kAcceptFieldRiskNoComposite);
            a.accepted = a.mrz.valid && sure && dd.namePlausible && !a.mrz.hasWarning(u"MRZ_UNKNOWN_COUNTRY");
            if (a.mrz.valid && !a.accepted) {
                // The check digits pass, but what they cannot confirm (a name, a country, the
                // sex, a substitution of equal check value) was not read with confidence: not
                // valid, say why.
                a.mrz.valid = false;
                if (!dd.namePlausible)
                    a.mrz.errors.append({QStringLiteral("OCR_IMPLAUSIBLE_NAME"),
                                         QStringLiteral("the name field does not have the shape of an MRZ name (letters after its fillers)")});
                else if (!sure)
                    a.mrz.errors.append({QStringLiteral("OCR_LOW_CONFIDENCE"),
                                         QStringLiteral("characters a check digit cannot confirm were read without confidence "
                                                        "(lowest %1, expected misreads %2)")
                                             .arg(double(dd.uncheckedMin), 0, 'f', 2)
                                             .arg(double(dd.uncheckedRisk), 0, 'f', 2)});
                else
                    a.mrz.errors.append({QStringLiteral("OCR_LOW_CONFIDENCE"),
                                         QStringLiteral("a country code read is not an ICAO 9303-3 code: a misread letter")});
            }
            const bool valid = a.mrz.valid;
            if (!best || better(a, *best))
                best = std::move(a);
            if (valid)
                break;
        }
        if (best && best->accepted)
            break;
    }
    if (best) {
        result.found = true;
        result.lines = best->mrz.format ? best->mrz.lines : best->decoded.lines;
        result.confidence = best->decoded.confidence;
        result.quad = quadOf(best->block, toImage);
        result.accepted = best->accepted;
        result.mrz = std::move(best->mrz);
    }
    result.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace Kiosk::Ocr
