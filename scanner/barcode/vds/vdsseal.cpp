#include "scanner/barcode/vds/vdsseal.h"
#include "scanner/barcode/vds/c40.h"

namespace Kiosk::Vds {

namespace {

QString where(qsizetype offset) { return QStringLiteral("at byte %1").arg(offset); }

// Reads forward through the seal; every read checks the remaining length first.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes) : m_bytes(bytes) {}
    [[nodiscard]] qsizetype pos() const { return m_pos; }
    [[nodiscard]] qsizetype remaining() const { return m_bytes.size() - m_pos; }
    [[nodiscard]] bool atEnd() const { return m_pos >= m_bytes.size(); }

    Result<QByteArrayView> take(qsizetype n, const char *what)
    {
        if (n < 0 || remaining() < n)
            return fail(QStringLiteral("VDS_TRUNCATED"),
                        QStringLiteral("%1 needs %2 bytes %3, %4 left").arg(QLatin1String(what)).arg(n).arg(where(m_pos)).arg(remaining()));
        const QByteArrayView out = m_bytes.sliced(m_pos, n);
        m_pos += n;
        return out;
    }

    Result<unsigned> byte(const char *what)
    {
        auto b = take(1, what);
        if (!b)
            return std::unexpected(b.error());
        return static_cast<unsigned char>((*b)[0]);
    }

