// CheckpointSession with a camera attached: every frame goes to the MRZ recognizer AND to the
// barcode adapter, both off the UI thread and dropping frames while busy. A
// boarding pass or seal held to the camera becomes a case as one from a handheld scanner does,
// once, however many frames show it; a data page still becomes its MRZ case.
// Frames are 1280x720 with real symbols (ZXing's writer, tests/support/vdsissuer) and a real
// OCR-B data page (tests/support/ocrcorpus).
#include "app/session/checkpointsession.h"
#include "scanner/barcode/barcodeframereader.h"
#include "scanner/ocr/mrzframereader.h"
#include "scanner/sources/documentsource.h"
#include "sessiontestbackend.h"
#include "tests/support/ocrcorpus.h"
#include "tests/support/vdsissuer.h"

#include <QPainter>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Session;

namespace {

// A synthetic boarding pass (IATA Resolution 792): SPECIMEN/ANNA, J2 63 GYD-IST.
const QByteArray kBcbp = "M1SPECIMEN/ANNA       EZX9Q7T GYDISTJ2 0063 072Y014C0042 100";

// What the camera source does, without a camera: frames on demand.
class TestCamera final : public Sources::DocumentSource
{
public:
    [[nodiscard]] Sources::SourceInfo info() const override
    {
        return {Sources::SourceKind::Camera, QStringLiteral("camera:test"), QStringLiteral("Test camera")};
    }
    void start() override { setStatus(Sources::SourceStatus::Running); }
    void stop() override { setStatus(Sources::SourceStatus::Stopped); }
    void show(const QImage &frame) { Q_EMIT frameCaptured(frame, info()); }
};

// A clean TD3 data page filling a 1280x720 frame (the OCR reads it in one frame).
OcrCorpus::Sample cleanTd3Page()
{
    OcrCorpus::Options o;
    o.tier = OcrCorpus::Tier::Clean;
    o.layout = OcrCorpus::Layout::TD3;
    o.frame = QSize(1280, 720);
    return OcrCorpus::generate(7, o);
}

QImage inCameraFrame(const QImage &symbol)
{
    return Test::placedInFrame(symbol, 1280, 720, 340, 260).convertToFormat(QImage::Format_RGB32);
}

// A signed-in console on a backend with no data, a camera attached.
struct CameraSession
{
    FixedClock clock{QDateTime(QDate(2026, 11, 29), QTime(6, 0), QTimeZone::utc())};
    std::unique_ptr<CheckpointSession> session;
    TestCamera camera;
    QStringList problems;
    QList<quint64> caseNumbers; // one entry per caseChanged

    explicit CameraSession(SessionConfig config = {})
    {
        OperatorDirectory officers;
        (void)officers.add(QStringLiteral("OF-1001"), QStringLiteral("Officer One"), u"2468", 1000);
        session = std::make_unique<CheckpointSession>(config, clock, std::move(officers), std::make_unique<NoDataBackend>());
        (void)session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468"));
        session->attachSource(&camera);
        QObject::connect(session.get(), &CheckpointSession::problem, session.get(),
                         [this](const QString &code, const QString &) { problems.append(code); });
        QObject::connect(session.get(), &CheckpointSession::caseChanged, session.get(),
                         [this](const Case &c) { caseNumbers.append(c.number); });
    }
    // The readers the session made for the camera (at its first frame).
    [[nodiscard]] Barcode::BarcodeFrameReader *barcodes() const { return session->findChild<Barcode::BarcodeFrameReader *>(); }
    [[nodiscard]] Ocr::MrzFrameReader *mrz() const { return session->findChild<Ocr::MrzFrameReader *>(); }
    [[nodiscard]] bool idle() const { return barcodes() && mrz() && !barcodes()->isBusy() && !mrz()->isBusy(); }
    [[nodiscard]] QStringList barcodeProblems() const { return problems.filter(QStringLiteral("BARCODE")); }
};

// Shows `frame` and waits until both readers have handled it: no frame is dropped.
#define SHOW_AND_WAIT(s, frame)                                                                    \
    do {                                                                                           \
        (s).camera.show(frame);                                                                    \
        QVERIFY((s).barcodes() != nullptr && (s).mrz() != nullptr);                               \
        QTRY_VERIFY_WITH_TIMEOUT((s).idle(), 20000);                                               \
    } while (false)

} // namespace

class TestCheckpointSessionCamera : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void barcodeHeldToTheCameraOpensOneCase_data();
    void barcodeHeldToTheCameraOpensOneCase();
    void framesArrivingWhileBusyAreDropped();
    void dataPageStillGivesTheMrzCase();
    void passTuckedInThePassportJoinsItsCase();
    void passportTakenFromTheCameraIsARemoval();

