#include "tests/support/vdsissuer.h"

#include "scanner/barcode/vds/c40.h"
#include "scanner/barcode/vds/vdsvisa.h"

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QTimeZone>
#include <QTransform>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace Kiosk::Test {

namespace {

QDateTime utc(const QDate &d) { return QDateTime(d, QTime(0, 0), QTimeZone::utc()); }

Result<void> writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return fail(QStringLiteral("TEST_WRITE_FAILED"), QStringLiteral("cannot write %1").arg(path));
    return {};
}

QImage fromBitMatrix(const ZXing::BitMatrix &m, int modulePixels)
{
    QImage img(m.width() * modulePixels, m.height() * modulePixels, QImage::Format_Grayscale8);
    img.fill(255);
    for (int y = 0; y < m.height(); ++y)
        for (int x = 0; x < m.width(); ++x)
            if (m.get(x, y))
                for (int dy = 0; dy < modulePixels; ++dy) {
                    uchar *line = img.scanLine(y * modulePixels + dy);
                    std::fill_n(line + x * modulePixels, modulePixels, uchar(0));
                }
    return img;
}

} // namespace

Result<VdsAuthority> VdsAuthority::create(const VdsAuthorityOptions &o)
{
    auto rootKey = Crypto::EcPrivateKey::generate(o.curve);
    auto signerKey = Crypto::EcPrivateKey::generate(o.curve);
    if (!rootKey || !signerKey)
        return fail(QStringLiteral("TEST_KEYGEN_FAILED"), QStringLiteral("EC key generation failed"));
    Crypto::CertificateSpec rootSpec{QStringLiteral("TEST ONLY seal root %1").arg(o.country), o.country,
                                     QStringLiteral("TEST ONLY authority"), QStringLiteral("1"),
                                     utc(o.rootFrom), utc(o.rootUntil), true};
    auto root = Crypto::issueCertificate(rootSpec, *rootKey, *rootKey, nullptr);
    if (!root)
        return std::unexpected(root.error());
    // BSI TR-03137 Table 1: subject = countryName + a two-letter commonName; the serial is
    // the certificate reference read as hex.
    Crypto::CertificateSpec signerSpec{o.signerCn, o.country, QString(), o.certReference,
                                       utc(o.signerFrom), utc(o.signerUntil), false};
    auto signer = Crypto::issueCertificate(signerSpec, *signerKey, *rootKey, &*root);
    if (!signer)
        return std::unexpected(signer.error());
    return VdsAuthority(o, *rootKey, *root, *signerKey, *signer);
}

Vds::VdsTrustStore VdsAuthority::trustStore() const
{
    Vds::VdsTrustStore store;
    store.addRoot(m_root);
    store.addSigner(m_signer);
    return store;
}

Result<void> VdsAuthority::writeTrustStore(const QString &folder) const
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("roots")) || !dir.mkpath(QStringLiteral("signers")))
        return fail(QStringLiteral("TEST_WRITE_FAILED"), QStringLiteral("cannot create %1").arg(folder));
    if (auto ok = writeFile(dir.filePath(QStringLiteral("roots/test-root.pem")), m_root.toPem()); !ok)
        return ok;
    return writeFile(dir.filePath(QStringLiteral("signers/test-signer.pem")), m_signer.toPem());
}

Result<QByteArray> VdsAuthority::seal(Vds::VdsHeader header, const QList<Vds::VdsFeature> &features, bool sign) const
{
    header.signerId = signerId();
    header.certReference = header.version == 3 ? QStringLiteral("%1").arg(m_options.certReference, 5, QLatin1Char('0'))
                                               : m_options.certReference;
    auto bytes = Vds::encodeHeader(header);
    if (!bytes)
        return std::unexpected(bytes.error());
    for (const Vds::VdsFeature &f : features)
        *bytes += Vds::encodeFeature(f.tag, f.value);
    if (!sign)
        return *bytes;
    auto rs = m_signerKey.signRaw(*bytes);
    if (!rs)
        return std::unexpected(rs.error());
    return *bytes + Vds::encodeSignatureZone(*rs);
}

TestVisa specimenVisa()
{
    TestVisa v;
    v.mrzLine1 = QStringLiteral("VCUTOSPECIMEN<<ANNA<MARIA<<<<<<<<<<<");
    v.mrzLine2 = QStringLiteral("UV12345671UTO9001158F2703017<<<<<<<<");
    return v;
}

