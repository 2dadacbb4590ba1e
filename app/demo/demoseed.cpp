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

class Seeder
{
public:
    Seeder(Store::Database &db, const DemoSeedOptions &o) : m_db(db), m_o(o) {}

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

private:
    Store::Database &m_db;
    DemoSeedOptions m_o;
};

#define DEMO_TRY(expr)                                                                                                 \
    do {                                                                                                               \
        if (auto r_ = (expr); !r_)                                                                                     \
            return std::unexpected(r_.error());                                                                        \
    } while (false)

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
    Seeder seed(db, o);
    QList<DemoDocument> docs;
    const QDate expiry = o.today.addYears(6);
    const QString here = o.checkpoint;
    const QString land = QStringLiteral("KRM"); // a land border checkpoint (synthetic code)

    // 1. Visa-free (§21): Georgia, 90 days. An earlier trip through the land border.
    {
        const QString mrz = makeTd3Mrz(QStringLiteral("GEO"), QStringLiteral("TAVADZE"), QStringLiteral("NINO"),
                                       QStringLiteral("13AB45678"), QStringLiteral("GEO"), QDate(1991, 3, 14), u'F', expiry);
        auto p = seed.person(mrz);
        DEMO_TRY(p);
        DEMO_TRY(seed.crossing(*p, Direction::Entry, 400, land));
        DEMO_TRY(seed.crossing(*p, Direction::Exit, 371, here));
        docs.append({QStringLiteral("visa-free"), mrz, Direction::Entry, VerdictKind::Admit, QStringLiteral("VISA_FREE"), {}});
    }
    // 2. Visa national with a visa (§19, §127): Turkey, fee waived (§21) but a visa is needed.
    {
        const QString mrz = makeTd3Mrz(QStringLiteral("TUR"), QStringLiteral("KORALMEN"), QStringLiteral("DENIZ EMRE"),
                                       QStringLiteral("U23456781"), QStringLiteral("TUR"), QDate(1984, 11, 2), u'M', expiry);
        auto p = seed.person(mrz);
        DEMO_TRY(p);
        DEMO_TRY(seed.visa(*p, 20, 70, 30, QStringLiteral("AZ-V-000123")));
        DEMO_TRY(seed.crossing(*p, Direction::Entry, 200, here));
        DEMO_TRY(seed.crossing(*p, Direction::Exit, 185, here));
        docs.append({QStringLiteral("visa"), mrz, Direction::Entry, VerdictKind::Admit, QStringLiteral("VISA_VALID"), {}});
    }
    // 3. Overstayer (§147-148): Russia, visa-free 90 days, entered 120 days ago, now leaving.
    {
        const QString mrz = makeTd3Mrz(QStringLiteral("RUS"), QStringLiteral("VELIKANOVA"), QStringLiteral("DARIA"),
                                       QStringLiteral("751234567"), QStringLiteral("RUS"), QDate(1979, 6, 30), u'F', expiry);
        auto p = seed.person(mrz);
        DEMO_TRY(p);
        DEMO_TRY(seed.crossing(*p, Direction::Entry, 119, land));
        docs.append({QStringLiteral("overstayer"), mrz, Direction::Exit, VerdictKind::Refer, QStringLiteral("OVERSTAY"), {}});
    }
    // 4. Entry ban (§51): China, on the CIS entry-ban list, with a visa.
    {
        const QString mrz = makeTd3Mrz(QStringLiteral("CHN"), QStringLiteral("LOMIRE"), QStringLiteral("TASU"),
                                       QStringLiteral("E98765432"), QStringLiteral("CHN"), QDate(1975, 1, 20), u'M', expiry);
        auto p = seed.person(mrz);
        DEMO_TRY(p);
        DEMO_TRY(seed.visa(*p, 5, 85, 30, QStringLiteral("AZ-V-000456")));
        WatchlistEntry ban;
        ban.kind = WatchlistKind::EntryBan;
        ban.id = QStringLiteral("CIS-BAN-0001");
        ban.surname = QStringLiteral("LOMIRE");
        ban.givenNames = QStringLiteral("TASU");
        ban.birthDate = QDate(1975, 1, 20);
        ban.nationality = CountryCode::fromString(u"CHN");
        ban.basis = QStringLiteral("CIS database of persons banned from entry (§51); deportation decision 2024 (§130)");
        DEMO_TRY(Store::WatchlistRepository(db).add(ban, o.now, QStringLiteral("demo-1")));
        docs.append({QStringLiteral("banned"), mrz, Direction::Entry, VerdictKind::Refuse, QStringLiteral("ENTRY_BAN"), {}});
    }
    // 5. Citizen with an exit restriction (§236): open criminal proceedings.
    {
        const QString mrz = makeTd3Mrz(QStringLiteral("AZE"), QStringLiteral("NURIZADE"), QStringLiteral("KAMRAN"),
                                       QStringLiteral("C01234567"), QStringLiteral("AZE"), QDate(1988, 8, 8), u'M', expiry);
        auto p = seed.person(mrz);
        DEMO_TRY(p);
        DEMO_TRY(seed.crossing(*p, Direction::Entry, 60, here));
        WatchlistEntry r;
        r.kind = WatchlistKind::ExitRestriction;
        r.id = QStringLiteral("EXR-0042");
        r.surname = QStringLiteral("NURIZADE");
        r.givenNames = QStringLiteral("KAMRAN");
        r.birthDate = QDate(1988, 8, 8);
        r.nationality = CountryCode::fromString(u"AZE");
        r.basis = QStringLiteral("Open criminal proceedings (§236)");
        DEMO_TRY(Store::WatchlistRepository(db).add(r, o.now, QStringLiteral("demo-1"),
                                                    {o.today.addDays(-30), o.today.addDays(300)}));
        docs.append({QStringLiteral("exit-restriction"), mrz, Direction::Exit, VerdictKind::Refer, QStringLiteral("EXIT_RESTRICTION"), {}});
    }
    // 6. A document reported stolen (§169-170): Ukraine (visa-free), the passport is on the list.
    {
        const QString mrz = makeTd3Mrz(QStringLiteral("UKR"), QStringLiteral("SUTAREVA"), QStringLiteral("OLENA"),
                                       QStringLiteral("FK1234560"), QStringLiteral("UKR"), QDate(1995, 12, 1), u'F', expiry);
        WatchlistEntry s;
        s.kind = WatchlistKind::StolenDocument;
        s.id = QStringLiteral("SLTD-0007");
        s.issuingState = CountryCode::fromString(u"UKR");
        s.documentNumber = QStringLiteral("FK1234560");
        s.basis = QStringLiteral("Reported stolen (§169-170): retain the document");
        DEMO_TRY(Store::WatchlistRepository(db).add(s, o.now, QStringLiteral("demo-1")));
        docs.append({QStringLiteral("stolen-document"), mrz, Direction::Entry, VerdictKind::Refer, QStringLiteral("DOCUMENT_REPORTED_STOLEN"), {}});
    }
    // 7. Great Britain and India: visa nationals (§19) with visas in the register.
    for (const auto &[state, surname, given, number] :
         {std::tuple{"GBR", "PENDARVIS", "ROWAN", "123456780"}, std::tuple{"IND", "RAGUNATHI", "ASHA", "Z1234567<"}}) {
        const QString mrz = makeTd3Mrz(QLatin1String(state), QLatin1String(surname), QLatin1String(given),
                                       QString::fromLatin1(number).remove(u'<'), QLatin1String(state), QDate(1990, 5, 5), u'F', expiry);
        auto p = seed.person(mrz);
        DEMO_TRY(p);
        DemoDocument doc{QStringLiteral("visa"), mrz, Direction::Entry, VerdictKind::Admit, QStringLiteral("VISA_VALID"), {}};
        if (QLatin1String(state) == QLatin1String("IND")) {
            // No visa in the register: the visa is the seal on it (ICAO 9303-13), signed by the
            // demo's throw-away authority. Only a verified seal gives the rules this visa.
            auto seal = makeDemoVisaSeal({QLatin1String(surname), QLatin1String(given), QLatin1String(state), QDate(1990, 5, 5), u'F',
                                          QString::fromLatin1(number).remove(u'<'), QStringLiteral("AZ0004711"),
                                          o.today.addDays(-3), o.today.addDays(60), 30});
            DEMO_TRY(seal);
            if (sealTrust)
                *sealTrust = seal->trust;
            doc.kind = QStringLiteral("visa-seal");
            doc.barcode = seal->payload;
            docs.append(doc);
            continue;
        }
        DEMO_TRY(seed.visa(*p, 3, 60, 30, QStringLiteral("AZ-V-%1").arg(QLatin1String(state))));
        if (QLatin1String(state) == QLatin1String("GBR")) {
            // Arriving from London: the boarding pass is scanned after the passport.
            doc.kind = QStringLiteral("boarding-pass");
            doc.barcode = makeBcbp(QLatin1String(surname), QLatin1String(given), QStringLiteral("KX4P2Q"), QStringLiteral("LHR"),
                                   QStringLiteral("GYD"), QStringLiteral("J2"), 16, o.today, QStringLiteral("12A"));
        }
        docs.append(doc);
    }

    // Background: travellers with a few trips each, for the history and the store's size.
    QRandomGenerator rng(o.randomSeed);
    for (int i = 0; i < o.backgroundTravellers; ++i) {
        const QString nat = pick(rng);
        const QString mrz = makeTd3Mrz(nat, syntheticName(rng, 3), syntheticName(rng, 2),
                                       QStringLiteral("X%1").arg(i, 8, 10, QLatin1Char('0')), nat,
                                       QDate(1960, 1, 1).addDays(rng.bounded(15000)), i % 2 ? u'M' : u'F', expiry);
        auto p = seed.person(mrz);
        DEMO_TRY(p);
        int ago = 700 - rng.bounded(100);
        const int trips = 1 + rng.bounded(3);
        for (int t = 0; t < trips && ago > 40; ++t) {
            const int stay = 3 + rng.bounded(20);
            DEMO_TRY(seed.crossing(*p, Direction::Entry, ago, rng.bounded(3) ? here : land));
            DEMO_TRY(seed.crossing(*p, Direction::Exit, ago - stay, rng.bounded(3) ? here : land));
            ago -= stay + 30 + rng.bounded(150);
        }
    }

    // The watchlist import is "now": fresh lists, so the demo is not WATCHLIST_STALE.
    DEMO_TRY(db.exec(QStringLiteral("INSERT INTO list_imports (kind, source, list_version, imported_at, row_count) "
                                    "VALUES ('watchlist', 'demo seed', 'demo-1', ?, 3)"),
                     {o.now.toUTC().toString(Qt::ISODate)}));
    DEMO_TRY(tx.commit());
    return docs;
}

} // namespace Kiosk::Session
