// kioskctl policy sign | verify | keygen: signing a policy file (the operator's step,
// resources/policy/README.md), checking one, and making a key pair.
#include "app/kioskctl/cmd_policy.h"

#include "app/core/resourcelocator.h"
#include "app/crypto/ed25519.h"
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Kiosk::Ctl {

namespace {

Result<QByteArray> readFile(const QString &path, const QString &code)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(code, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

} // namespace

Result<Session::LoadedPolicy> loadToolPolicy(const QString &policyPath, const QString &trustPath)
{
    auto anchorPath = locateResource(trustPath, QStringLiteral("trust/policy-dev.pub.pem"));
    if (!anchorPath)
        return std::unexpected(anchorPath.error());
    auto anchor = Session::readTrustAnchor(*anchorPath, Session::AnchorUse::Development);
    if (!anchor)
        return std::unexpected(anchor.error());
    auto path = locateResource(policyPath, QStringLiteral("policy/policy.json"));
    if (!path)
        return std::unexpected(path.error());
    return Session::loadSignedPolicyFile(*path, anchor->key);
}

namespace {

QJsonObject errorJson(const Error &e)
{
    return QJsonObject{{QStringLiteral("code"), e.code}, {QStringLiteral("message"), e.message}};
}

// kioskctl policy sign --key KEY.pem [--kind policy|watchlist|permits|visas] FILE.json
int runPolicySign(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sign a policy file: writes POLICY.json.sig, the detached Ed25519 signature over the exact bytes of\n"
        "POLICY.json (base64, one line). The file must parse as a policy first.\n"
        "Exit status: 0 signed, 1 the policy does not parse (nothing written), 2 usage error or unreadable key/file."));
    parser.addPositionalArgument(QStringLiteral("POLICY"), QStringLiteral("The policy JSON file."));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("Ed25519 private key (PKCS#8 PEM)."), QStringLiteral("KEY.pem"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Signature file (default: POLICY.sig)."), QStringLiteral("FILE"));
    const QCommandLineOption kind(QStringLiteral("kind"),
                                  QStringLiteral("What is signed: policy (default), or the reference lists watchlist, permits, visas (JSON in the kioskctl import format)."),
                                  QStringLiteral("KIND"), QStringLiteral("policy"));
    parser.addOptions({key, out, kind});
    if (!parseArgs(parser, QStringLiteral("policy sign"), args))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(key)) {
        printError(QStringLiteral("policy sign: usage: kioskctl policy sign --key KEY.pem POLICY.json"));
        return ExitUsage;
    }
    const QString policyPath = parser.positionalArguments().front();
    auto privateKey = Crypto::Ed25519PrivateKey::fromFile(parser.value(key));
    if (!privateKey) {
        printError(QStringLiteral("policy sign: %1").arg(privateKey.error().message));
        return ExitUsage;
    }
    auto bytes = readFile(policyPath, QStringLiteral("POLICY_FILE_UNREADABLE"));
    if (!bytes) {
        printError(QStringLiteral("policy sign: %1").arg(bytes.error().message));
        return ExitUsage;
    }
    // Never sign what the kiosks would refuse to load.
    const QString what = parser.value(kind);
    if (what == u"policy") {
        if (auto parsed = Rules::PolicySet::fromJson(*bytes); !parsed) {
            printError(QStringLiteral("policy sign: %1: %2 (%3); not signed").arg(policyPath, parsed.error().message, parsed.error().code));
            return ExitNegative;
        }
    } else if (what == u"watchlist" || what == u"permits" || what == u"visas") {
        QJsonParseError perr{};
        (void)QJsonDocument::fromJson(*bytes, &perr);
        if (perr.error != QJsonParseError::NoError) {
            printError(QStringLiteral("policy sign: %1: not JSON (%2 at offset %3); not signed").arg(policyPath, perr.errorString()).arg(perr.offset));
            return ExitNegative;
        }
    } else {
        printError(QStringLiteral("policy sign: --kind must be policy, watchlist, permits or visas"));
        return ExitUsage;
    }
    auto signature = privateKey->sign(*bytes);
    if (!signature) {
        printError(QStringLiteral("policy sign: %1").arg(signature.error().message));
        return ExitUsage;
    }
    const QString sigPath = parser.isSet(out) ? parser.value(out) : policyPath + QStringLiteral(".sig");
    QSaveFile file(sigPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(Rules::encodeDetachedSignature(*signature)) < 0 || !file.commit()) {
        printError(QStringLiteral("policy sign: cannot write %1: %2").arg(sigPath, file.errorString()));
        return ExitUsage;
    }
    printJsonLine(QJsonObject{{QStringLiteral("signed"), policyPath}, {QStringLiteral("signature"), sigPath}});
    return ExitOk;
}

// kioskctl policy verify [--trust PUB.pem] [POLICY.json]
int runPolicyVerify(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Verify a policy file against a trust anchor (its detached signature POLICY.sig over the exact bytes),\n"
        "then parse it. Prints one JSON object: {\"valid\": true, \"versions\": [...]} or {\"valid\": false, \"error\": {...}}.\n"
        "Exit status: 0 valid, 1 not valid (signature or content), 2 usage error."));
    parser.addPositionalArgument(QStringLiteral("POLICY"), QStringLiteral("The policy JSON file (default: the shipped policy)."), QStringLiteral("[POLICY]"));
    const QCommandLineOption trust(QStringLiteral("trust"), QStringLiteral("Trust anchor, Ed25519 public key PEM (default: resources/trust/policy-dev.pub.pem)."),
                                   QStringLiteral("PUB.pem"));
    parser.addOption(trust);
    if (!parseArgs(parser, QStringLiteral("policy verify"), args))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() > 1) {
        printError(QStringLiteral("policy verify: at most one POLICY file"));
        return ExitUsage;
    }
    const QString policyPath = parser.positionalArguments().value(0);
    auto set = loadToolPolicy(policyPath, parser.value(trust));
    if (!set) {
        printJsonLine(QJsonObject{{QStringLiteral("valid"), false}, {QStringLiteral("policy"), policyPath},
                                  {QStringLiteral("error"), errorJson(set.error())}});
        return ExitNegative;
    }
    QJsonArray versions;
    for (const Rules::PolicyVersion &v : set->set.versions())
        versions.append(QJsonObject{{QStringLiteral("version"), v.version},
                                    {QStringLiteral("effective_from"), v.effectiveFrom.toString(Qt::ISODate)}});
    printJsonLine(QJsonObject{{QStringLiteral("valid"), true}, {QStringLiteral("policy"), set->source},
                              {QStringLiteral("versions"), versions}});
    return ExitOk;
}

