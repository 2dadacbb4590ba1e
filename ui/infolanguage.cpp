#include "ui/infolanguage.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTranslator>

namespace Kiosk::Ui {

namespace {

std::unexpected<Error> invalid(const QString &what)
{
    return fail(QStringLiteral("INFO_LANGUAGES_INVALID"), QStringLiteral("languages file: %1").arg(what));
}

} // namespace

Result<InfoLanguages> InfoLanguages::fromJson(QByteArrayView json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(QStringLiteral("not a JSON object (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    const QJsonObject root = doc.object();
    InfoLanguages result;
    for (const QJsonValue &v : root.value(QLatin1String("languages")).toArray()) {
        const QString code = v.toString();
        if (code.size() != 2)
            return invalid(QStringLiteral("'languages' holds '%1', not a two-letter code").arg(code));
        result.m_languages.append(code);
    }
    if (result.m_languages.isEmpty())
        return invalid(QStringLiteral("'languages' is missing or empty"));
    result.m_default = root.value(QLatin1String("default")).toString();
    if (!result.m_languages.contains(result.m_default))
        return invalid(QStringLiteral("'default' is '%1', not one of the languages").arg(result.m_default));
    const QJsonObject map = root.value(QLatin1String("by_nationality")).toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString language = it.value().toString();
        if (!result.m_languages.contains(language))
            return invalid(QStringLiteral("'by_nationality.%1' is '%2', not one of the languages").arg(it.key(), language));
        if (!CountryCode::fromString(it.key()).has_value())
            return invalid(QStringLiteral("'by_nationality' key '%1' is not a country code").arg(it.key()));
        result.m_byNationality.insert(it.key(), language);
    }
    return result;
}

Result<InfoLanguages> InfoLanguages::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("INFO_LANGUAGES_UNREADABLE"), QStringLiteral("cannot read %1").arg(path));
    return fromJson(file.readAll());
}

QString InfoLanguages::suggestedFor(const CountryCode &nationality) const
{
    return m_byNationality.value(nationality.toString(), m_default);
}

QString InfoLanguages::nativeName(const QString &code)
{
    if (code == u"az")
        return QStringLiteral("Azərbaycanca");
    if (code == u"ru")
        return QStringLiteral("Русский");
    if (code == u"en")
        return QStringLiteral("English");
    return code;
}

QLocale InfoLanguages::locale(const QString &code)
{
    if (code == u"az")
        return QLocale(QLocale::Azerbaijani, QLocale::LatinScript, QLocale::Azerbaijan);
    if (code == u"ru")
        return QLocale(QLocale::Russian, QLocale::Russia);
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

KioskTranslator::KioskTranslator() = default;

KioskTranslator::~KioskTranslator()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

Result<void> KioskTranslator::install(const QString &code)
{
    if (code == m_current)
        return {};
    auto next = std::make_unique<QTranslator>();
    const QString path = QStringLiteral(":/kiosk/i18n/kiosk_%1.qm").arg(code);
    if (!next->load(path))
        return fail(QStringLiteral("TRANSLATION_MISSING"), QStringLiteral("no translation %1").arg(path));
    // Install the new one before removing the old, so the widgets retranslate once into it.
    QCoreApplication::installTranslator(next.get());
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::move(next);
    m_current = code;
    return {};
}

} // namespace Kiosk::Ui