Result<QList<Vds::VdsFeature>> visaFeatures(const TestVisa &visa)
{
    using Vds::VisaTag;
    QList<Vds::VdsFeature> out;
    auto tag = [](VisaTag t) { return static_cast<quint8>(t); };
    auto mrz = Vds::encodeC40(visa.mrzLine1 + visa.mrzLine2.left(28));
    if (!mrz)
        return std::unexpected(mrz.error());
    out.append({tag(visa.mrvA ? VisaTag::MrzMrvA : VisaTag::MrzMrvB), *mrz});
    if (visa.numberOfEntries)
        out.append({tag(VisaTag::NumberOfEntries), QByteArray(1, static_cast<char>(*visa.numberOfEntries))});
    if (visa.durationOfStay) {
        QByteArray d;
        for (int v : *visa.durationOfStay)
            d.append(static_cast<char>(v));
        out.append({tag(VisaTag::DurationOfStay), d});
    }
    if (!visa.passportNumber.isNull()) {
        auto number = Vds::encodeC40(QStringLiteral("%1").arg(visa.passportNumber, -9, QLatin1Char('<')));
        if (!number)
            return std::unexpected(number.error());
        out.append({tag(VisaTag::PassportNumber), *number});
    }
    if (!visa.visaType.isEmpty())
        out.append({tag(VisaTag::VisaType), visa.visaType});
    if (!visa.additionalFeature.isEmpty())
        out.append({tag(VisaTag::AdditionalFeature), visa.additionalFeature});
    out += visa.extraFeatures;
    return out;
}

Result<QByteArray> writeVisaSeal(const TestVisa &visa, const VdsAuthority &authority, bool sign)
{
    auto features = visaFeatures(visa);
    if (!features)
        return std::unexpected(features.error());
    Vds::VdsHeader header;
    header.version = visa.version;
    header.issuingCountry = QStringLiteral("UTO");
    header.issueDate = visa.issueDate;
    header.signatureDate = visa.signatureDate;
    header.featureRef = Vds::kVisaFeatureRef;
    header.docTypeCategory = Vds::kVisaDocTypeCategory;
    return authority.seal(header, *features, sign);
}

QImage renderDataMatrix(QByteArrayView bytes, int modulePixels, int marginModules)
{
    std::wstring content;
    content.reserve(static_cast<size_t>(bytes.size()));
    for (char c : bytes)
        content.push_back(static_cast<wchar_t>(static_cast<unsigned char>(c)));
    // width/height 0: one pixel per module; the quiet zone is in modules then.
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::DataMatrix).setMargin(marginModules).encode(content, 0, 0);
    return fromBitMatrix(m, modulePixels);
}

QImage renderBarcode(const QString &format, QByteArrayView bytes, int width, int height)
{
    const ZXing::BarcodeFormat f = format == QLatin1String("pdf417")  ? ZXing::BarcodeFormat::PDF417
                                   : format == QLatin1String("aztec") ? ZXing::BarcodeFormat::Aztec
                                                                      : ZXing::BarcodeFormat::QRCode;
    std::wstring content;
    for (char c : bytes)
        content.push_back(static_cast<wchar_t>(static_cast<unsigned char>(c)));
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(f).setMargin(10).encode(content, width, height);
    return fromBitMatrix(m, 1);
}

QImage blurred(const QImage &image, int radius)
{
    const QImage src = image.convertToFormat(QImage::Format_Grayscale8);
    if (radius <= 0)
        return src;
    QImage tmp(src.size(), QImage::Format_Grayscale8);
    QImage out(src.size(), QImage::Format_Grayscale8);
    const int w = src.width();
    const int h = src.height();
    for (int y = 0; y < h; ++y) { // horizontal box
        const uchar *in = src.constScanLine(y);
        uchar *o = tmp.scanLine(y);
        for (int x = 0; x < w; ++x) {
            int sum = 0;
            int n = 0;
            for (int k = std::max(0, x - radius); k <= std::min(w - 1, x + radius); ++k, ++n)
                sum += in[k];
            o[x] = static_cast<uchar>(sum / n);
        }
    }
    for (int y = 0; y < h; ++y) { // vertical box
        uchar *o = out.scanLine(y);
        for (int x = 0; x < w; ++x) {
            int sum = 0;
            int n = 0;
            for (int k = std::max(0, y - radius); k <= std::min(h - 1, y + radius); ++k, ++n)
                sum += tmp.constScanLine(k)[x];
            o[x] = static_cast<uchar>(sum / n);
        }
    }
    return out;
}

QImage rotated(const QImage &image, double degrees)
{
    QImage src = image.convertToFormat(QImage::Format_ARGB32);
    QImage r = src.transformed(QTransform().rotate(degrees), Qt::SmoothTransformation);
    QImage out(r.size(), QImage::Format_ARGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.drawImage(0, 0, r);
    p.end();
    return out.convertToFormat(QImage::Format_Grayscale8);
}

QImage scaled(const QImage &image, double factor)
{
    return image.scaled(qRound(image.width() * factor), qRound(image.height() * factor), Qt::IgnoreAspectRatio,
                        Qt::SmoothTransformation);
}

QImage placedInFrame(const QImage &symbol, int width, int height, int x, int y)
{
    QImage frame(width, height, QImage::Format_Grayscale8);
    frame.fill(255);
    QPainter p(&frame);
    p.drawImage(x, y, symbol.convertToFormat(QImage::Format_Grayscale8));
    p.end();
    return frame;
}

} // namespace Kiosk::Test
