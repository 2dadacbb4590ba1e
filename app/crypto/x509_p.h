#pragma once
// Private to app/crypto: the OpenSSL handles behind Certificate and EcPrivateKey, shared by
// x509.cpp and ecdsa.cpp.
#include "app/crypto/ecdsa.h"
#include "app/crypto/openssl_p.h"
#include "app/crypto/x509.h"

namespace Kiosk::Crypto {

struct Certificate::Impl
{
    detail::X509Ptr cert;
};

struct EcPrivateKey::Impl
{
    detail::PkeyPtr key;
};

namespace detail {

struct Access
{
    static X509 *x509(const Certificate &c) { return c.d->cert.get(); }
    static EVP_PKEY *pkey(const EcPrivateKey &k) { return k.d->key.get(); }
    static Certificate wrap(X509Ptr cert)
    {
        return Certificate(std::make_shared<const Certificate::Impl>(Certificate::Impl{std::move(cert)}));
    }
};

} // namespace detail
} // namespace Kiosk::Crypto
