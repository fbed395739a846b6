# gen_docs.cmake - muster(1) and muster's bash completion, written at build
# time from what the built binary prints: `muster help` (main.c's command
# table) and `muster help CMD` (each cmd_<name>.c's help text): every
# command, option and exit code of either comes from the help, so neither
# can drift from it. Only the page's frame is written here (its FILES and
# SEE ALSO; NAME's line is CMakeLists.txt's MUSTER_SUMMARY).
#   cmake -DMUSTER=BIN -DMAN=muster.1 -DCOMPLETION=FILE -DVERSION=V
#         -DSUMMARY=TEXT -DCLI_H=cli/cli.h [-DGZIP=gzip] -P gen_docs.cmake
# With GZIP, MAN.gz is written beside MAN (gzip -9n: the same bytes on
# every build).
#
# How a help text reads (the layout every cmd_<name>.c follows):
#   - the first paragraph is the usage: "usage: muster CMD ..." and its
#     continuation lines;
#   - a paragraph of lines at the margin is prose, filled by man; one that
#     starts "exit codes: 0 ..." becomes a list of the codes;
#   - lines indented by two spaces are a definition list ("  --out DIR
#     write ...", the description after two or more spaces or on the next
#     lines, indented deeper); lines indented deeper still inside a
#     description are kept as they are (examples). A block that does not
#     read as a definition list is kept as it is, as the terminal shows it.
# Option arguments and positionals complete as files or folders by their
# name in the usage (complete_kind below).

cmake_minimum_required(VERSION 3.18) # lists keep their empty elements (blank lines)

foreach(var MUSTER MAN COMPLETION VERSION SUMMARY CLI_H)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "gen_docs.cmake: -D${var}=... is required")
  endif()
endforeach()

# The help texts hold ';', '[' and ']', which CMake lists split on or
# group by: they travel through this script as control characters, put
# back when the files are written.
string(ASCII 1 SEMI)
string(ASCII 2 LBR)
string(ASCII 3 RBR)

# The lines `muster ARGN` prints, as a list.
function(help_lines out)
  execute_process(COMMAND "${MUSTER}" ${ARGN}
    OUTPUT_VARIABLE text ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR text STREQUAL "")
    message(FATAL_ERROR "gen_docs.cmake: 'muster ${ARGN}' failed (${rc}): ${err}")
  endif()
  string(REPLACE ";" "${SEMI}" text "${text}")
  string(REPLACE "[" "${LBR}" text "${text}")
  string(REPLACE "]" "${RBR}" text "${text}")
  string(REGEX REPLACE "\n+$" "" text "${text}")
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# s as roff text: a backslash printed as one, '-' as the hyphen-minus an
# option is typed with, and a line that would start with a control
# character ('.' or "'") made plain text.
function(roff_escape out s)
  string(REPLACE "\\" "\\e" s "${s}")
  string(REPLACE "-" "\\-" s "${s}")
  if(s MATCHES "^[.']")
    set(s "\\&${s}")
  endif()
  set(${out} "${s}" PARENT_SCOPE)
endfunction()

# One word of a usage line or an option's name: options bold, metavariables
# (DIR, FILE, SCENARIO, W,...) italic, brackets roman; with is_bold, any
# other word bold too ("muster" and the command's name).
function(roff_word out word is_bold)
  if(NOT word MATCHES "^(${LBR}*)(.*[^${RBR}]|)(${RBR}*)$")
    message(FATAL_ERROR "gen_docs.cmake: cannot read '${word}'")
  endif()
  set(open "${CMAKE_MATCH_1}")
  set(core "${CMAKE_MATCH_2}")
  set(close "${CMAKE_MATCH_3}")
  roff_escape(text "${core}")
  if(core STREQUAL "")
  elseif(core MATCHES "^-")
    set(text "\\fB${text}\\fR")
  elseif(core MATCHES "^[A-Z]")
    set(text "\\fI${text}\\fR")
  elseif(is_bold)
    set(text "\\fB${text}\\fR")
  endif()
  set(${out} "${open}${text}${close}" PARENT_SCOPE)
