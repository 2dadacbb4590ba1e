#include "scanner/barcode/barcodereader.h"

#include <QLoggingCategory>
#include <QPolygon>
#include <QRect>

#include <algorithm>
#include <vector>

#include <ZXing/ReadBarcode.h>

namespace Kiosk::Barcode {

Q_LOGGING_CATEGORY(lcBarcode, "kiosk.scanner.barcode")

namespace {

ZXing::BarcodeFormats toZx(Formats formats)
{
    ZXing::BarcodeFormats out;
    if (formats.testFlag(Format::Pdf417))
        out |= ZXing::BarcodeFormat::PDF417;
    if (formats.testFlag(Format::Aztec))
        out |= ZXing::BarcodeFormat::Aztec;
    if (formats.testFlag(Format::QrCode))
        out |= ZXing::BarcodeFormat::QRCode;
    if (formats.testFlag(Format::DataMatrix))
        out |= ZXing::BarcodeFormat::DataMatrix;
    return out;
}

std::optional<Format> fromZx(ZXing::BarcodeFormat f)
{
    switch (f) {
    case ZXing::BarcodeFormat::PDF417: return Format::Pdf417;
    case ZXing::BarcodeFormat::Aztec: return Format::Aztec;
    case ZXing::BarcodeFormat::QRCode: return Format::QrCode;
    case ZXing::BarcodeFormat::DataMatrix: return Format::DataMatrix;
    default: return std::nullopt;
    }
}

// The ZXing pixel layout that matches a QImage format byte for byte, if any. QImage's
// 32-bit formats are native-endian words 0xAARRGGBB: B, G, R, A in memory on the
// little-endian machines the kiosk runs on.
std::optional<ZXing::ImageFormat> zxFormat(QImage::Format f)
{
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the 32-bit mapping assumes little endian");
    switch (f) {
    case QImage::Format_Grayscale8: return ZXing::ImageFormat::Lum;
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied: return ZXing::ImageFormat::BGRX;
    case QImage::Format_RGB888: return ZXing::ImageFormat::RGB;
    case QImage::Format_BGR888: return ZXing::ImageFormat::BGR;
    case QImage::Format_RGBX8888:
    case QImage::Format_RGBA8888:
    case QImage::Format_RGBA8888_Premultiplied: return ZXing::ImageFormat::RGBX;
    default: return std::nullopt;
    }
}

} // namespace

QString formatToString(Format format)
{
    switch (format) {
    case Format::Pdf417: return QStringLiteral("pdf417");
    case Format::Aztec: return QStringLiteral("aztec");
    case Format::QrCode: return QStringLiteral("qrcode");
    case Format::DataMatrix: return QStringLiteral("datamatrix");
    }
    return QStringLiteral("unknown");
}

BarcodeReader::BarcodeReader(Formats formats) : BarcodeReader(formats, Options{}) {}
BarcodeReader::BarcodeReader(Formats formats, Options options) : m_formats(formats), m_options(options) {}

namespace {

// ZXing-C++ 1.4's DataMatrix and Aztec detectors start at the image centre and trace
// outwards along the centre lines (DMDetector.cpp DetectNew, AZDetector.cpp
// GetMatrixCenter): a symbol away from the centre of a camera frame is not found. So the
// frame is also searched for busy regions (blocks of high luminance variance, as the
// modules of a 2D symbol make) and each is decoded as a crop centred on it. Crops are
// views into the frame, not copies.
struct Region
{
    int left = 0;
    int top = 0;
    int width = 0;
    int height = 0;
    int blocks = 0;
};

QList<Region> busyRegions(const ZXing::ImageView &view)
{
    constexpr int kBlock = 16;
    constexpr int kMinStdDev = 28;     // luminance: modules at 60% contrast and blurred stay above
    constexpr int kMinBlocks = 9;      // 48 x 48 pixels and up
    constexpr qsizetype kMaxRegions = 6;
    const int bw = view.width() / kBlock;
    const int bh = view.height() / kBlock;
    if (bw < 3 || bh < 3)
        return {};
    // The green channel stands in for luminance: its byte index is the format's second byte
    // (ImageFormat = pixel size, R, G, B indices; Lum has index 0).
    const int green = static_cast<int>((static_cast<uint32_t>(view.format()) >> 8) & 0xFF);
    const int pix = view.pixStride();
    std::vector<uint8_t> busy(static_cast<size_t>(bw * bh), 0);
    for (int by = 0; by < bh; ++by) {
        for (int bx = 0; bx < bw; ++bx) {
            int sum = 0;
            int sumSq = 0;
            for (int y = 0; y < kBlock; y += 2) {
                const uint8_t *row = view.data(bx * kBlock, by * kBlock + y) + green;
                for (int x = 0; x < kBlock; x += 2) {
                    const int v = row[x * pix];
                    sum += v;
                    sumSq += v * v;
                }
            }
            constexpr int n = (kBlock / 2) * (kBlock / 2);
            const int variance = (sumSq - sum * sum / n) / n;
            busy[static_cast<size_t>(by * bw + bx)] = variance >= kMinStdDev * kMinStdDev ? 1 : 0;
        }
    }
    // 8-connected components of busy blocks.
    QList<Region> regions;
    std::vector<int> stack;
    for (int start = 0; start < bw * bh; ++start) {
        if (busy[static_cast<size_t>(start)] != 1)
            continue;
        int minX = bw, minY = bh, maxX = -1, maxY = -1, count = 0;
        stack.assign(1, start);
        busy[static_cast<size_t>(start)] = 2;
        while (!stack.empty()) {
            const int b = stack.back();
            stack.pop_back();
            const int x = b % bw;
            const int y = b / bw;
            ++count;
            minX = std::min(minX, x);
            maxX = std::max(maxX, x);
            minY = std::min(minY, y);
            maxY = std::max(maxY, y);
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx;
                    const int ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= bw || ny >= bh)
                        continue;
                    uint8_t &flag = busy[static_cast<size_t>(ny * bw + nx)];
                    if (flag == 1) {
                        flag = 2;
                        stack.push_back(ny * bw + nx);
                    }
                }
        }
        const int w = maxX - minX + 1;
        const int h = maxY - minY + 1;
        if (count < kMinBlocks || w < 3 || h < 3 || w > 4 * h || h > 4 * w)
            continue;
        // Grow by a quarter of the size on every side: the quiet zone and some background
        // keep the detectors' edge tracing inside the crop.
        const int growX = std::max(2, w / 4);
        const int growY = std::max(2, h / 4);
        Region r;
        r.left = std::max(0, (minX - growX) * kBlock);
        r.top = std::max(0, (minY - growY) * kBlock);
        r.width = std::min(view.width(), (maxX + 1 + growX) * kBlock) - r.left;
        r.height = std::min(view.height(), (maxY + 1 + growY) * kBlock) - r.top;
        r.blocks = count;
        regions.append(r);
    }
    std::ranges::sort(regions, std::greater<>(), &Region::blocks);
    if (regions.size() > kMaxRegions)
        regions.resize(kMaxRegions);
    return regions;
}

