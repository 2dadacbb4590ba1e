#include "tests/support/ocrcorpus.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QTransform>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>
#include <numbers>

namespace Kiosk::OcrCorpus {

QString tierName(Tier tier)
{
    switch (tier) {
    case Tier::Clean: return QStringLiteral("clean");
    case Tier::Ordinary: return QStringLiteral("ordinary");
    case Tier::Hard: return QStringLiteral("hard");
    }
    return {};
}

QString layoutName(Layout layout)
{
    switch (layout) {
    case Layout::TD1: return QStringLiteral("TD1");
    case Layout::TD2: return QStringLiteral("TD2");
    case Layout::TD3: return QStringLiteral("TD3");
    case Layout::MRVA: return QStringLiteral("MRVA");
    case Layout::MRVB: return QStringLiteral("MRVB");
    }
    return {};
}

std::optional<Tier> tierFromName(QStringView name)
{
    for (const Tier t : {Tier::Clean, Tier::Ordinary, Tier::Hard})
        if (name == tierName(t))
            return t;
    return std::nullopt;
}

namespace {

// A small random helper over QRandomGenerator (seeded, so every sample is reproducible).
class Rng
{
public:
    explicit Rng(quint64 seed) : m_gen(static_cast<quint32>(seed ^ (seed >> 32)) * 2654435761u + 17u) {}
    double uniform(double lo, double hi) { return lo + (hi - lo) * m_gen.generateDouble(); }
    int integer(int lo, int hiInclusive) { return static_cast<int>(m_gen.bounded(lo, hiInclusive + 1)); }
    bool chance(double p) { return m_gen.generateDouble() < p; }
    template<typename T, std::size_t N> const T &pick(const std::array<T, N> &items)
    {
        return items[static_cast<std::size_t>(integer(0, static_cast<int>(N) - 1))];
    }
    quint32 raw() { return m_gen.generate(); }

private:
    QRandomGenerator m_gen;
};

// ICAO 9303-3 §4.9, written here independently of scanner/mrz so the corpus is a truth the
// parser is tested against, not one derived from it.
QChar checkChar(QStringView text)
{
    static constexpr std::array<int, 3> weights{7, 3, 1};
    int sum = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        int v = 0;
        if (c >= u'0' && c <= u'9')
            v = c - u'0';
        else if (c >= u'A' && c <= u'Z')
            v = c - u'A' + 10;
        sum += v * weights[static_cast<std::size_t>(i % 3)];
    }
    return QChar(u'0' + sum % 10);
}

QString fit(QString s, int width)
{
    if (s.size() > width)
        s.truncate(width);
    return s.leftJustified(width, u'<');
}

constexpr std::array<const char *, 24> kSurnames{
    "MARLOWE", "OKONKWO", "VASQUEZ", "LINDQVIST", "HASANOV", "PETRENKO", "NAKAMURA", "OLIVEIRA",
    "KOWALSKI", "BERGSTROM", "ABDULLAYEV", "FONTAINE", "MORENO", "DUBOIS", "IVANOVA", "KARIMOVA",
    "NGUYEN", "SCHMIDT", "ROSSI", "MAMMADOV", "OZTURK", "WILLIAMSON", "GARCIA DE LA CRUZ", "EK"};
constexpr std::array<const char *, 24> kGiven{
    "ANNA", "JAMAL", "LEYLA", "PIOTR", "SOFIA", "RASHAD", "MEI", "TOMAS", "INGRID", "KOFI",
    "AYSEL", "MARIA JOSE", "OLEG", "NADIA", "YUKI", "ELIF", "JOHN PAUL", "FARID", "ZARA", "LUCA",
    "GUNEL", "ANDRE", "XAVIER", "QUINN"};
constexpr std::array<const char *, 20> kStates{
    "UTO", "AZE", "D<<", "GEO", "TUR", "RUS", "UKR", "KAZ", "FRA", "ITA",
    "NLD", "GBR", "USA", "JPN", "CHN", "IND", "BRA", "XXA", "POL", "SWE"};
constexpr std::string_view kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

QString randomDigits(Rng &rng, int n)
{
    QString s;
    for (int i = 0; i < n; ++i)
        s += QChar(u'0' + rng.integer(0, 9));
    return s;
}

QString randomAlnum(Rng &rng, int n, double letterShare)
{
    QString s;
    for (int i = 0; i < n; ++i)
        s += rng.chance(letterShare) ? QChar(u'A' + rng.integer(0, 25))
                                      : QChar(u'0' + rng.integer(0, 9));
    return s;
}

QString yymmdd(Rng &rng, int yearLo, int yearHi)
{
    const int y = rng.integer(yearLo, yearHi) % 100;
    const int m = rng.integer(1, 12);
    const int d = rng.integer(1, 28);
    return QStringLiteral("%1%2%3").arg(y, 2, 10, QChar(u'0')).arg(m, 2, 10, QChar(u'0')).arg(d, 2, 10, QChar(u'0'));
}

struct Person
{
    QString surname, given, state, nationality, docNumber, birth, sex, expiry;
};

Person randomPerson(Rng &rng)
{
    Person p;
    p.surname = QString::fromLatin1(rng.pick(kSurnames));
    p.given = QString::fromLatin1(rng.pick(kGiven));
    if (rng.chance(0.15))
        p.given.clear(); // a holder with one name
    p.state = QString::fromLatin1(rng.pick(kStates));
    p.nationality = rng.chance(0.8) ? p.state : QString::fromLatin1(rng.pick(kStates));
    p.docNumber = rng.chance(0.5) ? randomAlnum(rng, rng.integer(7, 9), 0.3) : randomDigits(rng, 9);
    p.birth = yymmdd(rng, 1940, 2019);
    p.sex = QString(QChar(rng.pick(std::array<char16_t, 4>{u'M', u'F', u'F', u'<'})));
    if (rng.chance(0.05))
        p.sex = QStringLiteral("X");
    p.expiry = yymmdd(rng, 2024, 2037);
    return p;
}

QString nameField(const Person &p, int width)
{
    QString s = p.surname;
    s.replace(u' ', u'<');
    s += QStringLiteral("<<");
    QString g = p.given;
    g.replace(u' ', u'<');
    s += g;
    return fit(s, width);
}

QStringList composeMrz(const Person &p, Layout layout, Rng &rng)
{
    const QString doc9 = fit(p.docNumber, 9);
    const QString docPart = doc9 + checkChar(doc9);
    const QString birthPart = p.birth + checkChar(p.birth);
    const QString expiryPart = p.expiry + checkChar(p.expiry);
    switch (layout) {
    case Layout::TD3: {
        const QString l1 = QStringLiteral("P<") + p.state + nameField(p, 39);
        const QString personal = rng.chance(0.5) ? fit(randomAlnum(rng, rng.integer(6, 14), 0.1), 14) : fit({}, 14);
        const QChar personalCheck = personal.startsWith(u'<') ? QChar(u'<') : checkChar(personal);
        QString l2 = docPart + p.nationality + birthPart + p.sex + expiryPart + personal + personalCheck;
        const QString composite = l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 22);
        return {l1, l2 + checkChar(composite)};
    }
    case Layout::TD1: {
        const QString code = QString::fromLatin1(rng.pick(std::array<const char *, 3>{"I<", "ID", "AC"}));
        const QString opt1 = fit(rng.chance(0.5) ? randomDigits(rng, rng.integer(3, 12)) : QString(), 15);
        const QString l1 = code + p.state + docPart + opt1;
        const QString opt2 = fit(rng.chance(0.3) ? randomAlnum(rng, rng.integer(2, 11), 0.5) : QString(), 11);
        const QString l2 = birthPart + p.sex + expiryPart + p.nationality + opt2;
        const QString composite = l1.mid(5, 25) + l2.mid(0, 7) + l2.mid(8, 7) + l2.mid(18, 11);
        return {l1, l2 + checkChar(composite), nameField(p, 30)};
    }
    case Layout::TD2: {
        const QString code = QString::fromLatin1(rng.pick(std::array<const char *, 2>{"I<", "ID"}));
        const QString l1 = code + p.state + nameField(p, 31);
        const QString opt = fit(rng.chance(0.4) ? randomDigits(rng, rng.integer(1, 7)) : QString(), 7);
        const QString l2 = docPart + p.nationality + birthPart + p.sex + expiryPart + opt;
        const QString composite = l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 14);
        return {l1, l2 + checkChar(composite)};
    }
    case Layout::MRVA:
    case Layout::MRVB: {
        const bool a = layout == Layout::MRVA;
        const QString l1 = QStringLiteral("V<") + p.state + nameField(p, a ? 39 : 31);
        const QString opt = fit(rng.chance(0.4) ? randomAlnum(rng, rng.integer(2, 8), 0.5) : QString(), a ? 16 : 8);
        return {l1, docPart + p.nationality + birthPart + p.sex + expiryPart + opt};
    }
    }
    return {};
}

