// Blackbox tests of the MRZ recognizer over the committed corpus (tests/data/ocr), in the
// manner of zxing-cpp's blackbox tests: per tier a minimum of exact reads and a maximum of
// wrong reads that passed their check digits (zero: a valid-looking misread is the worst
// outcome). Images with no MRZ must yield nothing. Raise the minimums as the recognizer
// improves; never lower them to make a change pass.
#include "scanner/ocr/glyphnet_p.h"
#include "scanner/ocr/mrzrecognizer.h"
#include "scanner/ocr/mrzrecognizer_p.h"
#include "scanner/ocr/ocrjson.h"
#include "tests/support/ocrcorpus.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTextStream>

using namespace Kiosk::Ocr;

namespace {

const QString kCorpus = QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/ocr");
const QDate kToday(2026, 3, 1);

struct Truth
{
    QString file;
    QString tier;
    QString layout;
    QStringList lines;
};

QList<Truth> loadTruth()
{
    QList<Truth> out;
    QFile f(kCorpus + QStringLiteral("/truth.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QTextStream ts(&f);
    while (!ts.atEnd()) {
        const QStringList cols = ts.readLine().split(u'\t');
        if (cols.size() != 4)
            continue;
        out.append({cols[0], cols[1], cols[2], cols[3].isEmpty() ? QStringList() : cols[3].split(u'|')});
    }
    return out;
}

} // namespace

class TstMrzRecognizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tier_data();
    void tier();
    void noMrz();
    void emptyAndTinyImages();
    void resolutions_data();
    void resolutions();
    void resultShape();
    void nameShape_data();
    void nameShape();
    void shippedNetwork();
    void networkFileRejected_data();
    void networkFileRejected();

private:
    MrzRecognizer m_recognizer;
    QList<Truth> m_truth;
};

void TstMrzRecognizer::initTestCase()
{
    m_truth = loadTruth();
    QVERIFY2(m_truth.size() >= 300, qPrintable(QStringLiteral("corpus truth.tsv has %1 rows").arg(m_truth.size())));
}

void TstMrzRecognizer::tier_data()
{
    QTest::addColumn<QString>("tier");
    QTest::addColumn<int>("minExact");     // of 100 images per tier
    QTest::addColumn<int>("maxWrongValid"); // wrong text accepted as valid

    // The targets are 99.5 / 99 / 95 %. These minimums are what the recognizer holds
    // on the committed set (raise them as it improves, never lower them to pass). Zero
    // wrong-but-valid reads is the hard line.
    QTest::newRow("clean: straight, sharp, 150-200 dpi") << QStringLiteral("clean") << 100 << 0;
    QTest::newRow("ordinary: rotated, upside down, blur, shadow") << QStringLiteral("ordinary") << 100 << 0;
    QTest::newRow("hard: 15 deg, perspective, glare, low resolution") << QStringLiteral("hard") << 94 << 0;
}

void TstMrzRecognizer::tier()
{
    QFETCH(QString, tier);
    QFETCH(int, minExact);
    QFETCH(int, maxWrongValid);
    int total = 0, exact = 0, wrongValid = 0, missed = 0;
    QStringList failures;
    for (const Truth &t : std::as_const(m_truth)) {
        if (t.tier != tier || t.layout == QStringLiteral("none"))
            continue;
        ++total;
        const QImage img(kCorpus + u'/' + t.file);
        QVERIFY2(!img.isNull(), qPrintable(t.file));
        const OcrResult r = m_recognizer.read(img, ReadOptions{kToday});
        if (r.accepted && r.lines == t.lines) {
            ++exact;
            continue;
        }
        if (r.accepted)
            ++wrongValid;
        else
            ++missed;
        failures << QStringLiteral("%1: %2 %3").arg(t.file, r.accepted ? QStringLiteral("WRONG-VALID") : QStringLiteral("missed"), r.lines.join(u'|'));
    }
    qInfo("%s: %d images, %d exact, %d missed, %d wrong but valid", qPrintable(tier), total, exact, missed, wrongValid);
    for (const QString &f : std::as_const(failures))
        qInfo("  %s", qPrintable(f));
    QVERIFY(total >= 100);
    QVERIFY2(exact >= minExact, qPrintable(QStringLiteral("%1 exact reads, want >= %2").arg(exact).arg(minExact)));
    QVERIFY2(wrongValid <= maxWrongValid, qPrintable(QStringLiteral("%1 wrong reads passed the check digits").arg(wrongValid)));
}

void TstMrzRecognizer::noMrz()
{
    int total = 0;
    for (const Truth &t : std::as_const(m_truth)) {
        if (t.layout != QStringLiteral("none"))
            continue;
        ++total;
        const OcrResult r = m_recognizer.read(QImage(kCorpus + u'/' + t.file), ReadOptions{kToday});
        QVERIFY2(!r.found, qPrintable(QStringLiteral("%1: found %2").arg(t.file, r.lines.join(u'|'))));
        QVERIFY2(!r.accepted && !r.mrz, qPrintable(t.file));
    }
    QVERIFY(total >= 20);
}

void TstMrzRecognizer::resolutions_data()
{
    // 120-600 dpi equivalent. The same clean pages of the five layouts, rendered
    // by the corpus generator (seed 31) into frames of these sizes.
    QTest::addColumn<QSize>("frame");
    QTest::addColumn<int>("minExact"); // of 10
    QTest::newRow("flatbed scan, about 600 dpi (3000 x 2100)") << QSize(3000, 2100) << 10;
    QTest::newRow("document camera, 1280 x 720") << QSize(1280, 720) << 10;
    QTest::newRow("old webcam, 640 x 480 (about 120 dpi on the page)") << QSize(640, 480) << 9;
}

void TstMrzRecognizer::resolutions()
{
    QFETCH(QSize, frame);
    QFETCH(int, minExact);
    constexpr std::array<Kiosk::OcrCorpus::Layout, 5> layouts{Kiosk::OcrCorpus::Layout::TD3, Kiosk::OcrCorpus::Layout::TD1, Kiosk::OcrCorpus::Layout::TD2,
                                                              Kiosk::OcrCorpus::Layout::MRVA, Kiosk::OcrCorpus::Layout::MRVB};
    int exact = 0, wrongValid = 0;
    for (int i = 0; i < 10; ++i) {
        Kiosk::OcrCorpus::Options o;
        o.tier = Kiosk::OcrCorpus::Tier::Clean;
        o.layout = layouts[static_cast<std::size_t>(i) % layouts.size()];
        o.frame = frame;
        const Kiosk::OcrCorpus::Sample s = Kiosk::OcrCorpus::generate(31ULL * 1000003ULL + static_cast<quint64>(i), o);
        QCOMPARE(s.image.size(), frame);
        const OcrResult r = m_recognizer.read(s.image, ReadOptions{kToday});
        const bool valid = r.mrz && r.mrz->valid;
        exact += valid && r.lines == s.lines ? 1 : 0;
        wrongValid += valid && r.lines != s.lines ? 1 : 0;
    }
    QVERIFY2(exact >= minExact, qPrintable(QStringLiteral("%1 exact reads of 10, want >= %2").arg(exact).arg(minExact)));
    QCOMPARE(wrongValid, 0);
}

void TstMrzRecognizer::emptyAndTinyImages()
{
    QVERIFY(!m_recognizer.read(QImage(), {}).found);
    QImage tiny(3, 2, QImage::Format_RGB32);
    tiny.fill(Qt::white);
    QVERIFY(!m_recognizer.read(tiny, {}).found);
    QImage flat(1280, 720, QImage::Format_Grayscale8);
    flat.fill(128);
    QVERIFY(!m_recognizer.read(flat, {}).found);
}

void TstMrzRecognizer::resultShape()
{
    // The first clean TD3: lines, per-character confidence, the quad and the JSON keys.
    const auto it = std::find_if(m_truth.cbegin(), m_truth.cend(), [](const Truth &t) {
        return t.tier == QStringLiteral("clean") && t.layout == QStringLiteral("TD3");
    });
    QVERIFY(it != m_truth.cend());
    const QImage img(kCorpus + u'/' + it->file);
    const OcrResult r = m_recognizer.read(img, ReadOptions{kToday});
    QVERIFY(r.found && r.accepted);
    QCOMPARE(r.lines, it->lines);
    QCOMPARE(r.confidence.size(), 2);
    QCOMPARE(r.confidence[0].size(), 44);
    QVERIFY(r.minConfidence(0) > 0.3f && r.minConfidence(0) <= 1.0f);
    QCOMPARE(r.quad.size(), 4);
    // The zone lies in the lower part of the page, inside the image, wider than tall.
    for (const QPointF &p : r.quad)
        QVERIFY(QRectF(img.rect()).contains(p));
    QVERIFY(QLineF(r.quad[0], r.quad[1]).length() > 5 * QLineF(r.quad[1], r.quad[2]).length());
    QVERIFY(r.mrz && r.mrz->valid);

    const QJsonObject j = toJson(r, QStringLiteral("x.jpg"));
    QCOMPARE(j.keys(), (QStringList{QStringLiteral("confidence"), QStringLiteral("file"), QStringLiteral("found"),
                                    QStringLiteral("lines"), QStringLiteral("mrz"), QStringLiteral("ms"), QStringLiteral("quad")}));
    QCOMPARE(j.value(QStringLiteral("lines")).toArray().size(), 2);
    QCOMPARE(j.value(QStringLiteral("quad")).toArray().size(), 4);
    QCOMPARE(j.value(QStringLiteral("mrz")).toObject().value(QStringLiteral("valid")).toBool(), true);
    QCOMPARE(toJson(OcrResult{}, QStringLiteral("y.jpg")).value(QStringLiteral("mrz")).isNull(), true);
}

void TstMrzRecognizer::nameShape_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("plausible");
    QTest::newRow("surname and given names") << "NGUYEN<<TOMAS<ANNA<<<<<<<<" << true;
    QTest::newRow("surname only") << "OKONKWO<<<<<<<<<<<<" << true;
    QTest::newRow("two-part surname") << "VAN<DER<BERG<<ELIF<<<<<" << true;
    QTest::newRow("truncated to the last position") << "WILLIAMSON<<ELIFANNAMARIA" << true;
    QTest::newRow("one filler to spare") << "WILLIAMSON<<ELIFANNAMARI<" << true;
    QTest::newRow("letters after the fillers (misread filler)") << "OZTURK<<<<<<<<<<<<<<EEE" << false;
    QTest::newRow("two letters at the end of a short name") << "OKONKWO<<<<<<<<<<<<SS" << false;
    QTest::newRow("third name block after fillers") << "NGUYEN<<TOMAS<<ANNA<<<<" << false;
    QTest::newRow("starts with a filler") << "<NGUYEN<<TOMAS<<<<" << false;
    QTest::newRow("a digit in the name") << "NGUY3N<<TOMAS<<<<" << false;
    QTest::newRow("all fillers") << "<<<<<<<<<<" << false;
}

