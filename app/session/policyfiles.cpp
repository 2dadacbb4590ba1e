#include "app/session/policyfiles.h"

#include "app/crypto/ed25519.h"

#include <QFile>

namespace Kiosk::Session {

namespace {

Result<QByteArray> readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("POLICY_FILE_UNREADABLE"), QStringLiteral("%1: %2").arg(path, f.errorString()));
    return f.readAll();
}

} // namespace

Result<Rules::PolicySet> loadSignedPolicy(const QString &policyPath, const QString &signaturePath, const QString &trustAnchorPath)
{
    auto bytes = readAll(policyPath);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto signature = readAll(signaturePath);
    if (!signature)
        return std::unexpected(signature.error());
    auto pem = readAll(trustAnchorPath);
    if (!pem)
        return std::unexpected(pem.error());
    auto anchor = Crypto::Ed25519PublicKey::fromPem(*pem);
    if (!anchor)
        return std::unexpected(anchor.error());
    return Rules::PolicySet::loadSigned(*bytes, *signature, *anchor);
}

} // namespace Kiosk::Session
