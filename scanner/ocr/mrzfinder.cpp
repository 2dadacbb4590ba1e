#include "scanner/ocr/mrzfinder_p.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>
#include <numbers>

namespace Kiosk::Ocr::detail {

namespace {

constexpr double kFinderSide = 900.0; // the finder's working size (long side), pixels

struct TextLine
{
    cv::RotatedRect box; // width along the text, angle in (-90, 90]
    std::vector<cv::Point> points;
};

cv::RotatedRect alongText(cv::RotatedRect r)
{
    if (r.size.width < r.size.height) {
        std::swap(r.size.width, r.size.height);
        r.angle += 90.0f;
    }
    while (r.angle > 90.0f)
        r.angle -= 180.0f;
    while (r.angle <= -90.0f)
        r.angle += 180.0f;
    return r;
}

double angleDiff(double a, double b)
{
    double d = std::fmod(std::abs(a - b), 180.0);
    return std::min(d, 180.0 - d);
}

// Morphological opening by the 1x2 vertical element with OpenCV's default anchor (the lower
// pixel): erode is min(row above, row), dilate max(row above, row); outside the image counts
// as neutral, so the top row stays as it is.
void openOneByTwo(cv::Mat &bin)
{
    if (bin.rows < 2)
        return;
    const cv::Rect upper(0, 0, bin.cols, bin.rows - 1), lower(0, 1, bin.cols, bin.rows - 1);
    cv::Mat eroded = bin.clone();
    cv::Mat erodedLower = eroded(lower);
    cv::min(bin(upper), bin(lower), erodedLower);
    cv::Mat binLower = bin(lower);
    cv::max(eroded(upper), eroded(lower), binLower); // the top row keeps its value either way
}

// The upright frame of a rotated box (width along the text): strip pixel (x, y) lies at
// origin + x u + y n in the image.
struct StripFrame
{
    explicit StripFrame(const cv::RotatedRect &box)
        : w(static_cast<int>(std::lround(box.size.width)))
        , h(static_cast<int>(std::lround(box.size.height)))
    {
        const double rad = box.angle * std::numbers::pi / 180.0;
        u = cv::Point2d(std::cos(rad), std::sin(rad));
        n = cv::Point2d(-std::sin(rad), std::cos(rad));
        origin = cv::Point2d(box.center) - u * (w / 2.0) - n * (h / 2.0);
    }
    // The strip cut out of `img` (nearest pixel; outside the image is 0).
    [[nodiscard]] cv::Mat sample(const cv::Mat &img) const
    {
        const cv::Mat toSource = (cv::Mat_<double>(2, 3) << u.x, n.x, origin.x, u.y, n.y, origin.y);
        cv::Mat strip;
        cv::warpAffine(img, strip, toSource, cv::Size(w, h), cv::INTER_NEAREST | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, cv::Scalar(0));
        return strip;
    }
    [[nodiscard]] cv::Point2f at(double x, double y) const
    {
        const cv::Point2d p = origin + u * x + n * y;
        return {static_cast<float>(p.x), static_cast<float>(p.y)};
    }
    int w, h;
    cv::Point2d u, n, origin;
};

// Which way up the block reads, from where its fillers are. Every MRZ layout pads its fields
// to the right with the filler '<' (ICAO 9303-3; names, document numbers, optional data), so
// the right end of the lines holds runs of fillers, each with less ink than a letter or a
// digit, while the left end starts with the document code and the issuing state. Returns
// (left - right) / (left + right) ink of the outer fifths: > 0 reads along the box's angle,
// < 0 upside down. On the corpora (989 found MRZs) the sign was right for 98%, and for all
// but one where |value| >= 0.1 (measured before the division by the paper's brightness
// below, which put 5 more hard reads right on 700 hard pages). A clue to try one orientation
// first, never a verdict. `image`: the finder's gray image; `blackHat`: its black-hat (ink positive).
float fillerSide(const cv::Mat &image, const cv::Mat &blackHat, const cv::RotatedRect &box)
{
    const StripFrame frame(box);
    if (frame.w < 20 || frame.h < 2)
        return 0.0f;
    // A shadow over one end lowers its ink's contrast, not its ink: the black-hat is divided
    // by the paper's brightness there (the closing, image + black-hat) before the threshold.
    const cv::Mat dark = frame.sample(blackHat);
    cv::Mat paper, ratio, bin;
    cv::add(frame.sample(image), dark, paper);
    cv::max(paper, cv::Scalar(24), paper);
    cv::divide(dark, paper, ratio, 255.0);
    cv::threshold(ratio, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    cv::Mat columns;
    cv::reduce(bin, columns, 0, cv::REDUCE_SUM, CV_32S);
    const int fifth = frame.w / 5;
    const double left = cv::sum(columns.colRange(0, fifth))[0];
    const double right = cv::sum(columns.colRange(frame.w - fifth, frame.w))[0];
    return left + right > 0 ? static_cast<float>((left - right) / (left + right)) : 0.0f;
}

// Lines that touch somewhere (blur, tight line spacing, a small MRZ) close into one blob.
// Across the blob, the ink profile still dips between the lines: rows with at least 3/4 of
// the fullest row's ink are line cores, the blob is cut at the emptiest row between two
// cores, and each part, less its nearly empty edge rows, is a line if it is nearly solid.
// Returns the lines when there are two or more.
std::vector<TextLine> splitLines(const cv::Mat &closed, const cv::RotatedRect &blob)
{
    std::vector<TextLine> out;
    const StripFrame frame(blob);
    if (frame.w < 20 || frame.h < 5)
        return out;
    const cv::Mat strip = frame.sample(closed);
    cv::Mat profile;
    cv::reduce(strip, profile, 1, cv::REDUCE_SUM, CV_32S);
    const auto ink = [&](int y) { return static_cast<double>(profile.at<int>(y)); };
    double peak = 0;
    cv::minMaxLoc(profile, nullptr, &peak);
    std::vector<std::pair<int, int>> cores; // [first, last] rows
    for (int y = 0; y < frame.h; ++y) {
        if (ink(y) < 0.75 * peak)
            continue;
        if (!cores.empty() && cores.back().second == y - 1)
            cores.back().second = y;
        else
            cores.emplace_back(y, y);
    }
    if (cores.size() < 2)
        return out;
    std::vector<int> cuts{-1};
    for (std::size_t k = 1; k < cores.size(); ++k) {
        int cut = cores[k - 1].second + 1;
        for (int y = cut; y < cores[k].first; ++y)
            if (ink(y) < ink(cut))
                cut = y;
        cuts.push_back(cut);
    }
    cuts.push_back(frame.h);
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        int y0 = cuts[k] + 1, y1 = cuts[k + 1]; // rows [y0, y1)
        while (y0 < y1 && ink(y0) < 0.35 * peak)
            ++y0;
        while (y1 > y0 && ink(y1 - 1) < 0.35 * peak)
            --y1;
        if (y1 - y0 < 2)
            continue;
        const cv::Rect inked = cv::boundingRect(strip.rowRange(y0, y1));
        // A text line closes into a nearly solid bar; wavy background lines that ran
        // together leave it mostly empty.
        if (cv::countNonZero(strip(cv::Rect(inked.x, y0, inked.width, y1 - y0))) < 0.6 * inked.width * (y1 - y0))
            continue;
        const double x0 = inked.x, x1 = inked.x + inked.width;
        TextLine line;
        line.box = cv::RotatedRect(frame.at((x0 + x1) / 2.0, (y0 + y1) / 2.0), cv::Size2f(static_cast<float>(x1 - x0), static_cast<float>(y1 - y0)), blob.angle);
        for (const auto &[cx, cy] : {std::pair<double, double>{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}) {
            const cv::Point2f q = frame.at(cx, cy);
            line.points.emplace_back(static_cast<int>(std::lround(q.x)), static_cast<int>(std::lround(q.y)));
        }
        out.push_back(std::move(line));
    }
    if (out.size() < 2)
        out.clear();
    return out;
}

struct Scored
{
    MrzCandidate c;
    double score;
    cv::RotatedRect work; // the block in finder pixels
};

// The blocks of lines in one binarisation of the finder's image (`side`: its long side;
// `scale`: finder pixels per caller pixel), best first.
std::vector<Scored> blocksIn(const cv::Mat &bin, int side, double scale)
{
    // Glyphs of one line join into one blob; lines stay apart (1-pixel-high kernel).
    const int kw = std::max(9, side / 45);
    cv::Mat closed;
    cv::morphologyEx(bin, closed, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(kw, 1)));
    // Then an opening by a 1x2 (vertical) element cuts one-pixel-high bridges between lines.
    // Written as the min and max of each row with the row above (what erode and dilate by that
    // element compute, anchor on the lower pixel): OpenCV's column filter took ~0.3 ms for it
    // on a 900-pixel image, the element-wise pair ~0.05 ms, with the same result.
    openOneByTwo(closed);

    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(closed, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::vector<TextLine> lines;
    std::vector<Scored> blocks;
    const auto toCaller = [scale](cv::RotatedRect r) {
        r.center.x = static_cast<float>(r.center.x / scale);
        r.center.y = static_cast<float>(r.center.y / scale);
        r.size.width = static_cast<float>(r.size.width / scale);
        r.size.height = static_cast<float>(r.size.height / scale);
        return r;
    };
    for (auto &c : contours) {
        if (c.size() < 4)
            continue;
        const cv::RotatedRect r = alongText(cv::minAreaRect(c));
        const double w = r.size.width, h = r.size.height;
        // An MRZ line is 30-44 glyphs of about one cap height each: long and thin. Up to 30°
        // off the horizontal (15° page rotation plus perspective), either way up.
        if (h < 3 || w < 4 * h || w < side / 10.0 || std::abs(r.angle) > 30.0f)
            continue;
        const bool solid = cv::contourArea(c) >= 0.45 * w * h;
        if (solid && w < 12 * h) {
            // Lines that touch all along (tight line spacing, blur) close into one blob: the
            // block itself. Its line height is unknown; assume ~36 glyphs across.
            blocks.push_back({{toCaller(r), static_cast<float>(w / 36.0 / scale), 0}, w * 2.0, r});
            continue;
        }
        // A single MRZ line is 25-40 times as long as high; two lines that touch in places
        // make a hollow blob, or one only 12-24 times as long as high.
        if (!solid || w < 24 * h) {
            std::vector<TextLine> split = splitLines(closed, r);
            std::erase_if(split, [&](const TextLine &l) { return l.box.size.width < side / 10.0 || l.box.size.width < 8 * l.box.size.height; });
            if (split.size() >= 2) {
                std::move(split.begin(), split.end(), std::back_inserter(lines));
                continue;
            }
        }
        if (!solid)
            continue;
        lines.push_back({r, std::move(c)});
    }
    std::sort(lines.begin(), lines.end(), [](const TextLine &a, const TextLine &b) { return a.box.size.width > b.box.size.width; });

    // Group parallel lines of about the same length that sit above one another: the block.
    std::vector<bool> used(lines.size(), false);
    for (std::size_t s = 0; s < lines.size(); ++s) {
        if (used[s])
            continue;
        const cv::RotatedRect &seed = lines[s].box;
        const double rad = seed.angle * std::numbers::pi / 180.0;
        const cv::Point2d u(std::cos(rad), std::sin(rad)), n(-std::sin(rad), std::cos(rad));
        std::vector<cv::Point> points;
        int members = 0;
        float maxH = 0;
        for (std::size_t j = 0; j < lines.size(); ++j) {
            const cv::RotatedRect &o = lines[j].box;
            const cv::Point2d d(o.center.x - seed.center.x, o.center.y - seed.center.y);
            const double along = d.dot(u), perp = d.dot(n);
            const double ratio = o.size.width / seed.size.width;
            if (j != s && (used[j] || angleDiff(o.angle, seed.angle) > 6.0 || ratio < 0.7 || ratio > 1.0 / 0.7
                           || std::abs(along) > 0.2 * seed.size.width || std::abs(perp) > 5.0 * seed.size.height))
                continue;
            used[j] = true;
            ++members;
            maxH = std::max(maxH, o.size.height);
            points.insert(points.end(), lines[j].points.begin(), lines[j].points.end());
        }
        const cv::RotatedRect work = alongText(cv::minAreaRect(points));
        const double score = seed.size.width * (members >= 2 && members <= 3 ? 3.0 : 1.0);
        blocks.push_back({{toCaller(work), static_cast<float>(maxH / scale), members}, score, work});
    }
    std::sort(blocks.begin(), blocks.end(), [](const Scored &a, const Scored &b) { return a.score > b.score; });
    return blocks;
}

} // namespace

std::vector<MrzCandidate> findMrzCandidates(const cv::Mat &gray, int maxCandidates)
{
    std::vector<MrzCandidate> out;
    if (gray.empty())
        return out;
    const int longSide = std::max(gray.cols, gray.rows);
    const double scale = longSide > kFinderSide ? kFinderSide / longSide : 1.0;
    cv::Mat small;
    if (scale < 1.0)
        cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_LINEAR);
    else
        small = gray;
    const int side = std::max(small.cols, small.rows);

