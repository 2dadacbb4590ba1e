#include "app/core/privatefile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Kiosk {

namespace {

Error unwritable(const QString &path, const QString &why)
{
    return Error{QStringLiteral("FILE_UNWRITABLE"), QStringLiteral("cannot write %1: %2").arg(path, why)};
}

QString lastErrno()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// A file root makes gets its folder's owner and group (see the header).
void inheritFolderOwner(int fd, const QString &path)
{
    if (::geteuid() != 0)
        return;
    struct stat folder{};
    if (::stat(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &folder) != 0)
        return;
    if (folder.st_uid == 0 && folder.st_gid == 0)
        return;
    (void)::fchown(fd, folder.st_uid, folder.st_gid);
}

} // namespace

Result<void> writeNewPrivateFile(const QString &path, const QByteArray &bytes)
{
    const QByteArray native = QFile::encodeName(path);
    // O_EXCL: never overwrite; 0600 from the first byte on.
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return fail(QStringLiteral("FILE_EXISTS"), QStringLiteral("refusing to overwrite existing file %1").arg(path));
        return std::unexpected(unwritable(path, lastErrno()));
    }
    inheritFolderOwner(fd, path);
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, static_cast<size_t>(bytes.size() - written));
        if (n <= 0) {
            const QString why = lastErrno();
            ::close(fd);
            ::unlink(native.constData());
            return std::unexpected(unwritable(path, why));
        }
        written += n;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) {
        ::unlink(native.constData());
        return std::unexpected(unwritable(path, QStringLiteral("fsync failed")));
    }
    return {};
}

Result<void> ensurePrivateFolder(const QString &folder)
{
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    if (QFileInfo(absolute).isDir())
        return {};
    const QString parent = QFileInfo(absolute).absolutePath();
    if (parent != absolute)
        if (auto made = ensurePrivateFolder(parent); !made)
            return made;
    const QByteArray native = QFile::encodeName(absolute);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return std::unexpected(unwritable(absolute, lastErrno()));
    // mkdir applies the umask; the mode is set exactly (a umask of 0077 or 0277 alike).
    if (::chmod(native.constData(), 0700) != 0)
        return std::unexpected(unwritable(absolute, lastErrno()));
    return {};
}

Result<void> ensurePrivateFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == ENOENT) {
        if (auto made = ensurePrivateFolder(QFileInfo(path).absolutePath()); !made)
            return made;
        fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    }
    if (fd >= 0) {
        inheritFolderOwner(fd, path);
        ::close(fd);
        return {};
    }
    if (errno == EEXIST)
        return {};
    return std::unexpected(unwritable(path, lastErrno()));
}

Result<void> replaceFile(const QString &path, const QByteArray &bytes, unsigned modeForNew)
{
    struct stat old{};
    const bool exists = ::stat(QFile::encodeName(path).constData(), &old) == 0;
    QSaveFile out(path);
    // QSaveFile's temporary file is made 0600 by QTemporaryFile; the mode is set before the
    // rename, so the file never appears under its name with wider permissions than asked.
    if (!out.open(QIODevice::WriteOnly))
        return std::unexpected(unwritable(path, out.errorString()));
    if (out.write(bytes) != bytes.size())
        return std::unexpected(unwritable(path, out.errorString()));
    if (::fchmod(out.handle(), exists ? (old.st_mode & 07777) : static_cast<mode_t>(modeForNew)) != 0)
        return std::unexpected(unwritable(path, lastErrno()));
    if (exists) {
        if ((old.st_uid != ::geteuid() || old.st_gid != ::getegid()) && ::fchown(out.handle(), old.st_uid, old.st_gid) != 0)
            return std::unexpected(unwritable(path, QStringLiteral("cannot keep its owner: %1").arg(lastErrno())));
    } else {
        inheritFolderOwner(out.handle(), path);
    }
    if (!out.commit())
        return std::unexpected(unwritable(path, out.errorString()));
    return {};
}

std::optional<unsigned> looserMode(const QString &path, unsigned allowed)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    const unsigned mode = st.st_mode & 07777;
    if ((mode & ~allowed & 0777) == 0)
        return std::nullopt;
    return mode;
}

QString octalMode(unsigned mode)
{
    return QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0'));
}

} // namespace Kiosk
