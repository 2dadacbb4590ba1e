// The sync load test: N kiosks, each with its own Ed25519 key, push M crossings
// each to a running border-central over HTTPS and pull the feed while they do, all at once.
// Every kiosk is an in-process client on one event loop (its own QNetworkAccessManager, so its
// own connections): it signs its chain of events, pushes them in batches as a kiosk catching
// up after a short outage would, reads every per-event result, and every few pushes reads the
// feed from its cursor. At the end one full read of the feed checks exactly-once: every
// (kiosk, sequence) present, none twice; and the central database's own counts agree.
//
//   load_sync --central https://127.0.0.1:PORT --ca CA.pem --db URL [--kiosks 50] [--events 2000] [--batch 50]
//
// --db is the central database border-central serves (the kiosks are enrolled there first;
// it must hold none of them yet). Prints one JSON line; exit 0 when nothing was lost or
// duplicated and the push p99 is within --p99-ms (default 500), 1 otherwise, 2 on bad usage.
// tests/load/run starts PostgreSQL, border-central and this program.
#include "app/core/clock.h"
#include "app/crypto/ed25519.h"
#include "sync/central/centraldatabase.h"
#include "sync/central/centralservice.h"
#include "sync/client/centralreplies.h"
#include "sync/eventlog/eventsigner.h"
#include "sync/eventlog/requestsignature.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Kiosk;

namespace {

struct LoadKiosk
{
    QString id;
    std::unique_ptr<Crypto::Ed25519PrivateKey> key;
    std::vector<EventLog::SignedEvent> events;
    std::unique_ptr<QNetworkAccessManager> nam;
    qsizetype next = 0;   // first event not yet acknowledged
    qint64 cursor = 0;    // feed cursor
    int pushes = 0;
    bool done = false;
};

struct Totals
{
    qint64 stored = 0, duplicate = 0, rejected = 0, retries = 0, pulled = 0, pullErrors = 0;
    std::vector<double> pushMs;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v.at(std::min(at, v.size() - 1));
}

// A synthetic crossing: nobody's data (tests/README: synthetic travellers only).
EventLog::Event draftFor(const QString &kioskId, const QString &checkpoint, int n)
{
    EventLog::Event e;
    e.kioskId = kioskId;
    e.checkpoint = checkpoint;
    e.officer = QStringLiteral("OFF-LOAD");
    e.direction = n % 2 == 0 ? Direction::Entry : Direction::Exit;
    e.document = EventLog::DocumentIdentity{QStringLiteral("P"), QStringLiteral("RUS"), QStringLiteral("L%1").arg(n, 8, 10, QLatin1Char('0')),
                                            QStringLiteral("RUS"), QStringLiteral("LOADOVA"), QStringLiteral("MARIA"), QStringLiteral("1990-01-01"),
                                            QStringLiteral("900101"), QStringLiteral("F")};
    e.verdict = QStringLiteral("ADMIT");
    e.reasons = {QStringLiteral("VISA_FREE")};
    e.policyVersion = QStringLiteral("2026.1");
    e.recordedAt = QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone(4 * 3600)).addSecs(n);
    return e;
}

class Load : public QObject
{
public:
    Load(QUrl central, QSslConfiguration tls, int batch) : m_central(std::move(central)), m_tls(std::move(tls)), m_batch(batch) {}

    std::vector<LoadKiosk> kiosks;
    Totals totals;
    QStringList errors;

    void start()
    {
        m_wall.start();
        for (LoadKiosk &k : kiosks)
            push(k);
    }
    [[nodiscard]] qint64 elapsedMs() const { return m_wall.elapsed(); }

    // Reads the whole feed from 0 with kiosk 0's credentials: (kiosk, sequence) -> times seen.
    bool readWholeFeed(QHash<QPair<QString, qint64>, int> &seen)
    {
        qint64 after = 0;
        for (;;) {
            const auto page = getFeed(kiosks.front(), after, 1000);
            if (!page) {
                errors << page.error().message;
                return false;
            }
            for (const Sync::FeedItem &item : page->events) {
                auto e = EventLog::signedEventFromStorage(item.bytes, item.signature);
                if (!e) {
                    errors << e.error().message;
                    return false;
                }
                ++seen[{e->event.kioskId, e->event.sequence}];
            }
            if (page->events.isEmpty())
                return true;
            after = page->next;
        }
    }

private:
    QNetworkRequest request(const LoadKiosk &k, const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body)
    {
        QUrl url = m_central;
        url.setPath(path);
        url.setQuery(query);
        QNetworkRequest req(url);
        req.setSslConfiguration(m_tls);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        auto c = EventLog::signRequest(*k.key, k.id, method, EventLog::requestTarget(path, query), body, QDateTime::currentDateTimeUtc());
        if (c) {
            req.setRawHeader(EventLog::kKioskIdHeader, c->kioskId);
            req.setRawHeader(EventLog::kTimestampHeader, c->timestamp);
            req.setRawHeader(EventLog::kNonceHeader, c->nonce);
            req.setRawHeader(EventLog::kSignatureHeader, c->signature);
        }
        return req;
    }

