#include "scanner/sources/serialdocumentreader.h"

#include "scanner/sources/logging_p.h"

#include <algorithm>

namespace Kiosk::Sources {

RetryBackoff::RetryBackoff(int initialMs, int maxMs)
    : m_initial(std::max(1, initialMs)), m_max(std::max(m_initial, maxMs)), m_next(m_initial)
{
}

int RetryBackoff::nextDelayMs()
{
    const int delay = m_next;
    m_next = m_next > m_max / 2 ? m_max : m_next * 2;
    return delay;
}

SerialDocumentReader::SerialDocumentReader(SerialSettings settings, QObject *parent)
    : DocumentSource(parent),
      m_settings(std::move(settings)),
      m_backoff(m_settings.retryInitialMs, m_settings.retryMaxMs),
      m_assembler(m_settings.lineGapMs),
      m_removed(QRegularExpression::anchoredPattern(m_settings.removedLine))
{
    m_monotonic.start();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SerialDocumentReader::tryOpen);
    connect(&m_port, &QSerialPort::readyRead, this, &SerialDocumentReader::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialDocumentReader::onPortError);
}

SerialDocumentReader::~SerialDocumentReader()
{
    m_wanted = false;
    m_port.close();
}

SourceInfo SerialDocumentReader::info() const
{
    return {SourceKind::SerialReader, QStringLiteral("serial:") + m_settings.portName,
            QStringLiteral("Document reader on %1").arg(m_settings.portName)};
}

void SerialDocumentReader::start()
{
    if (m_wanted)
        return;
    m_wanted = true;
    clearError();
    m_backoff.reset();
    tryOpen();
}

void SerialDocumentReader::stop()
{
    m_wanted = false;
    m_retryTimer.stop();
    m_port.close();
    m_splitter.reset();
    m_assembler.reset();
    setStatus(SourceStatus::Stopped);
}

void SerialDocumentReader::tryOpen()
{
    if (!m_wanted || m_port.isOpen())
        return;
    if (m_settings.portName.isEmpty()) {
        reportError(QStringLiteral("SOURCE_SETTING_INVALID"),
                    QStringLiteral("sources/serial/port is empty: no document reader configured"));
        setStatus(SourceStatus::Unavailable);
        return;
    }
    m_port.setPortName(m_settings.portName);
    m_opening = true;
    bool ok = m_port.open(QIODevice::ReadOnly);
    // Framing is applied after open: QSerialPort only writes termios on an open port.
    ok = ok && m_port.setBaudRate(m_settings.baudRate) && m_port.setDataBits(m_settings.dataBits)
         && m_port.setParity(m_settings.parity) && m_port.setStopBits(m_settings.stopBits)
         && m_port.setFlowControl(m_settings.flowControl);
    m_opening = false;
    if (!ok) {
        const QString why = m_port.errorString();
        m_port.close();
        reportError(QStringLiteral("SOURCE_SERIAL_OPEN_FAILED"),
                    QStringLiteral("cannot open document reader port %1: %2").arg(m_settings.portName, why));
        scheduleRetry();
        return;
    }
    m_port.clearError();
    ++m_openCount;
    m_backoff.reset();
    m_splitter.reset();
    m_assembler.reset();
    qCInfo(lcSources).noquote() << "serial reader open on" << m_settings.portName << m_settings.baudRate << "baud";
    setStatus(SourceStatus::Running);
}

void SerialDocumentReader::scheduleRetry()
{
    if (!m_wanted)
        return;
    const int delay = m_backoff.nextDelayMs();
    qCDebug(lcSources) << "serial reader retry in" << delay << "ms";
    setStatus(SourceStatus::Reconnecting);
    m_retryTimer.start(delay);
}

void SerialDocumentReader::onReadyRead()
{
    const QByteArray bytes = m_port.readAll();
    for (const QString &line : m_splitter.feed(bytes)) {
        if (!m_settings.removedLine.isEmpty() && m_removed.match(line).hasMatch()) {
            // The page is gone: a half-received next page must not join its lines.
            m_assembler = MrzLineAssembler(m_settings.lineGapMs);
            Q_EMIT documentRemoved(info());
            continue;
        }
        const auto step = m_assembler.addLine(line, m_monotonic.elapsed());
        if (step.fate == MrzLineAssembler::LineFate::Rejected)
            qCDebug(lcSources) << "serial reader: dropped a line of" << line.size() << "characters that is not MRZ";
        if (step.document)
            Q_EMIT mrzTextRead(*step.document, info());
    }
}

void SerialDocumentReader::onPortError(QSerialPort::SerialPortError error)
{
    if (m_opening || error == QSerialPort::NoError || error == QSerialPort::TimeoutError)
        return;
    if (!m_port.isOpen() || m_losing)
        return;
    // Unplugging a USB reader shows as ResourceError (or a failed read) on the open port.
    // Closing the port inside QSerialPort's own signal is unsafe: do it from the event loop.
    m_losing = true;
    QMetaObject::invokeMethod(this, &SerialDocumentReader::handleLost, Qt::QueuedConnection);
}

void SerialDocumentReader::handleLost()
{
    m_losing = false;
    if (!m_port.isOpen())
        return;
    const QString why = m_port.errorString();
    m_port.close();
    m_splitter.reset();
    m_assembler.reset();
    reportError(QStringLiteral("SOURCE_SERIAL_LOST"),
                QStringLiteral("document reader on %1 was lost (%2); reconnecting").arg(m_settings.portName, why));
    scheduleRetry();
}

} // namespace Kiosk::Sources
