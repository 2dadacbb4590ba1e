// IATA Resolution 792 (BCBP) parser: every version's conditional layout, 1-4 legs,
// security data, and the real-world quirks kitinerary documents. Passengers are synthetic.
#include "scanner/barcode/bcbp/bcbpparser.h"

#include <QJsonArray>
#include <QTest>

using namespace Kiosk::Bcbp;

namespace {

QString fixed(const QString &s, int n) { return s.leftJustified(n, u' ', true); }
QString hex2(qsizetype n) { return QStringLiteral("%1").arg(n, 2, 16, QLatin1Char('0')).toUpper(); }

struct Leg
{
    QString pnr = QStringLiteral("ZX9Q7T");
    QString from = QStringLiteral("GYD");
    QString to = QStringLiteral("IST");
    QString carrier = QStringLiteral("J2");
    QString flight = QStringLiteral("0063");
    QString day = QStringLiteral("072");
    QString compartment = QStringLiteral("Y");
    QString seat = QStringLiteral("014C");
    QString sequence = QStringLiteral("0042");
    QString status = QStringLiteral("1");
    QString repeated;      // conditional repeated items, unpadded string of the chosen length
    bool repeatedSize = true;
    QString privateData;

    [[nodiscard]] QString mandatory() const
    {
        return fixed(pnr, 7) + fixed(from, 3) + fixed(to, 3) + fixed(carrier, 3) + fixed(flight, 5) + fixed(day, 3)
               + fixed(compartment, 1) + fixed(seat, 4) + fixed(sequence, 5) + fixed(status, 1);
    }
    [[nodiscard]] QString conditional() const
    {
        if (repeated.isEmpty() && privateData.isEmpty())
            return {};
        return (repeatedSize ? hex2(repeated.size()) : QString()) + repeated + privateData;
    }
};

// Item order of the conditional sections (Res. 792): unique 15,12,14,22,16,21,23,31,32;
// repeated 142,143,18,108,19,20,236,89,118,254.
QString uniqueItems(int version)
{
    QString s = QStringLiteral("0") + u'W' + u'W' + QStringLiteral("6071") + u'B' + fixed(QStringLiteral("J2"), 3)
                + QStringLiteral("0771123456003");
    if (version >= 3)
        s += QStringLiteral("0771123456101") + QStringLiteral("0771123456202");
    return s;
}

QString repeatedItems(int version)
{
    QString s = QStringLiteral("771") + QStringLiteral("2345678901") + u'0' + u' ' + fixed(QStringLiteral("J2"), 3)
                + fixed(QStringLiteral("J2"), 3) + fixed(QStringLiteral("123456789"), 16) + u' ' + QStringLiteral("20K");
    if (version >= 5)
        s += u'N';
    return s;
}

QString pass(const QList<Leg> &legs, std::optional<int> version = std::nullopt, const QString &name = QStringLiteral("SPECIMEN/ANNA MS"),
             const QString &security = {}, const QString &unique = QStringLiteral("auto"))
{
    QString out = QStringLiteral("M") + QString::number(legs.size()) + fixed(name, 20) + u'E';
    for (qsizetype i = 0; i < legs.size(); ++i) {
        QString variable;
        if (i == 0 && version) {
            const QString u = unique == QLatin1String("auto") ? uniqueItems(*version) : unique;
            variable = u'>' + QString::number(*version) + hex2(u.size()) + u;
        }
        variable += legs[i].conditional();
        out += legs[i].mandatory() + hex2(variable.size()) + variable;
    }
    return out + security;
}

Leg legWith(int version, const QString &privateData = {})
{
    Leg l;
    l.repeated = repeatedItems(version);
    l.privateData = privateData;
    return l;
}

// Reads a named value of the parsed pass for the data-driven checks.
QString valueOf(const BoardingPass &p, const QString &key)
{
    if (key == QLatin1String("legs")) return QString::number(p.legs.size());
    if (key == QLatin1String("version")) return p.version ? QString::number(*p.version) : QStringLiteral("none");
    if (key == QLatin1String("surname")) return p.surname;
    if (key == QLatin1String("given")) return p.givenName;
    if (key == QLatin1String("eticket")) return p.electronicTicketIndicator;
    if (key == QLatin1String("issue")) return p.dateOfIssueRaw;
    if (key == QLatin1String("doctype")) return p.documentType;
    if (key == QLatin1String("issuer")) return p.issuerDesignator;
    if (key == QLatin1String("bag1")) return p.baggageTag;
    if (key == QLatin1String("bag3")) return p.baggageTag3;
    if (key == QLatin1String("security")) return p.hasSecurityData ? p.securityType + u':' + QString::fromLatin1(p.securityData) : QStringLiteral("none");
    if (key == QLatin1String("quirks")) return QString::number(p.quirks.size());
    const qsizetype dot = key.indexOf(u'.');
    const int leg = key.mid(3, dot - 3).toInt();
    if (!key.startsWith(QLatin1String("leg")) || leg >= p.legs.size())
        return QStringLiteral("<no such key %1>").arg(key);
    const BcbpLeg &l = p.legs[leg];
    const QString f = key.mid(dot + 1);
    if (f == QLatin1String("pnr")) return l.pnr;
    if (f == QLatin1String("from")) return l.from;
    if (f == QLatin1String("to")) return l.to;
    if (f == QLatin1String("carrier")) return l.operatingCarrier;
    if (f == QLatin1String("flight")) return l.flightNumber;
    if (f == QLatin1String("day")) return QString::number(l.dayOfFlight());
    if (f == QLatin1String("seat")) return l.seat;
    if (f == QLatin1String("seq")) return l.checkInSequence;
    if (f == QLatin1String("compartment")) return l.compartment;
    if (f == QLatin1String("status")) return l.passengerStatus;
    if (f == QLatin1String("ff")) return l.frequentFlyerAirline + u'/' + l.frequentFlyerNumber;
    if (f == QLatin1String("bags")) return l.freeBaggageAllowance;
    if (f == QLatin1String("fasttrack")) return l.fastTrack;
    if (f == QLatin1String("serial")) return l.documentSerialNumber;
    if (f == QLatin1String("private")) return l.airlinePrivateData;
    return QStringLiteral("<no such field %1>").arg(f);
}

using Expect = QMap<QString, QString>;

} // namespace

