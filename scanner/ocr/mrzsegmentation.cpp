#include "scanner/ocr/mrzsegmentation_p.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Kiosk::Ocr::detail {

namespace {

// Thresholds of the image stages. Lengths in the finder's line heights (lineH), in cap
// heights (cap) or in pixels.
constexpr double kTargetCap = 22.0;        // cap height of the upright crop, pixels
constexpr double kLinePerCap = 1.15;       // the finder's line height per cap height
constexpr float kMinLineHeight = 4.0f;     // working pixels: a smaller line height is taken as this
constexpr double kMinCropScale = 0.3;      // crop pixels per working pixel, at least...
constexpr double kMaxCropScale = 2.5;      // ...and at most
constexpr double kBlockMargin = 1.6;       // lineH above and below a block of 2-3 lines,
constexpr double kTallBlockMargin = 2.6;   // and with a line more (a row cut by the crop's edge)
constexpr double kOneLineMargin = 4.5;     // lineH above and below one line: the others are near
constexpr double kNoLineMargin = 2.0;      // lineH above and below when the finder counted no lines
constexpr double kWidthMargin = 1.06;      // the candidate's width, 6 % wider (and a lineH each side)
constexpr int kMinCropWidth = 60;          // crop pixels: smaller or larger crops are no MRZ
constexpr int kMinCropHeight = 20;
constexpr int kMaxCropWidth = 4000;
constexpr int kMaxCropHeight = 2000;
constexpr double kBlackHatKernel = 0.5;    // caps: the closing's kernel, wider than a stroke
constexpr int kMinPaper = 24;              // grey level under which the closing is no paper (a black desk)
constexpr double kMinInkContrast = 12;     // Otsu's threshold on the ink image under which there is no print
constexpr int kMinComponentHeight = 5;     // pixels: smaller components are specks
constexpr int kMinComponentArea = 8;       // pixels
constexpr int kMaxComponentAspect = 3;     // width at most 3 heights + 4 pixels: wider is a rule or a
constexpr int kComponentAspectSlack = 4;   // photo's edge, no glyph
constexpr std::size_t kMinComponents = 40; // components a block needs (an MRZ has 72-90 glyphs; glare hides some)
constexpr double kMinCap = 6;              // pixels: a smaller cap height is no readable print
constexpr double kMinGlyphHeight = 0.3;    // caps: a glyph (the filler '<' the lowest)...
constexpr double kMaxGlyphHeight = 1.4;    // ...is this tall (digits 1.12 caps)...
constexpr double kMaxGlyphWidth = 2.4;     // ...and at most this wide (two glyphs merged)
constexpr double kRowBand = 0.25;          // caps above and below a glyph's centre where its row's
constexpr std::ptrdiff_t kMinRowNeighbours = 6; // neighbours stand: at least this many (specks have fewer)
constexpr double kRowGap = 0.5;            // caps: a larger gap between glyph centres starts a new row
constexpr std::size_t kMinRowGlyphs = 12;  // glyphs a row needs
constexpr std::size_t kCutRowGlyphs = 20;  // glyphs of a row that the crop's edge may have cut
constexpr double kFootHeight = 0.93;       // of the tall glyphs' height: glyphs that stand on the baseline
constexpr double kLineFitAccuracy = 0.01;  // cv::fitLine's radius and angle accuracy

// The candidate warped upright at the working cap height, and the affine map back.
struct UprightCrop
{
    cv::Mat image;
    cv::Mat toSource; // 2x3: crop pixels -> working image pixels
    double scale = 1; // crop pixels per working image pixel
};

std::optional<UprightCrop> uprightCrop(const cv::Mat &gray, const MrzCandidate &cand, bool flip, bool tall)
{
    const double lineH = std::max(kMinLineHeight, cand.lineHeight);
    const double s = std::clamp(kTargetCap * kLinePerCap / lineH, kMinCropScale, kMaxCropScale);
    const double extraH = cand.lineCount >= 2 ? (tall ? kTallBlockMargin : kBlockMargin) * lineH : cand.lineCount == 1 ? kOneLineMargin * lineH : kNoLineMargin * lineH;
    const double boxW = cand.box.size.width * kWidthMargin + 2.0 * lineH;
    const double boxH = cand.box.size.height + 2.0 * extraH;
    const int cw = static_cast<int>(std::lround(boxW * s));
    const int ch = static_cast<int>(std::lround(boxH * s));
    if (cw < kMinCropWidth || ch < kMinCropHeight || cw > kMaxCropWidth || ch > kMaxCropHeight)
        return std::nullopt;
    const double rad = (cand.box.angle + (flip ? 180.0 : 0.0)) * std::numbers::pi / 180.0;
    const cv::Point2d u(std::cos(rad), std::sin(rad)), n(-std::sin(rad), std::cos(rad));
    const cv::Point2d c(cand.box.center.x, cand.box.center.y);
    const cv::Point2d t = c - u * (cw / 2.0 / s) - n * (ch / 2.0 / s);
    UprightCrop crop;
    crop.scale = s;
    crop.toSource = (cv::Mat_<double>(2, 3) << u.x / s, n.x / s, t.x, u.y / s, n.y / s, t.y);
    cv::warpAffine(gray, crop.image, crop.toSource, cv::Size(cw, ch), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    return crop;
}

// The ink image (`ink`, CV_8U, ink positive) and its binarisation; nullopt when there is too
// little contrast for print.
struct InkImage
{
    cv::Mat ink;
    cv::Mat binary;
};

std::optional<InkImage> inkImage(const cv::Mat &crop)
{
    // Ink positive, background flat: black-hat (closing minus image) with a kernel wider
    // than a stroke (OCR-B strokes are about 1/8 of the cap height) but small, so that the
    // dark photo or the desk beside the zone does not bleed into the glyphs. Divided by the
    // closing (the local paper brightness): light is multiplicative, so a glyph half in a
    // shadow keeps one contrast on both sides of the shadow's edge.
    const int k = static_cast<int>(std::lround(kTargetCap * kBlackHatKernel)) | 1;
    cv::Mat paper, dark;
    InkImage out;
    cv::morphologyEx(crop, paper, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    cv::subtract(paper, crop, dark);
    cv::max(paper, cv::Scalar(kMinPaper), paper); // a black desk is no paper: no division blow-up
    cv::divide(dark, paper, out.ink, 255.0);
    const double otsu = cv::threshold(out.ink, out.binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    if (otsu < kMinInkContrast)
        return std::nullopt;
    return out;
}

// The glyph-sized components of the binary image and the cap height they share.
struct Glyphs
{
    std::vector<Glyph> glyphs;
    double cap = 0;
};

std::optional<Glyphs> glyphComponents(const cv::Mat &bin)
{
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8, CV_32S);
    std::vector<Glyph> comps;
    std::vector<double> heights;
    for (int i = 1; i < count; ++i) {
        const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                         stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
        const int area = stats.at<int>(i, cv::CC_STAT_AREA);
        if (r.height < kMinComponentHeight || area < kMinComponentArea || r.width > kMaxComponentAspect * r.height + kComponentAspectSlack)
            continue;
        comps.push_back({r, cv::Point2d(r.x + r.width / 2.0, r.y + r.height / 2.0)});
        heights.push_back(r.height);
    }
    if (comps.size() < kMinComponents)
        return std::nullopt;
    // Letters and digits are all cap height; fillers are shorter. The upper quartile is a cap.
    std::sort(heights.begin(), heights.end());
    const double cap = heights[heights.size() * 3 / 4];
    if (cap < kMinCap)
        return std::nullopt;
    std::erase_if(comps, [&](const Glyph &g) {
        return g.box.height < kMinGlyphHeight * cap || g.box.height > kMaxGlyphHeight * cap || g.box.width > kMaxGlyphWidth * cap;
    });

    return Glyphs{std::move(comps), cap};
}

// Rows: glyph centres sorted by height, split where the gap exceeds half a cap. Specks
// (the noise of a dark desk beside the page, its edge) can stand between two lines and
// bridge that gap: a glyph of a line has several others at its height, a speck rarely.
std::vector<TextRow> textRows(std::vector<Glyph> comps, double cap)
{
    std::sort(comps.begin(), comps.end(), [](const Glyph &a, const Glyph &b) { return a.centre.y < b.centre.y; });
    {
        std::vector<double> ys;
        for (const Glyph &g : comps)
            ys.push_back(g.centre.y);
        std::vector<Glyph> kept;
        for (const Glyph &g : comps) {
            const auto lo = std::lower_bound(ys.begin(), ys.end(), g.centre.y - kRowBand * cap);
            const auto hi = std::upper_bound(ys.begin(), ys.end(), g.centre.y + kRowBand * cap);
            if (hi - lo >= kMinRowNeighbours)
                kept.push_back(g);
        }
        comps = std::move(kept);
    }
    std::vector<TextRow> rows;
    for (std::size_t i = 0; i < comps.size(); ++i) {
        if (i == 0 || comps[i].centre.y - comps[i - 1].centre.y > kRowGap * cap)
            rows.emplace_back();
        rows.back().glyphs.push_back(comps[i]);
    }
    std::erase_if(rows, [](const TextRow &r) { return r.glyphs.size() < kMinRowGlyphs; });
    return rows;
}

// The finder may group two lines of a TD1 and leave out the third, when background print
// joined it into another blob; the crop then cuts that line at its edge, and glyphs without
// their tops or feet are misread. True for a row of 20 or more glyphs (glare may hide the
// rest) cut by the crop's edge: the caller crops again with a line more of margin.
bool edgeCutsARow(const std::vector<TextRow> &rows, int cropHeight)
{
    const auto cut = [&](const TextRow &r, bool top) {
        const auto touching = std::count_if(r.glyphs.begin(), r.glyphs.end(), [&](const Glyph &g) {
            return top ? g.box.y <= 0 : g.box.y + g.box.height >= cropHeight;
        });
        return r.glyphs.size() >= kCutRowGlyphs && 3 * touching >= static_cast<std::ptrdiff_t>(r.glyphs.size());
    };
    return !rows.empty() && (cut(rows.front(), true) || cut(rows.back(), false));
}

// Each row's baseline. OCR-B letters and digits all stand on it, but digits are taller than
// letters (about 1.12 cap heights) and the filler '<' floats above it: centres would mix
// them, bottoms do not. Fillers are left out by height. Sorts each row's glyphs by x.
void fitBaselines(std::vector<TextRow> &rows)
{
    for (TextRow &r : rows) {
        std::sort(r.glyphs.begin(), r.glyphs.end(), [](const Glyph &a, const Glyph &b) { return a.centre.x < b.centre.x; });
        std::vector<double> hs;
        for (const Glyph &g : r.glyphs)
            hs.push_back(g.box.height);
        std::sort(hs.begin(), hs.end());
        const double tallest = hs[hs.size() * 4 / 5];
        std::vector<cv::Point2f> feet;
        for (const Glyph &g : r.glyphs)
            if (g.box.height >= kFootHeight * tallest)
                feet.emplace_back(static_cast<float>(g.centre.x), static_cast<float>(g.box.y + g.box.height));
        if (feet.size() < 2) {
            r.a = r.glyphs.front().box.y + r.glyphs.front().box.height;
            continue;
        }
        cv::Vec4f l;
        cv::fitLine(feet, l, cv::DIST_HUBER, 0, kLineFitAccuracy, kLineFitAccuracy);
        r.b = std::abs(l[0]) > 1e-6 ? l[1] / l[0] : 0.0;
        r.a = l[3] - r.b * l[2];
    }
}

} // namespace

// Warps the candidate upright, finds the glyph rows and their cell grids.
// `tall`: a line more of margin above and below a block of 2-3 lines; `wide`: the block was
// widened to the longest MRZ line on both sides (see edgeCutsARow and widenedForPieces).
std::optional<Block> prepareBlock(const cv::Mat &gray, const MrzCandidate &cand, bool flip, bool tall, bool wide)
{
    auto crop = uprightCrop(gray, cand, flip, tall);
    if (!crop)
        return std::nullopt;
    auto ink = inkImage(crop->image);
    if (!ink)
        return std::nullopt;
    auto glyphs = glyphComponents(ink->binary);
    if (!glyphs)
        return std::nullopt;
    const double cap = glyphs->cap;
    std::vector<TextRow> rows = textRows(std::move(glyphs->glyphs), cap);
    if (!tall && cand.lineCount >= 2 && edgeCutsARow(rows, crop->image.rows))
        return prepareBlock(gray, cand, flip, true, wide);
    fitBaselines(rows);

    const std::vector<std::optional<RowGrid>> grids = fitGrids(rows, cap);
    const std::optional<LayoutFit> best = chooseLayout(rows, grids, cap);
    if (!best) {
        if (!wide && cand.lineCount >= 2) {
            if (auto wider = widenedForPieces(cand, grids, crop->scale))
                return prepareBlock(gray, *wider, flip, tall, true);
        }
        return std::nullopt;
    }
    const std::vector<int> starts = chooseWindows(grids, *best);
    if (starts.empty())
        return std::nullopt; // the lines do not share a margin: not one MRZ, or misread rows

    Block block;
    block.toSource = crop->toSource;
    block.shape = best->shape;
    block.cap = cap;
    ink->ink.convertTo(block.ink, CV_32F, 1.0 / 255.0);
    placeCells(block, rows, grids, *best, starts);
    return block;
}

} // namespace Kiosk::Ocr::detail
