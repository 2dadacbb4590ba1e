#pragma once
// The barcode adapter: ZXing-C++ 1.4 behind a Qt-shaped interface. The only code of the
// kiosk that includes ZXing (architecture.md). Reads PDF417 (boarding passes), Aztec and
// QR (mobile boarding passes) and DataMatrix (visible digital seals).
#include <QByteArray>
#include <QFlags>
#include <QImage>
#include <QList>
#include <QPoint>
#include <QString>

namespace Kiosk::Barcode {

enum class Format : unsigned { Pdf417 = 0x1, Aztec = 0x2, QrCode = 0x4, DataMatrix = 0x8 };
Q_DECLARE_FLAGS(Formats, Format)
Q_DECLARE_OPERATORS_FOR_FLAGS(Formats)

inline constexpr Formats kAllFormats = Formats(Format::Pdf417) | Format::Aztec | Format::QrCode | Format::DataMatrix;

// "pdf417", "aztec", "qrcode", "datamatrix"
[[nodiscard]] QString formatToString(Format format);

struct Symbol
{
    Format format = Format::QrCode;
    QByteArray bytes;        // the symbol's data as encoded, no character set conversion
    QString text;            // ZXing's text rendering (UTF-8 / ECI aware); meaningful when isText
    bool isText = false;     // ZXing's content type is text (or GS1 / ISO 15434)
    QList<QPoint> corners;   // top-left, top-right, bottom-right, bottom-left in image pixels
};

// An 8-bit luminance plane, e.g. the Y plane of an NV12/YUV420 camera frame: read in place.
struct LumaView
{
    const uchar *data = nullptr;
    int width = 0;
    int height = 0;
    qsizetype bytesPerLine = 0;
};

class BarcodeReader
{
public:
    struct Options
    {
        bool tryHarder = true;   // more scan lines and binarizer passes
        bool tryRotate = true;   // 90/180/270 for the 1D-scan based formats (PDF417)
    };

    // Restrict the formats to what the caller expects: with every format on, misreads rise.
    explicit BarcodeReader(Formats formats = kAllFormats);
    BarcodeReader(Formats formats, Options options);

    // Every symbol found. Grayscale8, RGB32/ARGB32(_Premultiplied), RGB888, BGR888 and
    // RGBX/RGBA8888 are read in place; other formats are converted to Grayscale8 first.
    [[nodiscard]] QList<Symbol> read(const QImage &image) const;
    [[nodiscard]] QList<Symbol> read(const LumaView &luma) const;

private:
    Formats m_formats;
    Options m_options;
};

} // namespace Kiosk::Barcode
