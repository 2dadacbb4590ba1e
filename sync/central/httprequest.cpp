#include "sync/central/httprequest.h"

#include <QUrl>

namespace Kiosk::Central {

namespace {

// RFC 9110 §5.6.2 token characters.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

// A field value: visible ASCII, obs-text, space and tab (RFC 9110 §5.5); no other control byte.
bool isFieldValue(QByteArrayView s)
{
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &part : list.toByteArray().split(','))
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[lower, value] : headers)
        if (lower.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpRequestParser::State HttpRequestParser::refuse(int status, const char *code, QString message)
{
    m_refusal = HttpRefusal{status, QByteArray(code), std::move(message)};
    m_buffer.clear();
    return m_state = State::Refused;
}

HttpRequestParser::State HttpRequestParser::feed(QByteArrayView bytes)
{
    if (m_state != State::NeedMore) {
        if (m_state == State::Ready)
            m_buffer.append(bytes); // kept for the request after the one not yet taken
        return m_state;
    }
    const qsizetype scanFrom = m_headerDone ? m_buffer.size() : qMax<qsizetype>(0, m_buffer.size() - 3);
    m_buffer.append(bytes);
    if (!m_headerDone) {
        // RFC 9112 §2.2: a server may ignore empty lines before the request line.
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        // A bare LF anywhere in the head is refused now, not after waiting for a CRLF CRLF that
        // an LF-only client never sends.
        for (qsizetype i = qMax<qsizetype>(0, scanFrom - 1); i < m_buffer.size(); ++i) {
            if (m_buffer.at(i) == '\n' && (i == 0 || m_buffer.at(i - 1) != '\r'))
                return refuse(400, "HTTP_MALFORMED", QStringLiteral("bare LF at byte %1 of the request head").arg(i));
        }
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n", qMax<qsizetype>(0, scanFrom - 3));
        if (headEnd < 0) {
            if (m_buffer.size() > m_limits.maxHeaderBytes)
                return refuse(431, "HTTP_HEADERS_TOO_LARGE", QStringLiteral("request head longer than %1 bytes").arg(m_limits.maxHeaderBytes));
            return m_state;
        }
        if (headEnd + 4 > m_limits.maxHeaderBytes)
            return refuse(431, "HTTP_HEADERS_TOO_LARGE", QStringLiteral("request head longer than %1 bytes").arg(m_limits.maxHeaderBytes));
        if (parseHead(headEnd) == State::Refused)
            return m_state;
        m_buffer.remove(0, headEnd + 4);
        m_headerDone = true;
    }
    if (m_buffer.size() < m_bodyLength)
        return m_state;
    m_current.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    return m_state = State::Ready;
}

HttpRequestParser::State HttpRequestParser::parseHead(qsizetype headEnd)
{
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    // Every line but the last ends in CR (the split was on LF; bare LFs were refused already).
    auto line = [&](qsizetype i) { return i + 1 < lines.size() ? QByteArrayView(lines.at(i)).chopped(1) : QByteArrayView(lines.at(i)); };

    const QByteArrayView requestLine = line(0);
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return refuse(400, "HTTP_MALFORMED", QStringLiteral("line 1: the request line is not METHOD SP TARGET SP VERSION"));
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method) || method.size() > 16)
        return refuse(400, "HTTP_MALFORMED", QStringLiteral("line 1: the method is not a token"));
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        if (version.startsWith("HTTP/") && version.size() == 8 && version.at(6) == '.')
            return refuse(505, "HTTP_VERSION", QStringLiteral("line 1: only HTTP/1.1 and HTTP/1.0 are served, not %1").arg(QString::fromLatin1(version.sliced(5))));
        return refuse(400, "HTTP_MALFORMED", QStringLiteral("line 1: the version is not HTTP/1.x"));
    }
    if (!target.startsWith('/'))
        return refuse(400, "HTTP_MALFORMED", QStringLiteral("line 1: the target is not a path (origin form)"));
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return refuse(400, "HTTP_MALFORMED", QStringLiteral("line 1: the target holds a byte 0x%1").arg(u, 2, 16, QLatin1Char('0')));
    }
    const QUrl url = QUrl::fromEncoded(target.toByteArray(), QUrl::StrictMode);
    if (!url.isValid())
        return refuse(400, "HTTP_MALFORMED", QStringLiteral("line 1: the target is not a valid URL path"));

    HttpRequest request;
    request.method = method.toByteArray();
    request.target = target.toByteArray();
    request.path = url.path();
    request.query = QUrlQuery(url);
    bool http11 = version == "HTTP/1.1";
    std::optional<qint64> contentLength;
    bool host = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView l = line(i);
        const int lineNo = static_cast<int>(i + 1);
        if (l.startsWith(' ') || l.startsWith('\t'))
            return refuse(400, "HTTP_MALFORMED", QStringLiteral("line %1: folded header lines are not accepted").arg(lineNo));
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0 || !isToken(l.first(colon)))
            return refuse(400, "HTTP_MALFORMED", QStringLiteral("line %1: not NAME: VALUE").arg(lineNo));
        const QByteArray name = l.first(colon).toByteArray().toLower();
        const QByteArray value = l.sliced(colon + 1).toByteArray().trimmed();
        if (!isFieldValue(value))
            return refuse(400, "HTTP_MALFORMED", QStringLiteral("line %1: header %2 holds a control byte").arg(lineNo).arg(QString::fromLatin1(name)));
        if (request.headers.size() >= m_limits.maxHeaders)
            return refuse(431, "HTTP_HEADERS_TOO_LARGE", QStringLiteral("more than %1 header fields").arg(m_limits.maxHeaders));
        if (name == "transfer-encoding")
            return refuse(501, "HTTP_NOT_IMPLEMENTED", QStringLiteral("line %1: Transfer-Encoding is not accepted; send Content-Length").arg(lineNo));
        if (name == "content-length") {
            bool ok = !value.isEmpty() && value.size() <= 18;
            for (const char c : value)
                ok = ok && c >= '0' && c <= '9';
            if (!ok)
                return refuse(400, "HTTP_MALFORMED", QStringLiteral("line %1: Content-Length is not a decimal number").arg(lineNo));
            const qint64 n = value.toLongLong();
            if (contentLength && *contentLength != n)
                return refuse(400, "HTTP_MALFORMED", QStringLiteral("line %1: a second, different Content-Length").arg(lineNo));
            contentLength = n;
        }
        if (name == "host")
            host = true;
        request.headers.append({name, value});
    }
    if (http11 && !host)
        return refuse(400, "HTTP_MALFORMED", QStringLiteral("an HTTP/1.1 request without Host"));
    if (contentLength && *contentLength > m_limits.maxBodyBytes)
        return refuse(413, "HTTP_BODY_TOO_LARGE", QStringLiteral("a body of %1 bytes; at most %2 are accepted").arg(*contentLength).arg(m_limits.maxBodyBytes));
    const QByteArray connection = request.header("connection");
    request.keepAlive = http11 ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
    m_bodyLength = contentLength.value_or(0);
    m_current = std::move(request);
    return m_state;
}

HttpRequest HttpRequestParser::take()
{
    HttpRequest request = std::move(m_current);
    m_current = {};
    m_headerDone = false;
    m_bodyLength = 0;
    m_state = State::NeedMore;
    if (!m_buffer.isEmpty()) {
        // A pipelined next request: read what of it is here.
        QByteArray rest;
        rest.swap(m_buffer);
        (void)feed(rest);
    }
    return request;
}

} // namespace Kiosk::Central
