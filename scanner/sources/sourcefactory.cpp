#include "scanner/sources/sourcefactory.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

#include <algorithm>
#include <array>
#include <utility>

namespace Kiosk::Sources {

namespace {

// Reads the keys of the "sources" group, remembering the first mistake. Each getter returns
// the default when the key is absent and leaves `error` set when the value is bad.
class Reader
{
public:
    explicit Reader(QSettings &settings) : m_settings(settings)
    {
        const QString file = settings.fileName();
        m_base = file.isEmpty() ? QDir::current() : QFileInfo(file).absoluteDir();
    }

    std::optional<Error> error;

    QString text(const QString &key, const QString &fallback = {})
    {
        return m_settings.value(key, fallback).toString().trimmed();
    }

    // A comma list in an INI file arrives as a QStringList; typed by hand it may be one string.
    QStringList list(const QString &key, const QStringList &fallback)
    {
        if (!m_settings.contains(key))
            return fallback;
        const QVariant v = m_settings.value(key);
        QStringList items = v.typeId() == QMetaType::QStringList ? v.toStringList() : v.toString().split(u',');
        for (QString &item : items)
            item = item.trimmed();
        items.removeAll(QString());
        return items;
    }

    int integer(const QString &key, int fallback, int min, int max)
    {
        if (!m_settings.contains(key))
            return fallback;
        bool ok = false;
        const QString raw = text(key);
        const int v = raw.toInt(&ok);
        if (!ok || v < min || v > max) {
            bad(key, QStringLiteral("'%1' is not a whole number from %2 to %3").arg(raw).arg(min).arg(max));
            return fallback;
        }
        return v;
    }

    bool boolean(const QString &key, bool fallback)
    {
        if (!m_settings.contains(key))
            return fallback;
        const QString raw = text(key).toLower();
        if (raw == u"true" || raw == u"1" || raw == u"yes")
            return true;
        if (raw == u"false" || raw == u"0" || raw == u"no")
            return false;
        bad(key, QStringLiteral("'%1' is not true or false").arg(raw));
        return fallback;
    }

    template <typename T, std::size_t N>
    T choice(const QString &key, T fallback, const std::array<std::pair<const char *, T>, N> &options)
    {
        if (!m_settings.contains(key))
            return fallback;
        const QString raw = text(key).toLower();
        QStringList names;
        for (const auto &[name, value] : options) {
            if (raw == QLatin1String(name))
                return value;
            names << QLatin1String(name);
        }
        bad(key, QStringLiteral("'%1' is not one of %2").arg(raw, names.join(QStringLiteral(", "))));
        return fallback;
    }

    QString path(const QString &key)
    {
        const QString raw = text(key);
        return raw.isEmpty() ? raw : QDir::cleanPath(m_base.absoluteFilePath(raw));
    }

    void bad(const QString &key, const QString &why)
    {
        if (!error)
            error = Error{QStringLiteral("SOURCE_SETTING_INVALID"), QStringLiteral("sources/%1: %2").arg(key, why)};
    }

private:
    QSettings &m_settings;
    QDir m_base;
};

constexpr std::array kinds{
    std::pair{"camera", SourceKind::Camera},        std::pair{"serial", SourceKind::SerialReader},
    std::pair{"wedge", SourceKind::KeyboardWedge},  std::pair{"folder", SourceKind::Folder},
    std::pair{"simulator", SourceKind::Simulator},
};

} // namespace

Result<SourcesConfig> readSourcesConfig(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("sources"));
    Reader r(settings);
    SourcesConfig c;

    c.enabled.clear();
    for (const QString &name : r.list(QStringLiteral("enabled"), {QStringLiteral("wedge")})) {
        const auto it = std::find_if(kinds.begin(), kinds.end(),
                                     [&](const auto &k) { return name.compare(QLatin1String(k.first), Qt::CaseInsensitive) == 0; });
        if (it == kinds.end())
            r.bad(QStringLiteral("enabled"),
                  QStringLiteral("unknown source '%1' (camera, serial, wedge, folder, simulator)").arg(name));
        else if (c.enabled.contains(it->second))
            r.bad(QStringLiteral("enabled"), QStringLiteral("'%1' is listed twice").arg(name));
        else
            c.enabled.append(it->second);
    }

    c.camera.device = r.text(QStringLiteral("camera/device"));
    c.camera.maxFps = r.integer(QStringLiteral("camera/maxFps"), c.camera.maxFps, 0, 120);
    c.camera.removedAfterFrames = r.integer(QStringLiteral("camera/removedAfterFrames"), c.camera.removedAfterFrames, 0, 1000);

