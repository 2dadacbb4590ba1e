// border-central: the central service's composition root (issue 4 §4).
//   border-central serve --db URL --listen HOST:PORT --tls-cert F --tls-key F [--client-ca F]
//   border-central kiosk add --db URL --id ID --checkpoint CODE --public-key FILE
//   border-central kiosk revoke --db URL --id ID
//   border-central stats --db URL
//   border-central reference publish --db URL --kind KIND --version N --body FILE --signature FILE
//     (reference data for the kiosks, e.g. the policy and its detached .sig; the kiosks apply a
//     version only if the signature verifies against their trust anchor. KIND: policy, or
//     watchlist | permits | visas with a JSON file in the `kioskctl import` format: a kiosk
//     applies it all or nothing, a watchlist version replacing the list)
// URL: sqlite:PATH or postgresql://USER@HOST:PORT/DBNAME. Exit: 0 ok, 1 failure, 2 usage.
#include "app/core/terminationsignals.h"
#include "app/crypto/ed25519.h"
#include "sync/central/centralapi.h"
#include "sync/central/centraldatabase.h"
#include "sync/central/centralservice.h"
#include "sync/central/httpadapter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

using namespace Kiosk;
using namespace Kiosk::Central;

namespace {

enum Exit { Ok = 0, Failure = 1, Usage = 2 };

void out(const QByteArray &bytes, FILE *to = stdout)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), to);
    std::fflush(to);
}

int failWith(const Error &e)
{
    out("border-central: " + e.code.toUtf8() + ": " + e.message.toUtf8() + '\n', stderr);
    return Failure;
}

bool parse(QCommandLineParser &p, const QString &name, const QStringList &args, const QStringList &required)
{
    p.addHelpOption();
    if (!p.parse(QStringList{QStringLiteral("border-central ") + name} + args)) {
        out("border-central: " + p.errorText().toUtf8() + '\n' + p.helpText().toUtf8(), stderr);
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText().toUtf8());
        return false;
    }
    for (const QString &r : required) {
        if (!p.isSet(r)) {
            out("border-central: " + name.toUtf8() + ": --" + r.toUtf8() + " is required\n" + p.helpText().toUtf8(), stderr);
            return false;
        }
    }
    if (!p.positionalArguments().isEmpty()) {
        out("border-central: unexpected argument " + p.positionalArguments().first().toUtf8() + '\n', stderr);
        return false;
    }
    return true;
}

const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("sqlite:PATH or postgresql://USER@HOST:PORT/DB"), QStringLiteral("URL"));

int serve(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dbOption);
    p.addOption({QStringLiteral("listen"), QStringLiteral("Address and port, e.g. 127.0.0.1:8443 (port 0: any)"), QStringLiteral("HOST:PORT")});
    p.addOption({QStringLiteral("tls-cert"), QStringLiteral("Server certificate (PEM)"), QStringLiteral("F")});
    p.addOption({QStringLiteral("tls-key"), QStringLiteral("Server private key (PEM)"), QStringLiteral("F")});
    p.addOption({QStringLiteral("client-ca"), QStringLiteral("Require kiosk client certificates issued by this CA (PEM)"), QStringLiteral("F")});
    if (!parse(p, QStringLiteral("serve"), args, {QStringLiteral("db"), QStringLiteral("listen"), QStringLiteral("tls-cert"), QStringLiteral("tls-key")}))
        return Usage;
    const QString listen = p.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    const QHostAddress address(listen.left(colon));
    if (!portOk || port > 65535 || address.isNull()) {
        out("border-central: --listen must be HOST:PORT with a numeric address\n", stderr);
        return Usage;
    }
    auto db = CentralDatabase::open(p.value(dbOption));
    if (!db)
        return failWith(db.error());
    CentralService service(*db);
    CentralApi api(service);
    HttpAdapter http(api);
    auto bound = http.listen(address, static_cast<quint16>(port), TlsFiles{p.value(QStringLiteral("tls-cert")), p.value(QStringLiteral("tls-key")), p.value(QStringLiteral("client-ca"))});
    if (!bound)
        return failWith(bound.error());
    // Tests read this line to learn the port when they asked for port 0.
    out(QStringLiteral("listening on %1:%2\n").arg(address.toString()).arg(*bound).toUtf8());
    // SIGTERM/SIGINT/SIGHUP: quit between two requests (each one's write commits), exit 0.
    TerminationSignals termination;
    termination.quitEventLoop();
    return QCoreApplication::exec();
}

int kioskAdd(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dbOption);
    p.addOption({QStringLiteral("id"), QStringLiteral("Kiosk id"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("checkpoint"), QStringLiteral("Checkpoint code"), QStringLiteral("CODE")});
    p.addOption({QStringLiteral("public-key"), QStringLiteral("The kiosk's Ed25519 public key (PEM, as printed by kioskctl enroll)"), QStringLiteral("FILE")});
    if (!parse(p, QStringLiteral("kiosk add"), args, {QStringLiteral("db"), QStringLiteral("id"), QStringLiteral("checkpoint"), QStringLiteral("public-key")}))
        return Usage;
    auto key = Crypto::Ed25519PublicKey::fromFile(p.value(QStringLiteral("public-key")));
    if (!key)
        return failWith(key.error());
    auto db = CentralDatabase::open(p.value(dbOption));
    if (!db)
        return failWith(db.error());
    CentralService service(*db);
    if (auto r = service.addKiosk({p.value(QStringLiteral("id")), p.value(QStringLiteral("checkpoint")), key->raw(), false}); !r)
        return failWith(r.error());
    out(QStringLiteral("kiosk %1 enrolled\n").arg(p.value(QStringLiteral("id"))).toUtf8());
    return Ok;
}

