/* See CLuaShim.h. Everything here that raises a Lua error runs in a C frame whose
 * caller is Lua itself, so the longjmp never crosses a Swift frame. */
#include "CLuaShim.h"

#include <lauxlib.h>
#include <lualib.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define HOOK_EVERY 1000  /* instructions between budget checks */
#define BOX_FUNCTION "hubsh.function"

struct hubsh_control {
    size_t used;
    size_t limit;
    int paused;
    volatile sig_atomic_t interrupted;
    long long instructions_left;  /* < 0: no budget */
    long long deadline_ns;        /* 0: no deadline */
    long long budget_ms;
    int stop_reason;
};

static hubsh_dispatch_fn swift_dispatch;
static hubsh_release_fn swift_release;
static char null_sentinel;
static char resume_error_marker;
static char traceback_key;

void hubsh_install(hubsh_dispatch_fn dispatch, hubsh_release_fn release) {
    swift_dispatch = dispatch;
    swift_release = release;
}

void *hubsh_null_sentinel(void) { return &null_sentinel; }
void *hubsh_resume_error_marker(void) { return &resume_error_marker; }

/* ---- allocator ---- */

static void *hubsh_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    hubsh_control *c = ud;
    if (ptr == NULL) osize = 0;  /* osize then encodes the object type */
    if (nsize == 0) {
        free(ptr);
        c->used -= osize;
        return NULL;
    }
    if (c->limit != 0 && !c->paused && nsize > osize && c->used + (nsize - osize) > c->limit)
        return NULL;  /* Lua collects garbage, retries, then raises "not enough memory" */
    void *p = realloc(ptr, nsize);
    if (p == NULL) return NULL;
    c->used = c->used - osize + nsize;
    return p;
}

lua_State *hubsh_newstate(void) {
    hubsh_control *c = calloc(1, sizeof *c);
    if (c == NULL) return NULL;
    c->instructions_left = -1;
    c->paused = 1;  /* Swift's own pushes never fail; protected calls lift the pause */
    lua_State *L = lua_newstate(hubsh_alloc, c);
    if (L == NULL) free(c);
    return L;
}

hubsh_control *hubsh_control_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return ud;
}

void hubsh_closestate(lua_State *L) {
    hubsh_control *c = hubsh_control_of(L);
    lua_close(L);
    free(c);
}

size_t hubsh_memory_used(lua_State *L) { return hubsh_control_of(L)->used; }
void hubsh_memory_set_limit(lua_State *L, size_t limit) { hubsh_control_of(L)->limit = limit; }
void hubsh_memory_pause(lua_State *L, int paused) { hubsh_control_of(L)->paused += paused ? 1 : -1; }

/* ---- interrupt and budgets ---- */

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Stays armed until hubsh_unwatch, so a pcall in the script cannot swallow the stop:
 * the next count event raises again. */
static void watch_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    hubsh_control *c = hubsh_control_of(L);
    if (c->interrupted) {
        c->stop_reason = 1;
        luaL_error(L, "interrupted!");
    }
    if (c->instructions_left >= 0) {
        c->instructions_left -= HOOK_EVERY;
        if (c->instructions_left < 0) {
            c->instructions_left = 0;
            c->stop_reason = 2;
            luaL_error(L, "instruction budget exceeded");
        }
    }
    if (c->deadline_ns != 0 && now_ns() > c->deadline_ns) {
        c->deadline_ns = 1;  /* stays expired */
        c->stop_reason = 3;
        luaL_error(L, "time budget of %d ms exceeded", (int)c->budget_ms);
    }
}

void hubsh_watch(lua_State *L, long long instructions, long long milliseconds) {
    hubsh_control *c = hubsh_control_of(L);
    c->interrupted = 0;
    c->stop_reason = 0;
    c->instructions_left = instructions > 0 ? instructions : -1;
    c->budget_ms = milliseconds;
    c->deadline_ns = milliseconds > 0 ? now_ns() + milliseconds * 1000000LL : 0;
    /* Always armed while a chunk runs: coroutines made now inherit it, so Ctrl-C
     * reaches code running in them too. One call per HOOK_EVERY instructions. */
    lua_sethook(L, watch_hook, LUA_MASKCOUNT, HOOK_EVERY);
}

