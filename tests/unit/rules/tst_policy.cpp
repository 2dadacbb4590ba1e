// Policy as signed data: the shipped policy verifies against the shipped
// development trust anchor and encodes the seed (§19, §21, §127); a tampered byte or a wrong
// key is refused; the version in force is chosen by the check's date; bad fields are errors
// that name the field.
#include "app/crypto/ed25519.h"
#include "app/rules/engine.h"
#include "app/rules/policy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace Kiosk;
using namespace Kiosk::Rules;
using Kiosk::Crypto::Ed25519PrivateKey;
using Kiosk::Crypto::Ed25519PublicKey;

namespace {

QByteArray readSource(const char *relative)
{
    QFile f(QStringLiteral(KIOSK_SOURCE_DIR "/") + QLatin1StringView(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", relative);
    return f.readAll();
}

QJsonObject shippedVersion()
{
    return QJsonDocument::fromJson(readSource("resources/policy/policy.json")).object()[u"versions"].toArray().at(0).toObject();
}

QByteArray policyWith(const QList<QJsonObject> &versions)
{
    QJsonArray list;
    for (const QJsonObject &v : versions)
        list.append(v);
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("border-kiosk-policy/1")},
                                     {QStringLiteral("versions"), list}})
        .toJson();
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT
private slots:
    void shippedPolicyVerifiesAndEncodesTheSeed();
    void tamperedByteIsRefused_data();
    void tamperedByteIsRefused();
    void wrongKeyIsRefused();
    void malformedSignature();
    void signatureFileForms();
    void versionChosenByDate();
    void badFields_data();
    void badFields();
    void duplicateVersionsRefused();
    void issuedDay_data();
    void issuedDay();
};

void TestPolicy::shippedPolicyVerifiesAndEncodesTheSeed()
{
    auto anchor = Ed25519PublicKey::fromPem(readSource("resources/trust/policy-dev.pub.pem"));
    QVERIFY(anchor.has_value());
    auto set = PolicySet::loadSigned(readSource("resources/policy/policy.json"),
                                     readSource("resources/policy/policy.json.sig"), *anchor);
    QVERIFY2(set.has_value(), qPrintable(set ? QString() : set.error().message));
    const PolicyVersion *p = set->inForce(QDate(2026, 3, 1));
    QVERIFY(p);
    // §21: the ten visa-free nationalities at 90 days.
    for (const char *code : {"BLR", "GEO", "KAZ", "KGZ", "MDA", "MNG", "UZB", "RUS", "TJK", "UKR"}) {
        const NationalityRule r = p->ruleFor(*CountryCode::fromString(QString::fromLatin1(code)));
        QVERIFY2(r.regime == Regime::VisaFree && r.days == 90, code);
    }
    // §21: fee waivers, JPN up to 30 days, PAK up to 15.
    QCOMPARE(p->ruleFor(*CountryCode::fromString(u"TUR")).regime, Regime::FeeWaiver);
    QCOMPARE(p->ruleFor(*CountryCode::fromString(u"JPN")).feeWaiverMaxDays, 30);
    QCOMPARE(p->ruleFor(*CountryCode::fromString(u"PAK")).feeWaiverMaxDays, 15);
    // §19, §127: everyone else needs a visa; §225: citizens; §161, §136-139: classes.
    QCOMPARE(p->ruleFor(*CountryCode::fromString(u"USA")).regime, Regime::VisaRequired);
    QCOMPARE(p->ruleFor(*CountryCode::fromString(u"AZE")).regime, Regime::Citizen);
    QCOMPARE(p->ruleFor(*CountryCode::fromString(u"XXA")).personClass, PersonClass::Stateless);
    QCOMPARE(p->ruleFor(*CountryCode::fromString(u"XXB")).personClass, PersonClass::Refugee);
    QCOMPARE(p->permitGraceDays, 10); // §63
    QCOMPARE(p->stayRule.kind, StayRuleKind::PerEntry);
    QVERIFY(p->dayCounting.entryDayCounts && p->dayCounting.exitDayCounts);
}

void TestPolicy::tamperedByteIsRefused_data()
{
    QTest::addColumn<int>("position");
    QTest::newRow("first byte") << 0;
    QTest::newRow("a byte in the middle") << -2;
    QTest::newRow("the final newline") << -1;
}

void TestPolicy::tamperedByteIsRefused()
{
    QFETCH(int, position);
    auto key = Ed25519PrivateKey::generate();
    QVERIFY(key.has_value());
    const QByteArray original = policyWith({shippedVersion()});
    const QByteArray sig = encodeDetachedSignature(*key->sign(original));
    QVERIFY(PolicySet::loadSigned(original, sig, key->publicKey()).has_value());

    QByteArray tampered = original;
    const qsizetype at = position == -1 ? tampered.size() - 1 : position == -2 ? tampered.indexOf("\"days\": 90") + 9 : position;
    QVERIFY(at >= 0);
    tampered[at] = static_cast<char>(tampered[at] ^ 0x01); // "90" -> "91", '{' -> 'z', '\n' -> 0x0b
    auto loaded = PolicySet::loadSigned(tampered, sig, key->publicKey());
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, QStringLiteral("POLICY_SIGNATURE_INVALID"));
}

