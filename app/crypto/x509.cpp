#include "app/crypto/x509.h"
#include "app/crypto/x509_p.h"

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <QFile>
#include <QTimeZone>

#include <ctime>

namespace Kiosk::Crypto {

using namespace detail;

namespace {

const unsigned char *bytes(QByteArrayView v) { return reinterpret_cast<const unsigned char *>(v.data()); }

QString nameEntry(const X509_NAME *name, int nid)
{
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    const ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char *utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, data);
    if (len < 0)
        return {};
    QString out = QString::fromUtf8(reinterpret_cast<const char *>(utf8), len);
    OPENSSL_free(utf8);
    return out;
}

QString nameText(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, static_cast<qsizetype>(len));
}

QDateTime fromAsn1Time(const ASN1_TIME *t)
{
    struct tm tm = {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), QTimeZone::utc());
}

} // namespace

Certificate::Certificate(std::shared_ptr<const Impl> impl) : d(std::move(impl)) {}

Result<Certificate> Certificate::fromDer(QByteArrayView der)
{
    const unsigned char *p = bytes(der);
    X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!cert)
        return fail(QStringLiteral("CERT_MALFORMED"), QStringLiteral("not a DER certificate: %1").arg(lastOpenSslError()));
    return Access::wrap(std::move(cert));
}

Result<Certificate> Certificate::fromPem(QByteArrayView pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return fail(QStringLiteral("CERT_MALFORMED"), QStringLiteral("not a PEM certificate: %1").arg(lastOpenSslError()));
    return Access::wrap(std::move(cert));
}

Result<QList<Certificate>> Certificate::fromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("CERT_FILE_UNREADABLE"), QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    const QByteArray data = f.readAll();
    if (!data.contains("-----BEGIN")) {
        auto one = fromDer(data);
        if (!one)
            return fail(one.error().code, QStringLiteral("%1: %2").arg(path, one.error().message));
        return QList<Certificate>{*one};
    }
    QList<Certificate> out;
    BioPtr bio(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
    while (X509 *raw = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
        out.append(Access::wrap(X509Ptr(raw)));
    ERR_clear_error(); // the loop ends on "no start line"
    if (out.isEmpty())
        return fail(QStringLiteral("CERT_MALFORMED"), QStringLiteral("%1 holds no PEM certificate").arg(path));
    return out;
}

QByteArray Certificate::toDer() const
{
    const int len = i2d_X509(d->cert.get(), nullptr);
    if (len <= 0)
        return {};
    QByteArray out(len, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(out.data());
    i2d_X509(d->cert.get(), &p);
    return out;
}

QByteArray Certificate::toPem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), d->cert.get());
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(len));
}

QString Certificate::subjectCommonName() const { return nameEntry(X509_get_subject_name(d->cert.get()), NID_commonName); }
QString Certificate::subjectCountry() const { return nameEntry(X509_get_subject_name(d->cert.get()), NID_countryName); }
QString Certificate::subjectText() const { return nameText(X509_get_subject_name(d->cert.get())); }

QString Certificate::serialHex() const
{
    BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(d->cert.get()), nullptr));
    if (!bn)
        return {};
    char *hex = BN_bn2hex(bn.get());
    QString out = QString::fromLatin1(hex);
    OPENSSL_free(hex);
    while (out.size() > 1 && out.startsWith(u'0'))
        out.remove(0, 1);
    return out;
}

QDateTime Certificate::notBefore() const { return fromAsn1Time(X509_get0_notBefore(d->cert.get())); }
QDateTime Certificate::notAfter() const { return fromAsn1Time(X509_get0_notAfter(d->cert.get())); }

int Certificate::ecOrderBits() const
{
    EVP_PKEY *key = X509_get0_pubkey(d->cert.get());
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
        return 0;
    return EVP_PKEY_get_bits(key);
}

