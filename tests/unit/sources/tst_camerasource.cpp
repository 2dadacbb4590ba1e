// The camera source: which device a setting names (pure, on described devices), the frame
// cap (time passed in), and a clean "no camera" where there is none (offscreen, CI).
#include "scanner/sources/camerasource.h"

#include <QCameraDevice>
#include <QMediaDevices>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <QSignalSpy>
#include <QTest>

using namespace Kiosk::Sources;

class TestCameraSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void choose_data();
    void choose();
    void throttleCapsTheFrameRate();
    void noCameraIsReportedCleanly();
    void sinkFramesBecomeImages();
};

void TestCameraSource::choose_data()
{
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<int>("index"); // -1: none
    QTest::newRow("empty picks the default, not the first") << QString() << 1;
    QTest::newRow("exact id") << QStringLiteral("/dev/video2") << 2;
    QTest::newRow("exact description, other case") << QStringLiteral("integrated camera") << 0;
    QTest::newRow("unique part of a description") << QStringLiteral("brio") << 1;
    QTest::newRow("part shared by two cameras is ambiguous") << QStringLiteral("Logitech") << -1;
    QTest::newRow("no such camera") << QStringLiteral("Sony") << -1;
    QTest::newRow("surrounding blanks ignored") << QStringLiteral("  /dev/video0 ") << 0;
}

void TestCameraSource::choose()
{
    QFETCH(QString, wanted);
    QFETCH(int, index);
    const QList<CameraDeviceInfo> devices{
        {"/dev/video0", QStringLiteral("Integrated Camera"), false},
        {"/dev/video1", QStringLiteral("Logitech BRIO"), true},
        {"/dev/video2", QStringLiteral("Logitech C920"), false},
    };
    const auto chosen = chooseCamera(devices, wanted);
    QCOMPARE(chosen.value_or(-1), qsizetype(index));
    QVERIFY(!chooseCamera({}, QString()));
    QCOMPARE(chooseCamera({{"x", QStringLiteral("Only"), false}}, QString()), std::optional<qsizetype>(0));
}

void TestCameraSource::throttleCapsTheFrameRate()
{
    FrameThrottle throttle(10); // one frame per 100 ms
    QList<qint64> accepted;
    for (qint64 t = 0; t <= 1000; t += 33) // a 30 fps camera for a second
        if (throttle.accept(t))
            accepted << t;
    QCOMPARE(accepted, (QList<qint64>{0, 132, 264, 396, 528, 660, 792, 924}));
    FrameThrottle unlimited(0);
    QVERIFY(unlimited.accept(5));
    QVERIFY(unlimited.accept(5));
}

void TestCameraSource::noCameraIsReportedCleanly()
{
    if (!QMediaDevices::videoInputs().isEmpty())
        QSKIP("this machine has a camera: the no-camera path cannot be shown here");
    CameraSource camera({.device = QStringLiteral("Document Camera"), .maxFps = 10});
    QSignalSpy errors(&camera, &DocumentSource::errorOccurred);
    QSignalSpy frames(&camera, &DocumentSource::frameCaptured);
    camera.start();
    QCOMPARE(camera.status(), SourceStatus::Unavailable);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("SOURCE_NO_CAMERA"));
    QCOMPARE(camera.info().kind, SourceKind::Camera);
    camera.stop();
    QCOMPARE(camera.status(), SourceStatus::Stopped);
    camera.start(); // and again: no leak of state between runs
    QCOMPARE(camera.status(), SourceStatus::Unavailable);
    QCOMPARE(frames.size(), 0);
}

void TestCameraSource::sinkFramesBecomeImages()
{
    // A preview widget's sink stands in for a camera: frames set on it reach frameCaptured
    // as QImages, only while the source is started.
    QVideoSink sink;
    CameraSource camera({.device = QString(), .maxFps = 0});
    camera.useVideoSink(&sink);
    QSignalSpy frames(&camera, &DocumentSource::frameCaptured);

    // A new frame each time: the sink ignores a frame equal to the one it holds.
    const auto redFrame = [] {
        QVideoFrame frame(QVideoFrameFormat(QSize(64, 48), QVideoFrameFormat::Format_BGRA8888));
        if (!frame.map(QVideoFrame::WriteOnly))
            return QVideoFrame();
        for (int y = 0; y < 48; ++y) {
            uchar *row = frame.bits(0) + y * frame.bytesPerLine(0);
            for (int x = 0; x < 64; ++x) {
                row[4 * x + 0] = 0;   // blue
                row[4 * x + 1] = 0;   // green
                row[4 * x + 2] = 255; // red
                row[4 * x + 3] = 255;
            }
        }
        frame.unmap();
        return frame;
    };
    QVERIFY(redFrame().isValid());

    sink.setVideoFrame(redFrame());
    QCOMPARE(frames.size(), 0); // not started
    camera.start();
    sink.setVideoFrame(redFrame());
    QCOMPARE(frames.size(), 1);
    const QImage image = frames.at(0).at(0).value<QImage>();
    QCOMPARE(image.size(), QSize(64, 48));
    QCOMPARE(QColor(image.pixel(10, 10)), QColor(Qt::red));
    camera.stop();
    sink.setVideoFrame(redFrame());
    QCOMPARE(frames.size(), 1);
}

QTEST_MAIN(TestCameraSource)
#include "tst_camerasource.moc"