class TestBcbpParser : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void neverReadsPastEnd();
    void dayOfFlight_data();
    void dayOfFlight();
    void dateOfIssue_data();
    void dateOfIssue();
    void json();
};

void TestBcbpParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Expect>("expect");

    const Leg plain;
    QTest::newRow("mandatory items only, one leg, size 00")
        << pass({plain}).toLatin1()
        << Expect{{"legs", "1"}, {"version", "none"}, {"surname", "SPECIMEN"}, {"given", "ANNA MS"}, {"eticket", "E"},
                  {"leg0.pnr", "ZX9Q7T"}, {"leg0.from", "GYD"}, {"leg0.to", "IST"}, {"leg0.carrier", "J2"},
                  {"leg0.flight", "0063"}, {"leg0.day", "72"}, {"leg0.compartment", "Y"}, {"leg0.seat", "014C"},
                  {"leg0.seq", "0042"}, {"leg0.status", "1"}, {"quirks", "0"}};
    // Every version: versions 1-2 have one baggage tag and no fast track, 3-4 three tags,
    // 5 on add fast track (Res. 792 version history).
    for (int v = 1; v <= 8; ++v) {
        QTest::addRow("version %d: unique and repeated sections of that version", v)
            << pass({legWith(v)}, v).toLatin1()
            << Expect{{"version", QString::number(v)}, {"issue", "6071"}, {"doctype", "B"}, {"issuer", "J2"},
                      {"bag1", "0771123456003"}, {"bag3", v >= 3 ? "0771123456202" : ""},
                      {"leg0.serial", "2345678901"}, {"leg0.ff", "J2/123456789"}, {"leg0.bags", "20K"},
                      {"leg0.fasttrack", v >= 5 ? "N" : ""}, {"quirks", "0"}};
    }
    Leg second = legWith(6);
    second.from = QStringLiteral("IST");
    second.to = QStringLiteral("LHR");
    second.carrier = QStringLiteral("TK");
    second.flight = QStringLiteral("1979A");
    second.day = QStringLiteral("073");
    second.seat = QStringLiteral("031F");
    QTest::newRow("two legs: second leg has only the repeated section")
        << pass({legWith(6), second}, 6).toLatin1()
        << Expect{{"legs", "2"}, {"leg1.from", "IST"}, {"leg1.to", "LHR"}, {"leg1.carrier", "TK"}, {"leg1.flight", "1979A"},
                  {"leg1.day", "73"}, {"leg1.seat", "031F"}, {"leg1.ff", "J2/123456789"}, {"quirks", "0"}};
    Leg third = second;
    third.from = QStringLiteral("LHR");
    third.to = QStringLiteral("JFK");
    QTest::newRow("three legs")
        << pass({legWith(6), second, third}, 6).toLatin1()
        << Expect{{"legs", "3"}, {"leg2.from", "LHR"}, {"leg2.to", "JFK"}, {"quirks", "0"}};
    Leg fourth = plain; // mandatory only, size 00, in the middle of others
    fourth.from = QStringLiteral("JFK");
    fourth.to = QStringLiteral("YUL");
    QTest::newRow("four legs, one without conditional items")
        << pass({legWith(6), second, fourth, third}, 6).toLatin1()
        << Expect{{"legs", "4"}, {"leg2.from", "JFK"}, {"leg2.ff", "/"}, {"leg3.to", "JFK"}, {"quirks", "0"}};
    QTest::newRow("security data: ^, type, hex length, data")
        << pass({legWith(6)}, 6, QStringLiteral("SPECIMEN/ANNA MS"), QStringLiteral("^10EQUJDREVGR0hJSg")).toLatin1()
        << Expect{{"security", "1:QUJDREVGR0hJSg"}, {"quirks", "0"}};
    QTest::newRow("security data after two legs")
        << pass({legWith(6), second}, 6, QStringLiteral("SPECIMEN/ANNA MS"), QStringLiteral("^305ABCDE")).toLatin1()
        << Expect{{"legs", "2"}, {"security", "3:ABCDE"}, {"quirks", "0"}};
    QTest::newRow("airline private data after the repeated section, case kept")
        << pass({legWith(6, QStringLiteral("Lh*77/xyz"))}, 6).toLatin1()
        << Expect{{"leg0.private", "Lh*77/xyz"}, {"leg0.bags", "20K"}};
    QTest::newRow("kitinerary: unique section, then private data with a zero repeated size")
        << pass({[] { Leg l; l.repeated = QString(); l.privateData = QStringLiteral("00PRIV"); l.repeatedSize = false; return l; }()}, 6).toLatin1()
        << Expect{{"version", "6"}, {"leg0.private", "PRIV"}, {"leg0.ff", "/"}};
    QTest::newRow("kitinerary: lower case everywhere")
        << pass({legWith(6)}, 6).toLower().toLatin1()
        << Expect{{"surname", "SPECIMEN"}, {"given", "ANNA MS"}, {"leg0.from", "GYD"}, {"leg0.carrier", "J2"}, {"version", "6"}, {"quirks", "1"}};
    QTest::newRow("kitinerary: trailing spaces after the last section")
        << (pass({legWith(6)}, 6) + QStringLiteral("     ")).toLatin1()
        << Expect{{"leg0.bags", "20K"}, {"quirks", "1"}};
    QTest::newRow("kitinerary: trailing line end")
        << (pass({plain}) + QStringLiteral("\r\n")).toLatin1()
        << Expect{{"leg0.to", "IST"}, {"quirks", "1"}};
    QString trimmed = pass({legWith(6, QStringLiteral("PRIVATE   "))}, 6);
    trimmed.chop(3); // a reader trimmed trailing blanks: the variable section is shorter than its size
    QTest::newRow("kitinerary: variable section shorter than its size field (trimmed)")
        << trimmed.toLatin1()
        << Expect{{"leg0.private", "PRIVATE"}, {"leg0.bags", "20K"}, {"quirks", "1"}};
    QTest::newRow("kitinerary: unique section shorter than its size field")
        << pass({Leg{}}, 2, QStringLiteral("SPECIMEN/ANNA MS"), {}, QStringLiteral("0WW6071")).replace(QStringLiteral(">207"), QStringLiteral(">218")).toLatin1()
        << Expect{{"version", "2"}, {"issue", "6071"}, {"doctype", ""}, {"quirks", "1"}};
    QTest::newRow("version 6 with a short unique section (only passenger description .. issuer)")
        << pass({legWith(6)}, 6, QStringLiteral("SPECIMEN/ANNA MS"), {}, QStringLiteral("0WW6071BJ2 ")).toLatin1()
        << Expect{{"issuer", "J2"}, {"bag1", ""}, {"leg0.bags", "20K"}, {"quirks", "0"}};
    QTest::newRow("first leg without '>': repeated section only")
        << pass({legWith(4)}).toLatin1()
        << Expect{{"version", "none"}, {"leg0.ff", "J2/123456789"}, {"leg0.fasttrack", ""}};
    QTest::newRow("version marker with nothing after it")
        << (pass({plain}).left(58) + QStringLiteral("02>5")).toLatin1()
        << Expect{{"version", "5"}, {"issue", ""}};
    QTest::newRow("name without a slash is all surname")
        << pass({plain}, std::nullopt, QStringLiteral("SPECIMENTRAVELLER")).toLatin1()
        << Expect{{"surname", "SPECIMENTRAVELLER"}, {"given", ""}};
    Leg infant = plain;
    infant.seat = QStringLiteral("INF");
    infant.sequence = QStringLiteral("0007A");
    infant.day = QStringLiteral("   ");
    QTest::newRow("infant seat, sequence with a letter, blank day")
        << pass({infant}).toLatin1()
        << Expect{{"leg0.seat", "INF"}, {"leg0.seq", "0007A"}, {"leg0.day", "0"}};
}

void TestBcbpParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(Expect, expect);
    const auto p = parseBcbp(input);
    QVERIFY2(p.has_value(), qPrintable(p ? QString() : p.error().code + u' ' + p.error().message));
    for (auto it = expect.cbegin(); it != expect.cend(); ++it)
        QCOMPARE(valueOf(*p, it.key()) + u'@' + it.key(), it.value() + u'@' + it.key());
}

void TestBcbpParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");

    const QString good = pass({legWith(6)}, 6);
    QTest::newRow("format code other than M") << (u'S' + good.mid(1)).toLatin1() << "BCBP_BAD_FORMAT" << "offset 0";
    QTest::newRow("zero legs") << (good.left(1) + u'0' + good.mid(2)).toLatin1() << "BCBP_BAD_LEG_COUNT" << "offset 1";
    QTest::newRow("five legs") << (good.left(1) + u'5' + good.mid(2)).toLatin1() << "BCBP_BAD_LEG_COUNT" << "offset 1";
    QTest::newRow("shorter than one leg") << good.left(59).toLatin1() << "BCBP_TOO_SHORT" << "59";
    QTest::newRow("empty") << QByteArray() << "BCBP_TOO_SHORT" << "0 characters";
    QTest::newRow("variable size field not hex") << (good.left(58) + QStringLiteral("G1") + good.mid(60)).toLatin1()
                                                 << "BCBP_BAD_SIZE_FIELD" << "offset 58";
    QTest::newRow("variable size field with a blank") << (good.left(58) + QStringLiteral(" 5") + good.mid(60)).toLatin1()
                                                      << "BCBP_BAD_SIZE_FIELD" << "offset 58";
    QTest::newRow("unique size field not hex") << (good.left(62) + QStringLiteral("Z9") + good.mid(64)).toLatin1()
                                               << "BCBP_BAD_SIZE_FIELD" << "offset 62";
    const qsizetype repeatedAt = 64 + uniqueItems(6).size();
    QTest::newRow("repeated size field not hex") << (good.left(repeatedAt) + QStringLiteral("x!") + good.mid(repeatedAt + 2)).toLatin1()
                                                 << "BCBP_BAD_SIZE_FIELD" << QStringLiteral("offset %1").arg(repeatedAt);
    QTest::newRow("second leg cut off") << pass({legWith(6), legWith(6)}, 6).left(good.size() + 20).toLatin1()
                                        << "BCBP_TRUNCATED" << "leg 2";
    QTest::newRow("legs say 2, one present") << (good.left(1) + u'2' + good.mid(2)).toLatin1() << "BCBP_TRUNCATED" << "leg 2";
    QTest::newRow("security length not hex") << (good + QStringLiteral("^1ZZABC")).toLatin1() << "BCBP_BAD_SIZE_FIELD" << "security";
    QTest::newRow("security cut before its length") << (good + QStringLiteral("^1")).toLatin1() << "BCBP_TRUNCATED" << "security";
}