void hubsh_unwatch(lua_State *L) {
    hubsh_control *c = hubsh_control_of(L);
    lua_sethook(L, NULL, 0, 0);
    c->interrupted = 0;
    c->instructions_left = -1;
    c->deadline_ns = 0;
}

int hubsh_stop_reason(lua_State *L) { return hubsh_control_of(L)->stop_reason; }
int hubsh_interrupted(lua_State *L) { return hubsh_control_of(L)->interrupted != 0; }
void hubsh_note_interrupted(lua_State *L) { hubsh_control_of(L)->stop_reason = 1; }

void hubsh_interrupt(lua_State *L) {
    hubsh_control_of(L)->interrupted = 1;
    /* lua_sethook is safe from a signal handler (lua.c relies on it): fire at once. */
    lua_sethook(L, watch_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, 1);
}

static lua_State *volatile sigint_target;
static volatile sig_atomic_t sigint_second_kills;

static void on_sigint(int sig) {
    (void)sig;
    lua_State *L = sigint_target;
    if (L == NULL) return;
    hubsh_control *c = hubsh_control_of(L);
    if (sigint_second_kills && c->interrupted) _exit(130);
    /* Only the flag: the count hook, armed while a chunk runs, raises at its next
     * check, and code waiting in Swift polls it. Installing a hook here could race
     * with Lua running on another thread. */
    c->interrupted = 1;
}

void hubsh_trap_sigint(lua_State *L, int second_kills) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sigint_target = L;
    sigint_second_kills = second_kills;
    sa.sa_handler = L != NULL ? on_sigint : SIG_DFL;
    sigaction(SIGINT, &sa, NULL);
    if (L != NULL) {
        /* A parent may have spawned us with SIGINT blocked (threads of many runtimes
         * block signals, and the mask is inherited): Ctrl-C must still reach us. */
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    }
}

/* ---- Swift functions and boxes ---- */

/* Whether the value at idx is one of our boxes: a full userdata whose metatable's
 * __gc is hubsh_box_gc. Anything else (io.stdout handed to our __gc through the debug
 * library, say) must never reach swift_release. */
static int is_box(lua_State *L, int idx) {
    if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx)) return 0;
    lua_pushliteral(L, "__gc");
    lua_rawget(L, -2);
    int ours = lua_tocfunction(L, -1) == hubsh_box_gc;
    lua_pop(L, 2);
    return ours && lua_rawlen(L, idx) == sizeof(void *);
}

int hubsh_box_gc(lua_State *L) {
    if (!is_box(L, 1)) return 0;
    void **slot = lua_touserdata(L, 1);
    if (slot != NULL && *slot != NULL) {
        void *box = *slot;
        *slot = NULL;  /* a resurrected object must never be released twice */
        swift_release(box);
    }
    return 0;
}

