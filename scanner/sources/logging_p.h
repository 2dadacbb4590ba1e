#pragma once
// One logging category per module (conventions.md). Lines carry source ids, port names and
// counts, never MRZ text or file contents (no personal data in logs).
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSources)
