#include "scanner/sources/camerasource.h"

#include "scanner/sources/logging_p.h"

#include <QCamera>
#include <QCameraDevice>
#include <QVideoFrame>

namespace Kiosk::Sources {

std::optional<qsizetype> chooseCamera(const QList<CameraDeviceInfo> &devices, const QString &wanted)
{
    if (devices.isEmpty())
        return std::nullopt;
    const QString w = wanted.trimmed();
    if (w.isEmpty()) {
        for (qsizetype i = 0; i < devices.size(); ++i) {
            if (devices[i].isDefault)
                return i;
        }
        return 0;
    }
    for (qsizetype i = 0; i < devices.size(); ++i) {
        if (QString::fromUtf8(devices[i].id) == w)
            return i;
    }
    for (qsizetype i = 0; i < devices.size(); ++i) {
        if (devices[i].description.compare(w, Qt::CaseInsensitive) == 0)
            return i;
    }
    std::optional<qsizetype> found;
    for (qsizetype i = 0; i < devices.size(); ++i) {
        if (devices[i].description.contains(w, Qt::CaseInsensitive)) {
            if (found)
                return std::nullopt; // ambiguous: better no camera than the wrong one
            found = i;
        }
    }
    return found;
}

bool FrameThrottle::accept(qint64 nowMs)
{
    if (m_lastMs && nowMs - *m_lastMs < m_minGapMs)
        return false;
    m_lastMs = nowMs;
    return true;
}

namespace {

QList<CameraDeviceInfo> describe(const QList<QCameraDevice> &devices)
{
    QList<CameraDeviceInfo> out;
    for (const QCameraDevice &d : devices)
        out.append({d.id(), d.description(), d.isDefault()});
    return out;
}

} // namespace

CameraSource::CameraSource(CameraSettings settings, QObject *parent)
    : DocumentSource(parent), m_settings(std::move(settings)), m_throttle(m_settings.maxFps)
{
    m_monotonic.start();
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, &CameraSource::onDevicesChanged);
}

CameraSource::~CameraSource()
{
    m_wanted = false;
    releaseCamera();
}

SourceInfo CameraSource::info() const
{
    const QString which = m_activeId.isEmpty() ? m_settings.device : QString::fromUtf8(m_activeId);
    return {SourceKind::Camera, QStringLiteral("camera:") + which,
            m_settings.device.isEmpty() ? QStringLiteral("Default camera") : QStringLiteral("Camera %1").arg(m_settings.device)};
}

void CameraSource::start()
{
    if (m_wanted)
        return;
    m_wanted = true;
    clearError();
    tryStart();
}

void CameraSource::stop()
{
    m_wanted = false;
    releaseCamera();
    setStatus(SourceStatus::Stopped);
}

void CameraSource::releaseCamera()
{
    if (m_camera) {
        m_camera->stop();
        m_session->setCamera(nullptr);
        m_camera.reset();
    }
    m_activeId.clear();
}

void CameraSource::tryStart()
{
    const QList<QCameraDevice> devices = QMediaDevices::videoInputs();
    const auto index = chooseCamera(describe(devices), m_settings.device);
    if (!index) {
        if (devices.isEmpty()) {
            reportError(QStringLiteral("SOURCE_NO_CAMERA"), QStringLiteral("no camera is connected"));
        } else {
            QStringList names;
            for (const QCameraDevice &d : devices)
                names << d.description();
            reportError(QStringLiteral("SOURCE_CAMERA_NOT_FOUND"),
                        QStringLiteral("no single camera matches '%1' (connected: %2)")
                            .arg(m_settings.device, names.join(QStringLiteral(", "))));
        }
        // Waits for videoInputsChanged: plugging the camera in starts it.
        setStatus(SourceStatus::Unavailable);
        return;
    }
    const QCameraDevice &device = devices[*index];
    m_camera = std::make_unique<QCamera>(device);
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString &text) {
        if (error != QCamera::NoError)
            reportError(QStringLiteral("SOURCE_CAMERA_ERROR"), QStringLiteral("camera: %1").arg(text));
    });
    if (!m_sink) {
        m_ownSink = std::make_unique<QVideoSink>();
        useVideoSink(m_ownSink.get());
    }
    if (!m_session) {
        m_session = std::make_unique<QMediaCaptureSession>();
        m_session->setVideoSink(m_sink);
    }
    m_session->setCamera(m_camera.get());
    m_activeId = device.id();
    m_camera->start();
    qCInfo(lcSources) << "camera started";
    setStatus(SourceStatus::Running);
}

void CameraSource::useVideoSink(QVideoSink *sink)
{
    if (m_sink)
        disconnect(m_sink, &QVideoSink::videoFrameChanged, this, &CameraSource::onFrame);
    m_sink = sink;
    if (m_sink)
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &CameraSource::onFrame);
    if (m_session)
        m_session->setVideoSink(m_sink);
}

void CameraSource::onDevicesChanged()
{
    if (!m_wanted)
        return;
    const QList<QCameraDevice> devices = QMediaDevices::videoInputs();
    if (m_camera) {
        const bool stillThere = std::any_of(devices.begin(), devices.end(),
                                            [this](const QCameraDevice &d) { return d.id() == m_activeId; });
        if (stillThere)
            return;
        releaseCamera();
        reportError(QStringLiteral("SOURCE_CAMERA_LOST"), QStringLiteral("the camera was disconnected"));
        setStatus(SourceStatus::Reconnecting);
    }
    if (!devices.isEmpty())
        tryStart();
}

void CameraSource::onFrame(const QVideoFrame &frame)
{
    if (!m_wanted || !frame.isValid() || !m_throttle.accept(m_monotonic.elapsed()))
        return;
    const QImage image = frame.toImage();
    if (image.isNull())
        return;
    Q_EMIT frameCaptured(image, info());
}

} // namespace Kiosk::Sources
