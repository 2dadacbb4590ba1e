#pragma once
// The JSON form of one OCR read: the object `kioskctl ocr` prints per image:
// file, found, lines, confidence (the lowest per line), quad ([[x, y] x 4], image pixels),
// mrz (the object `kioskctl mrz parse` prints, or null), ms.
#include "scanner/ocr/mrzrecognizer.h"

#include <QJsonObject>

namespace Kiosk::Ocr {

[[nodiscard]] QJsonObject toJson(const OcrResult &result, const QString &file);

} // namespace Kiosk::Ocr
