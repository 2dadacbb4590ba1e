#include "scanner/sources/documentsource.h"

#include "scanner/sources/logging_p.h"

Q_LOGGING_CATEGORY(lcSources, "kiosk.scanner.sources")

namespace Kiosk::Sources {

QString kindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Camera: return QStringLiteral("camera");
    case SourceKind::SerialReader: return QStringLiteral("serial");
    case SourceKind::KeyboardWedge: return QStringLiteral("wedge");
    case SourceKind::Folder: return QStringLiteral("folder");
    case SourceKind::Simulator: return QStringLiteral("simulator");
    }
    return QStringLiteral("unknown");
}

QString statusName(SourceStatus status)
{
    switch (status) {
    case SourceStatus::Stopped: return QStringLiteral("stopped");
    case SourceStatus::Running: return QStringLiteral("running");
    case SourceStatus::Reconnecting: return QStringLiteral("reconnecting");
    case SourceStatus::Unavailable: return QStringLiteral("unavailable");
    case SourceStatus::Finished: return QStringLiteral("finished");
    }
    return QStringLiteral("unknown");
}

DocumentSource::DocumentSource(QObject *parent) : QObject(parent)
{
    // Queued connections (the session may live on another thread) need the types registered.
    qRegisterMetaType<SourceInfo>();
    qRegisterMetaType<SourceStatus>();
    qRegisterMetaType<ImageContent>();
}

DocumentSource::~DocumentSource() = default;

void DocumentSource::setStatus(SourceStatus status)
{
    if (status == m_status)
        return;
    m_status = status;
    qCDebug(lcSources) << "status" << statusName(status);
    Q_EMIT statusChanged(status);
}

void DocumentSource::reportError(const QString &code, const QString &message)
{
    m_lastError = Error{code, message};
    // The message names ports, paths and devices only; callers never put document text in it.
    qCWarning(lcSources).noquote() << code << message;
    Q_EMIT errorOccurred(code, message);
}

} // namespace Kiosk::Sources
