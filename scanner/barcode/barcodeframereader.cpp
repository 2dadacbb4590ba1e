#include "scanner/barcode/barcodeframereader.h"

#include <QSet>

namespace Kiosk::Barcode {

BarcodeFrameReader::BarcodeFrameReader(Formats formats, QObject *parent)
    : QObject(parent)
    , m_reader(formats)
{
}

BarcodeFrameReader::~BarcodeFrameReader() = default;

bool BarcodeFrameReader::submitFrame(const QImage &frame)
{
    // The worker delivers to the thread that built it (this object's), after which the
    // lambda's `this` is alive: the worker is a member and discards undelivered results.
    return m_worker.offer([reader = m_reader, frame] { return reader.read(frame); },
                          [this](const QList<Symbol> &symbols) { onDecoded(symbols); });
}

void BarcodeFrameReader::onDecoded(const QList<Symbol> &symbols)
{
    const QList<Symbol> fresh = newInView(symbols, m_inView);
    Q_EMIT frameProcessed(int(symbols.size()));
    for (const Symbol &s : fresh)
        Q_EMIT symbolRead(s);
}

QList<Symbol> BarcodeFrameReader::newInView(const QList<Symbol> &frame, InView &inView, int framesToLeave)
{
    QList<Symbol> fresh;
    QSet<QByteArray> here;
    for (const Symbol &s : frame) {
        if (here.contains(s.bytes))
            continue; // one symbol found twice in a frame counts once
        here.insert(s.bytes);
        if (!inView.contains(s.bytes))
            fresh.append(s);
    }
    // A symbol not in this frame has left after framesToLeave frames, or at once when a
    // different symbol has taken its place (pass A, then pass B, then pass A again is three
    // reports).
    const bool replaced = !fresh.isEmpty();
    inView.removeIf([&](const InView::iterator &it) {
        return !here.contains(it.key()) && (replaced || ++it.value() >= framesToLeave);
    });
    for (const QByteArray &bytes : here)
        inView.insert(bytes, 0);
    return fresh;
}

} // namespace Kiosk::Barcode
