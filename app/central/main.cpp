// border-central: the central service's composition root.
//   border-central serve --config FILE | --db URL --listen HOST:PORT --tls-cert F --tls-key F
//                        [--client-ca F] [--replay-window SECONDS] [--insecure-demo]
//   border-central kiosk add --db URL --id ID --checkpoint CODE --public-key FILE
//   border-central kiosk revoke --db URL --id ID
//   border-central stats --db URL
//   border-central reference publish --db URL --kind KIND --version N --body FILE --signature FILE
//     Every command takes --config FILE (central.ini, [central] database listen tls_cert tls_key
//     client_ca replay_window_seconds) in place of, or beside, the options: an option given on
//     the command line wins. `serve` authenticates every request as an enrolled, unrevoked
//     kiosk (signed with its key, sync/central/requestauth.h); it only answers anyone with
//     --insecure-demo, which the demo alone uses.
//     (reference data for the kiosks, e.g. the policy and its detached .sig; the kiosks apply a
//     version only if the signature verifies against their trust anchor. KIND: policy, or
//     watchlist | permits | visas with a JSON file in the `kioskctl import` format: a kiosk
//     applies it all or nothing, a watchlist version replacing the list)
// URL: sqlite:PATH or postgresql://USER@HOST:PORT/DBNAME. Exit: 0 ok, 1 failure, 2 usage.
#include "app/core/clock.h"
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
#include <QSettings>

#include <memory>
#include <optional>
#include <tuple>

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
const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("central.ini ([central] database, listen, tls_cert, tls_key, client_ca, replay_window_seconds)"),
                                      QStringLiteral("FILE"));

// The options of a command with central.ini under them: the command line wins, the INI fills in.
class Settings
{
public:
    // False (after saying why) when --config names a file that cannot be read.
    bool load(const QCommandLineParser &p)
    {
        m_parser = &p;
        if (!p.isSet(configOption))
            return true;
        const QString path = p.value(configOption);
        QFile probe(path);
        if (!probe.open(QIODevice::ReadOnly)) {
            out("border-central: cannot read " + path.toUtf8() + ": " + probe.errorString().toUtf8() + '\n', stderr);
            return false;
        }
        m_ini = std::make_unique<QSettings>(path, QSettings::IniFormat);
        if (m_ini->status() != QSettings::NoError) {
            out("border-central: " + path.toUtf8() + " is not a readable INI file\n", stderr);
            return false;
        }
        return true;
    }
    // `option` from the command line, else [central] `key` of the INI.
    [[nodiscard]] QString value(const QString &option, const QString &key = {}) const
    {
        if (m_parser->isSet(option))
            return m_parser->value(option);
        if (m_ini && !key.isEmpty())
            return m_ini->value(QStringLiteral("central/") + key).toString().trimmed();
        return QString();
    }
    // False (after saying which) when one of `required` has no value.
    [[nodiscard]] bool require(const QString &command, const QList<std::pair<QString, QString>> &required) const
    {
        for (const auto &[option, key] : required)
            if (value(option, key).isEmpty()) {
                out("border-central: " + command.toUtf8() + ": --" + option.toUtf8()
                        + (key.isEmpty() ? QByteArray(" is required\n") : " (or [central] " + key.toUtf8() + " in --config) is required\n"),
                    stderr);
                return false;
            }
        return true;
    }
    [[nodiscard]] QString database() const { return value(QStringLiteral("db"), QStringLiteral("database")); }

private:
    const QCommandLineParser *m_parser = nullptr;
    std::unique_ptr<QSettings> m_ini;
};

const std::pair<QString, QString> kDatabase{QStringLiteral("db"), QStringLiteral("database")};

// Parses a command's options (with --db and --config), then reads the INI; nullopt: usage.
std::optional<Settings> commandSettings(QCommandLineParser &p, const QString &name, const QStringList &args,
                                        const QList<std::pair<QString, QString>> &required)
{
    p.addOption(dbOption);
    p.addOption(configOption);
    if (!parse(p, name, args, {}))
        return std::nullopt;
    Settings settings;
    if (!settings.load(p) || !settings.require(name, required))
        return std::nullopt;
    return settings;
}

