#pragma once
// A pseudo-terminal pair for the serial reader tests: the reader opens the slave side with
// the real QSerialPort code (termios, notifiers, error paths); the test writes to the master
// side as a document reader would. Closing the master is what unplugging a USB reader looks
// like to the open port (reads fail with EIO).
#include <QByteArray>
#include <QString>

#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

class PtyPair
{
public:
    PtyPair() = default;
    PtyPair(const PtyPair &) = delete;
    PtyPair &operator=(const PtyPair &) = delete;
    ~PtyPair() { close(); }

    // Empty on success, otherwise what failed.
    QString open()
    {
        m_master = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (m_master < 0)
            return QStringLiteral("posix_openpt: %1").arg(errno);
        if (::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0)
            return QStringLiteral("grantpt/unlockpt: %1").arg(errno);
        char name[PATH_MAX] = {};
        if (::ptsname_r(m_master, name, sizeof name) != 0)
            return QStringLiteral("ptsname_r: %1").arg(errno);
        m_slavePath = QString::fromLocal8Bit(name);
        // Raw mode on the line discipline, so bytes written before the reader applies its own
        // settings are not translated (ICRNL would turn CR into LF).
        termios tio{};
        if (::tcgetattr(m_master, &tio) == 0) {
            ::cfmakeraw(&tio);
            ::tcsetattr(m_master, TCSANOW, &tio);
        }
        return {};
    }

    [[nodiscard]] QString slavePath() const { return m_slavePath; }

    bool write(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(m_master, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            done += n;
        }
        return true;
    }

    void close()
    {
        if (m_master >= 0)
            ::close(m_master);
        m_master = -1;
    }

private:
    int m_master = -1;
    QString m_slavePath;
};
