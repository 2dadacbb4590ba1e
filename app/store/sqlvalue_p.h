#pragma once
// Conversions between core values and the columns of resources/sql/001_schema.sql, kept in one
// place so every repository writes dates, codes and document numbers the same way.
#include "app/core/countrycode.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

namespace Kiosk::Store::Sql {

// ISO 'YYYY-MM-DD' or NULL: text dates sort and compare correctly in SQLite.
[[nodiscard]] inline QVariant date(const std::optional<QDate> &d)
{
    return d && d->isValid() ? QVariant(d->toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}
[[nodiscard]] inline QVariant date(const QDate &d)
{
    return date(std::optional<QDate>(d));
}
[[nodiscard]] inline std::optional<QDate> toDate(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}
// An instant as the schema keeps it, ISO 8601 UTC to the second ('YYYY-MM-DDTHH:MM:SSZ', what
// the columns' defaults wrote), or NULL: a NOT NULL column then refuses a missing time rather
// than a clock being read here.
[[nodiscard]] inline QVariant instant(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}
[[nodiscard]] inline QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}
// For NOT NULL text columns: QtSql binds a null QString as NULL, so make it ''.
[[nodiscard]] inline QVariant str(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}
[[nodiscard]] inline QVariant code(const std::optional<CountryCode> &c)
{
    return c && !c->isEmpty() ? QVariant(c->toString()) : QVariant(QMetaType(QMetaType::QString));
}
[[nodiscard]] inline std::optional<CountryCode> toCode(const QVariant &v)
{
    return v.isNull() ? std::nullopt : CountryCode::fromString(v.toString());
}

} // namespace Kiosk::Store::Sql
