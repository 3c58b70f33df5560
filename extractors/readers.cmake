# The input readers (bytes in, Documents out), included by CMakeLists.txt.
set(NEWSGRAPH_READER_SOURCES utf8.cc dates.cc text_reader.cc html_reader.cc jsonl_reader.cc readers.cc)

# RapidJSON 1.1 (internal/stack.h) adds offsets to a null pointer on every
# first parse, which clang's -fsanitize=undefined reports and, with
# -fno-sanitize-recover, aborts on. Fixed upstream after 1.1.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  set_source_files_properties(jsonl_reader.cc PROPERTIES
    COMPILE_OPTIONS "-fno-sanitize=pointer-overflow")
endif()
