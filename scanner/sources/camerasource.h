#pragma once
// A camera (document camera over the reader slot, or a webcam for held-up passports) through
// Qt Multimedia: QCamera -> QMediaCaptureSession -> QVideoSink, frames delivered as QImage to
// the OCR and the barcode adapter. Frames are capped at maxFps here, because converting a
// frame to a QImage costs the UI thread; the recognizers drop frames while busy themselves.
// A missing camera is a status and an error value, never a crash (no camera under offscreen
// or in CI); plugging one in later starts it.
#include "scanner/sources/documentsource.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QPointer>
#include <QVideoSink>
#include <memory>
#include <optional>

class QCamera;
class QVideoFrame;

namespace Kiosk::Sources {

struct CameraSettings {
    // A device id (QCameraDevice::id) or its description, whole or a unique part of it
    // ("Logitech" picks "Logitech BRIO" when no other camera says Logitech). Empty: the
    // system's default camera.
    QString device;
    int maxFps = 10;
    // After an MRZ was read from this camera, this many recognised frames in a row with no MRZ
    // in them mean the passport was taken away. The session counts them, since
    // it is the one that runs the OCR (SessionConfig::cameraRemovedAfterFrames); 0: never.
    int removedAfterFrames = 10;
};

// What selection needs of a QCameraDevice (which tests cannot construct).
struct CameraDeviceInfo {
    QByteArray id;
    QString description;
    bool isDefault = false;
};

// The index of the device `wanted` names, in this order: exact id, exact description (any
// case), the one description containing it (any case). Empty wanted: the default device,
// else the first. Empty result: no such device, or the part matches several.
[[nodiscard]] std::optional<qsizetype> chooseCamera(const QList<CameraDeviceInfo> &devices, const QString &wanted);

// At most one frame per 1000/maxFps ms. Time is an argument.
class FrameThrottle
{
public:
    explicit FrameThrottle(int maxFps) : m_minGapMs(maxFps > 0 ? 1000 / maxFps : 0) {}
    [[nodiscard]] bool accept(qint64 nowMs);

private:
    qint64 m_minGapMs;
    std::optional<qint64> m_lastMs;
};

class CameraSource final : public DocumentSource
{
    Q_OBJECT
public:
    explicit CameraSource(CameraSettings settings, QObject *parent = nullptr);
    ~CameraSource() override;

    [[nodiscard]] SourceInfo info() const override;
    void start() override;
    void stop() override;

    // Read frames from this sink instead of a private one: a capture session has a single
    // video output, so a preview widget's sink (QVideoWidget::videoSink()) serves both the
    // screen and the recognizers. Not owned; set before start().
    void useVideoSink(QVideoSink *sink);

private:
    void tryStart();
    void onDevicesChanged();
    void onFrame(const QVideoFrame &frame);
    void releaseCamera();

    CameraSettings m_settings;
    QMediaDevices m_devices;
    // Made only when a camera is there: building a capture pipeline with no camera makes
    // some backends (GStreamer) complain on every start. Declared so that the session goes
    // before the sink it writes to.
    std::unique_ptr<QVideoSink> m_ownSink;
    QPointer<QVideoSink> m_sink;
    std::unique_ptr<QMediaCaptureSession> m_session;
    std::unique_ptr<QCamera> m_camera;
    QByteArray m_activeId;
    FrameThrottle m_throttle;
    QElapsedTimer m_monotonic;
    bool m_wanted = false;
};

} // namespace Kiosk::Sources
