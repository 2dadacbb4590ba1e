// vdsissue OUTDIR: writes a TEST ONLY seal trust store and sample symbols for trying
// `kioskctl barcode decode` / `vds parse` by hand:
//   OUTDIR/trust/roots/test-root.pem, OUTDIR/trust/signers/test-signer.pem
//   OUTDIR/visa-seal.hex, OUTDIR/visa-seal.png (DataMatrix), OUTDIR/boarding-pass.png (PDF417)
// The keys are generated on each run and never written: the seals cannot be re-signed.
#include "tests/support/vdsissuer.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: vdsissue OUTDIR\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    auto authority = Kiosk::Test::VdsAuthority::create();
    auto seal = authority ? Kiosk::Test::writeVisaSeal(Kiosk::Test::specimenVisa(), *authority) : Kiosk::Result<QByteArray>();
    if (!authority || !seal || !out.mkpath(QStringLiteral(".")) || !authority->writeTrustStore(out.filePath(QStringLiteral("trust")))) {
        std::fprintf(stderr, "vdsissue: cannot create the test material in %s\n", argv[1]);
        return 1;
    }
    QFile hex(out.filePath(QStringLiteral("visa-seal.hex")));
    const bool ok = hex.open(QIODevice::WriteOnly) && hex.write(seal->toHex() + '\n') > 0
                    && Kiosk::Test::renderDataMatrix(*seal, 4, 4).save(out.filePath(QStringLiteral("visa-seal.png")))
                    && Kiosk::Test::renderBarcode(QStringLiteral("pdf417"), "M1SPECIMEN/ANNA       EZX9Q7T GYDISTJ2 0063 072Y014C0042 100", 600, 200)
                           .save(out.filePath(QStringLiteral("boarding-pass.png")));
    return ok ? 0 : 1;
}
