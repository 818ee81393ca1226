/* Lua's public headers, plus its function-like macros re-exported as static inline
 * functions, since Swift imports neither macros with arguments nor variadics. */
#ifndef HUBSH_CLUA_SHIM_H
#define HUBSH_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

static inline void hubsh_lua_pop(lua_State *_Nonnull L, int n) { lua_pop(L, n); }
static inline void hubsh_lua_newtable(lua_State *_Nonnull L) { lua_newtable(L); }
static inline int hubsh_lua_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline int hubsh_lua_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline const char *_Nullable hubsh_lua_tostring(lua_State *_Nonnull L, int i) { return lua_tostring(L, i); }
static inline lua_Number hubsh_lua_tonumber(lua_State *_Nonnull L, int i) { return lua_tonumber(L, i); }
static inline lua_Integer hubsh_lua_tointeger(lua_State *_Nonnull L, int i) { return lua_tointeger(L, i); }
static inline int hubsh_lua_isnoneornil(lua_State *_Nonnull L, int i) { return lua_isnoneornil(L, i); }
static inline void hubsh_lua_pushglobaltable(lua_State *_Nonnull L) { lua_pushglobaltable(L); }
static inline void hubsh_lua_insert(lua_State *_Nonnull L, int i) { lua_insert(L, i); }
static inline void hubsh_lua_remove(lua_State *_Nonnull L, int i) { lua_remove(L, i); }
static inline void hubsh_lua_replace(lua_State *_Nonnull L, int i) { lua_replace(L, i); }
static inline void *_Nullable hubsh_lua_getextraspace(lua_State *_Nonnull L) { return lua_getextraspace(L); }
static inline int hubsh_lua_pcall(lua_State *_Nonnull L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}
static inline const char *_Nonnull hubsh_lua_typename_of(lua_State *_Nonnull L, int i) {
    return lua_typename(L, lua_type(L, i));
}
static inline int hubsh_lua_ok(void) { return LUA_OK; }
static inline int hubsh_lua_yield_status(void) { return LUA_YIELD; }
static inline int hubsh_lua_multret(void) { return LUA_MULTRET; }
static inline int hubsh_lua_ridx_globals(void) { return LUA_RIDX_GLOBALS; }
static inline int hubsh_lua_noref(void) { return LUA_NOREF; }
static inline int hubsh_lua_refnil(void) { return LUA_REFNIL; }

#endif
