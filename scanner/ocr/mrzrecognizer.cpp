#include "scanner/ocr/mrzrecognizer.h"

#include "scanner/mrz/checkdigit.h"
#include "scanner/mrz/lookalikes.h"
#include "scanner/ocr/glyphclassifier_p.h"
#include "scanner/ocr/glyphnet_p.h"
#include "scanner/ocr/mrzrecognizer_p.h"
#include "scanner/ocr/mrzfinder_p.h"
#include "scanner/ocr/ocrlayout_p.h"

#include <QElapsedTimer>
#include <QtGlobal>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <cmath>
#include <numbers>
#include <string_view>

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
constexpr double kTargetCap = 22.0;        // cap height of the upright crop, pixels
constexpr int kMaxCandidates = 4;
constexpr float kFoundQuality = 0.68f;     // mean best correlation for "an MRZ is here"
// The acceptance of a read whose check digits pass (measured on 1,200 synthetic documents of
// the three tiers, tests/support/ocrcorpus.h: strict enough that none of them passed wrong,
// at the cost of 3 exact hard reads in 400).
constexpr float kAcceptConfidence = 0.80f; // per character: at most 20 % that its check digit cannot see a misread
constexpr float kAcceptRisk = 0.30f;       // expected misreads no check digit sees, over the whole MRZ
constexpr float kAcceptFieldRisk = 3.0f;   // expected misreads in one checked field
constexpr float kAcceptFieldRiskNoComposite = 2.0f; // MRV: no composite check digit behind it

// The glyph network's scores are natural-log probabilities; these thresholds are in nats.
constexpr float kMaxDrop = 7.0f;          // a substitute at most e^7 (~1100x) less likely than the read
constexpr float kSecondChange = 1.0f;     // two substitutions must cost more than one
constexpr float kUniqueFix = 2.3f;        // the chosen fix ~10x likelier than any other passing one
constexpr float kLookAlikeDoubt = 4.6f;   // a look-alike within 100x is a real doubt
constexpr float kLookAlikeDoubtNoComposite = 6.9f; // visas: no composite catches a second error
constexpr float kRoundDoubt = 4.6f;       // O/0 where no check digit covers: within 100x is a doubt
constexpr float kLookAlikeShare = 0.9f;   // the passing assignment taken holds this much of them all

struct Glyph
{
    cv::Rect box;
    cv::Point2d centre;
};

