// BarcodeFrameReader: camera frames are decoded off the calling thread, a busy reader drops
// frames instead of queueing them (app/core/droppingworker.h), and a symbol held in view is
// reported once, not once per frame. Frames are 1280x720 camera-sized, with real symbols
// rendered by ZXing's writer (the test issuer in tests/support).
#include "scanner/barcode/barcodeframereader.h"
#include "tests/support/vdsissuer.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Kiosk;
using namespace Kiosk::Barcode;

namespace {

// A synthetic boarding pass (IATA Resolution 792, one leg GYD-IST).
const QByteArray kBcbp = "M1SPECIMEN/ANNA       EZX9Q7T GYDISTJ2 0063 072Y014C0042 100";

// A symbol rendered into a camera-sized frame, as QVideoFrame::toImage() gives it (RGB32).
QImage cameraFrame(const QImage &symbol, int x = 340, int y = 260)
{
    return Test::placedInFrame(symbol, 1280, 720, x, y).convertToFormat(QImage::Format_RGB32);
}

QImage blankFrame()
{
    QImage frame(1280, 720, QImage::Format_RGB32);
    frame.fill(Qt::white);
    return frame;
}

// Collects what the reader reports, and on which thread it was delivered.
struct Reports
{
    QList<QByteArray> bytes;
    QList<Format> formats;
    QThread *deliveredOn = nullptr;
    explicit Reports(BarcodeFrameReader &reader)
    {
        QObject::connect(&reader, &BarcodeFrameReader::symbolRead, &reader, [this](const Symbol &s) {
            bytes.append(s.bytes);
            formats.append(s.format);
            deliveredOn = QThread::currentThread();
        });
    }
};

} // namespace

class TestBarcodeFrameReader : public QObject
{
    Q_OBJECT
private slots:
    void reportingRule_data();
    void reportingRule();
    void decodesAFrameOffTheCallingThread_data();
    void decodesAFrameOffTheCallingThread();
    void twentyIdenticalFramesReportOnce();
    void dropsFramesWhileBusy();
    void blankFramesReportNothing();
    void leavingTheViewReportsAgain();
};

// Each frame is a string of symbol names ("" = nothing decoded); `expected` lists the names
// reported, frame after frame.
void TestBarcodeFrameReader::reportingRule_data()
{
    QTest::addColumn<QStringList>("frames");
    QTest::addColumn<QStringList>("expected");
    const auto frames = [](const char *s) { return QString::fromLatin1(s).split(u'|'); };
    QTest::newRow("held still: reported once") << frames("A|A|A|A|A|A|A|A") << QStringList{"A"};
    QTest::newRow("a missed decode does not make it new") << frames("A||A||A") << QStringList{"A"};
    QTest::newRow("missed for one frame less than needed: still in view") << frames("A|||||A") << QStringList{"A"};
    QTest::newRow("left the view (kFramesToLeave empty frames): new again")
        << frames("A||||||A") << QStringList{"A", "A"};
    QTest::newRow("a different one in its place: both, then the first again") << frames("A|B|A") << QStringList{"A", "B", "A"};
    QTest::newRow("two symbols in one frame (pass and seal): both, once") << frames("AB|AB|BA") << QStringList{"A", "B"};
    QTest::newRow("one symbol found twice in a frame: once") << frames("AA|A") << QStringList{"A"};
    QTest::newRow("a second joins the first: only the second is new") << frames("A|AB|AB|A") << QStringList{"A", "B"};
    QTest::newRow("nothing ever decoded") << frames("|||") << QStringList{};
}

void TestBarcodeFrameReader::reportingRule()
{
    QFETCH(QStringList, frames);
    QFETCH(QStringList, expected);
    QCOMPARE(BarcodeFrameReader::kFramesToLeave, 5); // the rows above count on it
    BarcodeFrameReader::InView inView;
    QStringList reported;
    for (const QString &frame : std::as_const(frames)) {
        QList<Symbol> symbols;
        for (QChar name : frame)
            symbols.append(Symbol{Format::QrCode, QByteArray(1, name.toLatin1()), QString(name), true, {}});
        for (const Symbol &s : BarcodeFrameReader::newInView(symbols, inView))
            reported.append(s.text);
    }
    QCOMPARE(reported, expected);
}

void TestBarcodeFrameReader::decodesAFrameOffTheCallingThread_data()
{
    QTest::addColumn<QString>("symbology");
    QTest::addColumn<int>("format");
    // Resolution 792: PDF417 on paper, Aztec or QR on a phone; 9303-13 seals are DataMatrix.
    QTest::newRow("paper boarding pass (PDF417)") << "pdf417" << int(Format::Pdf417);
    QTest::newRow("mobile boarding pass (Aztec)") << "aztec" << int(Format::Aztec);
    QTest::newRow("mobile boarding pass (QR)") << "qrcode" << int(Format::QrCode);
    QTest::newRow("visa seal (DataMatrix)") << "datamatrix" << int(Format::DataMatrix);
}

