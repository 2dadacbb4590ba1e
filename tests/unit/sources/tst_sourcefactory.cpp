// The sources factory: settings read from a real INI file (QSettings group "sources"), every
// key reaching its source, defaults, relative paths, and each mistake named by its key.
#include "scanner/sources/sourcefactory.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk::Sources;

namespace {

// Writes an INI file with a [sources] group holding `body`.
QString writeIni(const QTemporaryDir &dir, const QString &body)
{
    const QString path = dir.filePath(QStringLiteral("kiosk.ini"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write("[sources]\n" + body.toUtf8());
    return path;
}

} // namespace

class TestSourceFactory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsToTheWedge();
    void everyKeyReachesItsSource();
    void buildsTheListedSourcesInOrder();
    void mistakes_data();
    void mistakes();
};

void TestSourceFactory::defaultsToTheWedge()
{
    QTemporaryDir dir;
    QSettings settings(writeIni(dir, QString()), QSettings::IniFormat);
    const auto config = readSourcesConfig(settings);
    QVERIFY(config);
    QCOMPARE(config->enabled, QList<SourceKind>{SourceKind::KeyboardWedge});
    QCOMPARE(config->serial.baudRate, 9600);
    QCOMPARE(config->folder.extensions.size(), 6);
    QCOMPARE(config->serial.removedLine, QString()); // a reader reports no removal unless told how
    QCOMPARE(config->camera.removedAfterFrames, 10);
}

void TestSourceFactory::everyKeyReachesItsSource()
{
    QTemporaryDir dir;
    QSettings settings(writeIni(dir, QStringLiteral(R"(enabled=serial, folder, simulator, camera, wedge
camera/device=Document Camera
camera/maxFps=5
camera/removedAfterFrames=4
serial/port=/dev/ttyS3
serial/baud=115200
serial/dataBits=7
serial/parity=Even
serial/stopBits=2
serial/flowControl=hardware
serial/retryInitialMs=250
serial/retryMaxMs=8000
serial/lineGapMs=900
serial/removedLine=@REMOVED
wedge/maxKeyGapMs=40
wedge/maxLineGapMs=300
wedge/maxMedianGapMs=12
wedge/tailMs=100
folder/path=scans
folder/settleMs=700
folder/extensions=jpg, tif
folder/reportExisting=true
simulator/playlist=demo/demo.playlist
simulator/intervalMs=3000
simulator/loop=false
)")),
                       QSettings::IniFormat);
    const auto config = readSourcesConfig(settings);
    QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
    QCOMPARE(config->enabled, (QList<SourceKind>{SourceKind::SerialReader, SourceKind::Folder, SourceKind::Simulator,
                                                 SourceKind::Camera, SourceKind::KeyboardWedge}));
    QCOMPARE(config->camera.device, QStringLiteral("Document Camera"));
    QCOMPARE(config->camera.maxFps, 5);
    QCOMPARE(config->serial.portName, QStringLiteral("/dev/ttyS3"));
    QCOMPARE(config->serial.baudRate, 115200);
    QCOMPARE(config->serial.dataBits, QSerialPort::Data7);
    QCOMPARE(config->serial.parity, QSerialPort::EvenParity);
    QCOMPARE(config->serial.stopBits, QSerialPort::TwoStop);
    QCOMPARE(config->serial.flowControl, QSerialPort::HardwareControl);
    QCOMPARE(config->serial.retryInitialMs, 250);
    QCOMPARE(config->serial.retryMaxMs, 8000);
    QCOMPARE(config->serial.lineGapMs, 900);
    QCOMPARE(config->serial.removedLine, QStringLiteral("@REMOVED"));
    QCOMPARE(config->camera.removedAfterFrames, 4);
    QCOMPARE(config->wedge.maxKeyGapMs, 40);
    QCOMPARE(config->wedge.maxLineGapMs, 300);
    QCOMPARE(config->wedge.maxMedianGapMs, 12);
    QCOMPARE(config->wedge.tailMs, 100);
    // Relative paths are the settings file's neighbours.
    QCOMPARE(config->folder.path, dir.filePath(QStringLiteral("scans")));
    QCOMPARE(config->folder.settleMs, 700);
    QCOMPARE(config->folder.extensions, (QStringList{"jpg", "tif"}));
    QCOMPARE(config->folder.reportExisting, true);
    QCOMPARE(config->simulator.playlistPath, dir.filePath(QStringLiteral("demo/demo.playlist")));
    QCOMPARE(config->simulator.intervalMs, 3000);
    QCOMPARE(config->simulator.loop, false);
}

void TestSourceFactory::buildsTheListedSourcesInOrder()
{
    QTemporaryDir dir;
    QSettings settings(writeIni(dir, QStringLiteral("enabled=simulator, serial, camera\nserial/port=/dev/ttyUSB7\n"
                                                    "simulator/playlist=x.playlist\n")),
                       QSettings::IniFormat);
    const auto sources = createSources(settings);
    QVERIFY(sources);
    QCOMPARE(sources->size(), 3u);
    QCOMPARE(sources->at(0)->info().kind, SourceKind::Simulator);
    QCOMPARE(sources->at(1)->info().kind, SourceKind::SerialReader);
    QCOMPARE(sources->at(1)->info().id, QStringLiteral("serial:/dev/ttyUSB7"));
    QCOMPARE(sources->at(2)->info().kind, SourceKind::Camera);
    for (const auto &s : *sources)
        QCOMPARE(s->status(), SourceStatus::Stopped); // built, not started
}

void TestSourceFactory::mistakes_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown source") << "enabled=wedge, scanner\n" << "sources/enabled: unknown source 'scanner'";
    QTest::newRow("source twice") << "enabled=wedge, wedge\n" << "sources/enabled: 'wedge' is listed twice";
    QTest::newRow("serial without a port") << "enabled=serial\n" << "sources/serial/port: required";
    QTest::newRow("parity misspelt") << "serial/parity=evn\n" << "sources/serial/parity: 'evn' is not one of none, even";
    QTest::newRow("baud not a number") << "serial/baud=fast\n" << "sources/serial/baud: 'fast' is not a whole number";
    QTest::newRow("stop bits 3") << "serial/stopBits=3\n" << "sources/serial/stopBits: '3' is not one of 1, 1.5, 2";
    QTest::newRow("wedge median loose enough for a typist")
        << "wedge/maxMedianGapMs=80\n" << "sources/wedge/maxMedianGapMs: '80' is not a whole number from 1 to 50";
    QTest::newRow("removal line not a pattern") << "serial/removedLine=(REMOVED\n"
                                                << "sources/serial/removedLine: not a regular expression";
    QTest::newRow("removal after negative frames") << "camera/removedAfterFrames=-1\n"
                                                   << "sources/camera/removedAfterFrames: '-1' is not a whole number";
    QTest::newRow("folder without a path") << "enabled=folder\n" << "sources/folder/path: required";
    QTest::newRow("folder without extensions") << "enabled=folder\nfolder/path=/tmp\nfolder/extensions=\n"
                                               << "sources/folder/extensions: empty";
    QTest::newRow("loop not a boolean") << "simulator/loop=maybe\n" << "sources/simulator/loop: 'maybe' is not true or false";
    QTest::newRow("simulator without playlist") << "enabled=simulator\n" << "sources/simulator/playlist: required";
}

void TestSourceFactory::mistakes()
{
    QFETCH(QString, body);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QSettings settings(writeIni(dir, body), QSettings::IniFormat);
    const auto sources = createSources(settings);
    QVERIFY(!sources);
    QCOMPARE(sources.error().code, QStringLiteral("SOURCE_SETTING_INVALID"));
    QVERIFY2(sources.error().message.startsWith(message), qPrintable(sources.error().message));
    QCOMPARE(settings.group(), QString()); // the group is left as found
}

QTEST_MAIN(TestSourceFactory)
#include "tst_sourcefactory.moc"
