#include "scanner/barcode/vds/vdsjson.h"
#include "scanner/barcode/vds/c40.h"
#include "scanner/barcode/vds/vdsverifier.h"
#include "scanner/barcode/vds/vdsvisa.h"

#include <QJsonArray>

namespace Kiosk::Vds {

namespace {

QString hex(const QByteArray &b) { return QString::fromLatin1(b.toHex()); }

QJsonObject headerJson(const VdsSeal &seal)
{
    const VdsHeader &h = seal.header;
    return QJsonObject{
        {QStringLiteral("version"), h.version},
        {QStringLiteral("issuing_country"), h.issuingCountry},
        {QStringLiteral("signer_id"), h.signerId},
        {QStringLiteral("cert_reference"), h.certReference},
        {QStringLiteral("issue_date"), h.issueDate.toString(Qt::ISODate)},
        {QStringLiteral("signature_date"), h.signatureDate.toString(Qt::ISODate)},
        {QStringLiteral("feature_ref"), h.featureRef},
        {QStringLiteral("doc_type_category"), h.docTypeCategory},
        {QStringLiteral("length"), seal.headerLength},
    };
}

QJsonObject messageJson(const VdsSeal &seal, const Result<VdsVisa> &visa)
{
    QJsonObject message;
    QJsonArray features;
    for (const VdsFeature &f : seal.features)
        features.append(QJsonObject{{QStringLiteral("tag"), f.tag}, {QStringLiteral("length"), f.value.size()},
                                    {QStringLiteral("hex"), hex(f.value)}});
    message.insert(QStringLiteral("features"), features);
    if (!visa)
        return message;
    message.insert(QStringLiteral("mrz"), QJsonObject{
        {QStringLiteral("type"), visa->mrzType == VdsVisa::MrzType::MrvA ? QStringLiteral("MRV-A") : QStringLiteral("MRV-B")},
        {QStringLiteral("line1"), visa->mrzLine1},
        {QStringLiteral("line2"), visa->mrzLine2}});
    if (visa->numberOfEntries)
        message.insert(QStringLiteral("number_of_entries"), *visa->numberOfEntries);
    if (visa->durationOfStay)
        message.insert(QStringLiteral("duration_of_stay"), QJsonObject{{QStringLiteral("days"), visa->durationOfStay->days},
                                                                       {QStringLiteral("months"), visa->durationOfStay->months},
                                                                       {QStringLiteral("years"), visa->durationOfStay->years}});
    if (!visa->passportNumber.isEmpty())
        message.insert(QStringLiteral("passport_number"), visa->passportNumber);
    if (!visa->visaType.isEmpty())
        message.insert(QStringLiteral("visa_type"), hex(visa->visaType));
    if (!visa->additionalFeature.isEmpty())
        message.insert(QStringLiteral("additional_feature"), hex(visa->additionalFeature));
    QJsonArray unknown;
    for (const VdsFeature &f : seal.features)
        if (f.tag == 0 || f.tag > static_cast<quint8>(VisaTag::AdditionalFeature))
            unknown.append(f.tag);
    if (!unknown.isEmpty())
        message.insert(QStringLiteral("unknown_tags"), unknown);
    return message;
}

QJsonObject visaJson(const VdsVisa &v)
{
    return QJsonObject{
        {QStringLiteral("document_code"), v.documentCode},
        {QStringLiteral("issuing_state"), v.issuingState},
        {QStringLiteral("surname"), v.surname},
        {QStringLiteral("given_names"), v.givenNames},
        {QStringLiteral("visa_number"), v.visaNumber},
        {QStringLiteral("nationality"), v.nationality},
        {QStringLiteral("birth_date"), v.birthDateRaw},
        {QStringLiteral("sex"), v.sex},
        {QStringLiteral("valid_until"), v.validUntil ? v.validUntil->toString(Qt::ISODate) : QString()},
        {QStringLiteral("check_digits_valid"), v.checkDigitsValid},
    };
}

} // namespace

QJsonObject sealToJson(QByteArrayView bytes, const VdsTrustStore *store)
{
    QJsonObject out;
    const auto seal = parseSeal(bytes);
    out.insert(QStringLiteral("decoded"), seal.has_value());
    if (!seal) {
        out.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), seal.error().code},
                                                        {QStringLiteral("message"), seal.error().message}});
        return out;
    }
    const auto visa = parseVisa(*seal);
    out.insert(QStringLiteral("header"), headerJson(*seal));
    out.insert(QStringLiteral("message"), messageJson(*seal, visa));
    const VdsTrustStore empty;
    const SignatureCheck check = verifySeal(*seal, store ? *store : empty);
    QJsonObject signature{{QStringLiteral("state"), signatureStateToString(check.state)},
                          {QStringLiteral("signer"), check.signer}};
    if (!check.subject.isEmpty())
        signature.insert(QStringLiteral("subject"), check.subject);
    if (!check.detail.isEmpty())
        signature.insert(QStringLiteral("detail"), check.detail);
    out.insert(QStringLiteral("signature"), signature);
    if (visa)
        out.insert(QStringLiteral("visa"), visaJson(*visa));
    else if (visa.error().code != QLatin1String("VDS_NOT_A_VISA"))
        out.insert(QStringLiteral("visa_error"), QJsonObject{{QStringLiteral("code"), visa.error().code},
                                                             {QStringLiteral("message"), visa.error().message}});
    return out;
}

} // namespace Kiosk::Vds