private:
    std::optional<Test::VdsAuthority> m_authority;
    QByteArray m_seal;
};

void TestCheckpointSessionCamera::initTestCase()
{
    auto authority = Test::VdsAuthority::create();
    QVERIFY(authority.has_value());
    m_authority.emplace(std::move(*authority));
    auto seal = Test::writeVisaSeal(Test::specimenVisa(), *m_authority);
    QVERIFY(seal.has_value());
    m_seal = *seal;
}

void TestCheckpointSessionCamera::barcodeHeldToTheCameraOpensOneCase_data()
{
    QTest::addColumn<QString>("symbology");
    QTest::newRow("paper boarding pass (PDF417)") << "pdf417";
    QTest::newRow("mobile boarding pass (Aztec)") << "aztec";
    QTest::newRow("visa seal (DataMatrix)") << "datamatrix";
}

// 20 identical frames (the pass held still for about a second): one case, opened at the first
// frame, never re-opened or re-sent.
void TestCheckpointSessionCamera::barcodeHeldToTheCameraOpensOneCase()
{
    QFETCH(QString, symbology);
    const bool seal = symbology == u"datamatrix";
    const QImage frame = inCameraFrame(seal ? Test::renderDataMatrix(m_seal, 4, 4)
                                            : Test::renderBarcode(symbology, kBcbp, symbology == u"pdf417" ? 600 : 260,
                                                                  symbology == u"pdf417" ? 200 : 260));
    CameraSession s;
    s.session->setVdsTrustStore(m_authority->trustStore());
    SHOW_AND_WAIT(s, frame);
    QCOMPARE(s.caseNumbers.size(), 1);
    const Case *c = s.session->currentCase();
    QVERIFY(c != nullptr);
    QCOMPARE(c->input, InputKind::Barcode);
    QVERIFY(!c->document.has_value()); // a barcode alone asks for the passport
    if (seal) {
        QVERIFY(c->seal.has_value());
        QCOMPARE(c->seal->signature, SealSignature::Valid);
    } else {
        QVERIFY(c->boardingPass.has_value());
        QCOMPARE(c->boardingPass->flight, QStringLiteral("J2 63"));
        QCOMPARE(c->boardingPass->from, QStringLiteral("GYD"));
    }
    for (int i = 2; i <= 20; ++i)
        SHOW_AND_WAIT(s, frame);
    QCOMPARE(s.barcodes()->droppedFrames(), 0); // all 20 were decoded ...
    QCOMPARE(s.caseNumbers.size(), 1);          // ... and made one case
    QCOMPARE(s.session->currentCase()->number, c->number);
    QCOMPARE(s.problems, QStringList{});
}

// A camera delivers 30 frames a second whatever the readers are doing: frames that come while
// a reader is busy are dropped and counted, never queued; the one frame taken is the case.
void TestCheckpointSessionCamera::framesArrivingWhileBusyAreDropped()
{
    const QImage frame = inCameraFrame(Test::renderBarcode(QStringLiteral("pdf417"), kBcbp, 600, 200));
    CameraSession s;
    for (int i = 0; i < 20; ++i)
        s.camera.show(frame); // no event loop in between: both readers stay busy
    QVERIFY(s.barcodes() != nullptr && s.mrz() != nullptr);
    QCOMPARE(s.barcodes()->droppedFrames(), 19);
    QCOMPARE(s.mrz()->droppedFrames(), 19);
    QTRY_VERIFY_WITH_TIMEOUT(s.idle(), 20000);
    QTest::qWait(200); // a queued frame would show up here as a second decode
    QVERIFY(s.idle());
    QCOMPARE(s.caseNumbers.size(), 1);
    QVERIFY(s.session->currentCase()->boardingPass.has_value());
    // Free again: the next frame is taken, and the pass still in view is not a new case.
    SHOW_AND_WAIT(s, frame);
    QCOMPARE(s.barcodes()->droppedFrames(), 19);
    QCOMPARE(s.caseNumbers.size(), 1);
}

