#include "scanner/barcode/vds/vdstruststore.h"

#include <QDir>

namespace Kiosk::Vds {

namespace {

QString normalizedReference(QStringView ref)
{
    QString out = ref.toString().toUpper();
    while (out.size() > 1 && out.startsWith(u'0'))
        out.remove(0, 1);
    return out;
}

Result<void> loadFolder(const QString &folder, QList<Crypto::Certificate> &into)
{
    const QDir dir(folder);
    if (!dir.exists())
        return {};
    const QStringList files = dir.entryList({QStringLiteral("*.pem"), QStringLiteral("*.crt"), QStringLiteral("*.der"), QStringLiteral("*.cer")},
                                            QDir::Files, QDir::Name);
    for (const QString &name : files) {
        auto certs = Crypto::Certificate::fromFile(dir.filePath(name));
        if (!certs)
            return fail(QStringLiteral("TRUST_STORE_UNREADABLE"), certs.error().message);
        into += *certs;
    }
    return {};
}

} // namespace

Result<VdsTrustStore> VdsTrustStore::load(const QString &folder)
{
    if (!QDir(folder).exists())
        return fail(QStringLiteral("TRUST_STORE_UNREADABLE"), QStringLiteral("no trust store folder %1").arg(folder));
    VdsTrustStore store;
    for (auto [sub, list] : {std::pair{"roots", &store.m_roots}, std::pair{"intermediates", &store.m_intermediates},
                             std::pair{"signers", &store.m_signers}}) {
        if (auto ok = loadFolder(QDir(folder).filePath(QLatin1String(sub)), *list); !ok)
            return std::unexpected(ok.error());
    }
    return store;
}

std::optional<Crypto::Certificate> VdsTrustStore::findSigner(QStringView signerId, QStringView certReference) const
{
    const QString ref = normalizedReference(certReference);
    for (const Crypto::Certificate &c : m_signers) {
        if ((c.subjectCountry() + c.subjectCommonName()).compare(signerId, Qt::CaseInsensitive) == 0
            && normalizedReference(c.serialHex()) == ref)
            return c;
    }
    return std::nullopt;
}

} // namespace Kiosk::Vds
