# test_docs.cmake - muster as an installed tool: `muster --version` names the
# version and the commit; muster(1) and the bash completion, generated from
# the help texts (cli/gen_docs.cmake), name every command `muster help` lists
# and every option of each command's usage; `cmake --install` puts the
# binary, the page and the completion where a user's shell and man find them.
# Reads the help with its own parsing, not gen_docs.cmake's, so that a line
# the generator drops is caught.
#   cmake -DMUSTER=BIN -DMAN=muster.1 -DCOMPLETION=FILE -DVERSION=V
#         -DSOURCE_DIR=DIR -DBUILD_DIR=DIR -DWORK=DIR -P test_docs.cmake
cmake_minimum_required(VERSION 3.18)

set(n_failures 0)
macro(fail message)
  message(SEND_ERROR "test_docs: ${message}")
  math(EXPR n_failures "${n_failures} + 1")
endmacro()

function(run out)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE text ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "test_docs: '${ARGN}' failed (${rc}): ${err}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# --- muster --version: "muster 0.1.0 (git 1a2b3c4)" ---
set(hex7 "[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]")
run(version "${MUSTER}" --version)
if(NOT version MATCHES "^muster ([0-9]+[.][0-9]+[.][0-9]+) [(]git ([^)]*)[)]\n$")
  fail("--version prints '${version}', not 'muster X.Y.Z (git COMMIT)'")
elseif(NOT CMAKE_MATCH_1 STREQUAL VERSION)
  fail("--version prints version ${CMAKE_MATCH_1}, the project is ${VERSION}")
else()
  set(commit "${CMAKE_MATCH_2}")
  find_program(GIT_EXECUTABLE git)
  if(NOT EXISTS "${SOURCE_DIR}/.git")
    if(NOT commit STREQUAL "unknown")
      fail("--version names commit '${commit}' in a source tree without .git")
    endif()
  elseif(GIT_EXECUTABLE)
    # Any commit of this repository (the binary may predate the newest).
    string(REGEX REPLACE "-dirty$" "" hash "${commit}")
    execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" cat-file -e "${hash}^{commit}"
      RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
    if(NOT commit MATCHES "^${hex7}[0-9a-f]*(-dirty)?$" OR NOT rc EQUAL 0)
      fail("--version names '${commit}', not a commit of ${SOURCE_DIR}")
    endif()
  endif()
endif()

# --- the commands muster help lists ---
run(overview "${MUSTER}" help)
string(REGEX MATCHALL "\n  [a-z][a-z0-9-]* " lines "${overview}")
set(commands "")
foreach(line IN LISTS lines)
  string(STRIP "${line}" name)
  list(APPEND commands "${name}")
endforeach()
list(LENGTH commands n_commands)
if(n_commands LESS 10)
  fail("muster help lists ${n_commands} commands: '${commands}'")
endif()

