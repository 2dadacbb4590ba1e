#pragma once
// OpenSSL only through RAII (conventions.md): each handle is a unique_ptr with its *_free.
// Private to app/crypto: nothing else includes OpenSSL headers.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/ec.h>

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
// X.509 and ECDSA (app/crypto/x509.cpp, ecdsa.cpp).
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;
using X509NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
// sk_X509_free is a macro in OpenSSL 3: wrap it for the deleter (frees the stack, not the items).
inline void freeX509Stack(STACK_OF(X509) *stack) { sk_X509_free(stack); }
using X509StackPtr = std::unique_ptr<STACK_OF(X509), Deleter<freeX509Stack>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG_free>>;

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
