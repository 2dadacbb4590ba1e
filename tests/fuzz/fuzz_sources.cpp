// libFuzzer target for what the input sources read from outside: bytes from a
// serial document reader, keystrokes from a keyboard wedge, and simulator playlists. Any
// input must give a result, never a crash, and keep these invariants:
//  - a document framed from serial lines is 2 or 3 MRZ lines of one layout's length;
//  - every keystroke is delivered or consumed exactly once, and nothing stays held after a
//    quiet period; a captured document has a document's shape;
//  - the line splitter's buffer stays bounded.
// The first byte chooses the mode; the rest is the input.
#include "scanner/sources/mrzlineshape.h"
#include "scanner/sources/simulatorplaylist.h"
#include "scanner/sources/wedgeclassifier.h"

#include <QDir>
#include <QSet>

#include <cstdint>
#include <cstdlib>

using namespace Kiosk::Sources;

namespace {

void require(bool ok)
{
    if (!ok)
        std::abort();
}

void requireDocumentShape(const QString &doc)
{
    const QStringList lines = doc.split(u'\n');
    require(!lines.isEmpty() && lines.size() == mrzLineCountFor(lines.first().size()));
    for (const QString &line : lines)
        require(isMrzLine(line) && line.size() == lines.first().size());
}

void serial(const std::uint8_t *data, size_t size)
{
    LineSplitter splitter(128);
    MrzLineAssembler assembler(1000);
    qint64 now = 0;
    size_t at = 0;
    while (at < size) {
        // One byte of timing, then a chunk of up to 64 bytes: readers deliver in bursts.
        now += data[at] * 10;
        const size_t chunk = std::min<size_t>(size - at - 1, data[at] % 64 + 1);
        const auto *bytes = reinterpret_cast<const char *>(data + at + 1);
        for (const QString &line : splitter.feed(QByteArrayView(bytes, static_cast<qsizetype>(chunk)))) {
            const auto step = assembler.addLine(line, now);
            if (step.document)
                requireDocumentShape(*step.document);
        }
        require(splitter.buffered() <= 128);
        at += chunk + 1;
    }
}

void wedge(const std::uint8_t *data, size_t size)
{
    static constexpr char kKeys[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<<\n\n\naz -";
    WedgeClassifier classifier;
    QList<KeyStroke> strokes;
    QSet<quint64> done;
    auto take = [&](const WedgeClassifier::Decision &d) {
        for (const quint64 seq : d.release + d.consumed) {
            require(seq >= 1 && seq <= quint64(strokes.size()) && !done.contains(seq));
            done.insert(seq);
        }
        if (d.mrz)
            requireDocumentShape(*d.mrz);
    };
    qint64 t = 0;
    for (size_t i = 0; i + 1 < size; i += 2) {
        // Byte 1: the key; byte 2: the pause before it (mostly wedge-fast) and the chord bit.
        const char c = kKeys[data[i] % (sizeof(kKeys) - 1)];
        t += (data[i + 1] & 0x7f) < 100 ? data[i + 1] % 12 : data[i + 1] * 3;
        KeyStroke s{c == '\n' ? QChar() : QChar(QLatin1Char(c)), c == '\n', (data[i + 1] & 0x80) == 0 || data[i] % 7 != 0, t};
        const auto quietAfter = classifier.quietAfterMs();
        if (quietAfter && !strokes.isEmpty() && t - strokes.last().tMs > *quietAfter)
            take(classifier.quiet());
        strokes.append(s);
        take(classifier.feed(s));
    }
    take(classifier.quiet());
    require(classifier.heldCount() == 0);
    require(done.size() == strokes.size());
}

void playlist(const std::uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // A folder that does not exist: file entries fail cleanly, MRZ entries are checked.
    const auto entries = parsePlaylist(text, QDir(QStringLiteral("/nonexistent-fuzz-dir")), QStringLiteral("f"));
    if (entries) {
        for (const PlaylistEntry &e : *entries)
            if (e.kind == PlaylistEntry::Kind::Mrz)
                requireDocumentShape(e.value);
    } else {
        require(!entries.error().code.isEmpty() && !entries.error().message.isEmpty());
    }
    if (const auto lines = splitContinuousMrz(text))
        requireDocumentShape(lines->join(u'\n'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    switch (data[0] % 3) {
    case 0: serial(data + 1, size - 1); break;
    case 1: wedge(data + 1, size - 1); break;
    default: playlist(data + 1, size - 1); break;
    }
    return 0;
}