# --- the man page, as plain text: fonts dropped, \- and \e as typed ---
file(READ "${MAN}" page)
string(REGEX REPLACE "\\\\f[BIRP]" "" text "${page}")
string(REPLACE "\\-" "-" text "${text}")
string(REPLACE "\\&" "" text "${text}")
string(REPLACE "\\e" "\\" text "${text}")
foreach(section NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS" FILES "SEE ALSO")
  if(NOT text MATCHES "\n[.]SH ${section}\n")
    fail("muster.1 has no section ${section}")
  endif()
endforeach()
if(NOT text MATCHES "\n[.]TH MUSTER 1 [^\n]*muster ${VERSION}")
  fail("muster.1's .TH does not name muster ${VERSION}")
endif()

file(READ "${COMPLETION}" completion)
if(NOT completion MATCHES "local commands='([^']*)'")
  fail("the completion has no command list")
endif()
string(REPLACE " " ";" completed_commands "${CMAKE_MATCH_1}")

foreach(cmd IN LISTS commands)
  # The command's own part of the page: from its .SS to the next heading.
  string(FIND "${text}" "\n.SS \"muster ${cmd}\"\n" at)
  if(at EQUAL -1)
    fail("muster.1 has no section for the command ${cmd}")
    continue()
  endif()
  string(SUBSTRING "${text}" ${at} -1 part)
  string(SUBSTRING "${part}" 1 -1 part)
  string(REGEX REPLACE "\n[.]S[HS] .*" "" part "${part}")

  if(NOT cmd IN_LIST completed_commands)
    fail("the completion does not complete the command ${cmd}")
  endif()
  set(opts "")
  if(completion MATCHES "\n\t${cmd}[)]\n\t\topts='([^']*)'")
    string(REPLACE " " ";" opts "${CMAKE_MATCH_1}")
  else()
    fail("the completion has no options for ${cmd}")
  endif()

  # Every option of the usage (the lines up to the first blank one).
  run(help "${MUSTER}" help "${cmd}")
  string(FIND "${help}" "\n\n" end)
  string(SUBSTRING "${help}" 0 ${end} usage)
  string(REGEX MATCHALL "--[a-z0-9-]+" usage_opts "${usage}")
  # The page names each in the command's usage and explains it in an entry
  # of its own (DESIGN.md §5: the help explains every option).
  string(FIND "${part}" "\n.fi\n" end)
  string(SUBSTRING "${part}" 0 ${end} page_usage)
  foreach(opt IN LISTS usage_opts)
    string(FIND "${page_usage}" "${opt}" found)
    if(found EQUAL -1)
      fail("muster.1 does not name ${opt} in the usage of muster ${cmd}")
    endif()
    if(NOT part MATCHES "\n[.]TP\n${opt}[ \n]")
      fail("muster.1 has no entry for ${opt} under muster ${cmd}")
    endif()
    if(NOT opt IN_LIST opts)
      fail("the completion does not offer ${opt} after muster ${cmd}")
    endif()
  endforeach()
  # And its description: the first words of its first line of prose.
  if(help MATCHES "\n\n([A-Z][^ \n]* [^ \n]+ [^ \n]+)")
    string(FIND "${part}" "${CMAKE_MATCH_1}" found)
    if(found EQUAL -1)
      fail("muster.1 does not have '${CMAKE_MATCH_1}' under muster ${cmd}")
    endif()
  endif()
endforeach()

# --- groff reads the page without a warning; bash reads the completion ---
find_program(GROFF_EXECUTABLE groff)
if(GROFF_EXECUTABLE)
  execute_process(COMMAND "${GROFF_EXECUTABLE}" -k -man -Tutf8 -ww -z "${MAN}"
    ERROR_VARIABLE warnings RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT warnings STREQUAL "")
    fail("groff -ww on muster.1 (${rc}): ${warnings}")
  endif()
endif()
find_program(BASH_EXECUTABLE bash)
if(BASH_EXECUTABLE)
  # What <Tab> offers after "muster so" and after "muster solve --wr".
  execute_process(COMMAND "${BASH_EXECUTABLE}" -c [=[
      set -e
      . "$1"
      complete -p muster >/dev/null
      COMP_WORDS=(muster so); COMP_CWORD=1; _muster
      echo "${COMPREPLY[*]}"
      COMP_WORDS=(muster solve --wr); COMP_CWORD=2; _muster
      echo "${COMPREPLY[*]}"]=] test_docs "${COMPLETION}"
    OUTPUT_VARIABLE offered ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT offered STREQUAL "solve\n--write-mps --write-mps-natural\n")
    fail("the completion offers '${offered}' (${rc}: ${err})")
  endif()
endif()

# --- cmake --install: the binary, the page and the completion ---
file(REMOVE_RECURSE "${WORK}")
run(unused "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${WORK}/prefix")
foreach(path bin/muster share/bash-completion/completions/muster)
  if(NOT EXISTS "${WORK}/prefix/${path}")
    fail("cmake --install did not write PREFIX/${path}")
  endif()
endforeach()
file(GLOB pages "${WORK}/prefix/share/man/man1/muster.1*")
if(NOT pages MATCHES "/muster[.]1(\\.gz)?$")
  fail("cmake --install did not write PREFIX/share/man/man1/muster.1: '${pages}'")
endif()
if(EXISTS "${WORK}/prefix/bin/muster")
  run(installed_version "${WORK}/prefix/bin/muster" --version)
  if(NOT installed_version STREQUAL version)
    fail("the installed muster prints '${installed_version}', the built one '${version}'")
  endif()
endif()

if(n_failures GREATER 0)
  message(FATAL_ERROR "test_docs: ${n_failures} failures")
endif()
message(STATUS "test_docs: ${n_commands} commands, their options, --version and the install: ok")
