/* libedit's histedit.h, plus fixed-argument wrappers of its variadic el_set/el_get/
 * history calls, which Swift cannot call. */
#ifndef HUBSH_CEDITLINE_SHIM_H
#define HUBSH_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>

typedef char *_Nullable (*hubsh_el_prompt_fn)(EditLine *_Nullable);
typedef unsigned char (*hubsh_el_command_fn)(EditLine *_Nullable, int);

static inline EditLine *_Nullable hubsh_el_init(const char *_Nonnull program) { return el_init(program, stdin, stdout, stderr); }
static inline int hubsh_el_set_prompt(EditLine *_Nonnull el, hubsh_el_prompt_fn _Nonnull f) { return el_set(el, EL_PROMPT, f); }
static inline int hubsh_el_set_editor(EditLine *_Nonnull el, const char *_Nonnull mode) { return el_set(el, EL_EDITOR, mode); }
static inline int hubsh_el_set_signal(EditLine *_Nonnull el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int hubsh_el_set_clientdata(EditLine *_Nonnull el, void *_Nullable data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *_Nullable hubsh_el_get_clientdata(EditLine *_Nonnull el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int hubsh_el_set_history(EditLine *_Nonnull el, History *_Nonnull h) { return el_set(el, EL_HIST, history, h); }
static inline int hubsh_el_add_function(EditLine *_Nonnull el, const char *_Nonnull name, const char *_Nonnull help,
                                        hubsh_el_command_fn _Nonnull f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int hubsh_el_bind(EditLine *_Nonnull el, const char *_Nonnull key, const char *_Nonnull command) {
    return el_set(el, EL_BIND, key, command, NULL);
}
static inline int hubsh_history_set_size(History *_Nonnull h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
static inline int hubsh_history_set_unique(History *_Nonnull h, int unique) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, unique); }
static inline int hubsh_history_enter(History *_Nonnull h, const char *_Nonnull line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int hubsh_history_load(History *_Nonnull h, const char *_Nonnull file) { HistEvent ev; return history(h, &ev, H_LOAD, file); }
static inline int hubsh_history_save(History *_Nonnull h, const char *_Nonnull file) { HistEvent ev; return history(h, &ev, H_SAVE, file); }
static inline int hubsh_el_refresh_code(void) { return CC_REFRESH; }
static inline int hubsh_el_redisplay_code(void) { return CC_REDISPLAY; }
static inline int hubsh_el_error_code(void) { return CC_ERROR; }
#endif
