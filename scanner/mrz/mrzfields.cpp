#include "scanner/mrz/mrzfields_p.h"

#include "scanner/mrz/countrycodes_p.h"

#include <array>
#include <cstdlib>

namespace Kiosk::Mrz::detail {

void addIssue(QList<Issue> &list, const char *code, QString message)
{
    list.append(Issue{QString::fromLatin1(code), std::move(message)});
}

QString latin1(std::string_view v)
{
    return QString::fromLatin1(v.data(), static_cast<qsizetype>(v.size()));
}

std::string_view stripFillers(std::string_view v)
{
    while (!v.empty() && v.back() == '<')
        v.remove_suffix(1);
    return v;
}

namespace {

// Runs of fillers become one space; leading and trailing fillers go (9303-3 §4.6).
QString fillersToSpaces(std::string_view v)
{
    while (!v.empty() && v.front() == '<')
        v.remove_prefix(1);
    v = stripFillers(v);
    QString out(static_cast<qsizetype>(v.size()), Qt::Uninitialized);
    QChar *d = out.data();
    qsizetype n = 0;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '<') {
            if (n > 0 && d[n - 1] != u' ')
                d[n++] = u' ';
        } else {
            d[n++] = QLatin1Char(v[i]);
        }
    }
    out.truncate(n);
    return out;
}

// A digit where only letters may stand is an error (without --correct; with it the
// correction has already replaced the look-alikes).
void checkLetters(const LayoutRow &row, std::string_view v, const char *what, MrzResult &result)
{
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] >= '0' && v[i] <= '9') {
            addIssue(result.errors, "MRZ_BAD_FIELD_CHARACTER",
                     QStringLiteral("%1: '%2' at line %3 column %4 is not a letter")
                         .arg(QLatin1String(what))
                         .arg(QLatin1Char(v[i]))
                         .arg(row.line)
                         .arg(row.position + static_cast<int>(i)));
            return;
        }
    }
}

// The code as a string (shared with the country table when known) and a warning when it is
// not in the ICAO 9303-3 list.
QString readCountry(std::string_view v, const char *what, MrzResult &result)
{
    const std::string_view code = stripFillers(v);
    if (const QString *known = internedCountryCode(code))
        return *known;
    addIssue(result.warnings, "MRZ_UNKNOWN_COUNTRY",
             code.empty() ? QStringLiteral("%1 is empty").arg(QLatin1String(what))
                          : QStringLiteral("%1 '%2' is not in the ICAO 9303-3 list").arg(QLatin1String(what), latin1(code)));
    return latin1(code);
}

// Document codes are one or two letters: shared strings instead of one allocation each.
QString documentCodeString(std::string_view code)
{
    static const std::array<QString, 26 * 27> kCodes = [] {
        std::array<QString, 26 * 27> t;
        for (int a = 0; a < 26; ++a) {
            t[static_cast<size_t>(a * 27)] = QString(QChar(u'A' + a));
            for (int b = 0; b < 26; ++b)
                t[static_cast<size_t>(a * 27 + b + 1)] = QString(QChar(u'A' + a)) + QChar(u'A' + b);
        }
        return t;
    }();
    const auto letter = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (code.size() == 1 && letter(code[0]))
        return kCodes[static_cast<size_t>((code[0] - 'A') * 27)];
    if (code.size() == 2 && letter(code[0]) && letter(code[1]))
        return kCodes[static_cast<size_t>((code[0] - 'A') * 27 + code[1] - 'A' + 1)];
    return latin1(code);
}

constexpr int daysInMonth(int month, int year) // year 0 = unknown: February may have 29
{
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && (year == 0 || QDate::isLeapYear(year)))
        return 29;
    return kDays[month - 1];
}

// ICAO 9303-3 §4.8: YYMMDD. Birth dates take the most recent century not after the
// reference date; other dates the century nearest to it. Only a birth date may have unknown
// parts ("<<", 9303-3 §4.8.2 note); an impossible date is an error value.
// The reference date's parts, taken apart once per document (QDate::year() and friends
// each convert from the Julian day).
struct Reference
{
    int year = 0;
    int month = 0;
    int day = 0;
    bool valid = false;
};

