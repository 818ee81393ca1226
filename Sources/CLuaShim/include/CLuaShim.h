/* hubsh's own C: the pieces of the Lua boundary that must be C because they
 * longjmp (raising errors and yields) or keep state a signal handler can reach.
 * Swift never calls lua_error; it returns a status and hubsh_trampoline raises. */
#ifndef HUBSH_CLUASHIM_H
#define HUBSH_CLUASHIM_H

#include <stddef.h>
#include <lua.h>

/* What a Swift function bound into Lua returns to the trampoline.
 * n >= 0: return n results. HUBSH_CALL_ERROR: raise the value on top of the stack.
 * HUBSH_CALL_ARGERROR / HUBSH_CALL_TYPEERROR: the stack ends with the argument position
 * (integer) and the detail or expected type name (string); the trampoline raises with
 * luaL_argerror / luaL_typeerror, so the wording is Lua's own.
 * n <= HUBSH_CALL_YIELD_BASE: yield (HUBSH_CALL_YIELD_BASE - n) values. */
#define HUBSH_CALL_ERROR (-1)
#define HUBSH_CALL_ARGERROR (-2)
#define HUBSH_CALL_TYPEERROR (-3)
#define HUBSH_CALL_YIELD_BASE (-10)

/* Runs the Swift closure boxed in `box` for a call from Lua. */
typedef int (*hubsh_dispatch_fn)(lua_State *_Nonnull L, void *_Nonnull box);
/* Releases a Swift object boxed in a userdata, when Lua collects it. */
typedef void (*hubsh_release_fn)(void *_Nonnull box);

/* Installs the Swift entry points; called once before any state is made. */
void hubsh_install(hubsh_dispatch_fn _Nonnull dispatch, hubsh_release_fn _Nonnull release);

/* Pushes a C closure that calls Swift's dispatcher with `box` (retained by the caller,
 * released by the closure's __gc). */
void hubsh_push_swift_function(lua_State *_Nonnull L, void *_Nonnull box);
/* Pushes a full userdata that holds `box` and has metatable `tname` (made if missing,
 * with a __gc that releases the box exactly once). Returns the userdata's slot. */
void *_Nullable *_Nonnull hubsh_push_box(lua_State *_Nonnull L, void *_Nonnull box, const char *_Nonnull tname);
/* The box of the userdata at `idx`, or NULL if it is not a box userdata or already collected. */
void *_Nullable hubsh_to_box(lua_State *_Nonnull L, int idx);
/* The C function used as __gc of box metatables (to add to metatables made elsewhere). */
int hubsh_box_gc(lua_State *_Nullable L);  /* a lua_CFunction */
/* A unique light userdata used as the JSON null sentinel. */
void *_Nonnull hubsh_null_sentinel(void);
/* Marks a resume as failed: pass this light userdata then an error value to lua_resume
 * of a coroutine that yielded from Swift, and the yield point raises the error. */
void *_Nonnull hubsh_resume_error_marker(void);

/* Per-state control: the interrupt flag, budgets and the memory limit. */
typedef struct hubsh_control hubsh_control;
/* Makes a state with hubsh's allocator and control block; NULL when out of memory. */
lua_State *_Nullable hubsh_newstate(void);
void hubsh_closestate(lua_State *_Nonnull L);
hubsh_control *_Nonnull hubsh_control_of(lua_State *_Nonnull L);

/* Memory: bytes in use, the limit (0 = none), and a pause that lets allocations
 * past the limit while Swift builds a value on the stack. The pause is a counter
 * (pause(L, 1) adds one, pause(L, 0) takes one away); a new state starts paused once,
 * and protected calls and the trampoline move it so only Lua code runs limited. */
size_t hubsh_memory_used(lua_State *_Nonnull L);
void hubsh_memory_set_limit(lua_State *_Nonnull L, size_t limit);
void hubsh_memory_pause(lua_State *_Nonnull L, int paused);

/* Budgets for the next chunk: instructions (0 = none) and wall time in ms (0 = none).
 * hubsh_watch arms the hook; hubsh_unwatch disarms it once the chunk has returned. */
void hubsh_watch(lua_State *_Nonnull L, long long instructions, long long milliseconds);
void hubsh_unwatch(lua_State *_Nonnull L);
/* Asks the running chunk of the state to stop, from any thread or a signal handler. */
void hubsh_interrupt(lua_State *_Nonnull L);
/* Installs a SIGINT handler that interrupts `L` (NULL restores the default action).
 * With second_kills, a second Ctrl-C before the first was honoured ends the process
 * (exit 130), for scripts stuck outside Lua; the REPL passes 0. */
void hubsh_trap_sigint(lua_State *_Nullable L, int second_kills);
/* Whether an interrupt is pending for the state (for Swift code that waits). */
int hubsh_interrupted(lua_State *_Nonnull L);
/* Records that the error about to be raised is the interrupt (for LuaError's kind). */
void hubsh_note_interrupted(lua_State *_Nonnull L);
/* What stopped the last watched chunk: 0 nothing, 1 interrupt, 2 instructions, 3 time. */
int hubsh_stop_reason(lua_State *_Nonnull L);

/* Message handler for lua_pcall: the error with a traceback (uses __tostring). */
int hubsh_msghandler(lua_State *_Nullable L);  /* a lua_CFunction */
/* Pushes the traceback the message handler recorded for the last error, or nil. */
void hubsh_push_last_traceback(lua_State *_Nonnull L);

/* Protected versions of API calls that may run metamethods and raise.
 * Each returns a lua_pcall status; on error the message is left on the stack. */
int hubsh_pgettable(lua_State *_Nonnull L, int idx);   /* t[k], k on top; pushes value */
int hubsh_psettable(lua_State *_Nonnull L, int idx);   /* t[k] = v, k v on top */
int hubsh_ptolstring(lua_State *_Nonnull L, int idx);  /* pushes luaL_tolstring */
int hubsh_pcompare_lt(lua_State *_Nonnull L, int a, int b, int *_Nonnull result);
int hubsh_plen(lua_State *_Nonnull L, int idx);        /* pushes #v */

#endif
