// libFuzzer target for `kioskctl import`'s reader (issue 3 §3): any bytes, read as JSON and as
// CSV for every kind, must give a report or an error value, never a crash, and keep the
// report's invariants (nothing imported by a dry run, every rejection located).
#include "app/store/importer.h"

#include <cstdint>
#include <cstdlib>

using namespace Kiosk::Store;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const ImportKind kind : {ImportKind::Watchlist, ImportKind::Permits, ImportKind::Visas, ImportKind::Crossings}) {
        for (const ImportFormat format : {ImportFormat::Json, ImportFormat::Csv}) {
            ImportOptions options;
            options.kind = kind;
            options.format = format;
            const auto report = validateImport(bytes, options);
            if (!report) {
                if (report.error().code.isEmpty() || report.error().message.isEmpty())
                    std::abort();
                continue;
            }
            if (report->imported != 0 || report->rows < 0)
                std::abort();
            for (const ImportRowError &e : report->rejected) {
                if (e.line < 1 || e.message.isEmpty())
                    std::abort();
            }
        }
    }
    return 0;
}