endfunction()

# Words separated by single spaces, each as roff_word has it; the first
# n_bold words bold.
function(roff_words out text n_bold)
  string(REPLACE " " ";" words "${text}")
  set(result "")
  set(sep "")
  set(i 0)
  foreach(word IN LISTS words)
    if(i LESS n_bold)
      roff_word(word "${word}" TRUE)
    else()
      roff_word(word "${word}" FALSE)
    endif()
    string(APPEND result "${sep}${word}")
    set(sep " ")
    math(EXPR i "${i} + 1")
  endforeach()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# The usage paragraph as no-fill lines, without "usage: " (continuation
# lines lose as many spaces, so that they stay aligned).
function(roff_usage out lines)
  set(result ".nf\n")
  foreach(line IN LISTS lines)
    if(line MATCHES "^usage: (.*)$")
      roff_words(text "${CMAKE_MATCH_1}" 2)
    elseif(line MATCHES "^       ( *)(.*)$")
      roff_words(text "${CMAKE_MATCH_2}" 0)
      set(text "${CMAKE_MATCH_1}${text}")
    else()
      message(FATAL_ERROR "gen_docs.cmake: not a usage line: '${line}'")
    endif()
    string(APPEND result "${text}\n")
  endforeach()
  set(${out} "${result}.fi\n" PARENT_SCOPE)
endfunction()

# A paragraph at the margin: "exit codes: 0 ...; 2 ..." as a list of the
# codes, anything else as filled text.
function(roff_prose out lines)
  list(JOIN lines " " joined)
  if(joined MATCHES "^exit codes: ([0-9] .*)$")
    string(REGEX REPLACE "${SEMI} ([0-9]) " "\n\\1 " codes "${CMAKE_MATCH_1}")
    string(REPLACE "\n" ";" codes "${codes}")
    set(result ".PP\nexit codes:\n.PD 0\n")
    foreach(code IN LISTS codes)
      string(REGEX MATCH "^([0-9]) (.*)$" unused "${code}")
      roff_escape(text "${CMAKE_MATCH_2}")
      string(APPEND result ".TP\n.B ${CMAKE_MATCH_1}\n${text}\n")
    endforeach()
    string(APPEND result ".PD\n")
  else()
    set(result ".PP\n")
    foreach(line IN LISTS lines)
      roff_escape(text "${line}")
      string(APPEND result "${text}\n")
    endforeach()
  endif()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# A block of indented lines as a definition list (.TP), or, when it does not
