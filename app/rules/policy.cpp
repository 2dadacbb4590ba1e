#include "app/rules/policy.h"
#include "app/core/wholenumber.h"

#include "app/crypto/ed25519.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace Kiosk::Rules {

namespace {

const QString kFieldInvalid = QStringLiteral("POLICY_FIELD_INVALID");

// Reads the fields of one JSON object, each by its path for the error message, and
// remembers which keys were read so that an unknown (misspelt) key is an error too: a
// policy that silently ignores "permit_grace_dyas" would apply a default nobody chose.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString path) : m_object(object), m_path(std::move(path)) {}

    [[nodiscard]] QString path(const QString &key) const { return m_path + u'.' + key; }

    Result<QJsonValue> value(const QString &key, bool required = true)
    {
        m_known.insert(key);
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() && required)
            return fail(kFieldInvalid, QStringLiteral("%1 is missing").arg(path(key)));
        return v;
    }

    Result<QString> string(const QString &key, bool required = true)
    {
        auto v = value(key, required);
        if (!v)
            return std::unexpected(v.error());
        if (v->isUndefined())
            return QString();
        if (!v->isString())
            return fail(kFieldInvalid, QStringLiteral("%1 must be a string").arg(path(key)));
        return v->toString();
    }

    Result<int> integer(const QString &key, int min, int max, std::optional<int> fallback = std::nullopt)
    {
        auto v = value(key, !fallback.has_value());
        if (!v)
            return std::unexpected(v.error());
        if (v->isUndefined())
            return *fallback;
        const auto n = v->isDouble() ? wholeNumber(v->toDouble(), min, max) : std::nullopt;
        if (!n)
            return fail(kFieldInvalid, QStringLiteral("%1 must be a whole number from %2 to %3").arg(path(key)).arg(min).arg(max));
        return static_cast<int>(*n);
    }

    Result<bool> boolean(const QString &key)
    {
        auto v = value(key);
        if (!v)
            return std::unexpected(v.error());
        if (!v->isBool())
            return fail(kFieldInvalid, QStringLiteral("%1 must be true or false").arg(path(key)));
        return v->toBool();
    }

    Result<QDate> date(const QString &key)
    {
        auto s = string(key);
        if (!s)
            return std::unexpected(s.error());
        const QDate d = QDate::fromString(*s, Qt::ISODate);
        if (!d.isValid() || s->size() != 10)
            return fail(kFieldInvalid, QStringLiteral("%1 must be a date YYYY-MM-DD, got '%2'").arg(path(key), *s));
        return d;
    }

    Result<QJsonObject> object(const QString &key)
    {
        auto v = value(key);
        if (!v)
            return std::unexpected(v.error());
        if (!v->isObject())
            return fail(kFieldInvalid, QStringLiteral("%1 must be an object").arg(path(key)));
        return v->toObject();
    }

    // Call last: any key not read is unknown.
    Result<void> noUnknownKeys() const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_known.contains(it.key()))
                return fail(QStringLiteral("POLICY_FIELD_UNKNOWN"), QStringLiteral("%1 is not a policy field").arg(path(it.key())));
        }
        return {};
    }

private:
    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_known;
};