// Page sizes in millimetres (ICAO 9303-3 §2, 9303-7 for visas).
QSizeF pageSizeMm(Layout layout)
{
    switch (layout) {
    case Layout::TD1: return {85.6, 53.98};
    case Layout::TD2: return {105.0, 74.0};
    case Layout::TD3: return {125.0, 88.0};
    case Layout::MRVA: return {120.0, 80.0};
    case Layout::MRVB: return {105.0, 74.0};
    }
    return {125.0, 88.0};
}

struct TierParams
{
    double dpiLo, dpiHi;
    double maxRotation;     // degrees
    double upsideDown;      // probability
    double perspective;     // max corner jitter, share of the page size
    double blurLo, blurHi;  // Gaussian sigma in pixels
    double noiseLo, noiseHi;
    double lightDepth;      // max darkening by the illumination gradient
    double shadow, glare, lowRes; // probabilities
    int jpegLo, jpegHi;
};

TierParams paramsFor(Tier tier)
{
    switch (tier) {
    case Tier::Clean: return {150, 200, 2.0, 0.0, 0.0, 0.0, 0.5, 0.0, 3.0, 0.1, 0.0, 0.0, 0.0, 72, 86};
    case Tier::Ordinary: return {140, 200, 8.0, 0.15, 0.025, 0.3, 1.0, 2.0, 6.0, 0.35, 0.3, 0.2, 0.0, 65, 80};
    case Tier::Hard: return {120, 180, 15.0, 0.25, 0.05, 0.6, 1.5, 4.0, 10.0, 0.5, 0.5, 0.5, 0.3, 50, 70};
    }
    return paramsFor(Tier::Clean);
}