# read as one, as no-fill lines. With is_bold, every term is bold (the
# command list); otherwise its words are set as roff_word sets them.
function(roff_block out lines is_bold)
  set(result "")
  set(is_list TRUE)
  set(has_desc TRUE) # of the item before
  set(col "")        # the indent of the item's description
  set(is_literal FALSE)
  foreach(line IN LISTS lines)
    if(line MATCHES "^  [^ ]")
      if(NOT has_desc)
        set(is_list FALSE)
        break()
      endif()
      if(is_literal)
        string(APPEND result ".fi\n")
        set(is_literal FALSE)
      endif()
      string(SUBSTRING "${line}" 2 -1 item)
      if(item MATCHES "^([^ ]+( [^ ]+)*)  +([^ ].*)$")
        set(term "${CMAKE_MATCH_1}")
        set(desc "${CMAKE_MATCH_3}")
        string(LENGTH "${line}" n_line)
        string(LENGTH "${desc}" n_desc)
        math(EXPR col "${n_line} - ${n_desc}")
        set(has_desc TRUE)
      else()
        set(term "${item}")
        set(desc "")
        set(col "")
        set(has_desc FALSE)
      endif()
      if(is_bold)
        roff_escape(term "${term}")
        set(term "\\fB${term}\\fR")
      else()
        roff_words(term "${term}" 0)
      endif()
      string(APPEND result ".TP\n${term}\n")
      if(has_desc)
        roff_escape(desc "${desc}")
        string(APPEND result "${desc}\n")
      endif()
      continue()
    endif()
    string(REGEX MATCH "^ *" indent "${line}")
    string(LENGTH "${indent}" n_indent)
    if(n_indent LESS 3 OR (has_desc AND col STREQUAL ""))
      set(is_list FALSE) # a block's first line, or a line at the margin
      break()
    endif()
    if(NOT has_desc)
      # A term alone on its line: its description starts on the next one.
      set(col ${n_indent})
      set(has_desc TRUE)
    endif()
    # Continuation lines may sit left of the first description line when
    # the term is long ("  max_per_shift.FROM.TO.ROLE  the ..."): the
    # margin of a description is its least indented continuation line.
    if(n_indent LESS col)
      set(col ${n_indent})
    endif()
    string(SUBSTRING "${line}" ${n_indent} -1 text)
    if(n_indent EQUAL col)
      if(is_literal)
        string(APPEND result ".fi\n")
        set(is_literal FALSE)
      endif()
      roff_escape(text "${text}")
    else()
      if(NOT is_literal)
        string(APPEND result ".nf\n")
        set(is_literal TRUE)
      endif()
      math(EXPR n_deeper "${n_indent} - ${col}")
      string(REPEAT " " ${n_deeper} deeper)
      roff_escape(text "${text}")
      set(text "${deeper}${text}")
    endif()
    string(APPEND result "${text}\n")
  endforeach()
  if(is_literal)
    string(APPEND result ".fi\n")
  endif()
  if(is_bold)
    # One line a command, as the terminal has them (.PD 0: no space between).
    set(result ".PD 0\n${result}.PD\n")
  endif()
  if(NOT is_list OR NOT has_desc)
    set(result ".PP\n.nf\n")
    foreach(line IN LISTS lines)
      roff_escape(text "${line}")
      string(APPEND result "${text}\n")
    endforeach()
    string(APPEND result ".fi\n")
  endif()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# A help text without its usage: prose paragraphs and indented blocks.
function(roff_body out lines is_bold)
  set(result "")
  set(chunk "")
  set(kind "")
  list(APPEND lines "") # the last chunk ends like every other
  foreach(line IN LISTS lines)
    if(line STREQUAL "")
      set(this "")
    elseif(line MATCHES "^ ")
      set(this block)
    else()
      set(this prose)
    endif()
    if(NOT this STREQUAL kind AND NOT chunk STREQUAL "")
      if(kind STREQUAL "block")
        roff_block(text "${chunk}" ${is_bold})
      else()
        roff_prose(text "${chunk}")
      endif()
      string(APPEND result "${text}")
      set(chunk "")
    endif()
    set(kind "${this}")
    if(NOT this STREQUAL "")
      list(APPEND chunk "${line}")
    endif()
  endforeach()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# Splits a help text into its usage paragraph and the rest.
function(split_usage usage_out rest_out lines)
  list(FIND lines "" blank)
  if(blank LESS 1)
    message(FATAL_ERROR "gen_docs.cmake: a help text without a blank line after its usage")
  endif()
  list(SUBLIST lines 0 ${blank} usage)
  math(EXPR after "${blank} + 1")
  list(SUBLIST lines ${after} -1 rest)
  list(GET usage 0 first)
  if(NOT first MATCHES "^usage: muster ")
    message(FATAL_ERROR "gen_docs.cmake: a help text that starts '${first}', not 'usage: muster'")
  endif()
  set(${usage_out} "${usage}" PARENT_SCOPE)
  set(${rest_out} "${rest}" PARENT_SCOPE)
endfunction()

