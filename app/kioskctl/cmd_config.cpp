// kioskctl config check [--config FILE]: validates a kiosk's configuration as
// border-kiosk and kioskctl will read it: every key of every section known (a typo is named),
// every referenced file present and readable, private files (the signing key, the client TLS
// key, the database) readable by their owner only, the database enrolled for this kiosk and
// key, the trust anchor not the development key and the policy verified against it, the
// central URL HTTPS with a readable CA. Prints each problem on stderr ("kioskctl: config
// check: [section] key: what is wrong") and one JSON line on stdout:
//   {"ok":bool,"config":PATH,"problems":[...],"trustAnchorFingerprint":HEX|null}
// Exit 0 no problem, 1 any problem (a missing file included), 2 usage.
#include "app/core/privatefile.h"
#include "app/crypto/ed25519.h"
#include "app/crypto/passwordhash.h"
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "app/session/kioskpolicy.h"
#include "app/session/operatordirectory.h"
#include "app/store/database.h"
#include "app/store/kioskidentity.h"
#include "scanner/sources/sourcefactory.h"
#include "sync/client/chaintail.h"
#include "app/core/kioskconfig.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QSslCertificate>
#include <QUrl>

#include <map>
#include <set>

using namespace Kiosk;
using namespace Kiosk::Ctl;

namespace {

// The keys each section may hold ([sources] and the readers' sections are checked by the
// reader factory itself, which knows them).
const std::map<QString, std::set<QString>> &knownKeys()
{
    static const std::map<QString, std::set<QString>> keys{
        {QStringLiteral("kiosk"), {QStringLiteral("id"), QStringLiteral("checkpoint"), QStringLiteral("database"), QStringLiteral("key"),
                                   QStringLiteral("policy"), QStringLiteral("trust"), QStringLiteral("operators")}},
        {QStringLiteral("central"), {QStringLiteral("url"), QStringLiteral("ca"), QStringLiteral("clientCertificate"), QStringLiteral("clientKey")}},
        {QStringLiteral("console"), {QStringLiteral("language")}},
        {QStringLiteral("info"), {QStringLiteral("staff_pin_hash"), QStringLiteral("idle_seconds"), QStringLiteral("kiosk_mode")}},
    };
    return keys;
}

class Checker
{
public:
    void problem(const QString &where, const QString &what)
    {
        const QString text = QStringLiteral("%1: %2").arg(where, what);
        printError(QStringLiteral("config check: %1").arg(text));
        m_problems.append(text);
    }
    [[nodiscard]] const QStringList &problems() const { return m_problems; }

    // A file the configuration names: present and readable; `secret`: owner-only too, with the
    // files that live beside it (privateModes).
    bool file(const QString &where, const QString &path, bool secret, const QStringList &companions = {})
    {
        const QFileInfo info(path);
        if (!info.exists()) {
            problem(where, QStringLiteral("%1 does not exist").arg(path));
            return false;
        }
        if (!info.isFile() || !info.isReadable()) {
            problem(where, QStringLiteral("%1 is not a readable file").arg(path));
            return false;
        }
        if (secret)
            privateModes(where, path, companions);
        return true;
    }

    // A private file (the key, the database) and what lives beside it: the file and its
    // companions (the database's -wal and -shm, the key's chain tail) no looser than 0600, the
    // folder no looser than 0700 (traveller data and the signing key readable by
    // the owner only, whatever the umask was when they were made).
    void privateModes(const QString &where, const QString &path, const QStringList &companions)
    {
        for (const QString &file : QStringList{path} + companions)
            if (auto mode = looserMode(file, 0600))
                problem(where, QStringLiteral("%1 has mode %2, looser than 0600 (chmod 0600 it)").arg(file, octalMode(*mode)));
        const QString folder = QFileInfo(path).absolutePath();
        if (m_foldersChecked.contains(folder))
            return;
        m_foldersChecked.append(folder);
        if (auto mode = looserMode(folder, 0700))
            problem(where, QStringLiteral("the folder %1 has mode %2, looser than 0700 (chmod 0700 it)").arg(folder, octalMode(*mode)));
    }

