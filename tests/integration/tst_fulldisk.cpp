// A full disk, for real: a kiosk enrolled (kioskctl enroll) on a 2 MB tmpfs, two travellers
// recorded, then the file system filled with a filler file until write() says ENOSPC. The real
// kioskctl, as child processes, must then:
//  - answer `log verify` and `sync --status` exactly as before the disk filled (same exit code,
//    same JSON): they only read, through a read-only handle that changes no journal mode;
//  - refuse `kioskctl record` with a clear error and exit 1, leave no half-written record
//    (after the disk is freed: the same events, crossings and outbox entries, the chain
//    verifies), and never log "rollback failed";
// both with nothing else using the database, and with a connection held open as a running
// console holds one (the record then gets as far as COMMIT, which fails with SQLITE_FULL and
// which SQLite rolls back by itself).
// Mounting needs root (CI runs as root); otherwise the test is skipped.
#include "app/store/database.h"
#include "tests/support/commandrun.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <optional>

using namespace Kiosk;

namespace {

// Synthetic travellers (ICAO 9303-3 check digits), RUS nationals.
const QByteArray kFirst = "P<RUSTRUSTOVA<<MARIA<<<<<<<<<<<<<<<<<<<<<<<<\n"
                          "T710000429RUS9001011F3501014<<<<<<<<<<<<<<08\n";

using Run = Test::CommandRun;

// mount(8) and umount(8), as an administrator would; the tmpfs is gone when this is.
class TmpfsMount
{
public:
    static std::optional<TmpfsMount> mount(const QString &where, const QString &size, QString *error)
    {
        QProcess p;
        p.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                          QStringLiteral("size=%1,mode=0700").arg(size), QStringLiteral("tmpfs"), where});
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *error = QString::fromLocal8Bit(p.readAllStandardError()).trimmed() + p.errorString();
            return std::nullopt;
        }
        return TmpfsMount(where);
    }
    TmpfsMount(TmpfsMount &&other) noexcept : m_where(std::exchange(other.m_where, QString())) {}
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;
    TmpfsMount &operator=(TmpfsMount &&) = delete;
    ~TmpfsMount()
    {
        if (m_where.isEmpty())
            return;
        // Lazily if still busy (a child process left behind by a failed check).
        if (QProcess::execute(QStringLiteral("umount"), {m_where}) != 0)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_where});
    }

private:
    explicit TmpfsMount(QString where) : m_where(std::move(where)) {}
    QString m_where;
};

} // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void readCommandsWorkAndRecordFailsCleanly_data();
    void readCommandsWorkAndRecordFailsCleanly();

private:
    [[nodiscard]] QString disk(const QString &name) const { return m_dir->filePath(QStringLiteral("disk/") + name); }
    [[nodiscard]] Run kioskctl(const QStringList &args) const;
    [[nodiscard]] Run record(const QString &direction) const;
    [[nodiscard]] bool fillDisk() const;
    // Events, outbox entries and crossings stored (-1: unreadable).
    [[nodiscard]] QList<qint64> stored() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<TmpfsMount> m_mount; // destroyed before m_dir: unmounted before the folder goes
};

void TestFullDisk::init()
{
    if (::geteuid() != 0)
        QSKIP("mounting a tmpfs needs root (CI runs as root)");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("disk")));
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("home")));
    QString error;
    if (auto mounted = TmpfsMount::mount(m_dir->filePath(QStringLiteral("disk")), QStringLiteral("2m"), &error))
        m_mount.emplace(std::move(*mounted));
    if (!m_mount)
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here: %1").arg(error)));
    QFile mrz(m_dir->filePath(QStringLiteral("traveller.mrz")));
    QVERIFY(mrz.open(QIODevice::WriteOnly) && mrz.write(kFirst) > 0);
}

void TestFullDisk::cleanup()
{
    m_mount.reset(); // even when a check failed
    m_dir.reset();
}

Run TestFullDisk::kioskctl(const QStringList &args) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir->filePath(QStringLiteral("home")));
    env.remove(QStringLiteral("XDG_CONFIG_HOME"));
    env.remove(QStringLiteral("KIOSK_CONFIG"));
    return Test::runCommand(QStringLiteral(KIOSKCTL_PATH), args + QStringList{QStringLiteral("--config"), disk(QStringLiteral("kiosk.ini"))}, env);
}

Run TestFullDisk::record(const QString &direction) const
{
    return kioskctl({QStringLiteral("record"), QStringLiteral("--mrz"), m_dir->filePath(QStringLiteral("traveller.mrz")), QStringLiteral("--direction"),
                     direction, QStringLiteral("--officer"), QStringLiteral("OF-1001")});
}

