#pragma once
// A synthetic passport as the MRZ parser would give it (no real person): shared by the sync
// unit tests, the integration tests and bench_sync.
#include "app/core/traveldocument.h"

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

} // namespace Kiosk::Test
