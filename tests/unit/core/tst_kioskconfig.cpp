#include "app/core/kioskconfig.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk;

class TstKioskConfig : public QObject
{
    Q_OBJECT
private slots:
    void readsIniAndResolvesRelativePaths();
    void optionsOverrideTheFile();
    void missingExplicitFileIsAnError();
    void missingDefaultFileIsEmpty();

private:
    QString writeIni(const QTemporaryDir &dir);
};

QString TstKioskConfig::writeIni(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("kiosk.ini"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("[kiosk]\nid=KIOSK-GYD-01\ncheckpoint=GYD\ndatabase=data/kiosk.db\nkey=/etc/bk/key.pem\n"
            "[central]\nurl=https://central.test:8443\nca=ca.pem\nclientCertificate=tls/c.pem\nclientKey=tls/k.pem\n");
    return path;
}

void TstKioskConfig::readsIniAndResolvesRelativePaths()
{
    QTemporaryDir dir;
    const auto c = KioskConfig::load(writeIni(dir));
    QVERIFY(c);
    QCOMPARE(c->kioskId, QStringLiteral("KIOSK-GYD-01"));
    QCOMPARE(c->checkpoint, QStringLiteral("GYD"));
    QCOMPARE(c->databasePath, dir.filePath(QStringLiteral("data/kiosk.db"))); // relative to the INI's folder
    QCOMPARE(c->keyFile, QStringLiteral("/etc/bk/key.pem"));
    QCOMPARE(c->centralUrl, QStringLiteral("https://central.test:8443"));
    QCOMPARE(c->caFile, dir.filePath(QStringLiteral("ca.pem")));
    QCOMPARE(c->clientCertificate, dir.filePath(QStringLiteral("tls/c.pem")));
    QCOMPARE(c->clientKey, dir.filePath(QStringLiteral("tls/k.pem")));
}

void TstKioskConfig::optionsOverrideTheFile()
{
    QTemporaryDir dir;
    const QString ini = writeIni(dir);
    QCommandLineParser p;
    addConfigOptions(p);
    QVERIFY(p.parse({QStringLiteral("kioskctl"), QStringLiteral("--config"), ini, QStringLiteral("--db"), QStringLiteral("/tmp/other.db"),
                     QStringLiteral("--central"), QStringLiteral("https://127.0.0.1:9"), QStringLiteral("--ca"), QStringLiteral("/tmp/ca2.pem"),
                     QStringLiteral("--key"), QStringLiteral("/tmp/k2.pem")}));
    const auto c = configFromOptions(p);
    QVERIFY(c);
    QCOMPARE(c->databasePath, QStringLiteral("/tmp/other.db"));
    QCOMPARE(c->centralUrl, QStringLiteral("https://127.0.0.1:9"));
    QCOMPARE(c->caFile, QStringLiteral("/tmp/ca2.pem"));
    QCOMPARE(c->keyFile, QStringLiteral("/tmp/k2.pem"));
    QCOMPARE(c->kioskId, QStringLiteral("KIOSK-GYD-01")); // not overridden: from the file
}

void TstKioskConfig::missingExplicitFileIsAnError()
{
    const auto c = KioskConfig::load(QStringLiteral("/nonexistent/kiosk.ini"));
    QVERIFY(!c);
    QCOMPARE(c.error().code, QStringLiteral("CONFIG_NOT_FOUND"));
    QVERIFY(c.error().message.contains(QStringLiteral("/nonexistent/kiosk.ini")));
}

void TstKioskConfig::missingDefaultFileIsEmpty()
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.path().toUtf8());
    qunsetenv("KIOSK_CONFIG");
    QCOMPARE(KioskConfig::defaultPath(), home.filePath(QStringLiteral("border-kiosk/kiosk.ini")));
    const auto c = KioskConfig::load({});
    QVERIFY(c);
    QVERIFY(c->sourceFile.isEmpty());
    QVERIFY(c->databasePath.isEmpty());
}

QTEST_GUILESS_MAIN(TstKioskConfig)
#include "tst_kioskconfig.moc"
