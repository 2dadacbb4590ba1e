#include "scanner/ocr/mrzdecoding_p.h"

#include "scanner/mrz/checkdigit.h"
#include "scanner/mrz/lookalikes.h"
#include "scanner/ocr/mrzrecognizer_p.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

namespace Kiosk::Ocr::detail {

namespace {

// The glyph network's scores are natural-log probabilities; these thresholds are in nats.
constexpr float kMaxDrop = 7.0f;          // a substitute at most e^7 (~1100x) less likely than the read
constexpr float kSecondChange = 1.0f;     // two substitutions must cost more than one
constexpr float kUniqueFix = 2.3f;        // the chosen fix ~10x likelier than any other passing one
constexpr float kLookAlikeDoubt = 4.6f;   // a look-alike within 100x is a real doubt
constexpr float kLookAlikeDoubtNoComposite = 6.9f; // visas: no composite catches a second error
constexpr float kRoundDoubt = 4.6f;       // O/0 where no check digit covers: within 100x is a doubt
constexpr float kLookAlikeShare = 0.9f;   // the passing assignment taken holds this much of them all

struct Choice
{
    int best = -1;
    std::array<int, 3> alternatives{-1, -1, -1}; // next best allowed classes
};

// A character's confidence: the network's probability of the class it was read as, among
// the classes its position allows (a date digit the network took for an O is still a sure 0
// when no other digit competes: the check digit covers it).
float confidenceOf(const ClassScores &logp, int cls, CellKind kind)
{
    double sum = 0;
    for (int c = 0; c < kClassCount; ++c)
        if (allowed(kind, kAlphabet[static_cast<std::size_t>(c)]))
            sum += std::exp(static_cast<double>(logp[static_cast<std::size_t>(c)]));
    const double p = std::exp(static_cast<double>(logp[static_cast<std::size_t>(cls)]));
    return sum > 0 ? static_cast<float>(std::clamp(p / sum, 0.0, 1.0)) : 0.0f;
}

// The check-digit-guided choice (ICAO 9303-3 §4.9): where a field's check digit fails, the
// cheapest substitution of one or two characters by their runner-up classes (within a small
// score drop) that makes it pass, if clearly cheaper than any other passing substitution.
// Ambiguity leaves the field as read: a wrong read that passes is worse than no read.
void correctField(const std::vector<std::vector<ClassScores>> &scores, const OcrLayout &shape,
                  const std::vector<std::vector<Choice>> &choices, QStringList &lines, QList<QList<float>> &conf,
                  const std::vector<std::pair<int, int>> &positions, std::pair<int, int> checkAt)
{
    const auto text = [&] {
        QString s;
        for (const auto &[l, i] : positions)
            s += lines[l][i];
        return s;
    };
    const auto passes = [&] {
        const QChar cd = lines[checkAt.first][checkAt.second];
        return Mrz::checkDigitMatches(text(), cd);
    };
    if (passes())
        return;
    // A TD3 personal number left empty may carry '<' as its check digit (9303-4 §4.2.2).
    if (lines[checkAt.first][checkAt.second] == u'<' && text().count(u'<') == text().size())
        return;
    struct Sub { int l, i, cls; float drop; };
    std::vector<Sub> subs;
    std::vector<std::pair<int, int>> all = positions;
    all.push_back(checkAt);
    for (const auto &[l, i] : all) {
        const Choice &c = choices[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
        const ClassScores &sc = scores[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
        for (const int alt : c.alternatives) {
            if (alt < 0)
                continue;
            const float drop = sc[static_cast<std::size_t>(c.best)] - sc[static_cast<std::size_t>(alt)];
            if (drop <= kMaxDrop)
                subs.push_back({l, i, alt, drop});
        }
    }
    const auto apply = [&](const Sub &s) {
        const QChar old = lines[s.l][s.i];
        lines[s.l][s.i] = QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(s.cls)]);
        return old;
    };
    float bestCost = 1e9f, secondCost = 1e9f;
    std::vector<Sub> bestSet;
    for (std::size_t a = 0; a < subs.size(); ++a) {
        const QChar oa = apply(subs[a]);
        if (passes()) {
            const float cost = subs[a].drop;
            if (cost < bestCost) {
                secondCost = bestCost;
                bestCost = cost;
                bestSet = {subs[a]};
            } else {
                secondCost = std::min(secondCost, cost);
            }
        }
        for (std::size_t b = a + 1; b < subs.size(); ++b) {
            if (subs[b].l == subs[a].l && subs[b].i == subs[a].i)
                continue;
            const QChar ob = apply(subs[b]);
            if (passes()) {
                // Two changes must cost more than one: a penalty keeps single fixes first.
                const float cost = subs[a].drop + subs[b].drop + kSecondChange;
                if (cost < bestCost) {
                    secondCost = bestCost;
                    bestCost = cost;
                    bestSet = {subs[a], subs[b]};
                } else {
                    secondCost = std::min(secondCost, cost);
                }
            }
            lines[subs[b].l][subs[b].i] = ob;
        }
        lines[subs[a].l][subs[a].i] = oa;
    }
    if (bestSet.empty() || secondCost - bestCost < kUniqueFix)
        return;
    for (const Sub &s : bestSet) {
        apply(s);
        const ClassScores &sc = scores[static_cast<std::size_t>(s.l)][static_cast<std::size_t>(s.i)];
        // The corrected character's confidence: its own match against the one it displaced.
        conf[s.l][s.i] = confidenceOf(sc, s.cls, shape.kind(s.l, s.i));
    }
}

// The best-scoring look-alike of `best` across the letter/digit line (scanner/mrz/lookalikes.h;
// on a tie the commoner confusion), or -1. Every pair counts here, S/8 and G/6 too: that no
// check digit sees them swapped is why their doubt must make a glyph unsure.
int lookAlikeOf(int best, const ClassScores &sc)
{
    int partner = -1;
    for (const Mrz::LookAlike &pair : Mrz::kLookAlikes) {
        const int ca = static_cast<int>(kAlphabet.find(pair.letter)), cb = static_cast<int>(kAlphabet.find(pair.digit));
        const int other = best == ca ? cb : best == cb ? ca : -1;
        if (other >= 0 && (partner < 0 || sc[static_cast<std::size_t>(other)] > sc[static_cast<std::size_t>(partner)]))
            partner = other;
    }
    return partner;
}

// Where letters and digits may both stand (document numbers, optional data), a glyph whose
// look-alike scores nearly as well is ambiguous. The check digit decides when exactly one
// assignment of the ambiguous glyphs passes; when several pass (two Os at weights 3 and 7,
// any S/8 or G/6 swap: their values differ by a multiple of 10) nothing can decide, and the
// glyphs are marked unsure so that the read is not accepted.
void resolveLookAlikes(const std::vector<std::vector<ClassScores>> &scores, const OcrLayout &shape,
                       std::vector<std::vector<Choice>> &choices, Decoded &d)
{
    // Score gap under which a look-alike is a real doubt; visas have no composite check digit
    // to catch a second error, so they must be clearer.
    const float kAmbiguous = shape.compositeLine >= 0 ? kLookAlikeDoubt : kLookAlikeDoubtNoComposite;
    struct Amb { int l, i, partner; };
    std::vector<std::vector<bool>> covered(choices.size(), std::vector<bool>(choices.front().size(), false));
    const auto ambiguousIn = [&](const std::vector<std::pair<int, int>> &pos, float gap) {
        std::vector<Amb> out;
        for (const auto &[l, i] : pos) {
            const CellKind kind = shape.kind(l, i);
            if (kind != CellKind::Any && kind != CellKind::AnyUnchecked && kind != CellKind::DigitOrFiller)
                continue;
            const Choice &ch = choices[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            const ClassScores &sc = scores[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            const int partner = lookAlikeOf(ch.best, sc);
            if (partner >= 0 && allowed(kind, kAlphabet[static_cast<std::size_t>(partner)])
                && sc[static_cast<std::size_t>(ch.best)] - sc[static_cast<std::size_t>(partner)] < gap)
                out.push_back({l, i, partner});
        }
        return out;
    };
    const auto unsure = [&](const std::vector<Amb> &amb) {
        for (const Amb &a : amb)
            d.confidence[a.l][a.i] = std::min(d.confidence[a.l][a.i], 0.1f);
    };
    const auto decideBy = [&](const std::vector<std::pair<int, int>> &pos, std::pair<int, int> checkAt) {
        std::vector<Amb> amb = ambiguousIn(pos, kAmbiguous);
        for (const auto &[l, i] : pos)
            covered[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)] = true;
        if (amb.empty())
            return;
        if (amb.size() > 6) {
            unsure(amb);
            return;
        }
        const auto text = [&] {
            QString s;
            for (const auto &[l, i] : pos)
                s += d.lines[l][i];
            return s;
        };
        std::vector<QChar> original;
        for (const Amb &a : amb)
            original.push_back(d.lines[a.l][a.i]);
        // Every assignment of the doubtful glyphs that passes the check digit, weighed by the
        // network: the likeliest is taken when it holds most of the probability of them all.
        std::vector<std::pair<double, unsigned>> passing; // (log-probability, mask)
        for (unsigned mask = 0; mask < (1u << amb.size()); ++mask) {
            double logp = 0;
            for (std::size_t k = 0; k < amb.size(); ++k) {
                const bool flip = (mask >> k) & 1u;
                const int cls = flip ? amb[k].partner : choices[static_cast<std::size_t>(amb[k].l)][static_cast<std::size_t>(amb[k].i)].best;
                d.lines[amb[k].l][amb[k].i] = flip ? QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(amb[k].partner)]) : original[k];
                logp += static_cast<double>(scores[static_cast<std::size_t>(amb[k].l)][static_cast<std::size_t>(amb[k].i)][static_cast<std::size_t>(cls)]);
            }
            if (Mrz::checkDigitMatches(text(), d.lines[checkAt.first][checkAt.second]))
                passing.emplace_back(logp, mask);
        }
        for (std::size_t k = 0; k < amb.size(); ++k)
            d.lines[amb[k].l][amb[k].i] = original[k];
        if (passing.empty())
            return; // the field is wrong elsewhere; correctField may find it
        std::sort(passing.begin(), passing.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        double total = 0;
        for (const auto &[logp, mask] : passing)
            total += std::exp(logp - passing.front().first);
        const auto share = static_cast<float>(1.0 / total);
        if (share < kLookAlikeShare) {
            unsure(amb);
            return;
        }
        // What the other passing assignments hold is what this decision may get wrong.
        d.decidedRisk += 1.0f - share;
        d.decidedMin = std::min(d.decidedMin, share);
        const unsigned passMask = passing.front().second;
        for (std::size_t k = 0; k < amb.size(); ++k) {
            if ((passMask >> k) & 1u) {
                Choice &ch = choices[static_cast<std::size_t>(amb[k].l)][static_cast<std::size_t>(amb[k].i)];
                for (int &alt : ch.alternatives)
                    if (alt == amb[k].partner)
                        alt = ch.best;
                ch.best = amb[k].partner;
                d.lines[amb[k].l][amb[k].i] = QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(amb[k].partner)]);
            }
            d.confidence[amb[k].l][amb[k].i] = std::max(d.confidence[amb[k].l][amb[k].i], 0.5f);
        }
    };
    for (const CheckedSpan &f : shape.fields) {
        if (f.length == 0)
            continue;
        std::vector<std::pair<int, int>> pos;
        for (int i = 0; i < f.length; ++i)
            pos.emplace_back(f.line, f.start + i);
        decideBy(pos, {f.line, f.checkAt});
    }
    if (shape.compositeLine >= 0) {
        // Positions only the composite covers (TD1/TD2 optional data).
        std::vector<std::pair<int, int>> all, only;
        for (const CompositeSpan &sp : shape.composite)
            for (int i = 0; i < sp.length; ++i)
                all.emplace_back(sp.line, sp.start + i);
        for (const auto &p : all)
            if (!covered[static_cast<std::size_t>(p.first)][static_cast<std::size_t>(p.second)])
                only.push_back(p);
        if (!ambiguousIn(only, kAmbiguous).empty())
            decideBy(all, {shape.compositeLine, shape.compositeAt});
    }
    // What no check digit covers (MRV optional data) stands on the network's confidence
    // alone, like the names: the acceptance demands it (kAcceptConfidence). Except the round
    // pair O and 0, the one the network confuses most (its held-out errors): there a doubt
    // within kLookAlikeDoubtNoComposite leaves the character unsure.
    std::vector<std::pair<int, int>> rest;
    for (std::size_t l = 0; l < choices.size(); ++l)
        for (std::size_t i = 0; i < choices[l].size(); ++i)
            if (!covered[l][i])
                rest.emplace_back(static_cast<int>(l), static_cast<int>(i));
    std::vector<Amb> round;
    for (const Amb &a : ambiguousIn(rest, kRoundDoubt)) {
        const char x = d.lines[a.l][a.i].toLatin1(), y = kAlphabet[static_cast<std::size_t>(a.partner)];
        if ((x == 'O' && y == '0') || (x == '0' && y == 'O'))
            round.push_back(a);
    }
    unsure(round);
}

} // namespace

