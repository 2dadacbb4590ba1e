// The request reader border-central faces the network with (sync/central/httprequest.h): what
// it accepts, what it refuses with which status, and that the way bytes are split across reads
// never changes the answer.
#include "sync/central/httprequest.h"

#include <QTest>

using namespace Kiosk::Central;

class TstHttpRequest : public QObject
{
    Q_OBJECT
private slots:
    void reads_data();
    void reads();
    void refuses_data();
    void refuses();
    void pipelinedRequestsComeOutInOrder();
    void bodyLimitIsDecidedFromTheHeadNotTheBytes();
    void midRequestSaysWhetherARequestHasBegun();
};

namespace {
HttpLimits smallLimits()
{
    HttpLimits l;
    l.maxHeaderBytes = 256;
    l.maxBodyBytes = 64;
    l.maxHeaders = 4;
    return l;
}
} // namespace

void TstHttpRequest::reads_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("chunk"); // bytes per feed(); 0: all at once
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");

    const QByteArray feed = "GET /v1/feed?after=17&limit=2 HTTP/1.1\r\nHost: central\r\nX-Kiosk-Id: KIOSK-GYD-01\r\n\r\n";
    QTest::newRow("feed page, all at once") << feed << 0 << QByteArray("GET") << QStringLiteral("/v1/feed") << QStringLiteral("17") << QByteArray() << true;
    QTest::newRow("feed page, one byte a read (a slow link)") << feed << 1 << QByteArray("GET") << QStringLiteral("/v1/feed") << QStringLiteral("17")
                                                             << QByteArray() << true;
    QTest::newRow("feed page, CRLF CRLF split over reads") << feed << 3 << QByteArray("GET") << QStringLiteral("/v1/feed") << QStringLiteral("17")
                                                          << QByteArray() << true;
    const QByteArray push = "POST /v1/events HTTP/1.1\r\nHost: c\r\nContent-Length: 12\r\n\r\n{\"events\":1}";
    QTest::newRow("push with a body") << push << 0 << QByteArray("POST") << QStringLiteral("/v1/events") << QString() << QByteArray("{\"events\":1}") << true;
    QTest::newRow("push, body split over reads") << push << 5 << QByteArray("POST") << QStringLiteral("/v1/events") << QString() << QByteArray("{\"events\":1}")
                                                 << true;
    QTest::newRow("Connection: close ends the connection") << QByteArray("GET /v1/health HTTP/1.1\r\nHost: c\r\nConnection: Close\r\n\r\n") << 0
                                                           << QByteArray("GET") << QStringLiteral("/v1/health") << QString() << QByteArray() << false;
    QTest::newRow("HTTP/1.0 closes unless keep-alive") << QByteArray("GET /v1/health HTTP/1.0\r\n\r\n") << 0 << QByteArray("GET")
                                                       << QStringLiteral("/v1/health") << QString() << QByteArray() << false;
    QTest::newRow("HTTP/1.0 with keep-alive") << QByteArray("GET /v1/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << 0 << QByteArray("GET")
                                              << QStringLiteral("/v1/health") << QString() << QByteArray() << true;
    QTest::newRow("empty lines before the request line (RFC 9112 §2.2)") << QByteArray("\r\n\r\nGET /v1/health HTTP/1.1\r\nHost: c\r\n\r\n") << 1
                                                                         << QByteArray("GET") << QStringLiteral("/v1/health") << QString() << QByteArray()
                                                                         << true;
    QTest::newRow("percent-encoded path is decoded") << QByteArray("GET /v1/kiosks/KIOSK%2DGYD%2D01/head HTTP/1.1\r\nHost: c\r\n\r\n") << 0
                                                     << QByteArray("GET") << QStringLiteral("/v1/kiosks/KIOSK-GYD-01/head") << QString() << QByteArray()
                                                     << true;
    QTest::newRow("the same Content-Length twice") << QByteArray("POST /v1/events HTTP/1.1\r\nHost: c\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\n{}") << 0
                                                   << QByteArray("POST") << QStringLiteral("/v1/events") << QString() << QByteArray("{}") << true;
}

