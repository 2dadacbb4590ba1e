#include "scanner/ocr/mrzsegmentation_p.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

namespace Kiosk::Ocr::detail {

namespace {

// Thresholds of the grid fit. Lengths in cap heights (cap) or in pitches (p), cells in cells.
constexpr std::size_t kMinGridGlyphs = 9;  // glyphs a row needs for a grid (8 spacings)
constexpr double kMinSpacing = 0.6;        // caps: neighbour spacings that estimate the pitch...
constexpr double kMaxSpacing = 1.5;        // ...lie between these (merged or broken glyphs do not)
constexpr std::size_t kMinSpacings = 8;    // spacings the pitch's median needs
constexpr double kMinPitchPerCap = 0.7;    // the pitch of OCR-B at 10 cpi is about 1.05 caps:
constexpr double kMaxPitchPerCap = 1.35;   // a row outside this is no MRZ line
constexpr double kMergedWidth = 1.4;       // pitches: a blob wider than this is merged glyphs
constexpr std::size_t kEndGlyphs = 2;      // specks apart from the line are looked for this near its ends
constexpr int kApartCells = 2;             // cells from a glyph's last cell to the next's first: an empty cell between
constexpr double kNarrowGlyph = 1.1;       // pitches: a glyph at most this wide stands alone in its cell
constexpr std::size_t kMinFitGlyphs = 8;   // glyphs the least-squares grid needs
constexpr double kMinPitchDrift = 0.75;    // the fitted mean pitch against the median spacing:
constexpr double kMaxPitchDrift = 1.3;     // outside this the fit is wrong
// The layout fit and the windows.
constexpr int kLengthSlack = 3;            // cells a line may have more or fewer than L and count as full
constexpr double kMinLineGap = 1.3;        // caps from one line's baseline to the next line's
constexpr double kMaxLineGap = 3.2;        // in one block (perspective and blur included)
constexpr double kMaxPitchSpread = 1.1;    // the lines' pitches agree within 10 %
constexpr int kMinPiece = 12;              // cells of a piece of a line broken by a shadow or glare
constexpr int kMaxPiece = 28;
constexpr int kWidenTo = Mrz::kMaxWidth + 2; // cells: the longest line and one cell of margin each side
constexpr int kWindowSlack = 2;            // cells a window may start before or end after a row's glyphs
constexpr double kMarginTolerance = 0.5;   // pitches: lines whose first cells are this near share the margin
constexpr double kInkNearGrid = 0.25;      // pitches: a glyph this near its grid position is read where its ink is
constexpr double kMinLocalScale = 0.7;     // the local pitch against the mean (perspective), clamped
constexpr double kMaxLocalScale = 1.4;

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

std::optional<RowGrid> fitGrid(const TextRow &row, double cap)
{
    const std::size_t n = row.glyphs.size();
    if (n < kMinGridGlyphs)
        return std::nullopt; // fewer than the 8 spacings below need
    // The pitch: the median spacing of neighbouring glyphs (merged or broken glyphs are
    // outliers the median ignores).
    std::vector<double> diffs;
    for (std::size_t k = 1; k < row.glyphs.size(); ++k) {
        const double d = row.glyphs[k].centre.x - row.glyphs[k - 1].centre.x;
        if (d > kMinSpacing * cap && d < kMaxSpacing * cap)
            diffs.push_back(d);
    }
    if (diffs.size() < kMinSpacings)
        return std::nullopt;
    const double p = median(diffs);
    const double ratio = p / cap;
    if (ratio < kMinPitchPerCap || ratio > kMaxPitchPerCap)
        return std::nullopt;
    // Cell indices by walking the row: each step is rounded on its own, so a pitch that
    // drifts along the line (perspective) never accumulates into a wrong cell. Blur can merge
    // neighbours into one blob about two pitches wide ("00", "<<"): its centre stands 1.5
    // pitches from both neighbours, which rounds to one cell or three. Such a blob counts as
    // the cells its width covers; the steps go from its last cell and to its first.
    // g.index is a glyph's first cell.
    RowGrid g;
    std::vector<int> cells(n, 1);
    for (std::size_t k = 0; k < n; ++k)
        if (row.glyphs[k].box.width > kMergedWidth * p)
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
    for (std::size_t k = 0; k < kEndGlyphs; ++k)
        if (g.index[k + 1] - lastCell(k) >= kApartCells)
            lo = k + 1;
    for (std::size_t k = n - 1; k > n - 1 - kEndGlyphs; --k)
        if (g.index[k] - lastCell(k - 1) >= kApartCells)
            hi = k - 1;
    g.coreFirst = g.index[lo];
    g.coreLast = lastCell(hi);
    // x(i) by least squares over glyphs that stand alone and are not too wide.
    std::vector<double> rowsA, rhs;
    for (std::size_t k = lo; k <= hi; ++k) {
        const bool alone = (k == 0 || g.index[k - 1] != g.index[k]) && (k + 1 == row.glyphs.size() || g.index[k + 1] != g.index[k]);
        if (!alone || row.glyphs[k].box.width > kNarrowGlyph * p)
            continue;
        const double i = g.index[k];
        rowsA.insert(rowsA.end(), {1.0, i, i * i});
        rhs.push_back(row.glyphs[k].centre.x);
    }
    if (rhs.size() < kMinFitGlyphs)
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
    if (g.pitch < kMinPitchDrift * p || g.pitch > kMaxPitchDrift * p)
        return std::nullopt;
    return g;
}

} // namespace

std::vector<std::optional<RowGrid>> fitGrids(const std::vector<TextRow> &rows, double cap)
{
    std::vector<std::optional<RowGrid>> grids;
    for (const TextRow &r : rows)
        grids.push_back(fitGrid(r, cap));
    return grids;
}

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
                const bool full = span >= shape.lineLength - kLengthSlack && span <= shape.lineLength + kLengthSlack;
                fullLines += full ? 1 : 0;
                ok = full || (span < shape.lineLength && span >= shape.lineLength - shape.lineLength / 3);
                if (l > 0) {
                    const double gap = (rows[static_cast<std::size_t>(first + l)].a - rows[static_cast<std::size_t>(first + l - 1)].a) / cap;
                    ok = ok && gap > kMinLineGap && gap < kMaxLineGap;
                }
                err += std::abs(span - shape.lineLength);
                pmin = std::min(pmin, g->pitch);
                pmax = std::max(pmax, g->pitch);
            }
            if (!ok || fullLines == 0 || pmax > kMaxPitchSpread * pmin)
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
        if (span < kMinPiece || span > kMaxPiece)
            continue;
        ++pieces;
        longest = std::max(longest, span);
        pitch = std::max(pitch, g->pitch);
    }
    if (pieces >= 2 && pieces <= 3) {
        MrzCandidate wider = cand;
        wider.box.size.width += static_cast<float>(2.0 * (kWidenTo - longest) * pitch / s);
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
        int from = g.firstIndex - kWindowSlack, to = g.lastIndex + 1 - length + kWindowSlack;
        if (to < from) { // a short line (above): windows that hold all of it
            from = g.lastIndex + 1 - length - kWindowSlack;
            to = g.firstIndex + kWindowSlack;
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
                const bool aligned = std::abs(x - expected) < kMarginTolerance * grids[static_cast<std::size_t>(best->first + l)]->pitch
                                     && (l == 0 || std::abs(x - pickedX(l - 1)) < kMarginTolerance * grids[static_cast<std::size_t>(best->first + l)]->pitch);
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
            if (std::abs(r.glyphs[k0].centre.x - g.x(g.index[k0])) < kInkNearGrid * g.pitch && r.glyphs[k0].box.width < kNarrowGlyph * g.pitch)
                inkX[static_cast<std::size_t>(i)] = r.glyphs[k0].centre.x;
        }
        std::vector<cv::Point2f> grid, ink;
        std::vector<float> local;
        for (int i = 0; i < length; ++i) {
            const double gx = g.x(start + i);
            local.push_back(static_cast<float>(std::clamp((g.b + 2.0 * g.c * (start + i)) / g.pitch, kMinLocalScale, kMaxLocalScale)));
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

} // namespace Kiosk::Ocr::detail
