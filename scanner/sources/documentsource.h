#pragma once
// One interface for every way a document reaches the kiosk: camera frames,
// serial full-page readers, keyboard-wedge readers, a scanner's drop folder and the demo
// simulator. Sources deliver RAW input only (MRZ text, frames, image files); the session wires
// them to the MRZ parser, the OCR and the barcode adapter, so this library depends on core,
// QtMultimedia and QtSerialPort only (architecture.md, dependency table).
#include "app/core/error.h"

#include <QImage>
#include <QObject>
#include <QString>

namespace Kiosk::Sources {
Q_NAMESPACE // the enums below print by name in logs, QDebug and test failures

enum class SourceKind { Camera, SerialReader, KeyboardWedge, Folder, Simulator };
Q_ENUM_NS(SourceKind)

[[nodiscard]] QString kindName(SourceKind kind); // "camera", "serial", "wedge", "folder", "simulator"

enum class SourceStatus {
    Stopped,      // not started, or stop() was called
    Running,      // delivering (camera streaming, port open, folder watched, ...)
    Reconnecting, // lost its device and retries on a timer (serial unplugged, camera gone)
    Unavailable,  // cannot run with this configuration (no camera, folder missing, ...)
    Finished,     // a simulator playlist without looping has played its last entry
};
Q_ENUM_NS(SourceStatus)

[[nodiscard]] QString statusName(SourceStatus status);

// What an image file is expected to hold; the session decides which recognizer to run.
enum class ImageContent {
    Unknown,  // a scanner drop: may be a data page or a barcode
    DataPage, // an MRZ is expected
    Barcode,  // a boarding pass or visible digital seal is expected
};
Q_ENUM_NS(ImageContent)

// Who delivered an input: enough for the session to tell the officer and to log (ids only,
// never document content: conventions.md, no personal data in logs).
struct SourceInfo {
    SourceKind kind = SourceKind::Simulator;
    QString id;          // stable, from settings: "serial:/dev/ttyUSB0", "camera:<device id>"
    QString description; // for a person: "Document reader on /dev/ttyUSB0"

    friend bool operator==(const SourceInfo &, const SourceInfo &) = default;
};

class DocumentSource : public QObject
{
    Q_OBJECT
public:
    ~DocumentSource() override;

    [[nodiscard]] virtual SourceInfo info() const = 0;
    [[nodiscard]] SourceStatus status() const { return m_status; }
    // The last error reported through errorOccurred (code empty when none since start()).
    [[nodiscard]] Error lastError() const { return m_lastError; }

    // start() and stop() never fail synchronously: a missing device or a bad port shows as
    // status() and errorOccurred(), so the session handles every failure in one place.
    virtual void start() = 0;
    virtual void stop() = 0;

Q_SIGNALS:
    // The MRZ lines of one document, joined by '\n' (2 or 3 lines of 44, 36 or 30 characters),
    // exactly as read: check digits and correction are the MRZ parser's job.
    void mrzTextRead(const QString &lines, const Kiosk::Sources::SourceInfo &source);
    // A camera frame for the OCR and the barcode adapter (they drop frames while busy).
    void frameCaptured(const QImage &frame, const Kiosk::Sources::SourceInfo &source);
    // A complete image file (data page scan, barcode picture).
    void imageFileArrived(const QString &path, Kiosk::Sources::ImageContent content,
                          const Kiosk::Sources::SourceInfo &source);
    // The document last read was taken away (the information screen clears at once).
    // Only sources that can tell send it: a serial reader whose protocol has a removal
    // line (SerialSettings::removedLine), the simulator's `removed` step. For a camera the
    // session decides, from the OCR's frames (SessionConfig::cameraRemovedAfterFrames).
    void documentRemoved(const Kiosk::Sources::SourceInfo &source);
    void statusChanged(Kiosk::Sources::SourceStatus status);
    // code: stable upper case ("SOURCE_NO_CAMERA", "SOURCE_SERIAL_OPEN_FAILED", ...).
    void errorOccurred(const QString &code, const QString &message);

protected:
    explicit DocumentSource(QObject *parent = nullptr);
    void setStatus(SourceStatus status);
    void reportError(const QString &code, const QString &message);
    void clearError() { m_lastError = {}; }

private:
    SourceStatus m_status = SourceStatus::Stopped;
    Error m_lastError;
};

} // namespace Kiosk::Sources

Q_DECLARE_METATYPE(Kiosk::Sources::SourceInfo)