#define KIOSK_TRY(var, expr)                                                                       \
    auto var##_r = (expr);                                                                         \
    if (!var##_r)                                                                                  \
        return std::unexpected(var##_r.error());                                                   \
    auto var = std::move(*var##_r)

Result<NationalityRule> parseRule(const QJsonObject &object, const QString &path, bool isClass)
{
    FieldReader r(object, path);
    NationalityRule rule;
    KIOSK_TRY(regimeText, r.string(QStringLiteral("regime")));
    const auto regime = regimeFromString(regimeText);
    if (!regime)
        return fail(kFieldInvalid, QStringLiteral("%1 must be visa_free, visa_required, fee_waiver or citizen, got '%2'")
                                       .arg(r.path(QStringLiteral("regime")), regimeText));
    rule.regime = *regime;
    KIOSK_TRY(days, r.integer(QStringLiteral("days"), 1, 3660, rule.regime == Regime::VisaFree ? std::nullopt : std::optional<int>(0)));
    rule.days = days;
    KIOSK_TRY(waiver, r.integer(QStringLiteral("fee_waiver_max_days"), 0, 3660, 0));
    rule.feeWaiverMaxDays = waiver;
    KIOSK_TRY(source, r.string(QStringLiteral("source")));
    rule.source = source;
    if (isClass) {
        KIOSK_TRY(klass, r.string(QStringLiteral("class")));
        if (klass == u"stateless")
            rule.personClass = PersonClass::Stateless;
        else if (klass == u"refugee")
            rule.personClass = PersonClass::Refugee;
        else
            return fail(kFieldInvalid, QStringLiteral("%1 must be stateless or refugee, got '%2'").arg(r.path(QStringLiteral("class")), klass));
    }
    if (auto ok = r.noUnknownKeys(); !ok)
        return std::unexpected(ok.error());
    return rule;
}

Result<void> parseRuleMap(const QJsonObject &map, const QString &path, bool isClass, QMap<QString, NationalityRule> *into)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = path + u'.' + it.key();
        const auto code = CountryCode::fromString(it.key());
        if (!code || code->toString() != it.key())
            return fail(kFieldInvalid, QStringLiteral("%1: '%2' is not an ICAO 9303-3 code").arg(key, it.key()));
        if (!it.value().isObject())
            return fail(kFieldInvalid, QStringLiteral("%1 must be an object").arg(key));
        if (into->contains(it.key()))
            return fail(kFieldInvalid, QStringLiteral("%1 is given twice (nationalities and classes)").arg(key));
        auto rule = parseRule(it.value().toObject(), key, isClass);
        if (!rule)
            return std::unexpected(rule.error());
        into->insert(it.key(), *rule);
    }
    return {};
}

Result<PolicyVersion> parseVersion(const QJsonObject &object, const QString &path)
{
    FieldReader r(object, path);
    PolicyVersion v;
    KIOSK_TRY(version, r.string(QStringLiteral("version")));
    if (version.isEmpty())
        return fail(kFieldInvalid, QStringLiteral("%1 must not be empty").arg(r.path(QStringLiteral("version"))));
    v.version = version;
    KIOSK_TRY(from, r.date(QStringLiteral("effective_from")));
    v.effectiveFrom = from;
    KIOSK_TRY(note, r.string(QStringLiteral("note"), false));
    v.note = note;

    KIOSK_TRY(citizens, r.value(QStringLiteral("citizen_nationalities")));
    if (!citizens.isArray())
        return fail(kFieldInvalid, QStringLiteral("%1 must be a list of codes").arg(r.path(QStringLiteral("citizen_nationalities"))));
    for (const QJsonValue &c : citizens.toArray()) {
        const auto code = CountryCode::fromString(c.toString());
        if (!c.isString() || !code)
            return fail(kFieldInvalid, QStringLiteral("%1 holds '%2', not an ICAO code").arg(r.path(QStringLiteral("citizen_nationalities")), c.toString()));
        v.citizenNationalities.append(*code);
    }

    KIOSK_TRY(def, r.object(QStringLiteral("default")));
    KIOSK_TRY(defRule, parseRule(def, r.path(QStringLiteral("default")), false));
    v.defaultRule = defRule;
    KIOSK_TRY(nat, r.object(QStringLiteral("nationalities")));
    if (auto ok = parseRuleMap(nat, r.path(QStringLiteral("nationalities")), false, &v.nationalities); !ok)
        return std::unexpected(ok.error());
    KIOSK_TRY(classes, r.object(QStringLiteral("classes")));
    if (auto ok = parseRuleMap(classes, r.path(QStringLiteral("classes")), true, &v.nationalities); !ok)
        return std::unexpected(ok.error());

    KIOSK_TRY(stay, r.object(QStringLiteral("stay_rule")));
    {
        FieldReader s(stay, r.path(QStringLiteral("stay_rule")));
        KIOSK_TRY(kind, s.string(QStringLiteral("kind")));
        if (kind == u"per_entry") {
            v.stayRule.kind = StayRuleKind::PerEntry;
        } else if (kind == u"rolling") {
            v.stayRule.kind = StayRuleKind::Rolling;
            KIOSK_TRY(window, s.integer(QStringLiteral("window_days"), 1, 3660));
            v.stayRule.windowDays = window;
        } else {
            return fail(kFieldInvalid, QStringLiteral("%1 must be per_entry or rolling, got '%2'").arg(s.path(QStringLiteral("kind")), kind));
        }
        KIOSK_TRY(source, s.string(QStringLiteral("source")));
        v.stayRule.source = source;
        if (auto ok = s.noUnknownKeys(); !ok)
            return std::unexpected(ok.error());
    }
    if (v.stayRule.kind == StayRuleKind::Rolling) {
        // N days in any M days only limits anything when M > N.
        for (auto it = v.nationalities.cbegin(); it != v.nationalities.cend(); ++it) {
            if (it->regime == Regime::VisaFree && it->days >= v.stayRule.windowDays)
                return fail(kFieldInvalid, QStringLiteral("%1 (%2) must be longer than the %3 visa-free days of %4")
                                               .arg(r.path(QStringLiteral("stay_rule.window_days")))
                                               .arg(v.stayRule.windowDays)
                                               .arg(it->days)
                                               .arg(it.key()));
        }
    }
    KIOSK_TRY(counting, r.object(QStringLiteral("day_counting")));
    {
        FieldReader c(counting, r.path(QStringLiteral("day_counting")));
        KIOSK_TRY(entryCounts, c.boolean(QStringLiteral("entry_day_counts")));
        KIOSK_TRY(exitCounts, c.boolean(QStringLiteral("exit_day_counts")));
        v.dayCounting = {entryCounts, exitCounts};
        if (auto ok = c.noUnknownKeys(); !ok)
            return std::unexpected(ok.error());
    }
    KIOSK_TRY(cap, r.boolean(QStringLiteral("passport_expiry_caps_stay")));
    v.passportExpiryCapsStay = cap;
    KIOSK_TRY(grace, r.integer(QStringLiteral("permit_grace_days"), 0, 366));
    v.permitGraceDays = grace;
    KIOSK_TRY(minor, r.integer(QStringLiteral("minor_age"), 0, 30));
    v.minorAge = minor;
    KIOSK_TRY(stale, r.object(QStringLiteral("staleness")));
    {
        FieldReader s(stale, r.path(QStringLiteral("staleness")));
        KIOSK_TRY(wl, s.integer(QStringLiteral("watchlist_max_age_hours"), 1, 24 * 366));
        KIOSK_TRY(pol, s.integer(QStringLiteral("policy_max_age_days"), 1, 3660));
        v.watchlistMaxAgeHours = wl;
        v.policyMaxAgeDays = pol;
        if (auto ok = s.noUnknownKeys(); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = r.noUnknownKeys(); !ok)
        return std::unexpected(ok.error());
    return v;
}

} // namespace

QString regimeToString(Regime r)
{
    switch (r) {
    case Regime::VisaFree:
        return QStringLiteral("visa_free");
    case Regime::VisaRequired:
        return QStringLiteral("visa_required");
    case Regime::FeeWaiver:
        return QStringLiteral("fee_waiver");
    case Regime::Citizen:
        break;
    }
    return QStringLiteral("citizen");
}

std::optional<Regime> regimeFromString(QStringView text)
{
    for (Regime r : {Regime::VisaFree, Regime::VisaRequired, Regime::FeeWaiver, Regime::Citizen}) {
        if (text == regimeToString(r))
            return r;
    }
    return std::nullopt;
}

NationalityRule PolicyVersion::ruleFor(const CountryCode &nationality) const
{
    if (isCitizen(nationality))
        return NationalityRule{Regime::Citizen, 0, 0, PersonClass::None, QStringLiteral("§225")};
    return nationalities.value(nationality.toString(), defaultRule);
}

bool PolicyVersion::isCitizen(const CountryCode &nationality) const
{
    return !nationality.isEmpty() && citizenNationalities.contains(nationality);
}

Result<PolicySet> PolicySet::fromJson(QByteArrayView bytes)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("POLICY_JSON_INVALID"),
                    QStringLiteral("policy is not a JSON object: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    FieldReader root(doc.object(), QStringLiteral("policy"));
    KIOSK_TRY(format, root.string(QStringLiteral("format")));
    if (format != u"border-kiosk-policy/1")
        return fail(kFieldInvalid, QStringLiteral("policy.format must be 'border-kiosk-policy/1', got '%1'").arg(format));
    KIOSK_TRY(versions, root.value(QStringLiteral("versions")));
    // `issued`: the day the signer issued this copy (optional). A kiosk measures the age of a
    // policy file from it (POLICY_STALE), never from when the program started.
    KIOSK_TRY(issuedValue, root.value(QStringLiteral("issued"), false));
    QDate issued;
    if (!issuedValue.isUndefined()) {
        KIOSK_TRY(day, root.date(QStringLiteral("issued")));
        issued = day;
    }
    if (auto ok = root.noUnknownKeys(); !ok)
        return std::unexpected(ok.error());
    if (!versions.isArray() || versions.toArray().isEmpty())
        return fail(QStringLiteral("POLICY_EMPTY"), QStringLiteral("policy.versions must be a non-empty list"));

    PolicySet set;
    const QJsonArray list = versions.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("versions[%1]").arg(i);
        if (!list.at(i).isObject())
            return fail(kFieldInvalid, QStringLiteral("%1 must be an object").arg(path));
        auto v = parseVersion(list.at(i).toObject(), path);
        if (!v)
            return std::unexpected(v.error());
        PolicySet one;
        one.m_versions.append(*v);
        if (auto ok = set.merge(one); !ok)
            return std::unexpected(ok.error());
    }
    set.m_issued = issued;
    return set;
}