Symbol toSymbol(const ZXing::Result &r, Format format, QPoint offset)
{
    Symbol s;
    s.format = format;
    const ZXing::ByteArray &bytes = r.bytes();
    s.bytes = QByteArray(reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size()));
    const auto type = r.contentType();
    s.isText = type == ZXing::ContentType::Text || type == ZXing::ContentType::GS1 || type == ZXing::ContentType::ISO15434;
    const std::string text = r.text();
    s.text = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    for (const auto &corner : r.position())
        s.corners.append(QPoint(corner.x, corner.y) + offset);
    return s;
}

bool alreadyFound(const QList<Symbol> &found, const Symbol &s)
{
    return std::ranges::any_of(found, [&](const Symbol &f) { return f.format == s.format && f.bytes == s.bytes; });
}

void decodeInto(QList<Symbol> &out, const ZXing::ImageView &view, const ZXing::DecodeHints &hints, QPoint offset)
{
    for (const ZXing::Result &r : ZXing::ReadBarcodes(view, hints)) {
        const auto format = fromZx(r.format());
        if (!r.isValid() || !format)
            continue;
        Symbol s = toSymbol(r, *format, offset);
        if (!alreadyFound(out, s))
            out.append(std::move(s));
    }
}

QList<Symbol> readView(const ZXing::ImageView &view, Formats formats, const BarcodeReader::Options &options)
{
    QList<Symbol> out;
    auto hints = ZXing::DecodeHints()
                     .setFormats(toZx(formats))
                     .setTryHarder(options.tryHarder)
                     .setTryRotate(options.tryRotate);
    // ZXing's exceptions, if any, stop here (conventions.md): a bad frame is no symbol.
    try {
        decodeInto(out, view, hints, {});
        const Formats centred = formats & (Formats(Format::DataMatrix) | Format::Aztec);
        if (!centred || !options.tryHarder)
            return out;
        hints.setFormats(toZx(centred)).setTryDownscale(false);
        for (const Region &r : busyRegions(view)) {
            // A region that holds a symbol found already needs no second look.
            const QRect rect(r.left, r.top, r.width, r.height);
            const bool covered = std::ranges::any_of(out, [&](const Symbol &s) {
                return !s.corners.isEmpty() && rect.contains(QPolygon(s.corners).boundingRect().center());
            });
            if (covered)
                continue;
            const ZXing::ImageView crop = view.cropped(r.left, r.top, r.width, r.height);
            const qsizetype before = out.size();
            decodeInto(out, crop, hints, QPoint(r.left, r.top));
            // Blur and low contrast defeat the local-average threshold at module edges; on
            // a crop around one symbol a global histogram threshold is the better guess.
            if (out.size() == before) {
                auto global = hints;
                decodeInto(out, crop, global.setBinarizer(ZXing::Binarizer::GlobalHistogram), QPoint(r.left, r.top));
            }
        }
    } catch (const std::exception &e) {
        qCWarning(lcBarcode) << "ZXing failed on a frame:" << e.what();
    }
    return out;
}

} // namespace

QList<Symbol> BarcodeReader::read(const QImage &image) const
{
    if (image.isNull())
        return {};
    if (const auto f = zxFormat(image.format()))
        return readView(ZXing::ImageView(image.constBits(), image.width(), image.height(), *f, static_cast<int>(image.bytesPerLine())),
                        m_formats, m_options);
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    return readView(ZXing::ImageView(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum, static_cast<int>(gray.bytesPerLine())),
                    m_formats, m_options);
}

QList<Symbol> BarcodeReader::read(const LumaView &luma) const
{
    if (!luma.data || luma.width <= 0 || luma.height <= 0 || luma.bytesPerLine < luma.width)
        return {};
    return readView(ZXing::ImageView(luma.data, luma.width, luma.height, ZXing::ImageFormat::Lum, static_cast<int>(luma.bytesPerLine)),
                    m_formats, m_options);
}

} // namespace Kiosk::Barcode