int kioskRevoke(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dbOption);
    p.addOption({QStringLiteral("id"), QStringLiteral("Kiosk id"), QStringLiteral("ID")});
    if (!parse(p, QStringLiteral("kiosk revoke"), args, {QStringLiteral("db"), QStringLiteral("id")}))
        return Usage;
    auto db = CentralDatabase::open(p.value(dbOption));
    if (!db)
        return failWith(db.error());
    CentralService service(*db);
    if (auto r = service.revokeKiosk(p.value(QStringLiteral("id"))); !r)
        return failWith(r.error());
    out(QStringLiteral("kiosk %1 revoked\n").arg(p.value(QStringLiteral("id"))).toUtf8());
    return Ok;
}

int referencePublish(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dbOption);
    p.addOption({QStringLiteral("kind"), QStringLiteral("policy, watchlist, permits, visas"), QStringLiteral("KIND")});
    p.addOption({QStringLiteral("version"), QStringLiteral("Version number (higher wins)"), QStringLiteral("N")});
    p.addOption({QStringLiteral("body"), QStringLiteral("The signed file"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("signature"), QStringLiteral("Its detached signature"), QStringLiteral("FILE")});
    if (!parse(p, QStringLiteral("reference publish"), args,
               {QStringLiteral("db"), QStringLiteral("kind"), QStringLiteral("version"), QStringLiteral("body"), QStringLiteral("signature")}))
        return Usage;
    bool ok = false;
    const int version = p.value(QStringLiteral("version")).toInt(&ok);
    QFile body(p.value(QStringLiteral("body"))), signature(p.value(QStringLiteral("signature")));
    if (!ok || version < 1) {
        out("border-central: --version must be a positive integer\n", stderr);
        return Usage;
    }
    // The kinds a kiosk pulls (sync/client/syncclient.h); a typo would publish something no
    // kiosk ever reads.
    static const QStringList kinds{QStringLiteral("policy"), QStringLiteral("watchlist"), QStringLiteral("permits"), QStringLiteral("visas")};
    if (!kinds.contains(p.value(QStringLiteral("kind")))) {
        out("border-central: --kind must be one of policy, watchlist, permits, visas\n", stderr);
        return Usage;
    }
    if (!body.open(QIODevice::ReadOnly) || !signature.open(QIODevice::ReadOnly)) {
        out("border-central: cannot read --body or --signature\n", stderr);
        return Failure;
    }
    auto db = CentralDatabase::open(p.value(dbOption));
    if (!db)
        return failWith(db.error());
    CentralService service(*db);
    if (auto r = service.publishReference({p.value(QStringLiteral("kind")), version, body.readAll(), signature.readAll()}); !r)
        return failWith(r.error());
    out(QStringLiteral("%1 version %2 published\n").arg(p.value(QStringLiteral("kind"))).arg(version).toUtf8());
    return Ok;
}

int stats(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dbOption);
    if (!parse(p, QStringLiteral("stats"), args, {QStringLiteral("db")}))
        return Usage;
    auto db = CentralDatabase::open(p.value(dbOption));
    if (!db)
        return failWith(db.error());
    CentralService service(*db);
    auto s = service.stats();
    if (!s)
        return failWith(s.error());
    out(QJsonDocument(*s).toJson(QJsonDocument::Indented));
    return Ok;
}

void usage(FILE *to)
{
    out("usage: border-central serve --db URL --listen HOST:PORT --tls-cert F --tls-key F [--client-ca F]\n"
        "       border-central kiosk add --db URL --id ID --checkpoint CODE --public-key FILE\n"
        "       border-central kiosk revoke --db URL --id ID\n"
        "       border-central stats --db URL\n"
        "       border-central reference publish --db URL --kind KIND --version N --body FILE --signature FILE\n"
        "URL: sqlite:PATH | postgresql://USER@HOST:PORT/DBNAME\n", to);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("border-central"));
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        usage(stderr);
        return Usage;
    }
    const QString &cmd = args.front();
    if (cmd == QLatin1String("--help") || cmd == QLatin1String("-h")) {
        usage(stdout);
        return Ok;
    }
    if (cmd == QLatin1String("serve"))
        return serve(args.mid(1));
    if (cmd == QLatin1String("stats"))
        return stats(args.mid(1));
    if (cmd == QLatin1String("kiosk") && args.size() >= 2 && args.at(1) == QLatin1String("add"))
        return kioskAdd(args.mid(2));
    if (cmd == QLatin1String("kiosk") && args.size() >= 2 && args.at(1) == QLatin1String("revoke"))
        return kioskRevoke(args.mid(2));
    if (cmd == QLatin1String("reference") && args.size() >= 2 && args.at(1) == QLatin1String("publish"))
        return referencePublish(args.mid(2));
    out("border-central: unknown command '" + cmd.toUtf8() + "'\n", stderr);
    usage(stderr);
    return Usage;
}