void TestBcbpParser::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    const auto p = parseBcbp(input);
    QVERIFY(!p.has_value());
    QCOMPARE(p.error().code, code);
    QVERIFY2(p.error().message.contains(mentions), qPrintable(p.error().message));
}

void TestBcbpParser::neverReadsPastEnd()
{
    // Every prefix of a full two-leg pass with security data: an answer, never a crash
    // (ASan builds catch a read past the end); and size fields that lie are tolerated.
    const QByteArray full = pass({legWith(8, QStringLiteral("PRIV")), legWith(8)}, 8, QStringLiteral("SPECIMEN/ANNA"),
                                 QStringLiteral("^120ABCDEFGHIJKLMNOPQRST")).toLatin1();
    QVERIFY(parseBcbp(full).has_value());
    int parsed = 0;
    for (qsizetype n = 0; n <= full.size(); ++n) {
        const QByteArray prefix(full.constData(), n); // a copy of exactly n bytes
        if (parseBcbp(prefix))
            ++parsed;
    }
    QVERIFY(parsed > 10);
    QByteArray lying = pass({legWith(8, QStringLiteral("PRIV"))}, 8).toLatin1();
    lying[58] = 'F';
    lying[59] = 'F'; // the first leg claims 255 characters
    const auto p = parseBcbp(lying);
    QVERIFY(p.has_value());
    QVERIFY(!p->quirks.isEmpty());
}