// kioskctl policy keygen --private KEY.pem --public PUB.pem
int runPolicyKeygen(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Make an Ed25519 key pair for signing policies: the private key (PKCS#8 PEM, mode 0600) and its public\n"
        "key (the trust anchor for the kiosks). Refuses to overwrite either file.\n"
        "Exit status: 0 written, 2 usage error or a file exists / cannot be written."));
    const QCommandLineOption priv(QStringLiteral("private"), QStringLiteral("Private key file to create."), QStringLiteral("KEY.pem"));
    const QCommandLineOption pub(QStringLiteral("public"), QStringLiteral("Public key file to create."), QStringLiteral("PUB.pem"));
    parser.addOptions({priv, pub});
    if (!parseArgs(parser, QStringLiteral("policy keygen"), args))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    if (!parser.isSet(priv) || !parser.isSet(pub) || !parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("policy keygen: usage: kioskctl policy keygen --private KEY.pem --public PUB.pem"));
        return ExitUsage;
    }
    if (QFileInfo::exists(parser.value(pub))) {
        printError(QStringLiteral("policy keygen: %1 exists; not overwritten").arg(parser.value(pub)));
        return ExitUsage;
    }
    auto key = Crypto::Ed25519PrivateKey::generate();
    if (!key) {
        printError(QStringLiteral("policy keygen: %1").arg(key.error().message));
        return ExitUsage;
    }
    if (auto saved = key->saveNew(parser.value(priv)); !saved) {
        printError(QStringLiteral("policy keygen: %1").arg(saved.error().message));
        return ExitUsage;
    }
    QSaveFile file(parser.value(pub));
    if (!file.open(QIODevice::WriteOnly) || file.write(key->publicKey().toPem()) < 0 || !file.commit()) {
        printError(QStringLiteral("policy keygen: cannot write %1: %2").arg(parser.value(pub), file.errorString()));
        return ExitUsage;
    }
    printJsonLine(QJsonObject{{QStringLiteral("private"), parser.value(priv)}, {QStringLiteral("public"), parser.value(pub)}});
    return ExitOk;
}

const Registration regSign{{QStringLiteral("policy"), QStringLiteral("sign")},
                           QStringLiteral("Sign a policy file (writes POLICY.sig)"), &runPolicySign};
const Registration regVerify{{QStringLiteral("policy"), QStringLiteral("verify")},
                             QStringLiteral("Verify a signed policy against the trust anchor"), &runPolicyVerify};
const Registration regKeygen{{QStringLiteral("policy"), QStringLiteral("keygen")},
                             QStringLiteral("Make an Ed25519 policy-signing key pair"), &runPolicyKeygen};

} // namespace

} // namespace Kiosk::Ctl