struct TextRow
{
    std::vector<Glyph> glyphs; // sorted by x
    double a = 0, b = 0;       // baseline: y = a + b x (crop pixels)
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

struct RowGrid
{
    double a = 0, b = 0, c = 0;
    double pitch = 0; // mean pitch over the row
    std::vector<int> index;
    int firstIndex = 0;
    int lastIndex = 0;
    int coreFirst = 0; // the cells without the specks that stand apart at the ends (fitGrid)
    int coreLast = 0;
    [[nodiscard]] double x(double i) const { return a + b * i + c * i * i; }
};

std::optional<RowGrid> fitGrid(const TextRow &row, double cap)
{
    if (row.glyphs.size() < 9)
        return std::nullopt; // fewer than the 8 spacings below need
    // The pitch: the median spacing of neighbouring glyphs (merged or broken glyphs are
    // outliers the median ignores).
    std::vector<double> diffs;
    for (std::size_t k = 1; k < row.glyphs.size(); ++k) {
        const double d = row.glyphs[k].centre.x - row.glyphs[k - 1].centre.x;
        if (d > 0.6 * cap && d < 1.5 * cap)
            diffs.push_back(d);
    }
    if (diffs.size() < 8)
        return std::nullopt;
    const double p = median(diffs);
    const double ratio = p / cap;
    if (ratio < 0.7 || ratio > 1.35)
        return std::nullopt;
    // Cell indices by walking the row: each step is rounded on its own, so a pitch that
    // drifts along the line (perspective) never accumulates into a wrong cell. Blur can merge
    // neighbours into one blob about two pitches wide ("00", "<<"): its centre stands 1.5
    // pitches from both neighbours, which rounds to one cell or three. Such a blob counts as
    // the cells its width covers; the steps go from its last cell and to its first.
    // g.index is a glyph's first cell.
    RowGrid g;
    const std::size_t n = row.glyphs.size();
    std::vector<int> cells(n, 1);
    for (std::size_t k = 0; k < n; ++k)
        if (row.glyphs[k].box.width > 1.4 * p)
            cells[k] = std::max(1, static_cast<int>(std::lround(row.glyphs[k].box.width / p)));
    const auto firstCentre = [&](std::size_t k) { return row.glyphs[k].centre.x - (cells[k] - 1) * p / 2.0; };
    const auto lastCentre = [&](std::size_t k) { return row.glyphs[k].centre.x + (cells[k] - 1) * p / 2.0; };
    const auto lastCell = [&](std::size_t k) { return g.index[k] + cells[k] - 1; };
    g.index.assign(n, 0);
    for (std::size_t k = 1; k < n; ++k) {
        const double d = firstCentre(k) - lastCentre(k - 1);
        g.index[k] = lastCell(k - 1) + static_cast<int>(std::lround(d / p));
    }
    // The row's core: a speck or the page's edge beside the line (strong perspective brings
    // the line's ends near the edges) stands apart from it by an empty cell or more. Within
    // two glyphs of an end, what stands before such a gap is left out of the grid's fit, and
    // the line's length may be measured without it; the window of L cells (prepareBlock)
    // still sees all glyphs.
    std::size_t lo = 0, hi = n - 1;
    for (std::size_t k = 0; k < 2; ++k)
        if (g.index[k + 1] - lastCell(k) >= 2)
            lo = k + 1;
    for (std::size_t k = n - 1; k > n - 3; --k)
        if (g.index[k] - lastCell(k - 1) >= 2)
            hi = k - 1;
    g.coreFirst = g.index[lo];
    g.coreLast = lastCell(hi);
    // x(i) by least squares over glyphs that stand alone and are not too wide.
    std::vector<double> rowsA, rhs;
    for (std::size_t k = lo; k <= hi; ++k) {
        const bool alone = (k == 0 || g.index[k - 1] != g.index[k]) && (k + 1 == row.glyphs.size() || g.index[k + 1] != g.index[k]);
        if (!alone || row.glyphs[k].box.width > 1.1 * p)
            continue;
        const double i = g.index[k];
        rowsA.insert(rowsA.end(), {1.0, i, i * i});
        rhs.push_back(row.glyphs[k].centre.x);
    }
    if (rhs.size() < 8)
        return std::nullopt;
    const cv::Mat A(static_cast<int>(rhs.size()), 3, CV_64F, rowsA.data());
    const cv::Mat B(static_cast<int>(rhs.size()), 1, CV_64F, rhs.data());
    cv::Mat coef;
    if (!cv::solve(A, B, coef, cv::DECOMP_QR))
        return std::nullopt;
    g.a = coef.at<double>(0);
    g.b = coef.at<double>(1);
    g.c = coef.at<double>(2);
    g.firstIndex = *std::min_element(g.index.begin(), g.index.end());
    g.lastIndex = 0;
    for (std::size_t k = 0; k < n; ++k)
        g.lastIndex = std::max(g.lastIndex, lastCell(k));
    g.pitch = (g.x(g.coreLast) - g.x(g.coreFirst)) / std::max(1, g.coreLast - g.coreFirst);
    if (g.pitch < 0.75 * p || g.pitch > 1.3 * p)
        return std::nullopt;
    return g;
}


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

// The candidate warped upright at the working cap height, and the affine map back.
struct UprightCrop
{
    cv::Mat image;
    cv::Mat toSource; // 2x3: crop pixels -> working image pixels
    double scale = 1; // crop pixels per working image pixel
};

std::optional<UprightCrop> uprightCrop(const cv::Mat &gray, const MrzCandidate &cand, bool flip, bool tall)
{
    const double lineH = std::max(4.0f, cand.lineHeight);
    const double s = std::clamp(kTargetCap * 1.15 / lineH, 0.3, 2.5);
    const double extraH = cand.lineCount >= 2 ? (tall ? 2.6 : 1.6) * lineH : cand.lineCount == 1 ? 4.5 * lineH : 2.0 * lineH;
    const double boxW = cand.box.size.width * 1.06 + 2.0 * lineH;
    const double boxH = cand.box.size.height + 2.0 * extraH;
    const int cw = static_cast<int>(std::lround(boxW * s));
    const int ch = static_cast<int>(std::lround(boxH * s));
    if (cw < 60 || ch < 20 || cw > 4000 || ch > 2000)
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
    const int k = static_cast<int>(std::lround(kTargetCap * 0.5)) | 1;
    cv::Mat paper, dark;
    InkImage out;
    cv::morphologyEx(crop, paper, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    cv::subtract(paper, crop, dark);
    cv::max(paper, cv::Scalar(24), paper); // a black desk is no paper: no division blow-up
    cv::divide(dark, paper, out.ink, 255.0);
    const double otsu = cv::threshold(out.ink, out.binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    if (otsu < 12)
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
        if (r.height < 5 || area < 8 || r.width > 3 * r.height + 4)
            continue;
        comps.push_back({r, cv::Point2d(r.x + r.width / 2.0, r.y + r.height / 2.0)});
        heights.push_back(r.height);
    }
    if (comps.size() < 40)
        return std::nullopt;
    // Letters and digits are all cap height; fillers are shorter. The upper quartile is a cap.
    std::sort(heights.begin(), heights.end());
    const double cap = heights[heights.size() * 3 / 4];
    if (cap < 6)
        return std::nullopt;
    std::erase_if(comps, [&](const Glyph &g) {
        return g.box.height < 0.3 * cap || g.box.height > 1.4 * cap || g.box.width > 2.4 * cap;
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
            const auto lo = std::lower_bound(ys.begin(), ys.end(), g.centre.y - 0.25 * cap);
            const auto hi = std::upper_bound(ys.begin(), ys.end(), g.centre.y + 0.25 * cap);
            if (hi - lo >= 6)
                kept.push_back(g);
        }
        comps = std::move(kept);
    }
    std::vector<TextRow> rows;
    for (std::size_t i = 0; i < comps.size(); ++i) {
        if (i == 0 || comps[i].centre.y - comps[i - 1].centre.y > 0.5 * cap)
            rows.emplace_back();
        rows.back().glyphs.push_back(comps[i]);
    }
    std::erase_if(rows, [](const TextRow &r) { return r.glyphs.size() < 12; });
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
        return r.glyphs.size() >= 20 && 3 * touching >= static_cast<std::ptrdiff_t>(r.glyphs.size());
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
            if (g.box.height >= 0.93 * tallest)
                feet.emplace_back(static_cast<float>(g.centre.x), static_cast<float>(g.box.y + g.box.height));
        if (feet.size() < 2) {
            r.a = r.glyphs.front().box.y + r.glyphs.front().box.height;
            continue;
        }
        cv::Vec4f l;
        cv::fitLine(feet, l, cv::DIST_HUBER, 0, 0.01, 0.01);
        r.b = std::abs(l[0]) > 1e-6 ? l[1] / l[0] : 0.0;
        r.a = l[3] - r.b * l[2];
    }
}

// Which consecutive rows form an MRZ: each line holds exactly L glyph cells at one pitch.
struct LayoutFit
{
    int first;                 // the block's first row
    const OcrLayout *shape;
    double error;
};

std::optional<LayoutFit> chooseLayout(const std::vector<TextRow> &rows, const std::vector<std::optional<RowGrid>> &grids, double cap)
{
    std::optional<LayoutFit> best;
    for (const OcrLayout &shape : kOcrLayouts) {
        for (int first = 0; first + shape.lineCount <= static_cast<int>(rows.size()); ++first) {
            double err = 0;
            bool ok = true;
            double pmin = 1e9, pmax = 0;
            int fullLines = 0;
            for (int l = 0; l < shape.lineCount && ok; ++l) {
                const auto &g = grids[static_cast<std::size_t>(first + l)];
                if (!g) {
                    ok = false;
                    break;
                }
                // Noise or a neighbouring print may add a cell or two at the ends; glare or
                // blur may lose a few: the window below picks the L cells.
                // Glare or a faint print may also leave a line's end or start unseen (a run
                // of fillers lighter than the rest): a line down to two thirds of L is taken
                // when another line of the block has its full length; its lost cells are read
                // where the grid and the margin put them.
                const int fullSpan = g->lastIndex - g->firstIndex + 1;
                // The length with or without the specks apart at its ends (fitGrid), whichever
                // is nearer L: a speck must not make a row of desk noise fit better.
                const int coreSpan = g->coreLast - g->coreFirst + 1;
                const int span = std::abs(coreSpan - shape.lineLength) < std::abs(fullSpan - shape.lineLength) ? coreSpan : fullSpan;
                const bool full = span >= shape.lineLength - 3 && span <= shape.lineLength + 3;
                fullLines += full ? 1 : 0;
                ok = full || (span < shape.lineLength && span >= shape.lineLength - shape.lineLength / 3);
                if (l > 0) {
                    const double gap = (rows[static_cast<std::size_t>(first + l)].a - rows[static_cast<std::size_t>(first + l - 1)].a) / cap;
                    ok = ok && gap > 1.3 && gap < 3.2;
                }
                err += std::abs(span - shape.lineLength);
                pmin = std::min(pmin, g->pitch);
                pmax = std::max(pmax, g->pitch);
            }
            if (!ok || fullLines == 0 || pmax > 1.1 * pmin)
                continue;
            if (!best || err < best->error)
                best = LayoutFit{first, &shape, err};
        }
    }
    return best;
}

// A shadow or glare across the zone can break its lines, and the finder may see only the
// pieces on one side of it: rows of 12-28 cells at one pitch. Two or three of them: the
// candidate widened on both sides by what a 44-character line would still need.
std::optional<MrzCandidate> widenedForPieces(const MrzCandidate &cand, const std::vector<std::optional<RowGrid>> &grids, double s)
{
    int pieces = 0, longest = 0;
    double pitch = 0;
    for (const auto &g : grids) {
        const int span = g ? g->coreLast - g->coreFirst + 1 : 0;
        if (span < 12 || span > 28)
            continue;
        ++pieces;
        longest = std::max(longest, span);
        pitch = std::max(pitch, g->pitch);
    }
    if (pieces >= 2 && pieces <= 3) {
        MrzCandidate wider = cand;
        wider.box.size.width += static_cast<float>(2.0 * (46 - longest) * pitch / s);
        return wider;
    }
    return std::nullopt;
}

// Each line's window of L cells. The lines of an MRZ start at one margin (ICAO 9303-3 §4.3),
// so the windows are chosen together: the most glyphs inside them, among the choices whose
// first cells stand within half a pitch of the margin. A speck or a neighbouring print before
// one line must not shift that line by a cell: on a line no check digit covers (the names of
// TD1, TD2, TD3), the shift would pass unnoticed. Empty when the lines share no margin.
std::vector<int> chooseWindows(const std::vector<std::optional<RowGrid>> &grids, const LayoutFit &fit)
{
    const LayoutFit *best = &fit;
    const int length = fit.shape->lineLength;
    const int lineCount = fit.shape->lineCount;
    std::vector<std::vector<std::pair<int, int>>> windows(static_cast<std::size_t>(lineCount)); // (start, glyphs)
    for (int l = 0; l < lineCount; ++l) {
        const RowGrid &g = *grids[static_cast<std::size_t>(best->first + l)];
        int from = g.firstIndex - 2, to = g.lastIndex - length + 3;
        if (to < from) { // a short line (above): windows that hold all of it
            from = g.lastIndex - length - 1;
            to = g.firstIndex + 2;
        }
        for (int s0 = from; s0 <= to; ++s0) {
            int n0 = 0;
            for (const int i : g.index)
                n0 += i >= s0 && i < s0 + length ? 1 : 0;
            windows[static_cast<std::size_t>(l)].emplace_back(s0, n0);
        }
    }
    std::vector<int> starts;
    {
        std::vector<int> pick(static_cast<std::size_t>(lineCount), 0);
        int most = -1;
        const auto startX = [&](int l, int s0) { return grids[static_cast<std::size_t>(best->first + l)]->x(s0); };
        const std::function<void(int, int)> choose = [&](int l, int glyphs) {
            if (l == lineCount) {
                if (glyphs > most) {
                    most = glyphs;
                    starts.clear();
                    for (int m = 0; m < lineCount; ++m)
                        starts.push_back(windows[static_cast<std::size_t>(m)][static_cast<std::size_t>(pick[static_cast<std::size_t>(m)])].first);
                }
                return;
            }
            const auto &w = windows[static_cast<std::size_t>(l)];
            for (std::size_t k0 = 0; k0 < w.size(); ++k0) {
                // Next to the line above; a third line where the first two say the margin
                // is: perspective and a residual rotation slant the margin by a few pixels a
                // line, steadily, and over three lines that may add up to half a pitch.
                const auto pickedX = [&](int m) {
                    return startX(m, windows[static_cast<std::size_t>(m)][static_cast<std::size_t>(pick[static_cast<std::size_t>(m)])].first);
                };
                const double x = startX(l, w[k0].first);
                const double expected = l == 0 ? x : l == 1 ? pickedX(0) : 2.0 * pickedX(l - 1) - pickedX(l - 2);
                const bool aligned = std::abs(x - expected) < 0.5 * grids[static_cast<std::size_t>(best->first + l)]->pitch
                                     && (l == 0 || std::abs(x - pickedX(l - 1)) < 0.5 * grids[static_cast<std::size_t>(best->first + l)]->pitch);
                if (!aligned)
                    continue;
                pick[static_cast<std::size_t>(l)] = static_cast<int>(k0);
                choose(l + 1, glyphs + w[k0].second);
            }
        };
        choose(0, 0);
    }
    return starts;
}

// The cells' centres of each line: on the grid, and where the ink of a cell's one glyph is
// when it stands near the grid (that is where the cell is read); the local pitch scale.
void placeCells(Block &block, const std::vector<TextRow> &rows, const std::vector<std::optional<RowGrid>> &grids, const LayoutFit &fit,
                const std::vector<int> &starts)
{
    const LayoutFit *best = &fit;
    const int length = fit.shape->lineLength;
    const int lineCount = fit.shape->lineCount;
    double pitchSum = 0;
    for (int l = 0; l < lineCount; ++l) {
        const TextRow &r = rows[static_cast<std::size_t>(best->first + l)];
        const RowGrid &g = *grids[static_cast<std::size_t>(best->first + l)];
        pitchSum += g.pitch;
        const int start = starts[static_cast<std::size_t>(l)];
        std::vector<int> perCell(static_cast<std::size_t>(length), 0);
        for (const int i : g.index)
            if (i >= start && i < start + length)
                ++perCell[static_cast<std::size_t>(i - start)];
        std::vector<double> inkX(static_cast<std::size_t>(length), -1.0);
        for (std::size_t k0 = 0; k0 < r.glyphs.size(); ++k0) {
            const int i = g.index[k0] - start;
            if (i < 0 || i >= length || perCell[static_cast<std::size_t>(i)] != 1)
                continue;
            if (std::abs(r.glyphs[k0].centre.x - g.x(g.index[k0])) < 0.25 * g.pitch && r.glyphs[k0].box.width < 1.1 * g.pitch)
                inkX[static_cast<std::size_t>(i)] = r.glyphs[k0].centre.x;
        }
        std::vector<cv::Point2f> grid, ink;
        std::vector<float> local;
        for (int i = 0; i < length; ++i) {
            const double gx = g.x(start + i);
            local.push_back(static_cast<float>(std::clamp((g.b + 2.0 * g.c * (start + i)) / g.pitch, 0.7, 1.4)));
            const double x = inkX[static_cast<std::size_t>(i)] >= 0 ? inkX[static_cast<std::size_t>(i)] : gx;
            grid.emplace_back(static_cast<float>(gx), static_cast<float>(r.a + r.b * gx));
            ink.emplace_back(static_cast<float>(x), static_cast<float>(r.a + r.b * x));
        }
        block.centres.push_back(std::move(grid));
        block.inkCentres.push_back(std::move(ink));
        block.localScale.push_back(std::move(local));
    }
    block.pitch = pitchSum / best->shape->lineCount;
}

// Warps the candidate upright, finds the glyph rows and their cell grids.
// `tall`: a line more of margin above and below a block of 2-3 lines; `wide`: the block was
// widened to the longest MRZ line on both sides (see edgeCutsARow and widenedForPieces).
std::optional<Block> prepareBlock(const cv::Mat &gray, const MrzCandidate &cand, bool flip, bool tall = false, bool wide = false)
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

