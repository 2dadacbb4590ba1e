# Writes a binary file as a C++ byte array (a model file embedded in a library).
#   cmake -DIN=file.bin -DOUT=file.cpp -DNAMESPACE=Kiosk::X -DNAME=kData -P EmbedBinary.cmake
# Defines `const unsigned char NAME[]` and `const std::size_t NAMESize`. A missing input gives
# an empty array: the code that reads it must check the size (and says so at run time).
if(EXISTS "${IN}")
  file(READ "${IN}" hex HEX)
else()
  set(hex "")
endif()
string(LENGTH "${hex}" hexLength)
math(EXPR size "${hexLength} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){32})" "\\1\n    " bytes "${bytes}")
file(WRITE "${OUT}.tmp"
"// Generated from ${IN} by cmake/EmbedBinary.cmake. Do not edit.\n#include <cstddef>\n\nnamespace ${NAMESPACE} {\n\n"
"extern const unsigned char ${NAME}[];\nextern const std::size_t ${NAME}Size;\n"
"const unsigned char ${NAME}[] = {\n    ${bytes}0};\nconst std::size_t ${NAME}Size = ${size};\n\n}\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
