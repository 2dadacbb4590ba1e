#pragma once
// Full-page document readers that send the MRZ over a serial port (RS-232 or USB CDC):
// each MRZ line ends with CR or CR LF, depending on the model. Port, speed and framing come
// from settings; when the reader is unplugged the port is closed and reopened on a timer
// with exponential backoff, so the kiosk recovers by itself once it is plugged back in.
#include "scanner/sources/documentsource.h"
#include "scanner/sources/mrzlineshape.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSerialPort>
#include <QTimer>

namespace Kiosk::Sources {

struct SerialSettings {
    QString portName; // "ttyUSB0", "/dev/ttyUSB0" or any device path (a symlink is fine)
    qint32 baudRate = 9600;
    QSerialPort::DataBits dataBits = QSerialPort::Data8;
    QSerialPort::Parity parity = QSerialPort::NoParity;
    QSerialPort::StopBits stopBits = QSerialPort::OneStop;
    QSerialPort::FlowControl flowControl = QSerialPort::NoFlowControl;
    int retryInitialMs = 500;  // first reconnect attempt after this
    int retryMaxMs = 30000;    // the backoff doubles up to this
    int lineGapMs = 2000;      // lines of one page further apart than this start a new page
    // A line the reader sends when the page is taken off the glass (model specific, e.g.
    // "^REMOVED$"), as a regular expression matched against the whole line. Empty: the
    // reader does not report removal.
    QString removedLine;
};

// Reconnect delays: initial, doubled on every failure, capped; reset after a success.
class RetryBackoff
{
public:
    RetryBackoff(int initialMs, int maxMs);
    [[nodiscard]] int nextDelayMs();
    void reset() { m_next = m_initial; }

private:
    int m_initial;
    int m_max;
    int m_next;
};

class SerialDocumentReader final : public DocumentSource
{
    Q_OBJECT
public:
    explicit SerialDocumentReader(SerialSettings settings, QObject *parent = nullptr);
    ~SerialDocumentReader() override;

    [[nodiscard]] SourceInfo info() const override;
    void start() override;
    void stop() override;

    [[nodiscard]] const SerialSettings &settings() const { return m_settings; }
    // How many times the port has been (re)opened since construction: tests and diagnostics.
    [[nodiscard]] int openCount() const { return m_openCount; }

private:
    void tryOpen();
    void scheduleRetry();
    void onReadyRead();
    void onPortError(QSerialPort::SerialPortError error);
    void handleLost();

    SerialSettings m_settings;
    QSerialPort m_port;
    QTimer m_retryTimer;
    RetryBackoff m_backoff;
    LineSplitter m_splitter;
    MrzLineAssembler m_assembler;
    QRegularExpression m_removed; // from removedLine; invalid pattern: never matches
    QElapsedTimer m_monotonic;
    bool m_wanted = false;  // between start() and stop()
    bool m_opening = false; // errors raised inside open() are handled by tryOpen itself
    bool m_losing = false;  // a lost-port handling is queued
    int m_openCount = 0;
};

} // namespace Kiosk::Sources