void TstHttpRequest::reads()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, chunk);
    HttpRequestParser parser(smallLimits());
    HttpRequestParser::State state = HttpRequestParser::State::NeedMore;
    const int step = chunk == 0 ? int(bytes.size()) : chunk;
    for (qsizetype at = 0; at < bytes.size(); at += step) {
        QCOMPARE(state, HttpRequestParser::State::NeedMore); // not Ready before the last byte
        state = parser.feed(QByteArrayView(bytes).sliced(at, qMin<qsizetype>(step, bytes.size() - at)));
    }
    QCOMPARE(state, HttpRequestParser::State::Ready);
    const HttpRequest r = parser.take();
    QTEST(r.method, "method");
    QTEST(r.path, "path");
    QTEST(r.query.queryItemValue(QStringLiteral("after")), "after");
    QTEST(r.body, "body");
    QTEST(r.keepAlive, "keepAlive");
    QCOMPARE(parser.state(), HttpRequestParser::State::NeedMore);
    QVERIFY(!parser.midRequest());
}

void TstHttpRequest::refuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QString>("where"); // a fragment of the message: it names what and where

    QTest::newRow("chunked body: smuggling door, refused") << QByteArray("POST /v1/events HTTP/1.1\r\nHost: c\r\nTransfer-Encoding: chunked\r\n\r\n") << 501
                                                           << QByteArray("HTTP_NOT_IMPLEMENTED") << QStringLiteral("line 3");
    QTest::newRow("two different Content-Lengths") << QByteArray("POST /v1/events HTTP/1.1\r\nHost: c\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n")
                                                   << 400 << QByteArray("HTTP_MALFORMED") << QStringLiteral("line 4");
    QTest::newRow("Content-Length not a number") << QByteArray("POST /v1/events HTTP/1.1\r\nHost: c\r\nContent-Length: -1\r\n\r\n") << 400
                                                 << QByteArray("HTTP_MALFORMED") << QStringLiteral("Content-Length");
    QTest::newRow("body over the limit") << QByteArray("POST /v1/events HTTP/1.1\r\nHost: c\r\nContent-Length: 65\r\n\r\n") << 413
                                         << QByteArray("HTTP_BODY_TOO_LARGE") << QStringLiteral("65 bytes");
    QTest::newRow("head over the limit, never terminated") << QByteArray("GET /") + QByteArray(300, 'a') << 431 << QByteArray("HTTP_HEADERS_TOO_LARGE")
                                                           << QStringLiteral("256");
    QTest::newRow("too many header fields")
        << QByteArray("GET / HTTP/1.1\r\nHost: c\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n") << 431 << QByteArray("HTTP_HEADERS_TOO_LARGE") << QStringLiteral("4");
    QTest::newRow("bare LF line ends") << QByteArray("GET / HTTP/1.1\nHost: c\n\n") << 400 << QByteArray("HTTP_MALFORMED") << QStringLiteral("bare LF");
    QTest::newRow("folded header line") << QByteArray("GET / HTTP/1.1\r\nHost: c\r\n continued\r\n\r\n") << 400 << QByteArray("HTTP_MALFORMED")
                                        << QStringLiteral("line 3");
    QTest::newRow("space before the colon") << QByteArray("GET / HTTP/1.1\r\nHost : c\r\n\r\n") << 400 << QByteArray("HTTP_MALFORMED") << QStringLiteral("line 2");
    QTest::newRow("control byte in a value") << QByteArray("GET / HTTP/1.1\r\nHost: c\x01\r\n\r\n", 28) << 400 << QByteArray("HTTP_MALFORMED")
                                             << QStringLiteral("host");
    QTest::newRow("HTTP/2 preface (no h2 is offered)") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505 << QByteArray("HTTP_VERSION") << QStringLiteral("2.0");
    QTest::newRow("HTTP/1.2") << QByteArray("GET / HTTP/1.2\r\nHost: c\r\n\r\n") << 505 << QByteArray("HTTP_VERSION") << QStringLiteral("1.2");
    QTest::newRow("absolute-form target") << QByteArray("GET http://c/ HTTP/1.1\r\nHost: c\r\n\r\n") << 400 << QByteArray("HTTP_MALFORMED")
                                          << QStringLiteral("origin form");
    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << QByteArray("HTTP_MALFORMED") << QStringLiteral("Host");
    QTest::newRow("three spaces in the request line") << QByteArray("GET / x HTTP/1.1\r\nHost: c\r\n\r\n") << 400 << QByteArray("HTTP_MALFORMED")
                                                      << QStringLiteral("line 1");
    QTest::newRow("TLS record sent to a plain reader") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400
                                                       << QByteArray("HTTP_MALFORMED") << QStringLiteral("line 1");
}

