public enum LuaKitPlaceholder {}
