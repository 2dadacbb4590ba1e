// The ZXing adapter: symbols rendered with ZXing's writer (test issuer), degraded, read
// back from every QImage pixel format; bytes must survive intact.
#include "scanner/barcode/barcodereader.h"
#include "scanner/barcode/payload.h"
#include "tests/support/vdsissuer.h"

#include <QPainter>
#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Barcode;

Q_DECLARE_METATYPE(QImage::Format)

class TestBarcodeReader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void binaryDataMatrixIntact();
    void pixelFormats_data();
    void pixelFormats();
    void degraded_data();
    void degraded();
    void offCentre_data();
    void offCentre();
    void formatsRestricted();
    void boardingPassSymbologies_data();
    void boardingPassSymbologies();
    void everySymbolReturned();
    void cameraLumaPlane();
    void emptyInput();
    void classify_data();
    void classify();

private:
    QByteArray m_seal;
    QImage m_sealImage;
};

namespace {
const QByteArray kBcbp = "M1SPECIMEN/ANNA       EZX9Q7T GYDISTJ2 0063 072Y014C0042 100";
}

void TestBarcodeReader::initTestCase()
{
    const auto authority = Test::VdsAuthority::create();
    QVERIFY(authority.has_value());
    const auto seal = Test::writeVisaSeal(Test::specimenVisa(), *authority);
    QVERIFY(seal.has_value());
    m_seal = *seal;
    m_sealImage = Test::renderDataMatrix(m_seal, 4, 4);
    QVERIFY(!m_sealImage.isNull());
}

