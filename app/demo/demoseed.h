#pragma once
// The demo's world: a store seeded with synthetic travellers and their crossings,
// watchlist entries, visas, and the sample documents the simulator plays, one of every kind.
// Every person here is invented; names are built from syllables, never taken from anyone.
// Dates are relative to the demo's "today", so the demo shows the same cases on any day.
#include "app/core/error.h"
#include "app/core/verdict.h"
#include "scanner/barcode/vds/vdstruststore.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Kiosk::Store {
class Database;
}

namespace Kiosk::Session {

// One sample document the simulator plays, with the lane direction it is read at.
struct DemoDocument
{
    QString kind;        // "visa-free", "visa", "overstayer", "banned", "exit-restriction", ...
    QString mrz;         // lines joined by '\n'
    Direction direction = Direction::Entry;
    VerdictKind expected = VerdictKind::Admit; // what the shipped policy should answer
    QString expectedReason;                    // the reason code that makes it so
    QByteArray barcode;  // read right after the passport (a boarding pass), empty for most
};

struct DemoSeedOptions
{
    QDate today;                 // the checkpoint's local date
    QDateTime now;               // the instant (watchlist import time)
    QString checkpoint = QStringLiteral("GYD");
    int backgroundTravellers = 300; // bulk history, nationality mix from the seed's §28
    quint32 randomSeed = 28;
};

// Seeds `db` (empty, migrated) and returns the documents to play, in order. `sealTrust`
// receives the throw-away demo seal authority that signed the "visa-seal" sample's seal (the
// session must trust it for that sample's visa to count). Errors: those of the store, DEMO_SEAL.
[[nodiscard]] Result<QList<DemoDocument>> seedDemoStore(Store::Database &db, const DemoSeedOptions &options,
                                                        Vds::VdsTrustStore *sealTrust);

// A TD3 (passport) MRZ with correct check digits (ICAO 9303-4 §4.2.2), for synthetic people.
[[nodiscard]] QString makeTd3Mrz(const QString &issuingState, const QString &surname, const QString &givenNames,
                                 const QString &number, const QString &nationality, const QDate &birth,
                                 QChar sex, const QDate &expiry);

// An IATA Resolution 792 boarding pass, format M, one leg, the 60 mandatory characters.
[[nodiscard]] QByteArray makeBcbp(const QString &surname, const QString &givenName, const QString &pnr, const QString &from,
                                  const QString &to, const QString &carrier, int flightNumber, const QDate &flightDate,
                                  const QString &seat);

} // namespace Kiosk::Session
