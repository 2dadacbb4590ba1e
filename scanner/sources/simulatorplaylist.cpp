#include "scanner/sources/simulatorplaylist.h"

#include "scanner/sources/mrzlineshape.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Kiosk::Sources {

namespace {

const QString header = QStringLiteral("kiosk-simulator-playlist 1");

Result<QString> readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return fail(QStringLiteral("SOURCE_PLAYLIST_UNREADABLE"),
                    QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
    return QString::fromUtf8(file.readAll());
}

std::unexpected<Error> invalid(const QString &origin, const QString &what)
{
    return fail(QStringLiteral("SOURCE_PLAYLIST_INVALID"), origin + QStringLiteral(": ") + what);
}

// The lines of one document: same length, a document's count, MRZ characters only.
Result<QString> mrzDocument(const QStringList &lines, const QString &origin)
{
    if (lines.isEmpty())
        return invalid(origin, QStringLiteral("an mrz entry needs 2 or 3 lines"));
    const qsizetype length = lines.first().size();
    for (const QString &line : lines) {
        if (!isMrzLine(line) || line.size() != length)
            return invalid(origin, QStringLiteral("'%1…' is not an MRZ line of 30, 36 or 44 characters A-Z 0-9 < "
                                                  "matching the document's first line")
                                       .arg(line.left(8)));
    }
    if (lines.size() != mrzLineCountFor(length))
        return invalid(origin, QStringLiteral("%1 lines of %2 characters: a document has %3")
                                   .arg(lines.size())
                                   .arg(length)
                                   .arg(mrzLineCountFor(length)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Result<QList<PlaylistEntry>> loadMrzFile(const QString &path)
{
    const auto text = readText(path);
    if (!text)
        return std::unexpected(text.error());
    const QString name = QFileInfo(path).fileName();
    QList<PlaylistEntry> entries;
    QStringList block;
    qsizetype blockStart = 0;
    const QStringList lines = text->split(QLatin1Char('\n'));
    for (qsizetype i = 0; i <= lines.size(); ++i) {
        const QString line = i < lines.size() ? lines[i].trimmed() : QString();
        if (!line.isEmpty() && !line.startsWith(u'#')) {
            if (block.isEmpty())
                blockStart = i + 1;
            block.append(line);
            continue;
        }
        if (block.isEmpty())
            continue;
        const QString origin = QStringLiteral("%1:%2").arg(name).arg(blockStart);
        const auto doc = mrzDocument(block, origin);
        if (!doc)
            return std::unexpected(doc.error());
        entries.append({PlaylistEntry::Kind::Mrz, *doc, origin});
        block.clear();
    }
    return entries;
}

Result<QList<PlaylistEntry>> parsePlaylist(QStringView text, const QDir &base, const QString &name)
{
    QList<PlaylistEntry> entries;
    bool sawHeader = false;
    int lineNo = 0;
    for (const QStringView raw : text.split(u'\n')) {
        ++lineNo;
        const QString line = raw.trimmed().toString();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QString origin = QStringLiteral("%1:%2").arg(name).arg(lineNo);
        if (!sawHeader) {
            if (line.simplified() != header)
                return invalid(origin, QStringLiteral("expected the header '%1'").arg(header));
            sawHeader = true;
            continue;
        }
        const qsizetype space = line.indexOf(QRegularExpression(QStringLiteral("\\s")));
        const QString kind = line.left(space < 0 ? line.size() : space);
        const QString value = space < 0 ? QString() : line.mid(space + 1).trimmed();
        if (kind == u"removed") {
            // The reader reports the page taken away: nothing follows the word.
            if (!value.isEmpty())
                return invalid(origin, QStringLiteral("'removed' takes no value"));
            entries.append({PlaylistEntry::Kind::Removed, QString(), origin});
            continue;
        }
        if (value.isEmpty())
            return invalid(origin, QStringLiteral("'%1' needs a value").arg(kind));

        if (kind == u"mrz") {
            const auto doc = mrzDocument(value.split(QRegularExpression(QStringLiteral("\\s+"))), origin);
            if (!doc)
                return std::unexpected(doc.error());
            entries.append({PlaylistEntry::Kind::Mrz, *doc, origin});
        } else if (kind == u"image" || kind == u"barcode" || kind == u"mrzfile") {
            const QString path = QDir::cleanPath(base.absoluteFilePath(value));
            if (!QFileInfo(path).isFile())
                return invalid(origin, QStringLiteral("file '%1' not found").arg(value));
            if (kind == u"mrzfile") {
                const auto docs = loadMrzFile(path);
                if (!docs)
                    return std::unexpected(docs.error());
                entries.append(*docs);
            } else {
                entries.append({kind == u"image" ? PlaylistEntry::Kind::Image : PlaylistEntry::Kind::Barcode, path, origin});
            }
        } else {
            return invalid(origin, QStringLiteral("unknown kind '%1' (mrz, mrzfile, image, barcode, removed)").arg(kind));
        }
    }
    if (!sawHeader)
        return invalid(name, QStringLiteral("empty: expected the header '%1'").arg(header));
    return entries;
}

Result<QList<PlaylistEntry>> loadPlaylist(const QString &path)
{
    const auto text = readText(path);
    if (!text)
        return std::unexpected(text.error());
    const QFileInfo info(path);
    return parsePlaylist(*text, info.absoluteDir(), info.fileName());
}

} // namespace Kiosk::Sources
