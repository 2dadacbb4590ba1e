#pragma once
// The readers of import files (app/store/importer.h): a JSON array of records or a CSV file
// with a header, read a chunk at a time, each record handed on as it is read so that only a
// chunk and one record are ever held.
#include "app/core/error.h"
#include "app/store/importer.h"
#include "app/store/importrow.h"

#include <QIODevice>
#include <QSet>
#include <QString>

#include <functional>

namespace Kiosk::Store {

// IMPORT_BAD_FILE naming the line.
[[nodiscard]] Error badFile(int line, const QString &problem);

using ImportRecordSink = std::function<void(const ImportRecord &)>;

// Reads `input` to its end in pieces of `chunkBytes`. A JSON element or CSV column outside
// `allowed` is the record's shape error (JSON) or the file's (a CSV header); the file's own
// syntax errors, a read failure and a CSV file without a header are IMPORT_BAD_FILE.
[[nodiscard]] Result<void> readImportRecords(QIODevice &input, ImportFormat format, qsizetype chunkBytes,
                                             const QSet<QString> &allowed, const ImportRecordSink &sink);

} // namespace Kiosk::Store
