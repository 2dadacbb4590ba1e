// libFuzzer target for the MRZ recognizer: camera frames and scans are outside
// input. Random pixels rarely look like an MRZ, so the bytes draw one: the first four choose
// the number of lines, the glyphs per line, the cap height and the skew, and every following
// pair of bytes is one glyph as a 4 x 4 pattern of strokes, printed at the MRZ's pitch. Any
// image must give a result that keeps the OcrResult invariants, never a crash.
#include "scanner/ocr/mrzrecognizer.h"

#include <QImage>
#include <QPainter>
#include <QTransform>

#include <cstdint>
#include <cstdlib>

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    const int lines = 1 + data[0] % 4;
    const int perLine = 20 + data[1] % 30;
    const double cap = 6.0 + data[2] % 30;
    const double angle = (data[3] % 61) - 30.0;
    QImage image(640, 360, QImage::Format_Grayscale8);
    image.fill(235);
    {
        QPainter p(&image);
        p.translate(320, 180);
        p.rotate(angle);
        p.translate(-perLine * cap / 2.0, -lines * cap);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(20, 20, 20));
        const double cell = cap / 4.0;
        size_t at = 4;
        for (int l = 0; l < lines && at + 1 < size; ++l)
            for (int g = 0; g < perLine && at + 1 < size; ++g, at += 2) {
                const unsigned bits = data[at] | (static_cast<unsigned>(data[at + 1]) << 8);
                for (int b = 0; b < 16; ++b)
                    if ((bits >> b) & 1u)
                        p.drawRect(QRectF(g * cap * 1.05 + (b % 4) * cell * 0.8, l * cap * 2.0 + (b / 4) * cell, cell * 0.8, cell));
            }
    }
    const Kiosk::Ocr::MrzRecognizer recognizer;
    const Kiosk::Ocr::OcrResult r = recognizer.read(image, Kiosk::Ocr::ReadOptions{QDate(2026, 3, 1)});
    if (!r.found) {
        require(r.lines.isEmpty() && !r.mrz && !r.accepted);
        return 0;
    }
    require(r.quad.size() == 4);
    require(r.confidence.size() == r.lines.size());
    for (qsizetype l = 0; l < r.lines.size(); ++l) {
        require(r.confidence[l].size() == r.lines[l].size());
        for (const float c : r.confidence[l])
            require(c >= 0.0f && c <= 1.0f);
    }
    require(!r.accepted || (r.mrz && r.mrz->valid));
    return 0;
}