void drawGuilloche(QPainter &p, const QRectF &area, Rng &rng, double mm)
{
    const QColor ink = QColor::fromHsv(rng.integer(0, 359), rng.integer(40, 110), rng.integer(150, 215));
    QPen pen(ink, std::max(0.6, rng.uniform(0.06, 0.14) * mm));
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const int waves = rng.integer(18, 36);
    const double lambda = rng.uniform(8, 20) * mm;
    const double amp = rng.uniform(1.5, 5.0) * mm;
    for (int k = 0; k < waves; ++k) {
        QPainterPath path;
        const double y0 = area.top() + area.height() * k / waves;
        const double phase = k * rng.uniform(0.2, 0.5);
        for (double x = area.left(); x <= area.right() + 1; x += mm * 0.5) {
            const double y = y0 + amp * std::sin(2 * std::numbers::pi * x / lambda + phase)
                             + amp * 0.4 * std::sin(2 * std::numbers::pi * x / (lambda * 2.7) - phase);
            if (x == area.left())
                path.moveTo(x, y);
            else
                path.lineTo(x, y);
        }
        p.drawPath(path);
    }
    // A rosette, as on many data pages.
    const QPointF c(area.left() + area.width() * rng.uniform(0.5, 0.85), area.top() + area.height() * rng.uniform(0.3, 0.6));
    const double r0 = rng.uniform(12, 22) * mm;
    const int petals = rng.integer(7, 15);
    for (int ring = 0; ring < 6; ++ring) {
        QPainterPath path;
        for (int i = 0; i <= 360; i += 2) {
            const double t = i * std::numbers::pi / 180.0;
            const double r = r0 * (0.55 + 0.08 * ring) + 2.5 * mm * std::sin(petals * t + ring * 0.6);
            const QPointF pt = c + QPointF(r * std::cos(t), r * std::sin(t));
            if (i == 0)
                path.moveTo(pt);
            else
                path.lineTo(pt);
        }
        p.drawPath(path);
    }
}

