#pragma once
// Camera frames to MRZ reads. Frames are recognised on a worker thread, never
// on the UI thread; while the recognizer is busy a new frame is dropped, not queued (a queue
// would only add latency: the next frame is newer anyway). A read is reported when it passes
// its check digits (OcrResult::accepted), or when the same text is read in two successive
// frames; the same text is not reported twice in a row.
#include "app/core/droppingworker.h"
#include "scanner/ocr/mrzrecognizer.h"

#include <QDate>
#include <QImage>
#include <QObject>

namespace Kiosk::Ocr {

class MrzFrameReader : public QObject
{
    Q_OBJECT
public:
    explicit MrzFrameReader(QObject *parent = nullptr);
    ~MrzFrameReader() override;

    void setReferenceDate(QDate date);

    // Offers a frame. Returns false, and drops the frame, while the previous one is still
    // being recognised.
    bool submitFrame(const QImage &frame);

    [[nodiscard]] bool isBusy() const { return m_worker.isBusy(); }
    [[nodiscard]] int droppedFrames() const { return m_worker.dropped(); }

    // Forget the last text (a new document is presented).
    void reset();

    // The reporting rule, as a pure function: report `current` given the text of the frame
    // before it and the text last reported.
    [[nodiscard]] static bool isReportable(const OcrResult &current, const QStringList &previous, const QStringList &reported);

Q_SIGNALS:
    // A read to act on (see the class comment).
    void mrzRead(const Kiosk::Ocr::OcrResult &result);
    // Every recognised frame, read or not (for an overlay of the quad).
    void frameProcessed(const Kiosk::Ocr::OcrResult &result);

private:
    void onResult(const Kiosk::Ocr::OcrResult &result);

    MrzRecognizer m_recognizer; // const after construction: shared with the worker thread
    QDate m_referenceDate;
    QStringList m_previous; // the text of the last recognised frame
    QStringList m_reported; // the text last reported
    // Last member: destroyed first, so a running read finishes before the recognizer goes.
    DroppingWorker m_worker{QStringLiteral("MrzFrameReader")};
};

} // namespace Kiosk::Ocr

Q_DECLARE_METATYPE(Kiosk::Ocr::OcrResult)