Decoded decode(const Block &block, const CellScores &cells)
{
    const std::vector<std::vector<ClassScores>> &scores = cells.logp;
    Decoded d;
    const OcrLayout *shape = block.shape;
    // TD3 and MRV-A (44), TD2 and MRV-B (36) share their geometry: the document code's first
    // letter decides (P or I/A/C against V).
    const ClassScores &first = scores.front().front();
    const auto scoreOf = [&](char c) { return first[kAlphabet.find(c)]; };
    for (const OcrLayout &other : kOcrLayouts) {
        if (&other == shape || other.lineCount != shape->lineCount || other.lineLength != shape->lineLength)
            continue;
        const auto letterScore = [&](const OcrLayout &s) {
            float best = scoreOf(s.documentCodeFirst.front());
            for (const char c : s.documentCodeFirst)
                best = std::max(best, scoreOf(c));
            return best;
        };
        if (letterScore(other) > letterScore(*shape))
            shape = &other;
    }
    d.shape = shape;
    const int lineCount = shape->lineCount, length = shape->lineLength;
    std::vector<std::vector<Choice>> choices(static_cast<std::size_t>(lineCount));
    double sum = 0;
    for (int l = 0; l < lineCount; ++l) {
        QString text;
        QList<float> conf;
        for (int i = 0; i < length; ++i) {
            const CellKind kind = shape->kind(l, i);
            const ClassScores &sc = scores[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            std::array<int, kClassCount> order{};
            int n = 0;
            for (int c = 0; c < kClassCount; ++c)
                if (allowed(kind, kAlphabet[static_cast<std::size_t>(c)]))
                    order[static_cast<std::size_t>(n++)] = c;
            std::partial_sort(order.begin(), order.begin() + std::min(n, 4), order.begin() + n,
                              [&](int a, int b) { return sc[static_cast<std::size_t>(a)] > sc[static_cast<std::size_t>(b)]; });
            Choice ch;
            ch.best = order[0];
            for (int k = 1; k < std::min(n, 4); ++k)
                ch.alternatives[static_cast<std::size_t>(k - 1)] = order[static_cast<std::size_t>(k)];
            const ClassScores &tc = cells.templates[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            text += QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(ch.best)]);
            conf.append(confidenceOf(sc, ch.best, kind));
            choices[static_cast<std::size_t>(l)].push_back(ch);
            sum += *std::max_element(tc.begin(), tc.end());
        }
        d.lines.append(text);
        d.confidence.append(conf);
    }
    d.quality = static_cast<float>(sum / (lineCount * length));
    resolveLookAlikes(scores, *shape, choices, d);

    for (const CheckedSpan &f : shape->fields) {
        if (f.length == 0)
            continue;
        std::vector<std::pair<int, int>> pos;
        for (int i = 0; i < f.length; ++i)
            pos.emplace_back(f.line, f.start + i);
        correctField(scores, *shape, choices, d.lines, d.confidence, pos, {f.line, f.checkAt});
    }
    if (shape->compositeLine >= 0) {
        std::vector<std::pair<int, int>> pos;
        for (const CompositeSpan &sp : shape->composite)
            for (int i = 0; i < sp.length; ++i)
                pos.emplace_back(sp.line, sp.start + i);
        correctField(scores, *shape, choices, d.lines, d.confidence, pos, {shape->compositeLine, shape->compositeAt});
    }
    // What a check digit cannot see. Where none covers (names, nationality, sex, MRV optional
    // data) any misread passes: the risk is 1 - confidence. Where one covers, a substitution
    // by a character of the same value modulo 10 passes too (ICAO 9303-3 §4.9 weights every
    // value mod 10: 0, A, K, U and '<' are one to it, as are 8, I and S, or 6, G and Q): the
    // risk is the probability of those. Look-alikes the check digit could not settle were
    // marked unsure (confidence 0.1) by resolveLookAlikes.
    for (int l = 0; l < lineCount; ++l)
        for (int i = 0; i < length; ++i) {
            const CellKind kind = shape->kind(l, i);
            const ClassScores &sc = scores[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            const char16_t read = d.lines[l][i].unicode();
            float risk = 0;
            if (unchecked(kind) || d.confidence[l][i] <= 0.1f) {
                risk = 1.0f - d.confidence[l][i];
            } else {
                double same = 0, all = 0;
                for (int c = 0; c < kClassCount; ++c) {
                    const char ch = kAlphabet[static_cast<std::size_t>(c)];
                    if (!allowed(kind, ch))
                        continue;
                    const double p = std::exp(static_cast<double>(sc[static_cast<std::size_t>(c)]));
                    all += p;
                    if (ch != read && Mrz::characterValue(static_cast<char16_t>(ch)) % 10 == Mrz::characterValue(read) % 10)
                        same += p;
                }
                risk = all > 0 ? static_cast<float>(same / all) : 1.0f;
            }
            d.uncheckedRisk += risk;
            d.uncheckedMin = std::min(d.uncheckedMin, 1.0f - risk);
        }
    d.uncheckedRisk += d.decidedRisk;
    d.uncheckedMin = std::min(d.uncheckedMin, d.decidedMin);
    d.namePlausible = namePlausible(QStringView(d.lines[shape->nameLine]).mid(shape->nameStart, shape->nameLength));
    for (const CheckedSpan &f : shape->fields) {
        if (f.length == 0)
            continue;
        float risk = 1.0f - d.confidence[f.line][f.checkAt];
        for (int i = 0; i < f.length; ++i)
            risk += 1.0f - d.confidence[f.line][f.start + i];
        d.checkedRisk = std::max(d.checkedRisk, risk);
    }
    return d;
}

// See mrzrecognizer_p.h (ICAO 9303-3 §4.6).
bool namePlausible(QStringView field)
{
    qsizetype i = 0;
    const auto word = [&] {
        const qsizetype from = i;
        while (i < field.size() && field[i] >= u'A' && field[i] <= u'Z')
            ++i;
        return i > from;
    };
    const auto parts = [&] {
        if (!word())
            return false;
        while (i + 1 < field.size() && field[i] == u'<' && field[i + 1] >= u'A' && field[i + 1] <= u'Z') {
            ++i;
            word();
        }
        return true;
    };
    if (!parts())
        return false;
    if (i + 2 < field.size() && field[i] == u'<' && field[i + 1] == u'<' && field[i + 2] != u'<') {
        i += 2;
        parts();
    }
    while (i < field.size() && field[i] == u'<')
        ++i;
    return i == field.size();
}

} // namespace Kiosk::Ocr::detail
