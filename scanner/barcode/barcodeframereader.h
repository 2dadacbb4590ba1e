#pragma once
// Camera frames to barcodes ("frames to the recognizer and to the barcode
// adapter"). Frames are decoded on a worker thread, never on the UI thread; while a frame is
// being decoded a new one is dropped, not queued (the same rule as the MRZ reader,
// through the same Kiosk::DroppingWorker).
//
// A camera sees the same boarding pass or seal in frame after frame: a symbol is reported once
// when it comes into view and not again until it has left the view (absent from
// kFramesToLeave processed frames in a row) or a different symbol has appeared in its place.
#include "app/core/droppingworker.h"
#include "scanner/barcode/barcodereader.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QList>
#include <QObject>

namespace Kiosk::Barcode {

class BarcodeFrameReader : public QObject
{
    Q_OBJECT
public:
    // Processed frames without a symbol after which it has left the view. One missed decode
    // (motion blur, a glare spot) must not make a steady symbol "new" again.
    static constexpr int kFramesToLeave = 5;

    // Each symbol's bytes, and the processed frames in a row it has been absent from.
    using InView = QHash<QByteArray, int>;

    explicit BarcodeFrameReader(Formats formats, QObject *parent = nullptr);
    ~BarcodeFrameReader() override;

    // Offers a frame. Returns false, and drops the frame, while the previous one is still
    // being decoded.
    bool submitFrame(const QImage &frame);

    [[nodiscard]] bool isBusy() const { return m_worker.isBusy(); }
    [[nodiscard]] int droppedFrames() const { return m_worker.dropped(); }

    // Forget what is in view: every symbol in the next frame is reported again.
    void reset() { m_inView.clear(); }
    // The bytes of the symbols in view now (reported, not yet left), in no particular order.
    [[nodiscard]] QList<QByteArray> symbolsInView() const { return m_inView.keys(); }

    // The reporting rule, as a pure function: the symbols of one decoded frame to report,
    // given what was in view before; `inView` is updated for the next frame.
    [[nodiscard]] static QList<Symbol> newInView(const QList<Symbol> &frame, InView &inView,
                                                 int framesToLeave = kFramesToLeave);

Q_SIGNALS:
    // A symbol that has come into view (see the class comment).
    void symbolRead(const Kiosk::Barcode::Symbol &symbol);
    // Every decoded frame, with the number of symbols found in it (read or already in view).
    void frameProcessed(int symbolsFound);

private:
    void onDecoded(const QList<Symbol> &symbols);

    const BarcodeReader m_reader; // copied into each job: nothing shared with the worker
    InView m_inView;
    DroppingWorker m_worker{QStringLiteral("BarcodeFrameReader")}; // last: joined first
};

} // namespace Kiosk::Barcode
