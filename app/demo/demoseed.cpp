#include "app/demo/demoseed.h"

#include "app/demo/demoseal.h"

#include "app/store/crossingrepository.h"
#include "app/store/database.h"
#include "app/store/personrepository.h"
#include "app/store/visarepository.h"
#include "app/store/watchlistrepository.h"
#include "scanner/mrz/checkdigit.h"
#include "scanner/mrz/mrzparser.h"

#include <QRandomGenerator>

namespace Kiosk::Session {

namespace {

QString field(QString text, qsizetype width)
{
    text = text.toUpper();
    text.replace(u' ', u'<');
    return text.leftJustified(width, u'<', true);
}

QString digit(QStringView text)
{
    return QString::number(Mrz::checkDigit(text).value_or(0));
}

QString yymmdd(const QDate &d)
{
    return d.toString(QStringLiteral("yyMMdd"));
}

// The seed report's §28 table of foreign nationals employed in 2010 (Turkey 4,044, Great
// Britain 1,515, China 429, Georgia 316, India 256, United States 239, Iran 197, Russia 165):
// the weights of the background travellers' nationalities.
struct Weight
{
    const char *code;
    int weight;
};
constexpr Weight kNationalityMix[] = {
    {"TUR", 4044}, {"GBR", 1515}, {"CHN", 429}, {"GEO", 316},
    {"IND", 256},  {"USA", 239},  {"IRN", 197}, {"RUS", 165},
};

constexpr const char *kSyllables[] = {"KA", "LO", "MI", "RE", "SU", "TA", "NO", "VE", "DA", "RI", "BE", "ZA", "NU", "PE", "GO"};

QString syntheticName(QRandomGenerator &rng, int syllables)
{
    QString s;
    for (int i = 0; i < syllables; ++i)
        s += QLatin1String(kSyllables[rng.bounded(static_cast<int>(std::size(kSyllables)))]);
    return s;
}

QString pick(QRandomGenerator &rng)
{
    int total = 0;
    for (const Weight &w : kNationalityMix)
        total += w.weight;
    int r = rng.bounded(total);
    for (const Weight &w : kNationalityMix) {
        if (r < w.weight)
            return QLatin1String(w.code);
        r -= w.weight;
    }
    return QStringLiteral("TUR");
}

#define DEMO_TRY(expr)                                                                                                 \
    do {                                                                                                               \
        if (auto r_ = (expr); !r_)                                                                                     \
            return std::unexpected(r_.error());                                                                        \
    } while (false)

// A sample traveller: the passport's MRZ and the person it made in the store.
struct Traveller
{
    QString mrz;
    Store::PersonRepository::Recorded person;
};

// A watchlist entry on a person (names, birth date, nationality).
WatchlistEntry personEntry(WatchlistKind kind, const QString &id, const QString &surname, const QString &givenNames,
                           const QDate &birth, QStringView nationality, const QString &basis)
{
    WatchlistEntry e;
    e.kind = kind;
    e.id = id;
    e.surname = surname;
    e.givenNames = givenNames;
    e.birthDate = birth;
    e.nationality = CountryCode::fromString(nationality);
    e.basis = basis;
    return e;
}

// Writes the demo's world into the store; each sample returns the document the simulator plays.
class Seeder
{
public:
    Seeder(Store::Database &db, const DemoSeedOptions &o, Vds::VdsTrustStore *sealTrust)
        : m_db(db), m_o(o), m_sealTrust(sealTrust), m_expiry(o.today.addYears(6)), m_here(o.checkpoint)
    {
    }

