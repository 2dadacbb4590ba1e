// libFuzzer target for the policy parser: any bytes give a policy set or an
// error value, never a crash; a parsed policy drives the engine through an entry and an exit
// check without crashing, whatever its numbers (windows, grace periods, day counts).
#include "app/rules/engine.h"
#include "app/rules/policy.h"

#include <cstdint>
#include <cstdlib>

using namespace Kiosk;
using namespace Kiosk::Rules;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto set = PolicySet::fromJson(bytes);
    if (!set) {
        if (set.error().code.isEmpty())
            std::abort(); // an error always carries its stable code
        return 0;
    }
    if (set->isEmpty())
        std::abort(); // a parsed policy holds at least one version
    CheckInputs in;
    in.document.nationality = *CountryCode::fromString(u"RUS");
    in.document.checkDigitsValid = true;
    in.document.birthDate = QDate(1985, 6, 15);
    in.document.expiryDate = QDate(2031, 1, 1);
    in.history = {Crossing{Direction::Entry, QDate(2026, 1, 1), {}}, Crossing{Direction::Exit, QDate(2026, 2, 1), {}},
                  Crossing{Direction::Entry, QDate(2026, 3, 1), {}}};
    in.permits = {Permit{PermitKind::TemporaryResidence, QDate(2025, 1, 1), QDate(2026, 3, 5), {}}};
    for (const PolicyVersion &v : set->versions()) {
        in.date = v.effectiveFrom.isValid() ? std::max(v.effectiveFrom, QDate(2026, 4, 1)) : QDate(2026, 4, 1);
        for (Direction d : {Direction::Entry, Direction::Exit}) {
            in.direction = d;
            const Verdict verdict = evaluate(in, v);
            if (verdict.reasons.isEmpty())
                std::abort(); // every check gives at least one reason
        }
    }
    return 0;
}