// Writes a filler file until the file system refuses a single further byte.
bool TestFullDisk::fillDisk() const
{
    const QByteArray name = QFile::encodeName(disk(QStringLiteral("filler")));
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return false;
    const QByteArray chunk(64 * 1024, '\0');
    bool full = false;
    for (qsizetype size = chunk.size(); size > 0 && !full; size /= 2) {
        for (;;) {
            const ssize_t n = ::write(fd, chunk.constData(), static_cast<size_t>(size));
            if (n < 0) {
                if (errno != ENOSPC)
                    break;
                if (size == 1)
                    full = true;
                break;
            }
        }
    }
    ::close(fd);
    struct statvfs st{};
    return full && ::statvfs(QFile::encodeName(disk(QString())).constData(), &st) == 0 && st.f_bavail == 0;
}

QList<qint64> TestFullDisk::stored() const
{
    Store::Database::Options ro;
    ro.readOnly = true;
    auto db = Store::Database::open(disk(QStringLiteral("kiosk.db")), ro);
    if (!db)
        return {-1, -1, -1};
    QList<qint64> out;
    for (const char *table : {"events", "outbox", "crossings"}) {
        auto q = db->exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
        out.append(q && (*q)->next() ? (*q)->value(0).toLongLong() : -1);
        if (q)
            (*q)->finish();
    }
    return out;
}

void TestFullDisk::readCommandsWorkAndRecordFailsCleanly_data()
{
    QTest::addColumn<bool>("consoleRunning");
    QTest::newRow("nothing else has the database open") << false;
    QTest::newRow("a console holds a connection: record fails at COMMIT") << true;
}

void TestFullDisk::readCommandsWorkAndRecordFailsCleanly()
{
    QFETCH(bool, consoleRunning);
    const Run enrolled = kioskctl({QStringLiteral("enroll"), QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD"),
                                   QStringLiteral("--db"), disk(QStringLiteral("kiosk.db")), QStringLiteral("--key"), disk(QStringLiteral("kiosk-key.pem"))});
    QVERIFY2(enrolled.exitCode == 0, enrolled.err.constData());
    for (const QString &direction : {QStringLiteral("entry"), QStringLiteral("exit")}) {
        const Run r = record(direction);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    const Run verifyBefore = kioskctl({QStringLiteral("log"), QStringLiteral("verify")});
    QCOMPARE(verifyBefore.exitCode, 0);
    QCOMPARE(verifyBefore.json().value(QStringLiteral("verified")).toInteger(), 2);
    const Run statusBefore = kioskctl({QStringLiteral("sync"), QStringLiteral("--status")});
    QCOMPARE(statusBefore.exitCode, 0);
    QCOMPARE(statusBefore.json().value(QStringLiteral("pending")).toInteger(), 2);
    const QList<qint64> storedBefore = stored();
    QCOMPARE(storedBefore.value(0), qint64(2));

    std::optional<Store::Database> console;
    if (consoleRunning) {
        auto db = Store::Database::open(disk(QStringLiteral("kiosk.db")));
        QVERIFY2(db.has_value(), qPrintable(db ? QString() : db.error().message));
        console.emplace(std::move(*db));
        QVERIFY(console->exec(QStringLiteral("SELECT COUNT(*) FROM events")).has_value());
    }
    QVERIFY2(fillDisk(), "the tmpfs did not fill up");

    const Run verify = kioskctl({QStringLiteral("log"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, verify.err.constData());
    QCOMPARE(verify.out, verifyBefore.out);
    const Run status = kioskctl({QStringLiteral("sync"), QStringLiteral("--status")});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QJsonObject now = status.json(), before = statusBefore.json();
    QCOMPARE(now.keys(), before.keys());
    now.remove(QStringLiteral("oldestPendingAgeSeconds")); // the clock moved on
    before.remove(QStringLiteral("oldestPendingAgeSeconds"));
    QCOMPARE(now, before);

    const Run refused = record(QStringLiteral("entry"));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.isEmpty(), refused.out.constData());
    QVERIFY2(refused.err.contains("record: STORE_"), refused.err.constData());
    // Where it stops depends on what SQLite must write first (the journal mode, or the log at
    // COMMIT); either way the error names the full disk.
    QVERIFY2(refused.err.contains("database or disk is full") || refused.err.contains("disk I/O error"), refused.err.constData());
    if (consoleRunning)
        QVERIFY2(refused.err.contains("COMMIT: database or disk is full"), refused.err.constData());
    QVERIFY2(!refused.err.contains("rollback"), refused.err.constData());

    // Room again: nothing half-written, the chain intact, the queue as it was.
    console.reset();
    QVERIFY(QFile::remove(disk(QStringLiteral("filler"))));
    const Run verifyAfter = kioskctl({QStringLiteral("log"), QStringLiteral("verify")});
    QCOMPARE(verifyAfter.exitCode, 0);
    QCOMPARE(verifyAfter.out, verifyBefore.out);
    QCOMPARE(stored(), storedBefore);
}

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
