#pragma once
// The JSON form of an MRZ result, shared by `kioskctl mrz parse`, `kioskctl check` and the
// OCR module. Exactly these keys: format, document_code, issuing_state, surname,
// given_names, document_number, nationality, birth_date, birth_date_raw, sex, expiry_date,
// expiry_date_raw, optional_data, optional_data_2, checks{document_number, birth_date,
// expiry_date, optional_data, composite}, valid, corrections[{field, position, from, to}],
// errors[{code, message}], warnings[{code, message}].
#include "scanner/mrz/mrzparser.h"

#include <QJsonObject>

namespace Kiosk::Mrz {

[[nodiscard]] QJsonObject toJson(const MrzResult &result);

// A few lines of text for a person (kioskctl mrz parse --pretty).
[[nodiscard]] QString toPrettyText(const MrzResult &result);

} // namespace Kiosk::Mrz
