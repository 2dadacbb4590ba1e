// libFuzzer target for `kioskctl import`'s reader: any bytes, read as JSON and as
// CSV for every kind, must give a report or an error value, never a crash, and keep the
// report's invariants (nothing imported by a dry run, every rejection located).
//
// The reader streams: its hand-written JSON array splitter and CSV splitter face
// the input a chunk at a time. So each input is also read in chunks of a few bytes, which must
// change nothing, and as JSON it must be accepted exactly when QJsonDocument accepts the whole
// file as an array, with one record per element.
#include "app/store/importer.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace Kiosk::Store;

namespace {

bool sameReport(const Kiosk::Result<ImportReport> &a, const Kiosk::Result<ImportReport> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return a.error() == b.error();
    if (a->rows != b->rows || a->imported != b->imported || a->rejectedCount != b->rejectedCount
        || a->rejected.size() != b->rejected.size())
        return false;
    for (qsizetype i = 0; i < a->rejected.size(); ++i) {
        const ImportRowError &x = a->rejected[i];
        const ImportRowError &y = b->rejected[i];
        if (x.line != y.line || x.index != y.index || x.field != y.field || x.message != y.message)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // A chunk size taken from the input, so the corpus reaches boundaries everywhere.
    const qsizetype smallChunk = size == 0 ? 1 : 1 + data[0] % 7;
    for (const ImportKind kind : {ImportKind::Watchlist, ImportKind::Permits, ImportKind::Visas, ImportKind::Crossings}) {
        for (const ImportFormat format : {ImportFormat::Json, ImportFormat::Csv}) {
            ImportOptions options;
            options.kind = kind;
            options.format = format;
            const auto report = validateImport(bytes, options);
            ImportOptions chunked = options;
            chunked.readChunkBytes = smallChunk;
            if (!sameReport(report, validateImport(bytes, chunked)))
                std::abort();
            if (format == ImportFormat::Json && kind == ImportKind::Watchlist) {
                QJsonParseError err{};
                const QJsonDocument whole = QJsonDocument::fromJson(bytes, &err);
                const bool array = err.error == QJsonParseError::NoError && whole.isArray();
                if (array != report.has_value() || (array && report->rows != whole.array().size()))
                    std::abort();
            }
            if (!report) {
                if (report.error().code.isEmpty() || report.error().message.isEmpty())
                    std::abort();
                continue;
            }
            if (report->imported != 0 || report->rows < 0)
                std::abort();
            if (report->rejected.size() > kImportMaxRejected || report->rejectedCount < report->rejected.size()
                || (report->rejectedCount > 0) != !report->rejected.isEmpty())
                std::abort();
            for (const ImportRowError &e : report->rejected) {
                if (e.line < 1 || e.message.isEmpty())
                    std::abort();
            }
        }
    }
    return 0;
}
