#include "app/core/kioskconfig.h"

#include "app/core/privatefile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace Kiosk {

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
    c.path = QFileInfo(path).absoluteFilePath();
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
    c.operatorsFile = file(QStringLiteral("kiosk/operators"));
    if (c.operatorsFile.isEmpty())
        c.operatorsFile = base.filePath(QStringLiteral("operators.json"));
    c.info.staffPinHash = ini.value(QStringLiteral("info/staff_pin_hash")).toString().trimmed();
    c.info.idleSeconds = std::max(5, ini.value(QStringLiteral("info/idle_seconds"), c.info.idleSeconds).toInt());
    c.info.kioskMode = ini.value(QStringLiteral("info/kiosk_mode"), c.info.kioskMode).toBool();
    return c;
}

QString KioskConfig::defaultStateDir() const
{
    const QString folder = QFileInfo(path.isEmpty() ? defaultPath() : path).absolutePath();
    if (folder == u"/etc/border-kiosk")
        return QStringLiteral("/var/lib/border-kiosk");
    return folder;
}

namespace {

// "[section]" (trimmed) -> "section"; anything else -> null.
QString sectionOf(QStringView line)
{
    const QStringView t = line.trimmed();
    if (t.size() >= 2 && t.front() == u'[' && t.back() == u']')
        return t.mid(1, t.size() - 2).trimmed().toString();
    return QString();
}

// "key=value" or, with `commented`, ";key=..." / "#key=..." -> "key"; anything else -> null.
QString keyOf(QStringView line, bool commented)
{
    QStringView t = line.trimmed();
    if (commented) {
        if (t.isEmpty() || (t.front() != u';' && t.front() != u'#'))
            return QString();
        t = t.mid(1).trimmed();
    } else if (t.isEmpty() || t.front() == u';' || t.front() == u'#') {
        return QString();
    }
    const qsizetype eq = t.indexOf(u'=');
    if (eq <= 0)
        return QString();
    const QStringView key = t.left(eq).trimmed();
    for (QChar ch : key)
        if (!(ch.isLetterOrNumber() || ch == u'_' || ch == u'.' || ch == u'-'))
            return QString();
    return key.toString();
}

} // namespace

Result<void> setIniValues(const QString &path, const QList<IniValue> &values)
{
    QStringList lines;
    if (QFileInfo::exists(path)) {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("FILE_UNWRITABLE"), QStringLiteral("cannot read %1: %2").arg(path, in.errorString()));
        const QByteArray bytes = in.readAll();
        const QString text = QString::fromUtf8(bytes);
        if (text.toUtf8() != bytes)
            return fail(QStringLiteral("CONFIG_INVALID"), QStringLiteral("%1 is not UTF-8 text").arg(path));
        lines = text.split(u'\n');
        if (!lines.isEmpty() && lines.back().isEmpty())
            lines.removeLast();
    }
    for (const IniValue &v : values) {
        const QString assignment = v.key + u'=' + v.value;
        // Where the section starts and ends (the line after its last non-blank line).
        qsizetype start = -1, end = -1, placeholder = -1, existing = -1;
        QString current;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString section = sectionOf(lines[i]);
            if (!section.isNull()) {
                current = section;
                if (current == v.section && start < 0)
                    start = end = i + 1;
                continue;
            }
            if (current != v.section || start < 0)
                continue;
            if (!lines[i].trimmed().isEmpty())
                end = i + 1;
            if (existing < 0 && keyOf(lines[i], false) == v.key)
                existing = i;
            if (placeholder < 0 && keyOf(lines[i], true) == v.key)
                placeholder = i;
        }
        if (existing >= 0)
            lines[existing] = assignment;
        else if (placeholder >= 0)
            lines[placeholder] = assignment;
        else if (start >= 0)
            lines.insert(end, assignment);
        else {
            if (!lines.isEmpty() && !lines.back().trimmed().isEmpty())
                lines.append(QString());
            lines.append(u'[' + v.section + u']');
            lines.append(assignment);
        }
    }
    return replaceFile(path, (lines.join(u'\n') + u'\n').toUtf8(), 0640);
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

} // namespace Kiosk
