/*
 * CEditLine shim: libedit's readline-compatible layer, as Swift 6 can use it.
 *
 * Why this file exists: in Swift 6 language mode every access to a mutable C global
 * (rl_attempted_completion_function, rl_line_buffer, history_length, ...) is a strict-concurrency
 * error. Each global LineEditor needs gets one static inline getter or setter here, and Swift
 * calls only these. No logic lives here.
 *
 * Always include <editline/readline.h>: Debian's libedit.pc adds -I.../editline, so a bare
 * <readline.h> is ambiguous with GNU readline's header.
 */
#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

#include <stdio.h>
#include <editline/readline.h>

/* Completion: the trampoline LineEditor installs, and how libedit should treat its result. */
static inline void cel_set_attempted_completion(rl_completion_func_t *f) {
  rl_attempted_completion_function = f;
}
static inline void cel_set_attempted_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void cel_set_append_character(int c) { rl_completion_append_character = c; }
/* libedit keeps the pointer: pass memory that lives for the whole run. */
static inline void cel_set_basic_word_break_characters(const char *s) {
  rl_basic_word_break_characters = s;
}

/* libedit keeps the pointer: pass memory that lives for the whole run (strdup). */
static inline void cel_set_readline_name(const char *name) { rl_readline_name = name; }

/* The whole line being edited (UTF-8), valid during a completion callback. */
static inline const char *cel_line_buffer(void) { return rl_line_buffer; }

/* History bookkeeping: entries are numbered history_base ..< history_base + history_length. */
static inline int cel_history_length(void) { return history_length; }
static inline int cel_history_base(void) { return history_base; }

#endif
