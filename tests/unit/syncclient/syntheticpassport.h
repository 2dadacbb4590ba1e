#pragma once
// A synthetic passport as the MRZ parser would give it, and the MRZ text of one (no real
// person): shared by the sync unit tests, the integration tests and bench_sync.
#include "app/core/traveldocument.h"
#include "scanner/mrz/checkdigit.h"

namespace Kiosk::Test {

inline TravelDocument syntheticPassport(QStringView state, const QString &number, const QString &surname, const QString &givenNames,
                                        const QDate &birth, const std::optional<QDate> &expiry = std::nullopt)
{
    TravelDocument d;
    d.documentCode = QStringLiteral("P");
    d.kind = DocumentKind::Passport;
    d.issuingState = CountryCode::fromString(state).value_or(CountryCode());
    d.nationality = d.issuingState;
    d.documentNumber = number;
    d.surname = surname;
    d.givenNames = givenNames;
    d.birthDate = birth;
    d.birthDateRaw = birth.toString(QStringLiteral("yyMMdd"));
    d.sex = Sex::Female;
    d.expiryDate = expiry;
    d.checkDigitsValid = true;
    return d;
}

// A TD3 MRZ of a synthetic RUS national (visa-free in the shipped policy), check digits
// computed (ICAO 9303-3 §4.9), distinct per `n`.
inline QString syntheticMrz(int n)
{
    auto cd = [](const QString &s) { return QString::number(*Mrz::checkDigit(QStringView(s))); };
    const QString number = QStringLiteral("C%1").arg(n, 8, 10, QLatin1Char('0'));
    const QString birth = QStringLiteral("900101"), expiry = QStringLiteral("350101"), opt(14, u'<');
    const QString a = number + cd(number), b = birth + cd(birth), c = expiry + cd(expiry), d = opt + cd(opt);
    const QString line1 = (QStringLiteral("P<RUSTESTOVA<<ANNA<") + QString(QChar(u'A' + n % 26))).leftJustified(44, u'<');
    return line1 + u'\n' + a + QStringLiteral("RUS") + b + u'F' + c + d + cd(a + b + c + d) + u'\n';
}

} // namespace Kiosk::Test