void TstHttpRequest::refuses()
{
    QFETCH(QByteArray, bytes);
    for (const int chunk : {0, 1}) {
        HttpRequestParser parser(smallLimits());
        HttpRequestParser::State state = HttpRequestParser::State::NeedMore;
        if (chunk == 0)
            state = parser.feed(bytes);
        else
            for (qsizetype i = 0; i < bytes.size() && state == HttpRequestParser::State::NeedMore; ++i)
                state = parser.feed(QByteArrayView(bytes).sliced(i, 1));
        QCOMPARE(state, HttpRequestParser::State::Refused);
        QTEST(parser.refusal().status, "status");
        QTEST(parser.refusal().code, "code");
        QFETCH(QString, where);
        QVERIFY2(parser.refusal().message.contains(where), qPrintable(parser.refusal().message));
        // Refused stays refused: the connection closes, nothing after is read as a request.
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\nHost: c\r\n\r\n"), HttpRequestParser::State::Refused);
    }
}

void TstHttpRequest::pipelinedRequestsComeOutInOrder()
{
    HttpRequestParser parser(smallLimits());
    const QByteArray two = "POST /a HTTP/1.1\r\nHost: c\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\nHost: c\r\n\r\nGET /c HT";
    QCOMPARE(parser.feed(two), HttpRequestParser::State::Ready);
    HttpRequest first = parser.take();
    QCOMPARE(first.path, QStringLiteral("/a"));
    QCOMPARE(first.body, QByteArray("abc"));
    QCOMPARE(parser.state(), HttpRequestParser::State::Ready); // the second was whole already
    QCOMPARE(parser.take().path, QStringLiteral("/b"));
    QCOMPARE(parser.state(), HttpRequestParser::State::NeedMore);
    QVERIFY(parser.midRequest()); // "GET /c HT" is a request begun
    QCOMPARE(parser.feed("TP/1.1\r\nHost: c\r\n\r\n"), HttpRequestParser::State::Ready);
    QCOMPARE(parser.take().path, QStringLiteral("/c"));
}

void TstHttpRequest::bodyLimitIsDecidedFromTheHeadNotTheBytes()
{
    // A client that announces a body over the limit is refused before it sends one byte of
    // it, so nothing of it is ever buffered.
    HttpRequestParser parser;
    QCOMPARE(parser.feed("POST /v1/events HTTP/1.1\r\nHost: c\r\nContent-Length: 8388609\r\n\r\n"), HttpRequestParser::State::Refused);
    QCOMPARE(parser.refusal().status, 413);
    HttpRequestParser atLimit;
    QCOMPARE(atLimit.feed("POST /v1/events HTTP/1.1\r\nHost: c\r\nContent-Length: 8388608\r\n\r\n"), HttpRequestParser::State::NeedMore);
    QCOMPARE(atLimit.feed(QByteArray(8388608, 'x')), HttpRequestParser::State::Ready);
    QCOMPARE(atLimit.take().body.size(), 8388608);
}

void TstHttpRequest::midRequestSaysWhetherARequestHasBegun()
{
    HttpRequestParser parser;
    QVERIFY(!parser.midRequest());
    QCOMPARE(parser.feed("G"), HttpRequestParser::State::NeedMore);
    QVERIFY(parser.midRequest());
    QCOMPARE(parser.feed("ET / HTTP/1.1\r\nHost: c\r\nContent-Length: 4\r\n\r\n"), HttpRequestParser::State::NeedMore);
    QVERIFY(parser.midRequest()); // head read, body awaited
    QCOMPARE(parser.feed("body"), HttpRequestParser::State::Ready);
    (void)parser.take();
    QVERIFY(!parser.midRequest());
}

QTEST_GUILESS_MAIN(TstHttpRequest)
#include "tst_httprequest.moc"
