# The fuzz targets' entry points as a library, shared by the libFuzzer binaries (tests/fuzz) and by
# tst_crashreplay, so that every kept crash replays through exactly the code that found it.
include_guard(GLOBAL)
add_library(runlens_fuzz_entrypoints STATIC ${CMAKE_CURRENT_LIST_DIR}/entrypoints.cpp)
target_include_directories(runlens_fuzz_entrypoints PUBLIC ${CMAKE_CURRENT_LIST_DIR}
    PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../common)
target_link_libraries(runlens_fuzz_entrypoints PUBLIC runlens_report runlens_model PRIVATE runlens_warnings)
