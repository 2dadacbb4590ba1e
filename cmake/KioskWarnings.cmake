# One interface target carries the warning level and the sanitizers; modules link it
# PRIVATE so no directory-wide flags leak into consumers.
add_library(kiosk_warnings INTERFACE)
target_compile_options(kiosk_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
  -Wimplicit-fallthrough)
if(KIOSK_WERROR)
  target_compile_options(kiosk_warnings INTERFACE -Werror)
endif()

if(KIOSK_SANITIZE OR KIOSK_FUZZ)
  # Sanitizers are global on purpose: a mixed instrumented/uninstrumented build
  # gives false positives in ASan's container checks.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(KIOSK_FUZZ)
  # Coverage feedback for libFuzzer in every library the targets link.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 16
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 19)
  # libstdc++ 12 hides <expected> unless __cpp_concepts >= 202002L. Clang 16 implements what
  # that value stands for (P0848, conditionally trivial special members) but still reports
  # 201907L, so the fuzz build (clang) states it; with it every module, std::expected and all,
  # builds under libFuzzer.
  add_compile_options(-Wno-builtin-macro-redefined -U__cpp_concepts -D__cpp_concepts=202002L)
endif()

# Helper: a module library with the house settings.
#   kiosk_module(kiosk_mrz)  -> STATIC library, warnings, include root = source root
function(kiosk_module name)
  add_library(${name} STATIC)
  target_link_libraries(${name} PRIVATE kiosk_warnings)
  # Headers are included by their module path: #include "scanner/mrz/mrzparser.h"
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()