    c.serial.portName = r.text(QStringLiteral("serial/port"));
    c.serial.baudRate = r.integer(QStringLiteral("serial/baud"), c.serial.baudRate, 50, 4000000);
    c.serial.dataBits = r.choice(QStringLiteral("serial/dataBits"), c.serial.dataBits,
                                 std::array{std::pair{"5", QSerialPort::Data5}, std::pair{"6", QSerialPort::Data6},
                                            std::pair{"7", QSerialPort::Data7}, std::pair{"8", QSerialPort::Data8}});
    c.serial.parity = r.choice(QStringLiteral("serial/parity"), c.serial.parity,
                               std::array{std::pair{"none", QSerialPort::NoParity}, std::pair{"even", QSerialPort::EvenParity},
                                          std::pair{"odd", QSerialPort::OddParity}, std::pair{"space", QSerialPort::SpaceParity},
                                          std::pair{"mark", QSerialPort::MarkParity}});
    c.serial.stopBits = r.choice(QStringLiteral("serial/stopBits"), c.serial.stopBits,
                                 std::array{std::pair{"1", QSerialPort::OneStop}, std::pair{"1.5", QSerialPort::OneAndHalfStop},
                                            std::pair{"2", QSerialPort::TwoStop}});
    c.serial.flowControl = r.choice(QStringLiteral("serial/flowControl"), c.serial.flowControl,
                                    std::array{std::pair{"none", QSerialPort::NoFlowControl},
                                               std::pair{"hardware", QSerialPort::HardwareControl},
                                               std::pair{"software", QSerialPort::SoftwareControl}});
    c.serial.retryInitialMs = r.integer(QStringLiteral("serial/retryInitialMs"), c.serial.retryInitialMs, 10, 600000);
    c.serial.retryMaxMs = r.integer(QStringLiteral("serial/retryMaxMs"), c.serial.retryMaxMs, 10, 3600000);
    c.serial.lineGapMs = r.integer(QStringLiteral("serial/lineGapMs"), c.serial.lineGapMs, 50, 60000);
    c.serial.removedLine = r.text(QStringLiteral("serial/removedLine"));
    if (const QRegularExpression removed(c.serial.removedLine); !removed.isValid())
        r.bad(QStringLiteral("serial/removedLine"),
              QStringLiteral("not a regular expression: %1").arg(removed.errorString()));

    c.wedge.maxKeyGapMs = r.integer(QStringLiteral("wedge/maxKeyGapMs"), c.wedge.maxKeyGapMs, 1, 500);
    c.wedge.maxLineGapMs = r.integer(QStringLiteral("wedge/maxLineGapMs"), c.wedge.maxLineGapMs, 1, 2000);
    // Above ~50 ms a fast typist could pass for a reader: the limit keeps "never confused
    // with an officer" true whatever the settings say.
    c.wedge.maxMedianGapMs = r.integer(QStringLiteral("wedge/maxMedianGapMs"), c.wedge.maxMedianGapMs, 1, 50);
    c.wedge.tailMs = r.integer(QStringLiteral("wedge/tailMs"), c.wedge.tailMs, 0, 2000);

    c.folder.path = r.path(QStringLiteral("folder/path"));
    c.folder.settleMs = r.integer(QStringLiteral("folder/settleMs"), c.folder.settleMs, 50, 60000);
    c.folder.extensions = r.list(QStringLiteral("folder/extensions"), c.folder.extensions);
    c.folder.reportExisting = r.boolean(QStringLiteral("folder/reportExisting"), c.folder.reportExisting);

    c.simulator.playlistPath = r.path(QStringLiteral("simulator/playlist"));
    c.simulator.intervalMs = r.integer(QStringLiteral("simulator/intervalMs"), c.simulator.intervalMs, 0, 3600000);
    c.simulator.loop = r.boolean(QStringLiteral("simulator/loop"), c.simulator.loop);

    // What an enabled source cannot run without.
    if (c.enabled.contains(SourceKind::SerialReader) && c.serial.portName.isEmpty())
        r.bad(QStringLiteral("serial/port"), QStringLiteral("required when serial is enabled"));
    if (c.enabled.contains(SourceKind::Folder) && c.folder.path.isEmpty())
        r.bad(QStringLiteral("folder/path"), QStringLiteral("required when folder is enabled"));
    if (c.enabled.contains(SourceKind::Folder) && c.folder.extensions.isEmpty())
        r.bad(QStringLiteral("folder/extensions"), QStringLiteral("empty: no file would ever be read"));
    if (c.enabled.contains(SourceKind::Simulator) && c.simulator.playlistPath.isEmpty())
        r.bad(QStringLiteral("simulator/playlist"), QStringLiteral("required when simulator is enabled"));

    settings.endGroup();
    if (r.error)
        return std::unexpected(*r.error);
    return c;
}

std::vector<std::unique_ptr<DocumentSource>> createSources(const SourcesConfig &config)
{
    std::vector<std::unique_ptr<DocumentSource>> sources;
    for (const SourceKind kind : config.enabled) {
        switch (kind) {
        case SourceKind::Camera: sources.push_back(std::make_unique<CameraSource>(config.camera)); break;
        case SourceKind::SerialReader: sources.push_back(std::make_unique<SerialDocumentReader>(config.serial)); break;
        case SourceKind::KeyboardWedge: sources.push_back(std::make_unique<KeyboardWedgeSource>(config.wedge)); break;
        case SourceKind::Folder: sources.push_back(std::make_unique<FolderSource>(config.folder, systemScheduler())); break;
        case SourceKind::Simulator: sources.push_back(std::make_unique<SimulatorSource>(config.simulator)); break;
        }
    }
    return sources;
}

Result<std::vector<std::unique_ptr<DocumentSource>>> createSources(QSettings &settings)
{
    auto config = readSourcesConfig(settings);
    if (!config)
        return std::unexpected(config.error());
    return createSources(*config);
}

} // namespace Kiosk::Sources
