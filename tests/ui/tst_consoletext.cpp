// The console's reason titles in the officer's language: every reason code the engine can give
// (app/core/reasoncode.h) has a title, and in Azerbaijani and Russian that title is translated,
// never the English one shown on an az/ru console (resources/i18n/kiosk_{az,ru}.ts).
#include "app/core/reasoncode.h"
#include "ui/consoletext.h"
#include "ui/infolanguage.h"

#include <QCoreApplication>
#include <QTest>

using namespace Kiosk;

Q_DECLARE_METATYPE(Kiosk::ReasonCode)

class TestConsoleText : public QObject
{
    Q_OBJECT
private slots:
    void reasonTitleTranslated_data();
    void reasonTitleTranslated();
};

void TestConsoleText::reasonTitleTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<ReasonCode>("code");
    for (const char *language : {"az", "ru"})
        for (const ReasonCodeInfo &row : kReasonCodes)
            QTest::addRow("%s console: %s", language, row.name.data()) << QString::fromLatin1(language) << row.code;
}

void TestConsoleText::reasonTitleTranslated()
{
    QFETCH(QString, language);
    QFETCH(ReasonCode, code);
    const QString english = Ui::ConsoleText::reasonTitle(code); // no translator installed yet
    QVERIFY2(!english.isEmpty() && english != reasonCodeToString(code), qPrintable(english));

    Ui::KioskTranslator translator;
    const auto installed = translator.install(language);
    QVERIFY2(installed.has_value(), installed ? "" : qPrintable(installed.error().message));
    const QString translated = Ui::ConsoleText::reasonTitle(code);
    QVERIFY2(!translated.isEmpty(), qPrintable(reasonCodeToString(code)));
    QVERIFY2(translated != english, qPrintable(QStringLiteral("%1 is English on the %2 console: %3")
                                                   .arg(reasonCodeToString(code), language, english)));
}

QTEST_GUILESS_MAIN(TestConsoleText)
#include "tst_consoletext.moc"