# How a metavariable completes: folders, files, command names or nothing.
function(complete_kind out name)
  string(REGEX REPLACE "[.][.][.]$" "" name "${name}")
  if(name MATCHES "^(DIR|SCENARIO|WEEK)$")
    set(kind dir)
  elseif(name MATCHES "^(FILE|OUT|PLAN)$" OR name MATCHES "[.]db$")
    set(kind file)
  elseif(name STREQUAL "COMMAND")
    set(kind command)
  else()
    set(kind none)
  endif()
  set(${out} ${kind} PARENT_SCOPE)
endfunction()

# The bash `case` branch of one command: its options, how each option's
# argument completes, and how its positionals do.
function(completion_case out cmd usage rest)
  set(opts "")
  set(pos none)
  set(is_pos_set FALSE)
  # The usage: every option, the metavariable after it, the positionals.
  list(JOIN usage " " words)
  string(REGEX REPLACE "^usage: muster [^ ]+ *" "" words "${words}")
  string(REGEX REPLACE " +" ";" words "${words}")
  set(opt "")
  foreach(word IN LISTS words)
    string(REGEX MATCH "^${LBR}*(.*[^${RBR}]|)" core "${word}")
    set(core "${CMAKE_MATCH_1}")
    if(core MATCHES "^--")
      list(APPEND opts "${core}")
      set(opt "${core}")
    elseif(core MATCHES "^[A-Z]")
      if(NOT opt STREQUAL "")
        if(NOT DEFINED arg_${opt})
          complete_kind(arg_${opt} "${core}")
        endif()
        set(opt "")
      elseif(NOT is_pos_set)
        complete_kind(pos "${core}")
        set(is_pos_set TRUE)
      endif()
    else()
      set(opt "")
    endif()
  endforeach()
  # The option list: "  --out DIR   ..." and "  --lp   ..." (no argument).
  # (A group that takes no part in a match keeps its CMAKE_MATCH_<n> from
  # an earlier one: no optional groups here.)
  foreach(line IN LISTS rest)
    if(line MATCHES "^  (--[a-z0-9-]+) ([A-Z][^ ]*)")
      set(opt "${CMAKE_MATCH_1}")
      if(NOT DEFINED arg_${opt})
        complete_kind(arg_${opt} "${CMAKE_MATCH_2}")
      endif()
      list(APPEND opts "${opt}")
    elseif(line MATCHES "^  (--[a-z0-9-]+)")
      list(APPEND opts "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  list(APPEND opts --help)
  list(REMOVE_DUPLICATES opts)
  list(JOIN opts " " opt_words)
  set(result "\t${cmd})\n\t\topts='${opt_words}' pos=${pos}\n\t\tcase $prev in\n")
  foreach(opt IN LISTS opts)
    if(DEFINED arg_${opt})
      string(APPEND result "\t\t${opt}) arg=${arg_${opt}} ;;\n")
    endif()
  endforeach()
  string(APPEND result "\t\tesac\n\t\t;;\n")
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# --- muster help: the overview and the command list ---
help_lines(overview help)
split_usage(overview_usage overview_rest "${overview}")
set(commands "")
set(description "")
set(exit_status "")
set(paragraph "")
list(APPEND overview_rest "")
foreach(line IN LISTS overview_rest)
  if(line MATCHES "^  ([a-z][a-z0-9-]*) ")
    list(APPEND commands "${CMAKE_MATCH_1}")
  endif()
  if(NOT line STREQUAL "")
    list(APPEND paragraph "${line}")
    continue()
  elseif(paragraph STREQUAL "")
    continue()
  endif()
  # The exit codes are the page's EXIT STATUS; the rest its DESCRIPTION.
  list(GET paragraph 0 first)
  if(first MATCHES "^exit codes:")
    set(exit_status "${paragraph}")
  else()
    list(APPEND description "${paragraph}" "")
  endif()
  set(paragraph "")
endforeach()
list(LENGTH commands n_commands)
if(n_commands LESS 2 OR exit_status STREQUAL "")
  message(FATAL_ERROR "gen_docs.cmake: 'muster help' lists no commands or no exit codes")
endif()

# --- the man page ---
file(READ "${CLI_H}" cli_h)
if(NOT cli_h MATCHES "#define CLI_DEFAULT_DB \"([^\"]+)\"")
  message(FATAL_ERROR "gen_docs.cmake: no CLI_DEFAULT_DB in ${CLI_H}")
endif()
set(default_db "${CMAKE_MATCH_1}")

roff_escape(summary "${SUMMARY}")
roff_usage(synopsis "${overview_usage}")
roff_body(description "${description}" TRUE)
roff_prose(exit_status "${exit_status}")
# The overview's "exit codes:" lead-in is the section's title here.
string(REGEX REPLACE "^\\.PP\nexit codes:\n" "" exit_status "${exit_status}")
set(page [=[.\" -*- coding: UTF-8 -*-
.\" muster.1 - written at build time by cli/gen_docs.cmake from `muster help`
.\" and `muster help COMMAND`: edit the help texts in cli/, not this page.
.TH MUSTER 1 "" "muster @VERSION@" "User Commands"
.nh
.ad l
.SH NAME
muster \- @summary@
.SH SYNOPSIS
@synopsis@.nf
\fBmuster\fR \fB\-\-version\fR
.fi
.SH DESCRIPTION
@description@.SH COMMANDS
]=])
string(CONFIGURE "${page}" page @ONLY)

set(cases "")
foreach(cmd IN LISTS commands)
  help_lines(lines help "${cmd}")
  split_usage(usage rest "${lines}")
  roff_usage(usage_roff "${usage}")
  roff_body(body "${rest}" FALSE)
  string(APPEND page ".SS \"muster ${cmd}\"\n${usage_roff}${body}")
  completion_case(case "${cmd}" "${usage}" "${rest}")
  string(APPEND cases "${case}")
endforeach()

roff_escape(db "${default_db}")
string(APPEND page [=[
.SH EXIT STATUS
]=] "${exit_status}" [=[
.SH FILES
.TP
.I ]=] "${db}" [=[

The run database (SQLite), in the current folder unless \fB\-\-db\fR \fIFILE\fR
names another: every run muster records, and what \fBmuster runs\fR and
\fBmuster show\fR read.
.SH SEE ALSO
.BR sqlite3 (1),
.BR glpsol (1)
]=])

# --- the bash completion ---
list(JOIN commands " " command_words)
set(completion [=[# bash completion for muster(1) - written at build time by cli/gen_docs.cmake
# from `muster help` and `muster help COMMAND`: edit the help texts in cli/.

# Sets COMPREPLY to the folders (-d) or files (-f) that start with $2.
_muster_paths()
{
	local IFS=$'\n'
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen "$1" -- "$2"))
}

_muster()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local commands='@command_words@' opts='' pos=none arg=''
	COMPREPLY=()
	if ((COMP_CWORD == 1)); then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--help --version' -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		fi
		return
	fi
	case ${COMP_WORDS[1]} in
@cases@	*) return ;;
	esac
	case $arg in
	dir) _muster_paths -d "$cur" ;;
	file) _muster_paths -f "$cur" ;;
	none) ;;
	*)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		else
			case $pos in
			dir) _muster_paths -d "$cur" ;;
			file) _muster_paths -f "$cur" ;;
			command) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
			esac
		fi
		;;
	esac
}
complete -F _muster muster
]=])
string(CONFIGURE "${completion}" completion @ONLY)

foreach(var page completion)
  string(REPLACE "${SEMI}" ";" ${var} "${${var}}")
  string(REPLACE "${LBR}" "[" ${var} "${${var}}")
  string(REPLACE "${RBR}" "]" ${var} "${${var}}")
endforeach()
file(WRITE "${MAN}" "${page}")
file(WRITE "${COMPLETION}" "${completion}")
if(GZIP)
  execute_process(COMMAND "${GZIP}" -9n -c "${MAN}" OUTPUT_FILE "${MAN}.gz" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gen_docs.cmake: ${GZIP} ${MAN} failed (${rc})")
  endif()
endif()