    void push(LoadKiosk &k)
    {
        if (k.next >= static_cast<qsizetype>(k.events.size())) {
            k.done = true;
            if (std::all_of(kiosks.begin(), kiosks.end(), [](const LoadKiosk &x) { return x.done; }))
                QCoreApplication::quit();
            return;
        }
        const qsizetype n = std::min<qsizetype>(m_batch, static_cast<qsizetype>(k.events.size()) - k.next);
        QByteArray body = R"({"events":[)";
        for (qsizetype i = 0; i < n; ++i) {
            const EventLog::SignedEvent &e = k.events.at(static_cast<std::size_t>(k.next + i));
            body += (i ? "," : "") + QByteArray(R"({"bytes":")") + e.bytes.toBase64() + R"(","signature":")" + e.signature.toBase64() + R"("})";
        }
        body += "]}";
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        QNetworkReply *reply = k.nam->post(request(k, "POST", QStringLiteral("/v1/events"), {}, body), body);
        connect(reply, &QNetworkReply::finished, this, [this, &k, reply, timer, n] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() != QNetworkReply::NoError || status != 200) {
                // Lost on the way (or refused): the same batch again, as a kiosk's outbox would.
                ++totals.retries;
                if (totals.retries > 1000) {
                    errors << QStringLiteral("%1: giving up after %2 retries: %3").arg(k.id).arg(totals.retries).arg(reply->errorString());
                    QCoreApplication::exit(1);
                    return;
                }
                QTimer::singleShot(200, this, [this, &k] { push(k); });
                return;
            }
            totals.pushMs.push_back(static_cast<double>(timer->nsecsElapsed()) / 1e6);
            const QJsonArray results = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("results")).toArray();
            if (results.size() != n)
                errors << QStringLiteral("%1: %2 results for %3 events").arg(k.id).arg(results.size()).arg(n);
            for (const QJsonValue &r : results) {
                const QString s = r.toObject().value(QStringLiteral("status")).toString();
                ++(s == QLatin1String("stored") ? totals.stored : s == QLatin1String("duplicate") ? totals.duplicate : totals.rejected);
                if (s == QLatin1String("rejected") && errors.size() < 20)
                    errors << QStringLiteral("%1: rejected %2").arg(k.id, r.toObject().value(QStringLiteral("reason")).toString());
            }
            k.next += n;
            if (++k.pushes % 5 == 0)
                pull(k);
            else
                push(k);
        });
    }

    // One feed page from the kiosk's cursor, then its next push.
    void pull(LoadKiosk &k)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("after"), QString::number(k.cursor));
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        QNetworkReply *reply = k.nam->get(request(k, "GET", QStringLiteral("/v1/feed"), q, {}));
        connect(reply, &QNetworkReply::finished, this, [this, &k, reply] {
            reply->deleteLater();
            const auto page = Sync::parseFeedReply(reply->readAll(), k.cursor);
            if (reply->error() != QNetworkReply::NoError || !page) {
                ++totals.pullErrors;
            } else {
                totals.pulled += page->events.size();
                k.cursor = page->next;
            }
            push(k);
        });
    }

    Result<Sync::FeedPage> getFeed(LoadKiosk &k, qint64 after, int limit)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("after"), QString::number(after));
        q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        QNetworkReply *reply = k.nam->get(request(k, "GET", QStringLiteral("/v1/feed"), q, {}));
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError)
            return fail(QStringLiteral("LOAD_FEED"), reply->errorString());
        return Sync::parseFeedReply(reply->readAll(), after);
    }

    QUrl m_central;
    QSslConfiguration m_tls;
    int m_batch;
    QElapsedTimer m_wall;
};