void TestBcbpParser::dayOfFlight_data()
{
    QTest::addColumn<int>("day");
    QTest::addColumn<QDate>("context");
    QTest::addColumn<QDate>("expected"); // invalid = error expected

    QTest::newRow("same year") << 72 << QDate(2026, 3, 10) << QDate(2026, 3, 13);
    QTest::newRow("December flight read in January: previous year") << 365 << QDate(2026, 1, 2) << QDate(2025, 12, 31);
    QTest::newRow("January flight read in December: next year") << 2 << QDate(2026, 12, 30) << QDate(2027, 1, 2);
    QTest::newRow("day 366 in a leap year") << 366 << QDate(2028, 12, 20) << QDate(2028, 12, 31);
    QTest::newRow("day 366 read early next year: the leap year before") << 366 << QDate(2025, 1, 3) << QDate(2024, 12, 31);
    QTest::newRow("day 366 with no leap year around: error") << 366 << QDate(2026, 6, 1) << QDate();
    QTest::newRow("day 0: error") << 0 << QDate(2026, 6, 1) << QDate();
    QTest::newRow("day 367: error") << 367 << QDate(2026, 6, 1) << QDate();
    QTest::newRow("no context date: error") << 10 << QDate() << QDate();
}

void TestBcbpParser::dayOfFlight()
{
    QFETCH(int, day);
    QFETCH(QDate, context);
    QFETCH(QDate, expected);
    const auto d = resolveDayOfFlight(day, context);
    if (!expected.isValid()) {
        QVERIFY(!d.has_value());
        QCOMPARE(d.error().code, QStringLiteral("BCBP_BAD_DATE"));
        return;
    }
    QVERIFY(d.has_value());
    QCOMPARE(*d, expected);
}

void TestBcbpParser::dateOfIssue_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QDate>("context");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("this year") << "6123" << QDate(2026, 6, 1) << QDate(2026, 5, 3);
    QTest::newRow("digit of an earlier year") << "5001" << QDate(2026, 6, 1) << QDate(2025, 1, 1);
    QTest::newRow("same digit but after today: ten years back") << "6200" << QDate(2026, 6, 1) << QDate(2016, 7, 18);
    QTest::newRow("not digits") << "6X12" << QDate(2026, 6, 1) << QDate();
    QTest::newRow("day 366 in a common year") << "5366" << QDate(2026, 6, 1) << QDate();
}

void TestBcbpParser::dateOfIssue()
{
    QFETCH(QString, raw);
    QFETCH(QDate, context);
    QFETCH(QDate, expected);
    const auto d = resolveDateOfIssue(raw, context);
    QCOMPARE(d.has_value(), expected.isValid());
    if (d)
        QCOMPARE(*d, expected);
}

void TestBcbpParser::json()
{
    const auto p = parseBcbp(pass({legWith(6), legWith(6)}, 6, QStringLiteral("SPECIMEN/ANNA"), QStringLiteral("^10ABC")).toLatin1());
    QVERIFY(p.has_value());
    const QJsonObject o = boardingPassToJson(*p, QDate(2026, 3, 12));
    QCOMPARE(o.value(QStringLiteral("legs")).toArray().size(), 2);
    const QJsonObject leg = o.value(QStringLiteral("legs")).toArray().first().toObject();
    QCOMPARE(leg.value(QStringLiteral("date")).toString(), QStringLiteral("2026-03-13"));
    QCOMPARE(leg.value(QStringLiteral("frequent_flyer")).toObject().value(QStringLiteral("number")).toString(), QStringLiteral("123456789"));
    QCOMPARE(o.value(QStringLiteral("security")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("1"));
    QCOMPARE(o.value(QStringLiteral("baggage_tags")).toArray().size(), 3);
    QCOMPARE(o.value(QStringLiteral("date_of_issue")).toString(), QStringLiteral("2026-03-12"));
}

QTEST_GUILESS_MAIN(TestBcbpParser)
#include "tst_bcbpparser.moc"
