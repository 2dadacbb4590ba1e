#include "sync/client/kioskconfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace Kiosk::Sync {

QString KioskConfig::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/border-kiosk/kiosk.ini");
}

Result<KioskConfig> KioskConfig::load(const QString &explicitPath)
{
    QString path = explicitPath;
    bool required = !path.isEmpty();
    if (path.isEmpty()) {
        path = qEnvironmentVariable("KIOSK_CONFIG");
        required = !path.isEmpty();
    }
    if (path.isEmpty())
        path = defaultPath();
    KioskConfig c;
    if (!QFileInfo::exists(path)) {
        if (required)
            return fail(QStringLiteral("CONFIG_NOT_FOUND"), QStringLiteral("configuration file %1 does not exist").arg(path));
        return c;
    }
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return fail(QStringLiteral("CONFIG_INVALID"), QStringLiteral("%1 is not a readable INI file").arg(path));
    const QDir base = QFileInfo(path).absoluteDir();
    auto file = [&](const QString &key) {
        const QString v = ini.value(key).toString().trimmed();
        return v.isEmpty() ? v : QDir::cleanPath(base.absoluteFilePath(v));
    };
    c.sourceFile = path;
    c.kioskId = ini.value(QStringLiteral("kiosk/id")).toString().trimmed();
    c.checkpoint = ini.value(QStringLiteral("kiosk/checkpoint")).toString().trimmed();
    c.databasePath = file(QStringLiteral("kiosk/database"));
    c.keyFile = file(QStringLiteral("kiosk/key"));
    c.policyFile = file(QStringLiteral("kiosk/policy"));
    c.trustAnchor = file(QStringLiteral("kiosk/trust"));
    c.centralUrl = ini.value(QStringLiteral("central/url")).toString().trimmed();
    c.caFile = file(QStringLiteral("central/ca"));
    c.clientCertificate = file(QStringLiteral("central/clientCertificate"));
    c.clientKey = file(QStringLiteral("central/clientKey"));
    return c;
}

void addConfigOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("config"), QStringLiteral("Kiosk INI file (default %1)").arg(KioskConfig::defaultPath()), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("db"), QStringLiteral("Kiosk database (overrides [kiosk] database)"), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("central"), QStringLiteral("Central service URL (overrides [central] url)"), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("ca"), QStringLiteral("Central CA certificate, pinned (overrides [central] ca)"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("key"), QStringLiteral("Kiosk signing key (overrides [kiosk] key)"), QStringLiteral("FILE")});
}

Result<KioskConfig> configFromOptions(const QCommandLineParser &parser)
{
    auto c = KioskConfig::load(parser.value(QStringLiteral("config")));
    if (!c)
        return c;
    auto override = [&](const char *option, QString &field) {
        const QString name = QString::fromLatin1(option);
        if (parser.optionNames().contains(name)) // given on the command line
            field = parser.value(name);
    };
    override("db", c->databasePath);
    override("central", c->centralUrl);
    override("ca", c->caFile);
    override("key", c->keyFile);
    override("id", c->kioskId);
    override("checkpoint", c->checkpoint);
    return c;
}

} // namespace Kiosk::Sync
