#include "scanner/ocr/mrzframereader.h"

#include <QPointer>

namespace Kiosk::Ocr {

MrzFrameReader::MrzFrameReader(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("MrzFrameReader"));
    m_worker = new QObject; // parented to no one: moved to the thread, deleted when it ends
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

MrzFrameReader::~MrzFrameReader()
{
    m_thread.quit();
    m_thread.wait();
}

void MrzFrameReader::setReferenceDate(QDate date)
{
    m_referenceDate = date;
}

bool MrzFrameReader::submitFrame(const QImage &frame)
{
    bool expected = false;
    if (!m_busy.compare_exchange_strong(expected, true)) {
        ++m_dropped;
        return false;
    }
    const ReadOptions options{m_referenceDate};
    QPointer<MrzFrameReader> self(this);
    // The lambda runs in the worker's thread (its event loop); the result comes back to this
    // object's thread the same way.
    QMetaObject::invokeMethod(m_worker, [this, self, frame, options] {
        const OcrResult result = m_recognizer.read(frame, options);
        QMetaObject::invokeMethod(self.data(), [this, self, result] {
            if (self)
                onResult(result);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
    return true;
}

void MrzFrameReader::reset()
{
    m_previous.clear();
    m_reported.clear();
}

void MrzFrameReader::onResult(const OcrResult &result)
{
    m_busy.store(false);
    Q_EMIT frameProcessed(result);
    if (!result.found) {
        m_previous.clear();
        return;
    }
    const bool report = isReportable(result, m_previous, m_reported);
    m_previous = result.lines;
    if (report) {
        m_reported = result.lines;
        Q_EMIT mrzRead(result);
    }
}

bool MrzFrameReader::isReportable(const OcrResult &current, const QStringList &previous, const QStringList &reported)
{
    if (!current.found || current.lines.isEmpty() || current.lines == reported)
        return false;
    // Issue 6 §1: it passes its check digits, or the same text was read in the frame before.
    return current.accepted || current.lines == previous;
}

} // namespace Kiosk::Ocr
