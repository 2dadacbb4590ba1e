#include "scanner/mrz/mrzcorrection_p.h"

#include "scanner/mrz/lookalikes.h"

#include <QLoggingCategory>

#include <vector>

namespace Kiosk::Mrz::detail {

// One category per module (conventions.md). Counts and field names only: never the text.
Q_LOGGING_CATEGORY(lcMrz, "kiosk.scanner.mrz")

namespace {

// The substitutions the search may try for one character of a field of class `kind`
// (lookalikes.h). Only an alphanumeric field is ambiguous by class: there every look-alike of
// the character is tried, except the pairs no check digit can tell apart (G/6, S/8: their
// values differ by a multiple of 10), which would only add false candidates; K/< (20 and 0)
// is no look-alike pair for the same reason. A check digit is a digit: a letter there is its
// digit look-alike.
int alternatives(char c, FieldKind kind, char out[3])
{
    int n = 0;
    if (kind == FieldKind::CheckDigit) {
        if (const char d = digitLookAlike(c))
            out[n++] = d;
        return n;
    }
    if (kind != FieldKind::AlphaNumeric)
        return 0;
    for (const LookAlike &pair : kLookAlikes) {
        const char partner = partnerIn(pair, c);
        if (partner && !checkDigitBlind(pair) && n < 3)
            out[n++] = partner;
    }
    return n;
}

struct Change
{
    Cell cell;
    char from;
    char to;
    Field field;
    int position; // 1-based within the field
};

constexpr int kMaxChanges = 2;        // the smallest combination wins; beyond 2 it is guessing
constexpr size_t kMaxCandidates = 64; // per field; more is ambiguous anyway
constexpr size_t kMaxProduct = 4096;  // combinations across fields checked against the composite

struct Combo
{
    Change changes[kMaxChanges];
    int count = 0;
};

struct Slot
{
    Cell cell;
    Field field;
    int position;
    char alt[3];
    int altCount;
};

void apply(Grid &grid, const Combo &combo, bool forward)
{
    for (int i = 0; i < combo.count; ++i) {
        const Change &c = combo.changes[i];
        grid.at(c.cell.line, c.cell.position) = forward ? c.to : c.from;
    }
}

// All combinations of the fewest substitutions (1, then 2) that make `cf` pass.
std::vector<Combo> candidates(Grid &grid, const CheckedField &cf)
{
    std::vector<Slot> sites;
    const int count = cf.count();
    for (int i = 0; i <= count; ++i) {
        const bool isCheck = i == count;
        Slot s{};
        s.cell = isCheck ? cf.checkCell : cf.cell(i);
        s.field = isCheck ? cf.check : cf.value;
        s.position = isCheck ? 1 : i + 1;
        s.altCount = alternatives(grid.at(s.cell.line, s.cell.position), isCheck ? FieldKind::CheckDigit : cf.kind(i), s.alt);
        if (s.altCount > 0)
            sites.push_back(s);
    }
    std::vector<Combo> found;
    const auto change = [&grid](const Slot &s, int a) {
        return Change{s.cell, grid.at(s.cell.line, s.cell.position), s.alt[a], s.field, s.position};
    };
    const auto test = [&](const Combo &combo) {
        apply(grid, combo, true);
        if (passes(grid, cf) && found.size() < kMaxCandidates)
            found.push_back(combo);
        apply(grid, combo, false);
    };
    for (size_t i = 0; i < sites.size(); ++i) {
        for (int a = 0; a < sites[i].altCount; ++a) {
            Combo combo;
            combo.changes[combo.count++] = change(sites[i], a);
            test(combo);
        }
    }
    if (!found.empty())
        return found;
    for (size_t i = 0; i < sites.size(); ++i) {
        for (size_t j = i + 1; j < sites.size(); ++j) {
            for (int a = 0; a < sites[i].altCount; ++a) {
                for (int b = 0; b < sites[j].altCount; ++b) {
                    Combo combo;
                    combo.changes[combo.count++] = change(sites[i], a);
                    combo.changes[combo.count++] = change(sites[j], b);
                    test(combo);
                }
            }
        }
    }
    return found;
}

void record(const Change &c, QList<Correction> &corrections)
{
    corrections.append(Correction{QString::fromLatin1(fieldName(c.field)), c.position, QLatin1Char(c.from), QLatin1Char(c.to)});
}

// Stage 1: characters impossible in their field's class become their look-alike.
void normalise(Grid &grid, QList<Correction> &corrections)
{
    for (const LayoutRow &row : grid.layout->rows) {
        for (int i = 0; i < row.length; ++i) {
            char &c = grid.at(row.line, row.position + i);
            char to = 0;
            switch (row.kind) {
            case FieldKind::Numeric:
            case FieldKind::CheckDigit:
                to = digitLookAlike(c);
                break;
            case FieldKind::Alpha:
            case FieldKind::Name:
                to = letterLookAlike(c);
                break;
            case FieldKind::AlphaNumeric:
            case FieldKind::Sex:
                break;
            }
            if (to) {
                record(Change{{row.line, static_cast<std::uint8_t>(row.position + i)}, c, to, row.field, i + 1}, corrections);
                c = to;
            }
        }
    }
}

QString fieldList(const std::vector<const CheckedField *> &fields)
{
    QStringList names;
    for (const CheckedField *f : fields)
        names.append(QString::fromLatin1(fieldName(f->value)));
    return names.join(QStringLiteral(", "));
}

} // namespace

void correct(Grid &grid, QList<Correction> &corrections, QList<Issue> &warnings)
{
    normalise(grid, corrections);

    // Stage 2: the fields whose check digit still fails.
    CheckPlan plan = planChecks(grid);
    std::vector<const CheckedField *> failing;
    for (int i = 0; i < plan.fieldCount; ++i) {
        if (!passes(grid, plan.fields[i]))
            failing.push_back(&plan.fields[i]);
    }
    if (failing.empty())
        return;
    std::vector<std::vector<Combo>> options;
    for (const CheckedField *f : failing)
        options.push_back(candidates(grid, *f));

    const auto notFound = [&](const QString &what) {
        qCDebug(lcMrz) << "correction: nothing found for" << what;
        warnings.append(Issue{QStringLiteral("MRZ_CORRECTION_NOT_FOUND"),
                              QStringLiteral("no look-alike substitution makes %1 pass; no check-digit-guided change made").arg(what)});
    };
    const auto ambiguous = [&](const QString &what, size_t count) {
        qCDebug(lcMrz) << "correction refused:" << count << "candidates for" << what;
        warnings.append(Issue{QStringLiteral("MRZ_CORRECTION_AMBIGUOUS"),
                              QStringLiteral("%1 different corrections make %2 pass; none applied").arg(count).arg(what)});
    };

    if (grid.layout->composite.empty()) {
        // Visas (9303-7) have no composite: each field on its own, if unique.
        for (size_t f = 0; f < failing.size(); ++f) {
            const QString what = QString::fromLatin1(fieldName(failing[f]->value));
            if (options[f].empty()) {
                notFound(what);
            } else if (options[f].size() > 1) {
                ambiguous(what, options[f].size());
            } else {
                apply(grid, options[f].front(), true);
                for (int c = 0; c < options[f].front().count; ++c)
                    record(options[f].front().changes[c], corrections);
            }
        }
        return;
    }

    const QString what = fieldList(failing) + QStringLiteral(" and the composite");
    size_t product = 1;
    for (const auto &o : options) {
        if (o.empty()) {
            notFound(what);
            return;
        }
        product *= o.size();
        if (product > kMaxProduct) {
            ambiguous(what, product);
            return;
        }
    }
    // Every combination of per-field candidates, checked against the composite.
    std::vector<size_t> pick(options.size(), 0);
    std::vector<size_t> hit;
    size_t hits = 0;
    for (size_t n = 0; n < product; ++n) {
        for (size_t f = 0; f < options.size(); ++f)
            apply(grid, options[f][pick[f]], true);
        if (compositePasses(grid)) {
            if (hits == 0)
                hit = pick;
            ++hits;
        }
        for (size_t f = options.size(); f-- > 0;)
            apply(grid, options[f][pick[f]], false);
        for (size_t f = 0; f < options.size(); ++f) { // odometer
            if (++pick[f] < options[f].size())
                break;
            pick[f] = 0;
        }
    }
    if (hits == 0) {
        notFound(what);
    } else if (hits > 1) {
        ambiguous(what, hits);
    } else {
        for (size_t f = 0; f < options.size(); ++f) {
            const Combo &combo = options[f][hit[f]];
            apply(grid, combo, true);
            for (int c = 0; c < combo.count; ++c)
                record(combo.changes[c], corrections);
        }
    }
}

} // namespace Kiosk::Mrz::detail