int serve(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("listen"), QStringLiteral("Address and port, e.g. 127.0.0.1:8443 (port 0: any)"), QStringLiteral("HOST:PORT")});
    p.addOption({QStringLiteral("tls-cert"), QStringLiteral("Server certificate (PEM)"), QStringLiteral("F")});
    p.addOption({QStringLiteral("tls-key"), QStringLiteral("Server private key (PEM)"), QStringLiteral("F")});
    p.addOption({QStringLiteral("client-ca"), QStringLiteral("Require kiosk client certificates issued by this CA (PEM)"), QStringLiteral("F")});
    p.addOption({QStringLiteral("replay-window"), QStringLiteral("Seconds a signed request's time may differ from this clock (default 300)"), QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("insecure-demo"), QStringLiteral("Answer unauthenticated requests (the demo only: anyone can then read every crossing)")});
    p.addOption({QStringLiteral("max-connections"), QStringLiteral("Connections held at once, in all (default 512)"), QStringLiteral("N")});
    p.addOption({QStringLiteral("max-connections-per-address"), QStringLiteral("Connections held at once from one address (default 32)"), QStringLiteral("N")});
    const auto settings = commandSettings(p, QStringLiteral("serve"), args,
                                          {kDatabase, {QStringLiteral("listen"), QStringLiteral("listen")}, {QStringLiteral("tls-cert"), QStringLiteral("tls_cert")},
                                           {QStringLiteral("tls-key"), QStringLiteral("tls_key")}});
    if (!settings)
        return Usage;
    const QString windowText = settings->value(QStringLiteral("replay-window"), QStringLiteral("replay_window_seconds"));
    bool windowOk = true;
    const int window = windowText.isEmpty() ? kDefaultReplayWindowSeconds : windowText.toInt(&windowOk);
    if (!windowOk || window < 10 || window > 3600) {
        out("border-central: the replay window must be 10 to 3600 seconds\n", stderr);
        return Usage;
    }
    // The connection caps; the deadlines and body limit are in ServerLimits.
    ServerLimits limits;
    for (auto [option, key, target] : {std::tuple{QStringLiteral("max-connections"), QStringLiteral("max_connections"), &limits.maxConnections},
                                       std::tuple{QStringLiteral("max-connections-per-address"), QStringLiteral("max_connections_per_address"),
                                                  &limits.maxConnectionsPerAddress}}) {
        const QString text = settings->value(option, key);
        if (text.isEmpty())
            continue;
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < 1 || n > 100000) {
            out(QStringLiteral("border-central: --%1 must be 1 to 100000\n").arg(option).toUtf8(), stderr);
            return Usage;
        }
        *target = n;
    }
    const QString listen = settings->value(QStringLiteral("listen"), QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    const QHostAddress address(listen.left(colon));
    if (!portOk || port > 65535 || address.isNull()) {
        out("border-central: --listen must be HOST:PORT with a numeric address\n", stderr);
        return Usage;
    }
    // One clock for the migrations' bookkeeping, the service (received_at, partitions) and the
    // requests' replay window.
    const SystemClock clock;
    auto db = CentralDatabase::open(settings->database(), clock);
    if (!db)
        return failWith(db.error());
    CentralService service(*db, [&clock] { return clock.now(); });
    RequestAuthenticator auth(service, clock, window);
    const bool insecure = p.isSet(QStringLiteral("insecure-demo"));
    if (insecure)
        out("border-central: WARNING: --insecure-demo: requests are not authenticated; anyone who reaches the port reads every crossing\n", stderr);
    CentralApi api(service, insecure ? nullptr : &auth);
    HttpAdapter http(api, limits);
    auto bound = http.listen(address, static_cast<quint16>(port),
                             TlsFiles{settings->value(QStringLiteral("tls-cert"), QStringLiteral("tls_cert")), settings->value(QStringLiteral("tls-key"), QStringLiteral("tls_key")),
                                      settings->value(QStringLiteral("client-ca"), QStringLiteral("client_ca"))});
    if (!bound)
        return failWith(bound.error());
    // SIGTERM/SIGINT/SIGHUP: quit between two requests (each one's write commits), exit 0.
    // Installed before the line below, so whoever waits for it can stop the service cleanly.
    TerminationSignals termination;
    termination.quitEventLoop();
    // Tests read this line to learn the port when they asked for port 0.
    out(QStringLiteral("listening on %1:%2\n").arg(address.toString()).arg(*bound).toUtf8());
    return QCoreApplication::exec();
}

int kioskAdd(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), QStringLiteral("Kiosk id"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("checkpoint"), QStringLiteral("Checkpoint code"), QStringLiteral("CODE")});
    p.addOption({QStringLiteral("public-key"), QStringLiteral("The kiosk's Ed25519 public key (PEM, as printed by kioskctl enroll)"), QStringLiteral("FILE")});
    const auto settings = commandSettings(p, QStringLiteral("kiosk add"), args,
                                          {kDatabase, {QStringLiteral("id"), {}}, {QStringLiteral("checkpoint"), {}}, {QStringLiteral("public-key"), {}}});
    if (!settings)
        return Usage;
    auto key = Crypto::Ed25519PublicKey::fromFile(p.value(QStringLiteral("public-key")));
    if (!key)
        return failWith(key.error());
    auto db = CentralDatabase::open(settings->database(), SystemClock());
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
    p.addOption({QStringLiteral("id"), QStringLiteral("Kiosk id"), QStringLiteral("ID")});
    const auto settings = commandSettings(p, QStringLiteral("kiosk revoke"), args, {kDatabase, {QStringLiteral("id"), {}}});
    if (!settings)
        return Usage;
    auto db = CentralDatabase::open(settings->database(), SystemClock());
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
    p.addOption({QStringLiteral("kind"), QStringLiteral("policy, watchlist, permits, visas"), QStringLiteral("KIND")});
    p.addOption({QStringLiteral("version"), QStringLiteral("Version number (higher wins)"), QStringLiteral("N")});
    p.addOption({QStringLiteral("body"), QStringLiteral("The signed file"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("signature"), QStringLiteral("Its detached signature"), QStringLiteral("FILE")});
    const auto settings = commandSettings(p, QStringLiteral("reference publish"), args,
                                          {kDatabase, {QStringLiteral("kind"), {}}, {QStringLiteral("version"), {}}, {QStringLiteral("body"), {}},
                                           {QStringLiteral("signature"), {}}});
    if (!settings)
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
    auto db = CentralDatabase::open(settings->database(), SystemClock());
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
    const auto settings = commandSettings(p, QStringLiteral("stats"), args, {kDatabase});
    if (!settings)
        return Usage;
    auto db = CentralDatabase::open(settings->database(), SystemClock());
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
    out("usage: border-central serve --config FILE | --db URL --listen HOST:PORT --tls-cert F --tls-key F [--client-ca F] [--replay-window S] [--insecure-demo]\n"
        "       border-central kiosk add --db URL --id ID --checkpoint CODE --public-key FILE\n"
        "       border-central kiosk revoke --db URL --id ID\n"
        "       border-central stats --db URL\n"
        "       border-central reference publish --db URL --kind KIND --version N --body FILE --signature FILE\n"
        "URL: sqlite:PATH | postgresql://USER@HOST:PORT/DBNAME; every command also takes --config central.ini\n", to);
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