    std::vector<std::optional<RowGrid>> grids;
    for (const TextRow &r : rows)
        grids.push_back(fitGrid(r, cap));
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

// Normalised cells: the ink image is resampled once so that a cell is exactly
// kCellW x kCellH pixels; cells are then views at (sub-cell) offsets.
class CellSampler
{
public:
    CellSampler(const Block &block, double scale)
        : m_ink(block.ink)
    {
        m_f = kCellH / (block.cap * scale * kCellHeightFactor);
        cv::Mat resized;
        cv::resize(block.ink, resized, cv::Size(), m_f, m_f, m_f < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
        cv::copyMakeBorder(resized, m_image, kPad, kPad, kPad, kPad, cv::BORDER_CONSTANT, cv::Scalar(0));
    }
    // The feature of the cell at crop point `c` (x: centre, y: baseline), moved by (dx, dy)
    // cell pixels. As the templates: centred half a cap height above the baseline.
    void featureInto(cv::Point2f c, int dx, int dy, cv::Mat row, float local = 1.0f) const
    {
        if (std::abs(local - 1.0f) > 0.06f) {
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

private:
    static constexpr int kPad = kCellH;
    cv::Mat m_ink;
    double m_f = 1.0;
    cv::Mat m_image;
};

// The glyphs' printed size relative to the measured cap height varies with print, blur
// and binarisation: a sample of cells decides the scale that matches the templates best.
void calibrate(Block &block)
{
    const auto &classifier = GlyphClassifier::instance();
    std::vector<cv::Point2f> sample;
    std::vector<float> sampleScale;
    for (std::size_t l = 0; l < block.inkCentres.size(); ++l)
        for (std::size_t i = 0; i < block.inkCentres[l].size(); i += 3) {
            sample.push_back(block.inkCentres[l][i]);
            sampleScale.push_back(block.localScale[l][i]);
        }
    cv::Mat features(static_cast<int>(sample.size()), kCellW * kCellH, CV_32F);
    block.quality = -2.0;
    for (const double scale : {0.78, 0.84, 0.9, 0.96, 1.02, 1.08}) {
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

// Per line, per cell: the templates' correlations (how MRZ-like the block is) and the glyph
// network's log-probabilities (which character it is).
struct CellScores
{
    std::vector<std::vector<ClassScores>> templates;
    std::vector<std::vector<ClassScores>> logp;
};

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

struct Choice
{
    int best = -1;
    std::array<int, 3> alternatives{-1, -1, -1}; // next best allowed classes
};

struct Decoded
{
    const OcrLayout *shape = nullptr;
    QStringList lines;
    QList<QList<float>> confidence;
    float quality = 0;         // mean best score
    float uncheckedMin = 1.0f; // lowest 1 - risk: what no check digit can see (see decode)
    bool namePlausible = true; // the name field has the shape ICAO 9303-3 §4.6 gives it
    // Expected number of misreads no check digit sees, and of misreads in the worst checked
    // field (its check digit included; several errors can pass one check digit together).
    float uncheckedRisk = 0;
    float checkedRisk = 0;
    // Look-alikes a check digit settled with more than one passing assignment: the
    // probability left to the ones not taken (summed) and the lowest share taken.
    float decidedRisk = 0;
    float decidedMin = 1.0f;
};

// A character's confidence: the network's probability of the class it was read as, among
// the classes its position allows (a date digit the network took for an O is still a sure 0
// when no other digit competes: the check digit covers it).
float confidenceOf(const ClassScores &logp, int cls, CellKind kind)
{
    double sum = 0;
    for (int c = 0; c < kClassCount; ++c)
        if (allowed(kind, kAlphabet[static_cast<std::size_t>(c)]))
            sum += std::exp(static_cast<double>(logp[static_cast<std::size_t>(c)]));
    const double p = std::exp(static_cast<double>(logp[static_cast<std::size_t>(cls)]));
    return sum > 0 ? static_cast<float>(std::clamp(p / sum, 0.0, 1.0)) : 0.0f;
}

// The check-digit-guided choice (ICAO 9303-3 §4.9): where a field's check digit fails, the
// cheapest substitution of one or two characters by their runner-up classes (within a small
// score drop) that makes it pass, if clearly cheaper than any other passing substitution.
// Ambiguity leaves the field as read: a wrong read that passes is worse than no read.
void correctField(const std::vector<std::vector<ClassScores>> &scores, const OcrLayout &shape,
                  const std::vector<std::vector<Choice>> &choices, QStringList &lines, QList<QList<float>> &conf,
                  const std::vector<std::pair<int, int>> &positions, std::pair<int, int> checkAt)
{
    const auto text = [&] {
        QString s;
        for (const auto &[l, i] : positions)
            s += lines[l][i];
        return s;
    };
    const auto passes = [&] {
        const QChar cd = lines[checkAt.first][checkAt.second];
        return Mrz::checkDigitMatches(text(), cd);
    };
    if (passes())
        return;
    // A TD3 personal number left empty may carry '<' as its check digit (9303-4 §4.2.2).
    if (lines[checkAt.first][checkAt.second] == u'<' && text().count(u'<') == text().size())
        return;
    struct Sub { int l, i, cls; float drop; };
    std::vector<Sub> subs;
    std::vector<std::pair<int, int>> all = positions;
    all.push_back(checkAt);
    for (const auto &[l, i] : all) {
        const Choice &c = choices[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
        const ClassScores &sc = scores[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
        for (const int alt : c.alternatives) {
            if (alt < 0)
                continue;
            const float drop = sc[static_cast<std::size_t>(c.best)] - sc[static_cast<std::size_t>(alt)];
            if (drop <= kMaxDrop)
                subs.push_back({l, i, alt, drop});
        }
    }
    const auto apply = [&](const Sub &s) {
        const QChar old = lines[s.l][s.i];
        lines[s.l][s.i] = QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(s.cls)]);
        return old;
    };
    float bestCost = 1e9f, secondCost = 1e9f;
    std::vector<Sub> bestSet;
    for (std::size_t a = 0; a < subs.size(); ++a) {
        const QChar oa = apply(subs[a]);
        if (passes()) {
            const float cost = subs[a].drop;
            if (cost < bestCost) {
                secondCost = bestCost;
                bestCost = cost;
                bestSet = {subs[a]};
            } else {
                secondCost = std::min(secondCost, cost);
            }
        }
        for (std::size_t b = a + 1; b < subs.size(); ++b) {
            if (subs[b].l == subs[a].l && subs[b].i == subs[a].i)
                continue;
            const QChar ob = apply(subs[b]);
            if (passes()) {
                // Two changes must cost more than one: a penalty keeps single fixes first.
                const float cost = subs[a].drop + subs[b].drop + kSecondChange;
                if (cost < bestCost) {
                    secondCost = bestCost;
                    bestCost = cost;
                    bestSet = {subs[a], subs[b]};
                } else {
                    secondCost = std::min(secondCost, cost);
                }
            }
            lines[subs[b].l][subs[b].i] = ob;
        }
        lines[subs[a].l][subs[a].i] = oa;
    }
    if (bestSet.empty() || secondCost - bestCost < kUniqueFix)
        return;
    for (const Sub &s : bestSet) {
        apply(s);
        const ClassScores &sc = scores[static_cast<std::size_t>(s.l)][static_cast<std::size_t>(s.i)];
        // The corrected character's confidence: its own match against the one it displaced.
        conf[s.l][s.i] = confidenceOf(sc, s.cls, shape.kind(s.l, s.i));
    }
}

// The best-scoring look-alike of `best` across the letter/digit line (scanner/mrz/lookalikes.h;
// on a tie the commoner confusion), or -1. Every pair counts here, S/8 and G/6 too: that no
// check digit sees them swapped is why their doubt must make a glyph unsure.
int lookAlikeOf(int best, const ClassScores &sc)
{
    int partner = -1;
    for (const Mrz::LookAlike &pair : Mrz::kLookAlikes) {
        const int ca = static_cast<int>(kAlphabet.find(pair.letter)), cb = static_cast<int>(kAlphabet.find(pair.digit));
        const int other = best == ca ? cb : best == cb ? ca : -1;
        if (other >= 0 && (partner < 0 || sc[static_cast<std::size_t>(other)] > sc[static_cast<std::size_t>(partner)]))
            partner = other;
    }
    return partner;
}

// Where letters and digits may both stand (document numbers, optional data), a glyph whose
// look-alike scores nearly as well is ambiguous. The check digit decides when exactly one
// assignment of the ambiguous glyphs passes; when several pass (two Os at weights 3 and 7,
// any S/8 or G/6 swap: their values differ by a multiple of 10) nothing can decide, and the
// glyphs are marked unsure so that the read is not accepted.
void resolveLookAlikes(const std::vector<std::vector<ClassScores>> &scores, const OcrLayout &shape,
                       std::vector<std::vector<Choice>> &choices, Decoded &d)
{
    // Score gap under which a look-alike is a real doubt; visas have no composite check digit
    // to catch a second error, so they must be clearer.
    const float kAmbiguous = shape.compositeLine >= 0 ? kLookAlikeDoubt : kLookAlikeDoubtNoComposite;
    struct Amb { int l, i, partner; };
    std::vector<std::vector<bool>> covered(choices.size(), std::vector<bool>(choices.front().size(), false));
    const auto ambiguousIn = [&](const std::vector<std::pair<int, int>> &pos, float gap) {
        std::vector<Amb> out;
        for (const auto &[l, i] : pos) {
            const CellKind kind = shape.kind(l, i);
            if (kind != CellKind::Any && kind != CellKind::AnyUnchecked && kind != CellKind::DigitOrFiller)
                continue;
            const Choice &ch = choices[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            const ClassScores &sc = scores[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            const int partner = lookAlikeOf(ch.best, sc);
            if (partner >= 0 && allowed(kind, kAlphabet[static_cast<std::size_t>(partner)])
                && sc[static_cast<std::size_t>(ch.best)] - sc[static_cast<std::size_t>(partner)] < gap)
                out.push_back({l, i, partner});
        }
        return out;
    };
    const auto unsure = [&](const std::vector<Amb> &amb) {
        for (const Amb &a : amb)
            d.confidence[a.l][a.i] = std::min(d.confidence[a.l][a.i], 0.1f);
    };
    const auto decideBy = [&](const std::vector<std::pair<int, int>> &pos, std::pair<int, int> checkAt) {
        std::vector<Amb> amb = ambiguousIn(pos, kAmbiguous);
        for (const auto &[l, i] : pos)
            covered[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)] = true;
        if (amb.empty())
            return;
        if (amb.size() > 6) {
            unsure(amb);
            return;
        }
        const auto text = [&] {
            QString s;
            for (const auto &[l, i] : pos)
                s += d.lines[l][i];
            return s;
        };
        std::vector<QChar> original;
        for (const Amb &a : amb)
            original.push_back(d.lines[a.l][a.i]);
        // Every assignment of the doubtful glyphs that passes the check digit, weighed by the
        // network: the likeliest is taken when it holds most of the probability of them all.
        std::vector<std::pair<double, unsigned>> passing; // (log-probability, mask)
        for (unsigned mask = 0; mask < (1u << amb.size()); ++mask) {
            double logp = 0;
            for (std::size_t k = 0; k < amb.size(); ++k) {
                const bool flip = (mask >> k) & 1u;
                const int cls = flip ? amb[k].partner : choices[static_cast<std::size_t>(amb[k].l)][static_cast<std::size_t>(amb[k].i)].best;
                d.lines[amb[k].l][amb[k].i] = flip ? QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(amb[k].partner)]) : original[k];
                logp += static_cast<double>(scores[static_cast<std::size_t>(amb[k].l)][static_cast<std::size_t>(amb[k].i)][static_cast<std::size_t>(cls)]);
            }
            if (Mrz::checkDigitMatches(text(), d.lines[checkAt.first][checkAt.second]))
                passing.emplace_back(logp, mask);
        }
        for (std::size_t k = 0; k < amb.size(); ++k)
            d.lines[amb[k].l][amb[k].i] = original[k];
        if (passing.empty())
            return; // the field is wrong elsewhere; correctField may find it
        std::sort(passing.begin(), passing.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        double total = 0;
        for (const auto &[logp, mask] : passing)
            total += std::exp(logp - passing.front().first);
        const auto share = static_cast<float>(1.0 / total);
        if (share < kLookAlikeShare) {
            unsure(amb);
            return;
        }
        // What the other passing assignments hold is what this decision may get wrong.
        d.decidedRisk += 1.0f - share;
        d.decidedMin = std::min(d.decidedMin, share);
        const unsigned passMask = passing.front().second;
        for (std::size_t k = 0; k < amb.size(); ++k) {
            if ((passMask >> k) & 1u) {
                Choice &ch = choices[static_cast<std::size_t>(amb[k].l)][static_cast<std::size_t>(amb[k].i)];
                for (int &alt : ch.alternatives)
                    if (alt == amb[k].partner)
                        alt = ch.best;
                ch.best = amb[k].partner;
                d.lines[amb[k].l][amb[k].i] = QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(amb[k].partner)]);
            }
            d.confidence[amb[k].l][amb[k].i] = std::max(d.confidence[amb[k].l][amb[k].i], 0.5f);
        }
    };
    for (const CheckedSpan &f : shape.fields) {
        if (f.length == 0)
            continue;
        std::vector<std::pair<int, int>> pos;
        for (int i = 0; i < f.length; ++i)
            pos.emplace_back(f.line, f.start + i);
        decideBy(pos, {f.line, f.checkAt});
    }
    if (shape.compositeLine >= 0) {
        // Positions only the composite covers (TD1/TD2 optional data).
        std::vector<std::pair<int, int>> all, only;
        for (const CompositeSpan &sp : shape.composite)
            for (int i = 0; i < sp.length; ++i)
                all.emplace_back(sp.line, sp.start + i);
        for (const auto &p : all)
            if (!covered[static_cast<std::size_t>(p.first)][static_cast<std::size_t>(p.second)])
                only.push_back(p);
        if (!ambiguousIn(only, kAmbiguous).empty())
            decideBy(all, {shape.compositeLine, shape.compositeAt});
    }
    // What no check digit covers (MRV optional data) stands on the network's confidence
    // alone, like the names: the acceptance demands it (kAcceptConfidence). Except the round
    // pair O and 0, the one the network confuses most (its held-out errors): there a doubt
    // within kLookAlikeDoubtNoComposite leaves the character unsure.
    std::vector<std::pair<int, int>> rest;
    for (std::size_t l = 0; l < choices.size(); ++l)
        for (std::size_t i = 0; i < choices[l].size(); ++i)
            if (!covered[l][i])
                rest.emplace_back(static_cast<int>(l), static_cast<int>(i));
    std::vector<Amb> round;
    for (const Amb &a : ambiguousIn(rest, kRoundDoubt)) {
        const char x = d.lines[a.l][a.i].toLatin1(), y = kAlphabet[static_cast<std::size_t>(a.partner)];
        if ((x == 'O' && y == '0') || (x == '0' && y == 'O'))
            round.push_back(a);
    }
    unsure(round);
}

Decoded decode(const Block &block, const CellScores &cells)
{
    const std::vector<std::vector<ClassScores>> &scores = cells.logp;
    Decoded d;
    const OcrLayout *shape = block.shape;
    // TD3 and MRV-A (44), TD2 and MRV-B (36) share their geometry: the document code's first
    // letter decides (P or I/A/C against V).
    const ClassScores &first = scores.front().front();
    const auto scoreOf = [&](char c) { return first[kAlphabet.find(c)]; };
    for (const OcrLayout &other : kOcrLayouts) {
        if (&other == shape || other.lineCount != shape->lineCount || other.lineLength != shape->lineLength)
            continue;
        const auto letterScore = [&](const OcrLayout &s) {
            float best = scoreOf(s.documentCodeFirst.front());
            for (const char c : s.documentCodeFirst)
                best = std::max(best, scoreOf(c));
            return best;
        };
        if (letterScore(other) > letterScore(*shape))
            shape = &other;
    }
    d.shape = shape;
    const int lineCount = shape->lineCount, length = shape->lineLength;
    std::vector<std::vector<Choice>> choices(static_cast<std::size_t>(lineCount));
    double sum = 0;
    for (int l = 0; l < lineCount; ++l) {
        QString text;
        QList<float> conf;
        for (int i = 0; i < length; ++i) {
            const CellKind kind = shape->kind(l, i);
            const ClassScores &sc = scores[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            std::array<int, kClassCount> order{};
            int n = 0;
            for (int c = 0; c < kClassCount; ++c)
                if (allowed(kind, kAlphabet[static_cast<std::size_t>(c)]))
                    order[static_cast<std::size_t>(n++)] = c;
            std::partial_sort(order.begin(), order.begin() + std::min(n, 4), order.begin() + n,
                              [&](int a, int b) { return sc[static_cast<std::size_t>(a)] > sc[static_cast<std::size_t>(b)]; });
            Choice ch;
            ch.best = order[0];
            for (int k = 1; k < std::min(n, 4); ++k)
                ch.alternatives[static_cast<std::size_t>(k - 1)] = order[static_cast<std::size_t>(k)];
            const ClassScores &tc = cells.templates[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            text += QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(ch.best)]);
            conf.append(confidenceOf(sc, ch.best, kind));
            choices[static_cast<std::size_t>(l)].push_back(ch);
            sum += *std::max_element(tc.begin(), tc.end());
        }
        d.lines.append(text);
        d.confidence.append(conf);
    }
    d.quality = static_cast<float>(sum / (lineCount * length));
    resolveLookAlikes(scores, *shape, choices, d);

    for (const CheckedSpan &f : shape->fields) {
        if (f.length == 0)
            continue;
        std::vector<std::pair<int, int>> pos;
        for (int i = 0; i < f.length; ++i)
            pos.emplace_back(f.line, f.start + i);
        correctField(scores, *shape, choices, d.lines, d.confidence, pos, {f.line, f.checkAt});
    }
    if (shape->compositeLine >= 0) {
        std::vector<std::pair<int, int>> pos;
        for (const CompositeSpan &sp : shape->composite)
            for (int i = 0; i < sp.length; ++i)
                pos.emplace_back(sp.line, sp.start + i);
        correctField(scores, *shape, choices, d.lines, d.confidence, pos, {shape->compositeLine, shape->compositeAt});
    }
    // What a check digit cannot see. Where none covers (names, nationality, sex, MRV optional
    // data) any misread passes: the risk is 1 - confidence. Where one covers, a substitution
    // by a character of the same value modulo 10 passes too (ICAO 9303-3 §4.9 weights every
    // value mod 10: 0, A, K, U and '<' are one to it, as are 8, I and S, or 6, G and Q): the
    // risk is the probability of those. Look-alikes the check digit could not settle were
    // marked unsure (confidence 0.1) by resolveLookAlikes.
    for (int l = 0; l < lineCount; ++l)
        for (int i = 0; i < length; ++i) {
            const CellKind kind = shape->kind(l, i);
            const ClassScores &sc = scores[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            const char16_t read = d.lines[l][i].unicode();
            float risk = 0;
            if (unchecked(kind) || d.confidence[l][i] <= 0.1f) {
                risk = 1.0f - d.confidence[l][i];
            } else {
                double same = 0, all = 0;
                for (int c = 0; c < kClassCount; ++c) {
                    const char ch = kAlphabet[static_cast<std::size_t>(c)];
                    if (!allowed(kind, ch))
                        continue;
                    const double p = std::exp(static_cast<double>(sc[static_cast<std::size_t>(c)]));
                    all += p;
                    if (ch != read && Mrz::characterValue(static_cast<char16_t>(ch)) % 10 == Mrz::characterValue(read) % 10)
                        same += p;
                }
                risk = all > 0 ? static_cast<float>(same / all) : 1.0f;
            }
            d.uncheckedRisk += risk;
            d.uncheckedMin = std::min(d.uncheckedMin, 1.0f - risk);
        }
    d.uncheckedRisk += d.decidedRisk;
    d.uncheckedMin = std::min(d.uncheckedMin, d.decidedMin);
    d.namePlausible = namePlausible(QStringView(d.lines[shape->nameLine]).mid(shape->nameStart, shape->nameLength));
    for (const CheckedSpan &f : shape->fields) {
        if (f.length == 0)
            continue;
        float risk = 1.0f - d.confidence[f.line][f.checkAt];
        for (int i = 0; i < f.length; ++i)
            risk += 1.0f - d.confidence[f.line][f.start + i];
        d.checkedRisk = std::max(d.checkedRisk, risk);
    }
    return d;
}

QPolygonF quadOf(const Block &block, double toImage)
{
    const auto &top = block.centres.front();
    const auto &bottom = block.centres.back();
    const double hp = block.pitch / 2.0, up = block.cap * 1.2, down = block.cap * 0.2;
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

// See mrzrecognizer_p.h (ICAO 9303-3 §4.6).
bool detail::namePlausible(QStringView field)
{
    qsizetype i = 0;
    const auto word = [&] {
        const qsizetype from = i;
        while (i < field.size() && field[i] >= u'A' && field[i] <= u'Z')
            ++i;
        return i > from;
    };
    const auto parts = [&] {
        if (!word())
            return false;
        while (i + 1 < field.size() && field[i] == u'<' && field[i + 1] >= u'A' && field[i + 1] <= u'Z') {
            ++i;
            word();
        }
        return true;
    };
    if (!parts())
        return false;
    if (i + 2 < field.size() && field[i] == u'<' && field[i + 1] == u'<' && field[i + 2] != u'<') {
        i += 2;
        parts();
    }
    while (i < field.size() && field[i] == u'<')
        ++i;
    return i == field.size();
}

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
            if (block.quality < kFoundQuality - 0.1f)
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
            if (flip != order[0] && std::abs(cand.upright) >= 0.1f)
                break;
            std::optional<Block> way = prepareBlock(gray, cand, flip);
            if (!way)
                continue;
            calibrate(*way);
            Block &block = *way;
            if (block.quality < kFoundQuality - 0.1f)
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
