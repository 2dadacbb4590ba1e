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

constexpr int kAlternatives = 3;          // runners-up kept per cell for the check-digit-guided correction
constexpr std::size_t kMaxDoubtful = 6;   // doubtful glyphs one check digit decides on (2^6 assignments tried)
constexpr float kUnsure = 0.1f;           // confidence of a glyph whose look-alike nothing could settle
constexpr float kSettled = 0.5f;          // at least this confidence for a look-alike its check digit settled

struct Choice
{
    int best = -1;
    std::array<int, kAlternatives> alternatives{-1, -1, -1}; // next best allowed classes
};

using Position = std::pair<int, int>; // line, position (0-based)

// The positions of a field with its own check digit, in reading order.
std::vector<Position> positionsOf(const CheckedSpan &field)
{
    std::vector<Position> pos;
    for (int i = 0; i < field.length; ++i)
        pos.emplace_back(field.line, field.start + i);
    return pos;
}

// The positions the composite check digit covers, in its order (ICAO 9303-3 §4.9).
std::vector<Position> compositePositions(const OcrLayout &shape)
{
    std::vector<Position> pos;
    for (const CompositeSpan &sp : shape.composite)
        for (int i = 0; i < sp.length; ++i)
            pos.emplace_back(sp.line, sp.start + i);
    return pos;
}

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
                  const std::vector<Position> &positions, Position checkAt)
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
    std::vector<Position> all = positions;
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
class LookAlikeResolver
{
public:
    LookAlikeResolver(const std::vector<std::vector<ClassScores>> &scores, const OcrLayout &shape, std::vector<std::vector<Choice>> &choices,
                      Decoded &d)
        : m_scores(scores)
        , m_shape(shape)
        , m_choices(choices)
        , m_d(d)
        // Visas have no composite check digit to catch a second error: they must be clearer.
        , m_gap(shape.compositeLine >= 0 ? kLookAlikeDoubt : kLookAlikeDoubtNoComposite)
        , m_covered(choices.size(), std::vector<bool>(choices.front().size(), false))
    {
    }

    void run()
    {
        for (const CheckedSpan &f : m_shape.fields) {
            if (f.length > 0)
                decideBy(positionsOf(f), {f.line, f.checkAt});
        }
        decideByComposite();
        markRoundDoubts();
    }

private:
    struct Amb
    {
        int l, i, partner;
    };
    using Assignment = std::pair<double, unsigned>; // (log-probability, mask of the flipped glyphs)

