#pragma once
// The officers who may sign in at this kiosk: id, display name and a PBKDF2 hash of the PIN
// (app/crypto/passwordhash.h). Never a PIN in clear, never a name in a log line.
//
// File format (JSON, one object):
//   {"operators": [{"id": "OF-1001", "name": "Officer One", "pin_hash": "$pbkdf2-sha256$..."}]}
#include "app/core/error.h"
#include "app/crypto/passwordhash.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Kiosk::Session {

struct Operator
{
    QString id;
    QString name;
    QString pinHash;
};

class OperatorDirectory
{
public:
    // Errors: OPERATORS_MALFORMED (names the entry), OPERATORS_READ_FAILED.
    [[nodiscard]] static Result<OperatorDirectory> fromJson(QByteArrayView json);
    [[nodiscard]] static Result<OperatorDirectory> fromFile(const QString &path);

    // Adds an operator, hashing `pin` (kioskctl operator add, the demo, tests). `iterations` is
    // the KDF cost; below Crypto::kMinimumPbkdf2Iterations (the demo, tests) the directory then
    // accepts that cost when verifying. Hashes read from a file must meet the full floor.
    [[nodiscard]] Result<void> add(const QString &id, const QString &name, QStringView pin, int iterations);

    [[nodiscard]] QByteArray toJson() const;
    [[nodiscard]] std::optional<Operator> find(QStringView id) const;
    [[nodiscard]] qsizetype size() const { return m_operators.size(); }
    [[nodiscard]] const QList<Operator> &all() const { return m_operators; }

    // Checks the PIN. Errors: SIGNIN_FAILED for an unknown id or a wrong PIN (the same error,
    // so the screen does not reveal which ids exist), or the hash's own error.
    [[nodiscard]] Result<Operator> authenticate(QStringView id, QStringView pin) const;

    // Adds or replaces an operator whose PIN hash was made elsewhere (kioskctl operator add).
    void put(Operator op);

private:
    QList<Operator> m_operators;
    int m_minimumIterations = Crypto::kMinimumPbkdf2Iterations;
};

} // namespace Kiosk::Session