    // A PBKDF2 hash as the verifier will judge it: the right form and at least the floor.
    void pinHash(const QString &where, const QString &encoded)
    {
        // Verifying a probe PIN answers "usable?" without knowing the PIN: a malformed or
        // too-cheap hash is an error, a usable one only says the probe was wrong.
        if (auto usable = Crypto::verifyPassword(u"0", encoded); !usable)
            problem(where, usable.error().message);
    }

private:
    QStringList m_problems;
    QStringList m_foldersChecked;
};

// Every key of the INI known ([sources] and the readers' sections: by the reader factory).
void checkKeysKnown(Checker &check, QSettings &ini)
{
    for (const QString &key : ini.allKeys()) {
        const qsizetype slash = key.indexOf(u'/');
        const QString section = slash < 0 ? QStringLiteral("General") : key.left(slash);
        const QString name = key.mid(slash + 1);
        const auto known = knownKeys().find(section);
        if (known == knownKeys().end())
            continue; // the readers' sections: checked below
        if (!known->second.count(name))
            check.problem(QStringLiteral("[%1] %2").arg(section, name), QStringLiteral("unknown key (a typo?)"));
    }
    if (auto sources = Sources::readSourcesConfig(ini); !sources)
        check.problem(QStringLiteral("[sources]"), sources.error().message);
}

// [kiosk] id, checkpoint and key; the key when it reads.
std::optional<Crypto::Ed25519PrivateKey> checkIdentityAndKey(Checker &check, const KioskConfig &c)
{
    if (c.kioskId.isEmpty())
        check.problem(QStringLiteral("[kiosk] id"), QStringLiteral("missing (kioskctl enroll writes it)"));
    if (c.checkpoint.isEmpty())
        check.problem(QStringLiteral("[kiosk] checkpoint"), QStringLiteral("missing (kioskctl enroll writes it)"));
    std::optional<Crypto::Ed25519PrivateKey> key;
    if (c.keyFile.isEmpty())
        check.problem(QStringLiteral("[kiosk] key"), QStringLiteral("missing (kioskctl enroll writes it)"));
    else if (check.file(QStringLiteral("[kiosk] key"), c.keyFile, true, {Sync::kioskTailFile(c.keyFile)})) {
        if (auto k = Crypto::Ed25519PrivateKey::fromFile(c.keyFile))
            key.emplace(std::move(*k));
        else
            check.problem(QStringLiteral("[kiosk] key"), k.error().message);
    }
    return key;
}

// [kiosk] database: private, and enrolled for this kiosk and (when it read) this key.
void checkDatabase(Checker &check, const KioskConfig &c, const std::optional<Crypto::Ed25519PrivateKey> &key)
{
    if (c.databasePath.isEmpty())
        check.problem(QStringLiteral("[kiosk] database"), QStringLiteral("missing (kioskctl enroll writes it)"));
    else if (check.file(QStringLiteral("[kiosk] database"), c.databasePath, true,
                          {c.databasePath + QStringLiteral("-wal"), c.databasePath + QStringLiteral("-shm")})) {
        if (auto db = Store::Database::open(c.databasePath); !db)
            check.problem(QStringLiteral("[kiosk] database"), db.error().message);
        else if (auto same = Store::checkKioskIdentity(*db, c.kioskId, c.checkpoint, key ? key->publicKey().raw() : QByteArray()); !same)
            check.problem(QStringLiteral("[kiosk] database"), same.error().message);
        else if (auto stored = Store::readKioskIdentity(*db); stored && !*stored)
            check.problem(QStringLiteral("[kiosk] database"), QStringLiteral("%1 holds no kiosk identity (not made by kioskctl enroll)").arg(c.databasePath));
    }
}

// [kiosk] trust: readable and not the development key; its fingerprint into `fingerprint`.
std::optional<Crypto::Ed25519PublicKey> checkTrustAnchor(Checker &check, const KioskConfig &c, QJsonValue &fingerprint)
{
    std::optional<Crypto::Ed25519PublicKey> anchor;
    if (c.trustAnchor.isEmpty())
        check.problem(QStringLiteral("[kiosk] trust"), QStringLiteral("missing: the agency's policy-signing public key"));
    else if (check.file(QStringLiteral("[kiosk] trust"), c.trustAnchor, false)) {
        // Read as the deployed kiosk reads it; the fingerprint is printed even for the
        // development key, so the operator sees which key it is.
        auto read = Session::readTrustAnchor(c.trustAnchor, Session::AnchorUse::Development);
        if (!read)
            check.problem(QStringLiteral("[kiosk] trust"), read.error().message);
        else {
            fingerprint = read->fingerprint;
            anchor = read->key;
            if (read->isDevelopment())
                check.problem(QStringLiteral("[kiosk] trust"), QStringLiteral("%1 is the development key (its private half is public); border-kiosk refuses it").arg(c.trustAnchor));
        }
    }
    return anchor;
}

// [kiosk] policy: the file and its .sig, verified against the anchor when there is one.
void checkPolicy(Checker &check, const KioskConfig &c, const std::optional<Crypto::Ed25519PublicKey> &anchor)
{
    if (c.policyFile.isEmpty())
        check.problem(QStringLiteral("[kiosk] policy"), QStringLiteral("missing: the signed policy in force until a newer one is pulled"));
    else if (check.file(QStringLiteral("[kiosk] policy"), c.policyFile, false)
             && check.file(QStringLiteral("[kiosk] policy"), c.policyFile + QStringLiteral(".sig"), false) && anchor) {
        if (auto verified = Session::loadSignedPolicyFile(c.policyFile, *anchor); !verified)
            check.problem(QStringLiteral("[kiosk] policy"), verified.error().message);
    }
}

// [kiosk] operators: needed by the console only; if it is there it must be usable.
void checkOperators(Checker &check, const KioskConfig &c, const QSettings &ini)
{
    if (!QFileInfo::exists(c.operatorsFile) && ini.value(QStringLiteral("kiosk/operators")).toString().isEmpty())
        return;
    if (!check.file(QStringLiteral("[kiosk] operators"), c.operatorsFile, false))
        return;
    auto ops = Session::OperatorDirectory::fromFile(c.operatorsFile);
    if (!ops)
        check.problem(QStringLiteral("[kiosk] operators"), ops.error().message);
    else
        for (const Session::Operator &op : ops->all())
            check.pinHash(QStringLiteral("[kiosk] operators: %1").arg(op.id), op.pinHash);
}

// [central]: an https:// URL with a readable CA; the client certificate and key together.
void checkCentral(Checker &check, const KioskConfig &c)
{
    if (!c.centralUrl.isEmpty()) {
        const QUrl url(c.centralUrl);
        if (!url.isValid() || url.scheme() != u"https" || url.host().isEmpty())
            check.problem(QStringLiteral("[central] url"), QStringLiteral("'%1' is not an https:// URL with a host").arg(c.centralUrl));
        if (c.caFile.isEmpty())
            check.problem(QStringLiteral("[central] ca"), QStringLiteral("missing: the only CA trusted for the central side"));
        else if (check.file(QStringLiteral("[central] ca"), c.caFile, false) && QSslCertificate::fromPath(c.caFile, QSsl::Pem).isEmpty())
            check.problem(QStringLiteral("[central] ca"), QStringLiteral("%1 holds no PEM certificate").arg(c.caFile));
    }
    if (c.clientCertificate.isEmpty() != c.clientKey.isEmpty())
        check.problem(QStringLiteral("[central] clientCertificate"), QStringLiteral("clientCertificate and clientKey go together"));
    if (!c.clientCertificate.isEmpty())
        (void)check.file(QStringLiteral("[central] clientCertificate"), c.clientCertificate, false);
    if (!c.clientKey.isEmpty())
        (void)check.file(QStringLiteral("[central] clientKey"), c.clientKey, true);
}

// [console] language; [info] staff PIN hash, idle seconds, kiosk mode.
void checkConsoleAndInfo(Checker &check, const KioskConfig &c, const QSettings &ini)
{
    const QString language = ini.value(QStringLiteral("console/language")).toString().trimmed();
    if (!language.isEmpty() && language != u"az" && language != u"ru" && language != u"en")
        check.problem(QStringLiteral("[console] language"), QStringLiteral("'%1' is not az, ru or en").arg(language));
    if (!c.info.staffPinHash.isEmpty())
        check.pinHash(QStringLiteral("[info] staff_pin_hash"), c.info.staffPinHash);
    if (ini.contains(QStringLiteral("info/idle_seconds"))) {
        bool ok = false;
        const int seconds = ini.value(QStringLiteral("info/idle_seconds")).toString().toInt(&ok);
        if (!ok || seconds < 5 || seconds > 3600)
            check.problem(QStringLiteral("[info] idle_seconds"), QStringLiteral("must be a whole number of seconds, 5 to 3600"));
    }
    if (ini.contains(QStringLiteral("info/kiosk_mode"))) {
        const QString mode = ini.value(QStringLiteral("info/kiosk_mode")).toString().trimmed().toLower();
        if (mode != u"true" && mode != u"false")
            check.problem(QStringLiteral("[info] kiosk_mode"), QStringLiteral("must be true or false"));
    }
}

int runConfigCheck(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("config"), QStringLiteral("Kiosk INI file (default %1)").arg(KioskConfig::defaultPath()), QStringLiteral("FILE")});
    if (!parseArgs(p, QStringLiteral("config check"), args))
        return ExitUsage;
    Checker check;
    QJsonValue fingerprint;
    QString path = p.value(QStringLiteral("config"));
    if (path.isEmpty())
        path = qEnvironmentVariable("KIOSK_CONFIG", KioskConfig::defaultPath());
    const auto finish = [&] {
        printJsonLine(QJsonObject{{QStringLiteral("ok"), check.problems().isEmpty()},
                                  {QStringLiteral("config"), QFileInfo(path).absoluteFilePath()},
                                  {QStringLiteral("problems"), QJsonArray::fromStringList(check.problems())},
                                  {QStringLiteral("trustAnchorFingerprint"), fingerprint}});
        return check.problems().isEmpty() ? ExitOk : ExitNegative;
    };
    if (!check.file(QStringLiteral("configuration"), path, false))
        return finish();
    auto loaded = KioskConfig::load(path);
    if (!loaded) {
        check.problem(QStringLiteral("configuration"), loaded.error().message);
        return finish();
    }
    const KioskConfig &c = *loaded;
    QSettings ini(path, QSettings::IniFormat);
    checkKeysKnown(check, ini);
    const std::optional<Crypto::Ed25519PrivateKey> key = checkIdentityAndKey(check, c);
    checkDatabase(check, c, key);
    const std::optional<Crypto::Ed25519PublicKey> anchor = checkTrustAnchor(check, c, fingerprint);
    checkPolicy(check, c, anchor);
    checkOperators(check, c, ini);
    checkCentral(check, c);
    checkConsoleAndInfo(check, c, ini);
    return finish();
}

const Registration reg{{QStringLiteral("config"), QStringLiteral("check")},
                       QStringLiteral("Validate kiosk.ini: keys, files, permissions, enrolment, trust anchor"), &runConfigCheck};

} // namespace