void **hubsh_push_box(lua_State *L, void *box, const char *tname) {
    void **slot = lua_newuserdatauv(L, sizeof(void *), 1);
    *slot = box;
    if (luaL_newmetatable(L, tname)) {
        lua_pushcfunction(L, hubsh_box_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    return slot;
}

void *hubsh_to_box(lua_State *L, int idx) {
    if (!is_box(L, idx)) return NULL;
    void **slot = lua_touserdata(L, idx);
    return *slot;
}

/* A resume of a coroutine that yielded from Swift: the resume values are the results,
 * unless the first is the error marker, in which case the second is raised here. */
static int resume_continuation(lua_State *L, int status, lua_KContext base) {
    (void)status;
    int first = (int)base + 1;
    if (lua_gettop(L) >= first && lua_touserdata(L, first) == &resume_error_marker) {
        lua_settop(L, first + 1);
        return lua_error(L);
    }
    return lua_gettop(L) - (int)base;
}

static char argerror_detail_key;

static int trampoline(lua_State *L) {
    void **slot = lua_touserdata(L, lua_upvalueindex(1));
    if (slot == NULL || *slot == NULL)  /* its box was finalised (resurrection order, lua_close) */
        return luaL_error(L, "a Swift function was called after it was released");
    int nargs = lua_gettop(L);
    /* Swift builds values on the stack: allocations must not fail (longjmp) under it.
     * Past the limit, the next allocation Lua itself makes fails instead. */
    hubsh_control *c = hubsh_control_of(L);
    c->paused++;
    int n = swift_dispatch(L, *slot);
    c->paused--;
    if (n >= 0) return n;
    if (n == HUBSH_CALL_ERROR) return lua_error(L);
    if (n == HUBSH_CALL_ARGERROR || n == HUBSH_CALL_TYPEERROR) {
        int arg = (int)lua_tointeger(L, -2);
        const char *detail = lua_tostring(L, -1);
        /* Anchor the detail in the registry and put the stack back as the caller left
         * it: an absent argument must read "got no value", not the type of what we pushed. */
        lua_rawsetp(L, LUA_REGISTRYINDEX, &argerror_detail_key);
        lua_settop(L, nargs);
        if (n == HUBSH_CALL_ARGERROR) return luaL_argerror(L, arg, detail);
        return luaL_typeerror(L, arg, detail);
    }
    int nyield = HUBSH_CALL_YIELD_BASE - n;
    if (!lua_isyieldable(L))
        return luaL_error(L, "attempt to yield from outside a coroutine");
    return lua_yieldk(L, nyield, (lua_KContext)(lua_gettop(L) - nyield), resume_continuation);
}

void hubsh_push_swift_function(lua_State *L, void *box) {
    hubsh_push_box(L, box, BOX_FUNCTION);
    lua_pushcclosure(L, trampoline, 1);
}

/* ---- message handler ---- */

int hubsh_msghandler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            msg = lua_tostring(L, -1);
        else
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    /* The traceback goes beside the error; the error value itself is kept as raised,
     * so a table error reaches Swift as the table. */
    luaL_traceback(L, L, msg, 1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &traceback_key);
    lua_settop(L, 1);
    return 1;
}

void hubsh_push_last_traceback(lua_State *L) {
    lua_rawgetp(L, LUA_REGISTRYINDEX, &traceback_key);
    lua_pushnil(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &traceback_key);
}

/* ---- protected calls ---- */

static int do_gettable(lua_State *L) { lua_gettable(L, 1); return 1; }
static int do_settable(lua_State *L) { lua_settable(L, 1); return 0; }
static int do_tolstring(lua_State *L) { luaL_tolstring(L, 1, NULL); return 1; }
static int do_len(lua_State *L) { lua_len(L, 1); return 1; }
static int do_lt(lua_State *L) { lua_pushboolean(L, lua_compare(L, 1, 2, LUA_OPLT)); return 1; }

int hubsh_pgettable(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, do_gettable);
    lua_pushvalue(L, idx);
    lua_pushvalue(L, -3);
    int status = lua_pcall(L, 2, 1, 0);
    lua_remove(L, -2);
    return status;
}

int hubsh_psettable(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, do_settable);
    lua_pushvalue(L, idx);
    lua_pushvalue(L, -4);
    lua_pushvalue(L, -4);
    int status = lua_pcall(L, 3, 0, 0);
    if (status != LUA_OK) {
        lua_replace(L, -3);
        lua_pop(L, 1);
    } else {
        lua_pop(L, 2);
    }
    return status;
}

int hubsh_ptolstring(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, do_tolstring);
    lua_pushvalue(L, idx);
    return lua_pcall(L, 1, 1, 0);
}

int hubsh_plen(lua_State *L, int idx) {
    idx = lua_absindex(L, idx);
    lua_pushcfunction(L, do_len);
    lua_pushvalue(L, idx);
    return lua_pcall(L, 1, 1, 0);
}

int hubsh_pcompare_lt(lua_State *L, int a, int b, int *result) {
    a = lua_absindex(L, a);
    b = lua_absindex(L, b);
    lua_pushcfunction(L, do_lt);
    lua_pushvalue(L, a);
    lua_pushvalue(L, b);
    int status = lua_pcall(L, 2, 1, 0);
    if (status == LUA_OK) {
        *result = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    return status;
}