    // 1. Visa-free (§21): Georgia, 90 days. An earlier trip through the land border.
    Result<DemoDocument> visaFree()
    {
        auto t = traveller(QStringLiteral("GEO"), QStringLiteral("TAVADZE"), QStringLiteral("NINO"), QStringLiteral("13AB45678"),
                           QDate(1991, 3, 14), u'F');
        DEMO_TRY(t);
        DEMO_TRY(crossing(t->person, Direction::Entry, 400, m_land));
        DEMO_TRY(crossing(t->person, Direction::Exit, 371, m_here));
        return DemoDocument{QStringLiteral("visa-free"), t->mrz, Direction::Entry, VerdictKind::Admit, QStringLiteral("VISA_FREE"), {}};
    }

    // 2. Visa national with a visa (§19, §127): Turkey, fee waived (§21) but a visa is needed.
    Result<DemoDocument> visaNational()
    {
        auto t = traveller(QStringLiteral("TUR"), QStringLiteral("KORALMEN"), QStringLiteral("DENIZ EMRE"), QStringLiteral("U23456781"),
                           QDate(1984, 11, 2), u'M');
        DEMO_TRY(t);
        DEMO_TRY(visa(t->person, 20, 70, 30, QStringLiteral("AZ-V-000123")));
        DEMO_TRY(crossing(t->person, Direction::Entry, 200, m_here));
        DEMO_TRY(crossing(t->person, Direction::Exit, 185, m_here));
        return DemoDocument{QStringLiteral("visa"), t->mrz, Direction::Entry, VerdictKind::Admit, QStringLiteral("VISA_VALID"), {}};
    }

    // 3. Overstayer (§147-148): Russia, visa-free 90 days, entered 120 days ago, now leaving.
    Result<DemoDocument> overstayer()
    {
        auto t = traveller(QStringLiteral("RUS"), QStringLiteral("VELIKANOVA"), QStringLiteral("DARIA"), QStringLiteral("751234567"),
                           QDate(1979, 6, 30), u'F');
        DEMO_TRY(t);
        DEMO_TRY(crossing(t->person, Direction::Entry, 119, m_land));
        return DemoDocument{QStringLiteral("overstayer"), t->mrz, Direction::Exit, VerdictKind::Refer, QStringLiteral("OVERSTAY"), {}};
    }

    // 4. Entry ban (§51): China, on the CIS entry-ban list, with a visa.
    Result<DemoDocument> entryBanned()
    {
        auto t = traveller(QStringLiteral("CHN"), QStringLiteral("LOMIRE"), QStringLiteral("TASU"), QStringLiteral("E98765432"),
                           QDate(1975, 1, 20), u'M');
        DEMO_TRY(t);
        DEMO_TRY(visa(t->person, 5, 85, 30, QStringLiteral("AZ-V-000456")));
        const WatchlistEntry ban = personEntry(
            WatchlistKind::EntryBan, QStringLiteral("CIS-BAN-0001"), QStringLiteral("LOMIRE"), QStringLiteral("TASU"), QDate(1975, 1, 20), u"CHN",
            QStringLiteral("CIS database of persons banned from entry (§51); deportation decision 2024 (§130)"));
        DEMO_TRY(Store::WatchlistRepository(m_db).add(ban, m_o.now, QStringLiteral("demo-1")));
        return DemoDocument{QStringLiteral("banned"), t->mrz, Direction::Entry, VerdictKind::Refuse, QStringLiteral("ENTRY_BAN"), {}};
    }

    // 5. Citizen with an exit restriction (§236): open criminal proceedings.
    Result<DemoDocument> exitRestricted()
    {
        auto t = traveller(QStringLiteral("AZE"), QStringLiteral("NURIZADE"), QStringLiteral("KAMRAN"), QStringLiteral("C01234567"),
                           QDate(1988, 8, 8), u'M');
        DEMO_TRY(t);
        DEMO_TRY(crossing(t->person, Direction::Entry, 60, m_here));
        const WatchlistEntry r = personEntry(WatchlistKind::ExitRestriction, QStringLiteral("EXR-0042"), QStringLiteral("NURIZADE"),
                                             QStringLiteral("KAMRAN"), QDate(1988, 8, 8), u"AZE", QStringLiteral("Open criminal proceedings (§236)"));
        DEMO_TRY(Store::WatchlistRepository(m_db).add(r, m_o.now, QStringLiteral("demo-1"),
                                                      {m_o.today.addDays(-30), m_o.today.addDays(300)}));
        return DemoDocument{QStringLiteral("exit-restriction"), t->mrz, Direction::Exit, VerdictKind::Refer, QStringLiteral("EXIT_RESTRICTION"), {}};
    }

