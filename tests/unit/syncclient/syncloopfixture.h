#pragma once
// The rig of the sync loop's tests (tst_syncloop: start/stop, backoff, connectivity; tst_syncloopround:
// what a round leaves behind): kiosks with their own database, key, recorder, ManualClock and
// sync client, and the real central service in-process over TLS on loopback
// (tests/support/loopbackcentral.h).
#include "app/core/manualclock.h"
#include "app/crypto/ed25519.h"
#include "app/store/database.h"
#include "sync/central/centralservice.h"
#include "sync/client/crossingrecorder.h"
#include "sync/client/syncclient.h"
#include "sync/eventlog/eventsigner.h"
#include "tests/support/loopbackcentral.h"

#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>

#include <chrono>
#include <memory>

namespace Kiosk::Test {

using namespace std::chrono_literals;

// The next timer's due time in ms from now, -1 for none (printable in a failed QCOMPARE).
qint64 dueInMs(const ManualClock &clock);

// The store keeps instants to the second (ISO 8601 without fractions).
QDateTime wholeSeconds(const QDateTime &t);

// One kiosk: its database, key, recorder, clock, and a sync client with short timings.
struct TestKiosk
{
    QString id;
    QByteArray publicKey;
    std::unique_ptr<ManualClock> clock; // declared before the client, which uses it
    std::unique_ptr<Store::Database> db;
    std::unique_ptr<EventLog::EventSigner> signer;
    std::unique_ptr<Sync::CrossingRecorder> recorder;
    std::unique_ptr<Sync::SyncClient> client;
    int next = 0;
    // What the loop reported: every round's status, every scheduled delay.
    QList<Sync::SyncStatus> rounds;
    QList<qint64> delays;
    QList<qint64> roundAtMs; // when each round ended, on `clock`
    QString trace;           // 'S' a round scheduled, 'R' a round ended, in emission order

    [[nodiscard]] Result<void> record(int count);
    [[nodiscard]] qint64 pending() const { return rounds.isEmpty() ? -1 : rounds.constLast().pending; }
    // Moves this kiosk's time on: the rounds due meanwhile run (and finish) inside.
    void advance(std::chrono::milliseconds by) { clock->advance(by); }
    // To the round scheduled last: that many ms on.
    void advanceToScheduled() { clock->advance(std::chrono::milliseconds(delays.constLast())); }
    // When the outbox last tried to push (its newest last_attempt_at).
    [[nodiscard]] QDateTime lastAttemptAt();
};

// A port nobody listens on (bound, then released): the central side is "down" there until a
// CentralThread is started on it.
quint16 freePort();

// The test object both executables derive from: a TLS pair for the test case, a folder per test.
class SyncLoopFixture : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

protected:
    [[nodiscard]] QString path(const QString &name) const { return m_dir->filePath(name); }
    [[nodiscard]] QString centralUrl() const { return QStringLiteral("sqlite:") + path(QStringLiteral("central.db")); }
    // A kiosk with its own database; its client talks to 127.0.0.1:port.
    std::unique_ptr<TestKiosk> makeKiosk(const QString &id, quint16 port, Sync::BackoffPolicy backoff, std::chrono::milliseconds interval = 100ms);
    // The central side on `port` (0: any), with `kiosks` enrolled; the bound port or 0.
    quint16 startCentral(const QList<const TestKiosk *> &kiosks, quint16 port = 0);
    void stopCentral() { m_central.reset(); }
    // The central database, read from this thread once the central thread is stopped.
    QJsonObject centralStats();
    QList<Central::FeedEntry> centralFeed();

    QTemporaryDir m_tls;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CentralThread> m_central;
    int m_workingSetDays = 0; // SyncSettings::workingSetDays of the kiosks made next
};

} // namespace Kiosk::Test
