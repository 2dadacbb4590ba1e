#pragma once
// A throwaway central database for a test: a file in a QTemporaryDir for SQLite, or a fresh
// database on the PostgreSQL cluster of scripts/test-services (KIOSK_TEST_PG_URL), dropped after.
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

namespace Kiosk::Central::Test {

inline QString pgAdminUrl()
{
    return qEnvironmentVariable("KIOSK_TEST_PG_URL");
}

class ScratchDatabase
{
public:
    // `backend`: "sqlite" or "postgresql". url() is empty when PostgreSQL is not available.
    explicit ScratchDatabase(const QString &backend)
    {
        if (backend == QLatin1String("sqlite")) {
            m_url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("central.db"));
            return;
        }
        const QString admin = pgAdminUrl();
        if (admin.isEmpty())
            return;
        m_name = QStringLiteral("kiosk_t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        if (!adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_name)))
            return;
        QUrl u(admin);
        u.setPath(QStringLiteral("/") + m_name);
        m_url = u.toString();
    }
    ~ScratchDatabase()
    {
        if (!m_name.isEmpty())
            adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    [[nodiscard]] QString url() const { return m_url; }

private:
    static bool adminExec(const QString &sql)
    {
        const QUrl u(pgAdminUrl());
        const QString conn = QStringLiteral("kiosk-test-admin-") + QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), conn);
            db.setHostName(u.host());
            db.setPort(u.port(5432));
            db.setUserName(u.userName());
            db.setDatabaseName(u.path().mid(1));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    qWarning("admin SQL failed: %s", qPrintable(q.lastError().text()));
                db.close();
            } else {
                qWarning("cannot reach PostgreSQL at %s", qPrintable(u.toString()));
            }
        }
        QSqlDatabase::removeDatabase(conn);
        return ok;
    }

    QTemporaryDir m_dir;
    QString m_name;
    QString m_url;
};

} // namespace Kiosk::Central::Test