void drawPhoto(QPainter &p, const QRectF &r, Rng &rng)
{
    p.save();
    p.setClipRect(r);
    QLinearGradient g(r.topLeft(), r.bottomLeft());
    const int base = rng.integer(150, 220);
    g.setColorAt(0, QColor(base, base, base + 10 > 255 ? 255 : base + 10));
    g.setColorAt(1, QColor(base - 40, base - 35, base - 30));
    p.setPen(Qt::NoPen);
    p.setBrush(g);
    p.drawRect(r);
    const int skin = rng.integer(60, 170);
    p.setBrush(QColor(skin, skin - 10 < 0 ? 0 : skin - 10, skin - 25 < 0 ? 0 : skin - 25));
    p.drawEllipse(QRectF(r.left() + r.width() * 0.28, r.top() + r.height() * 0.15, r.width() * 0.44, r.height() * 0.5));
    const int cloth = rng.integer(20, 120);
    p.setBrush(QColor(cloth, cloth, cloth + 20));
    p.drawEllipse(QRectF(r.left() + r.width() * 0.05, r.top() + r.height() * 0.68, r.width() * 0.9, r.height() * 0.6));
    p.setBrush(QColor(rng.integer(10, 90), rng.integer(10, 60), rng.integer(0, 40)));
    p.drawChord(QRectF(r.left() + r.width() * 0.26, r.top() + r.height() * 0.11, r.width() * 0.48, r.height() * 0.3), 0, 180 * 16);
    p.restore();
}


