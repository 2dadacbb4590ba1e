# Tests pin their world (conventions.md): offscreen Qt, a time zone that is not the
# checkpoint's (Asia/Baku), C locale, no network but loopback.
set(KIOSK_TEST_ENV
  "QT_QPA_PLATFORM=offscreen"
  "TZ=America/Sao_Paulo"
  "LC_ALL=C.UTF-8"
  "QT_LOGGING_RULES=kiosk.*.debug=false"
  "KIOSK_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "KIOSK_BINARY_DIR=${PROJECT_BINARY_DIR}")

#   kiosk_add_qtest(tst_mrzparser SOURCES tst_mrzparser.cpp LIBS kiosk_mrz [LABELS unit] [TIMEOUT 60])
function(kiosk_add_qtest name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
  target_link_libraries(${name} PRIVATE Qt6::Test kiosk_warnings ${T_LIBS})
  target_compile_definitions(${name} PRIVATE KIOSK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${KIOSK_TEST_ENV}" TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}")
endfunction()

#   kiosk_add_fuzzer(fuzz_mrz SOURCES fuzz_mrz.cpp LIBS kiosk_mrz)
function(kiosk_add_fuzzer name)
  cmake_parse_arguments(F "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${F_SOURCES})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/fuzz)
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  target_link_libraries(${name} PRIVATE ${F_LIBS})
endfunction()

#   kiosk_add_bench(bench_mrz SOURCES bench_mrz.cpp LIBS kiosk_mrz)
function(kiosk_add_bench name)
  cmake_parse_arguments(B "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${B_SOURCES})
  target_link_libraries(${name} PRIVATE benchmark::benchmark ${B_LIBS})
  target_compile_definitions(${name} PRIVATE KIOSK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endfunction()
