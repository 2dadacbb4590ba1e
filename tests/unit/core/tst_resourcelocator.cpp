// The one resource locator: the configured path, else $KIOSK_RESOURCES_DIR, else the installed
// data folder, else the source tree; never the current folder.
#include "app/core/resourcelocator.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk;

class TestResourceLocator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { qunsetenv("KIOSK_RESOURCES_DIR"); }
    void cleanup()
    {
        qunsetenv("KIOSK_RESOURCES_DIR");
        QDir::setCurrent(m_startFolder);
    }
    void configuredPathWins();
    void environmentOverride();
    void neverTheCurrentFolder();
    void missingNamesWhereItLooked();

private:
    const QString m_startFolder = QDir::currentPath();
};

void TestResourceLocator::configuredPathWins()
{
    QCOMPARE(locateResource(QStringLiteral("/etc/border-kiosk/anchor.pem"), QStringLiteral("trust/policy-dev.pub.pem")).value(),
             QStringLiteral("/etc/border-kiosk/anchor.pem"));
}

void TestResourceLocator::environmentOverride()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("policy")));
    QFile f(dir.filePath(QStringLiteral("policy/policy.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    qputenv("KIOSK_RESOURCES_DIR", dir.path().toLocal8Bit());
    QCOMPARE(locateResource({}, QStringLiteral("policy/policy.json")).value(), QDir::cleanPath(dir.filePath(QStringLiteral("policy/policy.json"))));
}

void TestResourceLocator::neverTheCurrentFolder()
{
    // A resources/ folder in the current folder, holding a file the data folders do not have.
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("resources/trust")));
    QFile f(dir.filePath(QStringLiteral("resources/trust/planted.pem")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QVERIFY(QDir::setCurrent(dir.path()));
    QCOMPARE(locateResource({}, QStringLiteral("trust/planted.pem")).error().code, QStringLiteral("RESOURCE_NOT_FOUND"));
    // The shipped files are still found from here: the folders are fixed at build time.
    auto shipped = locateResource({}, QStringLiteral("policy/policy.json"));
    QVERIFY2(shipped, qPrintable(shipped ? QString() : shipped.error().message));
    QVERIFY(!shipped->startsWith(dir.path()));
}

void TestResourceLocator::missingNamesWhereItLooked()
{
    auto missing = locateResource({}, QStringLiteral("policy/none.json"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, QStringLiteral("RESOURCE_NOT_FOUND"));
    QVERIFY2(missing.error().message.contains(QStringLiteral("policy/none.json")), qPrintable(missing.error().message));
    QVERIFY2(missing.error().message.contains(QStringLiteral(KIOSK_SOURCE_DIR "/resources")), qPrintable(missing.error().message));
}

QTEST_GUILESS_MAIN(TestResourceLocator)
#include "tst_resourcelocator.moc"
