#pragma once
// Errors are values (architecture.md): a stable upper-case code a test can assert and a
// message a person can read. Nothing throws across a module boundary.
#include <QString>
#include <expected>

namespace Kiosk {

struct Error {
    QString code;     // stable, upper case: "MRZ_BAD_CHARACTER", "POLICY_SIGNATURE_INVALID"
    QString message;  // for a person; never carries personal data when logged

    friend bool operator==(const Error &, const Error &) = default;
};

template <typename T>
using Result = std::expected<T, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(QString code, QString message)
{
    return std::unexpected<Error>(Error{std::move(code), std::move(message)});
}

} // namespace Kiosk
