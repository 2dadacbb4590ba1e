#include "tests/support/policyauthority.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Kiosk::Test {

PolicyAuthority::PolicyAuthority(Crypto::Ed25519PrivateKey key, QString anchorPath)
    : m_key(std::move(key))
    , m_anchorPath(std::move(anchorPath))
{
}

Result<PolicyAuthority> PolicyAuthority::create(const QString &anchorPath)
{
    auto key = Crypto::Ed25519PrivateKey::generate();
    if (!key)
        return std::unexpected(key.error());
    QFile anchor(anchorPath);
    if (!anchor.open(QIODevice::WriteOnly | QIODevice::Truncate) || anchor.write(key->publicKey().toPem()) < 0)
        return fail(QStringLiteral("ANCHOR_WRITE"), QStringLiteral("cannot write %1").arg(anchorPath));
    return PolicyAuthority(std::move(*key), anchorPath);
}

Result<void> PolicyAuthority::writeSigned(const QString &path, const QByteArray &body) const
{
    auto signature = m_key.sign(body);
    if (!signature)
        return std::unexpected(signature.error());
    QFile policy(path), sig(path + QStringLiteral(".sig"));
    if (!policy.open(QIODevice::WriteOnly | QIODevice::Truncate) || !sig.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || policy.write(body) < 0 || sig.write(signature->toBase64() + '\n') < 0)
        return fail(QStringLiteral("POLICY_WRITE"), QStringLiteral("cannot write %1 and its .sig").arg(path));
    return {};
}

QByteArray PolicyAuthority::shippedPolicy(const QDate &issued, const std::function<void(QJsonObject &)> &edit)
{
    QFile file(QStringLiteral(KIOSK_SOURCE_DIR "/resources/policy/policy.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    root.insert(QStringLiteral("issued"), issued.toString(Qt::ISODate));
    if (edit) {
        QJsonArray versions = root.value(QStringLiteral("versions")).toArray();
        QJsonObject newest = versions.last().toObject();
        edit(newest);
        versions.replace(versions.size() - 1, newest);
        root.insert(QStringLiteral("versions"), versions);
    }
    return QJsonDocument(root).toJson();
}

} // namespace Kiosk::Test