    // 6. A document reported stolen (§169-170): Ukraine (visa-free), the passport is on the list.
    Result<DemoDocument> stolenDocument()
    {
        const QString mrz = passport(QStringLiteral("UKR"), QStringLiteral("SUTAREVA"), QStringLiteral("OLENA"), QStringLiteral("FK1234560"),
                                     QDate(1995, 12, 1), u'F');
        WatchlistEntry s;
        s.kind = WatchlistKind::StolenDocument;
        s.id = QStringLiteral("SLTD-0007");
        s.issuingState = CountryCode::fromString(u"UKR");
        s.documentNumber = QStringLiteral("FK1234560");
        s.basis = QStringLiteral("Reported stolen (§169-170): retain the document");
        DEMO_TRY(Store::WatchlistRepository(m_db).add(s, m_o.now, QStringLiteral("demo-1")));
        return DemoDocument{QStringLiteral("stolen-document"), mrz, Direction::Entry, VerdictKind::Refer, QStringLiteral("DOCUMENT_REPORTED_STOLEN"), {}};
    }

    // 7. Great Britain: a visa national (§19) with a visa in the register, arriving from London:
    // the boarding pass is scanned after the passport.
    Result<DemoDocument> arrivingFromLondon()
    {
        auto t = traveller(QStringLiteral("GBR"), QStringLiteral("PENDARVIS"), QStringLiteral("ROWAN"), QStringLiteral("123456780"),
                           QDate(1990, 5, 5), u'F');
        DEMO_TRY(t);
        DEMO_TRY(visa(t->person, 3, 60, 30, QStringLiteral("AZ-V-GBR")));
        return DemoDocument{QStringLiteral("boarding-pass"), t->mrz, Direction::Entry, VerdictKind::Admit, QStringLiteral("VISA_VALID"),
                            makeBcbp(QStringLiteral("PENDARVIS"), QStringLiteral("ROWAN"), QStringLiteral("KX4P2Q"), QStringLiteral("LHR"),
                                     QStringLiteral("GYD"), QStringLiteral("J2"), 16, m_o.today, QStringLiteral("12A"))};
    }

    // 8. India: a visa national (§19) with no visa in the register: the visa is the seal on it
    // (ICAO 9303-13), signed by the demo's throw-away authority, which goes to the seal trust
    // store given. Only a verified seal gives the rules this visa.
    Result<DemoDocument> visaSeal()
    {
        auto t = traveller(QStringLiteral("IND"), QStringLiteral("RAGUNATHI"), QStringLiteral("ASHA"), QStringLiteral("Z1234567"),
                           QDate(1990, 5, 5), u'F');
        DEMO_TRY(t);
        auto seal = makeDemoVisaSeal({QStringLiteral("RAGUNATHI"), QStringLiteral("ASHA"), QStringLiteral("IND"), QDate(1990, 5, 5), u'F',
                                      QStringLiteral("Z1234567"), QStringLiteral("AZ0004711"), m_o.today.addDays(-3), m_o.today.addDays(60), 30});
        DEMO_TRY(seal);
        if (m_sealTrust)
            *m_sealTrust = seal->trust;
        return DemoDocument{QStringLiteral("visa-seal"), t->mrz, Direction::Entry, VerdictKind::Admit, QStringLiteral("VISA_VALID"), seal->payload};
    }

