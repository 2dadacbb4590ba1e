// Throwaway tool for make_samples.sh (see there). Draws with Qt, encodes with ZXing-C++.
#include <QDir>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <cstdio>
#include <string>

namespace {

bool dataPage(const QString &path)
{
    QImage page(1250, 880, QImage::Format_RGB32);
    page.fill(QColor(0xee, 0xf0, 0xe6));
    QPainter p(&page);
    p.setRenderHint(QPainter::Antialiasing);
    // Background print: fine wavy lines, as on a real page.
    p.setPen(QPen(QColor(0xd4, 0xdc, 0xc8), 1));
    for (int y = 100; y < 660; y += 9) {
        QPainterPath wave;
        wave.moveTo(0, y);
        for (int x = 0; x <= 1250; x += 50)
            wave.quadTo(x + 25, y + ((x / 50) % 2 ? 6 : -6), x + 50, y);
        p.drawPath(wave);
    }
    p.fillRect(0, 0, 1250, 90, QColor(0xdf, 0xe5, 0xd3));
    p.setPen(QColor(0x39, 0x45, 0x3a));
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 26, QFont::Bold));
    p.drawText(40, 60, QStringLiteral("UTOPIA   PASSPORT / PASSEPORT"));
    p.fillRect(40, 130, 290, 380, QColor(0xb9, 0xbf, 0xb3)); // photo block
    p.setClipRect(40, 130, 290, 380); // a silhouette inside the photo block
    p.setBrush(QColor(0x8d, 0x94, 0x88));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPoint(185, 270), 80, 95);
    p.drawEllipse(QPoint(185, 500), 130, 110);
    p.setClipping(false);
    p.setPen(QColor(0x39, 0x45, 0x3a));
    const QStringList labels{QStringLiteral("Surname / Nom"), QStringLiteral("Given names / Prénoms"),
                             QStringLiteral("Date of birth / Date de naissance"),
                             QStringLiteral("Date of expiry / Date d'expiration")};
    const QStringList values{QStringLiteral("ERIKSSON"), QStringLiteral("ANNA MARIA"), QStringLiteral("12 AUG 1974"),
                             QStringLiteral("15 APR 2012")};
    for (int i = 0; i < 4; ++i) {
        p.setFont(QFont(QStringLiteral("DejaVu Sans"), 15));
        p.drawText(380, 160 + 90 * i, labels[i]);
        p.setFont(QFont(QStringLiteral("DejaVu Sans"), 21, QFont::Bold));
        p.drawText(380, 200 + 90 * i, values[i]);
    }
    // The MRZ: ICAO 9303-4 specimen, OCR-B, 44 characters across ~1100 px.
    QFont ocrb(QStringLiteral("OCR B"));
    ocrb.setPixelSize(40);
    // Fit the line to the target width whatever the font's advance (fixed pitch: one scale).
    const QString line1 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
    const qreal advance = QFontMetricsF(ocrb).horizontalAdvance(line1);
    if (advance > 0)
        ocrb.setPixelSize(qRound(40 * 1100.0 / advance));
    p.setFont(ocrb);
    p.setPen(Qt::black);
    p.drawText(40, 760, QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"));
    p.drawText(40, 830, QStringLiteral("L898902C36UTO7408122F1204159ZE184226B<<<<<10"));
    p.end();
    return page.convertToFormat(QImage::Format_Grayscale8).save(path);
}

bool boardingPass(const QString &path)
{
    // M1, name (20), E, PNR (7), from, to, carrier (3), flight (5), Julian date, class,
    // seat (4), check-in sequence (5), status, conditional size "00": 60 characters.
    const std::string bcbp = "M1ERIKSSON/ANNA       EABC123 GYDISTJ2 0123 335Y012A0001 100";
    if (bcbp.size() != 60)
        return false;
    const auto matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::PDF417).setMargin(20).encode(bcbp, 900, 300);
    QImage image(matrix.width(), matrix.height(), QImage::Format_Grayscale8);
    for (int y = 0; y < matrix.height(); ++y)
        for (int x = 0; x < matrix.width(); ++x)
            image.scanLine(y)[x] = matrix.get(x, y) ? 0 : 255;
    const auto read = ZXing::ReadBarcode(
        ZXing::ImageView(image.constBits(), image.width(), image.height(), ZXing::ImageFormat::Lum,
                         static_cast<int>(image.bytesPerLine())),
        ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::PDF417));
    if (!read.isValid() || read.text() != bcbp) {
        std::fputs("make_samples: the boarding pass does not read back\n", stderr);
        return false;
    }
    return image.save(path);
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // fonts need the GUI application (offscreen is enough)
    const QDir out(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("."));
    if (!dataPage(out.filePath(QStringLiteral("td3-specimen-page.png"))))
        return 1;
    if (!boardingPass(out.filePath(QStringLiteral("bcbp-boarding-pass.png"))))
        return 1;
    return 0;
}
