#include "scanner/barcode/bcbp/bcbpparser.h"

#include <QJsonArray>

#include <array>

namespace Kiosk::Bcbp {

namespace {

// Fixed-width layouts of Resolution 792 (BCBP Implementation Guide, version 8, §3),
// as tables read by one routine. Each row: length and where the value goes.
template <typename T>
struct Field
{
    int length;
    QString T::*member;
};

// Mandatory unique items: 1 format code, 5 number of legs, 11 passenger name,
// 253 electronic ticket indicator (positions 1..23).
constexpr int kUniqueMandatoryLength = 23;

// Mandatory repeated items, 37 characters per leg (the 2-character item 6 is read apart).
constexpr std::array<Field<BcbpLeg>, 10> kLegMandatory{{
    {7, &BcbpLeg::pnr},            // 7
    {3, &BcbpLeg::from},           // 26
    {3, &BcbpLeg::to},             // 38
    {3, &BcbpLeg::operatingCarrier}, // 42
    {5, &BcbpLeg::flightNumber},   // 43
    {3, &BcbpLeg::dayOfFlightRaw}, // 46
    {1, &BcbpLeg::compartment},    // 71
    {4, &BcbpLeg::seat},           // 104
    {5, &BcbpLeg::checkInSequence}, // 107
    {1, &BcbpLeg::passengerStatus}, // 113
}};
constexpr int kLegMandatoryLength = 37; // 35 + item 6

// Conditional unique items after '>' + version + item 10 (their size).
constexpr std::array<Field<BoardingPass>, 9> kUniqueConditional{{
    {1, &BoardingPass::passengerDescription}, // 15
    {1, &BoardingPass::sourceOfCheckIn},      // 12
    {1, &BoardingPass::sourceOfIssuance},     // 14
    {4, &BoardingPass::dateOfIssueRaw},       // 22
    {1, &BoardingPass::documentType},         // 16
    {3, &BoardingPass::issuerDesignator},     // 21
    {13, &BoardingPass::baggageTag},          // 23
    {13, &BoardingPass::baggageTag2},         // 31 (version 3 on)
    {13, &BoardingPass::baggageTag3},         // 32 (version 3 on)
}};

// Conditional repeated items after item 17 (their size).
constexpr std::array<Field<BcbpLeg>, 10> kLegConditional{{
    {3, &BcbpLeg::airlineNumericCode},    // 142
    {10, &BcbpLeg::documentSerialNumber}, // 143
    {1, &BcbpLeg::selecteeIndicator},     // 18
    {1, &BcbpLeg::internationalDocumentVerification}, // 108
    {3, &BcbpLeg::marketingCarrier},      // 19
    {3, &BcbpLeg::frequentFlyerAirline},  // 20
    {16, &BcbpLeg::frequentFlyerNumber},  // 236
    {1, &BcbpLeg::idAdIndicator},         // 89
    {3, &BcbpLeg::freeBaggageAllowance},  // 118
    {1, &BcbpLeg::fastTrack},             // 254 (version 5 on)
}};

// Reads the rows of `table` from text[start, end) into `into`; a row cut short by `end`
// takes what is there (older versions and trimmed passes stop mid-table), and rows past
// `end` stay empty. Returns the position after the last row read.
template <typename T, size_t N>
qsizetype readFields(const std::array<Field<T>, N> &table, QStringView text, qsizetype start, qsizetype end, T &into)
{
    qsizetype pos = start;
    for (const Field<T> &f : table) {
        if (pos >= end)
            break;
        const qsizetype n = std::min<qsizetype>(f.length, end - pos);
        into.*(f.member) = text.mid(pos, n).trimmed().toString();
        pos += n;
    }
    return pos;
}

// Item 6/10/17/29: two hex digits. Error when they are not hex; the caller has checked
// that two characters exist.
Result<int> hexSize(QStringView text, qsizetype at, const char *what)
{
    bool ok = false;
    const QStringView digits = text.mid(at, 2);
    const int value = digits.size() == 2 ? digits.toInt(&ok, 16) : -1;
    if (!ok || value < 0 || !digits[0].isLetterOrNumber() || !digits[1].isLetterOrNumber())
        return fail(QStringLiteral("BCBP_BAD_SIZE_FIELD"),
                    QStringLiteral("%1 at offset %2 is '%3', not two hex digits").arg(QLatin1String(what)).arg(at).arg(digits.toString()));
    return value;
}

Result<QDate> badDate(const QString &why) { return fail(QStringLiteral("BCBP_BAD_DATE"), why); }

// A section whose size field claims more than is there: the section ends at `end`, and the
// pass carries the quirk `describe()` words.
template <typename Describe>
qsizetype clampSection(qsizetype claimedEnd, qsizetype end, BoardingPass &pass, Describe describe)
{
    if (claimedEnd <= end)
        return claimedEnd;
    pass.quirks << describe();
    return end;
}

// Items 1 and 5: the format code and the number of legs, on a pass long enough for one leg.
Result<void> checkStart(const QString &raw)
{
    if (raw.size() < kUniqueMandatoryLength + kLegMandatoryLength)
        return fail(QStringLiteral("BCBP_TOO_SHORT"),
                    QStringLiteral("%1 characters, a one-leg pass has at least %2").arg(raw.size()).arg(kUniqueMandatoryLength + kLegMandatoryLength));
    if (raw[0] != u'M' && raw[0] != u'm')
        return fail(QStringLiteral("BCBP_BAD_FORMAT"), QStringLiteral("format code '%1' at offset 0, only 'M' is supported").arg(raw[0]));
    if (raw[1] < u'1' || raw[1] > u'4')
        return fail(QStringLiteral("BCBP_BAD_LEG_COUNT"), QStringLiteral("number of legs '%1' at offset 1 is not 1-4").arg(raw[1]));
    return {};
}

// Lower case seen in the field (kitinerary's samples): fields compare in upper case;
// airline private and security data keep their case (they may be encoded data).
// Per character (QChar::toUpper), never QString::toUpper: 'ß' must not become "SS" and
// shift every offset after it.
QString upperCase(const QString &raw, BoardingPass &pass)
{
    QString text = raw;
    for (QChar &c : text)
        c = c.toUpper();
    // Reported from the structured first part only: private and security data may be
    // mixed case by design.
    if (QStringView(text).left(kUniqueMandatoryLength + kLegMandatoryLength) != QStringView(raw).left(kUniqueMandatoryLength + kLegMandatoryLength))
        pass.quirks << QStringLiteral("lower case letters");
    return text;
}

// Mandatory unique items 1, 5, 11 and 253.
void readUniqueMandatory(const QString &text, const QString &raw, BoardingPass &pass)
{
    pass.formatCode = text.left(1);
    pass.legCount = raw[1].digitValue();
    pass.passengerName = text.mid(2, 20).trimmed();
    const qsizetype slash = pass.passengerName.indexOf(u'/');
    pass.surname = (slash < 0 ? pass.passengerName : pass.passengerName.left(slash)).trimmed();
    pass.givenName = slash < 0 ? QString() : pass.passengerName.mid(slash + 1).trimmed();
    pass.electronicTicketIndicator = text.mid(22, 1).trimmed();
}

// Conditional unique items, in the first leg's variable section at `p`: '>' + version +
// item 10 (size), then the items. Returns the position after them.
Result<qsizetype> readUniqueConditional(const QString &text, qsizetype p, qsizetype end, BoardingPass &pass)
{
    if (p + 1 < end && text[p + 1].isDigit())
        pass.version = text[p + 1].digitValue();
    p += 2;
    if (p + 2 > end)
        return std::min(p, end);
    auto uniqueSize = hexSize(text, p, "field size of structured message (unique)");
    if (!uniqueSize)
        return std::unexpected(uniqueSize.error());
    p += 2;
    const qsizetype uniqueEnd =
        clampSection(p + *uniqueSize, end, pass, [&] {
            return QStringLiteral("unique conditional section at offset %1 claims %2 characters, %3 present").arg(p).arg(*uniqueSize).arg(end - p);
        });
    readFields(kUniqueConditional, text, p, uniqueEnd, pass);
    return uniqueEnd;
}

// Conditional repeated items of leg `leg` at `p`: item 17 (size), then the items. Returns the
// position after them; stray characters too few for a size field are skipped.
Result<qsizetype> readRepeatedConditional(const QString &text, qsizetype p, qsizetype end, int leg, BcbpLeg &l, BoardingPass &pass)
{
    if (p + 2 > end) {
        if (p < end) {
            pass.quirks << QStringLiteral("leg %1: %2 stray characters at offset %3").arg(leg).arg(end - p).arg(p);
            p = end;
        }
        return p;
    }
    auto repeatedSize = hexSize(text, p, "field size of structured message (repeated)");
    if (!repeatedSize)
        return std::unexpected(repeatedSize.error());
    p += 2;
    const qsizetype repeatedEnd =
        clampSection(p + *repeatedSize, end, pass, [&] {
            return QStringLiteral("leg %1: repeated conditional section at offset %2 claims %3 characters, %4 present")
                .arg(leg).arg(p).arg(*repeatedSize).arg(end - p);
        });
    readFields(kLegConditional, text, p, repeatedEnd, l);
    return repeatedEnd;
}

// Leg `leg` at `pos`: its mandatory items, item 6 (the variable section's size), the
// conditional items and the airline's private data, appended to the pass. Returns the
// position after the leg.
Result<qsizetype> readLeg(const QString &text, const QString &raw, qsizetype pos, int leg, BoardingPass &pass)
{
    if (text.size() - pos < kLegMandatoryLength)
        return fail(QStringLiteral("BCBP_TRUNCATED"),
                    QStringLiteral("leg %1 at offset %2 needs %3 characters, %4 left").arg(leg).arg(pos).arg(kLegMandatoryLength).arg(text.size() - pos));
    BcbpLeg l;
    readFields(kLegMandatory, text, pos, pos + kLegMandatoryLength - 2, l);
    auto size = hexSize(text, pos + kLegMandatoryLength - 2, "field size of variable size field");
    if (!size)
        return std::unexpected(size.error());
    l.variableSize = *size;
    pos += kLegMandatoryLength;
    const qsizetype end = clampSection(pos + *size, text.size(), pass, [&] {
        return QStringLiteral("leg %1: variable section at offset %2 claims %3 characters, %4 present")
            .arg(leg).arg(pos).arg(*size).arg(text.size() - pos);
    });
    qsizetype p = pos;
    if (leg == 1 && p < end && text[p] == u'>') {
        auto after = readUniqueConditional(text, p, end, pass);
        if (!after)
            return std::unexpected(after.error());
        p = *after;
    }
    auto after = readRepeatedConditional(text, p, end, leg, l, pass);
    if (!after)
        return std::unexpected(after.error());
    p = *after;
    if (p < end)
        l.airlinePrivateData = raw.mid(p, end - p);
    pass.legs.append(l);
    return end;
}

// Security data (items 25, 28, 29, 30) at `pos`, if there: '^', type, two hex digits of
// length, data. Returns the position after it.
Result<qsizetype> readSecurity(const QString &text, const QString &raw, qsizetype pos, BoardingPass &pass)
{
    if (pos >= text.size() || text[pos] != u'^')
        return pos;
    pass.hasSecurityData = true;
    if (pos + 4 > text.size())
        return fail(QStringLiteral("BCBP_TRUNCATED"), QStringLiteral("security section at offset %1 cut off before its length").arg(pos));
    pass.securityType = raw.mid(pos + 1, 1);
    auto length = hexSize(text, pos + 2, "length of security data");
    if (!length)
        return std::unexpected(length.error());
    pos += 4;
    const qsizetype n = clampSection(pos + *length, text.size(), pass, [&] {
        return QStringLiteral("security data at offset %1 claims %2 characters, %3 present").arg(pos).arg(*length).arg(text.size() - pos);
    }) - pos;
    pass.securityData = raw.mid(pos, n).toLatin1();
    return pos + n;
}

// What is left after the last section: blanks, or characters ignored.
void noteTrailing(const QString &text, qsizetype pos, BoardingPass &pass)
{
    if (pos >= text.size())
        return;
    const QStringView rest = QStringView(text).mid(pos);
    if (rest.trimmed().isEmpty())
        pass.quirks << QStringLiteral("%1 trailing blank characters").arg(rest.size());
    else
        pass.quirks << QStringLiteral("%1 characters after the last section at offset %2 ignored").arg(rest.size()).arg(pos);
}

} // namespace


int BcbpLeg::dayOfFlight() const
{
    bool ok = false;
    const int day = dayOfFlightRaw.toInt(&ok);
    return ok ? day : 0;
}

bool looksLikeBcbp(QByteArrayView data)
{
    return data.size() >= kUniqueMandatoryLength + kLegMandatoryLength && (data[0] == 'M' || data[0] == 'm')
           && data[1] >= '1' && data[1] <= '4';
}

Result<BoardingPass> parseBcbp(QByteArrayView data)
{
    // BCBP is ASCII; Latin-1 keeps one character per byte so offsets stay byte offsets.
    const QString raw = QString::fromLatin1(data.data(), data.size());
    if (auto start = checkStart(raw); !start)
        return std::unexpected(start.error());
    BoardingPass pass;
    const QString text = upperCase(raw, pass);
    readUniqueMandatory(text, raw, pass);
    qsizetype pos = kUniqueMandatoryLength;
    for (int leg = 1; leg <= pass.legCount; ++leg) {
        auto after = readLeg(text, raw, pos, leg, pass);
        if (!after)
            return std::unexpected(after.error());
        pos = *after;
    }
    auto after = readSecurity(text, raw, pos, pass);
    if (!after)
        return std::unexpected(after.error());
    noteTrailing(text, *after, pass);
    return pass;
}

Result<QDate> resolveDayOfFlight(int dayOfYear, const QDate &context)
{
    if (!context.isValid())
        return badDate(QStringLiteral("no context date to place Julian day %1 in a year").arg(dayOfYear));
    if (dayOfYear < 1 || dayOfYear > 366)
        return badDate(QStringLiteral("Julian day %1 is outside 1-366").arg(dayOfYear));
    std::optional<QDate> best;
    for (int year = context.year() - 1; year <= context.year() + 1; ++year) {
        if (dayOfYear > QDate(year, 1, 1).daysInYear())
            continue;
        const QDate candidate = QDate(year, 1, 1).addDays(dayOfYear - 1);
        if (!best || std::abs(candidate.daysTo(context)) < std::abs(best->daysTo(context)))
            best = candidate;
    }
    if (!best)
        return badDate(QStringLiteral("Julian day 366 in a year around %1 that is not a leap year").arg(context.year()));
    return *best;
}

Result<QDate> resolveDateOfIssue(QStringView raw, const QDate &context)
{
    bool ok = false;
    const int day = raw.size() == 4 ? raw.mid(1).toInt(&ok) : 0;
    if (!ok || !raw[0].isDigit() || !context.isValid())
        return badDate(QStringLiteral("date of issue '%1' is not 'YDDD'").arg(raw.toString()));
    int year = context.year() - ((context.year() % 10 - raw[0].digitValue() + 10) % 10);
    if (day < 1 || day > 366)
        return badDate(QStringLiteral("date of issue day %1 is outside 1-366").arg(day));
    QDate date = QDate(year, 1, 1).addDays(day - 1);
    if (date > context) {
        year -= 10;
        date = QDate(year, 1, 1).addDays(day - 1);
    }
    if (day > QDate(year, 1, 1).daysInYear())
        return badDate(QStringLiteral("date of issue day 366 in %1, not a leap year").arg(year));
    return date;
}

QJsonObject boardingPassToJson(const BoardingPass &pass, const QDate &context)
{
    auto put = [](QJsonObject &o, const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    QJsonObject out;
    out.insert(QStringLiteral("format"), pass.formatCode);
    out.insert(QStringLiteral("leg_count"), pass.legCount);
    out.insert(QStringLiteral("passenger_name"), pass.passengerName);
    out.insert(QStringLiteral("surname"), pass.surname);
    out.insert(QStringLiteral("given_name"), pass.givenName);
    out.insert(QStringLiteral("electronic_ticket"), pass.electronicTicketIndicator == QLatin1String("E"));
    if (pass.version)
        out.insert(QStringLiteral("version"), *pass.version);
    put(out, "passenger_description", pass.passengerDescription);
    put(out, "source_of_check_in", pass.sourceOfCheckIn);
    put(out, "source_of_issuance", pass.sourceOfIssuance);
    put(out, "date_of_issue_raw", pass.dateOfIssueRaw);
    if (!pass.dateOfIssueRaw.isEmpty() && context.isValid()) {
        if (auto d = resolveDateOfIssue(pass.dateOfIssueRaw, context))
            out.insert(QStringLiteral("date_of_issue"), d->toString(Qt::ISODate));
    }
    put(out, "document_type", pass.documentType);
    put(out, "issuer", pass.issuerDesignator);
    QJsonArray tags;
    for (const QString &t : {pass.baggageTag, pass.baggageTag2, pass.baggageTag3})
        if (!t.isEmpty())
            tags.append(t);
    if (!tags.isEmpty())
        out.insert(QStringLiteral("baggage_tags"), tags);
    QJsonArray legs;
    for (const BcbpLeg &l : pass.legs) {
        QJsonObject o;
        o.insert(QStringLiteral("pnr"), l.pnr);
        o.insert(QStringLiteral("from"), l.from);
        o.insert(QStringLiteral("to"), l.to);
        o.insert(QStringLiteral("carrier"), l.operatingCarrier);
        o.insert(QStringLiteral("flight_number"), l.flightNumber);
        o.insert(QStringLiteral("day_of_flight"), l.dayOfFlight());
        if (context.isValid()) {
            auto d = resolveDayOfFlight(l.dayOfFlight(), context);
            if (d)
                o.insert(QStringLiteral("date"), d->toString(Qt::ISODate));
            else
                o.insert(QStringLiteral("date_error"), d.error().code);
        }
        o.insert(QStringLiteral("compartment"), l.compartment);
        o.insert(QStringLiteral("seat"), l.seat);
        o.insert(QStringLiteral("check_in_sequence"), l.checkInSequence);
        o.insert(QStringLiteral("passenger_status"), l.passengerStatus);
        put(o, "airline_numeric_code", l.airlineNumericCode);
        put(o, "document_serial_number", l.documentSerialNumber);
        put(o, "selectee", l.selecteeIndicator);
        put(o, "international_document_verification", l.internationalDocumentVerification);
        put(o, "marketing_carrier", l.marketingCarrier);
        if (!l.frequentFlyerNumber.isEmpty() || !l.frequentFlyerAirline.isEmpty())
            o.insert(QStringLiteral("frequent_flyer"), QJsonObject{{QStringLiteral("airline"), l.frequentFlyerAirline},
                                                                   {QStringLiteral("number"), l.frequentFlyerNumber}});
        put(o, "id_ad_indicator", l.idAdIndicator);
        put(o, "free_baggage_allowance", l.freeBaggageAllowance);
        put(o, "fast_track", l.fastTrack);
        put(o, "airline_private_data", l.airlinePrivateData);
        legs.append(o);
    }
    out.insert(QStringLiteral("legs"), legs);
    if (pass.hasSecurityData)
        out.insert(QStringLiteral("security"), QJsonObject{{QStringLiteral("type"), pass.securityType},
                                                           {QStringLiteral("length"), pass.securityData.size()},
                                                           {QStringLiteral("data"), QString::fromLatin1(pass.securityData)}});
    if (!pass.quirks.isEmpty())
        out.insert(QStringLiteral("quirks"), QJsonArray::fromStringList(pass.quirks));
    return out;
}

} // namespace Kiosk::Bcbp