    // Background: travellers with a few trips each, for the history and the store's size.
    Result<void> backgroundTravellers()
    {
        QRandomGenerator rng(m_o.randomSeed);
        for (int i = 0; i < m_o.backgroundTravellers; ++i) {
            const QString nat = pick(rng);
            const QString mrz = makeTd3Mrz(nat, syntheticName(rng, 3), syntheticName(rng, 2),
                                           QStringLiteral("X%1").arg(i, 8, 10, QLatin1Char('0')), nat,
                                           QDate(1960, 1, 1).addDays(rng.bounded(15000)), i % 2 ? u'M' : u'F', m_expiry);
            auto p = person(mrz);
            DEMO_TRY(p);
            int ago = 700 - rng.bounded(100);
            const int trips = 1 + rng.bounded(3);
            for (int t = 0; t < trips && ago > 40; ++t) {
                const int stay = 3 + rng.bounded(20);
                DEMO_TRY(crossing(*p, Direction::Entry, ago, rng.bounded(3) ? m_here : m_land));
                DEMO_TRY(crossing(*p, Direction::Exit, ago - stay, rng.bounded(3) ? m_here : m_land));
                ago -= stay + 30 + rng.bounded(150);
            }
        }
        return {};
    }

    // The watchlist import is "now": fresh lists, so the demo is not WATCHLIST_STALE.
    Result<void> freshWatchlistImport()
    {
        DEMO_TRY(m_db.exec(QStringLiteral("INSERT INTO list_imports (kind, source, list_version, imported_at, row_count) "
                                          "VALUES ('watchlist', 'demo seed', 'demo-1', ?, 3)"),
                           {m_o.now.toUTC().toString(Qt::ISODate)}));
        return {};
    }

private:
    // A passport of the state whose national the holder is, valid six years from today.
    QString passport(const QString &state, const QString &surname, const QString &givenNames, const QString &number, const QDate &birth,
                     QChar sex) const
    {
        return makeTd3Mrz(state, surname, givenNames, number, state, birth, sex, m_expiry);
    }

    // The passport and its holder in the store.
    Result<Traveller> traveller(const QString &state, const QString &surname, const QString &givenNames, const QString &number,
                                const QDate &birth, QChar sex)
    {
        const QString mrz = passport(state, surname, givenNames, number, birth, sex);
        auto p = person(mrz);
        DEMO_TRY(p);
        return Traveller{mrz, *p};
    }

    // A person by their passport; returns the ids to hang crossings and visas on.
    Result<Store::PersonRepository::Recorded> person(const QString &mrz)
    {
        const Mrz::MrzResult parsed = Mrz::parse(mrz, Mrz::ParseOptions{m_o.today, false});
        if (!parsed.valid)
            return fail(QStringLiteral("DEMO_BAD_SAMPLE"), QStringLiteral("a demo MRZ does not parse: %1")
                                                               .arg(parsed.errors.isEmpty() ? QString() : parsed.errors.front().message));
        return Store::PersonRepository(m_db).findOrCreate(parsed.toTravelDocument(), m_o.now);
    }

    Result<void> crossing(const Store::PersonRepository::Recorded &p, Direction d, int daysAgo, const QString &checkpoint)
    {
        Store::CrossingRecord r;
        r.personId = p.personId;
        r.documentId = p.documentId;
        r.crossing = Crossing{d, m_o.today.addDays(-daysAgo), checkpoint};
        r.source = QStringLiteral("import");
        auto id = Store::CrossingRepository(m_db).record(r);
        if (!id)
            return std::unexpected(id.error());
        return {};
    }

    Result<void> visa(const Store::PersonRepository::Recorded &p, int fromDaysAgo, int untilDaysAhead, int days, const QString &number)
    {
        Visa v;
        v.validFrom = m_o.today.addDays(-fromDaysAgo);
        v.validUntil = m_o.today.addDays(untilDaysAhead);
        v.days = days;
        v.entries = 0;
        v.number = number;
        v.source = QStringLiteral("register");
        auto id = Store::VisaRepository(m_db).add(p.personId, p.documentId, v);
        if (!id)
            return std::unexpected(id.error());
        return {};
    }

