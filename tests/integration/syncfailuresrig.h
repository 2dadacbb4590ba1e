#pragma once
// The rig of the sync failure tests with real processes on loopback (tst_syncfailures_delivery,
// _trust and _pull): border-central and kioskctl are started as child processes (TLS with a
// throwaway CA made by the OpenSSL CLI at test time), killed, restarted, and put behind
// proxies and floods. Each test gets a fresh folder, a central database on each backend
// (SQLite, and PostgreSQL when scripts/test-services runs it), a policy authority of its own
// and KIOSK-GYD-01 enrolled on both sides.
#include "sync/eventlog/requestsignature.h"
#include "tests/support/policyauthority.h"
#include "tests/unit/central/centraltestdb.h"
#include "tests/unit/syncclient/syntheticpassport.h"

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace Kiosk::Test {

inline const QString KioskId = QStringLiteral("KIOSK-GYD-01");

// Waits for a child while the test's event loop runs (the proxy lives in it).
bool waitSpinning(QProcess &p, int timeoutMs);

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const;
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 60000);

TravelDocument syntheticDocument(int n);

class SyncFailuresRig : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

protected:
    bool onlySqlite();
    QString kioskctl() const { return QStringLiteral(KIOSKCTL_PATH); }
    QString central() const { return QStringLiteral(CENTRAL_PATH); }
    QString path(const QString &name) const { return m_dir->filePath(name); }
    void writeIni(const QString &file, const QString &id, const QString &db, const QString &key, const QString &checkpoint = QStringLiteral("GYD"));
    bool startCentral(const QStringList &extra = {});
    void killCentral();
    QJsonObject stats();
    Run syncOnce(const QString &ini, const QStringList &extra = {}, quint16 port = 0);
    qint64 kioskScalar(const QString &db, const QString &sql);
    void recordInProcess(const QString &db, const QString &key, int from, int count, const QString &kioskId = KioskId,
                         const QString &checkpoint = QStringLiteral("GYD"));
    // KIOSK-KRM-01 at the land border, enrolled here and at the central side; its INI, or empty.
    QString enrolLandKiosk();
    QJsonObject logVerify(const QString &ini, int *exitCode);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Kiosk::Central::Test::ScratchDatabase> m_centralDb;
    std::unique_ptr<QProcess> m_central;
    quint16 m_port = 0;
    QString m_ini;
    // The kiosks' policy signing authority: a key made for the test (record and sync refuse
    // the development key), the shipped policy signed by it as policy.json.
    std::optional<Kiosk::Test::PolicyAuthority> m_authority;
};

} // namespace Kiosk::Test
