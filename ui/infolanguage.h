#pragma once
// The languages of the information screen (Azerbaijani, Russian and English, §114) and the
// translations of both faces.
//
// Which language a passport suggests is data (resources/info/languages.json, compiled in as
// ":/kiosk/info/languages.json"): the screen starts in it once the passport is read, and in the
// file's default before. The translations are Qt Linguist files (resources/i18n/kiosk_*.ts),
// compiled by qt_add_translations into ":/kiosk/i18n/kiosk_<code>.qm".
#include "app/core/countrycode.h"
#include "app/core/error.h"

#include <QHash>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace Kiosk::Ui {

inline const QString kInfoLanguagesFile = QStringLiteral(":/kiosk/info/languages.json");

class InfoLanguages
{
public:
    // Errors: INFO_LANGUAGES_UNREADABLE, INFO_LANGUAGES_INVALID (names the key).
    [[nodiscard]] static Result<InfoLanguages> fromJson(QByteArrayView json);
    [[nodiscard]] static Result<InfoLanguages> load(const QString &path = kInfoLanguagesFile);

    [[nodiscard]] const QStringList &languages() const { return m_languages; } // "az", "ru", "en"
    [[nodiscard]] const QString &defaultLanguage() const { return m_default; }
    // The language a passport of `nationality` starts the screen in (the default if not listed).
    [[nodiscard]] QString suggestedFor(const CountryCode &nationality) const;

    // The language's own name ("Azərbaycanca", "Русский", "English"): a traveller looks for
    // the name they can read, so these are never translated.
    [[nodiscard]] static QString nativeName(const QString &code);
    // The locale for dates and numbers in that language (az_AZ, ru_RU, en_GB: day before month).
    [[nodiscard]] static QLocale locale(const QString &code);

private:
    QStringList m_languages;
    QString m_default;
    QHash<QString, QString> m_byNationality;
};

// Installs the translation of `code` for the whole application, replacing the one installed
// before (every widget then gets a LanguageChange event). Both faces' strings are in the same
// files, so the console may use this as well. Errors: TRANSLATION_MISSING.
class KioskTranslator
{
public:
    KioskTranslator();
    ~KioskTranslator();
    KioskTranslator(const KioskTranslator &) = delete;
    KioskTranslator &operator=(const KioskTranslator &) = delete;

    [[nodiscard]] Result<void> install(const QString &code);
    [[nodiscard]] const QString &current() const { return m_current; }

private:
    std::unique_ptr<QTranslator> m_translator;
    QString m_current;
};

} // namespace Kiosk::Ui