Result<void> verifyChain(const Certificate &leaf, const QList<Certificate> &intermediates,
                         const QList<Certificate> &roots, const QDateTime &at)
{
    X509StorePtr store(X509_STORE_new());
    X509StackPtr chain(sk_X509_new_null());
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!store || !chain || !ctx)
        return fail(QStringLiteral("CERT_INVALID"), lastOpenSslError());
    for (const Certificate &root : roots)
        X509_STORE_add_cert(store.get(), Access::x509(root)); // takes its own reference
    for (const Certificate &c : intermediates)
        sk_X509_push(chain.get(), Access::x509(c)); // borrowed: the stack is freed without its items
    if (X509_STORE_CTX_init(ctx.get(), store.get(), Access::x509(leaf), chain.get()) != 1)
        return fail(QStringLiteral("CERT_INVALID"), lastOpenSslError());
    // RFC 5280 §6.1.3: validity is judged at the time given (the seal's signature date), not now.
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()), static_cast<time_t>(at.toSecsSinceEpoch()));
    const int rc = X509_verify_cert(ctx.get());
    ERR_clear_error();
    if (rc == 1)
        return {};
    const int err = X509_STORE_CTX_get_error(ctx.get());
    const QString text = QString::fromLatin1(X509_verify_cert_error_string(err));
    switch (err) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return fail(QStringLiteral("CERT_EXPIRED"), text);
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return fail(QStringLiteral("CERT_NOT_YET_VALID"), text);
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_UNTRUSTED:
        return fail(QStringLiteral("CERT_UNTRUSTED"), text);
    default:
        return fail(QStringLiteral("CERT_INVALID"), text);
    }
}

namespace {

Result<void> addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const char *value)
{
    X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        return fail(QStringLiteral("CERT_ISSUE_FAILED"), lastOpenSslError());
    return {};
}

bool addNameEntry(X509_NAME *name, const char *field, const QString &value)
{
    if (value.isEmpty())
        return true;
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, bytes(utf8), static_cast<int>(utf8.size()), -1, 0) == 1;
}

} // namespace

Result<Certificate> issueCertificate(const CertificateSpec &spec, const EcPrivateKey &subjectKey,
                                     const EcPrivateKey &issuerKey, const Certificate *issuer)
{
    X509Ptr cert(X509_new());
    BignumPtr serial;
    BIGNUM *rawSerial = nullptr;
    const QByteArray serialText = spec.serialHex.toLatin1();
    if (!cert || BN_hex2bn(&rawSerial, serialText.constData()) != serialText.size())
        return fail(QStringLiteral("CERT_ISSUE_FAILED"), QStringLiteral("bad serial number '%1'").arg(spec.serialHex));
    serial.reset(rawSerial);
    Asn1IntegerPtr serialInt(BN_to_ASN1_INTEGER(serial.get(), nullptr));
    X509NamePtr name(X509_NAME_new());
    if (!serialInt || !name || X509_set_version(cert.get(), X509_VERSION_3) != 1
        || X509_set_serialNumber(cert.get(), serialInt.get()) != 1
        || !addNameEntry(name.get(), "C", spec.country) || !addNameEntry(name.get(), "O", spec.organization)
        || !addNameEntry(name.get(), "CN", spec.commonName)
        || X509_set_subject_name(cert.get(), name.get()) != 1
        || X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(Access::x509(*issuer)) : name.get()) != 1
        || !ASN1_TIME_set(X509_getm_notBefore(cert.get()), static_cast<time_t>(spec.notBefore.toSecsSinceEpoch()))
        || !ASN1_TIME_set(X509_getm_notAfter(cert.get()), static_cast<time_t>(spec.notAfter.toSecsSinceEpoch()))
        || X509_set_pubkey(cert.get(), Access::pkey(subjectKey)) != 1)
        return fail(QStringLiteral("CERT_ISSUE_FAILED"), lastOpenSslError());

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer ? Access::x509(*issuer) : cert.get(), cert.get(), nullptr, nullptr, 0);
    const char *constraints = spec.isCa ? "critical,CA:TRUE,pathlen:0" : "critical,CA:FALSE";
    const char *usage = spec.isCa ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature";
    for (auto [nid, value] : {std::pair{NID_basic_constraints, constraints}, std::pair{NID_key_usage, usage},
                              std::pair{NID_subject_key_identifier, "hash"},
                              std::pair{NID_authority_key_identifier, "keyid:always"}}) {
        if (auto ok = addExtension(cert.get(), &ctx, nid, value); !ok)
            return std::unexpected(ok.error());
    }
    if (X509_sign(cert.get(), Access::pkey(issuerKey), EVP_sha256()) <= 0)
        return fail(QStringLiteral("CERT_ISSUE_FAILED"), lastOpenSslError());
    return Access::wrap(std::move(cert));
}

} // namespace Kiosk::Crypto