    [[nodiscard]] const Choice &choiceAt(int l, int i) const
    {
        return m_choices[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
    }
    [[nodiscard]] const ClassScores &scoresAt(int l, int i) const
    {
        return m_scores[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
    }

    // The glyphs among `pos` whose look-alike scores within `gap` of them.
    [[nodiscard]] std::vector<Amb> ambiguousIn(const std::vector<Position> &pos, float gap) const
    {
        std::vector<Amb> out;
        for (const auto &[l, i] : pos) {
            const CellKind kind = m_shape.kind(l, i);
            if (kind != CellKind::Any && kind != CellKind::AnyUnchecked && kind != CellKind::DigitOrFiller)
                continue;
            const Choice &ch = choiceAt(l, i);
            const ClassScores &sc = scoresAt(l, i);
            const int partner = lookAlikeOf(ch.best, sc);
            if (partner >= 0 && allowed(kind, kAlphabet[static_cast<std::size_t>(partner)])
                && sc[static_cast<std::size_t>(ch.best)] - sc[static_cast<std::size_t>(partner)] < gap)
                out.push_back({l, i, partner});
        }
        return out;
    }

    void unsure(const std::vector<Amb> &amb)
    {
        for (const Amb &a : amb)
            m_d.confidence[a.l][a.i] = std::min(m_d.confidence[a.l][a.i], kUnsure);
    }

    void decideBy(const std::vector<Position> &pos, Position checkAt)
    {
        const std::vector<Amb> amb = ambiguousIn(pos, m_gap);
        for (const auto &[l, i] : pos)
            m_covered[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)] = true;
        if (amb.empty())
            return;
        if (amb.size() > kMaxDoubtful) {
            unsure(amb);
            return;
        }
        std::vector<Assignment> passing = passingAssignments(pos, checkAt, amb);
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
        m_d.decidedRisk += 1.0f - share;
        m_d.decidedMin = std::min(m_d.decidedMin, share);
        take(amb, passing.front().second);
    }

    // Every assignment of the doubtful glyphs that passes the check digit, weighed by the
    // network: the likeliest is taken when it holds most of the probability of them all.
    [[nodiscard]] std::vector<Assignment> passingAssignments(const std::vector<Position> &pos, Position checkAt, const std::vector<Amb> &amb)
    {
        const auto text = [&] {
            QString s;
            for (const auto &[l, i] : pos)
                s += m_d.lines[l][i];
            return s;
        };
        std::vector<QChar> original;
        for (const Amb &a : amb)
            original.push_back(m_d.lines[a.l][a.i]);
        std::vector<Assignment> passing;
        for (unsigned mask = 0; mask < (1u << amb.size()); ++mask) {
            double logp = 0;
            for (std::size_t k = 0; k < amb.size(); ++k) {
                const bool flip = (mask >> k) & 1u;
                const int cls = flip ? amb[k].partner : choiceAt(amb[k].l, amb[k].i).best;
                m_d.lines[amb[k].l][amb[k].i] = flip ? QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(amb[k].partner)]) : original[k];
                logp += static_cast<double>(scoresAt(amb[k].l, amb[k].i)[static_cast<std::size_t>(cls)]);
            }
            if (Mrz::checkDigitMatches(text(), m_d.lines[checkAt.first][checkAt.second]))
                passing.emplace_back(logp, mask);
        }
        for (std::size_t k = 0; k < amb.size(); ++k)
            m_d.lines[amb[k].l][amb[k].i] = original[k];
        return passing;
    }

    // The assignment `mask` taken: its flipped glyphs read as their look-alike.
    void take(const std::vector<Amb> &amb, unsigned mask)
    {
        for (std::size_t k = 0; k < amb.size(); ++k) {
            if ((mask >> k) & 1u) {
                Choice &ch = m_choices[static_cast<std::size_t>(amb[k].l)][static_cast<std::size_t>(amb[k].i)];
                for (int &alt : ch.alternatives)
                    if (alt == amb[k].partner)
                        alt = ch.best;
                ch.best = amb[k].partner;
                m_d.lines[amb[k].l][amb[k].i] = QChar::fromLatin1(kAlphabet[static_cast<std::size_t>(amb[k].partner)]);
            }
            m_d.confidence[amb[k].l][amb[k].i] = std::max(m_d.confidence[amb[k].l][amb[k].i], kSettled);
        }
    }

    // Positions only the composite covers (TD1/TD2 optional data): when one is doubtful, the
    // composite decides over all it covers.
    void decideByComposite()
    {
        if (m_shape.compositeLine < 0)
            return;
        const std::vector<Position> all = compositePositions(m_shape);
        std::vector<Position> only;
        for (const auto &p : all)
            if (!m_covered[static_cast<std::size_t>(p.first)][static_cast<std::size_t>(p.second)])
                only.push_back(p);
        if (!ambiguousIn(only, m_gap).empty())
            decideBy(all, {m_shape.compositeLine, m_shape.compositeAt});
    }

    // What no check digit covers (MRV optional data) stands on the network's confidence
    // alone, like the names: the acceptance demands it (kAcceptConfidence). Except the round
    // pair O and 0, the one the network confuses most (its held-out errors): there a doubt
    // within kRoundDoubt leaves the character unsure.
    void markRoundDoubts()
    {
        std::vector<Position> rest;
        for (std::size_t l = 0; l < m_choices.size(); ++l)
            for (std::size_t i = 0; i < m_choices[l].size(); ++i)
                if (!m_covered[l][i])
                    rest.emplace_back(static_cast<int>(l), static_cast<int>(i));
        std::vector<Amb> round;
        for (const Amb &a : ambiguousIn(rest, kRoundDoubt)) {
            const char x = m_d.lines[a.l][a.i].toLatin1(), y = kAlphabet[static_cast<std::size_t>(a.partner)];
            if ((x == 'O' && y == '0') || (x == '0' && y == 'O'))
                round.push_back(a);
        }
        unsure(round);
    }

    const std::vector<std::vector<ClassScores>> &m_scores;
    const OcrLayout &m_shape;
    std::vector<std::vector<Choice>> &m_choices;
    Decoded &m_d;
    const float m_gap; // score gap under which a look-alike is a real doubt
    std::vector<std::vector<bool>> m_covered; // positions a check digit has decided on
};

// TD3 and MRV-A (44), TD2 and MRV-B (36) share their geometry: the document code's first
// letter decides (P or I/A/C against V).
const OcrLayout *layoutByDocumentCode(const OcrLayout *shape, const ClassScores &first)
{
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
    return shape;
}