void TestBarcodeFrameReader::decodesAFrameOffTheCallingThread()
{
    QFETCH(QString, symbology);
    QFETCH(int, format);
    QByteArray payload = kBcbp;
    QImage symbol;
    if (symbology == u"datamatrix") {
        const auto authority = Test::VdsAuthority::create();
        QVERIFY(authority.has_value());
        const auto seal = Test::writeVisaSeal(Test::specimenVisa(), *authority);
        QVERIFY(seal.has_value());
        payload = *seal;
        symbol = Test::renderDataMatrix(payload, 4, 4);
    } else {
        symbol = symbology == u"pdf417" ? Test::renderBarcode(symbology, payload, 600, 200)
                                        : Test::renderBarcode(symbology, payload, 260, 260);
    }
    BarcodeFrameReader reader(kAllFormats);
    Reports reports(reader);
    QSignalSpy processed(&reader, &BarcodeFrameReader::frameProcessed);
    QVERIFY(reader.submitFrame(cameraFrame(symbol)));
    QVERIFY(reader.isBusy()); // returned before the decode finished: it is not on this thread
    QVERIFY(processed.wait(10000));
    QVERIFY(!reader.isBusy());
    QCOMPARE(processed.front().front().toInt(), 1);
    QCOMPARE(reports.bytes.size(), 1);
    QCOMPARE(reports.bytes.front().toHex(), payload.toHex());
    QCOMPARE(int(reports.formats.front()), format);
    QCOMPARE(reports.deliveredOn, QThread::currentThread()); // results come back to the owner
}

void TestBarcodeFrameReader::twentyIdenticalFramesReportOnce()
{
    const QImage frame = cameraFrame(Test::renderBarcode(QStringLiteral("pdf417"), kBcbp, 600, 200));
    BarcodeFrameReader reader(kAllFormats);
    Reports reports(reader);
    QSignalSpy processed(&reader, &BarcodeFrameReader::frameProcessed);
    for (int i = 1; i <= 20; ++i) {
        QVERIFY2(reader.submitFrame(frame), qPrintable(QStringLiteral("frame %1 refused").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(processed.size(), i, 10000);
    }
    QCOMPARE(reader.droppedFrames(), 0); // each frame waited for the one before: all decoded
    for (const QList<QVariant> &p : std::as_const(processed))
        QCOMPARE(p.front().toInt(), 1); // the pass was found in every frame ...
    QCOMPARE(reports.bytes, QList<QByteArray>{kBcbp}); // ... and reported once
}

void TestBarcodeFrameReader::dropsFramesWhileBusy()
{
    const QImage frame = cameraFrame(Test::renderBarcode(QStringLiteral("pdf417"), kBcbp, 600, 200));
    BarcodeFrameReader reader(kAllFormats);
    Reports reports(reader);
    QSignalSpy processed(&reader, &BarcodeFrameReader::frameProcessed);
    QVERIFY(reader.submitFrame(frame));
    // Until the result is delivered to this thread's event loop the reader stays busy, so a
    // burst of 29 camera frames (a second at 30 fps) is dropped whole.
    int refused = 0;
    for (int i = 0; i < 29; ++i)
        refused += reader.submitFrame(frame) ? 0 : 1;
    QCOMPARE(refused, 29);
    QCOMPARE(reader.droppedFrames(), 29);
    QVERIFY(processed.wait(10000));
    QTest::qWait(100);
    QCOMPARE(processed.size(), 1); // the dropped frames were not queued
    QCOMPARE(reports.bytes.size(), 1);
    // Free again: the next frame is taken.
    QVERIFY(reader.submitFrame(frame));
    QVERIFY(processed.wait(10000));
    QCOMPARE(reader.droppedFrames(), 29);
}

void TestBarcodeFrameReader::blankFramesReportNothing()
{
    BarcodeFrameReader reader(kAllFormats);
    Reports reports(reader);
    QSignalSpy processed(&reader, &BarcodeFrameReader::frameProcessed);
    QVERIFY(reader.submitFrame(blankFrame()));
    QVERIFY(processed.wait(10000));
    QCOMPARE(processed.front().front().toInt(), 0);
    QVERIFY(reader.submitFrame(QImage())); // a null frame (a camera hiccup): no symbol, no crash
    QVERIFY(processed.wait(10000));
    QCOMPARE(processed.back().front().toInt(), 0);
    QVERIFY(reports.bytes.isEmpty());
}

// The pass is taken away (blank frames) and shown again: a second appearance, a second report;
// reset() (a new traveller) forgets what is in view at once.
void TestBarcodeFrameReader::leavingTheViewReportsAgain()
{
    const QImage withPass = cameraFrame(Test::renderBarcode(QStringLiteral("aztec"), kBcbp, 260, 260), 900, 100);
    BarcodeFrameReader reader(kAllFormats);
    Reports reports(reader);
    QSignalSpy processed(&reader, &BarcodeFrameReader::frameProcessed);
    QList<QImage> frames{withPass};
    for (int i = 0; i < BarcodeFrameReader::kFramesToLeave; ++i)
        frames.append(blankFrame());
    frames.append(withPass);
    for (const QImage &f : std::as_const(frames)) {
        const auto before = processed.size();
        QVERIFY(reader.submitFrame(f));
        QTRY_COMPARE_WITH_TIMEOUT(processed.size(), before + 1, 10000);
    }
    QCOMPARE(reports.bytes.size(), 2);
    QCOMPARE(reader.symbolsInView(), QList<QByteArray>{kBcbp});
    reader.reset();
    QVERIFY(reader.symbolsInView().isEmpty());
    QVERIFY(reader.submitFrame(withPass));
    QVERIFY(processed.wait(10000));
    QCOMPARE(reports.bytes.size(), 3);
}

QTEST_MAIN(TestBarcodeFrameReader)
#include "tst_barcodeframereader.moc"
