# The information screen's build pieces, included from ui/CMakeLists.txt so that
# file stays the console's. Its sources (ui/info*.cpp/.h) come in through that file's glob.
target_link_libraries(kiosk_ui PRIVATE kiosk_crypto)
# The language map (resources/info/languages.json) as ":/kiosk/info/languages.json".
qt_add_resources(kiosk_ui kiosk_ui_info
  PREFIX /kiosk/info
  BASE ${PROJECT_SOURCE_DIR}/resources/info
  FILES ${PROJECT_SOURCE_DIR}/resources/info/languages.json)
# Both faces' translations, compiled by lrelease into ":/kiosk/i18n/kiosk_<code>.qm".
# lupdate is NOT run by the build (it would rewrite the tracked .ts files); scripts/check-translations
# runs it on copies and fails when a string is untranslated (CTest: check_translations).
qt_add_translations(kiosk_ui
  TS_FILES
    ${PROJECT_SOURCE_DIR}/resources/i18n/kiosk_az.ts
    ${PROJECT_SOURCE_DIR}/resources/i18n/kiosk_ru.ts
    ${PROJECT_SOURCE_DIR}/resources/i18n/kiosk_en.ts
  RESOURCE_PREFIX /kiosk/i18n
  LRELEASE_OPTIONS -silent)
