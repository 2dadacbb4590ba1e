// The central ingest rules as a pure function (sync/central/ingestdecision.h): every outcome
// of one event against what the index holds next to it, without a database. The same rules
// over both backends are tst_centralservice's.
#include "sync/central/ingestdecision.h"
#include "sync/eventlog/event.h"

#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Central;

namespace {
const QByteArray H1(32, '\x11'), H2(32, '\x22'), H3(32, '\x33'), H4(32, '\x44'), Other(32, '\x77');

// Event 3 of a chain whose events 2 and 4 hash to H2 and H4: it hashes to H3, links to H2.
IngestFacts eventThree()
{
    return IngestFacts{QStringLiteral("KIOSK-GYD-01"), 3, H3, H2, QStringLiteral("KIOSK-GYD-01"), true, false, true};
}
} // namespace

Q_DECLARE_METATYPE(Kiosk::Central::IngestFacts)
Q_DECLARE_METATYPE(Kiosk::Central::ChainNeighbours)

class TstIngestDecision : public QObject
{
    Q_OBJECT
private slots:
    void decide_data();
    void decide();
    void detailsNameTheSequences();
};

void TstIngestDecision::decide_data()
{
    QTest::addColumn<IngestFacts>("facts");
    QTest::addColumn<ChainNeighbours>("neighbours");
    QTest::addColumn<QString>("outcome"); // status, or the rejection reason
    QTest::addColumn<bool>("gap");

    const IngestFacts ok = eventThree();
    const ChainNeighbours linked{std::nullopt, ChainLink{H2, H1}, ChainLink{H4, H3}, std::nullopt};

    QTest::newRow("links to both neighbours: stored") << ok << linked << "stored" << false;
    QTest::newRow("nothing stored around it: stored, gap below") << ok << ChainNeighbours{} << "stored" << true;
    QTest::newRow("only the next one stored: stored, gap below")
        << ok << ChainNeighbours{std::nullopt, std::nullopt, ChainLink{H4, H3}, std::nullopt} << "stored" << true;
    {
        IngestFacts first = ok;
        first.sequence = 1;
        first.prevHash = EventLog::genesisHash();
        QTest::newRow("sequence 1 on the genesis hash: stored, no gap") << first << ChainNeighbours{} << "stored" << false;
        first.prevHash = H1;
        QTest::newRow("sequence 1 not on the genesis hash") << first << ChainNeighbours{} << "CHAIN_BROKEN" << false;
    }
    QTest::newRow("same bytes already stored: duplicate")
        << ok << ChainNeighbours{ChainLink{H3, H2}, ChainLink{H2, H1}, std::nullopt, 3} << "duplicate" << false;
    QTest::newRow("other bytes stored under the sequence: fork")
        << ok << ChainNeighbours{ChainLink{Other, H2}, ChainLink{H2, H1}, std::nullopt, std::nullopt} << "FORK" << false;
    QTest::newRow("fork wins over a reused id (the fork is what stats count)")
        << ok << ChainNeighbours{ChainLink{Other, H2}, std::nullopt, std::nullopt, 9} << "FORK" << false;
    QTest::newRow("id stored under another sequence")
        << ok << ChainNeighbours{std::nullopt, ChainLink{H2, H1}, std::nullopt, 9} << "EVENT_ID_REUSED" << false;
    QTest::newRow("does not link to the stored event before")
        << ok << ChainNeighbours{std::nullopt, ChainLink{Other, H1}, std::nullopt, std::nullopt} << "CHAIN_BROKEN" << false;
    QTest::newRow("the stored event after does not link to it")
        << ok << ChainNeighbours{std::nullopt, ChainLink{H2, H1}, ChainLink{H4, Other}, std::nullopt} << "CHAIN_BROKEN" << false;

    IngestFacts f = ok;
    f.enrolled = false;
    QTest::newRow("kiosk not enrolled") << f << linked << "UNKNOWN_KIOSK" << false;
    f = ok;
    f.revoked = true;
    QTest::newRow("kiosk revoked, even with a valid signature") << f << linked << "KIOSK_REVOKED" << false;
    f = ok;
    f.sender = QStringLiteral("KIOSK-NAK-02");
    QTest::newRow("sent by another kiosk") << f << linked << "WRONG_KIOSK" << false;
    f.sender.clear();
    QTest::newRow("no sender named by the transport: the event's kiosk is taken") << f << linked << "stored" << false;
    f = ok;
    f.signatureValid = false;
    QTest::newRow("bad signature") << f << linked << "BAD_SIGNATURE" << false;
    QTest::newRow("bad signature over a stored sequence is not a fork")
        << f << ChainNeighbours{ChainLink{Other, H2}, std::nullopt, std::nullopt, std::nullopt} << "BAD_SIGNATURE" << false;
    QTest::newRow("bad signature over stored bytes is not a duplicate")
        << f << ChainNeighbours{ChainLink{H3, H2}, std::nullopt, std::nullopt, 3} << "BAD_SIGNATURE" << false;
}

void TstIngestDecision::decide()
{
    QFETCH(IngestFacts, facts);
    QFETCH(ChainNeighbours, neighbours);
    QFETCH(QString, outcome);
    QFETCH(bool, gap);
    const IngestDecision d = decideIngest(facts, neighbours);
    QCOMPARE(d.status == IngestStatus::Rejected ? d.reason : ingestStatusToString(d.status), outcome);
    QCOMPARE(d.gap, gap);
    QCOMPARE(d.stored(), outcome == u"stored");
    QCOMPARE(d.detail.isEmpty(), d.status != IngestStatus::Rejected);
}

void TstIngestDecision::detailsNameTheSequences()
{
    // The kiosk keeps and shows the detail: it names the sequences, never the bytes.
    const IngestFacts f = eventThree();
    QCOMPARE(decideIngest(f, ChainNeighbours{ChainLink{Other, H2}, {}, {}, {}}).detail, QStringLiteral("sequence 3 is stored with other bytes"));
    QCOMPARE(decideIngest(f, ChainNeighbours{{}, {}, {}, 9}).detail, QStringLiteral("event id is stored as sequence 9"));
    QCOMPARE(decideIngest(f, ChainNeighbours{{}, ChainLink{Other, H1}, {}, {}}).detail,
             QStringLiteral("prevHash of 3 is not the hash of stored event 2"));
    QCOMPARE(decideIngest(f, ChainNeighbours{{}, {}, ChainLink{H4, Other}, {}}).detail,
             QStringLiteral("stored event 4 does not link to this event 3"));
}

QTEST_GUILESS_MAIN(TstIngestDecision)
#include "tst_ingestdecision.moc"