void TestPolicy::wrongKeyIsRefused()
{
    auto signer = Ed25519PrivateKey::generate();
    auto other = Ed25519PrivateKey::generate();
    const QByteArray bytes = policyWith({shippedVersion()});
    auto loaded = PolicySet::loadSigned(bytes, encodeDetachedSignature(*signer->sign(bytes)), other->publicKey());
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, QStringLiteral("POLICY_SIGNATURE_INVALID"));
    // The shipped development anchor refuses a policy signed with any other key.
    auto anchor = Ed25519PublicKey::fromPem(readSource("resources/trust/policy-dev.pub.pem"));
    QVERIFY(!PolicySet::loadSigned(bytes, encodeDetachedSignature(*signer->sign(bytes)), *anchor).has_value());
}

void TestPolicy::malformedSignature()
{
    auto key = Ed25519PrivateKey::generate();
    auto loaded = PolicySet::loadSigned(policyWith({shippedVersion()}), "not a signature", key->publicKey());
    QVERIFY(!loaded.has_value());
    QCOMPARE(loaded.error().code, QStringLiteral("POLICY_SIGNATURE_MALFORMED"));
    QCOMPARE(PolicySet::loadSigned("{}", QByteArray(), key->publicKey()).error().code,
             QStringLiteral("POLICY_SIGNATURE_MALFORMED"));
}

void TestPolicy::signatureFileForms()
{
    const QByteArray raw(64, '\x5a');
    QCOMPARE(*decodeDetachedSignature(raw), raw);
    QCOMPARE(*decodeDetachedSignature(encodeDetachedSignature(raw)), raw);
    QCOMPARE(*decodeDetachedSignature("  " + raw.toBase64() + "\r\n"), raw);
    QVERIFY(!decodeDetachedSignature(QByteArray(32, 'A').toBase64()).has_value());
}

void TestPolicy::versionChosenByDate()
{
    QJsonObject older = shippedVersion();
    QJsonObject newer = older;
    newer[u"version"] = QStringLiteral("2026.06-test");
    newer[u"effective_from"] = QStringLiteral("2026-06-01");
    QJsonObject nat = newer[u"nationalities"].toObject();
    QJsonObject rus = nat[u"RUS"].toObject();
    rus[u"days"] = 30; // a change of law, from 1 June 2026
    nat[u"RUS"] = rus;
    newer[u"nationalities"] = nat;
    // Listed newest first: the order in the file does not matter.
    const QByteArray bytes = policyWith({newer, older});
    auto key = Ed25519PrivateKey::generate();
    auto set = PolicySet::loadSigned(bytes, encodeDetachedSignature(*key->sign(bytes)), key->publicKey());
    QVERIFY2(set.has_value(), qPrintable(set ? QString() : set.error().message));
    QCOMPARE(set->versions().size(), 2);

    QCOMPARE(set->inForce(QDate(2009, 6, 30)), nullptr);
    QCOMPARE(set->inForce(QDate(2009, 7, 1))->version, older[u"version"].toString());
    QCOMPARE(set->inForce(QDate(2026, 5, 31))->version, older[u"version"].toString());
    QCOMPARE(set->inForce(QDate(2026, 6, 1))->version, QStringLiteral("2026.06-test"));

    CheckInputs in;
    in.document.nationality = *CountryCode::fromString(u"RUS");
    in.document.checkDigitsValid = true;
    in.direction = Direction::Entry;
    in.date = QDate(2026, 5, 31);
    QCOMPARE(evaluate(in, *set)->figures.allowedUntil, QDate(2026, 8, 28));
    in.date = QDate(2026, 6, 1);
    auto v = evaluate(in, *set);
    QCOMPARE(v->figures.allowedUntil, QDate(2026, 6, 30));
    QCOMPARE(v->policyVersion, QStringLiteral("2026.06-test"));
    in.date = QDate(2000, 1, 1);
    QCOMPARE(evaluate(in, *set).error().code, QStringLiteral("POLICY_NOT_IN_FORCE"));
    in.date = QDate();
    QCOMPARE(evaluate(in, *set).error().code, QStringLiteral("CHECK_DATE_INVALID"));
}

