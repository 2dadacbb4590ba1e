#pragma once
// OpenSSL only through RAII (conventions.md): each handle is a unique_ptr with its *_free.
// Private to app/crypto: nothing else includes OpenSSL headers.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <QString>
#include <memory>

namespace Kiosk::Crypto::detail {

template <auto Fn>
struct Deleter
{
    template <typename T>
    void operator()(T *p) const { Fn(p); }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;

// The most recent OpenSSL error as text (and clears the queue).
inline QString lastOpenSslError()
{
    unsigned long code = ERR_get_error();
    unsigned long next = 0;
    while ((next = ERR_get_error()) != 0)
        code = next;
    if (code == 0)
        return QStringLiteral("unknown OpenSSL error");
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    return QString::fromLatin1(buf);
}

} // namespace Kiosk::Crypto::detail