    // Black-hat: dark strokes thinner than the kernel stand out, while paper, light
    // gradients, shadows and the photo's large dark areas drop to zero.
    const int k = std::max(7, side / 70) | 1;
    cv::Mat bh;
    cv::morphologyEx(small, bh, cv::MORPH_BLACKHAT, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, k)));
    cv::Mat bin;
    const double otsu = cv::threshold(bh, bin, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    if (otsu < 20) // a flat image: Otsu splits noise; demand real ink contrast
        cv::threshold(bh, bin, 20, 255, cv::THRESH_BINARY);

    std::vector<Scored> blocks = blocksIn(bin, side, scale);
    // A page whose background print is dark enough to pass the threshold can join the lines
    // to it in one blob that is no line at all (a heavy guilloche right up to the MRZ). When
    // no block of lines stood out, the lines are looked for again at twice the threshold:
    // the MRZ's ink is darker than any background print (ICAO 9303-3 §4.1: the zone is
    // printed in black on a clear area), so its glyphs stay while the background drops out.
    const bool noBlock = std::none_of(blocks.begin(), blocks.end(), [](const Scored &b) { return b.c.lineCount != 1; });
    if (noBlock) {
        cv::Mat darker;
        cv::threshold(bh, darker, 2.0 * std::max(otsu, 20.0), 255, cv::THRESH_BINARY);
        std::vector<Scored> again = blocksIn(darker, side, scale);
        std::erase_if(again, [](const Scored &b) { return b.c.lineCount == 1; });
        blocks.insert(blocks.begin(), again.begin(), again.end());
    }
    for (const Scored &b : blocks) {
        if (static_cast<int>(out.size()) >= maxCandidates)
            break;
        out.push_back(b.c);
        out.back().upright = fillerSide(small, bh, b.work);
    }
    return out;
}

} // namespace Kiosk::Ocr::detail
