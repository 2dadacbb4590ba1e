#pragma once
// C40 encodation as ISO/IEC 16022 §5.2.5 defines it, in the byte-pair form visible digital
// seals use for alphanumeric data (ICAO 9303-13 §2.6, BSI TR-03137 Annex B): three values
// per 16-bit pair (I16 = 1600*C1 + 40*C2 + C3 + 1), the Shift 1/2/3 sets and Upper Shift,
// Shift 1 as the pad of a last pair holding two characters, and the unlatch form
// 0xFE + ASCII encodation for a last single character.
#include "app/core/error.h"

#include <QByteArray>
#include <QString>

namespace Kiosk::Vds {

// Decodes C40 bytes to text (code points 0-255, as Latin-1). Error VDS_BAD_C40 names the
// byte offset. The MRZ filler '<' comes back as a space: callers turn it back (Annex B).
[[nodiscard]] Result<QString> decodeC40(QByteArrayView bytes);

// Encodes Latin-1 text; '<' is encoded as a space (BSI TR-03137 Annex B rule 1).
// Error VDS_BAD_C40 for characters above U+00FF.
[[nodiscard]] Result<QByteArray> encodeC40(QStringView text);

// Byte length of the C40 form of `chars` basic-set characters: the least even number
// >= chars (Annex B rule 2).
[[nodiscard]] constexpr int c40Length(int chars) { return (chars + 2) / 3 * 2; }

} // namespace Kiosk::Vds
