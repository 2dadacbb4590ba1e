#include "app/demo/demoseal.h"

#include "app/crypto/ecdsa.h"
#include "app/crypto/x509.h"
#include "scanner/barcode/vds/c40.h"
#include "scanner/barcode/vds/vdsseal.h"
#include "scanner/barcode/vds/vdsvisa.h"
#include "scanner/mrz/checkdigit.h"

#include <QTimeZone>

namespace Kiosk::Session {

namespace {

QString pad(QString s, qsizetype width)
{
    return s.toUpper().replace(u' ', u'<').leftJustified(width, u'<', true);
}

QString withCheck(const QString &field)
{
    return field + QString::number(Mrz::checkDigit(field).value_or(0));
}

template <typename T>
std::unexpected<Error> demoFail(const Result<T> &r, const char *what)
{
    return fail(QStringLiteral("DEMO_SEAL"), QStringLiteral("%1: %2").arg(QLatin1String(what), r.error().message));
}

} // namespace

Result<DemoVisaSeal> makeDemoVisaSeal(const DemoVisaSealRequest &q)
{
    auto rootKey = Crypto::EcPrivateKey::generate(Crypto::EcCurve::P256);
    if (!rootKey)
        return demoFail(rootKey, "root key");
    auto signerKey = Crypto::EcPrivateKey::generate(Crypto::EcCurve::P256);
    if (!signerKey)
        return demoFail(signerKey, "signer key");
    const QDateTime from(q.issued.addDays(-30), QTime(0, 0), QTimeZone::utc());
    const QDateTime until(q.issued.addYears(3), QTime(0, 0), QTimeZone::utc());
    auto root = Crypto::issueCertificate({QStringLiteral("DEMO ONLY seal root AZ"), QStringLiteral("AZ"),
                                          QStringLiteral("DEMO ONLY border-kiosk"), QStringLiteral("1"), from, until, true},
                                         *rootKey, *rootKey, nullptr);
    if (!root)
        return demoFail(root, "root certificate");
    // BSI TR-03137 Table 1: signer subject = country + a two-letter CN ("AZ" + "VS" = "AZVS"),
    // serial = the certificate reference in hex.
    auto signer = Crypto::issueCertificate({QStringLiteral("VS"), QStringLiteral("AZ"), QString(), QStringLiteral("1A"), from, until, false},
                                           *signerKey, *rootKey, &*root);
    if (!signer)
        return demoFail(signer, "signer certificate");

    // ICAO 9303-7 MRV-B: line 1 "V<" + issuing state + names (36), line 2 visa number, check,
    // nationality, birth, check, sex, expiry, check (the seal carries its first 28 characters).
    const QString line1 = pad(QStringLiteral("V<AZE") + q.surname + QStringLiteral("<<") + q.givenNames, 36);
    const QString line2 = withCheck(pad(q.visaNumber, 9)) + pad(q.nationality, 3) + withCheck(q.birth.toString(QStringLiteral("yyMMdd")))
        + q.sex + withCheck(q.expiry.toString(QStringLiteral("yyMMdd")));
    auto mrz = Vds::encodeC40(line1 + line2.left(28));
    if (!mrz)
        return demoFail(mrz, "visa MRZ");
    auto number = Vds::encodeC40(pad(q.passportNumber, 9));
    if (!number)
        return demoFail(number, "passport number");

    Vds::VdsHeader header;
    header.version = 4;
    header.issuingCountry = QStringLiteral("AZE");
    header.signerId = QStringLiteral("AZVS");
    header.certReference = QStringLiteral("1A");
    header.issueDate = q.issued;
    header.signatureDate = q.issued;
    header.featureRef = Vds::kVisaFeatureRef;
    header.docTypeCategory = Vds::kVisaDocTypeCategory;
    auto bytes = Vds::encodeHeader(header);
    if (!bytes)
        return demoFail(bytes, "seal header");
    const auto tag = [](Vds::VisaTag t) { return static_cast<quint8>(t); };
    *bytes += Vds::encodeFeature(tag(Vds::VisaTag::MrzMrvB), *mrz);
    *bytes += Vds::encodeFeature(tag(Vds::VisaTag::NumberOfEntries), QByteArray(1, '\0')); // 0: multiple
    QByteArray stay(3, '\0');
    stay[0] = static_cast<char>(q.days); // days, months, years (9303-13 visa profile)
    *bytes += Vds::encodeFeature(tag(Vds::VisaTag::DurationOfStay), stay);
    *bytes += Vds::encodeFeature(tag(Vds::VisaTag::PassportNumber), *number);
    auto rs = signerKey->signRaw(*bytes);
    if (!rs)
        return demoFail(rs, "signature");

    DemoVisaSeal out;
    out.payload = *bytes + Vds::encodeSignatureZone(*rs);
    out.trust.addRoot(*root);
    out.trust.addSigner(*signer);
    return out;
}

} // namespace Kiosk::Session
