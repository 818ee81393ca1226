/* Reference implementations in plain C, for scripts/bench to compare hubsh's Swift
 * paths against. Not used by hubsh itself. */
#ifndef HUBSH_CBENCHREFERENCE_H
#define HUBSH_CBENCHREFERENCE_H
#include <lua.h>

/* add(a, b) as a plain lua_CFunction: luaL_checkinteger twice, push the sum. */
int hubsh_bench_add(lua_State *_Nullable L);
#endif
