#include "app/core/traveldocument.h"

namespace Kiosk {

QString sexToString(Sex sex)
{
    switch (sex) {
    case Sex::Male:
        return QStringLiteral("M");
    case Sex::Female:
        return QStringLiteral("F");
    case Sex::Unspecified:
        break;
    }
    return QStringLiteral("X");
}

DocumentKind documentKindFromCode(QStringView documentCode)
{
    if (documentCode.isEmpty())
        return DocumentKind::Other;
    switch (documentCode.front().unicode()) {
    case u'P':
        return DocumentKind::Passport;
    case u'V':
        return DocumentKind::Visa;
    case u'I':
    case u'A':
    case u'C':
        return DocumentKind::IdentityCard;
    default:
        return DocumentKind::Other;
    }
}

} // namespace Kiosk
