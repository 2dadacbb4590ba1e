// The MRZ parser against the case table tests/data/mrz/cases.json (see its README): every
// specimen of ICAO 9303 parts 4-7, the real-world quirks, every error path and the
// correction search. Each row is named for why it exists.
#include "scanner/mrz/mrzjson.h"
#include "scanner/mrz/mrzparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Kiosk::Mrz;

namespace {

QJsonArray loadCases()
{
    QFile file(QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/mrz/cases.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).array();
}

QStringList codes(const QJsonValue &issues)
{
    QStringList out;
    for (const QJsonValue &v : issues.toArray())
        out.append(v.toObject().value(QStringLiteral("code")).toString());
    out.sort();
    return out;
}

QStringList strings(const QJsonValue &list)
{
    QStringList out;
    for (const QJsonValue &v : list.toArray())
        out.append(v.toString());
    out.sort();
    return out;
}

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

const char *const kSpecimenTd3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                 "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

} // namespace

class TestMrzParser : public QObject
{
    Q_OBJECT

private slots:
    void cases_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("today");
        QTest::addColumn<bool>("correct");
        QTest::addColumn<QJsonObject>("expect");
        const QJsonArray all = loadCases();
        QVERIFY2(all.size() >= 60, "the case table must hold at least 60 rows");
        for (const QJsonValue &v : all) {
            const QJsonObject c = v.toObject();
            QTest::newRow(qPrintable(c.value(QStringLiteral("name")).toString()))
                << c.value(QStringLiteral("text")).toString() << c.value(QStringLiteral("today")).toString()
                << c.value(QStringLiteral("correct")).toBool() << c.value(QStringLiteral("expect")).toObject();
        }
    }

    void cases()
    {
        QFETCH(QString, text);
        QFETCH(QString, today);
        QFETCH(bool, correct);
        QFETCH(QJsonObject, expect);
        ParseOptions options;
        options.referenceDate = QDate::fromString(today, Qt::ISODate);
        options.correct = correct;
        const MrzResult result = parse(text, options);
        const QJsonObject json = toJson(result);

        for (auto it = expect.constBegin(); it != expect.constEnd(); ++it) {
            const QString key = it.key();
            if (key == QLatin1String("error_codes")) {
                QCOMPARE(codes(json.value(QStringLiteral("errors"))), strings(it.value()));
            } else if (key == QLatin1String("warning_codes")) {
                QCOMPARE(codes(json.value(QStringLiteral("warnings"))), strings(it.value()));
            } else if (key == QLatin1String("error_messages")) {
                for (const QJsonValue &needle : it.value().toArray()) {
                    bool found = false;
                    for (const Issue &e : result.errors)
                        found = found || e.message.contains(needle.toString());
                    QVERIFY2(found, qPrintable(QStringLiteral("no error message contains '%1': %2")
                                                   .arg(needle.toString(), compact(json.value(QStringLiteral("errors"))))));
                }
            } else {
                QVERIFY2(json.contains(key), qPrintable(key));
                QVERIFY2(json.value(key) == it.value(),
                         qPrintable(QStringLiteral("%1: got %2, expected %3").arg(key, compact(json.value(key)), compact(it.value()))));
            }
        }
        // Invariants every row must keep.
        QCOMPARE(result.valid, result.errors.isEmpty() && result.checks.allPass());
        if (!correct)
            QVERIFY(result.corrections.isEmpty());
        if (!result.format)
            QVERIFY(!result.errors.isEmpty());
    }

    // Exactly these keys, no more.
    void jsonHasExactlyTheKeysOfTheIssue()
    {
        const QJsonObject json = toJson(parse(QString::fromLatin1(kSpecimenTd3), {QDate(2026, 11, 29), false}));
        QStringList keys = json.keys();
        QStringList expected{QStringLiteral("format"),          QStringLiteral("document_code"),  QStringLiteral("issuing_state"),
                             QStringLiteral("surname"),         QStringLiteral("given_names"),    QStringLiteral("document_number"),
                             QStringLiteral("nationality"),     QStringLiteral("birth_date"),     QStringLiteral("birth_date_raw"),
                             QStringLiteral("sex"),             QStringLiteral("expiry_date"),    QStringLiteral("expiry_date_raw"),
                             QStringLiteral("optional_data"),   QStringLiteral("optional_data_2"), QStringLiteral("checks"),
                             QStringLiteral("valid"),           QStringLiteral("corrections"),    QStringLiteral("errors"),
                             QStringLiteral("warnings")};
        keys.sort();
        expected.sort();
        QCOMPARE(keys, expected);
        QStringList checkKeys = json.value(QStringLiteral("checks")).toObject().keys();
        checkKeys.sort();
        QCOMPARE(checkKeys, (QStringList{QStringLiteral("birth_date"), QStringLiteral("composite"), QStringLiteral("document_number"),
                                         QStringLiteral("expiry_date"), QStringLiteral("optional_data")}));
    }

    void unparsedDocumentHasNullFields()
    {
        const QJsonObject json = toJson(parse(u"P<UTO", {QDate(2026, 11, 29), false}));
        QVERIFY(json.value(QStringLiteral("format")).isNull());
        QVERIFY(json.value(QStringLiteral("surname")).isNull());
        QCOMPARE(json.value(QStringLiteral("valid")).toBool(), false);
    }

    void toTravelDocument()
    {
        const MrzResult r = parse(QString::fromLatin1(kSpecimenTd3), {QDate(2026, 11, 29), false});
        const Kiosk::TravelDocument doc = r.toTravelDocument();
        QCOMPARE(doc.kind, Kiosk::DocumentKind::Passport);
        QCOMPARE(doc.documentNumber, QStringLiteral("L898902C3"));
        QCOMPARE(doc.issuingState.toString(), QStringLiteral("UTO"));
        QCOMPARE(doc.nationality.toString(), QStringLiteral("UTO"));
        QCOMPARE(doc.surname, QStringLiteral("ERIKSSON"));
        QCOMPARE(doc.givenNames, QStringLiteral("ANNA MARIA"));
        QCOMPARE(doc.birthDate, std::optional<QDate>(QDate(1974, 8, 12)));
        QCOMPARE(doc.expiryDate, std::optional<QDate>(QDate(2012, 4, 15)));
        QCOMPARE(doc.sex, Kiosk::Sex::Female);
        QVERIFY(doc.checkDigitsValid);
        QVERIFY(doc.isExpiredOn(QDate(2026, 11, 29)));

        const MrzResult visa = parse(u"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<", {QDate(2026, 11, 29), false});
        QCOMPARE(visa.toTravelDocument().kind, Kiosk::DocumentKind::Visa);
        QVERIFY(visa.toTravelDocument().isVisa());
    }

    void corrected_lines_are_reported()
    {
        QString text = QString::fromLatin1(kSpecimenTd3);
        text[45 + 5] = u'O'; // line 2 position 6: 0 read as O
        const MrzResult r = parse(text, {QDate(2026, 11, 29), true});
        QVERIFY(r.valid);
        QCOMPARE(r.lines.value(1), QStringLiteral("L898902C36UTO7408122F1204159ZE184226B<<<<<10"));
    }

    void splitDocuments_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("count");
        QTest::newRow("one document") << QStringLiteral("A\nB") << 1;
        QTest::newRow("blank-line separated") << QStringLiteral("A\nB\n\nC\nD\nE") << 2;
        QTest::newRow("whitespace-only separator, crlf") << QStringLiteral("A\r\nB\r\n \t\r\nC\r\nD\r\n") << 2;
        QTest::newRow("leading and trailing blank lines") << QStringLiteral("\n\nA\nB\n\n\n") << 1;
        QTest::newRow("empty") << QString() << 0;
    }

    void splitDocuments()
    {
        QFETCH(QString, text);
        QFETCH(int, count);
        const QList<QStringView> docs = Kiosk::Mrz::splitDocuments(text);
        QCOMPARE(docs.size(), count);
        for (QStringView d : docs)
            QVERIFY(!d.trimmed().isEmpty());
    }

    // Binary garbage, huge lines, lone surrogates: an error value, never a crash.
    void garbageNeverCrashes()
    {
        QString noise;
        for (int i = 0; i < 5000; ++i)
            noise.append(QChar(static_cast<char16_t>((i * 7919) % 0xFFFF)));
        const MrzResult r = parse(noise, {QDate(2026, 11, 29), true});
        QVERIFY(!r.valid);
        QVERIFY(!r.errors.isEmpty());
        QVERIFY(r.errors.size() <= 6);
    }
};

QTEST_GUILESS_MAIN(TestMrzParser)
#include "tst_mrzparser.moc"