    Store::Database &m_db;
    DemoSeedOptions m_o;
    Vds::VdsTrustStore *m_sealTrust;
    const QDate m_expiry;
    const QString m_here;
    const QString m_land = QStringLiteral("KRM"); // a land border checkpoint (synthetic code)
};

} // namespace

QString makeTd3Mrz(const QString &issuingState, const QString &surname, const QString &givenNames,
                   const QString &number, const QString &nationality, const QDate &birth, QChar sex, const QDate &expiry)
{
    // ICAO 9303-4 §4.2.2: line 1 = P< + state + names; line 2 = number, check, nationality,
    // birth, check, sex, expiry, check, personal number, check, composite.
    const QString names = surname + QStringLiteral("<<") + givenNames;
    const QString line1 = QStringLiteral("P<") + field(issuingState, 3) + field(names, 39);
    const QString num = field(number, 9);
    const QString personal = field(QString(), 14);
    const QString l2a = num + digit(num);
    const QString l2b = yymmdd(birth) + digit(yymmdd(birth));
    const QString l2c = yymmdd(expiry) + digit(yymmdd(expiry));
    const QString l2d = personal + QStringLiteral("<"); // empty personal number: '<' check (9303-4 §4.2.2)
    const QString composite = digit(l2a + l2b + l2c + l2d);
    const QString line2 = l2a + field(nationality, 3) + l2b + sex + l2c + l2d + composite;
    return line1 + u'\n' + line2;
}

QByteArray makeBcbp(const QString &surname, const QString &givenName, const QString &pnr, const QString &from, const QString &to,
                    const QString &carrier, int flightNumber, const QDate &flightDate, const QString &seat)
{
    // Resolution 792 items 1, 5, 11, 253, 7, 26, 38, 42, 43, 46, 71, 104, 107, 113, 6.
    QString s = QStringLiteral("M1");
    s += (surname + u'/' + givenName).toUpper().leftJustified(20, u' ', true);
    s += u'E';
    s += pnr.leftJustified(7, u' ', true);
    s += from.leftJustified(3, u' ', true) + to.leftJustified(3, u' ', true);
    s += carrier.leftJustified(3, u' ', true);
    s += QStringLiteral("%1").arg(flightNumber, 4, 10, QLatin1Char('0')) + u' ';
    s += QStringLiteral("%1").arg(flightDate.dayOfYear(), 3, 10, QLatin1Char('0'));
    s += u'Y';
    s += seat.rightJustified(4, u'0', true);
    s += QStringLiteral("0045 1");
    s += QStringLiteral("00");
    return s.toLatin1();
}

Result<QList<DemoDocument>> seedDemoStore(Store::Database &db, const DemoSeedOptions &o, Vds::VdsTrustStore *sealTrust)
{
    Store::Transaction tx(db);
    if (!tx.isActive())
        return std::unexpected(tx.error());
    Seeder seed(db, o, sealTrust);
    // The sample documents, in the order the simulator plays them.
    using Sample = Result<DemoDocument> (Seeder::*)();
    QList<DemoDocument> docs;
    for (const Sample sample : {&Seeder::visaFree, &Seeder::visaNational, &Seeder::overstayer, &Seeder::entryBanned, &Seeder::exitRestricted,
                                &Seeder::stolenDocument, &Seeder::arrivingFromLondon, &Seeder::visaSeal}) {
        auto doc = (seed.*sample)();
        DEMO_TRY(doc);
        docs.append(*doc);
    }
    DEMO_TRY(seed.backgroundTravellers());
    DEMO_TRY(seed.freshWatchlistImport());
    DEMO_TRY(tx.commit());
    return docs;
}

} // namespace Kiosk::Session