// No regression: a frame with a data page and no barcode gives the MRZ case, and the barcode
// adapter, which sees the same frames, adds neither a case nor a problem.
void TestCheckpointSessionCamera::dataPageStillGivesTheMrzCase()
{
    const OcrCorpus::Sample page = cleanTd3Page();
    QCOMPARE(page.lines.size(), 2);
    CameraSession s;
    // The MRZ reader reports a read that passes its check digits at once, else the second
    // frame with the same text: three frames are enough.
    for (int i = 0; i < 3 && s.caseNumbers.isEmpty(); ++i)
        SHOW_AND_WAIT(s, page.image);
    QCOMPARE(s.caseNumbers.size(), 1);
    const Case *c = s.session->currentCase();
    QVERIFY(c != nullptr && c->document.has_value());
    QCOMPARE(c->input, InputKind::Reader);
    QCOMPARE(c->document->documentNumber, page.lines[1].left(9).remove(u'<'));
    QVERIFY(!c->boardingPass.has_value() && !c->seal.has_value());
    QCOMPARE(s.barcodes()->droppedFrames(), 0); // the barcode adapter saw every frame ...
    QCOMPARE(s.barcodeProblems(), QStringList{}); // ... and found nothing to say
}

// A boarding pass tucked in the passport: both in every frame. The barcode worker is the faster
// and reports first (a case asking for the passport); the MRZ then opens the passport's case,
// and the pass, still in view, must end up in it, whatever order the two workers finish in.
void TestCheckpointSessionCamera::passTuckedInThePassportJoinsItsCase()
{
    OcrCorpus::Options o;
    o.frame = QSize(1280, 720);
    const OcrCorpus::Sample page = OcrCorpus::generate(7, o);
    QImage frame = page.image.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&frame);
    painter.drawImage(560, 250, Test::renderBarcode(QStringLiteral("pdf417"), kBcbp, 420, 140)); // above the MRZ
    painter.end();
    CameraSession s;
    for (int i = 0; i < 3 && !(s.session->currentCase() && s.session->currentCase()->document); ++i)
        SHOW_AND_WAIT(s, frame);
    const Case *c = s.session->currentCase();
    QVERIFY(c != nullptr && c->document.has_value());
    QCOMPARE(c->document->documentNumber, page.lines[1].left(9).remove(u'<'));
    QVERIFY(c->boardingPass.has_value());
    QCOMPARE(c->boardingPass->flight, QStringLiteral("J2 63"));
    const quint64 passportCase = c->number;
    QVERIFY(QSet<quint64>(s.caseNumbers.begin(), s.caseNumbers.end()).size() <= 2); // the pass's own, then the passport's
    // Held there: nothing more happens.
    const auto changes = s.caseNumbers.size();
    for (int i = 0; i < 5; ++i)
        SHOW_AND_WAIT(s, frame);
    QCOMPARE(s.caseNumbers.size(), changes);
    QCOMPARE(s.session->currentCase()->number, passportCase);
    QCOMPARE(s.barcodeProblems(), QStringList{});
}

// Removal by camera: after a read, N recognised frames in a row without an MRZ
// are "passport taken away", once. Frames without an MRZ before any read are not a removal;
// fewer than N are not either. The same passport laid down again is a new read.
void TestCheckpointSessionCamera::passportTakenFromTheCameraIsARemoval()
{
    const OcrCorpus::Sample page = cleanTd3Page();
    QImage empty(1280, 720, QImage::Format_RGB32);
    empty.fill(QColor(200, 190, 170)); // the reader's empty glass
    SessionConfig config;
    config.cameraRemovedAfterFrames = 3;
    CameraSession s(config);
    QSignalSpy removed(s.session.get(), &CheckpointSession::documentRemoved);
    for (int i = 0; i < 5; ++i)
        SHOW_AND_WAIT(s, empty);
    QCOMPARE(removed.size(), 0); // nothing was read yet: nothing to take away
    for (int i = 0; i < 3 && s.caseNumbers.isEmpty(); ++i)
        SHOW_AND_WAIT(s, page.image);
    QCOMPARE(s.caseNumbers.size(), 1);
    SHOW_AND_WAIT(s, empty);
    SHOW_AND_WAIT(s, empty);
    SHOW_AND_WAIT(s, page.image); // still there after all (a hand passed over it)
    SHOW_AND_WAIT(s, empty);
    SHOW_AND_WAIT(s, empty);
    QCOMPARE(removed.size(), 0); // never 3 in a row
    SHOW_AND_WAIT(s, empty);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), CheckpointSession::tr("camera (OCR)"));
    QVERIFY(s.session->currentCase() != nullptr); // the console keeps its case
    for (int i = 0; i < 5; ++i)
        SHOW_AND_WAIT(s, empty);
    QCOMPARE(removed.size(), 1); // once per removal
    for (int i = 0; i < 3 && s.caseNumbers.size() == 1; ++i)
        SHOW_AND_WAIT(s, page.image);
    QCOMPARE(s.caseNumbers.size(), 2); // laid down again: read again
    QCOMPARE(s.mrz()->droppedFrames(), 0); // every frame above was counted
}

QTEST_MAIN(TestCheckpointSessionCamera)
#include "tst_checkpointsessioncamera.moc"