// Renders the data page (page pixels) and returns it; the MRZ block's rectangle in `mrzRect`.
QImage renderPage(const QStringList &mrz, Layout layout, const Person &person, double dpi, Tier tier,
                  bool textInsteadOfMrz, Rng &rng)
{
    const double mm = dpi / 25.4;
    const QSizeF sizeMm = pageSizeMm(layout);
    QImage page(qRound(sizeMm.width() * mm), qRound(sizeMm.height() * mm), QImage::Format_RGB32);
    page.fill(QColor::fromHsv(rng.integer(0, 359), rng.integer(8, 40), rng.integer(228, 250)));
    QPainter p(&page);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);

    const int lineCount = layout == Layout::TD1 ? 3 : 2;
    const double mrzHeightMm = lineCount == 3 ? 17.0 : 12.5;
    const QRectF mrzZone(0, page.height() - mrzHeightMm * mm, page.width(), mrzHeightMm * mm);
    drawGuilloche(p, QRectF(0, 0, page.width(), page.height()), rng, mm);
    // ICAO 9303-3 §3.2: the MRZ zone is kept free of print; hard pages let a faint pattern in.
    QColor clear = page.pixelColor(1, 1);
    if (tier == Tier::Hard)
        clear.setAlpha(rng.integer(170, 235));
    p.fillRect(mrzZone, clear);

    // Header and visual zone.
    QFont sans(QStringLiteral("DejaVu Sans"));
    sans.setBold(true);
    sans.setPixelSize(std::max(6, qRound(3.2 * mm)));
    p.setFont(sans);
    p.setPen(QColor(40, 40, 90));
    const bool visa = layout == Layout::MRVA || layout == Layout::MRVB;
    p.drawText(QPointF(5 * mm, 6 * mm), visa ? QStringLiteral("VISA") : layout == Layout::TD3 ? QStringLiteral("PASSPORT")
                                                                                             : QStringLiteral("IDENTITY CARD"));
    const double photoW = (layout == Layout::TD1 ? 20 : 28) * mm;
    const QRectF photo(4 * mm, 9 * mm, photoW, photoW * 1.28);
    if (photo.bottom() < mrzZone.top())
        drawPhoto(p, photo, rng);
    QFont label(QStringLiteral("DejaVu Sans"));
    label.setPixelSize(std::max(5, qRound(1.5 * mm)));
    QFont value(QStringLiteral("DejaVu Sans"));
    value.setPixelSize(std::max(6, qRound(2.4 * mm)));
    const std::array<std::pair<const char *, QString>, 6> fields{{
        {"Surname / Nom", person.surname},
        {"Given names / Prenoms", person.given},
        {"Nationality", person.nationality},
        {"Date of birth", person.birth},
        {"Sex", person.sex == QStringLiteral("<") ? QStringLiteral("X") : person.sex},
        {"Date of expiry", person.expiry},
    }};
    double y = 10 * mm;
    const double x = photo.right() + 4 * mm;
    for (const auto &[l, v] : fields) {
        if (y + 5 * mm > mrzZone.top())
            break;
        p.setFont(label);
        p.setPen(QColor(70, 70, 110));
        p.drawText(QPointF(x, y), QString::fromLatin1(l));
        p.setFont(value);
        p.setPen(QColor(20, 20, 20));
        p.drawText(QPointF(x, y + 3 * mm), v.isEmpty() ? QStringLiteral("-") : v);
        y += (layout == Layout::TD1 ? 5.2 : 7.0) * mm;
    }

    // The MRZ: OCR-B, 10 characters per inch (ICAO 9303-3 §4.2: 2.54 mm pitch), one glyph per
    // cell so the pitch is exact whatever the font's own advance.
    const int chars = mrz.isEmpty() ? (layout == Layout::TD1 ? 30 : (layout == Layout::TD3 || layout == Layout::MRVA) ? 44 : 36)
                                    : static_cast<int>(mrz.first().size());
    const double pitch = 2.54 * mm * rng.uniform(0.985, 1.015);
    const double linePitch = rng.uniform(4.2, 5.0) * mm;
    QFont ocrb(QStringLiteral("OCR B"));
    ocrb.setPixelSize(100);
    const double capPer100 = QFontMetricsF(ocrb).capHeight();
    ocrb.setPixelSize(std::max(4, qRound(rng.uniform(2.3, 2.6) * mm * 100.0 / capPer100)));
    const double left = (page.width() - chars * pitch) / 2.0 + rng.uniform(-1.0, 1.0) * mm;
    const double lastBaseline = page.height() - rng.uniform(3.5, 4.5) * mm;
    const int ink = rng.integer(10, 55);
    p.setPen(QColor(ink, ink, ink + rng.integer(0, 20)));
    if (textInsteadOfMrz) {
        // A hard negative: uppercase words in a proportional font where an MRZ would be.
        QFont words(QStringLiteral("DejaVu Sans"));
        words.setPixelSize(ocrb.pixelSize());
        p.setFont(words);
        for (int l = 0; l < lineCount; ++l) {
            QString text;
            while (text.size() < chars - 8)
                text += QString::fromLatin1(rng.pick(kSurnames)) + QLatin1Char(' ') + randomDigits(rng, rng.integer(1, 6)) + QLatin1Char(' ');
            p.drawText(QPointF(left, lastBaseline - (lineCount - 1 - l) * linePitch), text.left(chars - 6));
        }
    } else {
        p.setFont(ocrb);
        const QFontMetricsF fm(ocrb);
        for (int l = 0; l < mrz.size(); ++l) {
            const double baseline = lastBaseline - static_cast<double>(mrz.size() - 1 - l) * linePitch;
            for (int i = 0; i < mrz[l].size(); ++i) {
                const QString c(mrz[l][i]);
                const double cx = left + (i + 0.5) * pitch;
                p.drawText(QPointF(cx - fm.horizontalAdvance(c) / 2.0, baseline), c);
            }
        }
    }
    p.end();
    return page;
}

