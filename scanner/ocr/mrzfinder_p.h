#pragma once
// Finds where an MRZ may be: long, parallel, equally long lines of dark text. Works on a
// reduced copy of the image with morphology (black-hat, closing) and contours; returns
// rotated rectangles in the coordinates of the image it was given, best first.
#include <opencv2/core.hpp>

#include <vector>

namespace Kiosk::Ocr::detail {

struct MrzCandidate
{
    cv::RotatedRect box;     // the block of lines, angle in (-45, 45], width along the text
    float lineHeight = 0;    // height of one text line blob, image pixels
    int lineCount = 0;       // lines grouped into the block (1..3; 1 when a line stands alone)
    float upright = 0;       // > 0: the text reads along box.angle; < 0: upside down (angle + 180°);
                             // 0: no clue. From where the '<' fillers are (mrzfinder.cpp).
};

// `gray`: CV_8UC1. At most `maxCandidates` blocks, best first.
[[nodiscard]] std::vector<MrzCandidate> findMrzCandidates(const cv::Mat &gray, int maxCandidates);

} // namespace Kiosk::Ocr::detail
