#pragma once
// The kiosk's identity as its database remembers it (resources/sql/005_kiosk_identity.sql):
// which kiosk of which checkpoint owns this file, with which signing key.
#include "app/core/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Kiosk::Store {

class Database;

struct KioskIdentity
{
    QString kioskId;
    QString checkpoint;
    QByteArray publicKey; // raw 32 bytes (Ed25519)
    QDateTime enrolledAt; // UTC; binding needs it, on the caller's clock
};

// The stored identity, or nullopt for a database nobody enrolled. Errors: STORE_QUERY_FAILED.
[[nodiscard]] Result<std::optional<KioskIdentity>> readKioskIdentity(Database &db);

// Binds the database to `identity`: stored when the database has none, accepted when it is the
// same kiosk, checkpoint and key. Errors: KIOSK_IDENTITY_MISMATCH (names both sides' id and
// checkpoint, or says the key differs), STORE_BAD_IDENTITY (no enrolledAt to store),
// STORE_QUERY_FAILED.
[[nodiscard]] Result<void> bindKioskIdentity(Database &db, const KioskIdentity &identity);

// Compares what the configuration says with what the database holds; a database nobody
// enrolled passes (the demo's, a test's). An empty id, checkpoint or `publicKey` is not compared.
// Errors: KIOSK_IDENTITY_MISMATCH, STORE_QUERY_FAILED.
[[nodiscard]] Result<void> checkKioskIdentity(Database &db, const QString &kioskId, const QString &checkpoint,
                                              const QByteArray &publicKey = {});

} // namespace Kiosk::Store