    // DER definite length (X.690 §8.1.3): short form, or 0x81..0x83 + 1..3 bytes.
    Result<qsizetype> derLength(const char *what)
    {
        const qsizetype at = m_pos;
        auto first = byte(what);
        if (!first)
            return std::unexpected(first.error());
        if (*first < 0x80)
            return static_cast<qsizetype>(*first);
        const unsigned count = *first & 0x7F;
        if (count == 0 || count > 3)
            return fail(QStringLiteral("VDS_BAD_LENGTH"),
                        QStringLiteral("%1: length form 0x%2 %3").arg(QLatin1String(what)).arg(*first, 2, 16, QLatin1Char('0')).arg(where(at)));
        qsizetype len = 0;
        for (unsigned k = 0; k < count; ++k) {
            auto b = byte(what);
            if (!b)
                return std::unexpected(b.error());
            len = len * 256 + *b;
        }
        return len;
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
};

Result<QString> c40At(QByteArrayView bytes, qsizetype offset)
{
    auto text = decodeC40(bytes);
    if (!text)
        return fail(text.error().code, QStringLiteral("%1 (seal offset %2)").arg(text.error().message).arg(offset));
    return text;
}

Result<QDate> dateAt(Reader &r, const char *what)
{
    const qsizetype at = r.pos();
    auto b = r.take(3, what);
    if (!b)
        return std::unexpected(b.error());
    const auto *p = reinterpret_cast<const unsigned char *>(b->data());
    const unsigned value = p[0] * 65536u + p[1] * 256u + p[2];
    const QDate date(static_cast<int>(value % 10000), static_cast<int>(value / 1000000), static_cast<int>(value / 10000 % 100));
    if (!date.isValid())
        return fail(QStringLiteral("VDS_BAD_DATE"),
                    QStringLiteral("%1 %2 is not a date (MMDDYYYY %3)").arg(QLatin1String(what), where(at)).arg(value, 8, 10, QLatin1Char('0')));
    return date;
}

bool isHex(QStringView s)
{
    for (QChar c : s)
        if (!c.isDigit() && !(c >= u'A' && c <= u'F') && !(c >= u'a' && c <= u'f'))
            return false;
    return true;
}

// The magic constant and the version byte.
Result<void> readMagicAndVersion(Reader &r, VdsHeader &header)
{
    auto magic = r.byte("magic constant");
    if (!magic)
        return std::unexpected(magic.error());
    if (*magic != kMagic)
        return fail(QStringLiteral("VDS_NOT_A_SEAL"), QStringLiteral("byte 0 is 0x%1, a seal starts with 0xDC").arg(*magic, 2, 16, QLatin1Char('0')));
    auto version = r.byte("version");
    if (!version)
        return std::unexpected(version.error());
    // ICAO 9303-13 §2.2.1: 0x02 = version 3, 0x03 = version 4.
    if (*version != 0x02 && *version != 0x03)
        return fail(QStringLiteral("VDS_BAD_VERSION"), QStringLiteral("version byte 0x%1 at byte 1: only 0x02 (v3) and 0x03 (v4)").arg(*version, 2, 16, QLatin1Char('0')));
    header.version = static_cast<int>(*version) + 1;
    return {};
}

Result<void> readIssuingCountry(Reader &r, VdsHeader &header)
{
    const qsizetype countryAt = r.pos();
    auto country = r.take(2, "issuing country");
    if (!country)
        return std::unexpected(country.error());
    auto countryText = c40At(*country, countryAt);
    if (!countryText)
        return std::unexpected(countryText.error());
    header.issuingCountry = countryText->replace(u' ', u'<');
    return {};
}

// Version 3's signer identifier and certificate reference: 9 C40 characters in 6 bytes (4 + 5).
Result<void> readSignerV3(Reader &r, VdsHeader &header)
{
    const qsizetype signerAt = r.pos();
    auto block = r.take(6, "signer and certificate reference");
    if (!block)
        return std::unexpected(block.error());
    auto text = c40At(*block, signerAt);
    if (!text)
        return std::unexpected(text.error());
    if (text->size() != 9)
        return fail(QStringLiteral("VDS_BAD_C40"), QStringLiteral("signer and reference at byte %1: %2 characters, version 3 has 9").arg(signerAt).arg(text->size()));
    header.signerId = text->left(4);
    header.certReference = text->mid(4);
    return {};
}

// Version 4's: 4 signer characters, 2 hex characters giving the reference length L, then L
// characters, all one C40 string.
Result<void> readSignerV4(Reader &r, QByteArrayView bytes, VdsHeader &header)
{
    const qsizetype signerAt = r.pos();
    auto lead = r.take(4, "signer identifier");
    if (!lead)
        return std::unexpected(lead.error());
    auto leadText = c40At(*lead, signerAt);
    if (!leadText)
        return std::unexpected(leadText.error());
    bool ok = false;
    const int refLength = leadText->size() == 6 && isHex(leadText->mid(4)) ? leadText->mid(4).toInt(&ok, 16) : -1;
    if (!ok)
        return fail(QStringLiteral("VDS_BAD_C40"), QStringLiteral("signer identifier at byte %1: no hex reference length").arg(signerAt));
    auto rest = r.take(c40Length(6 + refLength) - 4, "certificate reference");
    if (!rest)
        return std::unexpected(rest.error());
    auto text = c40At(bytes.sliced(signerAt, c40Length(6 + refLength)), signerAt);
    if (!text)
        return std::unexpected(text.error());
    if (text->size() != 6 + refLength)
        return fail(QStringLiteral("VDS_BAD_C40"), QStringLiteral("certificate reference at byte %1: %2 characters, length says %3").arg(signerAt).arg(text->size() - 6).arg(refLength));
    header.signerId = text->left(4);
    header.certReference = text->mid(6);
    return {};
}

// The two dates, the feature definition reference and the document type category.
Result<void> readDatesAndType(Reader &r, VdsHeader &header)
{
    auto issued = dateAt(r, "document issue date");
    if (!issued)
        return std::unexpected(issued.error());
    auto signedOn = dateAt(r, "signature creation date");
    if (!signedOn)
        return std::unexpected(signedOn.error());
    header.issueDate = *issued;
    header.signatureDate = *signedOn;
    auto featureRef = r.byte("feature definition reference");
    if (!featureRef)
        return std::unexpected(featureRef.error());
    auto category = r.byte("document type category");
    if (!category)
        return std::unexpected(category.error());
    header.featureRef = static_cast<quint8>(*featureRef);
    header.docTypeCategory = static_cast<quint8>(*category);
    return {};
}

// The header (§2.2.1), as far as the message zone.
Result<void> readHeader(Reader &r, QByteArrayView bytes, VdsHeader &header)
{
    if (auto read = readMagicAndVersion(r, header); !read)
        return read;
    if (auto read = readIssuingCountry(r, header); !read)
        return read;
    // Signer identifier and certificate reference (§2.2.1).
    if (auto read = header.version == 3 ? readSignerV3(r, header) : readSignerV4(r, bytes, header); !read)
        return read;
    return readDatesAndType(r, header);
}

// The signature zone after its tag: a DER length, the signature, and nothing after it.
Result<void> readSignatureZone(Reader &r, VdsSeal &seal)
{
    auto len = r.derLength("signature length");
    if (!len)
        return std::unexpected(len.error());
    auto sig = r.take(*len, "signature");
    if (!sig)
        return std::unexpected(sig.error());
    seal.signature = sig->toByteArray();
    if (!r.atEnd())
        return fail(QStringLiteral("VDS_TRAILING_BYTES"), QStringLiteral("%1 bytes after the signature zone at byte %2").arg(r.remaining()).arg(r.pos()));
    return {};
}

// Message zone (§2.3): TLVs in any order until the signature tag or the end; what is signed is
// everything before the signature zone.
Result<void> readMessageZone(Reader &r, QByteArrayView bytes, VdsSeal &seal)
{
    while (!r.atEnd()) {
        const qsizetype at = r.pos();
        auto tag = r.byte("feature tag");
        if (!tag)
            return std::unexpected(tag.error());
        if (*tag == kSignatureTag) {
            seal.signedData = bytes.first(at).toByteArray();
            return readSignatureZone(r, seal);
        }
        auto len = r.derLength("feature length");
        if (!len)
            return std::unexpected(len.error());
        auto value = r.take(*len, "feature value");
        if (!value)
            return fail(value.error().code, QStringLiteral("feature 0x%1 at byte %2: %3").arg(*tag, 2, 16, QLatin1Char('0')).arg(at).arg(value.error().message));
        seal.features.append(VdsFeature{static_cast<quint8>(*tag), value->toByteArray()});
    }
    seal.signedData = bytes.toByteArray();
    return {};
}

} // namespace


const VdsFeature *VdsSeal::feature(quint8 tag) const
{
    for (const VdsFeature &f : features)
        if (f.tag == tag)
            return &f;
    return nullptr;
}

Result<VdsSeal> parseSeal(QByteArrayView bytes)
{
    Reader r(bytes);
    VdsSeal seal;
    if (auto header = readHeader(r, bytes, seal.header); !header)
        return std::unexpected(header.error());
    seal.headerLength = static_cast<int>(r.pos());
    if (auto zone = readMessageZone(r, bytes, seal); !zone)
        return std::unexpected(zone.error());
    return seal;
}

Result<QByteArray> encodeHeader(const VdsHeader &header)
{
    if (header.version != 3 && header.version != 4)
        return fail(QStringLiteral("VDS_BAD_VERSION"), QStringLiteral("version %1: only 3 and 4").arg(header.version));
    if (header.signerId.size() != 4 || !isHex(header.certReference))
        return fail(QStringLiteral("VDS_BAD_HEADER"), QStringLiteral("signer identifier is 4 characters, the reference hex"));
    QString signer = header.signerId;
    if (header.version == 3) {
        if (header.certReference.size() != 5)
            return fail(QStringLiteral("VDS_BAD_HEADER"), QStringLiteral("version 3 has a 5-character certificate reference"));
        signer += header.certReference;
    } else {
        if (header.certReference.size() > 255)
            return fail(QStringLiteral("VDS_BAD_HEADER"), QStringLiteral("certificate reference too long"));
        signer += QStringLiteral("%1").arg(header.certReference.size(), 2, 16, QLatin1Char('0')).toUpper() + header.certReference;
    }
    QString country = header.issuingCountry;
    while (country.size() < 3)
        country += u'<';
    auto countryBytes = encodeC40(country);
    auto signerBytes = encodeC40(signer);
    if (!countryBytes || !signerBytes || countryBytes->size() != 2)
        return fail(QStringLiteral("VDS_BAD_HEADER"), QStringLiteral("issuing country or signer is not C40 text"));
    QByteArray out;
    out.append(static_cast<char>(kMagic)).append(static_cast<char>(header.version - 1));
    out += *countryBytes + *signerBytes + encodeDate(header.issueDate) + encodeDate(header.signatureDate);
    out.append(static_cast<char>(header.featureRef)).append(static_cast<char>(header.docTypeCategory));
    return out;
}

namespace {
QByteArray derLength(qsizetype n)
{
    QByteArray out;
    if (n < 0x80) {
        out.append(static_cast<char>(n));
        return out;
    }
    QByteArray digits;
    for (qsizetype v = n; v > 0; v /= 256)
        digits.prepend(static_cast<char>(v % 256));
    out.append(static_cast<char>(0x80 | digits.size()));
    return out + digits;
}
} // namespace

QByteArray encodeFeature(quint8 tag, QByteArrayView value)
{
    QByteArray out(1, static_cast<char>(tag));
    return out + derLength(value.size()) + value.toByteArray();
}

QByteArray encodeSignatureZone(QByteArrayView rs)
{
    return encodeFeature(kSignatureTag, rs);
}

QByteArray encodeDate(const QDate &date)
{
    const unsigned value = static_cast<unsigned>(date.month() * 1000000 + date.day() * 10000 + date.year());
    QByteArray out(3, Qt::Uninitialized);
    out[0] = static_cast<char>(value >> 16 & 0xFF);
    out[1] = static_cast<char>(value >> 8 & 0xFF);
    out[2] = static_cast<char>(value & 0xFF);
    return out;
}

} // namespace Kiosk::Vds
