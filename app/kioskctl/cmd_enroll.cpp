// kioskctl enroll --id ID --checkpoint CODE [--key FILE] [--config FILE] (issue 4 §1): creates
// the kiosk's Ed25519 signing key (PKCS#8 PEM, mode 0600, refused if the file exists) and
// prints its public key (PEM) for the central registry (`border-central kiosk add`).
#include "app/crypto/ed25519.h"
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "app/kioskctl/kioskconfig.h"

#include <QCommandLineParser>

using namespace Kiosk;
using namespace Kiosk::Ctl;

namespace {

int runEnroll(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), QStringLiteral("Kiosk id, e.g. KIOSK-GYD-01"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("checkpoint"), QStringLiteral("Checkpoint code, e.g. GYD"), QStringLiteral("CODE")});
    auto config = kioskCommandConfig(p, QStringLiteral("enroll"), args, false);
    if (!config)
        return ExitUsage;
    if (config->kioskId.isEmpty() || config->checkpoint.isEmpty()) {
        printError(QStringLiteral("enroll: --id and --checkpoint are required"));
        return ExitUsage;
    }
    if (config->keyFile.isEmpty()) {
        printError(QStringLiteral("enroll: where to write the key? --key FILE or [kiosk] key in the configuration"));
        return ExitUsage;
    }
    auto key = Crypto::Ed25519PrivateKey::generate();
    if (!key) {
        printError(key.error().message);
        return ExitNegative;
    }
    if (auto saved = key->saveNew(config->keyFile); !saved) {
        printError(QStringLiteral("enroll: %1 (%2)").arg(saved.error().message, saved.error().code));
        return ExitNegative;
    }
    // stdout: the public key only, so that it can be redirected to the file the central
    // operator passes to `border-central kiosk add --public-key`.
    const QByteArray pem = key->publicKey().toPem();
    std::fwrite(pem.constData(), 1, static_cast<size_t>(pem.size()), stdout);
    std::fflush(stdout);
    printError(QStringLiteral("enroll: key written to %1 (mode 0600); register it with: "
                              "border-central kiosk add --db URL --id %2 --checkpoint %3 --public-key PUBLIC.pem")
                   .arg(config->keyFile, config->kioskId, config->checkpoint));
    return ExitOk;
}

const Registration reg{{QStringLiteral("enroll")}, QStringLiteral("Create the kiosk's signing key; print its public key"), &runEnroll};

} // namespace
