#pragma once
// A policy signing authority made for one test: a fresh Ed25519 key (never the development
// key, which a deployed kiosk refuses), its public half as a trust anchor file, and policy
// files signed by it. No key material is committed.
#include "app/core/error.h"
#include "app/crypto/ed25519.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace Kiosk::Test {

class PolicyAuthority
{
public:
    // Writes the anchor to `anchorPath`. Errors: the key's, ANCHOR_WRITE.
    [[nodiscard]] static Result<PolicyAuthority> create(const QString &anchorPath);

    [[nodiscard]] QString anchorPath() const { return m_anchorPath; }
    [[nodiscard]] const Crypto::Ed25519PrivateKey &key() const { return m_key; }

    // Writes `body` to `path` and its detached signature (base64, one line) to `path`.sig.
    [[nodiscard]] Result<void> writeSigned(const QString &path, const QByteArray &body) const;

    // The shipped policy (resources/policy/policy.json) with `issued` set and `edit` applied to
    // its newest version; empty when the shipped file cannot be read.
    [[nodiscard]] static QByteArray shippedPolicy(const QDate &issued,
                                                  const std::function<void(QJsonObject &newestVersion)> &edit = {});

private:
    PolicyAuthority(Crypto::Ed25519PrivateKey key, QString anchorPath);
    Crypto::Ed25519PrivateKey m_key;
    QString m_anchorPath;
};

} // namespace Kiosk::Test