cv::Mat toMat(const QImage &img)
{
    const QImage rgb = img.convertToFormat(QImage::Format_RGB888);
    cv::Mat m(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()), static_cast<size_t>(rgb.bytesPerLine()));
    return m.clone();
}

QImage toImage(const cv::Mat &m)
{
    QImage img(m.data, m.cols, m.rows, static_cast<qsizetype>(m.step), QImage::Format_RGB888);
    return img.copy();
}

} // namespace

QStringList randomMrz(quint64 seed, Layout layout)
{
    Rng rng(seed);
    const Person person = randomPerson(rng);
    return composeMrz(person, layout, rng);
}

Sample generate(quint64 seed, const Options &options)
{
    Rng rng(seed);
    const TierParams tp = paramsFor(options.tier);
    const Person person = randomPerson(rng);
    Sample sample;
    if (options.withMrz)
        sample.lines = composeMrz(person, options.layout, rng);
    const bool textInstead = !options.withMrz && rng.chance(0.5);

    // Pose first: in frame mode the page is scaled to fit the frame, which fixes the dpi.
    const QSizeF sizeMm = pageSizeMm(options.layout);
    double rotation = rng.uniform(-tp.maxRotation, tp.maxRotation);
    if (rng.chance(tp.upsideDown))
        rotation += 180.0;
    const double rad = rotation * std::numbers::pi / 180.0;
    const double bboxW = std::abs(sizeMm.width() * std::cos(rad)) + std::abs(sizeMm.height() * std::sin(rad));
    const double bboxH = std::abs(sizeMm.width() * std::sin(rad)) + std::abs(sizeMm.height() * std::cos(rad));
    double dpi = rng.uniform(tp.dpiLo, tp.dpiHi);
    QSize frame = options.frame;
    const double fill = rng.uniform(0.72, 0.92);
    if (frame.isValid()) {
        dpi = std::min(frame.width() / (bboxW / 25.4), frame.height() / (bboxH / 25.4)) * fill;
    } else {
        const double mm = dpi / 25.4;
        frame = QSize(qRound(bboxW * mm / fill), qRound(bboxH * mm / fill));
    }

    const QImage page = renderPage(sample.lines, options.layout, person, dpi, options.tier, textInstead, rng);

    // The scene: a desk, the page rotated and in perspective, a glare spot.
    QImage scene(frame, QImage::Format_RGB32);
    {
        QPainter p(&scene);
        QLinearGradient desk(0, 0, frame.width(), frame.height());
        const QColor deskColor = QColor::fromHsv(rng.integer(0, 359), rng.integer(20, 120), rng.integer(40, 160));
        desk.setColorAt(0, deskColor);
        desk.setColorAt(1, deskColor.darker(rng.integer(110, 160)));
        p.fillRect(scene.rect(), desk);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.setRenderHint(QPainter::Antialiasing);
        const QPointF centre(frame.width() / 2.0 + rng.uniform(-0.04, 0.04) * frame.width(),
                             frame.height() / 2.0 + rng.uniform(-0.04, 0.04) * frame.height());
        QTransform rot;
        rot.translate(centre.x(), centre.y());
        rot.rotate(rotation);
        rot.translate(-page.width() / 2.0, -page.height() / 2.0);
        QPolygonF quad = rot.map(QPolygonF(QRectF(page.rect())));
        quad.removeLast();
        const double jitter = tp.perspective * std::max(page.width(), page.height());
        for (QPointF &pt : quad)
            pt += QPointF(rng.uniform(-jitter, jitter), rng.uniform(-jitter, jitter));
        QTransform t;
        QPolygonF src(QRectF(page.rect()));
        src.removeLast();
        if (QTransform::quadToQuad(src, quad, t)) {
            p.setTransform(t);
            p.drawImage(0, 0, page);
            p.resetTransform();
        }
        if (rng.chance(tp.glare)) {
            const QPointF at = t.map(QPointF(page.width() * rng.uniform(0.2, 0.9), page.height() * rng.uniform(0.1, 0.75)));
            const double r = rng.uniform(0.08, 0.2) * std::max(frame.width(), frame.height());
            QRadialGradient g(at, r);
            g.setColorAt(0, QColor(255, 255, 250, rng.integer(170, 235)));
            g.setColorAt(0.5, QColor(255, 255, 250, rng.integer(60, 120)));
            g.setColorAt(1, QColor(255, 255, 255, 0));
            p.setPen(Qt::NoPen);
            p.setBrush(g);
            p.drawEllipse(at, r, r * rng.uniform(0.5, 1.0));
        }
    }

    // Camera and light: uneven illumination, a shadow, blur, low resolution, sensor noise.
    cv::Mat m = toMat(scene);
    m.convertTo(m, CV_32FC3);
    {
        cv::Mat light(m.rows, m.cols, CV_32F);
        const double angle = rng.uniform(0, 2 * std::numbers::pi);
        const double depth = rng.uniform(0, tp.lightDepth);
        const double dx = std::cos(angle) / m.cols, dy = std::sin(angle) / m.rows;
        // A plane a*x + b*y, built from two ramps with OpenCV's own broadcasting.
        cv::Mat xs(1, m.cols, CV_32F), ys(m.rows, 1, CV_32F);
        for (int i = 0; i < m.cols; ++i)
            xs.at<float>(0, i) = static_cast<float>(i * dx);
        for (int j = 0; j < m.rows; ++j)
            ys.at<float>(j, 0) = static_cast<float>(j * dy);
        cv::Mat xr, yr;
        cv::repeat(xs, m.rows, 1, xr);
        cv::repeat(ys, 1, m.cols, yr);
        light = xr + yr;
        double lo = 0, hi = 1;
        cv::minMaxLoc(light, &lo, &hi);
        light = 1.0 - depth * (light - lo) / std::max(1e-6, hi - lo);
        if (rng.chance(tp.shadow)) {
            cv::Mat mask = cv::Mat::zeros(m.rows, m.cols, CV_32F);
            const cv::Point a(rng.integer(0, m.cols - 1), 0), b(rng.integer(0, m.cols - 1), m.rows - 1);
            std::vector<cv::Point> poly{a, b, cv::Point(rng.chance(0.5) ? 0 : m.cols - 1, m.rows - 1),
                                        cv::Point(rng.chance(0.5) ? 0 : m.cols - 1, 0)};
            cv::fillConvexPoly(mask, poly, cv::Scalar(rng.uniform(0.2, 0.45)));
            cv::GaussianBlur(mask, mask, cv::Size(0, 0), rng.uniform(5, 25));
            light = light.mul(1.0 - mask);
        }
        cv::Mat light3;
        cv::merge(std::vector<cv::Mat>{light, light, light}, light3);
        m = m.mul(light3);
    }
    const double sigma = rng.uniform(tp.blurLo, tp.blurHi);
    if (sigma > 0.05)
        cv::GaussianBlur(m, m, cv::Size(0, 0), sigma);
    if (rng.chance(tp.lowRes)) {
        cv::Mat small;
        const double f = rng.uniform(0.55, 0.75);
        cv::resize(m, small, cv::Size(), f, f, cv::INTER_AREA);
        cv::resize(small, m, m.size(), 0, 0, cv::INTER_LINEAR);
    }
    cv::Mat noise(m.size(), CV_32FC3);
    cv::theRNG().state = rng.raw() | 1u;
    cv::randn(noise, 0.0, rng.uniform(tp.noiseLo, tp.noiseHi));
    m += noise;
    m.convertTo(m, CV_8UC3);

    QImage degraded = toImage(m);
    if (options.grayscale)
        degraded = degraded.convertToFormat(QImage::Format_Grayscale8);
    QBuffer buffer(&sample.jpeg);
    buffer.open(QIODevice::WriteOnly);
    const int quality = options.jpegQuality >= 0 ? options.jpegQuality : rng.integer(tp.jpegLo, tp.jpegHi);
    degraded.save(&buffer, "JPG", quality);
    buffer.close();
    sample.image = QImage::fromData(sample.jpeg, "JPG");
    return sample;
}

} // namespace Kiosk::OcrCorpus
