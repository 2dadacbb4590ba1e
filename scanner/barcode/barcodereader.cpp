#include "scanner/barcode/barcodereader.h"

#include <QLoggingCategory>

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

QList<Symbol> readView(const ZXing::ImageView &view, Formats formats, const BarcodeReader::Options &options)
{
    QList<Symbol> out;
    const auto hints = ZXing::DecodeHints()
                           .setFormats(toZx(formats))
                           .setTryHarder(options.tryHarder)
                           .setTryRotate(options.tryRotate);
    // ZXing's exceptions, if any, stop here (conventions.md): a bad frame is no symbol.
    try {
        for (const ZXing::Result &r : ZXing::ReadBarcodes(view, hints)) {
            const auto format = fromZx(r.format());
            if (!r.isValid() || !format)
                continue;
            Symbol s;
            s.format = *format;
            const ZXing::ByteArray &bytes = r.bytes();
            s.bytes = QByteArray(reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size()));
            const auto type = r.contentType();
            s.isText = type == ZXing::ContentType::Text || type == ZXing::ContentType::GS1 || type == ZXing::ContentType::ISO15434;
            const std::string text = r.text();
            s.text = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
            const auto &pos = r.position();
            for (const auto &corner : pos)
                s.corners.append(QPoint(corner.x, corner.y));
            out.append(std::move(s));
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