// The likeliest class the position allows and its runners-up.
Choice choiceOf(const ClassScores &sc, CellKind kind)
{
    std::array<int, kClassCount> order{};
    int n = 0;
    for (int c = 0; c < kClassCount; ++c)
        if (allowed(kind, kAlphabet[static_cast<std::size_t>(c)]))
            order[static_cast<std::size_t>(n++)] = c;
    const int ranked = std::min(n, kAlternatives + 1);
    std::partial_sort(order.begin(), order.begin() + ranked, order.begin() + n,
                      [&](int a, int b) { return sc[static_cast<std::size_t>(a)] > sc[static_cast<std::size_t>(b)]; });
    Choice ch;
    ch.best = order[0];
    for (int k = 1; k < ranked; ++k)
        ch.alternatives[static_cast<std::size_t>(k - 1)] = order[static_cast<std::size_t>(k)];
    return ch;
}

// Every cell read as its choice: the lines, the confidences and the templates' quality.
std::vector<std::vector<Choice>> readCells(const OcrLayout &shape, const CellScores &cells, Decoded &d)
{
    const int lineCount = shape.lineCount, length = shape.lineLength;
    std::vector<std::vector<Choice>> choices(static_cast<std::size_t>(lineCount));
    double sum = 0;
    for (int l = 0; l < lineCount; ++l) {
        QString text;
        QList<float> conf;
        for (int i = 0; i < length; ++i) {
            const CellKind kind = shape.kind(l, i);
            const ClassScores &sc = cells.logp[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)];
            const Choice ch = choiceOf(sc, kind);
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
    return choices;
}

// What a check digit cannot see at one position. Where none covers (names, nationality, sex,
// MRV optional data) any misread passes: the risk is 1 - confidence. Where one covers, a
// substitution by a character of the same value modulo 10 passes too (ICAO 9303-3 §4.9
// weights every value mod 10: 0, A, K, U and '<' are one to it, as are 8, I and S, or 6, G
// and Q): the risk is the probability of those. Look-alikes the check digit could not settle
// were marked unsure (kUnsure) by the LookAlikeResolver.
float uncheckedRiskAt(const ClassScores &sc, CellKind kind, char16_t read, float confidence)
{
    if (unchecked(kind) || confidence <= kUnsure)
        return 1.0f - confidence;
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
    return all > 0 ? static_cast<float>(same / all) : 1.0f;
}

// The risk measures of the read for the acceptance (see Decoded).
void measureRisk(const std::vector<std::vector<ClassScores>> &scores, const OcrLayout &shape, Decoded &d)
{
    for (int l = 0; l < shape.lineCount; ++l)
        for (int i = 0; i < shape.lineLength; ++i) {
            const float risk = uncheckedRiskAt(scores[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)], shape.kind(l, i),
                                               d.lines[l][i].unicode(), d.confidence[l][i]);
            d.uncheckedRisk += risk;
            d.uncheckedMin = std::min(d.uncheckedMin, 1.0f - risk);
        }
    d.uncheckedRisk += d.decidedRisk;
    d.uncheckedMin = std::min(d.uncheckedMin, d.decidedMin);
    d.namePlausible = namePlausible(QStringView(d.lines[shape.nameLine]).mid(shape.nameStart, shape.nameLength));
    for (const CheckedSpan &f : shape.fields) {
        if (f.length == 0)
            continue;
        float risk = 1.0f - d.confidence[f.line][f.checkAt];
        for (int i = 0; i < f.length; ++i)
            risk += 1.0f - d.confidence[f.line][f.start + i];
        d.checkedRisk = std::max(d.checkedRisk, risk);
    }
}

} // namespace

Decoded decode(const Block &block, const CellScores &cells)
{
    const std::vector<std::vector<ClassScores>> &scores = cells.logp;
    Decoded d;
    const OcrLayout *shape = layoutByDocumentCode(block.shape, scores.front().front());
    d.shape = shape;
    std::vector<std::vector<Choice>> choices = readCells(*shape, cells, d);
    LookAlikeResolver(scores, *shape, choices, d).run();
    for (const CheckedSpan &f : shape->fields) {
        if (f.length > 0)
            correctField(scores, *shape, choices, d.lines, d.confidence, positionsOf(f), {f.line, f.checkAt});
    }
    if (shape->compositeLine >= 0)
        correctField(scores, *shape, choices, d.lines, d.confidence, compositePositions(*shape), {shape->compositeLine, shape->compositeAt});
    measureRisk(scores, *shape, d);
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