int usage(const char *why)
{
    std::fprintf(stderr, "load_sync: %s\n", why);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("central"), QStringLiteral("border-central URL"), QStringLiteral("URL")});
    p.addOption({QStringLiteral("ca"), QStringLiteral("CA of the central certificate (PEM)"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("db"), QStringLiteral("The central database URL (the kiosks are enrolled there)"), QStringLiteral("URL")});
    p.addOption({QStringLiteral("kiosks"), QStringLiteral("Kiosks (default 50)"), QStringLiteral("N"), QStringLiteral("50")});
    p.addOption({QStringLiteral("events"), QStringLiteral("Events per kiosk (default 2000)"), QStringLiteral("N"), QStringLiteral("2000")});
    p.addOption({QStringLiteral("batch"), QStringLiteral("Events per push (default 50)"), QStringLiteral("N"), QStringLiteral("50")});
    p.addOption({QStringLiteral("p99-ms"), QStringLiteral("Push latency p99 bound (default 500)"), QStringLiteral("MS"), QStringLiteral("500")});
    p.process(app);
    const int kioskCount = p.value(QStringLiteral("kiosks")).toInt(), eventCount = p.value(QStringLiteral("events")).toInt(),
              batch = p.value(QStringLiteral("batch")).toInt();
    if (!p.isSet(QStringLiteral("central")) || !p.isSet(QStringLiteral("ca")) || !p.isSet(QStringLiteral("db")) || kioskCount < 1 || eventCount < 1 || batch < 1
        || batch > 1000)
        return usage("--central, --ca and --db are required; --kiosks, --events >= 1; --batch 1..1000");

    auto db = Central::CentralDatabase::open(p.value(QStringLiteral("db")), SystemClock());
    if (!db)
        return usage(qPrintable(db.error().message));
    Central::CentralService service(*db);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(p.value(QStringLiteral("ca"))));
    Load load(QUrl(p.value(QStringLiteral("central"))), tls, batch);

    // Keys, enrolment and every kiosk's signed chain, before the clock starts.
    for (int i = 0; i < kioskCount; ++i) {
        LoadKiosk k;
        k.id = QStringLiteral("KIOSK-LOAD-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        const QString checkpoint = QStringLiteral("L%1").arg(i % 100, 2, 10, QLatin1Char('0'));
        auto key = Crypto::Ed25519PrivateKey::generate();
        if (!key)
            return usage(qPrintable(key.error().message));
        if (auto added = service.addKiosk({k.id, checkpoint, key->publicKey().raw(), false}); !added)
            return usage(qPrintable(QStringLiteral("enrol %1: %2 (the database must be fresh)").arg(k.id, added.error().message)));
        auto twin = Crypto::Ed25519PrivateKey::fromPem(key->toPem()); // the signer keeps one, the requests the other
        if (!twin)
            return usage(qPrintable(twin.error().message));
        const EventLog::EventSigner signer(std::move(*twin));
        k.key = std::make_unique<Crypto::Ed25519PrivateKey>(std::move(*key));
        qint64 last = 0;
        QByteArray lastHash;
        for (int n = 0; n < eventCount; ++n) {
            auto e = signer.sign(draftFor(k.id, checkpoint, i * eventCount + n), last, lastHash);
            if (!e)
                return usage(qPrintable(e.error().message));
            last = e->event.sequence;
            lastHash = e->hash();
            k.events.push_back(std::move(*e));
        }
        k.nam = std::make_unique<QNetworkAccessManager>();
        load.kiosks.push_back(std::move(k));
    }

    load.start();
    const int loopExit = QCoreApplication::exec();
    const double seconds = static_cast<double>(load.elapsedMs()) / 1000.0;

    QHash<QPair<QString, qint64>, int> seen;
    const bool feedRead = load.readWholeFeed(seen);
    qint64 lost = 0, duplicated = 0;
    for (const LoadKiosk &k : load.kiosks)
        for (qint64 s = 1; s <= eventCount; ++s) {
            const int times = seen.value({k.id, s});
            lost += times == 0 ? 1 : 0;
            duplicated += times > 1 ? times - 1 : 0;
        }
    const auto stats = service.stats();
    const qint64 centralEvents = stats ? stats->value(QStringLiteral("events")).toInteger() : -1;
    const qint64 total = qint64(kioskCount) * eventCount;
    const double p50 = percentile(load.totals.pushMs, 0.50), p99 = percentile(load.totals.pushMs, 0.99);
    const QJsonObject report{{QStringLiteral("kiosks"), kioskCount},
                             {QStringLiteral("eventsPerKiosk"), eventCount},
                             {QStringLiteral("batch"), batch},
                             {QStringLiteral("events"), total},
                             {QStringLiteral("seconds"), seconds},
                             {QStringLiteral("eventsPerSecond"), seconds > 0 ? static_cast<double>(total) / seconds : 0.0},
                             {QStringLiteral("pushes"), static_cast<qint64>(load.totals.pushMs.size())},
                             {QStringLiteral("pushP50Ms"), p50},
                             {QStringLiteral("pushP99Ms"), p99},
                             {QStringLiteral("stored"), load.totals.stored},
                             {QStringLiteral("duplicateAnswers"), load.totals.duplicate},
                             {QStringLiteral("rejected"), load.totals.rejected},
                             {QStringLiteral("retries"), load.totals.retries},
                             {QStringLiteral("pulledDuringLoad"), load.totals.pulled},
                             {QStringLiteral("pullErrors"), load.totals.pullErrors},
                             {QStringLiteral("feedDistinct"), static_cast<qint64>(seen.size())},
                             {QStringLiteral("lost"), lost},
                             {QStringLiteral("duplicated"), duplicated},
                             {QStringLiteral("centralEvents"), centralEvents},
                             {QStringLiteral("errors"), QJsonArray::fromStringList(load.errors.mid(0, 20))}};
    std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    const bool ok = loopExit == 0 && feedRead && lost == 0 && duplicated == 0 && load.totals.rejected == 0 && centralEvents == total
                    && p99 <= p.value(QStringLiteral("p99-ms")).toDouble();
    return ok ? 0 : 1;
}