void TestPolicy::badFields_data()
{
    QTest::addColumn<QString>("field");     // dotted path into the version, "" = whole file edits
    QTest::addColumn<QJsonValue>("value");  // Undefined = remove the field
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");  // the error message names the field
    QTest::newRow("effective_from missing") << "effective_from" << QJsonValue(QJsonValue::Undefined) << "POLICY_FIELD_INVALID" << "versions[0].effective_from";
    QTest::newRow("effective_from not a date") << "effective_from" << QJsonValue("1 July 2009") << "POLICY_FIELD_INVALID" << "versions[0].effective_from";
    QTest::newRow("unknown regime") << "nationalities.RUS.regime" << QJsonValue("visa_on_arrival") << "POLICY_FIELD_INVALID" << "versions[0].nationalities.RUS.regime";
    QTest::newRow("visa_free without days") << "nationalities.RUS.days" << QJsonValue(QJsonValue::Undefined) << "POLICY_FIELD_INVALID" << "nationalities.RUS.days";
    QTest::newRow("days not whole") << "nationalities.RUS.days" << QJsonValue(90.5) << "POLICY_FIELD_INVALID" << "nationalities.RUS.days";
    QTest::newRow("negative grace period") << "permit_grace_days" << QJsonValue(-1) << "POLICY_FIELD_INVALID" << "permit_grace_days";
    QTest::newRow("misspelt field is not ignored") << "permit_grace_dyas" << QJsonValue(10) << "POLICY_FIELD_UNKNOWN" << "permit_grace_dyas";
    QTest::newRow("lower-case country code") << "nationalities.rus" << QJsonValue(QJsonObject{{"regime", "visa_free"}, {"days", 90}, {"source", "§21"}}) << "POLICY_FIELD_INVALID" << "nationalities.rus";
    QTest::newRow("class of unknown kind") << "classes.XXA.class" << QJsonValue("alien") << "POLICY_FIELD_INVALID" << "classes.XXA.class";
    QTest::newRow("rolling without window") << "stay_rule" << QJsonValue(QJsonObject{{"kind", "rolling"}, {"source", "x"}}) << "POLICY_FIELD_INVALID" << "stay_rule.window_days";
    QTest::newRow("rolling window not longer than the stay") << "stay_rule" << QJsonValue(QJsonObject{{"kind", "rolling"}, {"window_days", 90}, {"source", "x"}}) << "POLICY_FIELD_INVALID" << "stay_rule.window_days";
    QTest::newRow("day counting not boolean") << "day_counting.exit_day_counts" << QJsonValue("yes") << "POLICY_FIELD_INVALID" << "day_counting.exit_day_counts";
}

void TestPolicy::badFields()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    // Sets (or removes) a dotted path inside the shipped version.
    const QStringList path = field.split(u'.');
    std::function<QJsonObject(QJsonObject, qsizetype)> edit = [&](QJsonObject o, qsizetype i) {
        if (i == path.size() - 1) {
            if (value.isUndefined())
                o.remove(path[i]);
            else
                o[path[i]] = value;
        } else {
            o[path[i]] = edit(o[path[i]].toObject(), i + 1);
        }
        return o;
    };
    auto set = PolicySet::fromJson(policyWith({edit(shippedVersion(), 0)}));
    QVERIFY(!set.has_value());
    QCOMPARE(set.error().code, code);
    QVERIFY2(set.error().message.contains(mentions), qPrintable(set.error().message));
}

void TestPolicy::duplicateVersionsRefused()
{
    auto set = PolicySet::fromJson(policyWith({shippedVersion(), shippedVersion()}));
    QVERIFY(!set.has_value());
    QCOMPARE(set.error().code, QStringLiteral("POLICY_DUPLICATE_VERSION"));
    QCOMPARE(PolicySet::fromJson("[]").error().code, QStringLiteral("POLICY_JSON_INVALID"));
    QCOMPARE(PolicySet::fromJson(R"({"format":"border-kiosk-policy/1","versions":[]})").error().code,
             QStringLiteral("POLICY_EMPTY"));
    auto one = PolicySet::fromJson(policyWith({shippedVersion()}));
    QVERIFY(one.has_value());
    PolicySet held = *one;
    QCOMPARE(held.merge(*one).error().code, QStringLiteral("POLICY_DUPLICATE_VERSION"));
}

// The signed day the copy was issued, from which a kiosk measures the policy's age.
void TestPolicy::issuedDay_data()
{
    QTest::addColumn<QJsonValue>("issued");
    QTest::addColumn<QDate>("expected");   // invalid: none
    QTest::addColumn<QString>("errorCode"); // empty: parses
    QTest::newRow("absent: the shipped file's form, no day") << QJsonValue(QJsonValue::Undefined) << QDate() << QString();
    QTest::newRow("an ISO day") << QJsonValue("2026-11-01") << QDate(2026, 11, 1) << QString();
    QTest::newRow("not a date is an error, never 'no day'") << QJsonValue("November 2026") << QDate() << "POLICY_FIELD_INVALID";
}

void TestPolicy::issuedDay()
{
    QFETCH(QJsonValue, issued);
    QFETCH(QDate, expected);
    QFETCH(QString, errorCode);
    QJsonObject root = QJsonDocument::fromJson(policyWith({shippedVersion()})).object();
    if (!issued.isUndefined())
        root.insert(QStringLiteral("issued"), issued);
    auto set = PolicySet::fromJson(QJsonDocument(root).toJson());
    if (!errorCode.isEmpty()) {
        QVERIFY(!set);
        QCOMPARE(set.error().code, errorCode);
        QVERIFY2(set.error().message.contains(QStringLiteral("policy.issued")), qPrintable(set.error().message));
        return;
    }
    QVERIFY2(set, qPrintable(set ? QString() : set.error().message));
    QCOMPARE(set->issued(), expected);
}

QTEST_APPLESS_MAIN(TestPolicy)
#include "tst_policy.moc"
