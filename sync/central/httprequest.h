#pragma once
// An incremental HTTP/1.1 request reader for border-central's own server (httpserver.h): bytes
// in as they arrive, a whole request out, or a refusal with the status to answer. It faces the
// network, so it is strict and bounded (RFC 9112): CRLF line ends only, one Content-Length (a
// request that carries Transfer-Encoding is refused rather than guessed at, the classic request
// smuggling door), header block and body limited before a byte of either is buffered past the
// limit. Pure: no sockets, no clock; fuzz_central_api drives it with hostile bytes.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <optional>
#include <utility>

namespace Kiosk::Central {

struct HttpLimits
{
    qsizetype maxHeaderBytes = 16 * 1024;      // request line + headers
    qsizetype maxBodyBytes = 8 * 1024 * 1024;   // a full push batch (MaxBatch events) is ~1.2 MiB
    int maxHeaders = 64;
};

struct HttpRequest
{
    QByteArray method;                              // as sent: "GET", "POST", ...
    QByteArray target;                              // origin-form: /path?query
    QString path;                                   // percent-decoded path
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed
    QByteArray body;
    bool keepAlive = true;                          // HTTP/1.1 default; "Connection: close" or HTTP/1.0 without keep-alive: false

    // The first header of that name (any case), or empty.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

struct HttpRefusal
{
    int status = 400;   // 400, 413, 431, 501, 505
    QByteArray code;    // HTTP_MALFORMED, HTTP_BODY_TOO_LARGE, HTTP_HEADERS_TOO_LARGE, HTTP_NOT_IMPLEMENTED, HTTP_VERSION
    QString message;    // names what was wrong and where (line number or header name)
};

class HttpRequestParser
{
public:
    enum class State { NeedMore, Ready, Refused };

    explicit HttpRequestParser(HttpLimits limits = {}) : m_limits(limits) {}

    // Appends bytes and reads as far as they go. Ready: take() the request (bytes after it stay
    // for the next one); Refused: refusal() says why, and the connection must close.
    State feed(QByteArrayView bytes);
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] HttpRequest take();
    [[nodiscard]] const HttpRefusal &refusal() const { return m_refusal; }
    // Whether any byte of a request not yet taken has arrived (the server's deadlines differ
    // for a connection that idles between requests and one that is sending one slowly).
    [[nodiscard]] bool midRequest() const { return !m_buffer.isEmpty() || m_headerDone; }

private:
    State refuse(int status, const char *code, QString message);
    State parseHead(qsizetype headEnd);

    HttpLimits m_limits;
    State m_state = State::NeedMore;
    QByteArray m_buffer;
    bool m_headerDone = false;
    qsizetype m_bodyLength = 0;
    HttpRequest m_current;
    HttpRefusal m_refusal;
};

} // namespace Kiosk::Central
