#include "scanner/barcode/vds/c40.h"

#include <vector>

namespace Kiosk::Vds {

namespace {

// ISO/IEC 16022 §5.2.3 ASCII encodation values used after an unlatch.
constexpr unsigned kAsciiPad = 129;
constexpr unsigned kAsciiDigitPairFirst = 130;
constexpr unsigned kAsciiDigitPairLast = 229;
constexpr unsigned kAsciiLatchC40 = 230;
constexpr unsigned kAsciiUpperShift = 235;
constexpr unsigned kUnlatch = 254; // first byte of a C40 pair: back to ASCII encodation

Result<QString> bad(qsizetype offset, const QString &why)
{
    return fail(QStringLiteral("VDS_BAD_C40"), QStringLiteral("C40 at byte %1: %2").arg(offset).arg(why));
}

} // namespace

Result<QString> decodeC40(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size() * 3 / 2);
    int shift = 0;          // 0 basic set, 1..3 Shift 1..3 pending for the next value
    bool upper = false;     // Upper Shift pending: next character + 128
    bool ascii = false;     // after an unlatch
    auto putChar = [&](unsigned ch) {
        out.append(QChar(static_cast<char16_t>(upper ? ch + 128 : ch)));
        upper = false;
    };
    qsizetype i = 0;
    while (i < bytes.size()) {
        const auto b1 = static_cast<unsigned char>(bytes[i]);
        if (ascii) {
            if (b1 >= 1 && b1 <= 128) {
                putChar(b1 - 1u);
            } else if (b1 >= kAsciiDigitPairFirst && b1 <= kAsciiDigitPairLast) {
                if (upper)
                    return bad(i, QStringLiteral("upper shift before a digit pair"));
                const unsigned pair = b1 - kAsciiDigitPairFirst;
                out.append(QChar(u'0' + pair / 10));
                out.append(QChar(u'0' + pair % 10));
            } else if (b1 == kAsciiUpperShift) {
                upper = true;
            } else if (b1 == kAsciiLatchC40) {
                ascii = false;
            } else if (b1 == kAsciiPad) {
                if (i + 1 != bytes.size())
                    return bad(i, QStringLiteral("pad before the end"));
            } else {
                return bad(i, QStringLiteral("ASCII codeword %1 is not used in seals").arg(b1));
            }
            ++i;
            continue;
        }
        if (b1 == kUnlatch) {
            if (shift > 1 || upper)
                return bad(i, QStringLiteral("unlatch while a shift is pending"));
            shift = 0; // a pending Shift 1 here is the pad of the last pair
            ascii = true;
            ++i;
            continue;
        }
        if (i + 1 >= bytes.size())
            return bad(i, QStringLiteral("odd byte count: a C40 pair is two bytes"));
        const unsigned value16 = b1 * 256u + static_cast<unsigned char>(bytes[i + 1]);
        if (value16 == 0 || value16 > 64000)
            return bad(i, QStringLiteral("pair value %1 outside 1..64000").arg(value16));
        const unsigned v = value16 - 1;
        const unsigned triplet[3] = {v / 1600, v / 40 % 40, v % 40};
        for (unsigned c : triplet) {
            switch (shift) {
            case 0:
                if (c <= 2)
                    shift = static_cast<int>(c) + 1;
                else if (c == 3)
                    putChar(' ');
                else if (c <= 13)
                    putChar('0' + c - 4);
                else
                    putChar('A' + c - 14);
                continue;
            case 1: // Shift 1: ASCII control characters 0-31
                if (c > 31)
                    return bad(i, QStringLiteral("Shift 1 value %1 > 31").arg(c));
                putChar(c);
                break;
            case 2: // Shift 2: punctuation, FNC1 (27), Upper Shift (30)
                if (c <= 14)
                    putChar(33 + c);
                else if (c <= 21)
                    putChar(58 + c - 15);
                else if (c <= 26)
                    putChar(91 + c - 22);
                else if (c == 30) {
                    if (upper)
                        return bad(i, QStringLiteral("two upper shifts in a row"));
                    upper = true;
                } else
                    return bad(i, QStringLiteral("Shift 2 value %1 is not used in seals").arg(c));
                break;
            default: // Shift 3 (C40): lower case and the rest of 96-127
                if (c > 31)
                    return bad(i, QStringLiteral("Shift 3 value %1 > 31").arg(c));
                putChar(96 + c);
                break;
            }
            shift = 0;
        }
        i += 2;
    }
    // A trailing Shift 1 is the pad of a pair holding two characters (Annex B padding rule 1).
    if (shift > 1 || upper)
        return bad(bytes.size(), QStringLiteral("data ends inside a shift"));
    return out;
}

Result<QByteArray> encodeC40(QStringView text)
{
    // Values of every character; `starts` remembers where each character's values begin.
    std::vector<unsigned> values;
    std::vector<size_t> starts;
    auto valuesOf = [](unsigned ch, std::vector<unsigned> &to) {
        if (ch >= 128) {
            to.insert(to.end(), {1, 30});
            ch -= 128;
        }
        if (ch == ' ')
            to.push_back(3);
        else if (ch >= '0' && ch <= '9')
            to.push_back(ch - '0' + 4);
        else if (ch >= 'A' && ch <= 'Z')
            to.push_back(ch - 'A' + 14);
        else if (ch < 32)
            to.insert(to.end(), {0, ch});
        else if (ch <= 47)
            to.insert(to.end(), {1, ch - 33});
        else if (ch <= 64)
            to.insert(to.end(), {1, ch - 58 + 15});
        else if (ch <= 95)
            to.insert(to.end(), {1, ch - 91 + 22});
        else
            to.insert(to.end(), {2, ch - 96});
    };
    for (qsizetype k = 0; k < text.size(); ++k) {
        unsigned ch = text[k].unicode();
        if (ch > 0xFF)
            return fail(QStringLiteral("VDS_BAD_C40"), QStringLiteral("character %1 at %2 is not Latin-1").arg(ch).arg(k));
        if (ch == '<')
            ch = ' ';
        starts.push_back(values.size());
        valuesOf(ch, values);
    }
    QByteArray tail;
    if (values.size() % 3 == 1) {
        // One value left over: unlatch and write the last characters in ASCII encodation,
        // as few as leave a C40 part that a Shift 1 pad can complete (ISO/IEC 16022 §5.2.5.2).
        size_t first = starts.size() - 1;
        while (first > 0 && starts[first] % 3 == 1)
            --first;
        values.resize(starts[first]);
        tail.append(static_cast<char>(kUnlatch));
        for (qsizetype k = static_cast<qsizetype>(first); k < text.size(); ++k) {
            const unsigned ch = text[k].unicode() == u'<' ? ' ' : text[k].unicode();
            if (ch >= 128)
                tail.append(static_cast<char>(kAsciiUpperShift)).append(static_cast<char>(ch - 128 + 1));
            else
                tail.append(static_cast<char>(ch + 1));
        }
    }
    while (values.size() % 3 != 0)
        values.push_back(0); // Shift 1 as pad
    QByteArray out;
    out.reserve(static_cast<qsizetype>(values.size() / 3 * 2) + tail.size());
    for (size_t k = 0; k < values.size(); k += 3) {
        const unsigned v = 1600 * values[k] + 40 * values[k + 1] + values[k + 2] + 1;
        out.append(static_cast<char>(v / 256)).append(static_cast<char>(v % 256));
    }
    return out + tail;
}

} // namespace Kiosk::Vds
