#include "app/session/operatordirectory.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Kiosk::Session {

Result<OperatorDirectory> OperatorDirectory::fromJson(QByteArrayView json)
{
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("OPERATORS_MALFORMED"),
                    QStringLiteral("operators file: not a JSON object (%1 at offset %2)")
                        .arg(perr.errorString())
                        .arg(perr.offset));
    const QJsonValue list = doc.object().value(QLatin1String("operators"));
    if (!list.isArray())
        return fail(QStringLiteral("OPERATORS_MALFORMED"), QStringLiteral("operators file: \"operators\" must be an array"));
    OperatorDirectory dir;
    int index = 0;
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject o = v.toObject();
        Operator op{o.value(QLatin1String("id")).toString(), o.value(QLatin1String("name")).toString(),
                    o.value(QLatin1String("pin_hash")).toString()};
        if (op.id.trimmed().isEmpty() || !op.pinHash.startsWith(u'$'))
            return fail(QStringLiteral("OPERATORS_MALFORMED"),
                        QStringLiteral("operators file: entry %1 needs an \"id\" and a \"pin_hash\"").arg(index));
        if (dir.find(op.id))
            return fail(QStringLiteral("OPERATORS_MALFORMED"),
                        QStringLiteral("operators file: entry %1 repeats an id").arg(index));
        dir.m_operators.append(std::move(op));
        ++index;
    }
    return dir;
}

Result<OperatorDirectory> OperatorDirectory::fromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("OPERATORS_READ_FAILED"), QStringLiteral("%1: %2").arg(path, f.errorString()));
    return fromJson(f.readAll());
}

Result<void> OperatorDirectory::add(const QString &id, const QString &name, QStringView pin, int iterations)
{
    if (id.trimmed().isEmpty() || find(id))
        return fail(QStringLiteral("OPERATORS_MALFORMED"), QStringLiteral("operator id empty or already present"));
    auto hash = Crypto::hashPassword(pin, {.iterations = iterations, .saltBytes = 16});
    if (!hash)
        return std::unexpected(hash.error());
    m_operators.append({id, name, *hash});
    // The cost was chosen by code, not read from a file: a file never lowers the floor.
    m_minimumIterations = std::min(m_minimumIterations, iterations);
    return {};
}

void OperatorDirectory::put(Operator op)
{
    for (Operator &existing : m_operators)
        if (existing.id == op.id) {
            existing = std::move(op);
            return;
        }
    m_operators.append(std::move(op));
}

QByteArray OperatorDirectory::toJson() const
{
    QJsonArray list;
    for (const Operator &op : m_operators)
        list.append(QJsonObject{{QStringLiteral("id"), op.id},
                                {QStringLiteral("name"), op.name},
                                {QStringLiteral("pin_hash"), op.pinHash}});
    return QJsonDocument(QJsonObject{{QStringLiteral("operators"), list}}).toJson();
}

std::optional<Operator> OperatorDirectory::find(QStringView id) const
{
    for (const Operator &op : m_operators)
        if (op.id == id)
            return op;
    return std::nullopt;
}

Result<Operator> OperatorDirectory::authenticate(QStringView id, QStringView pin) const
{
    const auto op = find(id.trimmed());
    if (!op) {
        // Spend the same time as a real check so an unknown id is not faster to reject.
        (void)Crypto::verifyPassword(pin, m_operators.isEmpty() ? QString() : m_operators.front().pinHash, m_minimumIterations);
        return fail(QStringLiteral("SIGNIN_FAILED"), QStringLiteral("unknown operator or wrong PIN"));
    }
    auto ok = Crypto::verifyPassword(pin, op->pinHash, m_minimumIterations);
    if (!ok)
        return std::unexpected(ok.error());
    if (!*ok)
        return fail(QStringLiteral("SIGNIN_FAILED"), QStringLiteral("unknown operator or wrong PIN"));
    return *op;
}

} // namespace Kiosk::Session
