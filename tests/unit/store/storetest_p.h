#pragma once
// Shared set-up of the store tests: a fresh database in a QTemporaryDir and synthetic
// travellers (no real person's data).
#include "app/core/traveldocument.h"
#include "app/store/database.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace StoreTest {

struct TempDb
{
    QTemporaryDir dir;
    std::optional<Kiosk::Store::Database> db;

    TempDb()
    {
        auto opened = Kiosk::Store::Database::open(dir.filePath(QStringLiteral("kiosk.db")));
        if (opened)
            db.emplace(std::move(*opened));
        else
            qWarning("open failed: %s", qPrintable(opened.error().message));
    }
    Kiosk::Store::Database &operator*() { return *db; }
};

inline Kiosk::TravelDocument passport(const char *state, const char *number, const char *nationality,
                                      const char *surname, const char *given, std::optional<QDate> birth)
{
    Kiosk::TravelDocument d;
    d.documentCode = QStringLiteral("P");
    d.kind = Kiosk::DocumentKind::Passport;
    d.issuingState = *Kiosk::CountryCode::fromString(QString::fromLatin1(state));
    d.documentNumber = QLatin1String(number);
    d.nationality = *Kiosk::CountryCode::fromString(QString::fromLatin1(nationality));
    d.surname = QString::fromUtf8(surname);
    d.givenNames = QString::fromUtf8(given);
    d.birthDate = birth;
    d.expiryDate = QDate(2033, 1, 1);
    d.checkDigitsValid = true;
    return d;
}

} // namespace StoreTest
