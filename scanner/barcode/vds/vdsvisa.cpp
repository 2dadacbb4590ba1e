#include "scanner/barcode/vds/vdsvisa.h"
#include "scanner/barcode/vds/c40.h"
#include "scanner/barcode/vds/vdsverifier.h"

namespace Kiosk::Vds {

namespace {

Result<VdsVisa> badFeature(quint8 tag, const QString &why)
{
    return fail(QStringLiteral("VDS_BAD_FEATURE"), QStringLiteral("visa feature 0x%1: %2").arg(tag, 2, 16, QLatin1Char('0')).arg(why));
}

QString stripFillers(QStringView s)
{
    QString out = s.toString();
    while (out.endsWith(u'<'))
        out.chop(1);
    return out.replace(u'<', u' ').trimmed();
}

// ICAO 9303-3 §4.9: weights 7, 3, 1; '<' = 0, A = 10.
int checkDigit(QStringView s)
{
    static constexpr int weights[3] = {7, 3, 1};
    int sum = 0;
    for (qsizetype k = 0; k < s.size(); ++k) {
        const QChar c = s[k];
        const int v = c.isDigit() ? c.digitValue() : (c >= u'A' && c <= u'Z') ? c.unicode() - u'A' + 10 : 0;
        sum += v * weights[k % 3];
    }
    return sum % 10;
}

bool checks(QStringView field, QChar digit) { return digit.isDigit() && checkDigit(field) == digit.digitValue(); }

} // namespace

Result<VdsVisa> parseVisa(const VdsSeal &seal)
{
    if (seal.header.featureRef != kVisaFeatureRef || seal.header.docTypeCategory != kVisaDocTypeCategory)
        return fail(QStringLiteral("VDS_NOT_A_VISA"),
                    QStringLiteral("feature reference 0x%1 / category 0x%2 is not the visa profile (0x5D / 0x01)")
                        .arg(seal.header.featureRef, 2, 16, QLatin1Char('0')).arg(seal.header.docTypeCategory, 2, 16, QLatin1Char('0')));
    VdsVisa visa;
    const VdsFeature *mrz = seal.feature(static_cast<quint8>(VisaTag::MrzMrvA));
    int line1Length = 44;
    visa.mrzType = VdsVisa::MrzType::MrvA;
    if (!mrz) {
        mrz = seal.feature(static_cast<quint8>(VisaTag::MrzMrvB));
        line1Length = 36;
        visa.mrzType = VdsVisa::MrzType::MrvB;
    }
    if (!mrz)
        return fail(QStringLiteral("VDS_VISA_MRZ_MISSING"), QStringLiteral("the visa seal holds no MRZ (feature 0x01 or 0x02)"));
    auto text = decodeC40(mrz->value);
    if (!text)
        return badFeature(mrz->tag, text.error().message);
    if (text->size() != line1Length + 28)
        return badFeature(mrz->tag, QStringLiteral("MRZ of %1 characters, expected %2").arg(text->size()).arg(line1Length + 28));
    text->replace(u' ', u'<');
    visa.mrzLine1 = text->left(line1Length);
    visa.mrzLine2 = text->mid(line1Length);

    for (const VdsFeature &f : seal.features) {
        switch (static_cast<VisaTag>(f.tag)) {
        case VisaTag::NumberOfEntries:
            if (f.value.size() != 1)
                return badFeature(f.tag, QStringLiteral("number of entries is 1 byte, got %1").arg(f.value.size()));
            visa.numberOfEntries = static_cast<unsigned char>(f.value[0]);
            break;
        case VisaTag::DurationOfStay:
            if (f.value.size() != 3)
                return badFeature(f.tag, QStringLiteral("duration of stay is 3 bytes, got %1").arg(f.value.size()));
            visa.durationOfStay = DurationOfStay{static_cast<unsigned char>(f.value[0]), static_cast<unsigned char>(f.value[1]),
                                                 static_cast<unsigned char>(f.value[2])};
            break;
        case VisaTag::PassportNumber: {
            auto number = decodeC40(f.value);
            if (!number || f.value.size() != 6)
                return badFeature(f.tag, QStringLiteral("passport number is 6 bytes of C40"));
            visa.passportNumber = stripFillers(number->replace(u' ', u'<'));
            break;
        }
        case VisaTag::VisaType:
            if (f.value.isEmpty() || f.value.size() > 4)
                return badFeature(f.tag, QStringLiteral("visa type is 1 to 4 bytes, got %1").arg(f.value.size()));
            visa.visaType = f.value;
            break;
        case VisaTag::AdditionalFeature:
            visa.additionalFeature = f.value;
            break;
        default:
            break; // MRZ handled above; unknown tags stay in seal.features (BSI TR-03137 §3.2.3)
        }
    }

    // ICAO 9303-7 §4.2.2: line 1 = code(2) state(3) name; line 2 = number(9) check
    // nationality(3) birth(6) check sex expiry(6) check.
    const QString &l1 = visa.mrzLine1;
    const QString &l2 = visa.mrzLine2;
    visa.documentCode = stripFillers(QStringView(l1).left(2));
    visa.issuingState = stripFillers(QStringView(l1).mid(2, 3));
    const QString name = l1.mid(5);
    const qsizetype split = name.indexOf(QLatin1String("<<"));
    visa.surname = stripFillers(split < 0 ? QStringView(name) : QStringView(name).left(split));
    visa.givenNames = split < 0 ? QString() : stripFillers(QStringView(name).mid(split + 2));
    visa.visaNumber = stripFillers(QStringView(l2).left(9));
    visa.nationality = stripFillers(QStringView(l2).mid(10, 3));
    visa.birthDateRaw = l2.mid(13, 6);
    visa.sex = l2.mid(20, 1);
    const QString expiry = l2.mid(21, 6);
    const QDate until(2000 + expiry.left(2).toInt(), expiry.mid(2, 2).toInt(), expiry.mid(4, 2).toInt());
    if (until.isValid())
        visa.validUntil = until;
    visa.checkDigitsValid = checks(QStringView(l2).left(9), l2[9]) && checks(QStringView(l2).mid(13, 6), l2[19])
                            && checks(QStringView(l2).mid(21, 6), l2[27]);
    return visa;
}

Result<Kiosk::Visa> visaFromSeal(const VdsSeal &seal, const VdsTrustStore &store)
{
    const SignatureCheck check = verifySeal(seal, store);
    if (check.state != SignatureState::Valid)
        return fail(QStringLiteral("VDS_SIGNATURE_NOT_VALID"),
                    QStringLiteral("seal signature is %1: %2").arg(signatureStateToString(check.state), check.detail));
    auto fields = parseVisa(seal);
    if (!fields)
        return std::unexpected(fields.error());
    if (!fields->validUntil || !fields->durationOfStay)
        return fail(QStringLiteral("VDS_VISA_INCOMPLETE"), QStringLiteral("the visa seal lacks an expiry date or a duration of stay"));
    Kiosk::Visa visa;
    visa.validFrom = seal.header.issueDate;
    visa.validUntil = *fields->validUntil;
    const DurationOfStay &d = *fields->durationOfStay;
    visa.days = d.days + 30 * d.months + 365 * d.years;
    visa.entries = fields->numberOfEntries.value_or(0);
    visa.number = fields->visaNumber;
    visa.source = QStringLiteral("seal");
    return visa;
}

} // namespace Kiosk::Vds