void TstMrzRecognizer::nameShape()
{
    QFETCH(QString, field);
    QFETCH(bool, plausible);
    QCOMPARE(detail::namePlausible(field), plausible);
}

void TstMrzRecognizer::shippedNetwork()
{
    // The embedded model file parses, round-trips byte for byte, and is the shape the
    // recognizer feeds (18 x 24 cells, 37 classes).
    const auto &net = detail::GlyphNet::instance();
    QVERIFY2(net.available(), "scanner/ocr/data/glyphnet.bin was not embedded or does not parse");
    QCOMPARE(net.weights().w1.cols, detail::kFeatureSize);
    QCOMPARE(net.weights().w2.rows, detail::kClassCount);
    const QByteArray bytes = net.weights().toBytes();
    const auto again = detail::GlyphNetWeights::fromBytes({reinterpret_cast<const unsigned char *>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
    QCOMPARE(again.toBytes(), bytes);
    // Log-probabilities: each row's probabilities sum to one.
    cv::Mat x(2, detail::kFeatureSize, CV_32F, cv::Scalar(0.01f));
    const cv::Mat lp = net.weights().logProbs(x);
    cv::Mat p;
    cv::exp(lp, p);
    QCOMPARE(lp.cols, detail::kClassCount);
    QVERIFY(std::abs(cv::sum(p.row(0))[0] - 1.0) < 1e-4);
}

void TstMrzRecognizer::networkFileRejected_data()
{
    const auto &net = detail::GlyphNet::instance();
    const QByteArray good = net.weights().toBytes();
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("wrong magic") << QByteArray("XGN1").append(good.mid(4));
    QTest::newRow("truncated by one byte") << good.left(good.size() - 1);
    QTest::newRow("one byte too many") << QByteArray(good).append('\0');
    QByteArray wrongInput = good;
    wrongInput[4] = 7; // input size 7 instead of 432
    QTest::newRow("input size is not the cell size") << wrongInput;
}

void TstMrzRecognizer::networkFileRejected()
{
    QFETCH(QByteArray, bytes);
    const auto w = detail::GlyphNetWeights::fromBytes({reinterpret_cast<const unsigned char *>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
    QVERIFY(w.w1.empty());
}

QTEST_MAIN(TstMrzRecognizer)
#include "tst_mrzrecognizer.moc"