std::optional<QDate> readDate(std::string_view raw, bool birth, const Reference &reference, MrzResult &result)
{
    const QLatin1String what = birth ? QLatin1String("birth date") : QLatin1String("expiry date");
    int part[3] = {0, 0, 0}; // YY, MM, DD; -1 unknown
    bool unknown = false;
    for (int p = 0; p < 3; ++p) {
        const char a = raw[static_cast<size_t>(2 * p)];
        const char b = raw[static_cast<size_t>(2 * p + 1)];
        if (a >= '0' && a <= '9' && b >= '0' && b <= '9') {
            part[p] = (a - '0') * 10 + (b - '0');
        } else if (a == '<' && b == '<' && birth) {
            part[p] = -1;
            unknown = true;
        } else {
            const int bad = (a >= '0' && a <= '9') ? 2 * p + 1 : 2 * p;
            const char c = raw[static_cast<size_t>(bad)];
            addIssue(result.errors, "MRZ_BAD_DATE",
                     c == '<' && !birth
                         ? QStringLiteral("%1: filler at position %2; only a birth date may have unknown parts").arg(what).arg(bad + 1)
                         : QStringLiteral("%1: '%2' at position %3 is not a digit%4")
                               .arg(what)
                               .arg(QLatin1Char(c))
                               .arg(bad + 1)
                               .arg(birth ? QStringLiteral(" (an unknown part is written '<<')") : QString()));
            return std::nullopt;
        }
    }
    const int yy = part[0], mm = part[1], dd = part[2];
    if (mm != -1 && (mm < 1 || mm > 12)) {
        addIssue(result.errors, "MRZ_BAD_DATE", QStringLiteral("%1: month %2 does not exist").arg(what).arg(mm));
        return std::nullopt;
    }
    if (dd != -1 && (dd < 1 || dd > (mm == -1 ? 31 : daysInMonth(mm, 0)))) {
        addIssue(result.errors, "MRZ_BAD_DATE", QStringLiteral("%1: day %2 does not exist%3").arg(what).arg(dd).arg(mm == -1 ? QString() : QStringLiteral(" in month %1").arg(mm)));
        return std::nullopt;
    }
    if (unknown) {
        QStringList parts;
        if (yy < 0)
            parts.append(QStringLiteral("year"));
        if (mm < 0)
            parts.append(QStringLiteral("month"));
        if (dd < 0)
            parts.append(QStringLiteral("day"));
        addIssue(result.warnings, "MRZ_BIRTH_DATE_PARTIAL",
                 QStringLiteral("birth date has unknown parts (%1); kept as printed, no ISO date").arg(parts.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    if (!reference.valid)
        return std::nullopt;
    const int base = reference.year - reference.year % 100;
    int year = base + yy;
    if (birth) {
        // The most recent century whose date is not after the reference date.
        const auto key = [](int y, int m, int d) { return (y * 100 + m) * 100 + d; };
        if (key(year, mm, dd) > key(reference.year, reference.month, reference.day))
            year -= 100;
    } else {
        // The nearest century; a tie (50 years either way) goes to the later one.
        int best = year - 100;
        for (int candidate : {year, year + 100}) {
            if (std::abs(candidate - reference.year) <= std::abs(best - reference.year))
                best = candidate;
        }
        year = best;
    }
    if (dd > daysInMonth(mm, year)) {
        addIssue(result.errors, "MRZ_BAD_DATE", QStringLiteral("%1: %2-%3-%4 does not exist").arg(what).arg(year).arg(mm, 2, 10, QLatin1Char('0')).arg(dd, 2, 10, QLatin1Char('0')));
        return std::nullopt;
    }
    return QDate(year, mm, dd);
}

} // namespace

FieldViews::FieldViews(const Grid &grid)
{
    for (const LayoutRow &r : grid.layout->rows) {
        m_view[static_cast<size_t>(r.field)] = std::string_view(grid.ptr(r.line, r.position), r.length);
        m_row[static_cast<size_t>(r.field)] = &r;
    }
}

// Document code (9303-4/5/6/7 positions 1-2).
void readDocumentCode(const FieldViews &v, const Layout &layout, MrzResult &result)
{
    const std::string_view code = stripFillers(v(Field::DocumentCode));
    result.documentCode = documentCodeString(code);
    checkLetters(v.row(Field::DocumentCode), v(Field::DocumentCode), "document code", result);
    if (code.empty() || code.front() == '<') {
        addIssue(result.errors, "MRZ_BAD_DOCUMENT_CODE", QStringLiteral("document code is empty"));
    } else {
        if (layout.documentCodeFirst.find(code.front()) == std::string_view::npos)
            addIssue(result.warnings, "MRZ_UNUSUAL_DOCUMENT_CODE",
                     QStringLiteral("document code '%1' is unusual for %2").arg(result.documentCode, formatName(layout.format)));
    }
}

// Issuing state and nationality (9303-3 §5).
void readCountries(const FieldViews &v, MrzResult &result)
{
    checkLetters(v.row(Field::IssuingState), v(Field::IssuingState), "issuing state", result);
    result.issuingState = readCountry(v(Field::IssuingState), "issuing state", result);
    checkLetters(v.row(Field::Nationality), v(Field::Nationality), "nationality", result);
    result.nationality = readCountry(v(Field::Nationality), "nationality", result);
}

// Name (9303-3 §4.6): primary and secondary identifiers separated by "<<".
void readName(const FieldViews &v, MrzResult &result)
{
    const std::string_view name = v(Field::Name);
    checkLetters(v.row(Field::Name), name, "name", result);
    const size_t sep = name.find("<<");
    result.surname = fillersToSpaces(name.substr(0, sep));
    result.givenNames = sep == std::string_view::npos ? QString() : fillersToSpaces(name.substr(sep + 2));
    if (result.surname.isEmpty() && result.givenNames.isEmpty())
        addIssue(result.errors, "MRZ_NAME_EMPTY", QStringLiteral("the name field is empty"));
    if (name.back() != '<')
        addIssue(result.warnings, "MRZ_NAME_TRUNCATED", QStringLiteral("the name field is full: the name may be truncated (9303-3 §4.6.5)"));
}

// Checks: document number (with the TD1 overflow), dates, optional data, composite; then the
// document number and the optional data, which the overflow shares out.
void readChecksAndNumbers(const Grid &grid, const FieldViews &v, MrzResult &result)
{
    const CheckPlan plan = planChecks(grid);
    for (int i = 0; i < plan.fieldCount; ++i) {
        const CheckedField &cf = plan.fields[i];
        const bool ok = passes(grid, cf);
        switch (cf.value) {
        case Field::DocumentNumber:
            result.checks.documentNumber = ok;
            break;
        case Field::BirthDate:
            result.checks.birthDate = ok;
            break;
        case Field::ExpiryDate:
            result.checks.expiryDate = ok;
            break;
        case Field::OptionalData:
            result.checks.optionalData = ok;
            break;
        default:
            break;
        }
    }
    if (!grid.layout->composite.empty())
        result.checks.composite = compositePasses(grid);

    std::string_view optional = v(Field::OptionalData);
    if (plan.overflow) {
        if (plan.overflowError) {
            addIssue(result.errors, "MRZ_BAD_DOCUMENT_NUMBER",
                     QStringLiteral("the document-number check digit is '<' but the optional data does not continue the number (9303-5/-6 note j)"));
            result.documentNumber = latin1(stripFillers(v(Field::DocumentNumber)));
        } else {
            const CheckedField &number = plan.fields[0];
            QString joined = latin1(v(Field::DocumentNumber));
            joined += latin1(optional.substr(0, static_cast<size_t>(number.count() - 9)));
            result.documentNumber = std::move(joined);
            optional.remove_prefix(static_cast<size_t>(plan.overflowLength));
        }
    } else {
        result.documentNumber = latin1(stripFillers(v(Field::DocumentNumber)));
    }
    result.optionalData = latin1(stripFillers(optional));
    if (v.has(Field::OptionalData2))
        result.optionalData2 = latin1(stripFillers(v(Field::OptionalData2)));
}

void readDates(const FieldViews &v, const QDate &referenceDate, MrzResult &result)
{
    Reference reference;
    if (referenceDate.isValid()) {
        reference.valid = true;
        referenceDate.getDate(&reference.year, &reference.month, &reference.day);
    }
    result.birthDateRaw = latin1(v(Field::BirthDate));
    result.birthDate = readDate(v(Field::BirthDate), true, reference, result);
    result.expiryDateRaw = latin1(v(Field::ExpiryDate));
    result.expiryDate = readDate(v(Field::ExpiryDate), false, reference, result);
}

// Sex (9303-4 note: F, M, or '<' unspecified; 9303-3 (8th ed.) also X).
void readSex(const FieldViews &v, MrzResult &result)
{
    static const QString kMale = QStringLiteral("M");
    static const QString kFemale = QStringLiteral("F");
    static const QString kUnspecified = QStringLiteral("X");
    switch (const char s = v(Field::Sex).front()) {
    case 'M':
        result.sex = kMale;
        break;
    case 'F':
        result.sex = kFemale;
        break;
    case '<':
    case 'X':
        result.sex = kUnspecified;
        break;
    default:
        result.sex = QString(QLatin1Char(s));
        addIssue(result.errors, "MRZ_BAD_SEX", QStringLiteral("sex '%1' is not M, F, X or <").arg(QLatin1Char(s)));
        break;
    }
}

} // namespace Kiosk::Mrz::detail