Result<PolicySet> PolicySet::loadSigned(QByteArrayView bytes, QByteArrayView signature,
                                        const Crypto::Ed25519PublicKey &trustAnchor)
{
    auto sig = decodeDetachedSignature(signature);
    if (!sig)
        return std::unexpected(sig.error());
    // Verify first, parse after: a parser never sees bytes nobody vouched for.
    if (!trustAnchor.verify(bytes, *sig))
        return fail(QStringLiteral("POLICY_SIGNATURE_INVALID"),
                    QStringLiteral("the policy's signature does not verify against the trust anchor"));
    return fromJson(bytes);
}

const PolicyVersion *PolicySet::inForce(const QDate &date) const
{
    const PolicyVersion *best = nullptr;
    for (const PolicyVersion &v : m_versions) {
        if (v.effectiveFrom <= date)
            best = &v; // sorted: the last one not after the date
    }
    return best;
}

int PolicySet::lookBackDays() const
{
    int days = 1;
    for (const PolicyVersion &v : m_versions) {
        if (v.stayRule.kind == StayRuleKind::Rolling)
            days = std::max(days, v.stayRule.windowDays);
        days = std::max(days, v.defaultRule.days);
        for (const NationalityRule &rule : v.nationalities)
            days = std::max(days, rule.days);
    }
    return days;
}

