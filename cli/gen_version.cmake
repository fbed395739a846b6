# gen_version.cmake - writes muster_version.h, the git commit that
# `muster --version` prints, on every build (CMakeLists.txt's target
# muster_version), and rewrites it only when the commit changes: a new
# commit recompiles main.c alone, and an unchanged one nothing.
#   cmake -DSOURCE_DIR=DIR -DOUT=FILE -P gen_version.cmake
# The commit is the abbreviated hash, with "-dirty" when tracked files
# differ from it; "unknown" without git, or without SOURCE_DIR/.git (a
# tarball: git would otherwise report whatever repository holds the folder).
cmake_minimum_required(VERSION 3.18)

set(commit unknown)
if(EXISTS "${SOURCE_DIR}/.git")
  find_program(GIT_EXECUTABLE git)
  if(GIT_EXECUTABLE)
    # --exclude='*' ignores tags: the hash alone, never a tag's name.
    execute_process(
      COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" describe --always --dirty --abbrev=7
              --exclude=*
      OUTPUT_VARIABLE described
      OUTPUT_STRIP_TRAILING_WHITESPACE
      ERROR_QUIET
      RESULT_VARIABLE rc)
    if(rc EQUAL 0 AND described MATCHES "^[0-9a-f]+(-dirty)?$")
      set(commit "${described}")
    endif()
  endif()
endif()

set(text "/* muster_version.h - written by cli/gen_version.cmake; do not edit. */
#define MUSTER_COMMIT \"${commit}\"
")
set(old "")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