void TestBarcodeReader::binaryDataMatrixIntact()
{
    // The seal holds bytes >= 0x80 and 0x00: a text round trip would mangle them.
    QVERIFY(m_seal.contains('\0') || std::ranges::any_of(m_seal, [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    const QList<Symbol> symbols = BarcodeReader(Format::DataMatrix).read(m_sealImage);
    QCOMPARE(symbols.size(), 1);
    QCOMPARE(symbols[0].format, Format::DataMatrix);
    QCOMPARE(symbols[0].bytes.toHex(), m_seal.toHex());
    QCOMPARE(classifyPayload(symbols[0].bytes), PayloadKind::Vds);
}

void TestBarcodeReader::pixelFormats_data()
{
    QTest::addColumn<QImage::Format>("format");
    for (auto [name, f] : {std::pair{"Grayscale8 (in place)", QImage::Format_Grayscale8},
                           std::pair{"RGB32 (in place as BGRX)", QImage::Format_RGB32},
                           std::pair{"ARGB32 (in place)", QImage::Format_ARGB32},
                           std::pair{"ARGB32_Premultiplied (in place)", QImage::Format_ARGB32_Premultiplied},
                           std::pair{"RGB888 (in place)", QImage::Format_RGB888},
                           std::pair{"BGR888 (in place)", QImage::Format_BGR888},
                           std::pair{"RGBX8888 (in place)", QImage::Format_RGBX8888},
                           std::pair{"RGBA8888 (in place)", QImage::Format_RGBA8888},
                           std::pair{"Indexed8 (converted)", QImage::Format_Indexed8},
                           std::pair{"Mono (converted)", QImage::Format_Mono},
                           std::pair{"RGB16 (converted)", QImage::Format_RGB16},
                           std::pair{"Grayscale16 (converted)", QImage::Format_Grayscale16}})
        QTest::newRow(name) << f;
}

void TestBarcodeReader::pixelFormats()
{
    QFETCH(QImage::Format, format);
    // An odd width so bytesPerLine != width * bytes per pixel for most formats.
    QImage odd(m_sealImage.width() + 3, m_sealImage.height() + 1, QImage::Format_Grayscale8);
    odd.fill(255);
    QPainter p(&odd);
    p.drawImage(1, 1, m_sealImage);
    p.end();
    const QImage image = odd.convertToFormat(format);
    QCOMPARE(image.format(), format);
    const QList<Symbol> symbols = BarcodeReader(Format::DataMatrix).read(image);
    QCOMPARE(symbols.size(), 1);
    QCOMPARE(symbols[0].bytes, m_seal);
}

void TestBarcodeReader::degraded_data()
{
    QTest::addColumn<int>("blur");
    QTest::addColumn<double>("degrees");
    QTest::addColumn<double>("scale");
    QTest::newRow("blur radius 1") << 1 << 0.0 << 1.0;
    QTest::newRow("rotated 7 degrees") << 0 << 7.0 << 1.0;
    QTest::newRow("rotated 33 degrees") << 0 << 33.0 << 1.0;
    QTest::newRow("rotated 90 degrees") << 0 << 90.0 << 1.0;
    QTest::newRow("upside down") << 0 << 180.0 << 1.0;
    QTest::newRow("scaled to 75%") << 0 << 0.0 << 0.75;
    QTest::newRow("scaled to 160%") << 0 << 0.0 << 1.6;
    QTest::newRow("blurred, rotated 12 degrees, scaled 90%") << 1 << 12.0 << 0.9;
}

void TestBarcodeReader::degraded()
{
    QFETCH(int, blur);
    QFETCH(double, degrees);
    QFETCH(double, scale);
    const QImage image = Test::scaled(Test::rotated(Test::blurred(m_sealImage, blur), degrees), scale);
    const QImage frame = Test::placedInFrame(image, image.width() + 200, image.height() + 120, 150, 40);
    const QList<Symbol> symbols = BarcodeReader(Format::DataMatrix).read(frame);
    QCOMPARE(symbols.size(), 1);
    QCOMPARE(symbols[0].bytes, m_seal);
    // Its position lies where it was placed.
    for (const QPoint &c : symbols[0].corners)
        QVERIFY2(c.x() >= 140 && c.y() >= 30 && c.x() <= 160 + image.width() && c.y() <= 50 + image.height(),
                 qPrintable(QStringLiteral("corner %1,%2").arg(c.x()).arg(c.y())));
}

void TestBarcodeReader::offCentre_data()
{
    QTest::addColumn<QString>("symbology");
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    // ZXing 1.4's DataMatrix and Aztec detectors trace from the frame centre: these rows
    // need the adapter's busy-region crops.
    QTest::newRow("DataMatrix, top-left corner of a 1280x720 frame") << "datamatrix" << 20 << 20;
    QTest::newRow("DataMatrix, bottom-right corner") << "datamatrix" << 1040 << 480;
    QTest::newRow("DataMatrix, left edge, low") << "datamatrix" << 0 << 500;
    QTest::newRow("Aztec, top-right corner") << "aztec" << 1000 << 30;
}

void TestBarcodeReader::offCentre()
{
    QFETCH(QString, symbology);
    QFETCH(int, x);
    QFETCH(int, y);
    const bool dm = symbology == QLatin1String("datamatrix");
    const QImage symbol = dm ? m_sealImage : Test::renderBarcode(symbology, kBcbp, 220, 220);
    const QImage frame = Test::placedInFrame(symbol, 1280, 720, x, y);
    const QList<Symbol> symbols = BarcodeReader(Format::DataMatrix | Format::Aztec).read(frame);
    QCOMPARE(symbols.size(), 1);
    QCOMPARE(symbols[0].bytes, dm ? m_seal : kBcbp);
    const QRect where = QPolygon(symbols[0].corners).boundingRect();
    QVERIFY2(QRect(x - 5, y - 5, symbol.width() + 10, symbol.height() + 10).contains(where),
             qPrintable(QStringLiteral("found at %1,%2 %3x%4").arg(where.x()).arg(where.y()).arg(where.width()).arg(where.height())));
}

void TestBarcodeReader::formatsRestricted()
{
    const QImage qr = Test::renderBarcode(QStringLiteral("qrcode"), kBcbp, 300, 300);
    QCOMPARE(BarcodeReader(Format::DataMatrix | Format::Pdf417).read(qr).size(), 0);
    QCOMPARE(BarcodeReader(Format::QrCode).read(qr).size(), 1);
    QCOMPARE(BarcodeReader(Format::Pdf417).read(m_sealImage).size(), 0);
}

void TestBarcodeReader::boardingPassSymbologies_data()
{
    QTest::addColumn<QString>("symbology");
    QTest::addColumn<Format>("format");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("PDF417 (paper boarding pass)") << "pdf417" << Format::Pdf417 << 600 << 200;
    QTest::newRow("Aztec (mobile boarding pass)") << "aztec" << Format::Aztec << 300 << 300;
    QTest::newRow("QR (mobile boarding pass)") << "qrcode" << Format::QrCode << 300 << 300;
}

void TestBarcodeReader::boardingPassSymbologies()
{
    QFETCH(QString, symbology);
    QFETCH(Format, format);
    QFETCH(int, width);
    QFETCH(int, height);
    const QImage image = Test::renderBarcode(symbology, kBcbp, width, height);
    const QList<Symbol> symbols = BarcodeReader(kAllFormats).read(image);
    QCOMPARE(symbols.size(), 1);
    QCOMPARE(symbols[0].format, format);
    QCOMPARE(symbols[0].bytes, kBcbp);
    QVERIFY(symbols[0].isText);
    QCOMPARE(symbols[0].text, QString::fromLatin1(kBcbp));
    QCOMPARE(classifyPayload(symbols[0].bytes), PayloadKind::Bcbp);
}

void TestBarcodeReader::everySymbolReturned()
{
    const QImage qr = Test::renderBarcode(QStringLiteral("qrcode"), kBcbp, 240, 240);
    QImage page(m_sealImage.width() + qr.width() + 120, std::max(m_sealImage.height(), qr.height()) + 80, QImage::Format_Grayscale8);
    page.fill(255);
    QPainter p(&page);
    p.drawImage(40, 40, m_sealImage);
    p.drawImage(m_sealImage.width() + 80, 40, qr);
    p.end();
    const QList<Symbol> symbols = BarcodeReader(Format::DataMatrix | Format::QrCode).read(page);
    QCOMPARE(symbols.size(), 2);
    QSet<Format> formats;
    for (const Symbol &s : symbols)
        formats.insert(s.format);
    QVERIFY(formats.contains(Format::DataMatrix) && formats.contains(Format::QrCode));
}

void TestBarcodeReader::cameraLumaPlane()
{
    // A Y plane with row padding, as camera frames deliver it: read in place.
    const int stride = m_sealImage.width() + 64;
    QByteArray plane(stride * m_sealImage.height(), '\x7f');
    for (int y = 0; y < m_sealImage.height(); ++y)
        std::memcpy(plane.data() + y * stride, m_sealImage.constScanLine(y), static_cast<size_t>(m_sealImage.width()));
    const LumaView view{reinterpret_cast<const uchar *>(plane.constData()), m_sealImage.width(), m_sealImage.height(), stride};
    const QList<Symbol> symbols = BarcodeReader(Format::DataMatrix).read(view);
    QCOMPARE(symbols.size(), 1);
    QCOMPARE(symbols[0].bytes, m_seal);
}

void TestBarcodeReader::emptyInput()
{
    QVERIFY(BarcodeReader().read(QImage()).isEmpty());
    QVERIFY(BarcodeReader().read(LumaView{}).isEmpty());
    QImage blank(640, 480, QImage::Format_Grayscale8);
    blank.fill(255);
    QVERIFY(BarcodeReader().read(blank).isEmpty());
}

void TestBarcodeReader::classify_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kind");
    QTest::newRow("boarding pass") << kBcbp << "bcbp";
    QTest::newRow("seal magic, even if broken") << QByteArray::fromHex("dc03") << "vds";
    QTest::newRow("UTF-8 text") << QByteArray("https://example.org/\xc3\xa9") << "text";
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe text") << "binary";
    QTest::newRow("control bytes") << QByteArray("ab\x01" "cd") << "binary";
    QTest::newRow("M1 but not a valid pass") << QByteArray("M1 too short") << "text";
}

void TestBarcodeReader::classify()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    QCOMPARE(payloadKindToString(classifyPayload(bytes)), kind);
    const QJsonObject o = describePayload(bytes, QDate(2026, 3, 10), nullptr);
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), kind);
    QCOMPARE(o.value(QStringLiteral("bytes_hex")).toString(), QString::fromLatin1(bytes.toHex()));
}

QTEST_MAIN(TestBarcodeReader)
#include "tst_barcodereader.moc"