Result<void> PolicySet::merge(const PolicySet &other)
{
    for (const PolicyVersion &v : other.m_versions) {
        const bool clash = std::ranges::any_of(m_versions, [&](const PolicyVersion &held) {
            return held.version == v.version || held.effectiveFrom == v.effectiveFrom;
        });
        if (clash)
            return fail(QStringLiteral("POLICY_DUPLICATE_VERSION"),
                        QStringLiteral("policy version '%1' (effective %2) clashes with one already held")
                            .arg(v.version, v.effectiveFrom.toString(Qt::ISODate)));
    }
    m_versions.append(other.m_versions);
    std::ranges::stable_sort(m_versions, {}, &PolicyVersion::effectiveFrom);
    return {};
}

Result<QByteArray> decodeDetachedSignature(QByteArrayView file)
{
    if (file.size() == 64)
        return file.toByteArray();
    const QByteArray text = file.toByteArray().trimmed();
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 64)
        return fail(QStringLiteral("POLICY_SIGNATURE_MALFORMED"),
                    QStringLiteral("a detached signature is 64 bytes or their base64; got %1 bytes").arg(file.size()));
    return decoded.decoded;
}

QByteArray encodeDetachedSignature(QByteArrayView signature)
{
    return signature.toByteArray().toBase64() + '\n';
}

} // namespace Kiosk::Rules
