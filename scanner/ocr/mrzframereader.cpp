#include "scanner/ocr/mrzframereader.h"

namespace Kiosk::Ocr {

MrzFrameReader::MrzFrameReader(QObject *parent)
    : QObject(parent)
{
}

MrzFrameReader::~MrzFrameReader() = default;

void MrzFrameReader::setReferenceDate(QDate date)
{
    m_referenceDate = date;
}

bool MrzFrameReader::submitFrame(const QImage &frame)
{
    const ReadOptions options{m_referenceDate};
    // The read runs on the worker thread; the result comes back on this object's thread.
    return m_worker.offer([this, frame, options] { return m_recognizer.read(frame, options); },
                          [this](const OcrResult &result) { onResult(result); });
}

void MrzFrameReader::reset()
{
    m_previous.clear();
    m_reported.clear();
}

void MrzFrameReader::onResult(const OcrResult &result)
{
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
    // A read is reported when it passes its check digits, or the same text was read in the frame before.
    return current.accepted || current.lines == previous;
}

} // namespace Kiosk::Ocr
